//! "Importera SIE": the year's figures from the bookkeeping. The engine parses and maps; this
//! shows what it found, lets the treasurer choose where the figures go, and shows the mapping
//! table where any account can be moved to another line.

use std::sync::Arc;

use kassoren_engine::date::Date;
use kassoren_engine::model::{FiscalYear, LegalForm, Report, MAX_FISCAL_YEAR_MONTHS};
use kassoren_engine::money::format_for_input;
use kassoren_engine::sie::{
    self, FormSource, Import, ImportOptions, Level, Placement, SieFile, WarningCode,
};
use leptos::prelude::*;

use crate::parts::View;
use crate::store::Store;

/// The SIE file of this session waiting for the treasurer's choice. Not stored: what the
/// mapping table needs is kept in the report (`Report::sie_accounts`).
#[derive(Clone, Copy)]
pub struct SieState {
    pub pending: RwSignal<Option<Arc<SieFile>>>,
}

impl Default for SieState {
    fn default() -> SieState {
        SieState {
            pending: RwSignal::new(None),
        }
    }
}

/// Whether a file name is a SIE file's (`.se`, `.si`, `.sie`).
pub fn is_sie_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".se", ".si", ".sie"].iter().any(|e| lower.ends_with(e))
}

/// Parses a chosen or dropped SIE file; a bad file changes nothing and says why.
pub fn open_sie(store: Store, state: SieState, name: &str, bytes: &[u8]) {
    match sie::parse(bytes) {
        Ok(file) => state.pending.set(Some(Arc::new(file))),
        Err(e) => store.fail(format!(
            "\"{name}\" kunde inte läsas som en SIE-fil. {e} Inget har ändrats."
        )),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Target {
    Current,
    New,
}

fn level_class(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "info",
    }
}

/// The import dialog: what the file holds, where it goes, what the import would do.
#[component]
pub fn SieImportDialog(file: Arc<SieFile>) -> impl IntoView {
    let store = expect_context::<Store>();
    let state = expect_context::<SieState>();
    let example = store.report.with_untracked(|r| r.settings.example);
    let target = RwSignal::new(if example {
        Target::New
    } else {
        Target::Current
    });
    let form = RwSignal::new(None::<LegalForm>);
    let apply = RwSignal::new(false);
    // A file without #RAR: the year the vouchers give, which the treasurer may change.
    let changeable = file.year_source.is_changeable();
    let proposed = file.years.get(&0).copied();
    let year_start = RwSignal::new(proposed.map(|y| y.start.to_string()).unwrap_or_default());
    let year_end = RwSignal::new(proposed.map(|y| y.end.to_string()).unwrap_or_default());
    let chosen_year = Memo::new(move |_| {
        let (Ok(start), Ok(end)) = (
            year_start.get().parse::<Date>(),
            year_end.get().parse::<Date>(),
        ) else {
            return Err("Skriv räkenskapsårets första och sista dag.".to_string());
        };
        let y = FiscalYear { start, end };
        if end < start {
            Err("Räkenskapsårets sista dag ska vara efter den första.".into())
        } else if y.months() > MAX_FISCAL_YEAR_MONTHS {
            Err(format!(
                "Ett räkenskapsår är högst {MAX_FISCAL_YEAR_MONTHS} månader."
            ))
        } else {
            Ok(y)
        }
    });
    let f = file.clone();
    let result = Memo::new(move |_| {
        let options = ImportOptions {
            form: form.get(),
            apply_changes: apply.get(),
            fiscal_year: if changeable {
                chosen_year.get().ok().filter(|y| Some(*y) != proposed)
            } else {
                None
            },
        };
        match target.get() {
            Target::New => sie::import(&f, None, &options),
            Target::Current => store.report.with(|r| sie::import(&f, Some(r), &options)),
        }
    });
    let summary = {
        let name = file
            .company_name
            .clone()
            .unwrap_or_else(|| "(namn saknas)".into());
        let org = file.org_nr.clone().unwrap_or_default();
        let kind = file
            .sie_type
            .map(|t| format!("SIE typ {t}"))
            .unwrap_or_else(|| "SIE".into());
        format!(
            "{name} {org} · {kind} · teckenkodning {} · {} konton · {} verifikationer",
            file.encoding.label(),
            file.accounts.len(),
            file.vouchers
        )
    };
    // When neither #FTYP nor the name tells the form, the treasurer chooses it.
    let must_choose = Memo::new(move |_| {
        target.get() == Target::New
            && form.get().is_none()
            && result.with(|i| matches!(i.form_source, FormSource::Default { .. }))
    });
    let close = move || state.pending.set(None);
    let year_error = Memo::new(move |_| {
        if changeable {
            chosen_year.get().err()
        } else {
            None
        }
    });
    let confirm = {
        move |_| {
            if year_error.get_untracked().is_some()
                || result.with_untracked(|i| i.nothing_to_import())
            {
                return;
            }
            let import: Import = result.get_untracked();
            match target.get_untracked() {
                Target::New => {
                    // Not stored (too big for the browser): the store has said why.
                    if !store.add_new(import.report, None) {
                        return;
                    }
                }
                Target::Current => {
                    if let Err(e) = store.keep_snapshot("Före SIE-import") {
                        store.fail(format!("Importen gjordes inte: ingen säkerhetskopia av årsredovisningen kunde sparas ({e}). Spara den som fil först."));
                        return;
                    }
                    store.edit(|r| *r = import.report);
                }
            }
            state.pending.set(None);
            store.view.set(View::Accounts);
            store.notify("SIE-filen är importerad. Kontrollera hur kontona placerats nedan; varje konto kan flyttas till en annan rad.");
        }
    };
    view! {
        <div class="dialog sie-dialog" role="dialog" aria-modal="true" aria-labelledby="sie-title">
            <h2 id="sie-title">"Importera SIE"</h2>
            <p class="hint">{summary}</p>
            <fieldset class="choice">
                <legend>"Vart ska siffrorna?"</legend>
                <label class="check">
                    <input type="radio" name="sie-target" prop:checked=move || target.get() == Target::Current
                        on:change=move |_| target.set(Target::Current) />
                    "Till den öppna årsredovisningen (beloppen för räkenskapsåret och jämförelseåret ersätts)"
                </label>
                <label class="check">
                    <input type="radio" name="sie-target" prop:checked=move || target.get() == Target::New
                        on:change=move |_| target.set(Target::New) />
                    "Som en ny årsredovisning"
                </label>
            </fieldset>
            <Show when=move || target.get() == Target::New>
                <label class="field" for="sie-form">
                    <span class="field-label">"Associationsform"</span>
                    <select id="sie-form" on:change=move |ev| form.set(LegalForm::from_slug(&event_target_value(&ev)))>
                        <option value="">{move || format!("Enligt filen – {}", result.with(|i| kassoren_engine::util::case::to_lower(i.form.label())))}</option>
                        {LegalForm::ALL.iter().map(|f| view! { <option value=f.slug()>{f.label()}</option> }).collect_view()}
                    </select>
                </label>
            </Show>
            <p class="form-line">{move || result.with(|i| i.form_source.describe())}</p>
            <Show when=move || changeable>
                <fieldset class="year sie-year">
                    <legend>"Räkenskapsår (filen anger inget, #RAR saknas)"</legend>
                    <label class="field inline" for="sie-year-start">
                        <span class="field-label">"Första dag"</span>
                        <input id="sie-year-start" type="date" prop:value=move || year_start.get()
                            on:change=move |ev| year_start.set(event_target_value(&ev)) />
                    </label>
                    <label class="field inline" for="sie-year-end">
                        <span class="field-label">"Sista dag"</span>
                        <input id="sie-year-end" type="date" prop:value=move || year_end.get()
                            on:change=move |ev| year_end.set(event_target_value(&ev)) />
                    </label>
                    {move || year_error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
                </fieldset>
            </Show>
            <Show when=move || must_choose.get()>
                <p class="form-error" role="alert">
                    "Filen säger inte vilken associationsform organisationen har. Välj den ovan innan du importerar."
                </p>
            </Show>
            <ul class="sie-years">
                {move || result.with(|i| {
                    let labels: Vec<String> = i.report.years.iter().map(|y| y.label()).collect();
                    i.years.iter().map(|y| {
                        let label = labels.get(y.year).cloned().unwrap_or_default();
                        view! { <li>{y.describe(&label)}</li> }
                    }).collect_view()
                })}
            </ul>
            <ul class="sie-warnings">
                {move || result.with(|i| i.warnings.iter().map(|w| view! {
                    <li class=level_class(w.level)><strong>{w.level.label()}": "</strong>{w.message.clone()}</li>
                }).collect_view())}
            </ul>
            <Show when=move || result.with(|i| !i.changes.is_empty()) || apply.get()>
                <div class="sie-changes">
                    <p>"Det här har du skrivit in själv och filen säger något annat:"</p>
                    <ul>
                        {move || result.with(|i| i.changes.iter().map(|c| view! { <li>{c.describe()}</li> }).collect_view())}
                    </ul>
                    <label class="check">
                        <input type="checkbox" prop:checked=move || apply.get() on:change=move |ev| apply.set(event_target_checked(&ev)) />
                        "Ersätt också det jag skrivit in med filens uppgifter"
                    </label>
                </div>
            </Show>
            <div class="dialog-actions">
                <button type="button" class="primary" on:click=confirm disabled=move || must_choose.get() || year_error.get().is_some() || result.with(|i| i.nothing_to_import())>"Importera"</button>
                <button type="button" on:click=move |_| close()>"Avbryt"</button>
            </div>
        </div>
    }
}

/// The input lines an account may be moved to: the balansräkning's for a balance account, the
/// resultaträkning's for a result account.
fn input_lines(r: &Report, balance: bool) -> Vec<(String, String)> {
    let st = if balance {
        &r.balance_sheet
    } else {
        &r.income_statement
    };
    st.all_lines()
        .into_iter()
        .filter(|l| matches!(l.kind, kassoren_engine::model::LineKind::Input { .. }))
        .map(|l| (l.id.clone(), l.label.clone()))
        .collect()
}

/// The mapping table: every account of the last imported file, its amounts and its line, from
/// the table kept in the report, so it is there on every visit.
#[component]
pub fn AccountsView() -> impl IntoView {
    let store = expect_context::<Store>();
    let kept = Memo::new(move |_| store.report.with(|r| sie::kept_file(r).map(Arc::new)));
    view! {
        <section class="editor-part">
            <h2>"Konton från SIE"</h2>
            {move || match kept.get() {
                None => view! {
                    <p class="hint">
                        "Här visas hur kontona i en importerad SIE-fil placerats på raderna i resultat- och balansräkningen. Importera en SIE-fil med knappen \"Importera SIE\"."
                    </p>
                }.into_any(),
                Some(file) => view! { <MappingTable file=file /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn MappingTable(file: Arc<SieFile>) -> impl IntoView {
    let store = expect_context::<Store>();
    let f = file.clone();
    let import = Memo::new(move |_| {
        store
            .report
            .with(|r| sie::import(&f, Some(r), &ImportOptions::default()))
    });
    let years = Memo::new(move |_| {
        store.report.with(|r| {
            r.years
                .iter()
                .take(2)
                .map(|y| y.label())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <p class="hint">
            "Belopp som i filen: debet positivt, kredit negativt. Välj en annan rad för att flytta ett konto; valet sparas i årsredovisningen och används igen när nästa års SIE-fil importeras."
        </p>
        <ul class="sie-warnings">
            {move || import.with(|i| i.warnings.iter().filter(|w| w.level != Level::Info && w.code != WarningCode::NoBalances).map(|w| view! {
                <li class=level_class(w.level)><strong>{w.level.label()}": "</strong>{w.message.clone()}</li>
            }).collect_view())}
        </ul>
        <div class="table-scroll">
            <table class="mapping">
                <thead>
                    <tr>
                        <th scope="col">"Konto"</th>
                        <th scope="col">"Namn i filen"</th>
                        {move || years.get().into_iter().map(|y| view! { <th scope="col" class="num">{y}</th> }).collect_view()}
                        <th scope="col">"Rad i årsredovisningen"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || import.with(|i| i.mapping.iter().map(|m| m.account).collect::<Vec<_>>()) key=|a| *a let:account>
                        <MappingRowView file=file.clone() account=account import=import />
                    </For>
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn MappingRowView(file: Arc<SieFile>, account: u32, import: Memo<Import>) -> impl IntoView {
    let store = expect_context::<Store>();
    let row = Memo::new(move |_| {
        import.with(|i| i.mapping.iter().find(|m| m.account == account).cloned())
    });
    let balance = row.with_untracked(|r| r.as_ref().is_some_and(|r| r.balance_account));
    let options = Memo::new(move |_| store.report.with(|r| input_lines(r, balance)));
    let current = move || {
        row.with(|r| match r.as_ref().map(|r| &r.placement) {
            Some(Placement::Line { id, .. }) => id.clone(),
            _ => String::new(),
        })
    };
    let result_account = row.with_untracked(|r| {
        r.as_ref()
            .is_some_and(|r| r.placement == Placement::ResultAccount)
    });
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let line = (!value.is_empty()).then_some(value);
        let moved = store.report.with_untracked(|r| {
            sie::move_account(
                &file,
                r,
                account,
                line.as_deref(),
                &ImportOptions::default(),
            )
        });
        match moved {
            Some(i) => store.edit(|r| *r = i.report),
            None => store.fail("Kontot kunde inte flyttas dit."),
        }
    };
    view! {
        <tr class:overridden=move || row.with(|r| r.as_ref().is_some_and(|r| r.overridden))
            class:unmapped=move || row.with(|r| r.as_ref().is_some_and(|r| r.placement == Placement::Unmapped))
            data-account=account>
            <th scope="row">{account}{move || row.with(|r| r.as_ref().and_then(|r| r.bas_account)).map(|bas| view! { <span class="hint bas">" (BAS "{bas}")"</span> })}</th>
            <td>{move || row.with(|r| r.as_ref().map(|r| r.name.clone()))}</td>
            {move || row.with(|r| {
                let amounts = r.as_ref().map(|r| r.amounts.clone()).unwrap_or_default();
                (0..2).map(|y| view! {
                    <td class="num">{amounts.get(y).copied().flatten().map(format_for_input)}</td>
                }).collect_view()
            })}
            <td>
                {if result_account {
                    view! { <span class="hint">"Årets resultat (aldrig en egen rad)"</span> }.into_any()
                } else {
                    view! {
                        <select aria-label=format!("Rad för konto {account}") prop:value=current on:change=on_change>
                            <option value="">"Enligt kontoplanen"</option>
                            {move || options.get().into_iter().map(|(id, label)| {
                                let selected = current() == id;
                                view! { <option value=id selected=selected>{label}</option> }
                            }).collect_view()}
                        </select>
                        {move || row.with(|r| r.as_ref().is_some_and(|r| r.overridden)).then(|| view! { <span class="badge">"flyttat"</span> })}
                        {move || row.with(|r| r.as_ref().is_some_and(|r| r.placement == Placement::Unmapped)).then(|| view! { <span class="badge warn">"ingen rad"</span> })}
                    }.into_any()
                }}
            </td>
        </tr>
    }
}

//! The reports kept in the browser (open, duplicate, rename, delete) and "Ny rapport" (the
//! organisation, its fiscal year and the document type).

use kassoren_engine::date::Date;
use kassoren_engine::model::{DocumentType, FiscalYear, LegalForm};
use kassoren_engine::{json, orgnr, template};
use leptos::prelude::*;

use super::date_input::DateInput;
use crate::dom::local_time_ms;
use crate::snapshots::{self, Snapshot};
use crate::store::Store;

#[component]
pub fn ReportList(on_close: Callback<()>) -> impl IntoView {
    let store = expect_context::<Store>();
    let persistence = expect_context::<crate::pwa::Persistence>();
    let confirm = RwSignal::new(None::<String>);
    let snapshots_changed = RwSignal::new(0u32);
    view! {
        <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="reports-title">
            <h2 id="reports-title">"Mina rapporter"</h2>
            <p class="hint">"Sparas bara i den här webbläsaren. Använd \"Spara som fil\" för att dela eller säkerhetskopiera."</p>
            <p class="hint" data-testid="storage-used">
                {format!(
                    "Rapporterna använder {} kB av webbläsarens lagring (oftast högst omkring 5 000 kB).",
                    crate::storage::used().div_ceil(1024)
                )}
            </p>
            <p class="hint" data-testid="persistence">
                {move || crate::pwa::persistence_text(persistence.0.get())}
            </p>
            <ul class="report-list">
                <For each=move || store.index.get() key=|e| (e.id.clone(), e.title.clone()) let:entry>
                    {
                        let id = entry.id.clone();
                        let (open, dup, ren, del, ask) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
                        let current = {
                            let id = id.clone();
                            move || store.current.get() == id
                        };
                        let current_class = current.clone();
                        let asking = {
                            let id = id.clone();
                            move || confirm.get().as_deref() == Some(id.as_str())
                        };
                        let title = entry.title.clone();
                        view! {
                            <li class:current=current_class data-report=id.clone()>
                                <input
                                    type="text"
                                    class="report-title"
                                    aria-label="Namn på rapporten"
                                    value=title.clone()
                                    on:change=move |ev| store.rename(&ren, &event_target_value(&ev))
                                />
                                {if crate::library::readable(&id) {
                                    view! {
                                        <button type="button" on:click=move |_| {
                                            store.open(&open);
                                            on_close.run(());
                                        } disabled=current.clone()>"Öppna"</button>
                                    }.into_any()
                                } else {
                                    let raw_id = id.clone();
                                    view! {
                                        <span class="unreadable">"Kan inte läsas"</span>
                                        <button type="button" on:click=move |_| {
                                            if let Some(text) = crate::library::raw(&raw_id) {
                                                let _ = crate::dom::download(&format!("olaslig-{raw_id}.json"), "application/json", &text);
                                            }
                                        }>"Ladda ner råtexten"</button>
                                    }.into_any()
                                }}
                                <button type="button" on:click=move |_| store.duplicate(&dup)>"Kopiera"</button>
                                <Show
                                    when=asking
                                    fallback=move || {
                                        let ask = ask.clone();
                                        view! { <button type="button" on:click=move |_| confirm.set(Some(ask.clone()))>"Ta bort"</button> }
                                    }
                                >
                                    {
                                        let (del, title) = (del.clone(), title.clone());
                                        view! {
                                            <span class="confirm" role="alert">
                                                {format!("Ta bort \"{title}\"? En kopia sparas under Tidigare versioner. ")}
                                                <button type="button" class="danger" on:click=move |_| {
                                                    store.delete(&del);
                                                    confirm.set(None);
                                                    snapshots_changed.update(|n| *n += 1);
                                                }>"Ja, ta bort"</button>
                                                <button type="button" on:click=move |_| confirm.set(None)>"Avbryt"</button>
                                            </span>
                                        }
                                    }
                                </Show>
                            </li>
                        }
                    }
                </For>
            </ul>
            {move || {
                snapshots_changed.track();
                view! { <EarlierVersions on_close=on_close /> }
            }}
            <button type="button" class="close" on:click=move |_| on_close.run(())>"Stäng"</button>
        </div>
    }
}

/// "Tidigare versioner": every snapshot kept before a destructive step, newest first, deleted
/// reports included. Restoring one adds it as a new report, so nothing is overwritten.
#[component]
fn EarlierVersions(on_close: Callback<()>) -> impl IntoView {
    let store = expect_context::<Store>();
    let mut rows: Vec<(String, Snapshot)> = snapshots::ids()
        .into_iter()
        .flat_map(|id| {
            snapshots::list(&id)
                .into_iter()
                .map(move |s| (id.clone(), s))
        })
        .collect();
    kassoren_engine::util::sort::sort_by(&mut rows, |a, b| b.1.at.total_cmp(&a.1.at));
    if rows.is_empty() {
        return ().into_any();
    }
    let kept = store.index.get_untracked();
    view! {
        <h3 id="earlier-title">"Tidigare versioner"</h3>
        <p class="hint">{format!(
            "Kopior som sparats innan en årsredovisning togs bort, ersattes av en SIE-import eller ändrades samtidigt i en annan flik (de {} senaste per årsredovisning).",
            snapshots::KEEP
        )}</p>
        <table class="snapshots" aria-labelledby="earlier-title">
            <thead><tr><th scope="col">"Årsredovisning"</th><th scope="col">"När"</th><th scope="col">"Varför"</th><th scope="col"><span class="visually-hidden">"Åtgärd"</span></th></tr></thead>
            <tbody>
                {rows.into_iter().map(|(id, snap)| {
                    let deleted = !kept.iter().any(|e| e.id == id);
                    let title = snap.title.clone();
                    let when = local_time_ms(snap.at);
                    let restore = move |_| match json::from_json(&snap.text) {
                        Ok(report) => {
                            store.add(report, Some(format!("{} (återställd {})", snap.title, local_time_ms(snap.at))));
                            store.notify("Den tidigare versionen har återställts som en ny årsredovisning i listan.");
                            on_close.run(());
                        }
                        Err(e) => store.fail(format!("Versionen kunde inte läsas: {e}")),
                    };
                    view! {
                        <tr>
                            <td>{title}{deleted.then_some(" (borttagen)")}</td>
                            <td>{when}</td>
                            <td>{snap.reason.clone()}</td>
                            <td><button type="button" on:click=restore>"Återställ"</button></td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// Asks for the organisation's name, org.nr, legal form and fiscal year, and starts a report
/// from that form's template.
#[component]
pub fn NewReport(on_close: Callback<()>) -> impl IntoView {
    let store = expect_context::<Store>();
    let name = RwSignal::new(String::new());
    let org_nr = RwSignal::new(String::new());
    let form = RwSignal::new(LegalForm::IdeellForening);
    let last_year = js_sys::Date::new_0().get_full_year() as i32 - 1;
    let start = RwSignal::new(Date::new(last_year, 1, 1));
    let end = RwSignal::new(Date::new(last_year, 12, 31));
    let error = RwSignal::new(None::<String>);
    // The document type: what the form and year call for, until the treasurer picks one.
    let picked = RwSignal::new(None::<DocumentType>);
    let document = Memo::new(move |_| {
        let year = start.get().map(|s| FiscalYear {
            start: s,
            end: end.get().unwrap_or(s),
        });
        let default = year
            .map(|y| template::default_document(form.get(), &y))
            .unwrap_or_default();
        picked
            .get()
            .filter(|d| d.refused_for_year(form.get(), start.get()).is_none())
            .unwrap_or(default)
    });
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(s), Some(e)) = (start.get(), end.get()) else {
            error.set(Some("Ange räkenskapsårets första och sista dag.".into()));
            return;
        };
        let year = FiscalYear { start: s, end: e };
        if let Some(problem) = year.problem() {
            error.set(Some(problem));
            return;
        }
        if name.get().trim().is_empty() {
            error.set(Some("Ange organisationens namn.".into()));
            return;
        }
        let nr = orgnr::normalize(&org_nr.get()).unwrap_or_else(|_| org_nr.get());
        let mut report = template::new_report(form.get(), name.get().trim(), &nr, year);
        let kind = document.get_untracked();
        kassoren_engine::edit::set_document(&mut report, kind);
        if store.add_new(report, None) {
            store.notify(format!("{} har skapats från mallen.", kind.label()));
        }
        on_close.run(());
    };
    let org_hint = move || {
        let v = org_nr.get();
        (!v.trim().is_empty())
            .then(|| orgnr::normalize(&v).err().map(|e| e.to_string()))
            .flatten()
    };
    view! {
        <form class="dialog" role="dialog" aria-modal="true" aria-labelledby="new-title" on:submit=create>
            <h2 id="new-title">"Ny rapport"</h2>
            <label class="field" for="new-name">
                <span class="field-label">"Organisationens namn"</span>
                <input id="new-name" type="text" required prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
            </label>
            <label class="field" for="new-orgnr">
                <span class="field-label">"Organisationsnummer"</span>
                <input id="new-orgnr" type="text" placeholder="NNNNNN-NNNN" prop:value=move || org_nr.get()
                    on:input=move |ev| org_nr.set(event_target_value(&ev)) />
                <span class="field-hint error">{org_hint}</span>
            </label>
            <label class="field" for="new-form">
                <span class="field-label">"Associationsform"</span>
                <select id="new-form" on:change=move |ev| {
                    if let Some(f) = LegalForm::from_slug(&event_target_value(&ev)) {
                        form.set(f);
                    }
                }>
                    {LegalForm::ALL.iter().map(|f| view! {
                        <option value=f.slug() selected=*f == LegalForm::IdeellForening>{f.label()}</option>
                    }).collect_view()}
                </select>
            </label>
            <fieldset class="year">
                <legend>"Räkenskapsår"</legend>
                <DateInput id="new-start" label="Första dag" inline=true value=start on_change=move |d| start.set(d) />
                <DateInput id="new-end" label="Sista dag" inline=true value=end on_change=move |d| end.set(d) />
            </fieldset>
            <DocumentChoice name="new-document" form=Signal::derive(move || form.get()) year_start=Signal::derive(move || start.get()) chosen=Signal::derive(move || document.get())
                on_choose=Callback::new(move |d| picked.set(Some(d))) />
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            <div class="dialog-actions">
                <button type="submit" class="primary">"Skapa"</button>
                <button type="button" on:click=move |_| on_close.run(())>"Avbryt"</button>
            </div>
        </form>
    }
}

/// The document types to choose from, each with who it is for; those the form may not use are
/// disabled with the reason.
#[component]
pub fn DocumentChoice(
    name: &'static str,
    form: Signal<LegalForm>,
    /// The fiscal year's first day (a bostadsrättsförening's K2 ends with 2025).
    year_start: Signal<Option<Date>>,
    chosen: Signal<DocumentType>,
    on_choose: Callback<DocumentType>,
) -> impl IntoView {
    view! {
        <fieldset class="document-choice">
            <legend>"Vilket dokument"</legend>
            {DocumentType::ALL.iter().map(|d| {
                let d = *d;
                let id = format!("{name}-{}", d.slug());
                let refused = move || d.refused_for_year(form.get(), year_start.get());
                view! {
                    <label class="choice" for=id.clone() class:disabled=move || refused().is_some()>
                        <input type="radio" id=id.clone() name=name value=d.slug()
                            prop:checked=move || chosen.get() == d
                            prop:disabled=move || refused().is_some()
                            on:change=move |_| on_choose.run(d) />
                        <span class="choice-text">
                            <span class="choice-label">{d.label()}</span>
                            <span class="choice-hint">{move || refused().map(|r| format!("Inte möjligt: {r}.")).unwrap_or_else(|| d.explanation().to_string())}</span>
                        </span>
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}

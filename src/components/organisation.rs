//! The organisation, the fiscal years and the display settings; and the signature page.

use kassoren_engine::date::Date;
use kassoren_engine::edit;
use kassoren_engine::model::{Nil, Person, MAX_FISCAL_YEAR_MONTHS};
use kassoren_engine::money::Unit;
use kassoren_engine::orgnr;
use leptos::prelude::*;

use super::cash_flow::CashFlowChoice;
use super::date_input::DateInput;
use super::document::DocumentEditor;
use super::inputs::{IconButton, TextField};
use crate::ids;
use crate::store::Store;

#[component]
pub fn OrganisationEditor() -> impl IntoView {
    let store = expect_context::<Store>();
    let org_nr = Signal::derive(move || store.report.with(|r| r.organisation.org_nr.clone()));
    let org_nr_problem = move || orgnr::normalize(&org_nr.get()).err().map(|e| e.to_string());
    let years = Memo::new(move |_| store.report.with(|r| r.years.len()));
    view! {
        <section class="editor-part">
            <h2>"Organisation och räkenskapsår"</h2>
            <div class="form-grid">
                <TextField id="org-name" label="Organisationens namn" value=Signal::derive(move || store.report.with(|r| r.organisation.name.clone()))
                    on_change=move |v: String| store.edit(|r| r.organisation.name = v) />
                <label class="field" for="org-org_nr">
                    <span class="field-label">"Organisationsnummer"</span>
                    <input type="text" id="org-org_nr" inputmode="numeric" placeholder="NNNNNN-NNNN"
                        aria-invalid=move || if org_nr_problem().is_some() { "true" } else { "false" }
                        aria-describedby="org-org_nr-hint"
                        prop:value=move || org_nr.get()
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            store.edit(|r| r.organisation.org_nr = v);
                        }
                        on:blur=move |_| {
                            // try_: the field may have been removed while focused.
                            let Some(text) = org_nr.try_get_untracked() else { return };
                            if let Ok(n) = orgnr::normalize(&text) {
                                store.edit(|r| r.organisation.org_nr = n);
                            }
                        }
                    />
                    <span id="org-org_nr-hint" class="field-hint" class:error=move || org_nr_problem().is_some()>
                        {move || org_nr_problem().unwrap_or_else(|| "Giltigt organisationsnummer.".into())}
                    </span>
                </label>
                <p class="field">
                    <span class="field-label">"Associationsform"</span>
                    <span>{move || store.report.with(|r| r.organisation.legal_form.label())}</span>
                </p>
                <TextField id="org-seat" label="Säte (kommun)" value=Signal::derive(move || store.report.with(|r| r.organisation.seat.clone()))
                    on_change=move |v: String| store.edit(|r| r.organisation.seat = v) />
                <label class="field" for="settings-unit">
                    <span class="field-label">"Belopp i utskriften"</span>
                    <select id="settings-unit" prop:value=move || store.report.with(|r| if r.settings.unit == Unit::Tkr { "tkr" } else { "kr" })
                        on:change=move |ev| {
                            let unit = if event_target_value(&ev) == "tkr" { Unit::Tkr } else { Unit::Kr };
                            store.edit(|r| r.settings.unit = unit);
                        }>
                        <option value="kr">"Kronor (kr)"</option>
                        <option value="tkr">"Tusentals kronor (tkr)"</option>
                    </select>
                </label>
                <label class="field" for="settings-nil">
                    <span class="field-label">"Noll i utskriften"</span>
                    <select id="settings-nil" prop:value=move || store.report.with(|r| if r.settings.nil == Nil::Dash { "dash" } else { "zero" })
                        on:change=move |ev| {
                            let nil = if event_target_value(&ev) == "dash" { Nil::Dash } else { Nil::Zero };
                            store.edit(|r| r.settings.nil = nil);
                        }>
                        <option value="zero">"Som 0"</option>
                        <option value="dash">"Som –"</option>
                    </select>
                </label>
            </div>
            <h3>"Dokument"</h3>
            <DocumentEditor />
            <CashFlowChoice />
            <h3>"Räkenskapsår"</h3>
            <p class="hint">{format!("Det första året är räkenskapsåret, därefter jämförelseåren. Ett år får vara kortare eller längre än tolv månader, högst {MAX_FISCAL_YEAR_MONTHS}.")}</p>
            <For each=move || 0..years.get() key=|y| *y let:y>
                <YearFields year=y />
            </For>
        </section>
    }
}

#[component]
fn YearFields(year: usize) -> impl IntoView {
    let store = expect_context::<Store>();
    let label = move || {
        store
            .report
            .with(|r| r.years.get(year).map(|y| y.label()).unwrap_or_default())
    };
    let date_input = move |end: bool| {
        let id = ids::year_date(year, end);
        let value = move || {
            store
                .report
                .with(|r| r.years.get(year).map(|y| if end { y.end } else { y.start }))
        };
        view! {
            <DateInput id=id label={if end { "Slut" } else { "Start" }} inline=true required=true
                value=Signal::derive(value)
                on_change={move |d: Option<Date>| {
                    if let Some(d) = d {
                        store.edit(|r| {
                            if let Some(y) = r.years.get_mut(year) {
                                if end { y.end = d } else { y.start = d }
                            }
                        });
                    }
                }} />
        }
    };
    view! {
        <fieldset class="year">
            <legend>{if year == 0 { "Räkenskapsåret " } else { "Jämförelseår " }} {label}</legend>
            {date_input(false)}
            {date_input(true)}
        </fieldset>
    }
}

#[component]
pub fn SignaturesEditor() -> impl IntoView {
    let store = expect_context::<Store>();
    let board = Memo::new(move |_| {
        store.report.with(|r| {
            r.signatures
                .signatories
                .iter()
                .map(|p| p.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let auditors = Memo::new(move |_| {
        store.report.with(|r| {
            r.signatures
                .auditors
                .iter()
                .map(|p| p.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let date_field = move |id: &'static str, label: &'static str, auditor: bool| {
        view! {
            <DateInput id=id label=label
                value=Signal::derive(move || store.report.with(|r| {
                    if auditor { r.signatures.auditor_report_date } else { r.signatures.date }
                }))
                on_change={move |d: Option<Date>| {
                    store.edit(|r| if auditor { r.signatures.auditor_report_date = d } else { r.signatures.date = d });
                }} />
        }
    };
    view! {
        <section class="editor-part">
            <h2>"Underskrifter"</h2>
            <div class="form-grid">
                <TextField id=ids::SIGN_PLACE label="Ort" value=Signal::derive(move || store.report.with(|r| r.signatures.place.clone()))
                    on_change=move |v: String| store.edit(|r| r.signatures.place = v) />
                {date_field("sign-date", "Datum för underskrifterna", false)}
            </div>
            <h3>"Styrelsen"</h3>
            <For each=move || board.get() key=|p| p.clone() let:id>
                <PersonRow id=id />
            </For>
            <button type="button" class="add" on:click=move |_| store.edit(|r| {
                edit::add_person(r, false);
            })>"+ Styrelseledamot"</button>
            <h3>"Revisorer"</h3>
            <For each=move || auditors.get() key=|p| p.clone() let:id>
                <PersonRow id=id />
            </For>
            <button type="button" class="add" on:click=move |_| store.edit(|r| {
                edit::add_person(r, true);
            })>"+ Revisor"</button>
            {date_field("auditor-date", "Revisionsberättelsen lämnad (datum)", true)}
        </section>
    }
}

#[component]
fn PersonRow(id: String) -> impl IntoView {
    let store = expect_context::<Store>();
    let get = {
        let id = id.clone();
        move |f: fn(&Person) -> String| {
            let id = id.clone();
            Signal::derive(move || {
                store.report.with(|r| {
                    r.signatures
                        .signatories
                        .iter()
                        .chain(&r.signatures.auditors)
                        .find(|p| p.id == id)
                        .map(f)
                        .unwrap_or_default()
                })
            })
        }
    };
    let (n, ro, d) = (id.clone(), id.clone(), id.clone());
    view! {
        <div class="row-fields person" data-person=id.clone()>
            <TextField id=ids::person_name(&id) label="Namn" value=get(|p| p.name.clone()) on_change=move |v: String| store.edit(|r| {
                if let Some(p) = edit::person_mut(r, &n) {
                    p.name = v;
                }
            }) />
            <TextField id=ids::person_role(&id) label="Roll" value=get(|p| p.role.clone()) on_change=move |v: String| store.edit(|r| {
                if let Some(p) = edit::person_mut(r, &ro) {
                    p.role = v;
                }
            }) />
            <IconButton label="Ta bort personen" text="✕" on_click=move |_| store.edit(|r| {
                edit::remove_person(r, &d);
            }) />
        </div>
    }
}

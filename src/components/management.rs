//! The förvaltningsberättelse: its text sections, the computed flerårsöversikt and equity
//! changes (with the movements the treasurer enters), and the resultatdisposition.

use kassoren_engine::compute::equity_columns;
use kassoren_engine::edit;
use kassoren_engine::model::{AmountPlace, Part, Report};
use kassoren_engine::money::{format_for_input, format_percent};
use leptos::prelude::*;

use super::cells;
use super::inputs::{CellText, IconButton, MoneyInput, TextArea};
use super::label_text::LabelText;
use super::narrative::SectionList;
use crate::ids;
use crate::store::Store;

/// An årsredovisning's förvaltningsberättelse; in a verksamhetsberättelse, whose sections are
/// the board's berättelse (edited there), only the board's "Förslag till beslut".
#[component]
pub fn ManagementEditor() -> impl IntoView {
    let store = expect_context::<Store>();
    let document = Memo::new(move |_| store.report.with(|r| r.document));
    move || {
        let d = document.get();
        if d.has_management_report() {
            view! {
                <section class="editor-part">
                    <h2>"Förvaltningsberättelse"</h2>
                    <SectionList part=Part::ManagementReport />
                    <Overview />
                    <EquityEditor />
                    <AppropriationEditor title="Resultatdisposition" />
                </section>
            }
            .into_any()
        } else {
            let title = d.proposal_title().unwrap_or("Förslag till beslut");
            view! {
                <section class="editor-part">
                    <h2>{title}</h2>
                    <AppropriationEditor title="Styrelsens förslag" />
                </section>
            }
            .into_any()
        }
    }
}

#[component]
fn Overview() -> impl IntoView {
    let store = expect_context::<Store>();
    let labels = Memo::new(move |_| {
        store
            .report
            .with(|r| r.years.iter().map(|y| y.label()).collect::<Vec<_>>())
    });
    view! {
        <h3 id="edit-flerarsoversikt">"Flerårsöversikt"</h3>
        <p class="hint">"Räknas ut från resultat- och balansräkningen."</p>
        <table class="figures">
            <thead>
                <tr>
                    <th scope="col">"Belopp i kr"</th>
                    {move || {
                        store
                            .computed
                            .with(|c| c.overview.years.iter().map(|y| y.year).collect::<Vec<_>>())
                            .into_iter()
                            .map(|y| view! { <th scope="col" class="num">{labels.with(|l| l.get(y).cloned())}</th> })
                            .collect_view()
                    }}
                </tr>
            </thead>
            <tbody>
                {move || {
                    store.computed.with(|c| {
                        let o = &c.overview;
                        let row = |label: String, cells: Vec<String>| {
                            view! {
                                <tr>
                                    <th scope="row">{label}</th>
                                    {cells.into_iter().map(|v| view! { <td class="num">{v}</td> }).collect_view()}
                                </tr>
                            }
                        };
                        view! {
                            {row(o.income_label.clone(), o.years.iter().map(|y| format_for_input(y.income)).collect())}
                            {row(
                                "Resultat efter finansiella poster".into(),
                                o.years.iter().map(|y| format_for_input(y.result_after_financial_items)).collect(),
                            )}
                            {row(
                                "Soliditet".into(),
                                o.years.iter().map(|y| y.solidity.map(format_percent).unwrap_or_else(|| "–".into())).collect(),
                            )}
                        }
                    })
                }}
            </tbody>
        </table>
    }
}

fn equity_lines(r: &Report) -> Vec<(String, String)> {
    equity_columns(r)
        .iter()
        .map(|l| (l.id.clone(), l.label.clone()))
        .collect()
}

#[component]
fn EquityEditor() -> impl IntoView {
    let store = expect_context::<Store>();
    let columns = Memo::new(move |_| store.report.with(equity_lines));
    let movements = Memo::new(move |_| {
        store.report.with(|r| {
            r.equity
                .movements
                .iter()
                .map(|m| m.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let earliest = Memo::new(move |_| {
        store
            .report
            .with(|r| r.years.last().map(|y| y.label()).unwrap_or_default())
    });
    view! {
        <h3 id=ids::EQUITY_TABLE>"Förändringar i eget kapital"</h3>
        <p class="hint">
            "Ingående belopp, disposition av föregående års resultat och årets resultat räknas ut. Ange insatser, utdelning, fondavsättningar och andra rörelser nedan (för räkenskapsåret)."
        </p>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Förändringar i eget kapital, tabell">
            <table class="figures equity">
                <thead>
                    <tr>
                        <th scope="col"><span class="visually-hidden">"Post"</span></th>
                        {move || columns.get().into_iter().map(|(_, l)| view! { <th scope="col" class="num">{l}</th> }).collect_view()}
                        <th scope="col" class="num">"Totalt"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        store.computed.with(|c| {
                            c.equity
                                .first()
                                .filter(|e| e.year == 0)
                                .map(|e| {
                                    e.rows
                                        .iter()
                                        .map(|row| {
                                            view! {
                                                <tr class=row.kind.class()>
                                                    <th scope="row">{row.label.clone()}</th>
                                                    {row.amounts.iter().map(|a| view! { <td class="num">{format_for_input(*a)}</td> }).collect_view()}
                                                    <td class="num">{format_for_input(row.total)}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()
                                })
                        })
                    }}
                </tbody>
            </table>
        </div>
        <h4>"Rörelser under räkenskapsåret"</h4>
        <For each=move || movements.get() key=|m| m.clone() let:id>
            <MovementRow id=id columns=columns />
        </For>
        <button type="button" class="add" on:click=move |_| store.edit(|r| {
            edit::add_equity_movement(r, "Ny rörelse");
        })>"+ Rörelse (t.ex. insatser, utdelning)"</button>
        <details class="opening">
            <summary>"Ingående eget kapital för " {move || earliest.get()}</summary>
            <p class="hint">"Behövs för det äldsta året i rapporten, som inte har något år före sig."</p>
            <div class="row-fields">
                {move || {
                    columns
                        .get()
                        .into_iter()
                        .map(|(line, label)| {
                            let key = line.clone();
                            view! {
                                <label class="field inline">
                                    <span class="field-label">{label.clone()}</span>
                                    <MoneyInput
                                        id=ids::equity_opening(&line)
                                        label=format!("Ingående {label}")
                                        value=Signal::derive(move || store.report.with(|r| r.equity.opening.get(&key).map(|m| m.0)))
                                        invalid=cells::kept_text(store, AmountPlace::Opening { line: line.clone() })
                                        on_change=cells::enter(store, AmountPlace::Opening { line: line.clone() })
                                    />
                                </label>
                            }
                        })
                        .collect_view()
                }}
            </div>
        </details>
    }
}

#[component]
fn MovementRow(id: String, columns: Memo<Vec<(String, String)>>) -> impl IntoView {
    let store = expect_context::<Store>();
    let key = id.clone();
    let label = Signal::derive(move || {
        store.report.with(|r| {
            edit::equity_movement(r, &key)
                .map(|m| m.label.clone())
                .unwrap_or_default()
        })
    });
    let (set_label, remove) = (id.clone(), id.clone());
    let cells = {
        let id = id.clone();
        move || {
            columns
                .get()
                .into_iter()
                .map(|(line, name)| {
                    let (mv, key, ln) = (id.clone(), id.clone(), line.clone());
                    view! {
                        <MoneyInput
                            id=ids::equity_cell(&id, &line)
                            label=format!("{name}")
                            value=Signal::derive(move || {
                                store.report.with(|r| edit::equity_movement_amount(r, &key, &ln, 0))
                            })
                            invalid=cells::kept_text(store, AmountPlace::Movement { movement: mv.clone(), line: line.clone(), year: 0 })
                            on_change=cells::enter(store, AmountPlace::Movement { movement: mv.clone(), line: line.clone(), year: 0 })
                        />
                    }
                })
                .collect_view()
        }
    };
    view! {
        <div class="movement row-fields">
            <CellText
                id=ids::equity_label(&id)
                label="Rörelsens namn"
                value=label
                on_change=move |v: String| store.edit(|r| {
                    if let Some(m) = edit::equity_movement_mut(r, &set_label) {
                        m.label = v;
                    }
                })
            />
            {cells}
            <IconButton label="Ta bort rörelsen" text="✕" on_click=move |_| store.edit(|r| {
                edit::remove_equity_movement(r, &remove);
            }) />
        </div>
    }
}

#[component]
fn AppropriationEditor(
    /// The proposal's heading under the part's own.
    title: &'static str,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let items = Memo::new(move |_| {
        store.report.with(|r| {
            r.appropriation
                .proposal
                .iter()
                .map(|p| p.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let meeting = Memo::new(move |_| store.report.with(|r| r.organisation.legal_form.meeting()));
    view! {
        <h3 id=ids::PROPOSAL>{title}</h3>
        <p>"Till " {move || meeting.get()} "s förfogande står:"</p>
        <table class="figures">
            <tbody>
                {move || {
                    store.computed.with(|c| {
                        let a = &c.appropriation;
                        view! {
                            {a.parts.iter().map(|(l, v)| view! {
                                <tr><th scope="row">{l.clone()}</th><td class="num">{format_for_input(*v)}</td></tr>
                            }).collect_view()}
                            <tr class="sum"><th scope="row">"Summa"</th><td class="num" id="at-disposal">{format_for_input(a.at_disposal)}</td></tr>
                        }
                    })
                }}
            </tbody>
        </table>
        <p>"Styrelsen föreslår att"</p>
        <For each=move || items.get() key=|i| i.clone() let:id>
            <ProposalRow id=id />
        </For>
        <p class="proposal-sum">
            "Summa förslag: "
            <strong>{move || store.computed.with(|c| format_for_input(c.appropriation.proposed))}</strong>
        </p>
        <button type="button" class="add" on:click=move |_| store.edit(|r| {
            edit::add_proposal_item(r, "balanseras i ny räkning");
        })>"+ Rad i förslaget"</button>
        <TextArea
            id="appropriation-comment"
            label="Kommentar till förslaget (Markdown)"
            rows=4
            value=Signal::derive(move || store.report.with(|r| r.appropriation.comment.clone()))
            on_change=move |v: String| store.edit(|r| r.appropriation.comment = v)
        />
    }
}

#[component]
fn ProposalRow(id: String) -> impl IntoView {
    let store = expect_context::<Store>();
    let find = {
        let id = id.clone();
        move |r: &Report| edit::proposal_item(r, &id).cloned()
    };
    let label = {
        let find = find.clone();
        Signal::derive(move || {
            store
                .report
                .with(|r| find(r).map(|p| p.label).unwrap_or_default())
        })
    };
    let amount = Signal::derive(move || {
        store
            .report
            .with(|r| find(r).and_then(|p| p.amount).map(|m| m.0))
    });
    // The remainder row with no typed amount shows what it takes.
    let computed = {
        let id = id.clone();
        Signal::derive(move || {
            store.computed.with(|c| {
                c.appropriation
                    .item(&id)
                    .filter(|f| f.computed)
                    .and_then(|f| f.amount)
                    .map(format_for_input)
                    .unwrap_or_default()
            })
        })
    };
    let (l, a, d) = (id.clone(), id.clone(), id.clone());
    view! {
        <div class="row-fields proposal-row">
            <LabelText id=ids::proposal_label(&id) label="Förslagets text" value=label on_change=move |v: String| store.edit(|r| {
                if let Some(p) = edit::proposal_item_mut(r, &l) {
                    p.label = v;
                }
            }) />
            <MoneyInput
                id=ids::proposal_amount(&id)
                label=Signal::derive(move || match label.get() {
                    text if text.trim().is_empty() => "Belopp".to_string(),
                    text => format!("Belopp, {text}"),
                })
                value=amount
                placeholder=computed
                invalid=cells::kept_text(store, AmountPlace::Proposal { item: a.clone() })
                on_change=cells::enter(store, AmountPlace::Proposal { item: a.clone() })
            />
            <IconButton label="Ta bort raden" text="✕" on_click=move |_| store.edit(|r| {
                edit::remove_proposal_item(r, &d);
            }) />
        </div>
    }
}

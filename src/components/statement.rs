//! The resultaträkning and balansräkning editors: one editable cell per line and year, editable
//! labels, detail rows, note references, and in the resultaträkning the budget's columns
//! (see [`super::budget`]). Rows are keyed by line id, so an edit updates text in place and
//! never rebuilds the table.

use kassoren_engine::edit;
use kassoren_engine::model::{AmountPlace, Line, LineKind, Report, Statement};
use kassoren_engine::money::{format_for_input, Money};
use leptos::prelude::*;
use rust_decimal::Decimal;

use super::budget::{
    budget_blank_cells, budget_computed_cells, budget_headings, budget_input_cells, BudgetColumns,
    BudgetToggles,
};
use super::cells;
use super::inputs::{IconButton, MoneyInput};
use super::label_text::LabelText;
use super::off_balance::OffBalanceEditor;
use super::structure::RowMenu;
use crate::ids;
use crate::store::Store;

fn statement(r: &Report, balance: bool) -> &Statement {
    if balance {
        &r.balance_sheet
    } else {
        &r.income_statement
    }
}

/// What a row looks like; changes only when the line's structure changes.
#[derive(Clone, PartialEq)]
enum Shape {
    Input,
    InputWithDetails,
    Group { sum: bool },
    Formula,
    Missing,
}

fn shape(line: Option<&Line>) -> Shape {
    match line.map(|l| &l.kind) {
        Some(LineKind::Input { details, .. }) if details.is_empty() => Shape::Input,
        Some(LineKind::Input { .. }) => Shape::InputWithDetails,
        Some(LineKind::Group { sum_label, .. }) => Shape::Group {
            sum: sum_label.is_some(),
        },
        Some(LineKind::Formula { .. }) => Shape::Formula,
        None => Shape::Missing,
    }
}

fn input_amount(r: &Report, line: &str, year: usize) -> Option<Decimal> {
    match r.line(line).map(|l| &l.kind) {
        Some(LineKind::Input { amounts, .. }) => {
            amounts.get(year).copied().flatten().map(Money::value)
        }
        _ => None,
    }
}

#[component]
pub fn StatementEditor(balance: bool) -> impl IntoView {
    let store = expect_context::<Store>();
    let budget = BudgetColumns::new(store, !balance);
    provide_context(budget);
    let years = Memo::new(move |_| {
        store
            .report
            .with(|r| r.years.iter().map(|y| y.label()).collect::<Vec<_>>())
    });
    let top = Memo::new(move |_| {
        store.report.with(|r| {
            statement(r, balance)
                .lines
                .iter()
                .map(|l| l.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let title = if balance {
        "Balansräkning"
    } else {
        "Resultaträkning"
    };
    let hint = if balance {
        "Tillgångar, eget kapital och skulder anges som positiva belopp."
    } else {
        "Intäkter anges som positiva belopp och kostnader med minustecken, som i den tryckta resultaträkningen."
    };
    view! {
        <section class="editor-part" aria-labelledby="statement-title">
            <h2 id="statement-title">{title}</h2>
            <p class="hint">{hint} " Summor och resultat räknas ut."</p>
            {(!balance).then(|| view! { <BudgetToggles /> })}
            <div class="table-scroll">
                <table
                    class="statement-editor"
                    class:with-budget=move || { budget.count() > 0 }
                    data-statement=if balance { "balance" } else { "income" }
                >
                    <thead>
                        <tr>
                            <th scope="col">"Post"</th>
                            <For each=move || years.get() key=|y| y.clone() let:year>
                                <th scope="col" class="num">{year}</th>
                            </For>
                            {budget_headings(store, budget)}
                            <th scope="col">"Not"</th>
                            <th scope="col">
                                <span class="visually-hidden">"Åtgärder"</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || top.get() key=|id| id.clone() let:id>
                            <LineRows id=id depth=0 />
                        </For>
                    </tbody>
                </table>
            </div>
            {balance.then(|| view! { <OffBalanceEditor /> })}
        </section>
    }
}

/// The rows of one line: a group's heading, children and sum; an input's cells (or its detail
/// rows); a result.
#[component]
fn LineRows(id: String, depth: usize) -> impl IntoView {
    let store = expect_context::<Store>();
    let budget = expect_context::<BudgetColumns>();
    let key = id.clone();
    let shape = Memo::new(move |_| store.report.with(|r| shape(r.line(&key))));
    move || {
        let id = id.clone();
        match shape.get() {
            Shape::Input => input_row(store, budget, id, depth).into_any(),
            Shape::InputWithDetails => details_rows(store, budget, id, depth).into_any(),
            Shape::Group { sum } => group_rows(store, budget, id, depth, sum).into_any(),
            Shape::Formula => result_row(store, budget, id, depth).into_any(),
            Shape::Missing => ().into_any(),
        }
    }
}

fn label_cell(store: Store, id: &str, depth: usize, class: &'static str) -> impl IntoView {
    let key = id.to_string();
    let value = Signal::derive(move || {
        store
            .report
            .with(|r| r.line(&key).map(|l| l.label.clone()).unwrap_or_default())
    });
    let key = id.to_string();
    view! {
        <th scope="row" class=format!("label depth-{depth} {class}")>
            <LabelText
                id=ids::label(id)
                label="Radens namn"
                value=value
                on_change=move |v: String| store.edit(|r| {
                    edit::set_line_label(r, &key, &v);
                })
            />
        </th>
    }
}

/// Computed values of a line, one cell per year.
fn computed_cells(store: Store, id: &str) -> impl IntoView {
    let id = id.to_string();
    move || {
        (0..store.years.get())
            .map(|y| {
                let id = id.clone();
                let line_attr = id.clone();
                view! {
                    <td class="num computed" data-line=line_attr data-year=y>
                        {move || store.computed.with(|c| format_for_input(c.value(&id, y)))}
                    </td>
                }
            })
            .collect_view()
    }
}

/// A note in the line's note list: shown as "Not 3" (the printed number), named by its title
/// ("Not 3, Eget kapital"); a note not printed yet shows its title.
fn note_choice(number: Option<usize>, title: &str) -> (String, String) {
    match number {
        Some(n) => (format!("Not {n}"), format!("Not {n}, {title}")),
        None => (title.to_string(), title.to_string()),
    }
}

fn note_cell(store: Store, id: &str) -> impl IntoView {
    let key = id.to_string();
    let notes = Memo::new(move |_| {
        store.report.with(|r| {
            store.computed.with(|c| {
                r.notes
                    .iter()
                    .map(|n| (n.id.clone(), note_choice(c.note_number(&n.id), &n.title)))
                    .collect::<Vec<_>>()
            })
        })
    });
    let current = Memo::new(move |_| {
        store.report.with(|r| {
            r.line(&key)
                .and_then(|l| l.note.clone())
                .unwrap_or_default()
        })
    });
    let key = id.to_string();
    view! {
        <td class="note-ref">
            <select
                aria-label="Not som raden hänvisar till"
                prop:value=move || current.get()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    store.edit(|r| {
                        edit::set_line_note(r, &key, (!v.is_empty()).then_some(v.as_str()));
                    });
                }
            >
                <option value="">"–"</option>
                {move || {
                    notes
                        .get()
                        .into_iter()
                        .map(|(nid, (text, name))| {
                            let selected = current.get_untracked() == nid;
                            view! { <option value=nid selected=selected aria-label=name.clone() title=name>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </td>
    }
}

/// The figure an empty cell takes from the resultaträkning (årets resultat in the
/// balansräkning), shown as the cell's placeholder; empty for every other cell.
fn filled_from_income_statement(store: Store, line: &str, year: usize) -> Signal<String> {
    let line = line.to_string();
    // Whether the line is filled in depends on its role, which an edit never changes: looked up
    // once, not on every keystroke in every cell.
    let filled = store.report.with_untracked(|r| {
        r.line(&line)
            .is_some_and(kassoren_engine::compute::is_filled_from_income_statement)
    });
    Signal::derive(move || {
        if filled {
            store
                .computed
                .with(|c| format_for_input(c.value(&line, year)))
        } else {
            String::new()
        }
    })
}

fn input_row(store: Store, budget: BudgetColumns, id: String, depth: usize) -> impl IntoView {
    let cells = {
        let id = id.clone();
        move || {
            (0..store.years.get())
                .map(|y| {
                    let key = id.clone();
                    let line = id.clone();
                    let named = id.clone();
                    // Follows the line's current name (renamed lines are read out renamed).
                    let label = Signal::derive(move || store.report.with(|r| {
                        let name = r.line(&named).map(|l| l.label.clone()).unwrap_or_default();
                        format!("{name}, {}", r.years.get(y).map(|fy| fy.label()).unwrap_or_default())
                    }));
                    view! {
                        <td class="num">
                            <MoneyInput
                                id=ids::cell(&id, y)
                                label=label
                                value=Signal::derive(move || store.report.with(|r| input_amount(r, &key, y)))
                                placeholder=filled_from_income_statement(store, &line, y)
                                invalid=cells::kept_text(store, AmountPlace::Line { line: line.clone(), year: y })
                                on_change=cells::enter(store, AmountPlace::Line { line: line.clone(), year: y })
                            />
                        </td>
                    }
                })
                .collect_view()
        }
    };
    view! {
        <tr class="input-row" data-line=id.clone()>
            {label_cell(store, &id, depth, "")}
            {cells}
            {budget_input_cells(store, budget, &id)}
            {note_cell(store, &id)}
            {add_detail_cell(store, &id, "Dela upp posten i detaljrader")}
        </tr>
    }
}

/// The "+" that adds a detail row under an input line.
fn add_detail_cell(store: Store, id: &str, label: &'static str) -> impl IntoView {
    let (id, menu) = (id.to_string(), id.to_string());
    view! {
        <td class="actions">
            <IconButton
                label=label
                text="+"
                on_click=move |_| store.edit(|r| {
                    edit::add_detail_row(r, &id);
                })
            />
            <RowMenu line=menu />
        </td>
    }
}

fn details_rows(store: Store, budget: BudgetColumns, id: String, depth: usize) -> impl IntoView {
    let key = id.clone();
    let rows = Memo::new(move |_| {
        store.report.with(|r| match r.line(&key).map(|l| &l.kind) {
            Some(LineKind::Input { details, .. }) => details.iter().map(|d| d.id.clone()).collect(),
            _ => Vec::new(),
        })
    });
    let line = id.clone();
    view! {
        <tr class="input-row has-details" data-line=id.clone()>
            {label_cell(store, &id, depth, "")}
            {computed_cells(store, &id)}
            {budget_input_cells(store, budget, &id)}
            {note_cell(store, &id)}
            {add_detail_cell(store, &id, "Lägg till en detaljrad")}
        </tr>
        <For each=move || rows.get() key=|d| d.clone() let:row>
            <DetailRowView line=line.clone() row=row depth=depth + 1 />
        </For>
    }
}

#[component]
fn DetailRowView(line: String, row: String, depth: usize) -> impl IntoView {
    let store = expect_context::<Store>();
    let budget = expect_context::<BudgetColumns>();
    let detail = {
        let (line, row) = (line.clone(), row.clone());
        move |r: &Report| match r.line(&line).map(|l| &l.kind) {
            Some(LineKind::Input { details, .. }) => details.iter().find(|d| d.id == row).cloned(),
            _ => None,
        }
    };
    let label = {
        let detail = detail.clone();
        Signal::derive(move || {
            store
                .report
                .with(|r| detail(r).map(|d| d.label).unwrap_or_default())
        })
    };
    let cells = {
        let (line, row) = (line.clone(), row.clone());
        move || {
            (0..store.years.get())
                .map(|y| {
                    let detail = detail.clone();
                    let (line, row) = (line.clone(), row.clone());
                    view! {
                        <td class="num">
                            <MoneyInput
                                id=ids::detail_cell(&line, &row, y)
                                label=Signal::derive(move || {
                                    let name = label.get();
                                    let year = store.report.with(|r| r.years.get(y).map(|fy| fy.label()).unwrap_or_default());
                                    if name.trim().is_empty() { format!("Detaljrad, {year}") } else { format!("{name}, {year}") }
                                })
                                value=Signal::derive(move || {
                                    store.report.with(|r| detail(r).and_then(|d| d.amounts.get(y).copied().flatten()).map(Money::value))
                                })
                                invalid=cells::kept_text(store, AmountPlace::Detail { line: line.clone(), detail: row.clone(), year: y })
                                on_change=cells::enter(store, AmountPlace::Detail { line: line.clone(), detail: row.clone(), year: y })
                            />
                        </td>
                    }
                })
                .collect_view()
        }
    };
    let (l1, r1, l2, r2) = (line.clone(), row.clone(), line.clone(), row.clone());
    view! {
        <tr class="detail-row">
            <th scope="row" class=format!("label depth-{depth}")>
                <LabelText
                    id=ids::label(&row)
                    label="Detaljradens namn"
                    value=label
                    on_change=move |v: String| store.edit(|r| {
                        edit::set_detail_label(r, &l1, &r1, &v);
                    })
                />
            </th>
            {cells}
            {budget_blank_cells(budget)}
            <td></td>
            <td class="actions">
                <IconButton
                    label="Ta bort detaljraden"
                    text="✕"
                    on_click=move |_| store.edit(|r| {
                        edit::remove_detail_row(r, &l2, &r2);
                    })
                />
            </td>
        </tr>
    }
}

fn group_rows(
    store: Store,
    budget: BudgetColumns,
    id: String,
    depth: usize,
    sum: bool,
) -> impl IntoView {
    let key = id.clone();
    let children = Memo::new(move |_| {
        store.report.with(|r| {
            r.line(&key)
                .map(|l| {
                    l.children()
                        .iter()
                        .map(|c| c.id.clone())
                        .collect::<Vec<String>>()
                })
                .unwrap_or_default()
        })
    });
    let sum_key = id.clone();
    let sum_label = Signal::derive(move || {
        store
            .report
            .with(|r| match r.line(&sum_key).map(|l| &l.kind) {
                Some(LineKind::Group {
                    sum_label: Some(s), ..
                }) => s.clone(),
                _ => String::new(),
            })
    });
    let set_sum = id.clone();
    let sum_row = sum.then(|| {
        view! {
            <tr class="sum-row" data-line=id.clone()>
                <th scope="row" class=format!("label depth-{depth}")>
                    <LabelText
                        id=ids::sum_label(&id)
                        label="Summaradens namn"
                        value=sum_label
                        on_change=move |v: String| store.edit(|r| {
                            edit::set_sum_label(r, &set_sum, &v);
                        })
                    />
                </th>
                {computed_cells(store, &id)}
                {budget_computed_cells(store, budget, &id)}
                <td></td>
                <td></td>
            </tr>
        }
    });
    view! {
        <tr class="group-row" data-line=id.clone()>
            {label_cell(store, &id, depth, "heading")}
            <td colspan=move || store.years.get() + budget.count()></td>
            {note_cell(store, &id)}
            <td class="actions"><RowMenu line=id.clone() /></td>
        </tr>
        <For each=move || children.get() key=|c: &String| c.clone() let:child>
            <LineRows id=child depth=depth + 1 />
        </For>
        {sum_row}
    }
}

fn result_row(store: Store, budget: BudgetColumns, id: String, depth: usize) -> impl IntoView {
    view! {
        <tr class="result-row" data-line=id.clone()>
            {label_cell(store, &id, depth, "")}
            {computed_cells(store, &id)}
            {budget_computed_cells(store, budget, &id)}
            <td></td>
            <td></td>
        </tr>
    }
}

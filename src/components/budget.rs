//! The budget in the resultaträkning editor: "Visa budget" and "Visa avvikelse", and the
//! columns they add to every row (Budget <år>, Avvikelse, Budget <år+1>): a money cell per
//! input line and budget year, the computed budget of sums and results, and the deviation
//! (utfall − budget). The columns are given to the rows in context; the balansräkning has none.

use kassoren_engine::compute::{budget_heading, shown_deviation};
use kassoren_engine::edit;
use kassoren_engine::model::{AmountPlace, BudgetYear, Report};
use kassoren_engine::money::{format_for_input, Money};
use kassoren_engine::util::case::to_lower;
use leptos::prelude::*;
use rust_decimal::Decimal;

use super::cells;
use super::inputs::MoneyInput;
use crate::ids;
use crate::store::Store;

/// A budget column of the editor's resultaträkning.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum BudgetColumn {
    Budget(BudgetYear),
    Deviation,
}

/// The budget columns a statement editor shows (none in the balansräkning or while the budget
/// is hidden), in context for its rows.
#[derive(Clone, Copy)]
pub struct BudgetColumns(pub Memo<Vec<BudgetColumn>>);

impl BudgetColumns {
    /// The income statement's columns follow the report's choices; the balansräkning has none.
    pub fn new(store: Store, income: bool) -> BudgetColumns {
        BudgetColumns(Memo::new(move |_| {
            if !income {
                return Vec::new();
            }
            store.report.with(|r| {
                let mut out = Vec::new();
                if r.budget.shown {
                    out.push(BudgetColumn::Budget(BudgetYear::This));
                    if r.budget.deviation {
                        out.push(BudgetColumn::Deviation);
                    }
                    out.push(BudgetColumn::Budget(BudgetYear::Next));
                }
                out
            })
        }))
    }

    pub fn count(self) -> usize {
        self.0.with(Vec::len)
    }
}

fn heading(r: &Report, column: BudgetColumn) -> String {
    match column {
        BudgetColumn::Budget(year) => budget_heading(r, year),
        BudgetColumn::Deviation => "Avvikelse".to_string(),
    }
}

/// The columns' headings.
pub fn budget_headings(store: Store, columns: BudgetColumns) -> impl IntoView {
    move || {
        columns
            .0
            .get()
            .into_iter()
            .map(|c| {
                let class = match c {
                    BudgetColumn::Deviation => "num budget deviation",
                    BudgetColumn::Budget(_) => "num budget",
                };
                view! { <th scope="col" class=class>{move || store.report.with(|r| heading(r, c))}</th> }
            })
            .collect_view()
    }
}

fn line_budget(r: &Report, line: &str, year: BudgetYear) -> Option<Decimal> {
    r.amount_at(&AmountPlace::Budget {
        line: line.to_string(),
        year,
    })
    .map(Money::value)
}

/// A line's cells under the budget's columns: `cell` for each budget year, the deviation
/// computed.
fn cells_per_column(
    store: Store,
    columns: BudgetColumns,
    line: &str,
    cell: fn(Store, &str, BudgetYear) -> AnyView,
) -> impl IntoView {
    let line = line.to_string();
    move || {
        columns
            .0
            .get()
            .into_iter()
            .map(|c| match c {
                BudgetColumn::Deviation => deviation_cell(store, &line).into_any(),
                BudgetColumn::Budget(year) => cell(store, &line, year),
            })
            .collect_view()
    }
}

/// An input line's cells: its budget per year as money cells, its deviation computed.
pub fn budget_input_cells(store: Store, columns: BudgetColumns, line: &str) -> impl IntoView {
    cells_per_column(store, columns, line, input_cell)
}

/// A sum's or result's cells: the budget computed like the outcome, and the deviation.
pub fn budget_computed_cells(store: Store, columns: BudgetColumns, line: &str) -> impl IntoView {
    cells_per_column(store, columns, line, computed_cell)
}

fn input_cell(store: Store, line: &str, year: BudgetYear) -> AnyView {
    let place = AmountPlace::Budget {
        line: line.to_string(),
        year,
    };
    let (key, named) = (line.to_string(), line.to_string());
    // Follows the line's current name and the year's heading.
    let label = Signal::derive(move || {
        store.report.with(|r| {
            let name = r.line(&named).map(|l| l.label.clone()).unwrap_or_default();
            format!("{name}, {}", budget_heading(r, year))
        })
    });
    view! {
        <td class="num budget">
            <MoneyInput
                id=ids::budget_cell(line, year == BudgetYear::Next)
                label=label
                value=Signal::derive(move || store.report.with(|r| line_budget(r, &key, year)))
                invalid=cells::kept_text(store, place.clone())
                on_change=cells::enter(store, place)
            />
        </td>
    }
    .into_any()
}

fn computed_cell(store: Store, line: &str, year: BudgetYear) -> AnyView {
    let id = line.to_string();
    view! {
        <td class="num computed budget" data-line=line.to_string() data-budget=budget_attr(year)>
            {move || store.computed.with(|c| format_for_input(c.budget.value(&id, year)))}
        </td>
    }
    .into_any()
}

fn budget_attr(year: BudgetYear) -> &'static str {
    match year {
        BudgetYear::This => "this",
        BudgetYear::Next => "next",
    }
}

/// Utfall − budget for the fiscal year; empty while the line's budget or outcome is mistyped
/// (see [`shown_deviation`]).
fn deviation_cell(store: Store, line: &str) -> impl IntoView {
    let id = line.to_string();
    view! {
        <td class="num computed budget deviation" data-line=line.to_string() data-budget="deviation">
            {move || {
                store.report.with(|r| {
                    store.computed.with(|c| shown_deviation(r, c, &id).map(format_for_input).unwrap_or_default())
                })
            }}
        </td>
    }
}

/// Empty cells under the budget's columns (a detail row: a line's budget is one amount).
pub fn budget_blank_cells(columns: BudgetColumns) -> impl IntoView {
    move || {
        (0..columns.count())
            .map(|_| view! { <td class="budget"></td> })
            .collect_view()
    }
}

/// "Visa budget" and "Visa avvikelse", with what the choice prints in this document type.
#[component]
pub fn BudgetToggles() -> impl IntoView {
    let store = expect_context::<Store>();
    let shown = Memo::new(move |_| store.report.with(|r| r.budget.shown));
    let deviation = Memo::new(move |_| store.report.with(|r| r.budget.deviation));
    let annual = Memo::new(move |_| store.report.with(|r| r.document.is_annual_report()));
    let headings = Memo::new(move |_| {
        store.report.with(|r| {
            (
                to_lower(&budget_heading(r, BudgetYear::This)),
                to_lower(&budget_heading(r, BudgetYear::Next)),
            )
        })
    });
    view! {
        <fieldset class="budget-toggles" data-testid="budget-toggles">
            <legend>"Budget"</legend>
            <label>
                <input
                    type="checkbox"
                    id="budget-shown"
                    prop:checked=move || shown.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        store.edit(|r| edit::show_budget(r, on));
                    }
                />
                " Visa budget"
            </label>
            <label class:disabled=move || !shown.get()>
                <input
                    type="checkbox"
                    id="budget-deviation"
                    disabled=move || !shown.get()
                    prop:checked=move || deviation.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        store.edit(|r| edit::show_deviation(r, on));
                    }
                />
                " Visa avvikelse (utfall − budget)"
            </label>
            <p class="hint">
                {move || {
                    let (this, next) = headings.get();
                    let place = if annual.get() {
                        "I en årsredovisning skrivs budgeten ut som en bilaga, Budgetuppföljning, efter underskrifterna – aldrig i själva resultaträkningen."
                    } else {
                        "Budgeten skrivs ut bredvid utfallet i resultaträkningen."
                    };
                    format!("Fyll i {this} (det avslutade årets) och {next} (som årsmötet beslutar om). {place}")
                }}
            </p>
        </fieldset>
    }
}

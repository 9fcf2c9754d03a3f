//! Resultaträkning and balansräkning: the lines as trees (headings, items, results and sum
//! rows), the shown years' amounts and the note references; outside an årsredovisning the
//! resultaträkning's budget columns (Budget <år>, Avvikelse, Budget <år+1>), and in an
//! årsredovisning the budget as a "Budgetuppföljning" of its own after the signatures (never
//! among the statutory statements' columns).

use maud::{html, Markup};

use super::outline::heading;
use super::Ctx;
use crate::model::*;

#[derive(Clone, Copy)]
pub(super) enum StatementKind {
    Income,
    Balance,
}

/// A column of a statement table.
#[derive(Clone, Copy)]
enum Column {
    /// A shown year's outcome (0: the fiscal year).
    Year(usize),
    Budget(BudgetYear),
    /// Avvikelse: the fiscal year's outcome − its budget.
    Deviation,
}

/// The budget's columns in order: Budget <år>, Avvikelse, Budget <år+1> (those printed).
fn budget_columns(ctx: &Ctx) -> Vec<Column> {
    let budget = &ctx.computed.budget;
    let mut out = Vec::new();
    for year in budget.columns() {
        out.push(Column::Budget(year));
        if year == BudgetYear::This && budget.prints_deviation() {
            out.push(Column::Deviation);
        }
    }
    out
}

fn column_heading(ctx: &Ctx, column: Column, with_budget: bool) -> String {
    match column {
        Column::Year(y) if with_budget => format!("Utfall {}", ctx.year_label(y)),
        Column::Year(y) => ctx.year_label(y),
        Column::Budget(year) => crate::compute::budget_heading(ctx.report, year),
        Column::Deviation => "Avvikelse".to_string(),
    }
}

pub(super) fn statement(ctx: &Ctx, kind: StatementKind) -> Markup {
    let (entry, lines, class) = match kind {
        StatementKind::Income => (
            &ctx.outline.income,
            &ctx.report.income_statement.lines,
            "figures statement income",
        ),
        StatementKind::Balance => (
            &ctx.outline.balance,
            &ctx.report.balance_sheet.lines,
            "figures statement balance",
        ),
    };
    let mut columns: Vec<Column> = ctx.shown_years().map(Column::Year).collect();
    let budget = if matches!(kind, StatementKind::Income) && !ctx.report.document.is_annual_report()
    {
        budget_columns(ctx)
    } else {
        Vec::new()
    };
    let with_budget = !budget.is_empty();
    columns.extend(budget);
    let class = if with_budget {
        format!("{class} with-budget")
    } else {
        class.to_string()
    };
    html! {
        section.part.statement-part #(entry.anchor) {
            (heading(entry))
            (table(ctx, &class, lines, &columns, with_budget))
            @if matches!(kind, StatementKind::Balance) {
                (off_balance(ctx))
            }
        }
    }
}

/// A statement's table: the unit and Not, a heading per column, a row per shown line.
fn table(ctx: &Ctx, class: &str, lines: &[Line], columns: &[Column], with_budget: bool) -> Markup {
    html! {
        table class=(class) {
            thead {
                tr {
                    th.unit scope="col" { (ctx.computed.unit.heading()) }
                    th.note scope="col" { "Not" }
                    @for c in columns { th.amount scope="col" { (column_heading(ctx, *c, with_budget)) } }
                }
            }
            tbody {
                @for line in lines { (statement_line(ctx, line, 0, columns, with_budget)) }
            }
        }
    }
}

/// In an årsredovisning whose treasurer asked for the budget: the budget beside the fiscal
/// year's outcome, after the signatures and said not to be part of the årsredovisning.
pub(super) fn budget_follow_up(ctx: &Ctx) -> Markup {
    let Some(entry) = &ctx.outline.budget else {
        return html! {};
    };
    let mut columns = vec![Column::Year(0)];
    columns.extend(budget_columns(ctx));
    html! {
        section.part.statement-part.budget-part #(entry.anchor) {
            (heading(entry))
            p.budget-remark { "Budgetuppföljningen är styrelsens underlag till årsmötet och ingår inte i årsredovisningen." }
            (table(ctx, "figures statement income budget with-budget", &ctx.report.income_statement.lines, &columns, true))
        }
    }
}

/// Under the balansräkning: ställda säkerheter, eventualförpliktelser and the remark.
fn off_balance(ctx: &Ctx) -> Markup {
    let o = &ctx.report.off_balance;
    let items: Vec<&OffBalanceItem> = [&o.pledged, &o.contingent]
        .into_iter()
        .filter(|i| !i.text.trim().is_empty())
        .collect();
    html! {
        @if !items.is_empty() {
            table.figures.off-balance {
                tbody {
                    @for item in items {
                        tr { td.label { (item.label) } td.text { (item.text) } }
                    }
                }
            }
        }
        @if !o.remark.trim().is_empty() {
            div.md.balance-remark { (ctx.markdown(&o.remark, 3)) }
        }
    }
}

/// One line of a statement and, for a group, its shown children and its sum row.
fn statement_line(
    ctx: &Ctx,
    line: &Line,
    depth: usize,
    columns: &[Column],
    with_budget: bool,
) -> Markup {
    if !ctx.computed.is_shown_in(line, with_budget) {
        return html! {};
    }
    let depth_class = format!("depth-{}", depth.min(4));
    let amounts = html! {
        @for c in columns { td.amount { (computed_cell(ctx, line, *c)) } }
    };
    let note = note_reference(ctx, line);
    let id = format!("line-{}", line.id);
    match &line.kind {
        LineKind::Group {
            sum_label,
            children,
        } => html! {
            tr id=(id) class=(format!("heading {depth_class}")) {
                td.label { (line.label) }
                td.note { (note) }
                @for _ in columns { td.amount {} }
            }
            @for child in children { (statement_line(ctx, child, depth + 1, columns, with_budget)) }
            @if let Some(sum_label) = sum_label {
                tr id=(format!("{id}-sum")) class=(format!("sum {depth_class}")) {
                    td.label { (sum_label) }
                    td.note {}
                    (amounts)
                }
            }
        },
        LineKind::Input { details, .. } => html! {
            tr id=(id) class=(format!("item {}{depth_class}", if details.is_empty() { "" } else { "has-details " })) {
                td.label { (line.label) }
                td.note { (note) }
                @for c in columns { td.amount { (input_cell(ctx, line, *c, !details.is_empty())) } }
            }
            // The breakdown, printed as a specification under the line (outcome only: a
            // line's budget is one amount).
            @for d in details {
                tr id=(format!("detail-{}-{}", line.id, d.id)) class=(format!("detail depth-{}", (depth + 1).min(4))) {
                    td.label { (d.label) }
                    td.note {}
                    @for c in columns {
                        td.amount {
                            @if let Column::Year(y) = c {
                                @let place = AmountPlace::Detail { line: line.id.clone(), detail: d.id.clone(), year: *y };
                                @if let Some(text) = ctx.report.invalid_text(&place) {
                                    (super::invalid_amount(text))
                                } @else if let Some(m) = d.amounts.get(*y).copied().flatten() {
                                    (ctx.computed.fmt(m.0))
                                }
                            }
                        }
                    }
                }
            }
        },
        LineKind::Formula { .. } => html! {
            tr id=(id) class=(format!("result {depth_class}")) {
                td.label { (line.label) }
                td.note { (note) }
                (amounts)
            }
        },
    }
}

/// A sum's or result's figure in a column.
fn computed_cell(ctx: &Ctx, line: &Line, column: Column) -> Markup {
    let c = ctx.computed;
    let value = match column {
        Column::Year(y) => c.value(&line.id, y),
        Column::Budget(year) => c.budget.value(&line.id, year),
        Column::Deviation => c.deviation(&line.id),
    };
    html! { (c.fmt(value)) }
}

/// An input line's figure in a column: what was typed but is not an amount is printed as typed
/// and marked (never as a number), and a deviation from such a cell is left empty.
fn input_cell(ctx: &Ctx, line: &Line, column: Column, has_details: bool) -> Markup {
    let outcome = |y: usize| AmountPlace::Line {
        line: line.id.clone(),
        year: y,
    };
    let budget = |year: BudgetYear| AmountPlace::Budget {
        line: line.id.clone(),
        year,
    };
    let invalid = match column {
        // A line with detail rows has its amount from them (their own cells are marked).
        Column::Year(_) if has_details => None,
        Column::Year(y) => ctx.report.invalid_text(&outcome(y)),
        Column::Budget(year) => ctx.report.invalid_text(&budget(year)),
        Column::Deviation => {
            return match crate::compute::shown_deviation(ctx.report, ctx.computed, &line.id) {
                Some(d) => html! { (ctx.computed.fmt(d)) },
                None => html! {},
            };
        }
    };
    match invalid {
        Some(text) => super::invalid_amount(text),
        None => computed_cell(ctx, line, column),
    }
}

/// The printed number of the note a line refers to, linked to the note.
fn note_reference(ctx: &Ctx, line: &Line) -> Markup {
    let Some(note) = &line.note else {
        return html! {};
    };
    match ctx.computed.note_number(note) {
        Some(n) => html! { a.note-ref href=(format!("#note-{note}")) { (n) } },
        None => html! {},
    }
}

//! Resultaträkning and balansräkning: the lines as trees (headings, items, results and sum
//! rows), the shown years' amounts and the note references.

use maud::{html, Markup};

use super::outline::heading;
use super::Ctx;
use crate::model::*;

#[derive(Clone, Copy)]
pub(super) enum StatementKind {
    Income,
    Balance,
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
    html! {
        section.part.statement-part #(entry.anchor) {
            (heading(entry))
            table class=(class) {
                thead {
                    tr {
                        th.unit scope="col" { (ctx.computed.unit.heading()) }
                        th.note scope="col" { "Not" }
                        @for y in ctx.shown_years() { th.amount scope="col" { (ctx.year_label(y)) } }
                    }
                }
                tbody {
                    @for line in lines { (statement_line(ctx, line, 0)) }
                }
            }
            @if matches!(kind, StatementKind::Balance) {
                (off_balance(ctx))
            }
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
fn statement_line(ctx: &Ctx, line: &Line, depth: usize) -> Markup {
    if !ctx.computed.is_shown(line) {
        return html! {};
    }
    let depth_class = format!("depth-{}", depth.min(4));
    let amounts = html! {
        @for y in ctx.shown_years() { td.amount { (ctx.computed.fmt(ctx.computed.value(&line.id, y))) } }
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
                @for _ in ctx.shown_years() { td.amount {} }
            }
            @for child in children { (statement_line(ctx, child, depth + 1)) }
            @if let Some(sum_label) = sum_label {
                tr id=(format!("{id}-sum")) class=(format!("sum {depth_class}")) {
                    td.label { (sum_label) }
                    td.note {}
                    (amounts)
                }
            }
        },
        LineKind::Input { details, .. } if !details.is_empty() => html! {
            tr id=(id) class=(format!("item has-details {depth_class}")) {
                td.label { (line.label) }
                td.note { (note) }
                (amounts)
            }
            // The breakdown, printed as a specification under the line.
            @for d in details {
                tr id=(format!("detail-{}-{}", line.id, d.id)) class=(format!("detail depth-{}", (depth + 1).min(4))) {
                    td.label { (d.label) }
                    td.note {}
                    @for y in ctx.shown_years() {
                        td.amount {
                            @let place = AmountPlace::Detail { line: line.id.clone(), detail: d.id.clone(), year: y };
                            @if let Some(text) = ctx.report.invalid_text(&place) {
                                (super::invalid_amount(text))
                            } @else if let Some(m) = d.amounts.get(y).copied().flatten() {
                                (ctx.computed.fmt(m.0))
                            }
                        }
                    }
                }
            }
        },
        LineKind::Input { .. } => html! {
            tr id=(id) class=(format!("item {depth_class}")) {
                td.label { (line.label) }
                td.note { (note) }
                @for y in ctx.shown_years() {
                    td.amount {
                        @if let Some(text) = ctx.report.invalid_text(&AmountPlace::Line { line: line.id.clone(), year: y }) {
                            (super::invalid_amount(text))
                        } @else {
                            (ctx.computed.fmt(ctx.computed.value(&line.id, y)))
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

//! Noter: each note in the order the statements refer to them, with its text and table
//! (amounts, text cells, sums, and counts that are never scaled to tkr).

use maud::{html, Markup};
use rust_decimal::Decimal;

use super::outline::heading;
use super::Ctx;
use crate::model::*;
use crate::money::format_integer;

pub(super) fn notes(ctx: &Ctx) -> Markup {
    let Some(entry) = &ctx.outline.notes else {
        return html! {};
    };
    html! {
        section.part.notes #(entry.anchor) {
            (heading(entry))
            p.unit-note { (ctx.computed.unit.heading()) " om inget annat anges." }
            @for (i, id) in ctx.computed.note_order.iter().enumerate() {
                @if let Some(note) = ctx.report.note(id) {
                    (note_part(ctx, note, i + 1))
                }
            }
        }
    }
}

fn note_part(ctx: &Ctx, note: &Note, number: usize) -> Markup {
    html! {
        section.note id=(format!("note-{}", note.id)) {
            h3 { span.number { "Not " (number) } (note.title) }
            @if !note.text.trim().is_empty() {
                div.md { (ctx.markdown(&note.text, 3)) }
            }
            @if let Some(table) = &note.table {
                (note_table(ctx, note, table))
            }
        }
    }
}

fn note_table(ctx: &Ctx, note: &Note, table: &NoteTable) -> Markup {
    let values = ctx.computed.note_tables.get(&note.id);
    let header = |c: &NoteColumn| match c.year {
        Some(y) if c.header.trim().is_empty() => ctx.year_label(usize::from(y)),
        _ => c.header.clone(),
    };
    let sums_counts = sums_of_counts(table);
    html! {
        table.figures.note-table {
            thead {
                tr {
                    td.label {}
                    @for c in &table.columns { th.amount scope="col" { (header(c)) } }
                }
            }
            tbody {
                @for (r, row) in table.rows.iter().enumerate() {
                    @match row.kind {
                        RowKind::Heading => {
                            tr.heading id=(format!("note-{}-row-{}", note.id, row.id)) {
                                td.label colspan=(table.columns.len() + 1) { (row.label) }
                            }
                        }
                        RowKind::Item | RowKind::Count => {
                            @let count = row.kind == RowKind::Count;
                            tr class=(if count { "count" } else { "item" }) id=(format!("note-{}-row-{}", note.id, row.id)) {
                                td.label { (row.label) }
                                @for c in 0..table.columns.len() {
                                    (note_cell(ctx, row.cells.get(c).and_then(Option::as_ref), count))
                                }
                            }
                        }
                        RowKind::Sum => {
                            @let count = sums_counts[r];
                            tr.sum id=(format!("note-{}-row-{}", note.id, row.id)) {
                                td.label { (row.label) }
                                @for c in 0..table.columns.len() {
                                    @let v = values.and_then(|v| v.get(r)).and_then(|v| v.get(c)).copied().flatten();
                                    td.amount { @if let Some(v) = v { (if count { format_count(v) } else { ctx.computed.fmt(v) }) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Per row: whether it is a sum row that adds up only count rows (back to the previous
/// heading, as [`crate::compute::table_values`] sums), so it is printed as a count.
fn sums_of_counts(table: &NoteTable) -> Vec<bool> {
    let mut kinds: Vec<RowKind> = Vec::new();
    table
        .rows
        .iter()
        .map(|row| match row.kind {
            RowKind::Heading => {
                kinds.clear();
                false
            }
            RowKind::Item | RowKind::Count => {
                kinds.push(row.kind);
                false
            }
            RowKind::Sum => !kinds.is_empty() && kinds.iter().all(|k| *k == RowKind::Count),
        })
        .collect()
}

fn note_cell(ctx: &Ctx, cell: Option<&Cell>, count: bool) -> Markup {
    match cell {
        Some(Cell::Amount(m)) if count => html! { td.amount { (format_count(m.0)) } },
        Some(Cell::Amount(m)) => html! { td.amount { (ctx.computed.fmt(m.0)) } },
        Some(Cell::Text(t)) => html! { td.amount.text { (t) } },
        None => html! { td.amount {} },
    }
}

/// A count (not money, never scaled to tkr): `12`, `1 250`, and decimals only when there are
/// any (`2,5` employees on average).
fn format_count(d: Decimal) -> String {
    let d = d.normalize();
    if d.fract().is_zero() {
        return format_integer(d);
    }
    let whole = format_integer(d.trunc());
    let sign = if d.is_sign_negative() && d.trunc().is_zero() {
        "\u{2212}"
    } else {
        ""
    };
    let fraction = d.fract().abs().to_string();
    format!("{sign}{whole},{}", fraction.trim_start_matches("0."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_keep_their_decimals() {
        assert_eq!(format_count(Decimal::new(25, 1)), "2,5");
        assert_eq!(format_count(Decimal::new(1250, 0)), "1\u{a0}250");
        assert_eq!(format_count(Decimal::new(-5, 1)), "\u{2212}0,5");
        assert_eq!(format_count(Decimal::new(12500, 2)), "125");
    }
}

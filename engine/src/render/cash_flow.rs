//! The kassaflödesanalys after the balansräkning: its rows computed by the indirect method
//! (`compute::cash_flow`), for the fiscal year and, when the report has the year before the
//! comparison year, for the comparison year.

use maud::{html, Markup};

use super::outline::heading;
use super::Ctx;
use crate::compute::cash_flow::CashFlowRowKind;

pub(super) fn cash_flow(ctx: &Ctx) -> Markup {
    let Some(entry) = &ctx.outline.cash_flow else {
        return html! {};
    };
    let years: Vec<_> = ctx
        .computed
        .cash_flow
        .iter()
        .filter(|y| y.year < ctx.computed.shown_years)
        .collect();
    let Some(first) = years.first() else {
        return html! {};
    };
    html! {
        section.part.statement-part #(entry.anchor) {
            (heading(entry))
            table.figures.statement.cash-flow {
                thead {
                    tr {
                        th.unit scope="col" { (ctx.computed.unit.heading()) }
                        @for y in &years { th.amount scope="col" { (ctx.year_label(y.year)) } }
                    }
                }
                tbody {
                    @for row in &first.rows {
                        @let class = match row.kind {
                            CashFlowRowKind::Heading => "heading",
                            CashFlowRowKind::Item => "item",
                            CashFlowRowKind::Sum => "sum",
                            CashFlowRowKind::Total => "total",
                        };
                        tr class=(class) id=(format!("kf-{}", row.id)) {
                            td.label { (row.label) }
                            @for y in &years {
                                td.amount {
                                    @if row.kind != CashFlowRowKind::Heading {
                                        // The same row in another year (its optional rows may differ).
                                        @let amount = if y.year == first.year { Some(row.amount) } else { y.row(row.id).map(|r| r.amount) };
                                        (amount.map(|a| ctx.computed.fmt(a)).unwrap_or_default())
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

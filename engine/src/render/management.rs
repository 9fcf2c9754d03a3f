//! Förvaltningsberättelse: the introduction, its text sections, the flerårsöversikt,
//! förändringar i eget kapital and the resultatdisposition.

use maud::{html, Markup};
use rust_decimal::Decimal;

use super::chapters::narrative_section;
use super::outline::{heading, Entry};
use super::{fiscal_year_equity, Ctx};
use crate::compute::overview::{RESULT_AFTER_FINANCIAL_ITEMS_LABEL, SOLIDITY_LABEL};
use crate::compute::{EquityRow, EquityRowKind, EquityYear};
use crate::model::*;
use crate::money::format_percent;

pub(super) fn management_report(ctx: &Ctx) -> Markup {
    let outline = &ctx.outline;
    let Some(management) = &outline.management else {
        return html! {};
    };
    html! {
        section.part.management-report #(management.anchor) {
            (heading(management))
            (management_intro(ctx))
            @for entry in outline.management_parts.iter().filter(|e| e.section.is_some()) {
                (narrative_section(ctx, entry, "subsection"))
            }
            @if let Some(entry) = outline.management_part("flerarsoversikt") {
                (multi_year_overview(ctx, entry))
            }
            @if let (Some(entry), Some(year)) = (outline.management_part("eget-kapital"), fiscal_year_equity(ctx.computed)) {
                (equity_changes(ctx, entry, year))
            }
            @if let Some(entry) = outline.management_part("resultatdisposition") {
                (appropriation(ctx, entry))
            }
        }
    }
}

/// "Styrelsen för X, org.nr …, avger följande årsredovisning för räkenskapsåret …".
fn management_intro(ctx: &Ctx) -> Markup {
    let org = &ctx.report.organisation;
    let name = org.name.trim();
    let org_nr = crate::orgnr::normalize(&org.org_nr).ok();
    html! {
        p.intro {
            "Styrelsen"
            @if !name.is_empty() { " för " bdi { (name) } }
            @if let Some(nr) = org_nr { ", org.nr " (nr) "," }
            " avger följande årsredovisning"
            @if let Some(year) = ctx.report.years.first() { " för räkenskapsåret " (year.period()) }
            "."
        }
    }
}

fn multi_year_overview(ctx: &Ctx, entry: &Entry) -> Markup {
    let overview = &ctx.computed.overview;
    // The definition mentions obeskattade reserver only when the organisation has any.
    let has_untaxed = ctx
        .report
        .balance_sheet
        .find_role(Role::UntaxedReserves)
        .is_some_and(|l| {
            overview
                .years
                .iter()
                .any(|y| !ctx.computed.value(&l.id, y.year).is_zero())
        });
    let percent = |d: Option<Decimal>| match d {
        Some(d) => format_percent(d).trim_end_matches("\u{a0}%").to_string(),
        None => "–".to_string(),
    };
    html! {
        section.subsection #(entry.anchor) {
            (heading(entry))
            table.figures.overview {
                thead {
                    tr {
                        th.unit scope="col" { (ctx.computed.unit.heading()) }
                        @for y in &overview.years { th.amount scope="col" { (ctx.year_label(y.year)) } }
                    }
                }
                tbody {
                    tr {
                        td.label { (overview.income_label) }
                        @for y in &overview.years { td.amount { (ctx.computed.fmt(y.income)) } }
                    }
                    tr {
                        td.label { (RESULT_AFTER_FINANCIAL_ITEMS_LABEL) }
                        @for y in &overview.years { td.amount { (ctx.computed.fmt(y.result_after_financial_items)) } }
                    }
                    tr {
                        td.label { (SOLIDITY_LABEL) " (%)" }
                        @for y in &overview.years { td.amount { (percent(y.solidity)) } }
                    }
                }
            }
            p.definition {
                @if has_untaxed {
                    "Soliditet: eget kapital och 79,4 % av obeskattade reserver (med avdrag för uppskjuten skatt) i procent av balansomslutningen."
                } @else {
                    "Soliditet: eget kapital i procent av balansomslutningen (summa tillgångar)."
                }
            }
        }
    }
}

fn equity_changes(ctx: &Ctx, entry: &Entry, year: &EquityYear) -> Markup {
    let fmt = |d: Decimal| ctx.computed.fmt(d);
    // A column that is zero in every row (an equity line the association does not use) is
    // left out, as zero lines are in the statements.
    let shown: Vec<usize> = (0..year.columns.len())
        .filter(|&i| {
            year.rows
                .iter()
                .any(|r| !r.amounts[i].is_zero() || invalid_equity_text(ctx, year, r, i).is_some())
        })
        .collect();
    html! {
        section.subsection #(entry.anchor) {
            (heading(entry))
            table.figures.equity {
                thead {
                    tr {
                        th.unit scope="col" { (ctx.computed.unit.heading()) }
                        @for &i in &shown { th.amount scope="col" { (year.columns[i].1) } }
                        th.amount scope="col" { "Totalt" }
                    }
                }
                tbody {
                    @for row in &year.rows {
                        tr class=(row.kind.class()) {
                            td.label { (row.label) }
                            @for &i in &shown {
                                td.amount {
                                    @if let Some(text) = invalid_equity_text(ctx, year, row, i) {
                                        (super::invalid_amount(text))
                                    } @else {
                                        (fmt(row.amounts[i]))
                                    }
                                }
                            }
                            td.amount { (fmt(row.total)) }
                        }
                    }
                }
            }
        }
    }
}

/// The text typed into a movement's or an opening balance's cell that is not an amount.
fn invalid_equity_text<'a>(
    ctx: &Ctx<'a>,
    year: &EquityYear,
    row: &EquityRow,
    column: usize,
) -> Option<&'a str> {
    let line = year.columns.get(column)?.0.clone();
    let place = match (row.kind, &row.id) {
        (EquityRowKind::Movement, Some(movement)) => AmountPlace::Movement {
            movement: movement.clone(),
            line,
            year: year.year,
        },
        (EquityRowKind::Opening, _) if year.year + 1 == ctx.report.years.len() => {
            AmountPlace::Opening { line }
        }
        _ => return None,
    };
    ctx.report.invalid_text(&place)
}

/// A verksamhetsberättelse's "Förslag till beslut": the board's proposal as a part of its own.
pub(super) fn proposal_part(ctx: &Ctx) -> Markup {
    match &ctx.outline.proposal {
        Some(entry) => html! { section.part.proposal { (appropriation(ctx, entry)) } },
        None => html! {},
    }
}

fn appropriation(ctx: &Ctx, entry: &Entry) -> Markup {
    let figures = &ctx.computed.appropriation;
    let meeting = ctx.report.organisation.legal_form.meeting();
    let proposal = &ctx.report.appropriation.proposal;
    html! {
        section.subsection #(entry.anchor) {
            (heading(entry))
            p { "Till " (meeting) "s förfogande står:" }
            table.figures.appropriation.at-disposal {
                tbody {
                    @for (label, amount) in &figures.parts {
                        tr { td.label { (label) } td.amount { (ctx.amount_with_unit(*amount)) } }
                    }
                    tr.total { td.label { "Summa" } td.amount { (ctx.amount_with_unit(figures.at_disposal)) } }
                }
            }
            p.proposal-intro { "Styrelsen föreslår att" }
            table.figures.appropriation.proposal {
                tbody {
                    @for item in proposal {
                        tr id=(format!("proposal-{}", item.id)) {
                            td.label { (item.label) }
                            td.amount {
                                @if let Some(text) = ctx.report.invalid_text(&AmountPlace::Proposal { item: item.id.clone() }) {
                                    (super::invalid_amount(text))
                                } @else if let Some(m) = figures.item(&item.id).and_then(|f| f.amount) {
                                    (ctx.amount_with_unit(m))
                                }
                            }
                        }
                    }
                    tr.total { td.label { "Summa" } td.amount { (ctx.amount_with_unit(figures.proposed)) } }
                }
            }
            @if !ctx.report.appropriation.comment.trim().is_empty() {
                div.md.appropriation-comment { (ctx.markdown(&ctx.report.appropriation.comment, 3)) }
            }
        }
    }
}

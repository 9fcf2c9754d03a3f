//! The printed report: one self-contained HTML document (no script, no external resource) that
//! prints as an A4 årsredovisning from the browser.
//!
//! All markup is written with [`maud`], which escapes every inserted value; the only HTML
//! inserted as is comes from [`crate::markdown::to_html`] (sanitised) and the constant [`STYLE`].
//!
//! The document, in order: a title page, Innehåll, the narrative chapters, the
//! förvaltningsberättelse (its text, flerårsöversikt, förändringar i eget kapital,
//! resultatdisposition), the resultaträkning, the balansräkning, a bostadsrättsförening's
//! kassaflödesanalys, the notes, the signature page and, in an årsredovisning with the budget
//! shown, the Budgetuppföljning. Each part starts on a new printed page, and every page carries
//! "N (M)".
//!
//! One file per printed part, in that order: `title_page`, `contents`, `chapters`,
//! `management`, `statements` (both statements), `cash_flow`, `notes`, `signatures`; `outline`
//! numbers them all.

mod cash_flow;
mod chapters;
mod contents;
mod management;
mod notes;
mod outline;
mod signatures;
mod statements;
#[cfg(test)]
mod tests;
mod title_page;

use maud::{html, Markup, PreEscaped, DOCTYPE};
use rust_decimal::Decimal;

use crate::compute::{compute, Computed, EquityYear};
use crate::model::*;

use outline::Outline;
use statements::StatementKind;

/// The Content-Security-Policy of the printed document: no script, nothing loaded from anywhere.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/// The style sheet of the report. Every rule but the page setup is scoped to `.report`, so the
/// editor can embed it beside its own styles to show [`preview_body`] exactly as it prints.
pub const STYLE: &str = include_str!("../report.css");

/// Computes the report and renders it as a printable HTML document.
pub fn render_html(report: &Report) -> String {
    let computed = compute(report);
    render_document(report, &computed)
}

/// The whole HTML document: [`preview_body`] styled with [`STYLE`], with a policy that forbids
/// any script and any loaded resource.
pub fn render_document(report: &Report, computed: &Computed) -> String {
    html! {
        (DOCTYPE)
        html lang="sv" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(CONTENT_SECURITY_POLICY);
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (document_title(report)) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                (PreEscaped(preview_body(report, computed)))
            }
        }
    }
    .into_string()
}

/// The report's content, the same markup the document's `<body>` holds, for the editor's live
/// preview (to be shown with [`STYLE`]).
pub fn preview_body(report: &Report, computed: &Computed) -> String {
    let ctx = Ctx {
        report,
        computed,
        outline: Outline::new(report, computed),
    };
    let errors = computed.errors().count();
    html! {
        div.report lang="sv" {
            @if errors > 0 {
                // Printed on every page (position: fixed in print), so an unfinished report is
                // never mistaken for the adopted one.
                div.draft-mark role="note" {
                    strong.draft-word { "UTKAST" }
                    span.draft-detail { " – " (errors) " fel att rätta" }
                }
            }
            (title_page::title_page(&ctx))
            (contents::contents(&ctx))
            (chapters::chapters(&ctx))
            (management::management_report(&ctx))
            (statements::statement(&ctx, StatementKind::Income))
            (statements::statement(&ctx, StatementKind::Balance))
            (cash_flow::cash_flow(&ctx))
            (management::proposal_part(&ctx))
            (notes::notes(&ctx))
            (signatures::signatures(&ctx))
            (statements::budget_follow_up(&ctx))
        }
    }
    .into_string()
}

/// "Årsredovisning 2025 – Föreningen X", with the document's own title.
fn document_title(report: &Report) -> String {
    let kind = report.document.title();
    let year = report
        .years
        .first()
        .map(FiscalYear::label)
        .unwrap_or_default();
    let name = report.organisation.name.trim();
    match (year.is_empty(), name.is_empty()) {
        (false, false) => format!("{kind} {year} – {name}"),
        (false, true) => format!("{kind} {year}"),
        (true, false) => format!("{kind} – {name}"),
        (true, true) => kind.to_string(),
    }
}

/// What every part needs.
struct Ctx<'a> {
    report: &'a Report,
    computed: &'a Computed,
    outline: Outline<'a>,
}

impl Ctx<'_> {
    /// A column heading: the year's label ("2025", "2024/25").
    fn year_label(&self, year: usize) -> String {
        self.report
            .years
            .get(year)
            .map(FiscalYear::label)
            .unwrap_or_default()
    }

    /// Markdown with its `{{placeholders}}` filled in, as sanitised HTML under a heading of
    /// level `parent`.
    fn markdown(&self, text: &str, parent: u8) -> Markup {
        let text = crate::compute::placeholders::substitute(self.report, self.computed, text);
        PreEscaped(crate::markdown::to_html_below(&text, parent))
    }

    /// An amount with its unit: "12 500 kr", "13 tkr".
    fn amount_with_unit(&self, d: Decimal) -> String {
        format!(
            "{}\u{a0}{}",
            self.computed.fmt(d),
            self.computed.unit.suffix()
        )
    }

    fn shown_years(&self) -> std::ops::Range<usize> {
        0..self.computed.shown_years
    }
}

/// Text typed into an amount cell that is not an amount, printed as typed and marked, never as
/// a number.
fn invalid_amount(text: &str) -> Markup {
    html! { span.invalid-amount title="Ogiltigt belopp" { "⚠\u{a0}" (text) } }
}

/// The fiscal year's (year 0) förändringar i eget kapital, if they can be computed.
fn fiscal_year_equity(computed: &Computed) -> Option<&EquityYear> {
    computed.equity.iter().find(|e| e.year == 0)
}

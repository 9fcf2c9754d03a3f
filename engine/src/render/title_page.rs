//! The title page: the document's title (Årsredovisning, Årsbokslut, …), the fiscal year, the organisation's name, org.nr, legal form
//! and säte (and "Exempel" on the example report).

use maud::{html, Markup};

use super::Ctx;

pub(super) fn title_page(ctx: &Ctx) -> Markup {
    let org = &ctx.report.organisation;
    let org_nr =
        crate::orgnr::normalize(&org.org_nr).unwrap_or_else(|_| org.org_nr.trim().to_string());
    html! {
        section.part.title-page #titelsida {
            p.doc-kind { (ctx.report.document.title()) }
            @if let Some(year) = ctx.report.years.first() {
                p.fiscal-year { "för räkenskapsåret " (year.period()) }
            }
            h1.org-name { bdi { (org.name) } }
            @if !org_nr.is_empty() {
                p.org-nr { "Org.nr " (org_nr) }
            }
            p.legal-form { (org.legal_form.label()) }
            @if !org.seat.trim().is_empty() {
                p.seat { "Säte: " (org.seat) }
            }
            @if ctx.report.settings.example {
                p.example-marker { "Exempel" }
            }
        }
    }
}

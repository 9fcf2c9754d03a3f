//! Underskrifter: place and date, the board's signatures, the auditor's report date and the
//! auditors' signatures.

use maud::{html, Markup};

use super::outline::heading;
use super::Ctx;
use crate::model::*;

pub(super) fn signatures(ctx: &Ctx) -> Markup {
    let s = &ctx.report.signatures;
    let entry = &ctx.outline.signatures;
    let auditor_word = if s.auditors.len() == 1 { "Min" } else { "Vår" };
    html! {
        section.part.signatures #(entry.anchor) {
            (heading(entry))
            @if let Some(sentence) = ctx.report.document.signing_sentence() {
                p.signing { (sentence) }
            }
            p.place-date {
                @if s.place.trim().is_empty() { span.blank {} } @else { (s.place.trim()) }
                ", "
                @if let Some(date) = s.date { (date.long()) } @else { span.blank {} }
            }
            div.signatories {
                @for p in &s.signatories { (signature_block(p)) }
            }
            @if ctx.report.document == DocumentType::Verksamhetsberattelse {
                // The lay auditors' report to the årsmöte is a document of its own.
                @if let Some(date) = s.auditor_report_date {
                    p.auditor-report { "Revisorernas berättelse har lämnats den " (date.long()) "." }
                } @else {
                    p.auditor-report { "Revisorernas berättelse lämnas som en särskild handling." }
                }
            } @else if let Some(date) = s.auditor_report_date {
                p.auditor-report { (auditor_word) " revisionsberättelse har lämnats den " (date.long()) "." }
            }
            @if !s.auditors.is_empty() {
                div.signatories.auditors {
                    @for p in &s.auditors { (signature_block(p)) }
                }
            }
        }
    }
}

fn signature_block(person: &Person) -> Markup {
    html! {
        div.signature id=(format!("person-{}", person.id)) {
            div.sign-line {}
            p.name { bdi { (person.name) } }
            p.role { bdi { (person.role) } }
        }
    }
}

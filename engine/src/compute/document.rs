//! The checks a document type brings: whether the organisation's form (and, for a
//! bostadsrättsförening's K2, the fiscal year) may use it, a förenklat
//! årsbokslut's turnover limit and fixed items, and a principles note that cites another
//! document's rules.

use rust_decimal::Decimal;

use super::{Computed, Location, Problem, ProblemCode, Severity};
use crate::document::K1_TURNOVER_LIMIT;
use crate::model::*;

use crate::document::PRINCIPLES_NOTE;

pub(super) fn checks(report: &Report, computed: &Computed) -> Vec<Problem> {
    let mut out = Vec::new();
    let document = report.document;
    let form = report.organisation.legal_form;
    let problem = |severity, code, message: String, location| Problem {
        severity,
        code,
        message,
        location,
    };
    if let Some(reason) = document.refused_for_year(form, report.years.first().map(|y| y.start)) {
        out.push(problem(
            Severity::Error,
            ProblemCode::DocumentNotAllowed,
            format!(
                "Dokumenttypen passar inte: {reason}. Välj en annan under Organisation och år."
            ),
            Location::Organisation {
                field: "document".into(),
            },
        ));
    }
    if document == DocumentType::ForenklatArsbokslut {
        if let Some(total) = report.income_statement.find_role(Role::TotalIncome) {
            let income = computed.value(&total.id, 0);
            if income > Decimal::from(K1_TURNOVER_LIMIT) {
                out.push(problem(
                    Severity::Warning,
                    ProblemCode::TurnoverOverLimit,
                    format!(
                        "Intäkterna är {} kr. Ett förenklat årsbokslut får bara göras när nettoomsättningen normalt är högst 3 miljoner kronor (bokföringslagen 6 kap. 3 §; bidrag, gåvor och medlemsavgifter räknas med). Välj annars årsbokslut eller årsredovisning.",
                        crate::money::format_amount(income, crate::money::Unit::Kr)
                    ),
                    Location::Line {
                        line: total.id.clone(),
                        year: Some(0),
                    },
                ));
            }
        }
        let template_ids = crate::template::line_ids(form);
        for line in report.all_lines() {
            if !template_ids.contains(&line.id) {
                out.push(problem(
                    Severity::Error,
                    ProblemCode::FixedItems,
                    format!(
                        "Raden \"{}\" finns inte i BFN:s uppställning. I ett förenklat årsbokslut får poster inte läggas till eller slås ihop (BFNAR 2010:1); ta bort raden eller välj en annan dokumenttyp.",
                        line.label
                    ),
                    Location::Line {
                        line: line.id.clone(),
                        year: None,
                    },
                ));
            }
        }
    }
    if let Some(note) = report.notes.iter().find(|n| n.id == PRINCIPLES_NOTE) {
        let cited = cited_rules(&note.text);
        let expected = document.rule();
        let wrong: Vec<&str> = cited
            .iter()
            .map(String::as_str)
            .filter(|r| Some(*r) != expected)
            .collect();
        if !wrong.is_empty() {
            let should = match expected {
                Some(rule) => format!("{} följer {rule}", document.label()),
                None => format!(
                    "{} hänvisar inte till något allmänt råd",
                    document.indefinite()
                ),
            };
            out.push(problem(
                Severity::Warning,
                ProblemCode::PrinciplesRule,
                format!(
                    "Noten \"{}\" hänvisar till {}, men {should}. Rätta texten (första stycket) så att den gäller dokumentet.",
                    note.title,
                    wrong.join(" och ")
                ),
                Location::Note {
                    note: note.id.clone(),
                    row: None,
                    column: None,
                },
            ));
        }
    }
    out
}

/// The allmänna råd a text cites: every "BFNAR YYYY:N".
fn cited_rules(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("BFNAR ") {
        let after = &rest[i + 6..];
        let end = after
            .find(|c: char| !(c.is_ascii_digit() || c == ':'))
            .unwrap_or(after.len());
        let number = after[..end].trim_end_matches(':');
        if number.contains(':') {
            let rule = format!("BFNAR {number}");
            if !out.contains(&rule) {
                out.push(rule);
            }
        }
        rest = &after[end..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::cited_rules;

    #[test]
    fn finds_every_cited_rule_once() {
        assert_eq!(
            cited_rules("enligt BFNAR 2016:10 (K2) och BFNAR 2010:1, se BFNAR 2016:10."),
            ["BFNAR 2016:10", "BFNAR 2010:1"]
        );
        assert!(cited_rules("god redovisningssed").is_empty());
    }
}

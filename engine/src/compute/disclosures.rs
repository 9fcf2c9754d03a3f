//! The upplysningar an årsbokslut must give (bokföringslagen 6 kap. 5 §, BFNAR 2017:3 kapitel
//! 17; FAR, "Redovisa rätt: Noter till årsbokslut"): the valuation principles, how each fixed
//! asset's value was reached, the long-term debt, ställda säkerheter and eventualförpliktelser.
//! A fixed asset is a balance line whose first BAS range starts in 1000–1399, a long-term debt
//! one whose first range starts in 2300–2399; either, when it has an amount, must refer to a
//! note (itself or a group above it) that says something.

use rust_decimal::Decimal;

use super::{Computed, Location, Problem, ProblemCode, Severity};
use crate::document::PRINCIPLES_NOTE;
use crate::model::*;
use crate::template::parse_range;

/// What a balance line is, for the disclosures.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    FixedAsset,
    LongTermDebt,
}

fn kind(line: &Line) -> Option<Kind> {
    let (first, _) = parse_range(line.accounts.first()?)?;
    match first {
        1000..=1399 => Some(Kind::FixedAsset),
        2300..=2399 => Some(Kind::LongTermDebt),
        _ => None,
    }
}

/// Whether the note exists and says something.
fn says_something(report: &Report, note: &str) -> bool {
    report
        .note(note)
        .is_some_and(|n| !n.text.trim().is_empty() || n.table.is_some())
}

pub(super) fn checks(report: &Report, computed: &Computed) -> Vec<Problem> {
    if report.document != DocumentType::Arsbokslut {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut push = |message: String, location| {
        out.push(Problem {
            severity: Severity::Error,
            code: ProblemCode::RequiredDisclosure,
            message,
            location,
        })
    };
    if !says_something(report, PRINCIPLES_NOTE) {
        push(
            "Ett årsbokslut ska ha en not om redovisnings- och värderingsprinciper: att bokföringslagens regler om årsbokslut och BFNAR 2017:3 har tillämpats och hur tillgångar och skulder har värderats (bokföringslagen 6 kap. 5 §). Lägg till noten eller skriv i den.".into(),
            Location::Note {
                note: PRINCIPLES_NOTE.into(),
                row: None,
                column: None,
            },
        );
    }
    let years = report.years.len().min(2);
    let mut lines = Vec::new();
    collect(&report.balance_sheet.lines, report, false, &mut lines);
    for (line, kind, covered) in lines {
        let has_amount = (0..years).any(|y| computed.value(&line.id, y) != Decimal::ZERO);
        if !has_amount || covered {
            continue;
        }
        let what = match kind {
            Kind::FixedAsset => "är en anläggningstillgång. Ett årsbokslut ska i en not visa hur värdet har beräknats (anskaffningsvärde och ackumulerade avskrivningar)",
            Kind::LongTermDebt => "är en långfristig skuld. Ett årsbokslut ska i en not upplysa om skulderna som ska betalas senare än ett år efter balansdagen",
        };
        push(
            format!(
                "Raden \"{}\" {what} (bokföringslagen 6 kap. 5 §). Välj en not i kolumnen Not, eller skriv en ny under Noter.",
                line.label
            ),
            Location::Line {
                line: line.id.clone(),
                year: None,
            },
        );
    }
    for (field, item) in [
        ("pledged", &report.off_balance.pledged),
        ("contingent", &report.off_balance.contingent),
    ] {
        if item.text.trim().is_empty() {
            push(
                format!(
                    "Ett årsbokslut ska upplysa om {} (bokföringslagen 6 kap. 5 §). Skriv \"Inga\" under balansräkningen om det inte finns några.",
                    crate::util::case::to_lower(&item.label)
                ),
                Location::OffBalance {
                    field: field.into(),
                },
            );
        }
    }
    out
}

/// Every balance input line that is a fixed asset or a long-term debt, with whether a note
/// (its own or a group's above it) covers it.
fn collect<'a>(
    lines: &'a [Line],
    report: &Report,
    covered_above: bool,
    out: &mut Vec<(&'a Line, Kind, bool)>,
) {
    for line in lines {
        let covered = covered_above
            || line
                .note
                .as_deref()
                .is_some_and(|n| says_something(report, n));
        match &line.kind {
            LineKind::Group { children, .. } => collect(children, report, covered, out),
            LineKind::Input { .. } => {
                if let Some(k) = kind(line) {
                    out.push((line, k, covered));
                }
            }
            LineKind::Formula { .. } => {}
        }
    }
}

//! What a bostadsrättsförening's årsredovisning must say beyond the figures (årsredovisningslagen
//! 6 kap. 3 a §, SFS 2022:1028): when the year's result is a loss, what the loss means for the
//! förening's ability to finance its future commitments. The explanation is a section of the
//! förvaltningsberättelse whose title speaks of the loss ("Upplysning vid förlust", or any title
//! with "förlust" or "underskott") and that says something.

use rust_decimal::Decimal;

use super::{Computed, Location, Problem, ProblemCode, Severity};
use crate::model::*;
use crate::util::case::to_lower;

/// The title the check suggests for the explanation.
pub const LOSS_SECTION_TITLE: &str = "Upplysning vid förlust";

fn is_loss_section(s: &Section) -> bool {
    let title = to_lower(&s.title);
    s.part == Part::ManagementReport && (title.contains("förlust") || title.contains("underskott"))
}

pub(super) fn checks(report: &Report, computed: &Computed) -> Vec<Problem> {
    if report.organisation.legal_form != LegalForm::Bostadsrattsforening
        || !report.document.has_management_report()
    {
        return Vec::new();
    }
    let Some(result_line) = report.income_statement.find_role(Role::YearResult) else {
        return Vec::new();
    };
    let result = computed.value(&result_line.id, 0);
    if result >= Decimal::ZERO {
        return Vec::new();
    }
    let sections: Vec<&Section> = report
        .narrative
        .iter()
        .filter(|s| is_loss_section(s))
        .collect();
    if sections.iter().any(|s| !s.body.trim().is_empty()) {
        return Vec::new();
    }
    // Take the treasurer to the empty section, else to the förvaltningsberättelse.
    let place = sections
        .first()
        .map(|s| s.id.clone())
        .or_else(|| {
            report
                .narrative
                .iter()
                .find(|s| s.part == Part::ManagementReport)
                .map(|s| s.id.clone())
        })
        .map(|section| Location::Section { section })
        .unwrap_or(Location::Appropriation);
    let how = if sections.is_empty() {
        format!("Skriv det i ett nytt avsnitt i förvaltningsberättelsen med rubriken \"{LOSS_SECTION_TITLE}\".")
    } else {
        format!("Skriv det i avsnittet \"{}\".", sections[0].title)
    };
    vec![Problem {
        severity: Severity::Error,
        code: ProblemCode::LossExplanation,
        message: format!(
            "Årets resultat är en förlust ({} kr). En bostadsrättsförening ska i förvaltningsberättelsen upplysa om vad förlusten innebär för föreningens möjlighet att finansiera sina framtida ekonomiska åtaganden (årsredovisningslagen 6 kap. 3 a §). {how}",
            crate::money::format_amount(result, crate::money::Unit::Kr)
        ),
        location: place,
    }]
}

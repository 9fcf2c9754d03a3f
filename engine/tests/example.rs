//! The built-in example report: complete, realistic, free of errors, and stored exactly as the
//! engine writes it.

use kassoren_engine::compute::Severity;
use kassoren_engine::example::{example_report, EXAMPLE_JSON};
use kassoren_engine::model::*;
use kassoren_engine::{compute, json, render_html};

#[test]
fn the_example_is_stored_as_the_engine_writes_it() {
    assert_eq!(
        json::to_json(&example_report()),
        EXAMPLE_JSON,
        "run the example through `kassoren` to normalise it"
    );
}

#[test]
fn the_example_has_no_errors_or_warnings() {
    let c = compute(&example_report());
    let errors: Vec<_> = c
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(c.problems.is_empty(), "{:#?}", c.problems);
}

#[test]
fn the_example_is_complete() {
    let r = example_report();
    assert!(r.settings.example);
    assert_eq!(r.organisation.legal_form, LegalForm::IdeellForening);
    assert_eq!(r.years.len(), 2);
    let chapters = r
        .narrative
        .iter()
        .filter(|s| s.part == Part::Chapter)
        .count();
    assert!(chapters >= 6, "{chapters} chapters");
    assert!(r.narrative.iter().any(|s| s.part == Part::ManagementReport));
    let words: usize = r
        .narrative
        .iter()
        .map(|s| s.body.split_whitespace().count())
        .sum();
    assert!(words > 1500, "{words} words of narrative");
    let four_year_tables = r
        .notes
        .iter()
        .filter_map(|n| n.table.as_ref())
        .filter(|t| t.columns.len() >= 4)
        .count();
    assert!(four_year_tables >= 3, "{four_year_tables}");
    assert!(r
        .notes
        .iter()
        .filter_map(|n| n.table.as_ref())
        .any(|t| t.tie.is_some()));
    assert!(r.signatures.signatories.len() >= 3 && !r.signatures.auditors.is_empty());
    assert!(r.appropriation.proposal.iter().any(|p| p.amount.is_some()));
    let c = compute(&r);
    assert_eq!(c.overview.years.len(), 2);
    assert!(c.overview.years[0].solidity.is_some());
    assert!(!c.equity.is_empty());
    let html = render_html(&r);
    for part in [
        "Förvaltningsberättelse",
        "Flerårsöversikt",
        "Resultaträkning",
        "Balansräkning",
        "Noter",
        "Not 1",
    ] {
        assert!(html.contains(part), "{part}");
    }
}

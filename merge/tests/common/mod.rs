//! What the merge tests share: the example report, amounts and texts by id, and a board
//! member's round trip (open a file, edit, save it as a file).

#![allow(dead_code)]

use kassoren_engine::example::example_report;
use kassoren_engine::model::*;
use kassoren_engine::review::lineage;
use kassoren_merge::record;
use rust_decimal::Decimal;

/// The treasurer's report, saved as a file (its history starts).
pub fn treasurer_file() -> Report {
    let mut r = example_report();
    lineage::start(&mut r, 7);
    save(&mut r, "Kassören");
    r
}

/// "Spara som fil" by `who`: a revision and the readable fields recorded in the history.
pub fn save(r: &mut Report, who: &str) {
    lineage::next_revision(r, who);
    record(r, who, 1_700_000_000).expect("the history records");
}

pub fn amount(r: &Report, line: &str) -> Option<Decimal> {
    match &r.line(line).unwrap().kind {
        LineKind::Input { amounts, .. } => amounts[0].map(|m| m.0),
        _ => panic!("{line} is not an input line"),
    }
}

/// Sets an input line's amount in the fiscal year (a line without detail rows).
pub fn set_amount(r: &mut Report, line: &str, v: i64) {
    assert!(r.set_amount(line, 0, Some(Decimal::from(v))), "{line}");
}

pub fn body<'a>(r: &'a Report, section: &str) -> &'a str {
    &r.narrative.iter().find(|s| s.id == section).unwrap().body
}

pub fn set_body(r: &mut Report, section: &str, text: &str) {
    kassoren_engine::edit::section_mut(r, section).unwrap().body = text.into();
}

//! What the edit tests share: a new report, amounts, and looks into its lines and note
//! tables.

use rust_decimal::Decimal;

use crate::compute::compute;
use crate::date::Date;
use crate::json::validate;
use crate::model::*;
use crate::money::Money;
use crate::template::{calendar_year, new_report};

pub(super) fn blank() -> Report {
    new_report(
        LegalForm::IdeellForening,
        "Föreningen",
        "802000-0000",
        calendar_year(2025),
    )
}

pub(super) fn d(v: i64) -> Decimal {
    Decimal::from(v)
}

pub(super) fn m(v: i64) -> Option<Money> {
    Some(Money(d(v)))
}

pub(super) fn date(y: i32, mo: u8, day: u8) -> Date {
    Date::new(y, mo, day).unwrap()
}

pub(super) fn valid(r: &Report) {
    if let Err(e) = validate(r) {
        panic!("the report is invalid: {e}");
    }
}

pub(super) fn input(r: &Report, line: &str) -> (Vec<Option<Money>>, Vec<DetailRow>) {
    match &r.line(line).unwrap().kind {
        LineKind::Input { amounts, details } => (amounts.clone(), details.clone()),
        _ => panic!("{line} is not an input line"),
    }
}

/// Every line's values in every year.
pub(super) fn totals(r: &Report) -> Vec<(Id, Vec<Decimal>)> {
    let c = compute(r);
    r.all_lines()
        .map(|l| {
            let v = (0..r.years.len()).map(|y| c.value(&l.id, y)).collect();
            (l.id.clone(), v)
        })
        .collect()
}

pub(super) fn columns(r: &Report, note: &str) -> Vec<(Id, String, Option<u8>)> {
    r.note(note)
        .unwrap()
        .table
        .as_ref()
        .unwrap()
        .columns
        .iter()
        .map(|c| (c.id.clone(), c.header.clone(), c.year))
        .collect()
}

pub(super) fn row<'a>(r: &'a Report, note: &str, row: &str) -> &'a NoteRow {
    let t = r.note(note).unwrap().table.as_ref().unwrap();
    t.rows.iter().find(|x| x.id == row).unwrap()
}

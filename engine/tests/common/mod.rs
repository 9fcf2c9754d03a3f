//! Builders shared by the integration tests: a balanced report from any template, and where the
//! test data lives.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use kassoren_engine::compute::equity_columns;
use kassoren_engine::date::Date;
use kassoren_engine::model::*;
use kassoren_engine::money::Money;
use kassoren_engine::{compute, template};
use rust_decimal::Decimal;

/// The real SIE files the tests read: `tests/fixtures/sie/` in the repository (copied in with
/// their licences; `SOURCES.txt` there says where each comes from).
pub fn sie_samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/sie")
}

/// One of the SIE sample files.
pub fn sie_sample(name: &str) -> PathBuf {
    sie_samples().join(name)
}

pub fn d(v: i64) -> Decimal {
    Decimal::from(v)
}

/// The input lines under the line with `role` (or the line itself when it is an input).
pub fn inputs_under(report: &Report, role: Role) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(l) = report.line_by_role(role) {
        l.walk(&mut |x| {
            if matches!(x.kind, LineKind::Input { .. }) {
                out.push(x.id.clone());
            }
        });
    }
    out
}

pub fn role_id(report: &Report, role: Role) -> String {
    report
        .line_by_role(role)
        .unwrap_or_else(|| panic!("no line with role {role:?}"))
        .id
        .clone()
}

/// Balance-sheet input lines that are not equity: assets and liabilities.
pub fn assets(report: &Report) -> Vec<String> {
    inputs_under(report, Role::TotalAssets)
}

pub fn liabilities(report: &Report) -> Vec<String> {
    let mut not_liabilities = inputs_under(report, Role::Equity);
    not_liabilities.extend(inputs_under(report, Role::UntaxedReserves));
    inputs_under(report, Role::TotalEquityAndLiabilities)
        .into_iter()
        .filter(|id| !not_liabilities.contains(id))
        .collect()
}

/// Figures for a balanced two-year report; every other input is zero.
pub struct Figures {
    /// (income, cost) per year; cost is negative.
    pub income: [i64; 2],
    pub cost: [i64; 2],
    /// Other liabilities per year.
    pub liabilities: [i64; 2],
    /// Balanserat resultat in the comparison year, and the result of the year before it.
    pub retained_before: i64,
    pub result_before: i64,
}

pub const FIGURES: Figures = Figures {
    income: [1000, 900],
    cost: [-700, -800],
    liabilities: [200, 150],
    retained_before: 400,
    result_before: 100,
};

/// A complete, balanced report with no problems at all, for the given form.
pub fn balanced(form: LegalForm, f: &Figures) -> Report {
    let mut r = template::new_report(
        form,
        "Exempelföreningen",
        "802000-0009",
        template::calendar_year(2025),
    );
    r.organisation.seat = "Uppsala".into();
    let income = inputs_under(&r, Role::TotalIncome)[0].clone();
    let cost = inputs_under(&r, Role::TotalCosts)[0].clone();
    let retained = role_id(&r, Role::RetainedEarnings);
    let year_result = role_id(&r, Role::YearResultBalance);
    let asset = assets(&r)[0].clone();
    let liability = liabilities(&r)[0].clone();
    let result = |y: usize| f.income[y] + f.cost[y];
    // Comparison year: opening balanserat + last year's result, then this year's result.
    let retained_1 = f.retained_before + f.result_before;
    let retained_0 = retained_1 + result(1);
    let retained_by_year = [retained_0, retained_1];
    for (y, retained_y) in retained_by_year.into_iter().enumerate() {
        r.set_amount(&income, y, Some(d(f.income[y])));
        r.set_amount(&cost, y, Some(d(f.cost[y])));
        r.set_amount(&retained, y, Some(d(retained_y)));
        r.set_amount(&year_result, y, Some(d(result(y))));
        r.set_amount(&liability, y, Some(d(f.liabilities[y])));
        let total = retained_y + result(y) + f.liabilities[y];
        r.set_amount(&asset, y, Some(d(total)));
    }
    r.equity
        .opening
        .insert(retained.clone(), Money::from(f.retained_before));
    r.equity
        .opening
        .insert(year_result.clone(), Money::from(f.result_before));
    let c = compute(&r);
    let at_disposal = c.appropriation.at_disposal;
    let first = r
        .appropriation
        .proposal
        .iter_mut()
        .last()
        .expect("template has a proposal row");
    first.amount = Some(Money(at_disposal));
    r.signatures.place = "Uppsala".into();
    r.signatures.date = Date::new(2026, 2, 20);
    for (i, p) in r.signatures.signatories.iter_mut().enumerate() {
        p.name = format!("Person {}", i + 1);
    }
    r
}

pub fn codes(r: &Report) -> Vec<&'static str> {
    compute(r)
        .problems
        .iter()
        .map(|p| p.code.as_str())
        .collect()
}

/// Equity columns' ids.
pub fn equity_ids(r: &Report) -> Vec<String> {
    equity_columns(r).iter().map(|l| l.id.clone()).collect()
}

/// A file of an earlier format version as this version writes it after the migrations: the
/// version, and (from before format 6) the document type to be confirmed, K2 årsredovisning.
pub fn as_current(text: &str, version: u32) -> String {
    let mut out = text.replacen(
        &format!("\"version\": {version},"),
        &format!("\"version\": {},", kassoren_engine::model::FORMAT_VERSION),
        1,
    );
    if version < 6 {
        out = out.replacen(
            "  \"organisation\": {",
            "  \"document\": \"arsredovisning_k2\",\n  \"document_unconfirmed\": true,\n  \"organisation\": {",
            1,
        );
    }
    out
}

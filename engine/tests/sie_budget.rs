//! SIE `#PBUDGET` into the report's budget columns: the periods summed per fiscal year (year 0
//! → "Budget <år>", year 1 → "Budget <år+1>" only when the file has `#RAR 1`), signed as the
//! lines are printed, and a budget the treasurer typed kept when the file disagrees.

use kassoren_engine::compute;
use kassoren_engine::model::*;
use kassoren_engine::money::Money;
use kassoren_engine::sie::{self, ImportOptions, Level, WarningCode};
use rust_decimal::Decimal;

fn d(v: i64) -> Decimal {
    Decimal::from(v)
}

/// A small ideell förening's SIE 4 file for 2025: fees 48 000 and activity costs 26 000 as the
/// outcome; the budget in monthly rows. With `next`, the file also has `#RAR 1` (2026) and a
/// budget for it.
fn file(next: bool) -> sie::SieFile {
    let mut s = String::from(
        "#FLAGGA 0\n#SIETYP 4\n#FNAMN \"Ideella föreningen Skogsbrynet\"\n#ORGNR 8020000009\n\
         #RAR 0 20250101 20251231\n#RAR -1 20240101 20241231\n",
    );
    if next {
        s.push_str("#RAR 1 20260101 20261231\n");
    }
    s.push_str(
        "#KONTO 1930 \"Bank\"\n#KONTO 2067 \"Balanserat kapital\"\n\
         #KONTO 3890 \"Medlemsavgifter\"\n#KONTO 4500 \"Material\"\n\
         #UB 0 1930 22000\n#UB 0 2067 0\n#RES 0 3890 -48000\n#RES 0 4500 26000\n",
    );
    // 2025's budget: fees 25 000 in each half year (−25 000 in SIE's signs: income is credit),
    // material 15 000 in each half year.
    s.push_str("#PBUDGET 0 202501 3890 {} -25000\n#PBUDGET 0 202507 3890 {} -25000\n");
    s.push_str("#PBUDGET 0 202501 4500 {} 15000\n#PBUDGET 0 202507 4500 {} 15000\n");
    // A row per object is part of the account's own row, not added again.
    s.push_str("#PBUDGET 0 202501 3890 {1 \"10\"} -5000\n");
    // Last year's budget is not one of the budget columns.
    s.push_str("#PBUDGET -1 202401 3890 {} -40000\n");
    // The coming year's budget: fees 55 000 (counted only with #RAR 1).
    s.push_str("#PBUDGET 1 202601 3890 {} -55000\n");
    sie::parse(s.as_bytes()).unwrap()
}

fn budget(r: &Report, line: &str, year: BudgetYear) -> Option<Decimal> {
    r.amount_at(&AmountPlace::Budget {
        line: line.into(),
        year,
    })
    .map(|m| m.0)
}

#[test]
fn period_budgets_fill_this_years_and_next_years_columns() {
    let imp = sie::import(&file(true), None, &ImportOptions::default());
    let r = &imp.report;
    assert_eq!(
        imp.budget["medlemsavgifter"],
        [Some(d(50_000)), Some(d(55_000))]
    );
    assert_eq!(imp.budget["verksamhetskostnader"], [Some(d(-30_000)), None]);
    assert_eq!(
        budget(r, "medlemsavgifter", BudgetYear::This),
        Some(d(50_000))
    );
    assert_eq!(
        budget(r, "medlemsavgifter", BudgetYear::Next),
        Some(d(55_000))
    );
    assert_eq!(
        budget(r, "verksamhetskostnader", BudgetYear::This),
        Some(d(-30_000))
    );
    assert_eq!(budget(r, "verksamhetskostnader", BudgetYear::Next), None);
    // Not an årsredovisning: the columns are shown at once.
    assert!(!r.document.is_annual_report(), "{:?}", r.document);
    assert!(r.budget.shown);
    // The budget's result and the deviation (utfall − budget) are computed.
    let c = compute(r);
    let result = r.line_by_role(Role::YearResult).unwrap().id.clone();
    assert_eq!(c.value(&result, 0), d(22_000));
    assert_eq!(c.budget.value(&result, BudgetYear::This), d(20_000));
    assert_eq!(c.budget.value(&result, BudgetYear::Next), d(55_000));
    assert_eq!(c.deviation("medlemsavgifter"), d(-2_000));
    assert_eq!(c.deviation("verksamhetskostnader"), d(4_000));
    let w = imp.warning(WarningCode::BudgetImported).unwrap();
    assert_eq!(w.level, Level::Info);
    assert!(
        w.message.contains("budget 2025 och budget 2026"),
        "{}",
        w.message
    );
}

#[test]
fn without_rar_1_the_coming_years_budget_is_not_read() {
    let imp = sie::import(&file(false), None, &ImportOptions::default());
    assert_eq!(imp.budget["medlemsavgifter"], [Some(d(50_000)), None]);
    assert_eq!(
        budget(&imp.report, "medlemsavgifter", BudgetYear::Next),
        None
    );
    let w = imp.warning(WarningCode::BudgetImported).unwrap();
    assert!(w.message.contains("budget 2025 under"), "{}", w.message);
}

#[test]
fn a_typed_budget_that_differs_is_kept_unless_the_file_is_asked_for() {
    let first = sie::import(&file(true), None, &ImportOptions::default()).report;
    let mut typed = first.clone();
    typed
        .budget
        .lines
        .get_mut("medlemsavgifter")
        .unwrap()
        .this_year = Some(Money(d(52_000)));
    let again = sie::import(&file(true), Some(&typed), &ImportOptions::default());
    assert_eq!(
        budget(&again.report, "medlemsavgifter", BudgetYear::This),
        Some(d(52_000))
    );
    // The lines the treasurer did not type take the file's budget.
    assert_eq!(
        budget(&again.report, "medlemsavgifter", BudgetYear::Next),
        Some(d(55_000))
    );
    let w = again.warning(WarningCode::BudgetKept).unwrap();
    assert_eq!(w.level, Level::Warning);
    assert!(
        w.message.contains("Medlemsavgifter (Budget 2025)"),
        "{}",
        w.message
    );
    // With the file's amounts everywhere, the file's budget wins.
    let options = ImportOptions {
        apply_changes: true,
        ..ImportOptions::default()
    };
    let forced = sie::import(&file(true), Some(&typed), &options);
    assert_eq!(
        budget(&forced.report, "medlemsavgifter", BudgetYear::This),
        Some(d(50_000))
    );
    assert!(forced.warning(WarningCode::BudgetKept).is_none());
}

#[test]
fn a_file_without_budget_leaves_the_columns_alone() {
    let text = "#FLAGGA 0\n#SIETYP 4\n#FNAMN \"Ideella föreningen Skogsbrynet\"\n\
        #ORGNR 8020000009\n#RAR 0 20250101 20251231\n#UB 0 1930 100\n#UB 0 2067 -100\n";
    let imp = sie::import(
        &sie::parse(text.as_bytes()).unwrap(),
        None,
        &ImportOptions::default(),
    );
    assert!(imp.budget.is_empty());
    assert!(imp.report.budget.lines.is_empty());
    assert!(!imp.report.budget.shown);
    assert!(imp.warning(WarningCode::BudgetImported).is_none());
}

#[test]
fn a_budget_too_large_for_a_report_is_named_not_dropped_silently() {
    let text = String::from(
        "#FLAGGA 0\n#SIETYP 4\n#FNAMN \"Ideella föreningen Skogsbrynet\"\n#ORGNR 8020000009\n\
         #RAR 0 20250101 20251231\n#UB 0 1930 100\n#UB 0 2067 -100\n\
         #PBUDGET 0 202501 3890 {} -2000000000000000\n#PBUDGET 0 202501 4500 {} 30000\n",
    );
    let imp = sie::import(
        &sie::parse(text.as_bytes()).unwrap(),
        None,
        &ImportOptions::default(),
    );
    assert_eq!(
        budget(&imp.report, "medlemsavgifter", BudgetYear::This),
        None
    );
    assert_eq!(
        budget(&imp.report, "verksamhetskostnader", BudgetYear::This),
        Some(d(-30_000))
    );
    let w = imp.warning(WarningCode::AmountTooLarge).unwrap();
    assert_eq!(w.level, Level::Error);
    assert!(
        w.message.contains("Medlemsavgifter (Budget 2025)"),
        "{}",
        w.message
    );
}

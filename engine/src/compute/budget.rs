//! The budget's figures: "Budget <år>" and "Budget <år+1>" for every resultaträkning line,
//! summed and resulted like the outcome (the same formulas, on the budget's amounts), and the
//! "Avvikelse" (utfall − budget) of the fiscal year.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::model::*;

/// A budget column's heading: "Budget 2025" (the fiscal year), "Budget 2026" (the coming
/// year).
pub fn budget_heading(report: &Report, year: BudgetYear) -> String {
    let Some(first) = report.years.first() else {
        return "Budget".to_string();
    };
    match year {
        BudgetYear::This => format!("Budget {}", first.label()),
        BudgetYear::Next => format!("Budget {}", first.following().label()),
    }
}

/// A line's "Avvikelse" as shown and printed: none while the line's fiscal-year budget or
/// outcome is mistyped (no deviation from a figure that is not one). A line with detail rows
/// has its outcome from them, whose own cells are marked.
pub fn shown_deviation(report: &Report, computed: &super::Computed, line: &str) -> Option<Decimal> {
    let budget = AmountPlace::Budget {
        line: line.to_string(),
        year: BudgetYear::This,
    };
    let outcome = AmountPlace::Line {
        line: line.to_string(),
        year: 0,
    };
    let has_details = matches!(
        report.line(line).map(|l| &l.kind),
        Some(LineKind::Input { details, .. }) if !details.is_empty()
    );
    let mistyped = report.invalid_text(&budget).is_some()
        || (!has_details && report.invalid_text(&outcome).is_some());
    (!mistyped).then(|| computed.deviation(line))
}

/// Every resultaträkning line's budget in both columns, and which columns have any amount.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BudgetFigures {
    /// Whether the treasurer shows the budget (editor and printout).
    pub shown: bool,
    /// Whether the "Avvikelse" column is shown.
    pub deviation: bool,
    this_year: HashMap<Id, Decimal>,
    next_year: HashMap<Id, Decimal>,
    /// Whether any line has a budget (or a mistyped one) for the fiscal year.
    pub has_this_year: bool,
    /// Whether any line has a budget (or a mistyped one) for the coming year.
    pub has_next_year: bool,
}

impl BudgetFigures {
    /// A line's budget (an input line's amount, a sum's or result's computed value); zero for a
    /// line without one.
    pub fn value(&self, line: &str, year: BudgetYear) -> Decimal {
        let map = match year {
            BudgetYear::This => &self.this_year,
            BudgetYear::Next => &self.next_year,
        };
        map.get(line).copied().unwrap_or_default()
    }

    /// The columns printed, in order: the fiscal year's budget (when any line has one), then the
    /// coming year's. Empty when the budget is hidden or has no amount.
    pub fn columns(&self) -> Vec<BudgetYear> {
        if !self.shown {
            return Vec::new();
        }
        let mut out = Vec::new();
        if self.has_this_year {
            out.push(BudgetYear::This);
        }
        if self.has_next_year {
            out.push(BudgetYear::Next);
        }
        out
    }

    /// Whether the "Avvikelse" column is printed: asked for, and a fiscal-year budget to compare
    /// with.
    pub fn prints_deviation(&self) -> bool {
        self.shown && self.deviation && self.has_this_year
    }
}

/// The budget's figures: the resultaträkning evaluated with each input line's budget amounts
/// in place of its outcome (a line's detail rows are not budgeted: the line's budget is one
/// amount).
pub(super) fn budget_figures(report: &Report) -> BudgetFigures {
    let mut lines = report.income_statement.lines.clone();
    let mut has = [false; 2];
    for l in &mut lines {
        l.walk_mut(&mut |l| {
            if let LineKind::Input { amounts, details } = &mut l.kind {
                let b = report.budget.lines.get(&l.id);
                let this = b.and_then(|b| b.this_year);
                let next = b.and_then(|b| b.next_year);
                // A column holding only a mistyped budget is printed too, marked, so what the
                // treasurer typed is never left out unseen.
                let typed = |year| {
                    report
                        .invalid_text(&AmountPlace::Budget {
                            line: l.id.clone(),
                            year,
                        })
                        .is_some()
                };
                has[0] |= this.is_some() || typed(BudgetYear::This);
                has[1] |= next.is_some() || typed(BudgetYear::Next);
                *amounts = vec![this, next];
                details.clear();
            }
        });
    }
    let values = super::evaluate(&lines, 2);
    let take = |i: usize| -> HashMap<Id, Decimal> {
        values
            .iter()
            .map(|(id, v)| (id.clone(), v.get(i).copied().unwrap_or_default()))
            .collect()
    };
    let this_year = take(0);
    let next_year = take(1);
    BudgetFigures {
        shown: report.budget.shown,
        deviation: report.budget.deviation,
        this_year,
        next_year,
        has_this_year: has[0],
        has_next_year: has[1],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::compute;
    use crate::money::Money;
    use crate::template::{calendar_year, new_report};

    fn club() -> Report {
        let mut r = new_report(
            LegalForm::IdeellForening,
            "Klubben",
            "",
            calendar_year(2025),
        );
        r.document = DocumentType::Verksamhetsberattelse;
        r
    }

    fn input_ids(r: &Report) -> Vec<Id> {
        r.income_statement
            .all_lines()
            .into_iter()
            .filter(|l| matches!(l.kind, LineKind::Input { .. }))
            .map(|l| l.id.clone())
            .collect()
    }

    #[test]
    fn sums_and_results_are_computed_like_the_outcome() {
        let mut r = club();
        let year_result = r
            .income_statement
            .find_role(Role::YearResult)
            .unwrap()
            .id
            .clone();
        // Every input line gets a budget of 100 for the year, 10 for next year; the result is
        // what the same formulas give the outcome of those amounts.
        for id in input_ids(&r) {
            r.budget.lines.insert(
                id.clone(),
                BudgetLine {
                    this_year: Some(Money::from(100)),
                    next_year: Some(Money::from(10)),
                },
            );
        }
        let mut outcome = r.clone();
        for id in input_ids(&r) {
            assert!(outcome.set_amount(&id, 0, Some(Decimal::from(100))));
            assert!(outcome.set_amount(&id, 1, Some(Decimal::from(10))));
        }
        let b = compute(&r).budget;
        let o = compute(&outcome);
        for l in r.income_statement.all_lines() {
            assert_eq!(
                b.value(&l.id, BudgetYear::This),
                o.value(&l.id, 0),
                "{}",
                l.id
            );
            assert_eq!(
                b.value(&l.id, BudgetYear::Next),
                o.value(&l.id, 1),
                "{}",
                l.id
            );
        }
        assert!(!b.value(&year_result, BudgetYear::This).is_zero());
        assert!(b.has_this_year && b.has_next_year);
    }

    #[test]
    fn a_club_budget_by_hand() {
        // Medlemsavgifter 50 000 and gåvor och bidrag 12 500 make summa intäkter 62 500;
        // verksamhetskostnader −30 000 and övriga externa kostnader −11 000 make summa
        // kostnader −41 000; the year's result is 21 500. Next year only the fees: 55 000.
        let mut r = club();
        let set = |r: &mut Report, id: &str, this: i64, next: Option<i64>| {
            let b = r.budget.lines.entry(id.to_string()).or_default();
            b.this_year = Some(Money::from(this));
            b.next_year = next.map(Money::from);
        };
        set(&mut r, "medlemsavgifter", 50_000, Some(55_000));
        set(&mut r, "gavor_och_bidrag", 12_500, None);
        set(&mut r, "verksamhetskostnader", -30_000, None);
        set(&mut r, "ovriga_externa_kostnader", -11_000, None);
        let c = compute(&r);
        let b = &c.budget;
        let d = Decimal::from;
        assert_eq!(b.value("intakter", BudgetYear::This), d(62_500));
        assert_eq!(b.value("kostnader", BudgetYear::This), d(-41_000));
        assert_eq!(
            b.value("verksamhetens_resultat", BudgetYear::This),
            d(21_500)
        );
        assert_eq!(b.value("arets_resultat", BudgetYear::This), d(21_500));
        assert_eq!(b.value("arets_resultat", BudgetYear::Next), d(55_000));
        assert_eq!(b.value("finansiella_intakter", BudgetYear::This), d(0));
        assert!(b.has_this_year && b.has_next_year);
        assert_eq!(b.columns(), Vec::<BudgetYear>::new(), "hidden until shown");
        r.budget.shown = true;
        assert_eq!(
            compute(&r).budget.columns(),
            vec![BudgetYear::This, BudgetYear::Next]
        );
        assert!(!compute(&r).budget.prints_deviation());
        r.budget.deviation = true;
        assert!(compute(&r).budget.prints_deviation());
        // Avvikelse = utfall − budget: fees came in at 48 000 (−2 000), costs at −32 000
        // (−2 000: more spent), the result at 48 000 − 32 000 = 16 000 (−5 500).
        r.set_amount("medlemsavgifter", 0, Some(d(48_000)));
        r.set_amount("verksamhetskostnader", 0, Some(d(-32_000)));
        let c = compute(&r);
        assert_eq!(c.deviation("medlemsavgifter"), d(-2_000));
        assert_eq!(c.deviation("verksamhetskostnader"), d(-2_000));
        assert_eq!(c.deviation("arets_resultat"), d(-5_500));
        // Only next year's budget: no fiscal-year column, no Avvikelse.
        let mut r = club();
        r.budget.shown = true;
        r.budget.deviation = true;
        set(&mut r, "medlemsavgifter", 0, Some(55_000));
        r.budget.lines.get_mut("medlemsavgifter").unwrap().this_year = None;
        let b = compute(&r).budget;
        assert_eq!(b.columns(), vec![BudgetYear::Next]);
        assert!(!b.prints_deviation());
    }

    #[test]
    fn headings_name_the_years() {
        let r = club();
        assert_eq!(budget_heading(&r, BudgetYear::This), "Budget 2025");
        assert_eq!(budget_heading(&r, BudgetYear::Next), "Budget 2026");
    }
}

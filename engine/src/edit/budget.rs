//! The budget's edits: an input line's budget for the fiscal year or the coming one, and
//! whether the budget and its "Avvikelse" are shown. Only the resultaträkning's input lines
//! have a budget; a line removed takes its budget along (see `structure::remove_line`).

use rust_decimal::Decimal;

use crate::model::*;
use crate::money::Money;

/// Whether `line` is a resultaträkning line the budget can hold an amount for.
pub fn is_budget_line(r: &Report, line: &str) -> bool {
    matches!(
        r.income_statement.find(line).map(|l| &l.kind),
        Some(LineKind::Input { .. })
    )
}

/// Sets an input line's budget in one column (`None` empties it). False for a line that is not
/// a resultaträkning input line; then nothing changes.
pub fn set_budget_amount(
    r: &mut Report,
    line: &str,
    year: BudgetYear,
    amount: Option<Decimal>,
) -> bool {
    if !is_budget_line(r, line) {
        return false;
    }
    let entry = r.budget.lines.entry(line.to_string()).or_default();
    let slot = match year {
        BudgetYear::This => &mut entry.this_year,
        BudgetYear::Next => &mut entry.next_year,
    };
    *slot = amount.map(Money);
    if entry.this_year.is_none() && entry.next_year.is_none() {
        r.budget.lines.remove(line);
    }
    true
}

/// Shows or hides the budget's columns (the amounts are kept either way).
pub fn show_budget(r: &mut Report, shown: bool) {
    r.budget.shown = shown;
}

/// Shows or hides the "Avvikelse" column (utfall − budget).
pub fn show_deviation(r: &mut Report, shown: bool) {
    r.budget.deviation = shown;
}

/// Next year's report: the coming year's budget becomes its fiscal year's budget, and the
/// coming year's column is empty until the årsmöte's next budget is typed.
pub(super) fn move_budget_to_next_year(budget: &mut Budget) {
    for b in budget.lines.values_mut() {
        b.this_year = b.next_year.take();
    }
    budget.lines.retain(|_, b| b.this_year.is_some());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::testing::valid;
    use crate::edit::{enter_amount, next_year, remove_line, Entry};
    use crate::template::{calendar_year, new_report};

    fn club() -> Report {
        new_report(
            LegalForm::IdeellForening,
            "Klubben",
            "",
            calendar_year(2025),
        )
    }

    #[test]
    fn only_resultaträkning_input_lines_have_a_budget() {
        let mut r = club();
        assert!(set_budget_amount(
            &mut r,
            "medlemsavgifter",
            BudgetYear::This,
            Some(Decimal::from(5))
        ));
        assert!(
            !set_budget_amount(&mut r, "intakter", BudgetYear::This, Some(Decimal::ONE)),
            "a sum"
        );
        assert!(
            !set_budget_amount(
                &mut r,
                "arets_resultat",
                BudgetYear::This,
                Some(Decimal::ONE)
            ),
            "a result"
        );
        let cash = r
            .balance_sheet
            .all_lines()
            .into_iter()
            .find(|l| matches!(l.kind, LineKind::Input { .. }))
            .unwrap()
            .id
            .clone();
        assert!(
            !set_budget_amount(&mut r, &cash, BudgetYear::This, Some(Decimal::ONE)),
            "the balansräkning"
        );
        assert!(!set_budget_amount(
            &mut r,
            "finns-inte",
            BudgetYear::Next,
            None
        ));
        assert_eq!(r.budget.lines.len(), 1);
        valid(&r);
        // Emptying both columns removes the line's entry.
        assert!(set_budget_amount(
            &mut r,
            "medlemsavgifter",
            BudgetYear::This,
            None
        ));
        assert!(r.budget.lines.is_empty());
    }

    #[test]
    fn a_mistyped_budget_is_kept_as_text_and_is_not_a_figure() {
        let mut r = club();
        let place = AmountPlace::Budget {
            line: "medlemsavgifter".into(),
            year: BudgetYear::Next,
        };
        assert!(enter_amount(
            &mut r,
            &place,
            Entry::Amount(Some(Decimal::from(55_000)))
        ));
        assert!(enter_amount(
            &mut r,
            &place,
            Entry::Invalid("55 OOO".into())
        ));
        assert_eq!(
            r.amount_at(&place),
            None,
            "the last valid amount is not kept"
        );
        assert_eq!(r.invalid_text(&place), Some("55 OOO"));
        let c = crate::compute::compute(&r);
        let p = c
            .problems
            .iter()
            .find(|p| p.code == crate::compute::ProblemCode::InvalidAmount)
            .unwrap();
        assert!(p.message.contains("Budget 2026"), "{}", p.message);
        assert!(p.message.contains("Medlemsavgifter"), "{}", p.message);
        valid(&r);
    }

    #[test]
    fn a_removed_line_takes_its_budget_along() {
        let mut r = club();
        let line = crate::edit::add_line(&mut r, "intakter", None, "Lotteri", &[]).unwrap();
        assert!(set_budget_amount(
            &mut r,
            &line,
            BudgetYear::This,
            Some(Decimal::from(800))
        ));
        let place = AmountPlace::Budget {
            line: line.clone(),
            year: BudgetYear::Next,
        };
        assert!(enter_amount(&mut r, &place, Entry::Invalid("x".into())));
        assert!(remove_line(&mut r, &line));
        assert!(r.budget.lines.is_empty());
        assert!(r.invalid_amounts.is_empty());
        valid(&r);
    }

    #[test]
    fn next_year_moves_the_coming_years_budget_in() {
        let mut r = club();
        show_budget(&mut r, true);
        show_deviation(&mut r, true);
        set_budget_amount(
            &mut r,
            "medlemsavgifter",
            BudgetYear::This,
            Some(Decimal::from(50_000)),
        );
        set_budget_amount(
            &mut r,
            "medlemsavgifter",
            BudgetYear::Next,
            Some(Decimal::from(55_000)),
        );
        set_budget_amount(
            &mut r,
            "gavor_och_bidrag",
            BudgetYear::This,
            Some(Decimal::from(12_500)),
        );
        let n = next_year(&r);
        valid(&n);
        assert!(
            n.budget.shown && n.budget.deviation,
            "the choice to show it is kept"
        );
        assert_eq!(
            n.budget.lines.len(),
            1,
            "a line with only this year's budget has none left"
        );
        let b = &n.budget.lines["medlemsavgifter"];
        assert_eq!(b.this_year, Some(Money::from(55_000)));
        assert_eq!(b.next_year, None);
    }
}

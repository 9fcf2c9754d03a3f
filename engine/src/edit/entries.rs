//! What the treasurer types into an amount cell, valid or not: [`enter_amount`] sets the
//! cell's amount, or — for text that is not an amount — empties it and keeps the text in
//! [`Report::invalid_amounts`], so the last valid amount is never printed in its place and the
//! checks can name the cell.

use rust_decimal::Decimal;

use super::budget::set_budget_amount;
use super::management::{set_equity_movement_amount, set_equity_opening, set_proposal_amount};
use super::statement::set_detail_amount;
use crate::model::*;

/// What a money cell holds after a keystroke.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// An amount, or an empty cell.
    Amount(Option<Decimal>),
    /// Text that is not an amount, exactly as typed.
    Invalid(String),
}

/// Sets the amount at `place` (an empty one for [`Entry::Invalid`], whose text is kept).
/// False when the place does not exist; then nothing changes.
pub fn enter_amount(r: &mut Report, place: &AmountPlace, entry: Entry) -> bool {
    let amount = match &entry {
        Entry::Amount(a) => *a,
        Entry::Invalid(_) => None,
    };
    let done = match place {
        AmountPlace::Line { line, year } => r.set_amount(line, *year, amount),
        AmountPlace::Detail { line, detail, year } => {
            set_detail_amount(r, line, detail, *year, amount)
        }
        AmountPlace::Movement {
            movement,
            line,
            year,
        } => set_equity_movement_amount(r, movement, line, *year, amount),
        AmountPlace::Opening { line } => set_equity_opening(r, line, amount),
        AmountPlace::Proposal { item } => set_proposal_amount(r, item, amount),
        AmountPlace::Budget { line, year } => set_budget_amount(r, line, *year, amount),
    };
    if !done {
        return false;
    }
    r.invalid_amounts.retain(|i| &i.place != place);
    if let Entry::Invalid(text) = entry {
        r.invalid_amounts.push(InvalidAmount {
            place: place.clone(),
            text,
        });
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::example_report;

    fn dec(n: i64) -> Decimal {
        Decimal::from(n)
    }

    fn first_input(r: &Report) -> String {
        r.all_lines()
            .find(|l| matches!(&l.kind, LineKind::Input { details, .. } if details.is_empty()))
            .unwrap()
            .id
            .clone()
    }

    #[test]
    fn invalid_text_empties_the_cell_and_is_kept_until_a_valid_amount() {
        let mut r = example_report();
        let line = first_input(&r);
        let place = AmountPlace::Line {
            line: line.clone(),
            year: 0,
        };
        assert!(enter_amount(&mut r, &place, Entry::Amount(Some(dec(619)))));
        assert!(enter_amount(
            &mut r,
            &place,
            Entry::Invalid("61 9OO".into())
        ));
        let amount = |r: &Report| match &r.line(&line).unwrap().kind {
            LineKind::Input { amounts, .. } => amounts[0],
            _ => unreachable!(),
        };
        assert_eq!(amount(&r), None, "the last valid prefix (619) is not kept");
        assert_eq!(r.invalid_text(&place), Some("61 9OO"));
        // Typing again replaces the kept text rather than adding a second one.
        assert!(enter_amount(&mut r, &place, Entry::Invalid("61 9O".into())));
        assert_eq!(r.invalid_amounts.len(), 1);
        assert!(enter_amount(
            &mut r,
            &place,
            Entry::Amount(Some(dec(61900)))
        ));
        assert_eq!(r.invalid_text(&place), None);
        assert_eq!(amount(&r).map(|m| m.0), Some(dec(61900)));
    }

    #[test]
    fn a_place_that_does_not_exist_changes_nothing() {
        let mut r = example_report();
        let before = r.clone();
        let place = AmountPlace::Line {
            line: "finns-inte".into(),
            year: 0,
        };
        assert!(!enter_amount(&mut r, &place, Entry::Invalid("x".into())));
        assert_eq!(r, before);
        assert_eq!(crate::compute::place_label(&r, &place), None);
    }

    #[test]
    fn a_removed_detail_row_takes_its_text_along() {
        let mut r = example_report();
        let line = first_input(&r);
        let detail = crate::edit::add_detail_row(&mut r, &line).unwrap();
        let place = AmountPlace::Detail {
            line: line.clone(),
            detail: detail.clone(),
            year: 1,
        };
        assert!(enter_amount(
            &mut r,
            &place,
            Entry::Invalid("12,3,4".into())
        ));
        assert!(crate::compute::place_label(&r, &place)
            .unwrap()
            .contains(", "));
        crate::edit::remove_detail_row(&mut r, &line, &detail);
        assert!(r.invalid_amounts.is_empty());
    }

    #[test]
    fn an_amount_written_by_anything_else_wins_over_stale_text() {
        let mut r = example_report();
        let line = first_input(&r);
        let place = AmountPlace::Line {
            line: line.clone(),
            year: 0,
        };
        assert!(enter_amount(&mut r, &place, Entry::Invalid("9O".into())));
        assert_eq!(r.invalid_text(&place), Some("9O"));
        // An SIE import or a merge writes the amount straight into the line.
        if let LineKind::Input { amounts, .. } = &mut r.line_mut(&line).unwrap().kind {
            amounts[0] = Some(crate::money::Money::from(90));
        }
        assert_eq!(r.invalid_text(&place), None);
        let c = crate::compute::compute(&r);
        assert!(!c
            .problems
            .iter()
            .any(|p| p.code == crate::compute::ProblemCode::InvalidAmount));
        assert!(!crate::render::render_html(&r).contains("9O<"));
    }

    #[test]
    fn next_year_moves_kept_text_back_with_its_year() {
        let mut r = example_report();
        let line = first_input(&r);
        let place = AmountPlace::Line {
            line: line.clone(),
            year: 0,
        };
        assert!(enter_amount(
            &mut r,
            &place,
            Entry::Invalid("61 9OO".into())
        ));
        let next = crate::edit::next_year(&r);
        let moved = AmountPlace::Line { line, year: 1 };
        assert_eq!(
            next.invalid_text(&place),
            None,
            "the new fiscal year is empty"
        );
        assert_eq!(next.invalid_text(&moved), Some("61 9OO"));
    }
}

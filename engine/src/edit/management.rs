//! Förvaltningsberättelse: förändringar i eget kapital (movements and opening balances) and the
//! resultatdisposition (the board's proposal), and finding a movement or a proposal row by id.
//! Its text parts are narrative sections ([`super::narrative`]); the flerårsöversikt is
//! computed ([`crate::compute::overview`]).

use rust_decimal::Decimal;

use crate::compute::equity_columns;
use crate::model::*;
use crate::money::Money;

fn is_equity_column(r: &Report, line: &str) -> bool {
    equity_columns(r).iter().any(|l| l.id == line)
}

/// A movement of förändringar i eget kapital, by id.
pub fn equity_movement<'a>(r: &'a Report, id: &str) -> Option<&'a EquityMovement> {
    r.equity.movements.iter().find(|m| m.id == id)
}

/// A movement, to edit its label.
pub fn equity_movement_mut<'a>(r: &'a mut Report, id: &str) -> Option<&'a mut EquityMovement> {
    r.equity.movements.iter_mut().find(|m| m.id == id)
}

/// A movement's amount in an equity column for a year (0 = the fiscal year); None when it has
/// none, or the movement does not exist.
pub fn equity_movement_amount(
    r: &Report,
    movement: &str,
    line: &str,
    year: usize,
) -> Option<Decimal> {
    let amounts = equity_movement(r, movement)?.amounts.get(line)?;
    amounts.get(year).copied().flatten().map(|m| m.0)
}

/// The opening balance of an equity column for the earliest year, if one is set.
pub fn equity_opening(r: &Report, line: &str) -> Option<Decimal> {
    r.equity.opening.get(line).map(|m| m.0)
}

/// Adds a movement of förändringar i eget kapital (no amounts) and returns its id.
pub fn add_equity_movement(r: &mut Report, label: &str) -> Id {
    let id = r.fresh_id("m");
    r.equity.movements.push(EquityMovement {
        id: id.clone(),
        label: label.to_string(),
        amounts: Default::default(),
    });
    id
}

/// Removes a movement.
pub fn remove_equity_movement(r: &mut Report, id: &str) -> bool {
    match r.equity.movements.iter().position(|m| m.id == id) {
        Some(i) => {
            r.equity.movements.remove(i);
            true
        }
        None => false,
    }
}

/// Sets a movement's amount in an equity column (see [`equity_columns`]) for a year. A column
/// whose amounts all become empty is removed from the movement.
pub fn set_equity_movement_amount(
    r: &mut Report,
    movement: &str,
    line: &str,
    year: usize,
    amount: Option<Decimal>,
) -> bool {
    let n = r.years.len();
    if year >= n || !is_equity_column(r, line) {
        return false;
    }
    let Some(m) = equity_movement_mut(r, movement) else {
        return false;
    };
    let v = m
        .amounts
        .entry(line.to_string())
        .or_insert_with(|| vec![None; n]);
    v.resize(n, None);
    v[year] = amount.map(Money);
    if v.iter().all(Option::is_none) {
        m.amounts.remove(line);
    }
    true
}

/// Sets or clears the opening balance of an equity column for the earliest year.
pub fn set_equity_opening(r: &mut Report, line: &str, amount: Option<Decimal>) -> bool {
    if !is_equity_column(r, line) {
        return false;
    }
    match amount {
        Some(a) => {
            r.equity.opening.insert(line.to_string(), Money(a));
        }
        None => {
            r.equity.opening.remove(line);
        }
    }
    true
}

/// A row of the board's proposal, by id.
pub fn proposal_item<'a>(r: &'a Report, id: &str) -> Option<&'a ProposalItem> {
    r.appropriation.proposal.iter().find(|p| p.id == id)
}

/// A row of the proposal, to edit its label.
pub fn proposal_item_mut<'a>(r: &'a mut Report, id: &str) -> Option<&'a mut ProposalItem> {
    r.appropriation.proposal.iter_mut().find(|p| p.id == id)
}

/// Adds a row to the board's proposal (no amount) and returns its id.
pub fn add_proposal_item(r: &mut Report, label: &str) -> Id {
    let id = r.fresh_id("f");
    r.appropriation.proposal.push(ProposalItem {
        id: id.clone(),
        label: label.to_string(),
        amount: None,
        remainder: false,
    });
    id
}

/// Removes a row of the proposal.
pub fn remove_proposal_item(r: &mut Report, id: &str) -> bool {
    match r.appropriation.proposal.iter().position(|p| p.id == id) {
        Some(i) => {
            r.appropriation.proposal.remove(i);
            true
        }
        None => false,
    }
}

/// Sets or clears the amount of a row of the proposal.
pub fn set_proposal_amount(r: &mut Report, id: &str, amount: Option<Decimal>) -> bool {
    match proposal_item_mut(r, id) {
        Some(p) => {
            p.amount = amount.map(Money);
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::compute;
    use crate::edit::testing::*;
    use crate::example::example_report;

    #[test]
    fn equity() {
        let mut r = example_report();
        let a = add_equity_movement(&mut r, "Erhållna gåvor till fond");
        assert_eq!(r.equity.movements[0].id, a);
        assert!(r.equity.movements[0].amounts.is_empty());
        assert!(set_equity_movement_amount(
            &mut r,
            &a,
            "balanserat_resultat",
            0,
            Some(d(2500))
        ));
        valid(&r);
        assert_eq!(
            r.equity.movements[0].amounts["balanserat_resultat"],
            vec![m(2500), None]
        );
        let c = compute(&r);
        let row = c.equity[0]
            .rows
            .iter()
            .find(|x| x.id.as_deref() == Some(a.as_str()))
            .unwrap();
        assert_eq!(row.total, d(2500));

        // Not an equity column, no such year or movement.
        assert!(!set_equity_movement_amount(
            &mut r,
            &a,
            "kassa_och_bank",
            0,
            Some(d(1))
        ));
        assert!(!set_equity_movement_amount(
            &mut r,
            &a,
            "eget_kapital",
            0,
            Some(d(1))
        ));
        assert!(!set_equity_movement_amount(
            &mut r,
            &a,
            "balanserat_resultat",
            2,
            Some(d(1))
        ));
        assert!(!set_equity_movement_amount(
            &mut r,
            "nope",
            "balanserat_resultat",
            0,
            None
        ));

        // Emptying every year removes the line's entry.
        assert!(set_equity_movement_amount(
            &mut r,
            &a,
            "balanserat_resultat",
            0,
            None
        ));
        assert!(r.equity.movements[0].amounts.is_empty());
        valid(&r);

        // Opening balances.
        assert!(set_equity_opening(
            &mut r,
            "balanserat_resultat",
            Some(d(1))
        ));
        assert_eq!(r.equity.opening["balanserat_resultat"], Money(d(1)));
        assert!(set_equity_opening(&mut r, "arets_resultat_balans", None));
        assert!(!r.equity.opening.contains_key("arets_resultat_balans"));
        assert!(!set_equity_opening(&mut r, "kassa_och_bank", Some(d(1))));
        assert!(!set_equity_opening(&mut r, "nope", None));
        valid(&r);

        assert!(remove_equity_movement(&mut r, &a));
        assert!(!remove_equity_movement(&mut r, &a));
        assert!(r.equity.movements.is_empty());
        valid(&r);
    }

    #[test]
    fn proposal() {
        let mut r = blank();
        let a = add_proposal_item(&mut r, "avsätts till fond");
        assert_eq!(r.appropriation.proposal.len(), 2);
        assert_eq!(r.appropriation.proposal[1].label, "avsätts till fond");
        assert_eq!(r.appropriation.proposal[1].amount, None);
        assert!(set_proposal_amount(&mut r, &a, Some(d(1000))));
        assert!(set_proposal_amount(&mut r, "balanseras", Some(d(-200))));
        assert_eq!(compute(&r).appropriation.proposed, d(800));
        assert!(set_proposal_amount(&mut r, &a, None));
        assert_eq!(r.appropriation.proposal[1].amount, None);
        assert!(!set_proposal_amount(&mut r, "nope", None));
        valid(&r);
        assert!(remove_proposal_item(&mut r, &a));
        assert!(!remove_proposal_item(&mut r, &a));
        assert_eq!(r.appropriation.proposal.len(), 1);
        valid(&r);
    }
}

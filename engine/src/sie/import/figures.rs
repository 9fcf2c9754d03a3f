//! The file's figures per year and account: each account's kind (balance or result), where a
//! year's amounts come from (`#UB`/`#RES`, or `#IB` and the vouchers), and how far the file
//! closed the year (see the module documentation of [`crate::sie`]).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rust_decimal::Decimal;

use super::types::{Closing, Source};
use crate::sie::parse::year_entries;
use crate::sie::{AccountType, SieFile};

/// Balance or result account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Balance,
    Result,
}

/// The four-digit BAS account an account number stands for: its first four digits (a
/// sub-account such as 143010 is BAS 1430); a number of four digits or fewer is itself.
pub(crate) fn bas_account(account: u32) -> u32 {
    let mut a = account;
    while a >= 10_000 {
        a /= 10;
    }
    a
}

pub(super) fn is_result_account(account: u32) -> bool {
    (8990..=8999).contains(&bas_account(account))
}

/// The figures of one file year: an amount per account, and where they came from.
pub(super) struct YearFigures {
    pub(super) amounts: BTreeMap<u32, Decimal>,
    pub(super) balances: Source,
    pub(super) results: Source,
    pub(super) stale: bool,
    /// Accounts whose closing balance or result differs from what the vouchers give.
    pub(super) disagree: Vec<u32>,
}

impl YearFigures {
    pub(super) fn has_any(&self) -> bool {
        self.balances != Source::Missing || self.results != Source::Missing
    }

    /// The year's result as the file has it: −(the sum of the result accounts except 899x),
    /// when the year has results.
    pub(super) fn file_result(&self, kinds: &HashMap<u32, Kind>) -> Option<Decimal> {
        (self.results != Source::Missing).then(|| {
            -self
                .amounts
                .iter()
                .filter(|(a, _)| kinds.get(a) == Some(&Kind::Result) && !is_result_account(**a))
                .map(|(_, v)| *v)
                .sum::<Decimal>()
        })
    }
}

/// Every account's kind, decided from the records the file has for it.
pub(super) fn account_kinds(file: &SieFile) -> HashMap<u32, Kind> {
    let balance: BTreeSet<u32> = crate::util::sort::set(
        file.opening
            .keys()
            .chain(file.closing.keys())
            .map(|&(_, a)| a),
    );
    let result: BTreeSet<u32> = crate::util::sort::set(file.result.keys().map(|&(_, a)| a));
    let all: BTreeSet<u32> = crate::util::sort::set(
        balance
            .iter()
            .chain(&result)
            .copied()
            .chain(file.transactions.keys().map(|&(_, a)| a))
            .chain(file.budget.keys().map(|&(_, a)| a))
            .chain(file.accounts.keys().copied()),
    );
    all.into_iter()
        .map(|a| {
            let kind = match (balance.contains(&a), result.contains(&a)) {
                _ if is_result_account(a) => Kind::Result,
                (true, false) => Kind::Balance,
                (false, true) => Kind::Result,
                _ => match file.accounts.get(&a).and_then(|x| x.kind) {
                    Some(AccountType::Asset | AccountType::Liability) => Kind::Balance,
                    Some(AccountType::Income | AccountType::Cost) => Kind::Result,
                    None if bas_account(a) < 3000 => Kind::Balance,
                    None => Kind::Result,
                },
            };
            (a, kind)
        })
        .collect()
}

pub(super) fn year_figures(file: &SieFile, y: i32, kinds: &HashMap<u32, Kind>) -> YearFigures {
    let ub: BTreeMap<u32, Decimal> = crate::util::sort::map(year_entries(&file.closing, y));
    let ib: BTreeMap<u32, Decimal> = crate::util::sort::map(year_entries(&file.opening, y));
    let res: BTreeMap<u32, Decimal> = crate::util::sort::map(year_entries(&file.result, y));
    let tr: BTreeMap<u32, Decimal> = crate::util::sort::map(year_entries(&file.transactions, y));
    // A year's closing balances are the next year's opening balances: a file with `#IB 0` and
    // no `#UB -1` still holds the comparison year's balansräkning.
    let next_ib: BTreeMap<u32, Decimal> = if y < 0 {
        crate::util::sort::map(year_entries(&file.opening, y + 1))
    } else {
        BTreeMap::new()
    };
    let kind = |a: &u32| kinds.get(a).copied().unwrap_or(Kind::Result);
    let get = |m: &BTreeMap<u32, Decimal>, a: &u32| m.get(a).copied().unwrap_or_default();
    let mut balances = if !ub.is_empty() {
        Source::File
    } else if !ib.is_empty() || tr.keys().any(|a| kind(a) == Kind::Balance) {
        Source::Transactions
    } else if !next_ib.is_empty() {
        Source::NextYearOpening
    } else {
        Source::Missing
    };
    let results = if !res.is_empty() {
        Source::File
    } else if tr.keys().any(|a| kind(a) == Kind::Result) {
        Source::Transactions
    } else {
        Source::Missing
    };
    let from_next = balances == Source::NextYearOpening;
    let accounts: BTreeSet<u32> = crate::util::sort::set(
        ub.keys()
            .chain(ib.keys())
            .chain(res.keys())
            .chain(tr.keys())
            .chain(next_ib.keys().filter(|_| from_next))
            .copied(),
    );
    let mut stale = false;
    if balances == Source::File && !tr.is_empty() {
        // Closing balances that are all equal to the opening balances although the vouchers
        // move some of them are a copy, not the year's end.
        let moved = accounts
            .iter()
            .any(|a| kind(a) == Kind::Balance && !get(&tr, a).is_zero());
        let copied = accounts
            .iter()
            .filter(|a| kind(a) == Kind::Balance)
            .all(|a| get(&ub, a) == get(&ib, a));
        if moved && copied {
            stale = true;
            balances = Source::Transactions;
        }
    }
    let mut disagree = Vec::new();
    let mut amounts = BTreeMap::new();
    for a in &accounts {
        let value = match (kind(a), balances, results) {
            (Kind::Balance, Source::File, _) => Some(get(&ub, a)),
            (Kind::Balance, Source::Transactions, _) => Some(get(&ib, a) + get(&tr, a)),
            (Kind::Balance, Source::NextYearOpening, _) => Some(get(&next_ib, a)),
            (Kind::Result, _, Source::File) => Some(get(&res, a)),
            (Kind::Result, _, Source::Transactions) => Some(get(&tr, a)),
            _ => None,
        };
        if let Some(v) = value {
            amounts.insert(*a, v);
        }
        if !tr.is_empty() {
            let differs = match (kind(a), balances, results) {
                (Kind::Balance, Source::File, _) => get(&ub, a) != get(&ib, a) + get(&tr, a),
                (Kind::Result, _, Source::File) => get(&res, a) != get(&tr, a),
                _ => false,
            };
            if differs {
                disagree.push(*a);
            }
        }
    }
    YearFigures {
        amounts,
        balances,
        results,
        stale,
        disagree,
    }
}

/// The sums of one year that decide how far the file closed it (SIE signs: debit positive).
pub(super) struct YearSums {
    /// Every amount of the year: balances, results, 899x, unmapped accounts. Zero in a
    /// consistent double-entry file.
    pub(super) total: Decimal,
    /// The balance accounts (closing balances).
    pub(super) balance_kind: Decimal,
    /// 8990–8999: the part of the result booked into equity through them.
    pub(super) booked_899x: Decimal,
    /// The year's result per the file (profit positive), 899x excluded.
    pub(super) file_result: Decimal,
    /// Last year's result per the file, when it has one.
    pub(super) previous: Option<Decimal>,
}

/// How a year was closed.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Classified {
    pub(super) closing: Closing,
    pub(super) booked: Decimal,
    pub(super) missing_carry_forward: Option<Decimal>,
    /// What the file fails to balance by; zero when it balances.
    pub(super) difference: Decimal,
}

/// Decides how far the file closed a year (see the module documentation of [`crate::sie`]).
pub(super) fn classify(s: &YearSums) -> Classified {
    let via_899x = |booked: Decimal| Classified {
        closing: if booked.is_zero() {
            Closing::NotBooked
        } else if booked == s.file_result {
            Closing::Booked
        } else {
            Closing::PartlyBooked
        },
        booked,
        missing_carry_forward: None,
        difference: Decimal::ZERO,
    };
    let directly = Classified {
        closing: Closing::Booked,
        booked: s.file_result,
        missing_carry_forward: None,
        difference: Decimal::ZERO,
    };
    if s.total.is_zero() {
        return via_899x(s.booked_899x);
    }
    if s.balance_kind.is_zero() {
        return directly;
    }
    if let Some(p) = s.previous.filter(|p| !p.is_zero()) {
        if s.total == p {
            return Classified {
                missing_carry_forward: Some(p),
                ..via_899x(s.booked_899x)
            };
        }
        if s.balance_kind == p {
            return Classified {
                missing_carry_forward: Some(p),
                ..directly
            };
        }
    }
    // The file does not balance: the difference is what is left after the likeliest reading
    // (booked directly when nothing went through 899x and the balances are closer to zero).
    let difference = if s.booked_899x.is_zero() && s.balance_kind.abs() < s.total.abs() {
        s.balance_kind
    } else {
        s.total
    };
    Classified {
        closing: Closing::Inconsistent,
        booked: Decimal::ZERO,
        missing_carry_forward: None,
        difference,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_classified_from_their_sums() {
        let d = |v: i64| Decimal::from(v);
        let sums = |total, balance_kind, booked_899x, previous: Option<i64>| YearSums {
            total: d(total),
            balance_kind: d(balance_kind),
            booked_899x: d(booked_899x),
            file_result: d(300),
            previous: previous.map(d),
        };
        let c = |s| classify(&s);
        // Result 300: balances 300 (not booked), 0 via 8999 (booked), 100 left (partly).
        assert_eq!(c(sums(0, 300, 0, None)).closing, Closing::NotBooked);
        assert_eq!(c(sums(0, 0, 300, None)).closing, Closing::Booked);
        let partly = c(sums(0, 200, 100, None));
        assert_eq!(
            (partly.closing, partly.booked),
            (Closing::PartlyBooked, d(100))
        );
        // Balances zero without 899x: booked directly.
        let directly = c(sums(-300, 0, 0, None));
        assert_eq!(
            (directly.closing, directly.booked),
            (Closing::Booked, d(300))
        );
        // Off by last year's result.
        let carry = c(sums(200, 500, 0, Some(200)));
        assert_eq!(carry.missing_carry_forward, Some(d(200)));
        assert_eq!(carry.closing, Closing::NotBooked);
        assert_eq!(carry.difference, d(0));
        let carry = c(sums(-100, 200, 0, Some(200)));
        assert_eq!(
            (carry.closing, carry.missing_carry_forward),
            (Closing::Booked, Some(d(200)))
        );
        // Anything else is a difference, named.
        let off = c(sums(50, 350, 0, Some(200)));
        assert_eq!(
            (off.closing, off.difference),
            (Closing::Inconsistent, d(50))
        );
        let off = c(sums(-290, 10, 0, None));
        assert_eq!(off.difference, d(10), "closer to booked directly");
        let off = c(sums(-290, 10, 5, None));
        assert_eq!(off.difference, d(-290));
    }
}

//! Nästa år: next year's report from this one (the fiscal year becomes the comparison year,
//! amounts move one year back, texts stay).

use crate::compute::equity_columns;
use crate::model::*;
use crate::money::Money;

/// The fiscal year after `y` ([`FiscalYear::following`]).
pub fn following_year(y: &FiscalYear) -> FiscalYear {
    y.following()
}

/// Moves a per-year amount vector one year back: a new, empty fiscal year first, and at most
/// `new_len` years kept.
fn shift_amounts(v: &mut Vec<Option<Money>>, old_len: usize, new_len: usize) {
    v.resize(old_len, None);
    v.insert(0, None);
    v.truncate(new_len);
}

/// Next year's report from this one.
///
/// * The fiscal year becomes the comparison year: every year moves one place back and a new
///   fiscal year (see [`following_year`]) comes first. At most [`MAX_YEARS`] are kept; the
///   oldest is dropped.
/// * Every amount moves one year back (input lines, detail rows, equity movements); the new
///   fiscal year's amounts are empty.
/// * Texts are kept: narrative, notes, labels, the proposal's comment, names and roles.
/// * Note table columns tied to a year follow their year (a column of a dropped year is removed)
///   and a new, empty column for the fiscal year goes before the first year column.
/// * The proposal's amounts and the signature and auditor's report dates are cleared.
/// * The opening balances of förändringar i eget kapital belong to the earliest year. While no
///   year is dropped, the earliest year stays the same and so do they. When the oldest year is
///   dropped, the new earliest year opens with the dropped year's closing balance, which is that
///   year's balansräkning: its equity lines become the opening balances, so the equity table of
///   the new earliest year stays as it was.
/// * The report is no longer the example.
pub fn next_year(r: &Report) -> Report {
    let mut out = r.clone();
    out.settings.example = false;
    let Some(first) = r.years.first() else {
        return out;
    };
    let old_n = r.years.len();
    let new_n = (old_n + 1).min(MAX_YEARS);

    out.years.insert(0, following_year(first));
    out.years.truncate(new_n);

    if old_n >= new_n {
        // The oldest year is dropped: its balansräkning becomes the opening balance of the
        // new earliest year (old index new_n - 1).
        let c = crate::compute(r);
        out.equity.opening = crate::util::sort::map(
            equity_columns(r)
                .into_iter()
                .map(|l| (l.id.clone(), Money(c.value(&l.id, new_n - 1)))),
        );
    }

    for st in [&mut out.income_statement, &mut out.balance_sheet] {
        for line in &mut st.lines {
            line.walk_mut(&mut |l| {
                if let LineKind::Input { amounts, details } = &mut l.kind {
                    shift_amounts(amounts, old_n, new_n);
                    for d in details {
                        shift_amounts(&mut d.amounts, old_n, new_n);
                    }
                }
            });
        }
    }

    for m in &mut out.equity.movements {
        for v in m.amounts.values_mut() {
            shift_amounts(v, old_n, new_n);
        }
        m.amounts.retain(|_, v| v.iter().any(Option::is_some));
    }

    // The kept SIE mapping table: the fiscal year's amounts become the comparison year's, so
    // the table (and the account choices in `account_map`) are there next year too.
    for a in &mut out.sie_accounts {
        for v in [&mut a.amounts, &mut a.budget] {
            v.insert(0, None);
            v.truncate(2);
        }
    }

    // Text kept for a mistyped cell moves back with its year, like the amounts; the proposal's
    // is cleared with its amounts, and an opening balance's when the opening balances change.
    out.invalid_amounts.retain_mut(|i| match &mut i.place {
        AmountPlace::Line { year, .. }
        | AmountPlace::Detail { year, .. }
        | AmountPlace::Movement { year, .. } => {
            *year += 1;
            *year < new_n
        }
        AmountPlace::Opening { .. } => old_n < new_n,
        AmountPlace::Proposal { .. } => false,
        // The coming year's budget becomes the fiscal year's, with its kept text.
        AmountPlace::Budget { year, .. } => {
            let next = *year == BudgetYear::Next;
            *year = BudgetYear::This;
            next
        }
    });
    super::budget::move_budget_to_next_year(&mut out.budget);

    for p in &mut out.appropriation.proposal {
        p.amount = None;
    }
    out.signatures.date = None;
    out.signatures.auditor_report_date = None;

    for i in 0..out.notes.len() {
        let Some(t) = out.notes[i].table.as_mut() else {
            continue;
        };
        for ci in (0..t.columns.len()).rev() {
            let Some(y) = t.columns[ci].year else {
                continue;
            };
            if usize::from(y) + 1 >= MAX_YEARS {
                t.columns.remove(ci);
                for row in &mut t.rows {
                    if row.cells.len() > ci {
                        row.cells.remove(ci);
                    }
                }
            } else {
                t.columns[ci].year = Some(y + 1);
            }
        }
        let Some(at) = t.columns.iter().position(|c| c.year.is_some()) else {
            continue;
        };
        let id = out.fresh_id("tc");
        let Some(t) = out.notes[i].table.as_mut() else {
            continue;
        };
        t.columns.insert(
            at,
            NoteColumn {
                id,
                header: String::new(),
                year: Some(0),
            },
        );
        for row in &mut t.rows {
            if row.cells.len() > at {
                row.cells.insert(at, None);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::{compute, EquityRowKind};
    use crate::date::Date;
    use crate::edit::testing::*;
    use crate::edit::{add_equity_movement, set_equity_movement_amount};
    use crate::example::example_report;
    use crate::template::calendar_year;

    #[test]
    fn following_years() {
        let fy = |s: Date, e: Date| FiscalYear { start: s, end: e };
        assert_eq!(following_year(&calendar_year(2025)), calendar_year(2026));
        // A broken year.
        assert_eq!(
            following_year(&fy(date(2024, 7, 1), date(2025, 6, 30))),
            fy(date(2025, 7, 1), date(2026, 6, 30))
        );
        // A shortened first year is followed by a normal one.
        assert_eq!(
            following_year(&fy(date(2025, 5, 1), date(2025, 12, 31))),
            calendar_year(2026)
        );
        // An extended first year too.
        assert_eq!(
            following_year(&fy(date(2024, 7, 1), date(2025, 12, 31))),
            calendar_year(2026)
        );
        // Years ending with February, across leap years.
        assert_eq!(
            following_year(&fy(date(2023, 3, 1), date(2024, 2, 29))),
            fy(date(2024, 3, 1), date(2025, 2, 28))
        );
        assert_eq!(
            following_year(&fy(date(2026, 3, 1), date(2027, 2, 28))),
            fy(date(2027, 3, 1), date(2028, 2, 29))
        );
        assert_eq!(
            following_year(&fy(date(2027, 3, 1), date(2028, 2, 28))),
            fy(date(2028, 2, 29), date(2029, 2, 28))
        );
    }

    #[test]
    fn next_year_shifts_the_example_one_year() {
        let old = example_report();
        let r = next_year(&old);
        valid(&r);

        assert_eq!(r.years.len(), 3);
        assert_eq!(r.years[0], calendar_year(2026));
        assert_eq!(r.years[1], old.years[0]);
        assert_eq!(r.years[2], old.years[1]);
        assert!(!r.settings.example);

        // Every input amount moves one year back; the new year is empty.
        for l in r.all_lines() {
            if let LineKind::Input { amounts, details } = &l.kind {
                let (old_amounts, old_details) = input(&old, &l.id);
                assert_eq!(amounts.len(), 3);
                assert_eq!(amounts[0], None, "{}", l.id);
                assert_eq!(amounts[1..], old_amounts[..], "{}", l.id);
                assert_eq!(details.len(), old_details.len());
                for (dr, od) in details.iter().zip(&old_details) {
                    assert_eq!(dr.id, od.id);
                    assert_eq!(dr.label, od.label);
                    assert_eq!(dr.amounts[0], None);
                    assert_eq!(dr.amounts[1..], od.amounts[..]);
                }
            }
        }
        assert_eq!(
            input(&r, "medlemsavgifter").0,
            vec![None, m(131650), m(124300)]
        );
        assert!(!input(&r, "gavor_och_bidrag").1.is_empty());

        // Computed values follow: last year's results are now the comparison year's.
        let (co, cn) = (compute(&old), compute(&r));
        for l in old.all_lines() {
            for y in 0..2 {
                assert_eq!(co.value(&l.id, y), cn.value(&l.id, y + 1), "{}", l.id);
            }
            assert!(cn.value(&l.id, 0).is_zero(), "{}", l.id);
        }

        // Texts stay.
        assert_eq!(r.narrative, old.narrative);
        assert_eq!(r.organisation, old.organisation);
        assert_eq!(r.appropriation.comment, old.appropriation.comment);
        for (a, b) in r.notes.iter().zip(&old.notes) {
            assert_eq!((&a.id, &a.title, &a.text), (&b.id, &b.title, &b.text));
        }

        // Note tables: year columns follow their year, a new empty year-0 column comes first.
        let cols = columns(&r, "n-intakter");
        assert_eq!(cols.len(), 5);
        let new_col = cols[0].0.clone();
        assert!(old.all_ids().iter().all(|id| *id != new_col));
        assert_eq!(cols[0].1, "");
        assert_eq!(cols[0].2, Some(0));
        assert_eq!(cols[1], ("ni-c2025".into(), String::new(), Some(1)));
        assert_eq!(cols[2], ("ni-c2024".into(), String::new(), Some(2)));
        assert_eq!(cols[3], ("ni-c2023".into(), "2023".into(), None));
        assert_eq!(cols[4], ("ni-c2022".into(), "2022".into(), None));
        let medl = row(&r, "n-intakter", "ni-medl");
        assert_eq!(medl.cells.len(), 5);
        assert_eq!(medl.cells[0], None);
        assert_eq!(medl.cells[1], Some(Cell::Amount(Money(d(131650)))));
        assert_eq!(medl.cells[4], Some(Cell::Amount(Money(d(112450)))));
        // A sum row without cells keeps none.
        assert!(row(&r, "n-intakter", "ni-summa").cells.is_empty());
        // Each table gets its own new column.
        let other = columns(&r, "n-kostnader");
        assert_eq!(other[0].2, Some(0));
        assert_ne!(other[0].0, new_col);
        // The old fiscal year's table total still ties to the statement, now in year 1.
        let c = &cn.note_tables["n-intakter"];
        let sum = r.note("n-intakter").unwrap().table.as_ref().unwrap();
        let total = crate::compute::table_total(sum, c).unwrap();
        assert_eq!(total[1], cn.value("intakter", 1));
        assert!(total[0].is_zero());

        // Proposal and dates cleared; names kept; opening kept (the earliest year is the same).
        assert!(r.appropriation.proposal.iter().all(|p| p.amount.is_none()));
        assert_eq!(r.signatures.date, None);
        assert_eq!(r.signatures.auditor_report_date, None);
        assert_eq!(r.signatures.signatories, old.signatures.signatories);
        assert_eq!(r.signatures.auditors, old.signatures.auditors);
        assert_eq!(r.equity.opening, old.equity.opening);
    }

    #[test]
    fn next_year_keeps_at_most_five_years() {
        let mut r = example_report();
        let mv = add_equity_movement(&mut r, "Insatser");
        assert!(set_equity_movement_amount(
            &mut r,
            &mv,
            "balanserat_resultat",
            1,
            Some(d(500))
        ));
        for _ in 0..3 {
            r = next_year(&r);
            valid(&r);
        }
        assert_eq!(r.years.len(), MAX_YEARS);
        assert_eq!(r.years[4], calendar_year(2024));
        assert_eq!(
            input(&r, "medlemsavgifter").0,
            vec![None, None, None, m(131650), m(124300)]
        );
        assert_eq!(
            r.equity.movements[0].amounts["balanserat_resultat"],
            vec![None, None, None, None, m(500)]
        );
        assert_eq!(columns(&r, "n-intakter")[4].0, "ni-c2024");

        // A fourth year on: 2024 is dropped.
        let before = compute(&r);
        let opening_2025 = before.equity.iter().find(|e| e.year == 3).unwrap().rows[0].clone();
        let last = next_year(&r);
        valid(&last);
        assert_eq!(last.years.len(), MAX_YEARS);
        assert_eq!(last.years[0], calendar_year(2029));
        assert_eq!(last.years[4], calendar_year(2025));
        assert_eq!(
            input(&last, "medlemsavgifter").0,
            vec![None, None, None, None, m(131650)]
        );
        // The movement's only amount was in 2024, so its column is gone; the movement stays.
        assert!(last.equity.movements[0].amounts.is_empty());
        assert_eq!(last.equity.movements[0].label, "Insatser");
        // 2025 now opens with 2024's balansräkning, so its equity table is unchanged.
        assert_eq!(
            last.equity.opening.get("balanserat_resultat"),
            m(512380).as_ref()
        );
        assert_eq!(
            last.equity.opening.get("arets_resultat_balans"),
            m(-19540).as_ref()
        );
        let after = compute(&last);
        let e2025 = after.equity.iter().find(|e| e.year == 4).unwrap();
        assert_eq!(e2025.rows[0].kind, EquityRowKind::Opening);
        assert_eq!(e2025.rows[0].amounts, opening_2025.amounts);
        assert_eq!(
            e2025.closing().amounts,
            before
                .equity
                .iter()
                .find(|e| e.year == 3)
                .unwrap()
                .closing()
                .amounts
        );
        // The 2024 note column is dropped with its cells; 2025 is year 4.
        let cols = columns(&last, "n-intakter");
        assert!(cols.iter().all(|c| c.0 != "ni-c2024"));
        let i2025 = cols.iter().position(|c| c.0 == "ni-c2025").unwrap();
        assert_eq!(cols[i2025].2, Some(4));
        assert_eq!(cols.len(), 7); // five year columns and the two written ones
        let medl = row(&last, "n-intakter", "ni-medl");
        assert_eq!(medl.cells.len(), 7);
        assert_eq!(medl.cells[i2025], Some(Cell::Amount(Money(d(131650)))));
        assert_eq!(medl.cells[5], Some(Cell::Amount(Money(d(118900)))));
    }

    #[test]
    fn next_year_of_a_new_report_validates() {
        let r = next_year(&blank());
        valid(&r);
        assert_eq!(
            r.years,
            vec![
                calendar_year(2026),
                calendar_year(2025),
                calendar_year(2024)
            ]
        );
        assert!(r.equity.opening.is_empty());
    }
}

//! The plan: where every account goes (the treasurer's choices, else the BAS ranges of the
//! lines), every input line's new amounts per year, and the year closings, before anything is
//! set on the report.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rust_decimal::Decimal;

use super::figures::{
    account_kinds, bas_account, classify, is_result_account, year_figures, Kind, YearFigures,
    YearSums,
};
use super::types::{
    Closing, Level, MappingRow, Placement, Source, Warning, WarningCode, YearImport,
};
use super::warnings::{file_warnings, warn};
use crate::model::*;
use crate::sie::SieFile;
use crate::template;

/// The new amounts per input line and report year (`None`: the line gets no account).
pub(super) type LineValues = HashMap<Id, [Option<Decimal>; 2]>;

/// Everything computed from the file for a report, before any amount is set.
pub(super) struct Plan {
    pub(super) mapping: Vec<MappingRow>,
    pub(super) years: Vec<YearImport>,
    /// Per report year: whether its resultaträkning / balansräkning lines are imported.
    pub(super) imports_results: [bool; 2],
    pub(super) imports_balances: [bool; 2],
    pub(super) values: LineValues,
    /// Per input line with a budgeted account: the budget for the fiscal year (`#PBUDGET` year
    /// 0) and the coming year (year 1, when the file has `#RAR 1`), as printed.
    pub(super) budget: BTreeMap<Id, [Option<Decimal>; 2]>,
    pub(super) warnings: Vec<Warning>,
}

/// The file's years whose `#PBUDGET` rows are the budget's two columns: year 0 (the fiscal
/// year's budget) and, when the file has `#RAR 1`, year 1 (the coming year's).
fn budget_years(file: &SieFile) -> Vec<i32> {
    let mut years = vec![0];
    if file.years.contains_key(&1) {
        years.push(1);
    }
    years
}

/// The sign that turns a SIE amount into the amount printed on a line.
fn line_signs(report: &Report) -> HashMap<Id, Decimal> {
    let mut signs = HashMap::new();
    for l in report.income_statement.all_lines() {
        signs.insert(l.id.clone(), Decimal::NEGATIVE_ONE);
    }
    for l in report.balance_sheet.all_lines() {
        signs.insert(l.id.clone(), Decimal::NEGATIVE_ONE);
    }
    if let Some(assets) = report.balance_sheet.find_role(Role::TotalAssets) {
        assets.walk(&mut |l| {
            signs.insert(l.id.clone(), Decimal::ONE);
        });
    }
    signs
}

pub(super) fn is_input(report: &Report, id: &str) -> bool {
    matches!(
        report.line(id).map(|l| &l.kind),
        Some(LineKind::Input { .. })
    )
}

/// Maps the file onto `report`'s lines (with its account → line choices) and computes every
/// line's new amounts and the year closings.
pub(super) fn plan(file: &SieFile, report: &Report) -> Plan {
    let kinds = account_kinds(file);
    let n_years = report.years.len().min(2);
    let figures: Vec<YearFigures> = (0..n_years)
        .map(|i| year_figures(file, -(i as i32), &kinds))
        .collect();
    let mut warnings = Vec::new();
    let signs = line_signs(report);
    let income_ids: HashSet<&str> = report
        .income_statement
        .all_lines()
        .into_iter()
        .map(|l| l.id.as_str())
        .collect();
    let in_income_statement = |id: &str| income_ids.contains(id);

    // Where every account goes.
    let mut accounts: BTreeSet<u32> = crate::util::sort::set(figures.iter().flat_map(|f| {
        f.amounts
            .iter()
            .filter(|(_, v)| !v.is_zero())
            .map(|(a, _)| *a)
    }));
    // Accounts with a budget for an imported year or for the budget's two years, so the budget
    // reaches its line.
    let budget_years = budget_years(file);
    accounts.extend(
        file.budget
            .iter()
            .filter(|(&(y, _), v)| {
                ((-(n_years as i32) < y && y <= 0) || budget_years.contains(&y)) && !v.is_zero()
            })
            .map(|(&(_, a), _)| a),
    );
    accounts.extend(
        report
            .account_map
            .keys()
            .filter(|a| kinds.contains_key(a))
            .copied(),
    );
    let mut ignored = Vec::new();
    let mut placements: BTreeMap<u32, (Placement, bool)> = BTreeMap::new();
    for &a in &accounts {
        let kind = kinds.get(&a).copied().unwrap_or(Kind::Result);
        let chosen = report.account_map.get(&a);
        let placement = if is_result_account(a) {
            if chosen.is_some() {
                ignored.push(format!("{a} (8990–8999 är resultatkonton)"));
            }
            (Placement::ResultAccount, false)
        } else if let Some(id) = chosen.filter(|id| is_input(report, id)) {
            let label = report.line(id).map(|l| l.label.clone()).unwrap_or_default();
            (
                Placement::Line {
                    id: id.clone(),
                    label,
                },
                true,
            )
        } else {
            if let Some(id) = chosen {
                ignored.push(format!("{a} (raden \"{id}\" finns inte)"));
            }
            let st = match kind {
                Kind::Balance => &report.balance_sheet,
                Kind::Result => &report.income_statement,
            };
            match template::account_candidates(&st.lines, bas_account(a)).first() {
                Some(l) => (
                    Placement::Line {
                        id: l.id.clone(),
                        label: l.label.clone(),
                    },
                    false,
                ),
                None => (Placement::Unmapped, false),
            }
        };
        placements.insert(a, placement);
    }
    if !ignored.is_empty() {
        warnings.push(warn(
            Level::Warning,
            WarningCode::MappingIgnored,
            format!(
                "Sparade val av rad för konto {} kan inte användas; kontona går till raden som kontoplanen ger.",
                ignored.join(", ")
            ),
        ));
    }

    // The lines' amounts, per year.
    let mut values: LineValues = HashMap::new();
    let mut imports_results = [false; 2];
    let mut imports_balances = [false; 2];
    for (i, f) in figures.iter().enumerate() {
        imports_results[i] = f.results != Source::Missing;
        imports_balances[i] = f.balances != Source::Missing;
    }
    for (&a, (placement, _)) in &placements {
        let Placement::Line { id, .. } = placement else {
            continue;
        };
        let sign = signs.get(id).copied().unwrap_or(Decimal::ONE);
        let entry = values.entry(id.clone()).or_insert([None, None]);
        for (i, f) in figures.iter().enumerate() {
            let imported = if in_income_statement(id) {
                imports_results[i]
            } else {
                imports_balances[i]
            };
            if !imported {
                continue;
            }
            let v = f.amounts.get(&a).copied().unwrap_or_default();
            entry[i] = Some(entry[i].unwrap_or_default() + sign * v);
        }
    }
    // The budget per resultaträkning line (`#PBUDGET`), signed as printed: the fiscal year's
    // and the coming year's.
    let mut budget: BTreeMap<Id, [Option<Decimal>; 2]> = BTreeMap::new();
    for (&a, (placement, _)) in &placements {
        let Placement::Line { id, .. } = placement else {
            continue;
        };
        if !in_income_statement(id) {
            continue;
        }
        let sign = signs.get(id).copied().unwrap_or(Decimal::ONE);
        for (slot, year) in budget_years.iter().enumerate() {
            if let Some(b) = file.budget.get(&(*year, a)) {
                let slots = budget.entry(id.clone()).or_default();
                slots[slot] = Some(slots[slot].unwrap_or_default() + sign * *b);
            }
        }
    }
    // Lines that got accounts only in one year get zero in the other imported years.
    for (id, v) in values.iter_mut() {
        for (i, slot) in v.iter_mut().enumerate().take(n_years) {
            let imported = if in_income_statement(id) {
                imports_results[i]
            } else {
                imports_balances[i]
            };
            if imported && slot.is_none() {
                *slot = Some(Decimal::ZERO);
            }
        }
    }

    // The year closings: årets resultat from the resultaträkning, the rest of what the equity
    // accounts hold in balanserat resultat.
    let year_line = report
        .balance_sheet
        .find_role(Role::YearResultBalance)
        .map(|l| l.id.clone());
    let retained_line = report
        .balance_sheet
        .find_role(Role::RetainedEarnings)
        .map(|l| l.id.clone());
    let current_results: Vec<Decimal> = if figures.iter().any(|f| f.results == Source::Missing) {
        let c = crate::compute(report);
        let id = report.line_by_role(Role::YearResult).map(|l| l.id.clone());
        (0..n_years)
            .map(|i| id.as_ref().map_or(Decimal::ZERO, |id| c.value(id, i)))
            .collect()
    } else {
        vec![Decimal::ZERO; n_years]
    };
    let mut years = Vec::new();
    for (i, f) in figures.iter().enumerate() {
        let on = |a: &u32, income: bool| -> bool {
            matches!(placements.get(a), Some((Placement::Line { id, .. }, _)) if in_income_statement(id) == income)
        };
        let sum = |pred: &dyn Fn(&u32) -> bool| -> Decimal {
            f.amounts
                .iter()
                .filter(|(a, _)| pred(a))
                .map(|(_, v)| *v)
                .sum()
        };
        let result = -sum(&|a| on(a, true));
        let mut year = YearImport {
            year: i,
            fiscal_year: file.years.get(&-(i as i32)).copied(),
            balances: f.balances,
            results: f.results,
            result: if f.results == Source::Missing {
                Decimal::ZERO
            } else {
                result
            },
            closing: Closing::NoBalances,
            booked: Decimal::ZERO,
            missing_carry_forward: None,
            difference: None,
        };
        if f.balances != Source::Missing {
            let mapped_balance = sum(&|a| on(a, false));
            let total = sum(&|_| true);
            let balance_kind =
                sum(&|a| kinds.get(a) == Some(&Kind::Balance) && !is_result_account(*a));
            let booked_899x = sum(&|a| is_result_account(*a));
            let previous = year_figures(file, -(i as i32) - 1, &kinds).file_result(&kinds);
            let c = classify(&YearSums {
                total,
                balance_kind,
                booked_899x,
                file_result: f.file_result(&kinds).unwrap_or_default(),
                previous,
            });
            year.closing = c.closing;
            year.booked = c.booked;
            year.missing_carry_forward = c.missing_carry_forward;
            year.difference = (!c.difference.is_zero()).then_some(c.difference);
            let difference = c.difference;
            // What the balance lines need in equity for the balansräkning to balance, less
            // the file's own difference, which is left visible.
            let plug = mapped_balance - difference;
            if let (Some(yr), Some(ret)) = (&year_line, &retained_line) {
                let old_yr = values.get(yr).and_then(|v| v[i]).unwrap_or_default();
                let old_ret = values.get(ret).and_then(|v| v[i]).unwrap_or_default();
                // Without results for the year, the resultaträkning keeps what the report has,
                // and årets resultat in the balansräkning follows it (the rest of equity is in
                // balanserat resultat), so the report does not contradict itself.
                let new_yr = if f.results == Source::Missing {
                    current_results[i]
                } else {
                    result
                };
                values.entry(yr.clone()).or_insert([None, None])[i] = Some(new_yr);
                values.entry(ret.clone()).or_insert([None, None])[i] =
                    Some(old_ret + old_yr + plug - new_yr);
            }
        }
        years.push(year);
    }

    let mapping = placements
        .into_iter()
        .map(|(a, (placement, overridden))| MappingRow {
            account: a,
            bas_account: (bas_account(a) != a).then_some(bas_account(a)),
            name: file.account_name(a).to_string(),
            balance_account: kinds.get(&a) == Some(&Kind::Balance),
            budget: (0..2).map(|i| file.budget.get(&(-i, a)).copied()).collect(),
            amounts: (0..2)
                .map(|i| {
                    figures
                        .get(i)
                        .filter(|f| f.has_any())
                        .and_then(|f| match kinds.get(&a) {
                            Some(Kind::Balance) if f.balances == Source::Missing => None,
                            Some(Kind::Result) | None if f.results == Source::Missing => None,
                            _ => Some(f.amounts.get(&a).copied().unwrap_or_default()),
                        })
                })
                .collect(),
            placement,
            overridden,
        })
        .collect::<Vec<_>>();

    warnings.extend(file_warnings(file, report, &figures, &years, &mapping));
    Plan {
        budget,
        mapping,
        years,
        imports_results,
        imports_balances,
        values,
        warnings,
    }
}

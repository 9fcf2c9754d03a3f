//! Mapping a parsed SIE file onto a report: see the module documentation of [`crate::sie`].
//!
//! [`import`] and [`move_account`] are here: the organisation and fiscal years, then each input
//! line's amount (hand-typed amounts are kept and listed). The rest by concern: `types` (what
//! an import gives), `figures` (the file's figures per year), `plan` (where each account goes
//! and the new amounts), `warnings`.

mod figures;
mod plan;
mod types;
mod warnings;

use std::collections::{BTreeMap, HashSet};

use super::form::{choose_form, FormSource};
use super::{SieFile, YearSource};
use crate::model::*;
use crate::money::{Money, MAX_ABS, MAX_SCALE};
use crate::template;
use rust_decimal::Decimal;

use plan::{is_input, plan, LineValues};
pub use types::{
    Change, Closing, Import, ImportOptions, Level, MappingRow, Placement, Source, Warning,
    WarningCode, YearImport,
};
use warnings::{warn, year_label};

/// The rows kept in the report for an import's mapping table.
fn kept_rows(mapping: &[MappingRow]) -> Vec<SieAccount> {
    let money = |v: &Option<Decimal>| {
        v.map(|d| d.round_dp(MAX_SCALE))
            .filter(|d| d.abs() < MAX_ABS)
            .map(Money)
    };
    mapping
        .iter()
        .map(|m| SieAccount {
            account: m.account,
            name: m.name.clone(),
            balance: m.balance_account,
            amounts: m.amounts.iter().map(money).collect(),
            budget: m.budget.iter().map(money).collect(),
            line: match &m.placement {
                Placement::Line { id, .. } => Some(id.clone()),
                Placement::ResultAccount | Placement::Unmapped => None,
            },
        })
        .collect()
}

/// Whether a report has any amount entered in its statements.
fn has_amounts(report: &Report) -> bool {
    report.all_lines().any(|l| match &l.kind {
        LineKind::Input { amounts, details } => {
            amounts.iter().flatten().any(|m| !m.0.is_zero())
                || details
                    .iter()
                    .any(|d| d.amounts.iter().flatten().any(|m| !m.0.is_zero()))
        }
        _ => false,
    })
}

fn org_digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// The org.nr as Kassören writes it: `NNNNNN-NNNN` for ten digits, otherwise as in the file.
fn normalise_org_nr(s: &str) -> String {
    let digits = org_digits(s);
    if digits.len() == 10
        && s.chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == ' ')
    {
        format!("{}-{}", &digits[..6], &digits[6..])
    } else {
        s.trim().to_string()
    }
}

/// A fiscal year for a new report when nothing in the file tells it (no `#RAR`, no dated
/// voucher, no `#GEN`): the calendar year 2000 (a warning says to change it).
fn fallback_year() -> FiscalYear {
    template::calendar_year(2000)
}

/// Imports a parsed SIE file: into a copy of `report`, or into a new report from the template
/// of the form `options.form`, `#FTYP`, the name, or aktiebolag. See the module documentation.
pub fn import(file: &SieFile, report: Option<&Report>, options: &ImportOptions) -> Import {
    let chosen = with_chosen_year(file, options);
    import_with(chosen.as_ref().unwrap_or(file), report, options, None)
}

/// The file with the fiscal year the treasurer chose, when the file has no `#RAR`.
fn with_chosen_year(file: &SieFile, options: &ImportOptions) -> Option<SieFile> {
    options
        .fiscal_year
        .filter(|_| file.year_source.is_changeable())
        .map(|y| file.with_fiscal_year(y))
}

/// Moves an account to another input line (`Some(line)`), or back to the line its range gives
/// (`None`), keeps the choice in the report and recomputes the amounts from the file. Amounts
/// that still are what the file gave before the move are updated; amounts typed by hand are
/// listed in [`Import::changes`] as usual. Returns `None` when `line` is not an input line of
/// the report.
pub fn move_account(
    file: &SieFile,
    report: &Report,
    account: u32,
    line: Option<&str>,
    options: &ImportOptions,
) -> Option<Import> {
    if let Some(id) = line {
        if !is_input(report, id) {
            return None;
        }
    }
    let chosen = with_chosen_year(file, options);
    let file = chosen.as_ref().unwrap_or(file);
    let before = plan(file, report).values;
    let mut moved = report.clone();
    match line {
        Some(id) => {
            moved.account_map.insert(account, id.to_string());
        }
        None => {
            moved.account_map.remove(&account);
        }
    }
    Some(import_with(file, Some(&moved), options, Some(&before)))
}

fn import_with(
    file: &SieFile,
    report: Option<&Report>,
    options: &ImportOptions,
    baseline: Option<&LineValues>,
) -> Import {
    let mut warnings = Vec::new();
    let mut changes = Vec::new();
    let (form, form_source) = match report {
        Some(r) => (r.organisation.legal_form, FormSource::Report),
        None => choose_form(file, options.form),
    };
    let file_year0 = file.years.get(&0).copied();
    let file_year1 = file
        .years
        .get(&-1)
        .copied()
        .or_else(|| file_year0.map(|y| template::previous_year(&y)));
    let file_name = file
        .company_name
        .as_deref()
        .map(str::trim)
        .unwrap_or_default()
        .to_string();
    let file_org_nr = file
        .org_nr
        .as_deref()
        .map(normalise_org_nr)
        .unwrap_or_default();
    let mut out = match report {
        Some(r) => r.clone(),
        None => {
            let y0 = file_year0.unwrap_or_else(fallback_year);
            let mut r = template::new_report(form, &file_name, &file_org_nr, y0);
            if let Some(y1) = file.years.get(&-1) {
                r.years[1] = *y1;
            }
            r
        }
    };

    if report.is_some() {
        let fresh = !has_amounts(&out);
        let org = &mut out.organisation;
        if !file_name.is_empty() && org.name.trim() != file_name {
            if org.name.trim().is_empty() || options.apply_changes {
                org.name = file_name.clone();
            } else {
                changes.push(Change::OrganisationName {
                    current: org.name.clone(),
                    file: file_name.clone(),
                });
            }
        }
        if !file_org_nr.is_empty() && org_digits(&org.org_nr) != org_digits(&file_org_nr) {
            if org_digits(&org.org_nr).is_empty() || options.apply_changes {
                org.org_nr = file_org_nr.clone();
            } else {
                changes.push(Change::OrgNr {
                    current: org.org_nr.clone(),
                    file: file_org_nr.clone(),
                });
            }
        }
        if let Some(y0) = file_year0 {
            let wanted = [Some(y0), file_year1];
            let mut differ = false;
            for (i, w) in wanted.iter().enumerate() {
                let (Some(w), Some(current)) = (w, out.years.get(i).copied()) else {
                    continue;
                };
                if current != *w {
                    if fresh || options.apply_changes {
                        out.years[i] = *w;
                    } else {
                        differ = true;
                        changes.push(Change::FiscalYear {
                            year: i,
                            current,
                            file: *w,
                        });
                    }
                }
            }
            if differ {
                warnings.push(warn(
                    Level::Warning,
                    WarningCode::YearsDiffer,
                    format!(
                        "Filen gäller räkenskapsåret {} men rapporten {}; filens belopp förs in som rapportens år. Byt räkenskapsår om filen är rätt.",
                        y0.period(),
                        out.years[0].period()
                    ),
                ));
            }
        }
    }

    if file.year_source.is_changeable() {
        let level = if file.year_source == YearSource::Chosen {
            Level::Info
        } else {
            Level::Warning
        };
        if let Some(year) = file_year0.or(out.years.first().copied()) {
            warnings.push(warn(
                level,
                WarningCode::NoFiscalYear,
                file.year_source.describe(&year),
            ));
        }
    }
    let plan = plan(file, &out);
    warnings.extend(plan.warnings);
    if plan
        .years
        .first()
        .is_some_and(|y| y.balances == Source::Missing && y.results == Source::Missing)
    {
        warnings.push(warn(
            Level::Error,
            WarningCode::NoBalances,
            format!(
                "Filen innehåller inga saldon för {} (inga #IB, #UB eller #RES och inga verifikationer för räkenskapsåret); den är troligen avkapad eller exporterad utan saldon. Inget importeras – exportera filen på nytt från bokföringsprogrammet.",
                year_label(&out, 0)
            ),
        ));
    }
    let n_years = out.years.len().min(2);
    let labels: Vec<String> = (0..n_years).map(|i| year_label(&out, i)).collect();
    let report_years = out.years.len();
    let mut detail_lines = Vec::new();
    let mut too_large = Vec::new();
    let income_ids: HashSet<Id> = out
        .income_statement
        .all_lines()
        .into_iter()
        .map(|l| l.id.clone())
        .collect();
    let input_ids: Vec<Id> = out
        .all_lines()
        .filter(|l| matches!(l.kind, LineKind::Input { .. }))
        .map(|l| l.id.clone())
        .collect();
    for id in input_ids {
        let in_income = income_ids.contains(&id);
        for i in 0..n_years {
            let imported = if in_income {
                plan.imports_results[i]
            } else {
                plan.imports_balances[i]
            };
            if !imported {
                continue;
            }
            let new = plan
                .values
                .get(&id)
                .and_then(|v| v[i])
                .map(|d| d.round_dp(MAX_SCALE));
            if let Some(v) = new {
                if v.abs() >= crate::money::MAX_ABS {
                    too_large.push(id.clone());
                    continue;
                }
            }
            let Some(line) = out.line_mut(&id) else {
                continue;
            };
            let label = line.label.clone();
            let LineKind::Input { amounts, details } = &mut line.kind else {
                continue;
            };
            if !details.is_empty() {
                let sum = crate::compute::input_value(amounts, details, i);
                if sum != new.unwrap_or_default() {
                    detail_lines.push(format!("{label} ({})", labels[i]));
                }
                continue;
            }
            amounts.resize(report_years, None);
            let current = amounts[i].map(|m| m.0);
            let current_value = current.unwrap_or_default();
            if current_value == new.unwrap_or_default() {
                amounts[i] = new.map(Money);
                continue;
            }
            let from_file_before = baseline
                .and_then(|b| b.get(&id))
                .is_some_and(|b| b[i].map(|d| d.round_dp(MAX_SCALE)) == current);
            if current_value.is_zero() || from_file_before || options.apply_changes {
                amounts[i] = new.map(Money);
            } else {
                changes.push(Change::Amount {
                    line: id.clone(),
                    label,
                    year: i,
                    year_label: labels[i].clone(),
                    current: current_value,
                    file: new,
                });
            }
        }
    }
    if !detail_lines.is_empty() {
        warnings.push(warn(
            Level::Warning,
            WarningCode::DetailRowsKept,
            format!(
                "Rader med specifikation ändras inte av importen, men filen ger andra belopp för: {}.",
                detail_lines.join(", ")
            ),
        ));
    }
    if !too_large.is_empty() {
        warnings.push(warn(
            Level::Error,
            WarningCode::AmountTooLarge,
            format!(
                "Beloppen för raderna {} är för stora för en årsredovisning och har inte förts in.",
                too_large.join(", ")
            ),
        ));
    }
    let overwrite_budget = report.is_none() || options.apply_changes;
    warnings.extend(apply_budget(&mut out, &plan.budget, overwrite_budget));
    crate::util::sort::sort_by_key(&mut warnings, |w| w.level);
    out.sie_accounts = kept_rows(&plan.mapping);
    Import {
        report: out,
        form,
        form_source,
        year_source: file.year_source.clone(),
        mapping: plan.mapping,
        budget: plan.budget,
        years: plan.years,
        changes,
        warnings,
    }
}

/// Puts the file's budget in the report's budget columns. Into a report that has amounts, a
/// line's typed budget that differs from the file's is kept (and named) unless the treasurer
/// asked for the file's amounts everywhere (`overwrite`). The budget is shown at once in a
/// document other than an årsredovisning (where it is a section of its own, printed only when
/// the treasurer asks for it).
fn apply_budget(
    out: &mut Report,
    budget: &BTreeMap<Id, [Option<Decimal>; 2]>,
    overwrite: bool,
) -> Vec<Warning> {
    let mut kept = Vec::new();
    let mut too_large = Vec::new();
    let mut columns = [false; 2];
    for (id, values) in budget {
        for (slot, year) in [BudgetYear::This, BudgetYear::Next].into_iter().enumerate() {
            let Some(v) = values[slot].map(|d| d.round_dp(MAX_SCALE)) else {
                continue;
            };
            if v.abs() >= crate::money::MAX_ABS {
                let label = out.line(id).map_or(id.as_str(), |l| l.label.as_str());
                too_large.push(format!(
                    "{label} ({})",
                    crate::compute::budget_heading(out, year)
                ));
                continue;
            }
            let place = AmountPlace::Budget {
                line: id.clone(),
                year,
            };
            let current = out.amount_at(&place).map(|m| m.0);
            if current.is_some_and(|c| c != v) && !overwrite {
                let label = out.line(id).map_or(id.as_str(), |l| l.label.as_str());
                kept.push(format!(
                    "{label} ({})",
                    crate::compute::budget_heading(out, year)
                ));
                continue;
            }
            if crate::edit::enter_amount(out, &place, crate::edit::Entry::Amount(Some(v))) {
                columns[slot] = true;
            }
        }
    }
    let mut warnings = Vec::new();
    if columns.iter().any(|c| *c) {
        if !out.document.is_annual_report() {
            out.budget.shown = true;
        }
        let years: Vec<String> = [BudgetYear::This, BudgetYear::Next]
            .into_iter()
            .zip(columns)
            .filter(|(_, c)| *c)
            .map(|(y, _)| crate::util::case::to_lower(&crate::compute::budget_heading(out, y)))
            .collect();
        warnings.push(warn(
            Level::Info,
            WarningCode::BudgetImported,
            format!(
                "Filens budget (#PBUDGET) har förts in som {} under Resultaträkningen.",
                years.join(" och ")
            ),
        ));
    }
    if !too_large.is_empty() {
        warnings.push(warn(
            Level::Error,
            WarningCode::AmountTooLarge,
            format!(
                "Filens budget är för stor för en rapport och fördes inte in för {}.",
                too_large.join(", ")
            ),
        ));
    }
    if !kept.is_empty() {
        warnings.push(warn(
            Level::Warning,
            WarningCode::BudgetKept,
            format!(
                "Budgeten som redan är inskriven behålls för {}; filen har andra belopp.",
                kept.join(", ")
            ),
        ));
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn org_numbers_are_normalised() {
        assert_eq!(normalise_org_nr("5555555555"), "555555-5555");
        assert_eq!(normalise_org_nr("556265-1892"), "556265-1892");
        assert_eq!(normalise_org_nr(" 802000 0009 "), "802000-0009");
        assert_eq!(normalise_org_nr("19802000-0009"), "19802000-0009");
    }
}

//! Förändringar i eget kapital: per year and equity line, the opening balance, the disposition
//! of last year's result, the treasurer's movements, this year's result and the closing balance.

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EquityRowKind {
    Opening,
    /// Last year's result moved into balanserat resultat, as the meeting decided.
    Disposition,
    /// One of `EquityChanges::movements` (insatser, utdelning, fonder, …).
    Movement,
    YearResult,
    Closing,
}

impl EquityRowKind {
    /// A stable name for the kind, used as a class in the printed table and the editor.
    pub fn class(self) -> &'static str {
        match self {
            EquityRowKind::Opening => "opening",
            EquityRowKind::Disposition => "disposition",
            EquityRowKind::Movement => "movement",
            EquityRowKind::YearResult => "year-result",
            EquityRowKind::Closing => "closing",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EquityRow {
    pub kind: EquityRowKind,
    pub label: String,
    /// The movement's id for `Movement` rows.
    pub id: Option<Id>,
    /// One amount per equity column.
    pub amounts: Vec<Decimal>,
    pub total: Decimal,
}

/// The equity changes of one year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EquityYear {
    /// Index into `Report::years`.
    pub year: usize,
    /// The equity lines of the balansräkning (ids and labels), one column each.
    pub columns: Vec<(Id, String)>,
    pub rows: Vec<EquityRow>,
}

impl EquityYear {
    pub fn closing(&self) -> &EquityRow {
        self.rows.last().expect("a year always has a closing row")
    }
}

/// The input lines under the balansräkning's equity group: the columns of the table.
pub fn equity_columns(report: &Report) -> Vec<&Line> {
    let mut cols = Vec::new();
    if let Some(group) = report.balance_sheet.find_role(Role::Equity) {
        group.walk(&mut |l| {
            if matches!(l.kind, LineKind::Input { .. }) {
                cols.push(l);
            }
        });
    }
    cols
}

fn row(kind: EquityRowKind, label: &str, id: Option<Id>, amounts: Vec<Decimal>) -> EquityRow {
    EquityRow {
        kind,
        label: label.to_string(),
        id,
        total: amounts.iter().copied().sum(),
        amounts,
    }
}

/// The equity changes for every year whose opening balance is known: each year that has a
/// previous year in the report (it opens with that year's balansräkning), and the earliest year
/// when `EquityChanges::opening` is given.
pub fn equity_changes(report: &Report, values: &HashMap<Id, Vec<Decimal>>) -> Vec<EquityYear> {
    let cols = equity_columns(report);
    if cols.is_empty() {
        return Vec::new();
    }
    let value = |id: &str, y: usize| super::value_in(values, id, y);
    let index_of = |role: Role| cols.iter().position(|l| l.role == Some(role));
    let (retained, year_result_col) = (
        index_of(Role::RetainedEarnings),
        index_of(Role::YearResultBalance),
    );
    let result_line = report.income_statement.find_role(Role::YearResult);
    let years = report.years.len();
    let mut out = Vec::new();
    for y in 0..years {
        let opening: Vec<Decimal> = if y + 1 < years {
            cols.iter().map(|l| value(&l.id, y + 1)).collect()
        } else if !report.equity.opening.is_empty() {
            cols.iter()
                .map(|l| {
                    report
                        .equity
                        .opening
                        .get(&l.id)
                        .map(|m| m.0)
                        .unwrap_or_default()
                })
                .collect()
        } else {
            continue;
        };
        let mut rows = vec![row(
            EquityRowKind::Opening,
            "Belopp vid årets ingång",
            None,
            opening.clone(),
        )];
        if let (Some(r), Some(yr)) = (retained, year_result_col) {
            if !opening[yr].is_zero() {
                let mut amounts = vec![Decimal::ZERO; cols.len()];
                amounts[yr] = -opening[yr];
                amounts[r] = opening[yr];
                let label = format!(
                    "Disposition enligt {} beslut",
                    genitive(report.organisation.legal_form.meeting())
                );
                rows.push(row(EquityRowKind::Disposition, &label, None, amounts));
            }
        }
        for m in &report.equity.movements {
            let amounts: Vec<Decimal> = cols
                .iter()
                .map(|l| {
                    m.amounts
                        .get(&l.id)
                        .and_then(|v| v.get(y))
                        .copied()
                        .flatten()
                        .map(|x| x.0)
                        .unwrap_or_default()
                })
                .collect();
            rows.push(row(
                EquityRowKind::Movement,
                &m.label,
                Some(m.id.clone()),
                amounts,
            ));
        }
        if let (Some(yr), Some(rl)) = (year_result_col, result_line) {
            let mut amounts = vec![Decimal::ZERO; cols.len()];
            amounts[yr] = value(&rl.id, y);
            rows.push(row(
                EquityRowKind::YearResult,
                "Årets resultat",
                None,
                amounts,
            ));
        }
        let closing: Vec<Decimal> = (0..cols.len())
            .map(|c| rows.iter().map(|r| r.amounts[c]).sum())
            .collect();
        rows.push(row(
            EquityRowKind::Closing,
            "Belopp vid årets utgång",
            None,
            closing,
        ));
        out.push(EquityYear {
            year: y,
            columns: cols
                .iter()
                .map(|l| (l.id.clone(), l.label.clone()))
                .collect(),
            rows,
        });
    }
    out
}

/// "årsmötet" → "årsmötets", "styrelsen" → "styrelsens".
fn genitive(word: &str) -> String {
    format!("{word}s")
}

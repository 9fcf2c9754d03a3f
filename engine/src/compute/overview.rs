//! The flerårsöversikt: nettoomsättning (or total income), resultat efter finansiella poster
//! and soliditet for up to four years, and the labels of its rows, written once for the
//! printed document ([`crate::render`]), the placeholders' list ([`super::placeholders`]) and
//! the editor.

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::*;

/// The income row of a report with nettoomsättning (also the placeholder figure's label).
pub const NET_SALES_LABEL: &str = "Nettoomsättning";
/// The income row of a report without nettoomsättning, whose income line is summa intäkter
/// (also the placeholder figure's label).
pub const TOTAL_INCOME_LABEL: &str = "Summa intäkter";
/// The income row of a report that has neither line.
pub const INCOME_LABEL: &str = "Intäkter";
/// The row of resultat efter finansiella poster.
pub const RESULT_AFTER_FINANCIAL_ITEMS_LABEL: &str = "Resultat efter finansiella poster";
/// The row of soliditet (printed with its unit: "Soliditet (%)").
pub const SOLIDITY_LABEL: &str = "Soliditet";

/// One year of the flerårsöversikt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OverviewYear {
    /// Index into `Report::years`.
    pub year: usize,
    /// Nettoomsättning, or total income for a form without it.
    pub income: Decimal,
    pub result_after_financial_items: Decimal,
    /// Soliditet in percent; `None` when summa tillgångar is zero.
    pub solidity: Option<Decimal>,
}

/// The flerårsöversikt (up to four years).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Overview {
    /// The label of the line used: "Nettoomsättning" or "Summa intäkter" as the template has
    /// it, or [`INCOME_LABEL`] when the report has neither line.
    pub income_label: String,
    pub years: Vec<OverviewYear>,
}

pub(super) fn overview(report: &Report, values: &HashMap<Id, Vec<Decimal>>) -> Overview {
    let get = |role: Role, y: usize| -> Decimal {
        report
            .line_by_role(role)
            .and_then(|l| values.get(&l.id))
            .and_then(|v| v.get(y))
            .copied()
            .unwrap_or_default()
    };
    let income_line = report
        .line_by_role(Role::NetSales)
        .or_else(|| report.line_by_role(Role::TotalIncome));
    let income_label = income_line
        .map(|l| match &l.kind {
            LineKind::Group {
                sum_label: Some(s), ..
            } => s.clone(),
            _ => l.label.clone(),
        })
        .unwrap_or_else(|| INCOME_LABEL.into());
    let years = (0..report.years.len().min(4))
        .map(|y| {
            let assets = get(Role::TotalAssets, y);
            let equity =
                get(Role::Equity, y) + get(Role::UntaxedReserves, y) * solidity_equity_share();
            OverviewYear {
                year: y,
                income: income_line
                    .and_then(|l| values.get(&l.id))
                    .and_then(|v| v.get(y))
                    .copied()
                    .unwrap_or_default(),
                result_after_financial_items: get(Role::ResultAfterFinancialItems, y),
                solidity: (!assets.is_zero()).then(|| equity * Decimal::ONE_HUNDRED / assets),
            }
        })
        .collect();
    Overview {
        income_label,
        years,
    }
}

/// The equity share of obeskattade reserver in soliditet: 1 − 20.6 % tax = 0.794.
pub fn solidity_equity_share() -> Decimal {
    Decimal::new(794, 3)
}

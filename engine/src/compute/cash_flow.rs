//! The kassaflödesanalys by the indirect method (ÅRL 2 kap 1 §: every bostadsrättsförening has
//! one; BFNAR 2012:1 kapitel 7), computed from the resultaträkning and two balance sheets.
//!
//! A balance line's place in it follows the BAS class of its first account range: 1000–1399
//! anläggningstillgångar (investeringsverksamheten, with the avskrivningar added back),
//! 1400–1799 fordringar and varulager and 2400–2999 kortfristiga skulder (rörelsekapitalet),
//! 1800–1899 kortfristiga placeringar (investeringsverksamheten), 1900–1999 likvida medel,
//! 2000–2099 eget kapital and 2300–2399 långfristiga skulder with the short-term loans
//! 2410–2419 and 2480–2489 (finansieringsverksamheten), 2100–2199 obeskattade reserver and
//! 2200–2299 avsättningar (adjustments: not cash). Because each year's balance sheet balances,
//! årets kassaflöde equals the change in likvida medel; a line that has no BAS account cannot
//! be placed, and is named.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::model::*;
use crate::template::parse_range;

/// Where a balance line's change goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Bucket {
    FixedAssets,
    Receivables,
    ShortTermInvestments,
    Cash,
    Equity,
    UntaxedReserves,
    Provisions,
    Loans,
    Payables,
}

fn bucket(line: &Line) -> Option<Bucket> {
    let (first, _) = parse_range(line.accounts.first()?)?;
    Some(match first {
        1000..=1399 => Bucket::FixedAssets,
        1400..=1799 => Bucket::Receivables,
        1800..=1899 => Bucket::ShortTermInvestments,
        1900..=1999 => Bucket::Cash,
        2000..=2099 => Bucket::Equity,
        2100..=2199 => Bucket::UntaxedReserves,
        2200..=2299 => Bucket::Provisions,
        2300..=2399 | 2410..=2419 | 2480..=2489 => Bucket::Loans,
        2400..=2999 => Bucket::Payables,
        _ => return None,
    })
}

/// What a row of the kassaflödesanalys is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CashFlowRowKind {
    /// A section's heading ("Den löpande verksamheten"): no amount.
    Heading,
    Item,
    /// A section's subtotal ("Kassaflöde från den löpande verksamheten").
    Sum,
    /// Årets kassaflöde and likvida medel at the end of the year.
    Total,
}

/// One row: a stable id, its printed label and its amount (zero for a heading).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CashFlowRow {
    pub id: &'static str,
    pub label: &'static str,
    pub kind: CashFlowRowKind,
    pub amount: Decimal,
}

/// One fiscal year's kassaflödesanalys (it needs the balance sheet of the year before).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CashFlowYear {
    /// The report year (0: the fiscal year).
    pub year: usize,
    pub rows: Vec<CashFlowRow>,
    pub year_flow: Decimal,
    /// Likvida medel at the start and the end of the year.
    pub opening: Decimal,
    pub closing: Decimal,
}

impl CashFlowYear {
    /// Whether årets kassaflöde takes likvida medel from the start to the end.
    pub fn ties_out(&self) -> bool {
        self.opening + self.year_flow == self.closing
    }

    pub fn row(&self, id: &str) -> Option<&CashFlowRow> {
        self.rows.iter().find(|r| r.id == id)
    }
}

/// The kassaflödesanalys of every year that has a year before it, fiscal year first; and the
/// balance input lines it could not place (no BAS account).
pub fn cash_flow(
    report: &Report,
    values: &HashMap<Id, Vec<Decimal>>,
) -> (Vec<CashFlowYear>, Vec<Id>) {
    let value = |id: &str, y: usize| super::value_in(values, id, y);
    let mut placed: Vec<(&Line, Bucket)> = Vec::new();
    let mut unplaced = Vec::new();
    for line in report.balance_sheet.all_lines() {
        if matches!(line.kind, LineKind::Input { .. }) {
            match bucket(line) {
                Some(b) => placed.push((line, b)),
                None => unplaced.push(line.id.clone()),
            }
        }
    }
    let role = |r: Role, y: usize| {
        report
            .income_statement
            .find_role(r)
            .map(|l| value(&l.id, y))
            .unwrap_or_default()
    };
    let years = report.years.len();
    let mut out = Vec::new();
    for y in 0..years.saturating_sub(1) {
        let total = |b: Bucket, at: usize| -> Decimal {
            placed
                .iter()
                .filter(|(_, x)| *x == b)
                .map(|(l, _)| value(&l.id, at))
                .sum()
        };
        let change = |b: Bucket| total(b, y) - total(b, y + 1);
        let result = role(Role::ResultAfterFinancialItems, y);
        let year_result = role(Role::YearResult, y);
        // Costs are stored negative: the avskrivningar are added back with the sign turned.
        let depreciation = -role(Role::Depreciation, y);
        let taxes_and_appropriations = year_result - result + change(Bucket::UntaxedReserves);
        let provisions = change(Bucket::Provisions);
        let before_working_capital = result + depreciation + provisions + taxes_and_appropriations;
        let receivables = -change(Bucket::Receivables);
        let payables = change(Bucket::Payables);
        let operating = before_working_capital + receivables + payables;
        let investments = -(change(Bucket::FixedAssets) + depreciation);
        let placements = -change(Bucket::ShortTermInvestments);
        let investing = investments + placements;
        let loans = change(Bucket::Loans);
        let contributions = change(Bucket::Equity) - year_result;
        let financing = loans + contributions;
        let year_flow = operating + investing + financing;
        use CashFlowRowKind::*;
        let row = |id, label, kind, amount| CashFlowRow {
            id,
            label,
            kind,
            amount,
        };
        let mut rows = vec![
            row(
                "lopande",
                "Den löpande verksamheten",
                Heading,
                Decimal::ZERO,
            ),
            row(
                "resultat",
                "Resultat efter finansiella poster",
                Item,
                result,
            ),
            row(
                "avskrivningar",
                "Justering för av- och nedskrivningar",
                Item,
                depreciation,
            ),
        ];
        if provisions != Decimal::ZERO {
            rows.push(row(
                "avsattningar",
                "Förändring av avsättningar",
                Item,
                provisions,
            ));
        }
        if taxes_and_appropriations != Decimal::ZERO {
            rows.push(row(
                "skatt",
                "Skatt och bokslutsdispositioner",
                Item,
                taxes_and_appropriations,
            ));
        }
        rows.extend([
            row(
                "fore_rorelsekapital",
                "Kassaflöde från den löpande verksamheten före förändringar av rörelsekapital",
                Sum,
                before_working_capital,
            ),
            row(
                "fordringar",
                "Förändring av kortfristiga fordringar",
                Item,
                receivables,
            ),
            row(
                "skulder",
                "Förändring av kortfristiga skulder",
                Item,
                payables,
            ),
            row(
                "lopande_summa",
                "Kassaflöde från den löpande verksamheten",
                Sum,
                operating,
            ),
            row(
                "investering",
                "Investeringsverksamheten",
                Heading,
                Decimal::ZERO,
            ),
            row(
                "investeringar",
                "Investeringar i anläggningstillgångar",
                Item,
                investments,
            ),
        ]);
        if placements != Decimal::ZERO {
            rows.push(row(
                "placeringar",
                "Förändring av kortfristiga placeringar",
                Item,
                placements,
            ));
        }
        rows.extend([
            row(
                "investering_summa",
                "Kassaflöde från investeringsverksamheten",
                Sum,
                investing,
            ),
            row(
                "finansiering",
                "Finansieringsverksamheten",
                Heading,
                Decimal::ZERO,
            ),
            row("lan", "Upptagna lån och amorteringar, netto", Item, loans),
            row(
                "insatser",
                "Insatser, upplåtelseavgifter och andra förändringar av eget kapital",
                Item,
                contributions,
            ),
            row(
                "finansiering_summa",
                "Kassaflöde från finansieringsverksamheten",
                Sum,
                financing,
            ),
            row("arets_kassaflode", "Årets kassaflöde", Total, year_flow),
            row(
                "likvida_borjan",
                "Likvida medel vid årets början",
                Item,
                total(Bucket::Cash, y + 1),
            ),
            row(
                "likvida_slut",
                "Likvida medel vid årets slut",
                Total,
                total(Bucket::Cash, y),
            ),
        ]);
        out.push(CashFlowYear {
            year: y,
            rows,
            year_flow,
            opening: total(Bucket::Cash, y + 1),
            closing: total(Bucket::Cash, y),
        });
    }
    (out, unplaced)
}

/// Whether the rules ask for a kassaflödesanalys: every bostadsrättsförening's årsredovisning
/// (ÅRL 2 kap 1 §).
pub fn requires_cash_flow(report: &Report) -> bool {
    report.document.is_annual_report()
        && report.organisation.legal_form == LegalForm::Bostadsrattsforening
}

/// Whether the report prints a kassaflödesanalys: where the rules ask for one, and in any other
/// report whose treasurer asks for it (`settings.cash_flow`).
pub fn prints_cash_flow(report: &Report) -> bool {
    requires_cash_flow(report) || report.settings.cash_flow
}

//! Recompute a report: every statement value for every year, the notes' totals, the equity
//! changes, the key ratios, the resultatdisposition and the list of problems.

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::*;
use crate::money::{format_amount, round_to_unit, Money, Unit};

mod brf;
mod budget;
pub mod cash_flow;
mod checks;
mod disclosures;
mod document;
mod equity;
pub mod overview;
pub mod placeholders;
mod places;

pub use brf::LOSS_SECTION_TITLE;
pub use budget::{budget_heading, shown_deviation, BudgetFigures};
pub use equity::{equity_columns, EquityRow, EquityRowKind, EquityYear};
pub use overview::{solidity_equity_share, Overview, OverviewYear};
pub use places::place_label;

/// How bad a problem is. An error must be fixed before the report is adopted; a warning is
/// worth a look.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "Fel",
            Severity::Warning => "Varning",
        }
    }
}

/// Stable identifiers of the checks (listed in the README; `kassoren check --json` prints them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    BalanceSheetUnbalanced,
    ResultMismatch,
    EquityRollForward,
    NoteTieOut,
    AppropriationMismatch,
    ComparisonYearMissing,
    InvalidOrgNr,
    MissingOrganisationName,
    InvalidFiscalYear,
    UnknownPlaceholder,
    RoundingDifference,
    MissingSignatures,
    MissingSignatureDate,
    SignatureDateTooEarly,
    AuditorReportDate,
    UnknownLine,
    FormulaCycle,
    UnknownNote,
    NoteTableShape,
    MissingSeat,
    InvalidAmount,
    StructureChanged,
    DocumentNotAllowed,
    TurnoverOverLimit,
    PrinciplesRule,
    FixedItems,
    RequiredDisclosure,
    CashFlowTieOut,
    LossExplanation,
}

impl ProblemCode {
    pub const ALL: [ProblemCode; 29] = [
        ProblemCode::BalanceSheetUnbalanced,
        ProblemCode::ResultMismatch,
        ProblemCode::EquityRollForward,
        ProblemCode::NoteTieOut,
        ProblemCode::AppropriationMismatch,
        ProblemCode::ComparisonYearMissing,
        ProblemCode::InvalidOrgNr,
        ProblemCode::MissingOrganisationName,
        ProblemCode::InvalidFiscalYear,
        ProblemCode::UnknownPlaceholder,
        ProblemCode::RoundingDifference,
        ProblemCode::MissingSignatures,
        ProblemCode::MissingSignatureDate,
        ProblemCode::SignatureDateTooEarly,
        ProblemCode::AuditorReportDate,
        ProblemCode::UnknownLine,
        ProblemCode::FormulaCycle,
        ProblemCode::UnknownNote,
        ProblemCode::NoteTableShape,
        ProblemCode::MissingSeat,
        ProblemCode::InvalidAmount,
        ProblemCode::StructureChanged,
        ProblemCode::DocumentNotAllowed,
        ProblemCode::TurnoverOverLimit,
        ProblemCode::PrinciplesRule,
        ProblemCode::FixedItems,
        ProblemCode::RequiredDisclosure,
        ProblemCode::CashFlowTieOut,
        ProblemCode::LossExplanation,
    ];

    /// The snake_case code, as in the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemCode::BalanceSheetUnbalanced => "balance_sheet_unbalanced",
            ProblemCode::ResultMismatch => "result_mismatch",
            ProblemCode::EquityRollForward => "equity_roll_forward",
            ProblemCode::NoteTieOut => "note_tie_out",
            ProblemCode::AppropriationMismatch => "appropriation_mismatch",
            ProblemCode::ComparisonYearMissing => "comparison_year_missing",
            ProblemCode::InvalidOrgNr => "invalid_org_nr",
            ProblemCode::MissingOrganisationName => "missing_organisation_name",
            ProblemCode::InvalidFiscalYear => "invalid_fiscal_year",
            ProblemCode::UnknownPlaceholder => "unknown_placeholder",
            ProblemCode::RoundingDifference => "rounding_difference",
            ProblemCode::MissingSignatures => "missing_signatures",
            ProblemCode::MissingSignatureDate => "missing_signature_date",
            ProblemCode::SignatureDateTooEarly => "signature_date_too_early",
            ProblemCode::AuditorReportDate => "auditor_report_date",
            ProblemCode::UnknownLine => "unknown_line",
            ProblemCode::FormulaCycle => "formula_cycle",
            ProblemCode::UnknownNote => "unknown_note",
            ProblemCode::NoteTableShape => "note_table_shape",
            ProblemCode::MissingSeat => "missing_seat",
            ProblemCode::InvalidAmount => "invalid_amount",
            ProblemCode::StructureChanged => "structure_changed",
            ProblemCode::DocumentNotAllowed => "document_not_allowed",
            ProblemCode::TurnoverOverLimit => "turnover_over_limit",
            ProblemCode::PrinciplesRule => "principles_rule",
            ProblemCode::FixedItems => "fixed_items",
            ProblemCode::RequiredDisclosure => "required_disclosure",
            ProblemCode::CashFlowTieOut => "cash_flow_tie_out",
            ProblemCode::LossExplanation => "loss_explanation",
        }
    }
}

/// Where a problem is, so the editor can take the treasurer there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Location {
    /// A field of the organisation: `name`, `org_nr`, `seat`.
    Organisation { field: String },
    /// A fiscal year's dates.
    Year { year: usize },
    /// A statement line (and year, when one year is concerned).
    Line { line: Id, year: Option<usize> },
    /// A note, and a row/column of its table.
    Note {
        note: Id,
        row: Option<Id>,
        column: Option<Id>,
    },
    /// A narrative section.
    Section { section: Id },
    /// Förändringar i eget kapital: an equity line's column in a year.
    Equity { line: Option<Id>, year: usize },
    /// The resultatdisposition.
    Appropriation,
    /// The signature page (a person on it, if one is concerned).
    Signatures { person: Option<Id> },
    /// What stands under the balansräkning: `pledged` (ställda säkerheter) or `contingent`
    /// (eventualförpliktelser).
    OffBalance { field: String },
}

/// One problem found by the checks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub severity: Severity,
    pub code: ProblemCode,
    /// Swedish, for the treasurer.
    pub message: String,
    pub location: Location,
}

/// The figures of the resultatdisposition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AppropriationFigures {
    /// What makes up the amount at the meeting's disposal: (label, amount), e.g.
    /// ("Balanserat resultat", 120 000), ("Årets resultat", −15 000).
    pub parts: Vec<(String, Decimal)>,
    /// Summa till förfogande.
    pub at_disposal: Decimal,
    /// The sum of the board's proposal.
    pub proposed: Decimal,
    /// Each row of the proposal, in order: its amount (typed, or computed for the remainder
    /// row) and whether it was computed.
    pub items: Vec<ProposalFigure>,
}

/// One row of the board's proposal, as printed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProposalFigure {
    pub id: Id,
    pub amount: Option<Decimal>,
    /// The remainder row with no typed amount: what the other rows leave of the amount at the
    /// meeting's disposal.
    pub computed: bool,
}

impl AppropriationFigures {
    /// A proposal row's amount as printed (typed or computed).
    pub fn item(&self, id: &str) -> Option<&ProposalFigure> {
        self.items.iter().find(|i| i.id == id)
    }
}

/// Whether a line's empty amounts are filled in by the program: årets resultat in the
/// balansräkning is the resultaträkning's, unless a figure is typed (or imported); a typed
/// figure that differs is the check `result_mismatch`.
pub fn is_filled_from_income_statement(line: &Line) -> bool {
    line.role == Some(Role::YearResultBalance)
        && matches!(&line.kind, LineKind::Input { details, .. } if details.is_empty())
}

/// The values of a note table: one row per table row, one value per column. Item rows carry
/// their amounts, sum rows the computed sums, text cells and headings `None`.
pub type TableValues = Vec<Vec<Option<Decimal>>>;

/// Everything computed from a report.
#[derive(Clone, Debug, PartialEq)]
pub struct Computed {
    /// How many years the report has.
    pub years: usize,
    /// How many years the statements print (the fiscal year and the comparison year).
    pub shown_years: usize,
    pub unit: Unit,
    /// How zero is printed ("0" or "–").
    pub nil: Nil,
    values: HashMap<Id, Vec<Decimal>>,
    /// Note ids in print order; a note's number is its index + 1.
    pub note_order: Vec<Id>,
    pub note_tables: HashMap<Id, TableValues>,
    pub overview: Overview,
    pub equity: Vec<EquityYear>,
    pub appropriation: AppropriationFigures,
    /// The budget's columns, summed like the outcome.
    pub budget: BudgetFigures,
    /// The kassaflödesanalys of each year with a year before it (fiscal year first), and the
    /// balance lines it could not place.
    pub cash_flow: Vec<cash_flow::CashFlowYear>,
    pub cash_flow_unplaced: Vec<Id>,
    pub problems: Vec<Problem>,
}

impl Computed {
    /// A line's value in a year (zero for an unknown line or year).
    pub fn value(&self, line: &str, year: usize) -> Decimal {
        value_in(&self.values, line, year)
    }

    /// A resultaträkning line's "Avvikelse": the fiscal year's outcome less its budget.
    pub fn deviation(&self, line: &str) -> Decimal {
        self.value(line, 0) - self.budget.value(line, BudgetYear::This)
    }

    /// A line's values, one per report year.
    pub fn values(&self, line: &str) -> Option<&[Decimal]> {
        self.values.get(line).map(Vec::as_slice)
    }

    /// A note's printed number ("Not 3"), if it is printed.
    pub fn note_number(&self, note: &str) -> Option<usize> {
        self.note_order
            .iter()
            .position(|n| n == note)
            .map(|i| i + 1)
    }

    /// Whether a statement line is printed: K2 leaves out lines that are zero in every shown
    /// year. Results (formulas) and the two grand totals are always printed.
    pub fn is_shown(&self, line: &Line) -> bool {
        self.is_shown_in(line, false)
    }

    /// [`Computed::is_shown`] in a table that also prints the budget's columns
    /// (`with_budget`): a line with a budget in a printed column is shown too.
    pub fn is_shown_in(&self, line: &Line, with_budget: bool) -> bool {
        match (&line.kind, line.role) {
            (LineKind::Formula { .. }, _) => true,
            (_, Some(Role::TotalAssets | Role::TotalEquityAndLiabilities)) => true,
            (LineKind::Group { children, .. }, _) => children.iter().any(|c| {
                !matches!(c.kind, LineKind::Formula { .. }) && self.is_shown_in(c, with_budget)
            }),
            (LineKind::Input { .. }, _) => {
                (0..self.shown_years).any(|y| !self.value(&line.id, y).is_zero())
                    || (with_budget
                        && self
                            .budget
                            .columns()
                            .iter()
                            .any(|y| !self.budget.value(&line.id, *y).is_zero()))
            }
        }
    }

    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
    }

    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    /// An amount formatted in the report's unit (no suffix).
    pub fn fmt(&self, d: Decimal) -> String {
        let text = format_amount(d, self.unit);
        if self.nil == Nil::Dash && round_to_unit(d, self.unit).is_zero() {
            "–".to_string()
        } else {
            text
        }
    }
}

/// The value of an input line in a year: the sum of its detail rows if it has any.
pub fn input_value(amounts: &[Option<Money>], details: &[DetailRow], year: usize) -> Decimal {
    let get = |a: &[Option<Money>]| {
        a.get(year)
            .copied()
            .flatten()
            .map(|m| m.0)
            .unwrap_or_default()
    };
    if details.is_empty() {
        get(amounts)
    } else {
        details.iter().map(|d| get(&d.amounts)).sum()
    }
}

/// Evaluates every line of both statements for every year.
struct Evaluator<'a> {
    lines: HashMap<&'a str, &'a Line>,
    /// Årets resultat in the resultaträkning, which fills the balansräkning's when it is empty.
    year_result: Option<&'a Line>,
    years: usize,
    values: HashMap<Id, Vec<Decimal>>,
    visiting: Vec<&'a str>,
    problems: Vec<Problem>,
}

impl<'a> Evaluator<'a> {
    fn eval(&mut self, line: &'a Line) -> Vec<Decimal> {
        if let Some(v) = self.values.get(&line.id) {
            return v.clone();
        }
        if self.visiting.contains(&line.id.as_str()) {
            self.problems.push(Problem {
                severity: Severity::Error,
                code: ProblemCode::FormulaCycle,
                message: format!(
                    "Raden \"{}\" räknas ut från sig själv (en cirkel av formler); den räknas som 0.",
                    line.label
                ),
                location: Location::Line { line: line.id.clone(), year: None },
            });
            return vec![Decimal::ZERO; self.years];
        }
        self.visiting.push(&line.id);
        let v: Vec<Decimal> = match &line.kind {
            LineKind::Input { amounts, details } => {
                let mut v: Vec<Decimal> = (0..self.years)
                    .map(|y| input_value(amounts, details, y))
                    .collect();
                if let Some(source) = self
                    .year_result
                    .filter(|_| is_filled_from_income_statement(line))
                {
                    let from = self.eval(source);
                    for (y, slot) in v.iter_mut().enumerate() {
                        if amounts.get(y).copied().flatten().is_none() {
                            *slot = from.get(y).copied().unwrap_or_default();
                        }
                    }
                }
                v
            }
            LineKind::Group { children, .. } => {
                let mut sum = vec![Decimal::ZERO; self.years];
                for c in children {
                    let cv = self.eval(c);
                    // A result line placed inside a group is printed there but not added.
                    if !matches!(c.kind, LineKind::Formula { .. }) {
                        for (s, x) in sum.iter_mut().zip(cv) {
                            *s += x;
                        }
                    }
                }
                sum
            }
            LineKind::Formula { terms } => {
                let mut sum = vec![Decimal::ZERO; self.years];
                for t in terms {
                    let Some(target) = self.lines.get(t.line.as_str()).copied() else {
                        self.problems.push(Problem {
                            severity: Severity::Error,
                            code: ProblemCode::UnknownLine,
                            message: format!(
                                "Raden \"{}\" hänvisar till en rad som inte finns (\"{}\"); den räknas som 0.",
                                line.label, t.line
                            ),
                            location: Location::Line { line: line.id.clone(), year: None },
                        });
                        continue;
                    };
                    let tv = self.eval(target);
                    for (s, x) in sum.iter_mut().zip(tv) {
                        if t.negate {
                            *s -= x;
                        } else {
                            *s += x;
                        }
                    }
                }
                sum
            }
        };
        self.visiting.pop();
        self.values.insert(line.id.clone(), v.clone());
        v
    }
}

/// Every line's values for `years` years, evaluated like the statements (for the budget's
/// columns: an income statement whose input lines hold the budget). Problems are not reported:
/// the statements' own evaluation reports them.
pub(crate) fn evaluate(lines: &[Line], years: usize) -> HashMap<Id, Vec<Decimal>> {
    let mut all = HashMap::new();
    for l in lines {
        l.walk(&mut |l| {
            all.entry(l.id.as_str()).or_insert(l);
        });
    }
    let mut ev = Evaluator {
        lines: all,
        year_result: None,
        years,
        values: HashMap::new(),
        visiting: Vec::new(),
        problems: Vec::new(),
    };
    for l in lines {
        ev.eval(l);
    }
    ev.values
}

/// The order notes are printed and numbered in: notes that no line refers to and that stand
/// before the first referred note in the list (such as accounting principles) come first, then
/// the notes in the order the resultaträkning and balansräkning refer to them, then the rest in
/// list order.
pub fn note_order(report: &Report) -> Vec<Id> {
    let referenced: Vec<&str> = report
        .all_lines()
        .filter_map(|l| l.note.as_deref())
        .collect();
    let mut order: Vec<Id> = Vec::with_capacity(report.notes.len());
    let push = |id: &str, order: &mut Vec<Id>| {
        if report.note(id).is_some() && !order.iter().any(|o| o == id) {
            order.push(id.to_string());
        }
    };
    for n in report
        .notes
        .iter()
        .take_while(|n| !referenced.contains(&n.id.as_str()))
    {
        push(&n.id, &mut order);
    }
    for id in &referenced {
        push(id, &mut order);
    }
    for n in &report.notes {
        push(&n.id, &mut order);
    }
    order
}

/// The values of a note table (see [`TableValues`]).
pub fn table_values(table: &NoteTable) -> TableValues {
    let cols = table.columns.len();
    let mut out: TableValues = Vec::with_capacity(table.rows.len());
    let mut running = vec![Decimal::ZERO; cols];
    for row in &table.rows {
        let amount = |c: usize| match row.cells.get(c) {
            Some(Some(Cell::Amount(m))) => Some(m.0),
            _ => None,
        };
        match row.kind {
            RowKind::Item | RowKind::Count => {
                let vals: Vec<Option<Decimal>> = (0..cols).map(amount).collect();
                for (r, v) in running.iter_mut().zip(&vals) {
                    *r += v.unwrap_or_default();
                }
                out.push(vals);
            }
            RowKind::Sum => out.push(running.iter().map(|v| Some(*v)).collect()),
            RowKind::Heading => {
                running = vec![Decimal::ZERO; cols];
                out.push(vec![None; cols]);
            }
        }
    }
    out
}

/// The value of a table's last sum row, per column, if it has one.
pub fn table_total(table: &NoteTable, values: &TableValues) -> Option<Vec<Decimal>> {
    let i = table.rows.iter().rposition(|r| r.kind == RowKind::Sum)?;
    Some(values[i].iter().map(|v| v.unwrap_or_default()).collect())
}

fn appropriation(report: &Report, values: &HashMap<Id, Vec<Decimal>>) -> AppropriationFigures {
    let value = |l: &Line| {
        values
            .get(&l.id)
            .and_then(|v| v.first())
            .copied()
            .unwrap_or_default()
    };
    let free_lines: Vec<&Line> = match report.balance_sheet.find_role(Role::FreeEquity) {
        Some(group) => {
            let mut leaves = Vec::new();
            group.walk(&mut |l| {
                if matches!(l.kind, LineKind::Input { .. }) {
                    leaves.push(l)
                }
            });
            leaves
        }
        None => [Role::RetainedEarnings, Role::YearResultBalance]
            .into_iter()
            .filter_map(|r| report.balance_sheet.find_role(r))
            .collect(),
    };
    let parts: Vec<(String, Decimal)> = free_lines
        .into_iter()
        .map(|l| (l.label.clone(), value(l)))
        .filter(|(_, v)| !v.is_zero())
        .collect();
    let at_disposal: Decimal = parts.iter().map(|(_, v)| *v).sum();
    let proposal = &report.appropriation.proposal;
    let typed: Decimal = proposal.iter().filter_map(|p| p.amount).map(|m| m.0).sum();
    // The first remainder row without a typed amount takes what the others leave.
    let remainder = proposal
        .iter()
        .position(|p| p.remainder && p.amount.is_none());
    let items: Vec<ProposalFigure> = proposal
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let computed = Some(i) == remainder;
            ProposalFigure {
                id: p.id.clone(),
                amount: if computed {
                    Some(at_disposal - typed)
                } else {
                    p.amount.map(|m| m.0)
                },
                computed,
            }
        })
        .collect();
    AppropriationFigures {
        at_disposal,
        parts,
        proposed: items.iter().filter_map(|i| i.amount).sum(),
        items,
    }
}

/// A line's value in a year from the computed values (zero for an unknown line or year), for
/// the parts computed before [`Computed`] exists.
fn value_in(values: &HashMap<Id, Vec<Decimal>>, line: &str, year: usize) -> Decimal {
    values
        .get(line)
        .and_then(|v| v.get(year))
        .copied()
        .unwrap_or_default()
}

/// Recomputes everything about a report. Never panics, whatever the report holds: problems in
/// its structure are reported like any other problem.
pub fn compute(report: &Report) -> Computed {
    let years = report.years.len().max(1);
    let mut lines = HashMap::new();
    for l in report.all_lines() {
        lines.entry(l.id.as_str()).or_insert(l);
    }
    let mut ev = Evaluator {
        lines,
        year_result: report.income_statement.find_role(Role::YearResult),
        years,
        values: HashMap::new(),
        visiting: Vec::new(),
        problems: Vec::new(),
    };
    for l in report
        .income_statement
        .lines
        .iter()
        .chain(&report.balance_sheet.lines)
    {
        ev.eval(l);
    }
    let Evaluator {
        values,
        problems: eval_problems,
        ..
    } = ev;

    let note_tables: HashMap<Id, TableValues> = report
        .notes
        .iter()
        .filter_map(|n| n.table.as_ref().map(|t| (n.id.clone(), table_values(t))))
        .collect();
    let overview = overview::overview(report, &values);
    let equity = equity::equity_changes(report, &values);
    let appropriation = appropriation(report, &values);
    let budget = budget::budget_figures(report);
    let (cash_flow, cash_flow_unplaced) = cash_flow::cash_flow(report, &values);
    let mut computed = Computed {
        years,
        shown_years: years.min(2),
        unit: report.settings.unit,
        nil: report.settings.nil,
        values,
        note_order: note_order(report),
        note_tables,
        overview,
        equity,
        appropriation,
        budget,
        cash_flow,
        cash_flow_unplaced,
        problems: eval_problems,
    };
    let mut problems = checks::run(report, &computed);
    computed.problems.append(&mut problems);
    // Errors first, and of them a mistyped amount first: the other errors may follow from it.
    crate::util::sort::sort_by_key(&mut computed.problems, |p| {
        (p.severity, p.code != ProblemCode::InvalidAmount)
    });
    computed
}

/// Rounds to the unit printed, for the rounding checks.
pub(crate) fn shown(d: Decimal, unit: Unit) -> Decimal {
    round_to_unit(d, unit)
}

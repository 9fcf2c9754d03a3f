//! Mapping a parsed SIE file onto a report: see the module documentation of [`crate::sie`].

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rust_decimal::Decimal;
use serde::Serialize;

use super::form::{choose_form, FormSource};
use super::parse::year_entries;
use super::{AccountType, SieFile};
use crate::model::*;
use crate::money::{format_for_input, Money, MAX_SCALE};
use crate::template;

/// How many accounts a warning names before "…".
const NAMED: usize = 5;

/// Options for [`import`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// The legal form of a new report (when no report is given). `None`: from the file.
    pub form: Option<LegalForm>,
    /// Also make the changes that overwrite what the treasurer entered: amounts typed by hand,
    /// the organisation's name and org.nr, the fiscal years. Without it they are only listed
    /// in [`Import::changes`].
    pub apply_changes: bool,
}

/// How serious a warning is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// The figures are wrong until something is done (the file does not balance).
    Error,
    /// Worth a look: something was guessed, left out or differs.
    Warning,
    /// What the import did, for the record.
    Info,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::Error => "Fel",
            Level::Warning => "Varning",
            Level::Info => "Information",
        }
    }
}

/// Stable identifiers of the import's warnings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningCode {
    /// Accounts that no line holds; their totals are named.
    UnmappedAccounts,
    /// Last year's result was never carried into this year's opening balance.
    MissingCarryForward,
    /// The file's own amounts do not balance; the balansräkning is off by the amount named.
    FileUnbalanced,
    /// Vouchers whose rows do not sum to zero.
    UnbalancedVouchers,
    /// The vouchers do not add up to the closing balances or results the file states.
    TransactionsDisagree,
    /// The file's closing balances are a copy of its opening balances.
    StaleClosingBalances,
    /// Names in the file with characters that were already destroyed (U+FFFD).
    DamagedText,
    /// The chart of accounts is not BAS (EUBAS97 or later).
    OtherChartOfAccounts,
    /// A year without `#RES`: the result is computed from the vouchers.
    ResultFromTransactions,
    /// A year without `#UB`: the closing balances are computed from `#IB` and the vouchers.
    BalancesFromTransactions,
    /// The file has no figures for the comparison year.
    NoComparisonYear,
    /// The file's fiscal years differ from the report's.
    YearsDiffer,
    /// Lines with detail rows are not changed by the import.
    DetailRowsKept,
    /// A kept account → line choice that cannot be used.
    MappingIgnored,
    /// Vouchers dated outside the file's fiscal years.
    VouchersOutsideYears,
    /// The file has no `#RAR 0`.
    NoFiscalYear,
    /// An amount too large for a report.
    AmountTooLarge,
    /// Vouchers without their `{` line, read all the same.
    VouchersWithoutBrace,
}

impl WarningCode {
    pub const ALL: [WarningCode; 18] = [
        WarningCode::UnmappedAccounts,
        WarningCode::MissingCarryForward,
        WarningCode::FileUnbalanced,
        WarningCode::UnbalancedVouchers,
        WarningCode::TransactionsDisagree,
        WarningCode::StaleClosingBalances,
        WarningCode::DamagedText,
        WarningCode::OtherChartOfAccounts,
        WarningCode::ResultFromTransactions,
        WarningCode::BalancesFromTransactions,
        WarningCode::NoComparisonYear,
        WarningCode::YearsDiffer,
        WarningCode::DetailRowsKept,
        WarningCode::MappingIgnored,
        WarningCode::VouchersOutsideYears,
        WarningCode::NoFiscalYear,
        WarningCode::AmountTooLarge,
        WarningCode::VouchersWithoutBrace,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            WarningCode::UnmappedAccounts => "unmapped_accounts",
            WarningCode::MissingCarryForward => "missing_carry_forward",
            WarningCode::FileUnbalanced => "file_unbalanced",
            WarningCode::UnbalancedVouchers => "unbalanced_vouchers",
            WarningCode::TransactionsDisagree => "transactions_disagree",
            WarningCode::StaleClosingBalances => "stale_closing_balances",
            WarningCode::DamagedText => "damaged_text",
            WarningCode::OtherChartOfAccounts => "other_chart_of_accounts",
            WarningCode::ResultFromTransactions => "result_from_transactions",
            WarningCode::BalancesFromTransactions => "balances_from_transactions",
            WarningCode::NoComparisonYear => "no_comparison_year",
            WarningCode::YearsDiffer => "years_differ",
            WarningCode::DetailRowsKept => "detail_rows_kept",
            WarningCode::MappingIgnored => "mapping_ignored",
            WarningCode::VouchersOutsideYears => "vouchers_outside_years",
            WarningCode::NoFiscalYear => "no_fiscal_year",
            WarningCode::AmountTooLarge => "amount_too_large",
            WarningCode::VouchersWithoutBrace => "vouchers_without_brace",
        }
    }
}

/// A warning from the import, in Swedish.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub level: Level,
    pub code: WarningCode,
    pub message: String,
}

/// Where an account went.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Placement {
    /// An input line of the resultaträkning or balansräkning.
    Line { id: Id, label: String },
    /// 8990–8999, årets resultat: never a statement line.
    ResultAccount,
    /// No line holds the account.
    Unmapped,
}

/// One row of the mapping table shown to the treasurer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MappingRow {
    pub account: u32,
    /// The account's name in the file (`#KONTO`).
    pub name: String,
    /// Whether it is a balance account (closing balance) or a result account (the year's
    /// result).
    pub balance_account: bool,
    /// Per report year (0 = the fiscal year, 1 = the comparison year): the amount as in the
    /// file, debit positive and credit negative (`#UB` for a balance account, `#RES` for a
    /// result account); `None` when the file has no figures of that kind for the year.
    pub amounts: Vec<Option<Decimal>>,
    pub placement: Placement,
    /// The treasurer moved the account here (`Report::account_map`).
    pub overridden: bool,
}

/// Where a year's figures came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// `#UB` / `#RES` rows.
    File,
    /// Computed from `#IB` and the vouchers (`#TRANS`).
    Transactions,
    /// The file has none.
    Missing,
}

/// How far the year's result was booked into equity in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Closing {
    /// The year has no balances, so there is nothing to split.
    NoBalances,
    /// The balance accounts sum to the result: not booked.
    NotBooked,
    /// The balance accounts sum to zero: booked (via 8999 or directly into equity).
    Booked,
    /// In between: part of the result booked via 899x.
    PartlyBooked,
    /// The file does not balance: see [`YearImport::difference`].
    Inconsistent,
}

/// What the import did with one year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct YearImport {
    /// The report year (0 = the fiscal year, 1 = the comparison year); the file's year index is
    /// minus this.
    pub year: usize,
    /// The fiscal year according to the file (`#RAR`).
    pub fiscal_year: Option<FiscalYear>,
    pub balances: Source,
    pub results: Source,
    /// Årets resultat, as printed (profit positive): from the resultaträkning's accounts.
    pub result: Decimal,
    pub closing: Closing,
    /// The part of the result the file had booked into equity.
    pub booked: Decimal,
    /// Last year's result, missing from the opening balance and put in balanserat resultat.
    pub missing_carry_forward: Option<Decimal>,
    /// How much the file's own amounts fail to balance (debit minus credit): the balansräkning
    /// is off by this much.
    pub difference: Option<Decimal>,
}

impl YearImport {
    /// One line in Swedish: the year, the result and how the file had closed it.
    pub fn describe(&self, label: &str) -> String {
        if self.balances == Source::Missing && self.results == Source::Missing {
            return format!("{label}: filen har inga belopp för året.");
        }
        let result = kr(self.result);
        let how = match self.closing {
            Closing::NoBalances => "filen har inga balanser för året".to_string(),
            Closing::NotBooked => "resultatet är inte bokat mot eget kapital i filen".into(),
            Closing::Booked => "resultatet är bokat mot eget kapital i filen".into(),
            Closing::PartlyBooked => format!(
                "{} av resultatet är bokat mot eget kapital i filen",
                kr(self.booked)
            ),
            Closing::Inconsistent => format!(
                "filen går inte jämnt ut: balansräkningen skiljer {}",
                kr(self.difference.unwrap_or_default())
            ),
        };
        let mut s = format!("{label}: årets resultat {result}; {how}");
        if let Some(m) = self.missing_carry_forward {
            s.push_str(&format!(
                "; fjolårets resultat ({}) saknades i ingående balans och ligger i balanserat resultat",
                kr(m)
            ));
        }
        s.push('.');
        s
    }
}

/// A change the import did not make because it would overwrite what the treasurer entered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    OrganisationName {
        current: String,
        file: String,
    },
    OrgNr {
        current: String,
        file: String,
    },
    FiscalYear {
        year: usize,
        current: FiscalYear,
        file: FiscalYear,
    },
    /// An amount typed by hand that differs from the file's.
    Amount {
        line: Id,
        label: String,
        year: usize,
        /// The year's heading ("2025").
        year_label: String,
        current: Decimal,
        file: Option<Decimal>,
    },
}

impl Change {
    /// One line in Swedish: what would change, from what to what.
    pub fn describe(&self) -> String {
        match self {
            Change::OrganisationName { current, file } => {
                format!("Namn: \"{current}\" → \"{file}\"")
            }
            Change::OrgNr { current, file } => format!("Organisationsnummer: {current} → {file}"),
            Change::FiscalYear {
                year,
                current,
                file,
            } => format!(
                "{}: {} → {}",
                if *year == 0 {
                    "Räkenskapsåret".to_string()
                } else if *year == 1 {
                    "Jämförelseåret".to_string()
                } else {
                    format!("År {}", year + 1)
                },
                current.period(),
                file.period()
            ),
            Change::Amount {
                label,
                year_label,
                current,
                file,
                ..
            } => format!(
                "{label} {year_label}: {} → {}",
                kr(*current),
                file.map_or_else(|| "tomt".to_string(), kr)
            ),
        }
    }
}

/// The result of an import.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Import {
    /// The report with the file's figures: a new one from the form's template, or a copy of the
    /// report imported into.
    pub report: Report,
    /// The legal form used (the report's own when importing into one) and why.
    pub form: LegalForm,
    pub form_source: FormSource,
    /// Every account with an amount in the imported years (and every moved account), by
    /// number.
    pub mapping: Vec<MappingRow>,
    /// Per imported report year.
    pub years: Vec<YearImport>,
    /// What was not changed (empty with [`ImportOptions::apply_changes`]).
    pub changes: Vec<Change>,
    /// Errors first, then warnings, then information.
    pub warnings: Vec<Warning>,
}

impl Import {
    /// The line the command line prints: "Form: aktiebolag (enligt #FTYP AB i filen)".
    pub fn form_line(&self) -> String {
        format!(
            "Form: {} ({})",
            self.form.slug(),
            self.form_source.describe()
        )
    }

    pub fn has_errors(&self) -> bool {
        self.warnings.iter().any(|w| w.level == Level::Error)
    }

    /// The first warning of a kind, if the import gave one.
    pub fn warning(&self, code: WarningCode) -> Option<&Warning> {
        self.warnings.iter().find(|w| w.code == code)
    }
}

/// "1 verifikation", "3 verifikationer".
fn vouchers(n: usize) -> String {
    if n == 1 {
        "1 verifikation".into()
    } else {
        format!("{n} verifikationer")
    }
}

/// "1 234,50 kr" with a no-break space.
fn kr(d: Decimal) -> String {
    format!("{}\u{a0}kr", format_for_input(d))
}

/// Balance or result account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Balance,
    Result,
}

fn is_result_account(account: u32) -> bool {
    (8990..=8999).contains(&account)
}

/// The figures of one file year: an amount per account, and where they came from.
struct YearFigures {
    amounts: BTreeMap<u32, Decimal>,
    balances: Source,
    results: Source,
    stale: bool,
    /// Accounts whose closing balance or result differs from what the vouchers give.
    disagree: Vec<u32>,
}

impl YearFigures {
    fn has_any(&self) -> bool {
        self.balances != Source::Missing || self.results != Source::Missing
    }

    /// The year's result as the file has it: −(the sum of the result accounts except 899x),
    /// when the year has results.
    fn file_result(&self, kinds: &HashMap<u32, Kind>) -> Option<Decimal> {
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
fn account_kinds(file: &SieFile) -> HashMap<u32, Kind> {
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
                    None if a < 3000 => Kind::Balance,
                    None => Kind::Result,
                },
            };
            (a, kind)
        })
        .collect()
}

fn year_figures(file: &SieFile, y: i32, kinds: &HashMap<u32, Kind>) -> YearFigures {
    let ub: BTreeMap<u32, Decimal> = crate::util::sort::map(year_entries(&file.closing, y));
    let ib: BTreeMap<u32, Decimal> = crate::util::sort::map(year_entries(&file.opening, y));
    let res: BTreeMap<u32, Decimal> = crate::util::sort::map(year_entries(&file.result, y));
    let tr: BTreeMap<u32, Decimal> = crate::util::sort::map(year_entries(&file.transactions, y));
    let kind = |a: &u32| kinds.get(a).copied().unwrap_or(Kind::Result);
    let get = |m: &BTreeMap<u32, Decimal>, a: &u32| m.get(a).copied().unwrap_or_default();
    let mut balances = if !ub.is_empty() {
        Source::File
    } else if !ib.is_empty() || tr.keys().any(|a| kind(a) == Kind::Balance) {
        Source::Transactions
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
    let accounts: BTreeSet<u32> = crate::util::sort::set(
        ub.keys()
            .chain(ib.keys())
            .chain(res.keys())
            .chain(tr.keys())
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

fn is_input(report: &Report, id: &str) -> bool {
    matches!(
        report.line(id).map(|l| &l.kind),
        Some(LineKind::Input { .. })
    )
}

/// The sums of one year that decide how far the file closed it (SIE signs: debit positive).
struct YearSums {
    /// Every amount of the year: balances, results, 899x, unmapped accounts. Zero in a
    /// consistent double-entry file.
    total: Decimal,
    /// The balance accounts (closing balances).
    balance_kind: Decimal,
    /// 8990–8999: the part of the result booked into equity through them.
    booked_899x: Decimal,
    /// The year's result per the file (profit positive), 899x excluded.
    file_result: Decimal,
    /// Last year's result per the file, when it has one.
    previous: Option<Decimal>,
}

/// How a year was closed.
#[derive(Debug, PartialEq, Eq)]
struct Classified {
    closing: Closing,
    booked: Decimal,
    missing_carry_forward: Option<Decimal>,
    /// What the file fails to balance by; zero when it balances.
    difference: Decimal,
}

/// Decides how far the file closed a year (see the module documentation of [`crate::sie`]).
fn classify(s: &YearSums) -> Classified {
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

/// The new amounts per input line and report year (`None`: the line gets no account).
type LineValues = HashMap<Id, [Option<Decimal>; 2]>;

/// Everything computed from the file for a report, before any amount is set.
struct Plan {
    mapping: Vec<MappingRow>,
    years: Vec<YearImport>,
    /// Per report year: whether its resultaträkning / balansräkning lines are imported.
    imports_results: [bool; 2],
    imports_balances: [bool; 2],
    values: LineValues,
    warnings: Vec<Warning>,
}

fn warn(level: Level, code: WarningCode, message: String) -> Warning {
    Warning {
        level,
        code,
        message,
    }
}

/// The label of a report year: "2025", or "år 2" when the report lacks it.
fn year_label(report: &Report, i: usize) -> String {
    report
        .years
        .get(i)
        .map(FiscalYear::label)
        .unwrap_or_else(|| format!("år {}", i + 1))
}

/// Maps the file onto `report`'s lines (with its account → line choices) and computes every
/// line's new amounts and the year closings.
fn plan(file: &SieFile, report: &Report) -> Plan {
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
            match template::account_candidates(&st.lines, a).first() {
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
                let new_yr = if f.results == Source::Missing {
                    old_yr
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
            name: file.account_name(a).to_string(),
            balance_account: kinds.get(&a) == Some(&Kind::Balance),
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
        mapping,
        years,
        imports_results,
        imports_balances,
        values,
        warnings,
    }
}

/// The warnings about the file and the mapping.
fn file_warnings(
    file: &SieFile,
    report: &Report,
    figures: &[YearFigures],
    years: &[YearImport],
    mapping: &[MappingRow],
) -> Vec<Warning> {
    let mut out = Vec::new();
    let label = |i: usize| year_label(report, i);
    for y in years {
        let l = label(y.year);
        if let Some(d) = y.difference {
            let mut why = Vec::new();
            let fy = -(y.year as i32);
            let opening: Decimal = year_entries(&file.opening, fy).map(|(_, v)| v).sum();
            if !opening.is_zero() {
                why.push(format!(
                    "de ingående balanserna (#IB) summerar till {} i stället för 0",
                    kr(opening)
                ));
            }
            let periods: Vec<String> = file
                .period_totals
                .range((fy, 0)..=(fy, u32::MAX))
                .filter(|(_, v)| !v.is_zero())
                .map(|(&(_, p), v)| format!("{}-{:02}: {}", p / 100, p % 100, kr(*v)))
                .collect();
            if !periods.is_empty() {
                why.push(format!(
                    "periodsaldona (#PSALDO) går inte jämnt ut för {}",
                    periods.join(", ")
                ));
            }
            if y.year == 0 && file.unbalanced_voucher_count > 0 {
                why.push(format!(
                    "{} går inte jämnt ut",
                    vouchers(file.unbalanced_voucher_count)
                ));
            }
            let why = if why.is_empty() {
                String::new()
            } else {
                format!(" ({})", why.join("; "))
            };
            out.push(warn(
                Level::Error,
                WarningCode::FileUnbalanced,
                format!(
                    "{l}: Filens belopp går inte jämnt ut – debet och kredit skiljer {}{why}. Skillnaden läggs inte i eget kapital, så balansräkningen balanserar inte med samma belopp. Rätta i bokföringen och exportera en ny fil, eller justera beloppen för hand.",
                    kr(d)
                ),
            ));
        }
        if let Some(m) = y.missing_carry_forward {
            out.push(warn(
                Level::Warning,
                WarningCode::MissingCarryForward,
                format!(
                    "{l}: Förra årets resultat ({}) har inte förts över till årets ingående balans i bokföringen. Kassören lägger det i balanserat resultat så att balansräkningen balanserar; kontrollera att det stämmer med bokslutet.",
                    kr(m)
                ),
            ));
        }
    }
    // Unmapped accounts, with their totals per year.
    let unmapped: Vec<&MappingRow> = mapping
        .iter()
        .filter(|r| r.placement == Placement::Unmapped)
        .collect();
    if !unmapped.is_empty() {
        let totals: Vec<String> = (0..2)
            .filter_map(|i| {
                let values: Vec<Decimal> = unmapped.iter().filter_map(|r| r.amounts[i]).collect();
                (!values.is_empty())
                    .then(|| format!("{} {}", label(i), kr(values.iter().copied().sum())))
            })
            .collect();
        let names: Vec<String> = unmapped
            .iter()
            .take(NAMED)
            .map(|r| {
                if r.name.is_empty() {
                    r.account.to_string()
                } else {
                    format!("{} {}", r.account, r.name)
                }
            })
            .collect();
        let more = if unmapped.len() > NAMED { ", …" } else { "" };
        out.push(warn(
            Level::Warning,
            WarningCode::UnmappedAccounts,
            format!(
                "{} {} hör inte till någon rad i årsredovisningen: {}{more}. Summa (debet positivt): {}. Beloppet finns inte på någon rad utan ingår i balanserat resultat; flytta kontot till rätt rad i kopplingen.",
                unmapped.len(),
                if unmapped.len() == 1 { "konto" } else { "konton" },
                names.join(", "),
                totals.join(", ")
            ),
        ));
    }
    for (i, f) in figures.iter().enumerate() {
        let l = label(i);
        if f.stale {
            out.push(warn(
                Level::Warning,
                WarningCode::StaleClosingBalances,
                format!(
                    "{l}: Filens utgående balanser (#UB) är desamma som de ingående fast verifikationerna ändrar kontona; de utgående balanserna räknas i stället fram från #IB och verifikationerna."
                ),
            ));
        } else if f.balances == Source::Transactions {
            out.push(warn(
                Level::Info,
                WarningCode::BalancesFromTransactions,
                format!("{l}: Filen saknar utgående balanser (#UB); de räknas fram från #IB och verifikationerna."),
            ));
        }
        if f.results == Source::Transactions {
            out.push(warn(
                Level::Info,
                WarningCode::ResultFromTransactions,
                format!("{l}: Filen saknar resultat per konto (#RES); årets resultat räknas fram från verifikationerna."),
            ));
        }
        if !f.disagree.is_empty() {
            let named: Vec<String> = f.disagree.iter().take(NAMED).map(u32::to_string).collect();
            let more = if f.disagree.len() > NAMED {
                ", …"
            } else {
                ""
            };
            out.push(warn(
                Level::Warning,
                WarningCode::TransactionsDisagree,
                format!(
                    "{l}: Verifikationerna i filen stämmer inte med saldona för {} konton ({}{more}); saldona (#UB, #RES) används.",
                    f.disagree.len(),
                    named.join(", ")
                ),
            ));
        }
    }
    if report.years.len() > 1 && figures.get(1).map_or(true, |f| !f.has_any()) {
        out.push(warn(
            Level::Info,
            WarningCode::NoComparisonYear,
            format!(
                "Filen har inga belopp för {}; jämförelseårets belopp lämnas som de är.",
                label(1)
            ),
        ));
    }
    if file.unbalanced_voucher_count > 0 {
        let named: Vec<String> = file
            .unbalanced_vouchers
            .iter()
            .take(NAMED)
            .map(|v| {
                format!(
                    "{} {} (rad {}): {}",
                    v.series,
                    v.number,
                    v.line,
                    kr(v.difference)
                )
            })
            .collect();
        out.push(warn(
            Level::Warning,
            WarningCode::UnbalancedVouchers,
            format!(
                "{} i filen går inte jämnt ut: {}.",
                vouchers(file.unbalanced_voucher_count),
                named.join(", ")
            ),
        ));
    }
    if file.vouchers_outside_years > 0 {
        out.push(warn(
            Level::Warning,
            WarningCode::VouchersOutsideYears,
            format!(
                "{} har ett datum utanför filens räkenskapsår och räknas till räkenskapsåret.",
                vouchers(file.vouchers_outside_years)
            ),
        ));
    }
    if file.vouchers_without_brace > 0 {
        out.push(warn(
            Level::Info,
            WarningCode::VouchersWithoutBrace,
            format!(
                "{} i filen saknar raden med {{ före sina transaktioner och har lästs ändå.",
                vouchers(file.vouchers_without_brace)
            ),
        ));
    }
    let damaged = file
        .company_name
        .iter()
        .chain(file.accounts.values().map(|a| &a.name))
        .filter(|s| s.contains('\u{FFFD}'))
        .count();
    if damaged > 0 {
        out.push(warn(
            Level::Warning,
            WarningCode::DamagedText,
            format!(
                "{damaged} namn i filen innehåller tecken som förstördes redan när filen skapades (visas som �); rätta namnen för hand."
            ),
        ));
    }
    if let Some(chart) = file.chart.as_deref() {
        let c = chart.trim().to_ascii_uppercase();
        if !(c.is_empty() || c.starts_with("EUBAS") || c.starts_with("BAS20")) {
            out.push(warn(
                Level::Warning,
                WarningCode::OtherChartOfAccounts,
                format!(
                    "Filens kontoplan är {chart}; kopplingen till raderna bygger på BAS-kontoplanen (EUBAS97 och senare). Kontrollera kopplingen."
                ),
            ));
        }
    }
    out
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

/// A fiscal year for a new report when the file has no `#RAR 0`: the calendar year before
/// the file was written, else 2000 (a warning says to check it).
fn fallback_year(file: &SieFile) -> FiscalYear {
    template::calendar_year(file.generated.map_or(2000, |d| d.year - 1))
}

/// Imports a parsed SIE file: into a copy of `report`, or into a new report from the template
/// of the form `options.form`, `#FTYP`, the name, or aktiebolag. See the module documentation.
pub fn import(file: &SieFile, report: Option<&Report>, options: &ImportOptions) -> Import {
    import_with(file, report, options, None)
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
    if file_year0.is_none() {
        warnings.push(warn(
            Level::Warning,
            WarningCode::NoFiscalYear,
            "Filen anger inget räkenskapsår (#RAR 0); kontrollera räkenskapsåren.".into(),
        ));
    }
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
            let y0 = file_year0.unwrap_or_else(|| fallback_year(file));
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

    let plan = plan(file, &out);
    warnings.extend(plan.warnings);
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
    crate::util::sort::sort_by_key(&mut warnings, |w| w.level);
    Import {
        report: out,
        form,
        form_source,
        mapping: plan.mapping,
        years: plan.years,
        changes,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warning_codes_are_listed_once() {
        let mut seen = HashSet::new();
        for c in WarningCode::ALL {
            assert!(seen.insert(c.as_str()), "{c:?}");
            assert_eq!(
                serde_json::to_value(c).unwrap(),
                serde_json::Value::from(c.as_str())
            );
        }
    }

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

    #[test]
    fn org_numbers_are_normalised() {
        assert_eq!(normalise_org_nr("5555555555"), "555555-5555");
        assert_eq!(normalise_org_nr("556265-1892"), "556265-1892");
        assert_eq!(normalise_org_nr(" 802000 0009 "), "802000-0009");
        assert_eq!(normalise_org_nr("19802000-0009"), "19802000-0009");
    }
}

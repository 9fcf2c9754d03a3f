//! What an import gives: the options, the imported report with its mapping (where each
//! account went), what was done with each year, the changes not made and the warnings, each
//! describable in Swedish.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::*;
use crate::money::format_for_input;
use crate::sie::{FormSource, YearSource};

/// Options for [`import`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// The legal form of a new report (when no report is given). `None`: from the file.
    pub form: Option<LegalForm>,
    /// Also make the changes that overwrite what the treasurer entered: amounts typed by hand,
    /// the organisation's name and org.nr, the fiscal years. Without it they are only listed
    /// in [`Import::changes`].
    pub apply_changes: bool,
    /// The fiscal year of a file without `#RAR`, chosen by the treasurer instead of the one the
    /// vouchers' dates give (see [`crate::sie::YearSource`]). Ignored for a file with `#RAR`.
    pub fiscal_year: Option<FiscalYear>,
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
    /// The comparison year without `#UB -1`: its closing balances are `#IB 0`.
    BalancesFromNextOpening,
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
    /// The file has no `#RAR`: where the fiscal year came from instead.
    NoFiscalYear,
    /// An amount too large for a report.
    AmountTooLarge,
    /// Vouchers without their `{` line, read all the same.
    VouchersWithoutBrace,
    /// Vouchers without a date, counted to the fiscal year.
    VouchersWithoutDate,
    /// A malformed record the report does not use (`#KONTO`, `#KTYP`, `#SRU`): skipped, its
    /// line named.
    SkippedRecord,
    /// Two `#IB`, `#UB` or `#RES` rows for one year and account: the last is used.
    DuplicateRow,
    /// A text field too long for a name: cut.
    TextCut,
    /// A control character (NUL …) in a line: removed.
    ControlCharacter,
    /// A `#VER` without its series.
    MissingSeries,
    /// The file has no figures at all for the fiscal year: nothing is imported.
    NoBalances,
    /// The file's budget (`#PBUDGET`) went into the report's budget columns.
    BudgetImported,
    /// A budget typed in the report differs from the file's: the typed one is kept.
    BudgetKept,
}

impl WarningCode {
    pub const ALL: [WarningCode; 28] = [
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
        WarningCode::VouchersWithoutDate,
        WarningCode::BalancesFromNextOpening,
        WarningCode::SkippedRecord,
        WarningCode::DuplicateRow,
        WarningCode::TextCut,
        WarningCode::ControlCharacter,
        WarningCode::MissingSeries,
        WarningCode::NoBalances,
        WarningCode::BudgetImported,
        WarningCode::BudgetKept,
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
            WarningCode::VouchersWithoutDate => "vouchers_without_date",
            WarningCode::BalancesFromNextOpening => "balances_from_next_opening",
            WarningCode::SkippedRecord => "skipped_record",
            WarningCode::DuplicateRow => "duplicate_row",
            WarningCode::TextCut => "text_cut",
            WarningCode::ControlCharacter => "control_character",
            WarningCode::MissingSeries => "missing_series",
            WarningCode::NoBalances => "no_balances",
            WarningCode::BudgetImported => "budget_imported",
            WarningCode::BudgetKept => "budget_kept",
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
    /// For an account longer than four digits (a sub-account such as 143010): the BAS account
    /// of its first four digits (1430), by which it was mapped.
    pub bas_account: Option<u32>,
    /// The account's name in the file (`#KONTO`).
    pub name: String,
    /// Whether it is a balance account (closing balance) or a result account (the year's
    /// result).
    pub balance_account: bool,
    /// Per report year (0 = the fiscal year, 1 = the comparison year): the amount as in the
    /// file, debit positive and credit negative (`#UB` for a balance account, `#RES` for a
    /// result account); `None` when the file has no figures of that kind for the year.
    pub amounts: Vec<Option<Decimal>>,
    /// Per report year: the account's budget in the file (`#PBUDGET`, the periods summed),
    /// debit positive; `None` when the file has none.
    pub budget: Vec<Option<Decimal>>,
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
    /// Closing balances only: the next year's opening balances (`#IB 0` for the comparison
    /// year, when the file has no `#UB -1`).
    NextYearOpening,
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
        if self.results == Source::Missing {
            let from = match self.balances {
                Source::NextYearOpening => "räkenskapsårets ingående balanser (#IB 0)",
                Source::File => "filens utgående balanser (#UB)",
                _ => "ingående balanser (#IB) och verifikationerna",
            };
            let mut s =
                format!("{label}: filen har inget resultat för året; balansräkningen är {from}");
            if let (Closing::Inconsistent, Some(d)) = (self.closing, self.difference) {
                s.push_str(&format!(
                    "; filen går inte jämnt ut: balansräkningen skiljer {}",
                    kr(d)
                ));
            }
            s.push('.');
            return s;
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
    /// Where the file's fiscal year came from (`#RAR`, or without it the vouchers' dates …).
    pub year_source: YearSource,
    /// Every account with an amount in the imported years (and every moved account), by
    /// number.
    pub mapping: Vec<MappingRow>,
    /// Per imported report year.
    pub years: Vec<YearImport>,
    /// The file's budget (`#PBUDGET`, the periods summed) per resultaträkning input line,
    /// signed as the line is printed: the fiscal year's (year 0) and the coming year's (year 1,
    /// when the file has `#RAR 1`). Also set in [`Import::report`]'s budget.
    pub budget: BTreeMap<Id, [Option<Decimal>; 2]>,
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

    /// Whether the file has nothing to import for the fiscal year (no balances, no results,
    /// no vouchers): the editor offers no import and the command line writes no report.
    pub fn nothing_to_import(&self) -> bool {
        self.warning(WarningCode::NoBalances).is_some()
    }

    pub fn has_errors(&self) -> bool {
        self.warnings.iter().any(|w| w.level == Level::Error)
    }

    /// The first warning of a kind, if the import gave one.
    pub fn warning(&self, code: WarningCode) -> Option<&Warning> {
        self.warnings.iter().find(|w| w.code == code)
    }
}

/// "1 234,50 kr" with a no-break space.
pub(super) fn kr(d: Decimal) -> String {
    format!("{}\u{a0}kr", format_for_input(d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

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
}

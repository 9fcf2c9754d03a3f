//! SIE import: the year's figures from the bookkeeping, for this year and last, in one step.
//!
//! Two steps, both pure (no file system, usable natively and in the browser):
//!
//! 1. [`parse`]`(bytes)` reads a SIE file of type 1–4 (specification 4B; `.se`, `.si`, `.sie`)
//!    into a [`SieFile`]: company, fiscal years (`#RAR`), accounts (`#KONTO`, `#KTYP`, `#SRU`),
//!    opening and closing balances and results per year (`#IB`, `#UB`, `#RES`) and the
//!    vouchers' rows summed per year and account (`#VER` with `#TRANS`, `#RTRANS`, `#BTRANS`).
//!    The encoding is decided from the bytes ([`Encoding`]). A file that is not SIE, or that
//!    is truncated inside a voucher, or that has a malformed record Kassören needs, is refused
//!    with a [`SieError`] naming the line.
//! 2. [`import`]`(&file, report, &options)` maps the accounts onto a report's statement lines
//!    and returns an [`Import`]: the new [`Report`](crate::model::Report) (never the one given,
//!    which is not touched), the mapping table shown to the treasurer ([`MappingRow`]), how
//!    each year was closed ([`YearImport`]), the legal form used and why ([`FormSource`]),
//!    the changes that were not made because they would overwrite what the treasurer entered
//!    ([`Change`]) and the warnings ([`Warning`]).
//!
//! [`move_account`] moves one account to another line (or back to the one its range gives),
//! keeps the choice in the report (`Report::account_map`) and recomputes the amounts.
//!
//! ```
//! use kassoren_engine::sie::{self, ImportOptions};
//!
//! // A SIE 1 file in PC8 (0x94 is ö): bank 1 300, balanserat kapital 1 000, a result of 300
//! // not yet booked.
//! let bytes = b"#FLAGGA 0\n#SIETYP 1\n#FNAMN \"Ideella f\x94reningen Ekbacken\"\n\
//!     #RAR 0 20250101 20251231\n#UB 0 1930 1300\n#UB 0 2067 -1000\n\
//!     #RES 0 3890 -500\n#RES 0 5010 200\n";
//! let file = sie::parse(bytes).expect("a SIE file");
//! let import = sie::import(&file, None, &ImportOptions::default());
//! assert_eq!(
//!     import.form_line(),
//!     "Form: ideell-forening (enligt namnet \"Ideella föreningen Ekbacken\")"
//! );
//! let c = kassoren_engine::compute(&import.report);
//! assert_eq!(c.value("medlemsavgifter", 0), 500.into());
//! assert_eq!(c.value("arets_resultat_balans", 0), 300.into());
//! assert_eq!(c.value("balanserat_resultat", 0), 1000.into());
//!
//! // The treasurer moves the bank account to another line; the choice is kept in the report.
//! let options = ImportOptions::default();
//! let moved = sie::move_account(&file, &import.report, 1930, Some("finansiella_placeringar"), &options)
//!     .expect("an input line");
//! assert_eq!(moved.report.account_map[&1930], "finansiella_placeringar");
//!
//! // A broken file is refused with the line and the reason; no report is made.
//! let err = sie::parse(b"#FLAGGA 0\n#IB 0 1930 tusen\n").unwrap_err();
//! assert_eq!(err.to_string(), "Rad 2: beloppet \"tusen\" i #IB är inget belopp (skrivs t.ex. -1234.50).");
//! ```
//!
//! # Mapping and signs
//!
//! Each account goes to the input line whose `accounts` range holds it most narrowly
//! ([`crate::template::account_candidates`]) in the resultaträkning (result accounts) or the
//! balansräkning (balance accounts) — unless the treasurer moved it (`Report::account_map`).
//! Whether an account is a balance or a result account follows the file: one with `#IB`/`#UB`
//! rows and no `#RES` rows is a balance account and the other way round; otherwise `#KTYP`,
//! otherwise the number (below 3000: balance). Amounts in SIE are debit positive, credit
//! negative; the statements store amounts as printed, so a resultaträkning line is
//! −(the sum of its accounts' results), an asset line +(closing balances) and an equity or
//! liability line −(closing balances). Accounts 8990–8999 (årets resultat) are never a
//! statement line. An account that no line holds (e.g. 9999) is *unmapped*: listed in the
//! mapping table and in a warning with its total, and it blocks nothing.
//!
//! # Closing the year
//!
//! Files differ in how far the year was closed. Kassören decides it per year from the numbers,
//! and always shows årets resultat in the balansräkning as the resultaträkning's result, putting
//! what the equity accounts hold beyond that in balanserat resultat (so a 2099 that still holds
//! last year's result is handled too). With *T* the sum of every amount of the year (closing
//! balances of balance accounts, results of result accounts, 899x included — zero in a
//! consistent double-entry file):
//!
//! * *T* = 0: consistent. The result is not booked into equity (no 899x), booked via 8999, or
//!   partly booked; the balance accounts then sum to the unbooked part.
//! * the balance accounts sum to zero: the program booked the result into equity without 899x.
//! * *T* equals last year's result: last year's result was never carried into this year's
//!   opening balance. It is put in balanserat resultat, with a warning.
//! * anything else: the file itself does not balance. The difference is **not** hidden in
//!   equity: the balansräkning is off by exactly that amount (so the report's own check
//!   `balance_sheet_unbalanced` names it) and an error warning explains where it comes from
//!   (the opening balances, a period or a voucher that does not balance).
//!
//! Unmapped accounts are part of *T*, so a suspense account such as 9999 makes no difference
//! in whether a year balances: its amount ends up in balanserat resultat (and the warning says
//! so) until the treasurer moves the account to a line.
//!
//! # What is overwritten
//!
//! Importing into an existing report replaces the amounts of years 0 and 1 with the file's,
//! except amounts the treasurer typed by hand (non-empty, non-zero and different from the
//! file's): those are listed as [`Change`]s and only applied with
//! [`ImportOptions::apply_changes`]. The same goes for the organisation's name, org.nr and the
//! fiscal years (filled in from the file when empty, offered otherwise). Lines with detail
//! rows are never changed; a warning names them when the file differs. Importing the same file
//! twice gives the same report.
//!
//! Unmapped accounts and the file's own inconsistencies are kept in the [`Import`]'s warnings,
//! not in the report's checks. The report does keep the mapping table
//! (`Report::sie_accounts`: accounts, names, both years' amounts and budgets, lines), so
//! "Konton från SIE" is there on every visit and an account can be moved without the file
//! ([`kept_file`], [`move_kept_account`]).
//!
//! # Files as treasurers have them
//!
//! Without `#RAR` the fiscal year comes from the vouchers' dates (or `#GEN`), is said, and may
//! be changed ([`ImportOptions::fiscal_year`], [`YearSource`]). Without `#UB -1` the comparison
//! year's balansräkning is `#IB 0`. A malformed record the report does not use (`#KONTO`,
//! `#KTYP`, `#SRU`, `#PBUDGET`) is skipped, a row written twice uses the last, a text is capped
//! at [`MAX_TEXT_CHARS`], control characters are removed — each with a [`Notice`] naming the
//! line, which the import turns into a warning. An account longer than four digits is mapped by
//! its first four (BAS). A file with nothing for the fiscal year imports nothing
//! ([`Import::nothing_to_import`]).

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::date::Date;
use crate::model::FiscalYear;

mod encoding;
mod form;
mod import;
mod kept;
mod parse;
mod year;

pub use encoding::Encoding;
pub use form::{form_from_file_type, form_from_name, FormSource};
pub use import::{
    import, move_account, Change, Closing, Import, ImportOptions, Level, MappingRow, Placement,
    Source, Warning, WarningCode, YearImport,
};
pub use kept::{kept_file, move_kept_account};
pub use parse::parse;
pub use year::YearSource;

/// Why a file could not be read. The message is Swedish and names what is wrong; `Display`
/// gives "Rad 12: …".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SieError {
    /// The line (1-based) where the problem is.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for SieError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Rad {}: {}", self.line, self.message)
    }
}

impl std::error::Error for SieError {}

/// Per year index (0 = the fiscal year, −1 the year before, …) and account: an amount.
pub type Balances = BTreeMap<(i32, u32), Decimal>;

/// What `#KTYP` says an account is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountType {
    /// T: tillgång.
    Asset,
    /// S: skuld (and eget kapital).
    Liability,
    /// I: intäkt.
    Income,
    /// K: kostnad.
    Cost,
}

/// An account as `#KONTO`, `#KTYP` and `#SRU` describe it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Account {
    pub name: String,
    pub kind: Option<AccountType>,
    pub sru: Option<String>,
}

/// A voucher whose rows do not sum to zero.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnbalancedVoucher {
    /// The line of its `#VER`.
    pub line: usize,
    pub series: String,
    pub number: String,
    pub date: Option<Date>,
    /// The sum of its rows (debit positive).
    pub difference: Decimal,
}

/// `#ADRESS`: the organisation's contact person and address.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Address {
    pub contact: String,
    pub street: String,
    pub postal: String,
    pub phone: String,
}

/// What kind of thing the parser noted about a line it read anyway.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// A malformed record the report does not use (`#KONTO`, `#KTYP`, `#SRU`, …): skipped.
    Skipped,
    /// A second `#IB`, `#UB` or `#RES` row for the same year and account: the last is used.
    Duplicate,
    /// A text field longer than [`MAX_TEXT_CHARS`]: cut.
    TextCut,
    /// A control character (such as NUL) in a line: removed from the text.
    ControlCharacter,
    /// A `#VER` without its series: read as number and date.
    MissingSeries,
}

/// Something the parser noted about one line, which it read anyway (or skipped, when the
/// report does not need it). The message is Swedish and starts with "Rad N: ".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub line: usize,
    pub kind: NoticeKind,
    pub message: String,
}

/// The longest text (a name, an address) kept from a file, in characters; longer ones are cut
/// with a notice.
pub const MAX_TEXT_CHARS: usize = 200;

/// A parsed SIE file: what Kassören reads from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SieFile {
    /// The encoding the text was read in.
    pub encoding: Encoding,
    /// `#SIETYP` (1–4).
    pub sie_type: Option<u8>,
    /// `#PROGRAM`: the program and version that wrote the file.
    pub program: Option<String>,
    /// `#FORMAT` as the file claims it (usually `PC8`, whatever the real encoding).
    pub format: Option<String>,
    /// `#GEN`: when the file was written.
    pub generated: Option<Date>,
    /// `#FNAMN`.
    pub company_name: Option<String>,
    /// `#ADRESS`: contact, street address, postal address, telephone.
    pub address: Option<Address>,
    /// `#ORGNR`, as written.
    pub org_nr: Option<String>,
    /// `#FTYP`: the type of organisation (`AB`, `EK`, `BRF`, `I`, `S`, …).
    pub company_type: Option<String>,
    /// `#KPTYP`: the chart of accounts (`EUBAS97`, `BAS2014`, `BAS96`, …).
    pub chart: Option<String>,
    /// `#RAR`: the fiscal years by index (0, −1, …). Without `#RAR`, year 0 as the vouchers'
    /// dates or `#GEN` give it (see `year_source`).
    pub years: BTreeMap<i32, FiscalYear>,
    /// Where year 0 comes from: `#RAR`, or without it the vouchers' dates, `#GEN`, the
    /// treasurer's choice ([`SieFile::with_fiscal_year`]), or nothing.
    pub year_source: YearSource,
    /// Without `#RAR`: how many vouchers have each date (`None`: no date), to count those
    /// outside a year chosen later. Empty when the file has `#RAR`.
    #[serde(skip)]
    pub voucher_dates: BTreeMap<Option<Date>, usize>,
    /// `#KONTO`, `#KTYP`, `#SRU`.
    pub accounts: BTreeMap<u32, Account>,
    /// `#IB`: opening balances.
    pub opening: Balances,
    /// `#UB`: closing balances.
    pub closing: Balances,
    /// `#RES`: the year's result per result account.
    pub result: Balances,
    /// The vouchers' rows summed per year and account. A voucher belongs to the `#RAR` year
    /// its date is in (year 0 when it is in none).
    pub transactions: Balances,
    /// `#PBUDGET` rows without objects, the periods summed per year index and account (debit
    /// positive, as in the file).
    pub budget: Balances,
    /// `#PSALDO` rows without objects, summed per year index and period (`YYYYMM`): a period
    /// whose sum is not zero does not balance.
    pub period_totals: BTreeMap<(i32, u32), Decimal>,
    /// How many `#VER` and counted transaction rows the file has.
    pub vouchers: usize,
    pub transaction_rows: usize,
    /// Vouchers dated outside every `#RAR` year (counted to year 0).
    pub vouchers_outside_years: usize,
    /// Vouchers without a date (counted to year 0, not as outside).
    pub vouchers_without_date: usize,
    /// Vouchers whose `{` line is missing (their rows are read all the same).
    pub vouchers_without_brace: usize,
    /// How many vouchers do not balance, and the first of them.
    pub unbalanced_voucher_count: usize,
    pub unbalanced_vouchers: Vec<UnbalancedVoucher>,
    /// Lines read.
    pub lines: usize,
    /// What the parser noted about lines it read anyway or skipped (the first
    /// [`KEEP_NOTICES`]); `notice_count` counts them all.
    pub notices: Vec<Notice>,
    pub notice_count: usize,
}

/// How many notices a [`SieFile`] keeps.
pub const KEEP_NOTICES: usize = 200;

impl SieFile {
    pub(crate) fn empty(encoding: Encoding) -> SieFile {
        SieFile {
            encoding,
            sie_type: None,
            program: None,
            format: None,
            generated: None,
            company_name: None,
            address: None,
            org_nr: None,
            company_type: None,
            chart: None,
            years: BTreeMap::new(),
            year_source: YearSource::Rar,
            voucher_dates: BTreeMap::new(),
            accounts: BTreeMap::new(),
            opening: Balances::new(),
            closing: Balances::new(),
            result: Balances::new(),
            transactions: Balances::new(),
            period_totals: BTreeMap::new(),
            budget: Balances::new(),
            vouchers: 0,
            transaction_rows: 0,
            vouchers_outside_years: 0,
            vouchers_without_date: 0,
            vouchers_without_brace: 0,
            unbalanced_voucher_count: 0,
            unbalanced_vouchers: Vec::new(),
            lines: 0,
            notices: Vec::new(),
            notice_count: 0,
        }
    }

    /// The account's name from `#KONTO`, or "" when the file does not name it.
    pub fn account_name(&self, account: u32) -> &str {
        self.accounts
            .get(&account)
            .map(|a| a.name.as_str())
            .unwrap_or("")
    }
}

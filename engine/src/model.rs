//! The report model: one [`Report`] value holds an entire årsredovisning.
//!
//! The field order of every struct is the key order of the JSON file, so export is stable and
//! byte-identical across export → import → export.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::money::{Money, Unit};

/// The `format` value that marks a Kassören report file.
pub const FORMAT_NAME: &str = "kassoren-arsredovisning";
/// The current version of the file format. Older files are migrated (see [`crate::json`]).
pub const FORMAT_VERSION: u32 = 7;
/// The most years a report keeps: the fiscal year and four earlier years.
pub const MAX_YEARS: usize = 5;
/// The longest a räkenskapsår may be, in calendar months (a first year, or one that changes the
/// fiscal year, may be longer than twelve); a longer one is an error (`invalid_fiscal_year`).
pub const MAX_FISCAL_YEAR_MONTHS: i32 = 18;

pub type Id = String;

/// An entire årsredovisning.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub format: String,
    pub version: u32,
    /// Which document this copy is and which revision (see [`crate::review::lineage`]). Added in
    /// file format 3.
    #[serde(default)]
    pub lineage: Lineage,
    /// Which document the report is: it decides the title, the parts, the principles note's
    /// rule reference, the signature wording and the checks (see [`DocumentType`]). Added in
    /// file format 6; a file of an earlier version is an årsredovisning enligt K2.
    pub document: DocumentType,
    /// The document type came from a migration, not from the treasurer: the editor asks once
    /// to confirm or change it. Added in file format 6; left out of the file while false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub document_unconfirmed: bool,
    pub organisation: Organisation,
    /// `years[0]` is the fiscal year, `years[1]` the comparison year, and so on (at most five).
    pub years: Vec<FiscalYear>,
    pub settings: Settings,
    pub narrative: Vec<Section>,
    pub income_statement: Statement,
    pub balance_sheet: Statement,
    /// Printed under the balansräkning: ställda säkerheter, eventualförpliktelser and a remark.
    /// Added in file format 4; left out of the file while it holds the default ("Inga", "Inga").
    #[serde(default, skip_serializing_if = "OffBalance::is_default")]
    pub off_balance: OffBalance,
    pub equity: EquityChanges,
    pub appropriation: Appropriation,
    pub notes: Vec<Note>,
    pub signatures: Signatures,
    /// The treasurer's choices in the SIE import: a BAS account number → the input line its
    /// balance goes on, where the treasurer moved it away from the line the account ranges give
    /// (see [`crate::sie`]). Kept in the report so next year's import reuses them. Added in file
    /// format 2.
    pub account_map: BTreeMap<u32, Id>,
    /// The mapping table of the last SIE import ("Konton från SIE"): every account, its name
    /// in the file, both years' amounts and budgets as the file had them, and the line it went
    /// on. Kept so the table is there on every visit and travels in the file, without the SIE
    /// file; moving an account recomputes the lines from it (see [`crate::sie::kept_file`]).
    /// Added in file format 4.
    #[serde(default)]
    pub sie_accounts: Vec<SieAccount>,
    /// The board's comments on the draft: never printed. Added in file format 3.
    #[serde(default)]
    pub comments: Vec<Comment>,
    /// "Jag har granskat": who reviewed which revision. Added in file format 3.
    #[serde(default)]
    pub reviews: Vec<Review>,
    /// Amount cells that hold text that is not an amount, as the treasurer typed it. The cell's
    /// amount is empty meanwhile, so a mistyped figure is never printed as the last valid one
    /// (see [`crate::edit::enter_amount`]); the checks list each first. Added in file format 4;
    /// left out of the file while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invalid_amounts: Vec<InvalidAmount>,
    /// The budget the årsmöte follows up and votes on: per resultaträkning input line, this
    /// year's and next year's (see [`Budget`]). Added in file format 6; left out of the file
    /// while empty and hidden.
    #[serde(default, skip_serializing_if = "Budget::is_default")]
    pub budget: Budget,
    /// The report's change history: an Automerge document, base64-encoded, that the board's
    /// copies are merged by (the `kassoren-merge` crate writes and reads it; the engine only
    /// carries it). The readable fields above are what the report is; the history records how
    /// it came to be, by whom. Added in file format 5; left out of the file while there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<String>,
}

/// The budget: "Budget <år>" (the fiscal year just closed) and "Budget <år+1>" (the coming year,
/// voted on by the årsmöte), per resultaträkning input line; the sums and results are computed
/// like the outcome's.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// Whether the budget columns are shown in the editor and the printout.
    #[serde(default)]
    pub shown: bool,
    /// Whether the "Avvikelse" column (utfall − budget) is shown.
    #[serde(default)]
    pub deviation: bool,
    /// An input line's id → its budget amounts.
    #[serde(default)]
    pub lines: BTreeMap<Id, BudgetLine>,
}

impl Budget {
    pub fn is_default(&self) -> bool {
        *self == Budget::default()
    }
}

/// One input line's budget.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetLine {
    /// The fiscal year's budget ("Budget <år>").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub this_year: Option<Money>,
    /// The coming year's budget ("Budget <år+1>").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_year: Option<Money>,
}

/// Which document a report is. The rules behind each (see the README, "Which document"):
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentType {
    /// Årsredovisning enligt K2 (ÅRL, BFNAR 2016:10).
    #[default]
    ArsredovisningK2,
    /// Årsredovisning enligt K3 (ÅRL, BFNAR 2012:1): every bostadsrättsförening from fiscal
    /// years starting 2026-01-01.
    ArsredovisningK3,
    /// Årsbokslut (BFL 6 kap 3–5 §, BFNAR 2017:3).
    Arsbokslut,
    /// Förenklat årsbokslut, K1 (BFNAR 2010:1): ideella föreningar with nettoomsättning
    /// normally at most 3 Mkr.
    ForenklatArsbokslut,
    /// Verksamhetsberättelse med ekonomisk redovisning, for the årsmöte of a förening that is
    /// not bokföringsskyldig: no legal rule applies.
    Verksamhetsberattelse,
}

impl DocumentType {
    pub const ALL: [DocumentType; 5] = [
        DocumentType::ArsredovisningK2,
        DocumentType::ArsredovisningK3,
        DocumentType::Arsbokslut,
        DocumentType::ForenklatArsbokslut,
        DocumentType::Verksamhetsberattelse,
    ];
}

/// Text typed into an amount cell that is not an amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvalidAmount {
    pub place: AmountPlace,
    /// Exactly what was typed.
    pub text: String,
}

/// An amount cell the treasurer types into.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum AmountPlace {
    /// An input line of a statement, in a year.
    Line { line: Id, year: usize },
    /// A detail row under an input line, in a year.
    Detail { line: Id, detail: Id, year: usize },
    /// Förändringar i eget kapital: a movement's amount in an equity column, in a year.
    Movement { movement: Id, line: Id, year: usize },
    /// Förändringar i eget kapital: an equity column's opening balance.
    Opening { line: Id },
    /// A row of the board's proposal (resultatdisposition).
    Proposal { item: Id },
    /// A resultaträkning input line's budget, for the fiscal year or the coming one.
    Budget { line: Id, year: BudgetYear },
}

/// Which of the two budget columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BudgetYear {
    /// "Budget <år>": the fiscal year just closed, beside its outcome.
    This,
    /// "Budget <år+1>": the coming year, voted on by the årsmöte.
    Next,
}

/// One row of the kept SIE mapping table ([`Report::sie_accounts`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SieAccount {
    /// The account number as in the file (143010 as well as 1930).
    pub account: u32,
    /// The account's name in the file (`#KONTO`).
    pub name: String,
    /// A balance account (its closing balance) or a result account (the year's result).
    pub balance: bool,
    /// Per report year (0 = the fiscal year, 1 = the comparison year): the amount as in the
    /// file, debit positive and credit negative; `None` when the file had no figures of the
    /// account's kind for the year.
    pub amounts: Vec<Option<Money>>,
    /// Per report year: the account's budget in the file (`#PBUDGET`), debit positive.
    pub budget: Vec<Option<Money>>,
    /// The input line it went on; `None` for 8990–8999 (årets resultat) and accounts no line
    /// holds.
    pub line: Option<Id>,
}

/// Where a copy of a report comes from, so copies of the same report are recognised as such
/// and a different report is never merged by mistake (see [`crate::review`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lineage {
    /// The same in every copy of one report; made once, when the report is created.
    pub document_id: String,
    /// Counts the saved versions of this copy (see [`crate::review::lineage::next_revision`]).
    pub revision: u64,
    /// The revision this copy started from when someone else's file was opened.
    pub derived_from: Option<u64>,
    /// Who last saved or exported this copy.
    pub author: Option<String>,
}

impl Lineage {
    /// The lineage of a new report: a document id derived from the organisation and the fiscal
    /// year, revision 0. The editor may replace the id with a random one
    /// ([`crate::review::lineage::start`]).
    pub fn derived(org_nr: &str, name: &str, year: &FiscalYear) -> Lineage {
        Lineage {
            document_id: derived_document_id(
                "ny",
                org_nr,
                name,
                &year.start.to_string(),
                &year.end.to_string(),
            ),
            ..Lineage::default()
        }
    }
}

/// A document id derived from the organisation and the fiscal year: `{prefix}-` and 16 hex
/// digits of the FNV-1a hash of the four texts, one per line.
pub fn derived_document_id(
    prefix: &str,
    org_nr: &str,
    name: &str,
    start: &str,
    end: &str,
) -> String {
    let key = [org_nr, name, start, end].join("\n");
    format!("{prefix}-{:016x}", crate::hash::fnv1a64(key.as_bytes()))
}

/// A board member's comment on the draft, or a reply to one. Comments travel in the file and
/// are never printed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    /// Unique across every copy of the report (made from random bits the editor supplies).
    pub id: Id,
    pub author: String,
    /// When it was written: an ISO 8601 date-time from the editor's clock.
    pub created: String,
    pub target: CommentTarget,
    pub text: String,
    /// The comment this one answers.
    pub reply_to: Option<Id>,
    pub resolved: bool,
}

/// What a comment is about.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum CommentTarget {
    /// The report as a whole.
    #[default]
    Report,
    /// A narrative section.
    Section { section: Id },
    /// A statement line.
    Line { line: Id },
    /// A note.
    Note { note: Id },
    /// A problem found by the checks: its code and where it is (see
    /// [`crate::review::comments::check_target`]).
    Check { code: String, location: String },
}

/// "Jag har granskat": a board member has read a revision of the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub id: Id,
    pub reviewer: String,
    /// The revision that was reviewed.
    pub revision: u64,
    /// When: an ISO 8601 date-time from the editor's clock.
    pub at: String,
    /// A fingerprint of the report's content when it was reviewed, to tell whether it has
    /// changed since (see [`crate::review::comments::content_fingerprint`]).
    pub content: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub name: String,
    /// As typed; validated and shown as `NNNNNN-NNNN` (see [`crate::orgnr`]).
    pub org_nr: String,
    pub legal_form: LegalForm,
    /// Säte: the municipality where the board has its seat.
    pub seat: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LegalForm {
    IdeellForening,
    EkonomiskForening,
    Bostadsrattsforening,
    Samfallighetsforening,
    Stiftelse,
    Aktiebolag,
}

impl LegalForm {
    pub const ALL: [LegalForm; 6] = [
        LegalForm::IdeellForening,
        LegalForm::EkonomiskForening,
        LegalForm::Bostadsrattsforening,
        LegalForm::Samfallighetsforening,
        LegalForm::Stiftelse,
        LegalForm::Aktiebolag,
    ];

    /// The Swedish name, as printed.
    pub fn label(self) -> &'static str {
        match self {
            LegalForm::IdeellForening => "Ideell förening",
            LegalForm::EkonomiskForening => "Ekonomisk förening",
            LegalForm::Bostadsrattsforening => "Bostadsrättsförening",
            LegalForm::Samfallighetsforening => "Samfällighetsförening",
            LegalForm::Stiftelse => "Stiftelse",
            LegalForm::Aktiebolag => "Aktiebolag",
        }
    }

    /// The name on the command line: `ideell-forening`, `aktiebolag`, …
    pub fn slug(self) -> &'static str {
        match self {
            LegalForm::IdeellForening => "ideell-forening",
            LegalForm::EkonomiskForening => "ekonomisk-forening",
            LegalForm::Bostadsrattsforening => "bostadsrattsforening",
            LegalForm::Samfallighetsforening => "samfallighetsforening",
            LegalForm::Stiftelse => "stiftelse",
            LegalForm::Aktiebolag => "aktiebolag",
        }
    }

    pub fn from_slug(s: &str) -> Option<LegalForm> {
        LegalForm::ALL.into_iter().find(|f| f.slug() == s)
    }

    /// What the meeting that adopts the report is called.
    pub fn meeting(self) -> &'static str {
        match self {
            LegalForm::Aktiebolag => "årsstämman",
            LegalForm::EkonomiskForening | LegalForm::Bostadsrattsforening => "föreningsstämman",
            LegalForm::Samfallighetsforening => "föreningsstämman",
            LegalForm::Stiftelse => "styrelsen",
            LegalForm::IdeellForening => "årsmötet",
        }
    }
}

/// One räkenskapsår. It may be shorter or longer than twelve months, at most eighteen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FiscalYear {
    pub start: Date,
    pub end: Date,
}

impl FiscalYear {
    /// The column heading: "2025" for a calendar year, "2024/25" for a broken year, the dates
    /// for a shortened or extended year.
    pub fn label(&self) -> String {
        let months = self.months();
        if self.start.month == 1
            && self.start.day == 1
            && self.end.month == 12
            && self.end.day == 31
            && months == 12
        {
            self.start.year.to_string()
        } else if months == 12 && self.start.day == 1 && self.end == self.start.add_years(1).pred()
        {
            format!("{}/{:02}", self.start.year, self.end.year % 100)
        } else {
            format!("{} – {}", self.start, self.end)
        }
    }

    /// "2025-01-01 – 2025-12-31".
    pub fn period(&self) -> String {
        format!("{} – {}", self.start, self.end)
    }

    /// The calendar months the year spans (see [`crate::date::months_spanned`]): 12 for
    /// 1 January – 31 December.
    pub fn months(&self) -> i32 {
        crate::date::months_spanned(self.start, self.end)
    }

    /// The fiscal year after this one: it starts the day after this one ends and runs twelve
    /// months. A räkenskapsår is twelve months except the first one or one that changes the
    /// fiscal year, so a shortened or extended year is followed by a normal one.
    pub fn following(&self) -> FiscalYear {
        let start = self.end.succ();
        let end = if start.month == 2 && start.day == 29 {
            // Twelve months from 29 February end on 28 February (add_years would give the 27th).
            Date {
                year: start.year + 1,
                month: 2,
                day: 28,
            }
        } else {
            start.add_years(1).pred()
        };
        FiscalYear { start, end }
    }

    /// Whether the year is longer than a räkenskapsår may be ([`MAX_FISCAL_YEAR_MONTHS`]).
    pub fn is_too_long(&self) -> bool {
        self.months() > MAX_FISCAL_YEAR_MONTHS
    }

    /// Why these dates cannot be a räkenskapsår (it ends before it starts, or is too long), in
    /// Swedish; `None` when they can.
    pub fn problem(&self) -> Option<String> {
        (self.end < self.start || self.is_too_long()).then(|| {
            format!("Räkenskapsåret ska sluta efter att det börjar och vara högst {MAX_FISCAL_YEAR_MONTHS} månader.")
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Kronor or thousands of kronor in the printed report.
    pub unit: Unit,
    /// The built-in example report: the editor marks it as an example.
    pub example: bool,
    /// How an amount of zero is printed: "0" or "–". Added in file format 4; left out of the
    /// file while "0".
    #[serde(default, skip_serializing_if = "Nil::is_default")]
    pub nil: Nil,
    /// Print a kassaflödesanalys although the report does not need one (every
    /// bostadsrättsförening's årsredovisning has one regardless). Added in file format 7; left
    /// out of the file while false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cash_flow: bool,
}

/// How an amount of zero is printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Nil {
    #[default]
    Zero,
    Dash,
}

impl Nil {
    pub fn is_default(&self) -> bool {
        *self == Nil::Zero
    }
}

/// Where a narrative section is printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// A chapter of its own, before the förvaltningsberättelse.
    #[default]
    Chapter,
    /// A text part of the förvaltningsberättelse (verksamheten, väsentliga händelser, …).
    ManagementReport,
}

/// A narrative section: a title and a Markdown body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: Id,
    pub title: String,
    /// 1 for a chapter, 2 for a sub-chapter (numbered 6.1, 6.2, …).
    pub level: u8,
    pub part: Part,
    /// CommonMark; raw HTML is shown as text. `{{placeholder}}` inserts a computed figure.
    pub body: String,
}

/// A resultaträkning or balansräkning: a tree of lines.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub lines: Vec<Line>,
}

/// One line of a statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    /// Stable id, unique in the whole report (both statements).
    pub id: Id,
    /// Editable label (K1 lets associations adapt item names).
    pub label: String,
    /// What the line means, so figures are found whatever it is called.
    pub role: Option<Role>,
    /// The note this line refers to.
    pub note: Option<Id>,
    /// BAS account ranges that belong on this line (`"3000-3799"`, `"2086"`), for the SIE import.
    pub accounts: Vec<String>,
    pub kind: LineKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// An amount the treasurer enters (one per year), or the sum of its detail rows if any.
    Input {
        amounts: Vec<Option<Money>>,
        details: Vec<DetailRow>,
    },
    /// A heading whose value is the sum of its children; `sum_label` is the printed total row.
    Group {
        sum_label: Option<String>,
        children: Vec<Line>,
    },
    /// A result: the signed sum of other lines (e.g. Rörelseresultat).
    Formula { terms: Vec<Term> },
}

/// A breakdown row under an input line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DetailRow {
    pub id: Id,
    pub label: String,
    pub amounts: Vec<Option<Money>>,
}

/// A term of a formula: `+line` or `−line`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub line: Id,
    pub negate: bool,
}

/// The meaning of a line, used by key ratios, checks, placeholders and the SIE import.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Nettoomsättning.
    NetSales,
    /// Summa intäkter / summa rörelseintäkter.
    TotalIncome,
    /// Summa kostnader / summa rörelsekostnader.
    TotalCosts,
    /// Rörelseresultat / verksamhetens över- eller underskott.
    OperatingResult,
    /// Resultat efter finansiella poster.
    ResultAfterFinancialItems,
    /// Resultat före skatt.
    ResultBeforeTax,
    /// Årets resultat in the resultaträkning.
    YearResult,
    /// Summa tillgångar.
    TotalAssets,
    /// Eget kapital (the group): its leaves are the columns of förändringar i eget kapital.
    Equity,
    /// Fritt eget kapital (group), where the form has one.
    FreeEquity,
    /// Balanserat resultat / balanserade över- eller underskott.
    RetainedEarnings,
    /// Årets resultat in the balansräkning.
    YearResultBalance,
    /// Obeskattade reserver (group).
    UntaxedReserves,
    /// Summa eget kapital och skulder.
    TotalEquityAndLiabilities,
    /// Av- och nedskrivningar.
    Depreciation,
}

/// What the balansräkning's reader must also know: ställda säkerheter and eventualförpliktelser
/// (older reports say "Ställda panter" and "Ansvarsförbindelser"; both labels are allowed), each
/// "Inga" unless there are any, and a free remark printed under the balansräkning.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OffBalance {
    pub pledged: OffBalanceItem,
    pub contingent: OffBalanceItem,
    /// Markdown; printed only when not empty.
    pub remark: String,
}

/// One item under the balansräkning: its label and what it says. An empty text is not printed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OffBalanceItem {
    pub label: String,
    pub text: String,
}

/// The labels an item under the balansräkning may carry: today's, then the older one.
pub const PLEDGED_LABELS: [&str; 2] = ["Ställda säkerheter", "Ställda panter"];
pub const CONTINGENT_LABELS: [&str; 2] = ["Eventualförpliktelser", "Ansvarsförbindelser"];

impl Default for OffBalance {
    fn default() -> Self {
        OffBalance {
            pledged: OffBalanceItem {
                label: PLEDGED_LABELS[0].to_string(),
                text: "Inga".to_string(),
            },
            contingent: OffBalanceItem {
                label: CONTINGENT_LABELS[0].to_string(),
                text: "Inga".to_string(),
            },
            remark: String::new(),
        }
    }
}

impl OffBalance {
    pub fn is_default(&self) -> bool {
        *self == OffBalance::default()
    }
}

/// Förändringar i eget kapital: what the treasurer enters. Opening balances, the disposition of
/// last year's result and this year's result are computed (see [`crate::compute`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EquityChanges {
    /// Opening balance per equity line for the earliest year in the report (later years open
    /// with the previous year's balansräkning).
    pub opening: BTreeMap<Id, Money>,
    /// Insatser, utdelning, fonder and other movements, per equity line and year.
    pub movements: Vec<EquityMovement>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EquityMovement {
    pub id: Id,
    pub label: String,
    /// Per equity line id: one amount per report year.
    pub amounts: BTreeMap<Id, Vec<Option<Money>>>,
}

/// Resultatdisposition: the board's proposal for the amount at the meeting's disposal.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Appropriation {
    /// "balanseras i ny räkning", "avsätts till fond …", "utdelas till medlemmarna" …
    pub proposal: Vec<ProposalItem>,
    /// Free text printed after the proposal (Markdown).
    pub comment: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProposalItem {
    pub id: Id,
    pub label: String,
    /// The amount typed; when empty on the remainder row, it is computed.
    pub amount: Option<Money>,
    /// The row that takes what the other rows leave of the amount at the meeting's disposal
    /// ("balanseras i ny räkning"), unless an amount is typed. Added in file format 4; left out
    /// of the file when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub remainder: bool,
}

/// A note (not). Numbered automatically in the order the statements refer to it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: Id,
    pub title: String,
    /// Markdown.
    pub text: String,
    pub table: Option<NoteTable>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteTable {
    pub columns: Vec<NoteColumn>,
    pub rows: Vec<NoteRow>,
    /// The statement line the table's last sum row must equal, in every column tied to a year.
    pub tie: Option<Id>,
    /// How the table signs its amounts: as in the statement, or all positive (the usual way for
    /// a cost note). The tie-out compares accordingly. Added in file format 4; left out of the
    /// file when as in the statement.
    #[serde(default, skip_serializing_if = "NoteSign::is_default")]
    pub sign: NoteSign,
}

/// How a note table signs its amounts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteSign {
    /// As the statement shows them: costs negative.
    #[default]
    AsStatement,
    /// As positive amounts, whatever the statement's sign: a cost note lists its costs as
    /// positive numbers while the resultaträkning shows them negative.
    Positive,
}

impl NoteSign {
    pub fn is_default(&self) -> bool {
        *self == NoteSign::AsStatement
    }

    /// The statement's value as the note shows it.
    pub fn as_note(self, statement_value: rust_decimal::Decimal) -> rust_decimal::Decimal {
        match self {
            NoteSign::AsStatement => statement_value,
            NoteSign::Positive => statement_value.abs(),
        }
    }

    /// Said in the tie-out's message.
    pub fn explained(self) -> &'static str {
        match self {
            NoteSign::AsStatement => "noten visar beloppen med samma tecken som räkningen",
            NoteSign::Positive => "noten visar beloppen som positiva tal",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteColumn {
    pub id: Id,
    /// Printed heading; when empty and `year` is set, the year's label.
    pub header: String,
    /// Which report year the column shows (0 = the fiscal year), if any. A note may show more
    /// years than the report keeps: such columns have no year and a written header.
    pub year: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteRow {
    pub id: Id,
    pub label: String,
    pub kind: RowKind,
    /// One cell per column (a sum row's cells are computed and left empty).
    pub cells: Vec<Option<Cell>>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// Amounts in money (scaled with the report's unit).
    #[default]
    Item,
    /// Counts or other numbers that are not money (not scaled to tkr), e.g. medelantal anställda.
    Count,
    /// The sum of the item rows above it, back to the previous heading.
    Sum,
    /// A sub-heading; starts a new group for the next sum row.
    Heading,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cell {
    Amount(Money),
    Text(String),
}

/// The signature page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signatures {
    pub place: String,
    pub date: Option<Date>,
    /// Every board member (and VD), with role: "Ordförande", "Kassör", "Ledamot", …
    pub signatories: Vec<Person>,
    /// Auditors: "Auktoriserad revisor", "Förtroendevald revisor", …
    pub auditors: Vec<Person>,
    /// The date of the auditor's report, if there is one.
    pub auditor_report_date: Option<Date>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: Id,
    pub name: String,
    pub role: String,
}

impl Line {
    /// The line's children (empty unless it is a group).
    pub fn children(&self) -> &[Line] {
        match &self.kind {
            LineKind::Group { children, .. } => children,
            _ => &[],
        }
    }

    /// Calls `f` on this line and every line below it, depth first, parents before children.
    pub fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Line)) {
        f(self);
        for c in self.children() {
            c.walk(f);
        }
    }

    pub fn walk_mut(&mut self, f: &mut impl FnMut(&mut Line)) {
        f(self);
        if let LineKind::Group { children, .. } = &mut self.kind {
            for c in children {
                c.walk_mut(f);
            }
        }
    }
}

impl Statement {
    /// Every line, depth first.
    pub fn all_lines(&self) -> Vec<&Line> {
        let mut out = Vec::new();
        for l in &self.lines {
            l.walk(&mut |x| out.push(x));
        }
        out
    }

    pub fn find(&self, id: &str) -> Option<&Line> {
        fn go<'a>(lines: &'a [Line], id: &str) -> Option<&'a Line> {
            lines.iter().find_map(|l| {
                if l.id == id {
                    Some(l)
                } else {
                    go(l.children(), id)
                }
            })
        }
        go(&self.lines, id)
    }

    pub fn find_mut(&mut self, id: &str) -> Option<&mut Line> {
        fn go<'a>(lines: &'a mut [Line], id: &str) -> Option<&'a mut Line> {
            for l in lines {
                if l.id == id {
                    return Some(l);
                }
                if let LineKind::Group { children, .. } = &mut l.kind {
                    if let Some(found) = go(children, id) {
                        return Some(found);
                    }
                }
            }
            None
        }
        go(&mut self.lines, id)
    }

    pub fn find_role(&self, role: Role) -> Option<&Line> {
        self.all_lines().into_iter().find(|l| l.role == Some(role))
    }
}

impl Report {
    /// Both statements' lines, resultaträkning first.
    pub fn all_lines(&self) -> impl Iterator<Item = &Line> {
        self.income_statement
            .all_lines()
            .into_iter()
            .chain(self.balance_sheet.all_lines())
    }

    pub fn line(&self, id: &str) -> Option<&Line> {
        self.income_statement
            .find(id)
            .or_else(|| self.balance_sheet.find(id))
    }

    pub fn line_mut(&mut self, id: &str) -> Option<&mut Line> {
        if self.income_statement.find(id).is_some() {
            self.income_statement.find_mut(id)
        } else {
            self.balance_sheet.find_mut(id)
        }
    }

    pub fn line_by_role(&self, role: Role) -> Option<&Line> {
        self.income_statement
            .find_role(role)
            .or_else(|| self.balance_sheet.find_role(role))
    }

    pub fn note(&self, id: &str) -> Option<&Note> {
        self.notes.iter().find(|n| n.id == id)
    }

    /// Sets an input line's amount for a year. Returns false if the line is not an input line
    /// without detail rows or the year does not exist.
    pub fn set_amount(
        &mut self,
        line: &str,
        year: usize,
        amount: Option<rust_decimal::Decimal>,
    ) -> bool {
        let years = self.years.len();
        match self.line_mut(line).map(|l| &mut l.kind) {
            Some(LineKind::Input { amounts, details }) if details.is_empty() && year < years => {
                amounts.resize(years, None);
                amounts[year] = amount.map(Money);
                true
            }
            _ => false,
        }
    }

    /// The text kept for an amount cell that holds no valid amount, if any (see
    /// [`Report::invalid_amounts`]). Text kept for a cell that has since been given an amount
    /// by anything else (an SIE import, a merge) is stale: the amount wins, so the printout and
    /// the totals always show the same figure.
    pub fn invalid_text(&self, place: &AmountPlace) -> Option<&str> {
        let text = self
            .invalid_amounts
            .iter()
            .find(|i| &i.place == place)
            .map(|i| i.text.as_str())?;
        self.amount_at(place).is_none().then_some(text)
    }

    /// The amount an amount cell holds (None for an empty cell or one that does not exist).
    pub fn amount_at(&self, place: &AmountPlace) -> Option<Money> {
        let year_of = |v: &[Option<Money>], y: usize| v.get(y).copied().flatten();
        match place {
            AmountPlace::Line { line, year } => match &self.line(line)?.kind {
                LineKind::Input { amounts, .. } => year_of(amounts, *year),
                _ => None,
            },
            AmountPlace::Detail { line, detail, year } => match &self.line(line)?.kind {
                LineKind::Input { details, .. } => {
                    year_of(&details.iter().find(|d| &d.id == detail)?.amounts, *year)
                }
                _ => None,
            },
            AmountPlace::Movement {
                movement,
                line,
                year,
            } => {
                let m = self.equity.movements.iter().find(|m| &m.id == movement)?;
                year_of(m.amounts.get(line)?, *year)
            }
            AmountPlace::Opening { line } => self.equity.opening.get(line).copied(),
            AmountPlace::Proposal { item } => {
                self.appropriation
                    .proposal
                    .iter()
                    .find(|p| &p.id == item)?
                    .amount
            }
            AmountPlace::Budget { line, year } => {
                let b = self.budget.lines.get(line)?;
                match year {
                    BudgetYear::This => b.this_year,
                    BudgetYear::Next => b.next_year,
                }
            }
        }
    }

    /// Every id used anywhere in the report.
    pub fn all_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        ids.extend(self.narrative.iter().map(|s| s.id.as_str()));
        for l in self.all_lines() {
            ids.push(&l.id);
            if let LineKind::Input { details, .. } = &l.kind {
                ids.extend(details.iter().map(|d| d.id.as_str()));
            }
        }
        ids.extend(self.equity.movements.iter().map(|m| m.id.as_str()));
        ids.extend(self.appropriation.proposal.iter().map(|p| p.id.as_str()));
        for n in &self.notes {
            ids.push(&n.id);
            if let Some(t) = &n.table {
                ids.extend(t.columns.iter().map(|c| c.id.as_str()));
                ids.extend(t.rows.iter().map(|r| r.id.as_str()));
            }
        }
        ids.extend(self.signatures.signatories.iter().map(|p| p.id.as_str()));
        ids.extend(self.signatures.auditors.iter().map(|p| p.id.as_str()));
        ids
    }

    /// The name to save the report under: organisation and fiscal year, ASCII only —
    /// `arsredovisning-friluftsforeningen-tresjoleden-2025.json`.
    pub fn file_name(&self, extension: &str) -> String {
        let mut slug = String::new();
        for c in crate::util::case::to_lower(&self.organisation.name).chars() {
            let c = match c {
                'å' | 'ä' | 'à' | 'á' | 'â' => 'a',
                'ö' | 'ø' | 'ó' | 'ô' => 'o',
                'é' | 'è' | 'ë' | 'ê' => 'e',
                'ü' | 'ú' => 'u',
                c if c.is_ascii_alphanumeric() => c,
                _ => '-',
            };
            if !(c == '-' && (slug.is_empty() || slug.ends_with('-'))) {
                slug.push(c);
            }
        }
        let slug = slug.trim_end_matches('-');
        let year: String = self
            .years
            .first()
            .map(FiscalYear::label)
            .unwrap_or_default()
            .chars()
            .filter_map(|c| match c {
                c if c.is_ascii_alphanumeric() => Some(c),
                '/' | '-' => Some('-'),
                _ => None,
            })
            .collect();
        let mut name = String::from("arsredovisning");
        for part in [slug, year.as_str()] {
            if !part.is_empty() {
                name.push('-');
                name.push_str(part);
            }
        }
        format!("{name}.{extension}")
    }

    /// A new id with the given prefix that is not used anywhere in the report (`s12`, `n3`, …).
    pub fn fresh_id(&self, prefix: &str) -> Id {
        let used: std::collections::HashSet<&str> = self.all_ids().into_iter().collect();
        (1..)
            .map(|i| format!("{prefix}{i}"))
            .find(|c| !used.contains(c.as_str()))
            .expect("an unused id exists")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::{calendar_year, new_report};

    #[test]
    fn file_names_are_ascii_from_organisation_and_year() {
        let mut r = new_report(
            LegalForm::IdeellForening,
            "Friluftsföreningen Tresjöleden",
            "",
            calendar_year(2025),
        );
        assert_eq!(
            r.file_name("json"),
            "arsredovisning-friluftsforeningen-tresjoleden-2025.json"
        );
        r.organisation.name = "  BRF Åkerbäret / 2 ".into();
        assert_eq!(
            r.file_name("html"),
            "arsredovisning-brf-akerbaret-2-2025.html"
        );
        r.organisation.name.clear();
        r.years[0] = FiscalYear {
            start: crate::date::Date::new(2024, 7, 1).unwrap(),
            end: crate::date::Date::new(2025, 6, 30).unwrap(),
        };
        assert_eq!(r.file_name("json"), "arsredovisning-2024-25.json");
    }

    #[test]
    fn a_fiscal_year_is_at_most_eighteen_months() {
        let year = |start: (i32, u8, u8), end: (i32, u8, u8)| FiscalYear {
            start: crate::date::Date::new(start.0, start.1, start.2).unwrap(),
            end: crate::date::Date::new(end.0, end.1, end.2).unwrap(),
        };
        assert_eq!(calendar_year(2025).months(), 12);
        assert!(!calendar_year(2025).is_too_long());
        let extended = year((2024, 7, 1), (2025, 12, 31));
        assert_eq!(extended.months(), MAX_FISCAL_YEAR_MONTHS);
        assert!(!extended.is_too_long());
        let longer = year((2024, 7, 1), (2026, 1, 31));
        assert_eq!(longer.months(), 19);
        assert!(longer.is_too_long());
        assert_eq!(
            longer.problem().as_deref(),
            Some("Räkenskapsåret ska sluta efter att det börjar och vara högst 18 månader.")
        );
        assert_eq!(extended.problem(), None);
        let backwards = year((2025, 1, 1), (2024, 12, 31));
        assert!(backwards.problem().is_some());
    }
}

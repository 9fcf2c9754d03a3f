//! Where a path of the report is and what kind of value is there: a text, an amount, a named
//! field, a list (and its noun), or a note table's cell.

use crate::model::Id;
use crate::review::tree::Step;

/// A path as a slice pattern can match it.
#[derive(Clone, Copy)]
pub(super) enum Seg<'a> {
    K(&'a str),
    I(&'a str),
    N(usize),
    O,
}

pub(super) fn segs(path: &[Step]) -> Vec<Seg<'_>> {
    path.iter()
        .map(|s| match s {
            Step::Key(k) => Seg::K(k),
            Step::Id(id) => Seg::I(id),
            Step::Index(i) => Seg::N(*i),
            Step::Order => Seg::O,
        })
        .collect()
}

/// Where a path is and what kind of value is there.
pub(super) struct Spot {
    pub(super) place: String,
    pub(super) what: What,
}

pub(super) enum What {
    /// Markdown text, compared word by word.
    Text,
    /// An amount; `suffix` follows the place (`, 2025`). `at` is set for statement amounts,
    /// whose effect on the totals is shown.
    Amount {
        suffix: String,
        at: Option<AmountAt>,
    },
    /// A named field, shown in words.
    Field { name: String, shown: Shown },
    /// An element of a list, or the list's order.
    List(Noun),
    /// A cell of a note table; `suffix` names the column. `variant` is set when only the
    /// amount or the text inside the cell changed (`amount`, `text`).
    Cell {
        suffix: String,
        variant: Option<String>,
    },
}

/// A statement amount: a line's (or one of its detail rows') amount in a year.
pub(super) struct AmountAt {
    pub(super) line: Id,
    pub(super) detail: Option<Id>,
    pub(super) year: usize,
}

/// How a field's value is shown.
#[derive(Clone, Copy)]
pub(super) enum Shown {
    Quoted,
    OptionalQuoted,
    Plain,
    /// A line's meaning (`Role`), by its name in the file.
    Role,
    Date,
    Bool,
    LegalForm,
    /// How zero is printed (`Nil`): "som 0" or "som –".
    Nil,
    Part,
    Level,
    NoteRef,
    LineRef,
    /// The line an account goes on in the SIE import (none: as the account ranges say).
    MappedLine,
    /// A line's budget: both columns' amounts.
    Budget,
    Years,
    Accounts,
    Terms,
    LineKind,
    ColumnYear,
    RowKind,
    Amounts,
    Table,
    Json,
}

/// The things a report lists.
#[derive(Clone, Copy)]
pub(super) enum Noun {
    Section,
    Line,
    Detail,
    Movement,
    ProposalItem,
    Note,
    Column,
    Row,
    Signatory,
    Auditor,
}

impl Noun {
    pub(super) fn singular(self) -> &'static str {
        match self {
            Noun::Section => "avsnittet",
            Noun::Line => "raden",
            Noun::Detail => "specifikationsraden",
            Noun::Movement => "förändringen",
            Noun::ProposalItem => "förslagsraden",
            Noun::Note => "noten",
            Noun::Column => "kolumnen",
            Noun::Row => "tabellraden",
            Noun::Signatory => "ledamoten",
            Noun::Auditor => "revisorn",
        }
    }

    pub(super) fn plural(self) -> &'static str {
        match self {
            Noun::Section => "avsnitten",
            Noun::Line => "raderna",
            Noun::Detail => "specifikationsraderna",
            Noun::Movement => "förändringarna",
            Noun::ProposalItem => "förslagsraderna",
            Noun::Note => "noterna",
            Noun::Column => "kolumnerna",
            Noun::Row => "tabellraderna",
            Noun::Signatory => "ledamöterna",
            Noun::Auditor => "revisorerna",
        }
    }

    /// `tillagt`/`borttaget` for a neuter noun, `tillagd`/`borttagen` otherwise.
    pub(super) fn added(self) -> &'static str {
        match self {
            Noun::Section => "tillagt",
            _ => "tillagd",
        }
    }

    pub(super) fn removed(self) -> &'static str {
        match self {
            Noun::Section => "borttaget",
            _ => "borttagen",
        }
    }
}

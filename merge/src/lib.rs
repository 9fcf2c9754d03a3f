//! Kassören's board review on a merge engine: a report's change history (an Automerge document)
//! travels in its file, and copies are merged by their histories, never by a base kept
//! somewhere.
//!
//! * [`record`] brings a report's history up to date with its readable fields, as one change by
//!   an author ("Spara som fil", `kassoren export`).
//! * [`compare`] finds what their copy and mine started from in the histories and gives the
//!   engine's review of their changes from there ([`Comparison`]); a narrative text both changed
//!   is merged by characters.
//! * [`combine`] gives the merged report a history holding both copies' and the treasurer's
//!   choices.
//!
//! The readable JSON stays what the report is; the history is how it came to be. The engine
//! (`kassoren-engine`) only carries the history; this crate is loaded by the browser only when
//! a file is compared or saved (a wasm module of its own).

mod compare;
mod history;
mod tree;

use std::fmt;

pub use compare::{combine, compare, Comparison};
pub use history::{authors, record};

/// Why a history could not be used. The messages are Swedish, for the treasurer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HistoryError {
    /// The `history` field is not an Automerge document in base64.
    Unreadable(String),
    /// The history describes something that is not a valid report.
    Invalid(String),
    /// The files are different reports.
    Different(kassoren_engine::review::MergeError),
}

impl fmt::Display for HistoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HistoryError::Unreadable(e) => write!(
                f,
                "filens ändringshistorik (fältet \"history\") kan inte läsas ({e}); ta bort \
                 fältet för att öppna filen utan historik"
            ),
            HistoryError::Invalid(e) => write!(
                f,
                "filens ändringshistorik beskriver ingen giltig årsredovisning ({e})"
            ),
            HistoryError::Different(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for HistoryError {}

/// The places where a report's history holds two values nobody has decided between yet
/// (`/`-separated keys and list positions). For tests and diagnostics.
pub fn undecided(report: &Report) -> Result<Vec<String>, HistoryError> {
    Ok(history_doc(report)?
        .map(|doc| tree::conflicts(&doc))
        .unwrap_or_default())
}

use kassoren_engine::model::Report;

fn history_doc(report: &Report) -> Result<Option<automerge::AutoCommit>, HistoryError> {
    history::load(report)
}

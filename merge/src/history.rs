//! A report's change history: the Automerge document in the report's `history` field (base64 of
//! Automerge's compressed save format), read, written and brought up to date with the readable
//! fields ([`record`]).

use automerge::transaction::CommitOptions;
use automerge::AutoCommit;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use kassoren_engine::model::Report;
use kassoren_engine::review::{content_tree, from_content_tree};

use crate::tree;
use crate::HistoryError;

/// The report's history as a document; `None` when it has none (a file from before format 5,
/// or a report never saved as a file).
pub(crate) fn load(report: &Report) -> Result<Option<AutoCommit>, HistoryError> {
    let Some(text) = &report.history else {
        return Ok(None);
    };
    let bytes = STANDARD
        .decode(text.trim())
        .map_err(|e| HistoryError::Unreadable(e.to_string()))?;
    AutoCommit::load(&bytes)
        .map(Some)
        .map_err(|e| HistoryError::Unreadable(e.to_string()))
}

/// Writes the document into the report's `history` field.
pub(crate) fn store(report: &mut Report, doc: &mut AutoCommit) {
    report.history = Some(STANDARD.encode(doc.save()));
}

/// The report the document describes; the lineage, file format, SIE mapping table and history
/// come from `like`.
pub(crate) fn content(doc: &AutoCommit, like: &Report) -> Result<Report, HistoryError> {
    from_content_tree(tree::read(doc), like).map_err(HistoryError::Invalid)
}

/// Makes the document's content the report's, as one change by `author` at `time` (seconds
/// since 1970). Whether anything changed.
pub(crate) fn write(
    doc: &mut AutoCommit,
    report: &Report,
    author: &str,
    time: i64,
) -> Result<bool, HistoryError> {
    tree::reconcile(doc, &content_tree(report))
        .map_err(|e| HistoryError::Invalid(e.to_string()))?;
    let options = CommitOptions::default()
        .with_message(author.to_string())
        .with_time(time);
    Ok(doc.commit_with(options).is_some())
}

/// Records what changed in the report's readable fields since its history as one change by
/// `author` at `time` (seconds since 1970): a file edited by hand or by another program keeps
/// its history, and a report without a history starts one. Whether a change was recorded.
pub fn record(report: &mut Report, author: &str, time: i64) -> Result<bool, HistoryError> {
    let mut doc = load(report)?.unwrap_or_default();
    let changed = write(&mut doc, report, author, time)?;
    if changed || report.history.is_none() {
        store(report, &mut doc);
    }
    Ok(changed)
}

/// Who made the report's recorded changes, oldest first, one entry per change: the author's
/// name and the time (seconds since 1970).
pub fn authors(report: &Report) -> Result<Vec<(String, i64)>, HistoryError> {
    let Some(mut doc) = load(report)? else {
        return Ok(Vec::new());
    };
    Ok(doc
        .get_changes(&[])
        .iter()
        .map(|c| {
            (
                c.message().map(String::from).unwrap_or_default(),
                c.timestamp(),
            )
        })
        .collect())
}

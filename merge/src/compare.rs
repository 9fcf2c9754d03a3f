//! Comparing a board member's copy with mine by their histories, and the merged copy's
//! history.
//!
//! The changes both histories hold are what both copies started from: the base, found in the
//! files themselves, whichever way they travelled (T → Anna → Bertil → T). Automerge merges the
//! two histories; the engine's review ([`kassoren_engine::review::merge`]) then lists, from
//! that base, each change their copy brings, and each place both changed differently as a
//! conflict. A text both changed is taken as Automerge merged it, character by character, and
//! shown as their change to mine.

use std::collections::HashSet;

use automerge::{AutoCommit, ChangeHash};
use kassoren_engine::model::Report;
use kassoren_engine::review::{self, with_merged_texts, ChangeId, Merge};

use crate::history::{content, load, store, write};
use crate::HistoryError;

/// How their copy relates to mine.
#[derive(Clone, Debug, PartialEq)]
pub enum Comparison {
    /// Their copy holds no change my history does not have (this file, or one like it, was
    /// merged or rejected before): nothing to review.
    Nothing,
    /// The copies share no history (a file from before format 5, or copies started apart):
    /// every difference is a conflict for the treasurer to decide.
    Unrelated,
    /// The copies share a history: the engine's three-way review of mine and `theirs` from
    /// `base` ([`Comparison::review`]).
    Related {
        base: Box<Report>,
        theirs: Box<Report>,
    },
}

impl Comparison {
    /// The review of their copy: what it brings and what conflicts with mine.
    pub fn review(&self, mine: &Report, theirs: &Report) -> Result<Merge, review::MergeError> {
        match self {
            Comparison::Nothing => review::merge(mine, mine, mine),
            Comparison::Unrelated => review::merge_unrelated(mine, theirs),
            Comparison::Related { base, theirs } => review::merge(base, mine, theirs),
        }
    }

    /// Mine with the changes and conflicts the treasurer accepted (ids from
    /// [`Comparison::review`]).
    pub fn apply(
        &self,
        mine: &Report,
        theirs: &Report,
        accepted: &[ChangeId],
    ) -> Result<Report, review::MergeError> {
        match self {
            Comparison::Nothing => Ok(mine.clone()),
            Comparison::Unrelated => review::apply(mine, mine, theirs, accepted),
            Comparison::Related { base, theirs } => review::apply(base, mine, theirs, accepted),
        }
    }
}

/// Compares their copy with mine by the histories. Both must have their readable fields
/// recorded ([`crate::record`]) first. An error when a history cannot be read or the copies are
/// different documents.
pub fn compare(mine: &Report, theirs: &Report) -> Result<Comparison, HistoryError> {
    review::lineage::same_document(mine, theirs).map_err(HistoryError::Different)?;
    let (Some(mut mine_doc), Some(mut theirs_doc)) = (load(mine)?, load(theirs)?) else {
        return Ok(Comparison::Unrelated);
    };
    if mine_doc.get_changes_added(&mut theirs_doc).is_empty() {
        return Ok(Comparison::Nothing);
    }
    let common = common_heads(&mut mine_doc, &mut theirs_doc);
    if common.is_empty() {
        return Ok(Comparison::Unrelated);
    }
    let base_doc = mine_doc
        .fork_at(&common)
        .map_err(|e| HistoryError::Unreadable(e.to_string()))?;
    let without_history = |r: &Report| Report {
        history: None,
        ..r.clone()
    };
    let base = content(&base_doc, &without_history(mine))?;
    let mut merged_doc = mine_doc.fork();
    merged_doc
        .merge(&mut theirs_doc)
        .map_err(|e| HistoryError::Unreadable(e.to_string()))?;
    // Automerge's merge of everything is read only for the texts both changed; where it is not
    // a valid report (two copies added elements under the same id), texts are compared whole.
    let (base, theirs) = match content(&merged_doc, &without_history(mine)) {
        Ok(merged) => with_merged_texts(&base, mine, theirs, &merged),
        Err(_) => (base, theirs.clone()),
    };
    Ok(Comparison::Related {
        base: Box::new(base),
        theirs: Box::new(theirs),
    })
}

/// The newest changes both documents hold: the heads of what both started from.
fn common_heads(mine: &mut AutoCommit, theirs: &mut AutoCommit) -> Vec<ChangeHash> {
    let theirs_changes = theirs.get_changes(&[]);
    let common: Vec<_> = theirs_changes
        .iter()
        .filter(|c| mine.get_change_by_hash(&c.hash()).is_some())
        .collect();
    let depended: HashSet<ChangeHash> = common
        .iter()
        .flat_map(|c| c.deps().iter().copied())
        .collect();
    common
        .iter()
        .map(|c| c.hash())
        .filter(|h| !depended.contains(h))
        .collect()
}

/// The merged report (`result`, made from mine with the treasurer's choices) with a history
/// that holds both copies' histories and, as one change by `author`, what the treasurer chose
/// differently from Automerge's merge: a rejected change is recorded as such, so the same file
/// compared again brings nothing new. Copies without a common history keep mine's (or, when
/// mine has none, theirs').
pub fn combine(
    mine: &Report,
    theirs: &Report,
    result: &Report,
    author: &str,
    time: i64,
) -> Result<Report, HistoryError> {
    let mut doc = match (load(mine)?, load(theirs)?) {
        (Some(mut m), Some(mut t)) => {
            if !common_heads(&mut m, &mut t).is_empty() {
                m.merge(&mut t)
                    .map_err(|e| HistoryError::Unreadable(e.to_string()))?;
            }
            m
        }
        (Some(m), None) => m,
        (None, Some(t)) => t,
        (None, None) => AutoCommit::new(),
    };
    write(&mut doc, result, author, time)?;
    let mut out = result.clone();
    store(&mut out, &mut doc);
    Ok(out)
}

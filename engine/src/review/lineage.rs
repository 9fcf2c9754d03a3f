//! Lineage: which report a copy is and which revision of it.
//!
//! Every copy of one report carries the same document id; copies with different ids are never
//! compared or merged ([`same_document`]). The id is made once: derived from the organisation
//! and the fiscal year for a new report from the template or a file of format 2, or from random
//! bits the editor supplies ([`start`]). The engine itself has no randomness.
//!
//! The revision counts the saved versions of a copy. [`next_revision`] is called when a copy is
//! saved as a file: it records the author, and when the author differs from the previous one
//! (someone opened another person's file) it records the revision the new copy started from,
//! which is the common base for a three-way merge of the two copies.

use std::fmt;

pub use crate::model::derived_document_id;
use crate::model::{Lineage, Report};

/// Why two reports cannot be compared or merged. The message is Swedish, for the treasurer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeError {
    /// The files are different reports (their document ids differ).
    DifferentDocument { mine: String, theirs: String },
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MergeError::DifferentDocument { mine, theirs } => write!(
                f,
                "filerna är inte samma årsredovisning (dokument-id \"{mine}\" och \"{theirs}\"), \
                 så de kan inte jämföras eller slås ihop"
            ),
        }
    }
}

impl std::error::Error for MergeError {}

/// A new document id from random bits the caller supplies: `d-` and 16 hex digits.
pub fn new_document_id(seed: u64) -> String {
    format!("d-{seed:016x}")
}

/// Makes the report a document of its own (a new report, or a copy meant to start a new
/// lineage): a new id from `seed`, revision 0, no origin and no author yet, and no change
/// history (the copies of the new document share the history that starts from it).
pub fn start(report: &mut Report, seed: u64) {
    report.lineage = Lineage {
        document_id: new_document_id(seed),
        ..Lineage::default()
    };
    report.history = None;
}

/// Marks a new revision, when the copy is saved as a file by `author`. The first time a person
/// saves a copy someone else saved last, the copy records the revision it started from.
pub fn next_revision(report: &mut Report, author: &str) {
    let lineage = &mut report.lineage;
    if lineage.author.as_deref() != Some(author) {
        lineage.derived_from = Some(lineage.revision);
    }
    lineage.revision += 1;
    lineage.author = Some(author.to_string());
}

/// Whether two reports are copies of the same document: an error names both ids if not.
pub fn same_document(mine: &Report, theirs: &Report) -> Result<(), MergeError> {
    if mine.lineage.document_id == theirs.lineage.document_id {
        Ok(())
    } else {
        Err(MergeError::DifferentDocument {
            mine: mine.lineage.document_id.clone(),
            theirs: theirs.lineage.document_id.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LegalForm;
    use crate::template::{calendar_year, new_report};

    #[test]
    fn revisions_record_author_and_origin() {
        let mut r = new_report(LegalForm::IdeellForening, "F", "", calendar_year(2025));
        assert!(r.lineage.document_id.starts_with("ny-"));
        start(&mut r, 0xabc);
        assert_eq!(r.lineage.document_id, "d-0000000000000abc");
        next_revision(&mut r, "Kassören");
        next_revision(&mut r, "Kassören");
        assert_eq!(r.lineage.revision, 2);
        assert_eq!(r.lineage.derived_from, Some(0));
        // A board member saves the treasurer's file: the copy started from revision 2.
        let mut copy = r.clone();
        next_revision(&mut copy, "Anna");
        next_revision(&mut copy, "Anna");
        assert_eq!(copy.lineage.revision, 4);
        assert_eq!(copy.lineage.derived_from, Some(2));
        assert_eq!(copy.lineage.author.as_deref(), Some("Anna"));
        assert_eq!(same_document(&r, &copy), Ok(()));
        let other = new_report(LegalForm::IdeellForening, "G", "", calendar_year(2025));
        let e = same_document(&r, &other).unwrap_err();
        assert!(e.to_string().contains("inte samma årsredovisning"), "{e}");
    }
}

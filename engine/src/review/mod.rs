//! Board review: compare copies of a report, merge them, comment and sign off.
//!
//! The board shares the report as JSON files. Every copy of one report has the same document id
//! ([`lineage`]); copies of different reports are never compared or merged.
//!
//! * [`diff`] lists every difference between two versions as [`Change`]s, each with a stable
//!   id made of the ids of what it changes (never positions) and a Swedish one-line
//!   [`Change::describe`]: narrative text word by word ([`word_diff`]), amounts with their
//!   effect on the totals, added, removed and reordered sections, lines, rows and notes,
//!   labels, organisation data, signatures, comments and reviews.
//! * [`merge`] is a three-way merge: the changes from the common base to their copy that do not
//!   touch what changed from the base to mine are applied to mine; a change to the same place
//!   (the same cell, text, label, or something the other side removed) is a [`Conflict`] and is
//!   not applied. [`apply`] applies the changes and conflicts the treasurer accepts.
//! * Comments and reviews ([`comments`]) are merged by id: a merge keeps both copies'.
//!
//! The merged report keeps mine's lineage; its revision is bumped when anything came in.
//!
//! In the editor: when a board member's file (theirs) is opened while a report with the same
//! document id is already there (mine), the base is that document's revision
//! `theirs.lineage.derived_from` as it was saved to a file (the editor keeps the revisions it
//! exports). [`merge`] lists their changes and the conflicts; [`apply`] gives the report the
//! treasurer's choices make. A text is compared word by word but merged as a whole: two copies
//! changing the same text is a conflict even where they changed different sentences.

pub mod comments;
mod describe;
pub mod lineage;
mod marked;
mod merge;
mod tree;
mod words;

use std::fmt;

use rust_decimal::Decimal;

use crate::model::{Comment, Report, Review};
use crate::money::Money;

pub use lineage::MergeError;
pub use marked::marked_html;
pub use merge::{apply, merge, merge_unrelated, with_merged_texts, Merge};
pub use tree::{content_tree, from_content_tree};
pub use words::{word_diff, WordOp};

/// The stable id of a change: the path of what it changes, made of field names and ids
/// (`narrative/#verksamheten/body`). The same change has the same id in [`merge`] and
/// [`apply`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ChangeId(String);

impl ChangeId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ChangeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One difference between two versions of a report.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub id: ChangeId,
    /// Where, in the editor's words: `Resultaträkning › Medlemsavgifter`.
    pub place: String,
    pub kind: ChangeKind,
    description: String,
    /// How to make the change (none for comments and reviews, which are merged by id).
    edit: Option<tree::Edit>,
}

impl Change {
    /// The change in one Swedish line, as `kassoren diff` prints it.
    pub fn describe(&self) -> &str {
        &self.description
    }
}

/// What a change is.
#[derive(Clone, Debug, PartialEq)]
pub enum ChangeKind {
    /// A text (a narrative section, a note's text, the proposal's comment), word by word.
    Text {
        old: String,
        new: String,
        words: Vec<WordOp>,
    },
    /// An amount, with its effect on the report's totals (årets resultat, the balance-sheet
    /// totals) in the same year, where it has one.
    Amount {
        old: Option<Money>,
        new: Option<Money>,
        effects: Vec<Effect>,
    },
    /// Any other value (a label, a name, a date, a setting), shown in words.
    Value {
        field: String,
        old: String,
        new: String,
    },
    /// Something added: a section, line, detail row, note, table row or column, person, …
    Added {
        name: String,
    },
    Removed {
        name: String,
    },
    /// The elements of a list are in another order.
    Reordered,
    Comment {
        comment: Comment,
        event: CommentEvent,
    },
    Review {
        review: Review,
        added: bool,
    },
}

/// What happened to a comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommentEvent {
    Added,
    Resolved,
    Reopened,
    Removed,
}

/// How a change of an amount moves a total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Effect {
    /// The total, in lower case: `årets resultat`, `summa tillgångar`.
    pub label: String,
    pub old: Decimal,
    pub new: Decimal,
}

/// Two copies changed the same place differently since their common base. Nothing is applied
/// unless the treasurer accepts their version ([`apply`] with this id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The place, as a change id.
    pub path: ChangeId,
    pub place: String,
    /// One Swedish line: the place and both versions.
    pub description: String,
    /// The value in my copy, in words (the whole text for a text).
    pub mine: String,
    /// The value in their copy.
    pub theirs: String,
}

impl Conflict {
    pub fn describe(&self) -> &str {
        &self.description
    }
}

/// Every difference from `old` to `new`, in the order of the report (comments and reviews
/// last). Empty when the content, comments and reviews are the same; the lineage is not
/// compared. Check first that both are the same document ([`lineage::same_document`]).
pub fn diff(old: &Report, new: &Report) -> Vec<Change> {
    let describer = describe::Describer::new(old, new);
    let mut changes: Vec<Change> = tree::diff_docs(&tree::to_doc(old), &tree::to_doc(new))
        .into_iter()
        .map(|e| describer.change(e))
        .collect();
    changes.extend(describe::comment_changes(old, new));
    changes
}

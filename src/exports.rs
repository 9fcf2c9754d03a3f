//! Exported revisions kept in the browser: "Spara som fil" keeps the text it wrote, so that a
//! board member's copy made from it can be compared against the version it started from. The
//! last [`KEPT`] per document are kept.

use serde::{Deserialize, Serialize};

use crate::storage::{self, keys};

/// How many exported revisions are kept per document, as bases for merging copies.
pub const KEPT: usize = 10;

/// One exported revision of a document.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Exported {
    pub revision: u64,
    pub text: String,
}

fn key(document: &str) -> String {
    storage::key(keys::EXPORTS, document)
}

/// The kept exports of a document (unreadable lists read as empty).
pub fn list(document: &str) -> Vec<Exported> {
    storage::read_list(&key(document))
}

/// The exported text of a document's revision, if it is kept here.
pub fn find(document: &str, revision: u64) -> Option<String> {
    list(document)
        .into_iter()
        .find(|e| e.revision == revision)
        .map(|e| e.text)
}

/// Keeps an exported revision (replacing an earlier export of the same revision), dropping the
/// oldest beyond [`KEPT`]. Without room, nothing is kept: a later comparison then shows every
/// difference as theirs.
pub fn keep(document: &str, revision: u64, text: &str) {
    let mut kept = list(document);
    kept.retain(|e| e.revision != revision);
    kept.push(Exported {
        revision,
        text: text.to_string(),
    });
    if kept.len() > KEPT {
        kept.drain(..kept.len() - KEPT);
    }
    if let Some(text) = storage::list_text(&kept) {
        let _ = storage::write(&key(document), &text);
    }
}

/// Drops one kept export: the lowest revision of the document with the most kept. Whether one
/// was dropped.
pub fn drop_oldest() -> bool {
    let fullest = storage::ids(keys::EXPORTS)
        .into_iter()
        .map(|document| (list(&document), document))
        .filter(|(kept, _)| !kept.is_empty())
        .max_by_key(|(kept, _)| kept.len());
    let Some((mut kept, document)) = fullest else {
        return false;
    };
    kassoren_engine::util::sort::sort_by_key(&mut kept, |e| e.revision);
    kept.remove(0);
    storage::write_list(&key(&document), &kept);
    true
}

//! The report's content tree (JSON, [`kassoren_engine::review::content_tree`]) in an Automerge
//! document, and back.
//!
//! autosurgeon reconciles the tree into the document: a map's keys are put only where they
//! changed; a list's elements are matched by their `id` (elements without one by position), so
//! an edit inside a line, row or note is an edit of that object wherever it moved; and a
//! narrative text, a note's text and the proposal's comment are Automerge texts, changed
//! character by character, so two members' edits to different sentences of one text both stay.
//! Every other string (an amount, a label, a name) is one value: two members changing it at the
//! same time is a conflict the engine keeps both values of.

use automerge::{
    AutoCommit, ObjId, ObjType, ReadDoc, ScalarValue, Value as AmValue, ValueRef, ROOT,
};
use autosurgeon::reconcile::{LoadKey, MapReconciler, TextReconciler};
use autosurgeon::{Prop, ReconcileError, Reconciler};
use serde_json::Value;

/// Where a value lies, as far as it decides whether a string is a text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Root,
    Narrative,
    Section,
    Notes,
    Note,
    Appropriation,
    Text,
    Other,
}

impl Place {
    fn field(self, key: &str) -> Place {
        match (self, key) {
            (Place::Root, "narrative") => Place::Narrative,
            (Place::Root, "notes") => Place::Notes,
            (Place::Root, "appropriation") => Place::Appropriation,
            (Place::Section, "body")
            | (Place::Note, "text")
            | (Place::Appropriation, "comment") => Place::Text,
            _ => Place::Other,
        }
    }

    fn element(self) -> Place {
        match self {
            Place::Narrative => Place::Section,
            Place::Notes => Place::Note,
            _ => Place::Other,
        }
    }
}

/// A JSON value to reconcile, with its place.
struct Node<'a> {
    value: &'a Value,
    place: Place,
}

impl autosurgeon::Reconcile for Node<'_> {
    type Key<'k> = String;

    fn reconcile<R: Reconciler>(&self, mut r: R) -> Result<(), R::Error> {
        match self.value {
            Value::Null => r.none(),
            Value::Bool(b) => r.boolean(*b),
            Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
                (Some(i), _, _) => r.i64(i),
                (None, Some(u), _) => r.u64(u),
                (None, None, f) => r.f64(f.unwrap_or_default()),
            },
            Value::String(s) if self.place == Place::Text => r.text()?.update(s),
            Value::String(s) => r.str(s),
            Value::Array(items) => {
                let place = self.place.element();
                let nodes: Vec<Node> = items.iter().map(|value| Node { value, place }).collect();
                nodes.reconcile(r)
            }
            Value::Object(fields) => {
                let mut map = r.map()?;
                map.retain(|key, _| fields.contains_key(key))?;
                for (key, value) in fields {
                    let place = self.place.field(key);
                    map.put(key, Node { value, place })?;
                }
                Ok(())
            }
        }
    }

    fn key(&self) -> LoadKey<Self::Key<'_>> {
        match self.value.get("id").and_then(Value::as_str) {
            Some(id) => LoadKey::Found(id.to_string()),
            None => LoadKey::NoKey,
        }
    }

    fn hydrate_key<'k, D: autosurgeon::ReadDoc>(
        doc: &D,
        obj: &ObjId,
        prop: Prop<'_>,
    ) -> Result<LoadKey<Self::Key<'k>>, ReconcileError> {
        let Some((AmValue::Object(ObjType::Map), element)) = doc.get(obj, &prop)? else {
            return Ok(LoadKey::NoKey);
        };
        Ok(match doc.get(&element, "id")? {
            Some((AmValue::Scalar(s), _)) => match s.as_ref() {
                ScalarValue::Str(id) => LoadKey::Found(id.to_string()),
                _ => LoadKey::NoKey,
            },
            _ => LoadKey::NoKey,
        })
    }
}

/// Makes the document's content the tree (a report's content tree is a JSON object). Only what
/// differs is written.
pub(crate) fn reconcile(doc: &mut AutoCommit, tree: &Value) -> Result<(), ReconcileError> {
    autosurgeon::reconcile(
        doc,
        Node {
            value: tree,
            place: Place::Root,
        },
    )
}

/// The document's content as a JSON tree (where two values conflict, Automerge's winner).
pub(crate) fn read(doc: &AutoCommit) -> Value {
    serde_json::to_value(automerge::AutoSerde::from(doc)).unwrap_or(Value::Null)
}

/// The places where the document holds more than one value (concurrent changes nobody has
/// decided yet), as `/`-separated keys and list positions.
pub(crate) fn conflicts(doc: &AutoCommit) -> Vec<String> {
    let mut out = Vec::new();
    walk(doc, &ROOT, "", &mut out);
    out
}

fn walk(doc: &AutoCommit, obj: &ObjId, path: &str, out: &mut Vec<String>) {
    let mut visit = |key: String, value: ValueRef, id: ObjId, conflict: bool| {
        let here = format!("{path}/{key}");
        if conflict {
            out.push(here.clone());
        }
        if let ValueRef::Object(ObjType::Map | ObjType::List) = value {
            walk(doc, &id, &here, out);
        }
    };
    match doc.object_type(obj) {
        Ok(ObjType::Map | ObjType::Table) => {
            for item in doc.map_range(obj, ..) {
                let id = item.id();
                visit(item.key.to_string(), item.value, id, item.conflict);
            }
        }
        Ok(ObjType::List) => {
            for item in doc.list_range(obj, ..) {
                let id = item.id();
                visit(item.index.to_string(), item.value, id, item.conflict);
            }
        }
        _ => {}
    }
}

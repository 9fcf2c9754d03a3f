//! Changes in the editor's words: where a change is (`Resultaträkning › Medlemsavgifter, 2025`),
//! what it is, and values shown as the treasurer knows them.
//!
//! [`Describer`] turns an edit into a [`Change`] here. By concern: `spot` (what a path points
//! at), `locate` (a path in the editor's words), `names` (of the things changed), `values` (a
//! value in words), `text` (quoting, shortening, changed stretches of words), `discussion`
//! (comments and reviews).

mod discussion;
mod locate;
mod names;
mod spot;
mod text;
mod values;

use std::cell::OnceCell;

use serde_json::Value;

use crate::compute::{compute, Computed};
use crate::model::*;
use crate::money::Money;

use super::tree::{path_text, Edit, Op, Step};
use super::words::word_diff;
use super::{Change, ChangeId, ChangeKind, Effect};
pub(crate) use discussion::comment_changes;
use spot::{AmountAt, Shown, Spot, What};
pub(crate) use text::changed_stretch;
use text::text_change;
use values::{
    amount_change, amount_text, cell_amount, cell_of, effects_text, in_cell, is_amount_cell, money,
    present, text,
};

/// Describes the changes from one version of a report to another.
pub(crate) struct Describer<'a> {
    old: &'a Report,
    new: &'a Report,
    old_computed: OnceCell<Computed>,
}

impl<'a> Describer<'a> {
    pub(crate) fn new(old: &'a Report, new: &'a Report) -> Self {
        Describer {
            old,
            new,
            old_computed: OnceCell::new(),
        }
    }

    /// The change an edit from the old version to the new one makes.
    pub(crate) fn change(&self, edit: Edit) -> Change {
        let spot = self.locate(&edit.path);
        let place = spot.place.clone();
        let (kind, description) = match &edit.op {
            Op::Set { old, new } => self.set(&spot, old.as_ref(), new.as_ref()),
            Op::Insert { value, .. } => {
                let name = self.element_name(&spot, value);
                let description = match &spot.what {
                    What::List(noun) => {
                        format!("{place}: {} {name} {}", noun.singular(), noun.added())
                    }
                    _ => format!("{place}: {name} tillagd"),
                };
                (ChangeKind::Added { name }, description)
            }
            Op::Delete { value } => {
                let name = self.element_name(&spot, value);
                let description = match &spot.what {
                    What::List(noun) => {
                        format!("{place}: {} {name} {}", noun.singular(), noun.removed())
                    }
                    _ => format!("{place}: {name} borttagen"),
                };
                (ChangeKind::Removed { name }, description)
            }
            Op::Reorder { .. } => {
                let description = match &spot.what {
                    What::List(noun) => format!("{place}: {} i ny ordning", noun.plural()),
                    _ => format!("{place}: ny ordning"),
                };
                (ChangeKind::Reordered, description)
            }
        };
        Change {
            id: ChangeId(path_text(&edit.path)),
            place,
            kind,
            description,
            edit: Some(edit),
        }
    }

    fn set(&self, spot: &Spot, old: Option<&Value>, new: Option<&Value>) -> (ChangeKind, String) {
        let place = &spot.place;
        match &spot.what {
            What::Text => {
                let (old, new) = (text(old), text(new));
                let description = format!("{place}: {}", text_change(&old, &new));
                let words = word_diff(&old, &new);
                (ChangeKind::Text { old, new, words }, description)
            }
            What::Amount { suffix, at } => {
                let (old, new) = (money(old), money(new));
                let effects = at
                    .as_ref()
                    .map(|at| self.effects(at, new))
                    .unwrap_or_default();
                let description = format!(
                    "{place}{suffix}: {}{}",
                    amount_change(old, new, " kr"),
                    effects_text(&effects)
                );
                (ChangeKind::Amount { old, new, effects }, description)
            }
            What::Cell { suffix, variant } => {
                let (old, new) = (in_cell(variant, old), in_cell(variant, new));
                let (old, new) = (old.as_ref(), new.as_ref());
                let cell = |v: Option<&Value>| cell_of(v).ok();
                match (cell(old), cell(new)) {
                    (Some(a), Some(b)) if is_amount_cell(&a) && is_amount_cell(&b) => {
                        let (old, new) = (cell_amount(&a), cell_amount(&b));
                        let description =
                            format!("{place}{suffix}: {}", amount_change(old, new, ""));
                        (
                            ChangeKind::Amount {
                                old,
                                new,
                                effects: Vec::new(),
                            },
                            description,
                        )
                    }
                    _ => {
                        let (old, new) = (self.cell_text(old), self.cell_text(new));
                        let description = format!("{place}{suffix}: {old} → {new}");
                        let field = "cell".to_string();
                        (ChangeKind::Value { field, old, new }, description)
                    }
                }
            }
            What::Field {
                name,
                shown: Shown::Table,
            } => {
                let event = match (present(old), present(new)) {
                    (false, true) => "tillagd",
                    (true, false) => "borttagen",
                    _ => "ändrad",
                };
                let (old, new) = (self.show(Shown::Table, old), self.show(Shown::Table, new));
                let description = format!("{place}: tabellen {event}");
                let field = name.clone();
                (ChangeKind::Value { field, old, new }, description)
            }
            What::Field { name, shown } => {
                let (old, new) = (self.show(*shown, old), self.show(*shown, new));
                let description = format!("{place}: {name} {old} → {new}");
                (
                    ChangeKind::Value {
                        field: name.clone(),
                        old,
                        new,
                    },
                    description,
                )
            }
            What::List(noun) => {
                let name =
                    |v: Option<&Value>| v.map(|v| self.element_name(spot, v)).unwrap_or_default();
                let (old, new) = (name(old), name(new));
                let description = format!("{place}: {} {old} ersatt av {new}", noun.singular());
                let field = noun.singular().to_string();
                (ChangeKind::Value { field, old, new }, description)
            }
        }
    }

    /// A value at a path in words, for a conflict: the whole text of a text, an amount with
    /// its unit, the name of a list element, `(borttaget)` when it is not there.
    pub(crate) fn show_at(&self, path: &[Step], value: Option<&Value>) -> String {
        let Some(value) = value else {
            return "(borttaget)".into();
        };
        let spot = self.locate(path);
        match (&spot.what, path.last()) {
            (What::Text, _) => text(Some(value)),
            (What::Amount { .. }, _) => amount_text(money(Some(value)), " kr"),
            (What::Cell { variant, .. }, _) => {
                self.cell_text(in_cell(variant, Some(value)).as_ref())
            }
            (What::Field { shown, .. }, _) => self.show(*shown, Some(value)),
            (What::List(_), Some(Step::Order)) => value
                .as_array()
                .map(|list| {
                    list.iter()
                        .map(|e| self.element_name(&spot, e))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default(),
            (What::List(_), _) => self.element_name(&spot, value),
        }
    }

    /// The place of a path with its year or column, for a conflict's description.
    pub(crate) fn place(&self, path: &[Step]) -> String {
        let spot = self.locate(path);
        match spot.what {
            What::Amount { suffix, .. } | What::Cell { suffix, .. } => spot.place + &suffix,
            _ => spot.place,
        }
    }

    /// Whether the value at a path is text compared word by word.
    pub(crate) fn is_text(&self, path: &[Step]) -> bool {
        matches!(self.locate(path).what, What::Text)
    }

    /// How a statement amount moves the totals in its year, when only it changes.
    fn effects(&self, at: &AmountAt, new: Option<Money>) -> Vec<Effect> {
        let before = self.old_computed.get_or_init(|| compute(self.old));
        let mut changed = self.old.clone();
        let Some(LineKind::Input { amounts, details }) =
            changed.line_mut(&at.line).map(|l| &mut l.kind)
        else {
            return Vec::new();
        };
        let slot = match &at.detail {
            Some(d) => details
                .iter_mut()
                .find(|x| &x.id == d)
                .and_then(|x| x.amounts.get_mut(at.year)),
            None => amounts.get_mut(at.year),
        };
        let Some(slot) = slot else {
            return Vec::new();
        };
        *slot = new;
        let after = compute(&changed);
        [
            Role::YearResult,
            Role::TotalAssets,
            Role::TotalEquityAndLiabilities,
        ]
        .into_iter()
        .filter_map(|role| self.old.line_by_role(role))
        .filter_map(|line| {
            let (old, new) = (
                before.value(&line.id, at.year),
                after.value(&line.id, at.year),
            );
            let label = match &line.kind {
                LineKind::Group {
                    sum_label: Some(sum),
                    ..
                } => sum,
                _ => &line.label,
            };
            (old != new).then(|| Effect {
                label: crate::util::case::lower_first(label),
                old,
                new,
            })
        })
        .collect()
    }
}

//! Two tabs or windows on the same reports: what one saves, the other shows. This module decides
//! what a tab does when another has saved the report it has open (and why a tab stops writing,
//! [`Hold`]), and listens for those saves; [`crate::store::Store`] carries the decision out.
//!
//! Texts are never mixed: a narrative section's title or text changed in both tabs since the
//! version both started from is a conflict, whatever the engine's merge would make of it.

use kassoren_engine::model::Report;
use kassoren_engine::review;
use leptos::prelude::*;

use crate::storage::keys;

/// What to do with another tab's newer version of the open report.
#[derive(Clone, Debug, PartialEq)]
pub enum Reconciled {
    /// Nothing to save here: show the other tab's version (it may equal this one).
    TakeTheirs,
    /// Both tabs changed the report without touching the same place: the engine merged the two
    /// from the version both started from. This tab shows and saves the result.
    Merged(Box<Report>),
    /// Both changed the same place (or there is no version both started from): neither is
    /// written over the other; this tab holds ([`Hold::Conflict`]) until the treasurer chooses.
    /// `conflicts` names the places, "; "-separated (empty without a common version).
    Conflict { conflicts: String },
}

/// Why this tab has stopped writing the open report. Its version stays on screen and is kept in
/// "Tidigare versioner" (brought up to date while the treasurer goes on); the stored version is
/// never written over without the treasurer's word.
#[derive(Clone, Debug, PartialEq)]
pub enum Hold {
    /// Another tab saved the same place at the same time; `places` names them ("; "-separated,
    /// empty without a version both started from).
    Conflict { places: String },
    /// Another tab saved a version this tab cannot read (`why`, in Swedish): e.g. a newer
    /// version of Kassören's file format.
    Unreadable { why: String },
}

impl Hold {
    /// Why nothing is saved, as the toolbar says it ("Inte sparat: …"; short, for a phone).
    pub fn status(&self) -> String {
        match self {
            Hold::Conflict { .. } => "krock med en annan flik".to_string(),
            Hold::Unreadable { .. } => "okänd version i en annan flik".to_string(),
        }
    }

    /// The reason the kept copy of this tab's version is listed with.
    pub fn reason(&self) -> &'static str {
        match self {
            Hold::Conflict { .. } => "Din version när en annan flik sparade samtidigt",
            Hold::Unreadable { .. } => {
                "Din version när en annan flik sparade en version som inte kan läsas här"
            }
        }
    }

    /// What the treasurer is told, in full.
    pub fn message(&self) -> String {
        match self {
            Hold::Conflict { places } => format!(
                "Årsredovisningen ändrades samtidigt i en annan flik{}. Den här flikens version har inte sparats över den andra: den visas här och finns under \"Tidigare versioner\". Välj vilken version som ska gälla.",
                if places.is_empty() { String::new() } else { format!(" på samma ställe ({places})") }
            ),
            Hold::Unreadable { why } => format!(
                "En annan flik har sparat årsredovisningen i en form som den här fliken inte kan läsa. Den här flikens ändringar sparas inte över den; de finns under \"Tidigare versioner\". Skälet: {why}"
            ),
        }
    }
}

/// The narrative sections whose title or text both tabs changed, differently, since `base`:
/// "Berättelse › title" for each.
fn texts_changed_on_both_sides(base: &Report, mine: &Report, theirs: &Report) -> Vec<String> {
    mine.narrative
        .iter()
        .filter_map(|m| {
            let b = base.narrative.iter().find(|s| s.id == m.id)?;
            let t = theirs.narrative.iter().find(|s| s.id == m.id)?;
            let both = |f: fn(&kassoren_engine::model::Section) -> &String| {
                f(m) != f(b) && f(t) != f(b) && f(m) != f(t)
            };
            (both(|s| &s.body) || both(|s| &s.title)).then(|| format!("Berättelse › {}", m.title))
        })
        .collect()
}

/// Decides, given the version this tab last read or wrote (`base`), its own (`mine`), the other
/// tab's (`theirs`) and whether this tab has edits that are not stored yet.
pub fn reconcile(
    base: Option<&Report>,
    mine: &Report,
    theirs: &Report,
    unsaved: bool,
) -> Reconciled {
    if mine == theirs || !unsaved || base == Some(mine) {
        return Reconciled::TakeTheirs;
    }
    if let Some(base) = base {
        let texts = texts_changed_on_both_sides(base, mine, theirs);
        if !texts.is_empty() {
            return Reconciled::Conflict {
                conflicts: texts.join("; "),
            };
        }
    }
    match base.and_then(|base| review::merge(base, mine, theirs).ok()) {
        Some(m) if m.conflicts.is_empty() => Reconciled::Merged(Box::new(m.report)),
        other => Reconciled::Conflict {
            conflicts: other
                .map(|m| {
                    m.conflicts
                        .iter()
                        .map(|c| c.describe())
                        .collect::<Vec<_>>()
                        .join("; ")
                })
                .unwrap_or_default(),
        },
    }
}

/// Listens to local storage's `storage` event, which the browser fires in every other tab:
/// `on_index` when the list of reports changed, `on_report` when a report or its revision did
/// (or storage was cleared). Tracks nothing; the listener goes with the owner.
pub fn listen(on_index: impl Fn() + 'static, on_report: impl Fn() + 'static) {
    let listener = window_event_listener(leptos::ev::storage, move |ev| {
        let Some(key) = ev.key() else {
            return on_report();
        };
        if key == keys::INDEX {
            on_index();
        } else if key.starts_with(keys::REVISION) || key.starts_with(keys::REPORT) {
            on_report();
        }
    });
    on_cleanup(move || listener.remove());
}

//! The app's one state value and what changes it.
//!
//! [`Store`] holds the open report (one signal), what the engine computes from it (one memo),
//! the list of reports kept in the browser, and where the treasurer is. It is `Copy` and passed
//! by context. Every edit goes through [`Store::edit`] (recorded for undo) or
//! [`Store::change`], and bumps one counter, `edits`; persistence is one named effect,
//! [`autosave`], that tracks only that counter (it writes shortly after the last keystroke, and
//! at least every [`MAX_SAVE_DELAY_MS`] while typing goes on), and [`Store::flush`], called when
//! the page is hidden or closed. Storage itself is [`crate::library`] (the kept reports), [`crate::room`]
//! (what makes room) and [`crate::storage`]; two tabs are [`crate::tabs`].

use std::time::Duration;

use kassoren_engine::edit::default_title;
use kassoren_engine::model::Report;
use kassoren_engine::{compute, json, Computed};
use leptos::prelude::*;

use crate::dom;
use crate::history::History;
use crate::library::{self, IndexEntry};
use crate::parts::View;
use crate::room;
use crate::snapshots::Snapshot;
use crate::storage::{self, Layout};
use crate::tabs::{self, Hold, Reconciled};

/// How long after the last edit the report is written to local storage.
const SAVE_DELAY: Duration = Duration::from_millis(400);

/// The longest an edit waits to be written while typing goes on without a pause (a browser
/// killed mid-sentence loses at most this much).
pub const MAX_SAVE_DELAY_MS: f64 = 1000.0;

/// Whether the latest edit is stored.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    Saving,
    Failed(String),
}

/// A message shown to the treasurer until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub error: bool,
    pub text: String,
    /// The report the notice is about (it goes when another report is opened or this one is
    /// deleted); `None` for a notice about the app.
    pub report: Option<String>,
}

#[derive(Clone, Copy)]
pub struct Store {
    pub report: RwSignal<Report>,
    pub computed: Memo<Computed>,
    /// How many years the report has (the statements' columns).
    pub years: Memo<usize>,
    pub current: RwSignal<String>,
    pub index: RwSignal<Vec<IndexEntry>>,
    pub status: RwSignal<SaveStatus>,
    pub view: RwSignal<View>,
    pub notice: RwSignal<Option<Notice>>,
    /// Counts the changes to the open report that are to be saved (edits, undo, redo, merges).
    /// A report shown as it is stored (opened, or another tab's save) does not count. The save
    /// timer writes only if no newer change came.
    edits: RwSignal<u64>,
    /// When the oldest edit not yet written was made (milliseconds since 1970).
    pending_since: StoredValue<Option<f64>>,
    /// Why this tab has stopped writing the open report, if it has ([`Hold`]): another tab saved
    /// the same place at the same time, or a version this tab cannot read.
    pub held: RwSignal<Option<Hold>>,
    /// While held: when the copy of this tab's version in "Tidigare versioner" was taken (the
    /// one that is brought up to date).
    held_copy: StoredValue<Option<f64>>,
    /// The stored revision of the open report when this tab last read or wrote it. A write is
    /// refused when the stored revision has moved on (another tab saved in between).
    revision: StoredValue<u64>,
    /// The open report as this tab last read or wrote it: what both sides started from when
    /// another tab saved while this one had unsaved edits.
    stored: StoredValue<Option<Report>>,
    history: StoredValue<History<Report>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
}

impl Store {
    /// Loads what the browser keeps; on a first visit, the example report.
    pub fn load() -> Store {
        let mut notice = match storage::migrate() {
            Layout::Current => None,
            Layout::Newer(v) => Some(Notice {
                error: true,
                text: format!("Webbläsarens lagring har skrivits av en nyare version av Kassören (lagringsversion {v}). Ladda om sidan för att få den nya versionen."),
                report: None,
            }),
        };
        let mut index = library::load_index();
        let candidates: Vec<String> = library::current()
            .into_iter()
            .chain(index.iter().map(|e| e.id.clone()))
            .collect();
        let mut opened: Option<(String, Report)> = None;
        for id in candidates {
            match library::read(&id) {
                Some(Ok(r)) => {
                    opened = Some((id, r));
                    break;
                }
                Some(Err(e)) => {
                    notice = Some(Notice {
                        error: true,
                        text: format!(
                            "En sparad årsredovisning kunde inte läsas och har lämnats orörd: {e}"
                        ),
                        report: None,
                    })
                }
                None => {}
            }
        }
        let first_visit = opened.is_none();
        let (id, report) = opened.unwrap_or_else(|| {
            let mut r = kassoren_engine::example::example_report();
            // This browser's copy of the example is a document of its own.
            kassoren_engine::review::lineage::start(&mut r, dom::seed());
            // Never write over something kept under the example's id (it may be unreadable).
            let id = if library::raw("exempel").is_some() {
                format!("exempel-{}", dom::now() as u64)
            } else {
                "exempel".to_string()
            };
            if !index.iter().any(|e| e.id == id) {
                index.push(IndexEntry {
                    id: id.clone(),
                    title: "Exempel: ".to_string() + &default_title(&r),
                    updated: dom::now(),
                });
            }
            (id, r)
        });
        let revision = library::revision(&id);
        let stored = (!first_visit).then(|| report.clone());
        let report = RwSignal::new(report);
        let store = Store {
            report,
            computed: Memo::new(move |_| report.with(compute)),
            years: Memo::new(move |_| report.with(|r| r.years.len())),
            current: RwSignal::new(id),
            index: RwSignal::new(index),
            status: RwSignal::new(SaveStatus::Saved),
            view: RwSignal::new(View::Organisation),
            notice: RwSignal::new(notice),
            edits: RwSignal::new(0),
            pending_since: StoredValue::new(None),
            held: RwSignal::new(None),
            held_copy: StoredValue::new(None),
            revision: StoredValue::new(revision),
            stored: StoredValue::new(stored),
            history: StoredValue::new(History::default()),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
        };
        if first_visit {
            // Keep the example from the start, once the page is on screen: after the first
            // frame, so the first paint doesn't wait for it (a tab opened in the background
            // leaves that to the tab the treasurer is using).
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        if dom::visible() {
                            store.write_now();
                        }
                    },
                    Duration::ZERO,
                )
            });
        }
        store
    }

    pub fn notify(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            error: false,
            text: text.into(),
            report: None,
        }));
    }

    /// A notice about the open report: it goes with the report.
    pub fn notify_about_report(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            error: false,
            text: text.into(),
            report: Some(self.current.get_untracked()),
        }));
    }

    pub fn fail(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            error: true,
            text: text.into(),
            report: None,
        }));
    }

    /// Applies an edit to the open report, as one undo step (keystrokes in the focused field
    /// continue the last step). Everything recomputes from the new value.
    pub fn edit(&self, f: impl FnOnce(&mut Report)) {
        let field = dom::focused_field();
        let report = self.report;
        self.history.update_value(|h| {
            h.record(field.as_deref(), || report.get_untracked());
        });
        self.change(f);
        self.history_changed();
    }

    /// Changes the open report without an undo step (e.g. the revision an export counts up);
    /// saved like any edit.
    pub fn change(&self, f: impl FnOnce(&mut Report)) {
        self.report.update(f);
        self.edits.update(|n| *n += 1);
    }

    /// Shows `report` as it is stored: nothing to save.
    fn adopt(&self, report: Report) {
        self.report.set(report);
    }

    fn history_changed(&self) {
        let (undo, redo) = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        self.can_undo.set(undo);
        self.can_redo.set(redo);
    }

    /// Forgets the undo history (another report was opened).
    fn reset_history(&self) {
        self.history.set_value(History::default());
        self.history_changed();
    }

    /// Undoes the last edit (Ctrl+Z).
    pub fn undo(&self) {
        self.step(History::undo);
    }

    /// Redoes an undone edit (Ctrl+Shift+Z).
    pub fn redo(&self) {
        self.step(History::redo);
    }

    fn step(&self, go: fn(&mut History<Report>, Report) -> Option<Report>) {
        // A field being edited shows the report again once it loses focus.
        dom::blur_focused();
        let current = self.report.get_untracked();
        // The copy's lineage and change history are not edits: undo never takes back a saved
        // file's revision or what its history recorded.
        let (lineage, recorded) = (current.lineage.clone(), current.history.clone());
        if let Some(Some(mut report)) = self.history.try_update_value(|h| go(h, current)) {
            report.lineage = lineage;
            report.history = recorded;
            self.change(|r| *r = report);
        }
        self.history_changed();
    }

    /// Writes the open report and the list now — unless another tab has saved the report since
    /// this tab read it: then nothing is written over it, and the newer version is taken in
    /// ([`Store::take_newer`]). While this tab is held, its version goes to its copy in
    /// "Tidigare versioner" instead.
    pub fn write_now(&self) {
        self.pending_since.set_value(None);
        if self.held.get_untracked().is_some() {
            return self.keep_held();
        }
        let id = self.current.get_untracked();
        if library::revision(&id) != self.revision.get_value() {
            self.take_newer();
            return;
        }
        let report = self.report.get_untracked();
        let text = json::to_json(&report);
        let title = self.title_of(&id);
        let next = self.revision.get_value() + 1;
        let result = library::write(&id, &text, next).and_then(|()| {
            self.update_index(|index| match index.iter_mut().find(|e| e.id == id) {
                Some(e) => e.updated = dom::now(),
                None => index.push(IndexEntry {
                    id: id.clone(),
                    title,
                    updated: dom::now(),
                }),
            })?;
            library::set_current(&id)
        });
        if library::revision(&id) == next {
            self.revision.set_value(next);
            self.stored.set_value(Some(report));
        }
        let was_failing = matches!(self.status.get_untracked(), SaveStatus::Failed(_));
        match result {
            Ok(()) => self.status.set(SaveStatus::Saved),
            Err(e) => {
                self.status.set(SaveStatus::Failed(e));
                if !was_failing {
                    self.retry_later();
                }
            }
        }
    }

    /// Another tab saved the open report: show its version. If this tab has edits of its own
    /// that are not stored yet, they are not thrown away: [`tabs::reconcile`] merges both
    /// sides from the version they started from; when both changed the same place, this tab
    /// holds ([`Hold::Conflict`]): its version stays on screen, is kept in "Tidigare versioner"
    /// and is not written over the other until the treasurer chooses. A version this tab cannot
    /// read is never written over either ([`Hold::Unreadable`]).
    pub fn take_newer(&self) {
        let id = self.current.get_untracked();
        let stored_rev = library::revision(&id);
        let theirs = match library::read(&id) {
            Some(Ok(r)) => r,
            None => {
                self.leave_hold();
                return self.gone_elsewhere();
            }
            Some(Err(why)) => return self.hold(Hold::Unreadable { why }),
        };
        let mine = self.report.get_untracked();
        let base = self.stored.get_value();
        self.revision.set_value(stored_rev);
        self.stored.set_value(Some(theirs.clone()));
        match self.held.get_untracked() {
            // Still held: the newer version is what "Behåll den här flikens version" replaces.
            Some(Hold::Conflict { .. }) => return,
            // Readable again: on as usual (this tab's edits are still unsaved).
            Some(Hold::Unreadable { .. }) => self.leave_hold(),
            None => {}
        }
        let unsaved = self.status.get_untracked() != SaveStatus::Saved;
        match tabs::reconcile(base.as_ref(), &mine, &theirs, unsaved) {
            Reconciled::TakeTheirs => {
                if mine != theirs {
                    self.adopt(theirs);
                }
                self.status.set(SaveStatus::Saved);
            }
            Reconciled::Merged(merged) => {
                // Both sides' edits: this tab saves the result.
                self.change(|r| *r = *merged);
                self.notify("Årsredovisningen ändrades också i en annan flik. Ändringarna därifrån har förts samman med dina.");
            }
            Reconciled::Conflict { conflicts } => self.hold(Hold::Conflict { places: conflicts }),
        }
    }

    /// Stops writing the open report (see [`Hold`]); unsaved edits go to a copy in "Tidigare
    /// versioner" at once.
    fn hold(&self, hold: Hold) {
        if self.held.get_untracked().is_none() {
            self.held_copy.set_value(None);
        }
        self.held.set(Some(hold));
        if self.status.get_untracked() != SaveStatus::Saved {
            self.keep_held();
        }
    }

    /// While held: this tab's version is kept in "Tidigare versioner", one copy per hold brought
    /// up to date, and the status says why it is not saved.
    fn keep_held(&self) {
        let Some(hold) = self.held.get_untracked() else {
            return;
        };
        let id = self.current.get_untracked();
        let snapshot = Snapshot {
            at: dom::now(),
            reason: hold.reason().to_string(),
            title: self.title_of(&id),
            text: self.report.with_untracked(json::to_json),
        };
        match room::replace_snapshot(&id, self.held_copy.get_value(), &snapshot) {
            Ok(()) => {
                self.held_copy.set_value(Some(snapshot.at));
                self.status.set(SaveStatus::Failed(hold.status()));
            }
            Err(e) => self.status.set(SaveStatus::Failed(format!(
                "{}; den här flikens version kunde inte heller sparas under \"Tidigare versioner\" ({e})",
                hold.status()
            ))),
        }
    }

    fn leave_hold(&self) {
        if self.held.get_untracked().is_some() {
            self.held.set(None);
        }
        self.held_copy.set_value(None);
    }

    /// "Behåll den här flikens version" while held by a conflict: the other tab's version is
    /// kept in "Tidigare versioner", and this tab's is saved over it.
    pub fn keep_mine(&self) {
        let id = self.current.get_untracked();
        self.keep_held();
        if let Some(text) = library::raw(&id) {
            if let Err(e) = self.snapshot_of(&id, "Den andra flikens version, ersatt av din", text)
            {
                return self.fail(format!("Den andra flikens version kunde inte sparas under \"Tidigare versioner\" ({e}), så den har inte ersatts."));
            }
        }
        self.revision.set_value(library::revision(&id));
        self.leave_hold();
        self.status.set(SaveStatus::Saving);
        self.write_now();
        if self.status.get_untracked() == SaveStatus::Saved {
            self.notify_about_report("Den här flikens version är sparad. Den andra flikens version finns under \"Tidigare versioner\" i \"Mina rapporter\".");
        }
    }

    /// "Visa den andra flikens version" while held by a conflict: the stored version is shown;
    /// this tab's stays in "Tidigare versioner" and under "Ångra".
    pub fn show_theirs(&self) {
        let id = self.current.get_untracked();
        self.keep_held();
        match library::read(&id) {
            Some(Ok(theirs)) => {
                let mine = self.report.get_untracked();
                self.history.update_value(|h| h.record_step(mine));
                self.history_changed();
                self.leave_hold();
                self.revision.set_value(library::revision(&id));
                self.stored.set_value(Some(theirs.clone()));
                self.adopt(theirs);
                self.status.set(SaveStatus::Saved);
                self.notify_about_report("Den andra flikens version visas nu. Din version finns under \"Tidigare versioner\" i \"Mina rapporter\", och \"Ångra\" tar tillbaka den.");
            }
            None => {
                self.leave_hold();
                self.gone_elsewhere();
            }
            Some(Err(why)) => self.hold(Hold::Unreadable { why }),
        }
    }

    /// While saving fails, tries again every few seconds, so saving resumes by itself once there
    /// is room again. Editing goes on in memory meanwhile.
    fn retry_later(&self) {
        let store = *self;
        set_timeout(
            move || {
                // A hidden tab does not write; it tries again once it is in front.
                if !dom::visible() {
                    return store.retry_later();
                }
                // A held tab waits for the treasurer (or the other tab), not for room.
                if store.held.with_untracked(Option::is_some) {
                    return;
                }
                if matches!(store.status.get_untracked(), SaveStatus::Failed(_)) {
                    store.write_now();
                    if matches!(store.status.get_untracked(), SaveStatus::Failed(_)) {
                        store.retry_later();
                    }
                }
            },
            Duration::from_secs(3),
        );
    }

    /// Changes the list of kept reports as stored now (another tab may have changed it), and
    /// writes it.
    fn update_index(&self, f: impl FnOnce(&mut Vec<IndexEntry>)) -> Result<(), String> {
        let known = self.index.get_untracked();
        let (index, written) = library::update_index(&known, f);
        self.index.set(index);
        written
    }

    /// Writes a pending edit at once (the page is being hidden or closed, or another report is
    /// opened); an edit whose save failed is tried once more.
    pub fn flush(&self) {
        if self.status.get_untracked() != SaveStatus::Saved {
            self.write_now();
        }
    }

    /// Opens a kept report.
    pub fn open(&self, id: &str) {
        self.flush();
        match library::read(id) {
            Some(Ok(r)) => {
                self.show(id, r);
                let _ = library::set_current(id);
                self.view.set(View::Organisation);
            }
            Some(Err(e)) => self.fail(format!("Årsredovisningen kunde inte öppnas: {e}")),
            None => self.fail("Årsredovisningen finns inte längre i webbläsaren."),
        }
    }

    /// Shows a report as it is stored under `id` (nothing to save).
    fn show(&self, id: &str, report: Report) {
        self.leave_hold();
        self.current.set(id.to_string());
        self.revision.set_value(library::revision(id));
        self.stored.set_value(Some(report.clone()));
        self.adopt(report);
        self.status.set(SaveStatus::Saved);
        self.reset_history();
    }

    /// Adds a report that starts a document of its own (a new report, a copy, next year's, an
    /// SIE import): a new random document id, so it is never taken for another's copy.
    pub fn add_new(&self, mut report: Report, title: Option<String>) -> bool {
        kassoren_engine::review::lineage::start(&mut report, dom::seed());
        self.add(report, title)
    }

    /// Adds a report to the list as it is (an opened file keeps its lineage) and opens it —
    /// once it is stored: a report that cannot be stored is not added (the treasurer is told;
    /// nothing else changes, and nothing kept is dropped for it when it would not fit anyway).
    /// Whether it was added.
    pub fn add(&self, report: Report, title: Option<String>) -> bool {
        self.flush();
        let id = format!("r{}", dom::now() as u64);
        let revision = library::revision(&id) + 1;
        if let Err(e) = library::write(&id, &json::to_json(&report), revision) {
            library::remove(&id);
            self.fail(format!(
                "Årsredovisningen lades inte till i listan: den kunde inte sparas i webbläsaren ({e}). Inget har tagits bort eller ändrats."
            ));
            return false;
        }
        let title = title.unwrap_or_else(|| default_title(&report));
        // The list as stored already finds the report just written (as one without a title).
        let entry = IndexEntry {
            id: id.clone(),
            title,
            updated: dom::now(),
        };
        let _ = self.update_index(|i| match i.iter_mut().find(|e| e.id == entry.id) {
            Some(e) => *e = entry,
            None => i.push(entry),
        });
        let _ = library::set_current(&id);
        self.leave_hold();
        self.current.set(id);
        self.revision.set_value(revision);
        self.stored.set_value(Some(report.clone()));
        self.adopt(report);
        self.status.set(SaveStatus::Saved);
        self.reset_history();
        self.view.set(View::Organisation);
        true
    }

    pub fn rename(&self, id: &str, title: &str) {
        let result = self.update_index(|i| {
            if let Some(e) = i.iter_mut().find(|e| e.id == id) {
                e.title = title.trim().to_string();
            }
        });
        if let Err(e) = result {
            self.fail(format!("Namnet kunde inte sparas: {e}"));
        }
    }

    pub fn duplicate(&self, id: &str) {
        self.flush();
        match library::read(id) {
            Some(Ok(r)) => {
                let title = self.index.with_untracked(|i| {
                    i.iter()
                        .find(|e| e.id == id)
                        .map(|e| format!("Kopia av {}", e.title))
                });
                self.add_new(r, title);
            }
            _ => self.fail("Årsredovisningen kunde inte kopieras."),
        }
    }

    /// Removes a kept report (the caller has asked for confirmation). A copy is kept first in
    /// "Tidigare versioner"; if even that cannot be stored, nothing is removed.
    pub fn delete(&self, id: &str) {
        self.flush();
        if let Some(text) = library::raw(id) {
            if let Err(e) = self.snapshot_of(id, "Före borttagning", text) {
                self.fail(format!(
                    "Årsredovisningen togs inte bort: ingen säkerhetskopia kunde sparas ({e}). Spara den som fil först."
                ));
                return;
            }
        }
        if self.current.get_untracked() == id {
            // A pending save of the report being deleted must not bring it back: the save timer
            // writes only while the status says so.
            self.status.set(SaveStatus::Saved);
        }
        library::remove(id);
        let _ = self.update_index(|i| i.retain(|e| e.id != id));
        if self.current.get_untracked() == id {
            self.open_another();
        }
    }

    /// After the open report has gone: the first one in the list, or the example.
    fn open_another(&self) {
        let next = self
            .index
            .with_untracked(|i| i.first().map(|e| e.id.clone()));
        match next {
            Some(next) => self.open(&next),
            None => {
                self.add(kassoren_engine::example::example_report(), None);
            }
        }
    }

    /// The title the list shows for a report.
    pub fn title_of(&self, id: &str) -> String {
        self.index
            .with_untracked(|i| i.iter().find(|e| e.id == id).map(|e| e.title.clone()))
            .unwrap_or_else(|| self.report.with_untracked(default_title))
    }

    /// Keeps a report's text in "Tidigare versioner", with the title the list shows.
    fn snapshot_of(&self, id: &str, reason: &str, text: String) -> Result<(), String> {
        let snapshot = Snapshot {
            at: dom::now(),
            reason: reason.to_string(),
            title: self.title_of(id),
            text,
        };
        room::keep_snapshot(id, &snapshot)
    }

    /// Keeps the open report in "Tidigare versioner" before a step that replaces its content.
    pub fn keep_snapshot(&self, reason: &str) -> Result<(), String> {
        let id = self.current.get_untracked();
        let text = self.report.with_untracked(json::to_json);
        self.snapshot_of(&id, reason, text)
    }

    /// The open report was removed in another tab. Unsaved edits here are kept as a snapshot.
    fn gone_elsewhere(&self) {
        let id = self.current.get_untracked();
        if self.status.get_untracked() != SaveStatus::Saved {
            let _ = self
                .keep_snapshot("Osparade ändringar när årsredovisningen togs bort i en annan flik");
        }
        self.status.set(SaveStatus::Saved);
        self.index.set(library::load_index());
        if self.index.with_untracked(|i| i.iter().any(|e| e.id == id)) {
            return;
        }
        self.open_another();
        self.fail("Årsredovisningen du hade öppen togs bort i en annan flik. Den finns under \"Tidigare versioner\" i \"Mina rapporter\".");
    }

    /// Takes in what another tab saved of the open report, if anything.
    fn catch_up(&self) {
        let id = self.current.get_untracked();
        let gone = library::raw(&id).is_none() && self.revision.get_value() > 0;
        if gone || library::revision(&id) != self.revision.get_value() {
            self.take_newer();
        }
    }
}

/// The persistence effect: every change marks the report unsaved and writes it shortly after the
/// last keystroke. Tracks only the change counter, so a report shown as stored is not written.
pub fn autosave(store: Store) {
    Effect::new(move |previous: Option<()>| {
        let edits = store.edits.get();
        if previous.is_none() {
            return;
        }
        if store.pending_since.get_value().is_none() {
            store.pending_since.set_value(Some(dom::now()));
        }
        // A held tab says at once why the edit is not saved (it goes to its copy instead).
        store.status.set(match store.held.get_untracked() {
            Some(hold) => SaveStatus::Failed(hold.status()),
            None => SaveStatus::Saving,
        });
        set_timeout(
            move || {
                let quiet = store.edits.get_untracked() == edits;
                let waited = store
                    .pending_since
                    .get_value()
                    .is_some_and(|t| dom::now() - t >= MAX_SAVE_DELAY_MS);
                // A status set back to "Sparat" meanwhile (the report deleted) cancels the write.
                if (quiet || waited) && store.status.get_untracked() != SaveStatus::Saved {
                    store.write_now();
                }
            },
            SAVE_DELAY,
        );
    });
    // Flush when the page is hidden (tab switch, close, reload) or unloaded; when it comes
    // back, catch up with what another tab may have saved meanwhile.
    let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if dom::visible() {
            store.catch_up();
        } else {
            store.flush();
        }
    });
    let unload = window_event_listener(leptos::ev::pagehide, move |_| store.flush());
    on_cleanup(move || {
        hidden.remove();
        unload.remove();
    });
}

/// Two tabs or windows on the same reports: what one saves, the other shows.
pub fn sync_tabs(store: Store) {
    tabs::listen(
        move || store.index.set(library::load_index()),
        move || store.catch_up(),
    );
}

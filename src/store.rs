//! The app's one state value and its persistence.
//!
//! [`Store`] holds the open report (one signal), what the engine computes from it (one memo),
//! the list of reports kept in the browser, and where the treasurer is. It is `Copy` and passed
//! by context. Persistence is one named effect, [`autosave`], that tracks only the report, and
//! [`Store::flush`], called when the page is hidden or closed.

use std::time::Duration;

use gloo_storage::{LocalStorage, Storage};
use kassoren_engine::model::Report;
use kassoren_engine::{compute, json, review, Computed};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

use crate::snapshots;

const INDEX_KEY: &str = "kassoren.index";
const CURRENT_KEY: &str = "kassoren.current";
const REPORT_PREFIX: &str = "kassoren.report.";
/// `kassoren.rev.<id>`: how many times the report has been written, by any tab.
const REV_PREFIX: &str = "kassoren.rev.";
/// Why a write failed when the browser's storage is full.
const QUOTA_FULL: &str = "webbläsarens lagringsutrymme är fullt";
/// How long after the last edit the report is written to local storage.
const SAVE_DELAY: Duration = Duration::from_millis(400);

/// One report kept in the browser.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry {
    pub id: String,
    pub title: String,
    /// Milliseconds since 1970, when last saved.
    pub updated: f64,
}

/// Whether the latest edit is stored.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    Saving,
    Failed(String),
}

/// Where in the report the treasurer is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    Organisation,
    Narrative,
    Management,
    Income,
    Balance,
    Notes,
    Signatures,
    Accounts,
    Checks,
    Review,
}

impl View {
    pub const ALL: [View; 10] = [
        View::Organisation,
        View::Narrative,
        View::Management,
        View::Income,
        View::Balance,
        View::Notes,
        View::Signatures,
        View::Accounts,
        View::Checks,
        View::Review,
    ];

    pub fn label(&self) -> &'static str {
        match self {
            View::Organisation => "Organisation och år",
            View::Narrative => "Berättelse",
            View::Management => "Förvaltningsberättelse",
            View::Income => "Resultaträkning",
            View::Balance => "Balansräkning",
            View::Notes => "Noter",
            View::Signatures => "Underskrifter",
            View::Accounts => "Konton från SIE",
            View::Checks => "Kontroller",
            View::Review => "Granskning",
        }
    }

    /// The anchor of this part in the preview.
    pub fn preview_anchor(&self) -> &'static str {
        match self {
            View::Organisation | View::Checks | View::Accounts | View::Review => "rapport-start",
            View::Narrative => "innehall",
            View::Management => "forvaltningsberattelse",
            View::Income => "resultatrakning",
            View::Balance => "balansrakning",
            View::Notes => "noter",
            View::Signatures => "underskrifter",
        }
    }
}

/// A message shown to the treasurer until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub error: bool,
    pub text: String,
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
    /// Bumped on every edit; the save timer writes only if no newer edit came.
    generation: RwSignal<u64>,
    /// The stored revision of the open report when this tab last read or wrote it. A write is
    /// refused when the stored revision has moved on (another tab saved in between).
    revision: StoredValue<u64>,
    /// The open report as this tab last read or wrote it: what both sides started from when
    /// another tab saved while this one had unsaved edits.
    stored: StoredValue<Option<Report>>,
    /// Set when the report is replaced by what another tab saved: that is not an edit to save.
    adopted: StoredValue<bool>,
    history: StoredValue<History>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
}

/// How many edits can be undone.
pub const UNDO_STEPS: usize = 250;

/// Undo and redo, within the session: the report before each edit. Keystrokes in one field
/// make one step; any other edit (a button, another field) starts a new one.
#[derive(Default)]
struct History {
    past: std::collections::VecDeque<Report>,
    future: Vec<Report>,
    /// The field the last edit came from, if it was a field.
    last_field: Option<String>,
}

/// The id of the focused field, if the focus is in a text field or text area.
fn focused_field() -> Option<String> {
    let el = document().active_element()?;
    let tag = el.tag_name();
    (tag == "INPUT" || tag == "TEXTAREA")
        .then(|| el.id())
        .filter(|id| !id.is_empty())
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn report_key(id: &str) -> String {
    format!("{REPORT_PREFIX}{id}")
}

fn rev_key(id: &str) -> String {
    format!("{REV_PREFIX}{id}")
}

/// The stored revision of a report (0 if it was never written with one).
fn read_rev(id: &str) -> u64 {
    read_raw(&rev_key(id))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

fn visible() -> bool {
    document().visibility_state() == web_sys::VisibilityState::Visible
}

/// A title for the list of reports: "Föreningen X 2025" (the engine's rule).
pub fn default_title(r: &Report) -> String {
    kassoren_engine::edit::default_title(r)
}

pub(crate) fn read_raw(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

pub(crate) fn write_raw(key: &str, value: &str) -> Result<(), String> {
    LocalStorage::raw().set_item(key, value).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let code = js_sys::Reflect::get(&e, &"code".into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or_default();
        // Chromium and Safari: QuotaExceededError (code 22); Firefox: NS_ERROR_DOM_QUOTA_REACHED
        // (code 1014).
        if name.contains("Quota") || name.contains("QUOTA") || code == 22.0 || code == 1014.0 {
            QUOTA_FULL.to_string()
        } else {
            "webbläsaren tillåter inte lagring".to_string()
        }
    })
}

/// Writes a list kept under `key` as JSON, or removes the key when the list is empty (making
/// room: a failed write leaves the longer list, which is still valid).
pub(crate) fn write_list<T: serde::Serialize>(key: &str, items: &[T]) {
    if items.is_empty() {
        LocalStorage::delete(key);
    } else {
        let _ = write_raw(key, &serde_json::to_string(items).unwrap_or_default());
    }
}

/// Writes a report's text; when storage is full, old snapshots ("Tidigare versioner") and then
/// kept exports make room first, oldest first.
fn write_report(key: &str, text: &str) -> Result<(), String> {
    loop {
        match write_raw(key, text) {
            Err(e) if e == QUOTA_FULL && make_room() => continue,
            result => return result,
        }
    }
}

/// Drops one old copy — a snapshot, else an export kept for merging — so a report fits.
fn make_room() -> bool {
    snapshots::make_room() || crate::components::review::drop_oldest_export()
}

/// Every key in local storage.
pub(crate) fn storage_keys() -> Vec<String> {
    let storage = LocalStorage::raw();
    let n = storage.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect()
}

/// The list of kept reports. If the list itself is missing or unreadable, it is made again from
/// the reports found in storage, so no report is ever lost from view.
fn load_index() -> Vec<IndexEntry> {
    let mut index: Vec<IndexEntry> = read_raw(INDEX_KEY)
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    for key in storage_keys() {
        let Some(id) = key.strip_prefix(REPORT_PREFIX) else {
            continue;
        };
        if index.iter().any(|e| e.id == id) {
            continue;
        }
        let title = match read_raw(&key).map(|t| json::from_json(&t)) {
            Some(Ok(r)) => default_title(&r),
            _ => format!("Oläslig årsredovisning ({id})"),
        };
        index.push(IndexEntry {
            id: id.to_string(),
            title,
            updated: 0.0,
        });
    }
    index
}

/// How many bytes the reports take in local storage (UTF-16, as browsers count).
pub fn storage_used() -> usize {
    storage_keys()
        .iter()
        .filter(|k| k.starts_with("kassoren."))
        .map(|k| 2 * (k.len() + read_raw(k).map_or(0, |v| v.encode_utf16().count())))
        .sum()
}

impl Store {
    /// Loads what the browser keeps; on a first visit, the example report.
    pub fn load() -> Store {
        let mut index = load_index();
        let mut notice = None;
        let wanted = read_raw(CURRENT_KEY);
        let mut opened: Option<(String, Report)> = None;
        let candidates: Vec<String> = wanted
            .iter()
            .cloned()
            .chain(index.iter().map(|e| e.id.clone()))
            .collect();
        for id in candidates {
            match read_raw(&report_key(&id)).map(|text| json::from_json(&text)) {
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
                    })
                }
                None => {}
            }
        }
        let first_visit = opened.is_none();
        let (id, report) = opened.unwrap_or_else(|| {
            let mut r = kassoren_engine::example::example_report();
            // This browser's copy of the example is a document of its own.
            kassoren_engine::review::lineage::start(&mut r, crate::components::review::seed());
            // Never write over something kept under the example's id (it may be unreadable).
            let id = if read_raw(&report_key("exempel")).is_some() {
                format!("exempel-{}", now() as u64)
            } else {
                "exempel".to_string()
            };
            if !index.iter().any(|e| e.id == id) {
                index.push(IndexEntry {
                    id: id.clone(),
                    title: "Exempel: ".to_string() + &default_title(&r),
                    updated: now(),
                });
            }
            (id, r)
        });
        let revision = read_rev(&id);
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
            generation: RwSignal::new(0),
            revision: StoredValue::new(revision),
            stored: StoredValue::new(stored),
            adopted: StoredValue::new(false),
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
                        if visible() {
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
        }));
    }

    pub fn fail(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            error: true,
            text: text.into(),
        }));
    }

    /// Applies an edit to the open report. Everything recomputes from the new value.
    pub fn edit(&self, f: impl FnOnce(&mut Report)) {
        let field = focused_field();
        let same_field = field.is_some()
            && self
                .history
                .with_value(|h| h.last_field == field && !h.past.is_empty());
        if !same_field {
            let before = self.report.get_untracked();
            self.history.update_value(|h| {
                h.past.push_back(before);
                if h.past.len() > UNDO_STEPS {
                    h.past.pop_front();
                }
            });
        }
        self.history.update_value(|h| {
            h.future.clear();
            h.last_field = field;
        });
        self.report.update(f);
        self.history_changed();
    }

    fn history_changed(&self) {
        let (undo, redo) = self
            .history
            .with_value(|h| (!h.past.is_empty(), !h.future.is_empty()));
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
        self.step(true);
    }

    /// Redoes an undone edit (Ctrl+Shift+Z).
    pub fn redo(&self) {
        self.step(false);
    }

    fn step(&self, back: bool) {
        // A field being edited shows the report again once it loses focus.
        if let Some(el) = document()
            .active_element()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            el.blur().ok();
        }
        let current = self.report.get_untracked();
        let target = self.history.try_update_value(|h| {
            h.last_field = None;
            if back {
                let target = h.past.pop_back()?;
                h.future.push(current);
                Some(target)
            } else {
                let target = h.future.pop()?;
                h.past.push_back(current);
                Some(target)
            }
        });
        if let Some(Some(report)) = target {
            self.report.set(report);
        }
        self.history_changed();
    }

    /// Writes the open report and the list now — unless another tab has saved the report since
    /// this tab read it: then nothing is written over it, and the newer version is taken in
    /// ([`Store::take_newer`]).
    pub fn write_now(&self) {
        let id = self.current.get_untracked();
        if read_rev(&id) != self.revision.get_value() {
            self.take_newer();
            return;
        }
        let report = self.report.get_untracked();
        let text = json::to_json(&report);
        let title = self.title_of(&id);
        let next = self.revision.get_value() + 1;
        // The text first, then the revision: another tab reacts to the revision, and by then
        // the text is there to read.
        let result = write_report(&report_key(&id), &text)
            .and_then(|()| write_raw(&rev_key(&id), &next.to_string()))
            .and_then(|()| {
                self.update_index(|index| match index.iter_mut().find(|e| e.id == id) {
                    Some(e) => e.updated = now(),
                    None => index.push(IndexEntry {
                        id: id.clone(),
                        title,
                        updated: now(),
                    }),
                })?;
                write_raw(CURRENT_KEY, &id)
            });
        if read_rev(&id) == next {
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
    /// that are not stored yet, they are not thrown away: the engine merges both sides from
    /// the version they started from; what cannot be merged stays as this tab's version under
    /// "Ångra" and in "Tidigare versioner", and the treasurer is told.
    pub fn take_newer(&self) {
        let id = self.current.get_untracked();
        let stored_rev = read_rev(&id);
        let theirs = match read_raw(&report_key(&id)).map(|t| json::from_json(&t)) {
            Some(Ok(r)) => r,
            None => return self.gone_elsewhere(),
            // Unreadable: leave it for "Mina årsredovisningar" to offer; keep this version.
            Some(Err(_)) => return,
        };
        let mine = self.report.get_untracked();
        let base = self.stored.get_value();
        self.revision.set_value(stored_rev);
        self.stored.set_value(Some(theirs.clone()));
        let unsaved = self.status.get_untracked() != SaveStatus::Saved;
        if mine == theirs || !unsaved || base.as_ref() == Some(&mine) {
            if mine != theirs {
                self.adopted.set_value(true);
                self.report.set(theirs);
            }
            self.status.set(SaveStatus::Saved);
            return;
        }
        self.merge_from_other_tab(&id, base, mine, theirs);
    }

    /// While saving fails, tries again every few seconds, so saving resumes by itself once there
    /// is room again. Editing goes on in memory meanwhile.
    fn retry_later(&self) {
        let store = *self;
        set_timeout(
            move || {
                // A hidden tab does not write; it tries again once it is in front.
                if !visible() {
                    return store.retry_later();
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

    /// The stored text of a report, readable or not.
    pub fn raw(&self, id: &str) -> Option<String> {
        read_raw(&report_key(id))
    }

    /// Whether a kept report can be opened.
    pub fn readable(&self, id: &str) -> bool {
        self.raw(id).is_some_and(|t| json::from_json(&t).is_ok())
    }

    /// Changes the list of kept reports as stored now (another tab may have changed it), and
    /// writes it.
    fn update_index(&self, f: impl FnOnce(&mut Vec<IndexEntry>)) -> Result<(), String> {
        let mut index = load_index();
        // A report the stored list lacks (made again from storage, `updated` 0) keeps the
        // title this tab gave it.
        self.index.with_untracked(|known| {
            for e in index.iter_mut().filter(|e| e.updated == 0.0) {
                if let Some(k) = known.iter().find(|k| k.id == e.id) {
                    e.title = k.title.clone();
                }
            }
        });
        f(&mut index);
        let text = serde_json::to_string(&index).unwrap_or_default();
        self.index.set(index);
        write_raw(INDEX_KEY, &text)
    }

    /// Writes a pending edit at once (the page is being hidden or closed).
    pub fn flush(&self) {
        if self.status.get_untracked() == SaveStatus::Saving {
            self.write_now();
        }
    }

    /// Opens a kept report.
    pub fn open(&self, id: &str) {
        self.flush();
        match read_raw(&report_key(id)).map(|t| json::from_json(&t)) {
            Some(Ok(r)) => {
                self.show(id, r);
                let _ = write_raw(CURRENT_KEY, id);
                self.view.set(View::Organisation);
            }
            Some(Err(e)) => self.fail(format!("Årsredovisningen kunde inte öppnas: {e}")),
            None => self.fail("Årsredovisningen finns inte längre i webbläsaren."),
        }
    }

    /// Shows a report as it is stored under `id` (nothing to save).
    fn show(&self, id: &str, report: Report) {
        self.current.set(id.to_string());
        self.revision.set_value(read_rev(id));
        self.stored.set_value(Some(report.clone()));
        self.adopted.set_value(true);
        self.report.set(report);
        self.status.set(SaveStatus::Saved);
        self.reset_history();
    }

    /// Adds a report that starts a document of its own (a new report, a copy, next year's, an
    /// SIE import): a new random document id, so it is never taken for another's copy.
    pub fn add_new(&self, mut report: Report, title: Option<String>) {
        kassoren_engine::review::lineage::start(&mut report, crate::components::review::seed());
        self.add(report, title);
    }

    /// Adds a report to the list as it is (an opened file keeps its lineage) and opens it.
    pub fn add(&self, report: Report, title: Option<String>) {
        self.flush();
        let id = format!("r{}", now() as u64);
        let title = title.unwrap_or_else(|| default_title(&report));
        let _ = self.update_index(|i| {
            i.push(IndexEntry {
                id: id.clone(),
                title,
                updated: now(),
            })
        });
        self.current.set(id.clone());
        self.revision.set_value(read_rev(&id));
        self.stored.set_value(None);
        self.adopted.set_value(true);
        self.report.set(report);
        self.reset_history();
        self.write_now();
        self.view.set(View::Organisation);
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
        match read_raw(&report_key(id)).map(|t| json::from_json(&t)) {
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
        if let Some(text) = read_raw(&report_key(id)) {
            let title = self.title_of(id);
            if let Err(e) = snapshots::keep(id, "Före borttagning", &title, &text) {
                self.fail(format!(
                    "Årsredovisningen togs inte bort: ingen säkerhetskopia kunde sparas ({e}). Spara den som fil först."
                ));
                return;
            }
        }
        if self.current.get_untracked() == id {
            // A pending save of the report being deleted must not bring it back.
            self.generation.update(|g| *g += 1);
            self.status.set(SaveStatus::Saved);
        }
        LocalStorage::delete(report_key(id));
        LocalStorage::delete(rev_key(id));
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
            None => self.add(kassoren_engine::example::example_report(), None),
        }
    }

    /// The title the list shows for a report.
    pub fn title_of(&self, id: &str) -> String {
        self.index
            .with_untracked(|i| i.iter().find(|e| e.id == id).map(|e| e.title.clone()))
            .unwrap_or_else(|| self.report.with_untracked(default_title))
    }

    /// Keeps the open report in "Tidigare versioner" before a step that replaces its content.
    pub fn keep_snapshot(&self, reason: &str) -> Result<(), String> {
        let id = self.current.get_untracked();
        let text = self.report.with_untracked(json::to_json);
        snapshots::keep(&id, reason, &self.title_of(&id), &text)
    }

    /// The open report was removed in another tab. Unsaved edits here are kept as a snapshot.
    fn gone_elsewhere(&self) {
        let id = self.current.get_untracked();
        if self.status.get_untracked() != SaveStatus::Saved {
            let _ = self
                .keep_snapshot("Osparade ändringar när årsredovisningen togs bort i en annan flik");
        }
        self.generation.update(|g| *g += 1);
        self.status.set(SaveStatus::Saved);
        self.index.set(load_index());
        if self.index.with_untracked(|i| i.iter().any(|e| e.id == id)) {
            return;
        }
        self.open_another();
        self.fail("Årsredovisningen du hade öppen togs bort i en annan flik. Den finns under \"Tidigare versioner\" i \"Mina årsredovisningar\".");
    }

    /// Both this tab and another changed the report: the engine merges the two from the
    /// version both started from. What cannot be merged is shown as the other tab has it, and
    /// this tab's version stays under "Ångra" and in "Tidigare versioner".
    fn merge_from_other_tab(&self, id: &str, base: Option<Report>, mine: Report, theirs: Report) {
        let merged = base.and_then(|base| review::merge(&base, &mine, &theirs).ok());
        match merged {
            Some(m) if m.conflicts.is_empty() => {
                // Both sides' edits: this tab saves the result.
                self.report.set(m.report);
                self.notify("Årsredovisningen ändrades också i en annan flik. Ändringarna därifrån har förts samman med dina.");
            }
            other => {
                let _ = snapshots::keep(
                    id,
                    "Din version när en annan flik sparade samtidigt",
                    &self.title_of(id),
                    &json::to_json(&mine),
                );
                self.history.update_value(|h| {
                    h.past.push_back(mine);
                    h.future.clear();
                    h.last_field = None;
                });
                self.history_changed();
                self.adopted.set_value(true);
                self.report.set(theirs);
                self.status.set(SaveStatus::Saved);
                let conflicts = other
                    .map(|m| {
                        m.conflicts
                            .iter()
                            .map(|c| c.describe())
                            .collect::<Vec<_>>()
                            .join("; ")
                    })
                    .unwrap_or_default();
                self.fail(format!(
                    "Årsredovisningen ändrades samtidigt i en annan flik{}. Den versionen visas nu. Din version finns kvar: \"Ångra\" tar tillbaka den, och den finns under \"Tidigare versioner\".",
                    if conflicts.is_empty() { String::new() } else { format!(" på samma ställe ({conflicts})") }
                ));
            }
        }
    }
}

/// The persistence effect: every edit marks the report unsaved and writes it shortly after the
/// last keystroke. Tracks only the report.
pub fn autosave(store: Store) {
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        store.report.track();
        if first.get_value() {
            first.set_value(false);
            return;
        }
        if store.adopted.get_value() {
            // Read from storage (another tab's save, or a report opened): nothing to write.
            store.adopted.set_value(false);
            return;
        }
        store.status.set(SaveStatus::Saving);
        let generation = store.generation.get_untracked() + 1;
        store.generation.set(generation);
        set_timeout(
            move || {
                if store.generation.get_untracked() == generation
                    && store.status.get_untracked() == SaveStatus::Saving
                {
                    store.write_now();
                }
            },
            SAVE_DELAY,
        );
    });
    // Flush when the page is hidden (tab switch, close, reload) or unloaded; when it comes
    // back, catch up with what another tab may have saved meanwhile.
    let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if visible() {
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

/// Two tabs or windows on the same reports: what one saves, the other shows. Tracks nothing;
/// listens to local storage's `storage` event, which the browser fires in every other tab.
pub fn sync_tabs(store: Store) {
    let listener = window_event_listener(leptos::ev::storage, move |ev| {
        let Some(key) = ev.key() else {
            return store.catch_up();
        };
        if key == INDEX_KEY {
            store.index.set(load_index());
        } else if key.starts_with(REV_PREFIX) || key.starts_with(REPORT_PREFIX) {
            store.catch_up();
        }
    });
    on_cleanup(move || listener.remove());
}

impl Store {
    /// Takes in what another tab saved of the open report, if anything.
    fn catch_up(&self) {
        let id = self.current.get_untracked();
        let gone = read_raw(&report_key(&id)).is_none() && self.revision.get_value() > 0;
        if gone || read_rev(&id) != self.revision.get_value() {
            self.take_newer();
        }
    }
}

//! The app's one state value and its persistence.
//!
//! [`Store`] holds the open report (one signal), what the engine computes from it (one memo),
//! the list of reports kept in the browser, and where the treasurer is. It is `Copy` and passed
//! by context. Persistence is one named effect, [`autosave`], that tracks only the report, and
//! [`Store::flush`], called when the page is hidden or closed.

use std::time::Duration;

use gloo_storage::{LocalStorage, Storage};
use kassoren_engine::model::Report;
use kassoren_engine::{compute, json, Computed};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

const INDEX_KEY: &str = "kassoren.index";
const CURRENT_KEY: &str = "kassoren.current";
const REPORT_PREFIX: &str = "kassoren.report.";
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
}

impl View {
    pub const ALL: [View; 9] = [
        View::Organisation,
        View::Narrative,
        View::Management,
        View::Income,
        View::Balance,
        View::Notes,
        View::Signatures,
        View::Accounts,
        View::Checks,
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
        }
    }

    /// The anchor of this part in the preview.
    pub fn preview_anchor(&self) -> &'static str {
        match self {
            View::Organisation | View::Checks | View::Accounts => "rapport-start",
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

/// A title for the list of reports: "Föreningen X 2025".
pub fn default_title(r: &Report) -> String {
    let name = r.organisation.name.trim();
    let name = if name.is_empty() {
        "Namnlös årsredovisning"
    } else {
        name
    };
    match r.years.first() {
        Some(y) => format!("{name} {}", y.label()),
        None => name.to_string(),
    }
}

fn read_raw(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

fn write_raw(key: &str, value: &str) -> Result<(), String> {
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
            "webbläsarens lagringsutrymme är fullt".to_string()
        } else {
            "webbläsaren tillåter inte lagring".to_string()
        }
    })
}

/// Every key in local storage.
fn storage_keys() -> Vec<String> {
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
            let r = kassoren_engine::example::example_report();
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
            history: StoredValue::new(History::default()),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
        };
        if first_visit {
            // Keep the example from the start, once the page is on screen.
            set_timeout(move || store.write_now(), Duration::ZERO);
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

    /// Writes the open report and the list now.
    pub fn write_now(&self) {
        let id = self.current.get_untracked();
        let text = self.report.with_untracked(json::to_json);
        let title = self.report.with_untracked(default_title);
        let result = write_raw(&report_key(&id), &text).and_then(|()| {
            self.index
                .update(|index| match index.iter_mut().find(|e| e.id == id) {
                    Some(e) => e.updated = now(),
                    None => index.push(IndexEntry {
                        id: id.clone(),
                        title,
                        updated: now(),
                    }),
                });
            self.write_index()?;
            write_raw(CURRENT_KEY, &id)
        });
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

    /// While saving fails, tries again every few seconds, so saving resumes by itself once there
    /// is room again. Editing goes on in memory meanwhile.
    fn retry_later(&self) {
        let store = *self;
        set_timeout(
            move || {
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

    fn write_index(&self) -> Result<(), String> {
        let text = self
            .index
            .with_untracked(|i| serde_json::to_string(i).unwrap_or_default());
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
                self.current.set(id.to_string());
                self.report.set(r);
                self.reset_history();
                self.write_now();
                self.view.set(View::Organisation);
            }
            Some(Err(e)) => self.fail(format!("Årsredovisningen kunde inte öppnas: {e}")),
            None => self.fail("Årsredovisningen finns inte längre i webbläsaren."),
        }
    }

    /// Adds a report to the list and opens it.
    pub fn add(&self, report: Report, title: Option<String>) {
        self.flush();
        let id = format!("r{}", now() as u64);
        let title = title.unwrap_or_else(|| default_title(&report));
        self.index.update(|i| {
            i.push(IndexEntry {
                id: id.clone(),
                title,
                updated: now(),
            })
        });
        self.current.set(id);
        self.report.set(report);
        self.reset_history();
        self.write_now();
        self.view.set(View::Organisation);
    }

    pub fn rename(&self, id: &str, title: &str) {
        self.index.update(|i| {
            if let Some(e) = i.iter_mut().find(|e| e.id == id) {
                e.title = title.trim().to_string();
            }
        });
        if let Err(e) = self.write_index() {
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
                self.add(r, title);
            }
            _ => self.fail("Årsredovisningen kunde inte kopieras."),
        }
    }

    /// Removes a kept report (the caller has asked for confirmation).
    pub fn delete(&self, id: &str) {
        if self.current.get_untracked() == id {
            // A pending save of the report being deleted must not bring it back.
            self.generation.update(|g| *g += 1);
            self.status.set(SaveStatus::Saved);
        }
        LocalStorage::delete(report_key(id));
        self.index.update(|i| i.retain(|e| e.id != id));
        let _ = self.write_index();
        if self.current.get_untracked() == id {
            let next = self
                .index
                .with_untracked(|i| i.first().map(|e| e.id.clone()));
            match next {
                Some(next) => self.open(&next),
                None => self.add(kassoren_engine::example::example_report(), None),
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
        store.status.set(SaveStatus::Saving);
        let generation = store.generation.get_untracked() + 1;
        store.generation.set(generation);
        set_timeout(
            move || {
                if store.generation.get_untracked() == generation {
                    store.write_now();
                }
            },
            SAVE_DELAY,
        );
    });
    // Flush when the page is hidden (tab switch, close, reload) or unloaded.
    let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            store.flush();
        }
    });
    let unload = window_event_listener(leptos::ev::pagehide, move |_| store.flush());
    on_cleanup(move || {
        hidden.remove();
        unload.remove();
    });
}

//! The browser's local storage, the only place Kassören keeps anything: every key it uses, raw
//! reads and writes, how a full quota is recognised, the layout's version with its migrations,
//! and how much is used.
//!
//! Nothing here knows what the values mean; the modules above it (the kept reports, snapshots,
//! exports, the policy that makes room) do.

use gloo_storage::{LocalStorage, Storage};

/// The keys, in one place. A key ending in `.` is a prefix followed by an id.
pub mod keys {
    /// The layout version of everything below (see [`super::migrate`]).
    pub const LAYOUT: &str = "kassoren.layout";
    /// The list of kept reports (`library::IndexEntry`s as JSON).
    pub const INDEX: &str = "kassoren.index";
    /// The id of the report that was open last.
    pub const CURRENT: &str = "kassoren.current";
    /// `kassoren.report.<id>`: a report as a Kassören JSON file.
    pub const REPORT: &str = "kassoren.report.";
    /// `kassoren.rev.<id>`: how many times the report has been written, by any tab.
    pub const REVISION: &str = "kassoren.rev.";
    /// `kassoren.snapshots.<id>`: "Tidigare versioner" of a report.
    pub const SNAPSHOTS: &str = "kassoren.snapshots.";
    /// `kassoren.exports.<document>`: exported revisions kept as bases for merging.
    pub const EXPORTS: &str = "kassoren.exports.";
    /// The name this browser's user signs comments, reviews and files with.
    pub const ME: &str = "kassoren.me";
    /// What every key of Kassören starts with.
    pub const ALL: &str = "kassoren.";
}

/// The layout this build reads and writes. 1: the layout of file format 3 with the version key
/// itself (version 0 is the same layout without it).
pub const LAYOUT_VERSION: u32 = 1;

/// How much local storage holds for one site, in UTF-16 code units of keys and values: 5 MiB in
/// Chromium (measured: a 5 242 879-unit value under a one-letter key is the most it takes),
/// Firefox and Safari.
pub const CAPACITY: usize = 5 * 1024 * 1024;

/// Where [`fits`] tries the room.
const PROBE: &str = "kassoren.probe";

/// Why a write failed when the browser's storage is full.
pub const QUOTA_FULL: &str = "webbläsarens lagringsutrymme är fullt";

/// `prefix` followed by `id`: `key(keys::REPORT, "r1")` is `kassoren.report.r1`.
pub fn key(prefix: &str, id: &str) -> String {
    format!("{prefix}{id}")
}

/// The stored text under `key`, if any.
pub fn read(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Writes `value` under `key`. A full quota is the error [`QUOTA_FULL`]; any other refusal says
/// the browser does not allow storage.
pub fn write(key: &str, value: &str) -> Result<(), String> {
    LocalStorage::raw()
        .set_item(key, value)
        .map_err(|e| refusal(&e))
}

/// Removes `key` (nothing happens when it is not there).
pub fn remove(key: &str) {
    LocalStorage::delete(key);
}

/// The Swedish reason for a refused write: the quota, or storage not allowed at all.
fn refusal(e: &wasm_bindgen::JsValue) -> String {
    let name = js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let code = js_sys::Reflect::get(e, &"code".into())
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
}

/// Every key in local storage.
pub fn all_keys() -> Vec<String> {
    let storage = LocalStorage::raw();
    let n = storage.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect()
}

/// The ids of every key that starts with `prefix`.
pub fn ids(prefix: &str) -> Vec<String> {
    all_keys()
        .into_iter()
        .filter_map(|k| k.strip_prefix(prefix).map(str::to_string))
        .collect()
}

/// A list kept under `key` as JSON; missing or unreadable lists read as empty.
pub fn read_list<T: serde::de::DeserializeOwned>(key: &str) -> Vec<T> {
    read(key)
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// A list as it is written under a key: JSON, or `None` for an empty list (the key goes).
pub fn list_text<T: serde::Serialize>(items: &[T]) -> Option<String> {
    (!items.is_empty()).then(|| serde_json::to_string(items).unwrap_or_default())
}

/// Writes a list under `key` as JSON, or removes the key when the list is empty. Used when
/// making room: a failed write leaves the longer list, which is still valid.
pub fn write_list<T: serde::Serialize>(key: &str, items: &[T]) {
    match list_text(items) {
        None => remove(key),
        Some(text) => {
            let _ = write(key, &text);
        }
    }
}

/// How much `value` under `key` takes of [`CAPACITY`] (UTF-16 code units, as browsers count).
pub fn units(key: &str, value: &str) -> usize {
    key.encode_utf16().count() + value.encode_utf16().count()
}

/// How much the keys starting with `prefix` take of [`CAPACITY`], values included.
pub fn units_under(prefix: &str) -> usize {
    all_keys()
        .iter()
        .filter(|k| k.starts_with(prefix))
        .map(|k| units(k, &read(k).unwrap_or_default()))
        .sum()
}

/// Whether `n` more units would fit in storage now: a probe written and removed at once.
pub fn fits(n: usize) -> bool {
    let len = n.saturating_sub(units(PROBE, ""));
    let fits = write(PROBE, &"x".repeat(len)).is_ok();
    remove(PROBE);
    fits
}

/// How many bytes Kassören's keys take in local storage (UTF-16, as browsers count).
pub fn used() -> usize {
    all_keys()
        .iter()
        .filter(|k| k.starts_with(keys::ALL))
        .map(|k| 2 * (k.len() + read(k).map_or(0, |v| v.encode_utf16().count())))
        .sum()
}

/// What the stored layout is, as found when the app starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Layout {
    /// The layout this build knows (after migrating an older one).
    Current,
    /// Written by a newer version of Kassören: left as it is. The reports still open when their
    /// file format is one this build reads.
    Newer(u32),
}

/// Brings the stored layout up to [`LAYOUT_VERSION`], one step at a time, and records the
/// version. An empty storage (a first visit) is left empty: the version is recorded with the
/// first report written ([`record_layout`]).
pub fn migrate() -> Layout {
    let stored = stored_layout();
    if stored > LAYOUT_VERSION {
        return Layout::Newer(stored);
    }
    // 0 → 1: the same keys; only the version key is new.
    if stored < LAYOUT_VERSION && all_keys().iter().any(|k| k.starts_with(keys::ALL)) {
        record_layout();
    }
    Layout::Current
}

/// The stored layout version (0: none recorded).
fn stored_layout() -> u32 {
    read(keys::LAYOUT)
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0)
}

/// Records this build's layout version where an older one (or none) is recorded; a newer one is
/// never written over.
pub fn record_layout() {
    if stored_layout() < LAYOUT_VERSION {
        let _ = write(keys::LAYOUT, &LAYOUT_VERSION.to_string());
    }
}

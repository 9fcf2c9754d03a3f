//! Kassören in the browser: a thin Leptos layer over the report engine (`kassoren-engine`).
//!
//! The modules, from the bottom up (no module uses one above it; `tools/check-modules.mjs`
//! checks it):
//! - the browser: [`dom`] (focus, clock, random bits), [`storage`] (local storage: keys, raw
//!   reads and writes, the quota, the layout version), [`files`] (downloads, reading files);
//! - plain logic: [`history`] (undo), [`parts`] (the editor's parts), [`ids`] (DOM ids);
//! - what is kept: [`snapshots`], [`exports`], [`room`] (the one policy that makes room),
//!   [`library`] (the kept reports), [`profile`] (the user's name), [`tabs`] (two tabs);
//! - the merge module, loaded on demand: [`merge_module`];
//! - the state: [`store`]; then [`pwa`], [`components`] and the shell, [`app`].

pub mod app;
pub mod components;
pub mod dom;
pub mod exports;
pub mod files;
pub mod history;
pub mod ids;
pub mod library;
pub mod merge_module;
pub mod parts;
pub mod profile;
pub mod pwa;
pub mod room;
pub mod snapshots;
pub mod storage;
pub mod store;
pub mod tabs;

/// Starts the app: mounts it on the page's body.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}

//! Kassören in the browser: a thin Leptos layer over the report engine.

mod app;
mod components;
mod files;
mod pwa;
mod snapshots;
mod store;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}

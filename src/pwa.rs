//! Working offline: the update prompt for a new deployment, and persistent storage.
//!
//! The service worker itself is plain JavaScript (`web/sw.js`, registered by `web/pwa.js`,
//! which sets `window.kassorenUpdateWaiting` and fires `kassoren-update` when a new version has
//! been installed). Here the app shows that to the treasurer and reloads only when asked, after
//! the report has been written.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::store::{SaveStatus, Store};

/// Whether the browser has promised to keep the reports (`navigator.storage.persist()`):
/// `None` until asked, or where the browser cannot say.
#[derive(Clone, Copy)]
pub struct Persistence(pub RwSignal<Option<bool>>);

fn global(name: &str) -> JsValue {
    js_sys::Reflect::get(&window(), &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// "En ny version finns — ladda om": shown while a new version waits; the reload happens only
/// when the treasurer clicks, after the open report has been written.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let store = expect_context::<Store>();
    let waiting = RwSignal::new(global("kassorenUpdateWaiting").is_truthy());
    let listener = window_event_listener_untyped("kassoren-update", move |_| waiting.set(true));
    on_cleanup(move || listener.remove());
    let reload = move |_| {
        store.write_now();
        if matches!(store.status.get_untracked(), SaveStatus::Failed(_)) {
            store.fail(
                "Den nya versionen laddas inte förrän ändringarna är sparade: ladda ner årsredovisningen som fil först.",
            );
            return;
        }
        let apply = global("kassorenApplyUpdate");
        if let Some(apply) = apply.dyn_ref::<js_sys::Function>() {
            let _ = apply.call0(&JsValue::NULL);
        }
    };
    view! {
        <Show when=move || waiting.get()>
            <div class="notice update" role="status" data-testid="update-banner">
                <span>"En ny version av Kassören finns. Det du har skrivit sparas först."</span>
                <button type="button" class="primary" on:click=reload>"Ladda om"</button>
                <button type="button" on:click=move |_| waiting.set(false)>"Senare"</button>
            </div>
        </Show>
    }
}

/// Asks the browser to keep the stored reports (not to clear them when space runs low) once the
/// treasurer has real data: a report of their own has been saved. Asks once per session.
pub fn persist_storage(store: Store) -> Persistence {
    let state = Persistence(RwSignal::new(None));
    let asked = StoredValue::new(false);
    Effect::new(move |_| {
        let own_data_saved =
            store.status.get() == SaveStatus::Saved && !store.report.with(|r| r.settings.example);
        if !own_data_saved || asked.get_value() {
            return;
        }
        asked.set_value(true);
        leptos::task::spawn_local(async move {
            state.0.set(request_persistence().await);
        });
    });
    state
}

async fn request_persistence() -> Option<bool> {
    let storage = window().navigator().storage();
    let already = JsFuture::from(storage.persisted().ok()?).await.ok()?;
    if already.is_truthy() {
        return Some(true);
    }
    let granted = JsFuture::from(storage.persist().ok()?).await.ok()?;
    Some(granted.is_truthy())
}

/// One line for the reports list: whether the browser keeps the reports for good.
pub fn persistence_text(state: Option<bool>) -> &'static str {
    match state {
        Some(true) => "Webbläsaren har lovat att spara årsredovisningarna varaktigt.",
        Some(false) => "Webbläsaren har inte lovat att spara varaktigt: den kan rensa lagringen om utrymmet tar slut. Spara som fil då och då.",
        None => "Kassören ber webbläsaren om varaktig lagring när du har sparat en egen rapport.",
    }
}

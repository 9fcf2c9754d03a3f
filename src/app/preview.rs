//! The live preview: the engine's own printable HTML of the open report, so what is seen is
//! what prints. It follows the part being edited, scales to the pane's width on a narrow
//! screen (the page keeps its printed proportions, smaller), and a link in it never replaces
//! the app: a link out of the document opens in a new tab without access to this one, a link
//! to a heading scrolls the preview.

use kassoren_engine::render;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::store::Store;

/// The narrowest the report is laid out in the preview; a narrower pane shows it scaled down.
const NARROWEST: f64 = 560.0;

#[component]
pub fn Preview() -> impl IntoView {
    let store = expect_context::<Store>();
    let html = live_preview(store);
    let pane = NodeRef::<leptos::html::Aside>::new();
    let zoom = fit_to_width(pane);
    // Keep the preview at the part being edited, also when the pane's width changes the page's
    // scale (not on the first render: nothing moved yet).
    Effect::new(move |previous: Option<()>| {
        zoom.track();
        let anchor = store
            .view
            .get()
            .preview_anchor(store.report.with_untracked(|r| r.document));
        if previous.is_none() {
            return;
        }
        request_animation_frame(move || scroll_to(anchor));
    });
    let click = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let Some(link) = target.closest("a[href]").ok().flatten() else {
            return;
        };
        ev.prevent_default();
        let href = link.get_attribute("href").unwrap_or_default();
        if let Some(fragment) = href.strip_prefix('#') {
            scroll_to(fragment);
        } else {
            let _ = window().open_with_url_and_target_and_features(
                &href,
                "_blank",
                "noopener,noreferrer",
            );
        }
    };
    view! {
        <aside class="preview" aria-label="Förhandsvisning av utskriften" node_ref=pane>
            <div id="rapport-start"></div>
            <div class="preview-body" on:click=click
                style:zoom=move || zoom.get().map(|(z, _)| z.to_string())
                style=("--report-width", move || zoom.get().map(|(_, w)| format!("{w}px")))
                class:zoomed=move || zoom.get().is_some()
                inner_html=move || html.get()></div>
        </aside>
    }
}

/// Scrolls the preview (only the preview: never the page) to an element of the report.
fn scroll_to(id: &str) {
    let Some(el) = document().get_element_by_id(id) else {
        return;
    };
    let Some(pane) = el.closest(".preview").ok().flatten() else {
        return;
    };
    let top = el.get_bounding_client_rect().top() - pane.get_bounding_client_rect().top();
    pane.set_scroll_top(pane.scroll_top() + top as i32);
}

/// The preview's scale on a pane narrower than [`NARROWEST`]: the zoom and the width the
/// report is laid out at; `None` when it fits unscaled. Follows the pane's size
/// (ResizeObserver).
fn fit_to_width(pane: NodeRef<leptos::html::Aside>) -> ReadSignal<Option<(f64, f64)>> {
    let (zoom, set_zoom) = signal(None::<(f64, f64)>);
    let measure = move |el: &web_sys::Element| {
        // The pane's width inside its padding.
        let style = window().get_computed_style(el).ok().flatten();
        let padding = |side: &str| {
            style
                .as_ref()
                .and_then(|s| s.get_property_value(side).ok())
                .and_then(|v| v.trim_end_matches("px").parse::<f64>().ok())
                .unwrap_or(0.0)
        };
        let inner =
            f64::from(el.client_width()) - padding("padding-left") - padding("padding-right");
        let next = (inner > 0.0 && inner < NARROWEST).then(|| {
            let z = (inner / NARROWEST * 1000.0).floor() / 1000.0;
            (z, NARROWEST)
        });
        if zoom.get_untracked() != next {
            set_zoom.set(next);
        }
    };
    let observer = StoredValue::new(None::<SendWrapper<web_sys::ResizeObserver>>);
    Effect::new(move |_| {
        let Some(el) = pane.get() else { return };
        let el: web_sys::Element = el.into();
        measure(&el);
        let target = el.clone();
        let callback = Closure::<dyn FnMut()>::new(move || measure(&target));
        if let Ok(o) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            o.observe(&el);
            observer.set_value(Some(SendWrapper::new(o)));
        }
        // The preview lives as long as the app.
        callback.forget();
    });
    on_cleanup(move || {
        if let Some(Some(o)) = observer.try_get_value() {
            o.disconnect();
        }
    });
    zoom
}

/// The preview's HTML, rendered by the engine. The first render runs in the first animation
/// frame, apart from mounting the editor (two shorter tasks, not one long one) but before the
/// first paint, so the page appears whole; after an edit the preview is rendered in the next
/// animation frame — still before the frame is painted — so the edited cell and its totals
/// update first and a burst of keystrokes renders once.
fn live_preview(store: Store) -> ReadSignal<String> {
    let render_now = move || {
        store
            .report
            .with(|r| store.computed.with(|c| render::preview_body(r, c)))
    };
    let (html, set_html) = signal(String::new());
    let scheduled = StoredValue::new(true);
    request_animation_frame(move || {
        scheduled.set_value(false);
        set_html.set(render_now());
    });
    Effect::new(move |previous: Option<()>| {
        store.report.track();
        if previous.is_none() || scheduled.get_value() {
            return;
        }
        scheduled.set_value(true);
        request_animation_frame(move || {
            scheduled.set_value(false);
            set_html.set(render_now());
        });
    });
    html
}

//! The live preview: the engine's own printable HTML of the open report, so what is seen is
//! what prints. It follows the part being edited.

use kassoren_engine::render;
use leptos::prelude::*;

use crate::store::Store;

#[component]
pub fn Preview() -> impl IntoView {
    let store = expect_context::<Store>();
    let html = live_preview(store);
    // Keep the preview at the part being edited (not on the first render: nothing moved yet).
    Effect::new(move |previous: Option<()>| {
        let anchor = store.view.get().preview_anchor();
        if previous.is_none() {
            return;
        }
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(anchor) {
                el.scroll_into_view();
            }
        });
    });
    view! {
        <aside class="preview" aria-label="Förhandsvisning av utskriften">
            <div id="rapport-start"></div>
            <div class="preview-body" inner_html=move || html.get()></div>
        </aside>
    }
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

//! The browser around the app, in one place: focus, the focused field, visibility, the clock,
//! random bits, downloads and reading a chosen file. Everything else asks these helpers, so the logic above them can be tested with
//! explicit values.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Focuses an element once the view has caught up (the next animation frame), and brings it into
/// view inside its pane (the page itself never scrolls: see `style/app.css`).
/// An element that cannot take the focus (a heading) passes it to the first field after it.
pub fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            let field = "input, select, textarea, button";
            let el = if el
                .matches("input, select, textarea, button, [tabindex]")
                .unwrap_or(false)
            {
                el
            } else {
                el.query_selector(field)
                    .ok()
                    .flatten()
                    .or_else(|| {
                        let next = el.next_element_sibling()?;
                        if next.matches(field).unwrap_or(false) {
                            Some(next)
                        } else {
                            next.query_selector(field).ok().flatten()
                        }
                    })
                    .unwrap_or(el)
            };
            focus_in_view(el);
        }
    });
}

/// Focuses, once the view has caught up, the first element matching the first of `selectors`
/// that matches any.
pub fn focus_selector_later(selectors: &'static [&'static str]) {
    request_animation_frame(move || {
        if let Some(el) = selectors
            .iter()
            .find_map(|s| document().query_selector(s).ok().flatten())
        {
            focus_in_view(el);
        }
    });
}

/// Focuses an element and scrolls its pane (only as far as needed) to show it.
fn focus_in_view(el: web_sys::Element) {
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let focus = web_sys::FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = el.focus_with_options(&focus);
        // The middle of the pane: clear of a table's sticky heading.
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Takes the focus out of the field being edited, so it shows the report's value again.
pub fn blur_focused() {
    if let Some(el) = document()
        .active_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.blur().ok();
    }
}

/// The id of the focused field, if the focus is in a text field or text area: the key that
/// groups keystrokes into one undo step (see [`crate::history`]).
pub fn focused_field() -> Option<String> {
    let el = document().active_element()?;
    let tag = el.tag_name();
    (tag == "INPUT" || tag == "TEXTAREA")
        .then(|| el.id())
        .filter(|id| !id.is_empty())
}

/// Whether the page is in front (a hidden tab does not write).
pub fn visible() -> bool {
    document().visibility_state() == web_sys::VisibilityState::Visible
}

/// Milliseconds since 1970, from the browser's clock.
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// Now as an ISO 8601 date-time (UTC), for comments and reviews.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// "2026-11-27 17:05" from an ISO date-time, in the browser's time zone; the text itself if it
/// is not a date-time.
pub fn local_time(iso: &str) -> String {
    let date = js_sys::Date::new(&iso.into());
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    short_time(&date)
}

/// "2026-11-27 17:05" from milliseconds since 1970, in the browser's time zone.
pub fn local_time_ms(ms: f64) -> String {
    short_time(&js_sys::Date::new(&ms.into()))
}

fn short_time(date: &js_sys::Date) -> String {
    let two = |n: u32| format!("{n:02}");
    format!(
        "{}-{}-{} {}:{}",
        date.get_full_year(),
        two(date.get_month() + 1),
        two(date.get_date()),
        two(date.get_hours()),
        two(date.get_minutes())
    )
}

/// Random bits for new ids (document ids, comments, reviews).
pub fn seed() -> u64 {
    let random = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
    random ^ ((js_sys::Date::now() as u64) << 11)
}

/// The element an event came from, as the type it is.
pub fn event_target<T: JsCast>(ev: &leptos::ev::Event) -> T {
    ev.target().expect("an event has a target").unchecked_into()
}

/// Offers `content` as a download named `name`.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = document();
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.set_attribute("hidden", "")?;
    document.body().ok_or("no body")?.append_child(&a)?;
    a.click();
    a.remove();
    // Let the download start before the URL is released.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// The bytes of a file the treasurer chose or dropped.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, JsValue> {
    let buffer = JsFuture::from(file.array_buffer()).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

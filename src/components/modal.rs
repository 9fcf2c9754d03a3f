//! A modal dialog's focus: the dialog takes the focus when it opens (its first field, or its
//! first button), keeps it while open (Tab and Shift+Tab go round inside it), closes on Escape
//! when it can, and gives the focus back to where it was when it closes.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

/// What can take the focus inside a dialog.
const FOCUSABLE: &str =
    "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), \
    select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";
/// What takes the focus first: a marked element, else the first field.
const FIRST: &str = "[autofocus], [data-autofocus], input:not([disabled]):not([type=hidden]), \
    select:not([disabled]), textarea:not([disabled])";

/// The elements in `root` that Tab reaches, in document order (hidden ones left out).
fn focusables(root: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|e| e.get_client_rects().length() > 0)
        .collect()
}

/// Moves the focus into the dialog: its first field, else its first focusable element.
fn focus_first(root: &web_sys::Element) {
    let first = root
        .query_selector(FIRST)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|e| e.get_client_rects().length() > 0)
        .or_else(|| focusables(root).into_iter().next());
    if let Some(el) = first {
        let _ = el.focus();
    }
}

/// The backdrop and the focus handling around a dialog (`children` holds the element with
/// `role="dialog"`). `on_close`: what Escape does (nothing if `None`).
#[component]
pub fn Modal(
    #[prop(optional, into)] on_close: Option<Callback<()>>,
    children: Children,
) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    // Where the focus was: it goes back there when the dialog closes.
    let previous = SendWrapper::new(
        document()
            .active_element()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
    );
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            let el: web_sys::Element = el.into();
            request_animation_frame(move || focus_first(&el));
        }
    });
    on_cleanup(move || {
        if let Some(el) = previous.take() {
            // The next frame: the dialog is gone, and a button that opened it may come back.
            let el = SendWrapper::new(el);
            request_animation_frame(move || {
                let el = el.take();
                if el.is_connected() {
                    let _ = el.focus();
                }
            });
        }
    });
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        let Some(Some(root)) = root.try_get_untracked() else {
            return;
        };
        let root: web_sys::Element = root.into();
        match ev.key().as_str() {
            "Escape" => {
                if let Some(close) = on_close {
                    ev.prevent_default();
                    close.run(());
                }
            }
            "Tab" => {
                let items = focusables(&root);
                let (Some(first), Some(last)) = (items.first(), items.last()) else {
                    ev.prevent_default();
                    return;
                };
                let active = document().active_element();
                let at = |e: &web_sys::HtmlElement| {
                    active.as_ref() == Some(e.unchecked_ref::<web_sys::Element>())
                };
                let inside = active.as_ref().is_some_and(|a| root.contains(Some(a)));
                if ev.shift_key() && (at(first) || !inside) {
                    ev.prevent_default();
                    let _ = last.focus();
                } else if !ev.shift_key() && (at(last) || !inside) {
                    ev.prevent_default();
                    let _ = first.focus();
                }
            }
            _ => {}
        }
    };
    // Focus that leaves the dialog (a click on the backdrop) comes back to it.
    // Also fired while the dialog is being removed, after its signals are gone: then nothing.
    let focusout = move |ev: leptos::ev::FocusEvent| {
        let Some(Some(root)) = root.try_get_untracked() else {
            return;
        };
        let root: web_sys::Element = root.into();
        let next = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        if let Some(next) = next {
            if !root.contains(Some(&next)) {
                focus_first(&root);
            }
        }
    };
    view! {
        <div class="backdrop" node_ref=root on:keydown=keydown on:focusout=focusout>
            {children()}
        </div>
    }
}

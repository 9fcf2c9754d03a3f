//! Innehåll: the table of contents, linked to the numbered parts.

use maud::{html, Markup};

use super::outline::Entry;
use super::Ctx;

pub(super) fn contents(ctx: &Ctx) -> Markup {
    let link = |e: &Entry| {
        html! {
            a href={ "#" (e.anchor) } { span.number { (e.number) } (e.title) }
        }
    };
    html! {
        nav.part.toc #innehall {
            h2 { "Innehåll" }
            ol {
                @for (entry, subs) in ctx.outline.toc() {
                    li {
                        (link(entry))
                        @if !subs.is_empty() {
                            ol {
                                @for sub in subs { li { (link(sub)) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

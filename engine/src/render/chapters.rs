//! The narrative chapters before the förvaltningsberättelse, and how a narrative section
//! prints (numbered heading and Markdown body).

use maud::{html, Markup};

use super::outline::{heading, Entry};
use super::Ctx;

/// A narrative section: numbered heading and Markdown body.
pub(super) fn narrative_section(ctx: &Ctx, entry: &Entry, class: &str) -> Markup {
    let Some(section) = entry.section else {
        return html! {};
    };
    html! {
        section class=(format!("{class} level-{}", entry.depth.min(3))) id=(entry.anchor) {
            (heading(entry))
            div.md { (ctx.markdown(&section.body, entry.depth.clamp(1, 3) + 1)) }
        }
    }
}

pub(super) fn chapters(ctx: &Ctx) -> Markup {
    if ctx.outline.chapters.is_empty() {
        return html! {};
    }
    html! {
        div.part.chapters {
            @for entry in &ctx.outline.chapters {
                (narrative_section(ctx, entry, "chapter"))
            }
        }
    }
}

//! Markdown in narrative text, notes and comments, rendered safely.
//!
//! The text is CommonMark (with tables and strikethrough). What the treasurer writes may come
//! from anywhere (pasted, imported from a file someone sent), so the output is sanitised:
//!
//! - raw HTML, inline or as a block, is shown as text, never passed through;
//! - a link keeps its destination only for `http:`, `https:`, `mailto:` and relative or
//!   `#fragment` destinations; any other scheme (`javascript:`, `data:`, …) makes it plain text;
//! - an image is never loaded (the document is self-contained): its alt text is shown instead,
//!   in a `<span class="image-alt">`;
//! - headings are demoted so they sit below the section title: `#` becomes `<h3>`, `##` `<h4>`,
//!   and so on, at most `<h6>`.

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The link schemes a rendered link may keep.
const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Renders Markdown as sanitised HTML (see the module documentation).
pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut sanitiser = Sanitiser::default();
    let events = Parser::new_ext(markdown, options).filter_map(|e| sanitiser.event(e));
    let mut out = String::with_capacity(markdown.len() * 3 / 2 + 16);
    html::push_html(&mut out, events);
    out
}

/// Rewrites the parser's events into safe ones.
#[derive(Default)]
struct Sanitiser {
    /// For every open link: whether its start tag was kept (so its end tag is kept too).
    links: Vec<bool>,
}

impl Sanitiser {
    fn event<'a>(&mut self, event: Event<'a>) -> Option<Event<'a>> {
        Some(match event {
            // Raw HTML is shown as the text it is; an HTML block becomes a paragraph.
            Event::Html(text) | Event::InlineHtml(text) => Event::Text(text),
            Event::Start(Tag::HtmlBlock) => Event::Start(Tag::Paragraph),
            Event::End(TagEnd::HtmlBlock) => Event::End(TagEnd::Paragraph),

            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let keep = is_safe_url(&dest_url);
                self.links.push(keep);
                if !keep {
                    return None;
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::End(TagEnd::Link) => {
                if !self.links.pop().unwrap_or(false) {
                    return None;
                }
                Event::End(TagEnd::Link)
            }

            // The alt text (the image's children) is rendered as ordinary, escaped text.
            Event::Start(Tag::Image { .. }) => {
                Event::InlineHtml(CowStr::Borrowed("<span class=\"image-alt\">"))
            }
            Event::End(TagEnd::Image) => Event::InlineHtml(CowStr::Borrowed("</span>")),

            Event::Start(Tag::Heading { level, .. }) => Event::Start(Tag::Heading {
                level: demote(level),
                id: None,
                classes: Vec::new(),
                attrs: Vec::new(),
            }),
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demote(level))),

            other => other,
        })
    }
}

/// `#` → h3, `##` → h4, `###` → h5, deeper → h6.
fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Whether a link destination may be kept: `http:`, `https:`, `mailto:`, or no scheme at all
/// (a relative path or a `#fragment`).
///
/// Browsers ignore leading spaces and control characters and drop tabs and line breaks
/// anywhere in a URL (`java\tscript:`), so those are removed before the scheme is read. A colon
/// before the first `/`, `?` or `#` is taken as the end of a scheme, even where a browser would
/// not read one; such a link is then plain text, which is harmless.
pub fn is_safe_url(url: &str) -> bool {
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ' || c.is_control())
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let end = cleaned.find(['/', '?', '#']).unwrap_or(cleaned.len());
    match cleaned[..end].find(':') {
        None => true,
        Some(colon) => {
            let scheme = &cleaned[..colon];
            ALLOWED_SCHEMES
                .iter()
                .any(|s| s.eq_ignore_ascii_case(scheme))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_html_is_escaped_text() {
        let out = to_html("<script>alert(1)</script>");
        assert!(!out.contains("<script"), "{out}");
        assert!(
            out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{out}"
        );
    }

    #[test]
    fn inline_html_is_escaped_text() {
        let out = to_html("Hej <img src=x onerror=alert(1)> då");
        assert!(!out.contains("<img"), "{out}");
        assert!(out.contains("&lt;img src=x onerror=alert(1)&gt;"), "{out}");
        let out = to_html("<div onclick=\"x()\">\n*inte* html\n</div>");
        assert!(!out.contains("<div"), "{out}");
    }

    #[test]
    fn dangerous_links_lose_their_href() {
        for md in [
            "[x](javascript:alert(1))",
            "[x](JavaScript:alert(1))",
            "[x](\u{1}javascript:alert(1))",
            "[x](<\u{1}javascript:alert(1)>)",
            "[x](<java\tscript:alert(1)>)",
            "[x](&#106;avascript:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "[x](vbscript:msgbox)",
            "<javascript:alert(1)>",
            "[x][r]\n\n[r]: javascript:alert(1)",
        ] {
            let out = to_html(md);
            assert!(!out.contains("href"), "{md}: {out}");
        }
        let out = to_html("[x](javascript:alert(1))");
        assert_eq!(out.trim(), "<p>x</p>");
    }

    #[test]
    fn safe_links_are_kept() {
        let out = to_html("[a](https://example.se/x?y=1) [b](mailto:kassor@example.se) [c](#not-1) [d](bilaga.pdf) <https://example.se>");
        for href in [
            "https://example.se/x?y=1",
            "mailto:kassor@example.se",
            "#not-1",
            "bilaga.pdf",
        ] {
            assert!(out.contains(&format!("href=\"{href}\"")), "{href}: {out}");
        }
        assert!(is_safe_url("HTTP://EXAMPLE.SE"));
        assert!(is_safe_url("sida?x=a:b"));
        assert!(!is_safe_url("file:///etc/passwd"));
    }

    #[test]
    fn images_show_their_alt_text() {
        let out = to_html("Se ![Styrelsen <b>2025</b>](https://example.se/bild.png \"t\") här.");
        assert!(!out.contains("<img"), "{out}");
        assert!(!out.contains("bild.png"), "{out}");
        assert!(
            out.contains("<span class=\"image-alt\">Styrelsen &lt;b&gt;2025&lt;/b&gt;</span>"),
            "{out}"
        );
        let out = to_html("![a ![b](x)](javascript:alert(1))");
        assert!(!out.contains("<img") && !out.contains("href"), "{out}");
    }

    #[test]
    fn headings_are_demoted() {
        let out = to_html("# Ett\n\n## Två\n\n### Tre\n\n###### Sex");
        assert!(out.contains("<h3>Ett</h3>"), "{out}");
        assert!(out.contains("<h4>Två</h4>"), "{out}");
        assert!(out.contains("<h5>Tre</h5>"), "{out}");
        assert!(out.contains("<h6>Sex</h6>"), "{out}");
        assert!(!out.contains("<h1") && !out.contains("<h2"), "{out}");
    }

    #[test]
    fn ordinary_markdown_renders() {
        let out = to_html(
            "Vi har *många* **medlemmar** och ~~inga~~ skulder.\n\n- ett\n- två\n\n1. första\n",
        );
        assert!(out.contains("<em>många</em>"), "{out}");
        assert!(out.contains("<strong>medlemmar</strong>"), "{out}");
        assert!(out.contains("<del>inga</del>"), "{out}");
        assert!(out.contains("<ul>\n<li>ett</li>"), "{out}");
        assert!(out.contains("<ol>"), "{out}");
        let out = to_html("| Slag | Antal |\n|---|--:|\n| Kommuner | 12 |\n");
        assert!(
            out.contains("<table>") && out.contains("<th>Slag</th>"),
            "{out}"
        );
        assert!(
            out.contains("<td style=\"text-align: right\">12</td>"),
            "{out}"
        );
    }

    #[test]
    fn text_is_escaped() {
        let out = to_html("a < b & c");
        assert!(out.contains("a &lt; b &amp; c"), "{out}");
        let out = to_html("```\"><script>\n<script>\n```");
        assert!(!out.contains("<script"), "{out}");
    }
}

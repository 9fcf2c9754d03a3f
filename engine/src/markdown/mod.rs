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
//!
//! The renderer is our own and small, as the web build pays for every dependency: `block` reads
//! the block structure, `inline` the text within blocks, `scan` has their common scanners. Its
//! output is byte for byte what pulldown-cmark (with tables and strikethrough) wrote, except that
//! only a short table of named entities (`&auml;`, `&nbsp;`, …) is known, the others staying
//! text, and in a few of pulldown-cmark's corner cases (a lone CR, a comment or code span running
//! over lines in a block quote or list item, a table needing over 2^18 filler cells).

mod block;
mod inline;
mod scan;

use block::Block;
use scan::Align;

/// The link schemes a rendered link may keep.
const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Renders Markdown as sanitised HTML (see the module documentation).
pub fn to_html(markdown: &str) -> String {
    render(markdown, None)
}

/// Renders Markdown as sanitised HTML placed under a heading of level `parent` (2 for an
/// `<h2>`): the heading levels the text uses become the next levels down in the same order,
/// without gaps, so a text that uses only `###` gets `<h3>` under an `<h2>`. A document's
/// headings then never skip a level (screen readers and the accessibility checks rely on it).
pub fn to_html_below(markdown: &str, parent: u8) -> String {
    render(markdown, Some(parent))
}

fn render(markdown: &str, parent: Option<u8>) -> String {
    let (blocks, definitions) = block::parse(markdown);
    let used = crate::util::sort::set(blocks.iter().filter_map(|b| match b {
        Block::Heading(level, _) => Some(*level as u8),
        _ => None,
    }));
    let heading_level = |level: u8| -> u8 {
        match parent {
            None => (level + 2).min(6),
            Some(parent) => {
                let rank = used.iter().position(|l| *l == level).unwrap_or(0) as u8;
                (parent + 1 + rank).min(6)
            }
        }
    };
    let mut out = Html {
        out: String::with_capacity(markdown.len() * 3 / 2 + 16),
        end_newline: true,
    };
    // How many bytes reference links may copy from their definitions in all.
    let mut budget = markdown.len().max(100_000);
    let mut inline =
        |text: &str, out: &mut Html| inline::render(text, &definitions, &mut budget, out);
    // The open containers: block quotes (`None`) and lists (whether tight), with for each list
    // whether an item is open.
    let mut open: Vec<Option<(bool, bool)>> = Vec::new();
    for block in &blocks {
        match block {
            Block::QuoteStart => {
                out.open_block("<blockquote>\n");
                open.push(None);
            }
            Block::QuoteEnd => {
                out.write("</blockquote>\n");
                open.pop();
            }
            Block::ListStart { number, tight } => {
                match number {
                    None => out.open_block("<ul>\n"),
                    Some(1) => out.open_block("<ol>\n"),
                    Some(n) => out.open_block(&format!("<ol start=\"{n}\">\n")),
                }
                open.push(Some((*tight, false)));
            }
            Block::ListEnd { ordered } => {
                out.write(if *ordered { "</ol>\n" } else { "</ul>\n" });
                open.pop();
            }
            Block::ItemStart => {
                out.open_block("<li>");
                set_item_open(&mut open, true);
            }
            Block::ItemEnd => {
                out.write("</li>\n");
                set_item_open(&mut open, false);
            }
            Block::Paragraph(text) if open.last() == Some(&Some((true, true))) => {
                inline(text, &mut out)
            }
            Block::Paragraph(text) => {
                out.open_block("<p>");
                inline(text, &mut out);
                out.write("</p>\n");
            }
            Block::Heading(level, text) => {
                let level = heading_level(*level as u8);
                out.open_block(&format!("<h{level}>"));
                inline(text, &mut out);
                out.write(&format!("</h{level}>\n"));
            }
            Block::Rule => out.open_block("<hr />\n"),
            Block::Code { language, text } => {
                if !out.end_newline {
                    out.write("\n");
                }
                if language.is_empty() {
                    out.write("<pre><code>");
                } else {
                    out.write("<pre><code class=\"language-");
                    escape_attribute(&mut out.out, language);
                    out.write("\">");
                }
                out.text(text);
                out.write("</code></pre>\n");
            }
            Block::Html(text) => {
                out.open_block("<p>");
                out.text(text);
                out.write("</p>\n");
            }
            Block::Table { aligns, head, rows } => {
                out.write("<table><thead><tr>");
                for (cell, align) in head.iter().zip(aligns) {
                    out.cell_start("th", *align);
                    inline(cell, &mut out);
                    out.write("</th>");
                }
                out.write("</tr></thead><tbody>\n");
                for row in rows {
                    out.write("<tr>");
                    for (cell, align) in row.iter().zip(aligns) {
                        out.cell_start("td", *align);
                        inline(cell, &mut out);
                        out.write("</td>");
                    }
                    out.write("</tr>\n");
                }
                out.write("</tbody></table>\n");
            }
        }
    }
    out.out
}

/// Marks whether the innermost list has an item open.
fn set_item_open(open: &mut [Option<(bool, bool)>], item_open: bool) {
    if let Some(Some((_, item))) = open.last_mut() {
        *item = item_open;
    }
}

/// The HTML being written. It remembers whether it ends with a line break, so that a block
/// starts on a new line.
struct Html {
    out: String,
    end_newline: bool,
}

impl Html {
    fn write(&mut self, s: &str) {
        self.out.push_str(s);
        if !s.is_empty() {
            self.end_newline = s.ends_with('\n');
        }
    }

    /// Writes a block's start tag on a new line.
    fn open_block(&mut self, tag: &str) {
        if !self.end_newline {
            self.out.push('\n');
        }
        self.write(tag);
    }

    /// Writes text, escaped.
    fn text(&mut self, s: &str) {
        escape_text(&mut self.out, s);
        if !s.is_empty() {
            self.end_newline = s.ends_with('\n');
        }
    }

    fn code(&mut self, code: &str) {
        self.write("<code>");
        escape_text(&mut self.out, code);
        self.write("</code>");
    }

    /// A link; one that leaves the document opens in a new tab without access to this one
    /// (`target="_blank" rel="noopener noreferrer"`), so a link in a board member's text can
    /// never replace the page it is read in.
    fn link_start(&mut self, href: &str, title: &str) {
        self.write("<a href=\"");
        escape_href(&mut self.out, href);
        if !title.is_empty() {
            self.write("\" title=\"");
            escape_attribute(&mut self.out, title);
        }
        if href.starts_with('#') {
            self.write("\">");
        } else {
            self.write("\" target=\"_blank\" rel=\"noopener noreferrer\">");
        }
    }

    fn cell_start(&mut self, tag: &str, align: Align) {
        self.write("<");
        self.write(tag);
        self.write(match align {
            Align::None => ">",
            // Classes, not style attributes: the app's Content-Security-Policy allows no inline
            // styles (report.css aligns them).
            Align::Left => " class=\"align-left\">",
            Align::Center => " class=\"align-center\">",
            Align::Right => " class=\"align-right\">",
        });
    }
}

/// Escapes `&`, `<` and `>` in text.
fn escape_text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}

/// Escapes `&`, `<`, `>`, `"` and `'` in an attribute value.
fn escape_attribute(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => escape_text(out, c.encode_utf8(&mut [0; 4])),
        }
    }
}

/// Writes a URL as an `href` value: `&` and `'` as entities, bytes that may not stand in a URL
/// percent-encoded.
fn escape_href(out: &mut String, url: &str) {
    for &b in url.as_bytes() {
        match b {
            b'&' => out.push_str("&amp;"),
            b'\'' => out.push_str("&#x27;"),
            b'!'
            | b'#'..=b'%'
            | b'('..=b';'
            | b'='
            | b'?'..=b'Z'
            | b'^'
            | b'_'
            | b'a'..=b'z'
            | b'~' => out.push(char::from(b)),
            _ => out.push_str(&format!("%{b:02X}")),
        }
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
            assert!(out.contains("href=\"#not-1\">"), "{out}");
            if !href.starts_with('#') {
                assert!(
                    out.contains("target=\"_blank\" rel=\"noopener noreferrer\""),
                    "{href}: {out}"
                );
            }
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
    fn headings_below_a_parent_follow_it_without_gaps() {
        let out = to_html_below("### Tre\n\ntext\n\n##### Fem\n\n### Tre igen", 2);
        assert!(out.contains("<h3>Tre</h3>"), "{out}");
        assert!(out.contains("<h4>Fem</h4>"), "{out}");
        assert!(out.contains("<h3>Tre igen</h3>"), "{out}");
        let out = to_html_below("# Ett\n\n## Två", 3);
        assert!(
            out.contains("<h4>Ett</h4>") && out.contains("<h5>Två</h5>"),
            "{out}"
        );
        let out = to_html_below("# a\n\n## b\n\n### c\n\n#### d", 4);
        assert!(
            out.contains("<h6>c</h6>") && out.contains("<h6>d</h6>"),
            "{out}"
        );
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
        assert!(out.contains("<td class=\"align-right\">12</td>"), "{out}");
    }

    #[test]
    fn text_is_escaped() {
        let out = to_html("a < b & c");
        assert!(out.contains("a &lt; b &amp; c"), "{out}");
        let out = to_html("```\"><script>\n<script>\n```");
        assert!(!out.contains("<script"), "{out}");
    }
}

//! A text change shown on the rendered text: the new text rendered as the printout renders it
//! (Markdown), with the words it removed struck through (`<del>`) and the words it added marked
//! (`<ins>`), so a reviewer reads the result, not Markdown syntax.
//!
//! The difference is word by word, whitespace kept (the `similar` crate). Removed words are put
//! back with their Markdown characters escaped, so they never change the new text's structure;
//! the marks only ever wrap text between tags, so the HTML stays well formed.

use similar::{ChangeTag, TextDiff};

const DEL_START: char = '\u{E000}';
const DEL_END: char = '\u{E001}';
const INS_START: char = '\u{E002}';
const INS_END: char = '\u{E003}';

/// The new text as HTML with the change from `old` marked.
pub fn marked_html(old: &str, new: &str) -> String {
    let clean = |s: &str| s.replace(|c| (DEL_START..=INS_END).contains(&c), "");
    let (old, new) = (clean(old), clean(new));
    let mut marked = String::with_capacity(new.len() + 64);
    for change in TextDiff::from_words(old.as_str(), new.as_str()).iter_all_changes() {
        let token = change.value();
        let blank = token.chars().all(char::is_whitespace);
        match change.tag() {
            ChangeTag::Equal => marked.push_str(token),
            ChangeTag::Insert if blank || is_block_mark(&marked, token) => marked.push_str(token),
            ChangeTag::Insert => {
                marked.push(INS_START);
                marked.push_str(token);
                marked.push(INS_END);
            }
            // Removed whitespace keeps the removed words apart, never the new text's lines.
            ChangeTag::Delete if blank => {
                if !marked.ends_with(char::is_whitespace) && !marked.is_empty() {
                    marked.push(' ');
                }
            }
            ChangeTag::Delete => {
                // Emphasis and code marks at a removed word's ends are the old text's
                // formatting, not its words.
                let token = token.trim_matches(|c| matches!(c, '*' | '_' | '`'));
                if token.is_empty() {
                    continue;
                }
                marked.push(DEL_START);
                for c in token.chars() {
                    if c.is_ascii_punctuation() {
                        marked.push('\\');
                    }
                    marked.push(c);
                }
                marked.push(DEL_END);
            }
        }
    }
    tags(&crate::markdown::to_html(&marked))
}

/// Whether an added token opens a block where it stands (a list item's `-`, a heading's `##`,
/// a quote's `>`, a table's `|`, `1.`): it is left unmarked, so the block stays a block.
fn is_block_mark(before: &str, token: &str) -> bool {
    let line = before.rsplit('\n').next().unwrap_or_default();
    let line_start = line.chars().all(|c| c == ' ');
    let numbered = token
        .strip_suffix(['.', ')'])
        .is_some_and(|n| !n.is_empty() && n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit()));
    line_start
        && (numbered
            || matches!(token, "-" | "*" | "+" | ">" | "|")
            || (token.len() <= 6 && token.bytes().all(|b| b == b'#')))
}

/// The marks turned into `<del>` and `<ins>` around the text runs they cover: a mark that spans
/// a tag is closed before it and opened again after it.
fn tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut open: Option<&str> = None;
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            DEL_START | INS_START => {
                let name = if c == DEL_START { "del" } else { "ins" };
                if let Some(o) = open.take() {
                    out.push_str(&format!("</{o}>"));
                }
                out.push_str(&format!("<{name}>"));
                open = Some(name);
            }
            DEL_END | INS_END => {
                if let Some(o) = open.take() {
                    out.push_str(&format!("</{o}>"));
                }
            }
            '<' if !in_tag => {
                in_tag = true;
                if let Some(o) = open {
                    out.push_str(&format!("</{o}>"));
                }
                out.push(c);
            }
            '>' if in_tag => {
                in_tag = false;
                out.push(c);
                if let Some(o) = open {
                    out.push_str(&format!("<{o}>"));
                }
            }
            _ => out.push(c),
        }
    }
    out.replace("<ins></ins>", "").replace("<del></del>", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_and_removed_words_are_marked_on_the_rendered_text() {
        let html = marked_html(
            "Föreningen hade **418 medlemmar** vid årets slut.",
            "Föreningen hade **419 medlemmar** vid årets slut.",
        );
        assert_eq!(
            html,
            "<p>Föreningen hade <del>418</del><strong><ins>419</ins> medlemmar</strong> vid årets slut.</p>\n"
        );
    }

    #[test]
    fn paragraphs_and_lists_of_the_new_text_stay() {
        let html = marked_html(
            "Första stycket.\n\n- en\n- två",
            "Första stycket är längre.\n\n- en\n- två\n- tre",
        );
        assert!(html.contains("<p>Första <del>stycket.</del><ins>stycket</ins> <ins>är</ins> <ins>längre.</ins></p>"), "{html}");
        assert!(html.contains("<li>en</li>"), "{html}");
        assert!(html.contains("<li><ins>tre</ins></li>"), "{html}");
        assert_eq!(html.matches("<ul>").count(), 1, "{html}");
    }

    #[test]
    fn removed_markup_and_html_stay_text() {
        let html = marked_html("Se <script>x</script> och *detta*", "Se och detta");
        assert!(!html.contains("<script>"), "{html}");
        assert!(
            html.contains("<del>&lt;script&gt;x&lt;/script&gt;</del>"),
            "{html}"
        );
        assert!(!html.contains("<em>"), "{html}");
        // Every mark is closed inside the text run it covers.
        assert_eq!(
            html.matches("<del>").count(),
            html.matches("</del>").count()
        );
        assert_eq!(
            html.matches("<ins>").count(),
            html.matches("</ins>").count()
        );
    }

    #[test]
    fn an_unchanged_text_has_no_marks() {
        let t = "Allt är som förut.\n\nÄven här.";
        assert_eq!(marked_html(t, t), crate::markdown::to_html(t));
    }
}

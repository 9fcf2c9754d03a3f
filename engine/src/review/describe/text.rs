//! Text in descriptions: the changed stretch of words, quoting and shortening, and names of
//! things that have none.

use crate::review::words::{word_diff, WordOp};

/// The longest quoted value in a description, in characters.
const MAX_QUOTE: usize = 60;
/// The most words of a changed stretch of text a description shows.
const MAX_WORDS: usize = 12;

/// A change of a text in one line: the changed stretch of words, with `…` where the text goes
/// on.
pub(crate) fn text_change(old: &str, new: &str) -> String {
    match changed_stretch(old, new) {
        None => "bara mellanrum och radbrytningar ändrade".into(),
        Some((a, b)) if a.is_empty() => format!("\"{b}\" tillagt"),
        Some((a, b)) if b.is_empty() => format!("\"{a}\" borttaget"),
        Some((a, b)) => format!("\"{a}\" ändrat till \"{b}\""),
    }
}

/// The stretch of words that differs, in the old text and in the new, each with `…` where the
/// text goes on before or after (empty when the side has no words there). None when the words
/// are the same.
pub(crate) fn changed_stretch(old: &str, new: &str) -> Option<(String, String)> {
    let ops = word_diff(old, new);
    let changed = |o: &WordOp| !matches!(o, WordOp::Same(_));
    let first = ops.iter().position(changed)?;
    let last = ops.iter().rposition(changed)?;
    let lead = if first > 0 { "…" } else { "" };
    let trail = if last + 1 < ops.len() { "…" } else { "" };
    let side = |skip: fn(&WordOp) -> bool| {
        let words: Vec<&str> = ops[first..=last]
            .iter()
            .filter(|o| !skip(o))
            .flat_map(|o| o.text().split(' '))
            .collect();
        if words.is_empty() {
            String::new()
        } else {
            format!("{lead}{}{trail}", shorten_words(&words))
        }
    };
    Some((
        side(|o| matches!(o, WordOp::Added(_))),
        side(|o| matches!(o, WordOp::Removed(_))),
    ))
}

pub(super) fn shorten_words(words: &[&str]) -> String {
    if words.len() <= MAX_WORDS {
        words.join(" ")
    } else {
        let half = MAX_WORDS / 2;
        format!(
            "{} … {}",
            words[..half].join(" "),
            words[words.len() - (MAX_WORDS - half - 1)..].join(" ")
        )
    }
}

pub(super) fn shorten_chars(s: &str) -> String {
    if s.chars().count() <= MAX_QUOTE {
        s.to_string()
    } else {
        let cut: String = s.chars().take(MAX_QUOTE - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A text in quotes, shortened to one line.
pub(super) fn quote(s: &str) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("\"{}\"", shorten_chars(&one_line))
}

/// A label, or `(utan namn)` when it is empty.
pub(super) fn named(s: &str) -> String {
    if s.trim().is_empty() {
        "(utan namn)".into()
    } else {
        s.to_string()
    }
}

pub(super) fn person_name(name: &str, role: &str) -> String {
    match (name.trim().is_empty(), role.trim().is_empty()) {
        (false, false) => format!("{name} ({role})"),
        (false, true) => name.to_string(),
        (true, false) => format!("(utan namn, {role})"),
        (true, true) => named(""),
    }
}

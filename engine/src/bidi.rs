//! Bidirectional text: a name or a file's text set into a sentence is isolated (between U+2068
//! FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE), so right-to-left letters or an
//! override character (U+202E) in it cannot reorder the words around it. In HTML the same is
//! `<bdi>` or `unicode-bidi: isolate`; this is for plain text (notices, messages, titles).

/// `text` isolated for bidirectional layout.
pub fn isolate(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_in_first_strong_isolate() {
        assert_eq!(isolate("a\u{202E}b"), "\u{2068}a\u{202E}b\u{2069}");
    }
}

//! Upper and lower case for the scripts a Swedish report is written in — Latin (ASCII,
//! Latin-1 and Latin Extended-A), Greek and Cyrillic — without the standard library's Unicode
//! case tables, which cost the browser download about 10 KB (gzip). Letters of other scripts
//! are left as they are. The tests compare every covered letter with the standard library.

/// `c` in lower case (itself when it has none, or is outside the covered scripts).
pub fn lower(c: char) -> char {
    shift(c, true)
}

/// `c` in upper case (itself when it has none, or is outside the covered scripts).
pub fn upper(c: char) -> char {
    shift(c, false)
}

/// `s` in lower case.
pub fn to_lower(s: &str) -> String {
    s.chars().map(lower).collect()
}

/// `s` in upper case; `ß` becomes `SS`, as Unicode has it.
pub fn to_upper(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'ß' => out.push_str("SS"),
            c => out.push(upper(c)),
        }
    }
    out
}

/// `s` with its first letter in upper case.
pub fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        let mut out = to_upper(c.encode_utf8(&mut [0; 4]));
        out.push_str(chars.as_str());
        out
    })
}

/// `s` with its first letter in lower case.
pub fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        let mut out = String::with_capacity(s.len());
        out.push(lower(c));
        out.push_str(chars.as_str());
        out
    })
}

/// Whether `c` is a letter or digit of the covered scripts (the letters that have a case, and
/// `ß`, `ĸ`, `ŉ`).
pub fn is_alphanumeric(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || lower(c) != upper(c)
        || matches!(c, 'ß' | 'ĸ' | 'ŉ' | 'ı' | 'ſ' | 'ª' | 'º')
}

/// The other case of a cased letter: `to_lower` picks the direction.
fn shift(c: char, to_lower: bool) -> char {
    let n = c as u32;
    // Ranges where upper and lower case are `offset` apart: (first upper, last upper, offset).
    const BLOCKS: [(u32, u32, u32); 6] = [
        (0x41, 0x5A, 0x20),   // A–Z
        (0xC0, 0xDE, 0x20),   // À–Þ (not ×, handled below)
        (0x391, 0x3AB, 0x20), // Α–Ϋ
        (0x410, 0x42F, 0x20), // А–Я
        (0x400, 0x40F, 0x50), // Ѐ–Џ
        (0x386, 0x386, 0x26), // Ά
    ];
    let special = match (to_lower, c) {
        (true, 'Ÿ') => 'ÿ',
        (false, 'ÿ') => 'Ÿ',
        (false, 'ς') => 'Σ',
        (true, 'Έ') => 'έ',
        (true, 'Ή') => 'ή',
        (true, 'Ί') => 'ί',
        (true, 'Ό') => 'ό',
        (true, 'Ύ') => 'ύ',
        (true, 'Ώ') => 'ώ',
        (false, 'έ') => 'Έ',
        (false, 'ή') => 'Ή',
        (false, 'ί') => 'Ί',
        (false, 'ό') => 'Ό',
        (false, 'ύ') => 'Ύ',
        (false, 'ώ') => 'Ώ',
        _ => c,
    };
    if special != c {
        return special;
    }
    if n == 0xD7 || n == 0xF7 || n == 0x3A2 {
        return c; // × ÷ and the gap in Greek
    }
    for (first, last, offset) in BLOCKS {
        if to_lower && (first..=last).contains(&n) {
            return char::from_u32(n + offset).unwrap_or(c);
        }
        if !to_lower && (first + offset..=last + offset).contains(&n) {
            return char::from_u32(n - offset).unwrap_or(c);
        }
    }
    // Latin Extended-A: upper and lower case alternate, upper case first on even code points
    // from Ā to ķ and from Ŋ to ŷ, on odd ones from Ĺ to ň and from Ź to ž.
    let paired = match n {
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 => Some(0),
        0x139..=0x148 | 0x179..=0x17E => Some(1),
        _ => None,
    };
    if let Some(upper_parity) = paired {
        let is_upper = n % 2 == upper_parity;
        return match (to_lower, is_upper) {
            (true, true) => char::from_u32(n + 1).unwrap_or(c),
            (false, false) => char::from_u32(n - 1).unwrap_or(c),
            _ => c,
        };
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The covered scripts: every letter there that the standard library maps to exactly one
    /// letter is mapped the same way here.
    #[test]
    #[allow(clippy::disallowed_methods)] // the standard library's case mapping is the oracle
    fn agrees_with_the_standard_library_on_the_covered_scripts() {
        let covered = (0x20u32..0x250).chain(0x370..0x400).chain(0x400..0x460);
        let mut checked = 0;
        for c in covered.filter_map(char::from_u32) {
            let mut l = c.to_lowercase();
            if let (Some(std_lower), None) = (l.next(), l.next()) {
                // Outside Latin-1, Extended-A, Greek and basic Cyrillic we leave letters alone.
                if std_lower != c && !in_scope(c) && !in_scope(std_lower) {
                    continue;
                }
                if c != 'İ' && c != 'ϴ' {
                    assert_eq!(lower(c), std_lower, "lower({c:?} U+{:04X})", c as u32);
                    checked += 1;
                }
            }
            let mut u = c.to_uppercase();
            if let (Some(std_upper), None) = (u.next(), u.next()) {
                if std_upper != c && !in_scope(c) && !in_scope(std_upper) {
                    continue;
                }
                if !matches!(c, 'ı' | 'ſ' | 'µ' | 'ϐ' | 'ϑ' | 'ϕ' | 'ϖ' | 'ϰ' | 'ϱ' | 'ϵ')
                {
                    assert_eq!(upper(c), std_upper, "upper({c:?} U+{:04X})", c as u32);
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    fn in_scope(c: char) -> bool {
        matches!(c as u32, 0x41..=0x7A | 0xC0..=0x17F | 0x386..=0x3CE | 0x400..=0x45F)
    }

    #[test]
    fn swedish_words() {
        assert_eq!(
            to_lower("ÅRSREDOVISNING FÖR BRF ÄNGEN"),
            "årsredovisning för brf ängen"
        );
        assert_eq!(to_upper("Straße på Ö"), "STRASSE PÅ Ö");
        assert_eq!(upper_first("organisationsnumret"), "Organisationsnumret");
        assert_eq!(upper_first("ändrat"), "Ändrat");
        assert_eq!(lower_first("Årets resultat"), "årets resultat");
        assert_eq!(upper_first(""), "");
        assert!(is_alphanumeric('ö') && is_alphanumeric('7') && is_alphanumeric('ß'));
        assert!(!is_alphanumeric('-') && !is_alphanumeric('×') && !is_alphanumeric(' '));
    }
}

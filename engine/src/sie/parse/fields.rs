//! The fields of a SIE line and their values: plain, quoted (`"…"` with `\"`) and braced
//! (`{…}`) fields, and reading amounts, numbers, dates and text (decoded from the file's
//! encoding).

use rust_decimal::Decimal;

use crate::date::Date;
use crate::sie::encoding::{self, Encoding};

/// One field of a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tok<'a> {
    /// An unquoted field.
    Plain(&'a [u8]),
    /// The inside of a quoted field, as written (`\"` not yet replaced).
    Quoted(&'a [u8]),
    /// The inside of an object list `{…}`.
    Braced(&'a [u8]),
}

impl<'a> Tok<'a> {
    /// The field's bytes (a quoted field's inside, escapes not replaced).
    pub(super) fn raw(self) -> &'a [u8] {
        match self {
            Tok::Plain(b) | Tok::Quoted(b) | Tok::Braced(b) => b,
        }
    }
}

/// The fields of one line.
pub(super) struct Fields<'a> {
    s: &'a [u8],
    i: usize,
}

impl<'a> Fields<'a> {
    pub(super) fn new(s: &'a [u8]) -> Self {
        Fields { s, i: 0 }
    }
}

impl<'a> Iterator for Fields<'a> {
    type Item = Tok<'a>;

    fn next(&mut self) -> Option<Tok<'a>> {
        let s = self.s;
        let mut i = self.i;
        while i < s.len() && (s[i] == b' ' || s[i] == b'\t') {
            i += 1;
        }
        if i >= s.len() {
            self.i = i;
            return None;
        }
        let tok = match s[i] {
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < s.len() && s[j] != b'"' {
                    j += if s[j] == b'\\' && j + 1 < s.len() && s[j + 1] == b'"' {
                        2
                    } else {
                        1
                    };
                }
                let end = j.min(s.len());
                i = (j + 1).min(s.len());
                Tok::Quoted(&s[start..end])
            }
            b'{' => {
                let start = i + 1;
                let mut j = start;
                let mut quoted = false;
                while j < s.len() {
                    match s[j] {
                        b'\\' if quoted && j + 1 < s.len() && s[j + 1] == b'"' => j += 1,
                        b'"' => quoted = !quoted,
                        b'}' if !quoted => break,
                        _ => {}
                    }
                    j += 1;
                }
                let end = j.min(s.len());
                i = (j + 1).min(s.len());
                Tok::Braced(&s[start..end])
            }
            _ => {
                let start = i;
                while i < s.len() && s[i] != b' ' && s[i] != b'\t' {
                    i += 1;
                }
                Tok::Plain(&s[start..i])
            }
        };
        self.i = i;
        Some(tok)
    }
}

/// The text of a field, decoded, with `\"` replaced by `"` in a quoted field.
pub(super) fn text(tok: Tok<'_>, enc: Encoding) -> String {
    match tok {
        Tok::Quoted(b) if b.windows(2).any(|w| w == b"\\\"") => {
            let mut out = Vec::with_capacity(b.len());
            let mut k = 0;
            while k < b.len() {
                if b[k] == b'\\' && k + 1 < b.len() && b[k + 1] == b'"' {
                    out.push(b'"');
                    k += 2;
                } else {
                    out.push(b[k]);
                    k += 1;
                }
            }
            encoding::decode(&out, enc)
        }
        t => encoding::decode(t.raw(), enc),
    }
}

/// A short, printable rendering of a field for error messages.
pub(super) fn shown(bytes: &[u8], enc: Encoding) -> String {
    let s = encoding::decode(&bytes[..bytes.len().min(400)], enc);
    // Control characters are shown, not passed on: NUL as ␀, others as �.
    let mut out: String = s
        .chars()
        .take(40)
        .map(|c| match c {
            '\0' => '\u{2400}',
            '\t' => ' ',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect();
    if s.chars().count() > 40 || bytes.len() > 400 {
        out.push('…');
    }
    out
}

/// Parses an amount: an optional sign, digits, optionally a decimal point (or comma) and
/// decimals. Up to 18 digits are read without allocating.
pub(super) fn parse_amount(b: &[u8]) -> Option<Decimal> {
    let (negative, digits) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    let mut mantissa: u64 = 0;
    let mut scale: u32 = 0;
    let mut count = 0usize;
    let mut point = false;
    for &c in digits {
        match c {
            b'0'..=b'9' => {
                if count == 18 {
                    return parse_amount_slow(negative, digits);
                }
                if count > 0 || c != b'0' || point {
                    count += 1;
                }
                mantissa = mantissa * 10 + u64::from(c - b'0');
                if point {
                    scale += 1;
                }
            }
            b'.' | b',' if !point => point = true,
            _ => return None,
        }
    }
    let has_digit = digits.iter().any(u8::is_ascii_digit);
    if !has_digit || scale > 28 {
        return None;
    }
    let m = mantissa as i64;
    Some(Decimal::new(if negative { -m } else { m }, scale))
}

fn parse_amount_slow(negative: bool, digits: &[u8]) -> Option<Decimal> {
    let points = digits.iter().filter(|&&c| c == b'.' || c == b',').count();
    if points > 1
        || !digits
            .iter()
            .all(|&c| c.is_ascii_digit() || c == b'.' || c == b',')
    {
        return None;
    }
    let s: String = digits
        .iter()
        .map(|&c| if c == b',' { '.' } else { c as char })
        .collect();
    let s = s.trim_start_matches('0');
    let s = s.strip_suffix('.').unwrap_or(s);
    let s = if s.starts_with('.') || s.is_empty() {
        format!("0{s}")
    } else {
        s.to_string()
    };
    let d = Decimal::from_str_exact(&s).ok()?;
    Some(if negative { -d } else { d })
}

pub(super) fn parse_u32(b: &[u8]) -> Option<u32> {
    if b.is_empty() || b.len() > 9 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(
        b.iter()
            .fold(0u32, |acc, &c| acc * 10 + u32::from(c - b'0')),
    )
}

pub(super) fn parse_i32(b: &[u8]) -> Option<i32> {
    match b.first() {
        Some(b'-') => parse_u32(&b[1..]).map(|v| -(v as i32)),
        Some(b'+') => parse_u32(&b[1..]).map(|v| v as i32),
        _ => parse_u32(b).map(|v| v as i32),
    }
}

/// A date written `YYYYMMDD` (as the specification requires; `YYYY-MM-DD` is accepted too).
pub(super) fn parse_date(b: &[u8]) -> Option<Date> {
    let mut digits = [0u32; 8];
    let mut n = 0;
    for &c in b {
        match c {
            b'0'..=b'9' if n < 8 => {
                digits[n] = u32::from(c - b'0');
                n += 1;
            }
            b'-' => {}
            _ => return None,
        }
    }
    if n != 8 {
        return None;
    }
    let num = |r: std::ops::Range<usize>| digits[r].iter().fold(0u32, |acc, &d| acc * 10 + d);
    Date::new(num(0..4) as i32, num(4..6) as u8, num(6..8) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok<'_>> {
        Fields::new(s.as_bytes()).collect()
    }

    #[test]
    fn fields_plain_quoted_braced() {
        assert_eq!(
            toks("#TRANS 1930 {1 \"4}56\" 6 \"47\"} -12.50 20250101 \"Text med \\\"citat\\\"\" 1"),
            vec![
                Tok::Plain(b"#TRANS"),
                Tok::Plain(b"1930"),
                Tok::Braced(b"1 \"4}56\" 6 \"47\""),
                Tok::Plain(b"-12.50"),
                Tok::Plain(b"20250101"),
                Tok::Quoted(b"Text med \\\"citat\\\""),
                Tok::Plain(b"1"),
            ]
        );
        assert_eq!(
            text(Tok::Quoted(b"Text med \\\"citat\\\""), Encoding::Ascii),
            "Text med \"citat\""
        );
        assert_eq!(
            toks("#KONTO\t1930\t\"Bank\"  "),
            vec![
                Tok::Plain(b"#KONTO"),
                Tok::Plain(b"1930"),
                Tok::Quoted(b"Bank")
            ]
        );
        // Unterminated quotes and braces run to the end of the line.
        assert_eq!(
            toks("#FNAMN \"Ab"),
            vec![Tok::Plain(b"#FNAMN"), Tok::Quoted(b"Ab")]
        );
        assert_eq!(
            toks("#TRANS 1 {1 \"2\""),
            vec![
                Tok::Plain(b"#TRANS"),
                Tok::Plain(b"1"),
                Tok::Braced(b"1 \"2\"")
            ]
        );
        assert_eq!(toks("\"\""), vec![Tok::Quoted(b"")]);
    }

    #[test]
    fn amounts() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        for (text, value) in [
            ("0", "0"),
            ("-1234.50", "-1234.50"),
            ("+15", "15"),
            ("12,5", "12.5"),
            ("1.", "1"),
            (".5", "0.5"),
            ("000000000000000000000012.25", "12.25"),
            ("123456789012345678.9", "123456789012345678.9"),
            (
                "0.000000000000000000000000001",
                "0.000000000000000000000000001",
            ),
        ] {
            assert_eq!(parse_amount(text.as_bytes()), Some(d(value)), "{text}");
        }
        for bad in ["", "-", ".", "1.2.3", "1e5", "12a", "--1", "1 000", "NaN"] {
            assert_eq!(parse_amount(bad.as_bytes()), None, "{bad:?}");
        }
    }

    #[test]
    fn dates_and_numbers() {
        assert_eq!(parse_date(b"20250131"), Date::new(2025, 1, 31));
        assert_eq!(parse_date(b"2025-01-31"), Date::new(2025, 1, 31));
        assert_eq!(parse_date(b"20250231"), None);
        assert_eq!(parse_date(b"2025013"), None);
        assert_eq!(parse_i32(b"-1"), Some(-1));
        assert_eq!(parse_i32(b"0"), Some(0));
        assert_eq!(parse_i32(b"x"), None);
        assert_eq!(parse_u32(b"1234567890"), None);
        assert_eq!(parse_u32(b"999999999"), Some(999_999_999));
    }
}

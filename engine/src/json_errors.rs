//! Why a file is not readable as a report's JSON, in Swedish: serde_json's error categories and
//! serde's messages translated (naming the line, column and field), and the character encoding
//! of a file that is not UTF-8 (UTF-16, UTF-32, Latin-1/Windows-1252) or not text at all.
//!
//! serde_json's messages are English and fixed (`ErrorCode` in serde_json's `error.rs`); each
//! one is mapped to a Swedish phrase here, and anything unknown keeps a Swedish frame with the
//! original words quoted, so no bare English sentence reaches the treasurer.

/// The Swedish reason for a JSON syntax error (serde_json's `Syntax` and `Eof` categories),
/// without the position (the caller names line and column).
pub fn syntax_reason(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let message = message.split(" at line ").next().unwrap_or(&message);
    translate(message)
}

/// The Swedish reason for a serde message: a data error (a missing, unknown or duplicate field,
/// a value of the wrong type) or a syntax error. Messages already written in Swedish by the
/// report's own readers (dates, amounts) pass through unchanged.
pub fn translate(message: &str) -> String {
    let message = message.split(" at line ").next().unwrap_or(message);
    let tick = |s: &str| s.replace('`', "\"");
    if let Some(what) = message.strip_prefix("EOF while parsing ") {
        let inside = match what {
            "a list" => "i en lista",
            "an object" => "i ett objekt",
            "a string" => "i en text",
            _ => "där ett värde skulle stå",
        };
        return format!("oväntat slut på filen {inside} (filen är avkortad)");
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("fältet {} saknas", tick(rest));
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return format!("dubblettfält: fältet {} står två gånger", tick(rest));
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let name = rest.split(',').next().unwrap_or(rest);
        return format!("okänt fält {}", tick(name));
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let name = rest.split(',').next().unwrap_or(rest);
        return format!("okänt värde {}", tick(name));
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "fel typ av värde ({}), här ska stå {}",
            value_kind(found),
            expected_kind(expected)
        );
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "ogiltigt värde ({}), här ska stå {}",
            value_kind(found),
            expected_kind(expected)
        );
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "fel antal ({}), här ska stå {}",
            found.trim(),
            expected_kind(expected)
        );
    }
    let fixed = match message {
        "expected `:`" => "ett kolon (:) saknas efter fältets namn",
        "expected `,` or `]`" => "ett kommatecken (,) eller ] saknas i listan",
        "expected `,` or `}`" => "ett kommatecken (,) eller } saknas i objektet",
        "expected ident" => {
            "ett okänt ord (bara true, false och null är tillåtna utan citattecken)"
        }
        "expected value" => "här ska ett värde stå (en text, ett tal, en lista eller ett objekt)",
        "expected `\"`" => "ett citattecken (\") saknas",
        "invalid escape" => "ogiltig specialkod efter \\ i en text",
        "invalid number" => "ogiltigt tal",
        "number out of range" => "talet är utanför tillåtet intervall",
        "invalid unicode code point" => "ogiltigt tecken i en \\u-kod",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "ett styrtecken (t.ex. radbrytning eller tabb) står direkt i en text"
        }
        "key must be a string" => "ett fältnamn måste stå inom citattecken",
        "invalid value: expected key to be a number in quotes" => {
            "ett fältnamn måste vara ett tal inom citattecken"
        }
        "float key must be finite (got NaN or +/-inf)" => "ett fältnamn är inget ändligt tal",
        "lone leading surrogate in hex escape" => "en ensam halva av ett tecken i en \\u-kod",
        "trailing comma" => "ett kommatecken för mycket före slutet av listan eller objektet",
        "trailing characters" => "skräp efter slutet av filens JSON",
        "unexpected end of hex escape" => "oväntat slut på en \\u-kod (fyra hexsiffror behövs)",
        "recursion limit exceeded" => "filen är nästlad för djupt",
        _ => "",
    };
    if !fixed.is_empty() {
        return fixed.to_string();
    }
    if message.is_ascii() && message.starts_with(|c: char| c.is_ascii_lowercase()) {
        // An English message this table does not know (a newer serde_json): framed, not bare.
        return format!("felet kunde inte beskrivas närmare (\"{}\")", tick(message));
    }
    tick(message)
}

/// Serde's description of a value found ("integer `5`", "a string", "map") in Swedish.
fn value_kind(found: &str) -> String {
    let tick = |s: &str| s.replace('`', "\"");
    let (kind, value) = match found.split_once(' ') {
        Some((k, v)) if v.starts_with('`') => (k, Some(tick(v))),
        _ => (found, None),
    };
    let kind = match kind {
        "integer" => "ett heltal",
        "floating" | "float" => "ett decimaltal",
        "boolean" => "ett sanningsvärde",
        "string" => "en text",
        "null" => "null",
        "map" => "ett objekt",
        "sequence" => "en lista",
        "unit" => "null",
        "char" => "ett tecken",
        other => return tick(other),
    };
    match value {
        Some(v) => format!("{kind} {v}"),
        None => kind.to_string(),
    }
}

/// Serde's `expecting` text: the report's readers write Swedish ones; serde's own are
/// translated where they are common.
fn expected_kind(expected: &str) -> String {
    let tick = |s: &str| s.replace('`', "\"");
    match expected {
        "" => "något annat".into(),
        "a string" => "en text".into(),
        "a boolean" => "ett sanningsvärde (true eller false)".into(),
        "a sequence" => "en lista".into(),
        "a map" => "ett objekt".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" => "ett heltal, 0 eller större".into(),
        "i32" | "i64" => "ett heltal".into(),
        "a borrowed string" => "en text".into(),
        e if e.starts_with("struct ") => "ett objekt".into(),
        e if e.starts_with("variant identifier") || e.starts_with("enum ") => {
            "ett av de tillåtna värdena".into()
        }
        e if e.starts_with("one of ") => format!("ett av {}", tick(&e["one of ".len()..])),
        e if e.starts_with("an array of length ") || e.starts_with("a tuple of size ") => {
            let n = e.rsplit(' ').next().unwrap_or("");
            format!("{n} värden")
        }
        e if e.starts_with("option") => "ett värde eller null".into(),
        e => tick(e),
    }
}

/// What kind of text (or not text) a file is that is not valid UTF-8: a file from Kassören is
/// always UTF-8, so this names what it is instead, for the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf16Le,
    Utf16Be,
    Utf32Le,
    Utf32Be,
    /// Latin-1 or Windows-1252: bytes above 0x7F that are not UTF-8, no NUL bytes.
    Latin1,
    /// Not text: NUL bytes without the pattern of UTF-16, or a known binary signature.
    Binary(Binary),
}

/// Known binary files a treasurer might pick by mistake.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Binary {
    Pdf,
    /// A ZIP container: an Excel, Word or LibreOffice document.
    Zip,
    Other,
}

impl Encoding {
    /// The name shown to the treasurer.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf16Le => "UTF-16 (little endian)",
            Encoding::Utf16Be => "UTF-16 (big endian)",
            Encoding::Utf32Le => "UTF-32 (little endian)",
            Encoding::Utf32Be => "UTF-32 (big endian)",
            Encoding::Latin1 => "Latin-1 eller Windows-1252",
            Encoding::Binary(Binary::Pdf) => "PDF",
            Encoding::Binary(Binary::Zip) => "ett kalkylark eller ett dokument (ZIP)",
            Encoding::Binary(Binary::Other) => "binär data",
        }
    }
}

/// Names the encoding of bytes that are not UTF-8 (after any UTF-8 byte-order mark).
pub fn detect(bytes: &[u8]) -> Encoding {
    // Byte-order marks: UTF-32 LE starts like UTF-16 LE, so it is tested first.
    if bytes.starts_with(b"\xFF\xFE\0\0") {
        return Encoding::Utf32Le;
    }
    if bytes.starts_with(b"\0\0\xFE\xFF") {
        return Encoding::Utf32Be;
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return Encoding::Utf16Le;
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Encoding::Utf16Be;
    }
    if bytes.starts_with(b"%PDF") {
        return Encoding::Binary(Binary::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Encoding::Binary(Binary::Zip);
    }
    // Without a mark: JSON text is mostly ASCII, so UTF-16 has a NUL in every other byte
    // (even positions for big endian, odd for little endian) and UTF-32 three in every four.
    let sample = &bytes[..bytes.len().min(4096) & !3];
    if sample.len() >= 4 {
        let nul_at = |k: usize, step: usize| {
            sample
                .iter()
                .skip(k)
                .step_by(step)
                .filter(|&&b| b == 0)
                .count()
        };
        let quads = sample.len() / 4;
        let pairs = sample.len() / 2;
        let mostly = |n: usize, of: usize| n * 10 >= of * 9;
        let (n0, n1, n2, n3) = (nul_at(0, 4), nul_at(1, 4), nul_at(2, 4), nul_at(3, 4));
        if mostly(n0, quads) && mostly(n1, quads) && mostly(n2, quads) && !mostly(n3, quads) {
            return Encoding::Utf32Be;
        }
        if mostly(n1, quads) && mostly(n2, quads) && mostly(n3, quads) && !mostly(n0, quads) {
            return Encoding::Utf32Le;
        }
        if mostly(nul_at(1, 2), pairs) && nul_at(0, 2) * 10 < pairs {
            return Encoding::Utf16Le;
        }
        if mostly(nul_at(0, 2), pairs) && nul_at(1, 2) * 10 < pairs {
            return Encoding::Utf16Be;
        }
    }
    if bytes.contains(&0) {
        Encoding::Binary(Binary::Other)
    } else {
        Encoding::Latin1
    }
}

/// The line and column (both from 1, the column in bytes) where UTF-8 first breaks.
pub fn first_bad_byte(bytes: &[u8]) -> (usize, usize) {
    let at = std::str::from_utf8(bytes)
        .err()
        .map_or(0, |e| e.valid_up_to());
    let before = &bytes[..at];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (line, at - start + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn syntax(text: &str) -> String {
        let e = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
        syntax_reason(&e)
    }

    #[test]
    fn every_syntax_category_is_swedish() {
        let cases = [
            ("{\"a\":1", "oväntat slut på filen"),
            ("[1,2", "oväntat slut på filen i en lista"),
            ("\"abc", "oväntat slut på filen i en text"),
            ("{\"a\" 1}", "kolon"),
            ("[1 2]", "kommatecken"),
            ("{\"a\":1 \"b\":2}", "kommatecken"),
            ("[tru]", "okänt ord"),
            ("[,]", "här ska ett värde stå"),
            ("{\"a\":\"\\q\"}", "specialkod"),
            ("[1e999999]", "talet är utanför tillåtet intervall"),
            ("[\"\\uD800\\u0041\"]", "ensam halva"),
            ("{1:2}", "fältnamn måste stå inom citattecken"),
            ("[1,]", "kommatecken för mycket"),
            ("{} x", "skräp efter slutet"),
            ("[\"\\uD800\"]", "oväntat slut på en \\u-kod"),
            ("[\"a\u{1}b\"]", "styrtecken"),
            ("[-]", "ogiltigt tal"),
        ];
        for (text, want) in cases {
            let got = syntax(text);
            assert!(got.contains(want), "{text:?}: {got:?}");
            for english in ["expected", "EOF", "trailing", "number", "escape", "invalid"] {
                assert!(!got.contains(english), "{text:?}: {got:?}");
            }
        }
    }

    #[test]
    fn data_messages_are_swedish_and_name_the_field() {
        assert_eq!(translate("missing field `name`"), "fältet \"name\" saknas");
        assert_eq!(
            translate("duplicate field `name`"),
            "dubblettfält: fältet \"name\" står två gånger"
        );
        assert_eq!(
            translate("invalid type: integer `5`, expected a string"),
            "fel typ av värde (ett heltal \"5\"), här ska stå en text"
        );
        assert_eq!(
            translate("invalid type: map, expected a sequence"),
            "fel typ av värde (ett objekt), här ska stå en lista"
        );
        assert_eq!(
            translate("invalid length 1, expected an array of length 2"),
            "fel antal (1), här ska stå 2 värden"
        );
        assert!(translate("something new").starts_with("felet kunde inte beskrivas"));
        // The report's own Swedish messages pass through.
        assert_eq!(
            translate("\"x\" är inget datum (skriv ÅÅÅÅ-MM-DD)"),
            "\"x\" är inget datum (skriv ÅÅÅÅ-MM-DD)"
        );
    }

    fn utf16(text: &str, big: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend(if big { [0xFE, 0xFF] } else { [0xFF, 0xFE] });
        }
        for u in text.encode_utf16() {
            out.extend(if big {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
        out
    }

    #[test]
    fn names_the_encoding() {
        let text = "{\"format\": \"kassoren\", \"namn\": \"Föreningen\"}";
        assert_eq!(detect(&utf16(text, false, true)), Encoding::Utf16Le);
        assert_eq!(detect(&utf16(text, true, true)), Encoding::Utf16Be);
        assert_eq!(detect(&utf16(text, false, false)), Encoding::Utf16Le);
        assert_eq!(detect(&utf16(text, true, false)), Encoding::Utf16Be);
        let utf32: Vec<u8> = text
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        assert_eq!(detect(&utf32), Encoding::Utf32Le);
        let utf32be: Vec<u8> = text
            .chars()
            .flat_map(|c| (c as u32).to_be_bytes())
            .collect();
        assert_eq!(detect(&utf32be), Encoding::Utf32Be);
        assert_eq!(detect(b"{\"namn\": \"F\xF6reningen\"}"), Encoding::Latin1);
        assert_eq!(detect(b"%PDF-1.7 ..."), Encoding::Binary(Binary::Pdf));
        assert_eq!(detect(b"PK\x03\x04\x14\0"), Encoding::Binary(Binary::Zip));
        assert_eq!(
            detect(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Encoding::Binary(Binary::Other)
        );
    }

    #[test]
    fn finds_the_first_bad_byte() {
        assert_eq!(first_bad_byte(b"{\n  \"a\": \"\xF6\"\n}"), (2, 9));
        assert_eq!(first_bad_byte(b"\xF6"), (1, 1));
    }
}

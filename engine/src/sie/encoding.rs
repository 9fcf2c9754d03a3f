//! Which character encoding a SIE file is really in, and decoding its text fields.
//!
//! The specification says IBM PC 8-bit (CP437, `#FORMAT PC8`), but real files are often UTF-8 or
//! Latin-1 while still claiming PC8, so the bytes decide:
//!
//! 1. a UTF-8 byte-order mark before text that is UTF-8 (or ASCII), or valid UTF-8 with at
//!    least one multi-byte character → UTF-8
//!    (a file that is mostly valid UTF-8 with a few broken bytes is still read as UTF-8; the
//!    broken bytes become U+FFFD);
//! 2. otherwise CP437, unless the text only makes sense as Latin-1: the bytes above 0x7F are
//!    mostly Latin-1 letters (0xC0–0xFF: `å` = 0xE5, `ä` = 0xE4, `ö` = 0xF6 …), which in CP437
//!    would be box-drawing characters and Greek letters, rather than CP437 letters (0x80–0xA5:
//!    `å` = 0x86, `ä` = 0x84, `ö` = 0x94 …).
//!
//! Every byte that is syntax in a SIE file (`#`, `"`, `{`, `}`, space, tab, line ends, digits) is
//! ASCII and means the same in all three encodings, so the parser works on the bytes and only the
//! text it keeps (names) is decoded.

use serde::Serialize;

/// The character encoding a file was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Encoding {
    /// Only ASCII: the same in every encoding.
    Ascii,
    Utf8,
    /// IBM PC 8-bit, code page 437: what the specification calls PC8.
    Cp437,
    /// ISO 8859-1.
    Latin1,
}

impl Encoding {
    /// The name shown to the treasurer.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Ascii => "ASCII",
            Encoding::Utf8 => "UTF-8",
            Encoding::Cp437 => "PC8 (CP437)",
            Encoding::Latin1 => "Latin-1 (ISO 8859-1)",
        }
    }
}

/// The upper half of code page 437 (bytes 0x80–0xFF).
const CP437_HIGH: [char; 128] = [
    'Ç', 'ü', 'é', 'â', 'ä', 'à', 'å', 'ç', 'ê', 'ë', 'è', 'ï', 'î', 'ì', 'Ä', 'Å', //
    'É', 'æ', 'Æ', 'ô', 'ö', 'ò', 'û', 'ù', 'ÿ', 'Ö', 'Ü', '¢', '£', '¥', '₧', 'ƒ', //
    'á', 'í', 'ó', 'ú', 'ñ', 'Ñ', 'ª', 'º', '¿', '⌐', '¬', '½', '¼', '¡', '«', '»', //
    '░', '▒', '▓', '│', '┤', '╡', '╢', '╖', '╕', '╣', '║', '╗', '╝', '╜', '╛', '┐', //
    '└', '┴', '┬', '├', '─', '┼', '╞', '╟', '╚', '╔', '╩', '╦', '╠', '═', '╬', '╧', //
    '╨', '╤', '╥', '╙', '╘', '╒', '╓', '╫', '╪', '┘', '┌', '█', '▄', '▌', '▐', '▀', //
    'α', 'ß', 'Γ', 'π', 'Σ', 'σ', 'µ', 'τ', 'Φ', 'Θ', 'Ω', 'δ', '∞', 'φ', 'ε', '∩', //
    '≡', '±', '≥', '≤', '⌠', '⌡', '÷', '≈', '°', '∙', '·', '√', 'ⁿ', '²', '■', '\u{A0}',
];

/// Decides the encoding of a file's bytes (after any byte-order mark has been removed; `bom`
/// says whether there was one).
pub fn detect(bytes: &[u8], bom: bool) -> Encoding {
    if bytes.is_ascii() {
        return if bom { Encoding::Utf8 } else { Encoding::Ascii };
    }
    let (valid_multibyte, invalid) = utf8_census(bytes);
    if bom && valid_multibyte >= invalid {
        return Encoding::Utf8;
    }
    // A byte-order mark before a body that is not UTF-8 (a PC8 file a program or an editor
    // put a mark in front of): the bytes decide, as without the mark.
    if valid_multibyte > 0 && invalid == 0 {
        return Encoding::Utf8;
    }
    if valid_multibyte > 4 * invalid {
        // Mostly UTF-8 with a few broken bytes: still UTF-8.
        return Encoding::Utf8;
    }
    // Branch-free counts per block, so the loop runs at memory speed; a large file is decided
    // as soon as one reading leads by far.
    let (mut cp437_letters, mut latin1_letters) = (0usize, 0usize);
    for block in bytes.chunks(1 << 16) {
        let (mut cp, mut lat) = (0u32, 0u32);
        for &b in block {
            cp += u32::from(b.wrapping_sub(0x80) < 0x26);
            lat += u32::from(b >= 0xC0) & u32::from(b != 0xD7) & u32::from(b != 0xF7);
        }
        cp437_letters += cp as usize;
        latin1_letters += lat as usize;
        if cp437_letters.abs_diff(latin1_letters) >= 4096 {
            break;
        }
    }
    if latin1_letters > cp437_letters {
        Encoding::Latin1
    } else {
        Encoding::Cp437
    }
}

/// Counts valid multi-byte UTF-8 sequences and bytes that are not part of valid UTF-8. Stops
/// early once the bytes are clearly not UTF-8 (many invalid bytes, few valid sequences).
fn utf8_census(bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        if invalid >= 256 && valid <= 4 * invalid {
            return (valid, invalid);
        }
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid += s.bytes().filter(|b| b & 0xC0 == 0xC0).count();
                return (valid, invalid);
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                valid += good.iter().filter(|b| *b & 0xC0 == 0xC0).count();
                let skip = e.error_len().unwrap_or(bad.len()).max(1);
                invalid += skip;
                rest = &bad[skip.min(bad.len())..];
                if rest.is_empty() {
                    return (valid, invalid);
                }
            }
        }
    }
}

/// Decodes bytes of a text field.
pub fn decode(bytes: &[u8], encoding: Encoding) -> String {
    match encoding {
        Encoding::Ascii | Encoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
        Encoding::Cp437 => bytes
            .iter()
            .map(|&b| {
                if b < 0x80 {
                    b as char
                } else {
                    CP437_HIGH[usize::from(b - 0x80)]
                }
            })
            .collect(),
        Encoding::Latin1 => bytes.iter().map(|&b| b as char).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_letters_in_each_encoding() {
        let text = "Övningsföretaget Åkerbär é";
        // The same text in CP437, byte by byte: Ö = 0x99, ö = 0x94, Å = 0x8F, ä = 0x84, é = 0x82.
        let pc8 = b"\x99vningsf\x94retaget \x8Fkerb\x84r \x82";
        assert_eq!(detect(pc8, false), Encoding::Cp437);
        assert_eq!(decode(pc8, Encoding::Cp437), text);
        let latin1: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
        assert_eq!(detect(&latin1, false), Encoding::Latin1);
        assert_eq!(decode(&latin1, Encoding::Latin1), text);
        assert_eq!(detect(text.as_bytes(), false), Encoding::Utf8);
        assert_eq!(decode(text.as_bytes(), Encoding::Utf8), text);
        assert_eq!(detect(b"#FLAGGA 0", false), Encoding::Ascii);
        assert_eq!(detect(b"#FLAGGA 0", true), Encoding::Utf8);
    }

    #[test]
    fn the_swedish_letters_have_their_cp437_bytes() {
        let bytes = [0x86, 0x84, 0x94, 0x8F, 0x8E, 0x99];
        assert_eq!(decode(&bytes, Encoding::Cp437), "åäöÅÄÖ");
    }

    #[test]
    fn the_cp437_table_is_a_bijection_onto_distinct_characters() {
        let mut seen = std::collections::HashSet::new();
        for c in CP437_HIGH {
            assert!(seen.insert(c), "{c} twice");
            assert!(!c.is_ascii());
        }
    }

    #[test]
    fn mostly_utf8_with_a_stray_byte_is_utf8() {
        let mut bytes = "Åsa Öberg, Älvsjö, Västerås, Göteborg".as_bytes().to_vec();
        bytes.push(0xE5);
        assert_eq!(detect(&bytes, false), Encoding::Utf8);
        assert!(decode(&bytes, Encoding::Utf8).ends_with('\u{FFFD}'));
    }
}

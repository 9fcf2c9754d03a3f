//! Small scanners shared by the block and the inline parser: indentation, entities, link
//! destinations, titles and labels, and the shapes of raw HTML.

/// Whitespace inside a line: space, tab, vertical tab, form feed.
pub(super) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | 0x0b | 0x0c)
}

/// ASCII whitespace including line breaks (and vertical tab).
pub(super) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// Whether the text up to the end of its line holds only whitespace.
pub(super) fn is_blank(s: &str) -> bool {
    s.bytes().take_while(|&b| b != b'\n').all(is_space)
}

/// The text without trailing whitespace (spaces, tabs, vertical tabs, form feeds).
pub(super) fn trim_space_end(s: &str) -> &str {
    s.trim_end_matches([' ', '\t', '\x0b', '\x0c'])
}

/// The line without its line break.
pub(super) fn strip_eol(s: &str) -> &str {
    s.strip_suffix('\n').unwrap_or(s)
}

/// The number of leading bytes of `s` that satisfy `f`.
pub(super) fn count_while(s: &[u8], f: impl Fn(u8) -> bool) -> usize {
    s.iter().take_while(|&&b| f(b)).count()
}

/// Non-ASCII punctuation and symbols for the emphasis rules, as ranges (first and last code
/// point): what pulldown-cmark's Unicode table has in Latin-1, spacing modifiers, Greek, the
/// blocks from general punctuation to miscellaneous symbols, and CJK and full-width
/// punctuation. Other scripts' punctuation counts as letters.
const PUNCTUATION: [u32; 112] = [
    0xA1, 0xA9, 0xAB, 0xAC, 0xAE, 0xB1, 0xB4, 0xB4, 0xB6, 0xB8, 0xBB, 0xBB, 0xBF, 0xBF, 0xD7, 0xD7,
    0xF7, 0xF7, 0x2C2, 0x2C5, 0x2D2, 0x2DF, 0x2E5, 0x2EB, 0x2ED, 0x2ED, 0x2EF, 0x2FF, 0x375, 0x375,
    0x37E, 0x37E, 0x384, 0x385, 0x387, 0x387, 0x3F6, 0x3F6, 0x2010, 0x2027, 0x2030, 0x205E, 0x207A,
    0x207E, 0x208A, 0x208E, 0x20A0, 0x20C0, 0x2100, 0x2101, 0x2103, 0x2106, 0x2108, 0x2109, 0x2114,
    0x2114, 0x2116, 0x2118, 0x211E, 0x2123, 0x2125, 0x2125, 0x2127, 0x2127, 0x2129, 0x2129, 0x212E,
    0x212E, 0x213A, 0x213B, 0x2140, 0x2144, 0x214A, 0x214D, 0x214F, 0x214F, 0x218A, 0x244A, 0x249C,
    0x24E9, 0x2500, 0x2775, 0x2794, 0x2BFF, 0x2E00, 0x2E2E, 0x2E30, 0x2E5D, 0x3001, 0x3004, 0x3008,
    0x3020, 0x3030, 0x3030, 0x3036, 0x3037, 0x303D, 0x303F, 0xFE10, 0xFE19, 0xFE30, 0xFE6B, 0xFF01,
    0xFF0F, 0xFF1A, 0xFF20, 0xFF3B, 0xFF40, 0xFF5B, 0xFF65, 0xFFE0, 0xFFEE,
];

pub(super) fn is_punctuation(c: char) -> bool {
    let c = u32::from(c);
    c < 0x80 && (c as u8).is_ascii_punctuation()
        || PUNCTUATION
            .chunks(2)
            .any(|range| (range[0]..=range[1]).contains(&c))
}

/// A position in a line while its indentation and container markers are read. A tab counts
/// as spaces up to the next multiple of four columns and may be consumed in part.
#[derive(Clone)]
pub(super) struct Cursor<'a> {
    line: &'a str,
    ix: usize,
    /// The byte after the last tab read (a tab stop).
    tab_start: usize,
    /// Columns of a partly consumed tab still unread.
    spaces: usize,
    /// No thematic break starts before this byte (so list markers need not look again).
    break_free: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(line: &'a str) -> Self {
        Cursor {
            line,
            ix: 0,
            tab_start: 0,
            spaces: 0,
            break_free: 0,
        }
    }

    /// The unread part of the line, with its line break.
    pub(super) fn rest(&self) -> &'a str {
        &self.line[self.ix..]
    }

    /// Columns of a partly consumed tab, which belong to the content.
    pub(super) fn remaining_space(&self) -> usize {
        self.spaces
    }

    /// Reads up to `n` columns of indentation; returns how many were missing.
    fn skip_columns(&mut self, mut n: usize) -> usize {
        let from_tab = self.spaces.min(n);
        self.spaces -= from_tab;
        n -= from_tab;
        let bytes = self.line.as_bytes();
        while n > 0 && self.ix < bytes.len() {
            match bytes[self.ix] {
                b' ' => {
                    self.ix += 1;
                    n -= 1;
                }
                b'\t' => {
                    let width = 4 - (self.ix - self.tab_start) % 4;
                    self.ix += 1;
                    self.tab_start = self.ix;
                    let used = width.min(n);
                    n -= used;
                    self.spaces = width - used;
                }
                _ => break,
            }
        }
        n
    }

    /// Reads `n` columns of indentation; false if there were fewer (some are read anyway).
    pub(super) fn scan_space(&mut self, n: usize) -> bool {
        self.skip_columns(n) == 0
    }

    /// Reads up to `n` columns of indentation and returns how many were read.
    pub(super) fn scan_space_upto(&mut self, n: usize) -> usize {
        n - self.skip_columns(n)
    }

    /// Reads all spaces and tabs.
    pub(super) fn scan_all_space(&mut self) {
        self.spaces = 0;
        self.ix += count_while(self.rest().as_bytes(), |b| b == b' ' || b == b'\t');
    }

    pub(super) fn at_eol(&self) -> bool {
        matches!(self.line.as_bytes().get(self.ix), None | Some(b'\n'))
    }

    /// Reads `>` and one optional space.
    pub(super) fn scan_blockquote_marker(&mut self) -> bool {
        if self.rest().starts_with('>') {
            self.ix += 1;
            self.scan_space(1);
            true
        } else {
            false
        }
    }

    /// Reads a list marker after `indent` columns of indentation: returns the marker character
    /// (`-`, `+`, `*`, or `.`/`)` for an ordered list), the number and the content's indentation.
    pub(super) fn scan_list_marker(&mut self, indent: usize) -> Option<(u8, u64, usize)> {
        let save = self.clone();
        let bytes = self.rest().as_bytes();
        match bytes.first() {
            Some(&c @ (b'-' | b'+' | b'*')) => {
                if self.ix >= self.break_free {
                    self.break_free = self.ix + thematic_break_failure(self.rest())?;
                }
                self.ix += 1;
                if self.scan_space(1) || self.at_eol() {
                    return Some(self.finish_list_marker(c, 0, indent + 2));
                }
            }
            Some(c) if c.is_ascii_digit() => {
                let digits = count_while(&bytes[..bytes.len().min(9)], |b| b.is_ascii_digit());
                if let Some(&c @ (b'.' | b')')) = bytes.get(digits) {
                    let number = self.rest()[..digits].parse().unwrap_or(0);
                    self.ix += digits + 1;
                    if self.scan_space(1) || self.at_eol() {
                        return Some(self.finish_list_marker(c, number, indent + digits + 2));
                    }
                }
            }
            _ => {}
        }
        *self = save;
        None
    }

    /// The content of a list item starts after at most four more columns (more is indented code).
    fn finish_list_marker(&mut self, c: u8, number: u64, indent: usize) -> (u8, u64, usize) {
        if is_blank(self.rest()) {
            return (c, number, indent);
        }
        let save = self.clone();
        let more = self.scan_space_upto(4);
        if more < 4 {
            (c, number, indent + more)
        } else {
            *self = save;
            (c, number, indent)
        }
    }
}

/// `***`, `---` or `___` (three or more, spaces and tabs between) alone on the line.
pub(super) fn is_thematic_break(s: &str) -> bool {
    thematic_break_failure(s).is_none()
}

/// Where the text stops being a thematic break, or `None` if it is one.
fn thematic_break_failure(s: &str) -> Option<usize> {
    let Some(&c @ (b'*' | b'-' | b'_')) = s.as_bytes().first() else {
        return Some(0);
    };
    let line = strip_eol(s).as_bytes();
    let end = count_while(line, |b| b == c || b == b' ' || b == b'\t');
    (end < line.len() || line.iter().filter(|&&b| b == c).count() < 3).then_some(end)
}

/// An ATX heading's level: one to six `#` followed by whitespace or the end of the line.
pub(super) fn atx_heading_level(s: &str) -> Option<usize> {
    let level = count_while(s.as_bytes(), |b| b == b'#');
    let ends = s.as_bytes().get(level).map_or(true, |&b| is_ascii_space(b));
    ((1..=6).contains(&level) && ends).then_some(level)
}

/// A setext underline's level: a run of `=` (1) or `-` (2), then only whitespace.
pub(super) fn setext_level(s: &str) -> Option<u8> {
    let c = *s.as_bytes().first()?;
    let level = match c {
        b'=' => 1,
        b'-' => 2,
        _ => return None,
    };
    is_blank(&s[count_while(s.as_bytes(), |b| b == c)..]).then_some(level)
}

/// An opening code fence: its length and character. A backtick fence's info string may not
/// contain backticks.
pub(super) fn code_fence(s: &str) -> Option<(usize, u8)> {
    let c = *s.as_bytes().first()?;
    if c != b'`' && c != b'~' {
        return None;
    }
    let n = count_while(s.as_bytes(), |b| b == c);
    let info_ok = c == b'~' || !strip_eol(&s[n..]).contains('`');
    (n >= 3 && info_ok).then_some((n, c))
}

/// A closing fence: at least `n` of `c`, then only spaces; or the end of the text.
pub(super) fn is_closing_fence(s: &str, c: u8, n: usize) -> bool {
    let run = count_while(s.as_bytes(), |b| b == c);
    s.is_empty() || (run >= n && strip_eol(&s[run..]).bytes().all(|b| b == b' '))
}

/// A list marker as it may interrupt a paragraph: (bytes up to the content, marker character,
/// number).
pub(super) fn list_item_start(s: &str) -> Option<(usize, u8, u64)> {
    let bytes = s.as_bytes();
    let (width, c, number) = match *bytes.first()? {
        c @ (b'-' | b'+' | b'*') => (1, c, 0),
        b'0'..=b'9' => {
            let digits = count_while(&bytes[..bytes.len().min(9)], |b| b.is_ascii_digit());
            let c = *bytes.get(digits)?;
            if c != b'.' && c != b')' {
                return None;
            }
            (digits + 1, c, s[..digits].parse().unwrap_or(0))
        }
        _ => return None,
    };
    let after = &s[width..];
    if is_blank(after) {
        return Some((width, c, number));
    }
    let (bytes, columns) = indentation(after.as_bytes(), 5);
    if columns == 0 {
        return None;
    }
    Some((width + if columns > 4 { 1 } else { bytes }, c, number))
}

/// Leading spaces and tabs up to `max` columns: (bytes, columns).
fn indentation(s: &[u8], max: usize) -> (usize, usize) {
    let mut columns = 0;
    for (i, &b) in s.iter().enumerate() {
        match b {
            b' ' if columns < max => columns += 1,
            b'\t' if columns + 4 - columns % 4 <= max => columns += 4 - columns % 4,
            _ => return (i, columns),
        }
        if columns == max {
            return (i, columns);
        }
    }
    (s.len(), columns)
}

/// A column's alignment in a table.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Align {
    None,
    Left,
    Center,
    Right,
}

/// A table's delimiter row (`|---|:--:|`): the alignment of each column.
pub(super) fn table_delimiter_row(s: &str) -> Option<Vec<Align>> {
    let (indent, columns) = indentation(s.as_bytes(), 4);
    let line = strip_eol(&s[indent..]).as_bytes();
    if columns > 3 || line.is_empty() {
        return None;
    }
    let mut aligns = Vec::new();
    let (mut align, mut col_start, mut hyphen_in_col) = (Align::None, true, false);
    let (mut pipe, mut hyphen) = (line[0] == b'|', false);
    for &b in &line[usize::from(pipe)..] {
        match b {
            b' ' => {}
            b':' => {
                align = match (col_start, align) {
                    (true, Align::None) => Align::Left,
                    (false, Align::Left) => Align::Center,
                    (false, Align::None) => Align::Right,
                    _ => align,
                };
                col_start = false;
            }
            b'-' => (col_start, hyphen, hyphen_in_col) = (false, true, true),
            b'|' if hyphen_in_col => {
                aligns.push(align);
                (align, col_start, pipe, hyphen_in_col) = (Align::None, true, true, false);
            }
            _ => return None,
        }
    }
    if !col_start {
        aligns.push(align);
    }
    (pipe && hyphen).then_some(aligns)
}

/// Where a block of raw HTML starts, and what ends it.
pub(super) enum HtmlBlock {
    /// Ends with the line that contains this text (`<script>`, comments, …).
    UntilMarker(&'static str),
    /// Ends before a blank line.
    UntilBlank,
}

/// Whether the line starts a block of raw HTML. `interrupting` excludes the kind that cannot
/// interrupt a paragraph (any other complete tag alone on its line).
pub(super) fn html_block_start(s: &str, interrupting: bool) -> Option<HtmlBlock> {
    let after = s.strip_prefix('<')?.as_bytes();
    const RAW: [(&str, &str); 4] = [
        ("pre", "</pre>"),
        ("style", "</style>"),
        ("script", "</script>"),
        ("textarea", "</textarea>"),
    ];
    for (tag, end) in RAW {
        if after.len() >= tag.len()
            && after[..tag.len()].eq_ignore_ascii_case(tag.as_bytes())
            && after
                .get(tag.len())
                .map_or(true, |&b| is_ascii_space(b) || b == b'>')
        {
            return Some(HtmlBlock::UntilMarker(end));
        }
    }
    for (start, end) in [("!--", "-->"), ("?", "?>"), ("![CDATA[", "]]>")] {
        if after.starts_with(start.as_bytes()) {
            return Some(HtmlBlock::UntilMarker(end));
        }
    }
    if after.first() == Some(&b'!') && after.get(1).is_some_and(u8::is_ascii_alphabetic) {
        return Some(HtmlBlock::UntilMarker(">"));
    }
    if is_block_tag(after) || (!interrupting && is_lone_tag(s)) {
        return Some(HtmlBlock::UntilBlank);
    }
    None
}

/// `<` + a block-level tag name (`div`, `table`, …), opening or closing.
fn is_block_tag(after: &[u8]) -> bool {
    const TAGS: [&str; 62] = [
        "address",
        "article",
        "aside",
        "base",
        "basefont",
        "blockquote",
        "body",
        "caption",
        "center",
        "col",
        "colgroup",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frame",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "iframe",
        "legend",
        "li",
        "link",
        "main",
        "menu",
        "menuitem",
        "nav",
        "noframes",
        "ol",
        "optgroup",
        "option",
        "p",
        "param",
        "search",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "track",
        "ul",
    ];
    let after = after.strip_prefix(b"/").unwrap_or(after);
    let n = count_while(after, |b| b.is_ascii_alphanumeric());
    let name_ok = TAGS
        .iter()
        .any(|t| t.as_bytes().eq_ignore_ascii_case(&after[..n]));
    let rest = &after[n..];
    name_ok
        && (rest.is_empty()
            || matches!(rest[0], b' ' | b'\t' | b'\n' | b'>')
            || rest.starts_with(b"/>"))
}

/// A complete opening or closing tag followed only by whitespace on its line.
fn is_lone_tag(s: &str) -> bool {
    scan_html_tag(s.as_bytes(), false).is_some_and(|end| is_blank(&s[end..]))
}

/// An opening tag with attributes, or a closing tag, at the start of `s` (which starts with
/// `<`): the byte after its `>`. Line breaks may occur between attributes if `multiline`.
pub(super) fn scan_html_tag(s: &[u8], multiline: bool) -> Option<usize> {
    let closing = usize::from(s.get(1) == Some(&b'/'));
    let name = count_while(&s[1 + closing..], |b| b.is_ascii_alphabetic());
    if name == 0 {
        return None;
    }
    let mut i = 1 + closing + name;
    i += count_while(&s[i..], |b| b.is_ascii_alphanumeric() || b == b'-');
    if closing == 0 {
        loop {
            let before = i;
            i = skip_tag_space(s, i, multiline)?;
            if matches!(s.get(i), Some(b'/' | b'>')) {
                break;
            }
            if i == before {
                return None;
            }
            i = scan_attribute(s, i, multiline)?;
        }
    }
    i += count_while(&s[i..], is_space);
    if closing == 0 && s.get(i) == Some(&b'/') {
        i += 1;
    }
    (s.get(i) == Some(&b'>')).then_some(i + 1)
}

/// Whitespace inside a tag; a line break (or the end of the text) fails unless `multiline`.
fn skip_tag_space(s: &[u8], mut i: usize, multiline: bool) -> Option<usize> {
    loop {
        i += count_while(&s[i..], is_space);
        match s.get(i) {
            Some(b'\n') if multiline => i += 1,
            Some(b'\n') | None => return None,
            _ => return Some(i),
        }
    }
}

/// An attribute: a name, optionally `=` and a value.
fn scan_attribute(s: &[u8], i: usize, multiline: bool) -> Option<usize> {
    let first = *s.get(i)?;
    if !(first.is_ascii_alphabetic() || first == b'_' || first == b':') {
        return None;
    }
    let name_end = i
        + 1
        + count_while(&s[i + 1..], |b| {
            b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b':' | b'-')
        });
    let mut j = name_end
        + count_while(&s[name_end..], |b| {
            is_ascii_space(b) && (multiline || b != b'\n')
        });
    if s.get(j) != Some(&b'=') {
        return Some(name_end);
    }
    j += 1;
    j += count_while(&s[j..], |b| is_ascii_space(b) && (multiline || b != b'\n'));
    match *s.get(j)? {
        q @ (b'"' | b'\'') => {
            let len = s[j + 1..]
                .iter()
                .position(|&b| b == q || (b == b'\n' && !multiline))?;
            (s[j + 1 + len] == q).then_some(j + len + 2)
        }
        b' ' | b'=' | b'>' | b'<' | b'`' | b'\n' | b'\r' => None,
        _ => Some(
            j + count_while(&s[j..], |b| {
                !matches!(
                    b,
                    b'\'' | b'"' | b' ' | b'=' | b'>' | b'<' | b'`' | b'\n' | b'\r'
                )
            }),
        ),
    }
}

/// An entity or numeric character reference at the start of `s` (which starts with `&`): its
/// length and the text it stands for. Only a short table of named entities is known.
pub(super) fn scan_entity(s: &str) -> Option<(usize, String)> {
    const NAMED: [(&str, &str); 34] = [
        ("AElig", "Æ"),
        ("Aring", "Å"),
        ("Auml", "Ä"),
        ("Eacute", "É"),
        ("Oslash", "Ø"),
        ("Ouml", "Ö"),
        ("Uuml", "Ü"),
        ("aelig", "æ"),
        ("amp", "&"),
        ("apos", "'"),
        ("aring", "å"),
        ("auml", "ä"),
        ("bull", "•"),
        ("copy", "©"),
        ("deg", "°"),
        ("eacute", "é"),
        ("euro", "€"),
        ("gt", ">"),
        ("hellip", "…"),
        ("laquo", "«"),
        ("ldquo", "“"),
        ("lsquo", "‘"),
        ("lt", "<"),
        ("mdash", "—"),
        ("nbsp", "\u{a0}"),
        ("ndash", "–"),
        ("oslash", "ø"),
        ("ouml", "ö"),
        ("quot", "\""),
        ("raquo", "»"),
        ("rdquo", "”"),
        ("rsquo", "’"),
        ("sect", "§"),
        ("uuml", "ü"),
    ];
    let bytes = s.as_bytes();
    if bytes.get(1) == Some(&b'#') {
        let hex = bytes.get(2).is_some_and(|b| b | 0x20 == b'x');
        let start = if hex { 3 } else { 2 };
        let (radix, max) = if hex { (16, 6) } else { (10, 7) };
        let tail = &bytes[start..];
        let digits = count_while(&tail[..tail.len().min(max)], |b| {
            (b as char).is_digit(radix)
        });
        if digits == 0 || tail.get(digits) != Some(&b';') {
            return None;
        }
        let code = u32::from_str_radix(&s[start..start + digits], radix).ok()?;
        let c = char::from_u32(code)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{FFFD}');
        return Some((start + digits + 1, c.to_string()));
    }
    let name = count_while(&bytes[1..], |b| b.is_ascii_alphanumeric());
    if bytes.get(1 + name) != Some(&b';') {
        return None;
    }
    let value = NAMED.iter().find(|(n, _)| *n == &s[1..1 + name])?.1;
    Some((name + 2, value.to_string()))
}

/// Resolves backslash escapes and entities (in link destinations, titles and info strings).
pub(super) fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        let next = s.as_bytes().get(i + 1);
        if c == '\\' && next.is_some_and(u8::is_ascii_punctuation) {
            out.push(s.as_bytes()[i + 1] as char);
            i += 2;
        } else if let Some((len, value)) = (c == '&').then(|| scan_entity(&s[i..])).flatten() {
            out.push_str(&value);
            i += len;
        } else {
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// A link destination at the start of `s`: `<…>` or a run without spaces and with balanced
/// parentheses. Returns its length and the raw destination (still escaped).
pub(super) fn scan_link_dest(s: &str) -> Option<(usize, &str)> {
    let bytes = s.as_bytes();
    let escaped =
        |i: usize| bytes[i] == b'\\' && bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation);
    let mut i = 0;
    if bytes.first() == Some(&b'<') {
        i = 1;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' | b'<' => return None,
                b'>' => return Some((i + 1, &s[1..i])),
                _ if escaped(i) => i += 1,
                _ => {}
            }
            i += 1;
        }
        return None;
    }
    let mut depth = 0;
    while i < bytes.len() {
        match bytes[i] {
            0..=b' ' => break,
            b'(' if depth > 32 => return None,
            b'(' => depth += 1,
            b')' if depth == 0 => break,
            b')' => depth -= 1,
            _ if escaped(i) => i += 1,
            _ => {}
        }
        i += 1;
    }
    (depth == 0).then_some((i, &s[..i]))
}

/// A link title at the start of `s` (`"…"`, `'…'` or `(…)`): its length and its text with
/// escapes and entities resolved. A line break inside is kept; the next line's indentation
/// is not, nor (`inline`, as pulldown-cmark does in links) an escaping backslash after it.
pub(super) fn scan_link_title(s: &str, inline: bool) -> Option<(usize, String)> {
    let bytes = s.as_bytes();
    let open = *bytes.first()?;
    let close = match open {
        b'"' | b'\'' => open,
        b'(' => b')',
        _ => return None,
    };
    let mut title = String::new();
    let (mut mark, mut i) = (1, 1);
    while i < bytes.len() {
        let c = bytes[i];
        if c == close {
            title.push_str(&s[mark..i]);
            return Some((i + 1, title));
        }
        if c == open {
            return None;
        }
        if c == b'\n' {
            title.push_str(&s[mark..=i]);
            i += 1 + count_while(&bytes[i + 1..], |b| b == b' ' || b == b'\t');
            if inline
                && bytes[i..].first() == Some(&b'\\')
                && bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation)
            {
                i += 1;
            }
            mark = i;
            continue;
        }
        if c == b'&' {
            if let Some((len, value)) = scan_entity(&s[i..]) {
                title.push_str(&s[mark..i]);
                title.push_str(&value);
                i += len;
                mark = i;
                continue;
            }
        }
        if c == b'\\' && bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) {
            title.push_str(&s[mark..i]);
            i += 1;
            mark = i;
        }
        i += 1;
    }
    None
}

/// A link label after its `[`: the bytes read including `]`, and the label with runs of
/// whitespace made single spaces. At most one line break; no unescaped `[`; not blank.
pub(super) fn scan_link_label(s: &str) -> Option<(usize, String)> {
    let bytes = s.as_bytes();
    let (mut i, mut weight, mut blank) = (0, 0, true);
    let mut label = String::new();
    loop {
        if weight >= 1000 {
            return None;
        }
        match *bytes.get(i)? {
            b'[' => return None,
            b']' => break,
            b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                label.push_str(&s[i..i + 2]);
                (i, weight, blank) = (i + 2, weight + 2, false);
            }
            b if is_ascii_space(b) => {
                let run = count_while(&bytes[i..], is_ascii_space);
                if bytes[i..i + run].iter().filter(|&&b| b == b'\n').count() > 1 {
                    return None;
                }
                label.push(' ');
                (i, weight) = (i + run, weight + run);
            }
            b => {
                let len = s[i..].chars().next().map_or(1, char::len_utf8);
                label.push_str(&s[i..i + len]);
                weight += if b >= 0x80 { len } else { 0 };
                (i, blank) = (i + len, false);
            }
        }
    }
    (!blank).then(|| (i + 1, label.trim_matches(' ').to_string()))
}

/// The key under which a label is looked up: whitespace collapsed, upper case (so that case
/// does not matter, `ß` matching `SS` as in Unicode case folding).
pub(super) fn label_key(label: &str) -> String {
    let key = label
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    crate::util::case::to_upper(&key)
}

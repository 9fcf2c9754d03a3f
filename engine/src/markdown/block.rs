//! Block structure: the text is read line by line into a flat list of [`Block`]s, containers
//! (quotes, lists, list items) as start and end markers. The rules follow CommonMark as
//! pulldown-cmark reads it (lazy continuation lines, tight and loose lists, tables only at the
//! start of a paragraph or on a line starting with `|`).

use std::collections::HashMap;

use super::scan::{
    atx_heading_level, code_fence, count_while, html_block_start, is_ascii_space, is_blank,
    is_closing_fence, is_space, is_thematic_break, label_key, list_item_start, scan_link_dest,
    scan_link_label, scan_link_title, setext_level, strip_eol, table_delimiter_row, trim_space_end,
    unescape, Align, Cursor, HtmlBlock,
};

/// Link reference definitions by [`label_key`]: destination and title.
pub(super) type Definitions = HashMap<String, (String, String)>;

/// One block, or the start or end of a container, in document order.
pub(super) enum Block {
    QuoteStart,
    QuoteEnd,
    /// A list: its first number if ordered; tight lists show their items' paragraphs bare.
    ListStart {
        number: Option<u64>,
        tight: bool,
    },
    ListEnd {
        ordered: bool,
    },
    ItemStart,
    ItemEnd,
    /// Inline text: its lines joined by `\n`, continuation lines with their indentation.
    Paragraph(String),
    Heading(usize, String),
    Rule,
    Code {
        language: String,
        text: String,
    },
    /// Raw HTML, shown as text.
    Html(String),
    Table {
        aligns: Vec<Align>,
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

/// Reads the text's blocks and link reference definitions.
pub(super) fn parse(text: &str) -> (Vec<Block>, Definitions) {
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    let mut parser = Parser {
        lines: text.split_inclusive('\n').collect(),
        line: 0,
        open: Vec::new(),
        quotes: Vec::new(),
        blocks: Vec::new(),
        definitions: Definitions::new(),
        last_line_blank: false,
        empty_item_open: false,
    };
    while parser.line < parser.lines.len() {
        parser.parse_block();
    }
    while !parser.open.is_empty() {
        parser.close();
    }
    (parser.blocks, parser.definitions)
}

/// An open container.
enum Container {
    Quote,
    /// A list: its marker character and where its [`Block::ListStart`] is.
    List {
        marker: u8,
        start: usize,
    },
    /// A list item: the indentation its content needs.
    Item {
        indent: usize,
    },
}

/// Most table cells a table may add to fill short rows (bounds the output).
const MAX_FILLED_CELLS: usize = 1 << 18;

struct Parser<'a> {
    /// The lines, each with its `\n` (the last may lack one).
    lines: Vec<&'a str>,
    /// The next line to read.
    line: usize,
    open: Vec<Container>,
    /// Where in `open` the block quotes are.
    quotes: Vec<usize>,
    blocks: Vec<Block>,
    definitions: Definitions,
    /// Whether the last line read was blank (makes the enclosing list loose).
    last_line_blank: bool,
    /// Whether the innermost list item was opened on a line of its own, with no content yet.
    empty_item_open: bool,
}

impl<'a> Parser<'a> {
    /// Reads the open containers' markers at the start of a line; returns how many matched.
    fn match_containers(&self, cursor: &mut Cursor<'a>) -> usize {
        for (i, container) in self.open.iter().enumerate() {
            if cursor.at_eol() && cursor.remaining_space() == 0 {
                // On a blank rest of line only a block quote fails (this keeps blank lines in
                // deeply nested lists cheap).
                let next_quote = self.quotes.partition_point(|&q| q < i);
                return self
                    .quotes
                    .get(next_quote)
                    .copied()
                    .unwrap_or(self.open.len());
            }
            let save = cursor.clone();
            let matched = match container {
                Container::Quote => {
                    cursor.scan_space(3);
                    cursor.scan_blockquote_marker()
                }
                Container::Item { indent } => cursor.scan_space(*indent) || cursor.at_eol(),
                Container::List { .. } => true,
            };
            if !matched {
                *cursor = save;
                return i;
            }
        }
        self.open.len()
    }

    /// A cursor past the open containers' markers on line `line`, and whether all matched.
    fn line_cursor(&self, line: usize) -> (Cursor<'a>, bool) {
        let mut cursor = Cursor::new(self.lines[line]);
        let matched = self.match_containers(&mut cursor);
        (cursor, matched == self.open.len())
    }

    /// Closes the innermost container.
    fn close(&mut self) {
        let block = match self.open.pop() {
            Some(Container::Quote) => {
                self.quotes.pop();
                Block::QuoteEnd
            }
            Some(Container::Item { .. }) => Block::ItemEnd,
            Some(Container::List { marker, start }) => {
                if let Block::ListStart { tight: true, .. } = self.blocks[start] {
                    self.empty_item_open = false;
                }
                Block::ListEnd {
                    ordered: matches!(marker, b'.' | b')'),
                }
            }
            None => return,
        };
        self.blocks.push(block);
    }

    /// Reads one line and the blocks that start on it (leaf blocks read their further lines).
    fn parse_block(&mut self) {
        let mut cursor = Cursor::new(self.lines[self.line]);
        let matched = self.match_containers(&mut cursor);
        while self.open.len() > matched {
            self.close();
        }
        loop {
            let save = cursor.clone();
            let indent = cursor.scan_space_upto(4);
            if indent >= 4 {
                cursor = save;
                break;
            }
            if let Some((marker, number, indent)) = cursor.scan_list_marker(indent) {
                self.continue_list(marker, number);
                self.open.push(Container::Item { indent });
                self.blocks.push(Block::ItemStart);
                if is_blank(cursor.rest()) {
                    self.empty_item_open = true;
                    self.line += 1;
                    return;
                }
            } else if cursor.scan_blockquote_marker() {
                self.finish_list();
                self.quotes.push(self.open.len());
                self.open.push(Container::Quote);
                self.blocks.push(Block::QuoteStart);
            } else {
                cursor = save;
                break;
            }
        }
        if is_blank(cursor.rest()) {
            self.blank_line();
            self.line += 1;
            return;
        }
        let tab_rest = cursor.remaining_space();
        let indent = cursor.scan_space_upto(4);
        if indent == 4 {
            self.finish_list();
            return self.indented_code(cursor);
        }
        let rest = cursor.rest();
        if let Some(kind) = html_block_start(rest, false) {
            self.finish_list();
            self.html_block(rest, kind, tab_rest.max(indent));
        } else if is_thematic_break(rest) {
            self.finish_list();
            self.blocks.push(Block::Rule);
            self.line += 1;
        } else if let Some(level) = atx_heading_level(rest) {
            self.finish_list();
            self.blocks
                .push(Block::Heading(level, atx_heading_text(&rest[level..])));
            self.line += 1;
        } else if let Some((length, fence)) = code_fence(rest) {
            self.finish_list();
            self.fenced_code(rest, indent, fence, length);
        } else if let Some(cursor) = self.definitions(cursor) {
            self.paragraph(cursor);
        }
    }

    /// A blank line: ends an empty item's chance of content, and may make a list loose.
    fn blank_line(&mut self) {
        match self.open.last_mut() {
            Some(Container::Quote) => {}
            Some(Container::Item { indent }) if self.empty_item_open => {
                self.last_line_blank = true;
                *indent = 0;
            }
            _ => self.last_line_blank = true,
        }
    }

    /// Before a list item: continues the open list if it has the same marker, else starts one.
    fn continue_list(&mut self, marker: u8, number: u64) {
        self.finish_empty_item();
        if let Some(container) = self.open.last() {
            if let Container::List {
                marker: open,
                start,
            } = *container
            {
                if open == marker {
                    if self.last_line_blank {
                        self.make_loose(start);
                        self.last_line_blank = false;
                    }
                    return;
                }
            }
            self.finish_list();
        }
        let ordered = matches!(marker, b'.' | b')');
        self.open.push(Container::List {
            marker,
            start: self.blocks.len(),
        });
        self.blocks.push(Block::ListStart {
            number: ordered.then_some(number),
            tight: true,
        });
        self.last_line_blank = false;
    }

    /// Before any block other than a list item: closes a list left open, and makes the list a
    /// blank line precedes this block in loose.
    fn finish_list(&mut self) {
        self.finish_empty_item();
        if let Some(Container::List { .. }) = self.open.last() {
            self.close();
        }
        if self.last_line_blank {
            if let Some(&Container::List { start, .. }) =
                self.open.len().checked_sub(2).map(|i| &self.open[i])
            {
                self.make_loose(start);
            }
            self.last_line_blank = false;
        }
    }

    /// A list item may begin with at most one blank line: after a blank line an empty item ends.
    fn finish_empty_item(&mut self) {
        if self.empty_item_open && self.last_line_blank {
            if let Some(Container::Item { .. }) = self.open.last() {
                self.close();
            }
        }
        self.empty_item_open = false;
    }

    fn make_loose(&mut self, start: usize) {
        if let Block::ListStart { tight, .. } = &mut self.blocks[start] {
            *tight = false;
        }
    }

    /// Indented code: lines indented four columns, blank lines between them kept.
    fn indented_code(&mut self, mut cursor: Cursor<'a>) {
        self.last_line_blank = false;
        let mut text = String::new();
        let mut kept = 0;
        loop {
            push_code_line(&mut text, &cursor);
            if !self.last_line_blank {
                kept = text.len();
            }
            self.line += 1;
            if self.line == self.lines.len() {
                break;
            }
            let (mut next, all) = self.line_cursor(self.line);
            if !all || !(next.scan_space(4) || next.at_eol()) {
                break;
            }
            cursor = next;
            self.last_line_blank = is_blank(cursor.rest());
        }
        text.truncate(kept);
        self.blocks.push(Block::Code {
            language: String::new(),
            text,
        });
    }

    /// Fenced code, up to the closing fence or the end of its container.
    fn fenced_code(&mut self, first: &str, indent: usize, fence: u8, length: usize) {
        let info = strip_eol(&first[length..]);
        let info = info[count_while(info.as_bytes(), is_space)..]
            .trim_end_matches(|c: char| c.is_ascii() && is_ascii_space(c as u8));
        let language = unescape(info)
            .split(' ')
            .next()
            .unwrap_or_default()
            .to_string();
        let mut text = String::new();
        self.line += 1;
        while self.line < self.lines.len() {
            let (mut cursor, all) = self.line_cursor(self.line);
            if !all {
                break;
            }
            cursor.scan_space(indent);
            let mut closing = cursor.clone();
            if !closing.scan_space(4 - indent) && is_closing_fence(closing.rest(), fence, length) {
                self.line += 1;
                break;
            }
            push_code_line(&mut text, &cursor);
            self.line += 1;
        }
        self.blocks.push(Block::Code { language, text });
    }

    /// Raw HTML, up to its end marker or a blank line (or the end of its container).
    fn html_block(&mut self, first: &str, kind: HtmlBlock, indent: usize) {
        let mut text = " ".repeat(indent.min(3));
        let mut line = first;
        loop {
            text.push_str(line);
            self.line += 1;
            if self.line == self.lines.len() {
                break;
            }
            let (cursor, all) = self.line_cursor(self.line);
            let ended = match kind {
                HtmlBlock::UntilMarker(marker) => line.contains(marker),
                HtmlBlock::UntilBlank => is_blank(cursor.rest()),
            };
            if !all || ended {
                break;
            }
            text.push_str(&"   "[..cursor.remaining_space().min(3)]);
            line = cursor.rest();
        }
        self.blocks.push(Block::Html(text));
    }

    /// Whether a line (after container markers and at most three columns of indentation) ends
    /// a paragraph. `all` tells whether all open containers matched (else the line would be a
    /// lazy continuation); `line` is its index.
    fn interrupts_paragraph(&self, rest: &str, all: bool, line: usize) -> bool {
        interrupts(rest, all, false)
            || (rest.starts_with('|') && self.table_columns(rest, line, false).is_some())
    }

    /// The lines a link reference definition starting on the current line may span.
    fn definition_lines(&self, first: &str) -> (String, Vec<usize>) {
        let mut text = strip_eol(first).to_string();
        let mut starts = vec![0];
        for line in self.line + 1..self.lines.len() {
            let (cursor, all) = self.line_cursor(line);
            let mut indented = cursor.clone();
            let rest = cursor.rest();
            if is_blank(rest) {
                break;
            }
            if !indented.scan_space(4)
                && (self.interrupts_paragraph(indented.rest(), all, line)
                    || setext_level(indented.rest()).is_some())
            {
                break;
            }
            text.push('\n');
            starts.push(text.len());
            text.push_str(strip_eol(rest));
        }
        (text, starts)
    }

    /// Reads link reference definitions at the start of a paragraph. Returns where the
    /// paragraph starts, or `None` if the block held only definitions.
    fn definitions(&mut self, cursor: Cursor<'a>) -> Option<Cursor<'a>> {
        if !cursor.rest().starts_with('[') {
            return Some(cursor);
        }
        let (text, starts) = self.definition_lines(cursor.rest());
        let mut pos = 0;
        let mut read = 0;
        while let Some((len, label, definition)) = scan_definition(&text[pos..]) {
            self.definitions.entry(label).or_insert(definition);
            read = starts.partition_point(|&s| s <= pos + len);
            match starts.get(read) {
                Some(&start) => {
                    pos =
                        start + count_while(&text.as_bytes()[start..], |b| b == b' ' || b == b'\t')
                }
                None => break,
            }
        }
        if read == 0 {
            return Some(cursor);
        }
        self.line += read;
        if self.line < self.lines.len() {
            let (mut next, all) = self.line_cursor(self.line);
            let mut indented = next.clone();
            let interrupted = !indented.scan_space(4)
                && self.interrupts_paragraph(indented.rest(), all, self.line);
            if !interrupted && !is_blank(next.rest()) {
                next.scan_all_space();
                return Some(next);
            }
        }
        self.finish_list();
        None
    }

    /// A paragraph, a setext heading or a table, starting at `cursor`.
    fn paragraph(&mut self, cursor: Cursor<'a>) {
        self.finish_list();
        let first = cursor.rest();
        if let Some(aligns) = self.table_columns(first, self.line, true) {
            return self.table(first, aligns);
        }
        let mut text = strip_eol(first).to_string();
        self.line += 1;
        while self.line < self.lines.len() {
            let (cursor, all) = self.line_cursor(self.line);
            let mut indented = cursor.clone();
            if !indented.scan_space(4) {
                let rest = indented.rest();
                if let Some(level) = setext_level(rest).filter(|_| all) {
                    self.line += 1;
                    let text = trim_space_end(&text);
                    self.blocks
                        .push(Block::Heading(usize::from(level), text.to_string()));
                    return;
                }
                if self.interrupts_paragraph(rest, all, self.line) {
                    break;
                }
            }
            indented.scan_all_space();
            if indented.at_eol() {
                break;
            }
            text.push('\n');
            text.push_str(strip_eol(cursor.rest()));
            self.line += 1;
        }
        let text = trim_space_end(&text);
        self.blocks.push(Block::Paragraph(text.to_string()));
    }

    /// Whether `first` (on line `line`) is a table's header row: it has a `|` and the next line
    /// is a delimiter row with as many columns. `break_aware`: a trailing backslash (a hard line
    /// break) rules the table out.
    fn table_columns(&self, first: &str, line: usize, break_aware: bool) -> Option<Vec<Align>> {
        let row = first.strip_suffix('\n')?;
        let trailing_backslashes = row.len() - row.trim_end_matches('\\').len();
        if line + 1 >= self.lines.len() || (break_aware && trailing_backslashes % 2 == 1) {
            return None;
        }
        let pipes: Vec<usize> = (0..row.len())
            .filter(|&i| is_cell_separator(row.as_bytes(), i))
            .collect();
        let last = *pipes.last()?;
        let (cursor, all) = self.line_cursor(line + 1);
        let aligns = table_delimiter_row(cursor.rest()).filter(|_| all)?;
        let leading = row.as_bytes().get(count_while(row.as_bytes(), is_space)) == Some(&b'|');
        let columns = pipes.len() - usize::from(leading) + usize::from(!is_blank(&row[last + 1..]));
        (aligns.len() == columns).then_some(aligns)
    }

    /// A table: the header row `first`, the delimiter row, then rows up to a line that is
    /// blank, starts another block or is outside the table's container.
    fn table(&mut self, first: &str, aligns: Vec<Align>) {
        let columns = aligns.len();
        let mut head = split_row(first);
        head.resize(columns, String::new());
        let mut rows = Vec::new();
        let mut filled = 0;
        self.line += 2;
        while self.line < self.lines.len() {
            let (mut cursor, all) = self.line_cursor(self.line);
            cursor.scan_all_space();
            if !all || interrupts(cursor.rest(), true, true) {
                break;
            }
            let mut cells = split_row(cursor.rest());
            filled += columns.saturating_sub(cells.len());
            if cells.is_empty() || filled > MAX_FILLED_CELLS {
                break;
            }
            cells.resize(columns, String::new());
            rows.push(cells);
            self.line += 1;
        }
        self.blocks.push(Block::Table { aligns, head, rows });
    }
}

/// Whether a line ends a paragraph (or, `in_table`, a table): a blank line, a thematic break,
/// a heading, a code fence, a block quote, a list item, or HTML of a kind that may interrupt.
/// A list item interrupts a paragraph only if it has content and is a bullet or starts at 1.
fn interrupts(rest: &str, all: bool, in_table: bool) -> bool {
    let list_item = list_item_start(rest).is_some_and(|(content, marker, number)| {
        !all || in_table
            || ((matches!(marker, b'-' | b'+' | b'*') || number == 1)
                && !is_blank(&rest[content..]))
    });
    rest.is_empty()
        || rest.starts_with('\n')
        || is_thematic_break(rest)
        || atx_heading_level(rest).is_some()
        || code_fence(rest).is_some()
        || rest.starts_with('>')
        || list_item
        || html_block_start(rest, true).is_some()
}

/// The heading text after an ATX heading's `#`s: without the closing `#`s (if a space
/// precedes them) and trailing spaces.
fn atx_heading_text(after: &str) -> String {
    let text = &after[count_while(after.as_bytes(), is_space)..];
    let text = text.trim_end_matches([' ', '\n']);
    let closed = text.trim_end_matches('#');
    if closed.is_empty() {
        return String::new();
    }
    let spaced = closed.trim_end_matches(' ');
    if spaced.len() < closed.len() {
        spaced.to_string()
    } else {
        text.to_string()
    }
}

/// Appends a line of code: the unread columns of a partly read tab as spaces, then the rest.
fn push_code_line(text: &mut String, cursor: &Cursor) {
    text.push_str(&"   "[..cursor.remaining_space().min(3)]);
    text.push_str(cursor.rest());
}

/// Whether the `|` at `i` separates table cells (one after a backslash does not).
fn is_cell_separator(row: &[u8], i: usize) -> bool {
    row[i] == b'|' && (i == 0 || row[i - 1] != b'\\')
}

/// A table row's cells, trimmed, with `\|` made `|`.
fn split_row(row: &str) -> Vec<String> {
    let row = strip_eol(row);
    let bytes = row.as_bytes();
    let mut cells = Vec::new();
    let mut i = 0;
    loop {
        if bytes.get(i) == Some(&b'|') {
            i += 1;
        }
        i += count_while(&bytes[i..], is_space);
        if i == bytes.len() {
            return cells;
        }
        let start = i;
        while i < bytes.len() && !is_cell_separator(bytes, i) {
            i += 1;
        }
        let cell = trim_space_end(&row[start..i]);
        cells.push(cell.replace("\\|", "|"));
    }
}

/// A link reference definition (`[label]: destination "title"`) at the start of `text`: the
/// bytes it spans (up to the end of its last line), its key and its destination and title.
fn scan_definition(text: &str) -> Option<(usize, String, (String, String))> {
    let (label_len, label) = scan_link_label(text.strip_prefix('[')?)?;
    let mut i = 1 + label_len;
    if text.as_bytes().get(i) != Some(&b':') {
        return None;
    }
    i = skip_definition_space(text, i + 1)?.0;
    let (dest_len, dest) = scan_link_dest(&text[i..])?;
    if dest_len == 0 {
        return None;
    }
    let dest = unescape(dest);
    i += dest_len;
    let line_end = |at: usize| text[at..].find('\n').map_or(text.len(), |n| at + n);
    let without_title = (
        line_end(i),
        label_key(&label),
        (dest.clone(), String::new()),
    );
    let Some((title_start, newlines)) = skip_definition_space(text, i) else {
        return Some(without_title);
    };
    if title_start == i && i < text.len() {
        return None;
    }
    if let Some((title_len, title)) = scan_link_title(&text[title_start..], false) {
        let end = title_start + title_len;
        if is_blank(&text[end..]) {
            return Some((line_end(end), without_title.1, (dest, title)));
        }
    }
    (newlines > 0 || title_start == text.len()).then_some(without_title)
}

/// Whitespace in a definition, with at most one line break: where it ends and the number of
/// line breaks (`None` for two or more).
fn skip_definition_space(text: &str, mut i: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut newlines = 0;
    loop {
        i += count_while(&bytes[i..], is_space);
        if bytes.get(i) != Some(&b'\n') {
            return Some((i, newlines));
        }
        newlines += 1;
        if newlines > 1 {
            return None;
        }
        i += 1;
    }
}

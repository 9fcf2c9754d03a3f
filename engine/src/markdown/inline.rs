//! Inline content: code spans, emphasis and strikethrough, links, images, autolinks, entities,
//! escapes and line breaks; raw HTML is recognised only to be shown as text. The text is read
//! left to right into a flat list of nodes (no recursion, whatever the nesting). Emphasis uses
//! CommonMark's delimiter-run algorithm, with a lower bound per kind of closer so that runs
//! that find no opener are not searched again.

use std::collections::HashMap;

use super::block::Definitions;
use super::scan::{
    count_while, is_punctuation, is_space, label_key, scan_entity, scan_html_tag, scan_link_dest,
    scan_link_label, scan_link_title, trim_space_end, unescape,
};
use super::{is_safe_url, Html};

/// Writes the inline content `text` as HTML. `budget` limits how many bytes of destinations and
/// titles reference links may copy in the whole document (as pulldown-cmark does).
pub(super) fn render(text: &str, definitions: &Definitions, budget: &mut usize, out: &mut Html) {
    let content = trim_space_end(text);
    let mut parser = Parser::new(content, definitions, budget);
    parser.trailing_space = content.len() < text.len();
    parser.parse();
    parser.process_emphasis(0);
    for node in &parser.nodes {
        node.write(out);
    }
    // A heading's trailing tab stays after text, but not after a code span, an entity, a
    // reference link or a used delimiter (as in pulldown-cmark).
    let kept = match parser.nodes.last() {
        Some(Node::Run(run)) => run.count > 0,
        _ => parser.opaque_end != Some(content.len()),
    };
    if kept {
        out.text(&text[content.len()..]);
    }
}

/// A tag emphasis delimiters make.
#[derive(Clone, Copy)]
enum Tag {
    Em,
    Strong,
    Del,
}

impl Tag {
    fn open(self) -> &'static str {
        match self {
            Tag::Em => "<em>",
            Tag::Strong => "<strong>",
            Tag::Del => "<del>",
        }
    }

    fn close(self) -> &'static str {
        match self {
            Tag::Em => "</em>",
            Tag::Strong => "</strong>",
            Tag::Del => "</del>",
        }
    }
}

/// A run of `*`, `_` or `~`: how many of its characters are left as text, the tags its
/// leftmost characters close (innermost first) and those its rightmost open (innermost first).
struct Run {
    ch: u8,
    count: usize,
    closes: Vec<Tag>,
    opens: Vec<Tag>,
}

enum Node {
    Text(String),
    Code(String),
    SoftBreak,
    /// A hard line break: whether made by a backslash.
    HardBreak(bool),
    /// `[` or `![`, as long as it has not turned out to open a link or image.
    Bracket(&'static str),
    Run(Run),
    /// A link's start: destination and title, or `None` if the destination is not safe (then
    /// only the link text is shown).
    LinkStart(Option<(String, String)>),
    /// A link's end: whether its start was shown.
    LinkEnd(bool),
    ImageStart,
    ImageEnd,
}

impl Node {
    fn write(&self, out: &mut Html) {
        match self {
            Node::Text(text) => out.text(text),
            Node::Code(code) => out.code(code),
            Node::SoftBreak => out.write("\n"),
            Node::HardBreak(_) => out.write("<br />\n"),
            Node::Bracket(text) => out.text(text),
            Node::Run(run) => {
                for tag in &run.closes {
                    out.write(tag.close());
                }
                if run.count > 0 {
                    out.text(&char::from(run.ch).to_string().repeat(run.count));
                }
                for tag in run.opens.iter().rev() {
                    out.write(tag.open());
                }
            }
            Node::LinkStart(Some((href, title))) => out.link_start(href, title),
            Node::LinkStart(None) | Node::LinkEnd(false) => {}
            Node::LinkEnd(true) => out.write("</a>"),
            Node::ImageStart => out.write("<span class=\"image-alt\">"),
            Node::ImageEnd => out.write("</span>"),
        }
    }
}

/// A delimiter run that may open or close emphasis.
#[derive(Clone, Copy)]
struct Delimiter {
    node: usize,
    ch: u8,
    /// The run's length as written (the rule of three looks at it).
    length: usize,
    can_open: bool,
    can_close: bool,
}

/// An opening `[` or `![`.
struct Bracket {
    node: usize,
    /// Where its `[` is.
    pos: usize,
    image: bool,
    /// False once a link was made around it (links do not nest).
    active: bool,
    /// How many delimiters came before it.
    delimiters: usize,
}

/// How far failed scans for the ends of comments, processing instructions, declarations and
/// CDATA reached (a later scan starting before that would fail too).
#[derive(Default)]
struct HtmlScans {
    comment: usize,
    processing: usize,
    declaration: usize,
    cdata: usize,
}

struct Parser<'a> {
    text: &'a str,
    definitions: &'a Definitions,
    budget: &'a mut usize,
    nodes: Vec<Node>,
    delimiters: Vec<Delimiter>,
    brackets: Vec<Bracket>,
    /// Brackets below this index are already inactive (or images).
    inactive_below: usize,
    /// Where the backtick runs start, by length.
    backtick_runs: HashMap<usize, Vec<usize>>,
    /// The `]` of a reference label that matched no definition: it cannot end a shortcut or
    /// collapsed reference.
    failed_label_end: Option<usize>,
    html_scans: HtmlScans,
    /// Where the last code span, entity or reference link ended.
    opaque_end: Option<usize>,
    /// Whether whitespace follows the text (a heading's): pulldown-cmark then sees no shortcut
    /// reference at the very end.
    trailing_space: bool,
    /// Where the plain text not yet added to `nodes` starts.
    text_start: usize,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, definitions: &'a Definitions, budget: &'a mut usize) -> Self {
        let mut backtick_runs: HashMap<usize, Vec<usize>> = HashMap::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let run = count_while(&bytes[i..], |b| b == b'`');
            if run > 0 {
                backtick_runs.entry(run).or_default().push(i);
            }
            i += run.max(1);
        }
        Parser {
            text,
            definitions,
            budget,
            nodes: Vec::new(),
            delimiters: Vec::new(),
            brackets: Vec::new(),
            inactive_below: 0,
            backtick_runs,
            failed_label_end: None,
            html_scans: HtmlScans::default(),
            opaque_end: None,
            trailing_space: false,
            text_start: 0,
        }
    }

    fn parse(&mut self) {
        let bytes = self.text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            i = match bytes[i] {
                b'\n' => self.line_break(i),
                b'\\' => self.backslash(i),
                b'`' => self.code_span(i, count_while(&bytes[i..], |b| b == b'`')),
                b'*' | b'_' | b'~' => self.delimiter_run(i),
                b'<' => self.angle_bracket(i),
                b'!' if bytes.get(i + 1) == Some(&b'[') => self.open_bracket(i, true),
                b'[' => self.open_bracket(i, false),
                b']' => self.close_bracket(i),
                b'&' => self.entity(i),
                _ => i + 1,
            };
        }
        self.flush(bytes.len());
    }

    fn push_text(&mut self, text: &str) {
        if let Some(Node::Text(last)) = self.nodes.last_mut() {
            last.push_str(text);
        } else if !text.is_empty() {
            self.nodes.push(Node::Text(text.to_string()));
        }
    }

    /// Adds the plain text before `end` and continues after it.
    fn flush(&mut self, end: usize) {
        if end > self.text_start {
            let text = &self.text[self.text_start..end];
            self.push_text(text);
        }
        self.text_start = end;
    }

    /// Continues at `i` after the indentation of a continuation line.
    fn skip_indentation(&mut self, i: usize) -> usize {
        self.text_start = i + count_while(&self.text.as_bytes()[i..], |b| b == b' ' || b == b'\t');
        self.text_start
    }

    /// A line break: hard after two or more spaces, else soft; trailing spaces are dropped.
    fn line_break(&mut self, i: usize) -> usize {
        let pending = &self.text[self.text_start..i];
        let kept = trim_space_end(pending);
        let hard = pending.len() - kept.len() >= 2;
        self.push_text(kept);
        self.nodes.push(if hard {
            Node::HardBreak(false)
        } else {
            Node::SoftBreak
        });
        self.skip_indentation(i + 1)
    }

    /// A backslash: a hard line break before a line end, else it escapes punctuation.
    fn backslash(&mut self, i: usize) -> usize {
        match self.text.as_bytes().get(i + 1) {
            Some(b'\n') => {
                self.flush(i);
                self.nodes.push(Node::HardBreak(true));
                self.skip_indentation(i + 2)
            }
            Some(b'`') => {
                self.flush(i);
                self.text_start = i + 1;
                let run = count_while(&self.text.as_bytes()[i + 1..], |b| b == b'`');
                if run > 1 {
                    self.code_span(i + 2, run - 1)
                } else {
                    i + 2
                }
            }
            Some(c) if c.is_ascii_punctuation() => {
                self.flush(i);
                self.text_start = i + 1;
                i + 2
            }
            _ => i + 1,
        }
    }

    /// A code span opened by `length` backticks at `start`, closed by the next run of exactly
    /// as many; without one the backticks are text.
    fn code_span(&mut self, start: usize, length: usize) -> usize {
        let after = start + length;
        let close = self.backtick_runs.get(&length).and_then(|starts| {
            let next = starts.partition_point(|&s| s < after);
            starts.get(next).copied()
        });
        let Some(close) = close else {
            return after;
        };
        self.flush(start);
        let mut code = self.text[after..close].replace('\n', " ");
        if code.starts_with(' ') && code.ends_with(' ') && code.bytes().any(|b| b != b' ') {
            code = code[1..code.len() - 1].to_string();
        }
        self.nodes.push(Node::Code(code));
        self.text_start = close + length;
        self.opaque_end = Some(self.text_start);
        self.text_start
    }

    /// A run of `*`, `_` or `~`, kept as a delimiter if it may open or close.
    fn delimiter_run(&mut self, i: usize) -> usize {
        let ch = self.text.as_bytes()[i];
        let length = count_while(&self.text.as_bytes()[i..], |b| b == ch);
        let before = self.text[..i].chars().next_back();
        let after = self.text[i + length..].chars().next();
        let (can_open, can_close) = flanking(ch, length, before, after);
        if (can_open || can_close) && (ch != b'~' || length <= 2) {
            self.flush(i);
            self.delimiters.push(Delimiter {
                node: self.nodes.len(),
                ch,
                length,
                can_open,
                can_close,
            });
            self.nodes.push(Node::Run(Run {
                ch,
                count: length,
                closes: Vec::new(),
                opens: Vec::new(),
            }));
            self.text_start = i + length;
        }
        i + length
    }

    /// `<`: an autolink, raw HTML (kept as text) or just the character.
    fn angle_bracket(&mut self, i: usize) -> usize {
        let after = &self.text[i + 1..];
        if after.starts_with('\\') {
            return i + 1;
        }
        if let Some((length, email)) = scan_autolink(after) {
            self.flush(i);
            let address = &after[..length - 1];
            let href = if email {
                format!("mailto:{address}")
            } else {
                address.to_string()
            };
            let shown = is_safe_url(address);
            self.nodes
                .push(Node::LinkStart(shown.then(|| (href, String::new()))));
            self.push_text(address);
            self.nodes.push(Node::LinkEnd(shown));
            self.text_start = i + 1 + length;
            return self.text_start;
        }
        self.scan_inline_html(i).unwrap_or(i + 1)
    }

    /// Raw HTML at `i`: a tag, comment, processing instruction, declaration or CDATA section.
    /// Returns where it ends.
    fn scan_inline_html(&mut self, i: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let scans = &mut self.html_scans;
        let find =
            |from: usize, b: u8| bytes[from..].iter().position(|&c| c == b).map(|n| from + n);
        let mut ix = i + 3;
        match *bytes.get(i + 1)? {
            b'!' => match *bytes.get(i + 2)? {
                b'-' if ix > scans.comment => {
                    if bytes.get(ix) != Some(&b'-') {
                        return None;
                    }
                    ix -= 1;
                    while let Some(dash) = find(ix, b'-') {
                        ix = dash + 1;
                        scans.comment = ix;
                        if bytes[ix..].starts_with(b"->") {
                            return Some(ix + 2);
                        }
                    }
                    None
                }
                b'[' if bytes[ix..].starts_with(b"CDATA[") && ix > scans.cdata => {
                    ix = find(ix + 6, b']').unwrap_or(bytes.len());
                    let brackets = count_while(&bytes[ix..], |b| b == b']');
                    ix += brackets;
                    if brackets == 0 || bytes.get(ix) != Some(&b'>') {
                        scans.cdata = ix;
                        return None;
                    }
                    Some(ix + 1)
                }
                c if c.is_ascii_alphabetic() && ix > scans.declaration => {
                    let end = find(ix, b'>');
                    if end.is_none() {
                        scans.declaration = bytes.len();
                    }
                    end.map(|end| end + 1)
                }
                _ => None,
            },
            b'?' => {
                ix = i + 2;
                if ix <= scans.processing {
                    return None;
                }
                while let Some(question) = find(ix, b'?') {
                    ix = question + 1;
                    if bytes.get(ix) == Some(&b'>') {
                        return Some(ix + 1);
                    }
                }
                scans.processing = ix;
                None
            }
            _ => scan_html_tag(&bytes[i..], true).map(|length| i + length),
        }
    }

    fn open_bracket(&mut self, i: usize, image: bool) -> usize {
        self.flush(i);
        let width = if image { 2 } else { 1 };
        self.brackets.push(Bracket {
            node: self.nodes.len(),
            pos: i + width - 1,
            image,
            active: true,
            delimiters: self.delimiters.len(),
        });
        self.nodes
            .push(Node::Bracket(if image { "![" } else { "[" }));
        self.text_start = i + width;
        self.text_start
    }

    /// `]`: closes the innermost `[` or `![` as an inline link, a full, collapsed or shortcut
    /// reference, or else is text.
    fn close_bracket(&mut self, i: usize) -> usize {
        self.flush(i);
        let may_be_shortcut = self.failed_label_end != Some(i);
        let Some(bracket) = self.brackets.pop() else {
            return i + 1;
        };
        self.inactive_below = self.inactive_below.min(self.brackets.len());
        if !bracket.active {
            return i + 1;
        }
        let after = &self.text[i + 1..];
        if let Some((length, dest, title)) = scan_inline_link(after) {
            self.make_link(bracket, dest, title);
            self.text_start = i + 1 + length;
            return self.text_start;
        }
        // A reference label may follow; pulldown-cmark looks for it after an escaping backslash.
        let at = if after.starts_with("\\[") {
            i + 2
        } else {
            i + 1
        };
        let after = &self.text[at..];
        let (end, label) = if after.starts_with("[]") {
            (at + 2, None)
        } else if let Some((length, label)) = after.strip_prefix('[').and_then(scan_link_label) {
            self.failed_label_end = Some(at + length);
            (at + 1 + length, Some(label))
        } else {
            (i + 1, None)
        };
        if label.is_none() && !may_be_shortcut {
            return i + 1;
        }
        let at_end = self.trailing_space && i + 1 == self.text.len();
        let label = label.or_else(|| {
            let (length, label) =
                scan_link_label(&self.text[bracket.pos + 1..=i]).filter(|_| !at_end)?;
            (bracket.pos + 1 + length == i + 1).then_some(label)
        });
        match label.and_then(|label| self.definition(&label)) {
            Some((dest, title)) => {
                self.make_link(bracket, dest, title);
                self.text_start = end;
                self.opaque_end = Some(end);
                end
            }
            None => i + 1,
        }
    }

    /// A reference definition's destination and title, within the copying budget.
    fn definition(&mut self, label: &str) -> Option<(String, String)> {
        if *self.budget == 0 {
            return None;
        }
        let (dest, title) = self.definitions.get(&label_key(label))?.clone();
        *self.budget = self.budget.saturating_sub(dest.len() + title.len());
        Some((dest, title))
    }

    /// Makes a link or image of the nodes after `bracket`.
    fn make_link(&mut self, bracket: Bracket, dest: String, title: String) {
        // As in pulldown-cmark, a backslash line break that ends the text is a backslash, if the
        // text has delimiters.
        if self.delimiters.len() > bracket.delimiters {
            if let Some(last @ Node::HardBreak(true)) = self.nodes.last_mut() {
                *last = Node::Text("\\".to_string());
            }
        }
        self.process_emphasis(bracket.delimiters);
        self.delimiters.truncate(bracket.delimiters);
        if bracket.image {
            self.nodes[bracket.node] = Node::ImageStart;
            self.nodes.push(Node::ImageEnd);
            return;
        }
        let shown = is_safe_url(&dest);
        self.nodes[bracket.node] = Node::LinkStart(shown.then_some((dest, title)));
        self.nodes.push(Node::LinkEnd(shown));
        for open in &mut self.brackets[self.inactive_below..] {
            open.active &= open.image;
        }
        self.inactive_below = self.brackets.len();
    }

    fn entity(&mut self, i: usize) -> usize {
        match scan_entity(&self.text[i..]) {
            Some((length, value)) => {
                self.flush(i);
                self.push_text(&value);
                self.text_start = i + length;
                self.opaque_end = Some(self.text_start);
                self.text_start
            }
            None => i + 1,
        }
    }

    fn run_mut(&mut self, node: usize) -> &mut Run {
        match &mut self.nodes[node] {
            Node::Run(run) => run,
            _ => unreachable!("delimiters point at runs"),
        }
    }

    /// Matches the delimiters from `bottom` on: each closer with the nearest opener of the same
    /// character (and, for `~`, length) that the rule of three allows. Used characters become
    /// tags, what is left stays text.
    fn process_emphasis(&mut self, bottom: usize) {
        let mut openers: Vec<usize> = Vec::new();
        // Per kind of closer: below this index in `openers` none can match. All `~` closers
        // share one (as in pulldown-cmark, whatever their length).
        let mut floor = [0; 13];
        for d in bottom..self.delimiters.len() {
            let closer = self.delimiters[d];
            let both = closer.can_open && closer.can_close;
            let kind = match closer.ch {
                b'*' => 3 * usize::from(both) + closer.length % 3,
                b'_' => 6 + 3 * usize::from(both) + closer.length % 3,
                _ => 12,
            };
            let mut count = closer.length;
            while closer.can_close && count > 0 {
                let lowest = floor[kind].min(openers.len());
                let matches = |o: &usize| {
                    let opener = &self.delimiters[*o];
                    opener.ch == closer.ch
                        && (closer.ch != b'~' || opener.length == closer.length)
                        && (!(both || opener.can_open && opener.can_close)
                            || (closer.length + opener.length) % 3 != 0
                            || closer.length % 3 == 0)
                };
                let Some(k) = openers[lowest..]
                    .iter()
                    .rposition(matches)
                    .map(|k| lowest + k)
                else {
                    floor[kind] = openers.len();
                    break;
                };
                let opener = openers[k];
                openers.truncate(k);
                for f in &mut floor {
                    *f = (*f).min(k);
                }
                let opener_node = self.delimiters[opener].node;
                let used = count.min(self.run_mut(opener_node).count);
                let tags = emphasis_tags(closer.ch, used);
                let open_run = self.run_mut(opener_node);
                open_run.count -= used;
                open_run.opens.extend_from_slice(&tags);
                if open_run.count > 0 {
                    openers.push(opener);
                }
                self.run_mut(closer.node).closes.extend_from_slice(&tags);
                count -= used;
            }
            self.run_mut(closer.node).count = count;
            if count > 0 && closer.can_open {
                openers.push(d);
            }
        }
    }
}

/// The tags `used` matched delimiters make, innermost first: `<strong>` per pair, `<em>` for
/// one left over; any `~` pair or single makes `<del>`.
fn emphasis_tags(ch: u8, used: usize) -> Vec<Tag> {
    let mut tags = Vec::new();
    let mut left = used;
    while left > 0 {
        let step = left.min(2);
        tags.push(match (ch, step) {
            (b'~', _) => Tag::Del,
            (_, 2) => Tag::Strong,
            _ => Tag::Em,
        });
        left -= step;
    }
    tags
}

/// Whether a run of `length` × `ch` between the characters `before` and `after` may open and
/// may close emphasis (CommonMark's flanking rules; `_` not inside words, `~~` anywhere).
fn flanking(ch: u8, length: usize, before: Option<char>, after: Option<char>) -> (bool, bool) {
    let can_open = match (before, after) {
        (_, None) => false,
        (_, Some(a)) if a.is_whitespace() => false,
        (None, _) => true,
        (Some(b), Some(a)) => {
            (ch == b'*' && !is_punctuation(a))
                || (ch == b'~' && (length > 1 || (b == '~' && !is_punctuation(a))))
                || b.is_whitespace()
                || is_punctuation(b)
        }
    };
    let can_close = match (before, after) {
        (None, _) => false,
        (Some(b), _) if b.is_whitespace() => false,
        (_, None) => true,
        (Some(b), Some(a)) => {
            ((ch == b'*' || (ch == b'~' && length > 1)) && !is_punctuation(b))
                || (ch == b'~' && b == '~')
                || a.is_whitespace()
                || is_punctuation(a)
        }
    };
    (can_open, can_close)
}

/// After a link's `]`: `(destination "title")`. Returns the length, destination and title.
fn scan_inline_link(s: &str) -> Option<(usize, String, String)> {
    let skip_space = |mut i: usize| {
        i += count_while(&s.as_bytes()[i..], is_space);
        if s.as_bytes().get(i) == Some(&b'\n') {
            i += 1;
        }
        i + count_while(&s.as_bytes()[i..], is_space)
    };
    if !s.starts_with('(') {
        return None;
    }
    let mut i = skip_space(1);
    let (length, dest) = scan_link_dest(&s[i..])?;
    let dest = unescape(dest);
    i = skip_space(i + length);
    let mut title = String::new();
    if let Some((length, text)) = scan_link_title(&s[i..], true) {
        title = text;
        i = skip_space(i + length);
    }
    (s.as_bytes().get(i) == Some(&b')')).then_some((i + 1, dest, title))
}

/// An autolink after its `<`: `scheme:…>` or `address@domain>`. Returns its length (with
/// the `>`) and whether it is an e-mail address.
fn scan_autolink(s: &str) -> Option<(usize, bool)> {
    scan_uri(s.as_bytes())
        .map(|n| (n, false))
        .or_else(|| scan_email(s.as_bytes()).map(|n| (n, true)))
}

fn scan_uri(s: &[u8]) -> Option<usize> {
    if !s.first()?.is_ascii_alphabetic() {
        return None;
    }
    let scheme = 1 + count_while(&s[1..], |b| {
        b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'+')
    });
    if s.get(scheme) != Some(&b':') || !(2..=32).contains(&scheme) {
        return None;
    }
    let end = scheme + 1 + count_while(&s[scheme + 1..], |b| b > b' ' && b != b'<' && b != b'>');
    (s.get(end) == Some(&b'>')).then_some(end + 1)
}

fn scan_email(s: &[u8]) -> Option<usize> {
    let local = count_while(s, |b| {
        b.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&b)
    });
    if local == 0 || s.get(local) != Some(&b'@') {
        return None;
    }
    let mut i = local + 1;
    loop {
        let label = count_while(&s[i..], |b| b.is_ascii_alphanumeric() || b == b'-');
        if label == 0 || label > 63 || s[i] == b'-' || s[i + label - 1] == b'-' {
            return None;
        }
        i += label;
        if s.get(i) != Some(&b'.') {
            break;
        }
        i += 1;
    }
    (s.get(i) == Some(&b'>')).then_some(i + 1)
}

//! Reading a SIE file (types 1–4, specification 4B) into a [`SieFile`].
//!
//! The parser works on the bytes (see [`super::encoding`]), one line at a time; a line ends with
//! CRLF, LF or a lone CR. Fields are separated by spaces or tabs; a field may be quoted (`"…"`,
//! with `\"` for a quote inside) and an object list is written in braces (`{1 "456" 6 "47"}`).
//! Unknown records and extra fields are ignored, as the specification requires. The records
//! Kassören needs must be well formed: a bad amount, account or date is an error naming the line.
//! A malformed record it does not need (`#KONTO`, `#KTYP`, `#SRU`, `#PBUDGET`) is skipped with a
//! [`Notice`] naming the line, as are duplicate `#IB`/`#UB`/`#RES` rows (the last counts),
//! over-long texts (cut) and control characters (removed).
//!
//! `#TRANS` rows are summed per year and account as they are read (no allocation per row), so a
//! file of 50 MB with 500 000 rows reads at several hundred MB/s natively.
//!
//! Here: the records and vouchers; `fields` splits a line into fields and reads their values.

mod fields;

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;

use super::encoding::{self, Encoding};
use super::year::{self, YearSource};
use super::{
    AccountType, Address, Notice, NoticeKind, SieError, SieFile, UnbalancedVoucher, KEEP_NOTICES,
    MAX_TEXT_CHARS,
};
use crate::date::Date;
use crate::model::FiscalYear;
use fields::{parse_amount, parse_date, parse_i32, parse_u32, shown, text, Fields, Tok};

/// How many unbalanced vouchers are kept for the warning (all are counted).
const KEEP_UNBALANCED: usize = 20;

/// Where the parser is with respect to a voucher block.
enum Block {
    Outside,
    /// A `#VER` was read; its `{` is expected next.
    AfterVer,
    /// Inside `{ … }` of a voucher.
    Inside,
}

/// The voucher being read (series and number as written, decoded only if it is reported).
struct Voucher<'a> {
    line: usize,
    series: Tok<'a>,
    number: Tok<'a>,
    date: Option<Date>,
    /// The year index the voucher belongs to, when the years were known at `#VER`.
    year: Option<i32>,
    sum: Decimal,
    /// A `#RTRANS` row (account, amount) waiting for the `#TRANS` row that repeats it.
    pending_rtrans: Option<(u32, Decimal)>,
}

struct Parser<'a> {
    enc: Encoding,
    file: SieFile,
    block: Block,
    voucher: Option<Voucher<'a>>,
    /// Rows of vouchers read before any `#RAR`: resolved to a year at the end.
    unresolved: Vec<(Option<Date>, u32, Decimal)>,
    /// The dates of the vouchers read before any `#RAR`.
    unresolved_vouchers: Vec<Option<Date>>,
    line: usize,
    /// Set once any SIE record is seen.
    seen_sie_record: bool,
    /// Whether the file has control bytes other than tab and line ends (NUL, …): then each
    /// line is checked for them.
    has_control_bytes: bool,
    /// The line of each `#IB`, `#UB` and `#RES` row read (by the record's second letter, year
    /// and account), to find a row written twice.
    balance_lines: HashMap<(u8, i32, u32), usize>,
}

/// Reads a SIE file from its bytes. See the module documentation for what is accepted; the
/// error names the line and what is wrong, in Swedish.
pub fn parse(bytes: &[u8]) -> Result<SieFile, SieError> {
    let (bom, bytes) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    check_looks_like_sie(bytes)?;
    let enc = encoding::detect(bytes, bom);
    let mut p = Parser {
        enc,
        file: SieFile::empty(enc),
        block: Block::Outside,
        voucher: None,
        unresolved: Vec::new(),
        unresolved_vouchers: Vec::new(),
        line: 0,
        seen_sie_record: false,
        balance_lines: HashMap::new(),
        // Branch-free, so it runs at memory speed.
        has_control_bytes: bytes.iter().fold(false, |any, &b| {
            any | ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r'))
        }),
    };
    let len = bytes.len();
    let mut pos = 0;
    while pos < len {
        p.line += 1;
        let end = line_end(bytes, pos);
        let line = &bytes[pos..end];
        pos = end;
        if pos < len {
            pos += if bytes[pos] == b'\r' && pos + 1 < len && bytes[pos + 1] == b'\n' {
                2
            } else {
                1
            };
        }
        p.record(line)?;
    }
    p.finish()
}

/// The line (1-based) byte `at` is on.
fn line_of(bytes: &[u8], at: usize) -> usize {
    let before = &bytes[..at.min(bytes.len())];
    let mut line = 1;
    let mut k = 0;
    while k < before.len() {
        match before[k] {
            b'\n' => line += 1,
            b'\r' if before.get(k + 1) != Some(&b'\n') => line += 1,
            _ => {}
        }
        k += 1;
    }
    line
}

/// Where `part` (a slice of `line`) starts in `line`.
fn offset_in(line: &[u8], part: &[u8]) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(line.as_ptr() as usize)
        .min(line.len())
}

/// "1 234,50 kr".
fn kr(d: Decimal) -> String {
    format!("{}\u{a0}kr", crate::money::format_for_input(d))
}

/// A count with its thousands grouped: "10 485 760".
fn count(n: usize) -> String {
    crate::money::format_for_input(Decimal::from(n as u64))
}

/// The index of the first `\n` or `\r` at or after `from`, or the length. Eight bytes at a time:
/// a word with no byte below 0x0E has no line end.
fn line_end(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while i + 8 <= bytes.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[i..i + 8]);
        let w = u64::from_le_bytes(word);
        // Some byte is below 0x0E (a line end, a tab, another control character).
        if w.wrapping_sub(ONES * 0x0E) & !w & HIGHS != 0 {
            break;
        }
        i += 8;
    }
    bytes[i..]
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map_or(bytes.len(), |k| i + k)
}

/// Refuses, before parsing, what is clearly not a SIE file.
fn check_looks_like_sie(bytes: &[u8]) -> Result<(), SieError> {
    let not_sie = |line: usize, what: &str| SieError {
        line,
        message: format!("filen är ingen SIE-fil ({what})."),
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(SieError {
            line: 1,
            message: "filen är tom.".into(),
        });
    }
    // Binary data (or UTF-16) has many NUL bytes; a stray one in a text file is removed from
    // the text it is in, with a notice naming its line.
    let sample = &bytes[..bytes.len().min(65_536)];
    let nuls = sample.iter().filter(|&&b| b == 0).count();
    if nuls > 0 && (nuls > 64 || nuls * 20 > sample.len()) {
        let first = sample.iter().position(|&b| b == 0).unwrap_or(0);
        return Err(not_sie(
            line_of(bytes, first),
            "den innehåller binära data (NUL-tecken), inte text; är den sparad som UTF-16 eller är det ett annat slags fil?",
        ));
    }
    // The first line with text must be a record.
    let mut line = 1;
    let mut i = 0;
    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
        if bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            line += 1;
        }
        i += 1;
    }
    match bytes[i] {
        b'#' => Ok(()),
        b'<' => Err(not_sie(
            line,
            "den ser ut som XML, t.ex. SIE 5; Kassören läser SIE typ 1–4 – exportera en SIE 4-fil",
        )),
        b'{' | b'[' => Err(not_sie(
            line,
            "den ser ut som JSON; en årsredovisning från Kassören öppnas med Öppna fil",
        )),
        _ => Err(not_sie(line, "en SIE-fil börjar med en post som #FLAGGA")),
    }
}

impl<'a> Parser<'a> {
    fn err(&self, message: impl Into<String>) -> SieError {
        SieError {
            line: self.line,
            message: message.into(),
        }
    }

    /// Notes something about the current line (see [`Notice`]).
    fn notice(&mut self, kind: NoticeKind, message: String) {
        self.file.notice_count += 1;
        if self.file.notices.len() < KEEP_NOTICES {
            self.file.notices.push(Notice {
                line: self.line,
                kind,
                message: format!("Rad {}: {message}", self.line),
            });
        }
    }

    /// The text of field `k` of a record with free text (`#FNAMN`, a `#KONTO` name, the parts
    /// of `#ADRESS`), cleaned (see [`Parser::clean`]), and the index of the field after it. A
    /// quoted field is the text; an unquoted one runs on, with its spaces, to the next quoted
    /// field or the end of the line, since programs write `#FNAMN Övningsbolaget AB` too.
    fn free_text(
        &mut self,
        line: &'a [u8],
        toks: &[Tok<'a>],
        k: usize,
        record: &str,
    ) -> (Option<String>, usize) {
        let Some(&tok) = toks.get(k) else {
            return (None, k);
        };
        let (raw, next) = match tok {
            Tok::Plain(b) => {
                let start = offset_in(line, b);
                let next = (k + 1..toks.len())
                    .find(|&j| !matches!(toks[j], Tok::Plain(_)))
                    .unwrap_or(toks.len());
                // A quoted or braced field's inside starts one byte after its opening mark.
                let end = toks
                    .get(next)
                    .map_or(line.len(), |t| offset_in(line, t.raw()).saturating_sub(1));
                (Tok::Plain(&line[start..end.max(start)]), next)
            }
            t => (t, k + 1),
        };
        let text = self.text_capped(raw, record);
        (Some(self.clean(text, record)), next)
    }

    /// A field's text, decoding at most what [`MAX_TEXT_CHARS`] characters need: a longer text
    /// (an unterminated quote running over megabytes) is cut with a notice.
    fn text_capped(&mut self, tok: Tok<'a>, record: &str) -> String {
        let raw = tok.raw();
        let limit = MAX_TEXT_CHARS * 4;
        if raw.len() <= limit {
            return text(tok, self.enc);
        }
        let head = &raw[..limit];
        let head = match tok {
            Tok::Plain(_) => Tok::Plain(head),
            Tok::Quoted(_) => Tok::Quoted(head),
            Tok::Braced(_) => Tok::Braced(head),
        };
        self.notice(
            NoticeKind::TextCut,
            format!(
                "texten i {record} är för lång ({} byte); bara de första {MAX_TEXT_CHARS} tecknen används.",
                count(raw.len())
            ),
        );
        text(head, self.enc).chars().take(MAX_TEXT_CHARS).collect()
    }

    /// A text as kept: control characters (NUL, …) removed, tabs as spaces, trimmed, at most
    /// [`MAX_TEXT_CHARS`] characters (a notice names a longer one).
    fn clean(&mut self, s: String, record: &str) -> String {
        let cleaned: String = if s.chars().any(char::is_control) {
            s.chars()
                .filter_map(|c| match c {
                    '\t' => Some(' '),
                    c if c.is_control() => None,
                    c => Some(c),
                })
                .collect()
        } else {
            s
        };
        let trimmed = cleaned.trim();
        let n = trimmed.chars().count();
        if n <= MAX_TEXT_CHARS {
            return trimmed.to_string();
        }
        self.notice(
            NoticeKind::TextCut,
            format!(
                "texten i {record} är för lång ({} tecken); bara de första {MAX_TEXT_CHARS} används.",
                count(n)
            ),
        );
        trimmed.chars().take(MAX_TEXT_CHARS).collect()
    }

    /// Skips a malformed record the report does not need, with a notice naming the line.
    fn skip(&mut self, record: &str, e: SieError) {
        let reason = e.message.trim_end_matches('.');
        self.notice(
            NoticeKind::Skipped,
            format!("{record} hoppades över ({reason}); årsredovisningen behöver inte posten och resten av filen är inläst."),
        );
    }

    fn record(&mut self, line: &'a [u8]) -> Result<(), SieError> {
        let mut i = 0;
        while i < line.len() && (line[i] == b' ' || line[i] == b'\t') {
            i += 1;
        }
        let line = &line[i..];
        let Some(&first) = line.first() else {
            return Ok(());
        };
        // The hot path: a transaction row.
        if line.starts_with(b"#TRANS") && line.get(6).map_or(true, |b| *b == b' ' || *b == b'\t') {
            return self.trans(&line[6..], Row::Trans);
        }
        match first {
            b'{' => return self.open_block(),
            b'}' => return self.close_block(),
            b'#' => {}
            // Text that is not a record (a stray line) is ignored, like an unknown record.
            _ => return Ok(()),
        }
        let mut fields = Fields::new(line);
        let Some(label) = fields.next() else {
            return Ok(());
        };
        let label = label.raw();
        // Labels are upper case in the specification; lower case is accepted too.
        let mut upper = [0u8; 16];
        let label_upper: &[u8] = if label.len() <= upper.len() {
            let buf = &mut upper[..label.len()];
            buf.copy_from_slice(label);
            buf.make_ascii_uppercase();
            buf
        } else {
            label
        };
        match label_upper {
            b"#TRANS" => return self.trans(&line[label.len()..], Row::Trans),
            b"#RTRANS" => return self.trans(&line[label.len()..], Row::Added),
            b"#BTRANS" => return self.trans(&line[label.len()..], Row::Removed),
            _ => {}
        }
        if matches!(self.block, Block::AfterVer) {
            // A #VER without { and rows: a voucher without rows.
            self.close_without_brace();
        }
        let toks: Vec<Tok<'a>> = fields.collect();
        if self.has_control_bytes && line.iter().any(|&b| b < 0x20 && b != b'\t') {
            self.notice(
                NoticeKind::ControlCharacter,
                "raden innehåller ett styrtecken (t.ex. NUL, en binär nolla); det togs bort ur texten.".into(),
            );
        }
        let enc = self.enc;
        let get_text = |k: usize| toks.get(k).map(|t| text(*t, enc));
        self.seen_sie_record |= matches!(
            label_upper,
            b"#FLAGGA"
                | b"#SIETYP"
                | b"#FORMAT"
                | b"#PROGRAM"
                | b"#GEN"
                | b"#FNAMN"
                | b"#ORGNR"
                | b"#RAR"
                | b"#KONTO"
                | b"#IB"
                | b"#UB"
                | b"#RES"
                | b"#VER"
        );
        match label_upper {
            b"#VER" => self.ver(&toks)?,
            b"#SIETYP" => {
                self.file.sie_type = toks
                    .first()
                    .and_then(|t| parse_u32(t.raw()))
                    .and_then(|v| u8::try_from(v).ok());
            }
            b"#PROGRAM" => {
                let parts: Vec<String> = toks.iter().map(|t| text(*t, enc)).collect();
                self.file.program = Some(self.clean(parts.join(" "), "#PROGRAM"));
            }
            b"#FORMAT" => self.file.format = get_text(0).map(|s| self.clean(s, "#FORMAT")),
            b"#GEN" => self.file.generated = toks.first().and_then(|t| parse_date(t.raw())),
            b"#FNAMN" => {
                self.file.company_name = self.free_text(line, &toks, 0, "#FNAMN").0;
            }
            b"#ADRESS" => {
                let mut parts = [String::new(), String::new(), String::new(), String::new()];
                let mut k = 0;
                for part in &mut parts {
                    let (text, next) = self.free_text(line, &toks, k, "#ADRESS");
                    *part = text.unwrap_or_default();
                    k = next;
                }
                let [contact, street, postal, phone] = parts;
                self.file.address = Some(Address {
                    contact,
                    street,
                    postal,
                    phone,
                });
            }
            b"#ORGNR" => self.file.org_nr = get_text(0).map(|s| self.clean(s, "#ORGNR")),
            b"#FTYP" => self.file.company_type = get_text(0).map(|s| self.clean(s, "#FTYP")),
            b"#KPTYP" => self.file.chart = get_text(0).map(|s| self.clean(s, "#KPTYP")),
            b"#RAR" => self.rar(&toks)?,
            b"#KONTO" => {
                let account = match self.account(&toks, "#KONTO") {
                    Ok(a) => a,
                    Err(e) => {
                        self.skip("#KONTO", e);
                        return Ok(());
                    }
                };
                let name = self
                    .free_text(line, &toks, 1, "#KONTO")
                    .0
                    .unwrap_or_default();
                self.file.accounts.entry(account).or_default().name = name;
            }
            b"#KTYP" => {
                let account = match self.account(&toks, "#KTYP") {
                    Ok(a) => a,
                    Err(e) => {
                        self.skip("#KTYP", e);
                        return Ok(());
                    }
                };
                let kind = toks.get(1).and_then(|t| match t.raw() {
                    b"T" | b"t" => Some(AccountType::Asset),
                    b"S" | b"s" => Some(AccountType::Liability),
                    b"I" | b"i" => Some(AccountType::Income),
                    b"K" | b"k" => Some(AccountType::Cost),
                    _ => None,
                });
                self.file.accounts.entry(account).or_default().kind = kind;
            }
            b"#SRU" => {
                let account = match self.account(&toks, "#SRU") {
                    Ok(a) => a,
                    Err(e) => {
                        self.skip("#SRU", e);
                        return Ok(());
                    }
                };
                match get_text(1).map(|s| self.clean(s, "#SRU")) {
                    Some(code) if !code.is_empty() => {
                        self.file.accounts.entry(account).or_default().sru = Some(code);
                    }
                    _ => self.skip(
                        "#SRU",
                        self.err(format!("#SRU för konto {account} saknar SRU-kod")),
                    ),
                }
            }
            b"#IB" | b"#UB" | b"#RES" => {
                let name = String::from_utf8_lossy(label_upper).into_owned();
                let (year, account, amount) = self.balance(&toks, &name)?;
                let kind = label_upper[1];
                let with_objects = matches!(toks.get(2), Some(Tok::Braced(b)) if !b.iter().all(u8::is_ascii_whitespace));
                let map = match label_upper {
                    b"#IB" => &mut self.file.opening,
                    b"#UB" => &mut self.file.closing,
                    _ => &mut self.file.result,
                };
                if with_objects {
                    // Rows per object (which #OIB/#OUB are for) add up to the account's.
                    *map.entry((year, account)).or_default() += amount;
                } else if let Some(first) =
                    self.balance_lines.insert((kind, year, account), self.line)
                {
                    // The same row twice: the last one counts, and the treasurer is told.
                    let before = map.insert((year, account), amount).unwrap_or_default();
                    self.notice(
                        NoticeKind::Duplicate,
                        format!(
                            "{name} {year} {account} står också på rad {first}; beloppet här ({}) används i stället för det på rad {first} ({}), de läggs inte ihop.",
                            kr(amount),
                            kr(before)
                        ),
                    );
                } else {
                    *map.entry((year, account)).or_default() += amount;
                }
            }
            b"#PSALDO" => self.psaldo(&toks),
            b"#PBUDGET" => self.pbudget(&toks),
            _ => {}
        }
        Ok(())
    }

    /// The account number in the first field of a record.
    fn account(&self, toks: &[Tok<'_>], record: &str) -> Result<u32, SieError> {
        let Some(t) = toks.first() else {
            return Err(self.err(format!("{record} saknar kontonummer.")));
        };
        parse_u32(t.raw()).ok_or_else(|| {
            self.err(format!(
                "kontonumret \"{}\" i {record} är inget kontonummer (bara siffror, högst nio).",
                shown(t.raw(), self.enc)
            ))
        })
    }

    /// `#IB`, `#UB`, `#RES`: year index, account, amount.
    fn balance(&self, toks: &[Tok<'_>], record: &str) -> Result<(i32, u32, Decimal), SieError> {
        let year = match toks.first() {
            None => return Err(self.err(format!("{record} saknar årsnummer, konto och belopp."))),
            Some(t) => parse_i32(t.raw()).ok_or_else(|| {
                self.err(format!(
                    "årsnumret \"{}\" i {record} ska vara ett heltal (0 för räkenskapsåret, -1 för året före).",
                    shown(t.raw(), self.enc)
                ))
            })?,
        };
        let account = self.account(&toks[1..], record)?;
        // An object list here is not part of #IB/#UB/#RES; skip it if a program wrote one.
        let mut k = 2;
        if matches!(toks.get(k), Some(Tok::Braced(_))) {
            k += 1;
        }
        let amount = self.amount(toks.get(k), record)?;
        Ok((year, account, amount))
    }

    fn amount(&self, tok: Option<&Tok<'_>>, record: &str) -> Result<Decimal, SieError> {
        let Some(t) = tok else {
            return Err(self.err(format!("{record} saknar belopp.")));
        };
        let amount = parse_amount(t.raw()).ok_or_else(|| {
            self.err(format!(
                "beloppet \"{}\" i {record} är inget belopp (skrivs t.ex. -1234.50).",
                shown(t.raw(), self.enc)
            ))
        })?;
        if amount.abs() >= crate::money::MAX_ABS {
            return Err(self.err(format!(
                "beloppet \"{}\" i {record} är för stort.",
                shown(t.raw(), self.enc)
            )));
        }
        Ok(amount)
    }

    fn rar(&mut self, toks: &[Tok<'_>]) -> Result<(), SieError> {
        let index = toks
            .first()
            .and_then(|t| parse_i32(t.raw()))
            .ok_or_else(|| {
                self.err("#RAR ska ha årsnummer, startdatum och slutdatum (t.ex. #RAR 0 20250101 20251231).")
            })?;
        let date = |k: usize, what: &str| -> Result<Date, SieError> {
            let t = toks
                .get(k)
                .ok_or_else(|| self.err(format!("#RAR saknar {what}.")))?;
            parse_date(t.raw()).ok_or_else(|| {
                self.err(format!(
                    "{what} \"{}\" i #RAR är inget datum (skrivs ÅÅÅÅMMDD).",
                    shown(t.raw(), self.enc)
                ))
            })
        };
        let start = date(1, "startdatumet")?;
        let end = date(2, "slutdatumet")?;
        if end < start {
            return Err(self.err(format!(
                "räkenskapsåret i #RAR slutar ({end}) före det börjar ({start})."
            )));
        }
        self.file.years.insert(index, FiscalYear { start, end });
        Ok(())
    }

    /// `#PBUDGET årsnr period konto {objekt} belopp`: the rows without objects (the account's
    /// own budget) are summed per year. A malformed row is skipped with a notice: the
    /// statements do not need it.
    fn pbudget(&mut self, toks: &[Tok<'_>]) {
        let at = |k: usize| toks.get(k).map(|t| t.raw());
        let (year, period, account) = (
            at(0).and_then(parse_i32),
            at(1).and_then(parse_u32),
            at(2).and_then(parse_u32),
        );
        let (objects, amount_at) = match toks.get(3) {
            Some(Tok::Braced(b)) => (Some(*b), 4),
            _ => (None, 3),
        };
        let amount = at(amount_at).and_then(parse_amount);
        let (Some(year), Some(_), Some(account), Some(amount)) = (year, period, account, amount)
        else {
            let e = self.err(
                "raden ska vara #PBUDGET årsnummer period konto {objekt} belopp, t.ex. #PBUDGET 0 202501 3010 {} -5000",
            );
            self.skip("#PBUDGET", e);
            return;
        };
        if objects.map_or(true, |b| b.iter().all(u8::is_ascii_whitespace)) {
            *self.file.budget.entry((year, account)).or_default() += amount;
        }
    }

    fn psaldo(&mut self, toks: &[Tok<'_>]) {
        // #PSALDO årsnr period konto {objekt} saldo: only the rows without objects (the
        // account's own balance) are summed, for finding a period whose rows do not balance.
        let (Some(year), Some(period), Some(_), Some(Tok::Braced(objects)), Some(amount)) = (
            toks.first().and_then(|t| parse_i32(t.raw())),
            toks.get(1).and_then(|t| parse_u32(t.raw())),
            toks.get(2).and_then(|t| parse_u32(t.raw())),
            toks.get(3),
            toks.get(4).and_then(|t| parse_amount(t.raw())),
        ) else {
            return;
        };
        if objects.iter().all(|b| b.is_ascii_whitespace()) {
            *self.file.period_totals.entry((year, period)).or_default() += amount;
        }
    }

    fn ver(&mut self, toks: &[Tok<'a>]) -> Result<(), SieError> {
        if let Some(v) = &self.voucher {
            return Err(self.err(format!(
                "en ny verifikation börjar innan verifikationen på rad {} är avslutad med }}.",
                v.line
            )));
        }
        let enc = self.enc;
        // #VER serie nummer datum …; some programs leave the series out (#VER 17 20250110 "…").
        let date_at = |k: usize| toks.get(k).and_then(|t| parse_date(t.raw()));
        let blank = |k: usize| {
            toks.get(k)
                .map_or(true, |t| t.raw().iter().all(|b| b.is_ascii_whitespace()))
        };
        let (series, number, date) = if let Some(d) = date_at(2) {
            (toks.first().copied(), toks.get(1).copied(), Some(d))
        } else if let (Some(d), None) = (date_at(1), date_at(0)) {
            self.notice(
                NoticeKind::MissingSeries,
                format!(
                    "verifikationen saknar serie (#VER {} {} …); den läses som nummer {} med datum {d}.",
                    shown(toks[0].raw(), enc),
                    shown(toks[1].raw(), enc),
                    shown(toks[0].raw(), enc)
                ),
            );
            (None, toks.first().copied(), Some(d))
        } else if blank(2) {
            (toks.first().copied(), toks.get(1).copied(), None)
        } else {
            return Err(self.err(format!(
                "verifikationsdatumet \"{}\" i #VER är inget datum (skrivs ÅÅÅÅMMDD; posten skrivs #VER serie nummer datum, t.ex. #VER A 12 20250131).",
                shown(toks[2].raw(), enc)
            )));
        };
        let year = if self.file.years.is_empty() {
            self.unresolved_vouchers.push(date);
            None
        } else {
            self.count_voucher(date);
            Some(self.year_index(date))
        };
        self.voucher = Some(Voucher {
            line: self.line,
            series: series.unwrap_or(Tok::Plain(b"")),
            number: number.unwrap_or(Tok::Plain(b"")),
            date,
            year,
            sum: Decimal::ZERO,
            pending_rtrans: None,
        });
        self.file.vouchers += 1;
        self.block = Block::AfterVer;
        Ok(())
    }

    /// The `#RAR` year a date is in.
    fn year_containing(&self, date: Date) -> Option<i32> {
        self.file
            .years
            .iter()
            .find(|(_, y)| y.start <= date && date <= y.end)
            .map(|(&i, _)| i)
    }

    /// The year index a voucher's date belongs to: year 0 when it has no date or is in no
    /// `#RAR` year.
    fn year_index(&self, date: Option<Date>) -> i32 {
        date.and_then(|d| self.year_containing(d)).unwrap_or(0)
    }

    /// Counts a voucher without a date, or dated outside every `#RAR` year, for a warning.
    fn count_voucher(&mut self, date: Option<Date>) {
        match date {
            None => self.file.vouchers_without_date += 1,
            Some(d) if self.year_containing(d).is_none() => self.file.vouchers_outside_years += 1,
            Some(_) => {}
        }
    }

    fn open_block(&mut self) -> Result<(), SieError> {
        match self.block {
            Block::AfterVer => {
                self.block = Block::Inside;
                Ok(())
            }
            Block::Inside => Err(self.err("en { till inne i en verifikation.")),
            Block::Outside => Err(self.err("en { utan en #VER före.")),
        }
    }

    fn close_block(&mut self) -> Result<(), SieError> {
        match self.block {
            Block::Inside => {
                self.block = Block::Outside;
                if let Some(mut v) = self.voucher.take() {
                    if let Some((account, amount)) = v.pending_rtrans.take() {
                        self.add_row(&mut v, account, amount);
                    }
                    self.close_voucher(v);
                }
                Ok(())
            }
            Block::AfterVer => {
                self.close_without_brace();
                Ok(())
            }
            Block::Outside => Err(self.err("en } utan en { före.")),
        }
    }

    /// Ends a voucher whose `{` never came (it has no rows).
    fn close_without_brace(&mut self) {
        self.file.vouchers_without_brace += 1;
        self.block = Block::Outside;
        if let Some(v) = self.voucher.take() {
            self.close_voucher(v);
        }
    }

    fn close_voucher(&mut self, v: Voucher<'a>) {
        if !v.sum.is_zero() {
            self.file.unbalanced_voucher_count += 1;
            if self.file.unbalanced_vouchers.len() < KEEP_UNBALANCED {
                self.file.unbalanced_vouchers.push(UnbalancedVoucher {
                    line: v.line,
                    series: text(v.series, self.enc),
                    number: text(v.number, self.enc),
                    date: v.date,
                    difference: v.sum,
                });
            }
        }
    }

    fn add_row(&mut self, v: &mut Voucher<'a>, account: u32, amount: Decimal) {
        v.sum += amount;
        self.file.transaction_rows += 1;
        match v.year {
            Some(year) => *self.file.transactions.entry((year, account)).or_default() += amount,
            None => self.unresolved.push((v.date, account, amount)),
        }
    }

    /// A `#TRANS`, `#RTRANS` or `#BTRANS` row (`rest` is the line after the label).
    fn trans(&mut self, rest: &[u8], row: Row) -> Result<(), SieError> {
        let record = row.label();
        if matches!(self.block, Block::AfterVer) {
            // The { line is missing (real files do this): the rows belong to the #VER anyway.
            self.file.vouchers_without_brace += 1;
            self.block = Block::Inside;
        }
        if !matches!(self.block, Block::Inside) {
            return Err(self.err(format!(
                "{record} utanför en verifikation (raderna ska stå inom {{ }} efter en #VER)."
            )));
        }
        let mut fields = Fields::new(rest);
        let Some(acc_tok) = fields.next() else {
            return Err(self.err(format!("{record} saknar konto och belopp.")));
        };
        let account = parse_u32(acc_tok.raw()).ok_or_else(|| {
            self.err(format!(
                "kontonumret \"{}\" i {record} är inget kontonummer (bara siffror, högst nio).",
                shown(acc_tok.raw(), self.enc)
            ))
        })?;
        let mut next = fields.next();
        if let Some(Tok::Braced(_)) = next {
            next = fields.next();
        }
        let amount = self.amount(next.as_ref(), record)?;
        let Some(mut v) = self.voucher.take() else {
            return Err(self.err(format!("{record} utanför en verifikation.")));
        };
        // An added row (#RTRANS) is followed by a #TRANS that repeats it for programs that do
        // not know #RTRANS: the pair counts once. A removed row (#BTRANS) does not count.
        let pending = v.pending_rtrans.take();
        match row {
            Row::Removed => {
                if let Some((a, x)) = pending {
                    self.add_row(&mut v, a, x);
                }
            }
            Row::Added => {
                if let Some((a, x)) = pending {
                    self.add_row(&mut v, a, x);
                }
                v.pending_rtrans = Some((account, amount));
            }
            Row::Trans => {
                match pending {
                    Some((a, x)) if a == account && x == amount => {}
                    Some((a, x)) => self.add_row(&mut v, a, x),
                    None => {}
                }
                self.add_row(&mut v, account, amount);
            }
        }
        self.voucher = Some(v);
        Ok(())
    }

    fn finish(mut self) -> Result<SieFile, SieError> {
        match (&self.block, &self.voucher) {
            (Block::Outside, _) => {}
            (_, Some(v)) => {
                return Err(self.err(format!(
                    "filen tar slut mitt i verifikationen som börjar på rad {} (avslutande }} saknas); filen är troligen avkapad.",
                    v.line
                )))
            }
            (_, None) => return Err(self.err("filen tar slut mitt i en verifikation.")),
        }
        if !self.seen_sie_record {
            return Err(SieError {
                line: 1,
                message: "filen är ingen SIE-fil (den saknar poster som #FLAGGA, #SIETYP, #KONTO, #IB, #UB, #RES och #VER).".into(),
            });
        }
        let rows = std::mem::take(&mut self.unresolved);
        let dates = std::mem::take(&mut self.unresolved_vouchers);
        if self.file.years.is_empty() {
            // No #RAR: every voucher counts to year 0, which the vouchers' dates decide.
            for (_, account, amount) in rows {
                *self.file.transactions.entry((0, account)).or_default() += amount;
            }
            for d in dates {
                *self.file.voucher_dates.entry(d).or_default() += 1;
                if d.is_none() {
                    self.file.vouchers_without_date += 1;
                }
            }
            match year::infer(&self.file.voucher_dates, self.file.generated) {
                Some((y, source)) => self.file.set_inferred_year(y, source),
                None => self.file.year_source = YearSource::Unknown,
            }
        } else {
            for d in dates {
                self.count_voucher(d);
            }
            for (date, account, amount) in rows {
                let year = self.year_index(date);
                *self.file.transactions.entry((year, account)).or_default() += amount;
            }
        }
        self.file.lines = self.line;
        Ok(self.file)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Row {
    Trans,
    Added,
    Removed,
}

impl Row {
    fn label(self) -> &'static str {
        match self {
            Row::Trans => "#TRANS",
            Row::Added => "#RTRANS",
            Row::Removed => "#BTRANS",
        }
    }
}

/// Sums a balance map over the accounts of one year.
pub(crate) fn year_entries(
    map: &BTreeMap<(i32, u32), Decimal>,
    year: i32,
) -> impl Iterator<Item = (u32, Decimal)> + '_ {
    map.range((year, 0)..=(year, u32::MAX))
        .map(|(&(_, a), &v)| (a, v))
}

//! The file format: a [`Report`] as JSON, with a format name and version.
//!
//! Export is deterministic (struct field order, sorted maps, two-space indentation), so
//! export → import → export gives byte-identical files. Import checks everything before it
//! returns a report: size, nesting, JSON syntax, format name, version (older versions are
//! migrated step by step), every field, every amount and the report's structure.

use std::collections::HashSet;
use std::fmt;

use serde_json::Value;

use crate::json_errors::{self, Binary, Encoding};
use crate::model::*;

/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// The deepest JSON nesting the format allows (a statement tree of ten levels fits easily).
pub const MAX_JSON_DEPTH: usize = 64;
/// The deepest a statement's tree of groups may go.
pub const MAX_LINE_DEPTH: usize = 10;

/// Why a file could not be opened as a report. The messages are Swedish, for the treasurer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    TooDeep,
    /// Not UTF-8: the encoding it is in instead, and where UTF-8 first breaks.
    NotUtf8 {
        encoding: Encoding,
        line: usize,
        column: usize,
    },
    NotJson {
        line: usize,
        column: usize,
        reason: String,
    },
    NotAReport,
    NewerVersion {
        version: u64,
    },
    BadVersion,
    Invalid {
        path: String,
        reason: String,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "Filen är för stor ({} MB); en årsredovisning från Kassören är högst {} MB.",
                bytes.div_ceil(1_048_576),
                MAX_FILE_BYTES / 1_048_576
            ),
            ImportError::TooDeep => f.write_str(
                "Filen är nästlad djupare än en årsredovisning från Kassören kan vara; den öppnas inte.",
            ),
            ImportError::NotUtf8 { encoding: Encoding::Binary(Binary::Other), .. } => f.write_str(
                "Filen är ingen textfil (den innehåller binär data), så den kan inte vara en årsredovisning från Kassören.",
            ),
            ImportError::NotUtf8 { encoding: e @ Encoding::Binary(_), .. } => write!(
                f,
                "Filen är ingen textfil utan {}, så den kan inte vara en årsredovisning från Kassören.",
                e.label()
            ),
            ImportError::NotUtf8 { encoding: Encoding::Latin1, line, column } => write!(
                f,
                "Filen är inte sparad som UTF-8 utan verkar vara {} (första tecknet som inte är UTF-8 står på rad {line}, kolumn {column}). Spara den som UTF-8 i en textredigerare och öppna den igen.",
                Encoding::Latin1.label()
            ),
            ImportError::NotUtf8 { encoding, .. } => write!(
                f,
                "Filen är sparad som {}, men Kassören läser årsredovisningar i UTF-8. Spara den som UTF-8 i en textredigerare och öppna den igen.",
                encoding.label()
            ),
            ImportError::NotJson { line, column, reason } => write!(
                f,
                "Filen är inte giltig JSON (rad {line}, kolumn {column}: {reason})."
            ),
            ImportError::NotAReport => f.write_str(
                "Filen är JSON men ingen årsredovisning från Kassören (fältet \"format\" saknas eller är fel).",
            ),
            ImportError::NewerVersion { version } => write!(
                f,
                "Filen är skapad med en nyare version av Kassören (filformat {version}; den här versionen läser upp till {FORMAT_VERSION}). Ladda om sidan för att få den senaste versionen."
            ),
            ImportError::BadVersion => f.write_str("Filens versionsnummer (\"version\") är ogiltigt."),
            ImportError::Invalid { path, reason } => {
                write!(f, "Filen innehåller ett fel i fältet {path}: {reason}.")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// The report as a JSON file (two-space indentation, final newline).
pub fn to_json(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).expect("a report always serialises");
    s.push('\n');
    s
}

/// Reads a report from the bytes of a file (UTF-8, with or without a byte-order mark).
pub fn from_bytes(bytes: &[u8]) -> Result<Report, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| {
        let (line, column) = json_errors::first_bad_byte(bytes);
        ImportError::NotUtf8 {
            encoding: json_errors::detect(bytes),
            line,
            column,
        }
    })?;
    from_json(text)
}

/// Reads a report from JSON text: see the module documentation for what is checked.
pub fn from_json(text: &str) -> Result<Report, ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    check_depth(text.as_bytes())?;
    // A report of this version (the common case: every report kept in the browser) is read in
    // one pass; anything else goes the careful way, which names what is wrong.
    if let Ok(report) = read_report(text) {
        if report.format == FORMAT_NAME && report.version == FORMAT_VERSION {
            validate(&report)?;
            return Ok(report);
        }
    }
    // One pass checks the syntax and reads only the format and version.
    let header: Header = serde_json::from_str(text).map_err(|e| match e.classify() {
        // "format" or "version" twice: named, not taken for another kind of file.
        serde_json::error::Category::Data if e.to_string().starts_with("duplicate field") => {
            ImportError::Invalid {
                path: path_text(&path_at(text, offset_of(text, e.line(), e.column()))),
                reason: json_errors::translate(&e.to_string()),
            }
        }
        // Valid JSON, but not an object: not a report.
        serde_json::error::Category::Data => ImportError::NotAReport,
        _ => ImportError::NotJson {
            line: e.line(),
            column: e.column(),
            reason: json_errors::syntax_reason(&e),
        },
    })?;
    if header.format.as_ref().and_then(Value::as_str) != Some(FORMAT_NAME) {
        return Err(ImportError::NotAReport);
    }
    let version = header
        .version
        .as_ref()
        .and_then(Value::as_u64)
        .ok_or(ImportError::BadVersion)?;
    if version > u64::from(FORMAT_VERSION) {
        return Err(ImportError::NewerVersion { version });
    }
    if version == 0 {
        return Err(ImportError::BadVersion);
    }
    let report = if version == u64::from(FORMAT_VERSION) {
        read_report(text)?
    } else {
        let mut value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
            line: e.line(),
            column: e.column(),
            reason: json_errors::syntax_reason(&e),
        })?;
        migrate(&mut value, version as u32)?;
        read_report(&value.to_string())?
    };
    validate(&report)?;
    Ok(report)
}

/// The two fields every version of the format has; the rest of the file is skipped.
#[derive(serde::Deserialize)]
struct Header {
    #[serde(default)]
    format: Option<Value>,
    #[serde(default)]
    version: Option<Value>,
}

/// Reads a report of the current version straight from the text, naming the field of any
/// error.
pub(crate) fn read_report(text: &str) -> Result<Report, ImportError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let report = <Report as serde::Deserialize>::deserialize(&mut de).map_err(|e| {
        let reason = match e.classify() {
            serde_json::error::Category::Data => json_errors::translate(&e.to_string()),
            _ => json_errors::syntax_reason(&e),
        };
        ImportError::Invalid {
            path: path_text(&path_at(text, offset_of(text, e.line(), e.column()))),
            reason,
        }
    })?;
    de.end().map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        reason: json_errors::syntax_reason(&e),
    })?;
    Ok(report)
}

/// The byte offset of serde_json's error position (line from 1; column = bytes since the start
/// of the line, which is where the reader stood when the error was found).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start = match line {
        0 | 1 => 0,
        n => text
            .match_indices('\n')
            .nth(n - 2)
            .map_or(text.len(), |(i, _)| i + 1),
    };
    (start + column).min(text.len())
}

/// Where in the file's tree the reader stood at byte `offset`, as `years[0].end`: every
/// enclosing object's key and array's index, and the innermost one's too once its value has
/// begun. serde_json reports an error after the value it concerns (after a whole object for a
/// missing field, after the key for an unknown one), so this names the field at fault without
/// tracking paths while reading — the common case, a valid file, pays nothing.
fn path_at(text: &str, offset: usize) -> String {
    enum Frame {
        /// The current key, and whether its value has begun.
        Object(Option<String>, bool),
        Array(usize),
    }
    let bytes = &text.as_bytes()[..offset];
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    let value_begins = |stack: &mut Vec<Frame>| {
        if let Some(Frame::Object(_, begun)) = stack.last_mut() {
            *begun = true;
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            b'{' => {
                value_begins(&mut stack);
                stack.push(Frame::Object(None, false));
            }
            b'[' => {
                value_begins(&mut stack);
                stack.push(Frame::Array(0));
            }
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object(key, begun)) => (*key, *begun) = (None, false),
                Some(Frame::Array(index)) => *index += 1,
                None => {}
            },
            b':' => value_begins(&mut stack),
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object(key @ None, false)) = stack.last_mut() {
                    let raw = text
                        .get(start..(i + 1).min(bytes.len()))
                        .unwrap_or_default();
                    *key = Some(serde_json::from_str(raw).unwrap_or_else(|_| raw.to_string()));
                }
            }
            _ => {}
        }
        i += 1;
    }
    let last = stack.len().saturating_sub(1);
    let mut path = String::new();
    for (depth, frame) in stack.iter().enumerate() {
        match frame {
            Frame::Object(Some(key), begun) if *begun || depth < last => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Array(index) => path.push_str(&format!("[{index}]")),
            Frame::Object(..) => {}
        }
    }
    path
}

/// Refuses nesting deeper than [`MAX_JSON_DEPTH`] without parsing (strings are skipped).
fn check_depth(bytes: &[u8]) -> Result<(), ImportError> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &b in bytes {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_JSON_DEPTH {
                    return Err(ImportError::TooDeep);
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// One migration step: turns a file of version N into version N + 1.
pub type Migration = fn(&mut Value) -> Result<(), String>;

/// `MIGRATIONS[i]` migrates version `i + 1` to `i + 2`. Every step needs a fixture file of the
/// version it migrates from in `engine/tests/fixtures/` (the test
/// `every_migration_step_is_exercised` fails otherwise).
///
/// * 1 → 2: the report keeps the treasurer's account → line choices of the SIE import
///   (`account_map`); a version 1 file has none.
/// * 2 → 3: board review (see [`crate::review`]): the `lineage` that recognises copies of one
///   report, `comments` and `reviews`. A version 2 file gets a document id derived from its
///   organisation and fiscal year (`v2-` and a hash, the same for every copy of the file),
///   revision 0, and no comments or reviews.
/// * 3 → 4: a real report fits, and the SIE import's mapping table is kept: `sie_accounts` (the
///   table; a version 3 file has none, and its table shows again after the next import) is
///   added, empty; `invalid_amounts` (text typed into amount cells that is not an amount), the
///   resultatdisposition's `remainder` row, a note table's `sign`, `off_balance` and
///   `settings.nil` are left out of the file while they hold their default, so a version 3 file
///   keeps its behaviour (its proposal rows stay as typed) and its reviews.
/// * 4 → 5: the change history (`history`) travels in the file, for merging the board's
///   copies; a version 4 file has none, and is left as it is.
/// * 5 → 6: the document type (`document`): a version 5 file is an årsredovisning enligt K2,
///   the type that keeps every part it has, marked `document_unconfirmed` so the editor asks
///   once to confirm or change it.
/// * 6 → 7: `settings.cash_flow`, a kassaflödesanalys asked for by a report that does not need
///   one: a version 6 file has none (the setting is left out while false), and is left as it is.
pub const MIGRATIONS: &[Migration] = &[
    v1_add_account_map,
    v2_add_review,
    v3_fit_real_reports,
    v4_add_history,
    v5_add_document,
    v6_add_cash_flow_setting,
];

/// Version 6 → 7: nothing to add (a file without `settings.cash_flow` prints a kassaflödesanalys
/// only where the rules ask for one); a version 6 file that already has the field was not
/// written by Kassören.
fn v6_add_cash_flow_setting(value: &mut Value) -> Result<(), String> {
    if value.pointer("/settings/cash_flow").is_some() {
        return Err("fältet \"settings.cash_flow\" finns redan i en fil av version 6".into());
    }
    Ok(())
}

/// Version 5 → 6: the document type, K2 årsredovisning, to be confirmed.
fn v5_add_document(value: &mut Value) -> Result<(), String> {
    let Some(object) = value.as_object_mut() else {
        return Err("filen är inget JSON-objekt".into());
    };
    if object.contains_key("document") {
        return Err("fältet \"document\" finns redan i en fil av version 5".into());
    }
    object.insert("document".into(), Value::from("arsredovisning_k2"));
    object.insert("document_unconfirmed".into(), Value::Bool(true));
    Ok(())
}

/// Version 4 → 5: nothing to add (a file without `history` has none); a version 4 file that
/// already has the field was not written by Kassören.
fn v4_add_history(value: &mut Value) -> Result<(), String> {
    match value.as_object() {
        None => Err("filen är inget JSON-objekt".into()),
        Some(o) if o.contains_key("history") => {
            Err("fältet \"history\" finns redan i en fil av version 4".into())
        }
        Some(_) => Ok(()),
    }
}

/// Version 1 → 2: adds the empty `account_map`.
fn v1_add_account_map(value: &mut Value) -> Result<(), String> {
    let Some(object) = value.as_object_mut() else {
        return Err("filen är inget JSON-objekt".into());
    };
    if object.contains_key("account_map") {
        return Err("fältet \"account_map\" finns redan i en fil av version 1".into());
    }
    object.insert("account_map".into(), Value::Object(serde_json::Map::new()));
    Ok(())
}

/// Version 2 → 3: adds `lineage` (a derived document id, revision 0) and empty `comments` and
/// `reviews`.
fn v2_add_review(value: &mut Value) -> Result<(), String> {
    let text = |pointer: &str| {
        value
            .pointer(pointer)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let document_id = derived_document_id(
        "v2",
        &text("/organisation/org_nr"),
        &text("/organisation/name"),
        &text("/years/0/start"),
        &text("/years/0/end"),
    );
    let Some(object) = value.as_object_mut() else {
        return Err("filen är inget JSON-objekt".into());
    };
    for field in ["lineage", "comments", "reviews"] {
        if object.contains_key(field) {
            return Err(format!(
                "fältet \"{field}\" finns redan i en fil av version 2"
            ));
        }
    }
    let lineage = Lineage {
        document_id,
        ..Lineage::default()
    };
    object.insert(
        "lineage".into(),
        serde_json::to_value(lineage).expect("a lineage always serialises"),
    );
    object.insert("comments".into(), Value::Array(Vec::new()));
    object.insert("reviews".into(), Value::Array(Vec::new()));
    Ok(())
}

/// Version 3 → 4: adds the empty `sie_accounts`. The other fields format 4 added are left out of
/// the file while they hold their default. A version 3 file that already has one of format 4's
/// fields is refused rather than guessed at.
fn v3_fit_real_reports(value: &mut Value) -> Result<(), String> {
    let Some(object) = value.as_object() else {
        return Err("filen är inget JSON-objekt".into());
    };
    let has = |pointer: &str, field: &str| {
        value
            .pointer(pointer)
            .and_then(Value::as_array)
            .is_some_and(|items| items.iter().any(|i| i.get(field).is_some()))
    };
    let found = ["sie_accounts", "invalid_amounts", "off_balance"]
        .into_iter()
        .find(|f| object.contains_key(*f))
        .or_else(|| has("/appropriation/proposal", "remainder").then_some("remainder"))
        .or_else(|| value.pointer("/settings/nil").map(|_| "nil"))
        .or_else(|| {
            value
                .get("notes")
                .and_then(Value::as_array)
                .is_some_and(|notes| notes.iter().any(|n| n.pointer("/table/sign").is_some()))
                .then_some("sign")
        });
    if let Some(field) = found {
        return Err(format!(
            "fältet \"{field}\" finns redan i en fil av version 3"
        ));
    }
    let Some(object) = value.as_object_mut() else {
        return Err("filen är inget JSON-objekt".into());
    };
    object.insert("sie_accounts".into(), Value::Array(Vec::new()));
    Ok(())
}

/// Migrates a parsed file of `version` to [`FORMAT_VERSION`], step by step.
pub fn migrate(value: &mut Value, version: u32) -> Result<(), ImportError> {
    migrate_with(MIGRATIONS, value, version)
}

/// Runs the migration steps from `version` on (`steps[i]` migrates `i + 1` to `i + 2`).
pub fn migrate_with(
    steps: &[Migration],
    value: &mut Value,
    version: u32,
) -> Result<(), ImportError> {
    let first = (version as usize).saturating_sub(1);
    for (i, step) in steps.iter().enumerate().skip(first) {
        step(value).map_err(|reason| ImportError::Invalid {
            path: format!("(uppgradering från filformat {})", i + 1),
            reason,
        })?;
        value["version"] = Value::from(i as u64 + 2);
    }
    Ok(())
}

fn path_text(path: &str) -> String {
    if path.is_empty() || path == "." {
        "(hela filen)".into()
    } else {
        format!("\"{path}\"")
    }
}

fn invalid(path: impl Into<String>, reason: impl Into<String>) -> ImportError {
    ImportError::Invalid {
        path: format!("\"{}\"", path.into()),
        reason: reason.into(),
    }
}

/// Checks what the types alone cannot: lengths, unique ids, references, depth.
pub fn validate(report: &Report) -> Result<(), ImportError> {
    let n = report.years.len();
    if n == 0 || n > MAX_YEARS {
        return Err(invalid(
            "years",
            format!("en rapport har 1 till {MAX_YEARS} år, här finns {n}"),
        ));
    }
    for (i, y) in report.years.iter().enumerate() {
        if y.end < y.start {
            return Err(invalid(
                format!("years[{i}]"),
                "året slutar innan det börjar",
            ));
        }
    }
    let mut seen = HashSet::new();
    for id in report.all_ids() {
        if id.is_empty() || id.len() > 100 {
            return Err(invalid("id", "ett id är tomt eller längre än 100 tecken"));
        }
        if !seen.insert(id) {
            return Err(invalid("id", format!("id \"{id}\" används mer än en gång")));
        }
    }
    for (name, st) in [
        ("income_statement", &report.income_statement),
        ("balance_sheet", &report.balance_sheet),
    ] {
        validate_lines(report, name, &st.lines, 1)?;
    }
    for (i, m) in report.equity.movements.iter().enumerate() {
        for (line, amounts) in &m.amounts {
            if report.line(line).is_none() {
                return Err(invalid(
                    format!("equity.movements[{i}].amounts"),
                    format!("raden \"{line}\" finns inte"),
                ));
            }
            if amounts.len() != n {
                return Err(invalid(
                    format!("equity.movements[{i}].amounts.{line}"),
                    format!("ska ha ett belopp per år ({n})"),
                ));
            }
        }
    }
    for line in report.equity.opening.keys() {
        if report.line(line).is_none() {
            return Err(invalid(
                "equity.opening",
                format!("raden \"{line}\" finns inte"),
            ));
        }
    }
    for (account, line) in &report.account_map {
        match report.line(line).map(|l| &l.kind) {
            Some(LineKind::Input { .. }) => {}
            Some(_) => {
                return Err(invalid(
                    format!("account_map.{account}"),
                    format!("raden \"{line}\" är ingen rad med belopp"),
                ))
            }
            None => {
                return Err(invalid(
                    format!("account_map.{account}"),
                    format!("raden \"{line}\" finns inte"),
                ))
            }
        }
    }
    for line in report.budget.lines.keys() {
        if !matches!(
            report.income_statement.find(line).map(|l| &l.kind),
            Some(LineKind::Input { .. })
        ) {
            return Err(invalid(
                format!("budget.lines.{line}"),
                format!(
                    "raden \"{line}\" finns inte i resultaträkningen eller är ingen rad med belopp"
                ),
            ));
        }
    }
    for (i, a) in report.sie_accounts.iter().enumerate() {
        if let Some(line) = &a.line {
            if !matches!(
                report.line(line).map(|l| &l.kind),
                Some(LineKind::Input { .. })
            ) {
                return Err(invalid(
                    format!("sie_accounts[{i}].line"),
                    format!("raden \"{line}\" finns inte eller är ingen rad med belopp"),
                ));
            }
        }
        if a.amounts.len() > MAX_YEARS || a.budget.len() > MAX_YEARS {
            return Err(invalid(
                format!("sie_accounts[{i}]"),
                format!("har fler belopp än {MAX_YEARS} år"),
            ));
        }
    }
    for (i, s) in report.narrative.iter().enumerate() {
        if !(1..=2).contains(&s.level) {
            return Err(invalid(
                format!("narrative[{i}].level"),
                "nivån ska vara 1 eller 2",
            ));
        }
    }
    for (i, note) in report.notes.iter().enumerate() {
        let Some(t) = &note.table else { continue };
        for (r, row) in t.rows.iter().enumerate() {
            if row.cells.len() > t.columns.len() {
                return Err(invalid(
                    format!("notes[{i}].table.rows[{r}].cells"),
                    format!(
                        "raden har {} celler men tabellen {} kolumner",
                        row.cells.len(),
                        t.columns.len()
                    ),
                ));
            }
        }
        if let Some(tie) = &t.tie {
            if report.line(tie).is_none() {
                return Err(invalid(
                    format!("notes[{i}].table.tie"),
                    format!("raden \"{tie}\" finns inte"),
                ));
            }
        }
    }
    validate_review(report)
}

/// Comments and reviews: unique ids, and a reply answers a comment of the report.
fn validate_review(report: &Report) -> Result<(), ImportError> {
    let mut comments = HashSet::new();
    for c in &report.comments {
        if c.id.is_empty() || c.id.len() > 100 {
            return Err(invalid(
                "comments",
                "ett id är tomt eller längre än 100 tecken",
            ));
        }
        if !comments.insert(c.id.as_str()) {
            return Err(invalid(
                "comments",
                format!("kommentaren \"{}\" finns mer än en gång", c.id),
            ));
        }
    }
    for c in &report.comments {
        if let Some(to) = &c.reply_to {
            if to == &c.id || !comments.contains(to.as_str()) {
                return Err(invalid(
                    format!("comments → {}", c.id),
                    format!("svarar på kommentaren \"{to}\" som inte finns"),
                ));
            }
        }
    }
    let mut reviews = HashSet::new();
    for r in &report.reviews {
        if !reviews.insert(r.id.as_str()) {
            return Err(invalid(
                "reviews",
                format!("granskningen \"{}\" finns mer än en gång", r.id),
            ));
        }
    }
    Ok(())
}

fn validate_lines(
    report: &Report,
    path: &str,
    lines: &[Line],
    depth: usize,
) -> Result<(), ImportError> {
    let n = report.years.len();
    if depth > MAX_LINE_DEPTH {
        return Err(invalid(
            path,
            format!("raderna är nästlade djupare än {MAX_LINE_DEPTH} nivåer"),
        ));
    }
    for l in lines {
        let here = format!("{path} → {}", l.id);
        match &l.kind {
            LineKind::Input { amounts, details } => {
                if amounts.len() != n {
                    return Err(invalid(
                        here,
                        format!("ska ha ett belopp per år ({n}), har {}", amounts.len()),
                    ));
                }
                if let Some(d) = details.iter().find(|d| d.amounts.len() != n) {
                    return Err(invalid(
                        format!("{here} → {}", d.id),
                        format!("ska ha ett belopp per år ({n})"),
                    ));
                }
            }
            LineKind::Group { children, .. } => validate_lines(report, &here, children, depth + 1)?,
            LineKind::Formula { terms } => {
                if let Some(t) = terms.iter().find(|t| report.line(&t.line).is_none()) {
                    return Err(invalid(
                        here,
                        format!("formeln hänvisar till raden \"{}\" som inte finns", t.line),
                    ));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_scan_skips_strings() {
        let deep_in_string = format!("{{\"a\":\"{}\"}}", "[".repeat(1000));
        assert!(check_depth(deep_in_string.as_bytes()).is_ok());
        let deep = "[".repeat(MAX_JSON_DEPTH + 1);
        assert_eq!(check_depth(deep.as_bytes()), Err(ImportError::TooDeep));
        assert!(check_depth("[".repeat(MAX_JSON_DEPTH).as_bytes()).is_ok());
        assert!(check_depth(br#"{"a":"\"[[[[["}"#).is_ok());
    }

    #[test]
    fn migrations_run_in_order_from_the_file_version() {
        fn v1_to_v2(v: &mut Value) -> Result<(), String> {
            v["log"] = Value::from("1→2");
            Ok(())
        }
        fn v2_to_v3(v: &mut Value) -> Result<(), String> {
            let prev = v["log"].as_str().unwrap_or("").to_string();
            v["log"] = Value::from(format!("{prev},2→3"));
            Ok(())
        }
        let steps: &[Migration] = &[v1_to_v2, v2_to_v3];
        let mut v = serde_json::json!({"version": 1});
        migrate_with(steps, &mut v, 1).unwrap();
        assert_eq!(v["log"], "1→2,2→3");
        assert_eq!(v["version"], 3);
        let mut v = serde_json::json!({"version": 2, "log": "start"});
        migrate_with(steps, &mut v, 2).unwrap();
        assert_eq!(v["log"], "start,2→3");
        let mut v = serde_json::json!({"version": 3});
        migrate_with(steps, &mut v, 3).unwrap();
        assert_eq!(v, serde_json::json!({"version": 3}));
    }

    #[test]
    fn migration_list_matches_the_version() {
        assert_eq!(MIGRATIONS.len() as u32, FORMAT_VERSION - 1);
    }
}

//! Edit operations on a report: everything the editor changes beyond a plain field goes through
//! here, so no report logic lives in the user interface.
//!
//! Every operation leaves a valid report valid (see [`crate::json::validate`]). Unknown ids or
//! indexes are refused with `false` or `None`; nothing here panics. New ids come from
//! [`Report::fresh_id`].

use rust_decimal::Decimal;

use crate::compute::equity_columns;
use crate::date::Date;
use crate::model::*;
use crate::money::Money;

// ---------------------------------------------------------------------------------------------
// Next year
// ---------------------------------------------------------------------------------------------

/// The fiscal year after `y`: it starts the day after `y` ends and runs twelve months. A
/// räkenskapsår is twelve months except the first one or one that changes the fiscal year, so a
/// shortened or extended year is followed by a normal one.
pub fn following_year(y: &FiscalYear) -> FiscalYear {
    let start = y.end.succ();
    let end = if start.month == 2 && start.day == 29 {
        // Twelve months from 29 February end on 28 February (add_years would give the 27th).
        Date {
            year: start.year + 1,
            month: 2,
            day: 28,
        }
    } else {
        start.add_years(1).pred()
    };
    FiscalYear { start, end }
}

/// Moves a per-year amount vector one year back: a new, empty fiscal year first, and at most
/// `new_len` years kept.
fn shift_amounts(v: &mut Vec<Option<Money>>, old_len: usize, new_len: usize) {
    v.resize(old_len, None);
    v.insert(0, None);
    v.truncate(new_len);
}

/// Next year's report from this one.
///
/// * The fiscal year becomes the comparison year: every year moves one place back and a new
///   fiscal year (see [`following_year`]) comes first. At most [`MAX_YEARS`] are kept; the
///   oldest is dropped.
/// * Every amount moves one year back (input lines, detail rows, equity movements); the new
///   fiscal year's amounts are empty.
/// * Texts are kept: narrative, notes, labels, the proposal's comment, names and roles.
/// * Note table columns tied to a year follow their year (a column of a dropped year is removed)
///   and a new, empty column for the fiscal year goes before the first year column.
/// * The proposal's amounts and the signature and auditor's report dates are cleared.
/// * The opening balances of förändringar i eget kapital belong to the earliest year. While no
///   year is dropped, the earliest year stays the same and so do they. When the oldest year is
///   dropped, the new earliest year opens with the dropped year's closing balance, which is that
///   year's balansräkning: its equity lines become the opening balances, so the equity table of
///   the new earliest year stays as it was.
/// * The report is no longer the example.
pub fn next_year(r: &Report) -> Report {
    let mut out = r.clone();
    out.settings.example = false;
    let Some(first) = r.years.first() else {
        return out;
    };
    let old_n = r.years.len();
    let new_n = (old_n + 1).min(MAX_YEARS);

    out.years.insert(0, following_year(first));
    out.years.truncate(new_n);

    if old_n >= new_n {
        // The oldest year is dropped: its balansräkning becomes the opening balance of the
        // new earliest year (old index new_n - 1).
        let c = crate::compute(r);
        out.equity.opening = crate::util::sort::map(
            equity_columns(r)
                .into_iter()
                .map(|l| (l.id.clone(), Money(c.value(&l.id, new_n - 1)))),
        );
    }

    for st in [&mut out.income_statement, &mut out.balance_sheet] {
        for line in &mut st.lines {
            line.walk_mut(&mut |l| {
                if let LineKind::Input { amounts, details } = &mut l.kind {
                    shift_amounts(amounts, old_n, new_n);
                    for d in details {
                        shift_amounts(&mut d.amounts, old_n, new_n);
                    }
                }
            });
        }
    }

    for m in &mut out.equity.movements {
        for v in m.amounts.values_mut() {
            shift_amounts(v, old_n, new_n);
        }
        m.amounts.retain(|_, v| v.iter().any(Option::is_some));
    }

    for p in &mut out.appropriation.proposal {
        p.amount = None;
    }
    out.signatures.date = None;
    out.signatures.auditor_report_date = None;

    for i in 0..out.notes.len() {
        let Some(t) = out.notes[i].table.as_mut() else {
            continue;
        };
        for ci in (0..t.columns.len()).rev() {
            let Some(y) = t.columns[ci].year else {
                continue;
            };
            if usize::from(y) + 1 >= MAX_YEARS {
                t.columns.remove(ci);
                for row in &mut t.rows {
                    if row.cells.len() > ci {
                        row.cells.remove(ci);
                    }
                }
            } else {
                t.columns[ci].year = Some(y + 1);
            }
        }
        let Some(at) = t.columns.iter().position(|c| c.year.is_some()) else {
            continue;
        };
        let id = out.fresh_id("tc");
        let Some(t) = out.notes[i].table.as_mut() else {
            continue;
        };
        t.columns.insert(
            at,
            NoteColumn {
                id,
                header: String::new(),
                year: Some(0),
            },
        );
        for row in &mut t.rows {
            if row.cells.len() > at {
                row.cells.insert(at, None);
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Narrative sections
// ---------------------------------------------------------------------------------------------

/// Adds a narrative section (level 1, empty body) and returns its id. It goes after the section
/// `after` if that exists, else after the last section of `part` (a first chapter goes before
/// the förvaltningsberättelse's sections, a first förvaltningsberättelse section at the end).
pub fn add_section(r: &mut Report, after: Option<&str>, part: Part, title: &str) -> Id {
    let id = r.fresh_id("s");
    let at = after
        .and_then(|a| r.narrative.iter().position(|s| s.id == a))
        .map(|i| i + 1)
        .or_else(|| {
            r.narrative
                .iter()
                .rposition(|s| s.part == part)
                .map(|i| i + 1)
        })
        .unwrap_or_else(|| match part {
            Part::Chapter => r
                .narrative
                .iter()
                .position(|s| s.part != Part::Chapter)
                .unwrap_or(r.narrative.len()),
            Part::ManagementReport => r.narrative.len(),
        });
    r.narrative.insert(
        at,
        Section {
            id: id.clone(),
            title: title.to_string(),
            level: 1,
            part,
            body: String::new(),
        },
    );
    id
}

/// Removes a narrative section.
pub fn remove_section(r: &mut Report, id: &str) -> bool {
    match r.narrative.iter().position(|s| s.id == id) {
        Some(i) => {
            r.narrative.remove(i);
            true
        }
        None => false,
    }
}

/// Moves a section one place up or down among the sections of its part (the parts are printed
/// apart), swapping it with its neighbour. False at the ends.
pub fn move_section(r: &mut Report, id: &str, up: bool) -> bool {
    let Some(i) = r.narrative.iter().position(|s| s.id == id) else {
        return false;
    };
    let part = r.narrative[i].part;
    let j = if up {
        r.narrative[..i].iter().rposition(|s| s.part == part)
    } else {
        r.narrative[i + 1..]
            .iter()
            .position(|s| s.part == part)
            .map(|k| i + 1 + k)
    };
    match j {
        Some(j) => {
            r.narrative.swap(i, j);
            true
        }
        None => false,
    }
}

/// A section, to edit its title, level, part or body.
pub fn section_mut<'a>(r: &'a mut Report, id: &str) -> Option<&'a mut Section> {
    r.narrative.iter_mut().find(|s| s.id == id)
}

// ---------------------------------------------------------------------------------------------
// Statement lines
// ---------------------------------------------------------------------------------------------

/// Sets a line's label. For a group with a sum label this is the heading; the total row's label
/// is set with [`set_sum_label`].
pub fn set_line_label(r: &mut Report, line: &str, label: &str) -> bool {
    match r.line_mut(line) {
        Some(l) => {
            l.label = label.to_string();
            true
        }
        None => false,
    }
}

/// Sets the label of a group's total row. False for a line that is not a group.
pub fn set_sum_label(r: &mut Report, line: &str, label: &str) -> bool {
    match r.line_mut(line).map(|l| &mut l.kind) {
        Some(LineKind::Group { sum_label, .. }) => {
            *sum_label = Some(label.to_string());
            true
        }
        _ => false,
    }
}

/// Adds a detail row (empty label) under an input line and returns its id. The first detail row
/// takes over the line's own amounts so totals do not change; later rows start empty. None for
/// a line that is not an input line.
pub fn add_detail_row(r: &mut Report, line: &str) -> Option<Id> {
    if !matches!(r.line(line)?.kind, LineKind::Input { .. }) {
        return None;
    }
    let id = r.fresh_id("d");
    let n = r.years.len();
    let LineKind::Input { amounts, details } = &mut r.line_mut(line)?.kind else {
        return None;
    };
    let row_amounts = if details.is_empty() {
        let mut own = std::mem::replace(amounts, vec![None; n]);
        own.resize(n, None);
        own
    } else {
        vec![None; n]
    };
    details.push(DetailRow {
        id: id.clone(),
        label: String::new(),
        amounts: row_amounts,
    });
    Some(id)
}

/// Removes a detail row. When the last one goes, the line keeps the sum the rows had, so totals
/// do not change.
pub fn remove_detail_row(r: &mut Report, line: &str, row: &str) -> bool {
    let n = r.years.len();
    let Some(LineKind::Input { amounts, details }) = r.line_mut(line).map(|l| &mut l.kind) else {
        return false;
    };
    let Some(i) = details.iter().position(|d| d.id == row) else {
        return false;
    };
    if details.len() == 1 {
        *amounts = (0..n)
            .map(|y| {
                let given: Vec<Decimal> = details
                    .iter()
                    .filter_map(|d| d.amounts.get(y).copied().flatten())
                    .map(|m| m.0)
                    .collect();
                (!given.is_empty()).then(|| Money(given.into_iter().sum()))
            })
            .collect();
    }
    details.remove(i);
    true
}

fn detail_mut<'a>(r: &'a mut Report, line: &str, row: &str) -> Option<&'a mut DetailRow> {
    match &mut r.line_mut(line)?.kind {
        LineKind::Input { details, .. } => details.iter_mut().find(|d| d.id == row),
        _ => None,
    }
}

/// Sets a detail row's label.
pub fn set_detail_label(r: &mut Report, line: &str, row: &str, label: &str) -> bool {
    match detail_mut(r, line, row) {
        Some(d) => {
            d.label = label.to_string();
            true
        }
        None => false,
    }
}

/// Sets a detail row's amount for a year (0 = the fiscal year). False if the year does not
/// exist.
pub fn set_detail_amount(
    r: &mut Report,
    line: &str,
    row: &str,
    year: usize,
    amount: Option<Decimal>,
) -> bool {
    let n = r.years.len();
    if year >= n {
        return false;
    }
    match detail_mut(r, line, row) {
        Some(d) => {
            d.amounts.resize(n, None);
            d.amounts[year] = amount.map(Money);
            true
        }
        None => false,
    }
}

/// Sets or clears the note a line refers to. The note must exist.
pub fn set_line_note(r: &mut Report, line: &str, note: Option<&str>) -> bool {
    if note.is_some_and(|n| r.note(n).is_none()) {
        return false;
    }
    match r.line_mut(line) {
        Some(l) => {
            l.note = note.map(str::to_string);
            true
        }
        None => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Notes
// ---------------------------------------------------------------------------------------------

/// Adds a note at the end (empty text, no table) and returns its id.
pub fn add_note(r: &mut Report, title: &str) -> Id {
    let id = r.fresh_id("n");
    r.notes.push(Note {
        id: id.clone(),
        title: title.to_string(),
        text: String::new(),
        table: None,
    });
    id
}

/// Removes a note and every line's reference to it.
pub fn remove_note(r: &mut Report, id: &str) -> bool {
    let Some(i) = r.notes.iter().position(|n| n.id == id) else {
        return false;
    };
    r.notes.remove(i);
    for st in [&mut r.income_statement, &mut r.balance_sheet] {
        for line in &mut st.lines {
            line.walk_mut(&mut |l| {
                if l.note.as_deref() == Some(id) {
                    l.note = None;
                }
            });
        }
    }
    true
}

/// A note, to edit its title or text.
pub fn note_mut<'a>(r: &'a mut Report, id: &str) -> Option<&'a mut Note> {
    r.notes.iter_mut().find(|n| n.id == id)
}

fn table<'a>(r: &'a Report, note: &str) -> Option<&'a NoteTable> {
    r.note(note)?.table.as_ref()
}

fn table_mut<'a>(r: &'a mut Report, note: &str) -> Option<&'a mut NoteTable> {
    note_mut(r, note)?.table.as_mut()
}

/// Gives a note a table: a label column is implied, one column per shown year (the fiscal year
/// and the comparison year if the report has it, headers empty), one item row labelled "" and a
/// sum row "Summa". False if the note does not exist or already has a table.
pub fn add_note_table(r: &mut Report, note: &str) -> bool {
    match r.note(note) {
        Some(n) if n.table.is_none() => {}
        _ => return false,
    }
    let item = r.fresh_id("tr");
    let Some(n) = note_mut(r, note) else {
        return false;
    };
    n.table = Some(NoteTable {
        columns: Vec::new(),
        rows: vec![NoteRow {
            id: item,
            label: String::new(),
            kind: RowKind::Item,
            cells: Vec::new(),
        }],
        tie: None,
    });
    let sum = r.fresh_id("tr");
    if let Some(t) = table_mut(r, note) {
        t.rows.push(NoteRow {
            id: sum,
            label: "Summa".to_string(),
            kind: RowKind::Sum,
            cells: Vec::new(),
        });
    }
    for y in 0..r.years.len().min(2) as u8 {
        add_table_column(r, note, "", Some(y));
    }
    true
}

/// Removes a note's table (the note's text stays).
pub fn remove_note_table(r: &mut Report, note: &str) -> bool {
    match note_mut(r, note) {
        Some(n) => n.table.take().is_some(),
        None => false,
    }
}

/// Adds a table row of `kind` (empty label, one empty cell per column) and returns its id. It
/// goes after the row `after`, or, when `after` is None, before the last sum row if there is one,
/// else at the end.
pub fn add_table_row(r: &mut Report, note: &str, after: Option<&str>, kind: RowKind) -> Option<Id> {
    let t = table(r, note)?;
    let at = match after {
        Some(a) => t.rows.iter().position(|x| x.id == a)? + 1,
        None => t
            .rows
            .iter()
            .rposition(|x| x.kind == RowKind::Sum)
            .unwrap_or(t.rows.len()),
    };
    let cols = t.columns.len();
    let id = r.fresh_id("tr");
    table_mut(r, note)?.rows.insert(
        at,
        NoteRow {
            id: id.clone(),
            label: String::new(),
            kind,
            cells: vec![None; cols],
        },
    );
    Some(id)
}

/// Removes a table row.
pub fn remove_table_row(r: &mut Report, note: &str, row: &str) -> bool {
    let Some(t) = table_mut(r, note) else {
        return false;
    };
    match t.rows.iter().position(|x| x.id == row) {
        Some(i) => {
            t.rows.remove(i);
            true
        }
        None => false,
    }
}

/// Moves a table row one place up or down. False at the ends.
pub fn move_table_row(r: &mut Report, note: &str, row: &str, up: bool) -> bool {
    let Some(t) = table_mut(r, note) else {
        return false;
    };
    let Some(i) = t.rows.iter().position(|x| x.id == row) else {
        return false;
    };
    let j = if up { i.checked_sub(1) } else { Some(i + 1) };
    match j.filter(|j| *j < t.rows.len()) {
        Some(j) => {
            t.rows.swap(i, j);
            true
        }
        None => false,
    }
}

/// Appends a table column and returns its id; every row gets an empty cell for it. `year` ties
/// the column to a report year (0 = the fiscal year); None for a year the report does not have
/// (a column for an older year has no year and a written header).
pub fn add_table_column(r: &mut Report, note: &str, header: &str, year: Option<u8>) -> Option<Id> {
    if year.is_some_and(|y| usize::from(y) >= r.years.len()) {
        return None;
    }
    table(r, note)?;
    let id = r.fresh_id("tc");
    let t = table_mut(r, note)?;
    let cols = t.columns.len();
    for row in &mut t.rows {
        if row.cells.len() < cols {
            row.cells.resize(cols, None);
        }
        row.cells.push(None);
    }
    t.columns.push(NoteColumn {
        id: id.clone(),
        header: header.to_string(),
        year,
    });
    Some(id)
}

/// Removes a table column and its cell from every row that has one.
pub fn remove_table_column(r: &mut Report, note: &str, column: &str) -> bool {
    let Some(t) = table_mut(r, note) else {
        return false;
    };
    let Some(ci) = t.columns.iter().position(|c| c.id == column) else {
        return false;
    };
    t.columns.remove(ci);
    for row in &mut t.rows {
        if row.cells.len() > ci {
            row.cells.remove(ci);
        }
    }
    true
}

/// Sets one cell of a table (None empties it). The row's cells are padded to the column.
pub fn set_table_cell(
    r: &mut Report,
    note: &str,
    row: &str,
    column: &str,
    cell: Option<Cell>,
) -> bool {
    let Some(t) = table_mut(r, note) else {
        return false;
    };
    let Some(ci) = t.columns.iter().position(|c| c.id == column) else {
        return false;
    };
    let Some(row) = t.rows.iter_mut().find(|x| x.id == row) else {
        return false;
    };
    if row.cells.len() <= ci {
        row.cells.resize(ci + 1, None);
    }
    row.cells[ci] = cell;
    true
}

/// Sets or clears the statement line the table's last sum row must equal. The line must exist.
pub fn set_table_tie(r: &mut Report, note: &str, line: Option<&str>) -> bool {
    if line.is_some_and(|l| r.line(l).is_none()) {
        return false;
    }
    match table_mut(r, note) {
        Some(t) => {
            t.tie = line.map(str::to_string);
            true
        }
        None => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Equity movements
// ---------------------------------------------------------------------------------------------

fn is_equity_column(r: &Report, line: &str) -> bool {
    equity_columns(r).iter().any(|l| l.id == line)
}

/// Adds a movement of förändringar i eget kapital (no amounts) and returns its id.
pub fn add_equity_movement(r: &mut Report, label: &str) -> Id {
    let id = r.fresh_id("m");
    r.equity.movements.push(EquityMovement {
        id: id.clone(),
        label: label.to_string(),
        amounts: Default::default(),
    });
    id
}

/// Removes a movement.
pub fn remove_equity_movement(r: &mut Report, id: &str) -> bool {
    match r.equity.movements.iter().position(|m| m.id == id) {
        Some(i) => {
            r.equity.movements.remove(i);
            true
        }
        None => false,
    }
}

/// Sets a movement's amount in an equity column (see [`equity_columns`]) for a year. A column
/// whose amounts all become empty is removed from the movement.
pub fn set_equity_movement_amount(
    r: &mut Report,
    movement: &str,
    line: &str,
    year: usize,
    amount: Option<Decimal>,
) -> bool {
    let n = r.years.len();
    if year >= n || !is_equity_column(r, line) {
        return false;
    }
    let Some(m) = r.equity.movements.iter_mut().find(|m| m.id == movement) else {
        return false;
    };
    let v = m
        .amounts
        .entry(line.to_string())
        .or_insert_with(|| vec![None; n]);
    v.resize(n, None);
    v[year] = amount.map(Money);
    if v.iter().all(Option::is_none) {
        m.amounts.remove(line);
    }
    true
}

/// Sets or clears the opening balance of an equity column for the earliest year.
pub fn set_equity_opening(r: &mut Report, line: &str, amount: Option<Decimal>) -> bool {
    if !is_equity_column(r, line) {
        return false;
    }
    match amount {
        Some(a) => {
            r.equity.opening.insert(line.to_string(), Money(a));
        }
        None => {
            r.equity.opening.remove(line);
        }
    }
    true
}

// ---------------------------------------------------------------------------------------------
// Resultatdisposition
// ---------------------------------------------------------------------------------------------

/// Adds a row to the board's proposal (no amount) and returns its id.
pub fn add_proposal_item(r: &mut Report, label: &str) -> Id {
    let id = r.fresh_id("f");
    r.appropriation.proposal.push(ProposalItem {
        id: id.clone(),
        label: label.to_string(),
        amount: None,
    });
    id
}

/// Removes a row of the proposal.
pub fn remove_proposal_item(r: &mut Report, id: &str) -> bool {
    match r.appropriation.proposal.iter().position(|p| p.id == id) {
        Some(i) => {
            r.appropriation.proposal.remove(i);
            true
        }
        None => false,
    }
}

/// Sets or clears the amount of a row of the proposal.
pub fn set_proposal_amount(r: &mut Report, id: &str, amount: Option<Decimal>) -> bool {
    match r.appropriation.proposal.iter_mut().find(|p| p.id == id) {
        Some(p) => {
            p.amount = amount.map(Money);
            true
        }
        None => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Signatures
// ---------------------------------------------------------------------------------------------

/// Adds a person to the signature page with an empty name and returns the id: a board member
/// ("Ledamot") or an auditor ("Revisor").
pub fn add_person(r: &mut Report, auditor: bool) -> Id {
    let (prefix, role) = if auditor {
        ("r", "Revisor")
    } else {
        ("p", "Ledamot")
    };
    let id = r.fresh_id(prefix);
    let person = Person {
        id: id.clone(),
        name: String::new(),
        role: role.to_string(),
    };
    if auditor {
        r.signatures.auditors.push(person);
    } else {
        r.signatures.signatories.push(person);
    }
    id
}

/// Removes a board member or an auditor.
pub fn remove_person(r: &mut Report, id: &str) -> bool {
    for list in [&mut r.signatures.signatories, &mut r.signatures.auditors] {
        if let Some(i) = list.iter().position(|p| p.id == id) {
            list.remove(i);
            return true;
        }
    }
    false
}

/// A board member or auditor, to edit the name or role.
pub fn person_mut<'a>(r: &'a mut Report, id: &str) -> Option<&'a mut Person> {
    let s = &mut r.signatures;
    s.signatories
        .iter_mut()
        .chain(s.auditors.iter_mut())
        .find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::{compute, EquityRowKind};
    use crate::example::example_report;
    use crate::json::validate;
    use crate::template::{calendar_year, new_report};

    fn blank() -> Report {
        new_report(
            LegalForm::IdeellForening,
            "Föreningen",
            "802000-0000",
            calendar_year(2025),
        )
    }

    fn d(v: i64) -> Decimal {
        Decimal::from(v)
    }

    fn m(v: i64) -> Option<Money> {
        Some(Money(d(v)))
    }

    fn date(y: i32, mo: u8, day: u8) -> Date {
        Date::new(y, mo, day).unwrap()
    }

    fn valid(r: &Report) {
        if let Err(e) = validate(r) {
            panic!("the report is invalid: {e}");
        }
    }

    fn input(r: &Report, line: &str) -> (Vec<Option<Money>>, Vec<DetailRow>) {
        match &r.line(line).unwrap().kind {
            LineKind::Input { amounts, details } => (amounts.clone(), details.clone()),
            _ => panic!("{line} is not an input line"),
        }
    }

    /// Every line's values in every year.
    fn totals(r: &Report) -> Vec<(Id, Vec<Decimal>)> {
        let c = compute(r);
        r.all_lines()
            .map(|l| {
                let v = (0..r.years.len()).map(|y| c.value(&l.id, y)).collect();
                (l.id.clone(), v)
            })
            .collect()
    }

    fn columns(r: &Report, note: &str) -> Vec<(Id, String, Option<u8>)> {
        r.note(note)
            .unwrap()
            .table
            .as_ref()
            .unwrap()
            .columns
            .iter()
            .map(|c| (c.id.clone(), c.header.clone(), c.year))
            .collect()
    }

    fn row<'a>(r: &'a Report, note: &str, row: &str) -> &'a NoteRow {
        let t = r.note(note).unwrap().table.as_ref().unwrap();
        t.rows.iter().find(|x| x.id == row).unwrap()
    }

    #[test]
    fn following_years() {
        let fy = |s: Date, e: Date| FiscalYear { start: s, end: e };
        assert_eq!(following_year(&calendar_year(2025)), calendar_year(2026));
        // A broken year.
        assert_eq!(
            following_year(&fy(date(2024, 7, 1), date(2025, 6, 30))),
            fy(date(2025, 7, 1), date(2026, 6, 30))
        );
        // A shortened first year is followed by a normal one.
        assert_eq!(
            following_year(&fy(date(2025, 5, 1), date(2025, 12, 31))),
            calendar_year(2026)
        );
        // An extended first year too.
        assert_eq!(
            following_year(&fy(date(2024, 7, 1), date(2025, 12, 31))),
            calendar_year(2026)
        );
        // Years ending with February, across leap years.
        assert_eq!(
            following_year(&fy(date(2023, 3, 1), date(2024, 2, 29))),
            fy(date(2024, 3, 1), date(2025, 2, 28))
        );
        assert_eq!(
            following_year(&fy(date(2026, 3, 1), date(2027, 2, 28))),
            fy(date(2027, 3, 1), date(2028, 2, 29))
        );
        assert_eq!(
            following_year(&fy(date(2027, 3, 1), date(2028, 2, 28))),
            fy(date(2028, 2, 29), date(2029, 2, 28))
        );
    }

    #[test]
    fn next_year_shifts_the_example_one_year() {
        let old = example_report();
        let r = next_year(&old);
        valid(&r);

        assert_eq!(r.years.len(), 3);
        assert_eq!(r.years[0], calendar_year(2026));
        assert_eq!(r.years[1], old.years[0]);
        assert_eq!(r.years[2], old.years[1]);
        assert!(!r.settings.example);

        // Every input amount moves one year back; the new year is empty.
        for l in r.all_lines() {
            if let LineKind::Input { amounts, details } = &l.kind {
                let (old_amounts, old_details) = input(&old, &l.id);
                assert_eq!(amounts.len(), 3);
                assert_eq!(amounts[0], None, "{}", l.id);
                assert_eq!(amounts[1..], old_amounts[..], "{}", l.id);
                assert_eq!(details.len(), old_details.len());
                for (dr, od) in details.iter().zip(&old_details) {
                    assert_eq!(dr.id, od.id);
                    assert_eq!(dr.label, od.label);
                    assert_eq!(dr.amounts[0], None);
                    assert_eq!(dr.amounts[1..], od.amounts[..]);
                }
            }
        }
        assert_eq!(
            input(&r, "medlemsavgifter").0,
            vec![None, m(131650), m(124300)]
        );
        assert!(!input(&r, "gavor_och_bidrag").1.is_empty());

        // Computed values follow: last year's results are now the comparison year's.
        let (co, cn) = (compute(&old), compute(&r));
        for l in old.all_lines() {
            for y in 0..2 {
                assert_eq!(co.value(&l.id, y), cn.value(&l.id, y + 1), "{}", l.id);
            }
            assert!(cn.value(&l.id, 0).is_zero(), "{}", l.id);
        }

        // Texts stay.
        assert_eq!(r.narrative, old.narrative);
        assert_eq!(r.organisation, old.organisation);
        assert_eq!(r.appropriation.comment, old.appropriation.comment);
        for (a, b) in r.notes.iter().zip(&old.notes) {
            assert_eq!((&a.id, &a.title, &a.text), (&b.id, &b.title, &b.text));
        }

        // Note tables: year columns follow their year, a new empty year-0 column comes first.
        let cols = columns(&r, "n-intakter");
        assert_eq!(cols.len(), 5);
        let new_col = cols[0].0.clone();
        assert!(old.all_ids().iter().all(|id| *id != new_col));
        assert_eq!(cols[0].1, "");
        assert_eq!(cols[0].2, Some(0));
        assert_eq!(cols[1], ("ni-c2025".into(), String::new(), Some(1)));
        assert_eq!(cols[2], ("ni-c2024".into(), String::new(), Some(2)));
        assert_eq!(cols[3], ("ni-c2023".into(), "2023".into(), None));
        assert_eq!(cols[4], ("ni-c2022".into(), "2022".into(), None));
        let medl = row(&r, "n-intakter", "ni-medl");
        assert_eq!(medl.cells.len(), 5);
        assert_eq!(medl.cells[0], None);
        assert_eq!(medl.cells[1], Some(Cell::Amount(Money(d(131650)))));
        assert_eq!(medl.cells[4], Some(Cell::Amount(Money(d(112450)))));
        // A sum row without cells keeps none.
        assert!(row(&r, "n-intakter", "ni-summa").cells.is_empty());
        // Each table gets its own new column.
        let other = columns(&r, "n-kostnader");
        assert_eq!(other[0].2, Some(0));
        assert_ne!(other[0].0, new_col);
        // The old fiscal year's table total still ties to the statement, now in year 1.
        let c = &cn.note_tables["n-intakter"];
        let sum = r.note("n-intakter").unwrap().table.as_ref().unwrap();
        let total = crate::compute::table_total(sum, c).unwrap();
        assert_eq!(total[1], cn.value("intakter", 1));
        assert!(total[0].is_zero());

        // Proposal and dates cleared; names kept; opening kept (the earliest year is the same).
        assert!(r.appropriation.proposal.iter().all(|p| p.amount.is_none()));
        assert_eq!(r.signatures.date, None);
        assert_eq!(r.signatures.auditor_report_date, None);
        assert_eq!(r.signatures.signatories, old.signatures.signatories);
        assert_eq!(r.signatures.auditors, old.signatures.auditors);
        assert_eq!(r.equity.opening, old.equity.opening);
    }

    #[test]
    fn next_year_keeps_at_most_five_years() {
        let mut r = example_report();
        let mv = add_equity_movement(&mut r, "Insatser");
        assert!(set_equity_movement_amount(
            &mut r,
            &mv,
            "balanserat_resultat",
            1,
            Some(d(500))
        ));
        for _ in 0..3 {
            r = next_year(&r);
            valid(&r);
        }
        assert_eq!(r.years.len(), MAX_YEARS);
        assert_eq!(r.years[4], calendar_year(2024));
        assert_eq!(
            input(&r, "medlemsavgifter").0,
            vec![None, None, None, m(131650), m(124300)]
        );
        assert_eq!(
            r.equity.movements[0].amounts["balanserat_resultat"],
            vec![None, None, None, None, m(500)]
        );
        assert_eq!(columns(&r, "n-intakter")[4].0, "ni-c2024");

        // A fourth year on: 2024 is dropped.
        let before = compute(&r);
        let opening_2025 = before.equity.iter().find(|e| e.year == 3).unwrap().rows[0].clone();
        let last = next_year(&r);
        valid(&last);
        assert_eq!(last.years.len(), MAX_YEARS);
        assert_eq!(last.years[0], calendar_year(2029));
        assert_eq!(last.years[4], calendar_year(2025));
        assert_eq!(
            input(&last, "medlemsavgifter").0,
            vec![None, None, None, None, m(131650)]
        );
        // The movement's only amount was in 2024, so its column is gone; the movement stays.
        assert!(last.equity.movements[0].amounts.is_empty());
        assert_eq!(last.equity.movements[0].label, "Insatser");
        // 2025 now opens with 2024's balansräkning, so its equity table is unchanged.
        assert_eq!(
            last.equity.opening.get("balanserat_resultat"),
            m(512380).as_ref()
        );
        assert_eq!(
            last.equity.opening.get("arets_resultat_balans"),
            m(-19540).as_ref()
        );
        let after = compute(&last);
        let e2025 = after.equity.iter().find(|e| e.year == 4).unwrap();
        assert_eq!(e2025.rows[0].kind, EquityRowKind::Opening);
        assert_eq!(e2025.rows[0].amounts, opening_2025.amounts);
        assert_eq!(
            e2025.closing().amounts,
            before
                .equity
                .iter()
                .find(|e| e.year == 3)
                .unwrap()
                .closing()
                .amounts
        );
        // The 2024 note column is dropped with its cells; 2025 is year 4.
        let cols = columns(&last, "n-intakter");
        assert!(cols.iter().all(|c| c.0 != "ni-c2024"));
        let i2025 = cols.iter().position(|c| c.0 == "ni-c2025").unwrap();
        assert_eq!(cols[i2025].2, Some(4));
        assert_eq!(cols.len(), 7); // five year columns and the two written ones
        let medl = row(&last, "n-intakter", "ni-medl");
        assert_eq!(medl.cells.len(), 7);
        assert_eq!(medl.cells[i2025], Some(Cell::Amount(Money(d(131650)))));
        assert_eq!(medl.cells[5], Some(Cell::Amount(Money(d(118900)))));
    }

    #[test]
    fn next_year_of_a_new_report_validates() {
        let r = next_year(&blank());
        valid(&r);
        assert_eq!(
            r.years,
            vec![
                calendar_year(2026),
                calendar_year(2025),
                calendar_year(2024)
            ]
        );
        assert!(r.equity.opening.is_empty());
    }

    #[test]
    fn sections() {
        let mut r = blank();
        let order = |r: &Report| -> Vec<Id> { r.narrative.iter().map(|s| s.id.clone()).collect() };
        assert_eq!(
            order(&r),
            [
                "styrelse",
                "medlemmar",
                "verksamheten",
                "vasentliga_handelser"
            ]
        );

        let a = add_section(&mut r, None, Part::Chapter, "Ekonomi");
        let b = add_section(&mut r, Some("styrelse"), Part::Chapter, "Valberedning");
        let c = add_section(&mut r, None, Part::ManagementReport, "Framtiden");
        valid(&r);
        assert_eq!(
            order(&r),
            [
                "styrelse",
                b.as_str(),
                "medlemmar",
                a.as_str(),
                "verksamheten",
                "vasentliga_handelser",
                c.as_str()
            ]
        );
        let s = section_mut(&mut r, &a).unwrap();
        assert_eq!(
            (s.title.as_str(), s.level, s.part),
            ("Ekonomi", 1, Part::Chapter)
        );
        assert!(s.body.is_empty());
        s.body = "Text".into();
        assert_eq!(r.narrative[3].body, "Text");

        // Moves stay within the part.
        assert!(!move_section(&mut r, "styrelse", true));
        assert!(!move_section(&mut r, &a, false));
        assert!(!move_section(&mut r, "verksamheten", true));
        assert!(move_section(&mut r, &a, true));
        assert!(move_section(&mut r, "styrelse", false));
        assert_eq!(
            order(&r),
            [
                b.as_str(),
                "styrelse",
                a.as_str(),
                "medlemmar",
                "verksamheten",
                "vasentliga_handelser",
                c.as_str()
            ]
        );
        assert!(remove_section(&mut r, &b));
        assert!(!remove_section(&mut r, &b));
        assert!(!move_section(&mut r, "nope", true));
        assert!(section_mut(&mut r, "nope").is_none());
        valid(&r);

        // A first chapter goes before the förvaltningsberättelse.
        let mut r = blank();
        r.narrative.retain(|s| s.part == Part::ManagementReport);
        let first = add_section(&mut r, None, Part::Chapter, "Först");
        assert_eq!(r.narrative[0].id, first);
    }

    #[test]
    fn labels_and_notes_of_lines() {
        let mut r = blank();
        assert!(set_line_label(&mut r, "intakter", "Verksamhetens intäkter"));
        assert!(set_sum_label(
            &mut r,
            "intakter",
            "Summa verksamhetens intäkter"
        ));
        match &r.line("intakter").unwrap().kind {
            LineKind::Group { sum_label, .. } => {
                assert_eq!(sum_label.as_deref(), Some("Summa verksamhetens intäkter"))
            }
            _ => panic!(),
        }
        assert_eq!(r.line("intakter").unwrap().label, "Verksamhetens intäkter");
        assert!(set_line_label(&mut r, "kassa_och_bank", "Kassa"));
        assert_eq!(r.line("kassa_och_bank").unwrap().label, "Kassa");
        assert!(!set_sum_label(&mut r, "medlemsavgifter", "x"));
        assert!(!set_line_label(&mut r, "nope", "x"));

        assert!(set_line_note(
            &mut r,
            "medlemsavgifter",
            Some("redovisningsprinciper")
        ));
        assert_eq!(
            r.line("medlemsavgifter").unwrap().note.as_deref(),
            Some("redovisningsprinciper")
        );
        assert!(!set_line_note(&mut r, "medlemsavgifter", Some("nope")));
        assert!(!set_line_note(&mut r, "nope", None));
        assert!(set_line_note(&mut r, "medlemsavgifter", None));
        assert_eq!(r.line("medlemsavgifter").unwrap().note, None);
        valid(&r);
    }

    #[test]
    fn detail_rows_keep_totals() {
        let mut r = example_report();
        let before = totals(&r);

        // The first row takes over the line's amounts.
        let a = add_detail_row(&mut r, "medlemsavgifter").unwrap();
        valid(&r);
        assert_eq!(totals(&r), before);
        let (amounts, details) = input(&r, "medlemsavgifter");
        assert_eq!(amounts, vec![None, None]);
        assert_eq!(details.len(), 1);
        assert_eq!(details[0].id, a);
        assert_eq!(details[0].label, "");
        assert_eq!(details[0].amounts, vec![m(131650), m(124300)]);

        // A second row starts empty.
        let b = add_detail_row(&mut r, "medlemsavgifter").unwrap();
        assert_ne!(a, b);
        assert_eq!(totals(&r), before);
        assert!(set_detail_label(&mut r, "medlemsavgifter", &b, "Familjer"));
        assert!(set_detail_amount(
            &mut r,
            "medlemsavgifter",
            &b,
            0,
            Some(d(1000))
        ));
        assert!(set_detail_amount(&mut r, "medlemsavgifter", &a, 1, None));
        assert!(!set_detail_amount(
            &mut r,
            "medlemsavgifter",
            &b,
            2,
            Some(d(1))
        ));
        assert!(!set_detail_amount(
            &mut r,
            "medlemsavgifter",
            "nope",
            0,
            None
        ));
        assert!(!set_detail_label(&mut r, "kassa_och_bank", &b, "x"));
        valid(&r);
        let c = compute(&r);
        assert_eq!(c.value("medlemsavgifter", 0), d(132650));
        assert_eq!(c.value("medlemsavgifter", 1), d(0));
        assert_eq!(input(&r, "medlemsavgifter").1[1].label, "Familjer");

        // Removing rows: the last one leaves its sum on the line.
        let mid = totals(&r);
        assert!(remove_detail_row(&mut r, "medlemsavgifter", &a));
        assert_eq!(compute(&r).value("medlemsavgifter", 0), d(1000));
        let mid2 = totals(&r);
        assert!(remove_detail_row(&mut r, "medlemsavgifter", &b));
        valid(&r);
        assert_eq!(totals(&r), mid2);
        assert_ne!(mid, mid2);
        let (amounts, details) = input(&r, "medlemsavgifter");
        assert!(details.is_empty());
        assert_eq!(amounts, vec![m(1000), None]);
        assert!(!remove_detail_row(&mut r, "medlemsavgifter", &b));

        // The example's line with three rows.
        let (_, rows) = input(&r, "gavor_och_bidrag");
        assert_eq!(rows.len(), 3);
        for row in &rows[1..] {
            assert!(remove_detail_row(&mut r, "gavor_och_bidrag", &row.id));
        }
        // Removing all but one changes the total; removing the last one then does not.
        let with_one = totals(&r);
        assert!(remove_detail_row(&mut r, "gavor_och_bidrag", &rows[0].id));
        assert_eq!(totals(&r), with_one);
        assert_eq!(input(&r, "gavor_och_bidrag").0, rows[0].amounts);
        valid(&r);

        // Not an input line, or unknown.
        assert_eq!(add_detail_row(&mut r, "intakter"), None);
        assert_eq!(add_detail_row(&mut r, "arets_resultat"), None);
        assert_eq!(add_detail_row(&mut r, "nope"), None);
        assert!(!remove_detail_row(&mut r, "nope", "x"));
    }

    #[test]
    fn removing_the_last_row_sums_what_the_rows_had() {
        let mut r = blank();
        let a = add_detail_row(&mut r, "medlemsavgifter").unwrap();
        let b = add_detail_row(&mut r, "medlemsavgifter").unwrap();
        assert!(set_detail_amount(
            &mut r,
            "medlemsavgifter",
            &a,
            0,
            Some(d(100))
        ));
        assert!(set_detail_amount(
            &mut r,
            "medlemsavgifter",
            &b,
            0,
            Some(d(50))
        ));
        assert_eq!(compute(&r).value("medlemsavgifter", 0), d(150));
        assert!(remove_detail_row(&mut r, "medlemsavgifter", &b));
        let one_left = totals(&r);
        assert_eq!(compute(&r).value("medlemsavgifter", 0), d(100));
        assert!(remove_detail_row(&mut r, "medlemsavgifter", &a));
        // The line keeps the amount the row had; a year no row had stays empty.
        assert_eq!(input(&r, "medlemsavgifter").0, vec![m(100), None]);
        assert_eq!(totals(&r), one_left);
        valid(&r);
    }

    #[test]
    fn notes() {
        let mut r = example_report();
        let n = add_note(&mut r, "Ställda säkerheter");
        assert_eq!(r.notes.last().unwrap().id, n);
        assert_eq!(r.notes.last().unwrap().title, "Ställda säkerheter");
        assert!(r.notes.last().unwrap().text.is_empty());
        assert!(r.notes.last().unwrap().table.is_none());
        note_mut(&mut r, &n).unwrap().text = "Inga.".into();
        assert_eq!(r.note(&n).unwrap().text, "Inga.");
        valid(&r);

        // Removing a note clears the lines' references to it.
        assert_eq!(
            r.line("personalkostnader").unwrap().note.as_deref(),
            Some("n-anstallda")
        );
        assert!(remove_note(&mut r, "n-anstallda"));
        assert!(r.note("n-anstallda").is_none());
        assert!(r
            .all_lines()
            .all(|l| l.note.as_deref() != Some("n-anstallda")));
        assert!(!remove_note(&mut r, "n-anstallda"));
        assert!(note_mut(&mut r, "n-anstallda").is_none());
        valid(&r);
        assert!(!compute(&r).has_errors());
    }

    #[test]
    fn note_tables() {
        let mut r = blank();
        let n = add_note(&mut r, "Inventarier");
        assert!(add_note_table(&mut r, &n));
        assert!(!add_note_table(&mut r, &n));
        assert!(!add_note_table(&mut r, "nope"));
        valid(&r);
        let t = r.note(&n).unwrap().table.clone().unwrap();
        assert_eq!(t.columns.len(), 2);
        assert_eq!(
            t.columns
                .iter()
                .map(|c| (c.header.as_str(), c.year))
                .collect::<Vec<_>>(),
            [("", Some(0)), ("", Some(1))]
        );
        assert_eq!(t.rows.len(), 2);
        assert_eq!(
            (t.rows[0].label.as_str(), t.rows[0].kind),
            ("", RowKind::Item)
        );
        assert_eq!(
            (t.rows[1].label.as_str(), t.rows[1].kind),
            ("Summa", RowKind::Sum)
        );
        assert!(t.rows.iter().all(|x| x.cells == vec![None, None]));
        assert_eq!(t.tie, None);
        let (item, sum) = (t.rows[0].id.clone(), t.rows[1].id.clone());
        let (c0, c1) = (t.columns[0].id.clone(), t.columns[1].id.clone());

        // Rows: by default before the last sum row.
        let h = add_table_row(&mut r, &n, None, RowKind::Item).unwrap();
        let head = add_table_row(&mut r, &n, Some(&sum), RowKind::Heading).unwrap();
        let ids = |r: &Report| -> Vec<Id> {
            r.note(&n)
                .unwrap()
                .table
                .as_ref()
                .unwrap()
                .rows
                .iter()
                .map(|x| x.id.clone())
                .collect()
        };
        assert_eq!(
            ids(&r),
            [item.clone(), h.clone(), sum.clone(), head.clone()]
        );
        assert_eq!(row(&r, &n, &h).cells, vec![None, None]);
        assert_eq!(row(&r, &n, &head).kind, RowKind::Heading);
        assert_eq!(add_table_row(&mut r, &n, Some("nope"), RowKind::Item), None);
        assert_eq!(add_table_row(&mut r, "nope", None, RowKind::Item), None);
        assert!(move_table_row(&mut r, &n, &h, true));
        assert!(!move_table_row(&mut r, &n, &h, true));
        assert!(!move_table_row(&mut r, &n, &head, false));
        assert_eq!(
            ids(&r),
            [h.clone(), item.clone(), sum.clone(), head.clone()]
        );
        assert!(remove_table_row(&mut r, &n, &head));
        assert!(!remove_table_row(&mut r, &n, &head));
        assert!(!move_table_row(&mut r, &n, "nope", true));
        valid(&r);

        // Cells and the computed sum.
        assert!(set_table_cell(
            &mut r,
            &n,
            &item,
            &c0,
            Some(Cell::Amount(Money(d(300))))
        ));
        assert!(set_table_cell(
            &mut r,
            &n,
            &h,
            &c0,
            Some(Cell::Amount(Money(d(200))))
        ));
        assert!(set_table_cell(
            &mut r,
            &n,
            &h,
            &c1,
            Some(Cell::Text("—".into()))
        ));
        assert!(!set_table_cell(&mut r, &n, "nope", &c0, None));
        assert!(!set_table_cell(&mut r, &n, &h, "nope", None));
        let c = compute(&r);
        let vals = &c.note_tables[&n];
        assert_eq!(vals[2], vec![Some(d(500)), Some(d(0))]);

        // Columns: appended, rows padded; removal takes the cell out of every row.
        table_mut(&mut r, &n).unwrap().rows[2].cells.truncate(1); // a short (sum) row, as files may have
        let c2 = add_table_column(&mut r, &n, "2023", None).unwrap();
        valid(&r);
        assert_eq!(columns(&r, &n)[2], (c2.clone(), "2023".into(), None));
        for x in &r.note(&n).unwrap().table.as_ref().unwrap().rows {
            assert_eq!(x.cells.len(), 3, "{}", x.id);
        }
        assert!(set_table_cell(
            &mut r,
            &n,
            &item,
            &c2,
            Some(Cell::Amount(Money(d(7))))
        ));
        assert_eq!(add_table_column(&mut r, &n, "", Some(2)), None);
        assert_eq!(add_table_column(&mut r, "nope", "", None), None);
        assert!(remove_table_column(&mut r, &n, &c0));
        assert!(!remove_table_column(&mut r, &n, &c0));
        valid(&r);
        assert_eq!(
            columns(&r, &n)
                .iter()
                .map(|c| c.0.clone())
                .collect::<Vec<_>>(),
            [c1.clone(), c2.clone()]
        );
        assert_eq!(
            row(&r, &n, &item).cells,
            vec![None, Some(Cell::Amount(Money(d(7))))]
        );
        assert_eq!(row(&r, &n, &h).cells[0], Some(Cell::Text("—".into())));

        // Padding a short row when a cell is set.
        table_mut(&mut r, &n).unwrap().rows[1].cells.clear();
        assert!(set_table_cell(&mut r, &n, &item, &c2, None));
        assert_eq!(row(&r, &n, &item).cells.len(), 2);
        valid(&r);

        // The tie.
        assert!(set_table_tie(&mut r, &n, Some("inventarier")));
        assert_eq!(
            r.note(&n).unwrap().table.as_ref().unwrap().tie.as_deref(),
            Some("inventarier")
        );
        assert!(!set_table_tie(&mut r, &n, Some("nope")));
        assert!(set_table_tie(&mut r, &n, None));
        assert!(!set_table_tie(&mut r, "redovisningsprinciper", None));
        valid(&r);

        assert!(remove_note_table(&mut r, &n));
        assert!(r.note(&n).unwrap().table.is_none());
        assert!(!remove_note_table(&mut r, &n));
        assert!(!remove_note_table(&mut r, "nope"));
        valid(&r);
    }

    #[test]
    fn a_one_year_report_gets_a_one_column_table() {
        let mut r = blank();
        r.years.truncate(1);
        for l in r
            .income_statement
            .lines
            .iter_mut()
            .chain(&mut r.balance_sheet.lines)
        {
            l.walk_mut(&mut |l| {
                if let LineKind::Input { amounts, .. } = &mut l.kind {
                    amounts.truncate(1);
                }
            });
        }
        valid(&r);
        assert!(add_note_table(&mut r, "redovisningsprinciper"));
        assert_eq!(columns(&r, "redovisningsprinciper").len(), 1);
        valid(&r);
    }

    #[test]
    fn equity() {
        let mut r = example_report();
        let a = add_equity_movement(&mut r, "Erhållna gåvor till fond");
        assert_eq!(r.equity.movements[0].id, a);
        assert!(r.equity.movements[0].amounts.is_empty());
        assert!(set_equity_movement_amount(
            &mut r,
            &a,
            "balanserat_resultat",
            0,
            Some(d(2500))
        ));
        valid(&r);
        assert_eq!(
            r.equity.movements[0].amounts["balanserat_resultat"],
            vec![m(2500), None]
        );
        let c = compute(&r);
        let row = c.equity[0]
            .rows
            .iter()
            .find(|x| x.id.as_deref() == Some(a.as_str()))
            .unwrap();
        assert_eq!(row.total, d(2500));

        // Not an equity column, no such year or movement.
        assert!(!set_equity_movement_amount(
            &mut r,
            &a,
            "kassa_och_bank",
            0,
            Some(d(1))
        ));
        assert!(!set_equity_movement_amount(
            &mut r,
            &a,
            "eget_kapital",
            0,
            Some(d(1))
        ));
        assert!(!set_equity_movement_amount(
            &mut r,
            &a,
            "balanserat_resultat",
            2,
            Some(d(1))
        ));
        assert!(!set_equity_movement_amount(
            &mut r,
            "nope",
            "balanserat_resultat",
            0,
            None
        ));

        // Emptying every year removes the line's entry.
        assert!(set_equity_movement_amount(
            &mut r,
            &a,
            "balanserat_resultat",
            0,
            None
        ));
        assert!(r.equity.movements[0].amounts.is_empty());
        valid(&r);

        // Opening balances.
        assert!(set_equity_opening(
            &mut r,
            "balanserat_resultat",
            Some(d(1))
        ));
        assert_eq!(r.equity.opening["balanserat_resultat"], Money(d(1)));
        assert!(set_equity_opening(&mut r, "arets_resultat_balans", None));
        assert!(!r.equity.opening.contains_key("arets_resultat_balans"));
        assert!(!set_equity_opening(&mut r, "kassa_och_bank", Some(d(1))));
        assert!(!set_equity_opening(&mut r, "nope", None));
        valid(&r);

        assert!(remove_equity_movement(&mut r, &a));
        assert!(!remove_equity_movement(&mut r, &a));
        assert!(r.equity.movements.is_empty());
        valid(&r);
    }

    #[test]
    fn proposal() {
        let mut r = blank();
        let a = add_proposal_item(&mut r, "avsätts till fond");
        assert_eq!(r.appropriation.proposal.len(), 2);
        assert_eq!(r.appropriation.proposal[1].label, "avsätts till fond");
        assert_eq!(r.appropriation.proposal[1].amount, None);
        assert!(set_proposal_amount(&mut r, &a, Some(d(1000))));
        assert!(set_proposal_amount(&mut r, "balanseras", Some(d(-200))));
        assert_eq!(compute(&r).appropriation.proposed, d(800));
        assert!(set_proposal_amount(&mut r, &a, None));
        assert_eq!(r.appropriation.proposal[1].amount, None);
        assert!(!set_proposal_amount(&mut r, "nope", None));
        valid(&r);
        assert!(remove_proposal_item(&mut r, &a));
        assert!(!remove_proposal_item(&mut r, &a));
        assert_eq!(r.appropriation.proposal.len(), 1);
        valid(&r);
    }

    #[test]
    fn people() {
        let mut r = blank();
        assert_eq!(r.signatures.signatories.len(), 3);
        let p = add_person(&mut r, false);
        let a = add_person(&mut r, true);
        assert_ne!(p, a);
        valid(&r);
        assert_eq!(r.signatures.signatories.len(), 4);
        assert_eq!(r.signatures.signatories[3].id, p);
        assert_eq!(r.signatures.signatories[3].role, "Ledamot");
        assert_eq!(r.signatures.signatories[3].name, "");
        assert_eq!(r.signatures.auditors.len(), 1);
        assert_eq!(r.signatures.auditors[0].role, "Revisor");

        person_mut(&mut r, &a).unwrap().name = "Gunilla".into();
        person_mut(&mut r, "p1").unwrap().name = "Karin".into();
        assert_eq!(r.signatures.auditors[0].name, "Gunilla");
        assert_eq!(r.signatures.signatories[0].name, "Karin");
        assert!(person_mut(&mut r, "nope").is_none());

        assert!(remove_person(&mut r, &a));
        assert!(remove_person(&mut r, "p1"));
        assert!(!remove_person(&mut r, "p1"));
        assert!(r.signatures.auditors.is_empty());
        assert_eq!(r.signatures.signatories.len(), 3);
        valid(&r);
    }

    #[test]
    fn new_ids_are_fresh() {
        let mut r = example_report();
        let ids = [
            add_section(&mut r, None, Part::Chapter, ""),
            add_note(&mut r, ""),
            add_equity_movement(&mut r, ""),
            add_proposal_item(&mut r, ""),
            add_person(&mut r, false),
            add_person(&mut r, true),
            add_detail_row(&mut r, "kassa_och_bank").unwrap(),
        ];
        let n = ids[1].clone();
        assert!(add_note_table(&mut r, &n));
        add_table_row(&mut r, &n, None, RowKind::Count).unwrap();
        add_table_column(&mut r, &n, "x", None).unwrap();
        // validate() refuses duplicate ids.
        valid(&r);
        let r2 = next_year(&r);
        valid(&r2);
    }
}

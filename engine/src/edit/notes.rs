//! Noter: notes (add, remove, which also clears the lines' references) and their tables (rows,
//! columns, cells, the tie to a statement line), and finding a note's table, column, row or
//! cell by id.

use rust_decimal::Decimal;

use crate::compute::Computed;
use crate::model::*;

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

/// A note's table, if the note exists and has one.
pub fn note_table<'a>(r: &'a Report, note: &str) -> Option<&'a NoteTable> {
    r.note(note)?.table.as_ref()
}

/// A note's table, to edit it, if the note exists and has one.
pub fn note_table_mut<'a>(r: &'a mut Report, note: &str) -> Option<&'a mut NoteTable> {
    note_mut(r, note)?.table.as_mut()
}

/// A column of a note's table, by id.
pub fn table_column<'a>(r: &'a Report, note: &str, column: &str) -> Option<&'a NoteColumn> {
    note_table(r, note)?.columns.iter().find(|c| c.id == column)
}

/// A column of a note's table, to edit its header.
pub fn table_column_mut<'a>(
    r: &'a mut Report,
    note: &str,
    column: &str,
) -> Option<&'a mut NoteColumn> {
    note_table_mut(r, note)?
        .columns
        .iter_mut()
        .find(|c| c.id == column)
}

/// A row of a note's table, by id.
pub fn table_row<'a>(r: &'a Report, note: &str, row: &str) -> Option<&'a NoteRow> {
    note_table(r, note)?.rows.iter().find(|x| x.id == row)
}

/// A row of a note's table, to edit its label or kind.
pub fn table_row_mut<'a>(r: &'a mut Report, note: &str, row: &str) -> Option<&'a mut NoteRow> {
    note_table_mut(r, note)?
        .rows
        .iter_mut()
        .find(|x| x.id == row)
}

/// The positions of a row and a column in a note's table.
fn cell_position(t: &NoteTable, row: &str, column: &str) -> Option<(usize, usize)> {
    let ri = t.rows.iter().position(|x| x.id == row)?;
    let ci = t.columns.iter().position(|c| c.id == column)?;
    Some((ri, ci))
}

/// What a cell of a note's table holds as entered; None when it is empty, or the note, row or
/// column does not exist.
pub fn table_cell<'a>(r: &'a Report, note: &str, row: &str, column: &str) -> Option<&'a Cell> {
    let t = note_table(r, note)?;
    let (ri, ci) = cell_position(t, row, column)?;
    t.rows[ri].cells.get(ci)?.as_ref()
}

/// The computed value of a cell of a note's table (a sum row's sum, an item's amount); None for
/// text, an empty cell or a heading, or when the note, row or column does not exist.
pub fn table_value(
    r: &Report,
    computed: &Computed,
    note: &str,
    row: &str,
    column: &str,
) -> Option<Decimal> {
    let (ri, ci) = cell_position(note_table(r, note)?, row, column)?;
    *computed.note_tables.get(note)?.get(ri)?.get(ci)?
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
        sign: NoteSign::AsStatement,
    });
    let sum = r.fresh_id("tr");
    if let Some(t) = note_table_mut(r, note) {
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
    let t = note_table(r, note)?;
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
    note_table_mut(r, note)?.rows.insert(
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
    let Some(t) = note_table_mut(r, note) else {
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
    let Some(t) = note_table_mut(r, note) else {
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
    note_table(r, note)?;
    let id = r.fresh_id("tc");
    let t = note_table_mut(r, note)?;
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
    let Some(t) = note_table_mut(r, note) else {
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
    let Some(t) = note_table_mut(r, note) else {
        return false;
    };
    let Some((ri, ci)) = cell_position(t, row, column) else {
        return false;
    };
    let row = &mut t.rows[ri];
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
    match note_table_mut(r, note) {
        Some(t) => {
            t.tie = line.map(str::to_string);
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::compute;
    use crate::edit::testing::*;
    use crate::example::example_report;
    use crate::money::Money;

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
        note_table_mut(&mut r, &n).unwrap().rows[2]
            .cells
            .truncate(1); // a short (sum) row, as files may have
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
        note_table_mut(&mut r, &n).unwrap().rows[1].cells.clear();
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
}

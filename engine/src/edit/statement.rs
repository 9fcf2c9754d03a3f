//! Resultaträkning and balansräkning: line labels, sum labels, detail rows and a line's note.

use rust_decimal::Decimal;

use crate::model::*;
use crate::money::Money;

/// Sets a line's label. For a group with a sum label this is the heading; the total row's label
/// is set with [`set_sum_label`].
///
/// A heading whose sum row still reads "Summa" and its old name gets the new name there too
/// ("Ny rubrik" → "Omsättningstillgångar": "Summa omsättningstillgångar").
pub fn set_line_label(r: &mut Report, line: &str, label: &str) -> bool {
    match r.line_mut(line) {
        Some(l) => {
            let old = format!("Summa {}", crate::util::case::to_lower(l.label.trim()));
            if let LineKind::Group {
                sum_label: Some(sum),
                ..
            } = &mut l.kind
            {
                if *sum == old {
                    *sum = format!("Summa {}", crate::util::case::to_lower(label.trim()));
                }
            }
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

/// Removes a detail row. When the last one goes, the line is a plain input line again, with no
/// amount: the rows' figures are not left behind on it as a stale amount (undo brings them
/// back).
pub fn remove_detail_row(r: &mut Report, line: &str, row: &str) -> bool {
    let n = r.years.len();
    let Some(LineKind::Input { amounts, details }) = r.line_mut(line).map(|l| &mut l.kind) else {
        return false;
    };
    let Some(i) = details.iter().position(|d| d.id == row) else {
        return false;
    };
    details.remove(i);
    if details.is_empty() {
        *amounts = vec![None; n];
    }
    // Text kept for the removed row's cells goes with it.
    r.invalid_amounts.retain(|i| {
        !matches!(&i.place, AmountPlace::Detail { line: l, detail, .. } if l == line && detail == row)
    });
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::compute;
    use crate::edit::testing::*;
    use crate::example::example_report;

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

        // Removing rows: the last one leaves a plain, empty input line.
        assert!(remove_detail_row(&mut r, "medlemsavgifter", &a));
        assert_eq!(compute(&r).value("medlemsavgifter", 0), d(1000));
        assert!(remove_detail_row(&mut r, "medlemsavgifter", &b));
        valid(&r);
        assert_eq!(compute(&r).value("medlemsavgifter", 0), d(0));
        let (amounts, details) = input(&r, "medlemsavgifter");
        assert!(details.is_empty());
        assert_eq!(amounts, vec![None, None]);
        assert!(!remove_detail_row(&mut r, "medlemsavgifter", &b));

        // The example's line with three rows.
        let (_, rows) = input(&r, "gavor_och_bidrag");
        assert_eq!(rows.len(), 3);
        for row in &rows[1..] {
            assert!(remove_detail_row(&mut r, "gavor_och_bidrag", &row.id));
        }
        // Removing the last one empties the line, in every year.
        assert!(remove_detail_row(&mut r, "gavor_och_bidrag", &rows[0].id));
        assert_eq!(input(&r, "gavor_och_bidrag").0, vec![None, None]);
        assert_eq!(compute(&r).value("gavor_och_bidrag", 0), d(0));
        valid(&r);

        // Not an input line, or unknown.
        assert_eq!(add_detail_row(&mut r, "intakter"), None);
        assert_eq!(add_detail_row(&mut r, "arets_resultat"), None);
        assert_eq!(add_detail_row(&mut r, "nope"), None);
        assert!(!remove_detail_row(&mut r, "nope", "x"));
    }

    #[test]
    fn renaming_a_heading_renames_its_untouched_sum_row() {
        let mut r = blank();
        let h = crate::edit::add_heading(&mut r, "tillgangar", None, "Ny rubrik").unwrap();
        assert!(set_line_label(&mut r, &h, "Omsättningstillgångar"));
        let sum = |r: &Report| match &r.line(&h).unwrap().kind {
            LineKind::Group { sum_label, .. } => sum_label.clone(),
            _ => None,
        };
        assert_eq!(sum(&r).as_deref(), Some("Summa omsättningstillgångar"));
        // A sum row the treasurer named stays as named.
        assert!(set_sum_label(&mut r, &h, "Summa kortfristiga tillgångar"));
        assert!(set_line_label(&mut r, &h, "Omsättning"));
        assert_eq!(sum(&r).as_deref(), Some("Summa kortfristiga tillgångar"));
    }

    #[test]
    fn removing_the_last_row_leaves_no_stale_amount() {
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
        assert_eq!(compute(&r).value("medlemsavgifter", 0), d(100));
        assert!(remove_detail_row(&mut r, "medlemsavgifter", &a));
        // A plain input line again, typed into like any other.
        assert_eq!(input(&r, "medlemsavgifter").0, vec![None, None]);
        assert_eq!(compute(&r).value("medlemsavgifter", 0), d(0));
        assert!(r.set_amount("medlemsavgifter", 0, Some(d(7))));
        assert_eq!(compute(&r).value("medlemsavgifter", 0), d(7));
        valid(&r);
    }
}

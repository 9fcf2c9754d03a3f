//! The statements' structure, within the rules: add a line or a heading with its own subtotal,
//! move lines, remove lines the treasurer added. What the template prescribes (its lines marked
//! `prescribed`, see [`crate::template`]) keeps its order and its place; the check
//! `structure_changed` names a prescribed line that is missing or out of order in a file made
//! elsewhere.
//!
//! New lines go inside a heading (a group), never at the top of a statement, so every amount is
//! part of a total and the results stay right.

use crate::model::*;
use crate::template;

/// Which way a line moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// Before the line above it, under the same heading.
    Up,
    /// After the line below it, under the same heading.
    Down,
    /// Into the heading just above it (as its last line): only an added heading.
    In,
    /// Out of its heading, to just after it: only out of an added heading.
    Out,
}

/// Whether a line is one the template prescribes for the report's form.
pub fn is_prescribed(r: &Report, line: &str) -> bool {
    template::prescribed_ids(r.organisation.legal_form)
        .into_iter()
        .any(|id| id == line)
}

/// Whether the treasurer added the line (it is not in the form's template): only those can be
/// removed.
pub fn is_added(r: &Report, line: &str) -> bool {
    r.line(line).is_some()
        && !template::line_ids(r.organisation.legal_form)
            .iter()
            .any(|id| id == line)
}

/// The list a line is in (a statement's top level or a heading's lines) and its index there.
fn siblings_mut<'a>(r: &'a mut Report, line: &str) -> Option<(&'a mut Vec<Line>, usize)> {
    fn go<'a>(lines: &'a mut Vec<Line>, id: &str) -> Option<(&'a mut Vec<Line>, usize)> {
        if let Some(i) = lines.iter().position(|l| l.id == id) {
            return Some((lines, i));
        }
        for l in lines.iter_mut() {
            if let LineKind::Group { children, .. } = &mut l.kind {
                if let Some(found) = go(children, id) {
                    return Some(found);
                }
            }
        }
        None
    }
    if r.income_statement.find(line).is_some() {
        go(&mut r.income_statement.lines, line)
    } else {
        go(&mut r.balance_sheet.lines, line)
    }
}

/// The heading a line is under, if any.
pub fn parent_of<'a>(r: &'a Report, line: &str) -> Option<&'a Line> {
    r.all_lines()
        .find(|l| l.children().iter().any(|c| c.id == line))
}

fn new_line(r: &Report, label: &str, accounts: Vec<String>) -> Line {
    Line {
        id: r.fresh_id("rad"),
        label: label.to_string(),
        role: None,
        note: None,
        accounts,
        kind: LineKind::Input {
            amounts: vec![None; r.years.len()],
            details: Vec::new(),
        },
    }
}

fn insert_under(r: &mut Report, heading: &str, after: Option<&str>, line: Line) -> Option<Id> {
    let id = line.id.clone();
    let LineKind::Group { children, .. } = &mut r.line_mut(heading)?.kind else {
        return None;
    };
    let at = match after {
        Some(a) => children.iter().position(|c| c.id == a)? + 1,
        None => children.len(),
    };
    children.insert(at, line);
    Some(id)
}

/// Adds an input line under `heading` (after the line `after`, or last), with optional BAS
/// account ranges for the SIE import (`"3000-3099"`, `"1930"`). Returns its id; None when the
/// heading is not a heading, `after` is not under it, or a range does not parse.
pub fn add_line(
    r: &mut Report,
    heading: &str,
    after: Option<&str>,
    label: &str,
    accounts: &[String],
) -> Option<Id> {
    let accounts: Vec<String> = accounts
        .iter()
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty())
        .collect();
    if accounts.iter().any(|a| template::parse_range(a).is_none()) {
        return None;
    }
    let line = new_line(r, label, accounts);
    insert_under(r, heading, after, line)
}

/// Adds a heading with its own subtotal ("Summa {label}") under `heading`. Returns its id.
pub fn add_heading(r: &mut Report, heading: &str, after: Option<&str>, label: &str) -> Option<Id> {
    let id = r.fresh_id("rubrik");
    let sum = format!("Summa {}", crate::util::case::to_lower(label.trim()));
    let line = Line {
        id,
        label: label.to_string(),
        role: None,
        note: None,
        accounts: Vec::new(),
        kind: LineKind::Group {
            sum_label: Some(sum),
            children: Vec::new(),
        },
    };
    insert_under(r, heading, after, line)
}

/// Sets the BAS account ranges of an input line from what the treasurer typed:
/// `"3000-3099, 3120"` (commas, semicolons or spaces between ranges). The ranges the SIE import
/// uses to put an account on the line. An error, in Swedish, names a range that does not parse;
/// then nothing changes.
pub fn set_line_accounts(r: &mut Report, line: &str, text: &str) -> Result<(), String> {
    let ranges: Vec<String> = text
        .split([',', ';', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    if let Some(bad) = ranges.iter().find(|s| template::parse_range(s).is_none()) {
        return Err(format!(
            "\"{bad}\" är inget BAS-konto eller kontointervall (skriv t.ex. 3000-3099 eller 1930)."
        ));
    }
    match r.line_mut(line) {
        Some(l) if matches!(l.kind, LineKind::Input { .. }) => {
            l.accounts = ranges;
            Ok(())
        }
        _ => Err("Raden finns inte eller är ingen beloppsrad.".into()),
    }
}

/// Whether `line` may move `dir`: prescribed lines never change their order among themselves
/// nor leave the heading the template puts them under, and nothing leaves a prescribed heading
/// or reaches the top level of a statement.
pub fn can_move(r: &Report, line: &str, dir: Move) -> bool {
    let Some(parent) = parent_of(r, line) else {
        return false;
    };
    let siblings = parent.children();
    let Some(i) = siblings.iter().position(|c| c.id == line) else {
        return false;
    };
    let prescribed = is_prescribed(r, line);
    match dir {
        Move::Up | Move::Down => {
            let j = if dir == Move::Up {
                i.checked_sub(1)
            } else {
                (i + 1 < siblings.len()).then_some(i + 1)
            };
            j.is_some_and(|j| !(prescribed && is_prescribed(r, &siblings[j].id)))
        }
        Move::In => {
            !prescribed
                && i > 0
                && matches!(siblings[i - 1].kind, LineKind::Group { .. })
                && is_added(r, &siblings[i - 1].id)
        }
        Move::Out => !prescribed && is_added(r, &parent.id) && parent_of(r, &parent.id).is_some(),
    }
}

/// Moves a line (see [`can_move`]). False, and nothing changes, when it may not.
pub fn move_line(r: &mut Report, line: &str, dir: Move) -> bool {
    if !can_move(r, line, dir) {
        return false;
    }
    match dir {
        Move::Up | Move::Down => {
            let Some((list, i)) = siblings_mut(r, line) else {
                return false;
            };
            let j = if dir == Move::Up { i - 1 } else { i + 1 };
            list.swap(i, j);
        }
        Move::In => {
            let Some((list, i)) = siblings_mut(r, line) else {
                return false;
            };
            let moved = list.remove(i);
            let LineKind::Group { children, .. } = &mut list[i - 1].kind else {
                return false;
            };
            children.push(moved);
        }
        Move::Out => {
            let Some(parent) = parent_of(r, line).map(|p| p.id.clone()) else {
                return false;
            };
            let Some((list, i)) = siblings_mut(r, line) else {
                return false;
            };
            let moved = list.remove(i);
            let Some((outer, p)) = siblings_mut(r, &parent) else {
                return false;
            };
            outer.insert(p + 1, moved);
        }
    }
    true
}

/// Removes a line the treasurer added (see [`is_added`]). A heading's lines move up to where it
/// was, so no amount is lost with it. References to the line (account choices, kept text,
/// comments stay) go with it.
pub fn remove_line(r: &mut Report, line: &str) -> bool {
    if !is_added(r, line) || parent_of(r, line).is_none() {
        return false;
    }
    let Some((list, i)) = siblings_mut(r, line) else {
        return false;
    };
    let removed = list.remove(i);
    if let LineKind::Group { children, .. } = removed.kind {
        for (k, child) in children.into_iter().enumerate() {
            list.insert(i + k, child);
        }
    }
    r.account_map.retain(|_, l| l != line);
    // The kept SIE mapping table no longer puts an account on it.
    for a in r.sie_accounts.iter_mut() {
        if a.line.as_deref() == Some(line) {
            a.line = None;
        }
    }
    r.invalid_amounts.retain(|inv| match &inv.place {
        AmountPlace::Line { line: l, .. }
        | AmountPlace::Detail { line: l, .. }
        | AmountPlace::Budget { line: l, .. } => l != line,
        _ => true,
    });
    r.budget.lines.remove(line);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::compute;
    use crate::edit::testing::valid;
    use crate::template::{calendar_year, new_report};

    fn ideell() -> Report {
        new_report(LegalForm::IdeellForening, "F", "", calendar_year(2025))
    }

    #[test]
    fn account_ranges_typed_for_a_line() {
        let mut r = ideell();
        assert_eq!(
            set_line_accounts(&mut r, "inventarier", "1220-1229, 1250"),
            Ok(())
        );
        assert_eq!(
            r.line("inventarier").unwrap().accounts,
            ["1220-1229", "1250"]
        );
        let e = set_line_accounts(&mut r, "inventarier", "1220-12x9").unwrap_err();
        assert!(e.contains("\"1220-12x9\""), "{e}");
        assert_eq!(
            r.line("inventarier").unwrap().accounts,
            ["1220-1229", "1250"]
        );
        assert!(set_line_accounts(&mut r, "tillgangar", "1000").is_err());
    }

    #[test]
    fn a_heading_with_its_subtotal_and_lines_under_it() {
        let mut r = ideell();
        let h = add_heading(&mut r, "tillgangar", None, "Omsättningstillgångar").unwrap();
        let line = add_line(&mut r, &h, None, "Kundfordringar", &["1510".into()]).unwrap();
        assert!(r.set_amount(&line, 0, Some(100.into())));
        assert!(r.set_amount("kassa_och_bank", 0, Some(50.into())));
        valid(&r);
        let c = compute(&r);
        assert_eq!(c.value(&h, 0), 100.into());
        assert_eq!(c.value("tillgangar", 0), 150.into());
        match &r.line(&h).unwrap().kind {
            LineKind::Group { sum_label, .. } => {
                assert_eq!(sum_label.as_deref(), Some("Summa omsättningstillgångar"))
            }
            _ => panic!("a heading"),
        }
        // A bad account range is refused; a line is never added at the top level.
        assert_eq!(add_line(&mut r, &h, None, "x", &["abc".into()]), None);
        assert_eq!(add_line(&mut r, "kassa_och_bank", None, "x", &[]), None);
    }

    #[test]
    fn lines_move_into_and_out_of_added_headings_but_prescribed_ones_keep_their_place() {
        let mut r = ideell();
        let h = add_heading(&mut r, "tillgangar", Some("inventarier"), "Fordringar").unwrap();
        // "Varulager" is just below the new heading... move "Kundfordringar" next to it.
        assert!(move_line(&mut r, "varulager", Move::Up));
        assert!(can_move(&r, "kundfordringar", Move::In));
        assert!(move_line(&mut r, "kundfordringar", Move::In));
        assert_eq!(parent_of(&r, "kundfordringar").unwrap().id, h);
        assert!(move_line(&mut r, "kundfordringar", Move::Out));
        assert_eq!(parent_of(&r, "kundfordringar").unwrap().id, "tillgangar");
        // Out of a prescribed heading, never.
        assert!(!can_move(&r, "kundfordringar", Move::Out));
        // Two prescribed lines never swap.
        assert!(is_prescribed(&r, "balanserat_resultat"));
        assert!(!move_line(&mut r, "arets_resultat_balans", Move::Up));
        // Prescribed ones never go into a heading.
        assert!(!can_move(&r, "eget_kapital", Move::In));
        valid(&r);
        assert!(!compute(&r)
            .problems
            .iter()
            .any(|p| p.code == crate::compute::ProblemCode::StructureChanged));
    }

    #[test]
    fn a_prescribed_line_missing_or_out_of_order_is_a_check() {
        use crate::compute::ProblemCode;
        let structure = |r: &Report| -> Vec<String> {
            compute(r)
                .problems
                .into_iter()
                .filter(|p| p.code == ProblemCode::StructureChanged)
                .map(|p| p.message)
                .collect()
        };
        let mut r = ideell();
        assert!(structure(&r).is_empty());
        // A file made elsewhere swaps two prescribed lines.
        let (list, i) = siblings_mut(&mut r, "arets_resultat_balans").unwrap();
        list.swap(i, i - 1);
        let found = structure(&r);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("ordningen"), "{}", found[0]);
        // … or has lost one.
        let mut r = ideell();
        let (list, i) = siblings_mut(&mut r, "arets_resultat_balans").unwrap();
        list.remove(i);
        let found = structure(&r);
        assert!(
            found
                .iter()
                .any(|m| m.contains("\"Årets över-/underskott\"") && m.contains("saknas")),
            "{found:?}"
        );
    }

    #[test]
    fn only_added_lines_are_removed_and_a_heading_leaves_its_lines() {
        let mut r = ideell();
        assert!(!remove_line(&mut r, "kassa_och_bank"));
        let h = add_heading(&mut r, "tillgangar", None, "Anläggningstillgångar").unwrap();
        let l = add_line(&mut r, &h, None, "Maskiner", &[]).unwrap();
        assert!(r.set_amount(&l, 0, Some(7.into())));
        r.account_map.insert(1210, l.clone());
        assert!(remove_line(&mut r, &h));
        // The line is still there, under Tillgångar, with its amount.
        assert_eq!(parent_of(&r, &l).unwrap().id, "tillgangar");
        assert_eq!(compute(&r).value("tillgangar", 0), 7.into());
        assert!(remove_line(&mut r, &l));
        assert!(r.account_map.is_empty());
        assert_eq!(compute(&r).value("tillgangar", 0), 0.into());
        valid(&r);
    }
}

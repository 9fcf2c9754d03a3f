//! The names of things a change is about (sections, lines, detail rows, movements, proposal
//! rows, notes, columns, rows, people, years): from the old version or, for something new,
//! the new one.

use super::text::{named, person_name};
use super::Describer;
use crate::model::*;
use crate::review::comments::part_label;
use crate::review::tree::common_order;

impl Describer<'_> {
    pub(super) fn both(&self) -> [&Report; 2] {
        [self.old, self.new]
    }

    pub(super) fn section(&self, id: &str) -> Option<&Section> {
        self.both()
            .into_iter()
            .find_map(|r| r.narrative.iter().find(|s| s.id == id))
    }

    pub(super) fn section_place(&self, id: &str) -> String {
        match self.section(id) {
            Some(s) => format!("{} › {}", part_label(s.part), s.title),
            None => id.to_string(),
        }
    }

    /// "Berättelse" when the chapters changed order, else "Förvaltningsberättelse".
    pub(super) fn narrative_order_place(&self) -> String {
        let chapters = |r: &Report| -> Vec<String> {
            r.narrative
                .iter()
                .filter(|s| s.part == Part::Chapter)
                .map(|s| s.id.clone())
                .collect()
        };
        let (old, new) = (chapters(self.old), chapters(self.new));
        let moved = common_order(&old, &new) != common_order(&new, &old);
        part_label(if moved {
            Part::Chapter
        } else {
            Part::ManagementReport
        })
        .into()
    }

    pub(super) fn line_label(&self, id: &str) -> String {
        self.both()
            .into_iter()
            .find_map(|r| r.line(id))
            .map_or_else(|| id.to_string(), |l| l.label.clone())
    }

    pub(super) fn detail_label(&self, line: &str, id: &str) -> String {
        self.both()
            .into_iter()
            .find_map(|r| match &r.line(line)?.kind {
                LineKind::Input { details, .. } => details.iter().find(|d| d.id == id),
                _ => None,
            })
            .map_or_else(|| id.to_string(), |d| named(&d.label))
    }

    pub(super) fn movement_label(&self, id: &str) -> String {
        self.both()
            .into_iter()
            .find_map(|r| r.equity.movements.iter().find(|m| m.id == id))
            .map_or_else(|| id.to_string(), |m| named(&m.label))
    }

    pub(super) fn proposal_label(&self, id: &str) -> String {
        self.both()
            .into_iter()
            .find_map(|r| r.appropriation.proposal.iter().find(|p| p.id == id))
            .map_or_else(|| id.to_string(), |p| named(&p.label))
    }

    pub(super) fn note_title(&self, id: &str) -> String {
        self.both()
            .into_iter()
            .find_map(|r| r.note(id))
            .map_or_else(|| id.to_string(), |n| named(&n.title))
    }

    pub(super) fn tables(&self, note: &str) -> Vec<&NoteTable> {
        self.both()
            .into_iter()
            .filter_map(|r| r.note(note)?.table.as_ref())
            .collect()
    }

    pub(super) fn column_label(&self, note: &str, id: &str) -> String {
        self.tables(note)
            .into_iter()
            .find_map(|t| t.columns.iter().find(|c| c.id == id))
            .map_or_else(|| id.to_string(), |c| self.column_name(&c.header, c.year))
    }

    pub(super) fn column_name(&self, header: &str, year: Option<u8>) -> String {
        match year {
            Some(y) if header.is_empty() => self.year_label(usize::from(y)),
            _ => named(header),
        }
    }

    pub(super) fn row_label(&self, note: &str, id: &str) -> String {
        self.tables(note)
            .into_iter()
            .find_map(|t| t.rows.iter().find(|r| r.id == id))
            .map_or_else(|| id.to_string(), |r| named(&r.label))
    }

    pub(super) fn person_label(&self, id: &str) -> String {
        self.both()
            .into_iter()
            .find_map(|r| {
                let s = &r.signatures;
                s.signatories.iter().chain(&s.auditors).find(|p| p.id == id)
            })
            .map_or_else(|| id.to_string(), |p| person_name(&p.name, &p.role))
    }

    pub(super) fn year_label(&self, year: usize) -> String {
        self.new
            .years
            .get(year)
            .or_else(|| self.old.years.get(year))
            .map_or_else(|| format!("år {}", year + 1), FiscalYear::label)
    }

    /// A budget column's heading by its field in the file: "Budget 2025" (`this_year`),
    /// "Budget 2026" (`next_year`).
    pub(super) fn budget_heading(&self, field: &str) -> String {
        let year = if field == "next_year" {
            BudgetYear::Next
        } else {
            BudgetYear::This
        };
        crate::compute::budget_heading(self.new, year)
    }

    pub(super) fn year_suffix(&self, year: usize) -> String {
        format!(", {}", self.year_label(year))
    }
}

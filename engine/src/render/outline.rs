//! The numbering of every part of the report ("6", "6.1"), shared by Innehåll and the parts
//! themselves, and the numbered headings.

use maud::{html, Markup};

use super::fiscal_year_equity;
use crate::compute::Computed;
use crate::model::*;

/// A numbered heading: its number ("6", "6.1"), title, anchor and depth (1 for a part or
/// chapter, 2 below it, 3 below that).
pub(super) struct Entry<'a> {
    pub(super) number: String,
    pub(super) title: &'a str,
    pub(super) anchor: String,
    pub(super) depth: u8,
    pub(super) section: Option<&'a Section>,
}

/// The numbering of every part of the report, shared by Innehåll and the parts themselves.
pub(super) struct Outline<'a> {
    pub(super) chapters: Vec<Entry<'a>>,
    /// The förvaltningsberättelse: only an årsredovisning has one.
    pub(super) management: Option<Entry<'a>>,
    /// The förvaltningsberättelse's text sections and its fixed sub-parts.
    pub(super) management_parts: Vec<Entry<'a>>,
    /// "Förslag till beslut" after the statements (a verksamhetsberättelse).
    pub(super) proposal: Option<Entry<'a>>,
    pub(super) income: Entry<'a>,
    pub(super) balance: Entry<'a>,
    /// The kassaflödesanalys after the balansräkning (every bostadsrättsförening's
    /// årsredovisning).
    pub(super) cash_flow: Option<Entry<'a>>,
    pub(super) notes: Option<Entry<'a>>,
    pub(super) signatures: Entry<'a>,
    /// "Budgetuppföljning" after the signatures: an årsredovisning whose treasurer shows the
    /// budget (elsewhere the budget is in the resultaträkning's columns).
    pub(super) budget: Option<Entry<'a>>,
}

/// Numbers sections: level 1 as `prefix` + 1, 2, …; level 2 below the last level 1 (1.1, 1.2).
/// A level-2 section before any level-1 one is numbered as a level 1. Returns the entries and
/// the count of level-1 numbers used.
fn number_sections<'a>(sections: &[&'a Section], prefix: &str) -> (Vec<Entry<'a>>, usize) {
    let (mut top, mut sub) = (0usize, 0usize);
    let entries = sections
        .iter()
        .map(|s| {
            let (number, depth) = if s.level >= 2 && top > 0 {
                sub += 1;
                (format!("{prefix}{top}.{sub}"), 2)
            } else {
                top += 1;
                sub = 0;
                (format!("{prefix}{top}"), 1)
            };
            Entry {
                number,
                title: &s.title,
                anchor: format!("section-{}", s.id),
                depth,
                section: Some(*s),
            }
        })
        .collect();
    (entries, top)
}

fn fixed_entry(number: String, title: &'static str, anchor: &str, depth: u8) -> Entry<'static> {
    Entry {
        number,
        title,
        anchor: anchor.to_string(),
        depth,
        section: None,
    }
}

impl<'a> Outline<'a> {
    pub(super) fn new(report: &'a Report, computed: &Computed) -> Outline<'a> {
        let in_part = |part: Part| {
            report
                .narrative
                .iter()
                .filter(|s| s.part == part)
                .collect::<Vec<_>>()
        };
        let document = report.document;
        // A verksamhetsberättelse is the board's narrative: the förvaltningsberättelse's
        // sections are its chapters too. An årsbokslut has no narrative part at all.
        let mut narrative = in_part(Part::Chapter);
        if document.narrates_management_sections() {
            narrative.extend(in_part(Part::ManagementReport));
        }
        if !document.has_narrative() {
            narrative.clear();
        }
        let (chapters, count) = number_sections(&narrative, "");
        let mut next = count;
        let mut number = || {
            next += 1;
            next
        };

        let mut management = None;
        let mut management_parts = Vec::new();
        if document.has_management_report() {
            let management_number = number();
            let prefix = format!("{management_number}.");
            let (mut parts, mut sub) = number_sections(&in_part(Part::ManagementReport), &prefix);
            for e in &mut parts {
                e.depth += 1;
            }
            let mut fixed = |title: &'static str, anchor: &str| {
                sub += 1;
                fixed_entry(format!("{prefix}{sub}"), title, anchor, 2)
            };
            if !computed.overview.years.is_empty() {
                parts.push(fixed("Flerårsöversikt", "flerarsoversikt"));
            }
            if fiscal_year_equity(computed).is_some() {
                parts.push(fixed("Förändringar i eget kapital", "eget-kapital"));
            }
            parts.push(fixed("Resultatdisposition", "resultatdisposition"));
            management = Some(fixed_entry(
                management_number.to_string(),
                "Förvaltningsberättelse",
                "forvaltningsberattelse",
                1,
            ));
            management_parts = parts;
        }

        let income = fixed_entry(
            number().to_string(),
            "Resultaträkning",
            "resultatrakning",
            1,
        );
        let balance = fixed_entry(number().to_string(), "Balansräkning", "balansrakning", 1);
        let cash_flow = (crate::compute::cash_flow::prints_cash_flow(report)
            && !computed.cash_flow.is_empty())
        .then(|| {
            fixed_entry(
                number().to_string(),
                "Kassaflödesanalys",
                "kassaflodesanalys",
                1,
            )
        });
        let proposal = match document.proposal_title() {
            Some(title) if !document.has_management_report() => Some(fixed_entry(
                number().to_string(),
                title,
                "forslag-till-beslut",
                1,
            )),
            _ => None,
        };
        Outline {
            chapters,
            management,
            management_parts,
            proposal,
            income,
            balance,
            cash_flow,
            notes: (!computed.note_order.is_empty())
                .then(|| fixed_entry(number().to_string(), "Noter", "noter", 1)),
            signatures: fixed_entry(number().to_string(), "Underskrifter", "underskrifter", 1),
            budget: (document.is_annual_report() && !computed.budget.columns().is_empty()).then(
                || {
                    fixed_entry(
                        "Bilaga".to_string(),
                        "Budgetuppföljning",
                        "budgetuppfoljning",
                        1,
                    )
                },
            ),
        }
    }

    pub(super) fn toc(&self) -> Vec<(&Entry<'a>, Vec<&Entry<'a>>)> {
        let mut out: Vec<(&Entry, Vec<&Entry>)> = Vec::new();
        for e in &self.chapters {
            match out.last_mut() {
                Some((_, subs)) if e.depth == 2 => subs.push(e),
                _ => out.push((e, Vec::new())),
            }
        }
        // The förvaltningsberättelse lists its direct parts (not their sub-sections).
        if let Some(management) = &self.management {
            out.push((
                management,
                self.management_parts
                    .iter()
                    .filter(|e| e.depth == 2)
                    .collect(),
            ));
        }
        out.push((&self.income, Vec::new()));
        out.push((&self.balance, Vec::new()));
        if let Some(c) = &self.cash_flow {
            out.push((c, Vec::new()));
        }
        if let Some(p) = &self.proposal {
            out.push((p, Vec::new()));
        }
        if let Some(n) = &self.notes {
            out.push((n, Vec::new()));
        }
        out.push((&self.signatures, Vec::new()));
        if let Some(b) = &self.budget {
            out.push((b, Vec::new()));
        }
        out
    }

    pub(super) fn management_part(&self, anchor: &str) -> Option<&Entry<'a>> {
        self.management_parts.iter().find(|e| e.anchor == anchor)
    }
}

/// A numbered heading, at the level its depth gives (depth 1: h2, 2: h3, 3+: h4).
pub(super) fn heading(entry: &Entry) -> Markup {
    let body = html! { span.number { (entry.number) } (entry.title) };
    match entry.depth {
        1 => html! { h2 { (body) } },
        2 => html! { h3 { (body) } },
        _ => html! { h4 { (body) } },
    }
}

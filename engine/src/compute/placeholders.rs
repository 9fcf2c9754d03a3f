//! Computed figures in narrative text: `{{årets_resultat}}`, `{{summa_tillgångar:-1}}`.
//!
//! A placeholder is a name, optionally followed by `:-N` for N years back. Names are the
//! figures in [`FIGURES`] or the id of any statement line. An unknown name or a year the report
//! does not have is left as written and reported by the checks (`unknown_placeholder`).

use std::ops::Range;

use super::overview::{
    NET_SALES_LABEL, RESULT_AFTER_FINANCIAL_ITEMS_LABEL, SOLIDITY_LABEL, TOTAL_INCOME_LABEL,
};
use super::Computed;
use crate::model::{Report, Role};
use crate::money::format_percent;

/// A named figure a narrative may insert.
pub struct Figure {
    pub name: &'static str,
    /// Shown in the editor's list.
    pub label: &'static str,
    kind: FigureKind,
}

enum FigureKind {
    Role(Role),
    Solidity,
    AtDisposal,
    YearLabel,
    OrganisationName,
    OrgNr,
}

/// Every named figure, in the order the editor lists them.
pub const FIGURES: &[Figure] = &[
    Figure {
        name: "årets_resultat",
        label: "Årets resultat",
        kind: FigureKind::Role(Role::YearResult),
    },
    Figure {
        name: "nettoomsättning",
        label: NET_SALES_LABEL,
        kind: FigureKind::Role(Role::NetSales),
    },
    Figure {
        name: "summa_intäkter",
        label: TOTAL_INCOME_LABEL,
        kind: FigureKind::Role(Role::TotalIncome),
    },
    Figure {
        name: "summa_kostnader",
        label: "Summa kostnader",
        kind: FigureKind::Role(Role::TotalCosts),
    },
    Figure {
        name: "rörelseresultat",
        label: "Rörelseresultat / verksamhetens resultat",
        kind: FigureKind::Role(Role::OperatingResult),
    },
    Figure {
        name: "resultat_efter_finansiella_poster",
        label: RESULT_AFTER_FINANCIAL_ITEMS_LABEL,
        kind: FigureKind::Role(Role::ResultAfterFinancialItems),
    },
    Figure {
        name: "summa_tillgångar",
        label: "Summa tillgångar",
        kind: FigureKind::Role(Role::TotalAssets),
    },
    Figure {
        name: "eget_kapital",
        label: "Summa eget kapital",
        kind: FigureKind::Role(Role::Equity),
    },
    Figure {
        name: "balanserat_resultat",
        label: "Balanserat resultat",
        kind: FigureKind::Role(Role::RetainedEarnings),
    },
    Figure {
        name: "soliditet",
        label: SOLIDITY_LABEL,
        kind: FigureKind::Solidity,
    },
    Figure {
        name: "till_förfogande",
        label: "Summa till förfogande (resultatdisposition)",
        kind: FigureKind::AtDisposal,
    },
    Figure {
        name: "räkenskapsår",
        label: "Räkenskapsåret (t.ex. 2025)",
        kind: FigureKind::YearLabel,
    },
    Figure {
        name: "föreningens_namn",
        label: "Organisationens namn",
        kind: FigureKind::OrganisationName,
    },
    Figure {
        name: "organisationsnummer",
        label: "Organisationsnummer",
        kind: FigureKind::OrgNr,
    },
];

/// A placeholder found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placeholder<'t> {
    /// Byte range of `{{…}}` in the text.
    pub range: Range<usize>,
    pub name: &'t str,
    /// 0 for the fiscal year, 1 for the year before, …
    pub years_back: usize,
    /// The part after the name could not be read as `:-N`.
    pub malformed: bool,
}

/// Finds every `{{…}}` in a text.
pub fn scan(text: &str) -> Vec<Placeholder<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("{{").map(|i| i + from) {
        let Some(close) = text[open + 2..].find("}}").map(|i| i + open + 2) else {
            break;
        };
        let inner = text[open + 2..close].trim();
        let (name, suffix) = match inner.split_once(':') {
            Some((n, s)) => (n.trim(), Some(s.trim())),
            None => (inner, None),
        };
        let (years_back, malformed) = match suffix {
            None => (0, false),
            Some(s) => match s.strip_prefix('-').unwrap_or(s).parse::<usize>() {
                Ok(n) if s.starts_with('-') || n == 0 => (n, false),
                _ => (0, true),
            },
        };
        out.push(Placeholder {
            range: open..close + 2,
            name,
            years_back,
            malformed,
        });
        from = close + 2;
    }
    out
}

/// The text a placeholder stands for, or `None` when the name is unknown or the year missing.
pub fn resolve(report: &Report, computed: &Computed, p: &Placeholder) -> Option<String> {
    if p.malformed || p.years_back >= report.years.len() {
        return None;
    }
    let y = p.years_back;
    let money = |v| format!("{}\u{a0}{}", computed.fmt(v), computed.unit.suffix());
    if let Some(f) = FIGURES.iter().find(|f| f.name == p.name) {
        return match f.kind {
            FigureKind::Role(role) => report
                .line_by_role(role)
                .map(|l| money(computed.value(&l.id, y))),
            FigureKind::Solidity => Some(
                computed
                    .overview
                    .years
                    .get(y)
                    .and_then(|o| o.solidity)
                    .map(format_percent)
                    .unwrap_or_else(|| "–".into()),
            ),
            FigureKind::AtDisposal => (y == 0).then(|| money(computed.appropriation.at_disposal)),
            FigureKind::YearLabel => report.years.get(y).map(|fy| fy.label()),
            FigureKind::OrganisationName => Some(report.organisation.name.clone()),
            FigureKind::OrgNr => Some(
                crate::orgnr::normalize(&report.organisation.org_nr)
                    .unwrap_or_else(|_| report.organisation.org_nr.clone()),
            ),
        };
    }
    report.line(p.name).map(|l| money(computed.value(&l.id, y)))
}

/// The text with every known placeholder replaced; unknown ones stay as written.
pub fn substitute(report: &Report, computed: &Computed, text: &str) -> String {
    let found = scan(text);
    if found.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16 * found.len());
    let mut at = 0;
    for p in &found {
        out.push_str(&text[at..p.range.start]);
        match resolve(report, computed, p) {
            Some(v) => out.push_str(&v),
            None => out.push_str(&text[p.range.clone()]),
        }
        at = p.range.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_placeholders() {
        let t =
            "Resultat {{årets_resultat}} mot {{ summa_tillgångar:-1 }} och {{x:y}} {{ofullständig";
        let found = scan(t);
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].name, "årets_resultat");
        assert_eq!(&t[found[0].range.clone()], "{{årets_resultat}}");
        assert_eq!(
            (found[1].name, found[1].years_back),
            ("summa_tillgångar", 1)
        );
        assert!(found[2].malformed);
    }

    #[test]
    fn figure_names_are_unique() {
        for (i, f) in FIGURES.iter().enumerate() {
            assert!(
                FIGURES[i + 1..].iter().all(|g| g.name != f.name),
                "{}",
                f.name
            );
        }
    }
}

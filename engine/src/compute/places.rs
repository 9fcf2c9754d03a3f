//! Where an amount cell is, in the treasurer's words, for the checks' messages ("Ogiltigt
//! belopp i Försäljning av kartor, 2025: …").

use crate::model::*;

/// Where an amount cell is, in the treasurer's words: "Försäljning av kartor, 2025",
/// "Medlemsavgifter: Vuxna, 2025", "Förändringar i eget kapital: Insatser, Balanserat resultat,
/// 2025", "Resultatdisposition: balanseras i ny räkning". `None` when the place does not exist.
pub fn place_label(r: &Report, place: &AmountPlace) -> Option<String> {
    let year = |y: usize| r.years.get(y).map(FiscalYear::label);
    match place {
        AmountPlace::Line { line, year: y } => {
            let l = r.line(line)?;
            match &l.kind {
                LineKind::Input { details, .. } if details.is_empty() => {
                    Some(format!("{}, {}", l.label, year(*y)?))
                }
                _ => None,
            }
        }
        AmountPlace::Detail {
            line,
            detail,
            year: y,
        } => {
            let l = r.line(line)?;
            let LineKind::Input { details, .. } = &l.kind else {
                return None;
            };
            let d = details.iter().find(|d| &d.id == detail)?;
            let name = if d.label.trim().is_empty() {
                "detaljrad"
            } else {
                d.label.as_str()
            };
            Some(format!("{}: {}, {}", l.label, name, year(*y)?))
        }
        AmountPlace::Movement {
            movement,
            line,
            year: y,
        } => {
            let m = r.equity.movements.iter().find(|m| &m.id == movement)?;
            let column = super::equity_columns(r)
                .into_iter()
                .find(|c| &c.id == line)?;
            Some(format!(
                "Förändringar i eget kapital: {}, {}, {}",
                m.label,
                column.label,
                year(*y)?
            ))
        }
        AmountPlace::Opening { line } => {
            let column = super::equity_columns(r)
                .into_iter()
                .find(|c| &c.id == line)?;
            Some(format!(
                "Förändringar i eget kapital: ingående {}",
                column.label
            ))
        }
        AmountPlace::Proposal { item } => {
            let p = r.appropriation.proposal.iter().find(|p| &p.id == item)?;
            Some(format!("Resultatdisposition: {}", p.label))
        }
        AmountPlace::Budget { line, year } => {
            let l = r.income_statement.find(line)?;
            matches!(l.kind, LineKind::Input { .. })
                .then(|| format!("{}, {}", l.label, super::budget_heading(r, *year)))
        }
    }
}

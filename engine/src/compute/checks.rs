//! The checks: everything a careful auditor would tick off before the report is adopted.

use rust_decimal::Decimal;

use super::placeholders;
use super::*;

struct Checker<'a> {
    report: &'a Report,
    c: &'a Computed,
    out: Vec<Problem>,
}

impl<'a> Checker<'a> {
    fn push(&mut self, severity: Severity, code: ProblemCode, message: String, location: Location) {
        self.out.push(Problem {
            severity,
            code,
            message,
            location,
        });
    }

    fn error(&mut self, code: ProblemCode, message: String, location: Location) {
        self.push(Severity::Error, code, message, location);
    }

    fn warning(&mut self, code: ProblemCode, message: String, location: Location) {
        self.push(Severity::Warning, code, message, location);
    }

    fn year(&self, y: usize) -> String {
        self.report
            .years
            .get(y)
            .map(|fy| fy.label())
            .unwrap_or_else(|| format!("år {}", y + 1))
    }

    /// An amount with its unit, exact to the öre when it has öre ("1 234,50 kr").
    fn kr(&self, d: Decimal) -> String {
        format!("{}\u{a0}kr", crate::money::format_for_input(d))
    }

    fn role_line(&self, role: Role) -> Option<&'a Line> {
        self.report.line_by_role(role)
    }

    /// Amount cells holding text that is not an amount (the cell counts as empty meanwhile).
    fn invalid_amounts(&mut self) {
        for i in &self.report.invalid_amounts {
            if self.report.invalid_text(&i.place).is_none() {
                continue;
            }
            let Some(place) = super::place_label(self.report, &i.place) else {
                continue;
            };
            let location = match &i.place {
                AmountPlace::Line { line, year } | AmountPlace::Detail { line, year, .. } => {
                    Location::Line {
                        line: line.clone(),
                        year: Some(*year),
                    }
                }
                AmountPlace::Movement { line, year, .. } => Location::Equity {
                    line: Some(line.clone()),
                    year: *year,
                },
                AmountPlace::Opening { line } => Location::Equity {
                    line: Some(line.clone()),
                    year: self.report.years.len().saturating_sub(1),
                },
                AmountPlace::Proposal { .. } => Location::Appropriation,
                AmountPlace::Budget { line, .. } => Location::Line {
                    line: line.clone(),
                    year: None,
                },
            };
            self.error(
                ProblemCode::InvalidAmount,
                format!(
                    "Ogiltigt belopp i {place}: \"{}\". Rutan räknas som tom tills ett belopp skrivs in.",
                    i.text
                ),
                location,
            );
        }
    }

    /// The lines the form's template prescribes are all there, in the template's order (a file
    /// made elsewhere, or by hand, may have lost or moved one; the editor cannot).
    fn structure(&mut self) {
        let form = self.report.organisation.legal_form;
        for (balance, statement) in [
            (false, &self.report.income_statement),
            (true, &self.report.balance_sheet),
        ] {
            let prescribed = crate::template::prescribed_in(form, balance);
            let order: Vec<&str> = statement
                .all_lines()
                .into_iter()
                .map(|l| l.id.as_str())
                .filter(|id| prescribed.iter().any(|p| p == id))
                .collect();
            let name = if balance {
                "balansräkningen"
            } else {
                "resultaträkningen"
            };
            let missing: Vec<&String> = prescribed
                .iter()
                .filter(|p| !order.contains(&p.as_str()))
                .collect();
            if !missing.is_empty() {
                let t = crate::template::template(form);
                let label = |id: &str| {
                    fn find<'t>(
                        lines: &'t [crate::template::TemplateLine],
                        id: &str,
                    ) -> Option<&'t str> {
                        lines.iter().find_map(|l| {
                            if l.id == id {
                                Some(l.label.as_str())
                            } else {
                                find(&l.children, id)
                            }
                        })
                    }
                    let lines = if balance {
                        &t.balance_sheet
                    } else {
                        &t.income_statement
                    };
                    find(lines, id).unwrap_or(id).to_string()
                };
                for id in missing {
                    self.error(
                        ProblemCode::StructureChanged,
                        format!(
                            "Raden \"{}\" ingår i uppställningen av {name} för {} och saknas.",
                            label(id),
                            crate::util::case::to_lower(form.label())
                        ),
                        Location::Line {
                            line: id.clone(),
                            year: None,
                        },
                    );
                }
            }
            let expected: Vec<&str> = prescribed
                .iter()
                .map(String::as_str)
                .filter(|p| order.contains(p))
                .collect();
            if let Some(i) = (0..order.len()).find(|&i| order[i] != expected[i]) {
                let line = statement.find(order[i]);
                self.error(
                    ProblemCode::StructureChanged,
                    format!(
                        "Raden \"{}\" står inte där uppställningen av {name} föreskriver; ordningen mellan de föreskrivna raderna får inte ändras.",
                        line.map(|l| l.label.as_str()).unwrap_or(order[i])
                    ),
                    Location::Line {
                        line: order[i].to_string(),
                        year: None,
                    },
                );
            }
        }
    }

    fn organisation(&mut self) {
        let org = &self.report.organisation;
        if org.name.trim().is_empty() {
            self.error(
                ProblemCode::MissingOrganisationName,
                "Organisationens namn saknas.".into(),
                Location::Organisation {
                    field: "name".into(),
                },
            );
        }
        if let Err(e) = crate::orgnr::normalize(&org.org_nr) {
            let mut msg = format!("Organisationsnumret är inte giltigt: {e}.");
            msg = crate::util::case::upper_first(&msg);
            self.error(
                ProblemCode::InvalidOrgNr,
                msg,
                Location::Organisation {
                    field: "org_nr".into(),
                },
            );
        }
        if org.seat.trim().is_empty() {
            self.warning(
                ProblemCode::MissingSeat,
                "Säte saknas (den kommun där styrelsen har sitt säte).".into(),
                Location::Organisation {
                    field: "seat".into(),
                },
            );
        }
    }

    fn fiscal_years(&mut self) {
        let years = &self.report.years;
        if years.is_empty() {
            self.error(
                ProblemCode::InvalidFiscalYear,
                "Räkenskapsåret saknas.".into(),
                Location::Year { year: 0 },
            );
            return;
        }
        if years.len() > MAX_YEARS {
            self.error(
                ProblemCode::InvalidFiscalYear,
                format!("Rapporten har {} år; högst {MAX_YEARS} (räkenskapsåret och fyra tidigare år) får finnas.", years.len()),
                Location::Year { year: MAX_YEARS },
            );
        }
        for (y, fy) in years.iter().enumerate() {
            if fy.end < fy.start {
                self.error(
                    ProblemCode::InvalidFiscalYear,
                    format!("Räkenskapsåret {} slutar innan det börjar.", fy.period()),
                    Location::Year { year: y },
                );
            } else if fy.is_too_long() {
                self.error(
                    ProblemCode::InvalidFiscalYear,
                    format!("Räkenskapsåret {} är {} månader; ett räkenskapsår får vara högst {MAX_FISCAL_YEAR_MONTHS} månader.", fy.period(), fy.months()),
                    Location::Year { year: y },
                );
            }
            if let Some(prev) = years.get(y + 1) {
                if prev.end.succ() != fy.start {
                    self.warning(
                        ProblemCode::InvalidFiscalYear,
                        format!(
                            "Året {} börjar inte dagen efter att året före ({}) slutar.",
                            fy.period(),
                            prev.period()
                        ),
                        Location::Year { year: y },
                    );
                }
            }
        }
        if years.len() < 2 {
            self.error(
                ProblemCode::ComparisonYearMissing,
                "Jämförelseår saknas: resultat- och balansräkningen ska visa föregående års belopp (ÅRL 3 kap. 5 §).".into(),
                Location::Year { year: 1 },
            );
        } else {
            let any = self
                .report
                .all_lines()
                .filter(|l| matches!(l.kind, LineKind::Input { .. }))
                .any(|l| !self.c.value(&l.id, 1).is_zero());
            if !any {
                self.warning(
                    ProblemCode::ComparisonYearMissing,
                    format!(
                        "Jämförelseåret {} har bara nollor. Fyll i föregående års belopp (om detta inte är organisationens första räkenskapsår).",
                        self.year(1)
                    ),
                    Location::Year { year: 1 },
                );
            }
        }
    }

    /// Summa tillgångar and summa eget kapital och skulder in a year, when the report has both.
    fn balance_totals(&self, y: usize) -> Option<(Decimal, Decimal)> {
        let assets = self.role_line(Role::TotalAssets)?;
        let eql = self.role_line(Role::TotalEquityAndLiabilities)?;
        Some((self.c.value(&assets.id, y), self.c.value(&eql.id, y)))
    }

    fn balance(&mut self) {
        let Some(eql) = self.role_line(Role::TotalEquityAndLiabilities) else {
            return;
        };
        for y in 0..self.c.years {
            let Some((a, b)) = self.balance_totals(y) else {
                return;
            };
            if a != b {
                let msg = format!(
                    "Balansräkningen balanserar inte {}: summa tillgångar är {} men summa eget kapital och skulder är {} (skillnad {}).",
                    self.year(y),
                    self.kr(a),
                    self.kr(b),
                    self.kr(a - b)
                );
                self.error(
                    ProblemCode::BalanceSheetUnbalanced,
                    msg,
                    Location::Line {
                        line: eql.id.clone(),
                        year: Some(y),
                    },
                );
            }
        }
    }

    /// A printed kassaflödesanalys (every bostadsrättsförening's, and any other asked for):
    /// every balance line placed by its BAS account, and årets kassaflöde taking likvida medel
    /// from the start of the year to its end.
    fn cash_flow(&mut self) {
        if !cash_flow::prints_cash_flow(self.report) {
            return;
        }
        for id in &self.c.cash_flow_unplaced {
            let label = self
                .report
                .line(id)
                .map(|l| l.label.clone())
                .unwrap_or_default();
            self.error(
                ProblemCode::CashFlowTieOut,
                format!(
                    "Raden \"{label}\" har inget BAS-konto, så kassaflödesanalysen vet inte var den hör hemma. Ange kontona under raden (⋯)."
                ),
                Location::Line {
                    line: id.clone(),
                    year: None,
                },
            );
        }
        let Some(cash) = self.c.cash_flow.first() else {
            return;
        };
        // An unbalanced year is named by the balance check; its kassaflödesanalys cannot tie.
        let balanced = |y: usize| !matches!(self.balance_totals(y), Some((a, b)) if a != b);
        if !cash.ties_out() && balanced(cash.year) && balanced(cash.year + 1) {
            let msg = format!(
                "Kassaflödesanalysen går inte ihop {}: likvida medel vid årets början {} och årets kassaflöde {} ger {}, men vid årets slut är de {} (skillnad {}).",
                self.year(cash.year),
                self.kr(cash.opening),
                self.kr(cash.year_flow),
                self.kr(cash.opening + cash.year_flow),
                self.kr(cash.closing),
                self.kr(cash.closing - cash.opening - cash.year_flow)
            );
            let line = self
                .role_line(Role::TotalEquityAndLiabilities)
                .map(|l| l.id.clone())
                .unwrap_or_default();
            self.error(
                ProblemCode::CashFlowTieOut,
                msg,
                Location::Line {
                    line,
                    year: Some(cash.year),
                },
            );
        }
    }

    fn result(&mut self) {
        let (Some(is), Some(bs)) = (
            self.report.income_statement.find_role(Role::YearResult),
            self.report.balance_sheet.find_role(Role::YearResultBalance),
        ) else {
            return;
        };
        for y in 0..self.c.years {
            let (a, b) = (self.c.value(&is.id, y), self.c.value(&bs.id, y));
            if a != b {
                let msg = format!(
                    "Årets resultat {} är {} i resultaträkningen men {} i balansräkningen (\"{}\").",
                    self.year(y),
                    self.kr(a),
                    self.kr(b),
                    bs.label
                );
                self.error(
                    ProblemCode::ResultMismatch,
                    msg,
                    Location::Line {
                        line: bs.id.clone(),
                        year: Some(y),
                    },
                );
            }
        }
    }

    fn equity(&mut self) {
        for ey in &self.c.equity {
            let closing = ey.closing();
            for (i, (id, label)) in ey.columns.iter().enumerate() {
                let (computed, balance) = (closing.amounts[i], self.c.value(id, ey.year));
                if computed != balance {
                    let msg = format!(
                        "Förändringar i eget kapital {}: \"{}\" blir {} vid årets utgång, men balansräkningen visar {} (skillnad {}).",
                        self.year(ey.year),
                        label,
                        self.kr(computed),
                        self.kr(balance),
                        self.kr(balance - computed)
                    );
                    self.error(
                        ProblemCode::EquityRollForward,
                        msg,
                        Location::Equity {
                            line: Some(id.clone()),
                            year: ey.year,
                        },
                    );
                }
            }
        }
    }

    fn notes(&mut self) {
        let lines_with_notes: Vec<&Line> = self
            .report
            .all_lines()
            .filter(|l| l.note.is_some())
            .collect();
        for l in lines_with_notes {
            let id = l.note.as_deref().unwrap_or_default();
            if self.report.note(id).is_none() {
                self.error(
                    ProblemCode::UnknownNote,
                    format!("Raden \"{}\" hänvisar till en not som inte finns.", l.label),
                    Location::Line {
                        line: l.id.clone(),
                        year: None,
                    },
                );
            }
        }
        for note in &self.report.notes {
            let Some(table) = &note.table else { continue };
            let number = self.c.note_number(&note.id).unwrap_or_default();
            let loc = |row: Option<&str>, column: Option<&str>| Location::Note {
                note: note.id.clone(),
                row: row.map(str::to_string),
                column: column.map(str::to_string),
            };
            for r in &table.rows {
                if r.cells.len() > table.columns.len() {
                    self.warning(
                        ProblemCode::NoteTableShape,
                        format!("Not {number}: raden \"{}\" har fler celler än tabellen har kolumner; de sista visas inte.", r.label),
                        loc(Some(&r.id), None),
                    );
                }
            }
            for col in &table.columns {
                if col
                    .year
                    .is_some_and(|y| usize::from(y) >= self.report.years.len())
                {
                    self.warning(
                        ProblemCode::NoteTableShape,
                        format!(
                            "Not {number}: kolumnen \"{}\" hör till ett år som rapporten inte har.",
                            col.header
                        ),
                        loc(None, Some(&col.id)),
                    );
                }
            }
            let values = &self.c.note_tables[&note.id];
            self.table_rounding(note, table, values, number);
            let Some(tie) = &table.tie else { continue };
            let Some(line) = self.report.line(tie) else {
                self.error(
                    ProblemCode::UnknownLine,
                    format!("Not {number} ska stämma mot en rad som inte finns."),
                    loc(None, None),
                );
                continue;
            };
            let Some(total) = table_total(table, values) else {
                self.warning(
                    ProblemCode::NoteTableShape,
                    format!(
                        "Not {number} ska stämma mot \"{}\" men tabellen har ingen summarad.",
                        line.label
                    ),
                    loc(None, None),
                );
                continue;
            };
            let sum_row = table
                .rows
                .iter()
                .rposition(|r| r.kind == RowKind::Sum)
                .map(|i| table.rows[i].id.clone());
            for (ci, col) in table.columns.iter().enumerate() {
                let Some(y) = col.year.map(usize::from).filter(|y| *y < self.c.years) else {
                    continue;
                };
                let statement = self.c.value(&line.id, y);
                let (t, v) = (total[ci], table.sign.as_note(statement));
                if t != v {
                    let msg = format!(
                        "Not {number} \"{}\" summerar till {} för {}, men \"{}\" i {} är {} (skillnad {}; {}).",
                        note.title,
                        self.kr(t),
                        self.year(y),
                        line.label,
                        self.statement_name(&line.id),
                        self.kr(statement),
                        self.kr(v - t),
                        table.sign.explained()
                    );
                    self.error(
                        ProblemCode::NoteTieOut,
                        msg,
                        loc(sum_row.as_deref(), Some(&col.id)),
                    );
                }
            }
        }
    }

    fn statement_name(&self, line: &str) -> &'static str {
        if self.report.income_statement.find(line).is_some() {
            "resultaträkningen"
        } else {
            "balansräkningen"
        }
    }

    fn appropriation(&mut self) {
        let a = &self.c.appropriation;
        if a.at_disposal.is_zero() && a.items.iter().all(|p| p.amount.is_none()) {
            return;
        }
        if a.items.iter().all(|p| p.amount.is_none()) {
            self.error(
                ProblemCode::AppropriationMismatch,
                format!(
                    "Styrelsens förslag till resultatdisposition saknar belopp: {} står till förfogande.",
                    self.kr(a.at_disposal)
                ),
                Location::Appropriation,
            );
        } else if a.proposed != a.at_disposal {
            let msg = format!(
                "Resultatdispositionen går inte ihop: till förfogande står {} (fritt eget kapital i balansräkningen) men styrelsens förslag summerar till {} (skillnad {}).",
                self.kr(a.at_disposal),
                self.kr(a.proposed),
                self.kr(a.at_disposal - a.proposed)
            );
            self.error(
                ProblemCode::AppropriationMismatch,
                msg,
                Location::Appropriation,
            );
        }
        let unit = self.c.unit;
        let parts: Decimal = a.parts.iter().map(|(_, v)| shown(*v, unit)).sum();
        self.rounding(
            shown(a.at_disposal, unit),
            parts,
            "Summa till förfogande",
            0,
            Location::Appropriation,
        );
        let items: Decimal = a
            .items
            .iter()
            .filter_map(|p| p.amount)
            .map(|m| shown(m, unit))
            .sum();
        self.rounding(
            shown(a.proposed, unit),
            items,
            "Summan av styrelsens förslag",
            0,
            Location::Appropriation,
        );
    }

    /// Reports that a printed total differs from the sum of its printed parts.
    fn rounding(
        &mut self,
        total: Decimal,
        parts: Decimal,
        what: &str,
        year: usize,
        location: Location,
    ) {
        if total != parts {
            let unit = self.c.unit.suffix();
            let msg = format!(
                "Avrundning {}: {what} visas som {} {unit} men de visade beloppen summerar till {} {unit} (skillnad {} {unit}). Justera ett belopp så att summan stämmer i utskriften.",
                self.year(year),
                crate::money::format_integer(total),
                crate::money::format_integer(parts),
                crate::money::format_integer(total - parts)
            );
            self.warning(ProblemCode::RoundingDifference, msg, location);
        }
    }

    fn statement_rounding(&mut self) {
        let unit = self.c.unit;
        let lines: Vec<&Line> = self.report.all_lines().collect();
        for l in lines {
            for y in 0..self.c.shown_years {
                let parts: Decimal = match &l.kind {
                    LineKind::Input { .. } => continue,
                    LineKind::Group {
                        sum_label: None, ..
                    } => continue,
                    LineKind::Group { children, .. } => children
                        .iter()
                        .filter(|c| !matches!(c.kind, LineKind::Formula { .. }))
                        .map(|c| shown(self.c.value(&c.id, y), unit))
                        .sum(),
                    LineKind::Formula { terms } => terms
                        .iter()
                        .map(|t| {
                            let v = shown(self.c.value(&t.line, y), unit);
                            if t.negate {
                                -v
                            } else {
                                v
                            }
                        })
                        .sum(),
                };
                let label = match &l.kind {
                    LineKind::Group {
                        sum_label: Some(s), ..
                    } => s.as_str(),
                    _ => l.label.as_str(),
                };
                let total = shown(self.c.value(&l.id, y), unit);
                self.rounding(
                    total,
                    parts,
                    &format!("\"{label}\""),
                    y,
                    Location::Line {
                        line: l.id.clone(),
                        year: Some(y),
                    },
                );
            }
        }
    }

    fn table_rounding(
        &mut self,
        note: &Note,
        table: &NoteTable,
        values: &TableValues,
        number: usize,
    ) {
        let unit = self.c.unit;
        let mut running = vec![Decimal::ZERO; table.columns.len()];
        for (ri, r) in table.rows.iter().enumerate() {
            match r.kind {
                RowKind::Heading => running.iter_mut().for_each(|x| *x = Decimal::ZERO),
                RowKind::Item | RowKind::Count => {
                    let u = if r.kind == RowKind::Count {
                        Unit::Kr
                    } else {
                        unit
                    };
                    for (x, v) in running.iter_mut().zip(&values[ri]) {
                        *x += shown(v.unwrap_or_default(), u);
                    }
                }
                RowKind::Sum => {
                    for (ci, col) in table.columns.iter().enumerate() {
                        let total = shown(values[ri][ci].unwrap_or_default(), unit);
                        let year = col.year.map(usize::from).unwrap_or(0);
                        let loc = Location::Note {
                            note: note.id.clone(),
                            row: Some(r.id.clone()),
                            column: Some(col.id.clone()),
                        };
                        let what = format!("summan \"{}\" i not {number}", r.label);
                        self.rounding(total, running[ci], &what, year, loc);
                    }
                }
            }
        }
    }

    fn placeholders(&mut self) {
        let mut texts: Vec<(&str, Location, String)> = Vec::new();
        for s in &self.report.narrative {
            texts.push((
                &s.body,
                Location::Section {
                    section: s.id.clone(),
                },
                format!("Avsnittet \"{}\"", s.title),
            ));
        }
        for n in &self.report.notes {
            texts.push((
                &n.text,
                Location::Note {
                    note: n.id.clone(),
                    row: None,
                    column: None,
                },
                format!("Noten \"{}\"", n.title),
            ));
        }
        texts.push((
            &self.report.appropriation.comment,
            Location::Appropriation,
            "Resultatdispositionen".into(),
        ));
        for (text, loc, place) in texts {
            for p in placeholders::scan(text) {
                if placeholders::resolve(self.report, self.c, &p).is_none() {
                    let what = &text[p.range.clone()];
                    let why = if p.years_back >= self.report.years.len() && !p.malformed {
                        "rapporten har inte det året"
                    } else {
                        "det finns ingen sådan uppgift"
                    };
                    self.error(
                        ProblemCode::UnknownPlaceholder,
                        format!("{place} innehåller {what} som inte kan fyllas i: {why}."),
                        loc.clone(),
                    );
                }
            }
        }
    }

    fn signatures(&mut self) {
        let s = &self.report.signatures;
        if s.signatories.iter().all(|p| p.name.trim().is_empty()) {
            self.error(
                ProblemCode::MissingSignatures,
                format!(
                    "Underskrifter saknas: alla styrelseledamöter ska skriva under {}.",
                    self.report.document.definite()
                ),
                Location::Signatures { person: None },
            );
        } else {
            for p in s
                .signatories
                .iter()
                .chain(&s.auditors)
                .filter(|p| p.name.trim().is_empty())
            {
                self.error(
                    ProblemCode::MissingSignatures,
                    format!(
                        "Namn saknas för en underskrift ({}).",
                        if p.role.is_empty() {
                            "utan roll"
                        } else {
                            &p.role
                        }
                    ),
                    Location::Signatures {
                        person: Some(p.id.clone()),
                    },
                );
            }
        }
        match s.date {
            None => self.warning(
                ProblemCode::MissingSignatureDate,
                "Datum för underskrifterna saknas.".into(),
                Location::Signatures { person: None },
            ),
            Some(d) => {
                if let Some(fy) = self.report.years.first() {
                    if d <= fy.end {
                        self.error(
                            ProblemCode::SignatureDateTooEarly,
                            format!("Underskriftsdatumet {d} ligger inte efter räkenskapsårets slut ({}).", fy.end),
                            Location::Signatures { person: None },
                        );
                    }
                }
                if let Some(a) = s.auditor_report_date.filter(|a| *a < d) {
                    self.warning(
                        ProblemCode::AuditorReportDate,
                        format!("Revisionsberättelsen ({a}) är daterad före styrelsens underskrifter ({d})."),
                        Location::Signatures { person: None },
                    );
                }
            }
        }
        if s.place.trim().is_empty() {
            self.warning(
                ProblemCode::MissingSignatureDate,
                "Ort för underskrifterna saknas.".into(),
                Location::Signatures { person: None },
            );
        }
    }
}

/// Runs every check.
pub(super) fn run(report: &Report, computed: &Computed) -> Vec<Problem> {
    let mut ch = Checker {
        report,
        c: computed,
        out: Vec::new(),
    };
    ch.invalid_amounts();
    ch.organisation();
    ch.structure();
    ch.fiscal_years();
    ch.balance();
    ch.cash_flow();
    ch.result();
    ch.equity();
    ch.notes();
    ch.appropriation();
    ch.statement_rounding();
    ch.placeholders();
    ch.signatures();
    ch.out.extend(super::document::checks(report, computed));
    ch.out.extend(super::disclosures::checks(report, computed));
    ch.out.extend(super::brf::checks(report, computed));
    ch.out
}

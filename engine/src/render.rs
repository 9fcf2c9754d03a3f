//! The printed report: one self-contained HTML document (no script, no external resource) that
//! prints as an A4 årsredovisning from the browser.
//!
//! All markup is written with [`maud`], which escapes every inserted value; the only HTML
//! inserted as is comes from [`crate::markdown::to_html`] (sanitised) and the constant [`STYLE`].
//!
//! The document, in order: a title page, Innehåll, the narrative chapters, the
//! förvaltningsberättelse (its text, flerårsöversikt, förändringar i eget kapital,
//! resultatdisposition), the resultaträkning, the balansräkning, the notes and the signature
//! page. Each part starts on a new printed page, and every page carries "N (M)".

use maud::{html, Markup, PreEscaped, DOCTYPE};
use rust_decimal::Decimal;

use crate::compute::overview::{RESULT_AFTER_FINANCIAL_ITEMS_LABEL, SOLIDITY_LABEL};
use crate::compute::{compute, Computed, EquityYear};
use crate::model::*;
use crate::money::{format_integer, format_percent};

/// The Content-Security-Policy of the printed document: no script, nothing loaded from anywhere.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/// The style sheet of the report. Every rule but the page setup is scoped to `.report`, so the
/// editor can embed it beside its own styles to show [`preview_body`] exactly as it prints.
pub const STYLE: &str = include_str!("report.css");

/// Computes the report and renders it as a printable HTML document.
pub fn render_html(report: &Report) -> String {
    let computed = compute(report);
    render_document(report, &computed)
}

/// The whole HTML document: [`preview_body`] styled with [`STYLE`], with a policy that forbids
/// any script and any loaded resource.
pub fn render_document(report: &Report, computed: &Computed) -> String {
    html! {
        (DOCTYPE)
        html lang="sv" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(CONTENT_SECURITY_POLICY);
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (document_title(report)) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                (PreEscaped(preview_body(report, computed)))
            }
        }
    }
    .into_string()
}

/// The report's content, the same markup the document's `<body>` holds, for the editor's live
/// preview (to be shown with [`STYLE`]).
pub fn preview_body(report: &Report, computed: &Computed) -> String {
    let ctx = Ctx {
        report,
        computed,
        outline: Outline::new(report, computed),
    };
    html! {
        div.report lang="sv" {
            (title_page(&ctx))
            (contents(&ctx))
            (chapters(&ctx))
            (management_report(&ctx))
            (statement(&ctx, StatementKind::Income))
            (statement(&ctx, StatementKind::Balance))
            (notes(&ctx))
            (signatures(&ctx))
        }
    }
    .into_string()
}

/// "Årsredovisning 2025 – Föreningen X".
fn document_title(report: &Report) -> String {
    let year = report
        .years
        .first()
        .map(FiscalYear::label)
        .unwrap_or_default();
    let name = report.organisation.name.trim();
    match (year.is_empty(), name.is_empty()) {
        (false, false) => format!("Årsredovisning {year} – {name}"),
        (false, true) => format!("Årsredovisning {year}"),
        (true, false) => format!("Årsredovisning – {name}"),
        (true, true) => "Årsredovisning".to_string(),
    }
}

/// What every part needs.
struct Ctx<'a> {
    report: &'a Report,
    computed: &'a Computed,
    outline: Outline<'a>,
}

impl Ctx<'_> {
    /// A column heading: the year's label ("2025", "2024/25").
    fn year_label(&self, year: usize) -> String {
        self.report
            .years
            .get(year)
            .map(FiscalYear::label)
            .unwrap_or_default()
    }

    /// Markdown with its `{{placeholders}}` filled in, as sanitised HTML under a heading of
    /// level `parent`.
    fn markdown(&self, text: &str, parent: u8) -> Markup {
        let text = crate::compute::placeholders::substitute(self.report, self.computed, text);
        PreEscaped(crate::markdown::to_html_below(&text, parent))
    }

    /// An amount with its unit: "12 500 kr", "13 tkr".
    fn amount_with_unit(&self, d: Decimal) -> String {
        format!(
            "{}\u{a0}{}",
            self.computed.fmt(d),
            self.computed.unit.suffix()
        )
    }

    fn shown_years(&self) -> std::ops::Range<usize> {
        0..self.computed.shown_years
    }
}

// ----------------------------------------------------------------------------------------------
// Numbering and the table of contents
// ----------------------------------------------------------------------------------------------

/// A numbered heading: its number ("6", "6.1"), title, anchor and depth (1 for a part or
/// chapter, 2 below it, 3 below that).
struct Entry<'a> {
    number: String,
    title: &'a str,
    anchor: String,
    depth: u8,
    section: Option<&'a Section>,
}

/// The numbering of every part of the report, shared by Innehåll and the parts themselves.
struct Outline<'a> {
    chapters: Vec<Entry<'a>>,
    management: Entry<'a>,
    /// The förvaltningsberättelse's text sections and its fixed sub-parts.
    management_parts: Vec<Entry<'a>>,
    income: Entry<'a>,
    balance: Entry<'a>,
    notes: Option<Entry<'a>>,
    signatures: Entry<'a>,
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
    fn new(report: &'a Report, computed: &Computed) -> Outline<'a> {
        let in_part = |part: Part| {
            report
                .narrative
                .iter()
                .filter(|s| s.part == part)
                .collect::<Vec<_>>()
        };
        let (chapters, count) = number_sections(&in_part(Part::Chapter), "");
        let mut next = count;
        let mut number = || {
            next += 1;
            next
        };

        let management_number = number();
        let prefix = format!("{management_number}.");
        let (mut management_parts, mut sub) =
            number_sections(&in_part(Part::ManagementReport), &prefix);
        // They sit one level below the förvaltningsberättelse's own heading.
        for e in &mut management_parts {
            e.depth += 1;
        }
        let mut fixed = |title: &'static str, anchor: &str| {
            sub += 1;
            fixed_entry(format!("{prefix}{sub}"), title, anchor, 2)
        };
        if !computed.overview.years.is_empty() {
            management_parts.push(fixed("Flerårsöversikt", "flerarsoversikt"));
        }
        if fiscal_year_equity(computed).is_some() {
            management_parts.push(fixed("Förändringar i eget kapital", "eget-kapital"));
        }
        management_parts.push(fixed("Resultatdisposition", "resultatdisposition"));

        Outline {
            chapters,
            management: fixed_entry(
                management_number.to_string(),
                "Förvaltningsberättelse",
                "forvaltningsberattelse",
                1,
            ),
            management_parts,
            income: fixed_entry(
                number().to_string(),
                "Resultaträkning",
                "resultatrakning",
                1,
            ),
            balance: fixed_entry(number().to_string(), "Balansräkning", "balansrakning", 1),
            notes: (!computed.note_order.is_empty())
                .then(|| fixed_entry(number().to_string(), "Noter", "noter", 1)),
            signatures: fixed_entry(number().to_string(), "Underskrifter", "underskrifter", 1),
        }
    }

    /// The entries of Innehåll, in order, each top entry with its sub-entries.
    fn toc(&self) -> Vec<(&Entry<'a>, Vec<&Entry<'a>>)> {
        let mut out: Vec<(&Entry, Vec<&Entry>)> = Vec::new();
        for e in &self.chapters {
            match out.last_mut() {
                Some((_, subs)) if e.depth == 2 => subs.push(e),
                _ => out.push((e, Vec::new())),
            }
        }
        // The förvaltningsberättelse lists its direct parts (not their sub-sections).
        out.push((
            &self.management,
            self.management_parts
                .iter()
                .filter(|e| e.depth == 2)
                .collect(),
        ));
        out.push((&self.income, Vec::new()));
        out.push((&self.balance, Vec::new()));
        if let Some(n) = &self.notes {
            out.push((n, Vec::new()));
        }
        out.push((&self.signatures, Vec::new()));
        out
    }

    fn management_part(&self, anchor: &str) -> Option<&Entry<'a>> {
        self.management_parts.iter().find(|e| e.anchor == anchor)
    }
}

/// A numbered heading, at the level its depth gives (depth 1: h2, 2: h3, 3+: h4).
fn heading(entry: &Entry) -> Markup {
    let body = html! { span.number { (entry.number) } (entry.title) };
    match entry.depth {
        1 => html! { h2 { (body) } },
        2 => html! { h3 { (body) } },
        _ => html! { h4 { (body) } },
    }
}

// ----------------------------------------------------------------------------------------------
// The parts
// ----------------------------------------------------------------------------------------------

fn title_page(ctx: &Ctx) -> Markup {
    let org = &ctx.report.organisation;
    let org_nr =
        crate::orgnr::normalize(&org.org_nr).unwrap_or_else(|_| org.org_nr.trim().to_string());
    html! {
        section.part.title-page #titelsida {
            p.doc-kind { "Årsredovisning" }
            @if let Some(year) = ctx.report.years.first() {
                p.fiscal-year { "för räkenskapsåret " (year.period()) }
            }
            h1.org-name { (org.name) }
            @if !org_nr.is_empty() {
                p.org-nr { "Org.nr " (org_nr) }
            }
            p.legal-form { (org.legal_form.label()) }
            @if !org.seat.trim().is_empty() {
                p.seat { "Säte: " (org.seat) }
            }
            @if ctx.report.settings.example {
                p.example-marker { "Exempel" }
            }
        }
    }
}

fn contents(ctx: &Ctx) -> Markup {
    let link = |e: &Entry| {
        html! {
            a href={ "#" (e.anchor) } { span.number { (e.number) } (e.title) }
        }
    };
    html! {
        nav.part.toc #innehall {
            h2 { "Innehåll" }
            ol {
                @for (entry, subs) in ctx.outline.toc() {
                    li {
                        (link(entry))
                        @if !subs.is_empty() {
                            ol {
                                @for sub in subs { li { (link(sub)) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A narrative section: numbered heading and Markdown body.
fn narrative_section(ctx: &Ctx, entry: &Entry, class: &str) -> Markup {
    let Some(section) = entry.section else {
        return html! {};
    };
    html! {
        section class=(format!("{class} level-{}", entry.depth.min(3))) id=(entry.anchor) {
            (heading(entry))
            div.md { (ctx.markdown(&section.body, entry.depth.clamp(1, 3) + 1)) }
        }
    }
}

fn chapters(ctx: &Ctx) -> Markup {
    if ctx.outline.chapters.is_empty() {
        return html! {};
    }
    html! {
        div.part.chapters {
            @for entry in &ctx.outline.chapters {
                (narrative_section(ctx, entry, "chapter"))
            }
        }
    }
}

fn management_report(ctx: &Ctx) -> Markup {
    let outline = &ctx.outline;
    html! {
        section.part.management-report #(outline.management.anchor) {
            (heading(&outline.management))
            (management_intro(ctx))
            @for entry in outline.management_parts.iter().filter(|e| e.section.is_some()) {
                (narrative_section(ctx, entry, "subsection"))
            }
            @if let Some(entry) = outline.management_part("flerarsoversikt") {
                (multi_year_overview(ctx, entry))
            }
            @if let (Some(entry), Some(year)) = (outline.management_part("eget-kapital"), fiscal_year_equity(ctx.computed)) {
                (equity_changes(ctx, entry, year))
            }
            @if let Some(entry) = outline.management_part("resultatdisposition") {
                (appropriation(ctx, entry))
            }
        }
    }
}

/// "Styrelsen för X, org.nr …, avger följande årsredovisning för räkenskapsåret …".
fn management_intro(ctx: &Ctx) -> Markup {
    let org = &ctx.report.organisation;
    let name = org.name.trim();
    let org_nr = crate::orgnr::normalize(&org.org_nr).ok();
    html! {
        p.intro {
            "Styrelsen"
            @if !name.is_empty() { " för " (name) }
            @if let Some(nr) = org_nr { ", org.nr " (nr) "," }
            " avger följande årsredovisning"
            @if let Some(year) = ctx.report.years.first() { " för räkenskapsåret " (year.period()) }
            "."
        }
    }
}

fn multi_year_overview(ctx: &Ctx, entry: &Entry) -> Markup {
    let overview = &ctx.computed.overview;
    // The definition mentions obeskattade reserver only when the organisation has any.
    let has_untaxed = ctx
        .report
        .balance_sheet
        .find_role(Role::UntaxedReserves)
        .is_some_and(|l| {
            overview
                .years
                .iter()
                .any(|y| !ctx.computed.value(&l.id, y.year).is_zero())
        });
    let percent = |d: Option<Decimal>| match d {
        Some(d) => format_percent(d).trim_end_matches("\u{a0}%").to_string(),
        None => "–".to_string(),
    };
    html! {
        section.subsection #(entry.anchor) {
            (heading(entry))
            table.figures.overview {
                thead {
                    tr {
                        th.unit scope="col" { (ctx.computed.unit.heading()) }
                        @for y in &overview.years { th.amount scope="col" { (ctx.year_label(y.year)) } }
                    }
                }
                tbody {
                    tr {
                        td.label { (overview.income_label) }
                        @for y in &overview.years { td.amount { (ctx.computed.fmt(y.income)) } }
                    }
                    tr {
                        td.label { (RESULT_AFTER_FINANCIAL_ITEMS_LABEL) }
                        @for y in &overview.years { td.amount { (ctx.computed.fmt(y.result_after_financial_items)) } }
                    }
                    tr {
                        td.label { (SOLIDITY_LABEL) " (%)" }
                        @for y in &overview.years { td.amount { (percent(y.solidity)) } }
                    }
                }
            }
            p.definition {
                @if has_untaxed {
                    "Soliditet: eget kapital och 79,4 % av obeskattade reserver (med avdrag för uppskjuten skatt) i procent av balansomslutningen."
                } @else {
                    "Soliditet: eget kapital i procent av balansomslutningen (summa tillgångar)."
                }
            }
        }
    }
}

/// The fiscal year's (year 0) förändringar i eget kapital, if they can be computed.
fn fiscal_year_equity(computed: &Computed) -> Option<&EquityYear> {
    computed.equity.iter().find(|e| e.year == 0)
}

fn equity_changes(ctx: &Ctx, entry: &Entry, year: &EquityYear) -> Markup {
    let fmt = |d: Decimal| ctx.computed.fmt(d);
    html! {
        section.subsection #(entry.anchor) {
            (heading(entry))
            table.figures.equity {
                thead {
                    tr {
                        th.unit scope="col" { (ctx.computed.unit.heading()) }
                        @for (_, label) in &year.columns { th.amount scope="col" { (label) } }
                        th.amount scope="col" { "Totalt" }
                    }
                }
                tbody {
                    @for row in &year.rows {
                        tr class=(row.kind.class()) {
                            td.label { (row.label) }
                            @for a in &row.amounts { td.amount { (fmt(*a)) } }
                            td.amount { (fmt(row.total)) }
                        }
                    }
                }
            }
        }
    }
}

fn appropriation(ctx: &Ctx, entry: &Entry) -> Markup {
    let figures = &ctx.computed.appropriation;
    let meeting = ctx.report.organisation.legal_form.meeting();
    let proposal = &ctx.report.appropriation.proposal;
    html! {
        section.subsection #(entry.anchor) {
            (heading(entry))
            p { "Till " (meeting) "s förfogande står:" }
            table.figures.appropriation.at-disposal {
                tbody {
                    @for (label, amount) in &figures.parts {
                        tr { td.label { (label) } td.amount { (ctx.amount_with_unit(*amount)) } }
                    }
                    tr.total { td.label { "Summa" } td.amount { (ctx.amount_with_unit(figures.at_disposal)) } }
                }
            }
            p.proposal-intro { "Styrelsen föreslår att" }
            table.figures.appropriation.proposal {
                tbody {
                    @for item in proposal {
                        tr id=(format!("proposal-{}", item.id)) {
                            td.label { (item.label) }
                            td.amount { @if let Some(m) = item.amount { (ctx.amount_with_unit(m.0)) } }
                        }
                    }
                    tr.total { td.label { "Summa" } td.amount { (ctx.amount_with_unit(figures.proposed)) } }
                }
            }
            @if !ctx.report.appropriation.comment.trim().is_empty() {
                div.md.appropriation-comment { (ctx.markdown(&ctx.report.appropriation.comment, 3)) }
            }
        }
    }
}

#[derive(Clone, Copy)]
enum StatementKind {
    Income,
    Balance,
}

fn statement(ctx: &Ctx, kind: StatementKind) -> Markup {
    let (entry, lines, class) = match kind {
        StatementKind::Income => (
            &ctx.outline.income,
            &ctx.report.income_statement.lines,
            "figures statement income",
        ),
        StatementKind::Balance => (
            &ctx.outline.balance,
            &ctx.report.balance_sheet.lines,
            "figures statement balance",
        ),
    };
    html! {
        section.part.statement-part #(entry.anchor) {
            (heading(entry))
            table class=(class) {
                thead {
                    tr {
                        th.unit scope="col" { (ctx.computed.unit.heading()) }
                        th.note scope="col" { "Not" }
                        @for y in ctx.shown_years() { th.amount scope="col" { (ctx.year_label(y)) } }
                    }
                }
                tbody {
                    @for line in lines { (statement_line(ctx, line, 0)) }
                }
            }
        }
    }
}

/// One line of a statement and, for a group, its shown children and its sum row.
fn statement_line(ctx: &Ctx, line: &Line, depth: usize) -> Markup {
    if !ctx.computed.is_shown(line) {
        return html! {};
    }
    let depth_class = format!("depth-{}", depth.min(4));
    let amounts = html! {
        @for y in ctx.shown_years() { td.amount { (ctx.computed.fmt(ctx.computed.value(&line.id, y))) } }
    };
    let note = note_reference(ctx, line);
    let id = format!("line-{}", line.id);
    match &line.kind {
        LineKind::Group {
            sum_label,
            children,
        } => html! {
            tr id=(id) class=(format!("heading {depth_class}")) {
                td.label { (line.label) }
                td.note { (note) }
                @for _ in ctx.shown_years() { td.amount {} }
            }
            @for child in children { (statement_line(ctx, child, depth + 1)) }
            @if let Some(sum_label) = sum_label {
                tr id=(format!("{id}-sum")) class=(format!("sum {depth_class}")) {
                    td.label { (sum_label) }
                    td.note {}
                    (amounts)
                }
            }
        },
        LineKind::Input { .. } => html! {
            tr id=(id) class=(format!("item {depth_class}")) {
                td.label { (line.label) }
                td.note { (note) }
                (amounts)
            }
        },
        LineKind::Formula { .. } => html! {
            tr id=(id) class=(format!("result {depth_class}")) {
                td.label { (line.label) }
                td.note { (note) }
                (amounts)
            }
        },
    }
}

/// The printed number of the note a line refers to, linked to the note.
fn note_reference(ctx: &Ctx, line: &Line) -> Markup {
    let Some(note) = &line.note else {
        return html! {};
    };
    match ctx.computed.note_number(note) {
        Some(n) => html! { a.note-ref href=(format!("#note-{note}")) { (n) } },
        None => html! {},
    }
}

fn notes(ctx: &Ctx) -> Markup {
    let Some(entry) = &ctx.outline.notes else {
        return html! {};
    };
    html! {
        section.part.notes #(entry.anchor) {
            (heading(entry))
            p.unit-note { (ctx.computed.unit.heading()) " om inget annat anges." }
            @for (i, id) in ctx.computed.note_order.iter().enumerate() {
                @if let Some(note) = ctx.report.note(id) {
                    (note_part(ctx, note, i + 1))
                }
            }
        }
    }
}

fn note_part(ctx: &Ctx, note: &Note, number: usize) -> Markup {
    html! {
        section.note id=(format!("note-{}", note.id)) {
            h3 { span.number { "Not " (number) } (note.title) }
            @if !note.text.trim().is_empty() {
                div.md { (ctx.markdown(&note.text, 3)) }
            }
            @if let Some(table) = &note.table {
                (note_table(ctx, note, table))
            }
        }
    }
}

fn note_table(ctx: &Ctx, note: &Note, table: &NoteTable) -> Markup {
    let values = ctx.computed.note_tables.get(&note.id);
    let header = |c: &NoteColumn| match c.year {
        Some(y) if c.header.trim().is_empty() => ctx.year_label(usize::from(y)),
        _ => c.header.clone(),
    };
    let sums_counts = sums_of_counts(table);
    html! {
        table.figures.note-table {
            thead {
                tr {
                    th.label scope="col" {}
                    @for c in &table.columns { th.amount scope="col" { (header(c)) } }
                }
            }
            tbody {
                @for (r, row) in table.rows.iter().enumerate() {
                    @match row.kind {
                        RowKind::Heading => {
                            tr.heading id=(format!("note-{}-row-{}", note.id, row.id)) {
                                td.label colspan=(table.columns.len() + 1) { (row.label) }
                            }
                        }
                        RowKind::Item | RowKind::Count => {
                            @let count = row.kind == RowKind::Count;
                            tr class=(if count { "count" } else { "item" }) id=(format!("note-{}-row-{}", note.id, row.id)) {
                                td.label { (row.label) }
                                @for c in 0..table.columns.len() {
                                    (note_cell(ctx, row.cells.get(c).and_then(Option::as_ref), count))
                                }
                            }
                        }
                        RowKind::Sum => {
                            @let count = sums_counts[r];
                            tr.sum id=(format!("note-{}-row-{}", note.id, row.id)) {
                                td.label { (row.label) }
                                @for c in 0..table.columns.len() {
                                    @let v = values.and_then(|v| v.get(r)).and_then(|v| v.get(c)).copied().flatten();
                                    td.amount { @if let Some(v) = v { (if count { format_count(v) } else { ctx.computed.fmt(v) }) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Per row: whether it is a sum row that adds up only count rows (back to the previous
/// heading, as [`crate::compute::table_values`] sums), so it is printed as a count.
fn sums_of_counts(table: &NoteTable) -> Vec<bool> {
    let mut kinds: Vec<RowKind> = Vec::new();
    table
        .rows
        .iter()
        .map(|row| match row.kind {
            RowKind::Heading => {
                kinds.clear();
                false
            }
            RowKind::Item | RowKind::Count => {
                kinds.push(row.kind);
                false
            }
            RowKind::Sum => !kinds.is_empty() && kinds.iter().all(|k| *k == RowKind::Count),
        })
        .collect()
}

fn note_cell(ctx: &Ctx, cell: Option<&Cell>, count: bool) -> Markup {
    match cell {
        Some(Cell::Amount(m)) if count => html! { td.amount { (format_count(m.0)) } },
        Some(Cell::Amount(m)) => html! { td.amount { (ctx.computed.fmt(m.0)) } },
        Some(Cell::Text(t)) => html! { td.amount.text { (t) } },
        None => html! { td.amount {} },
    }
}

/// A count (not money, never scaled to tkr): `12`, `1 250`, and decimals only when there are
/// any (`2,5` employees on average).
fn format_count(d: Decimal) -> String {
    let d = d.normalize();
    if d.fract().is_zero() {
        return format_integer(d);
    }
    let whole = format_integer(d.trunc());
    let sign = if d.is_sign_negative() && d.trunc().is_zero() {
        "\u{2212}"
    } else {
        ""
    };
    let fraction = d.fract().abs().to_string();
    format!("{sign}{whole},{}", fraction.trim_start_matches("0."))
}

fn signatures(ctx: &Ctx) -> Markup {
    let s = &ctx.report.signatures;
    let entry = &ctx.outline.signatures;
    let auditor_word = if s.auditors.len() == 1 { "Min" } else { "Vår" };
    html! {
        section.part.signatures #(entry.anchor) {
            (heading(entry))
            p.place-date {
                @if s.place.trim().is_empty() { span.blank {} } @else { (s.place.trim()) }
                ", "
                @if let Some(date) = s.date { (date.long()) } @else { span.blank {} }
            }
            div.signatories {
                @for p in &s.signatories { (signature_block(p)) }
            }
            @if let Some(date) = s.auditor_report_date {
                p.auditor-report { (auditor_word) " revisionsberättelse har lämnats den " (date.long()) "." }
            }
            @if !s.auditors.is_empty() {
                div.signatories.auditors {
                    @for p in &s.auditors { (signature_block(p)) }
                }
            }
        }
    }
}

fn signature_block(person: &Person) -> Markup {
    html! {
        div.signature id=(format!("person-{}", person.id)) {
            div.sign-line {}
            p.name { (person.name) }
            p.role { (person.role) }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::date::Date;
    use crate::money::{Money, Unit};

    fn money(v: i64) -> Option<Money> {
        Some(Money::from(v))
    }

    fn input(
        id: &str,
        label: &str,
        role: Option<Role>,
        note: Option<&str>,
        amounts: [i64; 2],
    ) -> Line {
        Line {
            id: id.into(),
            label: label.into(),
            role,
            note: note.map(Into::into),
            accounts: Vec::new(),
            kind: LineKind::Input {
                amounts: amounts.iter().map(|a| money(*a)).collect(),
                details: Vec::new(),
            },
        }
    }

    fn group(
        id: &str,
        label: &str,
        role: Option<Role>,
        sum_label: &str,
        children: Vec<Line>,
    ) -> Line {
        Line {
            id: id.into(),
            label: label.into(),
            role,
            note: None,
            accounts: Vec::new(),
            kind: LineKind::Group {
                sum_label: Some(sum_label.into()),
                children,
            },
        }
    }

    fn section(id: &str, title: &str, level: u8, part: Part, body: &str) -> Section {
        Section {
            id: id.into(),
            title: title.into(),
            level,
            part,
            body: body.into(),
        }
    }

    const EVIL: &str = "<script>alert(1)</script> </title> <img src=x onerror=alert(1)>";

    /// A small but complete report, with hostile text wherever the treasurer can type.
    fn sample() -> Report {
        let year = |y| FiscalYear {
            start: Date::new(y, 1, 1).unwrap(),
            end: Date::new(y, 12, 31).unwrap(),
        };
        let amount_cell = |v: i64| Some(Cell::Amount(Money::from(v)));
        Report {
            format: FORMAT_NAME.into(),
            version: FORMAT_VERSION,
            lineage: Lineage::default(),
            organisation: Organisation {
                name: "Föreningen </title><script>alert(1)</script>".into(),
                org_nr: "2021005489".into(),
                legal_form: LegalForm::IdeellForening,
                seat: "Umeå".into(),
            },
            years: vec![year(2025), year(2024)],
            settings: Settings::default(),
            narrative: vec![
                section(
                    "s1",
                    &format!("Om oss {EVIL}"),
                    1,
                    Part::Chapter,
                    &format!(
                        "Text {EVIL}\n\n{EVIL}\n\nÅrets resultat blev {{{{årets_resultat}}}}."
                    ),
                ),
                section("s2", "Styrelsen", 2, Part::Chapter, "* Anna, ordförande"),
                section("s3", "Medlemmar", 1, Part::Chapter, "Vi är 120."),
                section(
                    "v1",
                    "Verksamheten",
                    1,
                    Part::ManagementReport,
                    "Föreningen arbetar för **bättre** cykelvägar.",
                ),
            ],
            income_statement: Statement {
                lines: vec![
                    group(
                        "int",
                        "Intäkter",
                        Some(Role::TotalIncome),
                        "Summa intäkter",
                        vec![
                            input(
                                "avg",
                                "Medlemsavgifter",
                                None,
                                Some("n-avg"),
                                [1_234_567, 900_000],
                            ),
                            input("gavor", "Gåvor och bidrag", None, Some("n-gavor"), [0, 0]),
                        ],
                    ),
                    group(
                        "kost",
                        "Kostnader",
                        Some(Role::TotalCosts),
                        "Summa kostnader",
                        vec![input(
                            "ext",
                            "Övriga externa kostnader",
                            None,
                            None,
                            [-634_567, -500_000],
                        )],
                    ),
                    Line {
                        id: "res".into(),
                        label: "Årets resultat".into(),
                        role: Some(Role::YearResult),
                        note: None,
                        accounts: Vec::new(),
                        kind: LineKind::Formula {
                            terms: vec![
                                Term {
                                    line: "int".into(),
                                    negate: false,
                                },
                                Term {
                                    line: "kost".into(),
                                    negate: false,
                                },
                            ],
                        },
                    },
                ],
            },
            balance_sheet: Statement {
                lines: vec![
                    group(
                        "tillg",
                        "Tillgångar",
                        Some(Role::TotalAssets),
                        "Summa tillgångar",
                        vec![input(
                            "bank",
                            "Kassa och bank",
                            None,
                            None,
                            [1_000_000, 400_000],
                        )],
                    ),
                    group(
                        "ekos",
                        "Eget kapital och skulder",
                        Some(Role::TotalEquityAndLiabilities),
                        "Summa eget kapital och skulder",
                        vec![group(
                            "ek",
                            "Eget kapital",
                            Some(Role::Equity),
                            "Summa eget kapital",
                            vec![
                                input(
                                    "bal",
                                    "Balanserat resultat",
                                    Some(Role::RetainedEarnings),
                                    None,
                                    [400_000, 0],
                                ),
                                input(
                                    "arb",
                                    "Årets resultat",
                                    Some(Role::YearResultBalance),
                                    None,
                                    [600_000, 400_000],
                                ),
                            ],
                        )],
                    ),
                ],
            },
            equity: EquityChanges {
                opening: BTreeMap::new(),
                movements: Vec::new(),
            },
            appropriation: Appropriation {
                proposal: vec![ProposalItem {
                    id: "p1".into(),
                    label: "balanseras i ny räkning".into(),
                    amount: money(1_000_000),
                }],
                comment: format!("Kommentar {EVIL}"),
            },
            notes: vec![
                Note {
                    id: "n-princ".into(),
                    title: "Redovisningsprinciper".into(),
                    text: "Enligt BFNAR 2010:1.".into(),
                    table: None,
                },
                Note {
                    id: "n-avg".into(),
                    title: format!("Medlemsavgifter {EVIL}"),
                    text: format!("Avgiften är 100 kr. {EVIL}"),
                    table: Some(NoteTable {
                        columns: vec![
                            NoteColumn {
                                id: "c0".into(),
                                header: String::new(),
                                year: Some(0),
                            },
                            NoteColumn {
                                id: "c1".into(),
                                header: "Fjolåret <b>".into(),
                                year: Some(1),
                            },
                        ],
                        rows: vec![
                            NoteRow {
                                id: "r1".into(),
                                label: "Ordinarie".into(),
                                kind: RowKind::Item,
                                cells: vec![amount_cell(1_000_000), amount_cell(700_000)],
                            },
                            NoteRow {
                                id: "r2".into(),
                                label: "Stöd <i>".into(),
                                kind: RowKind::Item,
                                cells: vec![
                                    amount_cell(234_567),
                                    Some(Cell::Text("ingår ovan <script>".into())),
                                ],
                            },
                            NoteRow {
                                id: "r3".into(),
                                label: "Summa".into(),
                                kind: RowKind::Sum,
                                cells: vec![None, None],
                            },
                            NoteRow {
                                id: "r4".into(),
                                label: "Antal medlemmar".into(),
                                kind: RowKind::Heading,
                                cells: vec![None, None],
                            },
                            NoteRow {
                                id: "r5".into(),
                                label: "Kvinnor".into(),
                                kind: RowKind::Count,
                                cells: vec![amount_cell(1_500), amount_cell(1_400)],
                            },
                            NoteRow {
                                id: "r6".into(),
                                label: "Män".into(),
                                kind: RowKind::Count,
                                cells: vec![amount_cell(700), amount_cell(600)],
                            },
                            NoteRow {
                                id: "r7".into(),
                                label: "Totalt".into(),
                                kind: RowKind::Sum,
                                cells: vec![None, None],
                            },
                        ],
                        tie: Some("avg".into()),
                    }),
                },
                Note {
                    id: "n-gavor".into(),
                    title: "Gåvor".into(),
                    text: "Inga.".into(),
                    table: None,
                },
            ],
            signatures: Signatures {
                place: "Umeå <script>".into(),
                date: Date::new(2026, 3, 12),
                signatories: vec![
                    Person {
                        id: "p1".into(),
                        name: "Anna <script>alert(1)</script>".into(),
                        role: "Ordförande".into(),
                    },
                    Person {
                        id: "p2".into(),
                        name: "Bo Ek".into(),
                        role: "Kassör".into(),
                    },
                ],
                auditors: vec![Person {
                    id: "a1".into(),
                    name: "Cecilia Revisor".into(),
                    role: "Förtroendevald revisor".into(),
                }],
                auditor_report_date: Date::new(2026, 3, 20),
            },
            account_map: Default::default(),
            comments: Vec::new(),
            reviews: Vec::new(),
        }
    }

    /// The tags of a document (`<…>` as written; escaped text has no `<`).
    fn tags(html: &str) -> impl Iterator<Item = &str> {
        html.split('<')
            .skip(1)
            .map(|s| s.split('>').next().unwrap_or(s))
    }

    fn assert_safe(html: &str) {
        assert!(
            !html.to_lowercase().contains("<script"),
            "a script tag got through"
        );
        for tag in tags(html) {
            let t = tag.to_lowercase();
            assert!(
                !t.contains("onerror") && !t.contains("onclick") && !t.contains("javascript:"),
                "unsafe tag <{tag}>"
            );
            assert!(
                !t.starts_with("img") && !t.starts_with("link") && !t.starts_with("iframe"),
                "a resource is loaded: <{tag}>"
            );
        }
        assert_eq!(
            html.matches("</title>").count(),
            1,
            "the title was closed early"
        );
    }

    #[test]
    fn hostile_text_is_escaped_everywhere() {
        let html = render_html(&sample());
        assert_safe(&html);
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(html.contains("<title>Årsredovisning 2025 – Föreningen &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
        assert!(html.contains("Fjolåret &lt;b&gt;"));
        assert!(html.contains("ingår ovan &lt;script&gt;"));
    }

    #[test]
    fn document_is_self_contained_and_locked_down() {
        let html = render_html(&sample());
        assert!(html.starts_with("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\">"));
        assert!(html.contains(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">"
        ));
        assert!(tags(&html).all(|t| !t.contains(" src=") && !t.contains(" href=\"http")));
        assert!(!html.contains("http://") && !html.contains("https://"));
        assert!(!html.contains("@import"));
        for part in [
            "Innehåll",
            "Förvaltningsberättelse",
            "Flerårsöversikt",
            "Resultatdisposition",
            "Resultaträkning",
            "Balansräkning",
            "Noter",
            "Underskrifter",
        ] {
            assert!(html.contains(part), "{part} is missing");
        }
        assert!(html.contains("counter(page) \" (\" counter(pages) \")\""));
    }

    #[test]
    fn preview_is_the_body_of_the_document() {
        let report = sample();
        let computed = compute(&report);
        let body = preview_body(&report, &computed);
        let doc = render_document(&report, &computed);
        assert!(doc.contains(&format!("<body>{body}</body>")));
        assert!(doc.contains(&format!("<style>{STYLE}</style>")));
        assert!(body.starts_with("<div class=\"report\" lang=\"sv\">"));
    }

    #[test]
    fn title_page_and_contents() {
        let mut report = sample();
        report.settings.example = true;
        let html = render_html(&report);
        assert!(html.contains("för räkenskapsåret 2025-01-01 – 2025-12-31"));
        assert!(html.contains("Org.nr 202100-5489"));
        assert!(html.contains("Ideell förening"));
        assert!(html.contains("Säte: Umeå"));
        assert!(html.contains("<p class=\"example-marker\">Exempel</p>"));
        // Chapters 1 (with 1.1) and 2, then the förvaltningsberättelse as 3 and so on.
        assert!(html.contains("<a href=\"#section-s1\"><span class=\"number\">1</span>Om oss"));
        assert!(
            html.contains("<a href=\"#section-s2\"><span class=\"number\">1.1</span>Styrelsen</a>")
        );
        assert!(
            html.contains("<a href=\"#section-s3\"><span class=\"number\">2</span>Medlemmar</a>")
        );
        assert!(html.contains(
            "<a href=\"#forvaltningsberattelse\"><span class=\"number\">3</span>Förvaltningsberättelse</a>"
        ));
        assert!(html
            .contains("<a href=\"#section-v1\"><span class=\"number\">3.1</span>Verksamheten</a>"));
        assert!(html.contains(
            "<a href=\"#flerarsoversikt\"><span class=\"number\">3.2</span>Flerårsöversikt</a>"
        ));
        assert!(html.contains(
            "<a href=\"#resultatrakning\"><span class=\"number\">4</span>Resultaträkning</a>"
        ));
        assert!(html.contains(
            "<a href=\"#underskrifter\"><span class=\"number\">7</span>Underskrifter</a>"
        ));
        assert!(html.contains("id=\"section-s2\""));
        assert!(html.contains("<h3><span class=\"number\">1.1</span>Styrelsen</h3>"));

        report.settings.example = false;
        assert!(!render_html(&report).contains("Exempel"));
    }

    #[test]
    fn zero_lines_are_left_out() {
        let html = render_html(&sample());
        assert!(html.contains("id=\"line-avg\""));
        assert!(html.contains("Medlemsavgifter"));
        assert!(!html.contains("id=\"line-gavor\""));
        assert!(!html.contains("Gåvor och bidrag"));
        assert!(html.contains("class=\"figures statement income\""));
        assert!(html.contains("class=\"figures statement balance\""));
        assert!(html.contains("id=\"line-res\" class=\"result depth-0\""));
        assert!(html.contains(
            "id=\"line-int-sum\" class=\"sum depth-0\"><td class=\"label\">Summa intäkter</td>"
        ));
    }

    #[test]
    fn statements_print_amounts_and_years() {
        let html = render_html(&sample());
        assert!(html.contains("Belopp i kr"));
        assert!(html.contains(
            "<th class=\"amount\" scope=\"col\">2025</th><th class=\"amount\" scope=\"col\">2024</th>"
        ));
        assert!(html.contains(
            "<td class=\"amount\">1\u{a0}234\u{a0}567</td><td class=\"amount\">900\u{a0}000</td>"
        ));
        assert!(html.contains("<td class=\"amount\">\u{2212}634\u{a0}567</td>"));
    }

    #[test]
    fn notes_are_numbered_where_referred_and_printed() {
        let report = sample();
        let computed = compute(&report);
        let n = computed.note_number("n-avg").expect("the note is printed");
        let html = render_document(&report, &computed);
        assert!(html.contains(&format!(
            "<td class=\"note\"><a class=\"note-ref\" href=\"#note-n-avg\">{n}</a></td>"
        )));
        assert!(html.contains(&format!("<section class=\"note\" id=\"note-n-avg\"><h3><span class=\"number\">Not {n}</span>Medlemsavgifter &lt;script&gt;")));
        assert!(html.contains("<span class=\"number\">Not 1</span>Redovisningsprinciper"));
        // The note table: the year label as header, amounts, text, sums and unscaled counts.
        assert!(html.contains("<th class=\"amount\" scope=\"col\">2025</th><th class=\"amount\" scope=\"col\">Fjolåret &lt;b&gt;</th>"));
        assert!(html.contains(
            "<td class=\"amount\">234\u{a0}567</td><td class=\"amount text\">ingår ovan &lt;script&gt;</td>"
        ));
        assert!(html.contains("<td class=\"label\">Summa</td><td class=\"amount\">1\u{a0}234\u{a0}567</td><td class=\"amount\">700\u{a0}000</td>"));
        assert!(html.contains("<td class=\"label\">Totalt</td><td class=\"amount\">2\u{a0}200</td><td class=\"amount\">2\u{a0}000</td>"));
    }

    #[test]
    fn placeholders_are_filled_in() {
        let html = render_html(&sample());
        assert!(
            html.contains("Årets resultat blev 600\u{a0}000\u{a0}kr."),
            "{html}"
        );
        assert!(!html.contains("{{årets_resultat}}"));
    }

    #[test]
    fn thousands_of_kronor() {
        let mut report = sample();
        report.settings.unit = Unit::Tkr;
        let html = render_html(&report);
        assert!(html.contains("Belopp i tkr"));
        assert!(html.contains("<td class=\"amount\">1\u{a0}235</td><td class=\"amount\">900</td>"));
        // Counts are not money: never scaled.
        assert!(html
            .contains("<td class=\"amount\">1\u{a0}500</td><td class=\"amount\">1\u{a0}400</td>"));
        assert!(html.contains("Årets resultat blev 600\u{a0}tkr."));
    }

    #[test]
    fn management_report_parts() {
        let html = render_html(&sample());
        assert!(html.contains("Styrelsen för Föreningen &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;, org.nr 202100-5489, avger följande årsredovisning för räkenskapsåret 2025-01-01 – 2025-12-31."));
        assert!(html.contains("<td class=\"label\">Summa intäkter</td><td class=\"amount\">1\u{a0}234\u{a0}567</td><td class=\"amount\">900\u{a0}000</td></tr><tr><td class=\"label\">Resultat efter finansiella poster</td>"));
        assert!(
            html.contains("<td class=\"label\">Soliditet (%)</td><td class=\"amount\">100,0</td>")
        );
        assert!(html.contains("Till årsmötets förfogande står:"));
        assert!(html.contains(
            "<td class=\"label\">Balanserat resultat</td><td class=\"amount\">400\u{a0}000\u{a0}kr</td>"
        ));
        assert!(html.contains("Styrelsen föreslår att"));
        assert!(html.contains("<td class=\"label\">balanseras i ny räkning</td><td class=\"amount\">1\u{a0}000\u{a0}000\u{a0}kr</td>"));
        assert!(html.contains("Kommentar &lt;script&gt;"));
        // Förändringar i eget kapital: the columns are the equity lines, plus a total.
        assert!(html.contains("Förändringar i eget kapital"));
        assert!(html.contains("<th class=\"amount\" scope=\"col\">Balanserat resultat</th><th class=\"amount\" scope=\"col\">Årets resultat</th><th class=\"amount\" scope=\"col\">Totalt</th>"));
        assert!(html.contains("Belopp vid årets utgång"));
    }

    #[test]
    fn signature_page() {
        let mut report = sample();
        let html = render_html(&report);
        assert!(html.contains("<p class=\"place-date\">Umeå &lt;script&gt;, 12 mars 2026</p>"));
        assert!(html.contains("<p class=\"name\">Anna &lt;script&gt;alert(1)&lt;/script&gt;</p><p class=\"role\">Ordförande</p>"));
        assert!(html.contains("Min revisionsberättelse har lämnats den 20 mars 2026."));
        assert!(html.contains("Förtroendevald revisor"));

        report.signatures.place.clear();
        report.signatures.date = None;
        report.signatures.auditor_report_date = None;
        let html = render_html(&report);
        assert!(html.contains(
            "<p class=\"place-date\"><span class=\"blank\"></span>, <span class=\"blank\"></span></p>"
        ));
        assert!(!html.contains("revisionsberättelse"));
    }

    #[test]
    fn an_empty_report_renders() {
        let report = Report {
            format: FORMAT_NAME.into(),
            version: FORMAT_VERSION,
            lineage: Lineage::default(),
            organisation: Organisation {
                name: String::new(),
                org_nr: String::new(),
                legal_form: LegalForm::Stiftelse,
                seat: String::new(),
            },
            years: Vec::new(),
            settings: Settings::default(),
            narrative: vec![
                section("a", "Först en underrubrik", 2, Part::Chapter, ""),
                section("b", "Sedan", 2, Part::Chapter, ""),
            ],
            income_statement: Statement::default(),
            balance_sheet: Statement::default(),
            equity: EquityChanges::default(),
            appropriation: Appropriation::default(),
            notes: Vec::new(),
            signatures: Signatures::default(),
            account_map: Default::default(),
            comments: Vec::new(),
            reviews: Vec::new(),
        };
        let html = render_html(&report);
        assert!(html.contains("<title>Årsredovisning</title>"));
        assert!(html.contains("<span class=\"number\">1</span>Först en underrubrik"));
        assert!(html.contains("<span class=\"number\">1.1</span>Sedan"));
        assert!(!html.contains("id=\"noter\""));
        assert!(html.contains(
            "<a href=\"#underskrifter\"><span class=\"number\">5</span>Underskrifter</a>"
        ));
        assert!(html.contains("Till styrelsens förfogande står:"));
    }

    #[test]
    fn counts_keep_their_decimals() {
        assert_eq!(format_count(Decimal::new(25, 1)), "2,5");
        assert_eq!(format_count(Decimal::new(1250, 0)), "1\u{a0}250");
        assert_eq!(format_count(Decimal::new(-5, 1)), "\u{2212}0,5");
        assert_eq!(format_count(Decimal::new(12500, 2)), "125");
    }

    #[test]
    fn every_template_renders_safely() {
        for form in LegalForm::ALL {
            let year = FiscalYear {
                start: Date::new(2025, 1, 1).unwrap(),
                end: Date::new(2025, 12, 31).unwrap(),
            };
            let mut report = crate::template::new_report(
                form,
                "Förening </title><script>alert(1)</script>",
                "2021005489",
                year,
            );
            report
                .narrative
                .push(section("evil", EVIL, 1, Part::Chapter, EVIL));
            let html = render_html(&report);
            assert_safe(&html);
            assert!(
                html.contains("Resultaträkning")
                    && html.contains("Balansräkning")
                    && html.contains("Innehåll"),
                "{form:?}"
            );
        }
    }
}

//! Statement templates, as data: one JSON file per legal form in `engine/templates/`.
//!
//! A template gives a new report its resultaträkning and balansräkning (with roles and BAS
//! account ranges), its standard notes, narrative chapters and proposal rows.

use serde::Deserialize;

use crate::date::Date;
use crate::model::*;

/// A template file, as written in `engine/templates/*.json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// Shown when choosing a form, e.g. "K1 – ideell förening (BFNAR 2010:1)".
    pub name: String,
    pub income_statement: Vec<TemplateLine>,
    pub balance_sheet: Vec<TemplateLine>,
    #[serde(default)]
    pub notes: Vec<TemplateNote>,
    #[serde(default)]
    pub narrative: Vec<TemplateSection>,
    #[serde(default)]
    pub proposal: Vec<TemplateItem>,
    /// Roles of the signature page's first rows ("Ordförande", "Kassör", …).
    #[serde(default)]
    pub signatory_roles: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub enum TemplateKind {
    Input,
    Group,
    Formula,
}

/// A statement line in a template. `terms` are line ids, with a leading `-` to subtract.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateLine {
    pub id: String,
    pub label: String,
    pub kind: TemplateKind,
    #[serde(default)]
    pub role: Option<Role>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub accounts: Vec<String>,
    #[serde(default)]
    pub sum_label: Option<String>,
    #[serde(default)]
    pub children: Vec<TemplateLine>,
    #[serde(default)]
    pub terms: Vec<String>,
    /// A line the rules prescribe for the form: it keeps its place and order and cannot be
    /// removed (its label may be adapted). Other lines are optional: they may be moved, and are
    /// left out of the printout while zero.
    #[serde(default)]
    pub prescribed: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateNote {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateSection {
    pub id: String,
    pub title: String,
    #[serde(default = "one")]
    pub level: u8,
    #[serde(default)]
    pub part: Part,
    #[serde(default)]
    pub body: String,
}

fn one() -> u8 {
    1
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateItem {
    pub id: String,
    pub label: String,
    /// The row that takes the remainder of the amount at the meeting's disposal.
    #[serde(default)]
    pub remainder: bool,
}

/// The template source for a legal form.
pub fn template_source(form: LegalForm) -> &'static str {
    match form {
        LegalForm::IdeellForening => include_str!("../templates/k1_ideell_forening.json"),
        LegalForm::Samfallighetsforening => include_str!("../templates/samfallighetsforening.json"),
        LegalForm::Stiftelse => include_str!("../templates/stiftelse.json"),
        LegalForm::EkonomiskForening => include_str!("../templates/k2_ekonomisk_forening.json"),
        LegalForm::Bostadsrattsforening => include_str!("../templates/bostadsrattsforening.json"),
        LegalForm::Aktiebolag => include_str!("../templates/k2_aktiebolag.json"),
    }
}

/// The parsed template for a legal form. The template files are part of the program and are
/// tested, so a parse failure here is a bug.
pub fn template(form: LegalForm) -> Template {
    serde_json::from_str(template_source(form))
        .unwrap_or_else(|e| panic!("template for {form:?} is invalid: {e}"))
}

/// The ids of a form's template lines, parsed once.
struct LineIds {
    all: Vec<String>,
    /// The prescribed lines of each statement (resultaträkning, balansräkning), depth first.
    prescribed: [Vec<String>; 2],
}

fn line_ids_of(form: LegalForm) -> &'static LineIds {
    static IDS: [std::sync::OnceLock<LineIds>; 6] = [const { std::sync::OnceLock::new() }; 6];
    let i = LegalForm::ALL
        .iter()
        .position(|f| *f == form)
        .expect("every form is in ALL");
    IDS[i].get_or_init(|| {
        fn walk(lines: &[TemplateLine], all: &mut Vec<String>, prescribed: &mut Vec<String>) {
            for l in lines {
                all.push(l.id.clone());
                if l.prescribed {
                    prescribed.push(l.id.clone());
                }
                walk(&l.children, all, prescribed);
            }
        }
        let t = template(form);
        let mut all = Vec::new();
        let (mut income, mut balance) = (Vec::new(), Vec::new());
        walk(&t.income_statement, &mut all, &mut income);
        walk(&t.balance_sheet, &mut all, &mut balance);
        LineIds {
            all,
            prescribed: [income, balance],
        }
    })
}

/// Every line id of a form's template (both statements).
pub fn line_ids(form: LegalForm) -> &'static [String] {
    &line_ids_of(form).all
}

/// The prescribed line ids of a form's template, resultaträkning then balansräkning.
pub fn prescribed_ids(form: LegalForm) -> Vec<&'static String> {
    let ids = line_ids_of(form);
    ids.prescribed[0].iter().chain(&ids.prescribed[1]).collect()
}

/// The prescribed line ids of one statement of a form's template, in template order.
pub fn prescribed_in(form: LegalForm, balance_sheet: bool) -> &'static [String] {
    &line_ids_of(form).prescribed[usize::from(balance_sheet)]
}

fn build_line(t: &TemplateLine, years: usize) -> Line {
    let kind = match t.kind {
        TemplateKind::Input => LineKind::Input {
            amounts: vec![None; years],
            details: Vec::new(),
        },
        TemplateKind::Group => LineKind::Group {
            sum_label: t.sum_label.clone(),
            children: t.children.iter().map(|c| build_line(c, years)).collect(),
        },
        TemplateKind::Formula => LineKind::Formula {
            terms: t
                .terms
                .iter()
                .map(|s| match s.strip_prefix('-') {
                    Some(id) => Term {
                        line: id.to_string(),
                        negate: true,
                    },
                    None => Term {
                        line: s.clone(),
                        negate: false,
                    },
                })
                .collect(),
        },
    };
    Line {
        id: t.id.clone(),
        label: t.label.clone(),
        role: t.role,
        note: t.note.clone(),
        accounts: t.accounts.clone(),
        kind,
    }
}

/// Parses a BAS account range as written in a line's `accounts`: `"3000-3799"` (both ends
/// included; an en dash `–` is accepted too) or a single account `"2086"`. Returns `None` for
/// anything else, including a range whose start is after its end.
pub fn parse_range(s: &str) -> Option<(u32, u32)> {
    let s = s.trim();
    let (a, b) = match s.split_once(['-', '–']) {
        Some((a, b)) => (a.trim(), b.trim()),
        None => (s, s),
    };
    let number = |t: &str| -> Option<u32> {
        if t.is_empty() || t.len() > 9 || !t.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        t.parse().ok()
    };
    let (a, b) = (number(a)?, number(b)?);
    (a <= b).then_some((a, b))
}

/// The input lines of a statement (`lines`, groups walked) that hold `account` most narrowly.
///
/// The rule: among all input lines with a range containing the account, the narrowest range
/// wins, so an exception is written as a narrower range on another line (Förändring av lager
/// has `"4900-4999"`, Råvaror och förnödenheter `"4910-4931"`) and a broad fallback such as
/// `"1000-1999"` only catches what no finer range claims. One line is the answer; none means
/// the account belongs nowhere in this statement; more than one is a tie between equally
/// narrow ranges on different lines, which is an error in the template or the user's mapping.
/// Ranges that do not parse are ignored.
pub fn account_candidates(lines: &[Line], account: u32) -> Vec<&Line> {
    let mut best: Option<u32> = None;
    let mut found: Vec<&Line> = Vec::new();
    for top in lines {
        top.walk(&mut |l| {
            if !matches!(l.kind, LineKind::Input { .. }) {
                return;
            }
            let width = l
                .accounts
                .iter()
                .filter_map(|r| parse_range(r))
                .filter(|&(a, b)| a <= account && account <= b)
                .map(|(a, b)| b - a)
                .min();
            let Some(width) = width else { return };
            match best {
                Some(w) if width > w => {}
                Some(w) if width == w => found.push(l),
                _ => {
                    best = Some(width);
                    found.clear();
                    found.push(l);
                }
            }
        });
    }
    found
}

/// The input line a BAS account belongs on, by the narrowest-range rule of
/// [`account_candidates`]. `None` when no line holds the account or when equally narrow ranges
/// on two lines tie.
pub fn account_line(lines: &[Line], account: u32) -> Option<&Line> {
    match account_candidates(lines, account).as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The calendar year ending on the last day of `year`'s December.
pub fn calendar_year(year: i32) -> FiscalYear {
    FiscalYear {
        start: Date::new(year, 1, 1).expect("valid"),
        end: Date::new(year, 12, 31).expect("valid"),
    }
}

/// The year before `y`, of the same length (the usual comparison year).
pub fn previous_year(y: &FiscalYear) -> FiscalYear {
    let end = y.start.pred();
    FiscalYear {
        start: end.succ().add_years(-1),
        end,
    }
}

/// The document a new report of a form is, for its fiscal year: a förenklat årsbokslut for an
/// ideell förening, an årsredovisning enligt K3 for a bostadsrättsförening from fiscal years
/// starting 2026-01-01, else an årsredovisning enligt K2.
pub fn default_document(form: LegalForm, year: &FiscalYear) -> DocumentType {
    match form {
        LegalForm::IdeellForening => DocumentType::ForenklatArsbokslut,
        LegalForm::Bostadsrattsforening if year.start >= crate::document::BRF_K3_FROM => {
            DocumentType::ArsredovisningK3
        }
        _ => DocumentType::ArsredovisningK2,
    }
}

/// A new, empty report for an organisation, from its form's template. `year` is the fiscal
/// year; the comparison year before it is added (empty).
pub fn new_report(form: LegalForm, name: &str, org_nr: &str, year: FiscalYear) -> Report {
    let t = template(form);
    let years = vec![year, previous_year(&year)];
    let n = years.len();
    let mut report = Report {
        format: FORMAT_NAME.to_string(),
        version: FORMAT_VERSION,
        lineage: Lineage::derived(org_nr, name, &year),
        organisation: Organisation {
            name: name.to_string(),
            org_nr: org_nr.to_string(),
            legal_form: form,
            seat: String::new(),
        },
        years,
        settings: Settings::default(),
        narrative: t
            .narrative
            .iter()
            .map(|s| Section {
                id: s.id.clone(),
                title: s.title.clone(),
                level: s.level,
                part: s.part,
                body: s.body.clone(),
            })
            .collect(),
        income_statement: Statement {
            lines: t
                .income_statement
                .iter()
                .map(|l| build_line(l, n))
                .collect(),
        },
        balance_sheet: Statement {
            lines: t.balance_sheet.iter().map(|l| build_line(l, n)).collect(),
        },
        off_balance: OffBalance::default(),
        equity: EquityChanges::default(),
        appropriation: Appropriation {
            proposal: t
                .proposal
                .iter()
                .map(|p| ProposalItem {
                    id: p.id.clone(),
                    label: p.label.clone(),
                    amount: None,
                    remainder: p.remainder,
                })
                .collect(),
            comment: String::new(),
        },
        notes: t
            .notes
            .iter()
            .map(|n| Note {
                id: n.id.clone(),
                title: n.title.clone(),
                text: n.text.clone(),
                table: None,
            })
            .collect(),
        signatures: Signatures {
            signatories: t
                .signatory_roles
                .iter()
                .enumerate()
                .map(|(i, r)| Person {
                    id: format!("p{}", i + 1),
                    name: String::new(),
                    role: r.clone(),
                })
                .collect(),
            ..Signatures::default()
        },
        account_map: std::collections::BTreeMap::new(),
        sie_accounts: Vec::new(),
        comments: Vec::new(),
        reviews: Vec::new(),
        invalid_amounts: Vec::new(),
        budget: Budget::default(),
        history: None,
        document: default_document(form, &year),
        document_unconfirmed: false,
    };
    // The principles note cites the rules of the document the report is.
    crate::document::set_principles_sentence(&mut report);
    report
}

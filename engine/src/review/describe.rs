//! Changes in the editor's words: where a change is (`Resultaträkning › Medlemsavgifter, 2025`),
//! what it is, and values shown as the treasurer knows them.

use std::cell::OnceCell;

use serde_json::Value;

use crate::compute::{compute, Computed};
use crate::model::*;
use crate::money::{format_for_input, Money};

use super::comments::{part_label, target_label};
use super::tree::{common_order, path_text, Edit, Op, Step};
use super::words::{word_diff, WordOp};
use super::{Change, ChangeId, ChangeKind, CommentEvent, Effect};

/// The longest quoted value in a description, in characters.
const MAX_QUOTE: usize = 60;
/// The most words of a changed stretch of text a description shows.
const MAX_WORDS: usize = 12;

/// A path as a slice pattern can match it.
#[derive(Clone, Copy)]
enum Seg<'a> {
    K(&'a str),
    I(&'a str),
    N(usize),
    O,
}

fn segs(path: &[Step]) -> Vec<Seg<'_>> {
    path.iter()
        .map(|s| match s {
            Step::Key(k) => Seg::K(k),
            Step::Id(id) => Seg::I(id),
            Step::Index(i) => Seg::N(*i),
            Step::Order => Seg::O,
        })
        .collect()
}

/// Where a path is and what kind of value is there.
struct Spot {
    place: String,
    what: What,
}

enum What {
    /// Markdown text, compared word by word.
    Text,
    /// An amount; `suffix` follows the place (`, 2025`). `at` is set for statement amounts,
    /// whose effect on the totals is shown.
    Amount {
        suffix: String,
        at: Option<AmountAt>,
    },
    /// A named field, shown in words.
    Field { name: String, shown: Shown },
    /// An element of a list, or the list's order.
    List(Noun),
    /// A cell of a note table; `suffix` names the column. `variant` is set when only the
    /// amount or the text inside the cell changed (`amount`, `text`).
    Cell {
        suffix: String,
        variant: Option<String>,
    },
}

/// A statement amount: a line's (or one of its detail rows') amount in a year.
struct AmountAt {
    line: Id,
    detail: Option<Id>,
    year: usize,
}

/// How a field's value is shown.
#[derive(Clone, Copy)]
enum Shown {
    Quoted,
    OptionalQuoted,
    Plain,
    /// A line's meaning (`Role`), by its name in the file.
    Role,
    Date,
    Bool,
    LegalForm,
    Part,
    Level,
    NoteRef,
    LineRef,
    /// The line an account goes on in the SIE import (none: as the account ranges say).
    MappedLine,
    Years,
    Accounts,
    Terms,
    LineKind,
    ColumnYear,
    RowKind,
    Amounts,
    Table,
    Json,
}

/// The things a report lists.
#[derive(Clone, Copy)]
enum Noun {
    Section,
    Line,
    Detail,
    Movement,
    ProposalItem,
    Note,
    Column,
    Row,
    Signatory,
    Auditor,
}

impl Noun {
    fn singular(self) -> &'static str {
        match self {
            Noun::Section => "avsnittet",
            Noun::Line => "raden",
            Noun::Detail => "specifikationsraden",
            Noun::Movement => "förändringen",
            Noun::ProposalItem => "förslagsraden",
            Noun::Note => "noten",
            Noun::Column => "kolumnen",
            Noun::Row => "tabellraden",
            Noun::Signatory => "ledamoten",
            Noun::Auditor => "revisorn",
        }
    }

    fn plural(self) -> &'static str {
        match self {
            Noun::Section => "avsnitten",
            Noun::Line => "raderna",
            Noun::Detail => "specifikationsraderna",
            Noun::Movement => "förändringarna",
            Noun::ProposalItem => "förslagsraderna",
            Noun::Note => "noterna",
            Noun::Column => "kolumnerna",
            Noun::Row => "tabellraderna",
            Noun::Signatory => "ledamöterna",
            Noun::Auditor => "revisorerna",
        }
    }

    /// `tillagt`/`borttaget` for a neuter noun, `tillagd`/`borttagen` otherwise.
    fn added(self) -> &'static str {
        match self {
            Noun::Section => "tillagt",
            _ => "tillagd",
        }
    }

    fn removed(self) -> &'static str {
        match self {
            Noun::Section => "borttaget",
            _ => "borttagen",
        }
    }
}

/// Describes the changes from one version of a report to another.
pub(crate) struct Describer<'a> {
    old: &'a Report,
    new: &'a Report,
    old_computed: OnceCell<Computed>,
}

impl<'a> Describer<'a> {
    pub(crate) fn new(old: &'a Report, new: &'a Report) -> Self {
        Describer {
            old,
            new,
            old_computed: OnceCell::new(),
        }
    }

    /// The change an edit from the old version to the new one makes.
    pub(crate) fn change(&self, edit: Edit) -> Change {
        let spot = self.locate(&edit.path);
        let place = spot.place.clone();
        let (kind, description) = match &edit.op {
            Op::Set { old, new } => self.set(&spot, old.as_ref(), new.as_ref()),
            Op::Insert { value, .. } => {
                let name = self.element_name(&spot, value);
                let description = match &spot.what {
                    What::List(noun) => {
                        format!("{place}: {} {name} {}", noun.singular(), noun.added())
                    }
                    _ => format!("{place}: {name} tillagd"),
                };
                (ChangeKind::Added { name }, description)
            }
            Op::Delete { value } => {
                let name = self.element_name(&spot, value);
                let description = match &spot.what {
                    What::List(noun) => {
                        format!("{place}: {} {name} {}", noun.singular(), noun.removed())
                    }
                    _ => format!("{place}: {name} borttagen"),
                };
                (ChangeKind::Removed { name }, description)
            }
            Op::Reorder { .. } => {
                let description = match &spot.what {
                    What::List(noun) => format!("{place}: {} i ny ordning", noun.plural()),
                    _ => format!("{place}: ny ordning"),
                };
                (ChangeKind::Reordered, description)
            }
        };
        Change {
            id: ChangeId(path_text(&edit.path)),
            place,
            kind,
            description,
            edit: Some(edit),
        }
    }

    fn set(&self, spot: &Spot, old: Option<&Value>, new: Option<&Value>) -> (ChangeKind, String) {
        let place = &spot.place;
        match &spot.what {
            What::Text => {
                let (old, new) = (text(old), text(new));
                let description = format!("{place}: {}", text_change(&old, &new));
                let words = word_diff(&old, &new);
                (ChangeKind::Text { old, new, words }, description)
            }
            What::Amount { suffix, at } => {
                let (old, new) = (money(old), money(new));
                let effects = at
                    .as_ref()
                    .map(|at| self.effects(at, new))
                    .unwrap_or_default();
                let description = format!(
                    "{place}{suffix}: {}{}",
                    amount_change(old, new, " kr"),
                    effects_text(&effects)
                );
                (ChangeKind::Amount { old, new, effects }, description)
            }
            What::Cell { suffix, variant } => {
                let (old, new) = (in_cell(variant, old), in_cell(variant, new));
                let (old, new) = (old.as_ref(), new.as_ref());
                let cell = |v: Option<&Value>| cell_of(v).ok();
                match (cell(old), cell(new)) {
                    (Some(a), Some(b)) if is_amount_cell(&a) && is_amount_cell(&b) => {
                        let (old, new) = (cell_amount(&a), cell_amount(&b));
                        let description =
                            format!("{place}{suffix}: {}", amount_change(old, new, ""));
                        (
                            ChangeKind::Amount {
                                old,
                                new,
                                effects: Vec::new(),
                            },
                            description,
                        )
                    }
                    _ => {
                        let (old, new) = (self.cell_text(old), self.cell_text(new));
                        let description = format!("{place}{suffix}: {old} → {new}");
                        let field = "cell".to_string();
                        (ChangeKind::Value { field, old, new }, description)
                    }
                }
            }
            What::Field {
                name,
                shown: Shown::Table,
            } => {
                let event = match (present(old), present(new)) {
                    (false, true) => "tillagd",
                    (true, false) => "borttagen",
                    _ => "ändrad",
                };
                let (old, new) = (self.show(Shown::Table, old), self.show(Shown::Table, new));
                let description = format!("{place}: tabellen {event}");
                let field = name.clone();
                (ChangeKind::Value { field, old, new }, description)
            }
            What::Field { name, shown } => {
                let (old, new) = (self.show(*shown, old), self.show(*shown, new));
                let description = format!("{place}: {name} {old} → {new}");
                (
                    ChangeKind::Value {
                        field: name.clone(),
                        old,
                        new,
                    },
                    description,
                )
            }
            What::List(noun) => {
                let name =
                    |v: Option<&Value>| v.map(|v| self.element_name(spot, v)).unwrap_or_default();
                let (old, new) = (name(old), name(new));
                let description = format!("{place}: {} {old} ersatt av {new}", noun.singular());
                let field = noun.singular().to_string();
                (ChangeKind::Value { field, old, new }, description)
            }
        }
    }

    /// A value at a path in words, for a conflict: the whole text of a text, an amount with
    /// its unit, the name of a list element, `(borttaget)` when it is not there.
    pub(crate) fn show_at(&self, path: &[Step], value: Option<&Value>) -> String {
        let Some(value) = value else {
            return "(borttaget)".into();
        };
        let spot = self.locate(path);
        match (&spot.what, path.last()) {
            (What::Text, _) => text(Some(value)),
            (What::Amount { .. }, _) => amount_text(money(Some(value)), " kr"),
            (What::Cell { variant, .. }, _) => {
                self.cell_text(in_cell(variant, Some(value)).as_ref())
            }
            (What::Field { shown, .. }, _) => self.show(*shown, Some(value)),
            (What::List(_), Some(Step::Order)) => value
                .as_array()
                .map(|list| {
                    list.iter()
                        .map(|e| self.element_name(&spot, e))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default(),
            (What::List(_), _) => self.element_name(&spot, value),
        }
    }

    /// The place of a path with its year or column, for a conflict's description.
    pub(crate) fn place(&self, path: &[Step]) -> String {
        let spot = self.locate(path);
        match spot.what {
            What::Amount { suffix, .. } | What::Cell { suffix, .. } => spot.place + &suffix,
            _ => spot.place,
        }
    }

    /// Whether the value at a path is text compared word by word.
    pub(crate) fn is_text(&self, path: &[Step]) -> bool {
        matches!(self.locate(path).what, What::Text)
    }

    fn locate(&self, path: &[Step]) -> Spot {
        use Seg::*;
        let p = segs(path);
        let spot = |place: String, what: What| Spot { place, what };
        let field = |place: &str, name: &str, shown: Shown| Spot {
            place: place.to_string(),
            what: What::Field {
                name: name.to_string(),
                shown,
            },
        };
        match p.as_slice() {
            [K("organisation"), K(f)] => {
                let (name, shown) = match *f {
                    "name" => ("namn", Shown::Quoted),
                    "org_nr" => ("organisationsnummer", Shown::Quoted),
                    "legal_form" => ("juridisk form", Shown::LegalForm),
                    "seat" => ("säte", Shown::Quoted),
                    other => (other, Shown::Json),
                };
                field("Organisation", name, shown)
            }
            [K("years")] => field("Organisation", "räkenskapsår", Shown::Years),
            [K("settings"), K("unit")] => field("Inställningar", "enhet", Shown::Plain),
            [K("settings"), K("example")] => field("Inställningar", "exempelrapport", Shown::Bool),
            [K("narrative"), O] => spot(self.narrative_order_place(), What::List(Noun::Section)),
            [K("narrative"), I(s)] => {
                let part = self.section(s).map_or(Part::Chapter, |x| x.part);
                spot(part_label(part).into(), What::List(Noun::Section))
            }
            [K("narrative"), I(s), K(f)] => {
                let place = self.section_place(s);
                match *f {
                    "body" => spot(place, What::Text),
                    "title" => field(&place, "rubrik", Shown::Quoted),
                    "level" => field(&place, "nivå", Shown::Level),
                    "part" => field(&place, "del", Shown::Part),
                    other => field(&place, other, Shown::Json),
                }
            }
            [K(st @ ("income_statement" | "balance_sheet")), K("lines"), rest @ ..] => {
                let name = statement_name(st);
                self.locate_lines(name, name, rest)
            }
            [K("equity"), K("opening"), K(line)] => spot(
                format!("Förändringar i eget kapital › {}", self.line_label(line)),
                What::Amount {
                    suffix: ", ingående belopp".into(),
                    at: None,
                },
            ),
            [K("equity"), K("movements"), O | I(_)] => spot(
                "Förändringar i eget kapital".into(),
                What::List(Noun::Movement),
            ),
            [K("equity"), K("movements"), I(m), rest @ ..] => {
                let place = format!("Förändringar i eget kapital › {}", self.movement_label(m));
                match rest {
                    [K("label")] => field(&place, "benämning", Shown::Quoted),
                    [K("amounts"), K(line)] => field(
                        &place,
                        &format!("belopp för {}", self.line_label(line)),
                        Shown::Amounts,
                    ),
                    [K("amounts"), K(line), N(y)] => spot(
                        format!("{place} › {}", self.line_label(line)),
                        What::Amount {
                            suffix: self.year_suffix(*y),
                            at: None,
                        },
                    ),
                    _ => self.unknown(path),
                }
            }
            [K("appropriation"), K("comment")] => spot("Resultatdisposition".into(), What::Text),
            [K("appropriation"), K("proposal"), O | I(_)] => {
                spot("Resultatdisposition".into(), What::List(Noun::ProposalItem))
            }
            [K("appropriation"), K("proposal"), I(item), K(f)] => {
                let place = format!("Resultatdisposition › {}", self.proposal_label(item));
                match *f {
                    "label" => field(&place, "benämning", Shown::Quoted),
                    "amount" => spot(
                        place,
                        What::Amount {
                            suffix: String::new(),
                            at: None,
                        },
                    ),
                    other => field(&place, other, Shown::Json),
                }
            }
            [K("notes"), O | I(_)] => spot("Noter".into(), What::List(Noun::Note)),
            [K("notes"), I(n), rest @ ..] => self
                .locate_note(n, rest)
                .unwrap_or_else(|| self.unknown(path)),
            [K("signatures"), K(f @ ("place" | "date" | "auditor_report_date"))] => {
                let (name, shown) = match *f {
                    "place" => ("ort", Shown::Quoted),
                    "date" => ("datum", Shown::Date),
                    _ => ("revisionsberättelsens datum", Shown::Date),
                };
                field("Underskrifter", name, shown)
            }
            [K("signatures"), K(list), O | I(_)] => {
                let noun = if *list == "auditors" {
                    Noun::Auditor
                } else {
                    Noun::Signatory
                };
                spot("Underskrifter".into(), What::List(noun))
            }
            [K("signatures"), K(_), I(person), K(f)] => {
                let place = format!("Underskrifter › {}", self.person_label(person));
                match *f {
                    "name" => field(&place, "namn", Shown::Quoted),
                    "role" => field(&place, "roll", Shown::Quoted),
                    other => field(&place, other, Shown::Json),
                }
            }
            [K("account_map"), K(account)] => field(
                "Konton från SIE",
                &format!("konto {account}"),
                Shown::MappedLine,
            ),
            _ => self.unknown(path),
        }
    }

    /// A path the model does not have (kept readable rather than refused).
    fn unknown(&self, path: &[Step]) -> Spot {
        Spot {
            place: path_text(path),
            what: What::Field {
                name: "värde".into(),
                shown: Shown::Json,
            },
        }
    }

    fn locate_lines(&self, statement: &str, container: &str, rest: &[Seg]) -> Spot {
        use Seg::*;
        match rest {
            [O] | [I(_)] => Spot {
                place: container.to_string(),
                what: What::List(Noun::Line),
            },
            [I(x), K("kind"), K("group"), K("children"), tail @ ..] => {
                let group = format!("{statement} › {}", self.line_label(x));
                self.locate_lines(statement, &group, tail)
            }
            [I(x), tail @ ..] => self.locate_line(statement, x, tail),
            _ => Spot {
                place: container.to_string(),
                what: What::Field {
                    name: "värde".into(),
                    shown: Shown::Json,
                },
            },
        }
    }

    fn locate_line(&self, statement: &str, line: &str, tail: &[Seg]) -> Spot {
        use Seg::*;
        let place = format!("{statement} › {}", self.line_label(line));
        let field = |place: String, name: &str, shown: Shown| Spot {
            place,
            what: What::Field {
                name: name.to_string(),
                shown,
            },
        };
        let amount = |place: String, detail: Option<&str>, year: usize| Spot {
            place,
            what: What::Amount {
                suffix: self.year_suffix(year),
                at: Some(AmountAt {
                    line: line.to_string(),
                    detail: detail.map(String::from),
                    year,
                }),
            },
        };
        match tail {
            [K("label")] => field(place, "benämning", Shown::Quoted),
            [K("role")] => field(place, "betydelse", Shown::Role),
            [K("note")] => field(place, "not", Shown::NoteRef),
            [K("accounts")] => field(place, "konton", Shown::Accounts),
            [K("kind"), K("input"), K("amounts")] => field(place, "belopp", Shown::Amounts),
            [K("kind"), K("input"), K("amounts"), N(y)] => amount(place, None, *y),
            [K("kind"), K("input"), K("details"), O | I(_)] => Spot {
                place,
                what: What::List(Noun::Detail),
            },
            [K("kind"), K("input"), K("details"), I(d), rest @ ..] => {
                let place = format!("{place} › {}", self.detail_label(line, d));
                match rest {
                    [K("label")] => field(place, "benämning", Shown::Quoted),
                    [K("amounts")] => field(place, "belopp", Shown::Amounts),
                    [K("amounts"), N(y)] => amount(place, Some(d), *y),
                    _ => field(place, "värde", Shown::Json),
                }
            }
            [K("kind"), K("group"), K("sum_label")] => {
                field(place, "summarad", Shown::OptionalQuoted)
            }
            [K("kind"), K("formula"), K("terms")] => field(place, "formel", Shown::Terms),
            [K("kind"), ..] => field(place, "radtyp", Shown::LineKind),
            _ => field(place, "värde", Shown::Json),
        }
    }

    fn locate_note(&self, note: &str, rest: &[Seg]) -> Option<Spot> {
        use Seg::*;
        let place = format!("Noter › {}", self.note_title(note));
        let field = |place: String, name: &str, shown: Shown| Spot {
            place,
            what: What::Field {
                name: name.to_string(),
                shown,
            },
        };
        let list = |place: String, noun: Noun| Spot {
            place,
            what: What::List(noun),
        };
        Some(match rest {
            [K("title")] => field(place, "rubrik", Shown::Quoted),
            [K("text")] => Spot {
                place,
                what: What::Text,
            },
            [K("table")] => field(place, "tabell", Shown::Table),
            [K("table"), K("tie")] => field(place, "avstäms mot", Shown::LineRef),
            [K("table"), K("columns"), O | I(_)] => list(place, Noun::Column),
            [K("table"), K("columns"), I(c), K(f)] => {
                let place = format!("{place} › kolumnen {}", self.column_label(note, c));
                match *f {
                    "header" => field(place, "rubrik", Shown::Quoted),
                    "year" => field(place, "år", Shown::ColumnYear),
                    other => field(place, other, Shown::Json),
                }
            }
            [K("table"), K("rows"), O | I(_)] => list(place, Noun::Row),
            [K("table"), K("rows"), I(r), K("label")] => field(
                format!("{place} › {}", self.row_label(note, r)),
                "benämning",
                Shown::Quoted,
            ),
            [K("table"), K("rows"), I(r), K("kind")] => field(
                format!("{place} › {}", self.row_label(note, r)),
                "radtyp",
                Shown::RowKind,
            ),
            [K("table"), K("rows"), I(r), K("cells"), K(c), inner @ ..] => Spot {
                place: format!("{place} › {}", self.row_label(note, r)),
                what: What::Cell {
                    suffix: format!(", {}", self.column_label(note, c)),
                    variant: match inner {
                        [K(v)] => Some(v.to_string()),
                        _ => None,
                    },
                },
            },
            _ => return None,
        })
    }

    // -- Names of things, from the old version or, for something new, the new one. ----------

    fn both(&self) -> [&Report; 2] {
        [self.old, self.new]
    }

    fn section(&self, id: &str) -> Option<&Section> {
        self.both()
            .into_iter()
            .find_map(|r| r.narrative.iter().find(|s| s.id == id))
    }

    fn section_place(&self, id: &str) -> String {
        match self.section(id) {
            Some(s) => format!("{} › {}", part_label(s.part), s.title),
            None => id.to_string(),
        }
    }

    /// "Berättelse" when the chapters changed order, else "Förvaltningsberättelse".
    fn narrative_order_place(&self) -> String {
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

    fn line_label(&self, id: &str) -> String {
        self.both()
            .into_iter()
            .find_map(|r| r.line(id))
            .map_or_else(|| id.to_string(), |l| l.label.clone())
    }

    fn detail_label(&self, line: &str, id: &str) -> String {
        self.both()
            .into_iter()
            .find_map(|r| match &r.line(line)?.kind {
                LineKind::Input { details, .. } => details.iter().find(|d| d.id == id),
                _ => None,
            })
            .map_or_else(|| id.to_string(), |d| named(&d.label))
    }

    fn movement_label(&self, id: &str) -> String {
        self.both()
            .into_iter()
            .find_map(|r| r.equity.movements.iter().find(|m| m.id == id))
            .map_or_else(|| id.to_string(), |m| named(&m.label))
    }

    fn proposal_label(&self, id: &str) -> String {
        self.both()
            .into_iter()
            .find_map(|r| r.appropriation.proposal.iter().find(|p| p.id == id))
            .map_or_else(|| id.to_string(), |p| named(&p.label))
    }

    fn note_title(&self, id: &str) -> String {
        self.both()
            .into_iter()
            .find_map(|r| r.note(id))
            .map_or_else(|| id.to_string(), |n| named(&n.title))
    }

    fn tables(&self, note: &str) -> Vec<&NoteTable> {
        self.both()
            .into_iter()
            .filter_map(|r| r.note(note)?.table.as_ref())
            .collect()
    }

    fn column_label(&self, note: &str, id: &str) -> String {
        self.tables(note)
            .into_iter()
            .find_map(|t| t.columns.iter().find(|c| c.id == id))
            .map_or_else(|| id.to_string(), |c| self.column_name(&c.header, c.year))
    }

    fn column_name(&self, header: &str, year: Option<u8>) -> String {
        match year {
            Some(y) if header.is_empty() => self.year_label(usize::from(y)),
            _ => named(header),
        }
    }

    fn row_label(&self, note: &str, id: &str) -> String {
        self.tables(note)
            .into_iter()
            .find_map(|t| t.rows.iter().find(|r| r.id == id))
            .map_or_else(|| id.to_string(), |r| named(&r.label))
    }

    fn person_label(&self, id: &str) -> String {
        self.both()
            .into_iter()
            .find_map(|r| {
                let s = &r.signatures;
                s.signatories.iter().chain(&s.auditors).find(|p| p.id == id)
            })
            .map_or_else(|| id.to_string(), |p| person_name(&p.name, &p.role))
    }

    fn year_label(&self, year: usize) -> String {
        self.new
            .years
            .get(year)
            .or_else(|| self.old.years.get(year))
            .map_or_else(|| format!("år {}", year + 1), FiscalYear::label)
    }

    fn year_suffix(&self, year: usize) -> String {
        format!(", {}", self.year_label(year))
    }

    /// The name of a list element: a title, label, header or person, quoted.
    fn element_name(&self, spot: &Spot, value: &Value) -> String {
        let get = |k: &str| value.get(k).and_then(Value::as_str).unwrap_or_default();
        let name = match spot.what {
            What::List(Noun::Signatory | Noun::Auditor) => person_name(get("name"), get("role")),
            What::List(Noun::Column) => {
                let year = value
                    .get("year")
                    .and_then(Value::as_u64)
                    .and_then(|y| u8::try_from(y).ok());
                self.column_name(get("header"), year)
            }
            _ => ["title", "label"]
                .into_iter()
                .map(get)
                .find(|s| !s.is_empty())
                .map_or_else(|| named(""), String::from),
        };
        format!("\"{}\"", shorten_chars(&name))
    }

    fn cell_text(&self, value: Option<&Value>) -> String {
        match cell_of(value) {
            Ok(None) => "tomt".into(),
            Ok(Some(Cell::Amount(m))) => format_for_input(m.0),
            Ok(Some(Cell::Text(t))) => quote(&t),
            Err(v) => v.to_string(),
        }
    }

    /// A field's value in words.
    fn show(&self, shown: Shown, value: Option<&Value>) -> String {
        let value = value.unwrap_or(&Value::Null);
        let s = value.as_str().unwrap_or_default();
        match shown {
            Shown::Quoted => quote(s),
            Shown::OptionalQuoted | Shown::Date if value.is_null() => "inget".into(),
            Shown::OptionalQuoted => quote(s),
            Shown::Plain | Shown::Date => s.to_string(),
            Shown::Bool => if value.as_bool() == Some(true) {
                "ja"
            } else {
                "nej"
            }
            .into(),
            Shown::LegalForm => serde_json::from_value::<LegalForm>(value.clone())
                .map_or_else(|_| s.to_string(), |f| f.label().to_string()),
            Shown::Part => serde_json::from_value::<Part>(value.clone())
                .map_or_else(|_| s.to_string(), |p| part_label(p).to_string()),
            Shown::Level => match value.as_u64() {
                Some(1) => "kapitel".into(),
                Some(2) => "underavsnitt".into(),
                _ => value.to_string(),
            },
            Shown::Role | Shown::NoteRef if value.is_null() => "ingen".into(),
            Shown::Role => s.to_string(),
            Shown::NoteRef => quote(&self.note_title(s)),
            Shown::LineRef if value.is_null() => "ingen".into(),
            Shown::MappedLine if value.is_null() => "enligt kontoplanen".into(),
            Shown::MappedLine => quote(&self.line_label(s)),
            Shown::LineRef => quote(&self.line_label(s)),
            Shown::Years => serde_json::from_value::<Vec<FiscalYear>>(value.clone())
                .map(|ys| {
                    ys.iter()
                        .map(FiscalYear::period)
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default(),
            Shown::Accounts => {
                let accounts: Vec<&str> = value
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .collect();
                if accounts.is_empty() {
                    "inga".into()
                } else {
                    accounts.join(", ")
                }
            }
            Shown::Terms => serde_json::from_value::<Vec<Term>>(value.clone())
                .map(|terms| {
                    terms
                        .iter()
                        .map(|t| {
                            format!(
                                "{} {}",
                                if t.negate { "−" } else { "+" },
                                self.line_label(&t.line)
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default(),
            Shown::LineKind => match value
                .as_object()
                .and_then(|o| o.keys().next())
                .map(String::as_str)
            {
                Some("input") => "belopp".into(),
                Some("group") => "grupp".into(),
                Some("formula") => "formel".into(),
                _ => value.to_string(),
            },
            Shown::ColumnYear => match value.as_u64() {
                Some(y) => self.year_label(y as usize),
                None => "inget år".into(),
            },
            Shown::RowKind => match s {
                "item" => "post",
                "count" => "antal",
                "sum" => "summa",
                "heading" => "rubrik",
                other => other,
            }
            .into(),
            Shown::Amounts => {
                let amounts: Vec<String> = value
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|v| money(Some(v)).map_or("–".into(), |m| format_for_input(m.0)))
                    .collect();
                if amounts.is_empty() {
                    "inga".into()
                } else {
                    format!("{} kr", amounts.join(" / "))
                }
            }
            Shown::Table if value.is_null() => "ingen tabell".into(),
            Shown::Table => {
                let rows = value
                    .get("rows")
                    .and_then(Value::as_array)
                    .map_or(0, Vec::len);
                format!("tabell med {rows} rader")
            }
            Shown::Json => value.to_string(),
        }
    }

    /// How a statement amount moves the totals in its year, when only it changes.
    fn effects(&self, at: &AmountAt, new: Option<Money>) -> Vec<Effect> {
        let before = self.old_computed.get_or_init(|| compute(self.old));
        let mut changed = self.old.clone();
        let Some(LineKind::Input { amounts, details }) =
            changed.line_mut(&at.line).map(|l| &mut l.kind)
        else {
            return Vec::new();
        };
        let slot = match &at.detail {
            Some(d) => details
                .iter_mut()
                .find(|x| &x.id == d)
                .and_then(|x| x.amounts.get_mut(at.year)),
            None => amounts.get_mut(at.year),
        };
        let Some(slot) = slot else {
            return Vec::new();
        };
        *slot = new;
        let after = compute(&changed);
        [
            Role::YearResult,
            Role::TotalAssets,
            Role::TotalEquityAndLiabilities,
        ]
        .into_iter()
        .filter_map(|role| self.old.line_by_role(role))
        .filter_map(|line| {
            let (old, new) = (
                before.value(&line.id, at.year),
                after.value(&line.id, at.year),
            );
            let label = match &line.kind {
                LineKind::Group {
                    sum_label: Some(sum),
                    ..
                } => sum,
                _ => &line.label,
            };
            (old != new).then(|| Effect {
                label: crate::util::case::lower_first(label),
                old,
                new,
            })
        })
        .collect()
    }
}

/// The changes of comments and reviews from `old` to `new`.
pub(crate) fn comment_changes(old: &Report, new: &Report) -> Vec<Change> {
    let mut out = Vec::new();
    let find = |r: &'_ Report, id: &str| r.comments.iter().find(|c| c.id == id).cloned();
    let about = |c: &Comment| target_label(new, &c.target);
    let by = |c: &Comment| named(&c.author);
    for c in &new.comments {
        let (event, description, id) = match find(old, &c.id) {
            None => {
                let parent = c.reply_to.as_deref().and_then(|p| find(new, p));
                let description = match parent {
                    Some(p) => format!(
                        "Svar från {} på kommentaren från {} om {}: {}",
                        by(c),
                        by(&p),
                        about(c),
                        quote(&c.text)
                    ),
                    None => format!(
                        "Kommentar från {} om {}: {}",
                        by(c),
                        about(c),
                        quote(&c.text)
                    ),
                };
                (
                    CommentEvent::Added,
                    description,
                    format!("comments/#{}", c.id),
                )
            }
            Some(before) if before.resolved != c.resolved => {
                let (event, word) = if c.resolved {
                    (CommentEvent::Resolved, "markerad som löst")
                } else {
                    (CommentEvent::Reopened, "öppnad igen")
                };
                let description = format!("Kommentaren från {} om {} {word}", by(c), about(c));
                (event, description, format!("comments/#{}/resolved", c.id))
            }
            Some(_) => continue,
        };
        out.push(comment_change(id, c.clone(), event, description));
    }
    for c in old.comments.iter().filter(|c| find(new, &c.id).is_none()) {
        let description = format!("Kommentaren från {} om {} borttagen", by(c), about(c));
        out.push(comment_change(
            format!("comments/#{}", c.id),
            c.clone(),
            CommentEvent::Removed,
            description,
        ));
    }
    let has = |r: &Report, id: &str| r.reviews.iter().any(|x| x.id == id);
    for (review, added) in new
        .reviews
        .iter()
        .filter(|x| !has(old, &x.id))
        .map(|x| (x, true))
        .chain(
            old.reviews
                .iter()
                .filter(|x| !has(new, &x.id))
                .map(|x| (x, false)),
        )
    {
        let who = named(&review.reviewer);
        let description = if added {
            format!(
                "{who} har granskat revision {} ({})",
                review.revision, review.at
            )
        } else {
            format!(
                "Granskningen från {who} av revision {} borttagen",
                review.revision
            )
        };
        out.push(Change {
            id: ChangeId(format!("reviews/#{}", review.id)),
            place: "Granskning".into(),
            kind: ChangeKind::Review {
                review: review.clone(),
                added,
            },
            description,
            edit: None,
        });
    }
    out
}

fn comment_change(
    id: String,
    comment: Comment,
    event: CommentEvent,
    description: String,
) -> Change {
    Change {
        id: ChangeId(id),
        place: "Kommentarer".into(),
        kind: ChangeKind::Comment { comment, event },
        description,
        edit: None,
    }
}

/// A change of a text in one line: the changed stretch of words, with `…` where the text goes
/// on.
pub(crate) fn text_change(old: &str, new: &str) -> String {
    match changed_stretch(old, new) {
        None => "bara mellanrum och radbrytningar ändrade".into(),
        Some((a, b)) if a.is_empty() => format!("\"{b}\" tillagt"),
        Some((a, b)) if b.is_empty() => format!("\"{a}\" borttaget"),
        Some((a, b)) => format!("\"{a}\" ändrat till \"{b}\""),
    }
}

/// The stretch of words that differs, in the old text and in the new, each with `…` where the
/// text goes on before or after (empty when the side has no words there). None when the words
/// are the same.
pub(crate) fn changed_stretch(old: &str, new: &str) -> Option<(String, String)> {
    let ops = word_diff(old, new);
    let changed = |o: &WordOp| !matches!(o, WordOp::Same(_));
    let first = ops.iter().position(changed)?;
    let last = ops.iter().rposition(changed)?;
    let lead = if first > 0 { "…" } else { "" };
    let trail = if last + 1 < ops.len() { "…" } else { "" };
    let side = |skip: fn(&WordOp) -> bool| {
        let words: Vec<&str> = ops[first..=last]
            .iter()
            .filter(|o| !skip(o))
            .flat_map(|o| o.text().split(' '))
            .collect();
        if words.is_empty() {
            String::new()
        } else {
            format!("{lead}{}{trail}", shorten_words(&words))
        }
    };
    Some((
        side(|o| matches!(o, WordOp::Added(_))),
        side(|o| matches!(o, WordOp::Removed(_))),
    ))
}

fn shorten_words(words: &[&str]) -> String {
    if words.len() <= MAX_WORDS {
        words.join(" ")
    } else {
        let half = MAX_WORDS / 2;
        format!(
            "{} … {}",
            words[..half].join(" "),
            words[words.len() - (MAX_WORDS - half - 1)..].join(" ")
        )
    }
}

fn shorten_chars(s: &str) -> String {
    if s.chars().count() <= MAX_QUOTE {
        s.to_string()
    } else {
        let cut: String = s.chars().take(MAX_QUOTE - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A text in quotes, shortened to one line.
fn quote(s: &str) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("\"{}\"", shorten_chars(&one_line))
}

/// A label, or `(utan namn)` when it is empty.
fn named(s: &str) -> String {
    if s.trim().is_empty() {
        "(utan namn)".into()
    } else {
        s.to_string()
    }
}

fn person_name(name: &str, role: &str) -> String {
    match (name.trim().is_empty(), role.trim().is_empty()) {
        (false, false) => format!("{name} ({role})"),
        (false, true) => name.to_string(),
        (true, false) => format!("(utan namn, {role})"),
        (true, true) => named(""),
    }
}

fn present(v: Option<&Value>) -> bool {
    v.is_some_and(|v| !v.is_null())
}

fn text(v: Option<&Value>) -> String {
    v.and_then(Value::as_str).unwrap_or_default().to_string()
}

fn money(v: Option<&Value>) -> Option<Money> {
    v.and_then(|v| serde_json::from_value(v.clone()).ok())
}

fn cell_of(v: Option<&Value>) -> Result<Option<Cell>, Value> {
    let v = v.cloned().unwrap_or(Value::Null);
    serde_json::from_value(v.clone()).map_err(|_| v)
}

/// A whole cell from a value inside it (`"5"` in `{"amount": "5"}`).
fn in_cell(variant: &Option<String>, v: Option<&Value>) -> Option<Value> {
    match variant {
        Some(key) => v.map(|v| serde_json::json!({ key: v })),
        None => v.cloned(),
    }
}

fn is_amount_cell(c: &Option<Cell>) -> bool {
    !matches!(c, Some(Cell::Text(_)))
}

fn cell_amount(c: &Option<Cell>) -> Option<Money> {
    match c {
        Some(Cell::Amount(m)) => Some(*m),
        _ => None,
    }
}

fn amount_text(m: Option<Money>, unit: &str) -> String {
    m.map_or_else(
        || "tomt".into(),
        |m| format!("{}{unit}", format_for_input(m.0)),
    )
}

/// `120 000 → 125 000 kr`, `tomt → 5 000 kr`, `5 000 kr → tomt`.
fn amount_change(old: Option<Money>, new: Option<Money>, unit: &str) -> String {
    match (old, new) {
        (Some(a), Some(b)) => format!(
            "{} → {}{unit}",
            format_for_input(a.0),
            format_for_input(b.0)
        ),
        _ => format!("{} → {}", amount_text(old, unit), amount_text(new, unit)),
    }
}

/// ` (årets resultat 14 200 → 19 200 kr, summa tillgångar …)`, or nothing.
fn effects_text(effects: &[Effect]) -> String {
    if effects.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = effects
        .iter()
        .map(|e| {
            format!(
                "{} {} → {} kr",
                e.label,
                format_for_input(e.old),
                format_for_input(e.new)
            )
        })
        .collect();
    format!(" ({})", parts.join(", "))
}

fn statement_name(key: &str) -> &'static str {
    if key == "income_statement" {
        "Resultaträkning"
    } else {
        "Balansräkning"
    }
}

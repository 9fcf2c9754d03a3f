//! Locating a path (`income_statement/lines/#intakter/…`) in the editor's words: the place
//! (`Resultaträkning › Medlemsavgifter`) and what is there.

use super::spot::{segs, AmountAt, Noun, Seg, Shown, Spot, What};
use super::Describer;
use crate::model::Part;
use crate::review::comments::part_label;
use crate::review::tree::{path_text, Step};

impl Describer<'_> {
    pub(super) fn locate(&self, path: &[Step]) -> Spot {
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
            [K("settings"), K("nil")] => field("Inställningar", "noll i utskriften", Shown::Nil),
            [K("settings"), K("cash_flow")] => {
                field("Inställningar", "kassaflödesanalys", Shown::Bool)
            }
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
            [K("budget"), K(f @ ("shown" | "deviation"))] => {
                let name = if *f == "shown" {
                    "budgeten visas"
                } else {
                    "avvikelsen visas"
                };
                field("Resultaträkning", name, Shown::Bool)
            }
            [K("budget"), K("lines"), K(line)] => field(
                &format!("Resultaträkning › {}", self.line_label(line)),
                "budget",
                Shown::Budget,
            ),
            [K("budget"), K("lines"), K(line), K(year)] => spot(
                format!("Resultaträkning › {}", self.line_label(line)),
                What::Amount {
                    suffix: format!(", {}", self.budget_heading(year)),
                    at: None,
                },
            ),
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
}

fn statement_name(key: &str) -> &'static str {
    if key == "income_statement" {
        "Resultaträkning"
    } else {
        "Balansräkning"
    }
}

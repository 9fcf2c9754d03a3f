//! A model-based property test of board review by history: the treasurer and 2–4 members start
//! from the treasurer's file and, in random order, edit (amounts, text, notes, comments), save
//! files, forward them to each other and merge what they receive (accepting every change and
//! deciding each conflict at random). At the end the treasurer merges every member's file. Then
//! every edit anyone made is in the result, or was overwritten by someone who had it, or was
//! decided against in a conflict — none disappears silently.

mod common;

use std::collections::{HashMap, HashSet};

use common::*;
use kassoren_engine::edit;
use kassoren_engine::model::{CommentTarget, Report};
use kassoren_engine::review::comments;
use kassoren_merge::{combine, compare, record};
use proptest::prelude::*;

const LINES: [&str; 3] = ["medlemsavgifter", "verksamhetskostnader", "ovriga_intakter"];
const SECTIONS: [&str; 2] = ["medlemmar", "s-sammanfattning"];

#[derive(Clone, Debug)]
enum Op {
    /// A member sets an amount.
    Amount { who: usize, line: usize },
    /// A member inserts a word into a section, at a fraction of its length.
    Word { who: usize, section: usize, at: f64 },
    /// A member adds a note.
    Note { who: usize },
    /// A member adds a comment.
    Comment { who: usize },
    /// A member saves a file and sends it to another, who opens or merges it.
    Send {
        from: usize,
        to: usize,
        theirs_wins: bool,
    },
}

fn op(members: usize) -> impl Strategy<Value = Op> {
    let who = 0..members;
    prop_oneof![
        3 => (who.clone(), 0..LINES.len()).prop_map(|(who, line)| Op::Amount { who, line }),
        3 => (who.clone(), 0..SECTIONS.len(), 0.0..1.0f64)
            .prop_map(|(who, section, at)| Op::Word { who, section, at }),
        1 => who.clone().prop_map(|who| Op::Note { who }),
        1 => who.clone().prop_map(|who| Op::Comment { who }),
        4 => (who.clone(), 0..members, any::<bool>())
            .prop_map(|(from, to, theirs_wins)| Op::Send { from, to, theirs_wins }),
    ]
}

/// One edit, and what it put where.
#[derive(Clone, Debug)]
enum Made {
    Amount { line: &'static str, value: i64 },
    Word { section: &'static str, word: String },
    Note { title: String },
    Comment { text: String },
}

struct Member {
    name: String,
    copy: Option<Report>,
    /// The edits this member's copy has seen (its own, and those of every file it merged).
    knows: HashSet<usize>,
}

struct Board {
    members: Vec<Member>,
    made: Vec<(usize, Made)>,
    /// Edits a later edit at the same place overwrote, by someone who had seen them.
    overwritten: HashSet<usize>,
    /// (line, value) of amounts a conflict was decided against.
    decided_against: HashSet<(String, i64)>,
    counter: i64,
}

impl Board {
    fn new(n: usize) -> Board {
        let members = (0..n)
            .map(|i| Member {
                name: if i == 0 {
                    "Kassören".into()
                } else {
                    format!("Ledamot {i}")
                },
                copy: (i == 0).then(treasurer_file),
                knows: HashSet::new(),
            })
            .collect();
        Board {
            members,
            made: Vec::new(),
            overwritten: HashSet::new(),
            decided_against: HashSet::new(),
            counter: 0,
        }
    }

    fn next(&mut self) -> i64 {
        self.counter += 1;
        self.counter
    }

    fn edit(&mut self, who: usize, made: Made, f: impl FnOnce(&mut Report)) {
        let Some(copy) = self.members[who].copy.as_mut() else {
            return;
        };
        f(copy);
        let id = self.made.len();
        // An amount typed over one this member has seen overwrites it.
        if let Made::Amount { line, .. } = &made {
            for &known in &self.members[who].knows {
                if matches!(&self.made[known].1, Made::Amount { line: l, .. } if l == line) {
                    self.overwritten.insert(known);
                }
            }
        }
        self.members[who].knows.insert(id);
        self.made.push((who, made));
    }

    fn apply(&mut self, op: &Op) {
        match *op {
            Op::Amount { who, line } => {
                let value = 100_000 + self.next();
                let line = LINES[line];
                self.edit(who, Made::Amount { line, value }, |r| {
                    set_amount(r, line, value)
                });
            }
            Op::Word { who, section, at } => {
                let word = format!("ord{}", self.next());
                let section = SECTIONS[section];
                let w = word.clone();
                self.edit(who, Made::Word { section, word }, |r| {
                    let text = body(r, section).to_string();
                    let i = text
                        .char_indices()
                        .map(|(i, _)| i)
                        .filter(|&i| text[i..].starts_with(' '))
                        .nth(((text.matches(' ').count() as f64) * at) as usize)
                        .unwrap_or(text.len());
                    let new = format!("{} {w}{}", &text[..i], &text[i..]);
                    set_body(r, section, &new);
                });
            }
            Op::Note { who } => {
                let title = format!("Not {}", self.next());
                let t = title.clone();
                self.edit(who, Made::Note { title }, |r| {
                    edit::add_note(r, &t);
                });
            }
            Op::Comment { who } => {
                let text = format!("Kommentar {}", self.next());
                let (t, name) = (text.clone(), self.members[who].name.clone());
                let seed = self.next() as u64;
                self.edit(who, Made::Comment { text }, |r| {
                    comments::add_comment(
                        r,
                        &name,
                        "2026-03-01T10:00:00Z",
                        CommentTarget::Report,
                        &t,
                        seed,
                    );
                });
            }
            Op::Send {
                from,
                to,
                theirs_wins,
            } => self.send(from, to, theirs_wins),
        }
    }

    /// `from` saves a file; `to` opens it as a new report or merges it into theirs.
    fn send(&mut self, from: usize, to: usize, theirs_wins: bool) {
        if from == to {
            return;
        }
        let Some(mut file) = self.members[from].copy.clone() else {
            return;
        };
        save(&mut file, &self.members[from].name.clone());
        self.members[from].copy = Some(file.clone());
        let known = self.members[from].knows.clone();
        let me = self.members[to].name.clone();
        let merged = match self.members[to].copy.take() {
            None => file,
            Some(mut mine) => {
                record(&mut mine, &me, 1).unwrap();
                let cmp = compare(&mine, &file).expect("copies of one report compare");
                let review = cmp.review(&mine, &file).expect("and review");
                let mut accepted: Vec<_> = review.changes.iter().map(|c| c.id.clone()).collect();
                for c in &review.conflicts {
                    let lost = if theirs_wins { &c.mine } else { &c.theirs };
                    self.lose(c.path.as_str(), lost);
                    if theirs_wins {
                        accepted.push(c.path.clone());
                    }
                }
                let result = cmp.apply(&mine, &file, &accepted).expect("applies");
                combine(&mine, &file, &result, &me, 2).expect("combines")
            }
        };
        self.members[to].copy = Some(merged);
        self.members[to].knows.extend(known);
    }

    /// Notes an amount a conflict was decided against.
    fn lose(&mut self, path: &str, shown: &str) {
        let digits: String = shown.chars().filter(char::is_ascii_digit).collect();
        if let (Some(line), Ok(v)) = (
            LINES.iter().find(|l| path.contains(*l)),
            digits.parse::<i64>(),
        ) {
            self.decided_against.insert((line.to_string(), v));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    #[test]
    fn no_edit_disappears_silently(
        members in 3usize..=5,
        ops in prop::collection::vec(op(5), 6..22),
    ) {
        let mut board = Board::new(members);
        for o in &ops {
            let fits = |i: usize| i < members;
            let ok = match *o {
                Op::Amount { who, .. } | Op::Word { who, .. } | Op::Note { who } | Op::Comment { who } => fits(who),
                Op::Send { from, to, .. } => fits(from) && fits(to),
            };
            if ok {
                board.apply(o);
            }
        }
        for from in 1..members {
            board.send(from, 0, false);
        }
        let result = board.members[0].copy.clone().unwrap();
        let mut latest: HashMap<&str, i64> = HashMap::new();
        for &line in &LINES {
            if let Some(v) = amount(&result, line) {
                latest.insert(line, v.try_into().unwrap_or_default());
            }
        }
        for (id, (who, made)) in board.made.iter().enumerate() {
            match made {
                Made::Amount { line, value } => {
                    let here = latest.get(line) == Some(value);
                    let accounted = board.overwritten.contains(&id)
                        || board.decided_against.contains(&(line.to_string(), *value));
                    prop_assert!(here || accounted, "edit {id} by {who}: {line} = {value} vanished; result {latest:?}");
                }
                Made::Word { section, word } => {
                    prop_assert!(body(&result, section).contains(word.as_str()), "edit {id} by {who}: word {word} vanished from {section}");
                }
                Made::Note { title } => {
                    prop_assert!(result.notes.iter().any(|n| &n.title == title), "edit {id} by {who}: note {title} vanished");
                }
                Made::Comment { text } => {
                    prop_assert!(result.comments.iter().any(|c| &c.text == text), "edit {id} by {who}: comment {text} vanished");
                }
            }
        }
    }
}

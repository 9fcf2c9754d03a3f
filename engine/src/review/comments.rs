//! Comments and sign-off: what the board writes about the draft, and who has reviewed which
//! revision ("Jag har granskat").
//!
//! Comments and reviews travel in the file and are never printed. Their ids are made from
//! random bits the editor supplies, so copies edited in parallel never give two comments the
//! same id; a merge takes the union of both copies' comments and reviews.

use crate::compute::{Location, Problem};
use crate::hash::fnv1a64;
use crate::model::{Comment, CommentTarget, Id, Part, Report, Review};

/// An id that no comment or review of the report has: `{prefix}-` and 16 hex digits from
/// `seed` (the next value if it is taken).
fn fresh_id(report: &Report, prefix: &str, seed: u64) -> Id {
    let taken = |id: &str| {
        report.comments.iter().any(|c| c.id == id) || report.reviews.iter().any(|r| r.id == id)
    };
    (0..)
        .map(|i: u64| format!("{prefix}-{:016x}", seed.wrapping_add(i)))
        .find(|id| !taken(id))
        .expect("an unused id exists")
}

/// Adds a comment by `author` (`created`: an ISO 8601 date-time) and returns its id.
pub fn add_comment(
    report: &mut Report,
    author: &str,
    created: &str,
    target: CommentTarget,
    text: &str,
    seed: u64,
) -> Id {
    let id = fresh_id(report, "c", seed);
    report.comments.push(Comment {
        id: id.clone(),
        author: author.to_string(),
        created: created.to_string(),
        target,
        text: text.to_string(),
        reply_to: None,
        resolved: false,
    });
    id
}

/// Replies to a comment (the reply has the same target) and returns the reply's id. None if
/// the comment does not exist.
pub fn reply(
    report: &mut Report,
    to: &str,
    author: &str,
    created: &str,
    text: &str,
    seed: u64,
) -> Option<Id> {
    let target = report.comments.iter().find(|c| c.id == to)?.target.clone();
    let id = add_comment(report, author, created, target, text, seed);
    if let Some(c) = report.comments.last_mut() {
        c.reply_to = Some(to.to_string());
    }
    Some(id)
}

/// Marks a comment resolved, or open again. False if it does not exist.
pub fn set_resolved(report: &mut Report, id: &str, resolved: bool) -> bool {
    match report.comments.iter_mut().find(|c| c.id == id) {
        Some(c) => {
            c.resolved = resolved;
            true
        }
        None => false,
    }
}

/// The comments on a target, in the order they were written (replies included).
pub fn comments_on<'a>(report: &'a Report, target: &CommentTarget) -> Vec<&'a Comment> {
    report
        .comments
        .iter()
        .filter(|c| &c.target == target)
        .collect()
}

/// How many comments are open: threads (not replies) not marked resolved.
pub fn open_comments(report: &Report) -> usize {
    report
        .comments
        .iter()
        .filter(|c| c.reply_to.is_none() && !c.resolved)
        .count()
}

/// Everything a comment can be about, each with its name in the editor's words, in the order
/// the editor lists them: the whole report, each narrative section, each statement line (the
/// resultaträkning's, then the balansräkning's), each note, then each of `problems` (the
/// checks' findings, "Kontroll: " and the message).
pub fn comment_targets(report: &Report, problems: &[Problem]) -> Vec<(String, CommentTarget)> {
    let sections = report.narrative.iter().map(|s| CommentTarget::Section {
        section: s.id.clone(),
    });
    let lines = report
        .all_lines()
        .map(|l| CommentTarget::Line { line: l.id.clone() });
    let notes = report
        .notes
        .iter()
        .map(|n| CommentTarget::Note { note: n.id.clone() });
    let named = sections
        .chain(lines)
        .chain(notes)
        .map(|t| (target_label(report, &t), t));
    let checks = problems
        .iter()
        .map(|p| (format!("Kontroll: {}", p.message), check_target(p)));
    std::iter::once(("Hela årsredovisningen".to_string(), CommentTarget::Report))
        .chain(named)
        .chain(checks)
        .collect()
}

/// The target for a comment on a problem found by the checks.
pub fn check_target(problem: &Problem) -> CommentTarget {
    CommentTarget::Check {
        code: problem.code.as_str().to_string(),
        location: location_key(&problem.location),
    }
}

/// A stable key for where a problem is: `line/medlemsavgifter/0`, `organisation/seat`, … (an
/// absent part is `-`).
pub fn location_key(location: &Location) -> String {
    let year = |y: &Option<usize>| y.map_or("-".to_string(), |y| y.to_string());
    let id = |x: &Option<Id>| x.clone().unwrap_or_else(|| "-".into());
    match location {
        Location::Organisation { field } => format!("organisation/{field}"),
        Location::Year { year } => format!("year/{year}"),
        Location::Line { line, year: y } => format!("line/{line}/{}", year(y)),
        Location::Note { note, row, column } => {
            format!("note/{note}/{}/{}", id(row), id(column))
        }
        Location::Section { section } => format!("section/{section}"),
        Location::Equity { line, year } => format!("equity/{}/{year}", id(line)),
        Location::Appropriation => "appropriation".into(),
        Location::Signatures { person } => format!("signatures/{}", id(person)),
        Location::OffBalance { field } => format!("off_balance/{field}"),
    }
}

/// What a comment is about, in words: `Resultaträkning › Medlemsavgifter`.
pub fn target_label(report: &Report, target: &CommentTarget) -> String {
    match target {
        CommentTarget::Report => format!("hela {}", report.document.definite()),
        CommentTarget::Section { section } => {
            match report.narrative.iter().find(|s| &s.id == section) {
                Some(s) => format!("{} › {}", part_label(s.part), s.title),
                None => format!("avsnittet {section}"),
            }
        }
        CommentTarget::Line { line } => {
            let statement = if report.income_statement.find(line).is_some() {
                "Resultaträkning"
            } else {
                "Balansräkning"
            };
            match report.line(line) {
                Some(l) => format!("{statement} › {}", l.label),
                None => format!("raden {line}"),
            }
        }
        CommentTarget::Note { note } => match report.note(note) {
            Some(n) => format!("Noter › {}", n.title),
            None => format!("noten {note}"),
        },
        CommentTarget::Check { code, .. } => format!("kontrollen {code}"),
    }
}

/// The editor's name for a part of the narrative.
pub(crate) fn part_label(part: Part) -> &'static str {
    match part {
        Part::Chapter => "Berättelse",
        Part::ManagementReport => "Förvaltningsberättelse",
    }
}

/// The file format whose text fingerprints hash. Fields added since are left out of the file
/// while they hold their default, so a report reviewed before the program was upgraded keeps
/// its fingerprint when its file is migrated ("Jag har granskat" still holds).
const FINGERPRINT_VERSION: u32 = 3;

/// A fingerprint of the report's content: everything but lineage, comments and reviews. Two
/// reports with the same content have the same fingerprint, whichever file format they were
/// read from.
pub fn content_fingerprint(report: &Report) -> String {
    let mut content = report.clone();
    content.version = FINGERPRINT_VERSION;
    content.lineage = Default::default();
    content.comments.clear();
    content.reviews.clear();
    // The report as file format 3 wrote it, so reviews made before format 4 stay valid: the
    // kept SIE mapping table (format 4) is derived from the import, not content of its own.
    content.sie_accounts.clear();
    // The change history (format 5) records how the content came to be; it is not content.
    content.history = None;
    // Format 6's document type: a K2 årsredovisning, which every earlier file is, hashes as
    // before; another type is other content.
    content.document_unconfirmed = false;
    content.version = 3;
    let text = crate::json::to_json(&content)
        .replacen("  \"sie_accounts\": [],\n", "", 1)
        .replacen("  \"document\": \"arsredovisning_k2\",\n", "", 1);
    format!("{:016x}", fnv1a64(text.as_bytes()))
}

/// Records that `reviewer` has reviewed the report as it is now ("Jag har granskat"); `at` is an
/// ISO 8601 date-time. Returns the review's id.
pub fn add_review(report: &mut Report, reviewer: &str, at: &str, seed: u64) -> Id {
    let id = fresh_id(report, "g", seed);
    let content = content_fingerprint(report);
    report.reviews.push(Review {
        id: id.clone(),
        reviewer: reviewer.to_string(),
        revision: report.lineage.revision,
        at: at.to_string(),
        content,
    });
    id
}

/// One reviewer's latest review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewStatus {
    pub reviewer: String,
    pub revision: u64,
    pub at: String,
    /// The report's content has changed since the review.
    pub changed_since: bool,
}

/// For each reviewer (in the order they first reviewed), their latest review (the highest
/// revision, then the latest time) and whether the report has changed since.
pub fn review_status(report: &Report) -> Vec<ReviewStatus> {
    let now = content_fingerprint(report);
    let mut latest: Vec<&Review> = Vec::new();
    for r in &report.reviews {
        match latest.iter_mut().find(|l| l.reviewer == r.reviewer) {
            Some(l) if (r.revision, &r.at) > (l.revision, &l.at) => *l = r,
            Some(_) => {}
            None => latest.push(r),
        }
    }
    latest
        .into_iter()
        .map(|r| ReviewStatus {
            reviewer: r.reviewer.clone(),
            revision: r.revision,
            at: r.at.clone(),
            changed_since: r.content != now,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::example_report;

    #[test]
    fn comments_and_replies() {
        let mut r = example_report();
        let target = CommentTarget::Line {
            line: "medlemsavgifter".into(),
        };
        let a = add_comment(
            &mut r,
            "Anna",
            "2026-02-01T10:00:00Z",
            target.clone(),
            "Stämmer?",
            7,
        );
        assert_eq!(a, "c-0000000000000007");
        // The same random bits again give the next free id.
        let b = reply(&mut r, &a, "Kassören", "2026-02-01T11:00:00Z", "Ja.", 7).unwrap();
        assert_eq!(b, "c-0000000000000008");
        assert_eq!(r.comments[1].reply_to.as_deref(), Some(a.as_str()));
        assert_eq!(comments_on(&r, &target).len(), 2);
        assert!(reply(&mut r, "nope", "X", "", "", 1).is_none());
        assert!(set_resolved(&mut r, &a, true));
        assert!(r.comments[0].resolved);
        assert!(!set_resolved(&mut r, "nope", true));
        assert_eq!(
            target_label(&r, &target),
            "Resultaträkning › Medlemsavgifter"
        );
        crate::json::validate(&r).unwrap();
    }

    #[test]
    fn comment_targets_list_every_part_then_the_checks() {
        let mut r = example_report();
        r.organisation.seat.clear();
        let problems = crate::compute::compute(&r).problems;
        assert!(!problems.is_empty());
        let targets = comment_targets(&r, &problems);
        let lines = r.all_lines().count();
        assert_eq!(
            targets.len(),
            1 + r.narrative.len() + lines + r.notes.len() + problems.len()
        );
        assert_eq!(
            targets[0],
            ("Hela årsredovisningen".to_string(), CommentTarget::Report)
        );
        let s = &r.narrative[0];
        assert_eq!(
            targets[1],
            (
                format!("{} › {}", part_label(s.part), s.title),
                CommentTarget::Section {
                    section: s.id.clone()
                }
            )
        );
        let first_line = 1 + r.narrative.len();
        let l = r.income_statement.all_lines()[0];
        assert_eq!(
            targets[first_line].0,
            format!("Resultaträkning › {}", l.label)
        );
        let last_line = &targets[first_line + lines - 1];
        assert!(last_line.0.starts_with("Balansräkning › "), "{last_line:?}");
        let n = &r.notes[0];
        assert_eq!(
            targets[first_line + lines].1,
            CommentTarget::Note { note: n.id.clone() }
        );
        let (label, target) = targets.last().unwrap();
        let p = problems.last().unwrap();
        assert_eq!(label, &format!("Kontroll: {}", p.message));
        assert_eq!(target, &check_target(p));
    }

    #[test]
    fn open_comments_count_threads_not_resolved() {
        let mut r = example_report();
        assert_eq!(open_comments(&r), 0);
        let a = add_comment(&mut r, "Anna", "", CommentTarget::Report, "Ett", 1);
        let b = add_comment(&mut r, "Bo", "", CommentTarget::Report, "Två", 2);
        reply(&mut r, &a, "Kassören", "", "Svar", 3).unwrap();
        assert_eq!(open_comments(&r), 2);
        set_resolved(&mut r, &b, true);
        assert_eq!(open_comments(&r), 1);
    }

    #[test]
    fn review_status_tells_whether_the_report_changed() {
        let mut r = example_report();
        add_review(&mut r, "Anna", "2026-02-01T10:00:00Z", 1);
        r.lineage.revision = 3;
        add_review(&mut r, "Bo", "2026-02-02T10:00:00Z", 2);
        // A comment is not a change of the report.
        add_comment(
            &mut r,
            "Bo",
            "2026-02-02T10:05:00Z",
            CommentTarget::Report,
            "Bra!",
            3,
        );
        let status = review_status(&r);
        assert_eq!(status.len(), 2);
        assert!(!status[0].changed_since && !status[1].changed_since);
        assert_eq!((status[1].reviewer.as_str(), status[1].revision), ("Bo", 3));
        r.organisation.seat = "Alingsås".into();
        assert!(review_status(&r).iter().all(|s| s.changed_since));
        add_review(&mut r, "Anna", "2026-02-03T10:00:00Z", 4);
        let status = review_status(&r);
        assert_eq!(status[0].reviewer, "Anna");
        assert!(!status[0].changed_since);
        assert!(status[1].changed_since);
    }

    #[test]
    fn location_keys() {
        let key = |l| location_key(&l);
        assert_eq!(
            key(Location::Line {
                line: "kassa".into(),
                year: Some(1)
            }),
            "line/kassa/1"
        );
        assert_eq!(
            key(Location::Note {
                note: "n1".into(),
                row: Some("tr1".into()),
                column: None
            }),
            "note/n1/tr1/-"
        );
        assert_eq!(
            key(Location::Equity {
                line: None,
                year: 0
            }),
            "equity/-/0"
        );
        assert_eq!(key(Location::Appropriation), "appropriation");
    }
}

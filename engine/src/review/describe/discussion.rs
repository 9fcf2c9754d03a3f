//! The changes of comments and reviews: added, resolved, reopened and removed comments (and
//! replies), added and removed reviews.

use super::text::{named, quote};
use crate::model::{Comment, Report};
use crate::review::comments::target_label;
use crate::review::{Change, ChangeId, ChangeKind, CommentEvent};

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

//! File format 3: lineage, comments and reviews. A format 2 file is migrated with a derived
//! document id; the format 3 fixture reads and writes back byte for byte; bad comments are
//! refused; comments are never printed.

mod common;

use common::*;
use kassoren_engine::json::{self, ImportError};
use kassoren_engine::model::*;
use kassoren_engine::render_html;
use kassoren_engine::review::{comments, lineage};

fn fixture(name: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    std::fs::read_to_string(dir.join(name)).unwrap()
}

fn err(text: &str) -> ImportError {
    json::from_json(text).expect_err("the file should be refused")
}

#[test]
fn a_format_2_file_gets_a_derived_document_id() {
    let v2 = fixture("format-v2.json");
    assert!(!v2.contains("lineage"));
    let r = json::from_json(&v2).unwrap();
    let expected = lineage::derived_document_id(
        "v2",
        "769600-1234",
        "Fiberföreningen Norrby ek. för.",
        "2025-01-01",
        "2025-12-31",
    );
    assert_eq!(r.lineage.document_id, expected);
    assert_eq!(r.lineage.document_id, "v2-6f4d8aa8a3068aa5");
    assert_eq!(
        (
            r.lineage.revision,
            r.lineage.derived_from,
            r.lineage.author.clone()
        ),
        (0, None, None)
    );
    assert!(r.comments.is_empty() && r.reviews.is_empty());
    // Every copy of the file gets the same id; the format 1 file migrates through 2 as well.
    assert_eq!(json::from_json(&v2).unwrap().lineage, r.lineage);
    let v1 = json::from_json(&fixture("format-v1.json")).unwrap();
    assert!(v1.lineage.document_id.starts_with("v2-"));
    // A format 2 file that already has a field of format 3 is refused rather than guessed at.
    let odd = v2.replacen("\"version\": 2,", "\"version\": 2,\n  \"comments\": [],", 1);
    assert!(err(&odd).to_string().contains("comments"), "{}", err(&odd));
}

#[test]
fn the_format_3_fixture_round_trips() {
    let v3 = fixture("format-v3.json");
    let r = json::from_json(&v3).unwrap();
    // Format 4 only adds the (empty) kept SIE mapping table; format 5 a history it has none of.
    let as_v4 = as_current(&v3, 3).replacen(
        "  \"account_map\": {},\n",
        "  \"account_map\": {},\n  \"sie_accounts\": [],\n",
        1,
    );
    assert_eq!(json::to_json(&r), as_v4);
    assert_eq!(r.lineage.document_id, "d-5f1c2a9e7b3d4c61");
    assert_eq!((r.lineage.revision, r.lineage.derived_from), (4, Some(2)));
    assert_eq!(r.comments.len(), 4);
    assert_eq!(
        r.comments[1].reply_to.as_deref(),
        Some("c-00000000000000a1")
    );
    assert_eq!(
        r.comments[2].target,
        CommentTarget::Check {
            code: "missing_seat".into(),
            location: "organisation/seat".into()
        }
    );
    assert_eq!(r.comments[3].target, CommentTarget::Report);
    // The review was made of this very content.
    let status = comments::review_status(&r);
    assert_eq!(status.len(), 1);
    assert_eq!(
        (status[0].reviewer.as_str(), status[0].revision),
        ("Anna Berg", 4)
    );
    assert!(!status[0].changed_since);
}

#[test]
fn a_new_report_has_a_lineage_and_no_comments() {
    let r = balanced(LegalForm::Aktiebolag, &FIGURES);
    assert!(r.lineage.document_id.starts_with("ny-"));
    let text = json::to_json(&r);
    assert!(
        text.contains("\"lineage\": {\n    \"document_id\": \"ny-"),
        "{text}"
    );
    assert!(text.ends_with("\"comments\": [],\n  \"reviews\": []\n}\n"));
    assert_eq!(json::from_json(&text).unwrap(), r);
}

#[test]
fn comments_and_reviews_are_validated() {
    let v3 = fixture("format-v3.json");
    let e = err(&v3.replacen("\"c-00000000000000a2\"", "\"c-00000000000000a1\"", 1));
    assert!(e.to_string().contains("finns mer än en gång"), "{e}");
    let e = err(&v3.replacen(
        "\"reply_to\": \"c-00000000000000a1\"",
        "\"reply_to\": \"c-saknas\"",
        1,
    ));
    assert!(e.to_string().contains("som inte finns"), "{e}");
    let e = err(&v3.replacen("\"kind\": \"report\"", "\"kind\": \"bilaga\"", 1));
    assert!(e.to_string().contains("comments[3].target"), "{e}");
    let e = err(&v3.replacen(
        "\"revision\": 4,\n    \"derived",
        "\"revision\": -1,\n    \"derived",
        1,
    ));
    assert!(e.to_string().contains("lineage.revision"), "{e}");
    let e = err(&v3.replacen(
        "\"g-0000000000000d01\"",
        "\"g-0000000000000d01\", \"x\": 1",
        1,
    ));
    assert!(e.to_string().contains("okänt fält \"x\""), "{e}");
}

#[test]
fn comments_are_never_printed() {
    let mut r = balanced(LegalForm::IdeellForening, &FIGURES);
    let secret = "HEMLIGKOMMENTAR";
    let line = r.income_statement.all_lines()[1].id.clone();
    let section = r.narrative[0].id.clone();
    let c = comments::add_comment(
        &mut r,
        "Anna",
        "2026-02-01T10:00:00Z",
        CommentTarget::Line { line },
        &format!("{secret} om raden"),
        1,
    );
    comments::reply(
        &mut r,
        &c,
        "Bo",
        "2026-02-01T11:00:00Z",
        &format!("{secret} svar"),
        2,
    );
    comments::add_comment(
        &mut r,
        "Cecilia",
        "2026-02-01T12:00:00Z",
        CommentTarget::Section { section },
        &format!("{secret} om avsnittet"),
        3,
    );
    comments::add_review(&mut r, "GRANSKAREN", "2026-02-02T09:00:00Z", 4);
    let html = render_html(&r);
    assert!(!html.contains(secret));
    assert!(!html.contains("Anna") && !html.contains("GRANSKAREN"));
    let mut without = r.clone();
    without.comments.clear();
    without.reviews.clear();
    assert_eq!(html, render_html(&without));
}

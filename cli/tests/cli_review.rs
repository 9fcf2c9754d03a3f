//! The `kassoren` command line for board review: diff (one change per line, exit 0; another
//! report exits 2) and merge (exit 0 and the merged file; conflicts on stderr and exit 1).

mod common;

use common::{kassoren, stderr, stdout, tmp};
use kassoren_engine::edit;
use kassoren_engine::example::example_report;
use kassoren_engine::json;
use kassoren_engine::model::Report;
use kassoren_engine::review::lineage;
use rust_decimal::Decimal;

fn write(name: &str, r: &Report) -> String {
    let path = tmp(name);
    std::fs::write(&path, json::to_json(r)).unwrap();
    path.to_string_lossy().into()
}

fn read(path: &str) -> Report {
    json::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The treasurer's file and a board member's copy with a changed amount and sentence.
fn base_and_copy() -> (Report, Report) {
    let mut base = example_report();
    lineage::next_revision(&mut base, "Kassören");
    let mut theirs = base.clone();
    lineage::next_revision(&mut theirs, "Anna");
    theirs.set_amount("medlemsavgifter", 0, Some(Decimal::from(135_000)));
    edit::section_mut(&mut theirs, "verksamheten").unwrap().body = theirs
        .narrative
        .iter()
        .find(|s| s.id == "verksamheten")
        .unwrap()
        .body
        .replacen("ideell förening", "ideell och öppen förening", 1);
    (base, theirs)
}

#[test]
fn diff_prints_one_change_per_line() {
    let (base, theirs) = base_and_copy();
    let (a, b) = (write("diff-a.json", &base), write("diff-b.json", &theirs));
    let o = kassoren(&["diff", &a, &b]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o).replace('\u{a0}', " "),
        "Förvaltningsberättelse › Allmänt om verksamheten: \"…och öppen…\" tillagt\n\
         Resultaträkning › Medlemsavgifter, 2025: 131 650 → 135 000 kr (årets över-/underskott 40 980 → 44 330 kr)\n"
    );
    let o = kassoren(&["diff", &a, &a]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "Inga skillnader.\n");
}

#[test]
fn diff_of_another_report_exits_2() {
    let (base, _) = base_and_copy();
    let mut other = base.clone();
    lineage::start(&mut other, 7);
    let (a, b) = (write("other-a.json", &base), write("other-b.json", &other));
    let o = kassoren(&["diff", &a, &b]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.starts_with("kassoren: "), "{err}");
    assert!(err.contains("inte samma årsredovisning"), "{err}");
    assert!(err.contains("d-0000000000000007"), "{err}");
    for args in [
        vec!["diff", a.as_str()],
        vec!["merge", a.as_str(), b.as_str()],
    ] {
        let o = kassoren(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).starts_with("kassoren: ange "), "{}", stderr(&o));
    }
    let o = kassoren(&["merge", &a, &a, &b, "-o", "/tmp/x.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("inte samma årsredovisning"));
}

#[test]
fn new_reports_are_different_documents() {
    let (a, b) = (tmp("new-a.json"), tmp("new-b.json"));
    for file in [&a, &b] {
        let o = kassoren(&[
            "new",
            "--form",
            "stiftelse",
            "--year",
            "2025",
            "-o",
            file.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let (a, b) = (read(a.to_str().unwrap()), read(b.to_str().unwrap()));
    assert!(a.lineage.document_id.starts_with("d-"));
    assert_ne!(a.lineage.document_id, b.lineage.document_id);
}

#[test]
fn merge_writes_the_merged_report() {
    let (base, theirs) = base_and_copy();
    let mut mine = base.clone();
    mine.organisation.seat = "Ulricehamn".into();
    let out = tmp("merged.json");
    let _ = std::fs::remove_file(&out);
    let (b, m, t) = (
        write("m-base.json", &base),
        write("m-mine.json", &mine),
        write("m-theirs.json", &theirs),
    );
    let o = kassoren(&["merge", &b, &m, &t, "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines: Vec<String> = stdout(&o).lines().map(String::from).collect();
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert!(lines[0].starts_with("Förvaltningsberättelse › Allmänt om verksamheten:"));
    assert!(lines[1].starts_with("Resultaträkning › Medlemsavgifter, 2025:"));
    assert_eq!(
        lines[2],
        format!("Sparat i {}: 2 ändringar från {t}.", out.display())
    );
    let merged = read(out.to_str().unwrap());
    assert_eq!(merged.organisation.seat, "Ulricehamn");
    assert_eq!(
        kassoren_engine::compute(&merged).value("medlemsavgifter", 0),
        Decimal::from(135_000)
    );
    assert_eq!(merged.lineage.document_id, base.lineage.document_id);
    assert_eq!(merged.lineage.revision, 3);
}

#[test]
fn merge_conflicts_exit_1_and_write_nothing() {
    let (base, theirs) = base_and_copy();
    let mut mine = base.clone();
    mine.set_amount("medlemsavgifter", 0, Some(Decimal::from(132_000)));
    mine.organisation.seat = "Ulricehamn".into();
    let out = tmp("conflict.json");
    let _ = std::fs::remove_file(&out);
    let (b, m, t) = (
        write("c-base.json", &base),
        write("c-mine.json", &mine),
        write("c-theirs.json", &theirs),
    );
    let o = kassoren(&["merge", &b, &m, &t, "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o).replace('\u{a0}', " ");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[0],
        "Konflikt: Resultaträkning › Medlemsavgifter, 2025: din version 132 000 kr, deras 135 000 kr"
    );
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[1].starts_with("kassoren: 1 konflikt; ingen fil skrevs"),
        "{err}"
    );
    assert!(!out.exists());

    // With --keep-mine the merge is written, with my version where we conflict.
    let o = kassoren(&[
        "merge",
        &b,
        &m,
        &t,
        "--keep-mine",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).starts_with("Konflikt: "));
    let merged = read(out.to_str().unwrap());
    assert_eq!(
        kassoren_engine::compute(&merged).value("medlemsavgifter", 0),
        Decimal::from(132_000)
    );
    assert!(merged
        .narrative
        .iter()
        .any(|s| s.body.contains("ideell och öppen förening")));
    assert_eq!(merged.organisation.seat, "Ulricehamn");
}

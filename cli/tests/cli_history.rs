//! The `kassoren` command line on the change history that travels in the file: `export` records
//! what changed as one change by an author, `diff` lists what the other file brings since the
//! version both started from, and the two-file `merge` merges by the histories (exit 0; or exit 1
//! with each conflict and both values on stderr, and the merge with mine kept written).

mod common;

use common::{kassoren, stderr, stdout, tmp};
use kassoren_engine::example::example_report;
use kassoren_engine::json;
use kassoren_engine::model::Report;
use rust_decimal::Decimal;

fn write(name: &str, r: &Report) -> String {
    let path = tmp(name);
    std::fs::write(&path, json::to_json(r)).unwrap();
    path.to_string_lossy().into()
}

fn read(path: &str) -> Report {
    json::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn amount(r: &Report, line: &str) -> Option<Decimal> {
    match &r.line(line).unwrap().kind {
        kassoren_engine::model::LineKind::Input { amounts, .. } => amounts[0].map(|m| m.0),
        _ => panic!("{line}"),
    }
}

/// `kassoren export IN --author NAME -o OUT`, which must succeed; the saved report.
fn export(input: &str, author: &str, out: &str) -> Report {
    let o = kassoren(&["export", input, "--author", author, "-o", out]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    read(out)
}

/// A copy of `file` edited (as a program or a hand would) and exported by `who`.
fn edited(file: &str, who: &str, name: &str, f: impl FnOnce(&mut Report)) -> String {
    let mut r = read(file);
    f(&mut r);
    let raw = write(&format!("{name}-raw.json"), &r);
    let out = tmp(&format!("{name}.json")).to_string_lossy().to_string();
    export(&raw, who, &out);
    out
}

#[test]
fn export_starts_a_history_and_records_each_edit_by_its_author() {
    let plain = write("h-plain.json", &example_report());
    let first = tmp("h-first.json").to_string_lossy().to_string();
    let r = export(&plain, "Kassören", &first);
    assert!(r.history.is_some());
    assert_eq!(r.lineage.revision, 1);
    assert_eq!(r.lineage.author.as_deref(), Some("Kassören"));
    let again = tmp("h-again.json").to_string_lossy().to_string();
    let o = kassoren(&["export", &first, "--author", "Kassören", "-o", &again]);
    assert!(stdout(&o).contains("inga ändringar"), "{}", stdout(&o));
    let anna = edited(&first, "Anna", "h-anna", |r| {
        r.set_amount("medlemsavgifter", 0, Some(Decimal::from(1)));
    });
    let authors = kassoren_merge::authors(&read(&anna)).unwrap();
    let names: Vec<&str> = authors.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Kassören", "Anna"]);
    let o = kassoren(&["export", &first, "-o", &again]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--author"), "{}", stderr(&o));
}

#[test]
fn merge_by_history_brings_theirs_keeps_mine_and_lists_conflicts_with_both_values() {
    let plain = write("m-plain.json", &example_report());
    let sent = tmp("m-sent.json").to_string_lossy().to_string();
    export(&plain, "Kassören", &sent);
    let mine = edited(&sent, "Kassören", "m-mine", |r| {
        assert!(r.set_amount("medlemsavgifter", 0, Some(Decimal::from(150_000))));
    });
    let anna = edited(&sent, "Anna", "m-anna", |r| {
        assert!(r.set_amount(
            "ovriga_verksamhetsintakter",
            0,
            Some(Decimal::from(333_000))
        ));
    });
    // diff lists only what Anna brings, not the treasurer's own edit.
    let o = kassoren(&["diff", &mine, &anna]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Kurs- och lägeravgifter"), "{out}");
    assert!(!out.contains("Medlemsavgifter"), "{out}");

    let merged = tmp("m-merged.json").to_string_lossy().to_string();
    let o = kassoren(&["merge", &mine, &anna, "-o", &merged]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = read(&merged);
    assert_eq!(amount(&r, "medlemsavgifter"), Some(Decimal::from(150_000)));
    assert_eq!(
        amount(&r, "ovriga_verksamhetsintakter"),
        Some(Decimal::from(333_000))
    );
    // Anna's file again brings nothing.
    let o = kassoren(&[
        "merge",
        &merged,
        &anna,
        "-o",
        tmp("m-again.json").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Inga nya ändringar"), "{}", stdout(&o));

    // Bertil changed the same amount as the treasurer: a conflict, mine kept, both shown.
    let bertil = edited(&sent, "Bertil", "m-bertil", |r| {
        r.set_amount("medlemsavgifter", 0, Some(Decimal::from(99_000)));
    });
    let out = tmp("m-conflict.json").to_string_lossy().to_string();
    let o = kassoren(&["merge", &merged, &bertil, "-o", &out]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o).replace('\u{a0}', " ");
    assert!(
        err.contains("Krock: Resultaträkning › Medlemsavgifter"),
        "{err}"
    );
    assert!(err.contains("150 000") && err.contains("99 000"), "{err}");
    let r = read(&out);
    assert_eq!(amount(&r, "medlemsavgifter"), Some(Decimal::from(150_000)));
    assert_eq!(
        amount(&r, "ovriga_verksamhetsintakter"),
        Some(Decimal::from(333_000))
    );
}

#[test]
fn merge_of_files_without_a_common_history_is_all_conflicts() {
    let mut mine = example_report();
    mine.set_amount("medlemsavgifter", 0, Some(Decimal::from(1)));
    let plain = write("u-plain.json", &example_report());
    let mine = write("u-mine.json", &mine);
    let out = tmp("u-out.json").to_string_lossy().to_string();
    let o = kassoren(&["merge", &mine, &plain, "-o", &out]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("saknar gemensam ändringshistorik"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        amount(&read(&out), "medlemsavgifter"),
        Some(Decimal::from(1))
    );
}

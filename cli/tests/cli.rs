//! The `kassoren` command line: new, check (exit 0/1/2, text and JSON), render.

mod common;

use common::{kassoren, stderr, stdout, tmp};
use std::path::Path;

fn example() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/ideell-forening.json")
        .to_string_lossy()
        .into()
}

#[test]
fn new_check_render() {
    for form in [
        "ideell-forening",
        "ekonomisk-forening",
        "bostadsrattsforening",
        "samfallighetsforening",
        "stiftelse",
        "aktiebolag",
    ] {
        let file = tmp(&format!("{form}.json"));
        let f = file.to_str().unwrap();
        let o = kassoren(&[
            "new",
            "--form",
            form,
            "--name",
            "Test",
            "--org-nr",
            "802000-0009",
            "--year",
            "2025",
            "-o",
            f,
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        let report =
            kassoren_engine::json::from_json(&std::fs::read_to_string(&file).unwrap()).unwrap();
        assert_eq!(report.years[0].start.to_string(), "2025-01-01");
        assert_eq!(report.years[1].end.to_string(), "2024-12-31");
        // A new report has no signatures yet: an error, so exit status 1.
        let o = kassoren(&["check", f]);
        assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
        assert!(
            stdout(&o).contains("Fel: Underskrifter saknas"),
            "{}",
            stdout(&o)
        );
        let html = tmp(&format!("{form}.html"));
        let o = kassoren(&["render", f, "-o", html.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(std::fs::read_to_string(&html)
            .unwrap()
            .contains("Balansräkning"));
    }
}

#[test]
fn broken_year_from_dates() {
    let file = tmp("broken.json");
    let f = file.to_str().unwrap();
    let o = kassoren(&[
        "new",
        "--form",
        "aktiebolag",
        "--start",
        "2024-07-01",
        "--end",
        "2025-06-30",
        "-o",
        f,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let report =
        kassoren_engine::json::from_json(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(report.years[0].label(), "2024/25");
    assert_eq!(report.years[1].period(), "2023-07-01 – 2024-06-30");
}

#[test]
fn the_example_passes_check() {
    let o = kassoren(&["check", &example()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn check_json_lists_problems_with_codes() {
    let file = tmp("unbalanced.json");
    let f = file.to_str().unwrap();
    let text = std::fs::read_to_string(example()).unwrap();
    let mut report = kassoren_engine::json::from_json(&text).unwrap();
    let asset = report
        .balance_sheet
        .all_lines()
        .into_iter()
        .find(|l| {
            matches!(l.kind, kassoren_engine::model::LineKind::Input { .. })
                && kassoren_engine::compute(&report).value(&l.id, 0) != 0.into()
        })
        .unwrap()
        .id
        .clone();
    let v = kassoren_engine::compute(&report).value(&asset, 0);
    report.set_amount(&asset, 0, Some(v + rust_decimal::Decimal::ONE));
    std::fs::write(&file, kassoren_engine::json::to_json(&report)).unwrap();
    let o = kassoren(&["check", "--json", f]);
    assert_eq!(o.status.code(), Some(1));
    let list: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let items = list.as_array().unwrap();
    let unbalanced = items
        .iter()
        .find(|p| p["code"] == "balance_sheet_unbalanced")
        .expect("reported");
    assert_eq!(unbalanced["severity"], "error");
    assert_eq!(unbalanced["location"]["kind"], "line");
    assert_eq!(unbalanced["location"]["year"], 0);
    assert!(unbalanced["message"]
        .as_str()
        .unwrap()
        .contains("balanserar inte"));
    for p in items {
        for key in ["severity", "code", "message", "location"] {
            assert!(p.get(key).is_some(), "{p}");
        }
    }
}

#[test]
fn unreadable_files_exit_2_with_one_line() {
    let bad = tmp("bad.json");
    std::fs::write(
        &bad,
        "{\"format\": \"kassoren-arsredovisning\", \"version\": 99}",
    )
    .unwrap();
    for args in [
        vec!["check", bad.to_str().unwrap()],
        vec!["check", "/finns/inte.json"],
        vec!["render", bad.to_str().unwrap(), "-o", "/tmp/x.html"],
        vec!["new", "--form", "klubb", "-o", "/tmp/x.json"],
        vec!["frobnicate"],
    ] {
        let o = kassoren(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("kassoren: "), "{err}");
    }
    let o = kassoren(&["check", bad.to_str().unwrap()]);
    assert!(stderr(&o).contains("nyare version av Kassören"));
}

#[test]
fn usage_errors_exit_2_with_one_swedish_line() {
    for (args, message) in [
        (vec!["check", "--frob", "x.json"], "kassoren: okänd flagga --frob"),
        (vec!["--json", "check", "x.json"], "kassoren: okänd flagga --json"),
        (vec!["render", "x.json", "-o"], "kassoren: -o behöver ett värde"),
        (vec!["new", "--form"], "kassoren: --form behöver ett värde"),
        (vec!["new", "extra", "--form", "stiftelse"], "kassoren: oväntat argument \"extra\""),
        (vec!["check"], "kassoren: ange filen med årsredovisningen"),
        (vec!["check", "a.json", "b.json"], "kassoren: ange en enda fil"),
        (
            vec!["frobnicate"],
            "kassoren: okänt kommando \"frobnicate\" (new, check, render, sample, import-sie, diff eller merge)",
        ),
    ] {
        let o = kassoren(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&o), format!("{message}\n"), "{args:?}");
        assert!(stdout(&o).is_empty(), "{args:?}");
    }
}

#[test]
fn help_prints_the_usage() {
    for args in [vec![], vec!["help"], vec!["-h"], vec!["check", "--help"]] {
        let o = kassoren(&args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert!(
            stdout(&o).starts_with("Användning:\n  kassoren new --form FORM"),
            "{args:?}"
        );
        assert!(stderr(&o).is_empty(), "{args:?}");
    }
}

/// `new --document`: the document type, the default by form and year, and a type the form may
/// not use refused with one Swedish line and exit 2.
#[test]
fn new_with_a_document_type() {
    let read = |p: &std::path::Path| -> kassoren_engine::model::Report {
        kassoren_engine::json::from_json(&std::fs::read_to_string(p).unwrap()).unwrap()
    };
    let out = tmp("doc-vb.json");
    let o = kassoren(&[
        "new",
        "--form",
        "ideell-forening",
        "--document",
        "verksamhetsberattelse",
        "--name",
        "Schackklubben",
        "--year",
        "2025",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o)
            .starts_with("Verksamhetsberättelse med ekonomisk redovisning för Ideell förening"),
        "{}",
        stdout(&o)
    );
    let r = read(&out);
    assert_eq!(
        r.document,
        kassoren_engine::model::DocumentType::Verksamhetsberattelse
    );
    let html = tmp("doc-vb.html");
    let o = kassoren(&[
        "render",
        out.to_str().unwrap(),
        "-o",
        html.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.contains("Verksamhetsberättelse") && !text.contains("BFNAR"));
    assert!(!r.budget.shown);

    // --budget: the budget's columns (with Avvikelse) shown from the start.
    let budget = tmp("doc-budget.json");
    let o = kassoren(&[
        "new",
        "--form",
        "ideell-forening",
        "--document",
        "verksamhetsberattelse",
        "--budget",
        "--year",
        "2025",
        "-o",
        budget.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = read(&budget);
    assert!(r.budget.shown && r.budget.deviation);

    let brf = tmp("doc-brf.json");
    let o = kassoren(&[
        "new",
        "--form",
        "bostadsrattsforening",
        "--year",
        "2026",
        "-o",
        brf.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        read(&brf).document,
        kassoren_engine::model::DocumentType::ArsredovisningK3
    );
    // K2 for a BRF's 2026: refused, naming the rule, in one line.
    let o = kassoren(&[
        "new",
        "--form",
        "bostadsrattsforening",
        "--year",
        "2026",
        "--document",
        "arsredovisning-k2",
        "-o",
        tmp("doc-brf-k2.json").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("får inte tillämpa K2 (BFNAR 2016:10)"),
        "{err}"
    );
    assert!(!tmp("doc-brf-k2.json").exists());

    let o = kassoren(&[
        "new",
        "--form",
        "aktiebolag",
        "--document",
        "forenklat-arsbokslut",
        "-o",
        "/tmp/x.json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("ett aktiebolag ska alltid upprätta en årsredovisning"),
        "{err}"
    );
    let o = kassoren(&[
        "new",
        "--form",
        "aktiebolag",
        "--document",
        "k9",
        "-o",
        "/tmp/x.json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("okänd dokumenttyp \"k9\""),
        "{}",
        stderr(&o)
    );
}

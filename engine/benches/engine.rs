//! Benchmark: `compute` and `render_html` on the example report and on a generated large
//! report (300 statement lines, 5 years, 20 notes, about 40 pages of narrative).
//!
//! Run with `cargo bench -p kassoren-engine`. Prints the median and the fastest of many runs,
//! next to the budget; it measures, it does not fail.

use std::hint::black_box;
use std::time::{Duration, Instant};

use kassoren_engine::model::*;
use kassoren_engine::money::Money;
use kassoren_engine::{compute, example, render, template};

fn measure(mut f: impl FnMut()) -> (Duration, Duration, usize) {
    // Warm up, then run for about a second.
    for _ in 0..3 {
        f();
    }
    let mut times = Vec::new();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(1) || times.len() < 10 {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times.sort();
    (times[times.len() / 2], times[0], times.len())
}

fn report_line(
    name: &str,
    what: &str,
    budget_ms: f64,
    (median, min, runs): (Duration, Duration, usize),
) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let verdict = if ms(median) <= budget_ms {
        "within"
    } else {
        "OVER"
    };
    println!(
        "{name:<8} {what:<12} median {:>8.3} ms   min {:>8.3} ms   ({runs} runs)   budget {budget_ms} ms: {verdict}",
        ms(median),
        ms(min)
    );
}

/// A large report: the K2 aktiebolag template with each input line broken into extra lines
/// until there are 300 statement lines, five years of figures, 20 notes with four-year tables
/// and 40 narrative sections of about a page each.
fn large_report() -> Report {
    let mut r = template::new_report(
        LegalForm::Aktiebolag,
        "Stora Exempel AB",
        "556036-0793",
        template::calendar_year(2025),
    );
    r.years = (0..5).map(|i| template::calendar_year(2025 - i)).collect();
    let mut count = r.all_lines().count();
    let mut k = 0;
    // Add input lines to every group until there are 300 lines.
    while count < 300 {
        for st in [&mut r.income_statement, &mut r.balance_sheet] {
            for top in &mut st.lines {
                top.walk_mut(&mut |l| {
                    if let LineKind::Group { children, .. } = &mut l.kind {
                        if count < 300
                            && children
                                .iter()
                                .all(|c| matches!(c.kind, LineKind::Input { .. }))
                        {
                            k += 1;
                            count += 1;
                            children.push(Line {
                                id: format!("extra{k}"),
                                label: format!("Extra post {k}"),
                                role: None,
                                note: None,
                                accounts: Vec::new(),
                                kind: LineKind::Input {
                                    amounts: vec![None; 5],
                                    details: Vec::new(),
                                },
                            });
                        }
                    }
                });
            }
        }
    }
    let ids: Vec<String> = r
        .all_lines()
        .filter(|l| matches!(l.kind, LineKind::Input { .. }))
        .map(|l| l.id.clone())
        .collect();
    for (i, id) in ids.iter().enumerate() {
        for y in 0..5 {
            let v = ((i * 7919 + y * 104_729) % 1_000_000) as i64 - 300_000;
            r.set_amount(id, y, Some(Money::from(v).0));
        }
    }
    for n in 0..20 {
        let id = format!("not{n}");
        if let Some(line) = ids.get(n * 5).cloned() {
            if let Some(l) = r.line_mut(&line) {
                l.note = Some(id.clone());
            }
        }
        let columns: Vec<NoteColumn> = (0..4u8)
            .map(|y| NoteColumn {
                id: format!("{id}c{y}"),
                header: String::new(),
                year: Some(y),
            })
            .collect();
        let mut rows: Vec<NoteRow> = (0..8)
            .map(|j| NoteRow {
                id: format!("{id}r{j}"),
                label: format!("Post {j}"),
                kind: RowKind::Item,
                cells: (0..4)
                    .map(|y| Some(Cell::Amount(Money::from((j * 1000 + y * 10) as i64))))
                    .collect(),
            })
            .collect();
        rows.push(NoteRow {
            id: format!("{id}sum"),
            label: "Summa".into(),
            kind: RowKind::Sum,
            cells: vec![],
        });
        r.notes.push(Note {
            id,
            title: format!("Not med tabell {n}"),
            text: "En förklarande text om posten och hur den har värderats.".into(),
            table: Some(NoteTable {
                columns,
                rows,
                tie: None,
            }),
        });
    }
    let paragraph = "Föreningen har under året bedrivit en omfattande verksamhet med **många** aktiviteter, \
        bland annat utbildningar, möten och arrangemang för medlemmarna. Årets resultat blev {{årets_resultat}} \
        och soliditeten {{soliditet}}.\n\n- en punkt\n- en till punkt med *betoning*\n\n";
    for s in 0..40 {
        r.narrative.push(Section {
            id: format!("kap{s}"),
            title: format!("Kapitel {s}"),
            level: 1,
            part: Part::Chapter,
            body: paragraph.repeat(8),
        });
    }
    r
}

fn main() {
    let example = example::example_report();
    let large = large_report();
    println!(
        "example: {} statement lines, {} years, {} notes, {} sections; large: {} statement lines, {} years, {} notes, {} sections, {} KB narrative",
        example.all_lines().count(),
        example.years.len(),
        example.notes.len(),
        example.narrative.len(),
        large.all_lines().count(),
        large.years.len(),
        large.notes.len(),
        large.narrative.len(),
        large.narrative.iter().map(|s| s.body.len()).sum::<usize>() / 1024
    );
    for (name, r, compute_budget, render_budget) in [
        ("example", &example, 1.0, 5.0),
        ("large", &large, 10.0, 30.0),
    ] {
        report_line(
            name,
            "compute",
            compute_budget,
            measure(|| {
                black_box(compute(black_box(r)));
            }),
        );
        report_line(
            name,
            "render_html",
            render_budget,
            measure(|| {
                black_box(render::render_html(black_box(r)));
            }),
        );
        println!(
            "{name:<8} html size    {} KB",
            render::render_html(r).len() / 1024
        );
    }
}

//! Benchmark: `compute` and `render_html` on the example report and on a generated large
//! report (300 statement lines, 5 years, 20 notes, about 40 pages of narrative).
//!
//! Run with `cargo bench -p kassoren-engine`. Prints the median and the fastest of many runs,
//! next to the budget; it measures, it does not fail.

use std::hint::black_box;
use std::time::{Duration, Instant};

use kassoren_engine::sample::large_report;
use kassoren_engine::{compute, example, json, render};

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
    #[allow(clippy::disallowed_methods)] // native only: the wasm never has this code
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
        // Reading the file: what the browser does with every kept report when the page opens.
        let text = json::to_json(r);
        report_line(
            name,
            "read file",
            compute_budget * 2.0,
            measure(|| {
                black_box(json::from_json(black_box(&text)).unwrap());
            }),
        );
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

//! Benchmark: merging a board member's copy of the example report, the old way (a three-way
//! merge with the base kept in the browser) and by history (record both copies, find the base
//! in the histories, review, apply, combine the histories), in one run.
//!
//! Run with `cargo bench -p kassoren-merge`. Prints the median and p95 of about a second of
//! runs each; it measures, it does not fail.

use std::hint::black_box;
use std::time::{Duration, Instant};

use kassoren_engine::example::example_report;
use kassoren_engine::model::Report;
use kassoren_engine::review::{self, lineage};
use rust_decimal::Decimal;

fn measure(mut f: impl FnMut()) -> (Duration, Duration, usize) {
    for _ in 0..3 {
        f();
    }
    let mut times = Vec::new();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(1) || times.len() < 20 {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    #[allow(clippy::disallowed_methods)] // native only
    times.sort();
    let p95 = times[(times.len() * 95).div_ceil(100) - 1];
    (times[times.len() / 2], p95, times.len())
}

fn line(what: &str, (median, p95, runs): (Duration, Duration, usize)) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{what:<58} median {:>8.3} ms   p95 {:>8.3} ms   ({runs} runs)",
        ms(median),
        ms(p95)
    );
}

fn save(r: &mut Report, who: &str) {
    lineage::next_revision(r, who);
    kassoren_merge::record(r, who, 1).unwrap();
}

fn main() {
    // The treasurer's file; Anna changes an amount and a sentence; the treasurer two amounts.
    let mut sent = example_report();
    lineage::start(&mut sent, 1);
    save(&mut sent, "Kassören");
    let mut anna = sent.clone();
    anna.set_amount("ovriga_verksamhetsintakter", 0, Some(Decimal::from(95_000)));
    kassoren_engine::edit::section_mut(&mut anna, "medlemmar")
        .unwrap()
        .body
        .push_str("\n\nAnnas tillägg.");
    save(&mut anna, "Anna");
    let mut mine = sent.clone();
    mine.set_amount("medlemsavgifter", 0, Some(Decimal::from(150_000)));
    mine.set_amount("verksamhetskostnader", 0, Some(Decimal::from(-610_000)));
    save(&mut mine, "Kassören");
    println!(
        "history in the file: {} bytes of base64 (the example report's JSON is {} bytes)",
        anna.history.as_deref().map_or(0, str::len),
        kassoren_engine::json::to_json(&example_report()).len()
    );

    line(
        "old: three-way merge + apply, base kept in the browser",
        measure(|| {
            let m = review::merge(&sent, &mine, &anna).unwrap();
            let ids: Vec<_> = m.changes.iter().map(|c| c.id.clone()).collect();
            black_box(review::apply(&sent, &mine, &anna, &ids).unwrap());
        }),
    );
    line(
        "new: record (Spara som fil)",
        measure(|| {
            let mut copy = mine.clone();
            copy.set_amount("ovriga_intakter", 0, Some(Decimal::from(7)));
            black_box(kassoren_merge::record(&mut copy, "Kassören", 2).unwrap());
        }),
    );
    line(
        "new: compare by history (base found in the files)",
        measure(|| {
            black_box(kassoren_merge::compare(&mine, &anna).unwrap());
        }),
    );
    line(
        "new: record both, compare, review, apply, combine (all)",
        measure(|| {
            let (mut m, mut t) = (mine.clone(), anna.clone());
            kassoren_merge::record(&mut m, "Kassören", 2).unwrap();
            kassoren_merge::record(&mut t, "Anna", 2).unwrap();
            let cmp = kassoren_merge::compare(&m, &t).unwrap();
            let review = cmp.review(&m, &t).unwrap();
            let ids: Vec<_> = review.changes.iter().map(|c| c.id.clone()).collect();
            let result = cmp.apply(&m, &t, &ids).unwrap();
            black_box(kassoren_merge::combine(&m, &t, &result, "Kassören", 3).unwrap());
        }),
    );
}

//! Benchmark: reading a large SIE 4 file. Generates, in memory, a file of about 50 MB with
//! 500 000 `#TRANS` rows (100 000 vouchers of five rows, object lists, texts with åäö in
//! CP437, CRLF line ends) and prints the parser's throughput in MB/s (median and best of a few
//! runs), then the time to import the parsed file into a report.
//!
//! Run with `cargo bench -p kassoren-engine --bench sie`. The target is at least 100 MB/s
//! natively; it measures, it does not fail.

use std::hint::black_box;
use std::time::{Duration, Instant};

use kassoren_engine::sample::{
    large_sie, SIE_ROWS_PER_VOUCHER as ROWS_PER_VOUCHER, SIE_VOUCHERS as VOUCHERS,
};
use kassoren_engine::sie::{self, ImportOptions};

fn main() {
    let t = Instant::now();
    let bytes = large_sie();
    let mb = bytes.len() as f64 / 1_000_000.0;
    println!(
        "generated {:.1} MB with {} #TRANS rows in {:.2} s",
        mb,
        VOUCHERS * ROWS_PER_VOUCHER,
        t.elapsed().as_secs_f64()
    );
    // Warm up, then a few runs.
    let file = sie::parse(&bytes).expect("the generated file parses");
    assert_eq!(file.transaction_rows, VOUCHERS * ROWS_PER_VOUCHER);
    assert_eq!(file.unbalanced_voucher_count, 0);
    let mut times: Vec<Duration> = (0..7)
        .map(|_| {
            let t = Instant::now();
            black_box(sie::parse(black_box(&bytes)).unwrap());
            t.elapsed()
        })
        .collect();
    #[allow(clippy::disallowed_methods)] // native only: the wasm never has this code
    times.sort();
    let rate = |d: Duration| mb / d.as_secs_f64();
    let median = times[times.len() / 2];
    println!(
        "sie::parse   median {:>7.1} ms = {:>6.0} MB/s   best {:>7.1} ms = {:>6.0} MB/s   ({} rows, {} vouchers)   target 100 MB/s: {}",
        median.as_secs_f64() * 1000.0,
        rate(median),
        times[0].as_secs_f64() * 1000.0,
        rate(times[0]),
        file.transaction_rows,
        file.vouchers,
        if rate(median) >= 100.0 { "within" } else { "UNDER" }
    );
    let t = Instant::now();
    let imp = sie::import(&file, None, &ImportOptions::default());
    println!(
        "sie::import  {:>7.3} ms ({} accounts mapped)",
        t.elapsed().as_secs_f64() * 1000.0,
        imp.mapping.len()
    );
}

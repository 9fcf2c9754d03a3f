//! Benchmark: reading a large SIE 4 file. Generates, in memory, a file of about 50 MB with
//! 500 000 `#TRANS` rows (100 000 vouchers of five rows, object lists, texts with åäö in
//! CP437, CRLF line ends) and prints the parser's throughput in MB/s (median and best of a few
//! runs), then the time to import the parsed file into a report.
//!
//! Run with `cargo bench -p kassoren-engine --bench sie`. The target is at least 100 MB/s
//! natively; it measures, it does not fail.

use std::hint::black_box;
use std::time::{Duration, Instant};

use kassoren_engine::sie::{self, ImportOptions};
use rust_decimal::Decimal;

const VOUCHERS: usize = 100_000;
const ROWS_PER_VOUCHER: usize = 5;

/// The file, as CP437 bytes.
fn generate() -> Vec<u8> {
    let accounts = [
        1510, 1930, 2440, 2611, 2641, 3010, 3041, 4010, 5010, 5410, 6110, 6211, 7010, 7510,
    ];
    let mut s = String::with_capacity(52 * 1024 * 1024);
    s.push_str("#FLAGGA 0\r\n#PROGRAM \"Kassören bench\" 1.0\r\n#FORMAT PC8\r\n#GEN 20260115\r\n");
    s.push_str("#SIETYP 4\r\n#FNAMN \"Föreningen Åkerbäret\"\r\n#ORGNR 802000-0009\r\n");
    s.push_str("#RAR 0 20250101 20251231\r\n#RAR -1 20240101 20241231\r\n#KPTYP BAS2014\r\n");
    for a in accounts {
        s.push_str(&format!("#KONTO {a} \"Konto {a} för övrigt\"\r\n"));
    }
    s.push_str("#IB 0 1930 100000.00\r\n#IB 0 2081 -100000.00\r\n");
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for v in 0..VOUCHERS {
        let month = v * 12 / VOUCHERS + 1;
        let day = v % 28 + 1;
        s.push_str(&format!(
            "#VER \"A\" \"{}\" 2025{month:02}{day:02} \"Leverantörsfaktura nr {} – kontorsmaterial\" 2025{month:02}{day:02}\r\n{{\r\n",
            v + 1,
            v * 7 + 1000
        ));
        let mut total: i64 = 0;
        for r in 0..ROWS_PER_VOUCHER {
            let account = accounts[(next() % accounts.len() as u64) as usize];
            let amount: i64 = if r + 1 == ROWS_PER_VOUCHER {
                -total
            } else {
                (next() % 2_000_000) as i64 - 1_000_000
            };
            total += amount;
            s.push_str(&format!(
                "   #TRANS {account} {{1 \"{}\" 6 \"P{}\"}} {} 2025{month:02}{day:02} \"Rad {r} för åtgärd, kvitto\" 1.00\r\n",
                r + 10,
                v % 97,
                Decimal::new(amount, 2),
            ));
        }
        s.push_str("}\r\n");
    }
    s.chars()
        .map(|c| match c {
            'å' => 0x86,
            'ä' => 0x84,
            'ö' => 0x94,
            'Å' => 0x8F,
            'Ä' => 0x8E,
            'Ö' => 0x99,
            '–' => b'-',
            c => c as u8,
        })
        .collect()
}

fn main() {
    let t = Instant::now();
    let bytes = generate();
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

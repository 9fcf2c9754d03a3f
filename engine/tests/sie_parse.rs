//! Reading SIE files: syntax (line ends, separators, quotes, object lists, voucher blocks,
//! #RTRANS/#BTRANS), encodings, and the errors that name the line.

mod common;

use kassoren_engine::date::Date;
use kassoren_engine::sie::{self, Encoding, SieError};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn err(text: &[u8]) -> SieError {
    sie::parse(text).expect_err("the file should be refused")
}

const HEADER: &str = "#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n#RAR -1 20240101 20241231\n";

fn with_header(body: &str) -> String {
    format!("{HEADER}{body}")
}

#[test]
fn what_is_not_sie_is_refused_with_a_reason() {
    let e = err(b"");
    assert_eq!(e.to_string(), "Rad 1: filen är tom.");
    assert_eq!(err(b" \r\n\t\n").line, 1);
    let e = err(b"Hej och v\xe4lkommen\n#FLAGGA 0\n");
    assert_eq!(e.line, 1);
    assert!(e.message.contains("ingen SIE-fil"), "{e}");
    let e = err(b"\n\n<?xml version=\"1.0\"?><Sie/>");
    assert_eq!(e.line, 3);
    assert!(e.message.contains("SIE 5"), "{e}");
    let e = err(b"{\"format\": \"kassoren-arsredovisning\"}");
    assert!(e.message.contains("JSON"), "{e}");
    let e = err(b"#FLAGGA\x00\x01\x02");
    assert!(e.message.contains("binära"), "{e}");
    let e = err(b"#HEJ 1\n#SVEJS 2\n");
    assert!(e.message.contains("ingen SIE-fil"), "{e}");
    // A Kassören report or a zip file is not SIE either.
    let example = kassoren_engine::example::EXAMPLE_JSON.as_bytes();
    assert!(err(example).message.contains("JSON"));
    assert!(err(b"PK\x03\x04\x14\x00").message.contains("ingen SIE-fil"));
}

#[test]
fn a_file_truncated_inside_a_voucher_is_refused() {
    let text =
        with_header("#VER A 1 20250110 \"Hyra\"\n{\n#TRANS 5010 {} 1000\n#TRANS 1930 {} -1000\n");
    let e = err(text.as_bytes());
    assert_eq!(e.line, 8);
    assert!(
        e.message
            .contains("filen tar slut mitt i verifikationen som börjar på rad 5"),
        "{e}"
    );
    assert!(e.message.contains("avkapad"), "{e}");
    // A real file cut inside a voucher.
    let bytes = std::fs::read(common::sie_sample("jsisie__BL0001_typ4.SE")).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let cut = text.find("#TRANS 1930  {} 500").unwrap();
    let e = err(&bytes[..cut]);
    assert!(
        e.message.contains("filen tar slut mitt i verifikationen"),
        "{e}"
    );
    // Cut right after a #VER.
    let e = err(with_header("#VER A 1 20250110 \"Hyra\"\n").as_bytes());
    assert!(e.message.contains("filen tar slut"), "{e}");
    // A #VER inside a voucher: the } is missing.
    let e = err(
        with_header("#VER A 1 20250110\n{\n#TRANS 1930 {} 1\n#VER A 2 20250111\n{\n}\n").as_bytes(),
    );
    assert_eq!(e.line, 8);
    assert!(
        e.message
            .contains("innan verifikationen på rad 5 är avslutad"),
        "{e}"
    );
}

#[test]
fn malformed_records_name_the_line_and_the_problem() {
    for (body, line, needle) in [
        (
            "#IB 0 1930 12x\n",
            5,
            "beloppet \"12x\" i #IB är inget belopp",
        ),
        ("#UB 0 19A0 12\n", 5, "kontonumret \"19A0\" i #UB"),
        ("#RES nu 3010 12\n", 5, "årsnumret \"nu\" i #RES"),
        ("#RES 0 3010\n", 5, "#RES saknar belopp"),
        ("#IB\n", 5, "#IB saknar årsnummer"),
        (
            "#RAR 0 20250101 2025-13-01\n",
            5,
            "slutdatumet \"2025-13-01\" i #RAR",
        ),
        (
            "#RAR 0 20251231 20250101\n",
            5,
            "slutar (2025-01-01) före det börjar",
        ),
        ("#RAR\n", 5, "#RAR ska ha årsnummer"),
        ("\n#IB 0 1930 10000000000000000\n", 6, "för stort"),
        (
            "#VER A 1 2025011\n{\n}\n",
            5,
            "verifikationsdatumet \"2025011\"",
        ),
        (
            "#VER A 1 20250101\n{\n#TRANS 1930 {} abc\n}\n",
            7,
            "beloppet \"abc\" i #TRANS",
        ),
        (
            "#VER A 1 20250101\n{\n#TRANS {} 12\n}\n",
            7,
            "kontonumret \"\" i #TRANS",
        ),
        (
            "#VER A 1 20250101\n{\n#RTRANS 1930\n}\n",
            7,
            "#RTRANS saknar belopp",
        ),
        ("#TRANS 1930 {} 12\n", 5, "#TRANS utanför en verifikation"),
        ("}\n", 5, "en } utan en { före"),
        ("{\n", 5, "en { utan en #VER före"),
        (
            "#VER A 1 20250101\n{\n{\n",
            7,
            "en { till inne i en verifikation",
        ),
    ] {
        let e = err(with_header(body).as_bytes());
        assert_eq!(e.line, line, "{body:?}: {e}");
        assert!(e.message.contains(needle), "{body:?}: {e}");
        assert!(e.to_string().starts_with(&format!("Rad {line}: ")), "{e}");
    }
}

#[test]
fn malformed_records_the_report_does_not_use_are_noted_not_refused() {
    let f = sie::parse(with_header("#KONTO\n#SRU x 1\n#UB 0 1930 1\n").as_bytes()).unwrap();
    assert_eq!(f.notice_count, 2);
    assert_eq!(f.notices[0].line, 5);
    assert_eq!(
        f.notices[0].message,
        "Rad 5: #KONTO hoppades över (#KONTO saknar kontonummer); årsredovisningen behöver inte posten och resten av filen är inläst."
    );
    assert_eq!(f.notices[1].line, 6);
    assert_eq!(f.closing[&(0, 1930)], d("1"));
}

/// One small file, written with every line end, separator and quoting the format allows.
fn sample(eol: &str, sep: &str) -> String {
    let lines = [
        "#FLAGGA 0",
        "#PROGRAM \"Kassören test\" 1.0",
        "#FORMAT PC8",
        "#SIETYP 4",
        "#FNAMN \"Föreningen \\\"Skogsbrynet\\\"\"",
        "#ORGNR 802000-0009 1 extra fält",
        "#FTYP I",
        "#KPTYP BAS2014",
        "#RAR 0 20250101 20251231",
        "#RAR -1 20240101 20241231",
        "#OKANDPOST med \"vad som helst\" {1 2}",
        "#KONTO 1930 \"Företagskonto\"",
        "#KONTO 2069 \"Årets resultat\"",
        "#KONTO 3890 Medlemsavgifter",
        "#KTYP 1930 T",
        "#SRU 1930 7281",
        "#IB 0 1930 1000.00 0",
        "#IB 0 2069 -1000",
        "#UB -1 1930 1000",
        "#UB -1 2069 -1000",
        "#RES -1 3890 -1000",
        "#VER \"A\" \"1\" 20250115 \"Avgift {med} klammer\" 20250116",
        "{",
        "   #TRANS 1930 {} 250.50 20250115 \"Swish\" 1",
        "\t#TRANS 3890 {1 \"Norr}\" 6 \"47\"} -250.50",
        "}",
    ];
    let mut out = String::new();
    for l in lines {
        out.push_str(&l.replace(' ', sep));
        out.push_str(eol);
    }
    out
}

#[test]
fn line_ends_separators_quotes_and_object_lists() {
    let reference = sie::parse(sample("\n", " ").as_bytes()).unwrap();
    assert_eq!(
        reference.company_name.as_deref(),
        Some("Föreningen \"Skogsbrynet\"")
    );
    assert_eq!(reference.org_nr.as_deref(), Some("802000-0009"));
    assert_eq!(reference.company_type.as_deref(), Some("I"));
    assert_eq!(reference.program.as_deref(), Some("Kassören test 1.0"));
    assert_eq!(reference.sie_type, Some(4));
    assert_eq!(reference.account_name(1930), "Företagskonto");
    assert_eq!(reference.account_name(3890), "Medlemsavgifter");
    assert_eq!(reference.years[&0].start, Date::new(2025, 1, 1).unwrap());
    assert_eq!(reference.years[&-1].end, Date::new(2024, 12, 31).unwrap());
    assert_eq!(reference.opening[&(0, 1930)], d("1000"));
    assert_eq!(reference.closing[&(-1, 2069)], d("-1000"));
    assert_eq!(reference.result[&(-1, 3890)], d("-1000"));
    assert_eq!(reference.transactions[&(0, 1930)], d("250.50"));
    assert_eq!(reference.transactions[&(0, 3890)], d("-250.50"));
    assert_eq!(reference.vouchers, 1);
    assert_eq!(reference.transaction_rows, 2);
    assert_eq!(reference.unbalanced_voucher_count, 0);
    for eol in ["\r\n", "\r", "\n"] {
        for sep in [" ", "\t", "  \t "] {
            let text = sample(eol, sep);
            // Quoted text keeps its spaces, so compare what does not depend on them.
            let f = sie::parse(text.as_bytes()).unwrap_or_else(|e| panic!("{eol:?} {sep:?}: {e}"));
            assert_eq!(f.lines, 26, "{eol:?}");
            assert_eq!(f.opening, reference.opening);
            assert_eq!(f.closing, reference.closing);
            assert_eq!(f.result, reference.result);
            assert_eq!(f.transactions, reference.transactions, "{eol:?} {sep:?}");
            assert_eq!(f.years, reference.years);
            if sep == " " {
                assert_eq!(f.company_name, reference.company_name);
            }
        }
    }
    // Line numbers count every line end style the same way.
    let broken = sample("\r\n", " ").replace("#UB -1 1930 1000", "#UB -1 1930 tusen");
    assert_eq!(err(broken.as_bytes()).line, 19);
    let broken = sample("\r", " ").replace("#UB -1 1930 1000", "#UB -1 1930 tusen");
    assert_eq!(err(broken.as_bytes()).line, 19);
}

#[test]
fn added_and_removed_rows() {
    // #RTRANS is followed by the #TRANS that repeats it: the pair counts once. #BTRANS is a
    // removed row and does not count. An #RTRANS without its #TRANS still counts.
    let text = with_header(
        "#VER A 1 20250301 \"Rättad\"\n{\n\
         #TRANS 1930 {} -1000\n\
         #BTRANS 4010 {} 1000 20250302 \"\" \"\" \"Anna\"\n\
         #RTRANS 5010 {} 1000 20250302 \"\" \"\" \"Anna\"\n\
         #TRANS 5010 {} 1000 20250301\n\
         }\n\
         #VER A 2 20250301\n{\n\
         #TRANS 1930 {} -200\n\
         #RTRANS 6110 {} 200\n\
         }\n",
    );
    let f = sie::parse(text.as_bytes()).unwrap();
    assert_eq!(f.transactions[&(0, 1930)], d("-1200"));
    assert_eq!(f.transactions[&(0, 5010)], d("1000"));
    assert_eq!(f.transactions[&(0, 6110)], d("200"));
    assert!(!f.transactions.contains_key(&(0, 4010)));
    assert_eq!(f.transaction_rows, 4);
    assert_eq!(f.unbalanced_voucher_count, 0);
}

#[test]
fn vouchers_belong_to_the_year_of_their_date() {
    let body = "#VER A 1 20240615\n{\n#TRANS 1930 {} 5\n#TRANS 3010 {} -5\n}\n\
                #VER A 2 20250615\n{\n#TRANS 1930 {} 7\n#TRANS 3010 {} -7\n}\n\
                #VER A 3 20300101\n{\n#TRANS 1930 {} 1\n#TRANS 3010 {} -2\n}\n";
    let f = sie::parse(with_header(body).as_bytes()).unwrap();
    assert_eq!(f.transactions[&(-1, 1930)], d("5"));
    assert_eq!(f.transactions[&(0, 1930)], d("8"));
    assert_eq!(f.vouchers_outside_years, 1);
    assert_eq!(f.unbalanced_voucher_count, 1);
    let v = &f.unbalanced_vouchers[0];
    assert_eq!(
        (v.series.as_str(), v.number.as_str(), v.line),
        ("A", "3", 15)
    );
    assert_eq!(v.difference, d("-1"));
    // The same with #RAR after the vouchers.
    let late = format!("#FLAGGA 0\n{body}#RAR 0 20250101 20251231\n#RAR -1 20240101 20241231\n");
    let g = sie::parse(late.as_bytes()).unwrap();
    assert_eq!(g.transactions, f.transactions);
}

#[test]
fn a_voucher_without_its_brace_line_is_read() {
    let body = "#VER \"\" 19 20250806 \"\"\n\n#TRANS 8910 {} 3000\n#TRANS 1630 {} -3000\n}\n\
                #VER \"\" 20 20250830 \"\"\n#VER \"\" 21 20250830 \"\"\n{\n}\n";
    let f = sie::parse(with_header(body).as_bytes()).unwrap();
    assert_eq!(f.transactions[&(0, 8910)], d("3000"));
    assert_eq!(f.vouchers, 3);
    assert_eq!(f.vouchers_without_brace, 2);
}

#[test]
fn encodings_are_decided_from_the_bytes() {
    let text =
        "#FLAGGA 0\n#FORMAT PC8\n#FNAMN \"Föreningen Åkerbär\"\n#KONTO 1930 \"Företagskonto\"\n";
    // CP437, as the specification says.
    let cp437: Vec<u8> = text
        .chars()
        .map(|c| match c {
            'ö' => 0x94,
            'Å' => 0x8F,
            'ä' => 0x84,
            c => c as u8,
        })
        .collect();
    let f = sie::parse(&cp437).unwrap();
    assert_eq!(f.encoding, Encoding::Cp437);
    assert_eq!(f.company_name.as_deref(), Some("Föreningen Åkerbär"));
    // Latin-1 while claiming PC8.
    let latin1: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
    let f = sie::parse(&latin1).unwrap();
    assert_eq!(f.encoding, Encoding::Latin1);
    assert_eq!(f.company_name.as_deref(), Some("Föreningen Åkerbär"));
    assert_eq!(f.account_name(1930), "Företagskonto");
    // UTF-8, with and without a byte-order mark.
    let f = sie::parse(text.as_bytes()).unwrap();
    assert_eq!(f.encoding, Encoding::Utf8);
    assert_eq!(f.company_name.as_deref(), Some("Föreningen Åkerbär"));
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    let f = sie::parse(&bom).unwrap();
    assert_eq!(f.encoding, Encoding::Utf8);
    assert_eq!(f.company_name.as_deref(), Some("Föreningen Åkerbär"));
    let f = sie::parse(b"#FLAGGA 0\n#FNAMN Test\n").unwrap();
    assert_eq!(f.encoding, Encoding::Ascii);
}

#[test]
fn unknown_records_extra_fields_and_lowercase_labels_are_accepted() {
    let body = "#NYPOST 1 2 3\n#UB 0 1930 100 5 extra\n#ub 0 2099 -100\n#KSUMMA 12345\n\
                #VER A 1 20250101 \"x\" 20250101 \"sign\" extra\n{\n#trans 1930 {} 1 20250101 \"t\" 2 \"s\" x\n#TRANS 3010 {} -1\n#OKAND\n}\n\
                Lite text som inte är en post\n";
    let f = sie::parse(with_header(body).as_bytes()).unwrap();
    assert_eq!(f.closing[&(0, 1930)], d("100"));
    assert_eq!(f.closing[&(0, 2099)], d("-100"));
    assert_eq!(f.transactions[&(0, 1930)], d("1"));
}

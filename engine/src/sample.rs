//! A generated large report, for benchmarks natively and in the browser: 300 statement lines,
//! five years, 20 notes with four-year tables and 40 narrative sections of about a page each.
//! `kassoren sample --large -o large.json` writes it.

use rust_decimal::Decimal;

use crate::model::*;
use crate::money::Money;
use crate::template;

/// A large report: the K2 aktiebolag template with each input line broken into extra lines
/// until there are 300 statement lines, five years of figures, 20 notes with four-year tables
/// and 40 narrative sections of about a page each.
pub fn large_report() -> Report {
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
                sign: NoteSign::AsStatement,
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

/// Vouchers in [`large_sie`].
pub const SIE_VOUCHERS: usize = 100_000;
/// `#TRANS` rows per voucher in [`large_sie`].
pub const SIE_ROWS_PER_VOUCHER: usize = 5;

/// A large SIE 4 file, as CP437 bytes: about 50 MB with 500 000 `#TRANS` rows (100 000
/// balanced vouchers of five rows, texts with åäö, CRLF line ends). `kassoren sample --sie`
/// writes it.
pub fn large_sie() -> Vec<u8> {
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
    for v in 0..SIE_VOUCHERS {
        let month = v * 12 / SIE_VOUCHERS + 1;
        let day = v % 28 + 1;
        s.push_str(&format!(
            "#VER \"A\" \"{}\" 2025{month:02}{day:02} \"Leverantörsfaktura nr {} – kontorsmaterial\" 2025{month:02}{day:02}\r\n{{\r\n",
            v + 1,
            v * 7 + 1000
        ));
        let mut total: i64 = 0;
        for r in 0..SIE_ROWS_PER_VOUCHER {
            let account = accounts[(next() % accounts.len() as u64) as usize];
            let amount: i64 = if r + 1 == SIE_ROWS_PER_VOUCHER {
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
    cp437(&s)
}

/// Text as the CP437 ("PC8") bytes a SIE file uses: ASCII, åäöÅÄÖ, and `–` as `-` (for the
/// generated test files; other characters are not expected).
pub fn cp437(s: &str) -> Vec<u8> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_large_report_has_the_promised_size_and_is_a_valid_file() {
        let r = large_report();
        assert_eq!(r.all_lines().count(), 300);
        assert_eq!(r.years.len(), 5);
        assert!(r.notes.len() >= 20);
        assert!(r.narrative.len() >= 40);
        let text = crate::json::to_json(&r);
        assert_eq!(crate::json::from_json(&text).unwrap(), r);
    }
}

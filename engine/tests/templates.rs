//! The statement templates (`engine/templates/*.json`) as data: every one parses and builds a
//! valid report; ids, roles, formulas, notes and BAS account ranges are consistent; every
//! account maps to exactly one line, as the K2 reference has it; the sign convention holds.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use kassoren_engine::model::*;
use kassoren_engine::template::*;

fn report(form: LegalForm) -> Report {
    new_report(
        form,
        "Exempelföreningen",
        "802000-0000",
        calendar_year(2025),
    )
}

fn inputs(lines: &[Line]) -> Vec<&Line> {
    let mut out = Vec::new();
    for l in lines {
        l.walk(&mut |x| {
            if matches!(x.kind, LineKind::Input { .. }) {
                out.push(x)
            }
        });
    }
    out
}

/// The line an account maps to, panicking with the form and account when there is none.
fn mapped(st: &Statement, form: LegalForm, account: u32) -> &Line {
    account_line(&st.lines, account)
        .unwrap_or_else(|| panic!("{form:?}: konto {account} hamnar inte på en rad"))
}

fn has_net_sales(form: LegalForm) -> bool {
    !matches!(
        form,
        LegalForm::IdeellForening | LegalForm::Samfallighetsforening
    )
}

fn has_result_before_tax(form: LegalForm) -> bool {
    has_net_sales(form)
}

fn has_untaxed_reserves(form: LegalForm) -> bool {
    !matches!(
        form,
        LegalForm::Bostadsrattsforening | LegalForm::Samfallighetsforening
    )
}

fn has_free_equity(form: LegalForm) -> bool {
    !matches!(
        form,
        LegalForm::IdeellForening | LegalForm::Samfallighetsforening
    )
}

#[test]
fn every_template_parses_and_builds_a_valid_report() {
    for form in LegalForm::ALL {
        let t = template(form);
        assert!(!t.name.is_empty(), "{form:?}");
        assert!(!t.signatory_roles.is_empty(), "{form:?}");
        assert!(!t.proposal.is_empty(), "{form:?}");
        assert!(t.proposal.iter().any(|p| p.id == "balanseras"), "{form:?}");
        let r = report(form);
        assert_eq!(r.years.len(), 2);
        assert_eq!(r.organisation.legal_form, form);
        assert!(!r.income_statement.lines.is_empty() && !r.balance_sheet.lines.is_empty());
        for l in r.all_lines() {
            if let LineKind::Input { amounts, details } = &l.kind {
                assert_eq!(amounts.len(), 2, "{form:?} {}", l.id);
                assert!(details.is_empty());
            }
        }
        if let Err(e) = kassoren_engine::json::validate(&r) {
            panic!("{form:?}: the new report does not validate: {e:?}");
        }
    }
}

#[test]
fn ids_are_snake_case_and_unique_in_the_whole_report() {
    for form in LegalForm::ALL {
        let r = report(form);
        let mut seen = HashSet::new();
        for id in r.all_ids() {
            assert!(seen.insert(id), "{form:?}: id {id} is used twice");
            let ok = id.starts_with(|c: char| c.is_ascii_lowercase())
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            assert!(ok, "{form:?}: id {id} is not snake_case ASCII");
        }
    }
}

#[test]
fn formulas_and_notes_refer_to_what_exists() {
    for form in LegalForm::ALL {
        let r = report(form);
        for st in [&r.income_statement, &r.balance_sheet] {
            for l in st.all_lines() {
                match &l.kind {
                    LineKind::Formula { terms } => {
                        assert!(!terms.is_empty(), "{form:?} {}", l.id);
                        for t in terms {
                            assert!(
                                st.find(&t.line).is_some(),
                                "{form:?}: {} refers to unknown {}",
                                l.id,
                                t.line
                            );
                            assert_ne!(t.line, l.id, "{form:?}: {} refers to itself", l.id);
                        }
                    }
                    LineKind::Group { children, .. } => {
                        assert!(!children.is_empty(), "{form:?} {}", l.id)
                    }
                    LineKind::Input { .. } => {}
                }
                if let Some(n) = &l.note {
                    assert!(
                        r.note(n).is_some(),
                        "{form:?}: {} refers to unknown note {n}",
                        l.id
                    );
                }
            }
        }
        let p = r
            .note("redovisningsprinciper")
            .unwrap_or_else(|| panic!("{form:?}: no redovisningsprinciper"));
        assert_eq!(p.title, "Redovisnings- och värderingsprinciper");
        assert!(
            p.text.len() > 200,
            "{form:?}: the principles note needs a real text"
        );
        let parts: Vec<Part> = r.narrative.iter().map(|s| s.part).collect();
        assert!(parts.contains(&Part::ManagementReport), "{form:?}");
        assert!(
            r.narrative
                .iter()
                .all(|s| s.level == 1 && s.body.is_empty()),
            "{form:?}"
        );
    }
}

#[test]
fn required_roles_exist_once_in_the_right_statement() {
    use Role::*;
    for form in LegalForm::ALL {
        let r = report(form);
        let mut income = vec![
            TotalIncome,
            TotalCosts,
            OperatingResult,
            ResultAfterFinancialItems,
            YearResult,
            Depreciation,
        ];
        let mut balance = vec![
            TotalAssets,
            Equity,
            RetainedEarnings,
            YearResultBalance,
            TotalEquityAndLiabilities,
        ];
        if has_net_sales(form) {
            income.push(NetSales);
        }
        if has_result_before_tax(form) {
            income.push(ResultBeforeTax);
        }
        if has_untaxed_reserves(form) {
            balance.push(UntaxedReserves);
        }
        if has_free_equity(form) {
            balance.push(FreeEquity);
        }
        let mut count: HashMap<Role, usize> = HashMap::new();
        for l in r.all_lines() {
            if let Some(role) = l.role {
                *count.entry(role).or_default() += 1;
            }
        }
        assert!(
            count.values().all(|&n| n == 1),
            "{form:?}: a role is used twice: {count:?}"
        );
        for role in &income {
            assert!(
                r.income_statement.find_role(*role).is_some(),
                "{form:?}: no {role:?} in the resultaträkning"
            );
        }
        for role in &balance {
            assert!(
                r.balance_sheet.find_role(*role).is_some(),
                "{form:?}: no {role:?} in the balansräkning"
            );
        }
        assert_eq!(
            count.len(),
            income.len() + balance.len(),
            "{form:?}: unexpected roles {count:?}"
        );

        let kind = |role: Role| &r.line_by_role(role).expect("checked above").kind;
        assert!(
            matches!(kind(YearResult), LineKind::Formula { .. }),
            "{form:?}"
        );
        assert!(
            matches!(kind(OperatingResult), LineKind::Formula { .. }),
            "{form:?}"
        );
        assert!(
            matches!(kind(ResultAfterFinancialItems), LineKind::Formula { .. }),
            "{form:?}"
        );
        assert!(
            matches!(kind(RetainedEarnings), LineKind::Input { .. }),
            "{form:?}"
        );
        assert!(
            matches!(kind(YearResultBalance), LineKind::Input { .. }),
            "{form:?}"
        );
        assert!(
            matches!(kind(Depreciation), LineKind::Input { .. }),
            "{form:?}"
        );
        for role in [
            TotalIncome,
            TotalCosts,
            TotalAssets,
            Equity,
            TotalEquityAndLiabilities,
        ] {
            assert!(
                matches!(kind(role), LineKind::Group { .. }),
                "{form:?} {role:?}"
            );
        }
        let sum = |role: Role| match kind(role) {
            LineKind::Group { sum_label, .. } => sum_label.clone(),
            _ => None,
        };
        assert_eq!(
            sum(TotalAssets).as_deref(),
            Some("Summa tillgångar"),
            "{form:?}"
        );
        assert_eq!(
            sum(Equity).as_deref(),
            Some("Summa eget kapital"),
            "{form:?}"
        );
        assert_eq!(
            sum(TotalEquityAndLiabilities).as_deref(),
            Some("Summa eget kapital och skulder"),
            "{form:?}"
        );

        // The equity group holds both result lines (the equity-changes table needs them),
        // and the free-equity group, where there is one, lies inside it.
        let equity = r.balance_sheet.find_role(Equity).expect("checked above");
        let mut inside = Vec::new();
        equity.walk(&mut |l| inside.extend(l.role));
        assert!(
            inside.contains(&RetainedEarnings) && inside.contains(&YearResultBalance),
            "{form:?}"
        );
        assert_eq!(
            inside.contains(&FreeEquity),
            has_free_equity(form),
            "{form:?}"
        );
        // The two statements' "årets resultat" lines are different lines.
        assert_ne!(
            r.line_by_role(YearResult).unwrap().id,
            r.line_by_role(YearResultBalance).unwrap().id
        );
    }
}

#[test]
fn account_ranges_are_well_formed() {
    for form in LegalForm::ALL {
        let r = report(form);
        for l in r.all_lines() {
            if matches!(l.kind, LineKind::Input { .. }) {
                assert!(
                    !l.accounts.is_empty(),
                    "{form:?}: input line {} has no accounts",
                    l.id
                );
            } else {
                assert!(
                    l.accounts.is_empty(),
                    "{form:?}: only input lines have accounts ({})",
                    l.id
                );
            }
            for a in &l.accounts {
                let (lo, hi) = parse_range(a)
                    .unwrap_or_else(|| panic!("{form:?}: {} has bad range {a:?}", l.id));
                assert!(
                    lo <= hi && (1000..=9999).contains(&lo) && hi <= 9999,
                    "{form:?}: {} {a}",
                    l.id
                );
                assert_eq!(a.trim(), a, "{form:?}: {} {a:?}", l.id);
            }
        }
    }
}

#[test]
fn every_account_maps_to_exactly_one_line() {
    for form in LegalForm::ALL {
        let r = report(form);
        let (is, bs) = (&r.income_statement.lines, &r.balance_sheet.lines);
        for account in 1000..=2999 {
            let c = account_candidates(bs, account);
            assert_eq!(
                c.len(),
                1,
                "{form:?}: konto {account} → {:?}",
                c.iter().map(|l| &l.id).collect::<Vec<_>>()
            );
            assert!(
                account_candidates(is, account).is_empty(),
                "{form:?}: konto {account} in the resultaträkning"
            );
        }
        for account in 3000..=8989 {
            let c = account_candidates(is, account);
            assert_eq!(
                c.len(),
                1,
                "{form:?}: konto {account} → {:?}",
                c.iter().map(|l| &l.id).collect::<Vec<_>>()
            );
            assert!(
                account_candidates(bs, account).is_empty(),
                "{form:?}: konto {account} in the balansräkning"
            );
        }
        for account in 8990..=8999 {
            assert!(
                account_candidates(is, account).is_empty(),
                "{form:?}: result account {account} is mapped"
            );
            assert!(
                account_candidates(bs, account).is_empty(),
                "{form:?}: result account {account} is mapped"
            );
        }
        // Every input line receives at least one account.
        let mut used = HashSet::new();
        for account in 1000..=8999 {
            for st in [is, bs] {
                if let Some(l) = account_line(st, account) {
                    used.insert(l.id.clone());
                }
            }
        }
        for l in inputs(is).into_iter().chain(inputs(bs)) {
            assert!(
                used.contains(&l.id),
                "{form:?}: no account lands on {}",
                l.id
            );
        }
    }
}

#[test]
fn k2_mapping_follows_the_reference() {
    let cases: &[(u32, &str)] = &[
        (3000, "nettoomsattning"),
        (3041, "nettoomsattning"),
        (3740, "nettoomsattning"),
        (3840, "aktiverat_arbete"),
        (3990, "ovriga_rorelseintakter"),
        (4010, "ravaror_och_fornodenheter"),
        (4915, "ravaror_och_fornodenheter"),
        (4931, "ravaror_och_fornodenheter"),
        (4932, "forandring_av_lager"),
        (4950, "forandring_av_lager"),
        (4900, "forandring_av_lager"),
        (4965, "handelsvaror"),
        (4985, "handelsvaror"),
        (4970, "forandring_av_lager"),
        (5010, "ovriga_externa_kostnader"),
        (6990, "ovriga_externa_kostnader"),
        (7010, "personalkostnader"),
        (7699, "personalkostnader"),
        (7832, "av_och_nedskrivningar"),
        (7735, "av_och_nedskrivningar"),
        (7745, "nedskrivningar_av_omsattningstillgangar"),
        (7790, "nedskrivningar_av_omsattningstillgangar"),
        (7960, "ovriga_rorelsekostnader"),
        (8012, "resultat_fran_andelar_i_koncernforetag"),
        (8072, "nedskrivningar_av_finansiella_tillgangar"),
        (8112, "resultat_fran_andelar_i_intresseforetag"),
        (8113, "resultat_fran_ovriga_agarintressen"),
        (8133, "resultat_fran_ovriga_agarintressen"),
        (8170, "nedskrivningar_av_finansiella_tillgangar"),
        (
            8220,
            "resultat_fran_ovriga_finansiella_anlaggningstillgangar",
        ),
        (8280, "nedskrivningar_av_finansiella_tillgangar"),
        (8310, "ovriga_ranteintakter"),
        (8380, "nedskrivningar_av_finansiella_tillgangar"),
        (8410, "rantekostnader"),
        (8811, "forandring_av_periodiseringsfonder"),
        (8820, "erhallna_koncernbidrag"),
        (8830, "lamnade_koncernbidrag"),
        (8850, "forandring_av_overavskrivningar"),
        (8845, "ovriga_bokslutsdispositioner"),
        (8890, "ovriga_bokslutsdispositioner"),
        (8910, "skatt_pa_arets_resultat"),
        (8980, "ovriga_skatter"),
        (1030, "koncessioner_patent_licenser"),
        (1065, "hyresratter"),
        (1070, "goodwill"),
        (1088, "forskott_immateriella_anlaggningstillgangar"),
        (1089, "koncessioner_patent_licenser"),
        (1110, "byggnader_och_mark"),
        (1130, "byggnader_och_mark"),
        (1120, "forbattringsutgifter_pa_annans_fastighet"),
        (1180, "pagaende_nyanlaggningar"),
        (1210, "maskiner_och_andra_tekniska_anlaggningar"),
        (1220, "inventarier_verktyg_och_installationer"),
        (1250, "inventarier_verktyg_och_installationer"),
        (1260, "ovriga_materiella_anlaggningstillgangar"),
        (1280, "pagaende_nyanlaggningar"),
        (1290, "ovriga_materiella_anlaggningstillgangar"),
        (1311, "andelar_i_koncernforetag"),
        (1321, "fordringar_hos_koncernforetag_lang"),
        (1331, "andelar_i_intresseforetag"),
        (1336, "agarintressen_i_ovriga_foretag"),
        (1341, "fordringar_hos_intresseforetag_lang"),
        (1346, "fordringar_hos_ovriga_agarintressen_lang"),
        (1350, "andra_langfristiga_vardepappersinnehav"),
        (1360, "lan_till_delagare_eller_narstaende"),
        (1380, "andra_langfristiga_fordringar"),
        (1410, "lager_ravaror_och_fornodenheter"),
        (1438, "lager_ravaror_och_fornodenheter"),
        (1440, "varor_under_tillverkning"),
        (1460, "fardiga_varor_och_handelsvaror"),
        (1470, "pagaende_arbete_for_annans_rakning_tillgang"),
        (1480, "forskott_till_leverantorer"),
        (1490, "ovriga_lagertillgangar"),
        (1510, "kundfordringar"),
        (1580, "kundfordringar"),
        (1560, "fordringar_hos_koncernforetag_kort"),
        (1661, "fordringar_hos_koncernforetag_kort"),
        (1571, "fordringar_hos_intresseforetag_kort"),
        (1573, "fordringar_hos_ovriga_agarintressen_kort"),
        (1673, "fordringar_hos_ovriga_agarintressen_kort"),
        (1630, "ovriga_fordringar"),
        (1610, "ovriga_fordringar"),
        (1620, "upparbetad_men_ej_fakturerad_intakt"),
        (1690, "tecknat_men_ej_inbetalt_kapital"),
        (1710, "forutbetalda_kostnader_och_upplupna_intakter"),
        (1810, "kortfristiga_placeringar"),
        (1930, "kassa_och_bank"),
        (2110, "periodiseringsfonder"),
        (2150, "ackumulerade_overavskrivningar"),
        (2190, "ovriga_obeskattade_reserver"),
        (2210, "avsattningar_for_pensioner_tryggandelagen"),
        (2230, "ovriga_avsattningar_for_pensioner"),
        (2220, "ovriga_avsattningar"),
        (2250, "ovriga_avsattningar"),
        (2320, "obligationslan"),
        (2330, "checkrakningskredit_lang"),
        (2350, "ovriga_skulder_till_kreditinstitut_lang"),
        (2360, "skulder_till_koncernforetag_lang"),
        (2372, "skulder_till_intresseforetag_lang"),
        (2373, "skulder_till_ovriga_agarintressen_lang"),
        (2393, "ovriga_skulder_lang"),
        (2417, "ovriga_skulder_till_kreditinstitut_kort"),
        (2420, "forskott_fran_kunder"),
        (2431, "pagaende_arbete_for_annans_rakning_skuld"),
        (2440, "leverantorsskulder"),
        (2450, "fakturerad_men_ej_upparbetad_intakt"),
        (2460, "skulder_till_koncernforetag_kort"),
        (2861, "skulder_till_koncernforetag_kort"),
        (2470, "skulder_till_intresseforetag_kort"),
        (2871, "skulder_till_intresseforetag_kort"),
        (2473, "skulder_till_ovriga_agarintressen_kort"),
        (2873, "skulder_till_ovriga_agarintressen_kort"),
        (2480, "checkrakningskredit_kort"),
        (2492, "vaxelskulder"),
        (2491, "ovriga_skulder_kort"),
        (2510, "skatteskulder"),
        (2611, "ovriga_skulder_kort"),
        (2710, "ovriga_skulder_kort"),
        (2820, "ovriga_skulder_kort"),
        (2890, "ovriga_skulder_kort"),
        (2990, "upplupna_kostnader_och_forutbetalda_intakter"),
        (2091, "balanserat_resultat"),
        (2098, "balanserat_resultat"),
        (2099, "arets_resultat_balans"),
        (2086, "reservfond"),
        (2085, "uppskrivningsfond"),
    ];
    for form in [LegalForm::Aktiebolag, LegalForm::EkonomiskForening] {
        let r = report(form);
        for &(account, id) in cases {
            let st = if account < 3000 {
                &r.balance_sheet
            } else {
                &r.income_statement
            };
            assert_eq!(
                mapped(st, form, account).id,
                id,
                "{form:?}: konto {account}"
            );
        }
        let year = r.balance_sheet.find_role(Role::YearResultBalance).unwrap();
        assert_eq!(mapped(&r.balance_sheet, form, 2099).id, year.id);
        let retained = r.balance_sheet.find_role(Role::RetainedEarnings).unwrap();
        assert_eq!(mapped(&r.balance_sheet, form, 2091).id, retained.id);
    }
    let ab = report(LegalForm::Aktiebolag);
    for (account, id) in [
        (2081, "aktiekapital"),
        (2082, "ej_registrerat_aktiekapital"),
        (2087, "bunden_overkursfond"),
        (2097, "fri_overkursfond"),
    ] {
        assert_eq!(
            mapped(&ab.balance_sheet, LegalForm::Aktiebolag, account).id,
            id,
            "konto {account}"
        );
    }
    let ek = report(LegalForm::EkonomiskForening);
    for (account, id) in [(2083, "medlemsinsatser"), (2084, "forlagsinsatser")] {
        assert_eq!(
            mapped(&ek.balance_sheet, LegalForm::EkonomiskForening, account).id,
            id,
            "konto {account}"
        );
    }
}

#[test]
fn association_equity_accounts_land_on_the_right_lines() {
    for form in LegalForm::ALL {
        let r = report(form);
        let bs = &r.balance_sheet;
        let year = bs.find_role(Role::YearResultBalance).unwrap();
        let retained = bs.find_role(Role::RetainedEarnings).unwrap();
        assert_eq!(mapped(bs, form, 2099).id, year.id, "{form:?}");
        for a in [2091, 2098] {
            assert_eq!(mapped(bs, form, a).id, retained.id, "{form:?}: konto {a}");
        }
        if form != LegalForm::Aktiebolag {
            assert_eq!(mapped(bs, form, 2069).id, year.id, "{form:?}");
            assert_eq!(mapped(bs, form, 2067).id, retained.id, "{form:?}");
        }
        // Every 20xx account stays inside eget kapital.
        let equity = bs.find_role(Role::Equity).unwrap();
        let mut ids = HashSet::new();
        equity.walk(&mut |l| {
            ids.insert(l.id.clone());
        });
        for a in 2000..=2099 {
            assert!(
                ids.contains(&mapped(bs, form, a).id),
                "{form:?}: konto {a} is not in eget kapital"
            );
        }
        for a in 2100..=2999 {
            assert!(
                !ids.contains(&mapped(bs, form, a).id),
                "{form:?}: konto {a} is in eget kapital"
            );
        }
        // The depreciation accounts land on the depreciation line.
        let dep = r.income_statement.find_role(Role::Depreciation).unwrap();
        for a in [7710, 7820, 7832, 7834] {
            assert_eq!(
                mapped(&r.income_statement, form, a).id,
                dep.id,
                "{form:?}: konto {a}"
            );
        }
    }
    let k1 = report(LegalForm::IdeellForening);
    let f = LegalForm::IdeellForening;
    for (account, id) in [
        (2061, "balanserat_resultat"),
        (2067, "balanserat_resultat"),
        (2068, "balanserat_resultat"),
        (2069, "arets_resultat_balans"),
        (2010, "balanserat_resultat"),
        (2120, "periodiseringsfonder"),
        (2150, "ovriga_obeskattade_reserver"),
        (2083, "inbetalda_insatser"),
        (2072, "andamalsbestamda_medel"),
        (2086, "fonder"),
        (2350, "laneskulder"),
        (2440, "leverantorsskulder"),
        (2510, "skatteskulder"),
        (2710, "ovriga_skulder"),
        (2990, "ovriga_skulder"),
        (1930, "kassa_och_bank"),
        (1510, "kundfordringar"),
        (1710, "ovriga_fordringar"),
        (1350, "finansiella_placeringar"),
        (1810, "finansiella_placeringar"),
        (1220, "inventarier"),
    ] {
        assert_eq!(
            mapped(&k1.balance_sheet, f, account).id,
            id,
            "K1 konto {account}"
        );
    }
    for (account, id) in [
        (3890, "medlemsavgifter"),
        (3987, "gavor_och_bidrag"),
        (3993, "gavor_och_bidrag"),
        (3010, "forsaljningsintakter"),
        (3610, "ovriga_verksamhetsintakter"),
        (3911, "ovriga_verksamhetsintakter"),
        (3994, "ovriga_intakter"),
        (3840, "ovriga_intakter"),
        (4010, "forsaljningskostnader"),
        (4960, "forsaljningskostnader"),
        (4510, "verksamhetskostnader"),
        (5010, "ovriga_externa_kostnader"),
        (7010, "personalkostnader"),
        (7970, "ovriga_kostnader"),
        (8310, "finansiella_intakter"),
        (8410, "finansiella_kostnader"),
        (8270, "finansiella_kostnader"),
        (8811, "bokslutsdispositioner"),
        (8910, "skatt"),
    ] {
        assert_eq!(
            mapped(&k1.income_statement, f, account).id,
            id,
            "K1 konto {account}"
        );
    }
    let brf = report(LegalForm::Bostadsrattsforening);
    let f = LegalForm::Bostadsrattsforening;
    for (account, id) in [
        (2083, "medlemsinsatser"),
        (2084, "upplatelseavgifter"),
        (2088, "fond_for_yttre_underhall"),
    ] {
        assert_eq!(
            mapped(&brf.balance_sheet, f, account).id,
            id,
            "BRF konto {account}"
        );
    }
    assert_eq!(mapped(&brf.income_statement, f, 5191).id, "driftkostnader");
    let samf = report(LegalForm::Samfallighetsforening);
    assert_eq!(
        mapped(&samf.balance_sheet, LegalForm::Samfallighetsforening, 2088).id,
        "fond_for_underhall"
    );
    let st = report(LegalForm::Stiftelse);
    assert_eq!(
        mapped(&st.balance_sheet, LegalForm::Stiftelse, 2061).id,
        "stiftelsekapital"
    );
}

#[test]
fn formulas_follow_the_sign_convention() {
    // Income positive, costs negative, everything in the balansräkning positive: the
    // results are plain sums.
    let d = |n: i64| Decimal::new(n, 0);
    for form in LegalForm::ALL {
        let mut r = report(form);
        let set = |r: &mut Report, statement_income: bool, account: u32, amount: i64| {
            let st = if statement_income {
                &r.income_statement
            } else {
                &r.balance_sheet
            };
            let id = mapped(st, form, account).id.clone();
            assert!(r.set_amount(&id, 0, Some(d(amount))), "{form:?} {id}");
        };
        set(&mut r, true, 3010, 1000); // sales / fees
        set(&mut r, true, 5010, -200); // rent
        set(&mut r, true, 7832, -100); // depreciation
        set(&mut r, true, 8310, 30); // interest income
        set(&mut r, true, 8410, -80); // interest cost
        set(&mut r, true, 8910, -50); // tax
        set(&mut r, false, 1930, 1000); // bank
        set(&mut r, false, 2091, 400); // balanserat
        set(&mut r, false, 2099, 600); // årets resultat
        let c = kassoren_engine::compute(&r);
        let v = |role: Role| c.value(&r.line_by_role(role).unwrap().id, 0);
        assert_eq!(v(Role::TotalIncome), d(1000), "{form:?}");
        assert_eq!(v(Role::TotalCosts), d(-300), "{form:?}");
        assert_eq!(v(Role::OperatingResult), d(700), "{form:?}");
        assert_eq!(v(Role::ResultAfterFinancialItems), d(650), "{form:?}");
        if has_result_before_tax(form) {
            assert_eq!(v(Role::ResultBeforeTax), d(650), "{form:?}");
        }
        assert_eq!(v(Role::YearResult), d(600), "{form:?}");
        assert_eq!(v(Role::TotalAssets), d(1000), "{form:?}");
        assert_eq!(v(Role::Equity), d(1000), "{form:?}");
        assert_eq!(v(Role::TotalEquityAndLiabilities), d(1000), "{form:?}");
        if has_free_equity(form) {
            assert_eq!(v(Role::FreeEquity), d(1000), "{form:?}");
        }
    }
}

#[test]
fn ranges_parse() {
    assert_eq!(parse_range("3000-3799"), Some((3000, 3799)));
    assert_eq!(parse_range("2086"), Some((2086, 2086)));
    assert_eq!(parse_range(" 1000 - 1999 "), Some((1000, 1999)));
    assert_eq!(parse_range("3000–3799"), Some((3000, 3799)));
    assert_eq!(parse_range("3799-3000"), None);
    for bad in [
        "",
        "-",
        "abc",
        "30a0",
        "3000-",
        "-3000",
        "1-2-3",
        "+3000",
        "3000-3799x",
    ] {
        assert_eq!(parse_range(bad), None, "{bad:?}");
    }
}

fn input(id: &str, accounts: &[&str]) -> Line {
    Line {
        id: id.to_string(),
        label: id.to_string(),
        role: None,
        note: None,
        accounts: accounts.iter().map(|s| s.to_string()).collect(),
        kind: LineKind::Input {
            amounts: vec![None],
            details: Vec::new(),
        },
    }
}

#[test]
fn the_narrowest_range_wins_and_ties_are_refused() {
    let lines = vec![
        Line {
            id: "group".into(),
            label: "Grupp".into(),
            role: None,
            note: None,
            accounts: Vec::new(),
            kind: LineKind::Group {
                sum_label: None,
                children: vec![
                    input("lager", &["4900-4999"]),
                    input("ravaror", &["4000-4799", "4910-4931"]),
                ],
            },
        },
        input("fallback", &["1000-9999", "bad range"]),
        input("a", &["5000-5009"]),
        input("b", &["5005-5014"]),
    ];
    let at = |n| account_line(&lines, n).map(|l| l.id.as_str());
    assert_eq!(at(4950), Some("lager"));
    assert_eq!(at(4915), Some("ravaror"));
    assert_eq!(at(4100), Some("ravaror"));
    assert_eq!(at(1234), Some("fallback"));
    assert_eq!(at(5001), Some("a"));
    assert_eq!(at(5012), Some("b"));
    assert_eq!(at(5006), None, "a tie between equally narrow ranges");
    assert_eq!(account_candidates(&lines, 5006).len(), 2);
    assert_eq!(at(999), None);
    assert!(account_candidates(&lines, 10000).is_empty());
}

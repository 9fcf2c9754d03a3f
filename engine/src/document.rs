//! The document types: what each is called, who it is for, the rules it follows, which parts it
//! has, what its principles note says first and how it is signed. Verified against BFN's list of
//! allmänna råd (bfn.se, "Allmänna råd": BFNAR 2010:1, 2012:1, 2016:10, 2017:3) and FAR's
//! "Redovisa rätt" on årsbokslut; see the README, "Which document, which rules".

use crate::date::Date;
use crate::model::{DocumentType, LegalForm, Report};

/// The id of the principles note ("Redovisnings- och värderingsprinciper") in every template.
pub const PRINCIPLES_NOTE: &str = "redovisningsprinciper";

/// The first day of the fiscal years for which a bostadsrättsförening must follow K3: BFN has
/// removed K2 (BFNAR 2016:10) for them from fiscal years starting after 2025-12-31.
pub const BRF_K3_FROM: Date = Date {
    year: 2026,
    month: 1,
    day: 1,
};

/// Net turnover at or under which an ideell förening may make a förenklat årsbokslut (BFL 6 kap
/// 5 §: normally at most 3 000 000 kr; bidrag, gåvor and medlemsavgifter count).
pub const K1_TURNOVER_LIMIT: i64 = 3_000_000;

impl DocumentType {
    /// The title the printout carries: "Årsredovisning", "Förenklat årsbokslut" …
    pub fn title(self) -> &'static str {
        match self {
            DocumentType::ArsredovisningK2 | DocumentType::ArsredovisningK3 => "Årsredovisning",
            DocumentType::Arsbokslut => "Årsbokslut",
            DocumentType::ForenklatArsbokslut => "Förenklat årsbokslut",
            DocumentType::Verksamhetsberattelse => "Verksamhetsberättelse",
        }
    }

    /// The name in a list to choose from.
    pub fn label(self) -> &'static str {
        match self {
            DocumentType::ArsredovisningK2 => "Årsredovisning enligt K2",
            DocumentType::ArsredovisningK3 => "Årsredovisning enligt K3",
            DocumentType::Arsbokslut => "Årsbokslut",
            DocumentType::ForenklatArsbokslut => "Förenklat årsbokslut (K1)",
            DocumentType::Verksamhetsberattelse => {
                "Verksamhetsberättelse med ekonomisk redovisning"
            }
        }
    }

    /// One line on who it is for, shown beside the choice.
    pub fn explanation(self) -> &'static str {
        match self {
            DocumentType::ArsredovisningK2 => "Aktiebolag, ekonomiska föreningar, samfälligheter och stiftelser, och ideella föreningar som väljer det. Årsredovisningslagen och BFNAR 2016:10.",
            DocumentType::ArsredovisningK3 => "Huvudregelverket, för större företag och för bostadsrättsföreningar från räkenskapsår som börjar 2026. Årsredovisningslagen och BFNAR 2012:1.",
            DocumentType::Arsbokslut => "Bokföringsskyldiga som inte behöver göra en årsredovisning, t.ex. en ideell förening med mer än 3 miljoner i intäkter. Bokföringslagen och BFNAR 2017:3.",
            DocumentType::ForenklatArsbokslut => "Ideella föreningar med intäkter på normalt högst 3 miljoner kronor. BFN:s fasta uppställning, BFNAR 2010:1.",
            DocumentType::Verksamhetsberattelse => "Föreningar som inte är bokföringsskyldiga: styrelsens berättelse, resultat- och balansräkning och budget till årsmötet. Inga lagkrav; stadgarna bestämmer.",
        }
    }

    /// The word used in the file name and the command line: `arsredovisning-k2` …
    pub fn slug(self) -> &'static str {
        match self {
            DocumentType::ArsredovisningK2 => "arsredovisning-k2",
            DocumentType::ArsredovisningK3 => "arsredovisning-k3",
            DocumentType::Arsbokslut => "arsbokslut",
            DocumentType::ForenklatArsbokslut => "forenklat-arsbokslut",
            DocumentType::Verksamhetsberattelse => "verksamhetsberattelse",
        }
    }

    pub fn from_slug(s: &str) -> Option<DocumentType> {
        DocumentType::ALL.into_iter().find(|d| d.slug() == s)
    }

    /// The allmänna råd it follows, as cited in the principles note; none for a
    /// verksamhetsberättelse.
    pub fn rule(self) -> Option<&'static str> {
        match self {
            DocumentType::ArsredovisningK2 => Some("BFNAR 2016:10"),
            DocumentType::ArsredovisningK3 => Some("BFNAR 2012:1"),
            DocumentType::Arsbokslut => Some("BFNAR 2017:3"),
            DocumentType::ForenklatArsbokslut => Some("BFNAR 2010:1"),
            DocumentType::Verksamhetsberattelse => None,
        }
    }

    /// The principles note's first paragraph: the law and the allmänna råd applied.
    pub fn principles_sentence(self) -> &'static str {
        match self {
            DocumentType::ArsredovisningK2 => "Årsredovisningen har upprättats i enlighet med årsredovisningslagen (1995:1554) och Bokföringsnämndens allmänna råd BFNAR 2016:10 Årsredovisning i mindre företag (K2).",
            DocumentType::ArsredovisningK3 => "Årsredovisningen har upprättats i enlighet med årsredovisningslagen (1995:1554) och Bokföringsnämndens allmänna råd BFNAR 2012:1 Årsredovisning och koncernredovisning (K3).",
            DocumentType::Arsbokslut => "Årsbokslutet har upprättats i enlighet med bokföringslagen (1999:1078) och Bokföringsnämndens allmänna råd BFNAR 2017:3 Årsbokslut.",
            DocumentType::ForenklatArsbokslut => "Det förenklade årsbokslutet har upprättats enligt bokföringslagen (1999:1078) och Bokföringsnämndens allmänna råd BFNAR 2010:1 om förenklat årsbokslut för ideella föreningar och registrerade trossamfund.",
            DocumentType::Verksamhetsberattelse => "Den ekonomiska redovisningen har upprättats enligt föreningens stadgar och god redovisningssed.",
        }
    }

    /// An årsredovisning (K2 or K3): förvaltningsberättelse, flerårsöversikt, förändringar i
    /// eget kapital and resultatdisposition are parts of it.
    pub fn is_annual_report(self) -> bool {
        matches!(
            self,
            DocumentType::ArsredovisningK2 | DocumentType::ArsredovisningK3
        )
    }

    /// Whether the document prints the narrative chapters: an årsbokslut (förenklat or not) is
    /// the statements and their notes only.
    pub fn has_narrative(self) -> bool {
        !matches!(
            self,
            DocumentType::Arsbokslut | DocumentType::ForenklatArsbokslut
        )
    }

    /// Whether the förvaltningsberättelse's sections are printed among the narrative chapters:
    /// a verksamhetsberättelse is the board's narrative, with no förvaltningsberättelse of its
    /// own.
    pub fn narrates_management_sections(self) -> bool {
        self == DocumentType::Verksamhetsberattelse
    }

    /// Whether the document has a förvaltningsberättelse (with its flerårsöversikt and
    /// förändringar i eget kapital): only an årsredovisning.
    pub fn has_management_report(self) -> bool {
        self.is_annual_report()
    }

    /// The title the board's proposal is printed under: "Resultatdisposition" inside an
    /// årsredovisning's förvaltningsberättelse, "Förslag till beslut" in a verksamhetsberättelse;
    /// an årsbokslut has none.
    pub fn proposal_title(self) -> Option<&'static str> {
        match self {
            DocumentType::ArsredovisningK2 | DocumentType::ArsredovisningK3 => {
                Some("Resultatdisposition")
            }
            DocumentType::Verksamhetsberattelse => Some("Förslag till beslut"),
            DocumentType::Arsbokslut | DocumentType::ForenklatArsbokslut => None,
        }
    }

    /// What the board says above its signatures; none for an årsredovisning (ÅRL 2 kap 7 §:
    /// the signatures themselves).
    pub fn signing_sentence(self) -> Option<&'static str> {
        match self {
            DocumentType::ArsredovisningK2 | DocumentType::ArsredovisningK3 => None,
            DocumentType::Arsbokslut => Some("Årsbokslutet har upprättats av styrelsen."),
            DocumentType::ForenklatArsbokslut => {
                Some("Det förenklade årsbokslutet har upprättats av styrelsen.")
            }
            DocumentType::Verksamhetsberattelse => {
                Some("Styrelsen lämnar denna verksamhetsberättelse till årsmötet.")
            }
        }
    }

    /// The document in the definite form, for messages: "årsredovisningen", "årsbokslutet" …
    pub fn definite(self) -> &'static str {
        match self {
            DocumentType::ArsredovisningK2 | DocumentType::ArsredovisningK3 => "årsredovisningen",
            DocumentType::Arsbokslut => "årsbokslutet",
            DocumentType::ForenklatArsbokslut => "det förenklade årsbokslutet",
            DocumentType::Verksamhetsberattelse => "verksamhetsberättelsen",
        }
    }

    /// Why the form may not use this document, if it may not: a förenklat årsbokslut is only
    /// for ideella föreningar (BFL 6 kap 3 §), a verksamhetsberättelse only for a förening that
    /// is not bokföringsskyldig, and an aktiebolag or ekonomisk förening always makes an
    /// årsredovisning (BFL 6 kap 1 §).
    pub fn refused_for(self, form: LegalForm) -> Option<String> {
        let must_report = match form {
            LegalForm::Aktiebolag => Some("ett aktiebolag"),
            LegalForm::EkonomiskForening => Some("en ekonomisk förening"),
            LegalForm::Bostadsrattsforening => Some("en bostadsrättsförening"),
            _ => None,
        };
        match (must_report, self) {
            (Some(who), _) if !self.is_annual_report() => Some(format!(
                "{who} ska alltid upprätta en årsredovisning (bokföringslagen 6 kap. 1 §), inte {}",
                self.indefinite()
            )),
            (_, DocumentType::ForenklatArsbokslut | DocumentType::Verksamhetsberattelse)
                if form != LegalForm::IdeellForening =>
            {
                Some(format!("{} är till för ideella föreningar", self.label()))
            }
            _ => None,
        }
    }

    /// Why the form may not use this document for a fiscal year starting on `start`, if it may
    /// not: [`refused_for`](Self::refused_for), and a bostadsrättsförening's K2 from fiscal
    /// years starting 2026-01-01 (BFN has removed K2 for them; K3, BFNAR 2012:1, applies).
    pub fn refused_for_year(self, form: LegalForm, start: Option<Date>) -> Option<String> {
        self.refused_for(form).or_else(|| {
            (self == DocumentType::ArsredovisningK2
                && form == LegalForm::Bostadsrattsforening
                && start.is_some_and(|s| s >= BRF_K3_FROM))
            .then(|| {
                "en bostadsrättsförening får inte tillämpa K2 (BFNAR 2016:10) för räkenskapsår som börjar 2026-01-01 eller senare; Bokföringsnämnden har beslutat att K3 (BFNAR 2012:1) gäller".to_string()
            })
        })
    }

    /// The document in the indefinite form: "en årsredovisning", "ett årsbokslut" …
    pub fn indefinite(self) -> &'static str {
        match self {
            DocumentType::ArsredovisningK2 | DocumentType::ArsredovisningK3 => "en årsredovisning",
            DocumentType::Arsbokslut => "ett årsbokslut",
            DocumentType::ForenklatArsbokslut => "ett förenklat årsbokslut",
            DocumentType::Verksamhetsberattelse => "en verksamhetsberättelse",
        }
    }
}

/// The principles note's first paragraph as the document type says, if the paragraph is a
/// rule sentence; whether it changed.
pub fn set_principles_sentence(r: &mut Report) -> bool {
    let sentence = r.document.principles_sentence();
    let Some(note) = r.notes.iter_mut().find(|n| n.id == PRINCIPLES_NOTE) else {
        return false;
    };
    let (first, rest) = match note.text.split_once("\n\n") {
        Some((first, rest)) => (first, Some(rest)),
        None => (note.text.as_str(), None),
    };
    let is_rule = ["BFNAR", "lagen (", "god redovisningssed"]
        .iter()
        .any(|w| first.contains(w));
    if !is_rule || first == sentence {
        return false;
    }
    note.text = match rest {
        Some(rest) => format!("{sentence}\n\n{rest}"),
        None => sentence.to_string(),
    };
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_type_cites_its_own_rule_and_a_verksamhetsberattelse_none() {
        for d in DocumentType::ALL {
            match d.rule() {
                Some(rule) => assert!(d.principles_sentence().contains(rule), "{d:?}"),
                None => assert!(!d.principles_sentence().contains("BFNAR"), "{d:?}"),
            }
            assert_eq!(DocumentType::from_slug(d.slug()), Some(d));
        }
        assert_eq!(
            DocumentType::ForenklatArsbokslut.rule(),
            Some("BFNAR 2010:1")
        );
        assert_eq!(DocumentType::Arsbokslut.rule(), Some("BFNAR 2017:3"));
    }

    #[test]
    fn an_aktiebolag_or_ekonomisk_forening_always_makes_an_arsredovisning() {
        let e = DocumentType::ForenklatArsbokslut
            .refused_for(LegalForm::Aktiebolag)
            .unwrap();
        assert!(
            e.starts_with("ett aktiebolag ska alltid upprätta en årsredovisning"),
            "{e}"
        );
        assert!(DocumentType::Arsbokslut
            .refused_for(LegalForm::EkonomiskForening)
            .is_some());
        assert!(DocumentType::ForenklatArsbokslut
            .refused_for(LegalForm::Stiftelse)
            .unwrap()
            .contains("ideella föreningar"));
        for d in DocumentType::ALL {
            assert_eq!(d.refused_for(LegalForm::IdeellForening), None, "{d:?}");
        }
        assert_eq!(
            DocumentType::Arsbokslut.refused_for(LegalForm::Stiftelse),
            None
        );
    }
}

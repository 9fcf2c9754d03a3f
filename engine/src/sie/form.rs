//! Which legal form (and so which statement template) a new report from a SIE file gets.

use serde::Serialize;

use super::SieFile;
use crate::model::LegalForm;

/// Why the import used the form it did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FormSource {
    /// The report imported into has this form.
    Report,
    /// Chosen by the caller (`--form` on the command line).
    Chosen,
    /// From the file's `#FTYP`.
    FileType { code: String },
    /// From the organisation's name.
    Name { name: String },
    /// Nothing said otherwise: aktiebolag. `code` is a `#FTYP` Kassören has no template for.
    Default { code: Option<String> },
}

impl FormSource {
    /// Swedish: why, e.g. "enligt #FTYP AB i filen".
    pub fn describe(&self) -> String {
        match self {
            FormSource::Report => "rapportens form".into(),
            FormSource::Chosen => "vald".into(),
            FormSource::FileType { code } => format!("enligt #FTYP {code} i filen"),
            FormSource::Name { name } => format!("enligt namnet \"{name}\""),
            FormSource::Default { code: None } => {
                "filen anger ingen form och namnet säger ingen; aktiebolag antas".into()
            }
            FormSource::Default { code: Some(c) } => format!(
                "filens #FTYP {c} har ingen egen mall i Kassören och namnet säger ingen form; aktiebolag antas"
            ),
        }
    }
}

/// The form a `#FTYP` code names, when Kassören has a template for it.
pub fn form_from_file_type(code: &str) -> Option<LegalForm> {
    match code.trim().to_ascii_uppercase().as_str() {
        // Aktiebolag, bankaktiebolag, försäkringsaktiebolag, europabolag.
        "AB" | "BAB" | "FAB" | "SE" => Some(LegalForm::Aktiebolag),
        // Ekonomisk förening, kooperativ hyresrättsförening, bostadsförening,
        // sambruksförening, europakooperativ, medlemsbank.
        "EK" | "KHF" | "BF" | "SF" | "SCE" | "MB" => Some(LegalForm::EkonomiskForening),
        "BRF" => Some(LegalForm::Bostadsrattsforening),
        // Ideell förening som bedriver näring.
        "I" => Some(LegalForm::IdeellForening),
        // Stiftelse som bedriver näring.
        "S" => Some(LegalForm::Stiftelse),
        _ => None,
    }
}

/// The form an organisation's name says: "Ideella föreningen …", "Bostadsrättsföreningen …",
/// "Brf …", "… samfällighetsförening", "Stiftelsen …", "… ek. för.", "… AB", "… aktiebolag"; a
/// name with "förening", "klubb", "förbund" or "sällskap" and nothing more specific is taken
/// for an ideell förening.
pub fn form_from_name(name: &str) -> Option<LegalForm> {
    let n = crate::util::case::to_lower(name);
    let words: Vec<&str> = n
        .split(|c: char| !crate::util::case::is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .collect();
    let has_word = |w: &str| words.contains(&w);
    let compact: String = n.chars().filter(|c| !c.is_whitespace()).collect();
    if n.contains("bostadsrättsförening") || has_word("brf") {
        Some(LegalForm::Bostadsrattsforening)
    } else if n.contains("samfällighet") {
        Some(LegalForm::Samfallighetsforening)
    } else if n.contains("stiftelse") {
        Some(LegalForm::Stiftelse)
    } else if n.contains("ideell förening") || n.contains("ideella förening") {
        Some(LegalForm::IdeellForening)
    } else if n.contains("ekonomisk förening")
        || n.contains("ekonomiska förening")
        || compact.contains("ek.för")
        || compact.contains("ek.f.")
        || (has_word("ek") && has_word("för"))
    {
        Some(LegalForm::EkonomiskForening)
    } else if has_word("ab") || n.contains("aktiebolag") || has_word("publ") {
        Some(LegalForm::Aktiebolag)
    } else if ["förening", "klubb", "förbund", "sällskap"]
        .iter()
        .any(|w| n.contains(w))
    {
        Some(LegalForm::IdeellForening)
    } else {
        None
    }
}

/// The form for a new report: the caller's choice, else `#FTYP`, else the name, else
/// aktiebolag.
pub(crate) fn choose_form(file: &SieFile, chosen: Option<LegalForm>) -> (LegalForm, FormSource) {
    if let Some(f) = chosen {
        return (f, FormSource::Chosen);
    }
    let code = file
        .company_type
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    if let Some(f) = code.and_then(form_from_file_type) {
        return (
            f,
            FormSource::FileType {
                code: code.unwrap_or_default().to_string(),
            },
        );
    }
    if let Some(name) = file.company_name.as_deref() {
        if let Some(f) = form_from_name(name) {
            return (
                f,
                FormSource::Name {
                    name: name.to_string(),
                },
            );
        }
    }
    (
        LegalForm::Aktiebolag,
        FormSource::Default {
            code: code.map(str::to_string),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_from_names() {
        use LegalForm::*;
        for (name, form) in [
            (
                "Ideella föreningen Friluftsfrämjandet",
                Some(IdeellForening),
            ),
            ("Föreningen Tresjöleden", Some(IdeellForening)),
            ("Norrby Skidklubb", Some(IdeellForening)),
            (
                "Bostadsrättsföreningen Åkerbäret",
                Some(Bostadsrattsforening),
            ),
            ("HSB Brf Lärkan", Some(Bostadsrattsforening)),
            ("Brf. Solgläntan", Some(Bostadsrattsforening)),
            (
                "Ekbackens samfällighetsförening",
                Some(Samfallighetsforening),
            ),
            ("Stiftelsen Gamla Uppsala", Some(Stiftelse)),
            ("Fiberföreningen Norrby ek. för.", Some(EkonomiskForening)),
            ("Fiberföreningen Norrby ek för", Some(EkonomiskForening)),
            ("Norrby Fiber ekonomisk förening", Some(EkonomiskForening)),
            ("SEEE Speak Easy Executive English AB", Some(Aktiebolag)),
            ("Övningsbolaget AB (Ekonomi 60)", Some(Aktiebolag)),
            ("Aktiebolaget Trav och Galopp", Some(Aktiebolag)),
            ("Ericsson (publ)", Some(Aktiebolag)),
            ("Övningsföretaget", None),
            ("Lillakonsultbyrån", None),
            ("Abba Fisk", None),
        ] {
            assert_eq!(form_from_name(name), form, "{name}");
        }
    }

    #[test]
    fn forms_from_file_types() {
        assert_eq!(form_from_file_type("AB"), Some(LegalForm::Aktiebolag));
        assert_eq!(
            form_from_file_type(" ek "),
            Some(LegalForm::EkonomiskForening)
        );
        assert_eq!(
            form_from_file_type("BRF"),
            Some(LegalForm::Bostadsrattsforening)
        );
        assert_eq!(form_from_file_type("I"), Some(LegalForm::IdeellForening));
        assert_eq!(form_from_file_type("S"), Some(LegalForm::Stiftelse));
        assert_eq!(form_from_file_type("E"), None);
        assert_eq!(form_from_file_type("HB"), None);
    }
}

//! The parts of the editor, as the sidebar lists them for the document type: their names and
//! where each one is in the preview. An årsbokslut prints no narrative and no
//! förvaltningsberättelse, so it lists neither; a verksamhetsberättelse's narrative is the
//! board's berättelse and its proposal is "Förslag till beslut".

use kassoren_engine::model::DocumentType;

/// Where in the report the treasurer is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Organisation,
    Narrative,
    Management,
    Income,
    Balance,
    Notes,
    Signatures,
    Accounts,
    Checks,
    Review,
}

impl View {
    pub const ALL: [View; 10] = [
        View::Organisation,
        View::Narrative,
        View::Management,
        View::Income,
        View::Balance,
        View::Notes,
        View::Signatures,
        View::Accounts,
        View::Checks,
        View::Review,
    ];

    /// The parts a document of this type has, in the sidebar's order.
    pub fn listed(document: DocumentType) -> Vec<View> {
        View::ALL
            .into_iter()
            .filter(|v| match v {
                View::Narrative | View::Management => document.has_narrative(),
                _ => true,
            })
            .collect()
    }

    pub fn label(&self, document: DocumentType) -> &'static str {
        match self {
            View::Organisation => "Organisation och år",
            View::Narrative if document.narrates_management_sections() => "Verksamhetsberättelse",
            View::Narrative => "Berättelse",
            View::Management => document
                .proposal_title()
                .filter(|_| !document.has_management_report())
                .unwrap_or("Förvaltningsberättelse"),
            View::Income => "Resultaträkning",
            View::Balance => "Balansräkning",
            View::Notes => "Noter",
            View::Signatures => "Underskrifter",
            View::Accounts => "Konton från SIE",
            View::Checks => "Kontroller",
            View::Review => "Granskning",
        }
    }

    /// The anchor of this part in the preview.
    pub fn preview_anchor(&self, document: DocumentType) -> &'static str {
        match self {
            View::Management if !document.has_management_report() => "forslag-till-beslut",
            View::Organisation | View::Checks | View::Accounts | View::Review => "rapport-start",
            View::Narrative => "innehall",
            View::Management => "forvaltningsberattelse",
            View::Income => "resultatrakning",
            View::Balance => "balansrakning",
            View::Notes => "noter",
            View::Signatures => "underskrifter",
        }
    }
}

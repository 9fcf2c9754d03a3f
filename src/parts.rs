//! The parts of the editor, as the sidebar lists them: their names and where each one is in the
//! preview.

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

    pub fn label(&self) -> &'static str {
        match self {
            View::Organisation => "Organisation och år",
            View::Narrative => "Berättelse",
            View::Management => "Förvaltningsberättelse",
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
    pub fn preview_anchor(&self) -> &'static str {
        match self {
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

//! Changing a report's document type: every figure and text is kept; the principles note's
//! rule sentence follows the new type; and what the new type does not print is listed, so
//! nothing goes missing without the treasurer knowing.

pub use crate::document::set_principles_sentence;
use crate::model::*;

/// Makes the report a `document`. The principles note's first paragraph, when it is a rule
/// sentence (it cites a law or BFNAR), becomes the new type's. Returns, in Swedish, what the
/// report holds that the new type does not print (kept, and printed again if the type changes
/// back).
pub fn set_document(r: &mut Report, document: DocumentType) -> Vec<String> {
    r.document = document;
    r.document_unconfirmed = false;
    set_principles_sentence(r);
    not_printed(r)
}

/// What the report holds that its document type does not print.
pub fn not_printed(r: &Report) -> Vec<String> {
    let document = r.document;
    let mut out = Vec::new();
    let sections = |part: Part| {
        r.narrative
            .iter()
            .filter(|s| s.part == part && !s.body.trim().is_empty())
            .count()
    };
    let kind = document.indefinite();
    let (chapters, management) = (sections(Part::Chapter), sections(Part::ManagementReport));
    match document {
        DocumentType::Arsbokslut | DocumentType::ForenklatArsbokslut => {
            if chapters + management > 0 {
                out.push(format!(
                    "Berättelsens och förvaltningsberättelsens texter ({}) skrivs inte ut i {kind}.",
                    crate::count::count(chapters + management, "avsnitt", "avsnitt")
                ));
            }
        }
        DocumentType::Verksamhetsberattelse => {}
        DocumentType::ArsredovisningK2 | DocumentType::ArsredovisningK3 => {}
    }
    if !document.has_management_report() {
        out.push(format!(
            "Flerårsöversikten och förändringarna i eget kapital skrivs inte ut i {kind}."
        ));
    }
    if document.proposal_title().is_none() && !r.appropriation.proposal.is_empty() {
        out.push(format!(
            "Resultatdispositionen ({}) skrivs inte ut i {kind}.",
            crate::count::count(r.appropriation.proposal.len(), "rad", "rader")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::example_report;

    #[test]
    fn a_type_change_keeps_everything_and_lists_what_is_not_printed() {
        let mut r = example_report();
        let before = r.clone();
        let listed = set_document(&mut r, DocumentType::ForenklatArsbokslut);
        assert_eq!(r.narrative, before.narrative, "no text is dropped");
        assert_eq!(r.income_statement, before.income_statement);
        assert!(
            listed
                .iter()
                .any(|l| l.contains("skrivs inte ut i ett förenklat årsbokslut")),
            "{listed:?}"
        );
        assert!(
            listed.iter().any(|l| l.contains("Resultatdispositionen")),
            "{listed:?}"
        );
        let note = r
            .notes
            .iter()
            .find(|n| n.id == crate::document::PRINCIPLES_NOTE)
            .unwrap();
        assert!(
            note.text
                .starts_with("Det förenklade årsbokslutet har upprättats"),
            "{}",
            note.text
        );
        assert!(
            note.text.contains("**Intäkter**"),
            "the rest of the note stays"
        );
        // And back: the same report as before.
        let back = set_document(&mut r, DocumentType::ArsredovisningK2);
        assert!(back.is_empty(), "{back:?}");
        assert_eq!(r, before);
    }

    #[test]
    fn a_principles_note_of_the_treasurers_own_is_left_as_it_is() {
        let mut r = example_report();
        let note = r
            .notes
            .iter_mut()
            .find(|n| n.id == crate::document::PRINCIPLES_NOTE)
            .unwrap();
        note.text = "Vi redovisar som vi alltid har gjort.".into();
        set_document(&mut r, DocumentType::Arsbokslut);
        let note = r
            .notes
            .iter()
            .find(|n| n.id == crate::document::PRINCIPLES_NOTE)
            .unwrap();
        assert_eq!(note.text, "Vi redovisar som vi alltid har gjort.");
    }
}

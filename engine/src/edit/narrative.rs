//! Berättelse and förvaltningsberättelse: the narrative sections (add, remove, move within
//! their part).

use crate::model::*;

/// Adds a narrative section (level 1, empty body) and returns its id. It goes after the section
/// `after` if that exists, else after the last section of `part` (a first chapter goes before
/// the förvaltningsberättelse's sections, a first förvaltningsberättelse section at the end).
pub fn add_section(r: &mut Report, after: Option<&str>, part: Part, title: &str) -> Id {
    let id = r.fresh_id("s");
    let at = after
        .and_then(|a| r.narrative.iter().position(|s| s.id == a))
        .map(|i| i + 1)
        .or_else(|| {
            r.narrative
                .iter()
                .rposition(|s| s.part == part)
                .map(|i| i + 1)
        })
        .unwrap_or_else(|| match part {
            Part::Chapter => r
                .narrative
                .iter()
                .position(|s| s.part != Part::Chapter)
                .unwrap_or(r.narrative.len()),
            Part::ManagementReport => r.narrative.len(),
        });
    r.narrative.insert(
        at,
        Section {
            id: id.clone(),
            title: title.to_string(),
            level: 1,
            part,
            body: String::new(),
        },
    );
    id
}

/// Removes a narrative section.
pub fn remove_section(r: &mut Report, id: &str) -> bool {
    match r.narrative.iter().position(|s| s.id == id) {
        Some(i) => {
            r.narrative.remove(i);
            true
        }
        None => false,
    }
}

/// Moves a section one place up or down among the sections of its part (the parts are printed
/// apart), swapping it with its neighbour. False at the ends.
pub fn move_section(r: &mut Report, id: &str, up: bool) -> bool {
    let Some(i) = r.narrative.iter().position(|s| s.id == id) else {
        return false;
    };
    let part = r.narrative[i].part;
    let j = if up {
        r.narrative[..i].iter().rposition(|s| s.part == part)
    } else {
        r.narrative[i + 1..]
            .iter()
            .position(|s| s.part == part)
            .map(|k| i + 1 + k)
    };
    match j {
        Some(j) => {
            r.narrative.swap(i, j);
            true
        }
        None => false,
    }
}

/// A section, to edit its title, level, part or body.
pub fn section_mut<'a>(r: &'a mut Report, id: &str) -> Option<&'a mut Section> {
    r.narrative.iter_mut().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::testing::*;

    #[test]
    fn sections() {
        let mut r = blank();
        let order = |r: &Report| -> Vec<Id> { r.narrative.iter().map(|s| s.id.clone()).collect() };
        assert_eq!(
            order(&r),
            [
                "styrelse",
                "medlemmar",
                "verksamheten",
                "vasentliga_handelser"
            ]
        );

        let a = add_section(&mut r, None, Part::Chapter, "Ekonomi");
        let b = add_section(&mut r, Some("styrelse"), Part::Chapter, "Valberedning");
        let c = add_section(&mut r, None, Part::ManagementReport, "Framtiden");
        valid(&r);
        assert_eq!(
            order(&r),
            [
                "styrelse",
                b.as_str(),
                "medlemmar",
                a.as_str(),
                "verksamheten",
                "vasentliga_handelser",
                c.as_str()
            ]
        );
        let s = section_mut(&mut r, &a).unwrap();
        assert_eq!(
            (s.title.as_str(), s.level, s.part),
            ("Ekonomi", 1, Part::Chapter)
        );
        assert!(s.body.is_empty());
        s.body = "Text".into();
        assert_eq!(r.narrative[3].body, "Text");

        // Moves stay within the part.
        assert!(!move_section(&mut r, "styrelse", true));
        assert!(!move_section(&mut r, &a, false));
        assert!(!move_section(&mut r, "verksamheten", true));
        assert!(move_section(&mut r, &a, true));
        assert!(move_section(&mut r, "styrelse", false));
        assert_eq!(
            order(&r),
            [
                b.as_str(),
                "styrelse",
                a.as_str(),
                "medlemmar",
                "verksamheten",
                "vasentliga_handelser",
                c.as_str()
            ]
        );
        assert!(remove_section(&mut r, &b));
        assert!(!remove_section(&mut r, &b));
        assert!(!move_section(&mut r, "nope", true));
        assert!(section_mut(&mut r, "nope").is_none());
        valid(&r);

        // A first chapter goes before the förvaltningsberättelse.
        let mut r = blank();
        r.narrative.retain(|s| s.part == Part::ManagementReport);
        let first = add_section(&mut r, None, Part::Chapter, "Först");
        assert_eq!(r.narrative[0].id, first);
    }
}

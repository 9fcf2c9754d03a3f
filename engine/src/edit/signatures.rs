//! Underskrifter: the board members and auditors who sign.

use crate::model::*;

/// Adds a person to the signature page with an empty name and returns the id: a board member
/// ("Ledamot") or an auditor ("Revisor").
pub fn add_person(r: &mut Report, auditor: bool) -> Id {
    let (prefix, role) = if auditor {
        ("r", "Revisor")
    } else {
        ("p", "Ledamot")
    };
    let id = r.fresh_id(prefix);
    let person = Person {
        id: id.clone(),
        name: String::new(),
        role: role.to_string(),
    };
    if auditor {
        r.signatures.auditors.push(person);
    } else {
        r.signatures.signatories.push(person);
    }
    id
}

/// Removes a board member or an auditor.
pub fn remove_person(r: &mut Report, id: &str) -> bool {
    for list in [&mut r.signatures.signatories, &mut r.signatures.auditors] {
        if let Some(i) = list.iter().position(|p| p.id == id) {
            list.remove(i);
            return true;
        }
    }
    false
}

/// A board member or auditor, to edit the name or role.
pub fn person_mut<'a>(r: &'a mut Report, id: &str) -> Option<&'a mut Person> {
    let s = &mut r.signatures;
    s.signatories
        .iter_mut()
        .chain(s.auditors.iter_mut())
        .find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::testing::*;

    #[test]
    fn people() {
        let mut r = blank();
        assert_eq!(r.signatures.signatories.len(), 3);
        let p = add_person(&mut r, false);
        let a = add_person(&mut r, true);
        assert_ne!(p, a);
        valid(&r);
        assert_eq!(r.signatures.signatories.len(), 4);
        assert_eq!(r.signatures.signatories[3].id, p);
        assert_eq!(r.signatures.signatories[3].role, "Ledamot");
        assert_eq!(r.signatures.signatories[3].name, "");
        assert_eq!(r.signatures.auditors.len(), 1);
        assert_eq!(r.signatures.auditors[0].role, "Revisor");

        person_mut(&mut r, &a).unwrap().name = "Gunilla".into();
        person_mut(&mut r, "p1").unwrap().name = "Karin".into();
        assert_eq!(r.signatures.auditors[0].name, "Gunilla");
        assert_eq!(r.signatures.signatories[0].name, "Karin");
        assert!(person_mut(&mut r, "nope").is_none());

        assert!(remove_person(&mut r, &a));
        assert!(remove_person(&mut r, "p1"));
        assert!(!remove_person(&mut r, "p1"));
        assert!(r.signatures.auditors.is_empty());
        assert_eq!(r.signatures.signatories.len(), 3);
        valid(&r);
    }
}

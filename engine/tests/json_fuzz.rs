//! Fuzzing the file import: arbitrary bytes and mutated report files never panic, and every
//! refusal has a Swedish message.

use kassoren_engine::example::EXAMPLE_JSON;
use kassoren_engine::json;
use proptest::prelude::*;

fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    match json::from_bytes(bytes) {
        Ok(report) => {
            // Whatever was accepted is a valid report that writes out and reads back the same.
            let text = json::to_json(&report);
            prop_assert_eq!(
                json::from_json(&text).map_err(|e| TestCaseError::fail(e.to_string()))?,
                report
            );
        }
        Err(e) => {
            let message = e.to_string();
            prop_assert!(message.starts_with("Filen"), "{}", message);
            prop_assert!(message.len() > 20, "{}", message);
        }
    }
    Ok(())
}

/// One change to the example file: a byte replaced, a slice removed or duplicated.
#[derive(Debug, Clone)]
enum Mutation {
    Replace(usize, u8),
    Remove(usize, usize),
    Duplicate(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let n = EXAMPLE_JSON.len();
    prop_oneof![
        (0..n, any::<u8>()).prop_map(|(i, b)| Mutation::Replace(i, b)),
        (0..n, 1usize..64).prop_map(|(i, l)| Mutation::Remove(i, l)),
        (0..n, 1usize..64).prop_map(|(i, l)| Mutation::Duplicate(i, l)),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    match *m {
        Mutation::Replace(i, b) => {
            let i = i.min(bytes.len() - 1);
            bytes[i] = b;
        }
        Mutation::Remove(i, l) => {
            let i = i.min(bytes.len() - 1);
            let end = (i + l).min(bytes.len());
            bytes.drain(i..end);
        }
        Mutation::Duplicate(i, l) => {
            let i = i.min(bytes.len() - 1);
            let end = (i + l).min(bytes.len());
            let piece = bytes[i..end].to_vec();
            bytes.splice(i..i, piece);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check(&bytes)?;
    }

    #[test]
    fn mutated_report_files_never_panic(mutations in prop::collection::vec(mutation(), 1..6)) {
        let mut bytes = EXAMPLE_JSON.as_bytes().to_vec();
        for m in &mutations {
            if !bytes.is_empty() {
                apply(&mut bytes, m);
            }
        }
        check(&bytes)?;
    }
}

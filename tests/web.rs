//! The web crate's own logic, tested in headless Chromium with wasm-bindgen-test (`./run test`
//! runs it with `wasm-bindgen-test-runner` and Debian's chromedriver): the undo history's
//! grouping of keystrokes, the money cell's and the date field's parse / format / keep-bad-text
//! behaviour, the one policy that makes room when the browser's storage is full (and refuses,
//! dropping nothing, what would not fit anyway), and what a tab does with another tab's version.
#![cfg(target_arch = "wasm32")]

use kassoren_engine::date::Date;
use kassoren_engine::edit::Entry;
use kassoren_web::components::date_input::DateInput;
use kassoren_web::components::inputs::MoneyInput;
use kassoren_web::history::{History, UNDO_STEPS};
use kassoren_web::room::{self, Purpose};
use kassoren_web::snapshots::{self, Snapshot};
use kassoren_web::storage::{self, keys};
use kassoren_web::tabs::{self, Reconciled};
use kassoren_web::{exports, library};
use leptos::prelude::*;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// ---------------------------------------------------------------------------------------------
// Undo history

#[wasm_bindgen_test]
fn keystrokes_in_one_field_are_one_undo_step() {
    let mut h = History::default();
    let mut state = String::new();
    for c in ["1", "12", "123"] {
        let before = state.clone();
        h.record(Some("cell-a-0"), || before);
        state = c.to_string();
    }
    assert_eq!(h.len(), 1, "three keystrokes in one field: one step");
    assert_eq!(h.undo(state.clone()).as_deref(), Some(""));
    assert!(!h.can_undo());
    assert!(h.can_redo());
}

#[wasm_bindgen_test]
fn another_field_or_a_button_starts_a_new_step() {
    let mut h = History::default();
    h.record(Some("cell-a-0"), || "s0");
    h.record(Some("cell-a-0"), || "s1");
    h.record(Some("cell-b-0"), || "s2");
    h.record(None, || "s3");
    h.record(None, || "s4");
    // s0 (field a), s2 (field b), s3 and s4 (two buttons): four steps, newest last.
    assert_eq!(h.len(), 4);
    assert_eq!(h.undo("s5"), Some("s4"));
    assert_eq!(h.undo("s4"), Some("s3"));
    assert_eq!(h.undo("s3"), Some("s2"));
    assert_eq!(h.undo("s2"), Some("s0"));
    assert_eq!(h.undo("s0"), None);
}

#[wasm_bindgen_test]
fn typing_again_after_undo_is_a_new_step_and_drops_redo() {
    let mut h = History::default();
    h.record(Some("f"), || 0);
    assert_eq!(h.undo(1), Some(0));
    // Back in the same field: the undo ended the step, so this is a new one.
    h.record(Some("f"), || 0);
    assert!(!h.can_redo(), "an edit after undo leaves nothing to redo");
    assert_eq!(h.len(), 1);
    h.record(Some("f"), || 5);
    assert_eq!(h.len(), 1, "the next keystroke continues it");
}

#[wasm_bindgen_test]
fn redo_goes_forward_and_undo_back_again() {
    let mut h = History::default();
    h.record(None, || 'a');
    h.record(None, || 'b');
    assert_eq!(h.undo('c'), Some('b'));
    assert_eq!(h.undo('b'), Some('a'));
    assert_eq!(h.redo('a'), Some('b'));
    assert_eq!(h.redo('b'), Some('c'));
    assert_eq!(h.redo('c'), None);
    assert_eq!(h.undo('c'), Some('b'));
}

#[wasm_bindgen_test]
fn a_separate_step_never_joins_the_typing_before_it() {
    let mut h = History::default();
    h.record(Some("f"), || 1);
    h.record_step(2);
    h.record(Some("f"), || 3);
    assert_eq!(h.len(), 3);
}

#[wasm_bindgen_test]
fn the_history_keeps_the_newest_steps() {
    let mut h = History::default();
    for i in 0..UNDO_STEPS + 10 {
        h.record(None, || i);
    }
    assert_eq!(h.len(), UNDO_STEPS);
    let mut last = None;
    while let Some(s) = h.undo(usize::MAX) {
        last = Some(s);
    }
    assert_eq!(last, Some(10), "the oldest ten steps are gone");
}

// ---------------------------------------------------------------------------------------------
// The money cell

/// A money cell mounted on the page, its input element, and every value it sent.
struct Cell {
    input: web_sys::HtmlInputElement,
    sent: RwSignal<Vec<Entry>>,
    value: RwSignal<Option<Decimal>>,
    kept: RwSignal<Option<String>>,
    _mounted: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

fn money_cell(start: Option<Decimal>) -> Cell {
    let document = document();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let sent = RwSignal::new(Vec::new());
    let value = RwSignal::new(start);
    // What the report does with an entry (edit::enter_amount): an amount, or no amount and the
    // text kept.
    let kept = RwSignal::new(None::<String>);
    let mounted = leptos::mount::mount_to(host.clone(), move || {
        view! {
            <MoneyInput id="m" label="Belopp" value=value invalid=kept on_change={move |e: Entry| {
                sent.update(|s| s.push(e.clone()));
                match e {
                    Entry::Amount(v) => {
                        value.set(v);
                        kept.set(None);
                    }
                    Entry::Invalid(t) => {
                        value.set(None);
                        kept.set(Some(t));
                    }
                }
            }} />
        }
        .into_any()
    });
    let input = host
        .query_selector("input")
        .unwrap()
        .unwrap()
        .unchecked_into();
    Cell {
        input,
        sent,
        value,
        kept,
        _mounted: mounted,
    }
}

impl Cell {
    fn type_text(&self, text: &str) {
        self.input.set_value(text);
        let ev = web_sys::Event::new("input").unwrap();
        self.input.dispatch_event(&ev).unwrap();
    }

    fn focus(&self) {
        self.input
            .dispatch_event(&web_sys::Event::new("focus").unwrap())
            .unwrap();
    }

    fn blur(&self) {
        self.input
            .dispatch_event(&web_sys::Event::new("blur").unwrap())
            .unwrap();
    }

    fn key(&self, key: &str) {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        let ev =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        self.input.dispatch_event(&ev).unwrap();
    }

    fn invalid(&self) -> bool {
        self.input.get_attribute("aria-invalid").as_deref() == Some("true")
    }

    fn message(&self) -> Option<String> {
        let id = self.input.get_attribute("aria-describedby")?;
        document().get_element_by_id(&id)?.text_content()
    }
}

/// Lets the view catch up: Leptos applies signal changes to the page in a task of its own.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[wasm_bindgen_test]
async fn the_money_cell_takes_swedish_amounts_and_shows_them_formatted() {
    let cell = money_cell(None);
    cell.type_text("1234567,5");
    settle().await;
    assert_eq!(
        cell.sent.get_untracked(),
        vec![Entry::Amount(Some(dec("1234567.5")))]
    );
    assert!(!cell.invalid());
    // While typing, the text stays as typed.
    assert_eq!(cell.input.value(), "1234567,5");
    cell.blur();
    settle().await;
    assert_eq!(
        cell.input.value(),
        "1\u{a0}234\u{a0}567,50",
        "öre with two decimals"
    );
    cell.type_text("−15");
    settle().await;
    cell.type_text("");
    settle().await;
    assert_eq!(
        cell.sent.get_untracked()[1..],
        [Entry::Amount(Some(dec("-15"))), Entry::Amount(None)],
        "U+2212 minus; an empty cell is no amount, not 0"
    );
}

#[wasm_bindgen_test]
async fn the_money_cell_keeps_bad_text_marks_it_and_never_sends_the_last_valid_amount() {
    let cell = money_cell(Some(dec("619")));
    cell.focus();
    cell.type_text("61 9OO");
    settle().await;
    assert_eq!(
        cell.sent.get_untracked(),
        vec![Entry::Invalid("61 9OO".into())],
        "the text is sent as text, never as 619"
    );
    assert_eq!(cell.value.get_untracked(), None);
    assert_eq!(cell.input.value(), "61 9OO", "the text stays as typed");
    assert!(cell.invalid());
    let message = cell.message().expect("the cell says why");
    assert!(message.contains("är inget belopp"), "{message}");
    // Leaving the cell keeps the text and the mark: it comes back from the report.
    cell.blur();
    settle().await;
    assert_eq!(cell.input.value(), "61 9OO");
    assert!(cell.invalid());
    // Escape, even after leaving and coming back, gives back the last valid amount.
    cell.focus();
    cell.key("Escape");
    settle().await;
    assert!(!cell.invalid());
    assert_eq!(cell.input.value(), "619");
    assert_eq!(cell.value.get_untracked(), Some(dec("619")));
    assert_eq!(cell.kept.get_untracked(), None);
    assert!(cell.message().is_none());
}

#[wasm_bindgen_test]
async fn a_cell_whose_report_keeps_text_shows_it_marked() {
    let cell = money_cell(None);
    cell.kept.set(Some("12 3x".into()));
    settle().await;
    assert_eq!(cell.input.value(), "12 3x");
    assert!(cell.invalid());
}

#[wasm_bindgen_test]
async fn a_corrected_amount_clears_the_mark() {
    let cell = money_cell(None);
    cell.type_text("12x");
    settle().await;
    assert!(cell.invalid());
    cell.type_text("12");
    settle().await;
    assert!(!cell.invalid());
    assert_eq!(
        cell.sent.get_untracked(),
        vec![Entry::Invalid("12x".into()), Entry::Amount(Some(dec("12")))]
    );
    assert_eq!(cell.kept.get_untracked(), None);
}

// ---------------------------------------------------------------------------------------------
// The date field (ParsedInput with the engine's date reader)

struct DateCell {
    field: Cell,
    sent: RwSignal<Vec<Option<Date>>>,
    value: RwSignal<Option<Date>>,
}

fn date_cell(start: Option<Date>, required: bool) -> DateCell {
    let document = document();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let sent = RwSignal::new(Vec::new());
    let value = RwSignal::new(start);
    let mounted = leptos::mount::mount_to(host.clone(), move || {
        view! {
            <DateInput id="d" label="Datum" required=required value=value on_change={move |v: Option<Date>| {
                sent.update(|s| s.push(v));
                value.set(v);
            }} />
        }
        .into_any()
    });
    let input = host
        .query_selector("input")
        .unwrap()
        .unwrap()
        .unchecked_into();
    DateCell {
        field: Cell {
            input,
            sent: RwSignal::new(Vec::new()),
            value: RwSignal::new(None),
            kept: RwSignal::new(None),
            _mounted: mounted,
        },
        sent,
        value,
    }
}

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

#[wasm_bindgen_test]
async fn a_date_typed_digit_by_digit_is_kept_and_sent_once_whole() {
    let cell = date_cell(Some(date("2025-12-31")), false);
    let mut typed = String::new();
    for digit in "20260315".chars() {
        typed.push(digit);
        cell.field.type_text(&typed);
        settle().await;
        assert_eq!(cell.field.input.value(), typed, "the text stays as typed");
        assert!(
            !cell.field.invalid(),
            "no mark while still typing ({typed})"
        );
    }
    assert_eq!(cell.sent.get_untracked(), vec![Some(date("2026-03-15"))]);
    cell.field.blur();
    settle().await;
    assert_eq!(
        cell.field.input.value(),
        "2026-03-15",
        "shown as ÅÅÅÅ-MM-DD"
    );
    assert_eq!(
        cell.field.input.get_attribute("placeholder").as_deref(),
        Some("ÅÅÅÅ-MM-DD")
    );
}

#[wasm_bindgen_test]
async fn a_partial_date_is_kept_marked_when_left_and_never_empties_the_field() {
    let cell = date_cell(Some(date("2025-12-31")), false);
    cell.field.type_text("2026-02");
    settle().await;
    assert!(cell.sent.get_untracked().is_empty());
    cell.field.blur();
    settle().await;
    assert_eq!(cell.field.input.value(), "2026-02");
    assert!(cell.field.invalid());
    let message = cell.field.message().expect("the field says why");
    assert!(message.contains("dagen saknas"), "{message}");
    assert_eq!(cell.value.get_untracked(), Some(date("2025-12-31")));
    // A date that does not exist is explained too.
    cell.field.type_text("2026-02-30");
    cell.field.blur();
    settle().await;
    assert!(cell
        .field
        .message()
        .unwrap()
        .contains("februari har bara 28 dagar"));
    // Escape gives the stored date back.
    cell.field.key("Escape");
    settle().await;
    assert_eq!(cell.field.input.value(), "2025-12-31");
    assert!(!cell.field.invalid());
}

#[wasm_bindgen_test]
async fn an_optional_date_can_be_emptied_a_required_one_cannot() {
    let optional = date_cell(Some(date("2025-12-31")), false);
    optional.field.type_text("");
    settle().await;
    assert_eq!(optional.sent.get_untracked(), vec![None]);
    let required = date_cell(Some(date("2025-12-31")), true);
    required.field.type_text("");
    required.field.blur();
    settle().await;
    assert!(required.sent.get_untracked().is_empty());
    assert!(required.field.invalid());
    assert_eq!(required.value.get_untracked(), Some(date("2025-12-31")));
}

// ---------------------------------------------------------------------------------------------
// Storage: the one policy for making room

fn clear_storage() {
    for k in storage::all_keys() {
        storage::remove(&k);
    }
}

fn snapshot(at: f64, reason: &str) -> Snapshot {
    Snapshot {
        at,
        reason: reason.to_string(),
        title: "T".to_string(),
        text: "{}".to_string(),
    }
}

fn reasons(id: &str) -> Vec<String> {
    snapshots::list(id).into_iter().map(|s| s.reason).collect()
}

fn revisions(document: &str) -> Vec<u64> {
    exports::list(document)
        .into_iter()
        .map(|e| e.revision)
        .collect()
}

#[wasm_bindgen_test]
fn for_a_report_the_oldest_snapshot_of_any_report_goes_first_then_exports() {
    clear_storage();
    room::keep_snapshot("a", &snapshot(30.0, "a30")).unwrap();
    room::keep_snapshot("b", &snapshot(10.0, "b10")).unwrap();
    room::keep_snapshot("a", &snapshot(20.0, "a20")).unwrap();
    for rev in [3, 1, 2] {
        exports::keep("doc1", rev, "{}");
    }
    exports::keep("doc2", 7, "{}");
    assert!(room::make_room(Purpose::Report));
    assert_eq!(reasons("b"), Vec::<String>::new(), "b10 was the oldest");
    assert!(room::make_room(Purpose::Report));
    assert_eq!(
        reasons("a"),
        vec!["a20"],
        "a list keeps its order; a30 was older"
    );
    assert!(room::make_room(Purpose::Report));
    assert!(snapshots::ids().is_empty());
    assert_eq!(
        revisions("doc1"),
        vec![3, 1, 2],
        "no export went while snapshots were left"
    );
    assert!(room::make_room(Purpose::Report));
    assert_eq!(
        revisions("doc1"),
        vec![2, 3],
        "the lowest revision of the fullest document"
    );
    assert!(room::make_room(Purpose::Report));
    assert!(room::make_room(Purpose::Report));
    assert!(room::make_room(Purpose::Report));
    assert!(!room::make_room(Purpose::Report), "nothing left to drop");
}

#[wasm_bindgen_test]
fn for_a_snapshot_only_older_snapshots_make_room() {
    clear_storage();
    exports::keep("doc", 1, "{}");
    assert!(!room::make_room(Purpose::Snapshot));
    assert_eq!(
        revisions("doc"),
        vec![1],
        "kept exports never make room for a snapshot"
    );
}

#[wasm_bindgen_test]
fn reports_themselves_never_make_room() {
    clear_storage();
    library::write("r1", "{\"x\":1}", 1).unwrap();
    assert!(!room::make_room(Purpose::Report));
    assert_eq!(library::raw("r1").as_deref(), Some("{\"x\":1}"));
}

/// Fills local storage to the brim with keys that are not Kassören's.
fn fill_storage() {
    let mut chunk = "x".repeat(1 << 20);
    let mut n = 0;
    while !chunk.is_empty() {
        if storage::write(&format!("filler.{n}"), &chunk).is_ok() {
            n += 1;
        } else {
            chunk.truncate(chunk.len() / 2);
        }
    }
}

#[wasm_bindgen_test]
fn a_report_that_does_not_fit_drops_old_snapshots_until_it_does() {
    clear_storage();
    let big = |at: f64, reason: &str| Snapshot {
        text: "s".repeat(20_000),
        ..snapshot(at, reason)
    };
    room::keep_snapshot("a", &big(1.0, "first")).unwrap();
    room::keep_snapshot("a", &big(2.0, "second")).unwrap();
    room::keep_snapshot("b", &big(3.0, "third")).unwrap();
    fill_storage();
    // About one snapshot's size: the oldest one must go, and only that.
    let report = "r".repeat(15_000);
    assert_eq!(
        storage::write("kassoren.report.probe", &report),
        Err(storage::QUOTA_FULL.to_string()),
        "the storage is full"
    );
    library::write("r1", &report, 1).unwrap();
    assert_eq!(library::raw("r1").map(|t| t.len()), Some(15_000));
    assert_eq!(reasons("a"), vec!["second"]);
    assert_eq!(reasons("b"), vec!["third"]);
    for k in storage::ids("filler.") {
        storage::remove(&format!("filler.{k}"));
    }
    clear_storage();
}

#[wasm_bindgen_test]
fn a_report_larger_than_storage_can_hold_is_refused_before_anything_goes() {
    clear_storage();
    room::keep_snapshot("a", &snapshot(1.0, "first")).unwrap();
    exports::keep("doc", 1, "{}");
    let huge = "r".repeat(storage::CAPACITY + 1);
    let e = library::write("r1", &huge, 1).unwrap_err();
    assert!(e.contains("för stor för webbläsarens lagring"), "{e}");
    assert_eq!(reasons("a"), vec!["first"]);
    assert_eq!(revisions("doc"), vec![1]);
    assert_eq!(library::raw("r1"), None);
    clear_storage();
}

#[wasm_bindgen_test]
fn a_report_that_would_not_fit_with_every_copy_gone_drops_none() {
    clear_storage();
    room::keep_snapshot(
        "a",
        &Snapshot {
            text: "s".repeat(20_000),
            ..snapshot(1.0, "first")
        },
    )
    .unwrap();
    exports::keep("doc", 1, &"e".repeat(20_000));
    fill_storage();
    // Twice what the copies take: dropping them all would not make room.
    let e = library::write("r1", &"r".repeat(80_000), 1).unwrap_err();
    assert_eq!(e, storage::QUOTA_FULL);
    assert_eq!(reasons("a"), vec!["first"], "no snapshot dropped");
    assert_eq!(revisions("doc"), vec![1], "no export dropped");
    assert_eq!(storage::read("kassoren.probe"), None, "the probe is gone");
    // One that fits once the snapshot is gone: only the snapshot goes.
    library::write("r1", &"r".repeat(15_000), 1).unwrap();
    assert!(reasons("a").is_empty());
    assert_eq!(revisions("doc"), vec![1]);
    for k in storage::ids("filler.") {
        storage::remove(&format!("filler.{k}"));
    }
    clear_storage();
}

#[wasm_bindgen_test]
fn a_snapshot_brought_up_to_date_replaces_its_copy() {
    clear_storage();
    room::keep_snapshot("a", &snapshot(1.0, "other")).unwrap();
    room::replace_snapshot("a", None, &snapshot(2.0, "mine 1")).unwrap();
    room::replace_snapshot("a", Some(2.0), &snapshot(3.0, "mine 2")).unwrap();
    assert_eq!(reasons("a"), vec!["other", "mine 2"]);
    clear_storage();
}

// ---------------------------------------------------------------------------------------------
// Another tab's version

fn with_section_text(
    r: &kassoren_engine::model::Report,
    i: usize,
    body: &str,
) -> kassoren_engine::model::Report {
    let mut r = r.clone();
    r.narrative[i].body = body.to_string();
    r
}

#[wasm_bindgen_test]
fn the_same_section_changed_in_two_tabs_is_a_conflict_never_a_mix() {
    let base = kassoren_engine::example::example_report();
    let text = base.narrative[0].body.clone();
    let mine = with_section_text(&base, 0, &format!("{text} sameB1"));
    let theirs = with_section_text(&base, 0, &format!("{text} sameA1"));
    match tabs::reconcile(Some(&base), &mine, &theirs, true) {
        Reconciled::Conflict { conflicts } => {
            assert!(conflicts.starts_with("Berättelse › "), "{conflicts}")
        }
        other => panic!("{other:?}"),
    }
    // Different sections: merged, both texts whole.
    let theirs = with_section_text(&base, 1, "Deras text.");
    match tabs::reconcile(Some(&base), &mine, &theirs, true) {
        Reconciled::Merged(m) => {
            assert_eq!(m.narrative[0].body, mine.narrative[0].body);
            assert_eq!(m.narrative[1].body, "Deras text.");
        }
        other => panic!("{other:?}"),
    }
    // Nothing unsaved here: the other tab's version is taken.
    assert_eq!(
        tabs::reconcile(Some(&base), &base, &theirs, false),
        Reconciled::TakeTheirs
    );
}

#[wasm_bindgen_test]
fn the_layout_version_is_recorded_with_the_first_write_and_never_lowered() {
    clear_storage();
    assert_eq!(storage::migrate(), storage::Layout::Current);
    assert_eq!(
        storage::read(keys::LAYOUT),
        None,
        "a first visit stays empty"
    );
    library::write("r1", "{}", 1).unwrap();
    assert_eq!(
        storage::read(keys::LAYOUT),
        Some(storage::LAYOUT_VERSION.to_string())
    );
    storage::write(keys::LAYOUT, "99").unwrap();
    assert_eq!(storage::migrate(), storage::Layout::Newer(99));
    library::write("r1", "{}", 2).unwrap();
    assert_eq!(storage::read(keys::LAYOUT).as_deref(), Some("99"));
    clear_storage();
}

// ---- the sidebar's parts by document type -----------------------------------------------------

#[wasm_bindgen_test]
fn the_sidebar_lists_what_each_document_prints_by_its_names() {
    use kassoren_engine::model::DocumentType;
    use kassoren_web::parts::View;
    let labels = |d: DocumentType| -> Vec<&'static str> {
        View::listed(d).iter().map(|v| v.label(d)).collect()
    };
    let k2 = labels(DocumentType::ArsredovisningK2);
    assert_eq!(
        &k2[..3],
        [
            "Organisation och år",
            "Berättelse",
            "Förvaltningsberättelse"
        ]
    );
    assert_eq!(labels(DocumentType::ArsredovisningK3), k2);
    let vb = labels(DocumentType::Verksamhetsberattelse);
    assert_eq!(
        &vb[..3],
        [
            "Organisation och år",
            "Verksamhetsberättelse",
            "Förslag till beslut"
        ]
    );
    for d in [DocumentType::Arsbokslut, DocumentType::ForenklatArsbokslut] {
        let listed = View::listed(d);
        assert!(
            !listed.contains(&View::Narrative) && !listed.contains(&View::Management),
            "{d:?}"
        );
        assert_eq!(listed.len(), View::ALL.len() - 2);
    }
    assert_eq!(
        View::Management.preview_anchor(DocumentType::ArsredovisningK2),
        "forvaltningsberattelse"
    );
    assert_eq!(
        View::Management.preview_anchor(DocumentType::Verksamhetsberattelse),
        "forslag-till-beslut"
    );
}

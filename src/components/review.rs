//! Board review: who am I, comments, "Jag har granskat", and comparing and merging a board
//! member's copy of the report. The engine does the work (`kassoren_engine::review`); this is
//! only what the treasurer sees.

use std::collections::BTreeSet;

use kassoren_engine::model::{CommentTarget, Report};
use kassoren_engine::review::{self, comments, lineage, ChangeKind, WordOp};
use kassoren_engine::{compute, json};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::store::{read_raw, write_raw, Store, View};

const ME_KEY: &str = "kassoren.me";
const EXPORTS_PREFIX: &str = "kassoren.exports.";
/// How many exported revisions are kept per document, as bases for merging copies.
const EXPORTS_KEPT: usize = 10;

/// The name this browser's user signs comments, reviews and files with.
pub fn my_name() -> Option<String> {
    read_raw(ME_KEY)
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
}

/// Random bits for new ids (document ids, comments, reviews).
pub fn seed() -> u64 {
    let random = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
    random ^ ((js_sys::Date::now() as u64) << 11)
}

fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// "2026-11-27 17:05" from an ISO date-time, in the browser's time zone.
fn local_time(iso: &str) -> String {
    let date = js_sys::Date::new(&iso.into());
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    short_time(&date)
}

/// "2026-11-27 17:05", in the browser's time zone.
pub fn short_time(date: &js_sys::Date) -> String {
    let two = |n: u32| format!("{n:02}");
    format!(
        "{}-{}-{} {}:{}",
        date.get_full_year(),
        two(date.get_month() + 1),
        two(date.get_date()),
        two(date.get_hours()),
        two(date.get_minutes())
    )
}

/// One exported revision of a document, kept as the base for merging the copies made from it.
#[derive(Serialize, Deserialize)]
struct Exported {
    revision: u64,
    text: String,
}

fn exports_key(document: &str) -> String {
    format!("{EXPORTS_PREFIX}{document}")
}

fn exported(document: &str) -> Vec<Exported> {
    read_raw(&exports_key(document))
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// Drops one kept export to make room for a report: the lowest revision of the document with the
/// most kept. Whether one was dropped.
pub fn drop_oldest_export() -> bool {
    let fullest = crate::store::storage_keys()
        .into_iter()
        .filter_map(|k| k.strip_prefix(EXPORTS_PREFIX).map(str::to_string))
        .map(|document| (exported(&document), document))
        .filter(|(kept, _)| !kept.is_empty())
        .max_by_key(|(kept, _)| kept.len());
    let Some((mut kept, document)) = fullest else {
        return false;
    };
    kassoren_engine::util::sort::sort_by_key(&mut kept, |e| e.revision);
    kept.remove(0);
    crate::store::write_list(&exports_key(&document), &kept);
    true
}

/// "Spara som fil": a new revision by this user; the exported text is kept as the base for the
/// copies the board sends back. Returns the file name and text.
pub fn export(store: Store) -> (String, String) {
    let me = my_name().unwrap_or_else(|| "Okänd".to_string());
    store.report.update(|r| lineage::next_revision(r, &me));
    let (name, text, document, revision) = store.report.with_untracked(|r| {
        (
            r.file_name("json"),
            json::to_json(r),
            r.lineage.document_id.clone(),
            r.lineage.revision,
        )
    });
    let mut kept = exported(&document);
    kept.retain(|e| e.revision != revision);
    kept.push(Exported {
        revision,
        text: text.clone(),
    });
    if kept.len() > EXPORTS_KEPT {
        kept.drain(..kept.len() - EXPORTS_KEPT);
    }
    // Without room for the base, a later comparison shows every difference as theirs.
    let _ = write_raw(
        &exports_key(&document),
        &serde_json::to_string(&kept).unwrap_or_default(),
    );
    (name, text)
}

/// A board member's copy being compared with mine.
#[derive(Clone)]
pub struct Incoming {
    pub file: String,
    pub theirs: Report,
    /// The revision their copy started from, as exported here; `None` if it is not kept here.
    pub base: Option<Report>,
}

/// A file that is a copy of a report already kept here: compare, or open as a new report.
#[derive(Clone)]
pub struct Offer {
    pub id: String,
    pub title: String,
    pub file: String,
    pub theirs: Report,
}

/// The review state, passed by context.
#[derive(Clone, Copy)]
pub struct ReviewState {
    pub incoming: RwSignal<Option<Incoming>>,
    pub offer: RwSignal<Option<Offer>>,
    /// What a "Kommentera" button elsewhere asked to comment on.
    pub comment_on: RwSignal<Option<CommentTarget>>,
}

impl ReviewState {
    pub fn new() -> Self {
        ReviewState {
            incoming: RwSignal::new(None),
            offer: RwSignal::new(None),
            comment_on: RwSignal::new(None),
        }
    }
}

/// "Kommentera" at a section, a note or a check: opens Granskning with a new comment on it.
pub fn comment_on(target: CommentTarget) {
    let state = expect_context::<ReviewState>();
    let store = expect_context::<Store>();
    state.comment_on.set(Some(target));
    store.view.set(View::Review);
    super::narrative::focus_later("comment-text".to_string());
}

/// A report kept here that is the same document as `theirs`: its id and title.
pub fn same_document(store: Store, theirs: &Report) -> Option<(String, String)> {
    let entries = store.index.get_untracked();
    entries.into_iter().find_map(|e| {
        let text = store.raw(&e.id)?;
        let mine = json::from_json(&text).ok()?;
        (mine.lineage.document_id == theirs.lineage.document_id).then_some((e.id, e.title))
    })
}

/// "Den här filen är en version av …": compare with mine, or open as a new report.
#[component]
pub fn CompareOffer(offer: Offer) -> impl IntoView {
    let store = expect_context::<Store>();
    let state = expect_context::<ReviewState>();
    let author = offer
        .theirs
        .lineage
        .author
        .clone()
        .unwrap_or_else(|| "någon".into());
    let text = format!(
        "\"{}\" är en version av \"{}\", som du redan har här (sparad av {}, revision {}).",
        offer.file, offer.title, author, offer.theirs.lineage.revision
    );
    let compare = {
        let offer = offer.clone();
        move |_| {
            if store.current.get_untracked() != offer.id {
                store.open(&offer.id);
            }
            let base = offer.theirs.lineage.derived_from.and_then(|rev| {
                exported(&offer.theirs.lineage.document_id)
                    .into_iter()
                    .find(|e| e.revision == rev)
                    .and_then(|e| json::from_json(&e.text).ok())
            });
            state.incoming.set(Some(Incoming {
                file: offer.file.clone(),
                theirs: offer.theirs.clone(),
                base,
            }));
            state.offer.set(None);
            store.view.set(View::Review);
        }
    };
    let open_new = move |_| {
        store.add(offer.theirs.clone(), None);
        store.notify(format!(
            "\"{}\" har öppnats som en ny årsredovisning i listan.",
            offer.file
        ));
        state.offer.set(None);
    };
    view! {
        <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="offer-title">
            <h2 id="offer-title">"En version av en årsredovisning du har"</h2>
            <p>{text}</p>
            <div class="buttons">
                <button type="button" class="primary" on:click=compare>"Jämför med min version"</button>
                <button type="button" on:click=open_new>"Öppna som ny årsredovisning"</button>
                <button type="button" on:click=move |_| state.offer.set(None)>"Avbryt"</button>
            </div>
        </div>
    }
}

/// The "Granskning" part: the user's name, the comparison of a board member's copy, sign-off
/// and comments.
#[component]
pub fn ReviewView() -> impl IntoView {
    let state = expect_context::<ReviewState>();
    let me = RwSignal::new(my_name().unwrap_or_default());
    view! {
        <section class="editor-part review">
            <h2>"Granskning"</h2>
            <label class="field" for="me-name">
                <span class="field-label">"Ditt namn (står vid dina kommentarer, granskningar och filer)"</span>
                <input id="me-name" type="text" autocomplete="name" prop:value=move || me.get()
                    on:change=move |ev| {
                        let name = event_target_value(&ev).trim().to_string();
                        let _ = write_raw(ME_KEY, &name);
                        me.set(name);
                    } />
            </label>
            {move || state.incoming.get().map(|incoming| view! { <CompareView incoming=incoming /> })}
            <SignOff me=me />
            <Comments me=me />
        </section>
    }
}

/// The differences of a board member's copy, each to accept or reject; conflicts side by side.
#[component]
fn CompareView(incoming: Incoming) -> impl IntoView {
    let store = expect_context::<Store>();
    let state = expect_context::<ReviewState>();
    let base = incoming
        .base
        .clone()
        .unwrap_or_else(|| store.report.get_untracked());
    let merge = store
        .report
        .with_untracked(|mine| review::merge(&base, mine, &incoming.theirs));
    let merge = match merge {
        Ok(m) => m,
        Err(e) => {
            return view! { <p class="notice error" role="alert">{e.to_string()}</p> }.into_any()
        }
    };
    let author = incoming
        .theirs
        .lineage
        .author
        .clone()
        .unwrap_or_else(|| "den andra versionen".into());
    let all: BTreeSet<String> =
        kassoren_engine::util::sort::set(merge.changes.iter().map(|c| c.id.as_str().to_string()));
    let accepted = RwSignal::new(all.clone());
    let count = merge.changes.len() + merge.conflicts.len();
    let summary = format!(
        "{} skillnader i \"{}\" från {} ({} krockar med dina egna ändringar).",
        count,
        incoming.file,
        author,
        merge.conflicts.len()
    );
    let no_base = incoming.base.is_none();
    let apply = {
        let incoming = incoming.clone();
        let author = author.clone();
        move |_| {
            let chosen: Vec<review::ChangeId> = merge_ids(&base, store, &incoming, &accepted);
            if let Err(e) =
                store.keep_snapshot(&format!("Före sammanslagning med {}", incoming.file))
            {
                store.fail(format!("Inget fördes in: ingen säkerhetskopia kunde sparas ({e}). Spara som fil först."));
                return;
            }
            let n = chosen.len();
            match store
                .report
                .with_untracked(|mine| review::apply(&base, mine, &incoming.theirs, &chosen))
            {
                Ok(merged) => {
                    store.edit(|r| *r = merged);
                    state.incoming.set(None);
                    store.notify(format!(
                        "{n} ändringar från {author} har förts in. Ångra tar bort dem igen."
                    ));
                }
                Err(e) => store.fail(e.to_string()),
            }
        }
    };
    let all_for_button = all.clone();
    view! {
        <section class="compare" aria-labelledby="compare-title">
            <h3 id="compare-title">"Jämför med min version"</h3>
            <p data-testid="compare-summary">{summary}</p>
            {no_base.then(|| view! {
                <p class="hint">"Versionen som filen utgick från finns inte sparad här, så alla skillnader visas som deras ändringar."</p>
            })}
            <div class="buttons">
                <button type="button" on:click=move |_| accepted.set(all_for_button.clone())>{format!("Godta alla från {author}")}</button>
                <button type="button" on:click=move |_| accepted.set(BTreeSet::new())>"Avvisa alla"</button>
            </div>
            <ul class="changes">
                {merge.changes.into_iter().map(|c| {
                    let id = c.id.as_str().to_string();
                    let (id_check, id_toggle) = (id.clone(), id.clone());
                    view! {
                        <li class="change" data-change=id.clone()>
                            <label class="check">
                                <input type="checkbox"
                                    prop:checked=move || accepted.with(|a| a.contains(&id_check))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        accepted.update(|a| { if on { a.insert(id_toggle.clone()); } else { a.remove(&id_toggle); } });
                                    } />
                                <span class="describe">{c.describe().to_string()}</span>
                            </label>
                            {words(&c.kind)}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(!merge.conflicts.is_empty()).then(|| view! {
                <h4>"Krockar: samma ställe ändrat i båda versionerna"</h4>
                <ul class="conflicts">
                    {merge.conflicts.into_iter().map(|c| {
                        let path = c.path.as_str().to_string();
                        let (p1, p2, p3) = (path.clone(), path.clone(), path.clone());
                        view! {
                            <li class="conflict" data-change=path>
                                <p>{c.place.clone()}</p>
                                <div class="side-by-side">
                                    <label class="check"><input type="radio" name=format!("c-{p1}")
                                        prop:checked=move || accepted.with(|a| !a.contains(&p1))
                                        on:change=move |_| accepted.update(|a| { a.remove(&p2); }) />
                                        <span>"Min: " {c.mine.clone()}</span></label>
                                    <label class="check"><input type="radio" name=format!("c-{p3}")
                                        prop:checked={let p = p3.clone(); move || accepted.with(|a| a.contains(&p))}
                                        on:change={let p = p3.clone(); move |_| accepted.update(|a| { a.insert(p.clone()); })} />
                                        <span>"Deras: " {c.theirs.clone()}</span></label>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            <div class="buttons">
                <button type="button" class="primary" on:click=apply>"För in de godtagna ändringarna"</button>
                <button type="button" on:click=move |_| state.incoming.set(None)>"Avbryt jämförelsen"</button>
            </div>
        </section>
    }
    .into_any()
}

/// The accepted changes and conflicts that still apply to the report as it is now.
fn merge_ids(
    base: &Report,
    store: Store,
    incoming: &Incoming,
    accepted: &RwSignal<BTreeSet<String>>,
) -> Vec<review::ChangeId> {
    let accepted = accepted.get_untracked();
    store
        .report
        .with_untracked(|mine| review::merge(base, mine, &incoming.theirs))
        .map(|m| {
            m.changes
                .into_iter()
                .map(|c| c.id)
                .chain(m.conflicts.into_iter().map(|c| c.path))
                .filter(|id| accepted.contains(id.as_str()))
                .collect()
        })
        .unwrap_or_default()
}

/// A text change word by word: removed words struck through, added ones marked.
fn words(kind: &ChangeKind) -> Option<impl IntoView> {
    let ChangeKind::Text { words, .. } = kind else {
        return None;
    };
    let runs = words
        .iter()
        .map(|w| match w {
            WordOp::Same(t) => view! { <span>{format!("{t} ")}</span> }.into_any(),
            WordOp::Removed(t) => view! { <del>{t.clone()}</del>" " }.into_any(),
            WordOp::Added(t) => view! { <ins>{t.clone()}</ins>" " }.into_any(),
        })
        .collect_view();
    Some(view! { <p class="word-diff">{runs}</p> })
}

/// "Jag har granskat": who has reviewed which revision, and whether it changed since.
#[component]
fn SignOff(me: RwSignal<String>) -> impl IntoView {
    let store = expect_context::<Store>();
    let status = Memo::new(move |_| store.report.with(comments::review_status));
    let revision = Memo::new(move |_| store.report.with(|r| r.lineage.revision));
    let sign = move |_| {
        let name = me.get_untracked();
        if name.is_empty() {
            store.fail("Skriv ditt namn först.");
            return;
        }
        store.edit(|r| {
            comments::add_review(r, &name, &now_iso(), seed());
        });
    };
    view! {
        <h3>"Granskat av"</h3>
        <ul class="reviews" data-testid="reviews">
            <For each=move || status.get() key=|s| (s.reviewer.clone(), s.revision, s.at.clone(), s.changed_since) let:s>
                <li>
                    {format!("{} granskade revision {} ({})", s.reviewer, s.revision, local_time(&s.at))}
                    {if s.changed_since { " — ändrad sedan dess" } else { " — oförändrad sedan dess" }}
                </li>
            </For>
        </ul>
        <button type="button" on:click=sign>{move || format!("Jag har granskat revision {}", revision.get())}</button>
    }
}

/// The comments: threads with replies, resolved or open, and a new comment on any part.
#[component]
fn Comments(me: RwSignal<String>) -> impl IntoView {
    let store = expect_context::<Store>();
    let targets = Memo::new(move |_| {
        store.report.with(|r| {
            let computed = store.computed.with(|c| c.problems.clone());
            comment_targets(r, &computed)
        })
    });
    let chosen = RwSignal::new(0usize);
    let text = RwSignal::new(String::new());
    // A "Kommentera" button elsewhere chose the target.
    let state = expect_context::<ReviewState>();
    Effect::new(move |_| {
        if let Some(wanted) = state.comment_on.get() {
            if let Some(i) = targets.with(|t| t.iter().position(|(_, t)| *t == wanted)) {
                chosen.set(i);
            }
            state.comment_on.set(None);
        }
    });
    let add = move |_| {
        let Some((name, body)) = signed(store, me, text) else {
            return;
        };
        let target = targets.with_untracked(|t| t.get(chosen.get_untracked()).map(|t| t.1.clone()));
        store.edit(|r| {
            comments::add_comment(
                r,
                &name,
                &now_iso(),
                target.unwrap_or_default(),
                &body,
                seed(),
            );
        });
        text.set(String::new());
    };
    let roots = Memo::new(move |_| {
        store.report.with(|r| {
            r.comments
                .iter()
                .filter(|c| c.reply_to.is_none())
                .map(|c| c.id.clone())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <h3 id="comments-title">"Kommentarer"</h3>
        <p class="hint">"Kommentarerna följer med filen till styrelsen och kommer aldrig med i utskriften."</p>
        <ul class="comments" aria-labelledby="comments-title">
            <For each=move || roots.get() key=|id| id.clone() let:id>
                <Thread id=id me=me />
            </For>
        </ul>
        <div class="new-comment">
            <label class="field" for="comment-target">
                <span class="field-label">"Kommentar om"</span>
                <select id="comment-target" on:change=move |ev| chosen.set(event_target_value(&ev).parse().unwrap_or(0))>
                    {move || targets.get().into_iter().enumerate().map(|(i, (label, _))| view! {
                        <option value=i.to_string() selected=move || chosen.get() == i>{label}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field" for="comment-text">
                <span class="field-label">"Ny kommentar"</span>
                <textarea id="comment-text" rows="3" prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </label>
            <button type="button" on:click=add>"Lägg till kommentar"</button>
        </div>
    }
}

/// Everything a comment can be about, in the editor's words.
fn comment_targets(r: &Report, problems: &[compute::Problem]) -> Vec<(String, CommentTarget)> {
    let mut targets = vec![("Hela årsredovisningen".to_string(), CommentTarget::Report)];
    let mut push = |t: CommentTarget| targets.push((comments::target_label(r, &t), t));
    for s in &r.narrative {
        push(CommentTarget::Section {
            section: s.id.clone(),
        });
    }
    for line in r
        .income_statement
        .all_lines()
        .into_iter()
        .chain(r.balance_sheet.all_lines())
    {
        push(CommentTarget::Line {
            line: line.id.clone(),
        });
    }
    for n in &r.notes {
        push(CommentTarget::Note { note: n.id.clone() });
    }
    for p in problems {
        let t = comments::check_target(p);
        targets.push((format!("Kontroll: {}", p.message), t));
    }
    targets
}

/// The writer's name and a comment's text, if both are there (without a name, the treasurer is
/// asked for it).
fn signed(store: Store, me: RwSignal<String>, text: RwSignal<String>) -> Option<(String, String)> {
    let name = me.get_untracked();
    let body = text.get_untracked().trim().to_string();
    if name.is_empty() {
        store.fail("Skriv ditt namn först, under Granskning.");
        return None;
    }
    (!body.is_empty()).then_some((name, body))
}

/// One comment with its replies: reply, resolve, open again.
#[component]
fn Thread(id: String, me: RwSignal<String>) -> impl IntoView {
    let store = expect_context::<Store>();
    let reply_text = RwSignal::new(String::new());
    let thread = {
        let id = id.clone();
        Memo::new(move |_| {
            store.report.with(|r| {
                let root = r.comments.iter().find(|c| c.id == id).cloned();
                let replies: Vec<_> = r
                    .comments
                    .iter()
                    .filter(|c| c.reply_to.as_deref() == Some(id.as_str()))
                    .cloned()
                    .collect();
                let label = root
                    .as_ref()
                    .map(|c| comments::target_label(r, &c.target))
                    .unwrap_or_default();
                (root, replies, label)
            })
        })
    };
    let (id_reply, id_resolve) = (id.clone(), id.clone());
    let send = move |_| {
        let Some((name, body)) = signed(store, me, reply_text) else {
            return;
        };
        store.edit(|r| {
            comments::reply(r, &id_reply, &name, &now_iso(), &body, seed());
        });
        reply_text.set(String::new());
    };
    let reply_id = format!("reply-{id}");
    let reply_for = reply_id.clone();
    view! {
        {move || thread.get().0.map(|root| {
            let resolved = root.resolved;
            let id_resolve = id_resolve.clone();
            view! {
                <li class="comment" class:resolved=resolved data-comment=root.id.clone()>
                    <p class="meta">{format!("{} om {} · {}", root.author, thread.with(|t| t.2.clone()), local_time(&root.created))}
                        {resolved.then_some(" · löst")}</p>
                    <p class="text">{root.text.clone()}</p>
                    <ul class="replies">
                        {thread.get().1.into_iter().map(|c| view! {
                            <li class="reply"><p class="meta">{format!("{} · {}", c.author, local_time(&c.created))}</p><p class="text">{c.text}</p></li>
                        }).collect_view()}
                    </ul>
                    <button type="button" on:click=move |_| store.edit(|r| { comments::set_resolved(r, &id_resolve, !resolved); })>
                        {if resolved { "Öppna igen" } else { "Markera som löst" }}
                    </button>
                </li>
            }
        })}
        <li class="reply-form">
            <label class="field" for=reply_for>
                <span class="field-label">"Svara"</span>
                <input type="text" id=reply_id prop:value=move || reply_text.get()
                    on:input=move |ev| reply_text.set(event_target_value(&ev)) />
            </label>
            <button type="button" on:click=send>"Svara"</button>
        </li>
    }
}

/// Open comments, for the sidebar.
pub fn open_comments(r: &Report) -> usize {
    r.comments
        .iter()
        .filter(|c| c.reply_to.is_none() && !c.resolved)
        .count()
}

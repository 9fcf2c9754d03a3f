//! Board review: who am I, comments, "Jag har granskat", and comparing and merging a board
//! member's copy of the report. The engine does the work (`kassoren_engine::review`); this is
//! only what the treasurer sees.

use std::collections::BTreeSet;

use kassoren_engine::bidi::isolate;
use kassoren_engine::count::{count as count_words, noun};
use kassoren_engine::json;
use kassoren_engine::model::{CommentTarget, Report};
use kassoren_engine::review::{self, comments, lineage, ChangeKind};
use leptos::prelude::*;

use crate::dom::{focus_later, local_time, now_iso, seed};
use crate::ids;
use crate::merge_module::{self, Relation};
use crate::parts::View;
use crate::profile::{my_name, set_my_name};
use crate::store::Store;

/// "Spara som fil": a new revision by this user, stored at once (so two exports are never
/// numbered alike), and what changed since the last file recorded in the report's change
/// history by the merge module. Returns the file name and text. Without the merge module (it
/// could not be loaded) the file is saved with the history as it was, and the treasurer is told.
pub async fn export(store: Store) -> (String, String) {
    let me = my_name().unwrap_or_else(|| "Okänd".to_string());
    store.flush();
    store.change(|r| lineage::next_revision(r, &me));
    store.write_now();
    let report = store.report.get_untracked();
    let saved = match merge_module::record(&report, &me).await {
        Ok(recorded) => {
            let history = recorded.history.clone();
            store.change(|r| r.history = history);
            store.write_now();
            recorded
        }
        Err(e) => {
            store.fail(format!(
                "Filen sparas utan de senaste ändringarna i ändringshistoriken: {e}. Den går att öppna och jämföra ändå."
            ));
            report
        }
    };
    (saved.file_name("json"), json::to_json(&saved))
}

/// A board member's copy being compared with mine.
#[derive(Clone)]
pub struct Incoming {
    pub file: String,
    /// Their copy, with what was edited in the file since its history recorded.
    pub theirs: Report,
    /// Mine as it was recorded when the comparison began.
    pub mine: Report,
    /// How the two copies' histories relate.
    pub relation: Relation,
}

impl Incoming {
    /// The engine's review of their copy against mine as it is now.
    fn review(&self, mine: &Report) -> Result<review::Merge, review::MergeError> {
        match &self.relation {
            Relation::Nothing => review::merge(mine, mine, mine),
            Relation::Unrelated => review::merge_unrelated(mine, &self.theirs),
            Relation::Related { base, theirs } => review::merge(base, mine, theirs),
        }
    }

    /// Mine with the accepted changes and conflicts.
    fn apply(
        &self,
        mine: &Report,
        accepted: &[review::ChangeId],
    ) -> Result<Report, review::MergeError> {
        match &self.relation {
            Relation::Nothing => Ok(mine.clone()),
            Relation::Unrelated => review::apply(mine, mine, &self.theirs, accepted),
            Relation::Related { base, theirs } => review::apply(base, mine, theirs, accepted),
        }
    }
}

/// A file that is a copy of a report already kept here: compare, or open as a new report.
#[derive(Clone)]
pub struct Offer {
    pub id: String,
    pub title: String,
    pub file: String,
    pub theirs: Report,
}

/// Compares a board member's copy with the open report: both recorded in their histories, and
/// the merge module tells how they relate. Shown in Granskning when done.
pub fn start_comparison(store: Store, state: ReviewState, file: String, theirs: Report) {
    state.busy.set(Some(format!(
        "Jämför \"{}\" med din version …",
        isolate(&file)
    )));
    store.view.set(View::Review);
    leptos::task::spawn_local(async move {
        let me = my_name().unwrap_or_else(|| "Okänd".to_string());
        let author = theirs
            .lineage
            .author
            .clone()
            .unwrap_or_else(|| "okänd".into());
        let mine = store.report.get_untracked();
        let result = async {
            let mine = merge_module::record(&mine, &me).await?;
            let theirs = merge_module::record(&theirs, &author).await?;
            let relation = merge_module::compare(&mine, &theirs).await?;
            Ok::<_, String>((mine, theirs, relation))
        }
        .await;
        state.busy.set(None);
        match result {
            Ok((mine, theirs, relation)) => {
                let history = mine.history.clone();
                store.change(|r| r.history = history);
                state.incoming.set(Some(Incoming {
                    file,
                    theirs,
                    mine,
                    relation,
                }));
            }
            Err(e) => store.fail(format!(
                "\"{file}\" kunde inte jämföras: {e}. Inget har ändrats."
            )),
        }
    });
}

/// The review state, passed by context.
#[derive(Clone, Copy)]
pub struct ReviewState {
    pub incoming: RwSignal<Option<Incoming>>,
    pub offer: RwSignal<Option<Offer>>,
    /// What is under way (a comparison loading the merge module), shown in Granskning.
    pub busy: RwSignal<Option<String>>,
    /// What the new comment is about: chosen in Granskning, or by a "Kommentera" button
    /// elsewhere.
    pub comment_target: RwSignal<CommentTarget>,
}

impl Default for ReviewState {
    fn default() -> Self {
        ReviewState {
            incoming: RwSignal::new(None),
            offer: RwSignal::new(None),
            busy: RwSignal::new(None),
            comment_target: RwSignal::new(CommentTarget::Report),
        }
    }
}

/// "Kommentera" at a section, a note or a check: opens Granskning with a new comment on it.
pub fn comment_on(target: CommentTarget) {
    let state = expect_context::<ReviewState>();
    let store = expect_context::<Store>();
    state.comment_target.set(target);
    store.view.set(View::Review);
    focus_later(ids::COMMENT_TEXT.to_string());
}

/// A report kept here that is the same document as `theirs`: its id and title.
pub fn same_document(store: Store, theirs: &Report) -> Option<(String, String)> {
    let entries = store.index.get_untracked();
    entries.into_iter().find_map(|e| {
        let mine = crate::library::read(&e.id)?.ok()?;
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
        "\"{}\" är en version av \"{}\", som du redan har här (sparad av {}, version {}).",
        isolate(&offer.file),
        isolate(&offer.title),
        isolate(&author),
        offer.theirs.lineage.revision
    );
    let compare = {
        let offer = offer.clone();
        move |_| {
            if store.current.get_untracked() != offer.id {
                store.open(&offer.id);
            }
            state.offer.set(None);
            start_comparison(store, state, offer.file.clone(), offer.theirs.clone());
        }
    };
    let open_new = move |_| {
        // A report that cannot be stored is not added; the store has said why.
        if store.add(offer.theirs.clone(), None) {
            store.notify(format!(
                "\"{}\" har öppnats som en ny årsredovisning i listan.",
                offer.file
            ));
        }
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
                        let _ = set_my_name(&name);
                        me.set(name);
                    } />
            </label>
            {move || state.busy.get().map(|text| view! { <p class="notice" role="status" data-testid="compare-busy">{text}</p> })}
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
    let author = incoming
        .theirs
        .lineage
        .author
        .clone()
        .unwrap_or_else(|| "den andra versionen".into());
    if incoming.relation == Relation::Nothing {
        let text = format!(
            "Inga nya ändringar: allt i \"{}\" från {} finns redan i din version (det som förts in eller avvisats tidigare räknas).",
            isolate(&incoming.file),
            isolate(&author)
        );
        return view! {
            <section class="compare" aria-labelledby="compare-title">
                <h3 id="compare-title">"Jämför med min version"</h3>
                <p data-testid="compare-summary">{text}</p>
                <div class="buttons">
                    <button type="button" on:click=move |_| state.incoming.set(None)>"Stäng jämförelsen"</button>
                </div>
            </section>
        }
        .into_any();
    }
    let merge = match store.report.with_untracked(|mine| incoming.review(mine)) {
        Ok(m) => m,
        Err(e) => {
            return view! { <p class="notice error" role="alert">{e.to_string()}</p> }.into_any()
        }
    };
    let all: BTreeSet<String> =
        kassoren_engine::util::sort::set(merge.changes.iter().map(|c| c.id.as_str().to_string()));
    let accepted = RwSignal::new(all.clone());
    let count = merge.changes.len() + merge.conflicts.len();
    let summary = format!(
        "{} i \"{}\" från {} ({} med dina egna ändringar).",
        count_words(count, "skillnad", "skillnader"),
        isolate(&incoming.file),
        isolate(&author),
        count_words(merge.conflicts.len(), "krock", "krockar")
    );
    let unrelated = incoming.relation == Relation::Unrelated;
    let apply = {
        let incoming = incoming.clone();
        let author = author.clone();
        move |_| {
            let chosen = merge_ids(store, &incoming, &accepted);
            if let Err(e) =
                store.keep_snapshot(&format!("Före sammanslagning med {}", incoming.file))
            {
                store.fail(format!("Inget fördes in: ingen säkerhetskopia kunde sparas ({e}). Spara som fil först."));
                return;
            }
            let n = chosen.len();
            match store
                .report
                .with_untracked(|mine| incoming.apply(mine, &chosen))
            {
                Ok(merged) => {
                    store.edit(|r| *r = merged.clone());
                    state.incoming.set(None);
                    store.notify(format!(
                        "{} från {} har förts in. Ångra tar bort {} igen.",
                        count_words(n, "ändring", "ändringar"),
                        isolate(&author),
                        noun(n, "den", "dem")
                    ));
                    record_merge(store, incoming.clone(), merged);
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
            {unrelated.then(|| view! {
                <p class="hint" data-testid="compare-unrelated">"Filen har ingen gemensam ändringshistorik med din version (den är sparad med en äldre version av Kassören eller gjord på annat sätt). Därför visas varje skillnad som en krock som du avgör: inget förs in om du inte väljer deras version."</p>
            })}
            {(!merge.changes.is_empty()).then(|| view! {
                <div class="buttons">
                    <button type="button" on:click=move |_| accepted.set(all_for_button.clone())>{format!("Godta alla från {author}")}</button>
                    <button type="button" on:click=move |_| accepted.set(BTreeSet::new())>"Avvisa alla"</button>
                </div>
            })}
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
                <h4>{if unrelated { "Skillnader att avgöra" } else { "Krockar: samma ställe ändrat i båda versionerna" }}</h4>
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

/// After a merge: the report's history gets both copies' histories and the treasurer's choices
/// (the merge module), so the same file compared again brings nothing new. Only the history
/// field changes; what was typed meanwhile is recorded the next time.
fn record_merge(store: Store, incoming: Incoming, merged: Report) {
    leptos::task::spawn_local(async move {
        let me = my_name().unwrap_or_else(|| "Okänd".to_string());
        match merge_module::combine(&incoming.mine, &incoming.theirs, &merged, &me).await {
            Ok(combined) => {
                let history = combined.history;
                store.change(|r| r.history = history);
            }
            Err(e) => store.fail(format!(
                "Ändringarna är införda, men ändringshistoriken kunde inte uppdateras: {e}. Samma fil visar då samma ändringar nästa gång."
            )),
        }
    });
}

/// The accepted changes and conflicts that still apply to the report as it is now.
fn merge_ids(
    store: Store,
    incoming: &Incoming,
    accepted: &RwSignal<BTreeSet<String>>,
) -> Vec<review::ChangeId> {
    let accepted = accepted.get_untracked();
    store
        .report
        .with_untracked(|mine| incoming.review(mine))
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

/// A text change on the rendered text: removed words struck through, added ones marked (the
/// engine's sanitised HTML).
fn words(kind: &ChangeKind) -> Option<impl IntoView> {
    let ChangeKind::Text { old, new, .. } = kind else {
        return None;
    };
    let html = review::marked_html(old, new);
    Some(view! { <div class="word-diff" inner_html=html></div> })
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
                    <bdi>{s.reviewer.clone()}</bdi>
                    {format!(" granskade version {} ({})", s.revision, local_time(&s.at))}
                    {if s.changed_since { " — ändrad sedan dess" } else { " — oförändrad sedan dess" }}
                </li>
            </For>
        </ul>
        <button type="button" on:click=sign>{move || format!("Jag har granskat version {}", revision.get())}</button>
    }
}

/// The comments: threads with replies, resolved or open, and a new comment on any part.
#[component]
fn Comments(me: RwSignal<String>) -> impl IntoView {
    let store = expect_context::<Store>();
    let targets = Memo::new(move |_| {
        store.report.with(|r| {
            let computed = store.computed.with(|c| c.problems.clone());
            comments::comment_targets(r, &computed)
        })
    });
    let text = RwSignal::new(String::new());
    let state = expect_context::<ReviewState>();
    let chosen = state.comment_target;
    let add = move |_| {
        let Some((name, body)) = signed(store, me, text) else {
            return;
        };
        // What the list shows as chosen: a target that has gone (a check now fixed) is the
        // first entry, the whole report.
        let wanted = chosen.get_untracked();
        let target = if targets.with_untracked(|t| t.iter().any(|(_, t)| *t == wanted)) {
            wanted
        } else {
            CommentTarget::Report
        };
        store.edit(|r| {
            comments::add_comment(r, &name, &now_iso(), target, &body, seed());
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
                <select id="comment-target" on:change=move |ev| {
                    let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                    chosen.set(targets.with_untracked(|t| t.get(i).map(|t| t.1.clone())).unwrap_or_default());
                }>
                    {move || targets.get().into_iter().enumerate().map(|(i, (label, target))| view! {
                        <option value=i.to_string() selected=move || chosen.with(|c| *c == target)>{label}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field" for=ids::COMMENT_TEXT>
                <span class="field-label">"Ny kommentar"</span>
                <textarea id=ids::COMMENT_TEXT rows="3" prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </label>
            <button type="button" on:click=add>"Lägg till kommentar"</button>
        </div>
    }
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
    let reply_id = ids::reply(&id);
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

//! Notes: title, text and an optional table (add/remove rows and columns, sum rows, tied to a
//! statement line). Numbers come from the engine, in the order the statements refer to them.

use kassoren_engine::edit;
use kassoren_engine::model::{Cell, Note, NoteSign, NoteTable, Report, RowKind};
use kassoren_engine::money::{format_for_input, parse_swedish, Money};
use leptos::prelude::*;

use super::inputs::{CellText, IconButton, TextArea, TextField};
use super::label_text::LabelText;
use crate::ids;
use crate::store::Store;
use kassoren_engine::model::CommentTarget;

fn note(r: &Report, id: &str) -> Option<Note> {
    r.note(id).cloned()
}

fn table(r: &Report, id: &str) -> Option<NoteTable> {
    r.note(id).and_then(|n| n.table.clone())
}

#[component]
pub fn NotesEditor() -> impl IntoView {
    let store = expect_context::<Store>();
    let ids = Memo::new(move |_| store.computed.with(|c| c.note_order.clone()));
    view! {
        <section class="editor-part">
            <h2>"Noter"</h2>
            <p class="hint">"Noterna numreras i den ordning resultat- och balansräkningen hänvisar till dem."</p>
            <For each=move || ids.get() key=|id| id.clone() let:id>
                <NoteEditor id=id />
            </For>
            <button type="button" class="add" on:click=move |_| {
                store.edit(|r| {
                    edit::add_note(r, "Ny not");
                });
            }>"+ Ny not"</button>
        </section>
    }
}

#[component]
fn NoteEditor(id: String) -> impl IntoView {
    let store = expect_context::<Store>();
    let key = id.clone();
    let number = Memo::new(move |_| {
        store
            .computed
            .with(|c| c.note_number(&key).unwrap_or_default())
    });
    let get = {
        let id = id.clone();
        move |f: fn(&Note) -> String| {
            let id = id.clone();
            Signal::derive(move || {
                store
                    .report
                    .with(|r| note(r, &id).as_ref().map(f).unwrap_or_default())
            })
        }
    };
    let key = id.clone();
    let has_table = Memo::new(move |_| {
        store
            .report
            .with(|r| r.note(&key).is_some_and(|n| n.table.is_some()))
    });
    let confirm = RwSignal::new(false);
    let (t, x, add, del) = (id.clone(), id.clone(), id.clone(), id.clone());
    let table_id = id.clone();
    let comment_id = id.clone();
    view! {
        <article class="note-editor" id=ids::note_editor(&id)>
            <h3>"Not " {move || number.get()}</h3>
            <TextField id=ids::note_title(&id) label="Rubrik" value=get(|n| n.title.clone()) on_change=move |v: String| store.edit(|r| {
                if let Some(n) = edit::note_mut(r, &t) {
                    n.title = v;
                }
            }) />
            <TextArea id=ids::note_text(&id) label="Text (Markdown)" rows=4 value=get(|n| n.text.clone()) on_change=move |v: String| store.edit(|r| {
                if let Some(n) = edit::note_mut(r, &x) {
                    n.text = v;
                }
            }) />
            <Show
                when=move || has_table.get()
                fallback=move || {
                    let add = add.clone();
                    view! {
                        <button type="button" class="add" on:click=move |_| store.edit(|r| {
                            edit::add_note_table(r, &add);
                        })>"+ Tabell"</button>
                    }
                }
            >
                <TableEditor note=table_id.clone() />
            </Show>
            <button type="button" class="comment-on" on:click={
                move |_| super::review::comment_on(CommentTarget::Note { note: comment_id.clone() })
            }>"Kommentera noten"</button>
            <div class="danger-zone">
                <Show
                    when=move || confirm.get()
                    fallback=move || view! { <button type="button" on:click=move |_| confirm.set(true)>"Ta bort noten"</button> }
                >
                    {
                        let del = del.clone();
                        view! {
                            <span class="confirm" role="alert">
                                "Ta bort noten och hänvisningarna till den? "
                                <button type="button" class="danger" on:click=move |_| store.edit(|r| {
                                    edit::remove_note(r, &del);
                                })>"Ja, ta bort"</button>
                                <button type="button" on:click=move |_| confirm.set(false)>"Avbryt"</button>
                            </span>
                        }
                    }
                </Show>
            </div>
        </article>
    }
}

#[component]
fn TableEditor(note: String) -> impl IntoView {
    let store = expect_context::<Store>();
    let key = note.clone();
    let columns = Memo::new(move |_| {
        store.report.with(|r| {
            table(r, &key)
                .map(|t| t.columns.iter().map(|c| c.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let key = note.clone();
    let rows = Memo::new(move |_| {
        store.report.with(|r| {
            table(r, &key)
                .map(|t| t.rows.iter().map(|c| c.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let lines = Memo::new(move |_| {
        store.report.with(|r| {
            r.all_lines()
                .map(|l| (l.id.clone(), l.label.clone()))
                .collect::<Vec<_>>()
        })
    });
    let key = note.clone();
    let tie = Memo::new(move |_| {
        store
            .report
            .with(|r| table(r, &key).and_then(|t| t.tie).unwrap_or_default())
    });
    let key = note.clone();
    let sign = Memo::new(move |_| {
        store.report.with(|r| match table(r, &key).map(|t| t.sign) {
            Some(NoteSign::Positive) => "positive",
            _ => "as_statement",
        })
    });
    let n7 = note.clone();
    let (n1, n2, n3, n4, n5, n6) = (
        note.clone(),
        note.clone(),
        note.clone(),
        note.clone(),
        note.clone(),
        note.clone(),
    );
    view! {
        <div class="table-scroll">
            <table class="note-table-editor">
                <thead>
                    <tr>
                        <th scope="col">"Rad"</th>
                        <For each=move || columns.get() key=|c| c.clone() let:col>
                            <ColumnHead note=n1.clone() column=col />
                        </For>
                        <th scope="col">"Radtyp"</th>
                        <th scope="col"><span class="visually-hidden">"Åtgärder"</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|r| r.clone() let:row>
                        <RowEditor note=n2.clone() row=row columns=columns />
                    </For>
                </tbody>
            </table>
        </div>
        <div class="row-fields">
            <button type="button" class="add" on:click=move |_| store.edit(|r| {
                edit::add_table_row(r, &n3, None, RowKind::Item);
            })>"+ Rad"</button>
            <button type="button" class="add" on:click=move |_| store.edit(|r| {
                edit::add_table_row(r, &n4, None, RowKind::Sum);
            })>"+ Summarad"</button>
            <button type="button" class="add" on:click=move |_| store.edit(|r| {
                edit::add_table_column(r, &n5, "", None);
            })>"+ Kolumn"</button>
            <label class="field inline">
                <span class="field-label">"Summan ska stämma mot raden"</span>
                <select prop:value=move || tie.get() on:change=move |ev| {
                    let v = event_target_value(&ev);
                    store.edit(|r| {
                        edit::set_table_tie(r, &n6, (!v.is_empty()).then_some(v.as_str()));
                    });
                }>
                    <option value="">"– ingen –"</option>
                    {move || lines.get().into_iter().map(|(id, label)| {
                        let selected = tie.get_untracked() == id;
                        view! { <option value=id selected=selected>{label}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label class="field inline">
                <span class="field-label">"Beloppen i noten"</span>
                <select class="note-sign" prop:value=move || sign.get() on:change=move |ev| {
                    let sign = if event_target_value(&ev) == "positive" { NoteSign::Positive } else { NoteSign::AsStatement };
                    store.edit(|r| {
                        if let Some(t) = edit::note_table_mut(r, &n7) {
                            t.sign = sign;
                        }
                    });
                }>
                    <option value="as_statement">"Med samma tecken som i räkningen"</option>
                    <option value="positive">"Som positiva belopp (vanligt för kostnader)"</option>
                </select>
            </label>
        </div>
    }
}

#[component]
fn ColumnHead(note: String, column: String) -> impl IntoView {
    let store = expect_context::<Store>();
    let (n, c) = (note.clone(), column.clone());
    let header = Signal::derive(move || {
        store
            .report
            .with(|r| {
                let col = edit::table_column(r, &n, &c)?;
                Some(if col.header.is_empty() {
                    col.year
                        .and_then(|y| r.years.get(usize::from(y)))
                        .map(|y| y.label())
                        .unwrap_or_default()
                } else {
                    col.header.clone()
                })
            })
            .unwrap_or_default()
    });
    let (n1, c1, n2, c2) = (note.clone(), column.clone(), note, column.clone());
    view! {
        <th scope="col">
            <CellText id=ids::note_column(&column) label="Kolumnrubrik" value=header on_change=move |v: String| store.edit(|r| {
                if let Some(col) = edit::table_column_mut(r, &n1, &c1) {
                    col.header = v;
                }
            }) />
            <IconButton label="Ta bort kolumnen" text="✕" on_click=move |_| store.edit(|r| {
                edit::remove_table_column(r, &n2, &c2);
            }) />
        </th>
    }
}

fn kind_value(k: RowKind) -> &'static str {
    match k {
        RowKind::Item => "item",
        RowKind::Count => "count",
        RowKind::Sum => "sum",
        RowKind::Heading => "heading",
    }
}

#[component]
fn RowEditor(note: String, row: String, columns: Memo<Vec<String>>) -> impl IntoView {
    let store = expect_context::<Store>();
    let (n, r0) = (note.clone(), row.clone());
    let kind = Memo::new(move |_| {
        store.report.with(|r| {
            edit::table_row(r, &n, &r0)
                .map(|x| x.kind)
                .unwrap_or_default()
        })
    });
    let (n, r0) = (note.clone(), row.clone());
    let label = Signal::derive(move || {
        store.report.with(|r| {
            edit::table_row(r, &n, &r0)
                .map(|x| x.label.clone())
                .unwrap_or_default()
        })
    });
    let cells = {
        let (note, row) = (note.clone(), row.clone());
        move || {
            let is_sum = kind.get() == RowKind::Sum;
            columns
                .get()
                .into_iter()
                .enumerate()
                .map(|(ci, col)| {
                    let (note, row) = (note.clone(), row.clone());
                    if is_sum {
                        let (n, rw) = (note.clone(), row.clone());
                        view! {
                            <td class="num computed">
                                {move || store.report.with(|r| {
                                    let t = table(r, &n)?;
                                    let ri = t.rows.iter().position(|x| x.id == rw)?;
                                    store.computed.with(|c| c.note_tables.get(&n)?.get(ri)?.get(ci).copied().flatten()).map(format_for_input)
                                })}
                            </td>
                        }
                        .into_any()
                    } else {
                        view! { <td><NoteCell note=note row=row column=col /></td> }.into_any()
                    }
                })
                .collect_view()
        }
    };
    let (n1, r1, n2, r2, n3, r3, n4, r4) = (
        note.clone(),
        row.clone(),
        note.clone(),
        row.clone(),
        note.clone(),
        row.clone(),
        note.clone(),
        row.clone(),
    );
    view! {
        <tr class=move || format!("row-{}", kind_value(kind.get()))>
            <th scope="row">
                <LabelText id=ids::note_row(&row) label="Radens text" value=label on_change=move |v: String| store.edit(|r| {
                    if let Some(x) = edit::table_row_mut(r, &n1, &r1) {
                        x.label = v;
                    }
                }) />
            </th>
            {cells}
            <td>
                <select aria-label="Radtyp" prop:value=move || kind_value(kind.get()) on:change=move |ev| {
                    let k = match event_target_value(&ev).as_str() {
                        "count" => RowKind::Count,
                        "sum" => RowKind::Sum,
                        "heading" => RowKind::Heading,
                        _ => RowKind::Item,
                    };
                    store.edit(|r| {
                        if let Some(x) = edit::table_row_mut(r, &n2, &r2) {
                            x.kind = k;
                        }
                    });
                }>
                    <option value="item">"Belopp"</option>
                    <option value="count">"Antal"</option>
                    <option value="sum">"Summa"</option>
                    <option value="heading">"Rubrik"</option>
                </select>
            </td>
            <td class="actions">
                <IconButton label="Flytta upp raden" text="↑" on_click=move |_| store.edit(|r| {
                    edit::move_table_row(r, &n3, &r3, true);
                }) />
                <IconButton label="Ta bort raden" text="✕" on_click=move |_| store.edit(|r| {
                    edit::remove_table_row(r, &n4, &r4);
                }) />
            </td>
        </tr>
    }
}

/// A note table cell: an amount when the text is one, otherwise text.
#[component]
fn NoteCell(note: String, row: String, column: String) -> impl IntoView {
    let store = expect_context::<Store>();
    let draft = RwSignal::new(None::<String>);
    let (n, rw, c) = (note.clone(), row.clone(), column.clone());
    let stored = Signal::derive(move || {
        store
            .report
            .with(|r| {
                Some(match edit::table_cell(r, &n, &rw, &c)?.clone() {
                    Cell::Amount(m) => format_for_input(m.0),
                    Cell::Text(s) => s,
                })
            })
            .unwrap_or_default()
    });
    view! {
        <input
            type="text"
            class="cell-text note-cell"
            id=ids::note_cell(&note, &row, &column)
            aria-label="Cell"
            prop:value=move || draft.get().unwrap_or_else(|| stored.get())
            on:input=move |ev| {
                let text = event_target_value(&ev);
                let cell = match parse_swedish(&text) {
                    Ok(Some(d)) => Some(Cell::Amount(Money(d))),
                    Ok(None) => None,
                    Err(_) => Some(Cell::Text(text.clone())),
                };
                draft.set(Some(text));
                store.edit(|r| {
                    edit::set_table_cell(r, &note, &row, &column, cell);
                });
            }
            on:blur=move |_| {
                // The cell may be gone (removed while focused): then nothing to reset.
                draft.try_set(None);
            }
        />
    }
}

//! Undo and redo as plain logic: the states before each edit, and which field the last edit came
//! from. Keystrokes in one field make one step; any other edit (a button, another field) starts
//! a new one. The caller says which field an edit came from, so this is tested without a page
//! (`tests/web.rs`).

use std::collections::VecDeque;

/// How many edits can be undone.
pub const UNDO_STEPS: usize = 250;

/// The undo history of one open report (`T` is the report).
#[derive(Clone, Debug)]
pub struct History<T> {
    past: VecDeque<T>,
    future: Vec<T>,
    /// The field the last edit came from, if it was a field.
    last_field: Option<String>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History {
            past: VecDeque::new(),
            future: Vec::new(),
            last_field: None,
        }
    }
}

impl<T> History<T> {
    /// Records an edit from `field` (`None`: not from a text field). `before` gives the state
    /// before the edit; it is kept unless the edit continues the last one in the same field.
    /// Whatever was undone can no longer be redone.
    pub fn record(&mut self, field: Option<&str>, before: impl FnOnce() -> T) {
        let same_field =
            field.is_some() && self.last_field.as_deref() == field && !self.past.is_empty();
        if !same_field {
            self.push(before());
        }
        self.future.clear();
        self.last_field = field.map(str::to_string);
    }

    /// Keeps `before` as a step of its own (not part of any field's typing): e.g. this tab's
    /// version when another tab's replaced it.
    pub fn record_step(&mut self, before: T) {
        self.push(before);
        self.future.clear();
        self.last_field = None;
    }

    fn push(&mut self, before: T) {
        self.past.push_back(before);
        if self.past.len() > UNDO_STEPS {
            self.past.pop_front();
        }
    }

    /// The state to go back to, given the current one (kept for redo); `None` when there is
    /// nothing to undo.
    pub fn undo(&mut self, current: T) -> Option<T> {
        self.last_field = None;
        let target = self.past.pop_back()?;
        self.future.push(current);
        Some(target)
    }

    /// The state to go forward to, given the current one (kept for undo); `None` when there is
    /// nothing to redo.
    pub fn redo(&mut self, current: T) -> Option<T> {
        self.last_field = None;
        let target = self.future.pop()?;
        self.past.push_back(current);
        Some(target)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// How many steps can be undone.
    pub fn len(&self) -> usize {
        self.past.len()
    }

    pub fn is_empty(&self) -> bool {
        self.past.is_empty()
    }
}

//! Where a shape's columns sit in a file's header: the result of detection or of a
//! user's column mapping, shared by both (so neither depends on the other).

use std::collections::BTreeMap;

use crate::data::schema::Shape;

/// Where each column a shape reads sits in the row: column name → index.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Columns(BTreeMap<&'static str, usize>);

impl Columns {
    /// The index of a column, if the file has it.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<usize> {
        self.0.get(name).copied()
    }

    /// Places a column.
    pub fn insert(&mut self, name: &'static str, index: usize) {
        self.0.insert(name, index);
    }

    /// True when the file has this column.
    #[must_use]
    pub fn has(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }

    /// Every placed column.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, usize)> + '_ {
        self.0.iter().map(|(k, v)| (*k, *v))
    }

    /// True when some column is placed at `index`.
    pub(in crate::data) fn uses(&self, index: usize) -> bool {
        self.0.values().any(|&i| i == index)
    }
}

/// A recognised header: the shape and where its columns are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub shape: Shape,
    pub columns: Columns,
    /// The governorate column was recognised by its values, not its header.
    pub governorate_by_values: Option<usize>,
}

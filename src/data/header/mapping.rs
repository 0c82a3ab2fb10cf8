//! A user's own column mapping, for files whose kind cannot be detected.
//!
//! The UI's mapping dialog lists a shape's columns ([`logical_columns`]), lets the
//! user pick a header for each, and builds a [`ColumnMapping`]. The mapping is plain
//! data (serde), so the app can remember it for files with the same header
//! ([`RememberedMappings`], keyed by [`header_key`]). A mapping never bypasses the
//! checks: the file's values are validated exactly as for a detected file.

pub use crate::domain::{ColumnMapping, LogicalColumn, RememberedMappings, header_key};

use crate::data::layout::{Columns, Layout};
use crate::data::schema::{Shape, col, fold_header};

/// The columns of a shape, required first.
#[must_use]
pub fn logical_columns(shape: Shape) -> Vec<LogicalColumn> {
    let required = shape.required().iter().map(|&name| LogicalColumn {
        name,
        required: true,
    });
    let optional = shape.optional().iter().map(|&name| LogicalColumn {
        name,
        required: false,
    });
    required.chain(optional).collect()
}

impl Shape {
    /// The columns of this shape, required first (see [`logical_columns`]).
    #[must_use]
    pub fn logical_columns(self) -> Vec<LogicalColumn> {
        logical_columns(self)
    }
}

impl ColumnMapping {
    /// The layout of a file with this header, or the logical column whose header
    /// is not in it (or is not a column of the shape).
    pub fn layout(&self, header: &[String]) -> Result<Layout, String> {
        let known = logical_columns(self.shape);
        let mut columns = Columns::default();
        for (logical, wanted) in &self.columns {
            let Some(column) = known.iter().find(|c| c.name == logical) else {
                return Err(logical.clone());
            };
            let wanted = fold_header(wanted);
            let Some(i) = header.iter().position(|h| fold_header(h) == wanted) else {
                return Err(logical.clone());
            };
            columns.insert(column.name, i);
        }
        for column in known.iter().filter(|c| c.required) {
            let satisfied = columns.has(column.name)
                || (column.name == col::PCODE && columns.has(col::GOVERNORATE));
            if !satisfied {
                return Err(column.name.to_string());
            }
        }
        Ok(Layout {
            shape: self.shape,
            columns,
            governorate_by_values: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::schema::TableKind;

    fn names(cols: &[&str]) -> Vec<String> {
        cols.iter().map(ToString::to_string).collect()
    }

    fn mapping() -> ColumnMapping {
        ColumnMapping {
            shape: Shape::Table(TableKind::IdpsGovernorate),
            columns: [
                ("governorate", "Muhafaza"),
                ("date", "Yawm"),
                ("individuals", "Nas"),
            ]
            .into_iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
        }
    }

    #[test]
    fn a_mapping_places_columns_by_header_in_any_case() {
        let layout = mapping()
            .layout(&names(&["nas", "YAWM", "x", "Muhafaza"]))
            .unwrap();
        assert_eq!(layout.columns.get(col::INDIVIDUALS), Some(0));
        assert_eq!(layout.columns.get(col::GOVERNORATE), Some(3));
    }

    #[test]
    fn a_mapping_names_what_it_cannot_place() {
        assert_eq!(
            mapping().layout(&names(&["Nas", "Muhafaza"])),
            Err("date".to_string())
        );
        let mut incomplete = mapping();
        incomplete.columns.remove("individuals");
        assert_eq!(
            incomplete.layout(&names(&["Nas", "Yawm", "Muhafaza"])),
            Err("individuals".to_string())
        );
    }

    #[test]
    fn mappings_are_remembered_by_header_and_survive_json() {
        let header = names(&["Muhafaza", "Yawm", "Nas"]);
        let mut remembered = RememberedMappings::default();
        remembered.remember(&header, mapping());
        let json = serde_json::to_string(&remembered).unwrap();
        let back: RememberedMappings = serde_json::from_str(&json).unwrap();
        assert_eq!(
            back.find(&names(&["muhafaza", "yawm", "NAS"])),
            Some(&mapping())
        );
        assert_eq!(back.find(&names(&["other"])), None);
        assert!(json.contains("idps_governorate"), "{json}");
    }
}

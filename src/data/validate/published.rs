//! What the readers of published multi-country formats share (DTM API, HDX HAPI,
//! IDMC, UNHCR): the tables they return, counts as agencies publish them (`1,234`,
//! `*` for a figure not published, never 0), each DTM operation as its own source,
//! and warnings for what was left out. The admin-level rule of the DTM API and HAPI
//! readers is in `levels.rs`.

use crate::data::cells::{Cells, file_source_id};
use crate::data::error::Warning;
use crate::data::parsed::{LeftOut, Table};

/// What a reader of a published format returns.
#[derive(Debug)]
pub(in crate::data) struct FormatRead {
    /// The main table (`Parsed::table`).
    pub table: Table,
    /// More tables from the same file (`Parsed::also`).
    pub also: Vec<Table>,
    /// Rows read and not kept, by reason.
    pub left_out: Vec<LeftOut>,
}

/// A count cell as agencies publish it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::data) enum Count {
    /// A published figure.
    Value(u64),
    /// `*`: a small number UNHCR does not publish; never 0.
    Masked,
    /// Empty or `-`: nothing published.
    Missing,
}

/// Expected text for a count of people.
const PEOPLE: &str = "a whole number of people, 0 or more";

/// A whole number of people: `1234`, `1,234` (thousands grouped), `1234.0`.
#[must_use]
pub(in crate::data) fn parse_people(text: &str) -> Option<u64> {
    whole_people(text).filter(|n| *n <= crate::data::cells::MAX_COUNT)
}

fn whole_people(text: &str) -> Option<u64> {
    let text = text.trim();
    let whole = text
        .strip_suffix(".0")
        .or_else(|| text.strip_suffix(".00"))
        .unwrap_or(text);
    if let Ok(n) = whole.parse::<u64>() {
        return Some(n);
    }
    let mut groups = whole.split(',');
    let first = groups.next()?;
    let grouped = (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups
            .clone()
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
        && whole.contains(',');
    if grouped {
        whole.replace(',', "").parse().ok()
    } else {
        None
    }
}

/// A count cell: a value, `*` (masked), or nothing; a bad value is a problem (`Err`).
pub(in crate::data) fn count_cell(
    c: &mut Cells,
    row: usize,
    name: &'static str,
) -> Result<Count, ()> {
    let Some(i) = c.index(name) else {
        return Ok(Count::Missing);
    };
    match c.raw.cell(i, row) {
        None | Some("-") => Ok(Count::Missing),
        Some("*") => Ok(Count::Masked),
        Some(text) => {
            if let Some(n) = parse_people(text) {
                Ok(Count::Value(n))
            } else {
                let text = text.to_string();
                c.problem(row, name, PEOPLE, &text);
                Err(())
            }
        }
    }
}

/// The source of a file's figures of one DTM operation ("your file: NAME, operation
/// Iraq conflict"); the file itself when the operation is not named.
#[must_use]
pub fn operation_source_id(file: &str, operation: Option<&str>) -> String {
    match operation {
        Some(op) => format!("{}, operation {op}", file_source_id(file)),
        None => file_source_id(file),
    }
}

/// Warnings saying what was left out, one per reason.
pub(in crate::data) fn note_left_out(c: &mut Cells, left_out: &[LeftOut]) {
    for l in left_out {
        c.warnings.push(Warning {
            file: c.raw.file.clone(),
            message: l.detail.clone(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_read_as_published() {
        assert_eq!(parse_people("1234"), Some(1234));
        assert_eq!(parse_people("1,168,619"), Some(1_168_619));
        assert_eq!(parse_people("288.0"), Some(288));
        assert_eq!(parse_people("12,34"), None);
        assert_eq!(parse_people("-5"), None);
        assert_eq!(parse_people("1.5"), None);
        assert_eq!(parse_people("abc"), None);
        assert_eq!(parse_people(",123"), None);
    }

    #[test]
    fn each_operation_is_its_own_source() {
        assert_eq!(
            operation_source_id("f.csv", Some("Iraq conflict")),
            "file:f.csv, operation Iraq conflict"
        );
        assert_eq!(operation_source_id("f.csv", None), "file:f.csv");
    }
}

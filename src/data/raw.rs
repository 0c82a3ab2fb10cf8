//! Reading a CSV file into a table of text cells, through polars.
//!
//! Every cell is read as text (no type inference), trimmed, and an empty cell
//! becomes `None`. Each data row keeps the physical line it started on, so a
//! message can name the row the user's spreadsheet shows (the header is row 1),
//! even when a quoted cell spans lines. A leading BOM is stripped and the
//! delimiter (comma, semicolon or tab) is detected from the header line.

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use polars::prelude::{CsvReadOptions, DataFrame, SerReader};

use super::error::DataError;

/// A file's header and cells, column by column, as text.
#[derive(Debug, Clone)]
pub struct RawTable {
    /// The file's name, for messages.
    pub file: String,
    /// Column names as written in the file.
    pub header: Vec<String>,
    /// `cells[column][row]`, trimmed; empty cells are `None`.
    cells: Vec<Vec<Option<String>>>,
    /// The 1-based physical line each data row starts on.
    lines: Vec<usize>,
}

impl RawTable {
    /// Parses CSV bytes; `file` names the file in messages.
    pub fn from_csv(file: &str, bytes: &[u8]) -> Result<RawTable, DataError> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(DataError::Empty { file: file.into() });
        }
        if std::str::from_utf8(bytes).is_err() {
            return Err(DataError::Malformed {
                file: file.into(),
                reason: "the file is not UTF-8 text".into(),
            });
        }
        let separator = detect_separator(bytes);
        let frame = read_frame(file, bytes, separator)?;
        let header: Vec<String> = frame
            .get_column_names()
            .iter()
            .map(|n| n.as_str().trim().to_string())
            .collect();
        let height = frame.height();
        if height == 0 {
            return Err(DataError::HeaderOnly { file: file.into() });
        }
        let mut cells = Vec::with_capacity(header.len());
        for column in frame.columns() {
            let text = column.str().map_err(|e| DataError::Malformed {
                file: file.into(),
                reason: e.to_string(),
            })?;
            cells.push(
                text.iter()
                    .map(|c| c.map(str::trim).filter(|c| !c.is_empty()).map(String::from))
                    .collect(),
            );
        }
        let mut lines = record_lines(bytes);
        // Line 0 of `lines` is the header; data rows follow. If our count disagrees
        // with the parser's (an unusual file), fall back to counting rows.
        if lines.len() == height + 1 {
            lines.remove(0);
        } else {
            lines = (2..height + 2).collect();
        }
        Ok(RawTable {
            file: file.into(),
            header,
            cells,
            lines,
        })
    }

    /// Number of data rows.
    #[must_use]
    pub fn height(&self) -> usize {
        self.lines.len()
    }

    /// The index of a column, matched case-insensitively.
    #[must_use]
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
    }

    /// The text of one cell.
    #[must_use]
    pub fn cell(&self, column: usize, row: usize) -> Option<&str> {
        self.cells.get(column)?.get(row)?.as_deref()
    }

    /// The physical row a user sees for data row `row`.
    #[must_use]
    pub fn line(&self, row: usize) -> usize {
        self.lines.get(row).copied().unwrap_or(row + 2)
    }
}

fn read_frame(file: &str, bytes: &[u8], separator: u8) -> Result<DataFrame, DataError> {
    let malformed = |reason: String| DataError::Malformed {
        file: file.into(),
        reason,
    };
    let result = catch_unwind(AssertUnwindSafe(|| {
        CsvReadOptions::default()
            .with_has_header(true)
            .with_infer_schema_length(Some(0))
            .with_raise_if_empty(false)
            .map_parse_options(|p| p.with_separator(separator).with_missing_is_null(true))
            .into_reader_with_file_handle(Cursor::new(bytes))
            .finish()
    }));
    match result {
        Ok(Ok(frame)) => Ok(frame),
        Ok(Err(e)) => Err(malformed(e.to_string().lines().next().unwrap_or("").into())),
        Err(_) => Err(malformed("the CSV parser failed on this file".into())),
    }
}

/// Picks the delimiter that splits the header line into the most fields.
fn detect_separator(bytes: &[u8]) -> u8 {
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or(bytes);
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&sep| first_line.split(|&b| b == sep).count())
        .unwrap_or(b',')
}

/// The 1-based line each non-empty CSV record starts on, quotes respected.
fn record_lines(bytes: &[u8]) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut line = 1;
    let mut in_quotes = false;
    let mut record_has_content = false;
    let mut record_start = 1;
    for &b in bytes {
        match b {
            b'"' => {
                in_quotes = !in_quotes;
                if !record_has_content {
                    record_has_content = true;
                    record_start = line;
                }
            }
            b'\n' => {
                if !in_quotes && record_has_content {
                    starts.push(record_start);
                    record_has_content = false;
                }
                line += 1;
            }
            b'\r' => {}
            _ => {
                if !record_has_content {
                    record_has_content = true;
                    record_start = line;
                }
            }
        }
    }
    if record_has_content {
        starts.push(record_start);
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cells_as_trimmed_text_with_their_lines() {
        let t = RawTable::from_csv("t.csv", b"a,b\n 1 ,x\n2,\n").unwrap();
        assert_eq!(t.header, ["a", "b"]);
        assert_eq!(t.height(), 2);
        assert_eq!(t.cell(0, 0), Some("1"));
        assert_eq!(t.cell(1, 1), None);
        assert_eq!((t.line(0), t.line(1)), (2, 3));
    }

    #[test]
    fn a_quoted_cell_over_two_lines_keeps_later_rows_on_their_lines() {
        let t = RawTable::from_csv("t.csv", b"a,b\n\"x\ny\",1\n2,3\n").unwrap();
        assert_eq!(t.cell(0, 0), Some("x\ny"));
        assert_eq!((t.line(0), t.line(1)), (2, 4));
    }

    #[test]
    fn bom_semicolons_and_crlf_are_read() {
        let t = RawTable::from_csv("t.csv", b"\xEF\xBB\xBFdate;idps\r\n2024-01-01;5\r\n").unwrap();
        assert_eq!(t.header, ["date", "idps"]);
        assert_eq!(t.cell(1, 0), Some("5"));
        assert_eq!(t.column("IDPS"), Some(1));
    }

    #[test]
    fn empty_and_header_only_files_are_named_as_such() {
        assert!(matches!(
            RawTable::from_csv("e.csv", b""),
            Err(DataError::Empty { .. })
        ));
        assert!(matches!(
            RawTable::from_csv("e.csv", b" \n\n"),
            Err(DataError::Empty { .. })
        ));
        assert!(matches!(
            RawTable::from_csv("h.csv", b"date,idps\n"),
            Err(DataError::HeaderOnly { .. })
        ));
    }

    #[test]
    fn binary_junk_is_refused_without_panicking() {
        let junk: Vec<u8> = (0..=255u8).cycle().take(2000).collect();
        assert!(RawTable::from_csv("j.bin", &junk).is_err());
    }

    #[test]
    fn record_lines_skip_blank_lines() {
        assert_eq!(record_lines(b"a\n\nb\nc"), [1, 3, 4]);
    }
}

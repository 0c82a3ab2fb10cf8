//! A table of text cells under a recognised header, ready to be validated.
//!
//! Cells are stored column by column, trimmed, an empty cell being `None`. Each data
//! row keeps its physical row (CSV line or sheet row), and a workbook's table keeps
//! its sheet name and column letters, so a [`Problem`] names exactly the cell the user
//! sees. Blank rows are skipped.

use crate::data::detect::{Columns, GridRow, Header};
use crate::data::error::Problem;
use crate::data::schema::Shape;

/// A file's header and cells, column by column, as text.
#[derive(Debug, Clone)]
pub struct RawTable {
    /// The file's name, for messages.
    pub file: String,
    /// The sheet of a workbook.
    pub sheet: Option<String>,
    /// Column names as written in the file.
    pub header: Vec<String>,
    /// What the header was recognised as, and where each column is.
    pub shape: Shape,
    pub columns: Columns,
    /// Index of the first column in the sheet (0 = column A), for letters.
    first_column: Option<usize>,
    /// `cells[column][row]`.
    cells: Vec<Vec<Option<String>>>,
    /// The physical row of each data row.
    lines: Vec<usize>,
    /// Rows whose only values lie right of the header's columns (left out).
    pub stray_rows: Vec<usize>,
}

impl RawTable {
    /// An empty table under `header`; rows are added with [`RawTable::push`].
    #[must_use]
    pub fn new(
        file: &str,
        sheet: Option<&str>,
        header: &Header,
        first_column: Option<usize>,
    ) -> Self {
        RawTable {
            file: file.into(),
            sheet: sheet.map(String::from),
            header: header.names.clone(),
            shape: header.layout.shape,
            columns: header.layout.columns.clone(),
            first_column,
            cells: vec![Vec::new(); header.names.len()],
            lines: Vec::new(),
            stray_rows: Vec::new(),
        }
    }

    /// Adds a data row. Rows blank in the header's columns are skipped (a stray
    /// value far right of the table, as Excel files carry, is noted in
    /// [`RawTable::stray_rows`]); cells beyond the header are ignored.
    pub fn push(&mut self, row: GridRow) {
        if row.is_blank_within(self.header.len()) {
            if !row.is_blank() {
                self.stray_rows.push(row.line);
            }
            return;
        }
        let mut cells = row.cells.into_iter();
        for column in &mut self.cells {
            column.push(cells.next().flatten());
        }
        self.lines.push(row.line);
    }

    /// Number of data rows.
    #[must_use]
    pub fn height(&self) -> usize {
        self.lines.len()
    }

    /// The index of a column the shape reads.
    #[must_use]
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.get(name)
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

    /// A problem at a cell: `row` is a data row, `column` a column index (or `None`
    /// when the column is absent, then `name` is used).
    #[must_use]
    pub fn problem(
        &self,
        row: usize,
        column: Option<usize>,
        name: &str,
        expected: &str,
        found: &str,
    ) -> Problem {
        self.problem_at_line(self.line(row), column, name, expected, found)
    }

    /// A problem at a physical row.
    #[must_use]
    pub fn problem_at_line(
        &self,
        line: usize,
        column: Option<usize>,
        name: &str,
        expected: &str,
        found: &str,
    ) -> Problem {
        Problem {
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            row: line,
            column: column
                .and_then(|i| self.header.get(i))
                .filter(|h| !h.is_empty())
                .cloned()
                .unwrap_or_else(|| name.to_string()),
            letter: match (self.first_column, column) {
                (Some(first), Some(i)) => Some(column_letter(first + i)),
                _ => None,
            },
            expected: expected.into(),
            found: found.into(),
        }
    }
}

/// The spreadsheet letter of a 0-based column index (0 → A, 26 → AA).
#[must_use]
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::detect::Layout;
    use crate::data::schema::TableKind;

    #[test]
    fn letters_run_a_to_z_then_aa() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn problems_name_the_header_the_line_and_the_letter() {
        let header = Header {
            index: 0,
            names: vec!["Gov".into(), "IDPs".into()],
            hxl: false,
            layout: Layout {
                shape: Shape::Table(TableKind::IdpsGovernorate),
                columns: Columns::default(),
                governorate_by_values: None,
            },
        };
        let mut t = RawTable::new("f.xlsx", Some("Data"), &header, Some(1));
        t.push(GridRow {
            line: 7,
            cells: vec![Some("x".into())],
        });
        t.push(GridRow {
            line: 8,
            cells: vec![None, None],
        });
        assert_eq!(t.height(), 1);
        assert_eq!(t.cell(1, 0), None);
        let p = t.problem(0, Some(1), "individuals", "a number", "x");
        assert_eq!(
            p.to_string(),
            "f.xlsx: sheet \"Data\", row 7, column \"IDPs\" (C): expected a number, found \"x\""
        );
    }
}

//! Tables as CSV files (DESIGN §7): UTF-8 with a byte-order mark (so Excel shows
//! Arabic names correctly), then the dashboard's [`CsvTable`] as text (comma,
//! CRLF, fixed columns per panel). The clipboard's "Copy as CSV" writes the same
//! text without the byte-order mark ([`CsvTable::text`]).

use crate::model::CsvTable;

/// The byte-order mark every CSV file starts with.
pub const BOM: &str = "\u{feff}";

/// The CSV file: BOM, header, rows, CRLF after each line.
#[must_use]
pub fn file_text(table: &CsvTable) -> String {
    format!("{BOM}{}", table.text())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_start_with_a_bom_and_end_lines_with_crlf() {
        let t = file_text(&CsvTable {
            columns: vec!["a", "b"],
            rows: vec![vec!["1".to_string(), "x,y".to_string()]],
        });
        assert_eq!(t, "\u{feff}a,b\r\n1,\"x,y\"\r\n");
    }
}

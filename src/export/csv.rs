//! Tables as CSV files (DESIGN §7): UTF-8 with a byte-order mark (so Excel shows
//! Arabic names correctly), comma-separated, CRLF line ends. The cells come ready
//! from the dashboard ([`CsvTable`]); the clipboard's "Copy as CSV" writes the same
//! text without the byte-order mark.

use crate::model::CsvTable;

/// The byte-order mark every CSV file starts with.
pub const BOM: &str = "\u{feff}";

/// A field, quoted when it holds a comma, a quote, a line break or edge spaces.
fn field(text: &str) -> String {
    let needs_quotes =
        text.contains([',', '"', '\r', '\n']) || text.starts_with(' ') || text.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The table's header and rows, each line ended with CRLF, without a byte-order mark
/// (what "Copy as CSV" puts on the clipboard).
#[must_use]
pub fn lines(table: &CsvTable) -> String {
    let mut out = String::new();
    let mut push = |cells: &mut dyn Iterator<Item = &str>| {
        let line: Vec<String> = cells.map(field).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    };
    push(&mut table.columns.iter().copied());
    for row in &table.rows {
        push(&mut row.iter().map(String::as_str));
    }
    out
}

/// The CSV file: BOM, header, rows, CRLF after each line.
#[must_use]
pub fn file_text(table: &CsvTable) -> String {
    format!("{BOM}{}", lines(table))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("Ninewa"), "Ninewa");
        assert_eq!(field("IOM, DTM"), "\"IOM, DTM\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("a\nb"), "\"a\nb\"");
    }

    #[test]
    fn tables_start_with_a_bom_and_end_lines_with_crlf() {
        let t = file_text(&CsvTable {
            columns: vec!["a", "b"],
            rows: vec![vec!["1".to_string(), "x,y".to_string()]],
        });
        assert_eq!(t, "\u{feff}a,b\r\n1,\"x,y\"\r\n");
    }
}

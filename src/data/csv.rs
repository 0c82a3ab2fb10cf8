//! CSV text as users receive it: UTF-8 with or without a BOM, comma, semicolon or tab,
//! LF or CRLF, quoted cells that may span lines.
//!
//! [`Records`] walks the text record by record (RFC 4180 quoting) and gives each
//! record the physical line it starts on, so every message names the line the user's
//! editor shows. Cells are trimmed; an empty cell is `None`; blank lines are skipped.

use super::detect::GridRow;
use super::error::DataError;

/// The text of a CSV file: BOM stripped, checked to be UTF-8 and not empty.
pub fn text<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, DataError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DataError::Empty { file: file.into() });
    }
    std::str::from_utf8(bytes).map_err(|e| DataError::Malformed {
        file: file.into(),
        reason: format!(
            "the file is not UTF-8 text (first bad byte at offset {}); save it as CSV UTF-8",
            e.valid_up_to()
        ),
    })
}

/// Picks the delimiter (comma, semicolon or tab) that splits the first lines into
/// the same number of fields most often, preferring more fields.
#[must_use]
pub fn detect_separator(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(12)
        .collect();
    let score = |sep: u8| -> (usize, usize) {
        let counts: Vec<usize> = lines
            .iter()
            .map(|l| {
                let mut r = Records::new(l, sep);
                r.next().map_or(0, |rec| rec.cells.len())
            })
            .collect();
        let widest = counts.iter().copied().max().unwrap_or(0);
        if widest < 2 {
            return (0, 0);
        }
        // Rows of the most common width (title rows above a header have fewer).
        let mut best = (0, 0);
        for &w in &counts {
            let n = counts.iter().filter(|&&c| c == w).count();
            if w >= 2 && (n, w) > best {
                best = (n, w);
            }
        }
        best
    };
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&sep| score(sep))
        .unwrap_or(b',')
}

/// The records of CSV text, each with its physical starting line.
#[derive(Debug, Clone)]
pub struct Records<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    separator: u8,
}

impl<'a> Records<'a> {
    /// Records of `text`, split on `separator`.
    #[must_use]
    pub fn new(text: &'a str, separator: u8) -> Self {
        Records {
            text,
            pos: 0,
            line: 1,
            separator,
        }
    }

    /// Byte offset of the next record (or of a blank line before it).
    #[must_use]
    pub fn offset(&self) -> usize {
        self.pos
    }

    /// The physical line of that offset.
    #[must_use]
    pub fn line(&self) -> usize {
        self.line
    }

    /// Moves past up to `n` records without splitting them into cells; returns how
    /// many records were skipped (blank lines do not count).
    pub fn skip_records(&mut self, n: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut skipped = 0;
        let mut in_quotes = false;
        let mut has_content = false;
        while self.pos < bytes.len() && skipped < n {
            match bytes[self.pos] {
                b'"' => {
                    in_quotes = !in_quotes;
                    has_content = true;
                }
                b'\n' => {
                    self.line += 1;
                    if !in_quotes && has_content {
                        skipped += 1;
                        has_content = false;
                    }
                }
                b'\r' | b' ' | b'\t' => {}
                b if b == self.separator => {}
                _ => has_content = true,
            }
            self.pos += 1;
        }
        if self.pos >= bytes.len() && has_content {
            skipped += 1;
        }
        skipped
    }
}

impl Iterator for Records<'_> {
    type Item = GridRow;

    fn next(&mut self) -> Option<GridRow> {
        let bytes = self.text.as_bytes();
        loop {
            if self.pos >= bytes.len() {
                return None;
            }
            let start_line = self.line;
            let mut cells: Vec<Option<String>> = Vec::new();
            let mut cell = String::new();
            let mut in_quotes = false;
            let mut segment_start = self.pos;
            let push = |cell: &mut String, cells: &mut Vec<Option<String>>| {
                let trimmed = cell.trim();
                cells.push((!trimmed.is_empty()).then(|| trimmed.to_string()));
                cell.clear();
            };
            while self.pos < bytes.len() {
                let b = bytes[self.pos];
                if in_quotes {
                    if b == b'"' {
                        if bytes.get(self.pos + 1) == Some(&b'"') {
                            cell.push_str(&self.text[segment_start..=self.pos]);
                            self.pos += 2;
                            segment_start = self.pos;
                            continue;
                        }
                        cell.push_str(&self.text[segment_start..self.pos]);
                        in_quotes = false;
                        self.pos += 1;
                        segment_start = self.pos;
                        continue;
                    }
                    if b == b'\n' {
                        self.line += 1;
                    }
                    self.pos += 1;
                    continue;
                }
                if b == b'"' {
                    cell.push_str(&self.text[segment_start..self.pos]);
                    in_quotes = true;
                    self.pos += 1;
                    segment_start = self.pos;
                } else if b == self.separator {
                    cell.push_str(&self.text[segment_start..self.pos]);
                    push(&mut cell, &mut cells);
                    self.pos += 1;
                    segment_start = self.pos;
                } else if b == b'\n' || b == b'\r' {
                    break;
                } else {
                    self.pos += 1;
                }
            }
            cell.push_str(&self.text[segment_start..self.pos]);
            push(&mut cell, &mut cells);
            // End of record: CRLF, LF or CR.
            if bytes.get(self.pos) == Some(&b'\r') {
                self.pos += 1;
            }
            if bytes.get(self.pos) == Some(&b'\n') {
                self.pos += 1;
            }
            self.line += 1;
            let row = GridRow {
                line: start_line,
                cells,
            };
            if !row.is_blank() {
                return Some(row);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(row: &GridRow) -> Vec<&str> {
        row.cells
            .iter()
            .map(|c| c.as_deref().unwrap_or(""))
            .collect()
    }

    #[test]
    fn records_keep_their_physical_lines_and_skip_blank_lines() {
        let rows: Vec<GridRow> = Records::new("a,b\n\n 1 ,x\r\n2,\n", b',').collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(cells(&rows[1]), ["1", "x"]);
        assert_eq!(rows[2].cells[1], None);
        assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [1, 3, 4]);
    }

    #[test]
    fn quoted_cells_keep_separators_quotes_and_newlines() {
        let rows: Vec<GridRow> = Records::new("a,b\n\"x,\"\"y\"\"\nz\",1\n2,3", b',').collect();
        assert_eq!(cells(&rows[1]), ["x,\"y\"\nz", "1"]);
        assert_eq!((rows[1].line, rows[2].line), (2, 4));
    }

    #[test]
    fn separators_are_detected() {
        assert_eq!(detect_separator("a;b;c\n1;2;3\n"), b';');
        assert_eq!(detect_separator("a\tb\n1\t2\n"), b'\t');
        assert_eq!(detect_separator("a,b\n1,2\n"), b',');
        // A title row above a semicolon header, with a comma in the title.
        assert_eq!(
            detect_separator("Made up, for tests\na;b;c\n1;2,5;3\n4;5;6\n"),
            b';'
        );
    }

    #[test]
    fn bom_is_stripped_and_junk_refused() {
        assert_eq!(text("f", b"\xEF\xBB\xBFa,b\n").unwrap(), "a,b\n");
        assert!(matches!(text("f", b"  \n"), Err(DataError::Empty { .. })));
        assert!(matches!(
            text("f", b"a\xFF\xFEb"),
            Err(DataError::Malformed { .. })
        ));
    }

    #[test]
    fn skip_moves_over_records_without_reading_them() {
        let t = "h\n\"a\nb\"\nc\n\nd\n";
        let mut r = Records::new(t, b',');
        assert_eq!(r.skip_records(2), 2);
        assert_eq!(r.line(), 4);
        let rest: Vec<GridRow> = r.collect();
        assert_eq!(rest.len(), 2);
        assert_eq!((rest[0].line, rest[1].line), (4, 6));
    }
}

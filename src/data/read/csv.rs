//! CSV text as users receive it: UTF-8 with or without a BOM, UTF-16, or the legacy
//! Windows code pages Excel writes (1256 for Arabic, 1252 for Western); comma,
//! semicolon or tab; LF or CRLF; quoted cells that may span lines.
//!
//! [`Records`] walks the text record by record (RFC 4180 quoting) and gives each
//! record the physical line it starts on, so every message names the line the user's
//! editor shows. Cells are trimmed; an empty cell is `None`; blank lines are skipped.

pub use crate::domain::Encoding;

use crate::data::detect::GridRow;
use crate::data::error::DataError;

/// CSV text decoded to UTF-8, and the encoding it came in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    pub text: std::borrow::Cow<'a, str>,
    pub encoding: Encoding,
}

/// Decodes a CSV file: UTF-8 first (a BOM stripped), then UTF-16 with a BOM, then
/// Windows-1256 if that yields Arabic letters, else Windows-1252. A file is never
/// refused only because it is not UTF-8; an empty one is.
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<Decoded<'a>, DataError> {
    use std::borrow::Cow;
    let decoded = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Decoded {
            text: simdutf8::basic::from_utf8(rest)
                .map_or_else(|_| String::from_utf8_lossy(rest), Cow::Borrowed),
            encoding: Encoding::Utf8,
        }
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let (text, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(rest);
        Decoded {
            text,
            encoding: Encoding::Utf16Le,
        }
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let (text, _) = encoding_rs::UTF_16BE.decode_without_bom_handling(rest);
        Decoded {
            text,
            encoding: Encoding::Utf16Be,
        }
    } else if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        Decoded {
            text: Cow::Borrowed(text),
            encoding: Encoding::Utf8,
        }
    } else {
        let (arabic, _) = encoding_rs::WINDOWS_1256.decode_without_bom_handling(bytes);
        if mostly_arabic(&arabic) {
            Decoded {
                text: arabic,
                encoding: Encoding::Windows1256,
            }
        } else {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            Decoded {
                text,
                encoding: Encoding::Windows1252,
            }
        }
    };
    if decoded.text.chars().all(char::is_whitespace) {
        return Err(DataError::Empty { file: file.into() });
    }
    Ok(decoded)
}

/// True when most non-ASCII letters of `text` are Arabic letters (Windows-1256 bytes
/// read as Arabic; Western text read through Windows-1256 gives few of them).
fn mostly_arabic(text: &str) -> bool {
    let mut arabic = 0usize;
    let mut other = 0usize;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if ('\u{0621}'..='\u{064A}').contains(&c) {
            arabic += 1;
        } else {
            other += 1;
        }
    }
    arabic > 0 && arabic >= other
}

/// True when a cell holds only question marks (and spaces or punctuation): text
/// that Excel could not write in the file's code page.
#[must_use]
pub fn is_lost_text(cell: &str) -> bool {
    cell.contains('?')
        && cell
            .chars()
            .all(|c| c == '?' || c.is_whitespace() || matches!(c, '-' | '.' | '(' | ')' | '/'))
}

/// Picks the delimiter (comma, semicolon or tab) that splits the first lines into
/// the same number of fields most often, preferring more fields.
#[must_use]
pub fn detect_separator(text: &str) -> u8 {
    // Whole records, not physical lines: a quoted cell may hold line breaks and tabs
    // (FTS flow descriptions do).
    let score = |sep: u8| -> (usize, usize) {
        let counts: Vec<usize> = Records::new(text, sep)
            .take(12)
            .map(|r| r.cells.len())
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
                // A line ends at LF, CRLF, or a CR alone (old Mac Excel).
                b'\n' => {
                    self.line += 1;
                    if !in_quotes && has_content {
                        skipped += 1;
                        has_content = false;
                    }
                }
                b'\r' if bytes.get(self.pos + 1) != Some(&b'\n') && !in_quotes => {
                    self.line += 1;
                    if has_content {
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

impl Records<'_> {
    /// Moves to the first record that starts on or after physical line `line`
    /// (the first data row under a header): lines that hold no cells (`""`, a
    /// no-break space) are passed over, never counted as the header.
    pub fn skip_to_line(&mut self, line: usize) {
        while self.line < line && self.pos < self.text.len() {
            if self.skip_records(1) == 0 {
                break;
            }
        }
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
    fn quoted_line_breaks_and_tabs_do_not_decide_the_separator() {
        let text = "id,description,amountUSD\n1,\"Line one\n\tline\ttwo\n\tthree\",5\n2,\"a\tb\n\tc\td\",6\n";
        assert_eq!(detect_separator(text), b',');
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

    fn decoded(bytes: &[u8]) -> (String, &'static str) {
        let d = decode("f", bytes).unwrap();
        (d.text.into_owned(), d.encoding.label())
    }

    #[test]
    fn bom_is_stripped_and_empty_refused() {
        assert_eq!(decoded(b"\xEF\xBB\xBFa,b\n"), ("a,b\n".into(), "utf-8"));
        assert!(matches!(decode("f", b"  \n"), Err(DataError::Empty { .. })));
        assert!(matches!(
            decode("f", b"\xEF\xBB\xBF \r\n"),
            Err(DataError::Empty { .. })
        ));
    }

    #[test]
    fn legacy_encodings_are_detected_in_order() {
        // "Salah al-Dīn" is not in Windows-1252; "Dahuk,Zakho,Ré" in Windows-1252.
        assert_eq!(
            decoded(b"Governorate,District\nDahuk,R\xE9\n"),
            (
                "Governorate,District\nDahuk,R\u{e9}\n".into(),
                "windows-1252"
            )
        );
        // "نينوى" (Ninewa) and "دهوك" (Dahuk) in Windows-1256.
        assert_eq!(
            decoded(b"name\n\xE4\xED\xE4\xE6\xEC\n\xCF\xE5\xE6\xDF\n"),
            (
                "name\n\u{646}\u{64a}\u{646}\u{648}\u{649}\n\u{62f}\u{647}\u{648}\u{643}\n".into(),
                "windows-1256"
            )
        );
        // UTF-16 little-endian with its BOM, as Excel's "Unicode text" writes it.
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("a\tb\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decoded(&utf16), ("a\tb\n".into(), "utf-16le"));
        assert_eq!(decoded("a,b\nنينوى,1\n".as_bytes()).1, "utf-8");
    }

    #[test]
    fn question_marks_where_text_was_lost() {
        assert!(is_lost_text("????"));
        assert!(is_lost_text("??? ?????"));
        assert!(!is_lost_text("Mosul?"));
        assert!(!is_lost_text(""));
    }

    #[test]
    fn cr_alone_ends_a_line_as_old_mac_excel_writes_it() {
        let t = "a,b\r1,x\r2,y\r";
        let rows: Vec<GridRow> = Records::new(t, b',').collect();
        assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [1, 2, 3]);
        let mut r = Records::new(t, b',');
        assert_eq!(r.skip_records(1), 1);
        assert_eq!(r.line(), 2);
        assert_eq!(r.next().map(|row| row.line), Some(2));
    }

    #[test]
    fn skip_to_line_passes_over_lines_without_cells() {
        let t = "\"\"\n\u{a0}\nh,i\n1,2\n";
        let mut r = Records::new(t, b',');
        r.skip_to_line(4);
        assert_eq!(r.next().map(|row| row.line), Some(4));
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

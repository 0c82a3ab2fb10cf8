//! Problems and warnings: what the loader tells the user about a file.
//!
//! A problem names the file, the row as the user's own tool shows it (1-based,
//! header included), the column as written in the file, what was expected and
//! what was found: `FILE: row N, column "NAME": expected <what>, found "<value>"`.
//! In a workbook the sheet and the column letter are named too:
//! `FILE: sheet "S", row N, column "NAME" (C): expected <what>, found "<value>"`.

use std::fmt;

/// One problem at one cell (or one row, or the header).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file's name as the user gave it.
    pub file: String,
    /// The sheet of a workbook (`None` for CSV).
    pub sheet: Option<String>,
    /// 1-based physical row: the CSV line or the sheet row the user's tool shows.
    pub row: usize,
    /// The column as written in the file's header.
    pub column: String,
    /// The column's letter in a workbook (`None` for CSV).
    pub letter: Option<String>,
    /// What the cell should hold.
    pub expected: String,
    /// What it holds (empty for a missing value).
    pub found: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.file)?;
        if let Some(sheet) = &self.sheet {
            write!(f, "sheet \"{sheet}\", ")?;
        }
        write!(f, "row {}, column \"{}\"", self.row, self.column)?;
        if let Some(letter) = &self.letter {
            write!(f, " ({letter})")?;
        }
        write!(
            f,
            ": expected {}, found \"{}\"",
            self.expected,
            shown_value(&self.found)
        )
    }
}

/// The longest found value a message quotes whole.
const SHOWN_CHARS: usize = 80;

/// A found value as a message quotes it: line breaks, tabs, control characters and
/// invisible ones (a BOM, zero-width spaces) written as escapes, so `"\u{feff}2014-12-01"`
/// never looks valid, and a long value cut short with its length.
#[must_use]
pub fn shown_value(found: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for (chars, c) in found.chars().enumerate() {
        if chars == SHOWN_CHARS {
            let total = found.chars().count();
            let _ = write!(out, "\u{2026} ({total} characters)");
            return out;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{feff}' | '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{00ad}' => {
                let _ = write!(out, "\\u{{{:04x}}}", u32::from(c));
            }
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:04x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Something worth telling the user that does not stop a file from loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The file it concerns.
    pub file: String,
    /// What happened, as a sentence.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

/// Rows of a file that were read and not kept, with why (`check --json`'s `left_out`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LeftOut {
    /// A token: `other_country`, `totals_row`, `older_round`, `other_admin_level`,
    /// `multi_country_flow`, `blank`...
    pub reason: &'static str,
    pub rows: usize,
    /// In words, for the user ("1,596 rows of other countries left out: HTI, SDN").
    pub detail: String,
}

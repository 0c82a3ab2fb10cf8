//! Typed errors and warnings of the data layer.
//!
//! A problem names the file, the row as the user's own tool shows it (1-based,
//! header included), the column as written in the file, what was expected and
//! what was found: `FILE: row N, column "NAME": expected <what>, found "<value>"`.
//! In a workbook the sheet and the column letter are named too:
//! `FILE: sheet "S", row N, column "NAME" (C): expected <what>, found "<value>"`.

pub use crate::domain::{Problem, Warning, shown_value};

/// Why a file was not loaded.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// The path cannot be opened (missing, a directory, no permission): a usage problem.
    #[error("cannot open {path}: {reason}")]
    Open { path: String, reason: String },
    /// The file holds nothing at all.
    #[error("{file}: the file is empty; expected a header row and data rows")]
    Empty { file: String },
    /// The file has a header and no data.
    #[error("{file}: the file has a header row but no data rows")]
    HeaderOnly { file: String },
    /// The header does not match any table kind.
    #[error(
        "{file}: kind of table not recognised; expected the columns of one of: {expected}; found columns: {found}"
    )]
    UnknownKind {
        file: String,
        expected: String,
        found: String,
    },
    /// A format the app cannot read yet.
    #[error("{file}: {what} is not supported yet")]
    Unsupported { file: String, what: String },
    /// The CSV could not be parsed at all.
    #[error("{file}: not a readable CSV file: {reason}")]
    Malformed { file: String, reason: String },
    /// The workbook could not be read: truncated, corrupt, or the reader failed.
    #[error("{file}: not a readable workbook (truncated or corrupt?): {reason}")]
    Workbook { file: String, reason: String },
    /// A password-protected (encrypted) workbook: nothing can be read without it.
    #[error("{file}: the workbook is password-protected; save an unprotected copy and open that")]
    Protected { file: String },
    /// The sheet asked for is not in the workbook.
    #[error("{file}: no sheet named \"{sheet}\"; the sheets are: {sheets}")]
    NoSheet {
        file: String,
        sheet: String,
        sheets: String,
    },
    /// A DTM master list with no date or round in its columns, its file name or its
    /// sheet names, whose total matches no single round: the user must say which.
    #[error("{file}: {reason}; say which round or date this list is")]
    NeedsDate {
        file: String,
        reason: String,
        /// A round found but not datable (ambiguous or unknown), to pre-fill the question.
        round: Option<u32>,
    },
    /// The file holds no row of Iraq: `what` names what it holds instead ("holds
    /// Afghanistan (AFG) rows only", "holds flows to Afghanistan only"). One
    /// message, never one per row.
    #[error("{file}: {what}; this app's data is Iraq's")]
    NotIraq { file: String, what: String },
    /// The user cancelled loading.
    #[error("{file}: loading cancelled")]
    Cancelled { file: String },
    /// Cells or columns with wrong values; every problem found is listed.
    #[error("{}", list_problems(.0))]
    Invalid(Vec<Problem>),
    /// So many problems that only the first are listed.
    #[error("{}\n…and {more} more problems", list_problems(.problems))]
    TooMany { problems: Vec<Problem>, more: usize },
    /// A boundary file (GeoJSON) that cannot be drawn.
    #[error(transparent)]
    Boundaries(#[from] crate::data::boundaries::BoundaryError),
}

/// At most this many problems of one file are listed; the rest are counted.
pub const MAX_PROBLEMS: usize = 1000;

impl DataError {
    /// Every problem of a file, listing at most [`MAX_PROBLEMS`] and counting the
    /// rest (a file of 200,000 bad rows never prints 200,000 lines).
    #[must_use]
    pub fn from_problems(mut problems: Vec<Problem>) -> DataError {
        if problems.len() <= MAX_PROBLEMS {
            DataError::Invalid(problems)
        } else {
            let more = problems.len() - MAX_PROBLEMS;
            problems.truncate(MAX_PROBLEMS);
            DataError::TooMany { problems, more }
        }
    }

    /// True when the error is about the path, not the file's contents (exit code 2).
    #[must_use]
    pub fn is_open_error(&self) -> bool {
        matches!(self, DataError::Open { .. })
    }

    /// The cell problems, when the error is about cells or columns.
    #[must_use]
    pub fn problems(&self) -> &[Problem] {
        match self {
            DataError::Invalid(p) | DataError::TooMany { problems: p, .. } => p,
            _ => &[],
        }
    }
}

fn list_problems(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_reads_as_designed() {
        let p = Problem {
            file: "x.csv".into(),
            sheet: None,
            row: 7,
            column: "idps".into(),
            letter: None,
            expected: "a whole number of people, 0 or more".into(),
            found: "-5".into(),
        };
        assert_eq!(
            p.to_string(),
            "x.csv: row 7, column \"idps\": expected a whole number of people, 0 or more, found \"-5\""
        );
        let in_sheet = Problem {
            sheet: Some("Data".into()),
            letter: Some("E".into()),
            ..p
        };
        assert_eq!(
            in_sheet.to_string(),
            "x.csv: sheet \"Data\", row 7, column \"idps\" (E): expected a whole number of people, 0 or more, found \"-5\""
        );
    }

    #[test]
    fn found_values_are_escaped_and_cut_short() {
        assert_eq!(shown_value("\u{feff}2014-12-01"), "\\u{feff}2014-12-01");
        assert_eq!(shown_value("a\nb\tc"), "a\\nb\\tc");
        assert_eq!(shown_value("Ninewa\u{200b}"), "Ninewa\\u{200b}");
        let long = "x".repeat(5_000_000);
        let shown = shown_value(&long);
        assert_eq!(
            shown.chars().count(),
            80 + " (5000000 characters)".len() + 1
        );
        assert!(shown.ends_with("\u{2026} (5000000 characters)"));
        assert_eq!(shown_value("Mosul"), "Mosul");
    }

    #[test]
    fn invalid_lists_every_problem_on_its_own_line() {
        let p = |row| Problem {
            file: "f.csv".into(),
            sheet: None,
            row,
            column: "date".into(),
            letter: None,
            expected: "a date".into(),
            found: "x".into(),
        };
        let e = DataError::Invalid(vec![p(2), p(3)]);
        assert_eq!(e.to_string().lines().count(), 2);
        assert!(e.to_string().contains("row 3"));
    }
}

//! Workbooks (XLSX, XLSM, XLS, XLSB, ODS) through calamine, as rows of text cells.
//!
//! Every calamine call runs inside `catch_unwind`: calamine still panics on some
//! malformed workbooks, and a panic, a truncated file or a corrupt one becomes a
//! [`DataError::Workbook`] naming the file, never a crash. Cells become text the way
//! the user sees them: whole numbers without ".0", dates as `YYYY-MM-DD`. Each row
//! keeps its sheet row number, and the sheet its first column, for messages.

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use calamine::{Data, Ods, Reader, Sheets, Xls, Xlsb, Xlsx, open_workbook_from_rs};

use super::detect::GridRow;
use super::error::DataError;

/// The workbook formats, by file extension.
pub const EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xls", "xlsb", "ods"];

/// One sheet's cells.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<GridRow>,
    /// Index of the sheet's first used column (0 = A).
    pub first_column: usize,
}

/// An open workbook.
pub struct Workbook<'a> {
    file: String,
    inner: Sheets<Cursor<&'a [u8]>>,
    /// The sheets, in workbook order.
    pub names: Vec<String>,
}

impl std::fmt::Debug for Workbook<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workbook")
            .field("file", &self.file)
            .field("names", &self.names)
            .finish_non_exhaustive()
    }
}

fn guarded<T>(file: &str, f: impl FnOnce() -> Result<T, String>) -> Result<T, DataError> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(reason)) => Err(DataError::Workbook {
            file: file.into(),
            reason,
        }),
        Err(_) => Err(DataError::Workbook {
            file: file.into(),
            reason: "the workbook reader failed on this file".into(),
        }),
    }
}

impl<'a> Workbook<'a> {
    /// Opens a workbook; `extension` (lowercase) picks the reader.
    pub fn open(file: &str, extension: &str, bytes: &'a [u8]) -> Result<Workbook<'a>, DataError> {
        let inner = guarded(file, || {
            let rs = Cursor::new(bytes);
            let e = |e: &dyn std::fmt::Display| e.to_string();
            match extension {
                "xls" => open_workbook_from_rs::<Xls<_>, _>(rs)
                    .map(Sheets::Xls)
                    .map_err(|x| e(&x)),
                "xlsb" => open_workbook_from_rs::<Xlsb<_>, _>(rs)
                    .map(Sheets::Xlsb)
                    .map_err(|x| e(&x)),
                "ods" => open_workbook_from_rs::<Ods<_>, _>(rs)
                    .map(Sheets::Ods)
                    .map_err(|x| e(&x)),
                _ => open_workbook_from_rs::<Xlsx<_>, _>(rs)
                    .map(Sheets::Xlsx)
                    .map_err(|x| e(&x)),
            }
        })?;
        let names = guarded(file, || Ok(inner.sheet_names()))?;
        Ok(Workbook {
            file: file.into(),
            inner,
            names,
        })
    }

    /// Reads one sheet's cells.
    pub fn sheet(&mut self, name: &str) -> Result<Sheet, DataError> {
        let inner = &mut self.inner;
        let range = guarded(&self.file, || {
            inner.worksheet_range(name).map_err(|e| e.to_string())
        })?;
        let (top, left) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, cells)| GridRow {
                line: top as usize + i + 1,
                cells: cells.iter().map(cell_text).collect(),
            })
            .collect();
        Ok(Sheet {
            name: name.into(),
            rows,
            first_column: left as usize,
        })
    }
}

/// A cell as the text a user sees (trimmed; empty is `None`).
#[must_use]
pub fn cell_text(cell: &Data) -> Option<String> {
    let text = match cell {
        Data::Empty => return None,
        Data::Int(i) => i.to_string(),
        Data::Float(f) => float_text(*f),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.trim().to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        Data::DateTime(d) => float_text(d.as_f64()),
        Data::Error(e) => e.to_string(),
    };
    (!text.is_empty()).then_some(text)
}

fn float_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_the_user_sees_them() {
        assert_eq!(cell_text(&Data::Float(1200.0)), Some("1200".into()));
        assert_eq!(cell_text(&Data::Float(12.5)), Some("12.5".into()));
        assert_eq!(cell_text(&Data::Int(-3)), Some("-3".into()));
        assert_eq!(cell_text(&Data::String("  ".into())), None);
        assert_eq!(cell_text(&Data::Empty), None);
        let date =
            calamine::ExcelDateTime::new(45412.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(date)), Some("2024-04-30".into()));
    }

    #[test]
    fn junk_and_truncated_workbooks_are_errors_not_panics() {
        for bytes in [&b"PK\x03\x04"[..], b"", b"not a workbook at all"] {
            for ext in EXTENSIONS {
                let r = Workbook::open("w.xlsx", ext, bytes);
                assert!(matches!(r, Err(DataError::Workbook { .. })), "{ext}: {r:?}");
            }
        }
    }
}

//! Workbooks (XLSX, XLSM, XLS, XLSB, ODS) through calamine, as rows of text cells.
//!
//! A workbook never makes the app abort or exhaust memory. calamine sizes buffers
//! from what a file declares and an allocation failure aborts the process, so what
//! it would allocate from is checked first ([`package`]: the zip directory's sizes
//! and compression ratios, encryption, shared strings' `uniqueCount`, styles and
//! sheet counts; [`scan`]: every cell reference against Excel's limits; [`ods`]:
//! ODS repeats; [`xls`]: an XLS file's sector chains, `Dimensions` and cell
//! columns), each against [`Limits`] or the format's own limits. XLSX and XLSB sheets are then read with
//! calamine's streaming cell readers into a sparse grid ([`grid`]): only rows that
//! hold a non-empty cell, each from the sheet's first used column to its own last
//! cell, so a stray cell at `XFD1048576` costs one row. XLS and ODS sheets still
//! come through calamine's dense ranges (XLS is at most 65,536 × 256 by format;
//! ODS is checked before). Every calamine call runs inside `catch_unwind`: a panic,
//! a truncated or corrupt file, or a refused declaration becomes a
//! [`DataError::Workbook`] naming the file and what is wrong, never a crash.
//!
//! Cells become text the way the user sees them: whole numbers without ".0", dates
//! as `YYYY-MM-DD`, strings trimmed (line breaks inside are kept). Each row keeps
//! its sheet row number, and the sheet its first column, for messages.

mod grid;
mod limits;
mod ods;
mod package;
mod scan;
mod xls;

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use calamine::{
    Data, DataRef, Ods, OdsError, Range, Reader, Xls, XlsError, Xlsb, XlsbError, Xlsx, XlsxError,
    open_workbook_from_rs,
};

use self::grid::Grid;
pub use self::limits::Limits;
use self::package::{PASSWORD, Package};
use crate::data::detect::GridRow;
use crate::data::error::DataError;

/// The workbook formats, by file extension.
pub const EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xls", "xlsb", "ods"];

/// One sheet's cells.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    /// The rows that hold at least one non-empty cell, in sheet order; each runs
    /// from `first_column` to its own last non-empty cell.
    pub rows: Vec<GridRow>,
    /// Index of the sheet's first used column (0 = A).
    pub first_column: usize,
}

type Bytes<'a> = Cursor<&'a [u8]>;

enum Book<'a> {
    Xlsx {
        book: Xlsx<Bytes<'a>>,
        package: Package<'a>,
        /// Each sheet's worksheet part, in workbook order.
        parts: Vec<Option<String>>,
    },
    Xlsb(Xlsb<Bytes<'a>>),
    Xls(Xls<Bytes<'a>>),
    Ods(Ods<Bytes<'a>>),
}

/// An open workbook.
pub struct Workbook<'a> {
    file: String,
    book: Book<'a>,
    limits: Limits,
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
        Ok(Err(reason)) if reason == PASSWORD => Err(DataError::Protected { file: file.into() }),
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

/// Which reader a file needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
}

/// The signature decides between an OLE compound file (XLS, or an encrypted
/// workbook) and a zip; the extension between the zip formats.
fn format_of(extension: &str, bytes: &[u8]) -> Format {
    if package::is_ole(bytes) {
        return Format::Xls;
    }
    match extension {
        "xls" if bytes.starts_with(b"PK") => Format::Xlsx,
        "xls" => Format::Xls,
        "xlsb" => Format::Xlsb,
        "ods" => Format::Ods,
        _ => Format::Xlsx,
    }
}

fn xlsx_error(e: &XlsxError) -> String {
    match e {
        XlsxError::Password => PASSWORD.into(),
        e => e.to_string(),
    }
}

fn xlsb_error(e: &XlsbError) -> String {
    match e {
        XlsbError::Password => PASSWORD.into(),
        e => e.to_string(),
    }
}

fn xls_error(e: &XlsError) -> String {
    match e {
        XlsError::Password => PASSWORD.into(),
        e => e.to_string(),
    }
}

fn ods_error(e: &OdsError) -> String {
    match e {
        OdsError::Password => PASSWORD.into(),
        e => e.to_string(),
    }
}

impl<'a> Workbook<'a> {
    /// Opens a workbook; `extension` (lowercase) picks the reader among the zip
    /// formats, the signature tells an OLE file (XLS) from a zip.
    pub fn open(file: &str, extension: &str, bytes: &'a [u8]) -> Result<Workbook<'a>, DataError> {
        Workbook::open_with(file, extension, bytes, Limits::DEFAULT)
    }

    /// [`Workbook::open`] with other limits (tests lower them).
    pub fn open_with(
        file: &str,
        extension: &str,
        bytes: &'a [u8],
        limits: Limits,
    ) -> Result<Workbook<'a>, DataError> {
        let book = guarded(file, || {
            open_book(format_of(extension, bytes), bytes, &limits)
        })?;
        let names = guarded(file, || {
            let names = match &book {
                Book::Xlsx { book, .. } => book.sheet_names(),
                Book::Xlsb(book) => book.sheet_names(),
                Book::Xls(book) => book.sheet_names(),
                Book::Ods(book) => book.sheet_names(),
            };
            if names.len() > limits.sheets {
                return Err(package::too_many_sheets(&limits));
            }
            Ok(names)
        })?;
        Ok(Workbook {
            file: file.into(),
            book,
            limits,
            names,
        })
    }

    /// Reads one sheet's cells.
    pub fn sheet(&mut self, name: &str) -> Result<Sheet, DataError> {
        let Workbook {
            file,
            book,
            limits,
            names,
        } = self;
        let index = names.iter().position(|n| n == name);
        let (rows, first_column) = guarded(file, || {
            let mut grid = Grid::new(name, *limits);
            match book {
                Book::Xlsx {
                    book,
                    package,
                    parts,
                } => {
                    if let Some(Some(part)) = index.and_then(|i| parts.get(i))
                        && let Some(xml) = package.part(part)
                    {
                        scan::worksheet(xml, name)?;
                    }
                    read_xlsx(book, name, &mut grid).map_err(|e| {
                        missing_string(package, name, index.and_then(|i| parts.get(i)), &e)
                            .unwrap_or(e)
                    })?;
                }
                Book::Xlsb(book) => {
                    let mut cells = book
                        .worksheet_cells_reader(name)
                        .map_err(|e| xlsb_error(&e))?;
                    while let Some(cell) = cells.next_cell().map_err(|e| xlsb_error(&e))? {
                        grid.push(cell.get_position(), value_text(cell.get_value()))?;
                    }
                }
                Book::Xls(book) => {
                    read_range(
                        &book.worksheet_range(name).map_err(|e| xls_error(&e))?,
                        &mut grid,
                    )?;
                }
                Book::Ods(book) => {
                    read_range(
                        &book.worksheet_range(name).map_err(|e| ods_error(&e))?,
                        &mut grid,
                    )?;
                }
            }
            grid.finish()
        })?;
        Ok(Sheet {
            name: name.into(),
            rows,
            first_column,
        })
    }
}

/// Checks what calamine would allocate from, then opens the workbook with it.
fn open_book<'a>(format: Format, bytes: &'a [u8], limits: &Limits) -> Result<Book<'a>, String> {
    let rs = || Cursor::new(bytes);
    if format == Format::Xls {
        if package::ole_is_encrypted(bytes) {
            return Err(PASSWORD.into());
        }
        xls::check(bytes)?;
        return open_workbook_from_rs::<Xls<_>, _>(rs())
            .map(Book::Xls)
            .map_err(|e| xls_error(&e));
    }
    let mut package = Package::open(bytes, limits)?;
    match format {
        Format::Xlsb => open_workbook_from_rs::<Xlsb<_>, _>(rs())
            .map(Book::Xlsb)
            .map_err(|e| xlsb_error(&e)),
        Format::Ods => {
            if let Some(xml) = package.ods_content() {
                ods::content(xml, limits)?;
            }
            open_workbook_from_rs::<Ods<_>, _>(rs())
                .map(Book::Ods)
                .map_err(|e| ods_error(&e))
        }
        Format::Xlsx | Format::Xls => {
            if !package.has("_rels/.rels") && !package.has("xl/workbook.xml") {
                return Err(if package.has("content.xml") {
                    "an OpenDocument file with a spreadsheet's extension; save it as .ods".into()
                } else {
                    "a zip archive with no workbook in it (no xl/workbook.xml); open an XLSX, XLS or ODS workbook, or a CSV".into()
                });
            }
            let parts = package.xlsx(limits)?;
            let book = open_workbook_from_rs::<Xlsx<_>, _>(rs()).map_err(|e| xlsx_error(&e))?;
            Ok(Book::Xlsx {
                book,
                package,
                parts,
            })
        }
    }
}

/// calamine's refusal of a cell that names a shared string the workbook lacks.
const MISSING_STRING: &str = "Cell string index not found in shared strings table";

/// The same refusal, naming the cell (calamine does not).
fn missing_string(
    package: &mut Package<'_>,
    sheet: &str,
    part: Option<&Option<String>>,
    error: &str,
) -> Option<String> {
    let part = part?.as_deref()?;
    if error != MISSING_STRING {
        return None;
    }
    let (cell, index, count) = package.missing_shared_string(part)?;
    Some(format!(
        "sheet \"{sheet}\": cell {cell} refers to shared string {index}, but the workbook holds {} (numbered \
         from 0): the file is corrupt; open it in Excel and save it again",
        self::limits::thousands(count)
    ))
}

/// Streams an XLSX worksheet's cells into the grid; a chart sheet has none.
fn read_xlsx(book: &mut Xlsx<Bytes<'_>>, name: &str, grid: &mut Grid<'_>) -> Result<(), String> {
    let mut cells = match book.worksheet_cells_reader(name) {
        Ok(cells) => cells,
        Err(XlsxError::NotAWorksheet(_)) => return Ok(()),
        Err(e) => return Err(xlsx_error(&e)),
    };
    while let Some(cell) = cells.next_cell().map_err(|e| xlsx_error(&e))? {
        grid.push(cell.get_position(), value_text(cell.get_value()))?;
    }
    Ok(())
}

/// Copies a dense range's non-empty cells into the grid, at their sheet positions.
fn read_range(range: &Range<Data>, grid: &mut Grid<'_>) -> Result<(), String> {
    let (top, left) = range.start().unwrap_or((0, 0));
    for (row, column, cell) in range.used_cells() {
        let at = (top + row as u32, left + column as u32);
        grid.push(at, cell_text(cell))?;
    }
    Ok(())
}

/// A streamed cell as the text a user sees (the same rules as [`cell_text`]).
fn value_text(cell: &DataRef<'_>) -> Option<String> {
    match cell {
        DataRef::Empty => None,
        DataRef::SharedString(s) => trimmed(s),
        other => cell_text(&Data::from(other.clone())),
    }
}

fn trimmed(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// A cell as the text a user sees (trimmed; empty is `None`).
#[must_use]
pub fn cell_text(cell: &Data) -> Option<String> {
    let text = match cell {
        Data::Empty => return None,
        Data::Int(i) => i.to_string(),
        Data::Float(f) => float_text(*f),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => return trimmed(s),
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
mod tests;

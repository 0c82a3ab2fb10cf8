//! Loading one user file: the entry point of the command line and of the UI's
//! background loader.
//!
//! [`load_path`] reads a CSV or a workbook, finds its header and shape, checks every
//! value and returns the [`Parsed`] table with a [`FileReport`] for the data panel, or
//! a [`DataError`] listing every problem. It reports rows read through an
//! `AtomicUsize` and stops with [`DataError::Cancelled`] when an `AtomicBool` is set
//! ([`Progress`]), so it can run on a worker thread. It never touches a [`Dataset`]:
//! the caller adds the result with [`Dataset::add`], so a refused file changes
//! nothing. [`LoadContext`] is what loading needs from the dataset (the gazetteer,
//! DTM round dates), owned so it can move to the worker.
//!
//! [`Dataset`]: super::Dataset
//! [`Dataset::add`]: super::Dataset::add

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use chrono::NaiveDate;

use super::csv::{self, Records};
use super::detect::{GridRow, HEADER_SEARCH_ROWS, Header, HeaderError, SAMPLE_ROWS, find_header};
use super::error::{DataError, Problem, Warning};
use super::gazetteer::{Gazetteer, Pcode};
use super::mapping::ColumnMapping;
use super::masterlist::{Context, MasterList};
use super::raw::RawTable;
use super::schema::{Shape, TableKind, col};
use super::tables::{self, Parsed, Table};
use super::xlsx::{self, Workbook};

/// Progress and cancellation shared with the thread that loads.
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress<'a> {
    rows: Option<&'a AtomicUsize>,
    cancel: Option<&'a AtomicBool>,
}

impl<'a> Progress<'a> {
    /// Counts rows read into `rows`; stops when `cancel` becomes true.
    #[must_use]
    pub fn new(rows: &'a AtomicUsize, cancel: &'a AtomicBool) -> Self {
        Progress {
            rows: Some(rows),
            cancel: Some(cancel),
        }
    }

    /// No reporting, no cancelling (the command line).
    #[must_use]
    pub fn none() -> Self {
        Progress::default()
    }

    /// Adds rows read.
    pub fn add(&self, n: usize) {
        if let Some(r) = self.rows {
            r.fetch_add(n, Ordering::Relaxed);
        }
    }

    /// Rows read so far.
    #[must_use]
    pub fn rows(&self) -> usize {
        self.rows.map_or(0, |r| r.load(Ordering::Relaxed))
    }

    /// Sets the count (when a pass starts over).
    pub fn set(&self, n: usize) {
        if let Some(r) = self.rows {
            r.store(n, Ordering::Relaxed);
        }
    }

    /// `Err(Cancelled)` once cancellation was asked for.
    pub fn check(&self, file: &str) -> Result<(), DataError> {
        if self.cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
            Err(DataError::Cancelled { file: file.into() })
        } else {
            Ok(())
        }
    }
}

/// Choices the user made for one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// The sheet of a workbook to read (default: the first with a recognisable header).
    pub sheet: Option<String>,
    /// Columns assigned by the user (default: detected from the header).
    pub mapping: Option<ColumnMapping>,
}

/// What loading needs from the loaded data, owned so it can move to a worker thread.
#[derive(Debug, Clone, Default)]
pub struct LoadContext {
    pub gazetteer: Gazetteer,
    /// The date of each round of the loaded DTM national series, for master lists
    /// that give a round and no date.
    pub round_dates: BTreeMap<u32, NaiveDate>,
}

/// How the file was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileFormat {
    Csv { separator: char },
    Workbook { sheet: String, sheets: Vec<String> },
}

/// What a loaded file holds, for the data panel and `check`.
#[derive(Debug, Clone, PartialEq)]
pub struct FileReport {
    /// The name used in messages and as the source ("your file: NAME").
    pub name: String,
    pub format: FileFormat,
    /// What the header was recognised as.
    pub shape: Shape,
    /// The table the rows became.
    pub kind: TableKind,
    /// Physical row of the header (rows above it were skipped).
    pub header_row: usize,
    /// An HXL hashtag row was under the header.
    pub hxl: bool,
    /// Rows in the resulting table.
    pub rows: usize,
    /// Data rows read from the file.
    pub rows_read: usize,
    /// First and last date of the rows (a funding table: 1 Jan of its first year to
    /// 31 Dec of its last).
    pub date_range: Option<(NaiveDate, NaiveDate)>,
    /// Governorates the rows name.
    pub governorates: Vec<Pcode>,
    /// A DTM master list: the location rows summed into the table.
    pub locations_aggregated: Option<usize>,
    pub warnings: Vec<Warning>,
}

/// A checked file, ready for `Dataset::add`.
#[derive(Debug, Clone, PartialEq)]
pub struct FileLoad {
    pub parsed: Parsed,
    pub report: FileReport,
}

/// The first rows of a file, for the column-mapping dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// A workbook's sheets (empty for CSV).
    pub sheets: Vec<String>,
    /// The first rows (at most [`HEADER_SEARCH_ROWS`] + 5), with their physical rows.
    pub rows: Vec<GridRow>,
}

/// The name a path is called by in messages (its file name).
#[must_use]
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn read(path: &Path) -> Result<Vec<u8>, DataError> {
    let open_error = |reason: String| DataError::Open {
        path: path.display().to_string(),
        reason,
    };
    if path.is_dir() {
        return Err(open_error("it is a folder, not a file".into()));
    }
    std::fs::read(path).map_err(|e| open_error(e.to_string()))
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// Loads one file. `name` in messages is the path as given.
pub fn load_path(
    ctx: &LoadContext,
    path: &Path,
    options: &LoadOptions,
    progress: &Progress,
) -> Result<FileLoad, DataError> {
    let bytes = read(path)?;
    let name = path.display().to_string();
    load_bytes(
        ctx,
        &name,
        extension(path).as_deref(),
        &bytes,
        options,
        progress,
    )
}

/// Formats refused by name: not tables.
const NOT_TABLES: &[&str] = &[
    "json", "geojson", "parquet", "pdf", "doc", "docx", "ppt", "pptx", "zip", "shp", "gpkg", "xml",
    "html", "htm", "png", "jpg", "jpeg",
];

enum Kind {
    Csv,
    Workbook(String),
}

fn kind_of(file: &str, extension: Option<&str>, bytes: &[u8]) -> Result<Kind, DataError> {
    if let Some(ext) = extension {
        if xlsx::EXTENSIONS.contains(&ext) {
            return Ok(Kind::Workbook(ext.into()));
        }
        if NOT_TABLES.contains(&ext) {
            return Err(DataError::Unsupported {
                file: file.into(),
                what: format!("reading .{ext} files (open a CSV or an XLSX/XLS workbook)"),
            });
        }
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Ok(Kind::Workbook("xlsx".into()));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Ok(Kind::Workbook("xls".into()));
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(DataError::Unsupported {
            file: file.into(),
            what: "reading this binary file (open a CSV or an XLSX/XLS workbook)".into(),
        });
    }
    Ok(Kind::Csv)
}

/// Loads a file from its bytes; `extension` (lowercase, no dot) picks the reader,
/// the bytes' signature deciding when there is none.
pub fn load_bytes(
    ctx: &LoadContext,
    name: &str,
    extension: Option<&str>,
    bytes: &[u8],
    options: &LoadOptions,
    progress: &Progress,
) -> Result<FileLoad, DataError> {
    match kind_of(name, extension, bytes)? {
        Kind::Csv => load_csv(ctx, name, bytes, options, progress),
        Kind::Workbook(ext) => load_workbook(ctx, name, &ext, bytes, options, progress),
    }
}

/// The first rows of a file and a workbook's sheets, for the mapping dialog.
pub fn preview(path: &Path, sheet: Option<&str>) -> Result<Preview, DataError> {
    let bytes = read(path)?;
    let name = path.display().to_string();
    let take = HEADER_SEARCH_ROWS + 5;
    match kind_of(&name, extension(path).as_deref(), &bytes)? {
        Kind::Csv => {
            let text = csv::text(&name, &bytes)?;
            let rows = Records::new(text, csv::detect_separator(text))
                .take(take)
                .collect();
            Ok(Preview {
                sheets: Vec::new(),
                rows,
            })
        }
        Kind::Workbook(ext) => {
            let mut wb = Workbook::open(&name, &ext, &bytes)?;
            let sheets = wb.names.clone();
            let wanted = sheet
                .map(String::from)
                .or_else(|| sheets.first().cloned())
                .unwrap_or_default();
            let mut rows = wb.sheet(&wanted)?.rows;
            rows.truncate(take);
            Ok(Preview { sheets, rows })
        }
    }
}

fn load_csv(
    ctx: &LoadContext,
    name: &str,
    bytes: &[u8],
    options: &LoadOptions,
    progress: &Progress,
) -> Result<FileLoad, DataError> {
    let text = csv::text(name, bytes)?;
    let separator = csv::detect_separator(text);
    let first: Vec<GridRow> = Records::new(text, separator)
        .take(HEADER_SEARCH_ROWS + SAMPLE_ROWS + 2)
        .collect();
    let header = find_header(&first, &ctx.gazetteer, options.mapping.as_ref())
        .map_err(|e| header_error(name, None, e))?;
    let mut records = Records::new(text, separator);
    records.skip_records(header.data_start());
    let parsed = if header.layout.shape == Shape::DtmMasterList {
        let mut list = MasterList::new(name, None, &header, None, context(ctx));
        list.read_csv(text, records, separator, progress)?
    } else {
        let mut raw = RawTable::new(name, None, &header, None);
        for (i, row) in records.enumerate() {
            raw.push(row);
            if i % 4096 == 4095 {
                progress.add(4096);
                progress.check(name)?;
            }
        }
        tables::parse(&raw, &ctx.gazetteer)?
    };
    let format = FileFormat::Csv {
        separator: char::from(separator),
    };
    Ok(finish(name, None, &first, &header, parsed, format))
}

fn load_workbook(
    ctx: &LoadContext,
    name: &str,
    ext: &str,
    bytes: &[u8],
    options: &LoadOptions,
    progress: &Progress,
) -> Result<FileLoad, DataError> {
    let mut wb = Workbook::open(name, ext, bytes)?;
    let sheets = wb.names.clone();
    let order: Vec<String> = match &options.sheet {
        Some(s) if sheets.contains(s) => vec![s.clone()],
        Some(s) => {
            return Err(DataError::NoSheet {
                file: name.into(),
                sheet: s.clone(),
                sheets: sheets.join(", "),
            });
        }
        None => sheets.clone(),
    };
    let mut first_error = None;
    for sheet_name in order {
        progress.check(name)?;
        let sheet = wb.sheet(&sheet_name)?;
        let header = match find_header(&sheet.rows, &ctx.gazetteer, options.mapping.as_ref()) {
            Ok(h) => h,
            Err(e) => {
                if first_error.is_none() || matches!(first_error, Some((_, HeaderError::Empty))) {
                    first_error = Some((sheet_name, e));
                }
                continue;
            }
        };
        let data = sheet.rows.get(header.data_start()..).unwrap_or(&[]);
        let first_column = Some(sheet.first_column);
        let parsed = if header.layout.shape == Shape::DtmMasterList {
            let mut list =
                MasterList::new(name, Some(&sheet_name), &header, first_column, context(ctx));
            list.read_rows(data.iter().cloned(), progress)?
        } else {
            let mut raw = RawTable::new(name, Some(&sheet_name), &header, first_column);
            for row in data {
                raw.push(row.clone());
            }
            progress.add(raw.height());
            tables::parse(&raw, &ctx.gazetteer)?
        };
        let format = FileFormat::Workbook {
            sheet: sheet_name.clone(),
            sheets: sheets.clone(),
        };
        return Ok(finish(
            name,
            Some(&sheet_name),
            &sheet.rows,
            &header,
            parsed,
            format,
        ));
    }
    match first_error {
        Some((sheet, e)) => Err(header_error(name, Some(&sheet), e)),
        None => Err(DataError::Empty { file: name.into() }),
    }
}

fn context(ctx: &LoadContext) -> Context<'_> {
    Context {
        gazetteer: &ctx.gazetteer,
        round_dates: &ctx.round_dates,
    }
}

/// Turns a header search failure into the error the user sees.
fn header_error(file: &str, sheet: Option<&str>, e: HeaderError) -> DataError {
    let problem = |row: usize, column: &str, expected: String, found: &str| Problem {
        file: file.into(),
        sheet: sheet.map(String::from),
        row,
        column: column.into(),
        letter: None,
        expected,
        found: found.into(),
    };
    match e {
        HeaderError::Empty => DataError::Empty { file: file.into() },
        HeaderError::HeaderOnly => DataError::HeaderOnly { file: file.into() },
        HeaderError::Missing {
            line,
            shape,
            missing,
        } => DataError::Invalid(
            missing
                .into_iter()
                .map(|name| {
                    let expected = if name == col::PCODE {
                        format!(
                            "a governorate column, by name or P-code (the {} needs it)",
                            shape.label()
                        )
                    } else {
                        format!("a column named \"{name}\" (the {} needs it)", shape.label())
                    };
                    let column = if name == col::PCODE {
                        col::GOVERNORATE
                    } else {
                        name
                    };
                    problem(line, column, expected, "no such column")
                })
                .collect(),
        ),
        HeaderError::Unknown { names } => DataError::UnknownKind {
            file: sheet.map_or_else(|| file.to_string(), |s| format!("{file}, sheet \"{s}\"")),
            expected: Shape::ALL
                .iter()
                .map(|k| format!("{} ({})", k.label(), k.required().join(", ")))
                .collect::<Vec<_>>()
                .join("; "),
            found: names.join(", "),
        },
        HeaderError::MappedColumnAbsent { column, header } => DataError::Invalid(vec![problem(
            1,
            &header,
            format!("the column your mapping names for \"{column}\""),
            "no such column",
        )]),
    }
}

/// The report of a parsed file, with notes on skipped title rows.
fn finish(
    name: &str,
    sheet: Option<&str>,
    rows: &[GridRow],
    header: &Header,
    mut parsed: Parsed,
    format: FileFormat,
) -> FileLoad {
    let header_row = rows.get(header.index).map_or(1, |r| r.line);
    let skipped: Vec<usize> = rows[..header.index]
        .iter()
        .filter(|r| !r.is_blank())
        .map(|r| r.line)
        .collect();
    let place = sheet
        .map(|s| format!("sheet \"{s}\": "))
        .unwrap_or_default();
    let mut notes = Vec::new();
    if let (Some(first), Some(last)) = (skipped.first(), skipped.last()) {
        let which = if first == last {
            format!("row {first} above the header (row {header_row}) was")
        } else {
            format!("rows {first}\u{2013}{last} above the header (row {header_row}) were")
        };
        notes.push(Warning {
            file: name.into(),
            message: format!("{place}{which} skipped"),
        });
    }
    if let Some(i) = header.layout.governorate_by_values {
        let column = header.names.get(i).cloned().unwrap_or_default();
        notes.push(Warning {
            file: name.into(),
            message: format!(
                "{place}column \"{column}\" is read as the governorate column: all its values are governorates"
            ),
        });
    }
    notes.append(&mut parsed.warnings);
    parsed.warnings = notes;
    let report = FileReport {
        name: name.into(),
        format,
        shape: parsed.shape,
        kind: parsed.table.kind(),
        header_row,
        hxl: header.hxl,
        rows: parsed.table.len(),
        rows_read: parsed.rows_read,
        date_range: date_range(&parsed.table),
        governorates: governorates(&parsed.table),
        locations_aggregated: parsed.locations_aggregated,
        warnings: parsed.warnings.clone(),
    };
    FileLoad { parsed, report }
}

fn date_range(table: &Table) -> Option<(NaiveDate, NaiveDate)> {
    let dates: Vec<NaiveDate> = match table {
        Table::Governorates(_) | Table::Sources(_) => Vec::new(),
        Table::IdpsNational(v) => v.iter().map(|r| r.date).collect(),
        Table::IdpsGovernorate(v) => v.iter().map(|r| r.date).collect(),
        Table::Camps(v) => v.iter().map(|r| r.date).collect(),
        Table::CampCounts(v) => v.iter().map(|r| r.date).collect(),
        Table::Events(v) => v.iter().map(|r| r.date).collect(),
        Table::FundingFlows(v) => return super::fts_flows::date_range(v),
        Table::Funding(v) => {
            let lo = v.iter().map(|r| r.year).min();
            let hi = v.iter().map(|r| r.year).max();
            return match (lo, hi) {
                (Some(lo), Some(hi)) => Some((
                    NaiveDate::from_ymd_opt(lo, 1, 1)?,
                    NaiveDate::from_ymd_opt(hi, 12, 31)?,
                )),
                _ => None,
            };
        }
    };
    Some((*dates.iter().min()?, *dates.iter().max()?))
}

fn governorates(table: &Table) -> Vec<Pcode> {
    let set: BTreeSet<Pcode> = match table {
        Table::IdpsGovernorate(v) => v.iter().map(|r| r.pcode).collect(),
        Table::Camps(v) => v.iter().map(|r| r.pcode).collect(),
        Table::Governorates(v) => v.iter().map(|g| g.pcode).collect(),
        _ => BTreeSet::new(),
    };
    set.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Dataset;

    fn load(ext: Option<&str>, bytes: &[u8]) -> Result<FileLoad, DataError> {
        let ctx = Dataset::empty().unwrap().load_context();
        load_bytes(
            &ctx,
            "f",
            ext,
            bytes,
            &LoadOptions::default(),
            &Progress::none(),
        )
    }

    #[test]
    fn formats_are_told_by_extension_then_by_signature() {
        assert!(matches!(
            load(Some("json"), b"{}"),
            Err(DataError::Unsupported { .. })
        ));
        assert!(matches!(
            load(None, b"PK\x03\x04junk"),
            Err(DataError::Workbook { .. })
        ));
        assert!(matches!(
            load(Some("txt"), b"a\0b"),
            Err(DataError::Unsupported { .. })
        ));
        assert!(matches!(
            load(Some("xls"), b"a,b"),
            Err(DataError::Workbook { .. })
        ));
    }

    #[test]
    fn title_rows_and_a_governorate_column_found_by_values_are_noted() {
        let l = load(
            Some("csv"),
            "Made up\nfor tests\nPlace;Date;IDPs\nNinewa;2024-01-31;5\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(l.report.header_row, 3);
        let messages: Vec<&str> = l
            .report
            .warnings
            .iter()
            .map(|w| w.message.as_str())
            .collect();
        assert_eq!(
            messages,
            [
                "rows 1\u{2013}2 above the header (row 3) were skipped",
                "column \"Place\" is read as the governorate column: all its values are governorates",
            ]
        );
        assert_eq!(l.report.governorates.len(), 1);
    }

    #[test]
    fn progress_cancels_between_rows() {
        let rows = AtomicUsize::new(0);
        let cancel = AtomicBool::new(false);
        let p = Progress::new(&rows, &cancel);
        p.add(3);
        assert_eq!(p.rows(), 3);
        assert!(p.check("f").is_ok());
        cancel.store(true, Ordering::Relaxed);
        assert!(matches!(p.check("f"), Err(DataError::Cancelled { .. })));
        assert!(Progress::none().check("f").is_ok());
    }
}

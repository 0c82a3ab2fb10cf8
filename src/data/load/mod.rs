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
//! [`Dataset`]: crate::data::Dataset
//! [`Dataset::add`]: crate::data::Dataset::add

pub mod bundled;
pub mod error;
pub mod report;
mod stream;

use std::path::Path;

use chrono::NaiveDate;

use crate::data::csv::{self, Records};
use crate::data::detect::{
    GridRow, HEADER_SEARCH_ROWS, Header, HeaderError, PUBLISHED_HEADER_SEARCH_ROWS, SAMPLE_ROWS,
    find_header,
};
use crate::data::error::{DataError, Problem, Warning};
use crate::data::mapping::ColumnMapping;
use crate::data::masterlist::{Context, MasterList};
use crate::data::parsed::Parsed;
pub use crate::data::progress::Progress;
use crate::data::raw::RawTable;
pub use crate::data::report::{FileFormat, FileReport};
use crate::data::rounds::{FileTime, Rounds};
use crate::data::schema::{Format, Shape, TableKind, col};
use crate::data::tables;
use crate::data::xlsx::{self, Workbook};
use crate::domain::Gazetteer;

/// Choices the user made for one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// The sheet of a workbook to read (default: the first with a recognisable header).
    pub sheet: Option<String>,
    /// Columns assigned by the user (default: detected from the header).
    pub mapping: Option<ColumnMapping>,
    /// The round or date of a master list that carries neither (`--file-round`,
    /// `--file-date`, the app's dialog).
    pub time: FileTime,
}

/// What loading needs from the loaded data, owned so it can move to a worker thread.
#[derive(Debug, Clone, Default)]
pub struct LoadContext {
    pub gazetteer: Gazetteer,
    /// Each round of the bundled DTM national series (date and total), for master
    /// lists that give a round and no date, or nothing but their total.
    pub rounds: Rounds,
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

pub(crate) fn read(path: &Path) -> Result<Vec<u8>, DataError> {
    check_file(path)?;
    std::fs::read(path).map_err(|e| DataError::Open {
        path: path.display().to_string(),
        reason: e.to_string(),
    })
}

/// A regular file no larger than [`MAX_FILE_BYTES`]: its size.
fn check_file(path: &Path) -> Result<u64, DataError> {
    let open_error = |reason: String| DataError::Open {
        path: path.display().to_string(),
        reason,
    };
    let meta = std::fs::metadata(path).map_err(|e| open_error(e.to_string()))?;
    if meta.is_dir() {
        return Err(open_error("it is a folder, not a file".into()));
    }
    // A device (`/dev/zero`), a pipe with no writer or a socket would be read
    // forever or block: only regular files are read.
    if !meta.is_file() {
        return Err(open_error(
            "it is not a regular file (a device, a pipe or a socket)".into(),
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(open_error(format!(
            "it is {:.1} GB; the app reads files up to {} GB (split the file, or keep only the rounds you need)",
            meta.len() as f64 / 1e9,
            MAX_FILE_BYTES / 1_000_000_000
        )));
    }
    Ok(meta.len())
}

/// The largest file read (the whole file is held in memory while it is checked).
const MAX_FILE_BYTES: u64 = 2_000_000_000;

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
    load_path_streaming_from(ctx, path, options, progress, stream::Sizes::default())
}

/// [`load_path`], streaming a large master list with these sizes.
fn load_path_streaming_from(
    ctx: &LoadContext,
    path: &Path,
    options: &LoadOptions,
    progress: &Progress,
    sizes: stream::Sizes,
) -> Result<FileLoad, DataError> {
    let name = path.display().to_string();
    let mut load = if let Some(load) = stream::load_streamed(ctx, path, options, progress, sizes)? {
        load
    } else {
        let bytes = read(path)?;
        load_bytes(
            ctx,
            &name,
            extension(path).as_deref(),
            &bytes,
            options,
            progress,
        )?
    };
    if load.report.kind == TableKind::Funding && load.report.read_as != Format::Table {
        let modified = std::fs::metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .map(|t| chrono::DateTime::<chrono::Local>::from(t).date_naive());
        let as_of = date_in_name(&file_name(path))
            .map(|d| (d, "from the file name"))
            .or_else(|| modified.map(|d| (d, "the file's modification date")));
        if let Some((date, how)) = as_of {
            load.report.warnings.push(Warning {
                file: name.clone(),
                message: format!(
                    "FTS figures as of {date} ({how}); FTS changes as contributions are reported"
                ),
            });
            load.parsed.as_of = Some(date.to_string());
            load.report.as_of = Some((date, how));
        }
    }
    Ok(load)
}

/// A date written in a file name: `2026-02-20`, `2026_02_20` or `20260220`.
#[must_use]
pub fn date_in_name(name: &str) -> Option<NaiveDate> {
    let digits: Vec<(usize, char)> = name.char_indices().collect();
    for start in 0..digits.len() {
        let rest: String = digits[start..].iter().map(|(_, c)| *c).take(10).collect();
        let before_ok = start == 0 || !digits[start - 1].1.is_ascii_digit();
        if !before_ok {
            continue;
        }
        for (len, format) in [(10, "%Y-%m-%d"), (10, "%Y_%m_%d"), (8, "%Y%m%d")] {
            let Some(candidate) = rest.get(..len) else {
                continue;
            };
            let after = digits.get(start + len).map(|(_, c)| *c);
            if after.is_some_and(|c| c.is_ascii_digit()) {
                continue;
            }
            if let Ok(d) = NaiveDate::parse_from_str(candidate, format)
                && (2000..=2100).contains(&chrono::Datelike::year(&d))
            {
                return Some(d);
            }
        }
    }
    None
}

/// Formats refused by name: not tables.
const NOT_TABLES: &[&str] = &[
    "json", "geojson", "parquet", "pdf", "doc", "docx", "ppt", "pptx", "zip", "shp", "gpkg", "xml",
    "html", "htm", "png", "jpg", "jpeg",
];

enum Kind {
    Csv,
    /// Text with a workbook's extension (a CSV saved as `.xlsx`): read as CSV.
    CsvNamed(String),
    Workbook(String),
}

/// True when the bytes are text: UTF-16 with its BOM, or no NUL byte at the start.
fn looks_like_text(bytes: &[u8]) -> bool {
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    utf16 || !bytes.iter().take(8192).any(|&b| b == 0)
}

fn kind_of(file: &str, extension: Option<&str>, bytes: &[u8]) -> Result<Kind, DataError> {
    let zip = bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06");
    let ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    if let Some(ext) = extension {
        // The signature decides what the file is; the extension only which of the
        // workbook readers a package goes to.
        if xlsx::EXTENSIONS.contains(&ext) {
            if zip || ole {
                return Ok(Kind::Workbook(ext.into()));
            }
            if looks_like_text(bytes) {
                return Ok(Kind::CsvNamed(ext.into()));
            }
            return Err(DataError::Workbook {
                file: file.into(),
                reason: format!(
                    "named .{ext}, but it is neither a zip package (XLSX, ODS) nor an OLE file (XLS) nor text"
                ),
            });
        }
        if NOT_TABLES.contains(&ext) {
            return Err(DataError::Unsupported {
                file: file.into(),
                what: format!("reading .{ext} files (open a CSV or an XLSX/XLS workbook)"),
            });
        }
    }
    if zip {
        return Ok(Kind::Workbook("xlsx".into()));
    }
    if ole {
        return Ok(Kind::Workbook("xls".into()));
    }
    if !looks_like_text(bytes) {
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
        Kind::CsvNamed(ext) => {
            let mut load = load_csv(ctx, name, bytes, options, progress)?;
            let note = Warning {
                file: name.into(),
                message: format!("named .{ext}, but it is text, not a workbook: read as CSV"),
            };
            load.report.warnings.insert(0, note.clone());
            load.parsed.warnings.insert(0, note);
            Ok(load)
        }
        Kind::Workbook(ext) => load_workbook(ctx, name, &ext, bytes, options, progress),
    }
}

/// The first rows of a file and a workbook's sheets, for the mapping dialog.
pub fn preview(path: &Path, sheet: Option<&str>) -> Result<Preview, DataError> {
    let bytes = read(path)?;
    let name = path.display().to_string();
    let take = HEADER_SEARCH_ROWS + 5;
    match kind_of(&name, extension(path).as_deref(), &bytes)? {
        Kind::Csv | Kind::CsvNamed(_) => {
            let decoded = csv::decode(&name, &bytes)?;
            let text = decoded.text.as_ref();
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
    let decoded = csv::decode(name, bytes)?;
    let text = decoded.text.as_ref();
    let separator = csv::detect_separator(text);
    let first: Vec<GridRow> = Records::new(text, separator)
        .take(PUBLISHED_HEADER_SEARCH_ROWS + SAMPLE_ROWS + 2)
        .collect();
    let header = find_header(&first, &ctx.gazetteer, options.mapping.as_ref())
        .map_err(|e| header_error(name, None, e))?;
    let mut records = Records::new(text, separator);
    let header_line = first.get(header.index).map_or(1, |r| r.line);
    let data_line = first
        .get(header.data_start())
        .map_or(header_line + 1, |r| r.line);
    records.skip_to_line(data_line);
    let parsed = if header.layout.shape == Shape::DtmMasterList {
        let mut list = MasterList::new(name, None, &header, None, context(ctx, options))?;
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
    let mut load = finish(name, None, &first, &header, parsed, format);
    load.report.encoding = Some(decoded.encoding);
    encoding_notes(name, decoded.encoding, &first, &header, &mut load);
    Ok(load)
}

/// Warnings about a legacy encoding, and about text columns that hold only `?`
/// (Arabic names Excel could not write in the file's code page).
fn encoding_notes(
    name: &str,
    encoding: csv::Encoding,
    first: &[GridRow],
    header: &Header,
    load: &mut FileLoad,
) {
    let mut notes = Vec::new();
    if encoding != csv::Encoding::Utf8 {
        notes.push(Warning {
            file: name.into(),
            message: format!(
                "read as {} text (not UTF-8); if names look wrong, save the file as \"CSV UTF-8\"",
                encoding.label()
            ),
        });
    }
    let data = first.get(header.data_start()..).unwrap_or(&[]);
    for (i, column) in header.names.iter().enumerate() {
        let mut values = data
            .iter()
            .filter_map(|r| r.cells.get(i).and_then(Option::as_deref))
            .peekable();
        if values.peek().is_some() && values.all(csv::is_lost_text) {
            notes.push(Warning {
                file: name.into(),
                message: format!(
                    "column \"{column}\" holds only \"?\" where names should be: its text (Arabic names?) was lost when the file was saved; save it from Excel as \"CSV UTF-8\""
                ),
            });
        }
    }
    load.report.warnings.splice(0..0, notes.iter().cloned());
    load.parsed.warnings.splice(0..0, notes);
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
    // Every sheet is looked at: a master list wins over summary and pivot sheets
    // whose headers also look like tables; otherwise the first recognised sheet.
    let mut first_error = None;
    let mut found: Vec<(xlsx::Sheet, Header)> = Vec::new();
    for sheet_name in order {
        progress.check(name)?;
        let sheet = wb.sheet(&sheet_name)?;
        match find_header(&sheet.rows, &ctx.gazetteer, options.mapping.as_ref()) {
            Ok(h) => {
                let master = h.layout.shape == Shape::DtmMasterList;
                found.push((sheet, h));
                if master {
                    break;
                }
            }
            Err(e) => {
                if first_error.is_none() || matches!(first_error, Some((_, HeaderError::Empty))) {
                    first_error = Some((sheet_name, e));
                }
            }
        }
    }
    let best = found
        .iter()
        .position(|(_, h)| h.layout.shape == Shape::DtmMasterList)
        .unwrap_or(0);
    if best < found.len() {
        let (sheet, header) = found.swap_remove(best);
        let sheet_name = sheet.name.clone();
        let data = sheet.rows.get(header.data_start()..).unwrap_or(&[]);
        let first_column = Some(sheet.first_column);
        let parsed = if header.layout.shape == Shape::DtmMasterList {
            // A round may be named by the sheet (`Round 123`) or by a sibling sheet.
            let named_sheet = std::iter::once(sheet_name.as_str())
                .chain(sheets.iter().map(String::as_str))
                .find(|s| crate::data::rounds::round_in_name(s).is_some());
            let mut list = MasterList::new(
                name,
                Some(&sheet_name),
                &header,
                first_column,
                context(ctx, options),
            )?;
            if let Some(other) = named_sheet.filter(|s| *s != sheet_name) {
                list.round_sheet(other);
            }
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

fn context<'a>(ctx: &'a LoadContext, options: &LoadOptions) -> Context<'a> {
    Context {
        gazetteer: &ctx.gazetteer,
        rounds: &ctx.rounds,
        given: options.time,
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
    let report = FileReport::new(name, format, header_row, header.hxl, &parsed);
    FileLoad { parsed, report }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Dataset;

    /// A made-up master list of `rows` rows in a scratch file (some names quoted, with
    /// quotes and line breaks inside), with `extra` appended after them.
    fn master_list_file(tag: &str, rows: usize, extra: &[u8]) -> std::path::PathBuf {
        use std::fmt::Write as _;
        let mut text = String::from(
            "Governorate,District,Location ID,Location,Households,Individuals,Round,Date\n",
        );
        let names = ["Ninewa", "Dahuk", "Erbil", "Nineveh", "IQG09", "Anbar"];
        for i in 0..rows {
            let location = if i % 11 == 0 {
                format!("\"Camp \"\"{i}\"\"\nblock\"")
            } else {
                format!("Location {i}")
            };
            let _ = writeln!(
                text,
                "{},D{},L{i},{location},{},{},{},{}",
                names[i % 6],
                i % 9,
                1 + i % 40,
                6 * (1 + i % 40),
                130 + i % 3,
                ["2023-12-31", "2023-12-31", "2024-04-30"][i % 3]
            );
        }
        let dir = std::env::temp_dir().join(format!("dd-stream-{}-{tag}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("master_list.csv");
        let mut bytes = text.into_bytes();
        bytes.extend_from_slice(extra);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// Sizes small enough that a test file crosses many chunks and the head ends early.
    fn small() -> stream::Sizes {
        stream::Sizes {
            from: 0,
            head: 4096,
            chunk: 8192,
        }
    }

    #[test]
    fn a_large_master_list_read_as_a_stream_gives_what_reading_it_whole_gives() {
        let ctx = Dataset::empty().unwrap().load_context();
        let path = master_list_file("clean", 30_000, b"");
        let options = LoadOptions::default();
        let streamed = stream::load_streamed(&ctx, &path, &options, &Progress::none(), small())
            .unwrap()
            .expect("a clean UTF-8 master list is streamed");
        let whole = load_path(&ctx, &path, &options, &Progress::none()).unwrap();
        assert_eq!(streamed, whole);
        assert_eq!(streamed.parsed.rows_read, 30_000);
        // Below the size it streams from, a file is read whole.
        let sizes = stream::Sizes {
            from: u64::MAX,
            ..small()
        };
        assert!(
            stream::load_streamed(&ctx, &path, &options, &Progress::none(), sizes)
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn a_streamed_load_counts_its_rows_and_stops_when_cancelled() {
        use std::sync::atomic::{AtomicBool, AtomicUsize};
        let ctx = Dataset::empty().unwrap().load_context();
        let path = master_list_file("cancel", 30_000, b"");
        let options = LoadOptions::default();
        let (rows, cancel) = (AtomicUsize::new(0), AtomicBool::new(false));
        let progress = Progress::new(&rows, &cancel);
        stream::load_streamed(&ctx, &path, &options, &progress, small())
            .unwrap()
            .expect("streamed");
        assert_eq!(progress.rows(), 30_000, "every row counted");
        cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        let stopped = stream::load_streamed(&ctx, &path, &options, &progress, small());
        assert!(
            matches!(stopped, Err(DataError::Cancelled { .. })),
            "{stopped:?}"
        );
    }

    #[test]
    fn a_stream_that_is_not_clean_is_read_whole_with_the_same_result() {
        let ctx = Dataset::empty().unwrap().load_context();
        let options = LoadOptions::default();
        // A bad row far past the head: the exact path names it.
        let bad = master_list_file("bad", 20_000, b"Atlantis,D1,L9,X,1,six,131,2023-12-31\n");
        assert!(
            stream::load_streamed(&ctx, &bad, &options, &Progress::none(), small())
                .unwrap()
                .is_none()
        );
        let streamed =
            load_path_streaming_from(&ctx, &bad, &options, &Progress::none(), small()).unwrap_err();
        let whole = load_path(&ctx, &bad, &options, &Progress::none()).unwrap_err();
        assert_eq!(streamed.to_string(), whole.to_string());
        // Line 21,821: the header, 20,000 rows and 1,819 quoted line breaks before it.
        assert!(
            streamed
                .to_string()
                .contains("row 21821, column \"Governorate\""),
            "{streamed}"
        );
        // A byte that is not UTF-8 past the head (a Windows-1256 name): read whole and
        // decoded as the whole file is.
        let legacy = master_list_file(
            "legacy",
            20_000,
            b"Ninewa,D1,L9,\xe3\xe6\xd5\xe1,1,6,131,2023-12-31\n",
        );
        assert!(
            stream::load_streamed(&ctx, &legacy, &options, &Progress::none(), small())
                .unwrap()
                .is_none()
        );
        let streamed =
            load_path_streaming_from(&ctx, &legacy, &options, &Progress::none(), small()).unwrap();
        let whole = load_path(&ctx, &legacy, &options, &Progress::none()).unwrap();
        assert_eq!(streamed, whole);
        assert_eq!(whole.report.encoding, Some(csv::Encoding::Windows1256));
    }

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
        // Text named as a workbook is read as text (here: a header of no known kind);
        // binary that is neither a zip nor an OLE file is no workbook.
        assert!(matches!(
            load(Some("xls"), b"a,b\n1,2\n"),
            Err(DataError::UnknownKind { .. })
        ));
        assert!(matches!(
            load(Some("xlsx"), b"\0\0\x01binary"),
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
}

//! The named corpus of malformed input (issue 14, `tests/fixtures/malformed/`):
//! every case with its exact outcome, either "loads N rows with these warnings" or
//! "refused with this message". Text cases are committed (written by
//! `make_malformed.py`); binary, huge and hostile ones are built here at run time.
//! `README.md` beside them lists every case. One table; a mismatch names the case.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use displacement_dashboard::data::{
    DataError, Dataset, FileLoad, LoadContext, LoadOptions, Progress, load_path,
};

use crate::props::workbook::{made_up_ods, made_up_xlsx};

/// What a case must give. In messages, `{path}` stands for the case's path.
#[derive(Debug)]
enum Expect {
    /// Loaded, with this many rows and exactly these warnings (messages only).
    Loads(usize, &'static [&'static str]),
    /// Refused with exactly this message.
    Refused(&'static str),
}

use Expect::{Loads, Refused};

const DIR: &str = "tests/fixtures/malformed";

/// The committed cases.
const COMMITTED: &[(&str, Expect)] = &[
    (
        "empty.csv",
        Refused("{path}: the file is empty; expected a header row and data rows"),
    ),
    (
        "bom_only.csv",
        Refused("{path}: the file is empty; expected a header row and data rows"),
    ),
    (
        "whitespace_only.csv",
        Refused("{path}: the file is empty; expected a header row and data rows"),
    ),
    (
        "header_only.csv",
        Refused("{path}: the file has a header row but no data rows"),
    ),
    ("crlf.csv", Loads(2, &[])),
    ("cr_only.csv", Loads(2, &[])),
    ("no_final_newline.csv", Loads(2, &[])),
    ("semicolon.csv", Loads(2, &[])),
    ("tab.csv", Loads(2, &[])),
    ("utf8_bom.csv", Loads(2, &[])),
    (
        "mixed_delimiters.csv",
        Refused(
            "{path}: row 2, column \"date\": expected a date as YYYY-MM-DD, found \"2024-04-30;IQG15;displacement;1000\"\n\
             {path}: row 2, column \"pcode\": expected a governorate name or P-code, found \"\"\n\
             {path}: row 2, column \"individuals\": expected a whole number, 0 or more, found \"\"",
        ),
    ),
    ("quoted_newline.csv", Loads(2, &[])),
    (
        "unterminated_quote.csv",
        Refused(
            "{path}: row 2, column \"pcode\": expected a known governorate name or P-code (unknown governorate \"IQG15,displacement,1000\\n2024-04-30,IQG09,displacement,2000\"), found \"IQG15,displacement,1000\\n2024-04-30,IQG09,displacement,2000\"\n\
             {path}: row 2, column \"individuals\": expected a whole number, 0 or more, found \"\"",
        ),
    ),
    (
        "windows1256.csv",
        Loads(
            2,
            &[
                "read as windows-1256 text (not UTF-8); if names look wrong, save the file as \"CSV UTF-8\"",
            ],
        ),
    ),
    (
        "latin1.csv",
        Loads(
            2,
            &[
                "read as windows-1252 text (not UTF-8); if names look wrong, save the file as \"CSV UTF-8\"",
            ],
        ),
    ),
    (
        "utf16le_bom.csv",
        Loads(
            2,
            &[
                "read as utf-16le text (not UTF-8); if names look wrong, save the file as \"CSV UTF-8\"",
            ],
        ),
    ),
    (
        "utf16be_bom.csv",
        Loads(
            2,
            &[
                "read as utf-16be text (not UTF-8); if names look wrong, save the file as \"CSV UTF-8\"",
            ],
        ),
    ),
    ("dates_iso.csv", Loads(2, &[])),
    ("dates_datetime.csv", Loads(2, &[])),
    ("dates_slash_ymd.csv", Loads(2, &[])),
    ("dates_excel_serial.csv", Loads(2, &[])),
    (
        "dates_day_month_year.csv",
        Refused(
            "{path}: row 2, column \"date\": expected a date as YYYY-MM-DD, found \"30/04/2024\"",
        ),
    ),
    (
        "dates_month_name.csv",
        Refused(
            "{path}: row 2, column \"date\": expected a date as YYYY-MM-DD, found \"30 Apr 2024\"",
        ),
    ),
    (
        "negative_people.csv",
        Refused(
            "{path}: row 2, column \"individuals\": expected a whole number, 0 or more, found \"-5\"",
        ),
    ),
    (
        "fractional_people.csv",
        Refused(
            "{path}: row 2, column \"individuals\": expected a whole number, 0 or more, found \"12.5\"",
        ),
    ),
    ("whole_float_people.csv", Loads(1, &[])),
    (
        "huge_number.csv",
        Refused(
            "{path}: row 2, column \"individuals\": expected a whole number, 0 or more, found \"99999999999999999999999\"",
        ),
    ),
    (
        "nan_inf.csv",
        Refused(
            "{path}: row 2, column \"individuals\": expected a whole number, 0 or more, found \"NaN\"\n\
             {path}: row 3, column \"individuals\": expected a whole number, 0 or more, found \"inf\"",
        ),
    ),
    ("thousands_separators.csv", Loads(1, &[])),
    (
        // No warning: the app's own funding format takes OCHA's published figure as
        // written (DESIGN §7 warns on FTS exports' percentages, the next case).
        "coverage_reported_over_100.csv",
        Loads(1, &[]),
    ),
    (
        "fts_percent_over_100_2026-02-20.csv",
        Loads(
            1,
            &[
                "row 2: FTS publishes 150% funded for \"Made-up Humanitarian Response Plan 2022\", above 100%",
                "FTS figures as of 2026-02-20 (from the file name); FTS changes as contributions are reported",
            ],
        ),
    ),
    (
        "duplicate_rows.csv",
        Refused(
            "{path}: row 4, column \"pcode\": expected one row per date, governorate, basis, source and panel (row 2 has the same), found \"IQG15\"",
        ),
    ),
    ("duplicate_columns.csv", Loads(1, &[])),
    ("governorate_three_ways.csv", Loads(3, &[])),
    (
        "emptied_cells.csv",
        Refused(
            "{path}: row 3, column \"pcode\": expected a governorate name or P-code, found \"\"",
        ),
    ),
    (
        "origin_basis_emptied.csv",
        Refused(
            "{path}: row 3, column \"basis\": expected a basis (displacement, origin, in_camp, returnees): this row's empty basis is read as displacement, and row 2 has the same date, governorate, source and panel, found \"\"",
        ),
    ),
    (
        "unknown_governorate.csv",
        Refused(
            "{path}: row 2, column \"governorate\": expected a known governorate name or P-code (unknown governorate \"Ninevah2\"; did you mean Ninewa (Ninevah)?), found \"Ninevah2\"",
        ),
    ),
    (
        "old_pcode_scheme.csv",
        Refused(
            "{path}: row 2, column \"pcode\": expected a known governorate name or P-code (\"IQ-G01\" is an old OCHA P-code scheme; use IQGnn), found \"IQ-G01\"",
        ),
    ),
    (
        "halabja.csv",
        Loads(
            1,
            &["row 2: \"Halabja\" is counted under Sulaymaniyah (IQG06), as OCHA and DTM do"],
        ),
    ),
    (
        "title_rows.csv",
        Loads(
            2,
            &["rows 1\u{2013}2 above the header (row 3) were skipped"],
        ),
    ),
    ("quotes_line_above_header.csv", Loads(2, &[])),
    ("hxl_row.csv", Loads(2, &[])),
    (
        "zero_width_space.csv",
        Refused(
            "{path}: row 2, column \"pcode\": expected a known governorate name or P-code (unknown governorate \"IQG15\\u{200b}\"), found \"IQG15\\u{200b}\"",
        ),
    ),
    (
        "nul_bytes.csv",
        Refused(
            "{path}: reading this binary file (open a CSV or an XLSX/XLS workbook) is not supported yet",
        ),
    ),
    ("html_error_page.csv", Refused(UNKNOWN_KIND)),
    ("unknown_kind.csv", Refused(UNKNOWN_KIND)),
    (
        "text_named_xlsx.xlsx",
        Loads(
            2,
            &["named .xlsx, but it is text, not a workbook: read as CSV"],
        ),
    ),
    (
        "empty_zip_named_xlsx.xlsx",
        Refused(
            "{path}: not a readable workbook (truncated or corrupt?): a zip archive with no workbook in it (no xl/workbook.xml); open an XLSX, XLS or ODS workbook, or a CSV",
        ),
    ),
    (
        "binary_named_xls.xls",
        Refused(
            "{path}: not a readable workbook (truncated or corrupt?): named .xls, but it is neither a zip package (XLSX, ODS) nor an OLE file (XLS) nor text",
        ),
    ),
];

/// The start of "kind of table not recognised" (the list of kinds that follows is long).
const UNKNOWN_KIND: &str = "{path}: kind of table not recognised; expected the columns of one of:";

fn context() -> LoadContext {
    Dataset::bundled().expect("bundled").load_context()
}

fn load(ctx: &LoadContext, path: &Path) -> Result<FileLoad, DataError> {
    load_path(ctx, path, &LoadOptions::default(), &Progress::none())
}

/// The mismatch between an outcome and what was expected, if any.
fn mismatch(path: &Path, outcome: &Result<FileLoad, DataError>, expect: &Expect) -> Option<String> {
    let fill = |s: &str| s.replace("{path}", &path.display().to_string());
    match (outcome, expect) {
        (Ok(l), Loads(rows, warnings)) => {
            let got: Vec<&str> = l
                .report
                .warnings
                .iter()
                .map(|w| w.message.as_str())
                .collect();
            (l.report.rows != *rows || got != *warnings)
                .then(|| format!("loaded {} rows with warnings {got:?}", l.report.rows))
        }
        (Err(e), Refused(message)) => {
            let got = e.to_string();
            let want = fill(message);
            let same = if *message == UNKNOWN_KIND {
                got.starts_with(&want)
            } else {
                got == want
            };
            (!same).then(|| format!("refused with {got:?}"))
        }
        (Ok(l), Refused(_)) => Some(format!("loaded {} rows", l.report.rows)),
        (Err(e), Loads(..)) => Some(format!("refused with {:?}", e.to_string())),
    }
}

#[test]
fn every_committed_case_has_its_outcome() {
    let ctx = context();
    let mut listed: Vec<&str> = COMMITTED.iter().map(|(n, _)| *n).collect();
    let mut failures = Vec::new();
    for (name, expect) in COMMITTED {
        let path = Path::new(DIR).join(name);
        if let Some(m) = mismatch(&path, &load(&ctx, &path), expect) {
            failures.push(format!("{name}: {m}; expected {expect:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Every committed file is a case, and the README names every case.
    let mut files: Vec<String> = std::fs::read_dir(DIR)
        .expect("corpus folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n != "README.md" && n != "make_malformed.py")
        .collect();
    files.sort();
    listed.sort_unstable();
    assert_eq!(files, listed);
    let readme = std::fs::read_to_string(Path::new(DIR).join("README.md")).expect("README");
    for name in listed.iter().chain(BUILT) {
        assert!(
            readme.contains(&format!("`{name}`")),
            "README.md lacks {name}"
        );
    }
}

/// The cases built at run time, as the README names them.
const BUILT: &[&str] = &[
    "truncated.xlsx",
    "cell_ref_zzzzzzz.xlsx",
    "shared_strings_unique_count.xlsx",
    "far_cell_xfd1048576.xlsx",
    "zip_bomb_streamed.xlsx",
    "password_protected.xlsx",
    "made_up.xls",
    "made_up.ods",
    "ods_cut_inside_sheet.ods",
    "long_line_5mb.csv",
    "columns_10000.csv",
    "directory.csv",
    "missing.csv",
    "fifo.csv",
    "/dev/zero",
    "vanishing.csv",
    "symlink_loop.csv",
    "dangling_symlink.csv",
    "over_2gb.csv",
];

/// A fresh folder for the built cases.
struct Scratch(PathBuf);

impl Scratch {
    fn new(test: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!(
            "displacement-dashboard-corpus-{test}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch folder");
        Scratch(dir)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("write a case");
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The made-up XLSX with one part's text replaced.
fn xlsx_with(part: &str, from: &str, to: &str) -> Vec<u8> {
    let mut package = made_up_xlsx();
    let (_, xml) = package
        .parts
        .iter_mut()
        .find(|(n, _)| n == part)
        .expect("part");
    let text = String::from_utf8(xml.clone()).expect("utf-8");
    assert!(text.contains(from), "{part} has no {from}");
    *xml = text.replacen(from, to, 1).into_bytes();
    package.zip()
}

/// A workbook whose data sheet is streamed to disk: the made-up table, then `rows`
/// rows of made-up filler, written 64 KiB at a time (never held in memory).
fn streamed_bomb(path: &Path, rows: usize) -> std::io::Result<()> {
    use zip::write::SimpleFileOptions;
    let mut z = zip::ZipWriter::new(std::fs::File::create(path)?);
    for (name, bytes) in made_up_xlsx().parts {
        z.start_file(&name, SimpleFileOptions::default())?;
        if name != "xl/worksheets/sheet2.xml" {
            z.write_all(&bytes)?;
            continue;
        }
        let xml = String::from_utf8(bytes).expect("utf-8");
        let (head, tail) = xml.split_at(xml.find("</sheetData>").expect("sheetData"));
        z.write_all(head.as_bytes())?;
        let row = "<row><c><v>0</v></c><c><v>0</v></c><c><v>0</v></c><c><v>0</v></c></row>";
        let chunk = row.repeat(65_536 / row.len());
        let per_chunk = 65_536 / row.len();
        for _ in 0..rows / per_chunk {
            z.write_all(chunk.as_bytes())?;
        }
        z.write_all(tail.as_bytes())?;
    }
    z.finish()?;
    Ok(())
}

/// The declared and compressed sizes of a part, from the zip directory.
fn sizes(path: &Path, part: &str) -> (u64, u64) {
    let zip = zip::ZipArchive::new(std::fs::File::open(path).expect("zip")).expect("zip");
    let entry = zip
        .by_index_data(zip.index_for_name(part).expect("part"))
        .expect("entry");
    (entry.size(), entry.compressed_size())
}

fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A minimal OLE compound file with an `EncryptedPackage` entry: how Excel saves a
/// password-protected workbook.
fn encrypted_ole() -> Vec<u8> {
    let mut bytes = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    bytes.resize(512, 0);
    let mut entry = vec![0u8; 128];
    for (i, unit) in "EncryptedPackage".encode_utf16().enumerate() {
        entry[i * 2..i * 2 + 2].copy_from_slice(&unit.to_le_bytes());
    }
    entry[64] = 34;
    bytes.extend(entry);
    bytes.resize(1536, 0);
    bytes
}

#[test]
#[allow(clippy::too_many_lines)] // one table of cases, read top to bottom
fn every_built_case_has_its_outcome() {
    let ctx = context();
    let dir = Scratch::new("built");
    let mut cases: Vec<(&str, PathBuf, Expect)> = Vec::new();
    let mut owned: Vec<(&str, PathBuf, String)> = Vec::new();

    let whole = made_up_xlsx().zip();
    let truncated = dir.write("truncated.xlsx", &whole[..whole.len() / 2]);
    cases.push((
        "truncated.xlsx",
        truncated,
        Refused("{path}: not a readable workbook (truncated or corrupt?): not a zip package: invalid Zip archive: Could not find EOCD"),
    ));
    let path = dir.write(
        "cell_ref_zzzzzzz.xlsx",
        &xlsx_with("xl/worksheets/sheet2.xml", r#"r="D3""#, r#"r="ZZZZZZZ3""#),
    );
    cases.push((
        "cell_ref_zzzzzzz.xlsx",
        path,
        Refused("{path}: not a readable workbook (truncated or corrupt?): sheet \"Data\": cell reference \"ZZZZZZZ3\" is past Excel's last column (XFD, column 16,384)"),
    ));
    let path = dir.write(
        "shared_strings_unique_count.xlsx",
        &xlsx_with(
            "xl/sharedStrings.xml",
            r#"uniqueCount="8""#,
            r#"uniqueCount="4294967295""#,
        ),
    );
    let (sst_size, _) = sizes(&path, "xl/sharedStrings.xml");
    owned.push((
        "shared_strings_unique_count.xlsx",
        path,
        format!(
            "{{path}}: not a readable workbook (truncated or corrupt?): part \"xl/sharedStrings.xml\" declares 4,294,967,295 shared strings (uniqueCount) but its {sst_size} bytes can hold at most {}",
            sst_size / 5
        ),
    ));
    let path = dir.write(
        "far_cell_xfd1048576.xlsx",
        &xlsx_with(
            "xl/worksheets/sheet2.xml",
            "</sheetData>",
            r#"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>made-up stray</t></is></c></row></sheetData>"#,
        ),
    );
    cases.push((
        "far_cell_xfd1048576.xlsx",
        path,
        Loads(
            3,
            &[
                "sheet \"Data\": row 1 above the header (row 2) was skipped",
                "sheet \"Data\", row 1048576 holds values only right of the table's last column (\"note\"); ignored",
            ],
        ),
    ));
    let bomb = dir.0.join("zip_bomb_streamed.xlsx");
    streamed_bomb(&bomb, 400_000).expect("stream the bomb");
    let (size, packed) = sizes(&bomb, "xl/worksheets/sheet2.xml");
    owned.push((
        "zip_bomb_streamed.xlsx",
        bomb,
        format!(
            "{{path}}: not a readable workbook (truncated or corrupt?): part \"xl/worksheets/sheet2.xml\" would expand {}:1 (from {} to {} bytes); expected at most 100:1 for a part over 8 MiB (a zip bomb?)",
            size / packed,
            grouped(packed),
            grouped(size)
        ),
    ));
    let path = dir.write("password_protected.xlsx", &encrypted_ole());
    cases.push((
        "password_protected.xlsx",
        path,
        Refused(
            "{path}: the workbook is password-protected; save an unprotected copy and open that",
        ),
    ));
    let path = dir.write("made_up.xls", &crate::xls::xls(&crate::xls::table()));
    cases.push(("made_up.xls", path, Loads(3, &[])));
    let path = dir.write("made_up.ods", &made_up_ods().zip());
    cases.push(("made_up.ods", path, Loads(3, &[])));
    let mut cut = made_up_ods();
    let xml = String::from_utf8(cut.parts[1].1.clone()).expect("utf-8");
    cut.parts[1].1 = xml.as_bytes()[..xml.find("</table:table>").expect("sheet")].to_vec();
    let path = dir.write("ods_cut_inside_sheet.ods", &cut.zip());
    cases.push((
        "ods_cut_inside_sheet.ods",
        path,
        Refused("{path}: not a readable workbook (truncated or corrupt?): the document's content ends inside a sheet or a cell comment (content.xml is truncated or corrupt)"),
    ));
    let long = format!(
        "date,pcode,basis,individuals,note\n2024-04-30,IQG15,displacement,1000,{}\n",
        "x".repeat(5_000_000)
    );
    let path = dir.write("long_line_5mb.csv", long.as_bytes());
    cases.push(("long_line_5mb.csv", path, Loads(1, &[])));
    let mut wide = String::from("date,pcode,basis,individuals");
    let mut row = String::from("2024-04-30,IQG15,displacement,1000");
    for i in 4..10_000 {
        let _ = write!(wide, ",extra {i}");
        let _ = write!(row, ",{i}");
    }
    let path = dir.write("columns_10000.csv", format!("{wide}\n{row}\n").as_bytes());
    cases.push(("columns_10000.csv", path, Loads(1, &[])));
    let folder = dir.0.join("directory.csv");
    std::fs::create_dir(&folder).expect("a folder");
    cases.push((
        "directory.csv",
        folder,
        Refused("cannot open {path}: it is a folder, not a file"),
    ));
    cases.push((
        "missing.csv",
        dir.0.join("missing.csv"),
        Refused("cannot open {path}: No such file or directory (os error 2)"),
    ));
    let fifo = dir.0.join("fifo.csv");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    cases.push((
        "fifo.csv",
        fifo,
        Refused("cannot open {path}: it is not a regular file (a device, a pipe or a socket)"),
    ));
    cases.push((
        "/dev/zero",
        PathBuf::from("/dev/zero"),
        Refused("cannot open {path}: it is not a regular file (a device, a pipe or a socket)"),
    ));
    // Chosen, then deleted before the load reads it.
    let vanishing = dir.write(
        "vanishing.csv",
        b"date,pcode,individuals\n2024-04-30,IQG15,5\n",
    );
    std::fs::remove_file(&vanishing).expect("remove");
    cases.push((
        "vanishing.csv",
        vanishing,
        Refused("cannot open {path}: No such file or directory (os error 2)"),
    ));
    let a = dir.0.join("symlink_loop.csv");
    let b = dir.0.join("symlink_loop_back.csv");
    std::os::unix::fs::symlink(&b, &a).expect("symlink");
    std::os::unix::fs::symlink(&a, &b).expect("symlink");
    cases.push((
        "symlink_loop.csv",
        a,
        Refused("cannot open {path}: Too many levels of symbolic links (os error 40)"),
    ));
    let dangling = dir.0.join("dangling_symlink.csv");
    std::os::unix::fs::symlink(dir.0.join("nowhere.csv"), &dangling).expect("symlink");
    cases.push((
        "dangling_symlink.csv",
        dangling,
        Refused("cannot open {path}: No such file or directory (os error 2)"),
    ));
    // A sparse file: 2.1 GB long, no disk used.
    let big = dir.0.join("over_2gb.csv");
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(2_100_000_000))
        .expect("sparse file");
    cases.push((
        "over_2gb.csv",
        big,
        Refused("cannot open {path}: it is 2.1 GB; the app reads files up to 2 GB (split the file, or keep only the rounds you need)"),
    ));

    let mut failures = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    for (name, path, expect) in &cases {
        names.push(name);
        if let Some(m) = mismatch(path, &load(&ctx, path), expect) {
            failures.push(format!("{name}: {m}; expected {expect:?}"));
        }
    }
    for (name, path, message) in &owned {
        names.push(name);
        let leaked: &'static str = Box::leak(message.clone().into_boxed_str());
        let expect = Refused(leaked);
        if let Some(m) = mismatch(path, &load(&ctx, path), &expect) {
            failures.push(format!("{name}: {m}; expected {expect:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    names.sort_unstable();
    let mut built = BUILT.to_vec();
    built.sort_unstable();
    assert_eq!(names, built, "every built case is run");
}

#[test]
fn a_file_deleted_while_it_loads_is_read_whole_or_not_at_all() {
    // The file is read into memory in one go before it is parsed, so removing it
    // mid-load gives either the whole table or "cannot open": never part of it.
    let ctx = context();
    let dir = Scratch::new("vanishing");
    let mut text = String::from("date,pcode,basis,individuals\n");
    for day in 1..=28 {
        for g in 1..=18 {
            let _ = writeln!(text, "2024-02-{day:02},IQG{g:02},displacement,{day}");
        }
    }
    for attempt in 0..20 {
        let path = dir.write(&format!("vanishing_{attempt}.csv"), text.as_bytes());
        let remover = {
            let path = path.clone();
            std::thread::spawn(move || std::fs::remove_file(path))
        };
        let outcome = load(&ctx, &path);
        remover.join().expect("remover").expect("removed");
        match outcome {
            Ok(l) => assert_eq!(l.report.rows, 28 * 18),
            Err(e) => assert_eq!(
                e.to_string(),
                format!(
                    "cannot open {}: No such file or directory (os error 2)",
                    path.display()
                )
            ),
        }
    }
}

//! Workbooks that declare more than they hold (issue 8): a stray cell far down and
//! right still opens with its table read as it was; a reference past Excel's limits,
//! a lying shared-string count, a zip bomb, too many sheets or a password are refused
//! with a message naming the file and what is wrong; and `check` never aborts.

use std::path::Path;
use std::process::Command;

use displacement_dashboard::data::xlsx::{Sheet, Workbook};
use displacement_dashboard::data::{DataError, Dataset, LoadOptions, Progress, load_path};

use crate::support::{fixture, run};

fn open_sheet(name: &str) -> Sheet {
    let path = fixture(name);
    let bytes = std::fs::read(&path).expect("fixture");
    let ext = Path::new(&path)
        .extension()
        .and_then(|e| e.to_str())
        .expect("extension");
    let mut wb = Workbook::open(&path, ext, &bytes).unwrap_or_else(|e| panic!("{e}"));
    let first = wb.names[0].clone();
    wb.sheet(&first).unwrap_or_else(|e| panic!("{e}"))
}

/// `(sheet row, cells)` of every stored row.
fn rows(sheet: &Sheet) -> Vec<(usize, Vec<Option<&str>>)> {
    sheet
        .rows
        .iter()
        .map(|r| (r.line, r.cells.iter().map(Option::as_deref).collect()))
        .collect()
}

/// The made-up table every fixture here holds in A1:D4.
fn the_table() -> Vec<(usize, Vec<Option<&'static str>>)> {
    let row = |line, cells: [&'static str; 4]| (line, cells.map(Some).to_vec());
    vec![
        row(1, ["date", "pcode", "basis", "individuals"]),
        row(2, ["2024-04-30", "Nineveh", "displacement", "1000"]),
        row(3, ["2024-04-30", "IRQ-G09", "displacement", "2000"]),
        row(4, ["2024-04-30", "Erbil", "displacement", "3000"]),
    ]
}

fn refusal(name: &str) -> String {
    let ctx = Dataset::bundled().expect("bundled").load_context();
    match load_path(
        &ctx,
        Path::new(&fixture(name)),
        &LoadOptions::default(),
        &Progress::none(),
    ) {
        Ok(_) => panic!("{name} was accepted"),
        Err(DataError::Workbook { file, reason }) => {
            assert_eq!(file, fixture(name));
            reason
        }
        Err(e) => panic!("{name}: not a workbook error: {e}"),
    }
}

#[test]
fn a_formatted_cell_at_xfd1048576_costs_nothing_and_the_table_loads() {
    let sheet = open_sheet("good/stray_style_xfd1048576_made_up.xlsx");
    assert_eq!(sheet.first_column, 0);
    assert_eq!(rows(&sheet), the_table());
    let r = run(&[
        "check",
        &fixture("good/stray_style_xfd1048576_made_up.xlsx"),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        format!(
            "{} (sheet \"Sheet1\"): ok, IDPs-by-governorate table with 3 rows, 2024-04-30; 2024-04-30: 3 governorates, 6,000 IDPs\n",
            fixture("good/stray_style_xfd1048576_made_up.xlsx")
        )
    );
}

#[test]
fn a_value_at_xfd1048576_is_one_row_of_its_own_beside_the_table() {
    let sheet = open_sheet("good/stray_value_xfd1048576_made_up.xlsx");
    assert_eq!(sheet.first_column, 0);
    let got = rows(&sheet);
    assert_eq!(got[..4], the_table()[..]);
    assert_eq!(got.len(), 5);
    let (line, cells) = &got[4];
    assert_eq!(*line, 1_048_576);
    assert_eq!(cells.len(), 16_384, "from column A to column XFD");
    assert_eq!(cells[16_383], Some("made-up stray"));
    assert!(cells[..16_383].iter().all(Option::is_none));
    // Outside the table's columns, it is left out with a warning; the table loads.
    let path = fixture("good/stray_value_xfd1048576_made_up.xlsx");
    let r = run(&["check", &path]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "{path}: sheet \"Sheet1\", row 1048576 holds values only right of the table's last column"
        )),
        "{}",
        r.stderr
    );
}

#[test]
fn a_value_at_a1048576_or_xfd2_keeps_rows_and_letters() {
    let sheet = open_sheet("broken/stray_value_a1048576_made_up.xlsx");
    let got = rows(&sheet);
    assert_eq!(got[..4], the_table()[..]);
    assert_eq!(got[4], (1_048_576, vec![Some("made-up note")]));

    let sheet = open_sheet("good/stray_value_xfd2_made_up.xlsx");
    assert_eq!(sheet.first_column, 0);
    let got = rows(&sheet);
    assert_eq!(got.len(), 4);
    assert_eq!(got[1].0, 2);
    assert_eq!(got[1].1.len(), 16_384);
    assert_eq!(got[1].1[..4], the_table()[1].1[..]);
    assert_eq!(got[1].1[16_383], Some("made-up note"));
    assert_eq!(got[2..], the_table()[2..]);
    // The table reader reads the header's columns only.
    assert_eq!(
        run(&["check", &fixture("good/stray_value_xfd2_made_up.xlsx")]).code,
        0
    );
}

#[test]
fn a_whole_sheet_dimension_on_a_small_table_opens() {
    let sheet = open_sheet("good/dimension_whole_sheet_made_up.xlsx");
    assert_eq!(rows(&sheet), the_table());
    let r = run(&["check", &fixture("good/dimension_whole_sheet_made_up.xlsx")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn xlsb_and_ods_sheets_read_the_same_table() {
    let sheet = open_sheet("good/stray_cells_made_up.xlsb");
    let got = rows(&sheet);
    assert_eq!(
        got.len(),
        4,
        "the blank formatted cell at XFD1048576 is not stored"
    );
    assert_eq!(got[1].1.len(), 16_384);
    assert_eq!(got[1].1[16_383], Some("made-up note"));
    assert_eq!(got[0], the_table()[0]);
    assert_eq!(got[2..], the_table()[2..]);
    let sheet = open_sheet("good/governorates_made_up.ods");
    assert_eq!(rows(&sheet), the_table());
    for name in [
        "good/stray_cells_made_up.xlsb",
        "good/governorates_made_up.ods",
    ] {
        let r = run(&["check", &fixture(name)]);
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
        assert!(
            r.stdout
                .contains("ok, IDPs-by-governorate table with 3 rows"),
            "{}",
            r.stdout
        );
    }
}

#[test]
fn declarations_past_excels_limits_or_the_parts_size_are_refused_by_name() {
    assert_eq!(
        refusal("broken/cell_ref_zzzzzzz1_made_up.xlsx"),
        "sheet \"Sheet1\": cell reference \"ZZZZZZZ1\" is past Excel's last column (XFD, column 16,384)"
    );
    assert_eq!(
        refusal("broken/shared_strings_unique_count_made_up.xlsx"),
        "part \"xl/sharedStrings.xml\" declares 4,294,967,295 shared strings (uniqueCount) but its 416 bytes can hold at most 83"
    );
    assert_eq!(
        refusal("broken/too_many_sheets_made_up.xlsx"),
        "the workbook has more than 1,000 sheets; expected at most 1,000"
    );
    assert_eq!(
        refusal("broken/ods_repeated_cells_made_up.ods"),
        "the sheets would take more than 10,000,000 cells once repeated cells and rows \
         (table:number-columns-repeated, table:number-rows-repeated) are filled in; \
         expected at most 10,000,000"
    );
}

/// A part's declared uncompressed and compressed sizes, from the zip directory.
fn sizes(name: &str, part: &str) -> (u64, u64) {
    let file = std::fs::File::open(fixture(name)).expect("fixture");
    let zip = zip::ZipArchive::new(file).expect("zip");
    let i = zip.index_for_name(part).expect("part");
    let entry = zip.by_index_data(i).expect("entry");
    (entry.size(), entry.compressed_size())
}

#[test]
fn zip_bombs_are_refused_before_inflating() {
    assert_eq!(
        refusal("broken/zip_bomb_declared_size_made_up.xlsx"),
        "part \"xl/worksheets/sheet1.xml\" would expand to 3,000,000,000 bytes; expected at most 1 GiB (a zip bomb?)"
    );
    let (size, packed) = sizes(
        "broken/zip_bomb_ratio_made_up.xlsx",
        "xl/worksheets/sheet1.xml",
    );
    assert!(size > 9 << 20 && packed < 20_000, "{size} {packed}");
    let ratio = size / packed;
    let group = |n: u64| {
        let s = n.to_string();
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    };
    assert_eq!(
        refusal("broken/zip_bomb_ratio_made_up.xlsx"),
        format!(
            "part \"xl/worksheets/sheet1.xml\" would expand {ratio}:1 (from {} to {} bytes); expected at most 100:1 for a part over 8 MiB (a zip bomb?)",
            group(packed),
            group(size)
        )
    );
    // A part that inflates past the size its directory declares is stopped there.
    assert_eq!(
        refusal("broken/zip_lies_small_made_up.xlsx"),
        "Xml error: I/O error: File is larger than its declared uncompressed size"
    );
}

#[test]
fn password_protected_workbooks_ask_for_an_unprotected_copy() {
    for name in [
        "broken/encrypted_ole_made_up.xlsx",
        "broken/encrypted_entry_made_up.xlsx",
    ] {
        let r = run(&["check", &fixture(name)]);
        assert_eq!(r.code, 1);
        assert_eq!(
            r.stderr,
            format!(
                "displacement-dashboard: {}: the workbook is password-protected; save an unprotected copy and open that\n",
                fixture(name)
            )
        );
    }
}

#[test]
fn check_never_aborts_on_any_workbook_fixture() {
    let mut names: Vec<String> = Vec::new();
    for dir in ["good", "broken"] {
        for entry in std::fs::read_dir(format!("tests/fixtures/{dir}")).expect("folder") {
            let path = entry.expect("entry").path();
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if ["xlsx", "xlsb", "xls", "ods"].contains(&ext) {
                names.push(path.display().to_string());
            }
        }
    }
    names.sort();
    assert!(names.len() >= 19, "{names:?}");
    for name in names {
        let out = Command::new(env!("CARGO_BIN_EXE_displacement-dashboard"))
            .args(["check", &name])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("the binary runs");
        // An abort is a signal (no code) or 134; an out-of-memory kill is 137.
        let code = out.status.code();
        assert!(
            matches!(code, Some(0 | 1)),
            "{name}: {:?} {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

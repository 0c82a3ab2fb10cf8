//! IOM DTM master lists as DTM publishes them (made-up fixtures with each trait of
//! the real files): no date or round column, the round in the file or sheet name or
//! only in the total, a data sheet among summary sheets, header cells with line
//! breaks, a partial HXL row with stray tabs, origin columns named like the
//! governorates, a totals row, numbers as text with thousands separators, and CSVs
//! saved by Excel in Windows code pages.

use std::path::Path;

use displacement_dashboard::data::{
    DataError, Dataset, FileFormat, FileLoad, LoadOptions, Progress, Table, load_path,
    rounds::FileTime,
};
use serde_json::Value;

use crate::support::{fixture, run};

fn load_with(name: &str, time: FileTime) -> Result<FileLoad, DataError> {
    let ctx = Dataset::bundled().expect("bundled").load_context();
    let options = LoadOptions {
        time,
        ..LoadOptions::default()
    };
    load_path(&ctx, Path::new(&fixture(name)), &options, &Progress::none())
}

fn load(name: &str) -> FileLoad {
    load_with(name, FileTime::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// (date, governorate P-code, individuals) of a loaded governorate table.
fn rows(l: &FileLoad) -> Vec<(String, String, u64)> {
    let Table::IdpsGovernorate(rows) = &l.parsed.table else {
        panic!("not a governorate table");
    };
    rows.iter()
        .map(|r| (r.date.to_string(), r.pcode.to_string(), r.individuals))
        .collect()
}

fn individuals(l: &FileLoad, pcode: &str) -> u64 {
    rows(l)
        .iter()
        .filter(|(_, p, _)| p == pcode)
        .map(|r| r.2)
        .sum()
}

#[test]
fn a_published_workbook_is_read_from_its_data_sheet_and_dated_by_its_file_name() {
    let l = load("good/iraq_dtm_master_list_round_123_made_up.xlsx");
    let FileFormat::Workbook { sheet, sheets } = &l.report.format else {
        panic!("a workbook")
    };
    assert_eq!(sheet, "DTM Dataset");
    assert_eq!(sheets.len(), 4);
    let r = rows(&l);
    assert_eq!(r.len(), 18, "one row per governorate");
    assert!(r.iter().all(|(d, _, _)| d == "2021-09-30"), "{r:?}");
    assert_eq!(r.iter().map(|x| x.2).sum::<u64>(), 654_321);
    // Ninewa's own rows, not the "Ninewa" origin column (tagged #adm1+code).
    assert_eq!(individuals(&l, "IQG15"), 44_000);
    assert_eq!(individuals(&l, "IQG09"), 38_000);
    assert_eq!(individuals(&l, "IQG18"), 34_321);
    assert_eq!(
        l.report.dating.as_deref(),
        Some("round 123 (30 Sep 2021, from the file name)")
    );
    assert_eq!(l.report.header_row, 1);
    assert!(l.report.hxl, "the partial HXL row is not data");
    assert_eq!(l.report.rows_read, 54);
}

#[test]
fn an_old_list_is_dated_by_its_total_and_its_totals_row_is_checked() {
    let l = load("good/dtm_master_list_2019_made_up.xlsx");
    let r = rows(&l);
    assert!(r.iter().all(|(d, _, _)| d == "2019-04-30"), "{r:?}");
    assert_eq!(r.iter().map(|x| x.2).sum::<u64>(), 1_665_108);
    assert_eq!(individuals(&l, "IQG15"), 112_024);
    assert_eq!(
        l.report.dating.as_deref(),
        Some("round 109 (30 Apr 2019, by its total)")
    );
    assert_eq!(l.report.rows_read, 55);
    assert_eq!(l.report.rows_kept, 54);
    assert_eq!(l.report.left_out.len(), 1);
    assert_eq!(l.report.left_out[0].reason, "totals_row");
    assert_eq!(
        l.report.left_out[0].detail,
        "1 totals row left out, equal to the sum of the rows"
    );
    let warnings: Vec<String> = l
        .report
        .warnings
        .iter()
        .map(|w| w.message.clone())
        .collect();
    assert!(
        warnings.contains(&"sheet \"Master List\", row 56: totals row \"Totals: Locations:54\" left out; its individuals (1,665,108) equal the sum of the rows".to_string()),
        "{warnings:?}"
    );
}

#[test]
fn csv_saved_by_excel_in_windows_code_pages_opens() {
    let arabic = load("good/DTM_R123_master_list_windows1256_made_up.csv");
    assert_eq!(
        arabic
            .report
            .encoding
            .map(displacement_dashboard::data::csv::Encoding::label),
        Some("windows-1256")
    );
    assert_eq!(rows(&arabic).iter().map(|x| x.2).sum::<u64>(), 5_000);
    let western = load("good/DTM_R123_master_list_windows1252_made_up.csv");
    assert_eq!(
        western
            .report
            .encoding
            .map(displacement_dashboard::data::csv::Encoding::label),
        Some("windows-1252")
    );
    assert_eq!(individuals(&western, "IQG15"), 330);
    let messages: Vec<&str> = western
        .report
        .warnings
        .iter()
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(
        messages[..2],
        [
            "read as windows-1252 text (not UTF-8); if names look wrong, save the file as \"CSV UTF-8\"",
            "column \"Location name in Arabic\" holds only \"?\" where names should be: its text (Arabic names?) was lost when the file was saved; save it from Excel as \"CSV UTF-8\"",
        ]
    );
    // The Arabic names survived in the Windows-1256 file: no such warning.
    assert!(
        !arabic
            .report
            .warnings
            .iter()
            .any(|w| w.message.contains("holds only")),
        "{:?}",
        arabic.report.warnings
    );
}

#[test]
fn an_undated_list_asks_for_its_round_or_date() {
    let e = load_with(
        "broken/dtm_master_list_undated_made_up.csv",
        FileTime::default(),
    )
    .map(|_| ())
    .map_err(|e| e.to_string());
    assert_eq!(
        e,
        Err(format!(
            "{}: no date or round was found (no date or round column, none in the file or sheet names), and its total of 5,000 IDPs equals no DTM round; say which round or date this list is",
            fixture("broken/dtm_master_list_undated_made_up.csv")
        ))
    );
    let given = FileTime {
        round: Some(123),
        date: None,
    };
    let l = load_with("broken/dtm_master_list_undated_made_up.csv", given).expect("dated");
    assert!(rows(&l).iter().all(|(d, _, _)| d == "2021-09-30"));
    assert_eq!(
        l.report.dating.as_deref(),
        Some("round 123 (30 Sep 2021, as given)")
    );
}

#[test]
fn an_ambiguous_round_needs_a_date() {
    let name = "broken/dtm_master_list_round_48_made_up.csv";
    let r = run(&["check", &fixture(name)]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        format!(
            "displacement-dashboard: {}: the list names round 48 (from the file name), but round 48 has 2 dates in the DTM series (2016-04-01, 2016-06-01); say which round or date this list is (give --file-date YYYY-MM-DD before the file)\n",
            fixture(name)
        )
    );
    let ok = run(&["check", "--file-date", "2016-06-01", &fixture(name)]);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    assert!(
        ok.stdout
            .contains("round 48 (1 Jun 2016, as given): 18 governorates, 5,000 IDPs"),
        "{}",
        ok.stdout
    );
}

#[test]
fn file_options_apply_to_the_file_after_them() {
    let undated = fixture("broken/dtm_master_list_undated_made_up.csv");
    let dated = fixture("good/dtm_master_list_2019_made_up.xlsx");
    let r = run(&["check", &dated, "--file-round", "123", &undated]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("round 109 (30 Apr 2019, by its total)"));
    assert!(r.stdout.contains("round 123 (30 Sep 2021, as given)"));
    let summary = run(&[
        "summary",
        "--json",
        "--no-bundled",
        "--file-date",
        "2019-04-30",
        "--data",
        &undated,
    ]);
    assert_eq!(summary.code, 0, "{}", summary.stderr);
    let v: Value = serde_json::from_str(&summary.stdout).unwrap();
    assert_eq!(v["idps"]["latest"]["date"], "2019-04-30");
    assert_eq!(v["idps"]["latest"]["value"], 5000);
    let dangling = run(&["check", &undated, "--file-round", "123"]);
    assert_eq!(dangling.code, 2);
    assert!(
        dangling
            .stderr
            .contains("--file-round 123 must come before the file it applies to"),
        "{}",
        dangling.stderr
    );
}

#[test]
fn check_json_reports_what_each_file_became() {
    let r = run(&[
        "check",
        "--json",
        &fixture("good/dtm_master_list_2019_made_up.xlsx"),
        &fixture("broken/dtm_master_list_undated_made_up.csv"),
    ]);
    assert_eq!(r.code, 1);
    let v: Value = serde_json::from_str(&r.stdout).expect("JSON");
    let files = v["files"].as_array().expect("files");
    assert_eq!(files.len(), 2);
    let old = &files[0];
    assert_eq!(old["ok"], true);
    assert_eq!(old["kind"], "idps_governorate");
    assert_eq!(old["format"], "dtm_master_list");
    assert_eq!(old["encoding"], Value::Null);
    assert_eq!(old["sheet"], "Master List");
    assert_eq!(old["country"], "IRQ");
    assert_eq!(old["rows_read"], 55);
    assert_eq!(old["rows_kept"], 54);
    assert_eq!(old["left_out"][0]["reason"], "totals_row");
    assert_eq!(old["left_out"][0]["rows"], 1);
    assert_eq!(
        old["totals"],
        serde_json::json!([{
            "date": "2019-04-30", "round": 109, "series": "dtm_user",
            "governorates": 18, "individuals": 1_665_108
        }])
    );
    assert_eq!(old["funding_years"], serde_json::json!([]));
    assert_eq!(old["errors"], serde_json::json!([]));
    let undated = &files[1];
    assert_eq!(undated["ok"], false);
    assert_eq!(undated["errors"][0]["row"], Value::Null);
    assert!(
        undated["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("equals no DTM round"),
        "{undated}"
    );
}

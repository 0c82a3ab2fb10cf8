//! `check FILE...`: every bundled file passes; every broken file is refused with
//! its row and column.

use crate::support::{fixture, run};

fn check(name: &str) -> crate::support::Run {
    run(&["check", &fixture(name)])
}

#[test]
fn every_bundled_file_passes() {
    let files = std::fs::read_dir("datasets/iraq")
        .expect("datasets folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>();
    assert_eq!(files.len(), 8, "{files:?}");
    let mut args = vec!["check"];
    args.extend(files.iter().map(String::as_str));
    let r = run(&args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "", "no warnings on bundled files");
    assert_eq!(r.stdout.lines().count(), 8, "{}", r.stdout);
    assert!(
        r.stdout
            .contains("governorates.csv: ok, governorates table with 18 rows"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_negative_count_is_refused() {
    let r = check("broken/negative_count.csv");
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains(
            "negative_count.csv: row 3, column \"idps\": expected a whole number, 0 or more, found \"-5\""
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn a_bad_date_is_refused() {
    let r = check("broken/bad_date.csv");
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains(
            "row 4, column \"date\": expected a date as YYYY-MM-DD, found \"31/12/2022\""
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn a_missing_column_is_named() {
    let r = check("broken/missing_column.csv");
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("row 1, column \"idps\": expected a column named \"idps\""),
        "{}",
        r.stderr
    );
}

#[test]
fn an_unknown_governorate_is_refused_with_a_suggestion() {
    let r = check("broken/unknown_governorate.csv");
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("row 3, column \"pcode\""), "{}", r.stderr);
    assert!(
        r.stderr.contains("did you mean Ninewa (Ninevah)?"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("found \"Ninevah2\""), "{}", r.stderr);
}

#[test]
fn text_in_a_number_column_is_refused() {
    let r = check("broken/text_in_number.csv");
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("row 2, column \"requirements_usd\": expected a whole number, 0 or more, found \"about 400 million\""),
        "{}",
        r.stderr
    );
}

#[test]
fn an_empty_file_is_refused() {
    let r = check("broken/empty.csv");
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("empty.csv: the file is empty"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_header_only_file_is_refused() {
    let r = check("broken/header_only.csv");
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("header row but no data rows"),
        "{}",
        r.stderr
    );
}

#[test]
fn an_unrecognised_table_names_the_kinds_it_knows() {
    let r = check("broken/unknown_kind.csv");
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("kind of table not recognised"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("found columns: a, b, c"), "{}", r.stderr);
}

#[test]
fn a_missing_path_or_a_folder_is_a_usage_error() {
    assert_eq!(check("no-such-file.csv").code, 2);
    let r = run(&["check", "tests/fixtures"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("it is a folder"), "{}", r.stderr);
}

#[test]
fn a_truncated_xlsx_is_refused_and_an_unsupported_format_is_named() {
    let r = check("broken/truncated_made_up.xlsx");
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.starts_with(&format!(
            "displacement-dashboard: {}: not a readable workbook (truncated or corrupt?): ",
            fixture("broken/truncated_made_up.xlsx")
        )),
        "{}",
        r.stderr
    );
    let dir = std::env::temp_dir().join("dd-check-unsupported");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("figures.json");
    std::fs::write(&path, b"{}").expect("write");
    let r = run(&["check", &path.display().to_string()]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("reading .json files"), "{}", r.stderr);
    assert!(r.stderr.contains("is not supported yet"), "{}", r.stderr);
}

#[test]
fn a_user_file_with_names_and_codes_resolves_them() {
    let r = check("good/user_governorates_made_up.csv");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("IDPs-by-governorate table with 3 rows"),
        "{}",
        r.stdout
    );
}

#[test]
fn every_broken_file_at_once_exits_1_and_reports_each() {
    let names = ["negative_count", "bad_date", "empty", "header_only"];
    let paths: Vec<String> = names
        .iter()
        .map(|n| fixture(&format!("broken/{n}.csv")))
        .collect();
    let mut args = vec!["check"];
    args.extend(paths.iter().map(String::as_str));
    let r = run(&args);
    assert_eq!(r.code, 1);
    for n in names {
        assert!(r.stderr.contains(n), "{n}: {}", r.stderr);
    }
}

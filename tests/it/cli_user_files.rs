//! User files on the command line: `check` says what each file became, and
//! `--data` files join the summary as their own series.

use serde_json::{Value, json};

use crate::support::{fixture, run, summary_json};

#[test]
fn check_describes_every_good_fixture() {
    let names = [
        "good/hdx_idps_by_governorate_hxl_made_up.csv",
        "good/semicolon_bom_arabic_made_up.csv",
        "good/dtm_master_list_made_up.csv",
        "good/dtm_master_list_made_up.xlsx",
        "good/fts_requirements_funding_made_up.csv",
        "good/user_governorates_made_up.csv",
    ];
    let paths: Vec<String> = names.iter().map(|n| fixture(n)).collect();
    let mut args = vec!["check"];
    args.extend(paths.iter().map(String::as_str));
    let r = run(&args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            format!(
                "{}: ok, IDPs-by-governorate table with 6 rows, 2023-12-31 to 2024-04-30; 2023-12-31: 3 governorates, 5,200 IDPs; 2024-04-30: 3 governorates, 4,900 IDPs",
                paths[0]
            ),
            format!(
                "{}: ok, IDPs-by-governorate table with 3 rows, 2024-04-30; 2024-04-30: 3 governorates, 6,000 IDPs",
                paths[1]
            ),
            format!(
                "{}: ok, IDPs-by-governorate table with 21 rows, from a DTM master list of 42 location rows, 2023-12-31 to 2024-04-30; 2023-12-31 (round 131): 18 governorates, 34,740 IDPs; 2024-04-30 (round 132): 3 governorates, 70,009 IDPs; 2023-12-31: several rounds share this date; kept round 131 (the latest) and left out 2 location rows of round 130",
                paths[2]
            ),
            format!(
                "{} (sheet \"Master list\"): ok, IDPs-by-governorate table with 21 rows, from a DTM master list of 42 location rows, 2023-12-31 to 2024-04-30; 2023-12-31 (round 131): 18 governorates, 34,740 IDPs; 2024-04-30 (round 132): 3 governorates, 70,009 IDPs; 2023-12-31: several rounds share this date; kept round 131 (the latest) and left out 2 location rows of round 130",
                paths[3]
            ),
            format!(
                "{}: ok, funding table with 8 rows, from an OCHA FTS export, 2015-01-01 to 2026-12-31",
                paths[4]
            ),
            format!(
                "{}: ok, IDPs-by-governorate table with 3 rows, 2024-04-30; 2024-04-30: 2 governorates, 3,000 IDPs",
                paths[5]
            ),
        ]
    );
    assert!(
        r.stderr.contains(&format!(
            "displacement-dashboard: {}: row 1 above the header (row 2) was skipped",
            paths[2]
        )),
        "{}",
        r.stderr
    );
}

#[test]
fn a_broken_workbook_cell_exits_1_with_sheet_row_and_letter() {
    let r = run(&[
        "check",
        &fixture("broken/master_list_text_in_number_made_up.xlsx"),
    ]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        format!(
            "displacement-dashboard: {}: sheet \"Master list\", row 5, column \"Individuals\" (G): expected a whole number, 0 or more, found \"about 300\"\n",
            fixture("broken/master_list_text_in_number_made_up.xlsx")
        )
    );
}

#[test]
fn summary_with_a_refused_data_file_exits_1_and_a_missing_one_2() {
    let r = run(&[
        "summary",
        "--data",
        &fixture("broken/truncated_made_up.xlsx"),
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let r = run(&["summary", "--data", "tests/fixtures/good/nothing-here.xlsx"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

#[test]
fn without_a_national_series_idps_sum_the_governorates_present() {
    let s = summary_json(&[
        "--no-bundled",
        "--data",
        &fixture("good/hdx_idps_by_governorate_hxl_made_up.csv"),
    ]);
    let idps = &s["idps"];
    assert_eq!(idps["coverage"], json!({"governorates": 3, "of": 18}));
    assert_eq!(idps["latest"]["value"], 4900);
    assert_eq!(idps["latest"]["date"], "2024-04-30");
    assert_eq!(idps["first"]["value"], 5200);
    assert_eq!(idps["peak"]["value"], 5200);
    assert_eq!(idps["change_pct"], -5.8);
    assert_eq!(
        idps["latest"]["source_id"],
        format!(
            "file:{}",
            fixture("good/hdx_idps_by_governorate_hxl_made_up.csv")
        )
    );
}

#[test]
fn a_complete_user_table_never_replaces_the_bundled_figure_and_the_difference_is_said() {
    let master = fixture("good/dtm_master_list_made_up.csv");
    // The user's 30 Apr 2024 table covers 3 governorates: no national point, so the
    // bundled round 132 stays DTM's last round, continued by UNHCR's year-ends.
    let s = summary_json(&["--data", &master]);
    assert_eq!(s["idps"]["last_round"]["value"], 1_098_913);
    assert_eq!(s["idps"]["last_round"]["round"], 132);
    assert_eq!(s["idps"]["latest"]["value"], 997_334);
    assert_eq!(s["idps"]["latest"]["basis"], "dtm_via_unhcr");
    assert_eq!(s["idps"]["coverage"], Value::Null);
    // 31 Dec 2023 has all 18 and round 131 has that date too: DTM's figure stays,
    // and the difference is reported beside it.
    let s = summary_json(&["--data", &master, "--to", "2023"]);
    assert_eq!(s["idps"]["latest"]["value"], 1_123_663);
    assert_eq!(s["idps"]["latest"]["source_id"], "dtm_api_admin0");
    assert_eq!(
        s["idps"]["differences_from_user_files"],
        json!([{
            "date": "2023-12-31",
            "user_value": 34_740,
            "user_source_id": format!("file:{master}"),
            "bundled_value": 1_123_663,
            "bundled_source_id": "dtm_api_admin0"
        }])
    );
    let r = run(&["summary", "--data", &master, "--to", "2023"]);
    assert!(
        r.stderr.contains(&format!(
            "displacement-dashboard: {master}: 2023-12-31: your file says 34,740 IDPs (all 18 governorates); IOM DTM published 1,123,663 (source \"dtm_api_admin0\"). The DTM figure is kept; your file's is shown beside it as its own series"
        )),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("instead of"), "{}", r.stderr);
    assert!(
        r.stdout.contains("IDPs at end of range: 1.12 M\n"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_user_governorate_table_is_its_own_series_under_a_filter() {
    let master = fixture("good/dtm_master_list_made_up.xlsx");
    // Bundled and user tables share 31 Dec 2023 and 30 Apr 2024: the bundled
    // figure stays, never added to or replaced by the user's.
    let s = summary_json(&["--data", &master, "--governorate", "Ninewa"]);
    assert_eq!(s["idps"]["latest"]["value"], 198_287);
    assert_eq!(s["idps"]["latest"]["source_id"], "c_unhcr_rdf_demog_2025");
    let april = summary_json(&[
        "--data",
        &master,
        "--governorate",
        "Ninewa",
        "--from",
        "2024",
        "--to",
        "2024",
    ]);
    assert_eq!(april["idps"]["first"]["value"], 229_120);
    assert_eq!(april["idps"]["first"]["round"], 132);
    assert_eq!(april["idps"]["first"]["source_id"], "dtm_api_admin1");
    let differences = s["idps"]["differences_from_user_files"]
        .as_array()
        .expect("differences");
    let pairs: Vec<(i64, i64)> = differences
        .iter()
        .map(|d| {
            (
                d["user_value"].as_i64().unwrap_or(0),
                d["bundled_value"].as_i64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(pairs, [(3_030, 239_124), (30_003, 229_120)]);
    // Without the bundled data, the user's table is the one drawn.
    let mine = summary_json(&[
        "--no-bundled",
        "--data",
        &master,
        "--governorate",
        "Ninewa",
        "--to",
        "2024",
    ]);
    assert_eq!(mine["idps"]["latest"]["value"], 30_003);
    assert_eq!(
        mine["idps"]["latest"]["source_id"],
        format!("file:{master}")
    );
}

#[test]
fn an_fts_export_gives_appeal_coverage() {
    let s = summary_json(&[
        "--no-bundled",
        "--data",
        &fixture("good/fts_requirements_funding_made_up.csv"),
    ]);
    let years: Vec<(i64, f64)> = s["funding"]["years"]
        .as_array()
        .expect("years")
        .iter()
        .map(|y| {
            (
                y["year"].as_i64().unwrap_or(0),
                y["coverage_pct"].as_f64().unwrap_or(-1.0),
            )
        })
        .collect();
    assert_eq!(years, [(2015, 40.0), (2022, 94.0)]);
    assert_eq!(s["funding"]["coverage_pct"], 67.0);
}

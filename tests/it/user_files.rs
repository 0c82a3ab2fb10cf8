//! Opening the files desk officers receive: each good fixture loads to the expected
//! totals per governorate; each broken one is refused with its row and column.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize};

use displacement_dashboard::data::{
    Basis, ColumnMapping, DataError, Dataset, FileFormat, FileLoad, FundingKind, LoadOptions,
    Progress, Shape, Table, TableKind, load_path,
};

use crate::support::fixture;

fn bundled() -> Dataset {
    Dataset::bundled().expect("bundled data")
}

fn load_with(name: &str, options: &LoadOptions) -> Result<FileLoad, DataError> {
    let ctx = bundled().load_context();
    load_path(&ctx, Path::new(&fixture(name)), options, &Progress::none())
}

fn load(name: &str) -> FileLoad {
    load_with(name, &LoadOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn refused(name: &str) -> String {
    match load_with(name, &LoadOptions::default()) {
        Ok(_) => panic!("{name} was accepted"),
        Err(e) => e.to_string(),
    }
}

/// date → governorate name → individuals.
fn totals(l: &FileLoad) -> BTreeMap<String, BTreeMap<String, u64>> {
    let gaz = bundled().gazetteer;
    let Table::IdpsGovernorate(rows) = &l.parsed.table else {
        panic!("not a governorate table: {:?}", l.parsed.table.kind());
    };
    let mut out: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    for r in rows {
        assert_eq!(r.basis, Basis::Displacement);
        *out.entry(r.date.to_string())
            .or_default()
            .entry(gaz.name(r.pcode))
            .or_default() += r.individuals;
    }
    out
}

fn row_of(map: &[(&str, u64)]) -> BTreeMap<String, u64> {
    map.iter().map(|(k, v)| ((*k).to_string(), *v)).collect()
}

#[test]
fn an_hdx_csv_with_an_hxl_row_loads_and_the_hashtags_are_not_data() {
    let l = load("good/hdx_idps_by_governorate_hxl_made_up.csv");
    assert!(l.report.hxl);
    assert_eq!(l.report.shape, Shape::Table(TableKind::IdpsGovernorate));
    assert_eq!(l.report.rows, 6);
    let t = totals(&l);
    assert_eq!(
        t["2024-04-30"],
        row_of(&[("Dahuk", 2400), ("Erbil", 1100), ("Ninewa", 1400)])
    );
    assert_eq!(
        t["2023-12-31"],
        row_of(&[("Dahuk", 2500), ("Erbil", 1200), ("Ninewa", 1500)])
    );
    assert!(l.report.warnings.is_empty(), "{:?}", l.report.warnings);
}

#[test]
fn a_semicolon_csv_with_bom_crlf_and_arabic_headers_loads() {
    let l = load("good/semicolon_bom_arabic_made_up.csv");
    assert_eq!(l.report.format, FileFormat::Csv { separator: ';' });
    assert_eq!(
        totals(&l)["2024-04-30"],
        row_of(&[("Dahuk", 2000), ("Erbil", 3000), ("Ninewa", 1000)])
    );
}

fn check_master_list(l: &FileLoad) {
    assert_eq!(l.report.shape, Shape::DtmMasterList);
    assert_eq!(l.report.kind, TableKind::IdpsGovernorate);
    let t = totals(l);
    // Round 131 (every governorate, two locations each: 200 n + 30); round 130 of
    // the same date is left out.
    let dec = &t["2023-12-31"];
    assert_eq!(dec.len(), 18);
    assert_eq!(dec["Anbar"], 230);
    assert_eq!(dec["Ninewa"], 3030);
    assert_eq!(dec["Dahuk"], 1830);
    assert_eq!(dec["Wassit"], 3630);
    assert_eq!(dec.values().sum::<u64>(), 34_740);
    assert_eq!(
        t["2024-04-30"],
        row_of(&[("Dahuk", 18_003), ("Erbil", 22_003), ("Ninewa", 30_003)])
    );
    assert_eq!(l.report.locations_aggregated, Some(42));
    assert_eq!(l.report.rows_read, 44);
    assert_eq!(l.report.governorates.len(), 18);
    let dates = l
        .report
        .date_range
        .map(|(a, b)| (a.to_string(), b.to_string()));
    assert_eq!(dates, Some(("2023-12-31".into(), "2024-04-30".into())));
    let Table::IdpsGovernorate(rows) = &l.parsed.table else {
        unreachable!()
    };
    // Complete only where all 18 governorates are present.
    assert!(
        rows.iter()
            .all(|r| r.complete == (r.date.to_string() == "2023-12-31"))
    );
    assert!(rows.iter().all(|r| r.source_id.starts_with("file:")));
    let messages: Vec<String> = l
        .report
        .warnings
        .iter()
        .map(|w| w.message.clone())
        .collect();
    assert!(
        messages.contains(
            &"2023-12-31: several rounds share this date; kept round 131 (the latest) and left out 2 location rows of round 130"
                .to_string()
        ),
        "{messages:?}"
    );
}

#[test]
fn a_dtm_master_list_csv_is_aggregated_to_governorates_latest_round_per_date() {
    let l = load("good/dtm_master_list_made_up.csv");
    check_master_list(&l);
    assert_eq!(l.report.header_row, 2);
    assert!(
        l.report
            .warnings
            .iter()
            .any(|w| w.message == "row 1 above the header (row 2) was skipped"),
        "{:?}",
        l.report.warnings
    );
}

#[test]
fn the_same_master_list_as_xlsx_loads_to_the_same_totals() {
    let l = load("good/dtm_master_list_made_up.xlsx");
    check_master_list(&l);
    assert_eq!(
        l.report.format,
        FileFormat::Workbook {
            sheet: "Master list".into(),
            sheets: vec!["About".into(), "Master list".into()],
        }
    );
    let csv = load("good/dtm_master_list_made_up.csv");
    assert_eq!(totals(&l), totals(&csv));
}

#[test]
fn a_sheet_can_be_named_and_a_missing_sheet_is_an_error() {
    let named = LoadOptions {
        sheet: Some("Master list".into()),
        ..LoadOptions::default()
    };
    assert!(load_with("good/dtm_master_list_made_up.xlsx", &named).is_ok());
    let about = LoadOptions {
        sheet: Some("About".into()),
        ..LoadOptions::default()
    };
    let e = load_with("good/dtm_master_list_made_up.xlsx", &about).map(|_| ());
    assert!(
        matches!(e, Err(DataError::UnknownKind { ref file, .. }) if file.ends_with("sheet \"About\"")),
        "{e:?}"
    );
    let nope = LoadOptions {
        sheet: Some("Data".into()),
        ..LoadOptions::default()
    };
    let e = load_with("good/dtm_master_list_made_up.xlsx", &nope)
        .map(|_| ())
        .map_err(|e| e.to_string());
    assert_eq!(
        e,
        Err(format!(
            "{}: no sheet named \"Data\"; the sheets are: About, Master list",
            fixture("good/dtm_master_list_made_up.xlsx")
        ))
    );
}

#[test]
fn an_fts_export_becomes_the_funding_table_with_kinds_from_plan_types() {
    use FundingKind::{Flash, Hrp, Other, OutsideAppeal, RegionalRefugee};
    let l = load("good/fts_requirements_funding_made_up.csv");
    assert_eq!(l.report.shape, Shape::FtsExport);
    assert!(l.report.hxl);
    let Table::Funding(rows) = &l.parsed.table else {
        panic!("not funding")
    };
    let kinds: Vec<(i32, FundingKind, Option<u64>, Option<u64>)> = rows
        .iter()
        .map(|r| (r.year, r.kind, r.requirements_usd, r.funding_usd))
        .collect();
    assert_eq!(
        kinds,
        [
            (2026, OutsideAppeal, None, Some(1_000_000)),
            (2024, RegionalRefugee, Some(2_000_000), Some(1_000_000)),
            (2024, OutsideAppeal, None, None),
            (2022, Hrp, Some(4_000_000), Some(3_600_000)),
            (2022, Flash, Some(1_000_000), Some(1_100_000)),
            (2015, Hrp, Some(5_000_000), Some(2_000_000)),
            (2015, Other, Some(100_000), Some(50_000)),
            (2022, OutsideAppeal, None, Some(700_000)),
        ]
    );
    assert!(rows.iter().all(|r| r.coverage_reported_pct.is_none()));
    let file = fixture("good/fts_requirements_funding_made_up.csv");
    let warnings: Vec<String> = l.report.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            format!(
                "{file}: row 5: negative funding outside appeals (-50000 USD, a correction) is left out of the totals"
            ),
            format!(
                "{file}: row 7: FTS publishes 110% funded for \"Made-up Flash Appeal 2022\", above 100%"
            ),
            format!(
                "{file}: row 8: FTS's percentFunded (45) differs from funding \u{f7} requirements (40.0%) by more than 1 point"
            ),
            format!(
                "{file}: row 9: plan type \"Other\" (typeId 9) of \"Made-up Other Plan 2015\" is not one the app knows; shown as \"other\", outside coverage"
            ),
            format!(
                "{file}: funding for 2026, after the latest appeal year (2024), is forward commitments"
            ),
            // The fixture's name holds no date: FTS's snapshot date is the file's.
            format!(
                "{file}: FTS figures as of {} (the file's modification date); FTS changes as contributions are reported",
                modified_on(&file)
            ),
        ]
    );
}

/// The local date a file was last modified.
fn modified_on(path: &str) -> String {
    let modified = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .expect("the fixture's modification time");
    chrono::DateTime::<chrono::Local>::from(modified)
        .date_naive()
        .to_string()
}

#[test]
fn the_real_fts_rows_load_with_the_published_kinds() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(
        "../shared/data/iraq/raw/fts_requirements_funding_IRQ_rows_from_Teji360-Athena_391bc6b.csv",
    );
    if !path.exists() {
        return; // Only on machines with the shared research folder.
    }
    let ctx = bundled().load_context();
    let l = load_path(&ctx, &path, &LoadOptions::default(), &Progress::none()).expect("loads");
    let Table::Funding(rows) = &l.parsed.table else {
        panic!("not funding")
    };
    let hrp2022 = rows
        .iter()
        .find(|r| r.plan_code.as_deref() == Some("HIRQ22"))
        .expect("HRP 2022");
    assert_eq!(hrp2022.kind, FundingKind::Hrp);
    assert_eq!(hrp2022.requirements_usd, Some(400_004_347));
    assert!(
        rows.iter()
            .filter(|r| r.plan_name.contains("Regional Refugee"))
            .all(|r| r.kind == FundingKind::RegionalRefugee)
    );
}

#[test]
fn progress_counts_rows_and_cancelling_stops_the_load() {
    let ctx = bundled().load_context();
    let path = fixture("good/dtm_master_list_made_up.csv");
    let rows = AtomicUsize::new(0);
    let cancel = AtomicBool::new(false);
    let loaded = load_path(
        &ctx,
        Path::new(&path),
        &LoadOptions::default(),
        &Progress::new(&rows, &cancel),
    );
    assert!(loaded.is_ok());
    assert_eq!(rows.into_inner(), 44);
    let rows = AtomicUsize::new(0);
    let cancel = AtomicBool::new(true);
    let r = load_path(
        &ctx,
        Path::new(&path),
        &LoadOptions::default(),
        &Progress::new(&rows, &cancel),
    );
    assert!(matches!(r, Err(DataError::Cancelled { .. })), "{r:?}");
}

#[test]
fn a_column_mapping_reads_a_file_whose_header_is_not_recognised() {
    let dir = std::env::temp_dir().join("dd-user-files-mapping");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("own_sheet.csv");
    std::fs::write(
        &path,
        "Where,When,How many\nNinewa,2024-04-30,10\nDahuk,2024-04-30,20\n",
    )
    .expect("write");
    let ctx = bundled().load_context();
    let detected = load_path(&ctx, &path, &LoadOptions::default(), &Progress::none());
    assert!(detected.is_err(), "\"How many\" is not a known column");
    let mapping = ColumnMapping {
        shape: Shape::Table(TableKind::IdpsGovernorate),
        columns: [
            ("governorate", "Where"),
            ("date", "When"),
            ("individuals", "How many"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect(),
    };
    let options = LoadOptions {
        mapping: Some(mapping),
        ..LoadOptions::default()
    };
    let l = load_path(&ctx, &path, &options, &Progress::none()).expect("mapped");
    assert_eq!(
        totals(&l)["2024-04-30"],
        row_of(&[("Dahuk", 20), ("Ninewa", 10)])
    );
}

#[test]
fn a_refused_file_leaves_the_dataset_unchanged() {
    let mut ds = bundled();
    let before = (ds.idps_governorate.len(), ds.files.len(), ds.warnings.len());
    let r = ds.read_file(Path::new(&fixture("broken/master_list_made_up.csv")));
    assert!(r.is_err());
    if let Ok(p) = r {
        ds.add("x", p, false);
    }
    assert_eq!(
        (ds.idps_governorate.len(), ds.files.len(), ds.warnings.len()),
        before
    );
}

#[test]
fn broken_master_list_rows_are_named_with_row_and_column() {
    let file = fixture("broken/master_list_made_up.csv");
    assert_eq!(
        refused("broken/master_list_made_up.csv"),
        format!(
            "{file}: row 3, column \"Governorate\": expected a known governorate name or P-code (unknown governorate \"Ninevah2\"; did you mean Ninewa (Ninevah)?), found \"Ninevah2\"\n\
             {file}: row 5, column \"Individuals\": expected a whole number, 0 or more, found \"abc\""
        )
    );
}

#[test]
fn a_bad_cell_in_a_workbook_names_sheet_row_column_and_letter() {
    let file = fixture("broken/master_list_text_in_number_made_up.xlsx");
    assert_eq!(
        refused("broken/master_list_text_in_number_made_up.xlsx"),
        format!(
            "{file}: sheet \"Master list\", row 5, column \"Individuals\" (G): expected a whole number, 0 or more, found \"about 300\""
        )
    );
}

#[test]
fn a_truncated_workbook_is_refused_with_its_name() {
    let e = load_with("broken/truncated_made_up.xlsx", &LoadOptions::default());
    let Err(DataError::Workbook { file, reason }) = e else {
        panic!("{e:?}")
    };
    assert_eq!(file, fixture("broken/truncated_made_up.xlsx"));
    assert!(!reason.is_empty());
}

#[test]
fn a_name_and_a_pcode_that_disagree_are_an_error_on_that_row() {
    let file = fixture("broken/governorate_pcode_disagree.csv");
    assert_eq!(
        refused("broken/governorate_pcode_disagree.csv"),
        format!(
            "{file}: row 3, column \"adm1_name\": expected the same governorate as column \"adm1_pcode\" (\"IQG15\" is Ninewa), found \"Dahuk\""
        )
    );
}

#[test]
fn plain_broken_files_keep_their_exact_messages() {
    let f = fixture;
    for (name, message) in [
        (
            "broken/unknown_governorate.csv",
            format!(
                "{}: row 3, column \"pcode\": expected a known governorate name or P-code (unknown governorate \"Ninevah2\"; did you mean Ninewa (Ninevah)?), found \"Ninevah2\"",
                f("broken/unknown_governorate.csv")
            ),
        ),
        (
            "broken/text_in_number.csv",
            format!(
                "{}: row 2, column \"requirements_usd\": expected a whole number, 0 or more, found \"about 400 million\"",
                f("broken/text_in_number.csv")
            ),
        ),
        (
            "broken/missing_column.csv",
            format!(
                "{}: row 1, column \"idps\": expected a column named \"idps\" (the national IDP table needs it), found \"no such column\"",
                f("broken/missing_column.csv")
            ),
        ),
        (
            "broken/empty.csv",
            format!(
                "{}: the file is empty; expected a header row and data rows",
                f("broken/empty.csv")
            ),
        ),
        (
            "broken/header_only.csv",
            format!(
                "{}: the file has a header row but no data rows",
                f("broken/header_only.csv")
            ),
        ),
    ] {
        assert_eq!(refused(name), message, "{name}");
    }
}

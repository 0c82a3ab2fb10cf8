//! Opening the files as IOM, OCHA, HDX, IDMC and UNHCR publish them (made-up
//! figures in their layouts): each gives Iraq's exact figures, says what it left out,
//! and never counts another country as Iraq. A file of another country is refused
//! with one message.

use std::collections::BTreeMap;
use std::path::Path;

use displacement_dashboard::data::{
    DataError, Dataset, FileLoad, FundingKind, LeftOut, LoadOptions, NationalSeries, Precision,
    Progress, Shape, Table, load_path,
};
use serde_json::Value;

use crate::support::{fixture, run, summary_json};

fn load(name: &str) -> FileLoad {
    try_load(name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn try_load(name: &str) -> Result<FileLoad, DataError> {
    let ctx = Dataset::empty().expect("gazetteer").load_context();
    load_path(
        &ctx,
        Path::new(&fixture(name)),
        &LoadOptions::default(),
        &Progress::none(),
    )
}

/// (reason, rows) of what a file left out.
fn left_out(l: &FileLoad) -> Vec<(&'static str, usize)> {
    l.parsed
        .left_out
        .iter()
        .map(|o| (o.reason, o.rows))
        .collect()
}

fn detail<'a>(l: &'a FileLoad, reason: &str) -> &'a str {
    l.parsed
        .left_out
        .iter()
        .find(|o| o.reason == reason)
        .map_or("", |o: &LeftOut| o.detail.as_str())
}

/// Source → date → governorate P-code → individuals.
type GovernorateTotals = BTreeMap<String, BTreeMap<String, BTreeMap<String, u64>>>;

fn governorate_totals(table: &Table) -> GovernorateTotals {
    let Table::IdpsGovernorate(rows) = table else {
        panic!("not a governorate table: {:?}", table.kind());
    };
    let mut out = GovernorateTotals::new();
    for r in rows {
        let previous = out
            .entry(r.source_id.clone())
            .or_default()
            .entry(r.date.to_string())
            .or_default()
            .insert(r.pcode.to_string(), r.individuals);
        assert_eq!(previous, None, "two figures for one governorate and date");
    }
    out
}

/// (source, date, round, idps) of a national table of one series.
fn national(table: &Table, series: NationalSeries) -> Vec<(String, String, Option<u32>, u64)> {
    let Table::IdpsNational(rows) = table else {
        panic!("not a national table: {:?}", table.kind());
    };
    assert!(rows.iter().all(|r| r.series == series), "{rows:?}");
    rows.iter()
        .map(|r| (r.source_id.clone(), r.date.to_string(), r.round, r.idps))
        .collect()
}

fn map(pairs: &[(&str, u64)]) -> BTreeMap<String, u64> {
    pairs.iter().map(|(k, v)| ((*k).to_string(), *v)).collect()
}

fn messages(l: &FileLoad) -> Vec<String> {
    l.report
        .warnings
        .iter()
        .map(|w| w.message.clone())
        .collect()
}

// ---- OCHA FTS ----------------------------------------------------------------

#[test]
fn a_global_fts_file_gives_exactly_iraqs_requirements_per_year() {
    let l = load("good/fts_global_made_up.csv");
    assert_eq!(l.report.shape, Shape::FtsExport);
    assert_eq!(l.report.shape.format().as_str(), "fts_requirements");
    let Table::Funding(rows) = &l.parsed.table else {
        panic!("not funding");
    };
    let mut by_year: BTreeMap<i32, (u64, u64)> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.kind.is_iraq_appeal()) {
        let y = by_year.entry(r.year).or_default();
        y.0 += r.requirements_usd.unwrap_or(0);
        y.1 += r.funding_usd.unwrap_or(0);
    }
    // Other countries' 13.6 billion in 2014 are never Iraq's.
    assert_eq!(
        by_year.into_iter().collect::<Vec<_>>(),
        [
            (2013, (150_000_000, 50_000_000)),
            (2014, (1_110_000_000, 800_000_000)),
            (2019, (700_000_000, 630_000_000)),
        ]
    );
    let kinds: Vec<(i32, FundingKind)> = rows.iter().map(|r| (r.year, r.kind)).collect();
    assert_eq!(
        kinds,
        [
            (2013, FundingKind::Hrp),
            (2014, FundingKind::Hrp),
            (2019, FundingKind::Hrp),
            (2019, FundingKind::OutsideAppeal),
        ]
    );
    assert_eq!(l.parsed.rows_read, 10);
    assert_eq!(left_out(&l), [("other_country", 6)]);
    assert_eq!(
        detail(&l, "other_country"),
        "6 rows of other countries left out: HTI, KEN, SDN"
    );
    let messages = messages(&l);
    assert_eq!(
        messages[0],
        "6 rows of other countries left out: HTI, KEN, SDN"
    );
    // The fixture's name holds no date: FTS's snapshot date is the file's own.
    assert!(
        messages[1]
            .ends_with("(the file's modification date); FTS changes as contributions are reported"),
        "{messages:?}"
    );
    assert_eq!(messages.len(), 2);
}

#[test]
fn other_countries_fts_rows_never_add_to_iraqs_funding_in_the_summary() {
    let s = summary_json(&[
        "--no-bundled",
        "--data",
        &fixture("good/fts_global_made_up.csv"),
        "--from",
        "2013",
        "--to",
        "2019",
    ]);
    let years: Vec<(i64, i64, i64)> = s["funding"]["years"]
        .as_array()
        .expect("years")
        .iter()
        .map(|y| {
            (
                y["year"].as_i64().unwrap_or(0),
                y["requirements_usd"].as_i64().unwrap_or(-1),
                y["funding_usd"].as_i64().unwrap_or(-1),
            )
        })
        .collect();
    assert_eq!(
        years,
        [
            (2013, 150_000_000, 50_000_000),
            (2014, 1_110_000_000, 800_000_000),
            (2019, 700_000_000, 630_000_000),
        ]
    );
}

#[test]
fn a_kenyan_fts_file_is_refused_by_check_with_one_line() {
    let path = fixture("broken/fts_kenya_made_up.csv");
    let r = run(&["check", &path]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        format!(
            "displacement-dashboard: {path}: holds Kenya (KEN) rows only; this app's data is Iraq's\n"
        )
    );
}

// ---- IOM DTM API ---------------------------------------------------------------

const CONFLICT: &str = "operation Iraq conflict";
const FLOODS: &str = "operation Made-up Iraq floods";

fn source(name: &str, operation: &str) -> String {
    format!("file:{}, {operation}", fixture(name))
}

#[test]
fn a_global_dtm_api_export_gives_iraqs_governorates_and_national_series() {
    let name = "good/dtm_api_global_made_up.csv";
    let l = load(name);
    assert_eq!(l.report.shape, Shape::DtmApi);
    assert!(l.report.hxl);
    let t = governorate_totals(&l.parsed.table);
    let conflict = &t[&source(name, CONFLICT)];
    assert_eq!(
        conflict["2014-04-01"],
        map(&[("IQG01", 5000), ("IQG08", 3000), ("IQG09", 1000)])
    );
    assert_eq!(
        conflict["2014-05-01"],
        map(&[("IQG01", 6000), ("IQG02", 2000), ("IQG08", 4000)])
    );
    assert_eq!(conflict["2014-06-01"], map(&[("IQG15", 21_000)]));
    // Round 5 has only district rows: summed to governorates.
    assert_eq!(
        conflict["2014-07-01"],
        map(&[("IQG09", 2000), ("IQG15", 10_000)])
    );
    assert_eq!(conflict.len(), 4);
    let floods = &t[&source(name, FLOODS)];
    assert_eq!(floods.len(), 1);
    assert_eq!(floods["2014-05-01"], map(&[("IQG02", 500)]));
    assert_eq!(t.len(), 2, "{:?}", t.keys());

    let [also] = l.parsed.also.as_slice() else {
        panic!("{:?}", l.parsed.also);
    };
    let c = |date: &str, round: u32, idps: u64| {
        (source(name, CONFLICT), date.to_string(), Some(round), idps)
    };
    assert_eq!(
        national(also, NationalSeries::DtmUser),
        [
            c("2014-04-01", 1, 9000),
            c("2014-05-01", 2, 12_000),
            (source(name, FLOODS), "2014-05-01".into(), Some(1), 500),
            c("2014-06-01", 4, 21_000),
            c("2014-07-01", 5, 12_000),
        ]
    );
}

#[test]
fn a_dtm_api_export_says_what_it_left_out_and_never_adds_levels_or_countries() {
    let l = load("good/dtm_api_global_made_up.csv");
    assert_eq!(l.parsed.rows_read, 22);
    assert_eq!(
        left_out(&l),
        [
            ("other_country", 4),
            ("other_admin_level", 1),
            ("older_round", 1)
        ]
    );
    assert_eq!(
        detail(&l, "other_country"),
        "4 rows of other countries left out: HTI, SDN"
    );
    assert_eq!(
        detail(&l, "other_admin_level"),
        "1 row of districts (admin 2) left out: the governorate rows of the same rounds are kept, and levels are never added together"
    );
    let m = messages(&l);
    for expected in [
        "2014-06-01 (operation Iraq conflict): round 4 kept; round 3 of the same date left out (1 row)",
        "round 5 of 2014-07-01 (operation Iraq conflict) has no governorate rows: its 3 district rows were summed to 2 governorates",
    ] {
        assert!(m.iter().any(|w| w == expected), "{expected}\n{m:?}");
    }
    // Haiti's 100,000 and Sudan's 50,000 are in no Iraq figure.
    let Table::IdpsGovernorate(rows) = &l.parsed.table else {
        unreachable!()
    };
    assert_eq!(rows.iter().map(|r| r.individuals).sum::<u64>(), 54_500);
}

#[test]
fn a_dtm_api_export_joins_the_dataset_with_one_national_point_per_date_and_operation() {
    let name = "good/dtm_api_global_made_up.csv";
    let mut dataset = Dataset::empty().expect("gazetteer");
    let l = load(name);
    dataset.add(&fixture(name), l.parsed, false);
    let user: Vec<(String, u64)> = dataset
        .idps_national
        .iter()
        .map(|p| (p.date.to_string(), p.idps))
        .collect();
    // The file's own admin-0 figures, never a second one derived from its governorates.
    assert_eq!(
        user,
        [
            ("2014-04-01".to_string(), 9000),
            ("2014-05-01".to_string(), 12_000),
            ("2014-05-01".to_string(), 500),
            ("2014-06-01".to_string(), 21_000),
            ("2014-07-01".to_string(), 12_000),
        ]
    );
    assert_eq!(dataset.files.len(), 2);
    let conflict = dataset
        .source(&source(name, CONFLICT))
        .expect("a source per operation");
    assert_eq!(conflict.publisher, "your file");
    assert_eq!(conflict.title, format!("{}, {CONFLICT}", fixture(name)));
    assert!(dataset.source(&source(name, FLOODS)).is_some());
    assert!(
        dataset
            .warnings
            .iter()
            .all(|w| !w.message.contains("not in any loaded sources table")),
        "{:?}",
        dataset.warnings
    );
}

#[test]
fn a_dtm_api_file_of_admin_zero_rows_is_a_national_table() {
    let l = load("good/dtm_api_irq_admin0_made_up.csv");
    assert_eq!(l.report.shape, Shape::DtmApi);
    // The HXL row's `affected+idps` has lost its '#': still an HXL row, never data.
    assert!(l.report.hxl);
    assert!(l.parsed.also.is_empty());
    let op = source("good/dtm_api_irq_admin0_made_up.csv", CONFLICT);
    assert_eq!(
        national(&l.parsed.table, NationalSeries::DtmUser),
        [
            (op.clone(), "2016-12-31".into(), Some(62), 3_000_000),
            (op.clone(), "2017-12-31".into(), Some(88), 2_500_000),
            (op, "2018-12-31".into(), Some(107), 1_800_000),
        ]
    );
    assert_eq!(left_out(&l), [("other_assessment", 1)]);
}

#[test]
fn a_dtm_api_file_of_another_country_is_refused_with_one_message() {
    let path = fixture("broken/dtm_api_afghanistan_made_up.csv");
    let r = run(&["check", &path]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        format!(
            "displacement-dashboard: {path}: holds Afghanistan (AFG) rows only; this app's data is Iraq's\n"
        )
    );
}

// ---- HDX HAPI ------------------------------------------------------------------

#[test]
fn the_global_hapi_file_gives_iraqs_figures_and_never_another_countrys() {
    let name = "good/hapi_idps_global_made_up.csv";
    let l = load(name);
    assert_eq!(l.report.shape, Shape::HapiIdps);
    assert!(l.report.hxl);
    let t = governorate_totals(&l.parsed.table);
    let conflict = &t[&source(name, CONFLICT)];
    assert_eq!(
        conflict["2023-12-31"],
        map(&[
            ("IQG01", 100_000),
            ("IQG09", 400_000),
            ("IQG11", 50_000),
            ("IQG15", 600_000),
        ])
    );
    assert_eq!(
        conflict["2024-04-30"],
        map(&[("IQG09", 500_000), ("IQG15", 550_000)])
    );
    assert_eq!(t.len(), 1);
    let [also] = l.parsed.also.as_slice() else {
        panic!("{:?}", l.parsed.also);
    };
    let op = source(name, CONFLICT);
    assert_eq!(
        national(also, NationalSeries::DtmUser),
        [
            (op.clone(), "2023-12-31".into(), Some(131), 1_150_000),
            (op, "2024-04-30".into(), Some(132), 1_050_000),
        ]
    );
    assert_eq!(
        left_out(&l),
        [
            ("other_country", 3),
            ("hapi_error", 1),
            ("other_admin_level", 1)
        ]
    );
    assert_eq!(
        detail(&l, "other_country"),
        "3 rows of other countries left out: HTI, SOM"
    );
    assert_eq!(
        detail(&l, "hapi_error"),
        "1 row that HDX HAPI marks with an error left out (Duplicate row)"
    );
}

#[test]
fn the_hapi_country_file_reads_without_hdx_ids() {
    let name = "good/hapi_idps_irq_made_up.csv";
    let l = load(name);
    assert_eq!(l.report.shape, Shape::HapiIdps);
    let t = governorate_totals(&l.parsed.table);
    let op = source(name, "operation Iraq conflict (made up)");
    assert_eq!(
        t[&op]["2024-04-30"],
        map(&[("IQG02", 6000), ("IQG05", 9000)])
    );
    assert_eq!(
        national(&l.parsed.also[0], NationalSeries::DtmUser),
        [(op, "2024-04-30".into(), Some(132), 1_098_913)]
    );
    assert!(l.parsed.left_out.is_empty());
}

// ---- IDMC ----------------------------------------------------------------------

#[test]
fn idmc_data_gives_iraqs_conflict_stock_at_each_year_end() {
    let name = "good/idmc_displacement_made_up.csv";
    let l = load(name);
    assert_eq!(l.report.shape, Shape::Idmc);
    let Table::IdpsNational(rows) = &l.parsed.table else {
        panic!("not national");
    };
    let got: Vec<(String, u64, Precision)> = rows
        .iter()
        .map(|r| (r.date.to_string(), r.idps, r.precision))
        .collect();
    // Syria's and Afghanistan's stocks are never Iraq's.
    assert_eq!(
        got,
        [
            ("2014-12-31".to_string(), 3_300_000, Precision::Rounded),
            ("2015-12-31".to_string(), 3_300_000, Precision::Rounded),
            ("2016-12-31".to_string(), 3_035_001, Precision::Exact),
        ]
    );
    assert!(rows.iter().all(|r| r.series == NationalSeries::IdmcStock
        && r.source_id == format!("file:{}", fixture(name))
        && r.date_precision.as_str() == "year"));
    assert_eq!(left_out(&l), [("other_country", 4), ("no_value", 1)]);
    assert_eq!(
        detail(&l, "other_country"),
        "4 rows of other countries left out: AB9, AFG, SYR"
    );
    assert_eq!(
        detail(&l, "no_value"),
        "1 row with no conflict stock figure left out (2008)"
    );
}

#[test]
fn an_idmc_file_is_its_own_comparison_series_beside_the_bundled_one() {
    let name = fixture("good/idmc_displacement_made_up.csv");
    let mut dataset = Dataset::bundled().expect("bundled");
    let bundled = dataset
        .idps_national
        .iter()
        .filter(|p| p.series == NationalSeries::IdmcStock)
        .count();
    let parsed = dataset.read_file(Path::new(&name)).expect("loads");
    dataset.add(&name, parsed, false);
    let mine: Vec<u64> = dataset
        .idps_national
        .iter()
        .filter(|p| p.series == NationalSeries::IdmcStock && p.source_id == format!("file:{name}"))
        .map(|p| p.idps)
        .collect();
    assert_eq!(mine, [3_300_000, 3_300_000, 3_035_001]);
    let all = dataset
        .idps_national
        .iter()
        .filter(|p| p.series == NationalSeries::IdmcStock)
        .count();
    assert_eq!(all, bundled + 3);
}

// ---- UNHCR ---------------------------------------------------------------------

fn unhcr(name: &str) -> Vec<(String, u64, Precision)> {
    let l = load(name);
    assert_eq!(l.report.shape, Shape::UnhcrPopstats);
    let Table::IdpsNational(rows) = &l.parsed.table else {
        panic!("not national");
    };
    assert!(
        rows.iter()
            .all(|r| r.series == NationalSeries::UnhcrYearEnd)
    );
    rows.iter()
        .map(|r| (r.date.to_string(), r.idps, r.precision))
        .collect()
}

#[test]
fn unhcr_data_gives_iraqs_idps_per_year_and_star_is_never_zero() {
    let name = "good/unhcr_popstats_made_up.csv";
    // Syria's own IDPs (6.1 and 7.2 million) are never Iraq's.
    assert_eq!(
        unhcr(name),
        [
            ("2019-12-31".to_string(), 1_400_001, Precision::Exact),
            ("2020-12-31".to_string(), 1_200_002, Precision::Exact),
            ("2021-12-31".to_string(), 1_100_003, Precision::Exact),
            ("2022-12-31".to_string(), 1_000_004, Precision::LowerBound),
        ]
    );
    let l = load(name);
    assert_eq!(l.report.header_row, 4);
    assert_eq!(
        left_out(&l),
        [("other_country", 3), ("not_published", 2), ("no_value", 1)]
    );
    assert_eq!(
        detail(&l, "other_country"),
        "3 rows of other countries left out: SYR, TUR"
    );
    let m = messages(&l);
    assert!(
        m.iter()
            .any(|w| w == "2023: Iraq's IDP figure is not published (*); the year has no point"),
        "{m:?}"
    );
    assert!(
        m.iter()
            .any(|w| w == "rows 1\u{2013}2 above the header (row 4) were skipped"),
        "{m:?}"
    );
}

#[test]
fn the_older_unhcr_layout_reads_the_country_of_asylum_or_residence() {
    assert_eq!(
        unhcr("good/unhcr_popstats_older_made_up.csv"),
        [
            ("2014-12-31".to_string(), 3_500_005, Precision::Exact),
            ("2015-12-31".to_string(), 4_000_006, Precision::Exact),
        ]
    );
}

// ---- check ---------------------------------------------------------------------

#[test]
fn check_accepts_every_published_format_and_names_it() {
    let names = [
        (
            "good/fts_global_made_up.csv",
            "funding table with 4 rows, from an OCHA FTS export",
        ),
        (
            "good/dtm_api_global_made_up.csv",
            "IDPs-by-governorate table with 10 rows, from an IOM DTM API export",
        ),
        (
            "good/dtm_api_irq_admin0_made_up.csv",
            "national IDP table with 3 rows, from an IOM DTM API export",
        ),
        (
            "good/hapi_idps_global_made_up.csv",
            "IDPs-by-governorate table with 6 rows, from an HDX HAPI IDPs file",
        ),
        (
            "good/hapi_idps_irq_made_up.csv",
            "IDPs-by-governorate table with 2 rows, from an HDX HAPI IDPs file",
        ),
        (
            "good/idmc_displacement_made_up.csv",
            "national IDP table with 3 rows, from IDMC displacement data",
        ),
        (
            "good/unhcr_popstats_made_up.csv",
            "national IDP table with 4 rows, from UNHCR population statistics",
        ),
        (
            "good/unhcr_popstats_older_made_up.csv",
            "national IDP table with 2 rows, from UNHCR population statistics",
        ),
    ];
    for (name, what) in names {
        let path = fixture(name);
        let r = run(&["check", &path]);
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
        assert!(
            r.stdout.starts_with(&format!("{path}: ok, {what}")),
            "{name}: {}",
            r.stdout
        );
    }
}

#[test]
fn a_dtm_api_export_on_the_command_line_is_the_users_national_series() {
    let path = fixture("good/dtm_api_irq_admin0_made_up.csv");
    let s = summary_json(&[
        "--no-bundled",
        "--data",
        &path,
        "--from",
        "2016",
        "--to",
        "2018",
    ]);
    assert_eq!(s["idps"]["latest"]["value"], 1_800_000);
    assert_eq!(s["idps"]["latest"]["date"], "2018-12-31");
    assert_eq!(
        s["idps"]["latest"]["source_id"],
        Value::String(format!("file:{path}, operation Iraq conflict"))
    );
    assert_eq!(s["idps"]["peak"]["value"], 3_000_000);
}

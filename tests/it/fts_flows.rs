//! OCHA FTS incoming funding flows, the files officers download from HDX: Iraq's
//! flows are kept (every type and status), flows to several countries or to others
//! are counted and left out, a file without Iraq is refused once, and the flows
//! appear beside the appeal bars as their own measure without touching coverage.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use displacement_dashboard::data::{
    Dataset, FileFormat, FileLoad, FlowStatus, FlowType, LoadOptions, Progress, Shape, Table,
    TableKind, load_path,
};
use displacement_dashboard::query::{Filters, charts, funding};

use crate::support::{fixture, run};

const IRAQ: &str = "good/fts_incoming_funding_irq_made_up.csv";
const EXCEL: &str = "good/fts_incoming_funding_irq_excel_made_up.csv";
const GLOBAL: &str = "good/fts_incoming_funding_global_made_up.csv";
const AFGHANISTAN: &str = "broken/fts_incoming_funding_afg_made_up.csv";

fn load(name: &str) -> FileLoad {
    let ctx = Dataset::bundled().expect("bundled data").load_context();
    load_path(
        &ctx,
        Path::new(&fixture(name)),
        &LoadOptions::default(),
        &Progress::none(),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn years(from: i32, to: i32) -> Filters {
    Filters {
        governorates: None,
        from,
        to,
    }
}

/// (year, status) → USD of the flows kept.
fn totals(l: &FileLoad) -> BTreeMap<(i32, &'static str), u64> {
    let Table::FundingFlows(flows) = &l.parsed.table else {
        panic!("not a flows table: {:?}", l.parsed.table.kind());
    };
    let mut out = BTreeMap::new();
    for f in flows {
        *out.entry((f.year, f.status.as_str())).or_default() += f.amount_usd;
    }
    out
}

/// The left-out counts and their words.
fn left_out(l: &FileLoad) -> Vec<(&'static str, usize, String)> {
    l.parsed
        .left_out
        .iter()
        .map(|o| (o.reason, o.rows, o.detail.clone()))
        .collect()
}

/// Iraq's made-up flows, by budget year (else the date's year) and status.
fn iraq_totals() -> BTreeMap<(i32, &'static str), u64> {
    [
        ((2022, "paid"), 2_000_000),
        ((2022, "pledge"), 60_000),
        ((2023, "commitment"), 75_000),
        ((2023, "paid"), 500_000),
        ((2024, "commitment"), 250_000),
        ((2024, "paid"), 1_425_000),
        ((2024, "pledge"), 40_000),
        ((2025, "paid"), 80_000),
    ]
    .into_iter()
    .collect()
}

#[test]
fn an_hdx_iraq_flows_file_gives_exact_totals_per_year_and_status() {
    let l = load(IRAQ);
    assert_eq!(l.report.shape, Shape::FtsFlows);
    assert_eq!(l.report.kind, TableKind::FundingFlows);
    assert_eq!(l.report.format, FileFormat::Csv { separator: ',' });
    assert!(l.report.hxl, "the HXL row is recognised, not read as data");
    assert_eq!((l.report.rows_read, l.report.rows), (13, 10));
    assert_eq!(totals(&l), iraq_totals());
    assert_eq!(
        left_out(&l),
        [(
            "multi_country_flow",
            3,
            "3 rows of flows to Iraq and other countries together left out: such a flow cannot be split by country (IRQ, JOR, SYR; IRQ, SYR; IRQ, TUR)"
                .to_string()
        )]
    );
    let Table::FundingFlows(flows) = &l.parsed.table else {
        unreachable!()
    };
    // Every flow type is kept; `flowType` is read from its own column although HDX
    // tags it like `contributionType`.
    let mut types: BTreeMap<Option<FlowType>, usize> = BTreeMap::new();
    for f in flows {
        *types.entry(f.flow_type).or_default() += 1;
    }
    assert_eq!(
        types.into_iter().collect::<Vec<_>>(),
        [
            (Some(FlowType::Standard), 7),
            (Some(FlowType::Parked), 2),
            (Some(FlowType::PassThrough), 1)
        ]
    );
    // Quoted line breaks and tabs stay inside their description.
    let text = |id: &str| {
        flows
            .iter()
            .find(|f| f.flow_id.as_deref() == Some(id))
            .and_then(|f| f.description.clone())
            .unwrap_or_default()
    };
    assert_eq!(text("9002"), "Made-up flow: shelter,\nwinter kits\tphase 2");
    assert!(
        text("9008").contains("two lines:") && text("9008").ends_with("protection\tand health")
    );
    assert_eq!(text("9006"), "Made-up flow \"outside\" any plan");
    let parked = flows
        .iter()
        .find(|f| f.flow_id.as_deref() == Some("9005"))
        .expect("flow 9005");
    assert_eq!(
        (parked.year, parked.date.map(|d| d.to_string())),
        (2024, Some("2023-12-20".into())),
        "the budget year decides over the date"
    );
    assert!(
        flows
            .iter()
            .all(|f| f.source_id == format!("file:{}", fixture(IRAQ)))
    );
    let range = l
        .report
        .date_range
        .map(|(a, b)| (a.to_string(), b.to_string()));
    assert_eq!(range, Some(("2022-08-01".into(), "2025-01-15".into())));
    assert!(l.report.warnings.is_empty(), "{:?}", l.report.warnings);
}

#[test]
fn the_same_flows_re_saved_by_excel_give_the_same_totals() {
    let hdx = load(IRAQ);
    let excel = load(EXCEL);
    assert!(!excel.report.hxl);
    assert_eq!(excel.report.shape, Shape::FtsFlows);
    assert_eq!(totals(&excel), iraq_totals());
    assert_eq!(
        left_out(&excel),
        [(
            "multi_country_flow",
            3,
            "3 rows of flows to Iraq and other countries together left out: such a flow cannot be split by country (Iraq, Jordan, Syrian Arab Republic; Iraq, Syrian Arab Republic; Iraq, Türkiye)"
                .to_string()
        )]
    );
    // US dates (3/21/2024) and date-times (2024-05-02T00:00:00Z) read as the ISO dates.
    let dates = |l: &FileLoad| -> Vec<Option<String>> {
        let Table::FundingFlows(flows) = &l.parsed.table else {
            unreachable!()
        };
        flows
            .iter()
            .map(|f| f.date.map(|d| d.to_string()))
            .collect()
    };
    assert_eq!(dates(&excel), dates(&hdx));
    assert_eq!(dates(&excel)[0].as_deref(), Some("2024-03-21"));
    assert!(
        excel.report.warnings.is_empty(),
        "{:?}",
        excel.report.warnings
    );
}

#[test]
fn a_global_flows_file_keeps_only_iraqs_flows_and_counts_the_rest() {
    let l = load(GLOBAL);
    assert_eq!((l.report.rows_read, l.report.rows), (16, 3));
    let expected: BTreeMap<(i32, &'static str), u64> = [
        ((2023, "paid"), 50_000),
        ((2024, "commitment"), 100_000),
        ((2024, "paid"), 400_000),
    ]
    .into_iter()
    .collect();
    assert_eq!(totals(&l), expected);
    // A flow to Iraq and Syria is listed under both countries: two rows left out.
    // The junk amount in a Sudan row is never read: that row is left out unchecked.
    assert_eq!(
        left_out(&l),
        [
            (
                "multi_country_flow",
                2,
                "2 rows of flows to Iraq and other countries together left out: such a flow cannot be split by country (IRQ, SYR)".to_string()
            ),
            (
                "other_country",
                11,
                "11 rows of other countries left out: AFG, HTI, SDN, SYR".to_string()
            ),
        ]
    );
}

#[test]
fn check_says_what_a_flows_file_became_and_what_was_left_out() {
    let path = fixture(GLOBAL);
    let r = run(&["check", &path]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        format!(
            "{path}: ok, funding flows table with 3 rows, from OCHA FTS incoming funding flows, 2023-05-01 to 2024-04-01; 2 rows of flows to Iraq and other countries together left out: such a flow cannot be split by country (IRQ, SYR); 11 rows of other countries left out: AFG, HTI, SDN, SYR\n"
        )
    );
}

#[test]
fn a_flows_file_without_iraq_is_refused_with_one_message_and_check_exits_1() {
    let path = fixture(AFGHANISTAN);
    let r = run(&["check", &path]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        format!(
            "displacement-dashboard: {path}: holds flows to Afghanistan only; this app's data is Iraq's\n"
        )
    );
    // `summary` given it as --data refuses it the same way.
    let s = run(&["summary", "--data", &path]);
    assert_eq!((s.code, s.stderr), (1, r.stderr));
}

/// A series of stacked bars: its label, and each bar's year, base and value.
type Stack<'a> = (&'a str, Vec<(String, u64, u64)>);

/// The bundled data and the Iraq flows file, as the app holds them.
fn with_flows() -> (Dataset, String) {
    let mut ds = Dataset::bundled().expect("bundled data");
    let path = PathBuf::from(fixture(IRAQ));
    let parsed = ds.read_file(&path).expect("a good fixture");
    let name = path.display().to_string();
    ds.add(&name, parsed, false);
    (ds, name)
}

#[test]
fn the_funding_chart_draws_the_flows_beside_the_appeals_and_coverage_is_unchanged() {
    let bundled = Dataset::bundled().expect("bundled data");
    let (ds, name) = with_flows();
    let f = years(2014, 2024);
    let spec = charts::funding(&ds, &f);
    // The flows bars (the bars of years with no appeal are FTS's own, see below).
    let stacks: Vec<Stack> = spec
        .series
        .iter()
        .filter(|s| s.label.contains("flows reported to FTS"))
        .map(|s| {
            (
                s.label.as_str(),
                s.points
                    .iter()
                    .map(|p| (p.label.clone(), p.base as u64, p.y as u64))
                    .collect(),
            )
        })
        .collect();
    let p = |y: &str, base: u64, v: u64| (y.to_string(), base, v);
    // 2025's flow is outside the year filter.
    assert_eq!(
        stacks,
        [
            (
                "Paid (flows reported to FTS)",
                vec![
                    p("2022", 0, 2_000_000),
                    p("2023", 0, 500_000),
                    p("2024", 0, 1_425_000)
                ]
            ),
            (
                "Commitments (flows reported to FTS)",
                vec![p("2023", 500_000, 75_000), p("2024", 1_425_000, 250_000)]
            ),
            (
                "Pledges (flows reported to FTS)",
                vec![p("2022", 2_000_000, 60_000), p("2024", 1_675_000, 40_000)]
            ),
        ]
    );
    // The appeal bars, the coverage chart and the headline are Iraq's appeals only.
    assert_eq!(spec.series[..5], charts::funding(&bundled, &f).series[..]);
    assert_eq!(charts::coverage(&ds, &f), charts::coverage(&bundled, &f));
    assert_eq!(funding::headline(&ds, &f), funding::headline(&bundled, &f));
    assert_eq!(
        spec.source_line,
        format!("Source: OCHA Financial Tracking Service; your file: {name}")
    );
    // The year filter applies; the governorate filter does not, and the chart says so.
    let later = charts::funding(&ds, &years(2025, 2025));
    let paid = later
        .series
        .iter()
        .find(|s| s.label == "Paid (flows reported to FTS)")
        .expect("2025's paid flows");
    assert_eq!(paid.points[0].y as u64, 80_000);
    // Beside them, FTS's own outside-appeal figure for 2025, never added to them.
    let outside = later
        .series
        .iter()
        .find(|s| s.label == charts::OUTSIDE_APPEAL)
        .expect("2025's outside-appeal bar");
    assert_eq!(outside.points[0].y as u64, 99_551_499);
    let ninewa = Filters {
        governorates: Some([displacement_dashboard::data::Pcode::new(15).expect("IQG15")].into()),
        ..f
    };
    let national = charts::funding(&ds, &ninewa);
    assert_eq!(national.series, spec.series);
    assert!(national.national_only);
    assert!(
        national
            .subtitle
            .contains("governorate filter Ninewa not applicable"),
        "{}",
        national.subtitle
    );
    assert!(FlowStatus::ALL.iter().all(|s| {
        spec.series
            .iter()
            .any(|series| series.label.starts_with(s.title()))
    }));
}

#[test]
fn the_funding_table_view_lists_the_flows_after_the_appeals() {
    let (ds, name) = with_flows();
    let t = displacement_dashboard::query::tables::funding_table(&ds, &years(2024, 2024));
    let rows: Vec<Vec<&str>> = t
        .rows
        .iter()
        .map(|r| r.iter().map(|c| c.text.as_str()).collect())
        .collect();
    let source = format!("your file: {name}");
    let fts = "OCHA Financial Tracking Service (via HDX), FTS requirements and funding by country, plan and year (fts_requirements_funding_global.csv) (2026-02-20)";
    assert_eq!(
        rows,
        [
            // No appeal in 2024: what FTS reports for Iraq, after any appeal rows.
            vec![
                "2024",
                "No Iraq appeal: funding outside any appeal",
                "",
                "$96.2 M",
                "",
                "",
                "not appeal coverage",
                fts
            ],
            vec![
                "2024",
                "No Iraq appeal: regional refugee plan, Iraq part",
                "$154.5 M",
                "$133.0 M",
                "",
                "",
                "RSYR24 (not appeal coverage)",
                fts
            ],
            vec![
                "2024",
                "Total humanitarian funding to Iraq (FTS)",
                "",
                "$229.2 M",
                "",
                "",
                "outside appeals plus the regional plan's Iraq part, each once",
                fts
            ],
            vec![
                "2024",
                "Paid (flows reported to FTS)",
                "",
                "$1,425,000",
                "",
                "",
                "3 flows: Standard $1,000,000 (1), Parked $125,000 (1), Pass through $300,000 (1)",
                source.as_str()
            ],
            vec![
                "2024",
                "Commitments (flows reported to FTS)",
                "",
                "$250,000",
                "",
                "",
                "1 flow: Standard $250,000 (1)",
                source.as_str()
            ],
            vec![
                "2024",
                "Pledges (flows reported to FTS)",
                "",
                "$40,000",
                "",
                "",
                "1 flow: Standard $40,000 (1)",
                source.as_str()
            ],
        ]
    );
    assert_eq!(t.rows[3][3].number, Some(1_425_000.0));
}

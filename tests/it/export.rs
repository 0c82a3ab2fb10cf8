//! `export`: charts as SVG and PNG, the briefing sheet, and the numbers behind each
//! chart as CSV — what they say, that the pictures agree, that the tables hold the
//! charts' own numbers, and how failures are reported.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use api as export;
use api::{ExportChart, ExportError, ExportRequest, Format, Layout, What};
use chrono::NaiveDate;
use displacement_dashboard::data::{Basis, Dataset, Pcode};
use displacement_dashboard::model::{ChartSpec, day_number};
use displacement_dashboard::query::charts::{self, DTM_CREDIT};
use displacement_dashboard::query::{Filters, funding, round1};

use crate::support::Run;

/// The export API as these tests call it: a chart with its basis, a dataset and
/// filters. Each call computes the dashboard (`query::dashboard`) for those choices
/// and hands it to the real export, as the command line does.
mod api {
    use std::path::PathBuf;

    use chrono::NaiveDate;
    use displacement_dashboard::data::{Basis, Dataset};
    use displacement_dashboard::export as real;
    pub use displacement_dashboard::export::{ExportError, Format, Image};
    use displacement_dashboard::model::{ChartSpec, Dashboard, PanelId};
    use displacement_dashboard::query::{Choices, Filters, dashboard};

    /// A panel, with the basis the governorate panel is computed for.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum ExportChart {
        Idps,
        Governorates(Basis),
        Camps,
        Funding,
    }

    impl ExportChart {
        fn panel(self) -> (PanelId, Basis) {
            match self {
                ExportChart::Idps => (PanelId::Idps, Basis::Displacement),
                ExportChart::Governorates(b) => (PanelId::Governorates, b),
                ExportChart::Camps => (PanelId::Camps, Basis::Displacement),
                ExportChart::Funding => (PanelId::Funding, Basis::Displacement),
            }
        }
    }

    /// What to export.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum What {
        Chart(ExportChart),
        Table(ExportChart),
        Sheet,
    }

    impl What {
        fn real(self) -> (real::What, Basis) {
            match self {
                What::Chart(c) => (real::What::Chart(c.panel().0), c.panel().1),
                What::Table(c) => (real::What::Table(c.panel().0), c.panel().1),
                What::Sheet => (real::What::Sheet, Basis::Displacement),
            }
        }
    }

    /// The picture's size (the choices are the command line's defaults).
    pub type Layout = real::PictureSize;

    /// One export.
    pub struct ExportRequest {
        pub what: What,
        pub format: Format,
        pub path: PathBuf,
        pub layout: Layout,
    }

    fn dash(ds: &Dataset, f: &Filters, basis: Basis) -> Dashboard {
        let choices = Choices {
            basis,
            ..Choices::default()
        };
        dashboard(ds, f, &choices)
    }

    pub fn run(
        request: &ExportRequest,
        ds: &Dataset,
        f: &Filters,
        day: NaiveDate,
    ) -> Result<PathBuf, ExportError> {
        let (what, basis) = request.what.real();
        let real_request = real::ExportRequest {
            what,
            format: request.format,
            path: request.path.clone(),
            size: request.layout,
        };
        real::run(&real_request, &dash(ds, f, basis), day)
    }

    pub fn render_svg(
        what: What,
        layout: &Layout,
        ds: &Dataset,
        f: &Filters,
        day: NaiveDate,
    ) -> Result<String, ExportError> {
        let (what, basis) = what.real();
        real::render_svg(what, *layout, &dash(ds, f, basis), day)
    }

    pub fn render_image(
        what: What,
        layout: &Layout,
        scale: u32,
        ds: &Dataset,
        f: &Filters,
        day: NaiveDate,
    ) -> Result<Image, ExportError> {
        let (what, basis) = what.real();
        real::render_image(what, *layout, scale, &dash(ds, f, basis), day)
    }

    pub fn render_csv(chart: ExportChart, ds: &Dataset, f: &Filters) -> String {
        let (panel, basis) = chart.panel();
        real::render_csv(panel, &dash(ds, f, basis))
    }

    /// The charts of `chart` with every series, optional ones included (the export
    /// leaves those out unless asked for; the CSV holds them all).
    pub fn chart_specs(chart: ExportChart, ds: &Dataset, f: &Filters) -> Vec<ChartSpec> {
        let (panel, basis) = chart.panel();
        let every_series = Choices {
            basis,
            camp_comparisons: true,
            ..Choices::default()
        };
        let d = dashboard(ds, f, &every_series);
        d.panel(panel).charts().cloned().collect()
    }

    pub fn default_file_name(what: What, f: &Filters, ds: &Dataset, format: Format) -> String {
        let (what, basis) = what.real();
        real::default_file_name(what, &dash(ds, f, basis), format)
    }
}

/// The date every export in these tests says it was generated.
fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 12).expect("a date")
}

/// `SOURCE_DATE_EPOCH` of [`day`].
const EPOCH_2026_11_12: &str = "1794441600";

/// A fresh folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dd-export-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

/// Runs `displacement-dashboard ARGS` with a fixed generation date.
fn run(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_displacement-dashboard"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", EPOCH_2026_11_12)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code().expect("exited normally"),
        stdout: String::from_utf8(out.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("utf-8 stderr"),
    }
}

fn bundled() -> Dataset {
    Dataset::bundled().expect("the bundled data loads")
}

fn filters(governorates: Option<&[u8]>, from: i32, to: i32) -> Filters {
    Filters {
        governorates: governorates.map(|g| {
            g.iter()
                .map(|n| Pcode::new(*n).expect("a P-code"))
                .collect()
        }),
        from,
        to,
    }
}

const NINEWA: u8 = 15;
const DAHUK: u8 = 9;

fn svg_of(what: What, ds: &Dataset, f: &Filters) -> String {
    export::render_svg(what, &Layout::default(), ds, f, day()).expect("renders")
}

/// The texts of a class, in document order.
fn texts<'a>(doc: &'a roxmltree::Document<'a>, class: &str) -> Vec<&'a str> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text") && n.attribute("class") == Some(class))
        .filter_map(|n| n.text())
        .collect()
}

/// The `data-series` labels of the groups of a class.
fn groups<'a>(doc: &'a roxmltree::Document<'a>, class: &str) -> Vec<&'a str> {
    doc.descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some(class))
        .filter_map(|n| n.attribute("data-series"))
        .collect()
}

/// Checks what every exported chart must say, and returns the parsed texts.
fn check_chart_svg(svg: &str, specs: &[ChartSpec]) {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    assert_eq!(texts(&doc, "title"), [specs[0].title.as_str()]);
    assert_eq!(texts(&doc, "subtitle"), [specs[0].subtitle.as_str()]);
    assert_eq!(
        texts(&doc, "generated"),
        ["displacement-dashboard \u{b7} 12 Nov 2026"]
    );
    // Every word is a <text> naming the bundled font first.
    for t in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let family = t.attribute("font-family").unwrap_or_default();
        assert!(family.starts_with("Noto Sans,"), "{family}");
    }
    let sources = texts(&doc, "source").join(" ");
    for spec in specs {
        for publisher in spec.source_line.trim_start_matches("Source: ").split("; ") {
            assert!(sources.contains(publisher), "{publisher} in {sources}");
        }
    }
    // One drawn series per legend entry, and only the series with points (optional
    // comparisons only when asked for).
    let drawn: Vec<&str> = groups(&doc, "series");
    let legend: Vec<&str> = groups(&doc, "legend-entry");
    assert_eq!(drawn, legend);
    let expected: Vec<&str> = specs
        .iter()
        .flat_map(|s| s.series.iter())
        .filter(|s| !s.points.is_empty() && !s.optional)
        .map(|s| s.label.as_str())
        .collect();
    assert_eq!(drawn, expected);
    for g in doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("series"))
    {
        let marks = g
            .descendants()
            .filter(|n| {
                ["polyline", "rect", "circle", "polygon"]
                    .iter()
                    .any(|t| n.has_tag_name(*t))
            })
            .count();
        assert!(
            marks > 0,
            "series {:?} draws nothing",
            g.attribute("data-series")
        );
    }
}

#[test]
fn each_chart_svg_has_title_filters_sources_and_one_series_per_legend_entry() {
    let ds = bundled();
    for f in [
        filters(None, 2014, 2024),
        filters(Some(&[NINEWA, DAHUK]), 2017, 2024),
        filters(Some(&[1, 7, 8, 13, NINEWA]), 2017, 2024),
    ] {
        for chart in [
            ExportChart::Idps,
            ExportChart::Governorates(Basis::Displacement),
            ExportChart::Camps,
            ExportChart::Funding,
        ] {
            let specs = export::chart_specs(chart, &ds, &f);
            check_chart_svg(&svg_of(What::Chart(chart), &ds, &f), &specs);
        }
    }
}

#[test]
fn subtitles_state_the_filters_and_national_figures_say_so() {
    let ds = bundled();
    let two = filters(Some(&[NINEWA, DAHUK]), 2017, 2024);
    let doc_of = |what, f: &Filters| svg_of(what, &ds, f);
    let idps = doc_of(What::Chart(ExportChart::Idps), &two);
    let doc = roxmltree::Document::parse(&idps).expect("SVG");
    assert_eq!(
        texts(&doc, "subtitle"),
        ["Dahuk, Ninewa \u{b7} 2017\u{2013}2024"]
    );
    let five = filters(Some(&[1, 7, 8, 13, NINEWA]), 2017, 2024);
    let idps = doc_of(What::Chart(ExportChart::Idps), &five);
    let doc = roxmltree::Document::parse(&idps).expect("SVG");
    assert_eq!(
        texts(&doc, "subtitle"),
        ["5 governorates \u{b7} 2017\u{2013}2024"]
    );
    let funding = doc_of(
        What::Chart(ExportChart::Funding),
        &filters(Some(&[NINEWA]), 2017, 2024),
    );
    let doc = roxmltree::Document::parse(&funding).expect("SVG");
    assert_eq!(
        texts(&doc, "subtitle"),
        [
            "Iraq, national figures (governorate filter Ninewa not applicable) \u{b7} 2017\u{2013}2024"
        ]
    );
}

#[test]
fn dtm_charts_and_the_sheet_credit_iom_dtm() {
    let ds = bundled();
    for f in [
        filters(None, 2014, 2024),
        filters(Some(&[NINEWA]), 2017, 2024),
    ] {
        for what in [
            What::Chart(ExportChart::Idps),
            What::Chart(ExportChart::Governorates(Basis::Displacement)),
            What::Sheet,
        ] {
            let svg = svg_of(what, &ds, &f);
            let doc = roxmltree::Document::parse(&svg).expect("SVG");
            // The credit may wrap over two lines.
            let sources = texts(&doc, "source").join(" ");
            assert!(sources.contains(DTM_CREDIT), "{what:?}: {sources}");
        }
    }
}

#[test]
fn the_sheet_has_cards_four_charts_filters_date_and_sources() {
    let ds = bundled();
    let f = filters(Some(&[NINEWA]), 2017, 2025);
    let svg = svg_of(What::Sheet, &ds, &f);
    let doc = roxmltree::Document::parse(&svg).expect("SVG");
    let root = doc.root_element();
    assert_eq!(
        (root.attribute("width"), root.attribute("height")),
        (Some("1123"), Some("794")),
        "A4 landscape at 96 dpi"
    );
    assert_eq!(texts(&doc, "subtitle")[0], "Ninewa \u{b7} 2017\u{2013}2025");
    assert_eq!(
        texts(&doc, "card-title"),
        [
            "IDPs now",
            "Displaced since 2014",
            "Camps open",
            "Appeal coverage"
        ]
    );
    // UNHCR's end-2025 table (DTM's figures as UNHCR published them).
    assert_eq!(texts(&doc, "card-value")[0], "198,287");
    assert_eq!(
        texts(&doc, "data-as-of").join(" "),
        "Data: DTM rounds to Apr 2024 \u{b7} DTM-based (UNHCR) to end 2025 \u{b7} camps to Jan 2026 \u{b7} FTS as of 18 Apr 2026"
    );
    let titles = texts(&doc, "title");
    for t in [
        "IDPs over time, Ninewa",
        "IDPs by governorate of displacement",
        "Camps open (formal camps, Iraq) and named closures",
        "Humanitarian appeals: required vs funded",
    ] {
        assert!(titles.contains(&t), "{t} in {titles:?}");
    }
    assert_eq!(
        texts(&doc, "generated"),
        ["displacement-dashboard \u{b7} 12 Nov 2026"]
    );
    assert_eq!(groups(&doc, "series"), groups(&doc, "legend-entry"));
}

/// A decoded PNG: width, height, RGBA bytes.
fn decode_png(path: &Path) -> (u32, u32, Vec<u8>) {
    let file = std::fs::File::open(path).expect("the PNG exists");
    let mut reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    assert_eq!(info.color_type, png::ColorType::Rgba);
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

#[test]
fn a_2x_png_is_the_1x_picture_at_double_resolution() {
    let dir = scratch("png");
    let one = dir.join("idps-1x.png");
    let two = dir.join("idps-2x.png");
    for (path, scale) in [(&one, "1"), (&two, "2")] {
        let p = path.display().to_string();
        let r = run(&[
            "export", "--chart", "idps", "--width", "800", "--scale", scale, "--out", &p,
        ]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(r.stdout, format!("wrote {p}\n"));
    }
    let (w1, h1, px1) = decode_png(&one);
    let (w2, h2, px2) = decode_png(&two);
    assert_eq!(w1, 800);
    assert_eq!(w2, 1600, "--width 800 --scale 2 is 1600 px wide");
    assert_eq!(h2, 2 * h1);
    // Average each 2×2 block of the 2× picture and compare with the 1× picture.
    let (w1, h1) = (w1 as usize, h1 as usize);
    let mut total = 0u64;
    let mut far = 0usize;
    for y in 0..h1 {
        for x in 0..w1 {
            for c in 0..3 {
                let at = |xx: usize, yy: usize| u64::from(px2[(yy * 2 * w1 + xx) * 4 + c]);
                let avg = (at(2 * x, 2 * y)
                    + at(2 * x + 1, 2 * y)
                    + at(2 * x, 2 * y + 1)
                    + at(2 * x + 1, 2 * y + 1))
                    / 4;
                let diff = avg.abs_diff(u64::from(px1[(y * w1 + x) * 4 + c]));
                total += diff;
                if diff > 96 {
                    far += 1;
                }
            }
        }
    }
    let mean = total as f64 / (w1 * h1 * 3) as f64;
    assert!(mean < 3.0, "mean difference per channel {mean}");
    assert!(
        far < w1 * h1 * 3 / 100,
        "{far} channel values differ a lot (antialiasing only)"
    );
}

/// A minimal CSV reader: BOM checked, CRLF lines, quoted fields.
fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let body = text.strip_prefix('\u{feff}').expect("starts with a BOM");
    assert!(body.ends_with("\r\n"), "CRLF after the last line");
    let mut rows = Vec::new();
    for line in body.split_terminator("\r\n") {
        assert!(!line.contains('\n'), "no bare LF: {line:?}");
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                ('"', _) => quoted = !quoted,
                (',', false) => fields.push(std::mem::take(&mut field)),
                (c, _) => field.push(c),
            }
        }
        fields.push(field);
        rows.push(fields);
    }
    let header = rows.remove(0);
    for r in &rows {
        assert_eq!(r.len(), header.len(), "{r:?}");
    }
    (header, rows)
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

/// (day number, value) of every point the charts draw, sorted. A bar drawn beside
/// its date (a user's table beside the bundled one) counts at the date its label
/// names.
fn points_of(specs: &[ChartSpec]) -> Vec<(i64, i64)> {
    let mut v: Vec<(i64, i64)> = specs
        .iter()
        .flat_map(|s| s.series.iter())
        .flat_map(|s| s.points.iter())
        .map(|p| {
            let x = NaiveDate::parse_from_str(&p.label, "%d %b %Y").map_or(p.x, day_number);
            (x as i64, p.y as i64)
        })
        .collect();
    v.sort_unstable();
    v
}

/// (day number, value) of every CSV row, sorted; an empty value (a closure) is 0,
/// where the chart draws it.
fn rows_of(header: &[String], rows: &[Vec<String>]) -> Vec<(i64, i64)> {
    let (d, v) = (column(header, "date"), column(header, "value"));
    let mut out: Vec<(i64, i64)> = rows
        .iter()
        .map(|r| {
            let date = NaiveDate::parse_from_str(&r[d], "%Y-%m-%d").expect("an ISO date");
            (
                day_number(date) as i64,
                if r[v].is_empty() {
                    0
                } else {
                    r[v].parse().expect("a count")
                },
            )
        })
        .collect();
    out.sort_unstable();
    out
}

#[test]
fn each_chart_csv_holds_exactly_the_charts_numbers() {
    let ds = bundled();
    for f in [
        filters(None, 2014, 2024),
        filters(Some(&[NINEWA]), 2017, 2024),
        filters(Some(&[NINEWA, DAHUK]), 2015, 2020),
        filters(Some(&[]), 2014, 2024),
    ] {
        for chart in [
            ExportChart::Idps,
            ExportChart::Governorates(Basis::Displacement),
            ExportChart::Governorates(Basis::Origin),
            ExportChart::Camps,
        ] {
            let (header, rows) = read_csv(&export::render_csv(chart, &ds, &f));
            let specs = export::chart_specs(chart, &ds, &f);
            assert_eq!(
                rows_of(&header, &rows),
                points_of(&specs),
                "{chart:?} {f:?}"
            );
        }
    }
}

#[test]
fn idp_csv_columns_are_fixed_and_say_series_round_place_and_source() {
    let ds = bundled();
    let f = filters(None, 2024, 2024);
    let (header, rows) = read_csv(&export::render_csv(ExportChart::Idps, &ds, &f));
    assert_eq!(
        header,
        [
            "date",
            "date_precision",
            "series",
            "round",
            "pcode",
            "governorate",
            "basis",
            "value",
            "source"
        ]
    );
    let april = rows
        .iter()
        .find(|r| r[0] == "2024-04-30" && r[6] == "displacement" && r[2] == "dtm")
        .expect("round 132");
    assert_eq!(
        (april[3].as_str(), april[5].as_str(), april[7].as_str()),
        ("132", "Iraq", "1098913")
    );
    // After round 132, DTM's figures as UNHCR published them: their own series
    // token, a year-end date, no round.
    let end_2024: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r[0] == "2024-12-31" && r[5] == "Iraq")
        .collect();
    assert_eq!(
        end_2024.len(),
        2,
        "IDMC's and the continuation's: {end_2024:?}"
    );
    let end_2024 = end_2024
        .into_iter()
        .find(|r| r[2] != "idmc_stock")
        .expect("the end-2024 continuation");
    assert_eq!(
        (
            end_2024[1].as_str(),
            end_2024[2].as_str(),
            end_2024[3].as_str(),
            end_2024[7].as_str()
        ),
        ("year", "unhcr_year_end", "", "1031475")
    );
    assert!(
        end_2024[8].starts_with("UNHCR (Refugee Data Finder"),
        "{}",
        end_2024[8]
    );
    let ninewa = filters(Some(&[NINEWA]), 2024, 2024);
    let (_, rows) = read_csv(&export::render_csv(ExportChart::Idps, &ds, &ninewa));
    let cells = |r: &Vec<String>| (r[2].clone(), r[3].clone(), r[4].clone(), r[7].clone());
    let all: Vec<(String, String, String, String)> = rows.iter().map(cells).collect();
    let row = |a: &str, b: &str, c: &str, d: &str| (a.into(), b.into(), c.into(), d.into());
    assert_eq!(
        all,
        [
            row("dtm", "132", "IQG15", "229120"),
            row("unhcr_year_end", "", "IQG15", "221911")
        ]
    );
    let (header, _) = read_csv(&export::render_csv(ExportChart::Camps, &ds, &f));
    assert_eq!(
        header,
        [
            "date",
            "date_precision",
            "measure",
            "definition",
            "scope",
            "camp",
            "event",
            "pcode",
            "governorate",
            "value",
            "unit",
            "source"
        ]
    );
}

#[test]
fn chart_rows_match_each_series_point_for_point() {
    let ds = bundled();
    let f = filters(None, 2014, 2024);
    let idps = charts::idps_with_rows(&ds, &f);
    let govs = charts::governorates_with_rows(&ds, &f, Basis::Displacement);
    for charted in [idps, govs] {
        for s in &charted.spec.series {
            let rows: Vec<(f64, f64)> = charted
                .rows
                .iter()
                .filter(|r| r.legend == s.label)
                .map(|r| (day_number(r.date), r.value as f64))
                .collect();
            let points: Vec<(f64, f64)> = s.points.iter().map(|p| (p.x, p.y)).collect();
            let (mut rows, mut points) = (rows, points);
            rows.sort_by(|a, b| a.partial_cmp(b).expect("numbers"));
            points.sort_by(|a, b| a.partial_cmp(b).expect("numbers"));
            assert_eq!(rows, points, "{}", s.label);
        }
    }
}

#[test]
fn funding_csv_holds_the_bars_and_both_coverage_figures() {
    let ds = bundled();
    let f = filters(None, 2014, 2024);
    let (header, rows) = read_csv(&export::render_csv(ExportChart::Funding, &ds, &f));
    assert_eq!(
        header,
        [
            "year",
            "plan_code",
            "plan_name",
            "kind",
            "requirements_usd",
            "funding_usd",
            "coverage_pct",
            "coverage_reported_pct",
            "reported_on",
            "source"
        ]
    );
    let specs = export::chart_specs(ExportChart::Funding, &ds, &f);
    let (bars, coverage) = (&specs[0], &specs[1]);
    // After the appeal rows come the years with no appeal (the next test).
    let split = funding::appeal_years(&ds, &f).len();
    let rows = &rows[..split];
    assert_eq!(rows.len(), bars.series[0].points.len());
    for (i, row) in rows.iter().enumerate() {
        let year = &row[0];
        let at = |s: usize| bars.series[s].points[i].y;
        assert_eq!(bars.series[0].points[i].label, *year);
        assert_eq!(row[4].parse::<f64>().ok(), Some(at(0)), "required {year}");
        assert_eq!(row[5].parse::<f64>().ok(), Some(at(1)), "funded {year}");
        let fts = coverage.series[0]
            .points
            .iter()
            .find(|p| p.label == *year)
            .map(|p| round1(p.y));
        assert_eq!(row[6].parse::<f64>().ok(), fts, "coverage {year}");
        let reported = coverage.series[1]
            .points
            .iter()
            .find(|p| p.label == *year)
            .map(|p| p.y);
        assert_eq!(row[7].parse::<f64>().ok(), reported, "reported {year}");
    }
    let y2016 = rows.iter().find(|r| r[0] == "2016").expect("2016");
    assert_eq!(
        (y2016[1].as_str(), y2016[3].as_str()),
        ("HIRQ16; FIRQ16", "hrp; flash")
    );
    let y2022 = rows.iter().find(|r| r[0] == "2022").expect("2022");
    assert_eq!((y2022[6].as_str(), y2022[7].as_str()), ("90.4", "67"));
}

#[test]
fn a_missing_folder_or_a_file_in_the_way_is_an_error_and_leaves_nothing() {
    // Tests run as root, for whom a read-only folder is still writable, so the
    // unwritable destinations here are a folder that does not exist and a "folder"
    // that is a regular file: both fail for root too, when the temporary file is
    // created, before anything is written.
    let dir = scratch("fail");
    let ds = bundled();
    let f = filters(None, 2014, 2024);
    let file = dir.join("a-file");
    std::fs::write(&file, b"").expect("a file");
    for (path, reason) in [
        (
            dir.join("missing").join("idps.svg"),
            format!(
                "the folder {} does not exist",
                dir.join("missing").display()
            ),
        ),
        (
            file.join("idps.png"),
            format!("{} is not a folder", file.display()),
        ),
    ] {
        for format in [Format::Svg, Format::Png { scale: 2 }] {
            let request = ExportRequest {
                what: What::Chart(ExportChart::Idps),
                format,
                path: path.clone(),
                layout: Layout::default(),
            };
            let e = export::run(&request, &ds, &f, day()).expect_err("cannot write");
            assert_eq!(
                e,
                ExportError::Write {
                    path: path.clone(),
                    reason: reason.clone()
                }
            );
            assert_eq!(
                e.to_string(),
                format!("cannot write {}: {reason}", path.display())
            );
        }
    }
    let left: BTreeSet<_> = std::fs::read_dir(&dir)
        .expect("the folder")
        .map(|e| e.expect("an entry").file_name())
        .collect();
    assert_eq!(left, ["a-file".into()].into(), "nothing left behind");
}

#[test]
fn run_writes_the_file_and_returns_its_path() {
    let dir = scratch("ok");
    let ds = bundled();
    let f = filters(Some(&[NINEWA]), 2017, 2024);
    let what = What::Table(ExportChart::Idps);
    let name = export::default_file_name(what, &f, &ds, Format::Csv);
    assert_eq!(name, "idps-ninewa-2017-2024.csv");
    let request = ExportRequest {
        what,
        format: Format::Csv,
        path: dir.join(&name),
        layout: Layout::default(),
    };
    let written = export::run(&request, &ds, &f, day()).expect("written");
    assert_eq!(written, dir.join(&name));
    let text = std::fs::read_to_string(&written).expect("the CSV");
    assert_eq!(text, export::render_csv(ExportChart::Idps, &ds, &f));
    assert_eq!(std::fs::read_dir(&dir).expect("the folder").count(), 1);
    let image = export::render_image(
        What::Chart(ExportChart::Idps),
        &Layout::default(),
        2,
        &ds,
        &f,
        day(),
    )
    .expect("an image");
    assert_eq!(image.width, 1600);
    assert_eq!(image.rgba.len(), (image.width * image.height * 4) as usize);
}

#[test]
fn cli_exports_each_format_and_exits_0() {
    let dir = scratch("cli");
    for (args, file) in [
        (&["--chart", "funding"][..], "funding.svg"),
        (
            &["--chart", "governorates", "--no-events"][..],
            "governorates.png",
        ),
        (&["--table", "camps"][..], "camps.csv"),
        (&["--sheet", "--scale", "2"][..], "sheet.png"),
    ] {
        let out = dir.join(file).display().to_string();
        let mut all = vec!["export", "--governorate", "Ninewa", "--from", "2017"];
        all.extend_from_slice(args);
        all.extend(["--out", &out]);
        let r = run(&all);
        assert_eq!((r.code, r.stderr.as_str()), (0, ""), "{all:?}");
        assert!(Path::new(&out).is_file());
    }
    let (w, h, _) = decode_png(&dir.join("sheet.png"));
    assert_eq!((w, h), (2246, 1588), "A4 landscape at 2×");
}

/// Runs an export that must fail, returning its exit code and stderr.
fn fails(args: &[&str]) -> (i32, String) {
    let r = run(args);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    (r.code, r.stderr)
}

#[test]
fn cli_usage_problems_exit_2_with_a_clear_message() {
    let dir = scratch("usage");
    let out = |name: &str| dir.join(name).display().to_string();
    let svg = out("x.svg");
    let e = |m: &str| (2, format!("displacement-dashboard: {m}\n"));
    assert_eq!(
        fails(&["export", "--chart", "idps", "--tiles", "--out", &svg]),
        e("--tiles draws the map as tiles: use it with --chart map")
    );
    assert_eq!(
        fails(&["export", "--chart", "pie", "--out", &svg]),
        e(
            "unknown chart \"pie\"; choose idps, governorates, camps, funding, map, compare or briefing"
        )
    );
    assert_eq!(
        fails(&["export", "--table", "idps", "--out", &out("x.xlsx")]),
        e(&format!(
            "cannot tell the format of {}: end the file name with .csv",
            out("x.xlsx")
        ))
    );
    assert_eq!(
        fails(&["export", "--chart", "idps", "--out", &out("x.csv")]),
        e("a chart cannot be exported as CSV; use a .svg or .png file, or --table for the numbers")
    );
    let missing = dir.join("missing").join("x.svg");
    assert_eq!(
        fails(&[
            "export",
            "--chart",
            "idps",
            "--out",
            &missing.display().to_string()
        ]),
        e(&format!(
            "cannot write {}: the folder {} does not exist",
            missing.display(),
            dir.join("missing").display()
        ))
    );
    assert_eq!(
        fails(&[
            "export",
            "--sheet",
            "--out",
            &svg,
            "--governorate",
            "Ninevah2"
        ]),
        e("unknown governorate \"Ninevah2\"; did you mean Ninewa (Ninevah)?")
    );
    assert_eq!(
        fails(&["export", "--chart", "idps", "--width", "20", "--out", &svg]),
        e("width 20 px is out of range; use 200 to 8000")
    );
    let (code, stderr) = fails(&[
        "export", "--chart", "idps", "--colour", "red", "--out", &svg,
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--colour"), "{stderr}");
    assert_eq!(std::fs::read_dir(&dir).expect("the folder").count(), 0);
}

#[test]
fn cli_a_refused_data_file_exits_1_as_check_does() {
    let dir = scratch("refused");
    let svg = dir.join("x.svg").display().to_string();
    let fixture = crate::support::fixture("broken/negative_count.csv");
    let check = run(&["check", &fixture]);
    assert_eq!(check.code, 1);
    let (code, stderr) = fails(&[
        "export", "--chart", "idps", "--data", &fixture, "--out", &svg,
    ]);
    assert_eq!((code, stderr), (1, check.stderr));
    assert!(!Path::new(&svg).exists());
}

#[test]
fn user_files_export_their_own_figures_with_their_file_as_source() {
    // Without the bundled data, a user's governorate file is summed nationally
    // (the governorates present) and its funding file drawn; the tables hold the
    // same figures, with the file named as the source.
    let dir = scratch("user");
    let mut ds = Dataset::empty().expect("the gazetteer");
    for name in [
        "good/dtm_master_list_made_up.csv",
        "good/semicolon_bom_arabic_made_up.csv",
        "good/fts_requirements_funding_made_up.csv",
    ] {
        let path = PathBuf::from(crate::support::fixture(name));
        let parsed = ds.read_file(&path).expect("a good fixture");
        ds.add(&path.display().to_string(), parsed, false);
    }
    for f in [
        filters(None, 2014, 2024),
        filters(Some(&[NINEWA]), 2014, 2024),
    ] {
        for chart in [
            ExportChart::Idps,
            ExportChart::Governorates(Basis::Displacement),
        ] {
            let (header, rows) = read_csv(&export::render_csv(chart, &ds, &f));
            let specs = export::chart_specs(chart, &ds, &f);
            assert_eq!(
                rows_of(&header, &rows),
                points_of(&specs),
                "{chart:?} {f:?}"
            );
            let series = column(&header, "series");
            assert!(
                rows.iter()
                    .all(|r| r[series] == "user_file" || r[series] == "dtm_user"),
                "{rows:?}"
            );
            check_chart_svg(&svg_of(What::Chart(chart), &ds, &f), &specs);
        }
    }
    let request = ExportRequest {
        what: What::Sheet,
        format: Format::Png { scale: 1 },
        path: dir.join("sheet.png"),
        layout: Layout::default(),
    };
    export::run(&request, &ds, &filters(None, 2014, 2024), day()).expect("a sheet");
    assert_eq!(decode_png(&dir.join("sheet.png")).0, 1123);
}

#[test]
fn a_users_master_list_is_exported_beside_the_bundled_figures_never_in_them() {
    // The made-up master list covers all 18 governorates on 31 Dec 2023 (34,740)
    // and 3 on 30 Apr 2024. DTM's own figures of both dates stay in every export;
    // the file's are their own series, rows and legend entries.
    let mut ds = bundled();
    let path = PathBuf::from(crate::support::fixture("good/dtm_master_list_made_up.csv"));
    let parsed = ds.read_file(&path).expect("a good fixture");
    let name = path.display().to_string();
    ds.add(&name, parsed, false);
    let mine = format!("your file: {name}");
    let f = filters(None, 2014, 2024);
    let (header, rows) = read_csv(&export::render_csv(ExportChart::Idps, &ds, &f));
    let col = |n: &str| column(&header, n);
    let (date, series, pcode, gov, value, source) = (
        col("date"),
        col("series"),
        col("pcode"),
        col("governorate"),
        col("value"),
        col("source"),
    );
    let on = |d: &str, s: &str| -> Vec<&Vec<String>> {
        rows.iter()
            .filter(|r| r[date] == d && r[series] == s && r[col("basis")] == "displacement")
            .collect()
    };
    let dtm = on("2023-12-31", "dtm");
    assert_eq!(dtm.len(), 1);
    assert_eq!(
        (
            dtm[0][value].as_str(),
            dtm[0][pcode].as_str(),
            dtm[0][gov].as_str()
        ),
        ("1123663", "", "Iraq")
    );
    let user = on("2023-12-31", "dtm_user");
    assert_eq!(user.len(), 1);
    assert_eq!(
        (
            user[0][value].as_str(),
            user[0][pcode].as_str(),
            user[0][gov].as_str(),
            user[0][source].as_str()
        ),
        ("34740", "", "Iraq", mine.as_str())
    );
    let specs = export::chart_specs(ExportChart::Idps, &ds, &f);
    assert_eq!(rows_of(&header, &rows), points_of(&specs));
    let svg = svg_of(What::Chart(ExportChart::Idps), &ds, &f);
    check_chart_svg(&svg, &specs);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let legend = groups(&doc, "legend-entry");
    assert!(legend.contains(&"IDPs, Iraq (IOM DTM)"), "{legend:?}");
    assert!(
        legend.contains(&format!("IDPs, Iraq ({mine})").as_str()),
        "{legend:?}"
    );

    let chart = ExportChart::Governorates(Basis::Displacement);
    let (header, rows) = read_csv(&export::render_csv(chart, &ds, &f));
    let (date, series, value, gov) = (
        column(&header, "date"),
        column(&header, "series"),
        column(&header, "value"),
        column(&header, "governorate"),
    );
    let sum = |d: &str, s: &str| -> u64 {
        rows.iter()
            .filter(|r| r[date] == d && r[series] == s)
            .map(|r| r[value].parse::<u64>().expect("a count"))
            .sum()
    };
    assert_eq!(sum("2024-04-30", "dtm"), 1_098_913);
    assert_eq!(sum("2024-04-30", "user_file"), 70_009);
    assert_eq!(sum("2023-12-31", "dtm"), 1_123_663);
    assert_eq!(sum("2023-12-31", "user_file"), 34_740);
    assert!(rows.iter().all(|r| r[gov] != "Other / not published"));
    let specs = export::chart_specs(chart, &ds, &f);
    assert_eq!(rows_of(&header, &rows), points_of(&specs));
    let svg = svg_of(What::Chart(chart), &ds, &f);
    check_chart_svg(&svg, &specs);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    assert_eq!(groups(&doc, "legend-entry").last(), Some(&mine.as_str()));
}

#[test]
fn several_governorates_export_a_line_each_and_their_sum() {
    let ds = bundled();
    let f = filters(Some(&[NINEWA, DAHUK]), 2014, 2024);
    let (header, rows) = read_csv(&export::render_csv(ExportChart::Idps, &ds, &f));
    let (date, pcode, gov, value) = (
        column(&header, "date"),
        column(&header, "pcode"),
        column(&header, "governorate"),
        column(&header, "value"),
    );
    let april: Vec<(&str, &str, &str)> = rows
        .iter()
        .filter(|r| r[date] == "2024-04-30")
        .map(|r| (r[pcode].as_str(), r[gov].as_str(), r[value].as_str()))
        .collect();
    assert_eq!(
        april,
        [
            ("IQG15", "Ninewa", "229120"),
            ("IQG09", "Dahuk", "233162"),
            ("IQG09;IQG15", "Dahuk, Ninewa", "462282"),
        ]
    );
    let specs = export::chart_specs(ExportChart::Idps, &ds, &f);
    assert_eq!(rows_of(&header, &rows), points_of(&specs));
    let svg = svg_of(What::Chart(ExportChart::Idps), &ds, &f);
    check_chart_svg(&svg, &specs);
}

#[test]
fn funding_csv_adds_one_row_per_flows_bar_and_keeps_its_columns() {
    const PAID: &str = "Paid (flows reported to FTS)";
    const COMMITTED: &str = "Commitments (flows reported to FTS)";
    const PLEDGED: &str = "Pledges (flows reported to FTS)";
    // A user's FTS flows file: the appeal rows stay as they were, then one row per
    // stacked flows bar (year and status), `funding_usd` set and `requirements_usd`
    // and coverage empty, `kind` naming the flows.
    let mut ds = bundled();
    let path = PathBuf::from(crate::support::fixture(
        "good/fts_incoming_funding_irq_made_up.csv",
    ));
    let parsed = ds.read_file(&path).expect("a good fixture");
    let name = path.display().to_string();
    ds.add(&name, parsed, false);
    let f = filters(None, 2014, 2024);
    let (header, rows) = read_csv(&export::render_csv(ExportChart::Funding, &ds, &f));
    let (appeal_header, appeal_rows) =
        read_csv(&export::render_csv(ExportChart::Funding, &bundled(), &f));
    assert_eq!(header, appeal_header);
    assert_eq!(rows[..appeal_rows.len()], appeal_rows[..]);
    let flows: Vec<Vec<&str>> = rows[appeal_rows.len()..]
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    let source = format!("your file: {name}");
    let row = |year, plan, status: &'static str, kind, usd| {
        vec![
            year,
            plan,
            status,
            kind,
            "",
            usd,
            "",
            "",
            "",
            source.as_str(),
        ]
    };
    assert_eq!(
        flows,
        [
            row("2022", "HIRQ22", PAID, "fts_flows_paid", "2000000"),
            row("2022", "", PLEDGED, "fts_flows_pledge", "60000"),
            row("2023", "", PAID, "fts_flows_paid", "500000"),
            row("2023", "", COMMITTED, "fts_flows_commitment", "75000"),
            row("2024", "HIRQ24", PAID, "fts_flows_paid", "1425000"),
            row(
                "2024",
                "HIRQ24",
                COMMITTED,
                "fts_flows_commitment",
                "250000"
            ),
            row("2024", "", PLEDGED, "fts_flows_pledge", "40000"),
        ]
    );
    // Exactly the flows bars the chart draws, which the SVG lists in its legend.
    let specs = export::chart_specs(ExportChart::Funding, &ds, &f);
    let bars: usize = specs[0]
        .series
        .iter()
        .filter(|s| s.label.contains("flows reported to FTS"))
        .map(|s| s.points.len())
        .sum();
    assert_eq!(flows.len(), bars);
    check_chart_svg(&svg_of(What::Chart(ExportChart::Funding), &ds, &f), &specs);
    // The year filter applies to flows too.
    let (_, later) = read_csv(&export::render_csv(
        ExportChart::Funding,
        &ds,
        &filters(None, 2024, 2025),
    ));
    let years: Vec<&str> = later
        .iter()
        .filter(|r| r[3].starts_with("fts_flows"))
        .map(|r| r[0].as_str())
        .collect();
    assert_eq!(years, ["2024", "2024", "2024", "2025"]);
}

#[test]
fn the_continuation_is_drawn_dashed_with_hollow_points_and_later_events_after_the_data() {
    let ds = bundled();
    let f = filters(None, 2014, 2025);
    let svg = svg_of(What::Chart(ExportChart::Idps), &ds, &f);
    let specs = export::chart_specs(ExportChart::Idps, &ds, &f);
    check_chart_svg(&svg, &specs);
    let doc = roxmltree::Document::parse(&svg).expect("SVG");
    let series = |label: &str| {
        doc.descendants()
            .find(|n| {
                n.has_tag_name("g")
                    && n.attribute("class") == Some("series")
                    && n.attribute("data-series") == Some(label)
            })
            .unwrap_or_else(|| panic!("no series {label}"))
    };
    let continued = series("IDPs, Iraq (IOM DTM figures as published by UNHCR)");
    // One dashed segment from round 132 through the two year-ends, hollow points.
    let lines: Vec<_> = continued
        .descendants()
        .filter(|n| n.has_tag_name("polyline"))
        .collect();
    assert_eq!(lines.len(), 1);
    assert!(lines[0].attribute("stroke-dasharray").is_some());
    assert_eq!(
        lines[0]
            .attribute("points")
            .map(|p| p.split_whitespace().count()),
        Some(3),
        "round 132, end 2024, end 2025"
    );
    let rings = continued
        .descendants()
        .filter(|n| n.has_tag_name("circle") && n.attribute("class") == Some("ring"))
        .count();
    assert_eq!(rings, 2);
    // DTM's own line is solid and has no hollow point.
    let dtm = series("IDPs, Iraq (IOM DTM)");
    assert!(
        dtm.descendants()
            .filter(|n| n.has_tag_name("polyline"))
            .all(|n| n.attribute("stroke-dasharray").is_none())
    );
    assert_eq!(
        dtm.descendants()
            .filter(|n| n.attribute("class") == Some("ring"))
            .count(),
        0
    );
    // Its own legend entry, drawn dashed with a ring.
    let entry = doc
        .descendants()
        .find(|n| {
            n.attribute("class") == Some("legend-entry")
                && n.attribute("data-series")
                    == Some("IDPs, Iraq (IOM DTM figures as published by UNHCR)")
        })
        .expect("a legend entry");
    assert!(
        entry
            .descendants()
            .any(|n| n.attribute("class") == Some("ring"))
    );
    // Events after 2025 are listed under the chart, not drawn on its axis.
    let after = texts(&doc, "after-data").join(" ");
    // The key events, as on the axis: with their full titles.
    assert!(after.starts_with("After the data: 17 Jan 2026"), "{after}");
    assert!(
        after.contains("Iraqi forces take full control of Ain al-Asad"),
        "{after}"
    );
    assert!(
        after.contains("US moves IS detainees to Iraq after Damascus takes al-Hol"),
        "{after}"
    );
    assert!(!after.contains("3 Jan 2026"), "{after}");
    let key = texts(&doc, "event-key").join(" ");
    assert!(key.contains("UNAMI mandate ends"), "{key}");
    assert!(!key.contains("2026"), "{key}");
    // UNHCR's governorate tables are marked as such in the governorate chart.
    let govs = svg_of(
        What::Chart(ExportChart::Governorates(Basis::Displacement)),
        &ds,
        &f,
    );
    let doc = roxmltree::Document::parse(&govs).expect("SVG");
    assert_eq!(texts(&doc, "band-label"), ["UNHCR"]);
}

#[test]
fn funding_csv_lists_what_fts_reports_in_years_with_no_appeal() {
    let ds = bundled();
    let f = filters(None, 2014, 2024);
    let (_, rows) = read_csv(&export::render_csv(ExportChart::Funding, &ds, &f));
    // After the appeal rows, the years with no appeal: what FTS reports instead,
    // as the chart draws it, never with a coverage.
    let split = funding::appeal_years(&ds, &f).len();
    let beside: Vec<Vec<&str>> = rows[split..]
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    let fts = "OCHA Financial Tracking Service (via HDX), FTS requirements and funding by country, plan and year (fts_requirements_funding_global.csv) (2026-02-20)";
    let regional = "Regional refugee plan, Iraq part (not appeal coverage)";
    assert_eq!(
        beside,
        [
            vec![
                "2023",
                "",
                charts::OUTSIDE_APPEAL,
                "outside_appeal",
                "",
                "211058163",
                "",
                "",
                "",
                fts
            ],
            vec![
                "2023",
                "RSYR23",
                regional,
                "regional_refugee",
                "211313017",
                "63537538",
                "",
                "",
                "",
                fts
            ],
            vec![
                "2024",
                "",
                charts::OUTSIDE_APPEAL,
                "outside_appeal",
                "",
                "96200040",
                "",
                "",
                "",
                fts
            ],
            vec![
                "2024",
                "RSYR24",
                regional,
                "regional_refugee",
                "154504589",
                "132990779",
                "",
                "",
                "",
                fts
            ],
        ]
    );
}

/// The `<path class="governorate">`s of an exported map, by P-code.
fn map_paths(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("the map is SVG");
    doc.descendants()
        .filter(|n| n.has_tag_name("path") && n.attribute("class") == Some("governorate"))
        .filter_map(|n| n.attribute("data-pcode").map(str::to_string))
        .collect()
}

#[test]
fn the_cli_exports_the_map_its_tiles_its_table_and_a_users_boundaries() {
    let dir = scratch("map");
    let out = |name: &str| dir.join(name).display().to_string();
    let ok = |args: &[&str]| {
        let r = run(args);
        assert_eq!((r.code, r.stderr.as_str()), (0, ""), "{args:?}");
    };
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("written");

    ok(&["export", "--chart", "map", "--out", &out("map.svg")]);
    let svg = read("map.svg");
    let paths = map_paths(&svg);
    assert_eq!(paths.len(), 18, "one path per governorate");
    assert_eq!(paths.iter().collect::<BTreeSet<_>>().len(), 18);
    assert!(paths.iter().any(|p| p == "IQG15"));
    assert!(svg.contains("geoBoundaries (Runfola et al. 2020), CC0"));
    assert!(svg.contains("31 Dec 2025"), "the latest table by default");

    ok(&[
        "export",
        "--chart",
        "map",
        "--date",
        "2016-12-31",
        "--tiles",
        "--out",
        &out("tiles.svg"),
    ]);
    let tiles = read("tiles.svg");
    assert_eq!(map_paths(&tiles).len(), 18);
    assert_eq!(tiles.matches("class=\"tile-name\"").count(), 18, "18 tiles");
    assert!(tiles.contains("Dec 2016"), "the date asked for");

    ok(&["export", "--table", "map", "--out", &out("map.csv")]);
    let csv = read("map.csv");
    let (header, rows) = read_csv(&csv);
    assert_eq!(
        header,
        ["governorate", "pcode", "measure", "value", "date", "source"]
    );
    assert_eq!(rows.len(), 18);
    let ninewa = rows.iter().find(|r| r[1] == "IQG15").expect("Ninewa");
    assert_eq!(ninewa[3], "198287", "UNHCR's end-2025 table: {ninewa:?}");
    assert_eq!(ninewa[4], "2025-12-31");

    // The briefing sheet gains the map as a column, still A4 landscape.
    ok(&["export", "--sheet", "--out", &out("sheet.svg")]);
    let sheet = read("sheet.svg");
    assert_eq!(map_paths(&sheet).len(), 18);
    assert!(
        sheet.contains("width=\"1123\" height=\"794\""),
        "A4 at 96 dpi"
    );
    assert!(sheet.contains("geoBoundaries (Runfola et al. 2020), CC0"));

    // The feature that joins no governorate is said, never a silent miss.
    let r = run(&[
        "export",
        "--data",
        "tests/fixtures/good/boundaries_made_up.geojson",
        "--chart",
        "map",
        "--out",
        &out("user.svg"),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("feature \"Atlantis\" matches no governorate of Iraq"),
        "{}",
        r.stderr
    );
    let user = read("user.svg");
    let mut joined = map_paths(&user);
    joined.sort();
    assert_eq!(joined, ["IQG02", "IQG09", "IQG15"]);
    assert!(user.contains("Boundaries: your file boundaries_made_up.geojson"));
    assert!(!user.contains("geoBoundaries"));
}

//! Funding: requirements vs funding per year, and coverage in its own chart.
//!
//! Only Iraq's own appeals (response plans, consolidated and flash appeals) count.
//! Coverage shows FTS today beside what OCHA reported at the time, never merged, and
//! OCHA's statement about 2017–2020 as a band across those years (not four values).
//! Flows from the user's FTS flows files are a different measure: a narrow bar after
//! each year's two appeal bars, stacked by status (paid, commitments, pledges),
//! labelled "flows reported to FTS", sourced "your file: NAME", never in coverage.
//! Years with no Iraq appeal carry a "No Iraq appeal" band and, in the appeal bars'
//! places, what FTS reports for Iraq instead: the regional refugee plan's Iraq
//! requirement on the left, and on the right the funding outside any appeal with the
//! plan's Iraq funding stacked on it (their sum is the year's total humanitarian
//! funding reported to FTS, each counted once), all labelled as outside coverage.

use super::{mid_year, source_line, subtitle};
use crate::data::{Dataset, FlowStatus};
use crate::model::{Band, ChartId, ChartSpec, Point, Series, SeriesKind, Unit};
use crate::query::{Filters, funding};

/// Half the distance between a year's two bars, in days.
const BAR_OFFSET_DAYS: f64 = 55.0;
/// Each bar's width, in days.
const BAR_WIDTH_DAYS: f64 = 100.0;
/// Where the narrow flows bars of a year start, after its appeal bars, in days from
/// 1 July; and the span they share when several flows files are loaded.
const FLOWS_FROM_DAYS: f64 = 112.0;
const FLOWS_SPAN_DAYS: f64 = 60.0;
/// A flows bar is at most this wide, in days (less than half an appeal bar).
const FLOWS_MAX_WIDTH_DAYS: f64 = 45.0;
/// The source of OCHA's "over 95% in 2017–2020".
const OCHA_2017_2020_SOURCE: &str = "b_ocha_hto_2023";

/// Requirements and funding of Iraq's appeals per year (grouped bars).
#[must_use]
pub fn funding(dataset: &Dataset, filters: &Filters) -> ChartSpec {
    let years = funding::appeal_years(dataset, filters);
    let bars = |offset: f64, value: fn(&funding::FundingYear) -> u64| -> Vec<Point> {
        years
            .iter()
            .map(|y| Point {
                x: mid_year(y.year) + offset,
                y: value(y) as f64,
                base: 0.0,
                width: BAR_WIDTH_DAYS,
                label: y.year.to_string(),
                note: Some(y.plans.join(", ")),
                source_id: y.source_ids.first().cloned().unwrap_or_default(),
            })
            .collect()
    };
    let mut series = vec![
        Series::new(
            "Required (Iraq appeals)",
            SeriesKind::Bars,
            0,
            bars(-BAR_OFFSET_DAYS, |y| y.requirements_usd),
        ),
        Series::new(
            "Funded (OCHA FTS)",
            SeriesKind::Bars,
            1,
            bars(BAR_OFFSET_DAYS, |y| y.funding_usd),
        ),
    ];
    let beside = funding::beside_appeals(dataset, filters);
    series.extend(
        beside_series(&beside)
            .into_iter()
            .filter(|s| !s.points.is_empty()),
    );
    let flows = funding::flow_totals(dataset, filters);
    series.extend(flow_series(&flows));
    let tallest = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.base + p.y))
        .fold(0.0_f64, f64::max);
    let bands = no_appeal_bands(dataset, filters, tallest);
    let source = source_line(
        dataset,
        years
            .iter()
            .flat_map(|y| y.source_ids.iter().map(String::as_str))
            .chain(
                beside
                    .iter()
                    .flat_map(|y| y.source_ids.iter().map(String::as_str)),
            )
            .chain(flows.iter().map(|t| t.source_id.as_str()))
            .chain(bands.iter().map(|b| b.source_id.as_str())),
    );
    ChartSpec {
        id: ChartId::Funding,
        title: "Humanitarian appeals: required vs funded".into(),
        subtitle: subtitle(dataset, filters, true),
        unit: Unit::Usd,
        series,
        markers: Vec::new(),
        after_data: Vec::new(),
        bands,
        source_line: source,
        empty_message: if dataset.funding_flows.is_empty() {
            no_appeal_message(dataset, filters)
        } else {
            format!(
                "No Iraq appeal or reported flows in {}",
                crate::query::cards::years(filters)
            )
        },
        national_only: true,
        notes: Vec::new(),
    }
}

/// The last year with an Iraq appeal in the data.
fn last_appeal_year(dataset: &Dataset) -> Option<i32> {
    dataset
        .funding
        .iter()
        .filter(|r| r.kind.is_iraq_appeal())
        .map(|r| r.year)
        .max()
}

/// "No Iraq appeal after 2022" over each run of years in range that FTS covers with
/// no Iraq appeal (or "No Iraq appeal in 2019" for a gap between appeals), its label
/// at `y`, the top of the tallest bar.
fn no_appeal_bands(dataset: &Dataset, filters: &Filters, y: f64) -> Vec<Band> {
    let years = funding::headline(dataset, filters).no_appeal_years;
    let mut runs: Vec<(i32, i32)> = Vec::new();
    for year in years {
        match runs.last_mut() {
            Some((_, to)) if *to + 1 == year => *to = year,
            _ => runs.push((year, year)),
        }
    }
    let last = last_appeal_year(dataset);
    runs.into_iter()
        .map(|(from, to)| {
            let label = match last {
                Some(last) if from > last => format!("No Iraq appeal after {last}"),
                _ if from == to => format!("No Iraq appeal in {from}"),
                _ => format!("No Iraq appeal in {from}\u{2013}{to}"),
            };
            // FTS's rows for those years (funding outside appeals) say so.
            let source_id = dataset
                .funding
                .iter()
                .find(|r| (from..=to).contains(&r.year))
                .or(dataset.funding.first())
                .map(|r| r.source_id.clone())
                .unwrap_or_default();
            Band {
                from_x: mid_year(from) - HALF_YEAR_DAYS,
                to_x: mid_year(to) + HALF_YEAR_DAYS,
                y,
                label,
                source_id,
            }
        })
        .collect()
}

/// Half a year, in days: a year's band runs from 1 January to 31 December.
const HALF_YEAR_DAYS: f64 = 182.0;

/// Legends of what FTS reports for Iraq in years with no Iraq appeal.
pub const OUTSIDE_APPEAL: &str = "Outside any appeal (not in coverage)";
/// The regional refugee plan's Iraq funding, stacked on the outside-appeal bar.
pub const REGIONAL_FUNDED: &str = "3RP, Iraq part: funded (not in coverage)";
/// The regional refugee plan's Iraq requirement.
pub const REGIONAL_REQUIRED: &str = "3RP, Iraq part: required (not in coverage)";

/// The bars of years with no Iraq appeal: the regional plan's Iraq requirement in
/// the "required" place, the outside-appeal funding with the plan's Iraq funding
/// stacked on it in the "funded" place.
fn beside_series(beside: &[funding::BesideAppeals]) -> Vec<Series> {
    let mut required = Series::new(REGIONAL_REQUIRED, SeriesKind::Bars, 4, Vec::new());
    let mut outside = Series::new(OUTSIDE_APPEAL, SeriesKind::Bars, 2, Vec::new());
    let mut funded = Series::new(REGIONAL_FUNDED, SeriesKind::Bars, 3, Vec::new());
    for y in beside {
        let total = format!(
            "{}: total humanitarian funding to Iraq reported to FTS {} (outside any appeal plus Iraq's part of the Syria Regional Refugee and Resilience Plan, 3RP); no Iraq appeal, not in coverage",
            y.year,
            crate::model::usd_one_decimal(y.total_usd())
        );
        let source = y.source_ids.first().cloned().unwrap_or_default();
        let bar = |offset: f64, value: u64, base: u64, plans: &[String]| {
            let mut note = total.clone();
            if !plans.is_empty() {
                note = format!("{} \u{b7} {note}", plans.join(", "));
            }
            Point {
                x: mid_year(y.year) + offset,
                y: value as f64,
                base: base as f64,
                width: BAR_WIDTH_DAYS,
                label: y.year.to_string(),
                note: Some(note),
                source_id: source.clone(),
            }
        };
        if let Some(r) = y.regional_required_usd {
            required
                .points
                .push(bar(-BAR_OFFSET_DAYS, r, 0, &y.regional_plans));
        }
        let below = y.outside_appeal_usd.unwrap_or(0);
        if let Some(o) = y.outside_appeal_usd {
            outside.points.push(bar(BAR_OFFSET_DAYS, o, 0, &[]));
        }
        if let Some(f) = y.regional_funded_usd {
            funded
                .points
                .push(bar(BAR_OFFSET_DAYS, f, below, &y.regional_plans));
        }
    }
    vec![required, outside, funded]
}

/// The palette colour of each flow status.
fn status_colour(status: FlowStatus) -> usize {
    match status {
        FlowStatus::Paid => 2,
        FlowStatus::Commitment => 4,
        FlowStatus::Pledge => 7,
    }
}

/// One series per flows file and status: narrow bars after each year's appeal bars,
/// paid at the bottom, then commitments, then pledges.
fn flow_series(totals: &[funding::FlowTotal]) -> Vec<Series> {
    let files = funding::flow_files(totals);
    let slot = FLOWS_SPAN_DAYS / files.len().max(1) as f64;
    let width = (slot * 0.8).min(FLOWS_MAX_WIDTH_DAYS);
    let mut out = Vec::new();
    for (k, file) in files.iter().enumerate() {
        let offset = FLOWS_FROM_DAYS + slot * (k as f64 + 0.5);
        let mine: Vec<&funding::FlowTotal> =
            totals.iter().filter(|t| t.source_id == *file).collect();
        for status in FlowStatus::ALL {
            let points: Vec<Point> = mine
                .iter()
                .filter(|t| t.status == status)
                .map(|t| {
                    let base: u64 = mine
                        .iter()
                        .filter(|o| o.year == t.year && o.status < status)
                        .map(|o| o.amount_usd)
                        .sum();
                    Point {
                        x: mid_year(t.year) + offset,
                        y: t.amount_usd as f64,
                        base: base as f64,
                        width,
                        label: t.year.to_string(),
                        note: Some(flow_note(t)),
                        source_id: t.source_id.clone(),
                    }
                })
                .collect();
            if !points.is_empty() {
                out.push(Series::new(
                    funding::flow_label(status, file, files.len() > 1),
                    SeriesKind::Bars,
                    status_colour(status),
                    points,
                ));
            }
        }
    }
    out
}

/// "3 flows: Standard $1,200,000 (2), Parked $20,000 (1)", for the tooltip and table.
#[must_use]
pub fn flow_note(t: &funding::FlowTotal) -> String {
    let kinds: Vec<String> = t
        .by_type
        .iter()
        .map(|(kind, usd, n)| {
            let name = kind.map_or("type not given", |k| k.label());
            format!("{name} {} ({n})", Unit::Usd.exact(*usd as f64))
        })
        .collect();
    let flows = if t.flows == 1 { "flow" } else { "flows" };
    format!("{} {flows}: {}", t.flows, kinds.join(", "))
}

/// Coverage per year: FTS today as a line, OCHA's figure at the time as points, and
/// OCHA's "over 95%" for 2017–2020 as a band.
#[must_use]
pub fn coverage(dataset: &Dataset, filters: &Filters) -> ChartSpec {
    let h = funding::headline(dataset, filters);
    let as_of = h.fts_as_of.as_deref().unwrap_or("latest export");
    let fts: Vec<Point> = h
        .years
        .iter()
        .filter_map(|y| {
            let c = y.coverage_pct?;
            Some(Point::at(
                mid_year(y.year),
                c,
                y.year.to_string(),
                y.source_ids.first().cloned().unwrap_or_default(),
            ))
        })
        .collect();
    // From the same per-year totals as the funding bars and the CSV.
    let reported: Vec<Point> = h
        .years
        .iter()
        .filter_map(|y| {
            let pct = y.coverage_reported_pct?;
            let source = y
                .reported_source_id
                .clone()
                .or_else(|| y.source_ids.first().cloned())
                .unwrap_or_default();
            let mut p = Point::at(mid_year(y.year), pct, y.year.to_string(), source);
            p.note = y.reported_on.as_ref().map(|d| format!("reported {d}"));
            Some(p)
        })
        .collect();
    let mut fts = Series::new(
        format!("Coverage in FTS (as of {as_of})"),
        SeriesKind::Line,
        0,
        fts,
    );
    fts.value_labels = true;
    let mut reported = Series::new(
        "Reported by OCHA at the time",
        SeriesKind::Points,
        5,
        reported,
    );
    reported.value_labels = true;
    let bands = match crate::domain::IRAQ.funded_band {
        Some(band)
            if filters.from <= band.to_year
                && filters.to >= band.from_year
                && !fts.points.is_empty() =>
        {
            vec![Band {
                from_x: mid_year(band.from_year.max(filters.from)) - 150.0,
                to_x: mid_year(band.to_year.min(filters.to)) + 150.0,
                y: 104.0,
                label: band.label.into(),
                source_id: OCHA_2017_2020_SOURCE.into(),
            }]
        }
        _ => Vec::new(),
    };
    let source = source_line(
        dataset,
        fts.points
            .iter()
            .chain(&reported.points)
            .map(|p| p.source_id.as_str())
            .chain(bands.iter().map(|b| b.source_id.as_str())),
    );
    ChartSpec {
        id: ChartId::Coverage,
        title: "Appeal coverage: FTS today vs reported at the time".into(),
        subtitle: subtitle(dataset, filters, true),
        unit: Unit::Percent,
        series: vec![fts, reported],
        markers: Vec::new(),
        after_data: Vec::new(),
        bands,
        source_line: source,
        empty_message: no_appeal_message(dataset, filters),
        national_only: true,
        notes: Vec::new(),
    }
}

fn no_appeal_message(dataset: &Dataset, filters: &Filters) -> String {
    if dataset.funding.is_empty() {
        return super::empty_message(filters, "funding data");
    }
    let years = crate::query::cards::years(filters);
    match last_appeal_year(dataset) {
        Some(last) if last < filters.from => {
            format!("No Iraq appeal in {years} (the last was in {last})")
        }
        _ => format!("No Iraq appeal in {years}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(from: i32, to: i32) -> Filters {
        Filters {
            governorates: None,
            from,
            to,
        }
    }

    #[test]
    fn bundled_coverage_shows_fts_and_reported_side_by_side() {
        let ds = Dataset::bundled().unwrap();
        let c = coverage(&ds, &years(2021, 2022));
        let fts: Vec<f64> = c.series[0]
            .points
            .iter()
            .map(|p| crate::query::round1(p.y))
            .collect();
        let reported: Vec<f64> = c.series[1].points.iter().map(|p| p.y).collect();
        assert_eq!(fts, [64.9, 90.4]);
        assert_eq!(reported, [63.0, 67.0]);
        assert!(c.bands.is_empty(), "no 2017-2020 band outside those years");
        let c = coverage(&ds, &years(2016, 2024));
        assert_eq!(c.bands.len(), 1);
        assert!(c.source_line.contains("OCHA"), "{}", c.source_line);
    }

    #[test]
    fn years_without_an_appeal_say_so() {
        let ds = Dataset::bundled().unwrap();
        let c = funding(&ds, &years(2023, 2025));
        assert_eq!(c.bands.len(), 1);
        assert_eq!(c.bands[0].label, "No Iraq appeal after 2022");
        assert_eq!(
            (c.bands[0].from_x, c.bands[0].to_x),
            (mid_year(2023) - 182.0, mid_year(2025) + 182.0)
        );
        let labels: Vec<&str> = c.series.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(
            labels[2..],
            [REGIONAL_REQUIRED, OUTSIDE_APPEAL, REGIONAL_FUNDED]
        );
        assert!(
            c.series[..2].iter().all(|s| s.points.is_empty()),
            "no appeal"
        );
        assert!(labels[2..].iter().all(|l| l.contains("not in coverage")));
        // What FTS reports for Iraq instead (April 2026 copy): outside any appeal,
        // with the regional refugee plan's Iraq funding stacked on it, each once.
        let bars = |i: usize| -> Vec<(String, f64, f64)> {
            c.series[i + 2]
                .points
                .iter()
                .map(|p| (p.label.clone(), p.base, p.y))
                .collect()
        };
        assert_eq!(
            bars(0),
            [
                ("2023".into(), 0.0, 211_313_017.0),
                ("2024".into(), 0.0, 154_504_589.0)
            ]
        );
        assert_eq!(
            bars(1),
            [
                ("2023".into(), 0.0, 211_058_163.0),
                ("2024".into(), 0.0, 96_200_040.0),
                ("2025".into(), 0.0, 99_551_499.0)
            ]
        );
        assert_eq!(
            bars(2),
            [
                ("2023".into(), 211_058_163.0, 63_537_538.0),
                ("2024".into(), 96_200_040.0, 132_990_779.0)
            ]
        );
        let note = c.series[3].points[0].note.as_deref().unwrap_or_default();
        assert!(note.contains("$274.6 M"), "{note}");
        // Coverage has nothing to draw in those years.
        let cov = coverage(&ds, &years(2023, 2024));
        assert!(cov.is_empty());
        assert_eq!(
            cov.empty_message,
            "No Iraq appeal in 2023\u{2013}2024 (the last was in 2022)"
        );
        let c = funding(&Dataset::default(), &years(2023, 2024));
        assert_eq!(c.empty_message, "No funding data in 2023\u{2013}2024");
    }

    fn flow(year: i32, status: FlowStatus, usd: u64) -> crate::data::FundingFlow {
        crate::data::FundingFlow {
            flow_id: None,
            date: None,
            year,
            amount_usd: usd,
            status,
            flow_type: Some(crate::data::FlowType::Standard),
            description: None,
            source_organization: None,
            destination_organization: None,
            destination_plan: None,
            destination_plan_code: None,
            source_id: "file:flows.csv".into(),
        }
    }

    #[test]
    fn flows_are_narrow_stacked_bars_beside_the_appeals_and_leave_coverage_alone() {
        let mut ds = Dataset::bundled().unwrap();
        let f = years(2014, 2024);
        let (bars_before, coverage_before) = (funding(&ds, &f), coverage(&ds, &f));
        ds.funding_flows.extend([
            flow(2022, FlowStatus::Pledge, 5),
            flow(2022, FlowStatus::Paid, 100),
            flow(2022, FlowStatus::Commitment, 30),
            flow(2023, FlowStatus::Paid, 8),
            flow(2025, FlowStatus::Paid, 1),
        ]);
        let c = funding(&ds, &f);
        let labels: Vec<&str> = c.series.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Required (Iraq appeals)",
                "Funded (OCHA FTS)",
                REGIONAL_REQUIRED,
                OUTSIDE_APPEAL,
                REGIONAL_FUNDED,
                "Paid (flows reported to FTS)",
                "Commitments (flows reported to FTS)",
                "Pledges (flows reported to FTS)",
            ]
        );
        assert_eq!(c.series[..5], bars_before.series[..]);
        let stack = |i: usize| -> Vec<(String, f64, f64)> {
            c.series[i]
                .points
                .iter()
                .map(|p| (p.label.clone(), p.base, p.y))
                .collect()
        };
        assert_eq!(
            stack(5),
            [("2022".into(), 0.0, 100.0), ("2023".into(), 0.0, 8.0)]
        );
        assert_eq!(stack(6), [("2022".into(), 100.0, 30.0)]);
        assert_eq!(stack(7), [("2022".into(), 130.0, 5.0)]);
        // The 2023 flows bar stands right of the outside-appeal bar.
        let outside_2023 = &c.series[3].points[0];
        let paid_2023 = &c.series[5].points[1];
        assert!(paid_2023.x - paid_2023.width / 2.0 > outside_2023.x + outside_2023.width / 2.0);
        let funded_2022 = &c.series[1].points[8];
        let paid_2022 = &c.series[5].points[0];
        assert_eq!(funded_2022.label, "2022");
        assert!(paid_2022.x - paid_2022.width / 2.0 > funded_2022.x + funded_2022.width / 2.0);
        assert!(paid_2022.width < funded_2022.width / 2.0);
        assert_eq!(paid_2022.note.as_deref(), Some("1 flow: Standard $100 (1)"));
        assert!(
            c.source_line.ends_with("; your file: flows.csv"),
            "{}",
            c.source_line
        );
        assert_eq!(coverage(&ds, &f), coverage_before);
        // Years with flows and no appeal still draw the flows.
        let later = funding(&ds, &years(2023, 2024));
        assert_eq!(
            later.series.len(),
            6,
            "two empty appeal series, three beside, paid"
        );
        assert_eq!(later.series[5].label, "Paid (flows reported to FTS)");
        assert!(!later.is_empty());
        let none = funding(&ds, &years(2019, 2019));
        assert_eq!(none.series.len(), 2);
        ds.funding_flows.retain(|f| f.year == 2025);
        assert_eq!(
            funding(&ds, &years(2023, 2024)).empty_message,
            "No Iraq appeal or reported flows in 2023\u{2013}2024"
        );
    }

    #[test]
    fn years_in_range_without_an_appeal_carry_a_note_on_the_chart() {
        let ds = Dataset::bundled().unwrap();
        let c = funding(&ds, &years(2014, 2024));
        assert_eq!(c.bands.len(), 1);
        let band = &c.bands[0];
        assert_eq!(band.label, "No Iraq appeal after 2022");
        assert!(band.from_x < mid_year(2023) && band.to_x > mid_year(2024));
        assert!(band.from_x > mid_year(2022) + BAR_OFFSET_DAYS + BAR_WIDTH_DAYS / 2.0);
        assert_eq!(band.source_id, "b_fts_hdx_2026");
        let tallest = c.series[0].points.iter().map(|p| p.y).fold(0.0, f64::max);
        assert_eq!(band.y, tallest);
        assert!(funding(&ds, &years(2017, 2022)).bands.is_empty());
        assert_eq!(
            funding(&ds, &years(2022, 2023)).bands[0].label,
            "No Iraq appeal after 2022"
        );
        // A gap between appeals is said as such.
        let mut gap = ds.clone();
        gap.funding
            .retain(|r| r.year != 2019 || !r.kind.is_iraq_appeal());
        let labels: Vec<String> = funding(&gap, &years(2014, 2024))
            .bands
            .into_iter()
            .map(|b| b.label)
            .collect();
        assert_eq!(
            labels,
            ["No Iraq appeal in 2019", "No Iraq appeal after 2022"]
        );
    }

    #[test]
    fn each_year_has_a_required_and_a_funded_bar() {
        let ds = Dataset::bundled().unwrap();
        let c = funding(&ds, &years(2022, 2022));
        assert_eq!(c.series[0].points[0].y, 400_004_347.0);
        assert!(c.series[1].points[0].x > c.series[0].points[0].x);
    }
}

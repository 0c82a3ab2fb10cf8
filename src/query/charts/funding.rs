//! Funding: requirements vs funding per year, and coverage in its own chart.
//!
//! Only Iraq's own appeals (response plans, consolidated and flash appeals) count.
//! Coverage shows FTS today beside what OCHA reported at the time, never merged, and
//! OCHA's statement about 2017–2020 as a band across those years (not four values).

use super::{mid_year, source_line, subtitle};
use crate::data::Dataset;
use crate::model::{Band, ChartId, ChartSpec, Point, Series, SeriesKind, Unit};
use crate::query::{Filters, funding};

/// Half the distance between a year's two bars, in days.
const BAR_OFFSET_DAYS: f64 = 55.0;
/// Each bar's width, in days.
const BAR_WIDTH_DAYS: f64 = 100.0;
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
    let series = vec![
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
    let source = source_line(
        dataset,
        years
            .iter()
            .flat_map(|y| y.source_ids.iter().map(String::as_str)),
    );
    ChartSpec {
        id: ChartId::Funding,
        title: "Humanitarian appeals: required vs funded".into(),
        subtitle: subtitle(dataset, filters, true),
        unit: Unit::Usd,
        series,
        markers: Vec::new(),
        bands: Vec::new(),
        source_line: source,
        empty_message: no_appeal_message(dataset, filters),
        national_only: true,
    }
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
    let bands = if filters.from <= 2020 && filters.to >= 2017 && !fts.points.is_empty() {
        vec![Band {
            from_x: mid_year(2017.max(filters.from)) - 150.0,
            to_x: mid_year(2020.min(filters.to)) + 150.0,
            y: 104.0,
            label: "OCHA: over 95% funded each year, 2017\u{2013}2020".into(),
            source_id: OCHA_2017_2020_SOURCE.into(),
        }]
    } else {
        Vec::new()
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
        bands,
        source_line: source,
        empty_message: no_appeal_message(dataset, filters),
        national_only: true,
    }
}

fn no_appeal_message(dataset: &Dataset, filters: &Filters) -> String {
    if dataset.funding.is_empty() {
        super::empty_message(filters, "funding data")
    } else {
        format!("No Iraq appeal in {}", crate::query::cards::years(filters))
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
        let c = funding(&ds, &years(2023, 2024));
        assert!(c.is_empty());
        assert_eq!(c.empty_message, "No Iraq appeal in 2023\u{2013}2024");
        let c = funding(&Dataset::default(), &years(2023, 2024));
        assert_eq!(c.empty_message, "No funding data in 2023\u{2013}2024");
    }

    #[test]
    fn each_year_has_a_required_and_a_funded_bar() {
        let ds = Dataset::bundled().unwrap();
        let c = funding(&ds, &years(2022, 2022));
        assert_eq!(c.series[0].points[0].y, 400_004_347.0);
        assert!(c.series[1].points[0].x > c.series[0].points[0].x);
    }
}

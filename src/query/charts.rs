//! Plot-ready charts built from the dataset and the filters.

use super::{Filters, cards, idps};
use crate::data::{Dataset, NationalSeries};
use crate::model::{ChartSpec, Marker, Point, Series, SeriesKind, day_number, long_date};

/// Credit line IOM's terms ask for on every DTM figure.
pub const DTM_CREDIT: &str =
    "International Organization for Migration (IOM), Displacement Tracking Matrix (DTM)";

/// IDPs over time: the DTM stock, returnees, other series for comparison, events.
#[must_use]
pub fn idps_over_time(dataset: &Dataset, filters: &Filters) -> ChartSpec {
    let mut series = Vec::new();
    let (points, coverage) = match &filters.governorates {
        None => idps::national_or_sum(dataset, filters),
        Some(selected) => (idps::governorate_series(dataset, filters, selected), None),
    };
    let stock: Vec<Point> = points
        .iter()
        .map(|p| Point {
            x: day_number(p.date),
            y: p.value as f64,
            label: long_date(p.date),
            source_id: p.source_id.clone(),
        })
        .collect();
    let place = match coverage {
        Some(c) => format!("sum of {} of {} governorates", c.governorates, c.of),
        None => cards::place(dataset, filters),
    };
    series.push(Series {
        label: format!("IDPs, {place} (IOM DTM)"),
        kind: SeriesKind::Line,
        colour: 0,
        points: stock,
    });
    if filters.is_national() {
        series.push(returnee_series(dataset, filters));
        series.extend(comparison_series(dataset, filters));
    }
    for s in &mut series {
        s.points.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    let markers = dataset
        .events
        .iter()
        .filter(|e| filters.contains(e.date))
        .map(|e| Marker {
            x: day_number(e.date),
            label: e.title.clone(),
        })
        .collect();
    let mut publishers = vec![DTM_CREDIT.to_string()];
    if filters.is_national() {
        publishers.push("UNHCR".into());
        publishers.push("IDMC".into());
    }
    ChartSpec {
        title: format!("IDPs over time, {}", cards::place(dataset, filters)),
        y_unit: "people".into(),
        series,
        markers,
        source_line: format!("Source: {}", publishers.join("; ")),
        empty_message: match &filters.governorates {
            Some(s) if s.is_empty() => "No governorate selected".into(),
            _ => format!(
                "No IDP figures for these filters in {}",
                cards::years(filters)
            ),
        },
    }
}

/// DTM returnees where published (national only).
fn returnee_series(dataset: &Dataset, filters: &Filters) -> Series {
    let points = dataset
        .idps_national
        .iter()
        .filter(|p| p.series == NationalSeries::Dtm && filters.contains(p.date))
        .filter_map(|p| {
            p.returnees.map(|r| Point {
                x: day_number(p.date),
                y: r as f64,
                label: long_date(p.date),
                source_id: p.source_id.clone(),
            })
        })
        .collect();
    Series {
        label: "Returnees (IOM DTM)".into(),
        kind: SeriesKind::Line,
        colour: 1,
        points,
    }
}

/// Other measures of the national stock, drawn beside DTM for comparison.
fn comparison_series(dataset: &Dataset, filters: &Filters) -> Vec<Series> {
    [
        (
            NationalSeries::UnhcrYearEnd,
            "UNHCR year-end (equals DTM's December round from 2017)",
            2,
        ),
        (
            NationalSeries::IdmcStock,
            "IDMC conflict stock (year-end)",
            3,
        ),
    ]
    .into_iter()
    .map(|(s, label, colour)| Series {
        label: label.into(),
        kind: SeriesKind::Comparison,
        colour,
        points: dataset
            .idps_national
            .iter()
            .filter(|p| p.series == s && filters.contains(p.date))
            .map(|p| Point {
                x: day_number(p.date),
                y: p.idps as f64,
                label: long_date(p.date),
                source_id: p.source_id.clone(),
            })
            .collect(),
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::data::{Basis, GovernoratePoint, Pcode};

    #[test]
    fn without_a_national_series_the_chart_sums_the_governorates_and_says_so() {
        let mut ds = Dataset::default();
        for (pcode, n) in [(9, 10), (15, 20)] {
            ds.idps_governorate.push(GovernoratePoint {
                date: NaiveDate::from_ymd_opt(2024, 4, 30).unwrap(),
                round: None,
                pcode: Pcode::new(pcode).unwrap(),
                basis: Basis::Displacement,
                individuals: n,
                panel: None,
                complete: false,
                source_id: "file:mine.csv".into(),
            });
        }
        ds.user_sources.insert("file:mine.csv".into());
        let chart = idps_over_time(&ds, &Filters::all(&ds));
        assert_eq!(
            chart.series[0].label,
            "IDPs, sum of 2 of 18 governorates (IOM DTM)"
        );
        assert_eq!(
            chart.series[0]
                .points
                .iter()
                .map(|p| p.y)
                .collect::<Vec<_>>(),
            [30.0]
        );
    }
}

//! IDPs over time: the DTM stock and returnees, other series for comparison.

use super::{markers, source_line, subtitle};
use crate::data::{Basis, Dataset, NationalSeries};
use crate::model::{ChartId, ChartSpec, Point, Series, SeriesKind, Unit, day_number, long_date};
use crate::query::rows::{self, Charted, IdpRow, dtm_date_precision, table_series};
use crate::query::{Filters, cards, idps};

/// IDPs over time. With a governorate filter: the selected governorates' summed
/// DTM tables (one round per year); returnees and other series are national only
/// and left out.
#[must_use]
pub fn idps_over_time(dataset: &Dataset, filters: &Filters) -> ChartSpec {
    idps_with_rows(dataset, filters).spec
}

/// [`idps_over_time`] and one [`IdpRow`] per point it draws.
#[must_use]
pub fn idps_with_rows(dataset: &Dataset, filters: &Filters) -> Charted<IdpRow> {
    let place = cards::place(dataset, filters);
    // With no national series loaded, the national line sums the governorates present.
    let (national, coverage) = if filters.is_national() {
        idps::national_or_sum(dataset, filters)
    } else {
        (Vec::new(), None)
    };
    let stock_place = match coverage {
        Some(c) => format!("sum of {} of {} governorates", c.governorates, c.of),
        None => place.clone(),
    };
    let stock_label = format!("IDPs, {stock_place} (IOM DTM)");
    let mut rows: Vec<IdpRow> = match &filters.governorates {
        None => national
            .into_iter()
            .map(|p| IdpRow {
                date: p.date,
                date_precision: dtm_date_precision(dataset, p.date),
                series: if coverage.is_some() {
                    table_series(dataset, &p.source_id)
                } else {
                    rows::national_series(dataset, &p.source_id)
                },
                round: p.round,
                pcodes: Vec::new(),
                governorate: place.clone(),
                basis: Basis::Displacement,
                value: p.value,
                source_id: p.source_id,
                legend: stock_label.clone(),
            })
            .collect(),
        Some(selected) => idps::governorate_series(dataset, filters, selected)
            .into_iter()
            .map(|p| IdpRow {
                date: p.date,
                date_precision: dtm_date_precision(dataset, p.date),
                series: table_series(dataset, &p.source_id),
                round: p.round,
                pcodes: selected.iter().copied().collect(),
                governorate: place.clone(),
                basis: Basis::Displacement,
                value: p.value,
                source_id: p.source_id,
                legend: stock_label.clone(),
            })
            .collect(),
    };
    let mut legends = vec![(stock_label, SeriesKind::Line, 0)];
    if filters.is_national() {
        legends.push((RETURNEES.into(), SeriesKind::Line, 1));
        rows.extend(returnee_rows(dataset, filters));
        for (series, label, colour) in COMPARISONS {
            legends.push((label.into(), SeriesKind::Comparison, colour));
            rows.extend(national_rows(dataset, filters, series, label));
        }
    }
    rows.sort_by_key(|r| r.date);
    let series: Vec<Series> = legends
        .into_iter()
        .map(|(label, kind, colour)| {
            let points = rows
                .iter()
                .filter(|r| r.legend == label)
                .map(|r| {
                    Point::at(
                        day_number(r.date),
                        r.value as f64,
                        long_date(r.date),
                        r.source_id.clone(),
                    )
                })
                .collect();
            Series::new(label, kind, colour, points)
        })
        .collect();
    let source = source_line(dataset, rows.iter().map(|r| r.source_id.as_str()));
    let spec = ChartSpec {
        id: ChartId::Idps,
        title: format!("IDPs over time, {place}"),
        subtitle: subtitle(dataset, filters, false),
        unit: Unit::People,
        series,
        markers: markers(dataset, filters),
        bands: Vec::new(),
        source_line: source,
        empty_message: super::empty_message(filters, "IDP figures for these filters"),
        national_only: false,
        notes: Vec::new(),
    };
    Charted { spec, rows }
}

/// The legend of DTM's returnees.
const RETURNEES: &str = "Returnees (IOM DTM)";

/// Other measures of the national stock, drawn beside DTM for comparison:
/// series, legend, palette index.
const COMPARISONS: [(NationalSeries, &str, usize); 2] = [
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
];

/// DTM returnees where published (national only).
fn returnee_rows(dataset: &Dataset, filters: &Filters) -> Vec<IdpRow> {
    dataset
        .idps_national
        .iter()
        .filter(|p| p.series == NationalSeries::Dtm && filters.contains(p.date))
        .filter_map(|p| {
            p.returnees.map(|r| IdpRow {
                date: p.date,
                date_precision: p.date_precision,
                series: p.series.as_str(),
                round: p.round,
                pcodes: Vec::new(),
                governorate: "Iraq".into(),
                basis: Basis::Returnees,
                value: r,
                source_id: p.source_id.clone(),
                legend: RETURNEES.into(),
            })
        })
        .collect()
}

/// Every figure of one national series in range.
fn national_rows(
    dataset: &Dataset,
    filters: &Filters,
    series: NationalSeries,
    legend: &str,
) -> Vec<IdpRow> {
    dataset
        .idps_national
        .iter()
        .filter(|p| p.series == series && filters.contains(p.date))
        .map(|p| IdpRow {
            date: p.date,
            date_precision: p.date_precision,
            series: p.series.as_str(),
            round: p.round,
            pcodes: Vec::new(),
            governorate: "Iraq".into(),
            basis: Basis::Displacement,
            value: p.idps,
            source_id: p.source_id.clone(),
            legend: legend.into(),
        })
        .collect()
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{DatePrecision, NationalPoint, Pcode, Precision};
    use chrono::NaiveDate;

    fn all() -> Filters {
        Filters {
            governorates: None,
            from: 2014,
            to: 2024,
        }
    }

    #[test]
    fn an_empty_dataset_gives_an_empty_chart_with_its_message() {
        let c = idps_over_time(&Dataset::default(), &all());
        assert!(c.is_empty());
        assert_eq!(
            c.empty_message,
            "No IDP figures for these filters in 2014\u{2013}2024"
        );
        assert_eq!(c.source_line, "");
    }

    #[test]
    fn a_single_round_is_one_point_with_its_returnees_and_the_dtm_credit() {
        let mut ds = Dataset::empty().unwrap();
        ds.sources.push(crate::data::Source {
            id: "r132".into(),
            publisher: "IOM DTM".into(),
            title: "Round 132".into(),
            published: "2024".into(),
            url: "https://dtm.iom.int".into(),
            note: None,
        });
        ds.idps_national.push(NationalPoint {
            date: NaiveDate::from_ymd_opt(2024, 4, 30).unwrap(),
            date_precision: DatePrecision::Day,
            round: Some(132),
            series: NationalSeries::Dtm,
            idps: 1_098_913,
            returnees: Some(4_871_916),
            households: None,
            precision: Precision::Exact,
            source_id: "r132".into(),
        });
        let c = idps_over_time(&ds, &all());
        assert_eq!(c.series[0].points.len(), 1);
        assert_eq!(c.series[0].points[0].y, 1_098_913.0);
        assert_eq!(c.series[1].points[0].y, 4_871_916.0);
        assert_eq!(
            c.source_line,
            format!("Source: {}", super::super::DTM_CREDIT)
        );
        // With a governorate filter there is no governorate table, so nothing to draw.
        let f = Filters {
            governorates: Some([Pcode::new(15).unwrap()].into()),
            ..all()
        };
        let c = idps_over_time(&ds, &f);
        assert!(c.is_empty());
        assert_eq!(
            c.series.len(),
            1,
            "returnees and comparisons are national only"
        );
    }

    #[test]
    fn without_a_national_series_the_chart_sums_the_governorates_and_says_so() {
        let mut ds = Dataset::default();
        for (pcode, n) in [(9, 10), (15, 20)] {
            ds.idps_governorate.push(crate::data::GovernoratePoint {
                date: NaiveDate::from_ymd_opt(2024, 4, 30).unwrap(),
                round: None,
                pcode: Pcode::new(pcode).unwrap(),
                basis: crate::data::Basis::Displacement,
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
        let ys: Vec<f64> = chart.series[0].points.iter().map(|p| p.y).collect();
        assert_eq!(ys, [30.0]);
    }
}

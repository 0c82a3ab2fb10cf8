//! IDPs over time: the DTM stock and returnees, other series for comparison.

use super::{markers, source_line, subtitle};
use crate::data::{Basis, Dataset, NationalSeries};
use crate::model::{ChartId, ChartSpec, Point, Series, SeriesKind, Unit, day_number, long_date};
use crate::query::rows::{Charted, IdpRow, dtm_date_precision, table_series};
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
    let stock_label = format!("IDPs, {place} (IOM DTM)");
    let mut rows: Vec<IdpRow> = match &filters.governorates {
        None => idps::national_series(dataset, filters)
            .into_iter()
            .map(|p| IdpRow {
                date: p.date,
                date_precision: dtm_date_precision(dataset, p.date),
                series: NationalSeries::Dtm.as_str(),
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

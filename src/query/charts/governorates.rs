//! IDPs by governorate: one basis at a time, governorates stacked per date.
//!
//! Bases are never stacked on one another (in-camp people are part of the
//! displaced; origin counts the same people again). The largest governorates get
//! their own colour; the rest are summed as "Other governorates". Where a basis has
//! complete tables in range only those are drawn; otherwise its partial tables are,
//! each with an "Other / not published" remainder when the national total of that
//! date is known, and never presented as a full distribution.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{governorate_colours, markers, source_line, subtitle};
use crate::data::{Basis, Dataset, NationalSeries, Pcode};
use crate::model::{ChartId, ChartSpec, Point, Series, SeriesKind, Unit, day_number, long_date};
use crate::palette;
use crate::query::Filters;
use crate::query::idps::{GovernorateTable, governorate_tables};
use crate::query::rows::{Charted, IdpRow, dtm_date_precision, table_series};

/// How many governorates get bars of their own (each its own colour); the rest are
/// summed.
const OWN_COLOURS: usize = palette::GOVERNORATE_COLOURS;
/// Palette index of "Other governorates".
const OTHER_COLOUR: usize = palette::OTHER;
/// Palette index of the unpublished remainder of a partial table.
const REMAINDER_COLOUR: usize = palette::REMAINDER;

/// The chart's title for a basis.
#[must_use]
pub fn basis_title(basis: Basis) -> &'static str {
    match basis {
        Basis::Displacement => "IDPs by governorate of displacement",
        Basis::Origin => "IDPs by governorate of origin",
        Basis::InCamp => "IDPs in camps, by governorate",
        Basis::Returnees => "Returnees by governorate",
    }
}

/// IDPs by governorate for one basis.
#[must_use]
pub fn governorates(dataset: &Dataset, filters: &Filters, basis: Basis) -> ChartSpec {
    governorates_with_rows(dataset, filters, basis).spec
}

/// [`governorates`] and one [`IdpRow`] per bar it draws.
#[must_use]
pub fn governorates_with_rows(
    dataset: &Dataset,
    filters: &Filters,
    basis: Basis,
) -> Charted<IdpRow> {
    // Complete tables when the basis has any in range; partial ones only otherwise,
    // so a few partial snapshots never crowd out the full DTM tables.
    let complete = governorate_tables(dataset, filters, basis, true);
    let tables = if complete.is_empty() {
        governorate_tables(dataset, filters, basis, false)
    } else {
        complete
    };
    let shown = shown_governorates(&tables, filters);
    let width = bar_width(tables.keys().copied());
    let mut series = own_series(dataset, filters, &shown);
    let mut other = Series::new(
        "Other governorates",
        SeriesKind::Bars,
        OTHER_COLOUR,
        Vec::new(),
    );
    let mut remainder = Series::new(
        "Other / not published",
        SeriesKind::Bars,
        REMAINDER_COLOUR,
        Vec::new(),
    );
    let mut rows = Vec::new();
    for (date, table) in &tables {
        let x = day_number(*date);
        let row = |pcodes: Vec<Pcode>, legend: &str, value: u64| IdpRow {
            date: *date,
            date_precision: dtm_date_precision(dataset, *date),
            series: table_series(dataset, &table.source_id),
            round: table.round,
            pcodes,
            governorate: legend.to_string(),
            basis,
            value,
            source_id: table.source_id.clone(),
            legend: legend.to_string(),
        };
        let note = (!table.complete).then(|| {
            format!(
                "partial table: {} governorates published",
                table.values.len()
            )
        });
        let mut base = 0.0;
        let push = |s: &mut Series, value: u64, base: &mut f64| {
            s.points.push(Point {
                x,
                y: value as f64,
                base: *base,
                width,
                label: long_date(*date),
                note: note.clone(),
                source_id: table.source_id.clone(),
            });
            *base += value as f64;
        };
        for (s, pcode) in series.iter_mut().zip(&shown) {
            if let Some(&v) = table.values.get(pcode) {
                push(s, v, &mut base);
                rows.push(row(vec![*pcode], &s.label, v));
            }
        }
        let rest: Vec<(Pcode, u64)> = table
            .values
            .iter()
            .filter(|(p, _)| !shown.contains(p) && filters.selects(**p))
            .map(|(p, v)| (*p, *v))
            .collect();
        let rest_sum: u64 = rest.iter().map(|(_, v)| v).sum();
        if rest_sum > 0 {
            push(&mut other, rest_sum, &mut base);
            rows.push(row(
                rest.iter().map(|(p, _)| *p).collect(),
                &other.label,
                rest_sum,
            ));
        }
        if let Some(missing) = unpublished(dataset, filters, *date, table, basis) {
            push(&mut remainder, missing, &mut base);
            rows.push(row(Vec::new(), &remainder.label, missing));
        }
    }
    series.extend([other, remainder]);
    series.retain(|s| !s.points.is_empty());
    let source = source_line(dataset, tables.values().map(|t| t.source_id.as_str()));
    let spec = ChartSpec {
        id: ChartId::Governorates,
        title: basis_title(basis).into(),
        subtitle: subtitle(dataset, filters, false),
        unit: Unit::People,
        series,
        markers: markers(dataset, filters),
        bands: Vec::new(),
        source_line: source,
        empty_message: super::empty_message(filters, "governorate breakdown for this basis"),
        national_only: false,
        notes: Vec::new(),
    };
    Charted { spec, rows }
}

/// An empty series for each governorate with bars of its own, in stacking order, in
/// the governorate's colour on this screen.
fn own_series(dataset: &Dataset, filters: &Filters, shown: &[Pcode]) -> Vec<Series> {
    let colours = governorate_colours(dataset, filters, shown);
    shown
        .iter()
        .enumerate()
        .map(|(i, pcode)| {
            let mut s = Series::new(
                dataset.gazetteer.name(*pcode),
                SeriesKind::Bars,
                colours.get(*pcode).unwrap_or(i),
                Vec::new(),
            );
            s.governorate = Some(pcode.to_string());
            s
        })
        .collect()
}

/// The governorates that get their own bars: the largest of the selected ones (all
/// of them without a filter) by their highest value in range, at most as many as
/// there are governorate colours.
fn shown_governorates(
    tables: &BTreeMap<NaiveDate, GovernorateTable>,
    filters: &Filters,
) -> Vec<Pcode> {
    let mut highest: BTreeMap<Pcode, u64> = BTreeMap::new();
    for table in tables.values() {
        for (p, v) in &table.values {
            if filters.selects(*p) {
                let h = highest.entry(*p).or_default();
                *h = (*h).max(*v);
            }
        }
    }
    let mut ranked: Vec<(Pcode, u64)> = highest.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .take(OWN_COLOURS)
        .map(|(p, _)| p)
        .collect()
}

/// The unpublished part of a partial national table: the DTM national total of the
/// same date minus what was published. Only without a governorate filter.
fn unpublished(
    dataset: &Dataset,
    filters: &Filters,
    date: NaiveDate,
    table: &GovernorateTable,
    basis: Basis,
) -> Option<u64> {
    if table.complete || !filters.is_national() || basis != Basis::Displacement {
        return None;
    }
    let total = dataset
        .idps_national
        .iter()
        .find(|p| p.series == NationalSeries::Dtm && p.date == date)?
        .idps;
    let published: u64 = table.values.values().sum();
    total.checked_sub(published).filter(|m| *m > 0)
}

/// Bars are 80% of the narrowest gap between dates, between 30 and 300 days wide.
fn bar_width(dates: impl Iterator<Item = NaiveDate>) -> f64 {
    let xs: Vec<f64> = dates.map(day_number).collect();
    let gap = xs
        .windows(2)
        .map(|w| w[1] - w[0])
        .fold(f64::INFINITY, f64::min);
    (gap * 0.8).clamp(30.0, 300.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::GovernoratePoint;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn row(date: NaiveDate, pcode: u8, n: u64, complete: bool) -> GovernoratePoint {
        GovernoratePoint {
            date,
            round: None,
            pcode: Pcode::new(pcode).unwrap(),
            basis: Basis::Displacement,
            individuals: n,
            panel: None,
            complete,
            source_id: "s".into(),
        }
    }

    fn all(from: i32, to: i32) -> Filters {
        Filters {
            governorates: None,
            from,
            to,
        }
    }

    #[test]
    fn no_breakdown_in_range_is_an_empty_chart_with_a_message() {
        let ds = Dataset::empty().unwrap();
        let c = governorates(&ds, &all(2019, 2020), Basis::Displacement);
        assert!(c.is_empty());
        assert_eq!(
            c.empty_message,
            "No governorate breakdown for this basis in 2019\u{2013}2020"
        );
    }

    #[test]
    fn governorates_stack_in_order_of_size_and_small_ones_are_summed() {
        let mut ds = Dataset::empty().unwrap();
        let d = day(2020, 12, 31);
        for (p, n) in [
            (1, 70),
            (2, 60),
            (3, 50),
            (4, 40),
            (5, 30),
            (6, 20),
            (7, 10),
            (8, 5),
        ] {
            ds.idps_governorate.push(row(d, p, n, true));
        }
        let c = governorates(&ds, &all(2014, 2024), Basis::Displacement);
        let labels: Vec<&str> = c.series.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels.len(), 7);
        assert_eq!(labels[0], "Anbar");
        assert_eq!(labels[6], "Other governorates");
        let other = &c.series[6].points[0];
        assert_eq!((other.base, other.y), (270.0, 15.0));
        assert_eq!(c.series[0].governorate.as_deref(), Some("IQG01"));
    }

    #[test]
    fn a_filter_shows_only_the_selected_governorates() {
        let mut ds = Dataset::empty().unwrap();
        let d = day(2024, 4, 30);
        ds.idps_governorate
            .extend([row(d, 15, 229_120, true), row(d, 9, 100, true)]);
        let f = Filters {
            governorates: Some([Pcode::new(15).unwrap()].into()),
            from: 2014,
            to: 2024,
        };
        let c = governorates(&ds, &f, Basis::Displacement);
        assert_eq!(c.series.len(), 1);
        assert_eq!(c.series[0].label, "Ninewa");
        assert_eq!(c.series[0].points[0].y, 229_120.0);
    }

    #[test]
    fn a_partial_table_gets_an_unpublished_remainder_from_the_national_total() {
        let mut ds = Dataset::empty().unwrap();
        let d = day(2016, 12, 1);
        ds.idps_governorate
            .extend([row(d, 8, 400, false), row(d, 9, 300, false)]);
        ds.idps_national.push(crate::data::NationalPoint {
            date: d,
            date_precision: crate::data::DatePrecision::Month,
            round: Some(60),
            series: NationalSeries::Dtm,
            idps: 1000,
            returnees: None,
            households: None,
            precision: crate::data::Precision::Exact,
            source_id: "s".into(),
        });
        let c = governorates(&ds, &all(2014, 2024), Basis::Displacement);
        let last = c.series.last().unwrap();
        assert_eq!(last.label, "Other / not published");
        assert_eq!((last.points[0].base, last.points[0].y), (700.0, 300.0));
        assert_eq!(
            c.series[0].points[0].note.as_deref(),
            Some("partial table: 2 governorates published")
        );
    }

    #[test]
    fn a_single_date_gets_a_sensible_bar_width() {
        assert_eq!(bar_width([day(2020, 1, 1)].into_iter()), 300.0);
        assert_eq!(
            bar_width([day(2020, 1, 1), day(2020, 1, 11)].into_iter()),
            30.0
        );
    }
}

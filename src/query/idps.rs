//! IDP headline figures: latest, first and peak in range, and "displaced since 2014".
//!
//! With no governorate filter they come from the DTM national series (one point per
//! round, exact or derived figures only), joined with the `dtm_user` points of a
//! user's table that covers all 18 governorates (the user's value wins on a date both
//! have). With no national series at all, they are the sum over the governorates
//! present on each date, with their coverage ("6 of 18 governorates"), and first and
//! peak use only dates with the same governorates as the latest. With a filter they come from the complete
//! DTM governorate tables (basis: displacement), summed over the selected governorates
//! on the dates where every one of them has a value. Returnees exist only nationally,
//! so "displaced since 2014" then answers with no value and the national figure beside.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::{Filters, change_pct};
use crate::data::{Basis, Dataset, NationalSeries, Pcode, Precision};

/// One figure of a series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdpPoint {
    pub date: NaiveDate,
    pub value: u64,
    pub round: Option<u32>,
    pub source_id: String,
}

/// Where a governorate-filtered figure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// Every DTM round (national series).
    EveryRound,
    /// One round per year (the bundled governorate tables).
    YearEndRounds,
}

/// Current IDPs plus returnees: people displaced at some point since 2014.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplacedSince2014 {
    /// The figure for the filters, or `None` when the filter has no returnee breakdown.
    pub point: Option<IdpPoint>,
    /// The national figure, given beside a governorate-filtered answer.
    pub national: Option<IdpPoint>,
}

/// How many governorates a figure sums, when it is not national.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    pub governorates: usize,
    pub of: usize,
}

/// The IDP headline for the filters.
#[derive(Debug, Clone, PartialEq)]
pub struct IdpHeadline {
    /// Set when the figures sum the governorates present (no national series loaded).
    pub coverage: Option<Coverage>,
    pub latest: Option<IdpPoint>,
    pub first: Option<IdpPoint>,
    pub peak: Option<IdpPoint>,
    pub change_pct: Option<f64>,
    pub change_from_peak_pct: Option<f64>,
    pub resolution: Resolution,
    pub displaced_since_2014: DisplacedSince2014,
}

/// The DTM national series in range, by date (exact and derived figures only): the
/// `dtm` series, where a user's `dtm_user` point replaces the one of the same date.
#[must_use]
pub fn national_series(dataset: &Dataset, filters: &Filters) -> Vec<IdpPoint> {
    let in_range = |series: NationalSeries| {
        dataset
            .idps_national
            .iter()
            .filter(move |p| p.series == series)
            .filter(|p| matches!(p.precision, Precision::Exact | Precision::Derived))
            .filter(|p| filters.contains(p.date))
            .map(|p| IdpPoint {
                date: p.date,
                value: p.idps,
                round: p.round,
                source_id: p.source_id.clone(),
            })
    };
    let user: Vec<IdpPoint> = in_range(NationalSeries::DtmUser).collect();
    let mut points: Vec<IdpPoint> = in_range(NationalSeries::Dtm)
        .filter(|p| user.iter().all(|u| u.date != p.date))
        .collect();
    points.extend(user);
    points.sort_by_key(|p| p.date);
    points
}

/// With no national series: the sum of the governorates present on each date, on
/// the dates that have the same governorates as the latest.
#[must_use]
pub fn governorate_sum_series(
    dataset: &Dataset,
    filters: &Filters,
) -> (Vec<IdpPoint>, Option<Coverage>) {
    let tables = governorate_tables(dataset, filters, Basis::Displacement, false);
    let Some(latest) = tables.values().next_back() else {
        return (Vec::new(), None);
    };
    let present: BTreeSet<Pcode> = latest.values.keys().copied().collect();
    let coverage = Coverage {
        governorates: present.len(),
        of: dataset.gazetteer.governorates().len().max(18),
    };
    let points = tables
        .iter()
        .filter(|(_, t)| t.values.keys().copied().collect::<BTreeSet<_>>() == present)
        .map(|(date, t)| IdpPoint {
            date: *date,
            value: t.values.values().sum(),
            round: t.round,
            source_id: t.source_id.clone(),
        })
        .collect();
    (points, Some(coverage))
}

/// The DTM governorate tables for one basis, in range: date → (source, round,
/// governorate → individuals). Panels of one figure are summed. Where two sources
/// cover the same date, a user's table wins over a bundled one, else the first loaded
/// is kept; sources are never added together. `complete_only` leaves out bundled
/// partial tables (a user's table always counts).
#[must_use]
pub fn governorate_tables(
    dataset: &Dataset,
    filters: &Filters,
    basis: Basis,
    complete_only: bool,
) -> BTreeMap<NaiveDate, GovernorateTable> {
    let mut tables: BTreeMap<NaiveDate, GovernorateTable> = BTreeMap::new();
    let user = |id: &str| dataset.user_sources.contains(id);
    for row in &dataset.idps_governorate {
        let mine = user(&row.source_id);
        if row.basis != basis
            || !filters.contains(row.date)
            || (complete_only && !row.complete && !mine)
        {
            continue;
        }
        let fresh = || GovernorateTable {
            source_id: row.source_id.clone(),
            round: row.round,
            complete: row.complete,
            values: BTreeMap::new(),
        };
        let table = tables.entry(row.date).or_insert_with(fresh);
        if mine && !user(&table.source_id) {
            *table = fresh();
        }
        if table.source_id == row.source_id {
            table.complete &= row.complete;
            *table.values.entry(row.pcode).or_insert(0) += row.individuals;
        }
    }
    tables
}

/// One governorate breakdown on one date, from one source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GovernorateTable {
    pub source_id: String,
    pub round: Option<u32>,
    /// The source's table covers every governorate.
    pub complete: bool,
    pub values: BTreeMap<Pcode, u64>,
}

/// The selected governorates' summed IDPs, on dates where every one has a value.
#[must_use]
pub fn governorate_series(
    dataset: &Dataset,
    filters: &Filters,
    selected: &BTreeSet<Pcode>,
) -> Vec<IdpPoint> {
    if selected.is_empty() {
        return Vec::new();
    }
    governorate_tables(dataset, filters, Basis::Displacement, true)
        .into_iter()
        .filter_map(|(date, t)| {
            let values: Option<Vec<u64>> =
                selected.iter().map(|p| t.values.get(p).copied()).collect();
            values.map(|v| IdpPoint {
                date,
                value: v.iter().sum(),
                round: t.round,
                source_id: t.source_id,
            })
        })
        .collect()
}

/// The IDP headline figures for the filters.
#[must_use]
pub fn headline(dataset: &Dataset, filters: &Filters) -> IdpHeadline {
    let (series, resolution, coverage) = match &filters.governorates {
        None => {
            let (series, coverage) = national_or_sum(dataset, filters);
            (series, Resolution::EveryRound, coverage)
        }
        Some(selected) => (
            governorate_series(dataset, filters, selected),
            Resolution::YearEndRounds,
            None,
        ),
    };
    let latest = series.last().cloned();
    let first = series.first().cloned();
    // The highest value; the earliest date wins a tie.
    let peak = series
        .iter()
        .fold(None::<&IdpPoint>, |best, p| match best {
            Some(b) if b.value >= p.value => Some(b),
            _ => Some(p),
        })
        .cloned();
    let change = |from: &Option<IdpPoint>| match (from, &latest) {
        (Some(f), Some(l)) => change_pct(f.value, l.value),
        _ => None,
    };
    let national_since = displaced_since_2014_national(dataset, filters);
    let displaced_since_2014 = if filters.is_national() {
        DisplacedSince2014 {
            point: national_since,
            national: None,
        }
    } else {
        DisplacedSince2014 {
            point: None,
            national: national_since,
        }
    };
    IdpHeadline {
        coverage,
        change_pct: change(&first),
        change_from_peak_pct: change(&peak),
        latest,
        first,
        peak,
        resolution,
        displaced_since_2014,
    }
}

/// The national series, or with none loaded the sum of the governorates present
/// with its coverage (what the headline and the time chart show with no filter).
#[must_use]
pub fn national_or_sum(dataset: &Dataset, filters: &Filters) -> (Vec<IdpPoint>, Option<Coverage>) {
    if has_national(dataset) {
        (national_series(dataset, filters), None)
    } else {
        governorate_sum_series(dataset, filters)
    }
}

/// True when a national DTM series (bundled or a user's complete table) is loaded.
fn has_national(dataset: &Dataset) -> bool {
    dataset
        .idps_national
        .iter()
        .any(|p| matches!(p.series, NationalSeries::Dtm | NationalSeries::DtmUser))
}

/// IDPs plus returnees at the latest DTM date in range that has both.
#[must_use]
pub fn displaced_since_2014_national(dataset: &Dataset, filters: &Filters) -> Option<IdpPoint> {
    dataset
        .idps_national
        .iter()
        .filter(|p| p.series == NationalSeries::Dtm && filters.contains(p.date))
        .filter_map(|p| {
            p.returnees.map(|r| IdpPoint {
                date: p.date,
                value: p.idps + r,
                round: p.round,
                source_id: p.source_id.clone(),
            })
        })
        .max_by_key(|p| p.date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{DatePrecision, GovernoratePoint, NationalPoint};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn national(date: NaiveDate, idps: u64, returnees: Option<u64>) -> NationalPoint {
        NationalPoint {
            date,
            date_precision: DatePrecision::Day,
            round: Some(1),
            series: NationalSeries::Dtm,
            idps,
            returnees,
            households: None,
            precision: Precision::Exact,
            source_id: "s".into(),
        }
    }

    fn gov(date: NaiveDate, pcode: u8, n: u64, panel: Option<&str>) -> GovernoratePoint {
        GovernoratePoint {
            date,
            round: None,
            pcode: Pcode::new(pcode).unwrap(),
            basis: Basis::Displacement,
            individuals: n,
            panel: panel.map(String::from),
            complete: true,
            source_id: "s".into(),
        }
    }

    fn filters(from: i32, to: i32, govs: Option<&[u8]>) -> Filters {
        Filters {
            governorates: govs.map(|g| g.iter().map(|n| Pcode::new(*n).unwrap()).collect()),
            from,
            to,
        }
    }

    #[test]
    fn empty_dataset_has_no_figures() {
        let h = headline(&Dataset::default(), &filters(2014, 2024, None));
        assert_eq!(
            (h.latest, h.first, h.peak, h.change_pct),
            (None, None, None, None)
        );
        assert_eq!(h.displaced_since_2014.point, None);
    }

    #[test]
    fn a_single_point_is_latest_first_and_peak_with_no_change() {
        let mut ds = Dataset::default();
        ds.idps_national.push(national(day(2020, 1, 1), 500, None));
        let h = headline(&ds, &filters(2014, 2024, None));
        assert_eq!(h.latest.as_ref().map(|p| p.value), Some(500));
        assert_eq!(h.latest, h.first);
        assert_eq!(h.latest, h.peak);
        assert_eq!(h.change_pct, Some(0.0));
    }

    #[test]
    fn peak_change_and_range_follow_the_filters() {
        let mut ds = Dataset::default();
        for (y, v) in [(2015, 100), (2016, 400), (2017, 400), (2018, 200)] {
            ds.idps_national.push(national(day(y, 6, 30), v, None));
        }
        let h = headline(&ds, &filters(2014, 2024, None));
        assert_eq!(h.peak.map(|p| p.date), Some(day(2016, 6, 30)));
        assert_eq!(h.change_pct, Some(100.0));
        assert_eq!(h.change_from_peak_pct, Some(-50.0));
        let h = headline(&ds, &filters(2017, 2024, None));
        assert_eq!(h.first.map(|p| p.value), Some(400));
    }

    #[test]
    fn rounded_and_other_series_never_enter_the_headline() {
        let mut ds = Dataset::default();
        let mut rounded = national(day(2023, 6, 30), 1_100_000, None);
        rounded.precision = Precision::Rounded;
        let mut unhcr = national(day(2023, 12, 31), 9, None);
        unhcr.series = NationalSeries::UnhcrYearEnd;
        ds.idps_national.extend([rounded, unhcr]);
        assert_eq!(headline(&ds, &filters(2014, 2024, None)).latest, None);
    }

    #[test]
    fn displaced_since_2014_uses_the_latest_date_with_returnees() {
        let mut ds = Dataset::default();
        ds.idps_national
            .push(national(day(2022, 6, 30), 10, Some(5)));
        ds.idps_national.push(national(day(2023, 6, 30), 8, None));
        let h = headline(&ds, &filters(2014, 2024, None));
        assert_eq!(h.displaced_since_2014.point.map(|p| p.value), Some(15));
        let h = headline(&ds, &filters(2014, 2024, Some(&[15])));
        assert_eq!(h.displaced_since_2014.point, None);
        assert_eq!(h.displaced_since_2014.national.map(|p| p.value), Some(15));
    }

    #[test]
    fn governorates_sum_only_where_all_have_values_and_panels_add_up() {
        let mut ds = Dataset::default();
        ds.idps_governorate.extend([
            gov(day(2016, 12, 31), 9, 10, None),
            gov(day(2017, 12, 31), 9, 20, Some("a")),
            gov(day(2017, 12, 31), 9, 5, Some("b")),
            gov(day(2017, 12, 31), 11, 7, None),
        ]);
        let h = headline(&ds, &filters(2014, 2024, Some(&[9, 11])));
        assert_eq!(h.latest.as_ref().map(|p| p.value), Some(32));
        assert_eq!(h.first, h.latest, "2016 lacks Erbil, so it is not a point");
        assert_eq!(h.resolution, Resolution::YearEndRounds);
        let none = headline(&ds, &filters(2014, 2024, Some(&[])));
        assert_eq!(none.latest, None);
    }

    fn user(date: NaiveDate, pcode: u8, n: u64) -> GovernoratePoint {
        GovernoratePoint {
            complete: false,
            source_id: "file:mine.csv".into(),
            ..gov(date, pcode, n, None)
        }
    }

    #[test]
    fn without_a_national_series_governorates_are_summed_with_their_coverage() {
        let mut ds = Dataset::default();
        ds.user_sources.insert("file:mine.csv".into());
        ds.idps_governorate.extend([
            user(day(2022, 12, 31), 9, 100),
            user(day(2022, 12, 31), 15, 900),
            user(day(2023, 6, 30), 9, 50),
            user(day(2023, 12, 31), 9, 40),
            user(day(2023, 12, 31), 15, 500),
        ]);
        let h = headline(&ds, &filters(2014, 2024, None));
        assert_eq!(
            h.coverage,
            Some(Coverage {
                governorates: 2,
                of: 18
            })
        );
        assert_eq!(h.latest.as_ref().map(|p| p.value), Some(540));
        // June 2023 lacks Ninewa: not comparable, so neither first nor peak.
        assert_eq!(h.first.as_ref().map(|p| p.date), Some(day(2022, 12, 31)));
        assert_eq!(h.peak.as_ref().map(|p| p.value), Some(1000));
    }

    #[test]
    fn a_user_point_replaces_the_bundled_one_on_the_same_date_only() {
        let mut ds = Dataset::default();
        ds.idps_national
            .push(national(day(2023, 12, 31), 1000, None));
        ds.idps_national.push(national(day(2024, 4, 30), 900, None));
        let mut mine = national(day(2024, 4, 30), 950, None);
        mine.series = NationalSeries::DtmUser;
        mine.source_id = "file:mine.csv".into();
        ds.idps_national.push(mine);
        let series = national_series(&ds, &filters(2014, 2024, None));
        assert_eq!(
            series.iter().map(|p| p.value).collect::<Vec<_>>(),
            [1000, 950]
        );
        let h = headline(&ds, &filters(2014, 2024, None));
        assert_eq!(h.latest.map(|p| p.source_id), Some("file:mine.csv".into()));
        assert_eq!(h.coverage, None);
    }

    #[test]
    fn a_user_governorate_table_wins_its_date_and_is_never_added_to_bundled_rows() {
        let mut ds = Dataset::default();
        ds.user_sources.insert("file:mine.csv".into());
        ds.idps_governorate.extend([
            gov(day(2024, 4, 30), 15, 229_120, None),
            user(day(2024, 4, 30), 15, 1000),
        ]);
        let h = headline(&ds, &filters(2014, 2024, Some(&[15])));
        assert_eq!(h.latest.map(|p| p.value), Some(1000));
    }
}

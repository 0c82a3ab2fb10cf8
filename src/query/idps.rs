//! IDP headline figures: latest, first and peak in range, and "displaced since 2014".
//!
//! With no governorate filter they come from the DTM national series (one point per
//! round, exact or derived figures only) and, for the year-ends after DTM's last
//! round, from its continuation: DTM's figures as UNHCR republishes them
//! (`unhcr_year_end`, [`continuation`]), each point marked
//! [`FigureBasis::DtmViaUnhcr`] and never presented as a round. With no national series at all, they are
//! the sum over the governorates present on each date, with their coverage ("6 of 18
//! governorates"), and first and peak use only dates with the same governorates as
//! the latest. With a filter they come from the complete governorate tables (basis:
//! displacement: DTM's own, then UNHCR's reproductions of them after DTM's last
//! round, marked as such), summed over the selected governorates on the dates where
//! every one of them has a value. Returnees exist only nationally, so "displaced
//! since 2014" then answers with no value and the national figure beside.
//!
//! **A user's figures never replace or alter a bundled series** (DESIGN §7): the
//! `dtm_user` points of a user's complete table, and a user's governorate tables,
//! are their own series ([`user_national_series`], [`user_governorate_tables`]).
//! The headline takes the newest date from either; on a date both have, the bundled
//! figure stays and the difference is reported ([`IdpHeadline::differences`]).

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
    /// Whose publication the figure is: DTM's own, or DTM's as UNHCR republished it.
    pub basis: FigureBasis,
}

/// Who published a figure of the DTM series the headline uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FigureBasis {
    /// IOM DTM's own round total or governorate table (or a user's DTM file).
    Dtm,
    /// IOM DTM's figure as UNHCR republishes it (Refugee Data Finder), used for the
    /// year-ends after DTM's last round: never a DTM round.
    DtmViaUnhcr,
}

impl FigureBasis {
    /// The token of `summary --json` (`"basis"`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            FigureBasis::Dtm => "dtm",
            FigureBasis::DtmViaUnhcr => "dtm_via_unhcr",
        }
    }

    /// How the figures are named on screen and in exports.
    #[must_use]
    pub fn words(self) -> &'static str {
        match self {
            FigureBasis::Dtm => "IOM DTM",
            FigureBasis::DtmViaUnhcr => DTM_VIA_UNHCR,
        }
    }
}

/// The name of DTM's figures as UNHCR republishes them, everywhere they are shown.
pub const DTM_VIA_UNHCR: &str = "IOM DTM figures as published by UNHCR";

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
    /// A later IDPs-plus-returnees figure from a second-hand source (press), shown
    /// for comparison only, never as the headline.
    pub comparison: Option<SinceComparison>,
}

/// IDPs and returnees that a second-hand source gives for one later date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SinceComparison {
    pub date: NaiveDate,
    pub idps: u64,
    pub returnees: u64,
    pub source_id: String,
}

impl SinceComparison {
    /// IDPs plus returnees.
    #[must_use]
    pub fn total(&self) -> u64 {
        self.idps + self.returnees
    }
}

/// How many governorates a figure sums, when it is not national.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    pub governorates: usize,
    pub of: usize,
}

/// A user's own series: the source it comes from (`file:NAME`) and its points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserSeries {
    pub source_id: String,
    pub points: Vec<IdpPoint>,
}

/// A date on which a user's file and the bundled figures both have a value, and
/// the values differ. The bundled figure is the one shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub user: IdpPoint,
    pub bundled: IdpPoint,
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
    /// Dates in range where a user's file says something else than the bundled data.
    pub differences: Vec<Difference>,
}

/// The points of one national series in range, by date (exact and derived only).
fn national_points(
    dataset: &Dataset,
    filters: &Filters,
    series: NationalSeries,
) -> impl Iterator<Item = IdpPoint> {
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
            basis: FigureBasis::Dtm,
        })
}

/// The date of DTM's last bundled round (`dtm` with an exact or derived figure, not
/// a user's file), in any year.
#[must_use]
pub fn last_dtm_round(dataset: &Dataset) -> Option<NaiveDate> {
    dataset
        .idps_national
        .iter()
        .filter(|p| p.series == NationalSeries::Dtm)
        .filter(|p| matches!(p.precision, Precision::Exact | Precision::Derived))
        .map(|p| p.date)
        .max()
}

/// Every figure of DTM's continuation after its last round, in any year: the
/// bundled `unhcr_year_end` figures dated after it (UNHCR has reproduced DTM's
/// December round exactly every year since 2017). A user's UNHCR file is its own
/// series, never part of it.
fn continuation_points(dataset: &Dataset) -> impl Iterator<Item = IdpPoint> {
    let last = last_dtm_round(dataset);
    dataset
        .idps_national
        .iter()
        .filter(move |p| {
            p.series == NationalSeries::UnhcrYearEnd && last.is_some_and(|last| p.date > last)
        })
        .filter(|p| matches!(p.precision, Precision::Exact | Precision::Derived))
        .filter(|p| {
            !dataset.user_sources.contains(&p.source_id) && !p.source_id.starts_with("file:")
        })
        .map(|p| IdpPoint {
            date: p.date,
            value: p.idps,
            round: None,
            source_id: p.source_id.clone(),
            basis: FigureBasis::DtmViaUnhcr,
        })
}

/// DTM's continuation in range: its figures as UNHCR published them for the
/// year-ends after its last round, by date ("IOM DTM figures as published by UNHCR").
#[must_use]
pub fn continuation(dataset: &Dataset, filters: &Filters) -> Vec<IdpPoint> {
    let mut points: Vec<IdpPoint> = continuation_points(dataset)
        .filter(|p| filters.contains(p.date))
        .collect();
    points.sort_by_key(|p| p.date);
    points
}

/// The dates of DTM's continuation, in any year (for the year range's bounds).
#[must_use]
pub fn continuation_dates(dataset: &Dataset) -> Vec<NaiveDate> {
    continuation_points(dataset).map(|p| p.date).collect()
}

/// The DTM national series `dtm` in range, by date (exact and derived figures only).
/// A user's points are never part of it (see [`user_national_series`]).
#[must_use]
pub fn national_series(dataset: &Dataset, filters: &Filters) -> Vec<IdpPoint> {
    let mut points: Vec<IdpPoint> =
        national_points(dataset, filters, NationalSeries::Dtm).collect();
    points.sort_by_key(|p| p.date);
    points
}

/// The `dtm_user` points of the user's complete tables in range, one series per
/// file, in the order the files were loaded.
#[must_use]
pub fn user_national_series(dataset: &Dataset, filters: &Filters) -> Vec<UserSeries> {
    let mut out: Vec<UserSeries> = Vec::new();
    for p in national_points(dataset, filters, NationalSeries::DtmUser) {
        match out.iter_mut().find(|s| s.source_id == p.source_id) {
            Some(s) => s.points.push(p),
            None => out.push(UserSeries {
                source_id: p.source_id.clone(),
                points: vec![p],
            }),
        }
    }
    for s in &mut out {
        s.points.sort_by_key(|p| p.date);
    }
    out
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
            basis: t.basis,
        })
        .collect();
    (points, Some(coverage))
}

/// One governorate breakdown on one date, from one source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GovernorateTable {
    pub source_id: String,
    pub round: Option<u32>,
    /// The source's table covers every governorate.
    pub complete: bool,
    /// DTM's own table, or UNHCR's reproduction of DTM's (the end-2024 and end-2025
    /// tables, whose Dahuk and Diyala may be coded differently from DTM's own).
    pub basis: FigureBasis,
    pub values: BTreeMap<Pcode, u64>,
}

/// Whose table a bundled governorate source is: UNHCR's (Refugee Data Finder)
/// reproduction of DTM's, or DTM's own. A user's file is its own (DTM) table.
#[must_use]
pub fn table_basis(dataset: &Dataset, source_id: &str) -> FigureBasis {
    if dataset.user_sources.contains(source_id) || source_id.starts_with("file:") {
        return FigureBasis::Dtm;
    }
    match dataset.source(source_id) {
        Some(s) if s.publisher.starts_with("UNHCR") => FigureBasis::DtmViaUnhcr,
        _ => FigureBasis::Dtm,
    }
}

/// Every governorate table of one basis in range, one per (source, date), panels of
/// one figure summed; sources in the order their rows were loaded.
fn tables_by_source(
    dataset: &Dataset,
    filters: &Filters,
    basis: Basis,
) -> Vec<(String, BTreeMap<NaiveDate, GovernorateTable>)> {
    let mut out: Vec<(String, BTreeMap<NaiveDate, GovernorateTable>)> = Vec::new();
    for row in dataset
        .idps_governorate
        .iter()
        .filter(|r| r.basis == basis && filters.contains(r.date))
    {
        if out.iter().all(|(s, _)| *s != row.source_id) {
            out.push((row.source_id.clone(), BTreeMap::new()));
        }
        let Some((_, tables)) = out.iter_mut().find(|(s, _)| *s == row.source_id) else {
            continue;
        };
        let table = tables.entry(row.date).or_insert_with(|| GovernorateTable {
            source_id: row.source_id.clone(),
            round: row.round,
            complete: row.complete,
            basis: table_basis(dataset, &row.source_id),
            values: BTreeMap::new(),
        });
        table.complete &= row.complete;
        *table.values.entry(row.pcode).or_insert(0) += row.individuals;
    }
    out
}

/// True when the bundled data (any source not from a user's file) has a governorate
/// table of this basis, in any year.
fn has_bundled_tables(dataset: &Dataset, basis: Basis) -> bool {
    dataset
        .idps_governorate
        .iter()
        .any(|r| r.basis == basis && !dataset.user_sources.contains(&r.source_id))
}

/// The governorate tables the charts and the headline are drawn from, for one basis
/// in range: date → (source, round, governorate → individuals). They are the bundled
/// tables; a user's tables take this place only when no bundled table of the basis
/// is loaded at all (`--no-bundled`), and are otherwise their own series
/// ([`user_governorate_tables`]). Where two sources cover the same date the first
/// loaded is kept; sources are never added together. `complete_only` leaves out
/// bundled partial tables (a user's table always counts).
#[must_use]
pub fn governorate_tables(
    dataset: &Dataset,
    filters: &Filters,
    basis: Basis,
    complete_only: bool,
) -> BTreeMap<NaiveDate, GovernorateTable> {
    let bundled = has_bundled_tables(dataset, basis);
    let mut out: BTreeMap<NaiveDate, GovernorateTable> = BTreeMap::new();
    for (source, tables) in tables_by_source(dataset, filters, basis) {
        let mine = dataset.user_sources.contains(&source);
        if mine == bundled {
            continue;
        }
        for (date, table) in tables {
            if complete_only && !table.complete && !mine {
                continue;
            }
            out.entry(date).or_insert(table);
        }
    }
    out
}

/// A user's governorate tables of one basis in range that are not among
/// [`governorate_tables`]: their own series, drawn beside the bundled ones. One
/// entry per file (in the order loaded), its tables by date.
#[must_use]
pub fn user_governorate_tables(
    dataset: &Dataset,
    filters: &Filters,
    basis: Basis,
) -> Vec<(String, BTreeMap<NaiveDate, GovernorateTable>)> {
    let shown = governorate_tables(dataset, filters, basis, true);
    tables_by_source(dataset, filters, basis)
        .into_iter()
        .filter(|(source, _)| dataset.user_sources.contains(source))
        .map(|(source, tables)| {
            let own: BTreeMap<NaiveDate, GovernorateTable> = tables
                .into_iter()
                .filter(|(date, _)| shown.get(date).is_none_or(|t| t.source_id != source))
                .collect();
            (source, own)
        })
        .filter(|(_, tables)| !tables.is_empty())
        .collect()
}

/// The selected governorates' sum in each table that has every one of them.
fn selected_sums<'a>(
    tables: impl IntoIterator<Item = (&'a NaiveDate, &'a GovernorateTable)>,
    selected: &BTreeSet<Pcode>,
) -> Vec<IdpPoint> {
    if selected.is_empty() {
        return Vec::new();
    }
    tables
        .into_iter()
        .filter_map(|(date, t)| {
            let values: Option<Vec<u64>> =
                selected.iter().map(|p| t.values.get(p).copied()).collect();
            values.map(|v| IdpPoint {
                date: *date,
                value: v.iter().sum(),
                round: t.round,
                source_id: t.source_id.clone(),
                basis: t.basis,
            })
        })
        .collect()
}

/// The selected governorates' summed IDPs, on dates where every one has a value.
#[must_use]
pub fn governorate_series(
    dataset: &Dataset,
    filters: &Filters,
    selected: &BTreeSet<Pcode>,
) -> Vec<IdpPoint> {
    selected_sums(
        &governorate_tables(dataset, filters, Basis::Displacement, true),
        selected,
    )
}

/// Each selected governorate's own IDPs, on every date that has it (the tables of
/// [`governorate_series`]).
#[must_use]
pub fn governorate_lines(
    dataset: &Dataset,
    filters: &Filters,
    selected: &BTreeSet<Pcode>,
) -> Vec<(Pcode, Vec<IdpPoint>)> {
    let tables = governorate_tables(dataset, filters, Basis::Displacement, true);
    selected
        .iter()
        .map(|pcode| {
            let points = tables
                .iter()
                .filter_map(|(date, t)| {
                    t.values.get(pcode).map(|v| IdpPoint {
                        date: *date,
                        value: *v,
                        round: t.round,
                        source_id: t.source_id.clone(),
                        basis: t.basis,
                    })
                })
                .collect();
            (*pcode, points)
        })
        .collect()
}

/// The selected governorates' sum in each of a user's own tables (those of
/// [`user_governorate_tables`]) that has every one of them: one series per file.
#[must_use]
pub fn user_governorate_series(
    dataset: &Dataset,
    filters: &Filters,
    selected: &BTreeSet<Pcode>,
) -> Vec<UserSeries> {
    user_governorate_tables(dataset, filters, Basis::Displacement)
        .into_iter()
        .map(|(source_id, tables)| UserSeries {
            source_id,
            points: selected_sums(&tables, selected),
        })
        .filter(|s| !s.points.is_empty())
        .collect()
}

/// The bundled series with the user's points on the dates it lacks (the first file
/// wins a date no bundled figure has), and the dates where the two differ.
fn merge(bundled: Vec<IdpPoint>, users: Vec<UserSeries>) -> (Vec<IdpPoint>, Vec<Difference>) {
    let mut merged = bundled;
    let official: BTreeMap<NaiveDate, IdpPoint> =
        merged.iter().map(|p| (p.date, p.clone())).collect();
    let mut differences = Vec::new();
    for user in users {
        for p in user.points {
            match official.get(&p.date) {
                Some(b) if b.value != p.value => differences.push(Difference {
                    user: p,
                    bundled: b.clone(),
                }),
                None if merged.iter().all(|m| m.date != p.date) => merged.push(p),
                // Equal to the bundled figure, or a date an earlier file has.
                _ => {}
            }
        }
    }
    merged.sort_by_key(|p| p.date);
    differences.sort_by_key(|d| d.user.date);
    (merged, differences)
}

/// The IDP headline figures for the filters.
#[must_use]
pub fn headline(dataset: &Dataset, filters: &Filters) -> IdpHeadline {
    let (bundled, users, resolution, coverage) = match &filters.governorates {
        None if has_national(dataset) => (
            dtm_and_continuation(dataset, filters),
            user_national_series(dataset, filters),
            Resolution::EveryRound,
            None,
        ),
        None => {
            let (series, coverage) = governorate_sum_series(dataset, filters);
            (series, Vec::new(), Resolution::EveryRound, coverage)
        }
        Some(selected) => (
            governorate_series(dataset, filters, selected),
            user_governorate_series(dataset, filters, selected),
            Resolution::YearEndRounds,
            None,
        ),
    };
    let (series, differences) = merge(bundled, users);
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
    let comparison = since_comparison(dataset, filters, national_since.as_ref());
    let displaced_since_2014 = if filters.is_national() {
        DisplacedSince2014 {
            point: national_since,
            national: None,
            comparison,
        }
    } else {
        DisplacedSince2014 {
            point: None,
            national: national_since,
            comparison,
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
        differences,
    }
}

/// The DTM national series in range followed by its continuation after the last
/// round ([`continuation`]): the series the national headline reads.
#[must_use]
pub fn dtm_and_continuation(dataset: &Dataset, filters: &Filters) -> Vec<IdpPoint> {
    let mut points = national_series(dataset, filters);
    points.extend(continuation(dataset, filters));
    points.sort_by_key(|p| p.date);
    points
}

/// True when a national DTM series (bundled or a user's complete table) is loaded.
#[must_use]
pub fn has_national(dataset: &Dataset) -> bool {
    dataset
        .idps_national
        .iter()
        .any(|p| matches!(p.series, NationalSeries::Dtm | NationalSeries::DtmUser))
}

/// The bundled copy of DTM's national totals per round. Every bundled `dtm` row's
/// IDP figure is this series' (datasets/README.md); where a round's report was read
/// the row names that report instead, which prints the same total.
const DTM_NATIONAL_TOTALS: &str = "dtm_api_admin0";

/// The source that documents a point's IDP figure. A bundled `dtm` row names the
/// document read for its round, which for round 132 is a returnee dataset page: its
/// IDP total is DTM's national total of the round, so a source about returnees only
/// is replaced by [`DTM_NATIONAL_TOTALS`] (when loaded). A user's file is its own
/// source.
#[must_use]
pub fn idp_figure_source<'a>(dataset: &Dataset, point: &'a IdpPoint) -> &'a str {
    let id = point.source_id.as_str();
    if dataset.user_sources.contains(id) || id.starts_with("file:") {
        return id;
    }
    let returnees_only = dataset.source(id).is_some_and(|s| {
        let title = s.title.to_lowercase();
        title.contains("returnee") && !title.contains("displace") && !title.contains("idp")
    });
    if returnees_only && dataset.source(DTM_NATIONAL_TOTALS).is_some() {
        DTM_NATIONAL_TOTALS
    } else {
        id
    }
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
                basis: FigureBasis::Dtm,
            })
        })
        .max_by_key(|p| p.date)
}

/// The latest second-hand (`secondary`) IDPs-and-returnees figure in range dated
/// after `headline`'s date: shown beside "displaced since 2014" for comparison
/// (bundled: 1,031,475 + 4,927,890 at the end of 2024, from the press), never used
/// for it.
fn since_comparison(
    dataset: &Dataset,
    filters: &Filters,
    headline: Option<&IdpPoint>,
) -> Option<SinceComparison> {
    let after = headline?.date;
    dataset
        .idps_national
        .iter()
        .filter(|p| p.series == NationalSeries::Secondary && p.date > after)
        .filter(|p| filters.contains(p.date))
        .filter_map(|p| {
            p.returnees.map(|r| SinceComparison {
                date: p.date,
                idps: p.idps,
                returnees: r,
                source_id: p.source_id.clone(),
            })
        })
        .max_by_key(|c| c.date)
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
    fn after_the_last_round_unhcrs_year_ends_continue_the_dtm_series() {
        let mut ds = Dataset::default();
        ds.idps_national
            .push(national(day(2024, 4, 30), 900, Some(100)));
        for (date, n, series) in [
            // Before the last round: a comparison, not the continuation.
            (day(2023, 12, 31), 1000, NationalSeries::UnhcrYearEnd),
            (day(2024, 12, 31), 800, NationalSeries::UnhcrYearEnd),
            (day(2025, 12, 31), 700, NationalSeries::UnhcrYearEnd),
            (day(2025, 12, 31), 1, NationalSeries::IdmcStock),
        ] {
            let mut p = national(date, n, None);
            p.series = series;
            p.round = None;
            ds.idps_national.push(p);
        }
        let f = filters(2014, 2025, None);
        let c = continuation(&ds, &f);
        assert_eq!(
            c.iter().map(|p| (p.value, p.basis)).collect::<Vec<_>>(),
            [
                (800, FigureBasis::DtmViaUnhcr),
                (700, FigureBasis::DtmViaUnhcr)
            ]
        );
        let h = headline(&ds, &f);
        let latest = h.latest.unwrap();
        assert_eq!((latest.value, latest.round), (700, None));
        assert_eq!(latest.basis, FigureBasis::DtmViaUnhcr);
        assert_eq!(national_series(&ds, &f).len(), 1, "never a DTM round");
        // "Displaced since 2014" stays at the last date DTM gave both figures.
        assert_eq!(h.displaced_since_2014.point.map(|p| p.value), Some(1000));
        let h = headline(&ds, &filters(2014, 2024, None));
        assert_eq!(h.latest.map(|p| p.value), Some(800));
        // A user's UNHCR file is its own series, never the continuation.
        ds.idps_national[2].source_id = "file:unhcr.csv".into();
        assert_eq!(continuation(&ds, &f).len(), 1);
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
    fn a_user_point_never_replaces_the_bundled_one_and_its_difference_is_reported() {
        let mut ds = Dataset::default();
        ds.idps_national
            .push(national(day(2023, 12, 31), 1000, None));
        ds.idps_national.push(national(day(2024, 4, 30), 900, None));
        for (date, n) in [(day(2024, 4, 30), 950), (day(2024, 8, 31), 940)] {
            let mut mine = national(date, n, None);
            mine.series = NationalSeries::DtmUser;
            mine.source_id = "file:mine.csv".into();
            ds.idps_national.push(mine);
        }
        let f = filters(2014, 2024, None);
        let series = national_series(&ds, &f);
        assert_eq!(
            series.iter().map(|p| p.value).collect::<Vec<_>>(),
            [1000, 900],
            "the DTM series is DTM's alone"
        );
        let users = user_national_series(&ds, &f);
        assert_eq!(users.len(), 1);
        assert_eq!(users[0].source_id, "file:mine.csv");
        assert_eq!(
            users[0].points.iter().map(|p| p.value).collect::<Vec<_>>(),
            [950, 940]
        );
        // The newest date from either is the latest; on 30 April both have one and
        // DTM's stays, with the difference reported.
        let h = headline(&ds, &f);
        assert_eq!(h.latest.map(|p| p.value), Some(940));
        assert_eq!(h.differences.len(), 1);
        let d = &h.differences[0];
        assert_eq!((d.user.value, d.bundled.value), (950, 900));
        assert_eq!(d.user.date, day(2024, 4, 30));
        assert_eq!(h.coverage, None);
    }

    #[test]
    fn a_user_governorate_table_never_replaces_a_bundled_one() {
        let mut ds = Dataset::default();
        ds.user_sources.insert("file:mine.csv".into());
        ds.idps_governorate.extend([
            gov(day(2024, 4, 30), 15, 229_120, None),
            user(day(2024, 4, 30), 15, 1000),
            user(day(2024, 8, 31), 15, 900),
        ]);
        let f = filters(2014, 2024, None);
        let tables = governorate_tables(&ds, &f, Basis::Displacement, true);
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[&day(2024, 4, 30)].source_id, "s");
        let mine = user_governorate_tables(&ds, &f, Basis::Displacement);
        assert_eq!(mine.len(), 1);
        assert_eq!(mine[0].1.len(), 2);
        let h = headline(&ds, &filters(2014, 2024, Some(&[15])));
        assert_eq!(h.latest.map(|p| p.value), Some(900));
        assert_eq!(
            h.differences
                .iter()
                .map(|d| (d.user.value, d.bundled.value))
                .collect::<Vec<_>>(),
            [(1000, 229_120)]
        );
    }

    #[test]
    fn without_bundled_tables_a_users_tables_are_the_ones_drawn() {
        let mut ds = Dataset::default();
        ds.user_sources.insert("file:mine.csv".into());
        ds.idps_governorate.push(user(day(2024, 4, 30), 15, 1000));
        let f = filters(2014, 2024, None);
        assert_eq!(
            governorate_tables(&ds, &f, Basis::Displacement, true).len(),
            1
        );
        assert!(user_governorate_tables(&ds, &f, Basis::Displacement).is_empty());
    }

    #[test]
    fn each_selected_governorate_has_its_own_line() {
        let mut ds = Dataset::default();
        ds.idps_governorate.extend([
            gov(day(2016, 12, 31), 9, 10, None),
            gov(day(2017, 12, 31), 9, 20, None),
            gov(day(2017, 12, 31), 11, 7, None),
        ]);
        let selected: BTreeSet<Pcode> = [9, 11].map(|n| Pcode::new(n).unwrap()).into();
        let lines = governorate_lines(&ds, &filters(2014, 2024, None), &selected);
        let values: Vec<Vec<u64>> = lines
            .iter()
            .map(|(_, points)| points.iter().map(|p| p.value).collect())
            .collect();
        assert_eq!(values, [vec![10, 20], vec![7]]);
    }

    #[test]
    fn the_idp_figure_of_a_returnee_page_is_cited_from_dtm_national_totals() {
        let ds = Dataset::bundled().unwrap();
        let r132 = national_series(&ds, &filters(2014, 2024, None))
            .pop()
            .unwrap();
        assert_eq!((r132.round, r132.value), (Some(132), 1_098_913));
        assert_eq!(r132.source_id, "dtm_r132_dataset");
        assert_eq!(idp_figure_source(&ds, &r132), "dtm_api_admin0");
        let h = headline(&ds, &filters(2014, 2020, None));
        let latest = h.latest.unwrap();
        assert_eq!(idp_figure_source(&ds, &latest), "dtm_r119_report");
    }
}

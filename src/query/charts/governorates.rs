//! IDPs by governorate: one basis at a time, governorates stacked per date.
//!
//! Bases are never stacked on one another (in-camp people are part of the
//! displaced; origin counts the same people again). The largest governorates get
//! their own colour; the rest are summed as "Other governorates". Where a basis has
//! complete tables in range only those are drawn; otherwise its partial tables are,
//! each with an "Other / not published" remainder when the national total of that
//! date is known, and never presented as a full distribution.
//!
//! A user's table is its own series, never part of a bundled bar: one narrow bar
//! per date beside the bundled one, labelled "your file: NAME", its governorates
//! stacked in one colour (each segment names its governorate). With no bundled
//! table of the basis loaded (`--no-bundled`), the first file's tables are drawn
//! as the coloured stacks instead.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{after_data, governorate_colours, markers, source_line, subtitle};
use crate::data::{Basis, Dataset, DatePrecision, NationalSeries, Pcode};
use crate::model::{
    Band, ChartId, ChartSpec, Point, Series, SeriesKind, Unit, day_number, long_date,
};
use crate::palette;
use crate::query::Filters;
use crate::query::charts::user_file_name;
use crate::query::idps::{
    DTM_VIA_UNHCR, FigureBasis, GovernorateTable, governorate_tables, user_governorate_tables,
};
use crate::query::rows::{Charted, IdpRow, dtm_date_precision, table_series};

/// How many governorates get bars of their own (each its own colour); the rest are
/// summed.
const OWN_COLOURS: usize = palette::GOVERNORATE_COLOURS;
/// Palette index of "Other governorates".
const OTHER_COLOUR: usize = palette::OTHER;
/// Palette index of the unpublished remainder of a partial table.
const REMAINDER_COLOUR: usize = palette::REMAINDER;
/// Palette indices of the user's files' bars, first file first. The remainder's
/// grey is free whenever complete tables are drawn (it appears only with partial
/// ones).
const USER_COLOURS: [usize; 3] = [7, 4, 5];
/// With a user's bars beside: the share of a date's slot the bundled bar keeps
/// (centred on its date); the user's bars share the rest, to its right.
const BUNDLED_SHARE: f64 = 0.6;

/// The tooltip note of a bar from UNHCR's reproduction of DTM's tables.
const VIA_UNHCR_NOTE: &str = "IOM DTM figures as published by UNHCR (Refugee Data Finder): \
     not a DTM round; Dahuk and Diyala may be coded differently from DTM's own tables";

/// A band over the dates whose bars are UNHCR's reproduction of DTM's tables, so
/// they read as such without hovering; none when there are none.
fn via_unhcr_band(
    tables: &BTreeMap<NaiveDate, GovernorateTable>,
    filters: &Filters,
    width: f64,
) -> Vec<Band> {
    let dates: Vec<(&NaiveDate, &GovernorateTable)> = tables
        .iter()
        .filter(|(_, t)| t.basis == FigureBasis::DtmViaUnhcr)
        .collect();
    let (Some((first, t)), Some((last, _))) = (dates.first(), dates.last()) else {
        return Vec::new();
    };
    let top = tables
        .values()
        .map(|t| {
            t.values
                .iter()
                .filter(|(p, _)| filters.selects(**p))
                .map(|(_, v)| v)
                .sum::<u64>()
        })
        .max()
        .unwrap_or(0) as f64;
    // Within the filter's years, so the label sits over the bars on screen.
    let end = NaiveDate::from_ymd_opt(filters.to, 12, 31).map_or(f64::MAX, day_number);
    vec![Band {
        from_x: day_number(**first) - width * 0.75,
        to_x: (day_number(**last) + width * 0.75).min(end),
        y: top * 1.02,
        // Short, so it fits over two bars on a laptop screen; the bars' tooltips
        // say it in full ("IOM DTM figures as published by UNHCR", with the caveat).
        label: "UNHCR".into(),
        source_id: t.source_id.clone(),
    }]
}

/// What the source line adds when UNHCR's tables are drawn, so the caveat travels
/// with every export: " · End-2024 and end-2025 bars: IOM DTM figures as published
/// by UNHCR (…Dahuk and Diyala…)". Empty otherwise. (No "; ", which separates
/// publishers in source lines.)
fn via_unhcr_caveat(tables: &BTreeMap<NaiveDate, GovernorateTable>) -> String {
    use chrono::Datelike;
    let years: Vec<String> = tables
        .iter()
        .filter(|(_, t)| t.basis == FigureBasis::DtmViaUnhcr)
        .map(|(d, _)| format!("end-{}", d.year()))
        .collect();
    let Some((last, rest)) = years.split_last() else {
        return String::new();
    };
    let which = if rest.is_empty() {
        last.clone()
    } else {
        format!("{} and {last}", rest.join(", "))
    }
    .replacen("end-", "End-", 1);
    format!(
        " \u{b7} {which} bars: {DTM_VIA_UNHCR}, whose tables may code Dahuk and Diyala differently from DTM's own"
    )
}

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
    let users = user_governorate_tables(dataset, filters, basis);
    let shown = shown_governorates(&tables, filters);
    let (slot, width) = bar_widths(&tables, &users);
    let mut rows = Vec::new();
    let mut series = bundled_bars(dataset, filters, basis, &tables, &shown, width, &mut rows);
    let chart = UserBars {
        dataset,
        filters,
        basis,
        shown: &shown,
    };
    let user_width = slot * (1.0 - BUNDLED_SHARE) / users.len().max(1) as f64;
    for (i, (source_id, user_tables)) in users.iter().enumerate() {
        // To the right of the bundled bar: its right edge, then the files in order.
        let place = BarPlace {
            offset: width / 2.0 + user_width * (i as f64 + 0.5),
            width: user_width,
            colour: USER_COLOURS[i % USER_COLOURS.len()],
        };
        series.push(chart.series(source_id, user_tables, &place, &mut rows));
    }
    series.retain(|s| !s.points.is_empty());
    let mut source = source_line(
        dataset,
        tables
            .values()
            .map(|t| t.source_id.as_str())
            .chain(users.iter().map(|(id, _)| id.as_str())),
    );
    source.push_str(&via_unhcr_caveat(&tables));
    let spec = ChartSpec {
        id: ChartId::Governorates,
        title: basis_title(basis).into(),
        subtitle: subtitle(dataset, filters, false),
        unit: Unit::People,
        series,
        markers: markers(dataset, filters),
        after_data: after_data(dataset, filters),
        bands: via_unhcr_band(&tables, filters, width),
        source_line: source,
        empty_message: super::empty_message(filters, "governorate breakdown for this basis"),
        national_only: false,
        notes: Vec::new(),
    };
    Charted { spec, rows }
}

/// The bundled tables' stacked bars: a series per shown governorate, then "Other
/// governorates" and the unpublished remainder of partial tables; one row per bar.
fn bundled_bars(
    dataset: &Dataset,
    filters: &Filters,
    basis: Basis,
    tables: &BTreeMap<NaiveDate, GovernorateTable>,
    shown: &[Pcode],
    width: f64,
    rows: &mut Vec<IdpRow>,
) -> Vec<Series> {
    let mut series = own_series(dataset, filters, shown);
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
    for (date, table) in tables {
        let x = day_number(*date);
        let row = |pcodes: Vec<Pcode>, legend: &str, value: u64| IdpRow {
            date: *date,
            // UNHCR's tables are year-end figures.
            date_precision: if table.basis == FigureBasis::DtmViaUnhcr {
                DatePrecision::Year
            } else {
                dtm_date_precision(dataset, *date)
            },
            series: table_series(dataset, &table.source_id),
            round: table.round,
            pcodes,
            governorate: legend.to_string(),
            basis,
            value,
            source_id: table.source_id.clone(),
            legend: legend.to_string(),
        };
        let note = if table.basis == FigureBasis::DtmViaUnhcr {
            Some(VIA_UNHCR_NOTE.to_string())
        } else {
            (!table.complete).then(|| {
                format!(
                    "partial table: {} governorates published",
                    table.values.len()
                )
            })
        };
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
        for (s, pcode) in series.iter_mut().zip(shown) {
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
    series
}

/// Where a user's bars go beside each date, and their colour.
struct BarPlace {
    /// Days right of the date.
    offset: f64,
    width: f64,
    colour: usize,
}

/// What a user's bars need of the chart.
struct UserBars<'a> {
    dataset: &'a Dataset,
    filters: &'a Filters,
    basis: Basis,
    /// The governorates with their own colour, in stacking order.
    shown: &'a [Pcode],
}

impl UserBars<'_> {
    /// One user file's tables as its own series: a bar per date, its governorates
    /// stacked in one colour (the shown ones first, in the chart's order), each
    /// segment naming its governorate; one row per segment.
    fn series(
        &self,
        source_id: &str,
        tables: &BTreeMap<NaiveDate, GovernorateTable>,
        place: &BarPlace,
        rows: &mut Vec<IdpRow>,
    ) -> Series {
        let Self {
            dataset,
            filters,
            basis,
            shown,
        } = *self;
        let label = user_file_name(source_id);
        let mut bars = Series::new(label.clone(), SeriesKind::Bars, place.colour, Vec::new());
        for (date, table) in tables {
            let mut order: Vec<Pcode> = shown
                .iter()
                .copied()
                .filter(|p| table.values.contains_key(p))
                .collect();
            order.extend(
                table
                    .values
                    .keys()
                    .filter(|p| !shown.contains(p) && filters.selects(**p)),
            );
            let mut base = 0.0;
            for pcode in order {
                let Some(&value) = table.values.get(&pcode) else {
                    continue;
                };
                let name = dataset.gazetteer.name(pcode);
                bars.points.push(Point {
                    x: day_number(*date) + place.offset,
                    y: value as f64,
                    base,
                    width: place.width,
                    label: long_date(*date),
                    note: Some(format!(
                        "{name} (your file: {} of its governorates on this date)",
                        table.values.len()
                    )),
                    source_id: source_id.to_string(),
                });
                base += value as f64;
                rows.push(IdpRow {
                    date: *date,
                    date_precision: dtm_date_precision(dataset, *date),
                    series: table_series(dataset, source_id),
                    round: table.round,
                    pcodes: vec![pcode],
                    governorate: name,
                    basis,
                    value,
                    source_id: source_id.to_string(),
                    legend: label.clone(),
                });
            }
        }
        bars
    }
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

/// A date's slot (the width [`bar_width`] gives) and the bundled bar's width in it:
/// all of it, or with a user's bars beside, [`BUNDLED_SHARE`] of it.
fn bar_widths(
    tables: &BTreeMap<NaiveDate, GovernorateTable>,
    users: &[(String, BTreeMap<NaiveDate, GovernorateTable>)],
) -> (f64, f64) {
    let dates: std::collections::BTreeSet<NaiveDate> = tables
        .keys()
        .chain(users.iter().flat_map(|(_, t)| t.keys()))
        .copied()
        .collect();
    let slot = bar_width(dates.into_iter());
    if users.is_empty() {
        (slot, slot)
    } else {
        (slot, slot * BUNDLED_SHARE)
    }
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

    #[test]
    fn the_april_2024_bars_stay_bundled_and_a_users_table_is_its_own_bars() {
        let mut ds = Dataset::bundled().unwrap();
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/good/dtm_master_list_made_up.csv");
        let parsed = ds.read_file(&path).unwrap();
        let name = path.display().to_string();
        ds.add(&name, parsed, false);
        let charted = governorates_with_rows(&ds, &all(2014, 2024), Basis::Displacement);
        let c = &charted.spec;
        let (april_date, december_date) = (day(2024, 4, 30), day(2023, 12, 31));
        let april = day_number(april_date);
        let december = day_number(december_date);
        let mine = format!("your file: {name}");
        let total = |at: NaiveDate, user: bool| -> f64 {
            c.series
                .iter()
                .filter(|s| (s.label == mine) == user)
                .flat_map(|s| s.points.iter())
                .filter(|p| p.label == long_date(at))
                .map(|p| p.y)
                .sum()
        };
        // DTM's own table on both dates, as without the file: no remainder block.
        assert!(c.series.iter().all(|s| s.label != "Other / not published"));
        assert_eq!(total(april_date, false), 1_098_913.0);
        assert_eq!(total(december_date, false), 1_123_663.0);
        // The file's tables: their own series, one bar per date, to the right.
        let labels: Vec<&str> = c.series.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(
            labels.iter().filter(|l| **l == mine).count(),
            1,
            "{labels:?}"
        );
        assert_eq!(labels.last().copied(), Some(mine.as_str()));
        assert_eq!(total(april_date, true), 70_009.0);
        assert_eq!(total(december_date, true), 34_740.0);
        let user = c.series.iter().find(|s| s.label == mine).unwrap();
        let bundled = &c.series[0];
        assert!(user.points.iter().all(|p| p.x > december));
        assert!(user.colour != bundled.colour);
        let ninewa = user
            .points
            .iter()
            .find(|p| {
                p.label == long_date(april_date)
                    && p.note.as_deref().is_some_and(|n| n.starts_with("Ninewa"))
            })
            .unwrap();
        assert_eq!(ninewa.y, 30_003.0);
        // No two bars overlap: the bundled bar and the user's share the date's slot.
        let bar = bundled.points.iter().find(|p| p.x == april).unwrap();
        assert!(ninewa.x - ninewa.width / 2.0 >= bar.x + bar.width / 2.0 - 1e-9);
        // CSV rows: the file's, with series user_file and one row per segment.
        let rows: Vec<&IdpRow> = charted
            .rows
            .iter()
            .filter(|r| r.source_id.starts_with("file:"))
            .collect();
        assert_eq!(rows.len(), 21);
        assert!(
            rows.iter()
                .all(|r| r.series == "user_file" && r.legend == mine)
        );
    }

    #[test]
    fn unhcrs_tables_are_the_newest_bars_marked_as_unhcrs_reproduction_of_dtm() {
        let ds = Dataset::bundled().unwrap();
        let f = Filters::all(&ds);
        let charted = governorates_with_rows(&ds, &f, Basis::Displacement);
        let ninewa = charted
            .spec
            .series
            .iter()
            .find(|s| s.label == "Ninewa")
            .unwrap();
        let last: Vec<(String, f64)> = ninewa
            .points
            .iter()
            .rev()
            .take(3)
            .map(|p| (p.label.clone(), p.y))
            .collect();
        assert_eq!(
            last,
            [
                ("31 Dec 2025".to_string(), 198_287.0),
                ("31 Dec 2024".to_string(), 221_911.0),
                ("30 Apr 2024".to_string(), 229_120.0)
            ]
        );
        let note = |i: usize| ninewa.points[ninewa.points.len() - 1 - i].note.clone();
        assert!(
            note(0).is_some_and(
                |n| n.contains("as published by UNHCR") && n.contains("Dahuk and Diyala")
            )
        );
        assert_eq!(note(2), None, "round 132 is DTM's own table");
        assert_eq!(charted.spec.bands.len(), 1);
        assert_eq!(charted.spec.bands[0].label, "UNHCR");
        let end_2025 = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
        assert_eq!(charted.spec.bands[0].to_x, day_number(end_2025));
        let rows: Vec<&str> = charted
            .rows
            .iter()
            .filter(|r| r.date == end_2025)
            .map(|r| r.series)
            .collect();
        assert!(!rows.is_empty() && rows.iter().all(|s| *s == "unhcr_year_end"));
        assert!(
            charted.spec.source_line.ends_with(
                " \u{b7} End-2024 and end-2025 bars: IOM DTM figures as published by UNHCR, whose tables may code Dahuk and Diyala differently from DTM's own"
            ),
            "{}",
            charted.spec.source_line
        );
        // A range ending in 2023 has no UNHCR table and no band.
        let to_2023 = Filters { to: 2023, ..f };
        assert!(
            governorates(&ds, &to_2023, Basis::Displacement)
                .bands
                .is_empty()
        );
    }
}

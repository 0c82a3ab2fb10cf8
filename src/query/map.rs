//! The map's figures: a [`MapSpec`] for the filters, a measure and a date.
//!
//! Every governorate is on the map whatever the governorate filter (the selected ones
//! are outlined); the year range picks the dates. The default date is the latest
//! governorate table of the measure in range (UNHCR's end-2025 republication of DTM's
//! table included, and named as such). A governorate a table does not cover is "no
//! data", never zero. "Change since the first date" compares each governorate with
//! the first complete table in range (the first table at all when the measure has
//! no complete one).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, OnceLock};

use chrono::NaiveDate;

use super::Filters;
use super::charts::{DTM_CREDIT, source_line, subtitle};
use super::idps::{FigureBasis, GovernorateTable, governorate_tables};
use crate::data::boundaries::Boundaries;
use crate::data::bundled::BOUNDARIES_CREDIT;
use crate::data::{Basis, Dataset, Pcode};
use crate::map::Geometry;
use crate::map::spec::{
    DIVERGING, MapClass, MapMeasure, MapRequest, MapSpec, MapValue, NO_DATA, SEQUENTIAL,
};
use crate::map::spec::{change_text, value_text};
use crate::map::tiles::tile_of;
use crate::model::{Cell, CsvTable, TableSpec, day_number, long_date, thousands};

/// The map for these filters and this request.
#[must_use]
pub fn map(dataset: &Dataset, filters: &Filters, request: &MapRequest) -> MapSpec {
    let measure = request.measure;
    let years = Filters {
        governorates: None,
        ..filters.clone()
    };
    let basis = match measure {
        MapMeasure::Displacement | MapMeasure::Change | MapMeasure::Compared => Basis::Displacement,
        MapMeasure::Origin => Basis::Origin,
        MapMeasure::InCamp => Basis::InCamp,
    };
    let all = governorate_tables(dataset, &years, basis, false);
    let complete = governorate_tables(dataset, &years, basis, true);
    let compared = compared_tables(&all, request);
    // The base of "change since": complete tables where the measure has them.
    let (base, tables) = match &compared {
        Some((from, to)) => (from, to),
        None if measure == MapMeasure::Change || measure == MapMeasure::Compared => (
            if complete.is_empty() { &all } else { &complete },
            &complete,
        ),
        None => (if complete.is_empty() { &all } else { &complete }, &all),
    };
    let dates: Vec<NaiveDate> = tables.keys().copied().collect();
    let date = pick_date(&dates, request.date);
    let first_date = base.keys().next().copied();
    let table = date.and_then(|d| tables.get(&d));
    let values: Vec<MapValue> = dataset
        .gazetteer
        .governorates()
        .iter()
        .map(|g| {
            let v = governorate_value(g, measure, table, base, date);
            MapValue {
                source: v.value.and(table).map(|t| table_source(dataset, t)),
                selected: filters
                    .governorates
                    .as_ref()
                    .is_some_and(|s| s.contains(&g.pcode)),
                ..v
            }
        })
        .collect();
    let present: Vec<i64> = values.iter().filter_map(|v| v.value).collect();
    let classes = if measure.is_change() {
        diverging_classes(&present)
    } else {
        sequential_classes(&present)
    };
    let values = values
        .into_iter()
        .map(|mut v| {
            v.class = v.value.and_then(|x| class_of(&classes, x));
            v
        })
        .collect();
    MapSpec {
        title: title(measure, date, first_date),
        subtitle: map_subtitle(dataset, filters),
        measure,
        date,
        dates,
        first_date,
        values,
        classes,
        no_data: MapClass {
            label: "No data".into(),
            colour: NO_DATA,
            from: 0,
            to: 0,
        },
        unit: if measure.is_change() {
            "change in IDPs (people)".into()
        } else {
            "IDPs (people)".into()
        },
        source_line: spec_source_line(
            dataset,
            table,
            first_date.and_then(|d| base.get(&d)),
            measure,
        ),
        boundary_credit: dataset.boundaries.as_ref().map_or_else(
            || BOUNDARIES_CREDIT.to_string(),
            crate::data::boundaries::Boundaries::credit,
        ),
        notes: notes(table),
        empty: table.is_none().then(|| {
            format!(
                "No {} table by governorate in {}",
                basis_words(measure),
                super::cards::years(filters)
            )
        }),
        compared: request.compare,
    }
}

/// The compared dates' tables, for [`MapMeasure::Compared`]: the first one's is
/// the base, the second's is drawn (each alone, so the date cannot move off them).
fn compared_tables(
    all: &BTreeMap<NaiveDate, GovernorateTable>,
    request: &MapRequest,
) -> Option<(
    BTreeMap<NaiveDate, GovernorateTable>,
    BTreeMap<NaiveDate, GovernorateTable>,
)> {
    let only = |date: NaiveDate| -> BTreeMap<NaiveDate, GovernorateTable> {
        all.get(&date)
            .map(|t| (date, t.clone()))
            .into_iter()
            .collect()
    };
    request
        .compare
        .filter(|_| request.measure == MapMeasure::Compared)
        .map(|(from, to)| (only(from), only(to)))
}

/// One governorate's figure on the date, with the change since its first table.
fn governorate_value(
    g: &crate::data::Governorate,
    measure: MapMeasure,
    table: Option<&GovernorateTable>,
    base: &BTreeMap<NaiveDate, GovernorateTable>,
    date: Option<NaiveDate>,
) -> MapValue {
    let now = table.and_then(|t| t.values.get(&g.pcode).copied());
    let first = first_with(base, g.pcode, date);
    let change = match (now, first) {
        (Some(v), Some((_, f))) => Some(v as i64 - f as i64),
        _ => None,
    };
    let value = if measure.is_change() {
        change
    } else {
        now.map(|v| v as i64)
    };
    MapValue {
        pcode: g.pcode,
        name_en: g.name_en.clone(),
        name_ar: g.name_ar.clone(),
        short: tile_of(g.pcode).map_or_else(|| g.name_en.clone(), |t| t.short.into()),
        value,
        class: None,
        date: value.and(date),
        source: None,
        first,
        change,
        change_pct: match (change, first) {
            (Some(c), Some((_, f))) if f > 0 => Some(c as f64 / f as f64 * 100.0),
            _ => None,
        },
        selected: false,
    }
}

/// The requested date if a table has it, else the latest before it (the earliest
/// when none is before); the latest when none is requested.
fn pick_date(dates: &[NaiveDate], requested: Option<NaiveDate>) -> Option<NaiveDate> {
    match requested {
        None => dates.last().copied(),
        Some(r) => dates
            .iter()
            .rev()
            .find(|d| **d <= r)
            .or(dates.first())
            .copied(),
    }
}

/// The first table (on or before `until`) that has this governorate.
fn first_with(
    tables: &BTreeMap<NaiveDate, GovernorateTable>,
    pcode: Pcode,
    until: Option<NaiveDate>,
) -> Option<(NaiveDate, u64)> {
    tables
        .iter()
        .take_while(|(d, _)| until.is_none_or(|u| **d <= u))
        .find_map(|(d, t)| t.values.get(&pcode).map(|v| (*d, *v)))
}

fn basis_words(measure: MapMeasure) -> &'static str {
    match measure {
        MapMeasure::Displacement | MapMeasure::Change | MapMeasure::Compared => "IDP",
        MapMeasure::Origin => "IDPs-by-origin",
        MapMeasure::InCamp => "IDPs-in-camps",
    }
}

fn title(measure: MapMeasure, date: Option<NaiveDate>, first: Option<NaiveDate>) -> String {
    let what = match measure {
        MapMeasure::Displacement => "IDPs by governorate of displacement",
        MapMeasure::Origin => "IDPs by governorate of origin",
        MapMeasure::InCamp => "IDPs in camps by governorate",
        MapMeasure::Change | MapMeasure::Compared => {
            "Change in IDPs by governorate of displacement"
        }
    };
    match (measure.is_change(), date, first) {
        (true, Some(d), Some(f)) => {
            format!("{what}, {} to {}", long_date(f), long_date(d))
        }
        (_, Some(d), _) => format!("{what}, {}", long_date(d)),
        _ => what.to_string(),
    }
}

fn map_subtitle(dataset: &Dataset, filters: &Filters) -> String {
    let line = subtitle(dataset, filters, false);
    if filters.governorates.as_ref().is_some_and(|s| !s.is_empty()) {
        format!("{line} \u{b7} every governorate shown, the selected ones outlined")
    } else {
        line
    }
}

/// Who published a table, as the source line names them.
fn table_source(dataset: &Dataset, table: &GovernorateTable) -> String {
    if table.basis == FigureBasis::DtmViaUnhcr {
        format!("{DTM_CREDIT}, as published by UNHCR")
    } else {
        source_line(dataset, [table.source_id.as_str()])
            .trim_start_matches("Source: ")
            .to_string()
    }
}

fn spec_source_line(
    dataset: &Dataset,
    table: Option<&GovernorateTable>,
    first: Option<&GovernorateTable>,
    measure: MapMeasure,
) -> String {
    let mut names: Vec<String> = Vec::new();
    let used = if measure.is_change() {
        vec![first, table]
    } else {
        vec![table]
    };
    for t in used.into_iter().flatten() {
        let name = table_source(dataset, t);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    // DTM's own table and its UNHCR republication credit DTM once.
    let via = format!("{DTM_CREDIT}, as published by UNHCR");
    if names.contains(&via) && names.iter().any(|n| n == DTM_CREDIT) {
        names.retain(|n| *n != via);
        if let Some(n) = names.iter_mut().find(|n| *n == DTM_CREDIT) {
            *n = format!("{DTM_CREDIT} (the later date as published by UNHCR)");
        }
    }
    if names.is_empty() {
        String::new()
    } else {
        format!("Source: {}", names.join("; "))
    }
}

fn notes(table: Option<&GovernorateTable>) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(t) = table {
        if !t.complete {
            out.push(
                "The source's table does not cover every governorate: those it leaves out are \"no data\""
                    .into(),
            );
        }
        if t.basis == FigureBasis::DtmViaUnhcr {
            out.push(format!(
                "{}: not a DTM round; Dahuk and Diyala may be coded differently from DTM's own tables",
                super::idps::DTM_VIA_UNHCR
            ));
        }
    }
    out
}

/// A number rounded to two significant figures (12,345 → 12,000), for breaks.
fn nice(x: u64) -> u64 {
    if x < 100 {
        return x;
    }
    let mut step = 1u64;
    while x / step >= 100 {
        step *= 10;
    }
    (x / step) * step
}

/// Up to five classes with breaks at the quintiles of the values, rounded.
fn sequential_classes(values: &[i64]) -> Vec<MapClass> {
    let mut sorted: Vec<u64> = values.iter().map(|v| (*v).max(0) as u64).collect();
    sorted.sort_unstable();
    let (Some(&min), Some(&max)) = (sorted.first(), sorted.last()) else {
        return Vec::new();
    };
    let mut breaks: Vec<u64> = (1..5)
        .map(|k| nice(sorted[k * sorted.len() / 5]))
        .filter(|b| *b > min && *b <= max)
        .collect();
    breaks.dedup();
    let n = breaks.len() + 1;
    let mut edges = vec![0u64];
    edges.extend(&breaks);
    edges.push(max.max(1));
    (0..n)
        .map(|i| {
            let (from, to) = (edges[i], edges[i + 1]);
            let label = if n == 1 {
                format!("0 to {}", thousands(to))
            } else if i == 0 {
                format!("under {}", thousands(to))
            } else if i == n - 1 {
                format!("{} or more", thousands(from))
            } else {
                format!("{} to {}", thousands(from), thousands(to))
            };
            let colour = if n == 1 {
                SEQUENTIAL[2]
            } else {
                SEQUENTIAL[i * (SEQUENTIAL.len() - 1) / (n - 1)]
            };
            MapClass {
                label,
                colour,
                from: from as i64,
                to: to as i64,
            }
        })
        .collect()
}

/// Six classes centred on zero, three each side: breaks at a tenth and a third of
/// the largest change (rounded), so small changes near zero stay apart from large ones.
fn diverging_classes(values: &[i64]) -> Vec<MapClass> {
    let Some(largest) = values.iter().map(|v| v.unsigned_abs()).max() else {
        return Vec::new();
    };
    let tenth = nice(largest.div_ceil(10)).max(1) as i64;
    let third = (nice(largest.div_ceil(3)) as i64).max(tenth + 1);
    let signed = |v: i64| match v.cmp(&0) {
        std::cmp::Ordering::Less => format!("\u{2212}{}", thousands(v.unsigned_abs())),
        std::cmp::Ordering::Greater => format!("+{}", thousands(v.unsigned_abs())),
        std::cmp::Ordering::Equal => "0".to_string(),
    };
    let edges = [i64::MIN, -third, -tenth, 0, tenth, third, i64::MAX];
    (0..6)
        .map(|i| {
            let (from, to) = (edges[i], edges[i + 1]);
            let label = match i {
                0 => format!("{} or less", signed(to)),
                5 => format!("{} or more", signed(from)),
                _ => format!("{} to {}", signed(from), signed(to)),
            };
            MapClass {
                label,
                colour: DIVERGING[i],
                from,
                to,
            }
        })
        .collect()
}

/// The class a value falls in (`from <= v < to`; the last class includes its `to`).
fn class_of(classes: &[MapClass], v: i64) -> Option<usize> {
    let last = classes.len().checked_sub(1)?;
    classes
        .iter()
        .position(|c| c.from <= v && v < c.to)
        .or_else(|| (classes.get(last).is_some_and(|c| v >= c.from)).then_some(last))
        .or_else(|| (classes.first().is_some_and(|c| v < c.from)).then_some(0))
}

/// The shapes the map draws for this dataset: its user boundary file while loaded,
/// else the bundled geoBoundaries layer. Built once per boundary set and kept in a
/// process-wide cache keyed by the set itself (`None`: the bundled one), so a filter
/// change never re-parses or re-triangulates; a bundled layer that cannot be read
/// gives an empty map.
#[must_use]
pub fn geometry(dataset: &Dataset) -> Arc<Geometry> {
    type Cache = Mutex<Option<(Option<Boundaries>, Arc<Geometry>)>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(None));
    let mut held = cache
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((key, geometry)) = held.as_ref()
        && *key == dataset.boundaries
    {
        return Arc::clone(geometry);
    }
    let geometry = Arc::new(dataset.map_boundaries().map_or_else(
        |_| Geometry::of(Vec::new(), false, Vec::new()),
        |b| Geometry::new(&b),
    ));
    *held = Some((dataset.boundaries.clone(), Arc::clone(&geometry)));
    geometry
}

/// The map's figures as the table view shows them: governorate, value, date,
/// change since the first date, source; one row per governorate, "no data" kept.
#[must_use]
pub fn map_table(spec: &MapSpec) -> TableSpec {
    let columns = vec![
        "Governorate".to_string(),
        spec.unit.clone(),
        "Date".to_string(),
        "Change since the first date".to_string(),
        "Source".to_string(),
    ];
    let rows = spec
        .values
        .iter()
        .map(|v| {
            let value = value_text(spec.measure, v.value);
            vec![
                Cell::text(v.name_en.clone()),
                match v.value {
                    Some(n) => Cell::number(n as f64, value),
                    None => Cell::text(value),
                },
                match v.date {
                    Some(d) => Cell::number(day_number(d), long_date(d)),
                    None => Cell::text(""),
                },
                Cell::text(change_text(v).unwrap_or_default()),
                Cell::text(v.source.clone().unwrap_or_default()),
            ]
        })
        .collect();
    TableSpec { columns, rows }
}

/// The map's figures as CSV cells: one row per governorate, the value as plain
/// digits (empty where there is no data), the date as ISO 8601.
#[must_use]
pub fn map_csv(spec: &MapSpec) -> CsvTable {
    let measure = match spec.measure {
        MapMeasure::Displacement => "idps_displacement",
        MapMeasure::Origin => "idps_origin",
        MapMeasure::InCamp => "idps_in_camp",
        MapMeasure::Change => "idps_change",
        MapMeasure::Compared => "idps_change_compared",
    };
    CsvTable {
        columns: vec!["governorate", "pcode", "measure", "value", "date", "source"],
        rows: spec
            .values
            .iter()
            .map(|v| {
                vec![
                    v.name_en.clone(),
                    v.pcode.to_string(),
                    measure.to_string(),
                    v.value.map(|n| n.to_string()).unwrap_or_default(),
                    v.date.map(|d| d.to_string()).unwrap_or_default(),
                    v.source.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Dataset {
        Dataset::bundled().unwrap()
    }

    fn p(n: u8) -> Pcode {
        Pcode::new(n).unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_default_is_displacement_at_unhcrs_end_2025_table() {
        let ds = bundled();
        let spec = map(&ds, &Filters::all(&ds), &MapRequest::default());
        assert_eq!(spec.date, Some(day(2025, 12, 31)));
        assert_eq!(
            spec.title,
            "IDPs by governorate of displacement, 31 Dec 2025"
        );
        assert_eq!(spec.values.len(), 18);
        let ninewa = spec.value(p(15)).unwrap();
        assert_eq!(ninewa.value, Some(198_287));
        assert_eq!(ninewa.date, Some(day(2025, 12, 31)));
        assert_eq!(ninewa.name_ar, "نينوى");
        // The change since DTM's first complete table in range (Dec 2014: 162,132).
        assert_eq!(ninewa.first, Some((day(2014, 12, 1), 162_132)));
        assert_eq!(ninewa.change, Some(198_287 - 162_132));
        assert_eq!(
            spec.source_line,
            "Source: International Organization for Migration (IOM), Displacement Tracking Matrix (DTM), as published by UNHCR"
        );
        assert_eq!(spec.boundary_credit, BOUNDARIES_CREDIT);
        assert!(spec.notes.iter().any(|n| n.contains("not a DTM round")));
        assert!(spec.dates.contains(&day(2024, 4, 30)));
        assert_eq!(spec.first_date, Some(day(2014, 12, 1)));
        assert!(spec.values.iter().all(|v| v.class.is_some()));
        assert!(spec.empty.is_none());
    }

    #[test]
    fn a_date_picks_that_table_and_dtms_own_source() {
        let ds = bundled();
        let request = MapRequest {
            measure: MapMeasure::Displacement,
            date: Some(day(2014, 12, 1)),
            compare: None,
        };
        let spec = map(&ds, &Filters::all(&ds), &request);
        assert_eq!(spec.date, Some(day(2014, 12, 1)));
        assert_eq!(spec.value(p(15)).unwrap().value, Some(162_132));
        assert_eq!(
            spec.source_line,
            "Source: International Organization for Migration (IOM), Displacement Tracking Matrix (DTM)"
        );
    }

    #[test]
    fn origin_tables_are_partial_and_leave_no_data() {
        let ds = bundled();
        let request = MapRequest {
            measure: MapMeasure::Origin,
            date: Some(day(2021, 12, 31)),
            compare: None,
        };
        let spec = map(&ds, &Filters::all(&ds), &request);
        assert_eq!(spec.date, Some(day(2021, 12, 31)));
        assert_eq!(spec.value(p(15)).unwrap().value, Some(664_929));
        let no_data = spec.values.iter().filter(|v| v.value.is_none()).count();
        assert!(no_data > 0);
        assert!(
            spec.values
                .iter()
                .filter(|v| v.value.is_none())
                .all(|v| v.class.is_none())
        );
        assert_eq!(
            spec.fill(p(8)),
            NO_DATA,
            "Baghdad: not among the origins published"
        );
        assert!(spec.notes[0].contains("does not cover every governorate"));
    }

    #[test]
    fn change_uses_a_diverging_scale_centred_on_zero() {
        let ds = bundled();
        let request = MapRequest {
            measure: MapMeasure::Change,
            date: None,
            compare: None,
        };
        let spec = map(&ds, &Filters::all(&ds), &request);
        assert_eq!(spec.classes.len(), 6);
        assert_eq!(spec.classes[3].from, 0);
        assert_eq!(spec.value(p(15)).unwrap().value, Some(36_155));
        assert_eq!(
            spec.title,
            "Change in IDPs by governorate of displacement, 1 Dec 2014 to 31 Dec 2025"
        );
        assert!(spec.unit.starts_with("change"));
        assert_eq!(
            spec.source_line,
            "Source: International Organization for Migration (IOM), Displacement Tracking Matrix (DTM) (the later date as published by UNHCR)"
        );
        // Anbar: 1 Dec 2014 to 31 Dec 2025, a fall.
        let anbar = spec.value(p(1)).unwrap();
        assert_eq!(anbar.value, Some(26_927 - 381_054));
        assert!(anbar.class.unwrap() < 3);
    }

    #[test]
    fn the_compared_dates_are_the_base_and_the_date_of_their_change() {
        let ds = bundled();
        let request = MapRequest {
            measure: MapMeasure::Compared,
            date: None,
            compare: Some((day(2017, 12, 31), day(2023, 12, 31))),
        };
        let spec = map(&ds, &Filters::all(&ds), &request);
        assert_eq!(spec.compared, request.compare);
        assert_eq!(
            spec.title,
            "Change in IDPs by governorate of displacement, 31 Dec 2017 to 31 Dec 2023"
        );
        assert_eq!(
            spec.dates,
            [day(2023, 12, 31)],
            "the date stays on the second"
        );
        assert_eq!(spec.first_date, Some(day(2017, 12, 31)));
        // Ninewa: 807,324 at the end of 2017, 239,124 at the end of 2023.
        let ninewa = spec.value(p(15)).unwrap();
        assert_eq!(ninewa.value, Some(239_124 - 807_324));
        assert_eq!(ninewa.first, Some((day(2017, 12, 31), 807_324)));
        assert_eq!(spec.classes.len(), 6, "diverging");
        assert_eq!(
            spec.source_line,
            "Source: International Organization for Migration (IOM), Displacement Tracking Matrix (DTM)"
        );
        // Without compared dates the measure is not offered (and draws as Change).
        let plain = map(&ds, &Filters::all(&ds), &MapRequest::default());
        assert_eq!(plain.compared, None);
    }

    #[test]
    fn a_governorate_filter_outlines_and_a_year_range_limits_the_dates() {
        let ds = bundled();
        let mut filters = Filters::all(&ds);
        filters.only(p(15));
        filters.from = 2016;
        filters.to = 2018;
        let spec = map(&ds, &filters, &MapRequest::default());
        assert!(spec.value(p(15)).unwrap().selected);
        assert!(!spec.value(p(9)).unwrap().selected);
        assert!(
            spec.dates
                .iter()
                .all(|d| (2016..=2018).contains(&chrono::Datelike::year(d)))
        );
        assert_eq!(spec.date, spec.dates.last().copied());
        assert!(
            spec.subtitle.starts_with("Ninewa \u{b7} 2016\u{2013}2018"),
            "{}",
            spec.subtitle
        );
    }

    #[test]
    fn nothing_in_range_says_so() {
        let ds = Dataset::empty().unwrap();
        let spec = map(&ds, &Filters::all(&ds), &MapRequest::default());
        assert_eq!(spec.date, None);
        assert!(spec.classes.is_empty());
        assert!(spec.empty.is_some());
        assert!(spec.values.iter().all(|v| v.value.is_none()));
    }

    #[test]
    fn classes_cover_every_value_with_rounded_breaks() {
        let values: Vec<i64> = vec![0, 5, 1_234, 12_345, 45_000, 98_000, 198_287, 1_500_000];
        let classes = sequential_classes(&values);
        assert!(classes.len() >= 3 && classes.len() <= 5);
        assert_eq!(classes[0].from, 0);
        assert!(classes[0].label.starts_with("under "));
        for v in values {
            assert!(class_of(&classes, v).is_some(), "{v}");
        }
        assert_eq!(nice(12_345), 12_000);
        assert_eq!(nice(198_287), 190_000);
        assert_eq!(class_of(&classes, 1_500_000), Some(classes.len() - 1));
        assert_eq!(sequential_classes(&[]), Vec::new());
    }
}

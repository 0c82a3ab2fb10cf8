//! The compare panel's chart (issue 13): two dates with governorate tables of
//! displacement, the change by governorate as diverging bars ([`CompareSpec`]), the
//! table view and the CSV (`export --table compare`), from [`crate::query::compare`].
//!
//! The dates are the choices' where the year range offers them, else the first and
//! the last complete table in range; partial tables are offered only when the choices
//! ask for them, and then are marked "(partial)" and their remainder is a bar of its
//! own. A fall and a rise have two colour-blind-safe colours of the palette; the
//! remainder is the palette's "not published" grey.

use chrono::NaiveDate;

use super::{DTM_CREDIT, source_line, subtitle};
use crate::data::{Basis, Dataset};
use crate::model::{
    Cell, CompareBar, CompareDate, CompareSpec, CsvTable, TableSpec, long_date, signed_count,
    signed_pct, thousands,
};
use crate::palette;
use crate::query::compare::{
    CSV_COLUMNS, ChangeRow, ComparableDate, Comparison, comparable_dates, compare,
};
use crate::query::idps::{DTM_VIA_UNHCR, FigureBasis};
use crate::query::{Choices, Filters};

/// The palette index of a fall in IDPs (orange, as the map's falls).
pub const FALL: usize = 1;
/// The palette index of a rise in IDPs (blue).
pub const RISE: usize = 0;

/// The start of DTM's method change (an in-camp household counted as 5 people, 6
/// before).
const METHOD_CHANGE: (i32, u32, u32) = (2020, 8, 1);

/// The compare panel's chart, table and CSV rows.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareView {
    pub spec: CompareSpec,
    pub table: TableSpec,
    pub csv: CsvTable,
}

/// The dates the panel offers for these filters and choices, oldest first.
#[must_use]
pub fn offered_dates(
    dataset: &Dataset,
    filters: &Filters,
    choices: &Choices,
) -> Vec<ComparableDate> {
    comparable_dates(
        dataset,
        filters,
        Basis::Displacement,
        choices.compare_partial,
    )
}

/// The two dates compared: the chosen ones where offered (and in order), else the
/// first and the last complete table offered (the first and last table at all when
/// fewer than two are complete); `None` when fewer than two dates are offered.
#[must_use]
pub fn chosen_dates(
    offered: &[ComparableDate],
    choices: &Choices,
) -> Option<(NaiveDate, NaiveDate)> {
    let complete: Vec<NaiveDate> = offered
        .iter()
        .filter(|d| d.complete)
        .map(|d| d.date)
        .collect();
    let all: Vec<NaiveDate> = offered.iter().map(|d| d.date).collect();
    let pool = if complete.len() >= 2 { &complete } else { &all };
    let (first, last) = (*pool.first()?, *pool.last()?);
    if first == last {
        return None;
    }
    let pick =
        |chosen: Option<NaiveDate>, default| chosen.filter(|d| all.contains(d)).unwrap_or(default);
    let (from, to) = (
        pick(choices.compare_from, first),
        pick(choices.compare_to, last),
    );
    Some(if from < to { (from, to) } else { (first, last) })
}

/// The compare panel for these filters and choices.
#[must_use]
pub fn compare_view(dataset: &Dataset, filters: &Filters, choices: &Choices) -> CompareView {
    let offered = offered_dates(dataset, filters, choices);
    let dates: Vec<CompareDate> = offered.iter().map(compare_date).collect();
    let mut spec = CompareSpec {
        title: TITLE.into(),
        subtitle: subtitle(dataset, filters, false),
        dates,
        with_partial: choices.compare_partial,
        ..CompareSpec::default()
    };
    let compared = chosen_dates(&offered, choices)
        .and_then(|(from, to)| compare(dataset, filters, Basis::Displacement, from, to).ok());
    let Some(c) = compared else {
        spec.empty = Some(format!(
            "Two governorate tables are needed to compare dates; {} has {}",
            crate::query::cards::years(filters),
            match offered.len() {
                0 => "none".to_string(),
                1 => "one".to_string(),
                n => format!("{n}, all partial"),
            }
        ));
        return CompareView {
            spec,
            table: TableSpec {
                columns: vec!["Governorate".into(), "Change".into()],
                rows: Vec::new(),
            },
            csv: CsvTable {
                columns: CSV_COLUMNS.to_vec(),
                rows: Vec::new(),
            },
        };
    };
    fill(&mut spec, dataset, filters, &c);
    CompareView {
        table: table(&spec, &c),
        csv: CsvTable {
            columns: CSV_COLUMNS.to_vec(),
            rows: c.csv_rows(dataset),
        },
        spec,
    }
}

const TITLE: &str = "Change in IDPs by governorate of displacement";

fn compare_date(d: &ComparableDate) -> CompareDate {
    CompareDate {
        date: d.date,
        label: if d.complete {
            long_date(d.date)
        } else {
            format!("{} (partial)", long_date(d.date))
        },
        complete: d.complete,
    }
}

/// The spec's title, national line, bars, scale, source line and notes.
fn fill(spec: &mut CompareSpec, dataset: &Dataset, filters: &Filters, c: &Comparison) {
    let (from, to) = (c.from.date, c.to.date);
    spec.title = format!("{TITLE}, {} to {}", long_date(from), long_date(to));
    spec.from = Some(compare_date(&c.from));
    spec.to = Some(compare_date(&c.to));
    spec.source_line = sources(dataset, &c.from, &c.to);
    spec.national = format!("Iraq: {}", change_words(&c.national));
    spec.bars = c
        .rows
        .iter()
        .map(|r| bar(dataset, r, &spec.source_line, false))
        .chain(
            c.remainder
                .iter()
                .map(|r| bar(dataset, r, &spec.source_line, true)),
        )
        .collect();
    let changes = spec.bars.iter().filter_map(|b| b.change);
    spec.min = changes.clone().min().unwrap_or(0).min(0);
    spec.max = changes.max().unwrap_or(0).max(0);
    if spec.min == spec.max {
        spec.max = 1;
    }
    spec.ticks = ticks(spec.min, spec.max);
    spec.legend = vec![
        ("Fewer IDPs".to_string(), palette::series(FALL)),
        ("More IDPs".to_string(), palette::series(RISE)),
    ];
    if c.remainder.is_some() {
        spec.legend.push((
            "Other / not published".into(),
            palette::series(palette::REMAINDER),
        ));
    }
    spec.notes = notes(c);
    if filters
        .governorates
        .as_ref()
        .is_some_and(std::collections::BTreeSet::is_empty)
    {
        spec.empty = Some("No governorate selected".into());
    }
}

/// "−1,607,612 (−61.7%), from 2,604,946 on 1 Dec 2014 to 997,334 on 31 Dec 2025";
/// "no national figure on 30 Nov 2017; 997,334 on 31 Dec 2025".
fn change_words(r: &ChangeRow) -> String {
    let value = |v: Option<u64>, d: NaiveDate| match v {
        Some(v) => format!("{} on {}", thousands(v), long_date(d)),
        None => format!("no national figure on {}", long_date(d)),
    };
    let (a, b) = (
        value(r.from_value, r.from_date),
        value(r.to_value, r.to_date),
    );
    match r.change {
        Some(_) => format!("{}, from {a} to {b}", change_label(r)),
        None => format!("{a}; {b}"),
    }
}

/// "−609,037 (−75.4%)"; "+1,200 (from none)" when the first figure is zero.
fn change_label(r: &ChangeRow) -> String {
    match (r.change, r.change_pct) {
        (Some(c), Some(p)) => format!("{} ({})", signed_count(c), signed_pct(p)),
        (Some(c), None) => format!("{} (from none)", signed_count(c)),
        (None, _) => match (r.from_value, r.to_value) {
            (None, None) => "no figure on either date".into(),
            (None, _) => format!("no figure on {}", long_date(r.from_date)),
            _ => format!("no figure on {}", long_date(r.to_date)),
        },
    }
}

fn bar(dataset: &Dataset, r: &ChangeRow, source_line: &str, remainder: bool) -> CompareBar {
    let value = |v: Option<u64>| v.map_or_else(|| "not published".to_string(), thousands);
    let colour = match r.change {
        _ if remainder => palette::series(palette::REMAINDER),
        Some(c) if c > 0 => palette::series(RISE),
        _ => palette::series(FALL),
    };
    let label = change_label(r);
    CompareBar {
        pcode: r.pcode,
        name: r.governorate.clone(),
        name_ar: r
            .pcode
            .and_then(|p| dataset.gazetteer.get(p))
            .map(|g| g.name_ar.clone())
            .unwrap_or_default(),
        from_value: r.from_value,
        to_value: r.to_value,
        change: r.change,
        change_pct: r.change_pct,
        detail: vec![
            format!("{}: {}", long_date(r.from_date), value(r.from_value)),
            format!("{}: {}", long_date(r.to_date), value(r.to_value)),
            format!("Change: {label}"),
            source_line.to_string(),
        ],
        label,
        colour,
    }
}

/// Who published the two tables, DTM credited once.
fn sources(dataset: &Dataset, from: &ComparableDate, to: &ComparableDate) -> String {
    let via = format!("{DTM_CREDIT}, as published by UNHCR");
    let name = |d: &ComparableDate| {
        if d.basis == FigureBasis::DtmViaUnhcr {
            via.clone()
        } else {
            source_line(dataset, [d.source_id.as_str()])
                .trim_start_matches("Source: ")
                .to_string()
        }
    };
    let (a, b) = (name(from), name(to));
    let names = if a == b {
        vec![a]
    } else if b == via && a == DTM_CREDIT {
        vec![format!(
            "{DTM_CREDIT} (the later date as published by UNHCR)"
        )]
    } else {
        vec![a, b]
    };
    let names: Vec<String> = names.into_iter().filter(|n| !n.is_empty()).collect();
    if names.is_empty() {
        String::new()
    } else {
        format!("Source: {}", names.join("; "))
    }
}

fn notes(c: &Comparison) -> Vec<String> {
    let mut out = Vec::new();
    for d in [&c.from, &c.to] {
        if !d.complete {
            out.push(format!(
                "The table of {} names only some governorates: the rest of the national figure is \"Other / not published\", and the governorates it leaves out have no change",
                long_date(d.date)
            ));
        }
    }
    if c.from.basis == FigureBasis::DtmViaUnhcr || c.to.basis == FigureBasis::DtmViaUnhcr {
        out.push(format!(
            "{DTM_VIA_UNHCR}: not a DTM round; Dahuk and Diyala may be coded differently from DTM's own tables"
        ));
    }
    let method = NaiveDate::from_ymd_opt(METHOD_CHANGE.0, METHOD_CHANGE.1, METHOD_CHANGE.2);
    if method.is_some_and(|m| c.from.date < m && m <= c.to.date) {
        out.push(
            "From August 2020 DTM counts an in-camp household as 5 people (6 before): part of a change across that date is the method's"
                .into(),
        );
    }
    out
}

/// Round steps (1, 2 or 5 × 10ⁿ) from `min` to `max`, zero included, four to
/// seven of them.
fn ticks(min: i64, max: i64) -> Vec<i64> {
    let span = (i128::from(max) - i128::from(min)).max(1);
    let mut step: i128 = 1;
    'find: loop {
        for m in [1, 2, 5] {
            if span / (step * m) <= 6 {
                step *= m;
                break 'find;
            }
        }
        step *= 10;
    }
    let first = i128::from(min).div_euclid(step) * step;
    (0..)
        .map(|k| first + k * step)
        .skip_while(|t| *t < i128::from(min))
        .take_while(|t| *t <= i128::from(max))
        .filter_map(|t| i64::try_from(t).ok())
        .collect()
}

/// The table view: the governorates as the bars order them, the remainder, Iraq.
fn table(spec: &CompareSpec, c: &Comparison) -> TableSpec {
    let (from, to) = (long_date(c.from.date), long_date(c.to.date));
    let count = |v: Option<u64>| match v {
        Some(v) => Cell::quantity(v as f64, thousands(v), v.to_string()),
        None => Cell::text("not published"),
    };
    let rows = c
        .rows
        .iter()
        .chain(&c.remainder)
        .chain(std::iter::once(&c.national))
        .map(|r| {
            vec![
                Cell::text(r.governorate.clone()),
                count(r.from_value),
                count(r.to_value),
                r.change.map_or_else(
                    || Cell::text(""),
                    |v| Cell::quantity(v as f64, signed_count(v), v.to_string()),
                ),
                r.change_pct.map_or_else(
                    || Cell::text(""),
                    |p| Cell::quantity(p, signed_pct(p), format!("{p:.1}")),
                ),
                Cell::text(spec.source_line.trim_start_matches("Source: ")),
            ]
        })
        .collect();
    TableSpec {
        columns: vec![
            "Governorate".into(),
            format!("IDPs, {from}"),
            format!("IDPs, {to}"),
            "Change".into(),
            "Change (%)".into(),
            "Source".into(),
        ],
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn by_default_the_first_and_last_complete_tables_in_range_are_compared() {
        let ds = Dataset::bundled().unwrap();
        let f = Filters {
            from: 2017,
            ..Filters::all(&ds)
        };
        let v = compare_view(&ds, &f, &Choices::default());
        let s = &v.spec;
        assert_eq!(s.from.as_ref().map(|d| d.date), Some(d(2017, 12, 31)));
        assert_eq!(s.to.as_ref().map(|d| d.date), Some(d(2025, 12, 31)));
        assert!(s.dates.iter().all(|d| d.complete), "complete tables only");
        assert_eq!(
            s.title,
            "Change in IDPs by governorate of displacement, 31 Dec 2017 to 31 Dec 2025"
        );
        assert_eq!(s.bars.len(), 18);
        let ninewa = &s.bars[0];
        assert_eq!(ninewa.name, "Ninewa");
        assert_eq!(ninewa.label, "\u{2212}609,037 (\u{2212}75.4%)");
        assert_eq!(ninewa.colour, palette::series(FALL));
        assert_eq!(
            ninewa.detail[..3],
            [
                "31 Dec 2017: 807,324",
                "31 Dec 2025: 198,287",
                "Change: \u{2212}609,037 (\u{2212}75.4%)"
            ]
        );
        assert!(s.national.starts_with("Iraq: \u{2212}"), "{}", s.national);
        assert!(
            s.national.ends_with("to 997,334 on 31 Dec 2025"),
            "{}",
            s.national
        );
        assert!(s.source_line.contains(DTM_CREDIT), "{}", s.source_line);
        assert!(s.source_line.contains("UNHCR"), "{}", s.source_line);
        assert!(
            s.notes.iter().any(|n| n.contains("August 2020")),
            "{:?}",
            s.notes
        );
        assert!(s.ticks.contains(&0) && s.min < 0);
        assert_eq!(v.csv.rows.len(), 19);
        assert_eq!(v.table.rows.len(), 19);
    }

    #[test]
    fn chosen_dates_are_kept_where_offered_and_fall_back_otherwise() {
        let ds = Dataset::bundled().unwrap();
        let f = Filters::all(&ds);
        let c = Choices {
            compare_from: Some(d(2019, 12, 31)),
            compare_to: Some(d(2021, 12, 31)),
            ..Choices::default()
        };
        let offered = offered_dates(&ds, &f, &c);
        assert_eq!(
            chosen_dates(&offered, &c),
            Some((d(2019, 12, 31), d(2021, 12, 31)))
        );
        // A partial table is not offered unless asked for.
        let partial = Choices {
            compare_from: Some(d(2017, 11, 30)),
            ..c
        };
        assert_eq!(
            chosen_dates(&offered_dates(&ds, &f, &partial), &partial),
            Some((d(2014, 12, 1), d(2021, 12, 31)))
        );
        let asked = Choices {
            compare_partial: true,
            ..partial
        };
        let v = compare_view(&ds, &f, &asked);
        assert_eq!(
            v.spec.from.as_ref().map(|d| d.label.as_str()),
            Some("30 Nov 2017 (partial)")
        );
        let rest = v.spec.bars.last().unwrap();
        assert_eq!(rest.name, "Other / not published");
        assert_eq!(rest.colour, palette::series(palette::REMAINDER));
        assert!(
            v.spec
                .bars
                .iter()
                .any(|b| b.change.is_none() && b.label == "no figure on 30 Nov 2017")
        );
        // Reversed or equal dates fall back to the defaults.
        let reversed = Choices {
            compare_from: Some(d(2021, 12, 31)),
            compare_to: Some(d(2019, 12, 31)),
            ..Choices::default()
        };
        assert_eq!(
            chosen_dates(&offered, &reversed),
            Some((d(2014, 12, 1), d(2025, 12, 31)))
        );
    }

    #[test]
    fn one_table_in_range_cannot_be_compared_and_says_so() {
        let ds = Dataset::bundled().unwrap();
        let f = Filters {
            from: 2023,
            to: 2023,
            ..Filters::all(&ds)
        };
        let v = compare_view(&ds, &f, &Choices::default());
        assert_eq!(
            v.spec.empty.as_deref(),
            Some("Two governorate tables are needed to compare dates; 2023 has one")
        );
        assert!(v.spec.bars.is_empty() && v.csv.rows.is_empty());
        let none = compare_view(&Dataset::empty().unwrap(), &f, &Choices::default());
        assert!(none.spec.empty.is_some_and(|e| e.ends_with("has none")));
    }

    #[test]
    fn ticks_are_round_and_span_the_bars() {
        assert_eq!(
            ticks(-609_037, 36_155),
            [
                -600_000, -500_000, -400_000, -300_000, -200_000, -100_000, 0
            ]
        );
        assert_eq!(ticks(0, 1), [0, 1]);
        assert_eq!(ticks(-5, 5), [-4, -2, 0, 2, 4]);
        let wide = ticks(i64::MIN, i64::MAX);
        assert!(!wide.is_empty() && wide.contains(&0));
    }
}

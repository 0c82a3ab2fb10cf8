//! Camps: camps open and people in camps over time, and named closures as events.
//!
//! Each (definition, scope) is its own line: counts of different definitions are
//! never joined. The main line is the longest consistent one in range (the widest
//! span of dates, then the most counts), named in the title; the others are
//! comparisons the user switches on (`optional`), each named by its definition and
//! scope in the legend. A chart has at most as many series as the palette has
//! colours: comparisons with the fewest counts that find no colour left are named in
//! the chart's notes instead of being drawn. Counts are national or regional, so the
//! governorate filter does not apply to them; the named closures follow it and are
//! one series of hollow marks at the foot of the chart, drawn under the lines.

use std::collections::BTreeMap;

use super::{after_data, markers, series_source_line, subtitle};
use crate::data::{CampCount, CampDefinition, CampScope, Dataset, PeopleUnit, Region};
use crate::model::{
    ChartId, ChartSpec, Point, Series, SeriesKind, Unit, date_as_known, day_number,
};
use crate::palette;
use crate::query::rows::{CampMeasure, CampRow, Charted};
use crate::query::{Filters, camps};

/// The main line's colour (blue).
const MAIN_COLOUR: usize = 0;
/// The named closures' colour (vermillion).
const CLOSURE_COLOUR: usize = 5;
/// The comparison lines' colours, in order: every other colour of the palette.
const COMPARISON_COLOURS: [usize; 6] = [1, 2, 3, 4, 6, 7];

/// The legend of the named closures.
pub const CLOSURES_LABEL: &str = "Named closures (closed, reclassified or consolidated)";

/// "Kurdistan Region", "Iraq", "Dahuk".
fn scope_name(dataset: &Dataset, scope: CampScope) -> String {
    match scope {
        CampScope::National => "Iraq".to_string(),
        CampScope::Federal => Region::Federal.label().to_string(),
        CampScope::Kri => Region::Kri.label().to_string(),
        CampScope::Governorate(p) => dataset.gazetteer.name(p),
    }
}

/// "IDP camps, Kurdistan Region".
fn count_label(dataset: &Dataset, definition: CampDefinition, scope: CampScope) -> String {
    format!("{}, {}", definition.title(), scope_name(dataset, scope))
}

/// The counts of one (definition, scope) in range, in date order.
struct Group<'a> {
    definition: CampDefinition,
    scope: CampScope,
    counts: Vec<&'a CampCount>,
}

impl Group<'_> {
    /// Days between the first and last count.
    fn span_days(&self) -> i64 {
        match (self.counts.first(), self.counts.last()) {
            (Some(a), Some(b)) => (b.date - a.date).num_days(),
            _ => 0,
        }
    }
}

/// The counts that `value` reads, grouped by (definition, scope), the main group
/// first (longest span, then most counts, then the widest scope), then the others
/// by most counts and longest span.
fn groups<'a>(
    dataset: &'a Dataset,
    filters: &Filters,
    value: &impl Fn(&CampCount) -> Option<u64>,
) -> Vec<Group<'a>> {
    let mut by_key: BTreeMap<(CampDefinition, CampScope), Vec<&CampCount>> = BTreeMap::new();
    for c in dataset
        .camp_counts
        .iter()
        .filter(|c| filters.contains(c.date) && value(c).is_some())
    {
        by_key.entry((c.definition, c.scope)).or_default().push(c);
    }
    let mut groups: Vec<Group> = by_key
        .into_iter()
        .map(|((definition, scope), mut counts)| {
            counts.sort_by_key(|c| c.date);
            Group {
                definition,
                scope,
                counts,
            }
        })
        .collect();
    // The key order (definition, then scope: national first) breaks every tie.
    let main = groups
        .iter()
        .enumerate()
        .max_by(|(i, a), (j, b)| {
            a.span_days()
                .cmp(&b.span_days())
                .then(a.counts.len().cmp(&b.counts.len()))
                .then(j.cmp(i))
        })
        .map(|(i, _)| i);
    let mut ordered = Vec::with_capacity(groups.len());
    if let Some(i) = main {
        ordered.push(groups.remove(i));
    }
    groups.sort_by(|a, b| {
        b.counts
            .len()
            .cmp(&a.counts.len())
            .then(b.span_days().cmp(&a.span_days()))
    });
    ordered.extend(groups);
    ordered
}

/// The lines of one measure: the main line, then comparisons while colours last (one
/// [`CampRow`] per point drawn); the title's "(definition, scope)" of the main line;
/// and a note naming the counts left undrawn.
struct Lines {
    series: Vec<Series>,
    rows: Vec<CampRow>,
    main: Option<String>,
    note: Option<String>,
}

fn lines(
    dataset: &Dataset,
    filters: &Filters,
    measure: CampMeasure,
    comparison_colours: &[usize],
    value: impl Fn(&CampCount) -> Option<u64>,
) -> Lines {
    let mut rows = Vec::new();
    let mut series = Vec::new();
    let mut main = None;
    let mut left_out = Vec::new();
    for (i, group) in groups(dataset, filters, &value).into_iter().enumerate() {
        let label = count_label(dataset, group.definition, group.scope);
        let colour = if i == 0 {
            Some(MAIN_COLOUR)
        } else {
            comparison_colours.get(i - 1).copied()
        };
        let Some(colour) = colour else {
            let n = group.counts.len();
            left_out.push(format!(
                "{label} ({n} {})",
                if n == 1 { "count" } else { "counts" }
            ));
            continue;
        };
        let mut points = Vec::new();
        for c in group.counts {
            let Some(v) = value(c) else { continue };
            points.push(Point::at(
                day_number(c.date),
                v as f64,
                date_as_known(c.date, c.date_precision),
                c.source_id.clone(),
            ));
            rows.push(CampRow {
                date: c.date,
                date_precision: c.date_precision,
                measure,
                definition: Some(group.definition),
                scope: Some(group.scope),
                camp: String::new(),
                event: None,
                pcode: None,
                value: Some(v),
                source_id: c.source_id.clone(),
                legend: label.clone(),
            });
        }
        let kind = if i == 0 {
            main = Some(format!(
                "{}, {}",
                group.definition.label(),
                scope_name(dataset, group.scope)
            ));
            SeriesKind::Line
        } else {
            SeriesKind::Comparison
        };
        let mut s = Series::new(label, kind, colour, points);
        s.optional = i > 0;
        series.push(s);
    }
    let note = (!left_out.is_empty()).then(|| {
        format!(
            "Not drawn, no distinct colour left (narrow the years to see them): {}",
            left_out.join("; ")
        )
    });
    Lines {
        series,
        rows,
        main,
        note,
    }
}

/// Camps open over time, with named closures as events at the foot of the chart.
#[must_use]
pub fn camps_open(dataset: &Dataset, filters: &Filters) -> ChartSpec {
    camps_open_with_rows(dataset, filters).spec
}

/// [`camps_open`] and one [`CampRow`] per point it draws (counts, then closures).
#[must_use]
pub fn camps_open_with_rows(dataset: &Dataset, filters: &Filters) -> Charted<CampRow> {
    let Lines {
        mut series,
        mut rows,
        main,
        note,
    } = lines(
        dataset,
        filters,
        CampMeasure::CampsOpen,
        &COMPARISON_COLOURS,
        |c| c.camps,
    );
    let closures = camps::headline(dataset, filters).closures;
    let mut points = Vec::new();
    for c in &closures {
        // Closures are events: drawn at the foot of the chart, with no value.
        let mut p = Point::at(
            day_number(c.date),
            0.0,
            date_as_known(c.date, c.date_precision),
            c.source_id.clone(),
        );
        p.note = Some(format!(
            "{} ({}) \u{2014} {}",
            c.camp,
            dataset.gazetteer.name(c.pcode),
            c.event.as_str()
        ));
        points.push(p);
        rows.push(CampRow {
            date: c.date,
            date_precision: c.date_precision,
            measure: CampMeasure::Closure,
            definition: None,
            scope: None,
            camp: c.camp.clone(),
            event: Some(c.event),
            pcode: Some(c.pcode),
            value: None,
            source_id: c.source_id.clone(),
            legend: CLOSURES_LABEL.into(),
        });
    }
    if !points.is_empty() {
        series.push(Series::new(
            CLOSURES_LABEL,
            SeriesKind::Events,
            CLOSURE_COLOUR,
            points,
        ));
    }
    let source = series_source_line(dataset, &series);
    let title = match main {
        Some(main) => format!("Camps open ({main}) and named closures"),
        None => "Camps open and named closures".into(),
    };
    let spec = ChartSpec {
        id: ChartId::Camps,
        title,
        subtitle: subtitle(dataset, filters, true),
        unit: Unit::Camps,
        series,
        markers: markers(dataset, filters),
        after_data: after_data(dataset, filters),
        bands: Vec::new(),
        source_line: source,
        empty_message: super::empty_message(filters, "camp counts or closures"),
        national_only: true,
        notes: note.into_iter().collect(),
    };
    Charted { spec, rows }
}

/// People in camps over time (individuals only; family counts stay in the table).
#[must_use]
pub fn camp_people(dataset: &Dataset, filters: &Filters) -> ChartSpec {
    camp_people_with_rows(dataset, filters).spec
}

/// [`camp_people`] and one [`CampRow`] per point it draws.
#[must_use]
pub fn camp_people_with_rows(dataset: &Dataset, filters: &Filters) -> Charted<CampRow> {
    // No closures here: every colour but the main line's is a comparison's.
    let colours: Vec<usize> = (0..palette::SERIES.len())
        .filter(|c| *c != MAIN_COLOUR)
        .collect();
    let Lines {
        series,
        rows,
        main,
        note,
    } = lines(
        dataset,
        filters,
        CampMeasure::PeopleInCamps,
        &colours,
        |c| {
            c.people
                .filter(|_| c.people_unit == Some(PeopleUnit::Individuals))
        },
    );
    let source = series_source_line(dataset, &series);
    let spec = ChartSpec {
        id: ChartId::CampPeople,
        title: match main {
            Some(main) => format!("People in camps ({main})"),
            None => "People in camps".into(),
        },
        subtitle: subtitle(dataset, filters, true),
        unit: Unit::People,
        series,
        markers: markers(dataset, filters),
        after_data: after_data(dataset, filters),
        bands: Vec::new(),
        source_line: source,
        empty_message: super::empty_message(filters, "counts of people in camps"),
        national_only: true,
        notes: note.into_iter().collect(),
    };
    Charted { spec, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{CampEvent, CampEventKind, DatePrecision, Pcode};
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn count(
        date: NaiveDate,
        scope: CampScope,
        def: CampDefinition,
        camps: Option<u64>,
    ) -> CampCount {
        CampCount {
            date,
            date_precision: DatePrecision::Day,
            scope,
            definition: def,
            camps,
            people: Some(1000),
            people_unit: Some(PeopleUnit::Families),
            source_id: "s".into(),
        }
    }

    fn all() -> Filters {
        Filters {
            governorates: None,
            from: 2014,
            to: 2024,
        }
    }

    #[test]
    fn definitions_and_scopes_are_separate_lines() {
        let mut ds = Dataset::empty().unwrap();
        ds.camp_counts.extend([
            count(
                day(2020, 1, 1),
                CampScope::Kri,
                CampDefinition::IdpCamps,
                Some(25),
            ),
            count(
                day(2024, 12, 31),
                CampScope::Kri,
                CampDefinition::IdpCamps,
                Some(21),
            ),
            count(
                day(2020, 1, 1),
                CampScope::National,
                CampDefinition::FormalCamps,
                Some(43),
            ),
            count(
                day(2021, 1, 1),
                CampScope::National,
                CampDefinition::FormalCamps,
                None,
            ),
        ]);
        let c = camps_open(&ds, &all());
        let labels: Vec<&str> = c.series.iter().map(|s| s.label.as_str()).collect();
        // The Kurdistan Region count spans four years: it is the main line.
        assert_eq!(
            labels,
            ["IDP camps, Kurdistan Region", "Formal camps, Iraq"]
        );
        assert_eq!(
            c.title,
            "Camps open (IDP camps, Kurdistan Region) and named closures"
        );
        assert_eq!(c.series[0].points.len(), 2);
        assert_eq!(c.series[0].kind, SeriesKind::Line);
        assert!(!c.series[0].optional);
        assert_eq!(c.series[1].kind, SeriesKind::Comparison);
        assert!(c.series[1].optional);
        assert!(c.national_only);
    }

    #[test]
    fn families_are_never_drawn_as_people() {
        let mut ds = Dataset::empty().unwrap();
        ds.camp_counts.push(count(
            day(2024, 7, 4),
            CampScope::Kri,
            CampDefinition::IdpCamps,
            Some(23),
        ));
        let c = camp_people(&ds, &all());
        assert!(c.is_empty());
        assert_eq!(
            c.empty_message,
            "No counts of people in camps in 2014\u{2013}2024"
        );
    }

    #[test]
    fn counts_beyond_the_palette_are_named_in_a_note_not_drawn_in_a_shared_colour() {
        let mut ds = Dataset::empty().unwrap();
        for p in 1..=9 {
            let scope = CampScope::Governorate(Pcode::new(p).unwrap());
            for y in 0..(10 - i32::from(p)) {
                ds.camp_counts.push(count(
                    day(2014 + y, 1, 1),
                    scope,
                    CampDefinition::IdpCamps,
                    Some(5),
                ));
            }
        }
        let c = camps_open(&ds, &all());
        let colours: std::collections::BTreeSet<usize> =
            c.series.iter().map(|s| s.colour).collect();
        assert_eq!(colours.len(), c.series.len());
        assert_eq!(c.series.len(), 7, "main line and six comparisons");
        assert_eq!(
            c.notes,
            [
                "Not drawn, no distinct colour left (narrow the years to see them): \
                 IDP camps, Baghdad (2 counts); IDP camps, Dahuk (1 count)"
            ]
        );
    }

    #[test]
    fn bundled_camps_draw_formal_camps_in_iraq_as_the_main_line() {
        let ds = Dataset::bundled().unwrap();
        let c = camps_open(&ds, &all());
        assert_eq!(
            c.title,
            "Camps open (formal camps, Iraq) and named closures"
        );
        let main: Vec<f64> = c.series[0].points.iter().map(|p| p.y).collect();
        assert_eq!(main, [80.0, 128.0, 68.0, 43.0, 39.0, 27.0, 26.0, 26.0]);
        assert_eq!(c.series.iter().filter(|s| !s.optional).count(), 2);
        let closures = c.series.last().unwrap();
        assert_eq!(closures.label, CLOSURES_LABEL);
        assert_eq!(closures.kind, SeriesKind::Events);
        // From 2021 the Kurdistan Region count is the longest.
        let later = camps_open(
            &ds,
            &Filters {
                from: 2021,
                ..all()
            },
        );
        assert_eq!(
            later.title,
            "Camps open (IDP camps, Kurdistan Region) and named closures"
        );
        let people = camp_people(&ds, &all());
        assert_eq!(people.title, "People in camps (formal camps, Iraq)");
        assert!(people.notes.is_empty());
    }

    #[test]
    fn closures_are_one_series_of_events_naming_camp_and_governorate() {
        let mut ds = Dataset::empty().unwrap();
        ds.camps.push(CampEvent {
            camp: "Ashti".into(),
            pcode: Pcode::new(6).unwrap(),
            district: None,
            event: CampEventKind::Closed,
            date: day(2024, 7, 11),
            date_precision: DatePrecision::Day,
            population: None,
            population_unit: None,
            source_id: "s".into(),
        });
        let c = camps_open(&ds, &all());
        assert_eq!(c.series.len(), 1);
        assert_eq!(c.series[0].label, CLOSURES_LABEL);
        assert_eq!(c.series[0].kind, SeriesKind::Events);
        assert_eq!(
            c.series[0].points[0].note.as_deref(),
            Some("Ashti (Sulaymaniyah) \u{2014} closed")
        );
    }
}

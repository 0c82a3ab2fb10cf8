//! Camps: camps open and people in camps over time, and named closures as events.
//!
//! Each (definition, scope) is its own line: counts of different definitions are
//! never joined. Counts are national or regional, so the governorate filter does not
//! apply to them; closures follow it and are coloured by governorate.

use std::collections::BTreeMap;

use super::{after_data, markers, series_source_line, subtitle};
use crate::data::{CampCount, CampDefinition, CampScope, Dataset, PeopleUnit, Region};
use crate::model::{
    ChartId, ChartSpec, Point, Series, SeriesKind, Unit, date_as_known, day_number,
};
use crate::query::rows::{CampMeasure, CampRow, Charted};
use crate::query::{Filters, camps};

/// "IDP camps, Kurdistan Region".
fn count_label(dataset: &Dataset, definition: CampDefinition, scope: CampScope) -> String {
    let scope = match scope {
        CampScope::National => "Iraq".to_string(),
        CampScope::Federal => Region::Federal.label().to_string(),
        CampScope::Kri => Region::Kri.label().to_string(),
        CampScope::Governorate(p) => dataset.gazetteer.name(p),
    };
    format!("{}, {scope}", definition.title())
}

/// One line per (definition, scope) of the counts that `value` reads, and a row per
/// point.
fn count_series(
    dataset: &Dataset,
    filters: &Filters,
    measure: CampMeasure,
    value: impl Fn(&CampCount) -> Option<u64>,
) -> (Vec<Series>, Vec<CampRow>) {
    let mut groups: BTreeMap<(CampDefinition, CampScope), Vec<&CampCount>> = BTreeMap::new();
    for c in dataset
        .camp_counts
        .iter()
        .filter(|c| filters.contains(c.date))
    {
        if value(c).is_some() {
            groups.entry((c.definition, c.scope)).or_default().push(c);
        }
    }
    let mut rows = Vec::new();
    let series = groups
        .into_iter()
        .enumerate()
        .map(|(i, ((definition, scope), mut counts))| {
            let label = count_label(dataset, definition, scope);
            counts.sort_by_key(|c| c.date);
            let mut points = Vec::new();
            for c in counts {
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
                    definition: Some(definition),
                    scope: Some(scope),
                    camp: String::new(),
                    event: None,
                    pcode: None,
                    value: Some(v),
                    source_id: c.source_id.clone(),
                    legend: label.clone(),
                });
            }
            Series::new(label, SeriesKind::Line, i, points)
        })
        .collect();
    (series, rows)
}

/// Camps open over time, with named closures as events at the foot of the chart.
#[must_use]
pub fn camps_open(dataset: &Dataset, filters: &Filters) -> ChartSpec {
    camps_open_with_rows(dataset, filters).spec
}

/// [`camps_open`] and one [`CampRow`] per point it draws (counts, then closures).
#[must_use]
pub fn camps_open_with_rows(dataset: &Dataset, filters: &Filters) -> Charted<CampRow> {
    let (mut series, mut rows) =
        count_series(dataset, filters, CampMeasure::CampsOpen, |c| c.camps);
    let lines = series.len();
    let closures = camps::headline(dataset, filters).closures;
    let mut by_governorate: BTreeMap<_, Vec<&camps::Closure>> = BTreeMap::new();
    for c in &closures {
        by_governorate.entry(c.pcode).or_default().push(c);
    }
    for (i, (pcode, group)) in by_governorate.into_iter().enumerate() {
        let label = format!("Closed: {}", dataset.gazetteer.name(pcode));
        let mut points = Vec::new();
        for c in group {
            // Closures are events: drawn at the foot of the chart, with no value.
            let mut p = Point::at(
                day_number(c.date),
                0.0,
                crate::model::long_date(c.date),
                c.source_id.clone(),
            );
            p.note = Some(format!("{} \u{2014} {}", c.camp, c.event.as_str()));
            points.push(p);
            rows.push(CampRow {
                date: c.date,
                date_precision: c.date_precision,
                measure: CampMeasure::Closure,
                definition: None,
                scope: None,
                camp: c.camp.clone(),
                event: Some(c.event),
                pcode: Some(pcode),
                value: None,
                source_id: c.source_id.clone(),
                legend: label.clone(),
            });
        }
        let mut s = Series::new(label, SeriesKind::Points, lines + i, points);
        s.governorate = Some(pcode.to_string());
        series.push(s);
    }
    let source = series_source_line(dataset, &series);
    let spec = ChartSpec {
        id: ChartId::Camps,
        title: "Camps open, and named closures".into(),
        subtitle: subtitle(dataset, filters, true),
        unit: Unit::Camps,
        series,
        markers: markers(dataset, filters),
        after_data: after_data(dataset, filters),
        bands: Vec::new(),
        source_line: source,
        empty_message: super::empty_message(filters, "camp counts or closures"),
        national_only: true,
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
    let (series, rows) = count_series(dataset, filters, CampMeasure::PeopleInCamps, |c| {
        c.people
            .filter(|_| c.people_unit == Some(PeopleUnit::Individuals))
    });
    let source = series_source_line(dataset, &series);
    let spec = ChartSpec {
        id: ChartId::CampPeople,
        title: "People in camps".into(),
        subtitle: subtitle(dataset, filters, true),
        unit: Unit::People,
        series,
        markers: markers(dataset, filters),
        after_data: after_data(dataset, filters),
        bands: Vec::new(),
        source_line: source,
        empty_message: super::empty_message(filters, "counts of people in camps"),
        national_only: true,
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
        assert_eq!(
            labels,
            ["Formal camps, Iraq", "IDP camps, Kurdistan Region"]
        );
        assert_eq!(c.series[1].points.len(), 2);
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
    fn closures_are_points_per_governorate_naming_the_camp() {
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
        assert_eq!(c.series[0].label, "Closed: Sulaymaniyah");
        assert_eq!(c.series[0].kind, SeriesKind::Points);
        assert_eq!(
            c.series[0].points[0].note.as_deref(),
            Some("Ashti \u{2014} closed")
        );
    }
}

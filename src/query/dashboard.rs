//! [`dashboard`]: the one way from a dataset to what the window shows and the exports
//! render. Every card, chart, table, CSV row, source name and the status line, for
//! one set of filters and view choices, computed once per change.
//!
//! The hidden-series rule is applied here, once: a chart holds the series the
//! choices draw (UNHCR and IDMC beside DTM only with `show_comparisons`, the camps
//! charts' other counts only with `camp_comparisons`); the tables, the CSV rows and
//! the briefing sheet's charts hold every series the sheet draws.

use chrono::NaiveDate;

use super::{
    Choices, Filters, briefing, cards, charts, csv_rows, currency, funding, map, sources, tables,
};
use crate::data::{Basis, Dataset};
use crate::map::{MapMeasure, MapRequest};
use crate::model::{
    ChartSpec, Dashboard, SeriesKind, SheetCharts, SourceNames, SourcesView, StatusLine,
    day_number, thousands,
};

/// Everything the dashboard shows for these filters and choices.
#[must_use]
pub fn dashboard(dataset: &Dataset, filters: &Filters, choices: &Choices) -> Dashboard {
    let f = filters;
    let idps_rows = charts::idps_with_rows(dataset, f);
    let governorates_rows = charts::governorates_with_rows(dataset, f, choices.basis);
    let camps_rows = charts::camps_open_with_rows(dataset, f);
    let people_rows = charts::camp_people_with_rows(dataset, f);
    let mut idps = idps_rows.spec;
    let governorates = governorates_rows.spec;
    let mut camps = camps_rows.spec;
    let mut camp_people = people_rows.spec;
    let funding = charts::funding(dataset, f);
    let coverage = charts::coverage(dataset, f);

    let idps_table = tables::chart_table(dataset, &idps);
    let governorates_table = tables::chart_table(dataset, &governorates);
    let mut camps_table = tables::chart_table(dataset, &camps);
    camps_table
        .rows
        .extend(tables::chart_table(dataset, &camp_people).rows);
    let idps_csv = csv_rows::idp_csv(dataset, &idps_rows.rows);
    let governorates_csv = csv_rows::idp_csv(dataset, &governorates_rows.rows);
    let mut all_camp_rows = camps_rows.rows;
    all_camp_rows.extend(people_rows.rows);
    let camps_csv = csv_rows::camp_csv(dataset, &all_camp_rows);
    let funding_csv = csv_rows::funding_csv(
        dataset,
        &funding::appeal_years(dataset, f),
        &funding::beside_appeals(dataset, f),
        &funding::flow_totals(dataset, f),
    );

    // The sheet: the displacement basis, every IDP series, no optional camp counts.
    let sheet = SheetCharts {
        idps: idps.clone(),
        governorates: if choices.basis == Basis::Displacement {
            governorates.clone()
        } else {
            charts::governorates(dataset, f, Basis::Displacement)
        },
        camps: without_optional(&camps),
    };

    let idps_comparisons = labels(&[&idps], |s| s.kind == SeriesKind::Comparison);
    let camp_comparisons = labels(&[&camps, &camp_people], |s| s.optional);
    if !choices.show_comparisons {
        idps.series.retain(|s| s.kind != SeriesKind::Comparison);
    }
    if !choices.camp_comparisons {
        camps.series.retain(|s| !s.optional);
        camp_people.series.retain(|s| !s.optional);
    }

    let compare = charts::compare::compare_view(dataset, f, choices);
    let map = map::map(dataset, f, &map_request(choices, &compare.spec));

    let (briefing, (briefing_table, briefing_csv)) = briefing::with_sources_table(dataset, f);
    let x = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).map_or(0.0, day_number);
    let mut dashboard = Dashboard {
        cards: cards::cards(dataset, f),
        idps,
        idps_table,
        idps_csv,
        governorates,
        governorates_table,
        governorates_csv,
        camps,
        camp_people,
        camps_table,
        camps_csv,
        funding,
        coverage,
        funding_table: tables::funding_table(dataset, f),
        funding_csv,
        map_table: map::map_table(&map),
        map_csv: map::map_csv(&map),
        map,
        map_geometry: map::geometry(dataset),
        compare: compare.spec,
        compare_table: compare.table,
        compare_csv: compare.csv,
        map_tiles: choices.map_tiles,
        briefing,
        briefing_table,
        briefing_csv,
        sheet_text: choices.sheet_text,
        idps_comparisons,
        camp_comparisons,
        sheet,
        sources: source_names(dataset),
        sources_view: SourcesView::default(),
        status: status_line(dataset),
        x_range_days: (x(f.from, 1, 1), x(f.to, 12, 31)),
        basis: choices.basis,
        show_events: choices.show_events,
        all_events: choices.all_events,
        place: cards::place(dataset, f),
        years: cards::years(f),
        file_place: file_place(dataset, f),
        file_years: if f.from == f.to {
            f.from.to_string()
        } else {
            format!("{}-{}", f.from, f.to)
        },
        national: f.is_national(),
    };
    dashboard.sources_view = sources::sources_view(dataset, f, &dashboard);
    dashboard
}

/// What the map is asked for: the choices' measure and date, and the compare
/// panel's dates (without them, their change is the change since the first date).
fn map_request(choices: &Choices, compare: &crate::model::CompareSpec) -> MapRequest {
    let compared = compare
        .from
        .as_ref()
        .zip(compare.to.as_ref())
        .map(|(a, b)| (a.date, b.date));
    MapRequest {
        measure: match choices.map_measure {
            MapMeasure::Compared if compared.is_none() => MapMeasure::Change,
            m => m,
        },
        date: choices.map_date,
        compare: compared,
    }
}

/// The chart without its optional series.
fn without_optional(spec: &ChartSpec) -> ChartSpec {
    let mut spec = spec.clone();
    spec.series.retain(|s| !s.optional);
    spec
}

/// The labels of the series of `specs` that `pick` picks.
fn labels(specs: &[&ChartSpec], pick: impl Fn(&crate::model::Series) -> bool) -> Vec<String> {
    specs
        .iter()
        .flat_map(|s| s.series.iter())
        .filter(|s| pick(s))
        .map(|s| s.label.clone())
        .collect()
}

/// "Publisher, title (published)" of every source, for tooltips.
fn source_names(dataset: &Dataset) -> SourceNames {
    dataset
        .sources
        .iter()
        .map(|s| {
            (
                s.id.clone(),
                format!("{}, {} ({})", s.publisher, s.title, s.published),
            )
        })
        .collect()
}

/// The status bar: tables and rows, how current each series is (for the whole
/// dataset, not the filters), and the warnings.
fn status_line(dataset: &Dataset) -> StatusLine {
    let current = currency::currency(dataset);
    let n = dataset.warnings.len();
    StatusLine {
        tables: format!(
            "{} tables \u{b7} {} rows",
            dataset.files.len(),
            thousands(dataset.total_rows() as u64)
        ),
        per_table: dataset
            .files
            .iter()
            .map(|f| format!("{}: {} rows", f.name, thousands(f.rows as u64)))
            .collect(),
        currency: current.parts(),
        currency_text: current.text(),
        warnings_text: match n {
            1 => "1 warning".to_string(),
            n => format!("{n} warnings"),
        },
        warnings: dataset.warnings.iter().map(ToString::to_string).collect(),
    }
}

/// The place as a file name says it: "iraq", "no-governorate", up to three names,
/// else "N-governorates" (made a slug by the exporter).
fn file_place(dataset: &Dataset, filters: &Filters) -> String {
    match &filters.governorates {
        None => "iraq".to_string(),
        Some(s) if s.is_empty() => "no-governorate".into(),
        Some(s) if s.len() <= 3 => s
            .iter()
            .map(|p| dataset.gazetteer.name(*p))
            .collect::<Vec<_>>()
            .join("-"),
        Some(s) => format!("{}-governorates", s.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PanelId;

    #[test]
    fn switched_off_series_are_left_out_of_the_charts_but_not_the_tables() {
        let ds = Dataset::bundled().unwrap();
        let f = Filters::all(&ds);
        let on = dashboard(&ds, &f, &Choices::default());
        let off = dashboard(
            &ds,
            &f,
            &Choices {
                show_comparisons: false,
                camp_comparisons: true,
                ..Choices::default()
            },
        );
        assert!(!on.idps_comparisons.is_empty());
        assert_eq!(on.idps_comparisons, off.idps_comparisons);
        let comparisons = |d: &Dashboard| {
            d.idps
                .series
                .iter()
                .filter(|s| s.kind == SeriesKind::Comparison)
                .count()
        };
        assert_eq!(comparisons(&on), on.idps_comparisons.len());
        assert_eq!(comparisons(&off), 0);
        assert_eq!(on.idps_table, off.idps_table);
        assert_eq!(on.idps_csv, off.idps_csv);
        // The sheet draws every IDP series whatever the window shows.
        assert_eq!(off.sheet.idps, on.idps);
        let optional = |d: &Dashboard| d.camps.series.iter().filter(|s| s.optional).count();
        assert_eq!(optional(&on), 0);
        assert!(optional(&off) > 0);
        assert!(off.sheet.camps.series.iter().all(|s| !s.optional));
    }

    #[test]
    fn the_sheet_keeps_the_displacement_basis() {
        let ds = Dataset::bundled().unwrap();
        let f = Filters::all(&ds);
        let origin = Choices {
            basis: Basis::Origin,
            ..Choices::default()
        };
        let d = dashboard(&ds, &f, &origin);
        let shown = dashboard(&ds, &f, &Choices::default());
        assert_eq!(d.sheet.governorates, shown.governorates);
        assert_ne!(d.governorates, shown.governorates);
        assert_eq!(d.panel(PanelId::Camps).charts().count(), 2);
    }

    #[test]
    fn the_status_line_counts_tables_rows_and_warnings() {
        let ds = Dataset::empty().unwrap();
        let d = dashboard(&ds, &Filters::all(&ds), &Choices::default());
        assert_eq!(d.status.warnings_text, "0 warnings");
        assert!(d.status.tables.ends_with(" rows"), "{}", d.status.tables);
        assert_eq!(d.file_place, "iraq");
    }
}

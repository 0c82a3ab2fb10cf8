//! IDPs over time: the DTM stock and returnees, other series for comparison, and
//! each of the user's files as its own line ("IDPs, Iraq (your file: NAME)"), never
//! mixed into DTM's. With two or more governorates selected, one line per
//! governorate (as many as the palette has colours to spare) and their sum.
//!
//! After DTM's last round, each DTM line is continued by DTM's figures as UNHCR
//! published them (national year-ends; governorate tables under a filter): a
//! series of its own, [`SeriesKind::Continuation`] ("IDPs, Iraq (IOM DTM figures as
//! published by UNHCR)"), drawn dashed from the line's last round through hollow
//! points, never joined into the line nor tabled as a round.

use std::collections::BTreeSet;

use super::{after_data, markers, source_line, subtitle, user_file_name};
use crate::data::{Basis, Dataset, DatePrecision, NationalSeries, Pcode};
use crate::model::{ChartId, ChartSpec, Point, Series, SeriesKind, Unit, day_number, long_date};
use crate::query::idps::{DTM_VIA_UNHCR, FigureBasis, IdpPoint, UserSeries};
use crate::query::rows::{self, Charted, IdpRow, dtm_date_precision, table_series};
use crate::query::{Filters, cards, idps};

/// How many colours the palette has (`crate::palette::SERIES`).
const PALETTE: usize = crate::palette::SERIES.len();
/// Palette index of the sum of the selected governorates, when each has its own line.
const SUM_COLOUR: usize = PALETTE - 1;
/// Palette indices for the user's files, in order of preference (vermillion, sky
/// blue, yellow, …): each file takes the first one no other line of the chart has.
/// On the national chart DTM, returnees, UNHCR and IDMC hold 0–3.
const USER_COLOURS: [usize; 7] = [5, 4, 6, 3, 2, 1, 0];

/// The first preferred user colour no line in `lines` has.
fn free_user_colour(lines: &[Line]) -> usize {
    USER_COLOURS
        .into_iter()
        .find(|c| lines.iter().all(|l| l.colour != *c))
        .unwrap_or(USER_COLOURS[0])
}

/// IDPs over time. With a governorate filter: the selected governorates' DTM
/// tables (one round per year); returnees and other series are national only and
/// left out.
#[must_use]
pub fn idps_over_time(dataset: &Dataset, filters: &Filters) -> ChartSpec {
    idps_with_rows(dataset, filters).spec
}

/// One line of the chart: legend, kind, colour and the rows it draws.
struct Line {
    label: String,
    kind: SeriesKind,
    colour: usize,
    rows: Vec<IdpRow>,
    /// For a continuation: the continued line's last point.
    continues_from: Option<(f64, f64)>,
    /// What every point's tooltip adds.
    note: Option<String>,
}

impl Line {
    fn new(label: String, kind: SeriesKind, colour: usize, rows: Vec<IdpRow>) -> Line {
        Line {
            label,
            kind,
            colour,
            rows,
            continues_from: None,
            note: None,
        }
    }
}

/// The tooltip note of a national figure of DTM's continuation.
const CONTINUATION_NOTE: &str = "IOM DTM figures as published by UNHCR (Refugee Data Finder): \
     not a DTM round; UNHCR has reproduced DTM's December round exactly every year since 2017";
/// The tooltip note of a governorate figure from UNHCR's reproduction of DTM's tables.
const TABLE_CONTINUATION_NOTE: &str = "IOM DTM figures as published by UNHCR (Refugee Data \
     Finder): not a DTM round; Dahuk and Diyala may be coded differently from DTM's own tables";

/// The last point of a line's rows, where its continuation starts.
fn last_point(rows: &[IdpRow]) -> Option<(f64, f64)> {
    rows.iter()
        .max_by_key(|r| r.date)
        .map(|r| (day_number(r.date), r.value as f64))
}

/// A line split into DTM's own figures and the continuation after them (DTM's
/// figures as UNHCR published them): the line, then the continuation if it has any
/// point, labelled `continued`, same colour, dashed from the line's last point.
fn with_continuation(
    line: Line,
    continued: String,
    continuation: Vec<IdpRow>,
    note: &str,
) -> Vec<Line> {
    if continuation.is_empty() {
        return vec![line];
    }
    let from = last_point(&line.rows);
    let colour = line.colour;
    vec![
        line,
        Line {
            label: continued,
            kind: SeriesKind::Continuation,
            colour,
            rows: continuation,
            continues_from: from,
            note: Some(note.into()),
        },
    ]
}

/// A governorate line's points, split into DTM's own and UNHCR's reproduction.
fn split_by_basis(points: Vec<IdpPoint>) -> (Vec<IdpPoint>, Vec<IdpPoint>) {
    points
        .into_iter()
        .partition(|p| p.basis == FigureBasis::Dtm)
}

/// [`idps_over_time`] and one [`IdpRow`] per point it draws.
#[must_use]
pub fn idps_with_rows(dataset: &Dataset, filters: &Filters) -> Charted<IdpRow> {
    let place = cards::place(dataset, filters);
    let lines = match &filters.governorates {
        None => national_lines(dataset, filters),
        Some(selected) => governorate_lines(dataset, filters, selected, &place),
    };
    let mut rows: Vec<IdpRow> = Vec::new();
    let series: Vec<Series> = lines
        .into_iter()
        .map(|mut line| {
            line.rows.sort_by_key(|r| r.date);
            let points = line
                .rows
                .iter()
                .map(|r| {
                    let mut p = Point::at(
                        day_number(r.date),
                        r.value as f64,
                        long_date(r.date),
                        r.source_id.clone(),
                    );
                    p.note.clone_from(&line.note);
                    p
                })
                .collect();
            rows.append(&mut line.rows);
            let mut series = Series::new(line.label, line.kind, line.colour, points);
            series.continues_from = line.continues_from;
            series
        })
        .collect();
    rows.sort_by_key(|r| r.date);
    let source = source_line(dataset, rows.iter().map(|r| r.source_id.as_str()));
    let spec = ChartSpec {
        id: ChartId::Idps,
        title: format!("IDPs over time, {place}"),
        subtitle: subtitle(dataset, filters, false),
        unit: Unit::People,
        series,
        markers: markers(dataset, filters),
        after_data: after_data(dataset, filters),
        bands: Vec::new(),
        source_line: source,
        empty_message: super::empty_message(filters, "IDP figures for these filters"),
        national_only: false,
        notes: Vec::new(),
    };
    Charted { spec, rows }
}

/// "IOM DTM", or "your file: NAME" when every point comes from that one file.
fn source_words(dataset: &Dataset, points: &[IdpPoint]) -> String {
    match points.first() {
        Some(first)
            if points.iter().all(|p| p.source_id == first.source_id)
                && rows::is_user_source(dataset, &first.source_id) =>
        {
            user_file_name(&first.source_id)
        }
        _ => "IOM DTM".into(),
    }
}

/// A row of a national figure (`pcode` empty, `governorate` "Iraq").
fn national_row(dataset: &Dataset, p: IdpPoint, series: &'static str, legend: &str) -> IdpRow {
    IdpRow {
        date: p.date,
        date_precision: dtm_date_precision(dataset, p.date),
        series,
        round: p.round,
        pcodes: Vec::new(),
        governorate: "Iraq".into(),
        basis: Basis::Displacement,
        value: p.value,
        source_id: p.source_id,
        legend: legend.into(),
    }
}

/// A row of a governorate figure (or a sum of several).
fn governorate_row(
    dataset: &Dataset,
    p: IdpPoint,
    pcodes: Vec<Pcode>,
    governorate: &str,
    legend: &str,
) -> IdpRow {
    IdpRow {
        date: p.date,
        // UNHCR's tables are year-end figures.
        date_precision: if p.basis == FigureBasis::DtmViaUnhcr {
            DatePrecision::Year
        } else {
            dtm_date_precision(dataset, p.date)
        },
        series: table_series(dataset, &p.source_id),
        round: p.round,
        pcodes,
        governorate: governorate.into(),
        basis: Basis::Displacement,
        value: p.value,
        source_id: p.source_id,
        legend: legend.into(),
    }
}

/// Without a filter: DTM's national line (or, with no national series, the sum of
/// the governorates present), returnees, UNHCR and IDMC, then each user's file.
fn national_lines(dataset: &Dataset, filters: &Filters) -> Vec<Line> {
    let mut lines = Vec::new();
    let continuation = idps::continuation(dataset, filters);
    // DTM's continuation is listed (and drawn) after the comparisons, so IDMC's
    // rounded copy of the same year-ends never hides it.
    let mut continued_line = None;
    if idps::has_national(dataset) {
        let label = "IDPs, Iraq (IOM DTM)".to_string();
        let rows = idps::national_series(dataset, filters)
            .into_iter()
            .map(|p| {
                let series = rows::national_series(dataset, &p.source_id);
                national_row(dataset, p, series, &label)
            })
            .collect();
        let continued = format!("IDPs, Iraq ({DTM_VIA_UNHCR})");
        let continuation_rows = continuation
            .iter()
            .cloned()
            .map(|p| {
                let mut row = national_row(
                    dataset,
                    p,
                    NationalSeries::UnhcrYearEnd.as_str(),
                    &continued,
                );
                row.date_precision = DatePrecision::Year;
                row
            })
            .collect();
        let mut split = with_continuation(
            Line::new(label, SeriesKind::Line, 0, rows),
            continued,
            continuation_rows,
            CONTINUATION_NOTE,
        );
        continued_line = (split.len() > 1).then(|| split.remove(1));
        lines.extend(split);
    } else {
        let (points, coverage) = idps::governorate_sum_series(dataset, filters);
        let label = match coverage {
            Some(c) => format!(
                "IDPs, sum of {} of {} governorates ({})",
                c.governorates,
                c.of,
                source_words(dataset, &points)
            ),
            None => "IDPs, Iraq (IOM DTM)".into(),
        };
        let rows = points
            .into_iter()
            .map(|p| {
                let series = table_series(dataset, &p.source_id);
                national_row(dataset, p, series, &label)
            })
            .collect();
        lines.push(Line::new(label, SeriesKind::Line, 0, rows));
    }
    lines.push(Line::new(
        RETURNEES.into(),
        SeriesKind::Line,
        1,
        returnee_rows(dataset, filters),
    ));
    for (series, label, colour) in COMPARISONS {
        // A figure drawn as DTM's continuation is not drawn a second time.
        let rows = national_rows(dataset, filters, series, label)
            .into_iter()
            .filter(|r| {
                !(series == NationalSeries::UnhcrYearEnd
                    && continuation
                        .iter()
                        .any(|c| c.date == r.date && c.source_id == r.source_id))
            })
            .collect();
        lines.push(Line::new(
            label.into(),
            SeriesKind::Comparison,
            colour,
            rows,
        ));
    }
    lines.extend(continued_line);
    for user in idps::user_national_series(dataset, filters) {
        let label = format!("IDPs, Iraq ({})", user_file_name(&user.source_id));
        let rows = user
            .points
            .into_iter()
            .map(|p| national_row(dataset, p, NationalSeries::DtmUser.as_str(), &label))
            .collect();
        let colour = free_user_colour(&lines);
        lines.push(Line::new(label, SeriesKind::Line, colour, rows));
    }
    lines
}

/// With a filter: one governorate's line; or for several, one line each (as many as
/// the palette has colours for beside the sum and the user's files) and their sum,
/// or only the sum ("sum of N governorates") when there are more; then each user's
/// file, summed over the selection.
fn governorate_lines(
    dataset: &Dataset,
    filters: &Filters,
    selected: &BTreeSet<Pcode>,
    place: &str,
) -> Vec<Line> {
    let users: Vec<UserSeries> = idps::user_governorate_series(dataset, filters, selected);
    let sum = idps::governorate_series(dataset, filters, selected);
    let words = source_words(dataset, &sum);
    let pcodes: Vec<Pcode> = selected.iter().copied().collect();
    // Colours left for governorates once the sum and each file have one.
    // Each governorate keeps its colour of every chart on the screen (the
    // governorate chart's); the user's files take colours the governorates leave.
    let room = crate::palette::GOVERNORATE_COLOURS.min(SUM_COLOUR.saturating_sub(users.len()));
    let mut lines = Vec::new();
    let each = selected.len() >= 2 && selected.len() <= room;
    if each {
        let drawn: Vec<Pcode> = selected.iter().copied().collect();
        let colours = super::governorate_colours(dataset, filters, &drawn);
        for (pcode, points) in idps::governorate_lines(dataset, filters, selected) {
            // A governorate with no figure in range has no colour and no line.
            let Some(colour) = colours.get(pcode) else {
                continue;
            };
            let name = dataset.gazetteer.name(pcode);
            let continued = format!("{name} (as published by UNHCR)");
            let (own, via) = split_by_basis(points);
            let rows = own
                .into_iter()
                .map(|p| governorate_row(dataset, p, vec![pcode], &name, &name))
                .collect();
            let via = via
                .into_iter()
                .map(|p| governorate_row(dataset, p, vec![pcode], &name, &continued))
                .collect();
            lines.extend(with_continuation(
                Line::new(name.clone(), SeriesKind::Line, colour, rows),
                continued,
                via,
                TABLE_CONTINUATION_NOTE,
            ));
        }
        // In the governorate chart's order (largest first), so the legends agree.
        lines.sort_by_key(|l| l.colour);
    }
    let (label, continued) = if selected.len() >= 2 {
        (
            format!("IDPs, sum of {} governorates ({words})", selected.len()),
            format!(
                "IDPs, sum of {} governorates ({DTM_VIA_UNHCR})",
                selected.len()
            ),
        )
    } else {
        (
            format!("IDPs, {place} ({words})"),
            format!("IDPs, {place} ({DTM_VIA_UNHCR})"),
        )
    };
    let (own, via) = split_by_basis(sum);
    let rows = own
        .into_iter()
        .map(|p| governorate_row(dataset, p, pcodes.clone(), place, &label))
        .collect();
    let via = via
        .into_iter()
        .map(|p| governorate_row(dataset, p, pcodes.clone(), place, &continued))
        .collect();
    lines.extend(with_continuation(
        Line::new(
            label,
            SeriesKind::Line,
            if each { SUM_COLOUR } else { 0 },
            rows,
        ),
        continued,
        via,
        TABLE_CONTINUATION_NOTE,
    ));
    for user in users {
        let label = if selected.len() >= 2 {
            format!(
                "IDPs, sum of {} governorates ({})",
                selected.len(),
                user_file_name(&user.source_id)
            )
        } else {
            format!("IDPs, {place} ({})", user_file_name(&user.source_id))
        };
        let rows = user
            .points
            .into_iter()
            .map(|p| governorate_row(dataset, p, pcodes.clone(), place, &label))
            .collect();
        let colour = free_user_colour(&lines);
        lines.push(Line::new(label, SeriesKind::Line, colour, rows));
    }
    lines
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
#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{DatePrecision, NationalPoint, Pcode, Precision};
    use chrono::NaiveDate;

    fn all() -> Filters {
        Filters {
            governorates: None,
            from: 2014,
            to: 2024,
        }
    }

    #[test]
    fn an_empty_dataset_gives_an_empty_chart_with_its_message() {
        let c = idps_over_time(&Dataset::default(), &all());
        assert!(c.is_empty());
        assert_eq!(
            c.empty_message,
            "No IDP figures for these filters in 2014\u{2013}2024"
        );
        assert_eq!(c.source_line, "");
    }

    #[test]
    fn a_single_round_is_one_point_with_its_returnees_and_the_dtm_credit() {
        let mut ds = Dataset::empty().unwrap();
        ds.sources.push(crate::data::Source {
            id: "r132".into(),
            publisher: "IOM DTM".into(),
            title: "Round 132".into(),
            published: "2024".into(),
            url: "https://dtm.iom.int".into(),
            note: None,
        });
        ds.idps_national.push(NationalPoint {
            date: NaiveDate::from_ymd_opt(2024, 4, 30).unwrap(),
            date_precision: DatePrecision::Day,
            round: Some(132),
            series: NationalSeries::Dtm,
            idps: 1_098_913,
            returnees: Some(4_871_916),
            households: None,
            precision: Precision::Exact,
            source_id: "r132".into(),
        });
        let c = idps_over_time(&ds, &all());
        assert_eq!(c.series[0].points.len(), 1);
        assert_eq!(c.series[0].points[0].y, 1_098_913.0);
        assert_eq!(c.series[1].points[0].y, 4_871_916.0);
        assert_eq!(
            c.source_line,
            format!("Source: {}", super::super::DTM_CREDIT)
        );
        // With a governorate filter there is no governorate table, so nothing to draw.
        let f = Filters {
            governorates: Some([Pcode::new(15).unwrap()].into()),
            ..all()
        };
        let c = idps_over_time(&ds, &f);
        assert!(c.is_empty());
        assert_eq!(
            c.series.len(),
            1,
            "returnees and comparisons are national only"
        );
    }

    #[test]
    fn without_a_national_series_the_chart_sums_the_governorates_and_says_so() {
        let mut ds = Dataset::default();
        for (pcode, n) in [(9, 10), (15, 20)] {
            ds.idps_governorate.push(crate::data::GovernoratePoint {
                date: NaiveDate::from_ymd_opt(2024, 4, 30).unwrap(),
                round: None,
                pcode: Pcode::new(pcode).unwrap(),
                basis: crate::data::Basis::Displacement,
                individuals: n,
                panel: None,
                complete: false,
                source_id: "file:mine.csv".into(),
            });
        }
        ds.user_sources.insert("file:mine.csv".into());
        let chart = idps_over_time(&ds, &Filters::all(&ds));
        assert_eq!(
            chart.series[0].label,
            "IDPs, sum of 2 of 18 governorates (your file: mine.csv)"
        );
        let ys: Vec<f64> = chart.series[0].points.iter().map(|p| p.y).collect();
        assert_eq!(ys, [30.0]);
    }

    /// The bundled data and the made-up master list (all 18 governorates on
    /// 31 Dec 2023, 34,740 IDPs; three on 30 Apr 2024), and the list's name.
    fn with_master_list() -> (Dataset, String) {
        let mut ds = Dataset::bundled().unwrap();
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/good/dtm_master_list_made_up.csv");
        let parsed = ds.read_file(&path).unwrap();
        let name = path.display().to_string();
        ds.add(&name, parsed, false);
        (ds, name)
    }

    fn value_on(series: &Series, date: NaiveDate) -> Option<f64> {
        series
            .points
            .iter()
            .find(|p| p.x == day_number(date))
            .map(|p| p.y)
    }

    #[test]
    fn a_users_complete_table_is_its_own_line_and_the_dtm_line_is_untouched() {
        let (ds, name) = with_master_list();
        let dec_2023 = NaiveDate::from_ymd_opt(2023, 12, 31).unwrap();
        let charted = idps_with_rows(&ds, &Filters::all(&ds));
        let dtm = &charted.spec.series[0];
        assert_eq!(dtm.label, "IDPs, Iraq (IOM DTM)");
        assert_eq!(value_on(dtm, dec_2023), Some(1_123_663.0));
        assert_eq!(dtm.points.len(), 80, "every DTM round, none replaced");
        let mine = charted
            .spec
            .series
            .iter()
            .find(|s| s.label == format!("IDPs, Iraq (your file: {name})"))
            .expect("the user's own line");
        assert_eq!(mine.points.len(), 1);
        assert_eq!(value_on(mine, dec_2023), Some(34_740.0));
        // One colour per line; DTM's continuation shares DTM's, dashed and hollow.
        let lines: Vec<&Series> = charted
            .spec
            .series
            .iter()
            .filter(|s| s.kind != SeriesKind::Continuation)
            .collect();
        let colours: BTreeSet<usize> = lines.iter().map(|s| s.colour).collect();
        assert_eq!(colours.len(), lines.len(), "one colour each");
        let continued = charted
            .spec
            .series
            .iter()
            .find(|s| s.kind == SeriesKind::Continuation)
            .expect("DTM's continuation");
        assert_eq!(continued.colour, dtm.colour);
        assert_ne!(mine.colour, dtm.colour);
        // Its CSV rows: national (no P-code, "Iraq"), series dtm_user, its file.
        let row = charted
            .rows
            .iter()
            .find(|r| r.source_id.starts_with("file:"))
            .unwrap();
        assert_eq!(
            (row.series, row.pcodes.is_empty(), row.governorate.as_str()),
            ("dtm_user", true, "Iraq")
        );
        assert_eq!(row.value, 34_740);
        let dtm_dec = charted
            .rows
            .iter()
            .find(|r| r.date == dec_2023 && r.series == "dtm")
            .unwrap();
        assert_eq!(dtm_dec.value, 1_123_663);
        assert!(
            charted
                .spec
                .source_line
                .ends_with(&format!("your file: {name}"))
        );
        // Under a filter the user's table is its own line too.
        let ninewa = Filters {
            governorates: Some([Pcode::new(15).unwrap()].into()),
            ..Filters::all(&ds)
        };
        let c = idps_over_time(&ds, &ninewa);
        let labels: Vec<&str> = c.series.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "IDPs, Ninewa (IOM DTM)".to_string(),
                "IDPs, Ninewa (IOM DTM figures as published by UNHCR)".to_string(),
                format!("IDPs, Ninewa (your file: {name})")
            ]
        );
        let april = NaiveDate::from_ymd_opt(2024, 4, 30).unwrap();
        assert_eq!(value_on(&c.series[0], april), Some(229_120.0));
        assert_eq!(value_on(&c.series[2], april), Some(30_003.0));
        assert_eq!(
            (c.series[0].colour, c.series[1].colour, c.series[2].colour),
            (0, 0, 5)
        );
    }

    #[test]
    fn two_governorates_give_one_line_each_and_their_sum() {
        let ds = Dataset::bundled().unwrap();
        let f = Filters {
            governorates: Some([Pcode::new(9).unwrap(), Pcode::new(11).unwrap()].into()),
            from: 2014,
            to: 2017,
        };
        let c = idps_over_time(&ds, &f);
        let labels: Vec<&str> = c.series.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Dahuk", "Erbil", "IDPs, sum of 2 governorates (IOM DTM)"]
        );
        let dec_2017 = NaiveDate::from_ymd_opt(2017, 12, 31).unwrap();
        let dahuk = value_on(&c.series[0], dec_2017).unwrap();
        let erbil = value_on(&c.series[1], dec_2017).unwrap();
        assert_eq!(value_on(&c.series[2], dec_2017), Some(618_570.0));
        assert_eq!(dahuk + erbil, 618_570.0);
        let colours: BTreeSet<usize> = c.series.iter().map(|s| s.colour).collect();
        assert_eq!(colours.len(), 3);
        // A governorate's line has the colour of its bars in the governorate chart.
        let bars = super::super::governorates(&ds, &f, Basis::Displacement);
        for line in &c.series[..2] {
            let bar = bars.series.iter().find(|s| s.label == line.label).unwrap();
            assert_eq!(bar.colour, line.colour, "{}", line.label);
        }
    }

    #[test]
    fn more_governorates_than_colours_are_drawn_as_their_sum() {
        let ds = Dataset::bundled().unwrap();
        let federal = ds.gazetteer.in_region(crate::data::Region::Federal);
        let f = Filters {
            governorates: Some(federal.into_iter().collect()),
            ..Filters::all(&ds)
        };
        let c = idps_over_time(&ds, &f);
        let labels: Vec<&str> = c.series.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "IDPs, sum of 15 governorates (IOM DTM)",
                "IDPs, sum of 15 governorates (IOM DTM figures as published by UNHCR)"
            ]
        );
        // Round 132 less the Kurdistan Region's 582,501 (Sulaymaniyah 126,474,
        // Dahuk 233,162, Erbil 222,865).
        let april = NaiveDate::from_ymd_opt(2024, 4, 30).unwrap();
        assert_eq!(value_on(&c.series[0], april), Some(516_412.0));
        // End 2025 (UNHCR): 997,334 less the Region's 560,518 (120,419 + 218,371 +
        // 221,728), continued from round 132's point.
        let end_2025 = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
        assert_eq!(value_on(&c.series[1], end_2025), Some(436_816.0));
        assert_eq!(
            c.series[1].continues_from,
            Some((day_number(april), 516_412.0))
        );
    }

    #[test]
    fn dtms_line_is_continued_by_unhcrs_figures_dashed_from_round_132() {
        let ds = Dataset::bundled().unwrap();
        let charted = idps_with_rows(&ds, &Filters::all(&ds));
        let c = &charted.spec;
        let dtm = &c.series[0];
        assert_eq!(dtm.label, "IDPs, Iraq (IOM DTM)");
        assert_eq!(dtm.points.len(), 80, "DTM's rounds only");
        let april = NaiveDate::from_ymd_opt(2024, 4, 30).unwrap();
        assert_eq!(dtm.points.last().map(|p| p.x), Some(day_number(april)));
        // After the comparisons, so IDMC's rounded copy never hides it.
        let cont = c
            .series
            .iter()
            .find(|s| s.kind == SeriesKind::Continuation)
            .expect("the continuation");
        assert_eq!(
            c.series
                .iter()
                .map(|s| s.label.as_str())
                .collect::<Vec<_>>(),
            [
                "IDPs, Iraq (IOM DTM)",
                "Returnees (IOM DTM)",
                "UNHCR year-end (equals DTM's December round from 2017)",
                "IDMC conflict stock (year-end)",
                "IDPs, Iraq (IOM DTM figures as published by UNHCR)"
            ]
        );
        assert_eq!(cont.kind, SeriesKind::Continuation);
        assert_eq!(cont.colour, dtm.colour);
        assert_eq!(cont.continues_from, Some((day_number(april), 1_098_913.0)));
        let ys: Vec<f64> = cont.points.iter().map(|p| p.y).collect();
        assert_eq!(ys, [1_031_475.0, 997_334.0]);
        assert!(
            cont.points[0]
                .note
                .as_deref()
                .is_some_and(|n| n.contains("not a DTM round"))
        );
        // UNHCR's comparison line no longer repeats them.
        let unhcr = c
            .series
            .iter()
            .find(|s| s.label.starts_with("UNHCR year-end"))
            .unwrap();
        let end_2024 = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
        assert_eq!(value_on(unhcr, end_2024), None);
        let end_2023 = NaiveDate::from_ymd_opt(2023, 12, 31).unwrap();
        assert_eq!(value_on(unhcr, end_2023), Some(1_123_663.0));
        // Tabled as UNHCR's year-ends, never as rounds.
        let rows: Vec<(&str, Option<u32>, u64)> = charted
            .rows
            .iter()
            .filter(|r| r.legend == cont.label)
            .map(|r| (r.series, r.round, r.value))
            .collect();
        assert_eq!(
            rows,
            [
                ("unhcr_year_end", None, 1_031_475),
                ("unhcr_year_end", None, 997_334)
            ]
        );
        // The after-the-data strip lists 2026's events.
        let after: Vec<&str> = c.after_data.iter().map(|e| e.title.as_str()).collect();
        assert!(
            after.contains(&"Iraqi forces take full control of Ain al-Asad"),
            "{after:?}"
        );
        assert!(c.after_data.iter().all(|e| e.date.ends_with("2026")));
        assert!(
            c.markers
                .iter()
                .any(|m| m.label.contains("UNAMI mandate ends"))
        );
        let to_2020 = Filters {
            to: 2020,
            ..Filters::all(&ds)
        };
        assert!(idps_over_time(&ds, &to_2020).after_data.is_empty());
    }

    #[test]
    fn under_a_filter_unhcrs_tables_continue_the_governorate_line() {
        let ds = Dataset::bundled().unwrap();
        let ninewa = Filters {
            governorates: Some([Pcode::new(15).unwrap()].into()),
            ..Filters::all(&ds)
        };
        let charted = idps_with_rows(&ds, &ninewa);
        let labels: Vec<&str> = charted
            .spec
            .series
            .iter()
            .map(|s| s.label.as_str())
            .collect();
        assert_eq!(
            labels,
            [
                "IDPs, Ninewa (IOM DTM)",
                "IDPs, Ninewa (IOM DTM figures as published by UNHCR)"
            ]
        );
        let april = NaiveDate::from_ymd_opt(2024, 4, 30).unwrap();
        assert_eq!(value_on(&charted.spec.series[0], april), Some(229_120.0));
        let ys: Vec<f64> = charted.spec.series[1].points.iter().map(|p| p.y).collect();
        assert_eq!(ys, [221_911.0, 198_287.0]);
        let row = charted.rows.last().unwrap();
        assert_eq!(
            (row.series, row.date_precision, row.source_id.as_str()),
            (
                "unhcr_year_end",
                DatePrecision::Year,
                "c_unhcr_rdf_demog_2025"
            )
        );
    }
}

//! The admin-level rule of the DTM API and HDX HAPI readers.
//!
//! **Levels are never added together.** A DTM API or HAPI file holds the same people
//! at admin 0 (the country), 1 (governorates) and 2 (districts). Admin-0 rows become
//! the national series, admin-1 rows the governorate table; admin-2 rows are left out
//! (`other_admin_level`), except for a round that has no admin-1 row, whose districts
//! are summed to governorates (and the user is told). Of several rounds on one date
//! only the latest is kept, as for master lists; of several assessments of one round,
//! the baseline (`BA`) is kept. A duplicate row is left out, never added.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::data::cells::{Cells, GOVERNORATE, agreeing, mark_complete, parse_date};
use crate::data::country::rows_word;
use crate::data::error::Warning;
use crate::data::parsed::LeftOut;
use crate::data::published::{Count, count_cell, operation_source_id};
use crate::data::schema::col;
use crate::domain::Pcode;
use crate::domain::{
    Basis, DatePrecision, GovernoratePoint, NationalPoint, NationalSeries, Precision,
};

/// DTM's token for a baseline assessment (`assessmentType`).
const BASELINE: &str = "BA";

/// The admin level of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(in crate::data) enum Level {
    National,
    Governorate,
    District,
}

/// The level of a row: its admin-level column, else the deepest admin column filled.
pub(in crate::data) fn level_of(
    c: &mut Cells,
    row: usize,
    governorate_columns: &[&str],
) -> Option<Level> {
    if c.index(col::ADMIN_LEVEL).is_some() {
        return c.required(
            row,
            col::ADMIN_LEVEL,
            "an admin level 0, 1 or 2",
            |t| match t.trim_end_matches(".0") {
                "0" => Some(Level::National),
                "1" => Some(Level::Governorate),
                "2" => Some(Level::District),
                _ => None,
            },
        );
    }
    let filled = |c: &Cells, names: &[&str]| {
        names.iter().any(|n| {
            c.raw
                .column(n)
                .is_some_and(|i| c.raw.cell(i, row).is_some())
        })
    };
    if filled(c, &[col::DISTRICT, col::DISTRICT_CODE]) {
        Some(Level::District)
    } else if filled(c, governorate_columns) {
        Some(Level::Governorate)
    } else {
        Some(Level::National)
    }
}

/// The governorate of a row from the first filled of `columns` (P-code first); every
/// filled one must name the same governorate.
pub(in crate::data) fn governorate_of(
    c: &mut Cells,
    row: usize,
    columns: &[&'static str],
) -> Option<Pcode> {
    let mut found: Option<(Pcode, usize)> = None;
    let mut first_column = None;
    for &name in columns {
        let Some(i) = c.index(name) else {
            continue;
        };
        first_column.get_or_insert(name);
        if found.is_some() && name == col::HAPI_PROVIDER_ADMIN1 {
            // The provider's own spelling only stands in for a missing code or name.
            continue;
        }
        let Some(text) = c.raw.cell(i, row).map(str::to_string) else {
            continue;
        };
        match c.gazetteer().resolve(&text) {
            Ok(resolved) => {
                if let Some((other, other_column)) = found {
                    if other != resolved.pcode {
                        let expected = agreeing(c.raw, c.gazetteer(), other, other_column, row);
                        c.problem(row, name, &expected, &text);
                        return None;
                    }
                } else {
                    if let Some(message) = resolved.warning {
                        c.warn(row, &message);
                    }
                    found = Some((resolved.pcode, i));
                }
            }
            Err(e) => {
                let expected = format!("a known governorate name or P-code ({e})");
                c.problem(row, name, &expected, &text);
                return None;
            }
        }
    }
    if found.is_none() {
        c.problem(row, first_column.unwrap_or(col::PCODE), GOVERNORATE, "");
    }
    found.map(|(p, _)| p)
}

/// One figure of a DTM API or HAPI file, read and checked.
#[derive(Debug, Clone)]
pub(in crate::data) struct LevelRow {
    /// The data row.
    pub row: usize,
    pub operation: Option<String>,
    pub date: NaiveDate,
    pub round: Option<u32>,
    pub assessment: Option<String>,
    pub level: Level,
    /// The governorate (of a district row: the district's governorate).
    pub pcode: Option<Pcode>,
    /// A district row's code or name.
    pub district: Option<String>,
    pub value: u64,
}

/// Where a format keeps the columns of a [`LevelRow`].
#[derive(Debug, Clone, Copy)]
pub(in crate::data) struct Spec {
    /// The date of a figure.
    pub date: &'static str,
    /// The number of IDPs.
    pub value: &'static str,
    /// The columns naming a row's governorate, P-code first.
    pub places: &'static [&'static str],
}

/// Reads one figure of a DTM API or HAPI file: `Ok(None)` when the row publishes no
/// figure (an empty count, a gap and never 0), `Err` after a problem. A district
/// row's governorate is resolved quietly: it is needed (and a bad one reported) only
/// when its round has no governorate rows.
fn level_row(c: &mut Cells, row: usize, spec: Spec) -> Result<Option<LevelRow>, ()> {
    let operation = c.opt_text(row, col::OPERATION);
    let date = date_cell(c, row, spec.date);
    let round = round_cell(c, row);
    let assessment = c.opt_text(row, col::ASSESSMENT_TYPE);
    let level = level_of(c, row, spec.places);
    let value = count_cell(c, row, spec.value);
    let district = [col::DISTRICT_CODE, col::DISTRICT]
        .iter()
        .find_map(|n| c.index(n).and_then(|i| c.raw.cell(i, row)))
        .map(String::from);
    let level = level.ok_or(())?;
    let pcode = match level {
        Level::National => None,
        Level::Governorate => Some(governorate_of(c, row, spec.places).ok_or(())?),
        Level::District => quietly(c, |c| governorate_of(c, row, spec.places)),
    };
    let (date, round) = (date.ok_or(())?, round?);
    let value = match value? {
        Count::Value(v) => v,
        Count::Masked | Count::Missing => return Ok(None),
    };
    Ok(Some(LevelRow {
        row,
        operation,
        date,
        round,
        assessment,
        level,
        pcode,
        district,
        value,
    }))
}

/// Reads the figures of these rows, counting the rows that publish none.
pub(in crate::data) fn level_rows(
    c: &mut Cells,
    rows: impl IntoIterator<Item = usize>,
    spec: Spec,
) -> (Vec<LevelRow>, Option<LeftOut>) {
    let mut figures = Vec::new();
    let mut empty = 0;
    for row in rows {
        match level_row(c, row, spec) {
            Ok(Some(f)) => figures.push(f),
            Ok(None) => empty += 1,
            Err(()) => {}
        }
    }
    let left_out = (empty > 0).then(|| LeftOut {
        reason: "no_value",
        rows: empty,
        detail: format!("{} with no IDP figure left out", rows_word(empty)),
    });
    (figures, left_out)
}

/// Runs `f` and forgets the problems and warnings it collected.
fn quietly<T>(c: &mut Cells, f: impl FnOnce(&mut Cells) -> T) -> T {
    let (problems, warnings) = (c.problems.len(), c.warnings.len());
    let out = f(c);
    c.problems.truncate(problems);
    c.warnings.truncate(warnings);
    out
}

/// Counts of rows left out, by reason, with what the details need.
#[derive(Debug, Default)]
struct Tally {
    older_round: usize,
    other_assessment: usize,
    assessments: BTreeSet<String>,
    duplicate: usize,
    district: usize,
}

/// The tables of a DTM API or HAPI file: governorate points and national points, and
/// what was left out (see the module documentation).
pub(in crate::data) fn assemble(
    c: &mut Cells,
    rows: Vec<LevelRow>,
    spec: Spec,
) -> (Vec<GovernoratePoint>, Vec<NationalPoint>, Vec<LeftOut>) {
    let mut groups: BTreeMap<(Option<String>, NaiveDate), Vec<LevelRow>> = BTreeMap::new();
    for r in rows {
        groups
            .entry((r.operation.clone(), r.date))
            .or_default()
            .push(r);
    }
    let mut tally = Tally::default();
    let mut governorates = Vec::new();
    let mut national = Vec::new();
    for ((operation, date), group) in groups {
        let source_id = operation_source_id(&c.raw.file, operation.as_deref());
        let place = match &operation {
            Some(op) => format!("{date} (operation {op})"),
            None => date.to_string(),
        };
        let group = latest_round(c, &mut tally, &place, group);
        let group = one_assessment(&mut tally, group);
        let round = group.first().and_then(|r| r.round);
        let (mut seen_national, mut seen_governorate) = (false, BTreeSet::new());
        let mut districts: BTreeMap<Pcode, u64> = BTreeMap::new();
        let mut seen_district = BTreeSet::new();
        let has_governorates = group.iter().any(|r| r.level == Level::Governorate);
        let mut summed = 0;
        for r in &group {
            match (r.level, r.pcode) {
                (Level::National, _) => {
                    if std::mem::replace(&mut seen_national, true) {
                        tally.duplicate += 1;
                        continue;
                    }
                    national.push(NationalPoint {
                        date,
                        date_precision: DatePrecision::Day,
                        round,
                        series: NationalSeries::DtmUser,
                        idps: r.value,
                        returnees: None,
                        households: None,
                        precision: Precision::Exact,
                        source_id: source_id.clone(),
                    });
                }
                (Level::Governorate, Some(pcode)) => {
                    if !seen_governorate.insert(pcode) {
                        tally.duplicate += 1;
                        continue;
                    }
                    governorates.push(point(date, round, pcode, r.value, &source_id));
                }
                (Level::District, _) if has_governorates => tally.district += 1,
                (Level::District, Some(pcode)) => {
                    if !seen_district.insert((pcode, r.district.clone())) {
                        tally.duplicate += 1;
                        continue;
                    }
                    let sum = districts.entry(pcode).or_default();
                    *sum = sum.saturating_add(r.value);
                    summed += 1;
                }
                (Level::District, None) => {
                    // Reports why its governorate is not known.
                    governorate_of(c, r.row, spec.places);
                }
                (Level::Governorate, None) => {}
            }
        }
        if summed > 0 {
            let round_text = round.map(|n| format!("round {n} of ")).unwrap_or_default();
            c.warnings.push(Warning {
                file: c.raw.file.clone(),
                message: format!(
                    "{round_text}{place} has no governorate rows: its {summed} district rows were summed to {} governorates",
                    districts.len()
                ),
            });
            for (pcode, value) in districts {
                governorates.push(point(date, round, pcode, value, &source_id));
            }
        }
    }
    mark_complete(&mut governorates, c.gazetteer().governorates().len());
    governorates
        .sort_by(|a, b| (a.date, &a.source_id, a.pcode).cmp(&(b.date, &b.source_id, b.pcode)));
    national.sort_by(|a, b| (a.date, &a.source_id).cmp(&(b.date, &b.source_id)));
    (governorates, national, tally.left_out())
}

fn point(
    date: NaiveDate,
    round: Option<u32>,
    pcode: Pcode,
    individuals: u64,
    source_id: &str,
) -> GovernoratePoint {
    GovernoratePoint {
        date,
        round,
        pcode,
        basis: Basis::Displacement,
        individuals,
        panel: None,
        complete: false,
        source_id: source_id.to_string(),
    }
}

/// Keeps the rows of the latest round of a date, saying which rounds were left out.
fn latest_round(
    c: &mut Cells,
    tally: &mut Tally,
    place: &str,
    group: Vec<LevelRow>,
) -> Vec<LevelRow> {
    let latest = group.iter().map(|r| r.round).max().flatten();
    let (keep, old): (Vec<LevelRow>, Vec<LevelRow>) =
        group.into_iter().partition(|r| r.round == latest);
    if !old.is_empty() {
        let rounds: BTreeSet<String> = old
            .iter()
            .map(|r| {
                r.round
                    .map_or_else(|| "without a number".into(), |n| n.to_string())
            })
            .collect();
        let rounds: Vec<String> = rounds.into_iter().collect();
        let kept = latest.map_or_else(
            || "the round without a number".into(),
            |n| format!("round {n}"),
        );
        c.warnings.push(Warning {
            file: c.raw.file.clone(),
            message: format!(
                "{place}: {kept} kept; round {} of the same date left out ({})",
                rounds.join(", "),
                rows_word(old.len())
            ),
        });
        tally.older_round += old.len();
    }
    keep
}

/// Keeps one assessment of a round: the baseline (`BA`) if there is one, else the
/// first in the file.
fn one_assessment(tally: &mut Tally, group: Vec<LevelRow>) -> Vec<LevelRow> {
    let types: BTreeSet<Option<String>> = group.iter().map(|r| r.assessment.clone()).collect();
    if types.len() < 2 {
        return group;
    }
    let chosen = if types.contains(&Some(BASELINE.into())) {
        Some(BASELINE.to_string())
    } else {
        group.first().and_then(|r| r.assessment.clone())
    };
    let (keep, other): (Vec<LevelRow>, Vec<LevelRow>) =
        group.into_iter().partition(|r| r.assessment == chosen);
    tally.other_assessment += other.len();
    tally.assessments.extend(
        other
            .into_iter()
            .map(|r| r.assessment.unwrap_or_else(|| "none".into())),
    );
    keep
}

impl Tally {
    fn left_out(self) -> Vec<LeftOut> {
        let mut out = Vec::new();
        if self.district > 0 {
            out.push(LeftOut {
                reason: "other_admin_level",
                rows: self.district,
                detail: format!(
                    "{} of districts (admin 2) left out: the governorate rows of the same rounds are kept, and levels are never added together",
                    rows_word(self.district)
                ),
            });
        }
        if self.older_round > 0 {
            out.push(LeftOut {
                reason: "older_round",
                rows: self.older_round,
                detail: format!(
                    "{} of older rounds left out: only the latest round of a date is kept",
                    rows_word(self.older_round)
                ),
            });
        }
        if self.other_assessment > 0 {
            let types: Vec<String> = self.assessments.into_iter().collect();
            out.push(LeftOut {
                reason: "other_assessment",
                rows: self.other_assessment,
                detail: format!(
                    "{} of other assessments ({}) left out: one assessment of a round is kept, the baseline (BA) first",
                    rows_word(self.other_assessment),
                    types.join(", ")
                ),
            });
        }
        if self.duplicate > 0 {
            out.push(LeftOut {
                reason: "duplicate",
                rows: self.duplicate,
                detail: format!(
                    "{} repeating an earlier row's operation, date, round and place left out",
                    rows_word(self.duplicate)
                ),
            });
        }
        out
    }
}

/// The date of a row, from `name`.
pub(in crate::data) fn date_cell(
    c: &mut Cells,
    row: usize,
    name: &'static str,
) -> Option<NaiveDate> {
    c.required(row, name, "a date as YYYY-MM-DD", parse_date)
}

/// A DTM round number (0, which DTM uses for a first assessment, is no number).
pub(in crate::data) fn round_cell(c: &mut Cells, row: usize) -> Result<Option<u32>, ()> {
    c.optional(row, col::ROUND, "a DTM round number", |t| {
        t.trim_end_matches(".0").parse::<u32>().ok()
    })
    .map(|r| r.filter(|n| *n > 0))
}

//! Turns a [`RawTable`] of text cells into validated records of one table kind.
//!
//! Every cell is checked (dates parse, counts are whole numbers of 0 or more, codes
//! are known, governorates resolve in the gazetteer), and every problem in the file is
//! collected, so the user fixes a file in one pass rather than one error at a time.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::error::{DataError, Problem, Warning};
use super::gazetteer::{Gazetteer, Governorate, Pcode, Region};
use super::raw::RawTable;
use super::records::{
    Basis, CampCount, CampDefinition, CampEvent, CampEventKind, CampScope, DatePrecision, Event,
    EventCategory, FundingFlow, FundingKind, FundingRow, GovernoratePoint, NationalPoint,
    NationalSeries, PeopleUnit, Precision, Source,
};
use super::schema::{Shape, TableKind, col};

/// The rows of one file, of one kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Table {
    Governorates(Vec<Governorate>),
    Sources(Vec<Source>),
    IdpsNational(Vec<NationalPoint>),
    IdpsGovernorate(Vec<GovernoratePoint>),
    Camps(Vec<CampEvent>),
    CampCounts(Vec<CampCount>),
    Funding(Vec<FundingRow>),
    Events(Vec<Event>),
    FundingFlows(Vec<FundingFlow>),
}

impl Table {
    /// The kind of this table.
    #[must_use]
    pub fn kind(&self) -> TableKind {
        match self {
            Table::Governorates(_) => TableKind::Governorates,
            Table::Sources(_) => TableKind::Sources,
            Table::IdpsNational(_) => TableKind::IdpsNational,
            Table::IdpsGovernorate(_) => TableKind::IdpsGovernorate,
            Table::Camps(_) => TableKind::Camps,
            Table::CampCounts(_) => TableKind::CampCounts,
            Table::Funding(_) => TableKind::Funding,
            Table::Events(_) => TableKind::Events,
            Table::FundingFlows(_) => TableKind::FundingFlows,
        }
    }

    /// Number of rows.
    #[must_use]
    pub fn len(&self) -> usize {
        match self {
            Table::Governorates(v) => v.len(),
            Table::Sources(v) => v.len(),
            Table::IdpsNational(v) => v.len(),
            Table::IdpsGovernorate(v) => v.len(),
            Table::Camps(v) => v.len(),
            Table::CampCounts(v) => v.len(),
            Table::Funding(v) => v.len(),
            Table::Events(v) => v.len(),
            Table::FundingFlows(v) => v.len(),
        }
    }

    /// The distinct source ids its rows point to (none for the gazetteer and sources).
    #[must_use]
    pub fn source_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = match self {
            Table::Governorates(_) | Table::Sources(_) => Vec::new(),
            Table::IdpsNational(v) => v.iter().map(|r| r.source_id.clone()).collect(),
            Table::IdpsGovernorate(v) => v.iter().map(|r| r.source_id.clone()).collect(),
            Table::Camps(v) => v.iter().map(|r| r.source_id.clone()).collect(),
            Table::CampCounts(v) => v.iter().map(|r| r.source_id.clone()).collect(),
            Table::Funding(v) => v
                .iter()
                .flat_map(|r| std::iter::once(&r.source_id).chain(&r.reported_source_id))
                .cloned()
                .collect(),
            Table::Events(v) => v.iter().map(|r| r.source_id.clone()).collect(),
            Table::FundingFlows(v) => v.iter().map(|r| r.source_id.clone()).collect(),
        };
        ids.sort();
        ids.dedup();
        ids
    }

    /// True when the table has no rows (never the case for a parsed file).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A parsed table and what was noticed while reading it.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub table: Table,
    pub warnings: Vec<Warning>,
    /// What the file was recognised as.
    pub shape: Shape,
    /// For a DTM master list: how many location rows were summed into the table.
    pub locations_aggregated: Option<usize>,
    /// Data rows read from the file.
    pub rows_read: usize,
    /// Rows read and deliberately not kept (other countries, totals rows, older
    /// rounds, other admin levels...), counted by reason.
    pub left_out: Vec<LeftOut>,
    /// More tables from the same file (a DTM API export's national rows beside its
    /// governorate rows); each is added like the main one.
    pub also: Vec<Table>,
    /// How a master list without a date column was dated ("round 123 (30 Sep 2021,
    /// from the file name)").
    pub dating: Option<String>,
    /// A funding file's FTS snapshot date (`YYYY-MM-DD`), from its name or its
    /// modification date; the source's "published".
    pub as_of: Option<String>,
}

/// Rows of a file that were read and not kept, with why (`check --json`'s `left_out`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LeftOut {
    /// A token: `other_country`, `totals_row`, `older_round`, `other_admin_level`,
    /// `multi_country_flow`, `blank`...
    pub reason: &'static str,
    pub rows: usize,
    /// In words, for the user ("1,596 rows of other countries left out: HTI, SDN").
    pub detail: String,
}

/// Validates every row of `raw` as its recognised shape (not master lists: see
/// `masterlist.rs`).
pub fn parse(raw: &RawTable, gazetteer: &Gazetteer) -> Result<Parsed, DataError> {
    let mut cells = Cells::new(raw, gazetteer);
    let table = match raw.shape {
        Shape::Table(kind) => match kind {
            TableKind::Governorates => Table::Governorates(governorates(&mut cells)),
            TableKind::Sources => Table::Sources(sources(&mut cells)),
            TableKind::IdpsNational => Table::IdpsNational(idps_national(&mut cells)),
            TableKind::IdpsGovernorate => Table::IdpsGovernorate(idps_governorate(&mut cells)),
            TableKind::Camps => Table::Camps(camps(&mut cells)),
            TableKind::CampCounts => Table::CampCounts(camp_counts(&mut cells)),
            TableKind::Funding => Table::Funding(funding(&mut cells)),
            TableKind::Events => Table::Events(events(&mut cells)),
            // Not in `Shape::ALL`; a remembered mapping may name it: read as FTS flows.
            TableKind::FundingFlows => Table::FundingFlows(super::fts_flows::flows(&mut cells)?),
        },
        Shape::FtsExport => Table::Funding(super::fts::funding(&mut cells)),
        Shape::FtsFlows => Table::FundingFlows(super::fts_flows::flows(&mut cells)?),
        Shape::DtmMasterList => {
            return Err(DataError::Malformed {
                file: raw.file.clone(),
                reason: "a master list is read by the master-list reader".into(),
            });
        }
    };
    if cells.problems.is_empty() {
        Ok(Parsed {
            table,
            warnings: cells.warnings,
            shape: raw.shape,
            locations_aggregated: None,
            rows_read: raw.height(),
            left_out: cells.left_out,
            also: Vec::new(),
            dating: None,
            as_of: None,
        })
    } else {
        Err(DataError::Invalid(cells.problems))
    }
}

pub(super) const DATE: &str = "a date as YYYY-MM-DD";
pub(super) const COUNT: &str = "a whole number, 0 or more";
pub(super) const TEXT: &str = "a value";
pub(super) const GOVERNORATE: &str = "a governorate name or P-code";

/// Reads cells by column name, collecting problems and warnings.
pub(super) struct Cells<'a> {
    pub(super) raw: &'a RawTable,
    gazetteer: &'a Gazetteer,
    pub(super) problems: Vec<Problem>,
    pub(super) warnings: Vec<Warning>,
    /// Rows read and deliberately not kept, moved into [`Parsed::left_out`].
    pub(super) left_out: Vec<LeftOut>,
}

impl<'a> Cells<'a> {
    pub(super) fn new(raw: &'a RawTable, gazetteer: &'a Gazetteer) -> Self {
        Cells {
            raw,
            gazetteer,
            problems: Vec::new(),
            warnings: Vec::new(),
            left_out: Vec::new(),
        }
    }

    pub(super) fn rows(&self) -> std::ops::Range<usize> {
        0..self.raw.height()
    }

    pub(super) fn index(&self, name: &'static str) -> Option<usize> {
        self.raw.column(name)
    }

    pub(super) fn problem(&mut self, row: usize, name: &str, expected: &str, found: &str) {
        let problem = self
            .raw
            .problem(row, self.raw.column(name), name, expected, found);
        self.problems.push(problem);
    }

    /// A warning about one row.
    pub(super) fn warn(&mut self, row: usize, message: &str) {
        let line = self.raw.line(row);
        let sheet = self
            .raw
            .sheet
            .as_ref()
            .map(|s| format!("sheet \"{s}\", "))
            .unwrap_or_default();
        self.warnings.push(Warning {
            file: self.raw.file.clone(),
            message: format!("{sheet}row {line}: {message}"),
        });
    }

    /// An optional cell parsed by `read`; a bad value is a problem and gives `Err`.
    pub(super) fn optional<T>(
        &mut self,
        row: usize,
        name: &'static str,
        expected: &str,
        read: impl FnOnce(&str) -> Option<T>,
    ) -> Result<Option<T>, ()> {
        let Some(i) = self.index(name) else {
            return Ok(None);
        };
        let Some(text) = self.raw.cell(i, row) else {
            return Ok(None);
        };
        if let Some(v) = read(text) {
            Ok(Some(v))
        } else {
            let text = text.to_string();
            self.problem(row, name, expected, &text);
            Err(())
        }
    }

    /// A cell that must hold a value.
    pub(super) fn required<T>(
        &mut self,
        row: usize,
        name: &'static str,
        expected: &str,
        read: impl FnOnce(&str) -> Option<T>,
    ) -> Option<T> {
        match self.optional(row, name, expected, read) {
            Ok(Some(v)) => Some(v),
            Ok(None) => {
                self.problem(row, name, expected, "");
                None
            }
            Err(()) => None,
        }
    }

    pub(super) fn text(&mut self, row: usize, name: &'static str) -> Option<String> {
        self.required(row, name, TEXT, |t| Some(t.to_string()))
    }

    pub(super) fn opt_text(&mut self, row: usize, name: &'static str) -> Option<String> {
        self.optional(row, name, TEXT, |t| Some(t.to_string()))
            .ok()
            .flatten()
    }

    pub(super) fn date(&mut self, row: usize, name: &'static str) -> Option<NaiveDate> {
        self.required(row, name, DATE, parse_date)
    }

    pub(super) fn count(&mut self, row: usize, name: &'static str) -> Option<u64> {
        self.required(row, name, COUNT, parse_count)
    }

    pub(super) fn opt_count(&mut self, row: usize, name: &'static str) -> Result<Option<u64>, ()> {
        self.optional(row, name, COUNT, parse_count)
    }

    pub(super) fn token<T>(
        &mut self,
        row: usize,
        name: &'static str,
        tokens: &[&str],
        read: impl FnOnce(&str) -> Option<T>,
    ) -> Option<T> {
        self.required(row, name, &one_of(tokens), read)
    }

    fn precision(&mut self, row: usize) -> Result<DatePrecision, ()> {
        let expected = one_of(DatePrecision::TOKENS);
        self.optional(row, col::DATE_PRECISION, &expected, DatePrecision::parse)
            .map(|p| p.unwrap_or(DatePrecision::Day))
    }

    /// The governorate of a row, through the gazetteer, from its P-code column, its
    /// name column, or both (which must then agree).
    pub(super) fn governorate(&mut self, row: usize) -> Option<Pcode> {
        let mut found: Option<(Pcode, usize)> = None;
        for name in [col::PCODE, col::GOVERNORATE] {
            let Some(i) = self.index(name) else {
                continue;
            };
            let Some(text) = self.raw.cell(i, row).map(str::to_string) else {
                self.problem(row, name, GOVERNORATE, "");
                return None;
            };
            match self.gazetteer.resolve(&text) {
                Ok(resolved) => {
                    if let Some(message) = resolved.warning {
                        self.warn(row, &message);
                    }
                    if let Some((other, other_column)) = found
                        && other != resolved.pcode
                    {
                        let expected = agreeing(self.raw, self.gazetteer, other, other_column, row);
                        self.problem(row, name, &expected, &text);
                        return None;
                    }
                    found = Some((resolved.pcode, i));
                }
                Err(e) => {
                    let expected = format!("a known governorate name or P-code ({e})");
                    self.problem(row, name, &expected, &text);
                    return None;
                }
            }
        }
        found.map(|(p, _)| p)
    }

    /// The source of a row; a file without a `source_id` column is its own source.
    pub(super) fn source(&mut self, row: usize) -> Option<String> {
        if self.index(col::SOURCE_ID).is_some() {
            self.text(row, col::SOURCE_ID)
        } else {
            Some(file_source_id(&self.raw.file))
        }
    }
}

/// What a governorate cell must say when another column already names one.
pub(super) fn agreeing(
    raw: &RawTable,
    gazetteer: &Gazetteer,
    other: Pcode,
    other_column: usize,
    row: usize,
) -> String {
    let header = raw.header.get(other_column).cloned().unwrap_or_default();
    let text = raw.cell(other_column, row).unwrap_or_default();
    format!(
        "the same governorate as column \"{header}\" (\"{text}\" is {})",
        gazetteer.name(other)
    )
}

/// The source id given to rows of a user file that names no source.
#[must_use]
pub fn file_source_id(file: &str) -> String {
    format!("file:{file}")
}

pub(super) fn one_of(tokens: &[&str]) -> String {
    format!("one of {}", tokens.join(", "))
}

/// A date as `YYYY-MM-DD` (a time after it, as spreadsheets and APIs write it, is
/// ignored: `2014-04-01T00:00:00`, `2010-11-30 00:00:00+00:00`), `YYYY/MM/DD`, or an
/// Excel serial day number (`45291` is 31 Dec 2023) as workbooks saved without a
/// date format hold them.
pub(super) fn parse_date(text: &str) -> Option<NaiveDate> {
    let day = text.split([' ', 'T']).next().unwrap_or(text);
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(day, "%Y/%m/%d"))
        .ok()
        .or_else(|| excel_serial_date(text))
}

/// An Excel serial date (days since 30 Dec 1899; a time of day as its fraction),
/// between 1 Jan 1990 and 31 Dec 2100, so a count is never taken for a date.
pub(super) fn excel_serial_date(text: &str) -> Option<NaiveDate> {
    let serial: f64 = text.trim().parse().ok()?;
    if !(32_874.0..=73_415.0).contains(&serial) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    epoch.checked_add_days(chrono::Days::new(serial.floor() as u64))
}

/// A whole number of 0 or more, with or without thousands separators
/// (`1665108`, `"1,665,108"`), or written as a whole float (`1200.0`).
pub(super) fn parse_count(text: &str) -> Option<u64> {
    if let Ok(n) = text.parse() {
        return Some(n);
    }
    if let Some(whole) = text.strip_suffix(".0") {
        return whole.parse().ok();
    }
    let mut groups = text.split(',');
    let first = groups.next()?;
    let grouped = (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.clone().count() > 0
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    if grouped {
        text.replace(',', "").parse().ok()
    } else {
        None
    }
}

/// A DTM round: `123`, `R38`, `Round3`, `Round 3`, `round_123` (0 is not a round).
pub(super) fn parse_round(text: &str) -> Option<u32> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    let digits = lower
        .strip_prefix("round")
        .or_else(|| lower.strip_prefix('r'))
        .map_or(lower.as_str(), |rest| {
            rest.trim_start_matches([' ', '_', '-', '.'])
        });
    let digits = digits.strip_suffix(".0").unwrap_or(digits);
    digits.parse().ok().filter(|r| *r > 0)
}

fn parse_pct(text: &str) -> Option<f64> {
    text.parse::<f64>()
        .ok()
        .filter(|p| p.is_finite() && *p >= 0.0)
}

fn parse_bool(text: &str) -> Option<bool> {
    match text.to_ascii_lowercase().as_str() {
        "true" | "yes" | "1" => Some(true),
        "false" | "no" | "0" => Some(false),
        _ => None,
    }
}

pub(super) fn parse_year(text: &str) -> Option<i32> {
    text.parse().ok().filter(|y| (1900..=2100).contains(y))
}

fn parse_region(text: &str) -> Option<Region> {
    match text.to_ascii_lowercase().as_str() {
        "federal" => Some(Region::Federal),
        "kri" => Some(Region::Kri),
        _ => None,
    }
}

fn governorates(c: &mut Cells) -> Vec<Governorate> {
    let mut out = Vec::new();
    for row in c.rows() {
        let pcode = c.required(row, col::PCODE, "a P-code IQG01 to IQG18", Pcode::parse);
        let iso = c.text(row, col::ISO_3166_2);
        let name_en = c.text(row, col::NAME_EN);
        let name_ar = c.text(row, col::NAME_AR);
        let alt = c.opt_text(row, col::ALT_NAMES).unwrap_or_default();
        let region = c.token(row, col::REGION, &["federal", "kri"], parse_region);
        if let (Some(pcode), Some(iso_3166_2), Some(name_en), Some(name_ar), Some(region)) =
            (pcode, iso, name_en, name_ar, region)
        {
            let alt_names = alt
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            out.push(Governorate {
                pcode,
                iso_3166_2,
                name_en,
                name_ar,
                alt_names,
                region,
            });
        }
    }
    out
}

fn sources(c: &mut Cells) -> Vec<Source> {
    let mut out = Vec::new();
    for row in c.rows() {
        let id = c.text(row, col::SOURCE_ID);
        let publisher = c.text(row, col::PUBLISHER);
        let title = c.text(row, col::TITLE);
        let date_published = c.text(row, col::PUBLISHED);
        let url = c.text(row, col::URL);
        let note = c.opt_text(row, col::NOTE);
        if let (Some(id), Some(publisher), Some(title), Some(on), Some(url)) =
            (id, publisher, title, date_published, url)
        {
            out.push(Source {
                id,
                publisher,
                title,
                published: on,
                url,
                note,
            });
        }
    }
    out
}

fn idps_national(c: &mut Cells) -> Vec<NationalPoint> {
    let mut out = Vec::new();
    for row in c.rows() {
        let date = c.date(row, col::DATE);
        let date_precision = c.precision(row);
        let round = c.optional(row, col::ROUND, "a DTM round number", parse_round);
        let series = c.token(
            row,
            col::SERIES,
            NationalSeries::TOKENS,
            NationalSeries::parse,
        );
        let idps = c.count(row, col::IDPS);
        let returnees = c.opt_count(row, col::RETURNEES);
        let households = c.opt_count(row, col::HOUSEHOLDS);
        let precision = c.token(row, col::PRECISION, Precision::TOKENS, Precision::parse);
        let source_id = c.source(row);
        if let (
            Some(date),
            Ok(date_precision),
            Ok(round),
            Some(series),
            Some(idps),
            Ok(returnees),
            Ok(households),
            Some(precision),
            Some(source_id),
        ) = (
            date,
            date_precision,
            round,
            series,
            idps,
            returnees,
            households,
            precision,
            source_id,
        ) {
            out.push(NationalPoint {
                date,
                date_precision,
                round,
                series,
                idps,
                returnees,
                households,
                precision,
                source_id,
            });
        }
    }
    out
}

fn idps_governorate(c: &mut Cells) -> Vec<GovernoratePoint> {
    let mut out = Vec::new();
    let mut seen: HashMap<(NaiveDate, Pcode, Basis, String, Option<String>), usize> =
        HashMap::new();
    for row in c.rows() {
        let date = c.date(row, col::DATE);
        let round = c.optional(row, col::ROUND, "a DTM round number", parse_round);
        let pcode = c.governorate(row);
        let basis = c
            .optional(row, col::BASIS, &one_of(Basis::TOKENS), Basis::parse)
            .map(|b| b.unwrap_or(Basis::Displacement));
        let individuals = c.count(row, col::INDIVIDUALS);
        let panel = c.opt_text(row, col::PANEL);
        let complete = c.optional(row, col::COMPLETE, "true or false", parse_bool);
        let source_id = c.source(row);
        let (
            Some(date),
            Ok(round),
            Some(pcode),
            Ok(basis),
            Some(individuals),
            Ok(complete),
            Some(source_id),
        ) = (date, round, pcode, basis, individuals, complete, source_id)
        else {
            continue;
        };
        let key = (date, pcode, basis, source_id.clone(), panel.clone());
        if let Some(first) = seen.get(&key) {
            let expected = format!(
                "one row per date, governorate, basis, source and panel (row {} has the same)",
                c.raw.line(*first)
            );
            c.problem(row, col::PCODE, &expected, &pcode.to_string());
            continue;
        }
        seen.insert(key, row);
        out.push(GovernoratePoint {
            date,
            round,
            pcode,
            basis,
            individuals,
            panel,
            complete: complete.unwrap_or(false),
            source_id,
        });
    }
    if c.index(col::COMPLETE).is_none() {
        mark_complete(&mut out, c.gazetteer.governorates().len());
    }
    out
}

/// Marks the rows of each (date, basis, source) that covers every governorate as
/// complete; for files without a `complete` column.
pub(super) fn mark_complete(rows: &mut [GovernoratePoint], all: usize) {
    let mut present: HashMap<(NaiveDate, Basis, String), std::collections::BTreeSet<Pcode>> =
        HashMap::new();
    for r in rows.iter() {
        present
            .entry((r.date, r.basis, r.source_id.clone()))
            .or_default()
            .insert(r.pcode);
    }
    for r in rows.iter_mut() {
        let n = present
            .get(&(r.date, r.basis, r.source_id.clone()))
            .map_or(0, std::collections::BTreeSet::len);
        r.complete = all > 0 && n >= all;
    }
}

fn camps(c: &mut Cells) -> Vec<CampEvent> {
    let mut out = Vec::new();
    for row in c.rows() {
        let camp = c.text(row, col::CAMP);
        let pcode = c.governorate(row);
        let district = c.opt_text(row, col::DISTRICT);
        let event = c.token(row, col::EVENT, CampEventKind::TOKENS, CampEventKind::parse);
        let date = c.date(row, col::DATE);
        let date_precision = c.precision(row);
        let population = c.opt_count(row, col::POPULATION);
        let unit = c.optional(
            row,
            col::POPULATION_UNIT,
            &one_of(PeopleUnit::TOKENS),
            PeopleUnit::parse,
        );
        let source_id = c.source(row);
        if let (
            Some(camp),
            Some(pcode),
            Some(event),
            Some(date),
            Ok(date_precision),
            Ok(population),
            Ok(population_unit),
            Some(source_id),
        ) = (
            camp,
            pcode,
            event,
            date,
            date_precision,
            population,
            unit,
            source_id,
        ) {
            if population.is_some() && population_unit.is_none() {
                c.problem(row, col::POPULATION_UNIT, &one_of(PeopleUnit::TOKENS), "");
                continue;
            }
            out.push(CampEvent {
                camp,
                pcode,
                district,
                event,
                date,
                date_precision,
                population,
                population_unit,
                source_id,
            });
        }
    }
    out
}

fn camp_counts(c: &mut Cells) -> Vec<CampCount> {
    let mut out = Vec::new();
    let scope_expected = format!(
        "{} or a governorate P-code IQGnn",
        one_of(CampScope::TOKENS)
    );
    for row in c.rows() {
        let date = c.date(row, col::DATE);
        let date_precision = c.precision(row);
        let scope = c.required(row, col::SCOPE, &scope_expected, CampScope::parse);
        let definition = c.token(
            row,
            col::DEFINITION,
            CampDefinition::TOKENS,
            CampDefinition::parse,
        );
        let camps = c.opt_count(row, col::CAMPS);
        let people = c.opt_count(row, col::PEOPLE);
        let unit = c.optional(
            row,
            col::PEOPLE_UNIT,
            &one_of(PeopleUnit::TOKENS),
            PeopleUnit::parse,
        );
        let source_id = c.source(row);
        if let (
            Some(date),
            Ok(date_precision),
            Some(scope),
            Some(definition),
            Ok(camps),
            Ok(people),
            Ok(people_unit),
            Some(source_id),
        ) = (
            date,
            date_precision,
            scope,
            definition,
            camps,
            people,
            unit,
            source_id,
        ) {
            if people.is_some() && people_unit.is_none() {
                c.problem(row, col::PEOPLE_UNIT, &one_of(PeopleUnit::TOKENS), "");
                continue;
            }
            out.push(CampCount {
                date,
                date_precision,
                scope,
                definition,
                camps,
                people,
                people_unit,
                source_id,
            });
        }
    }
    out
}

fn funding(c: &mut Cells) -> Vec<FundingRow> {
    let mut out = Vec::new();
    for row in c.rows() {
        let year = c.required(row, col::YEAR, "a year such as 2022", parse_year);
        let plan_code = c.opt_text(row, col::PLAN_CODE);
        let plan_name = c.text(row, col::PLAN_NAME);
        let kind = c.token(row, col::KIND, FundingKind::TOKENS, FundingKind::parse);
        let requirements = c.opt_count(row, col::REQUIREMENTS_USD);
        let funding = c.opt_count(row, col::FUNDING_USD);
        let reported = c.optional(
            row,
            col::COVERAGE_REPORTED_PCT,
            "a percentage, 0 or more",
            parse_pct,
        );
        let reported_on = c.opt_text(row, col::REPORTED_ON);
        let reported_source_id = c.opt_text(row, col::REPORTED_SOURCE_ID);
        let source_id = c.source(row);
        if let (
            Some(year),
            Some(plan_name),
            Some(kind),
            Ok(requirements_usd),
            Ok(funding_usd),
            Ok(coverage_reported_pct),
            Some(source_id),
        ) = (
            year,
            plan_name,
            kind,
            requirements,
            funding,
            reported,
            source_id,
        ) {
            out.push(FundingRow {
                year,
                plan_code,
                plan_name,
                kind,
                requirements_usd,
                funding_usd,
                coverage_reported_pct,
                reported_on,
                reported_source_id,
                source_id,
            });
        }
    }
    out
}

fn events(c: &mut Cells) -> Vec<Event> {
    let mut out = Vec::new();
    for row in c.rows() {
        let date = c.date(row, col::DATE);
        let date_precision = c.precision(row);
        let title = c.text(row, col::TITLE);
        let category = c.token(
            row,
            col::CATEGORY,
            EventCategory::TOKENS,
            EventCategory::parse,
        );
        let milestone = c.optional(row, col::MILESTONE, "true or false", parse_bool);
        let short_title = c.opt_text(row, col::SHORT_TITLE);
        let source_id = c.source(row);
        if let (
            Some(date),
            Ok(date_precision),
            Some(title),
            Some(category),
            Ok(milestone),
            Some(source_id),
        ) = (date, date_precision, title, category, milestone, source_id)
        {
            out.push(Event {
                date,
                date_precision,
                title,
                category,
                milestone: milestone.unwrap_or(false),
                short_title,
                source_id,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn events_read_their_optional_milestone_and_short_title() {
        let ds = crate::data::Dataset::empty().unwrap();
        let events = |text: &str| match ds.parse_bytes("events.csv", text.as_bytes()) {
            Ok(Parsed {
                table: Table::Events(rows),
                ..
            }) => Ok(rows),
            Ok(other) => panic!("not events: {:?}", other.table.kind()),
            Err(e) => Err(e.to_string()),
        };
        let plain = events("date,title,category\n2024-09-01,UNITAD mandate ends,policy\n").unwrap();
        assert_eq!(
            (plain[0].milestone, plain[0].short_title.as_deref()),
            (false, None)
        );
        let marked = events(
            "date,title,category,milestone,short_title,source_id\n\
             2024-09-01,UNITAD mandate ends,policy,true,UNITAD ends,s\n\
             2024-09-02,Other,policy,,,s\n",
        )
        .unwrap();
        assert_eq!(
            (marked[0].milestone, marked[0].short_title.as_deref()),
            (true, Some("UNITAD ends"))
        );
        assert_eq!(
            (marked[1].milestone, marked[1].short_title.as_deref()),
            (false, None)
        );
        let bad = events("date,title,category,milestone\n2024-09-01,UNITAD,policy,maybe\n");
        let message = bad.unwrap_err();
        assert!(
            message.contains("column \"milestone\": expected true or false, found \"maybe\""),
            "{message}"
        );
    }

    #[test]
    fn dates_as_files_write_them() {
        assert_eq!(parse_date("2024-04-30"), day(2024, 4, 30));
        assert_eq!(parse_date("2014-04-01T00:00:00"), day(2014, 4, 1));
        assert_eq!(parse_date("2010-11-30 00:00:00+00:00"), day(2010, 11, 30));
        assert_eq!(parse_date("2019/04/30"), day(2019, 4, 30));
        // Excel serial days: 45291 is 31 Dec 2023, 43585 is 30 Apr 2019.
        assert_eq!(parse_date("45291"), day(2023, 12, 31));
        assert_eq!(parse_date("43585.5"), day(2019, 4, 30));
        // A count is never a date.
        assert_eq!(parse_date("1200"), None);
        assert_eq!(parse_date("30/04/2019"), None);
        assert_eq!(parse_date("2024-02-30"), None);
    }

    #[test]
    fn counts_with_thousands_separators() {
        assert_eq!(parse_count("1665108"), Some(1_665_108));
        assert_eq!(parse_count("1,665,108"), Some(1_665_108));
        assert_eq!(parse_count("999"), Some(999));
        assert_eq!(parse_count("1200.0"), Some(1200));
        assert_eq!(parse_count("1,66,5108"), None);
        assert_eq!(parse_count("1,665,10"), None);
        assert_eq!(parse_count(",665"), None);
        assert_eq!(parse_count("-5"), None);
        assert_eq!(parse_count("12.5"), None);
    }

    #[test]
    fn rounds_as_written() {
        for (text, round) in [
            ("123", Some(123)),
            ("R38", Some(38)),
            ("r38", Some(38)),
            ("Round3", Some(3)),
            ("Round 132", Some(132)),
            ("round_123", Some(123)),
            ("109.0", Some(109)),
            ("0", None),
            ("Rx", None),
            ("Round", None),
        ] {
            assert_eq!(parse_round(text), round, "{text}");
        }
    }
}

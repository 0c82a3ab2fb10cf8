//! IOM DTM master lists: one row per location and round, aggregated to governorates.
//!
//! Rows are summed per (date, round, governorate); where several rounds share a date,
//! only the latest round is kept, as HDX HAPI does. The result is the IDPs-by-
//! governorate table (basis: displacement), `complete` only on dates where all 18
//! governorates are present, with the file as its own source. A file without a date
//! column takes each round's date from the loaded DTM national series. Households
//! are checked (whole numbers) but the table keeps individuals, as DESIGN §4 defines it.
//!
//! A large CSV goes through polars first ([`chunks`]): the text is cut into chunks on
//! record boundaries, and each chunk is parsed and grouped by the raw key texts, so
//! memory stays near the file's size and progress and cancellation are checked
//! between chunks. Only distinct keys (a few hundred) are then resolved. If anything
//! in the file is not clean, the exact path (here) runs instead: every row is checked
//! on its own, so every problem names its physical row and column. Workbooks take the
//! exact path directly. A list with no date column is dated as [`dating`] says.

mod chunks;

pub use chunks::{CHUNK_BYTES, has_bare_cr};
mod dating;

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use crate::data::cells::{
    COUNT, DATE, GOVERNORATE, file_source_id, mark_complete, parse_count, parse_date, parse_round,
};
use crate::data::country::{self, Country, Others, RowCountry};
use crate::data::csv::Records;
use crate::data::detect::{GridRow, Header};
use crate::data::error::{DataError, Problem, Warning};
use crate::data::parsed::{LeftOut, Parsed, Table};
use crate::data::progress::Progress;
use crate::data::raw::RawTable;
use crate::data::rounds::{FileTime, Rounds, round_in_name};
use crate::data::schema::{Shape, col as c};
use crate::domain::{Basis, GovernoratePoint};
use crate::domain::{Gazetteer, Pcode};

use dating::{Dating, UNDATED, dating_text, far_rounds_warning, file_dating};

pub use crate::data::error::MAX_PROBLEMS;

/// What the reader needs besides the file: the gazetteer, each DTM round's date and
/// total, and the round or date the user gave for this file.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub gazetteer: &'a Gazetteer,
    pub rounds: &'a Rounds,
    pub given: FileTime,
}

/// Where the columns are.
#[derive(Debug, Clone, Copy)]
struct Cols {
    pcode: Option<usize>,
    governorate: Option<usize>,
    individuals: usize,
    households: Option<usize>,
    round: Option<usize>,
    date: Option<usize>,
    /// DTM baseline files name the country (`Country`, `Country Code`).
    country_code: Option<usize>,
    country_name: Option<usize>,
}

impl Cols {
    /// The key columns, in [`ChunkGroup::keys`]' order.
    fn keys(self) -> [Option<usize>; 6] {
        [
            self.date,
            self.round,
            self.pcode,
            self.governorate,
            self.country_code,
            self.country_name,
        ]
    }

    /// The country a row names, if not Iraq: by its country code or name, else by
    /// the prefix of its P-code (`SD08` is Sudan's).
    fn other_country(self, cell: impl Fn(usize) -> Option<String>) -> Option<Country> {
        let found = [
            (
                self.country_code,
                country::of_code as fn(&str) -> RowCountry,
            ),
            (self.country_name, country::of_name),
            (self.pcode, country::of_admin_code),
        ]
        .into_iter()
        .filter_map(|(i, read)| Some(read(&cell(i?)?)))
        .find(|c| *c != RowCountry::Unnamed);
        match found {
            Some(RowCountry::Other(c)) => Some(c),
            _ => None,
        }
    }
}

/// Sums of one (date, round, governorate).
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    individuals: u64,
    households: u64,
    locations: usize,
}

/// A problem at one cell, before it has a row.
struct Issue {
    column: usize,
    name: &'static str,
    expected: String,
    found: String,
}

/// What has been summed so far.
#[derive(Debug, Clone, Default)]
struct Acc {
    groups: HashMap<(NaiveDate, Option<u32>, Pcode), Sums>,
    /// Names that resolved with a warning (Halabja), and how many rows used them.
    noted: BTreeMap<String, (String, usize)>,
    /// Totals rows left out: physical row, first cell, individuals.
    totals_rows: Vec<(usize, String, Option<u64>)>,
    /// Rounds whose date in the file is more than 31 days from DTM's: round → (file, DTM).
    far_rounds: BTreeMap<u32, (NaiveDate, NaiveDate)>,
    /// Rows of other countries, left out.
    others: Others,
}

/// Reads a master list under a recognised header.
pub struct MasterList<'a> {
    names: RawTable,
    ctx: Context<'a>,
    cols: Cols,
    dating: Dating,
    resolved: HashMap<String, Result<(Pcode, Option<String>), String>>,
}

impl<'a> MasterList<'a> {
    /// A reader for the columns of `header`; `first_column` gives workbook letters.
    /// Fails when the list names a round the DTM series cannot date.
    pub fn new(
        file: &str,
        sheet: Option<&str>,
        header: &Header,
        first_column: Option<usize>,
        ctx: Context<'a>,
    ) -> Result<Self, DataError> {
        let cols_of = &header.layout.columns;
        let cols = Cols {
            pcode: cols_of.get(c::PCODE),
            governorate: cols_of.get(c::GOVERNORATE),
            individuals: cols_of.get(c::INDIVIDUALS).unwrap_or(0),
            households: cols_of.get(c::HOUSEHOLDS),
            round: cols_of.get(c::ROUND),
            date: cols_of.get(c::DATE),
            country_code: cols_of.get(c::COUNTRY_CODE),
            country_name: cols_of.get(c::COUNTRY_NAME),
        };
        let dating = file_dating(file, sheet, cols, ctx)?;
        Ok(MasterList {
            names: RawTable::new(file, sheet, header, first_column),
            ctx,
            cols,
            dating,
            resolved: HashMap::new(),
        })
    }

    /// Dates a list that has no round of its own by another sheet's name
    /// (`Round 123` beside a `DTM Dataset` sheet), when nothing better dated it.
    pub fn round_sheet(&mut self, sheet: &str) {
        if self.dating != Dating::ByTotal {
            return;
        }
        if let Some(round) = round_in_name(sheet)
            && let Ok(date) = self.ctx.rounds.date(round)
        {
            self.dating = Dating::File {
                date,
                round: Some(round),
                how: "from a sheet name",
            };
        }
    }

    fn resolve(&mut self, text: &str) -> Result<(Pcode, Option<String>), String> {
        if let Some(r) = self.resolved.get(text) {
            return r.clone();
        }
        let r = self
            .ctx
            .gazetteer
            .resolve(text)
            .map(|r| (r.pcode, r.warning))
            .map_err(|e| format!("a known governorate name or P-code ({e})"));
        self.resolved.insert(text.to_string(), r.clone());
        r
    }

    /// Checks a row's key cells; `rows` is how many rows share them.
    fn key(
        &mut self,
        acc: &mut Acc,
        date: Option<&str>,
        round: Option<&str>,
        pcode: Option<&str>,
        governorate: Option<&str>,
        rows: usize,
    ) -> Result<(NaiveDate, Option<u32>, Pcode), Vec<Issue>> {
        let mut issues = Vec::new();
        let issue = |column: usize, name, expected: &str, found: Option<&str>| Issue {
            column,
            name,
            expected: expected.into(),
            found: found.unwrap_or("").into(),
        };
        let mut place: Option<(Pcode, usize, &str)> = None;
        for (column, name, text) in [
            (self.cols.pcode, c::PCODE, pcode),
            (self.cols.governorate, c::GOVERNORATE, governorate),
        ] {
            let Some(column) = column else { continue };
            let Some(text) = text else {
                issues.push(issue(column, name, GOVERNORATE, None));
                continue;
            };
            match self.resolve(text) {
                Ok((p, warning)) => {
                    if let Some((other, other_column, other_text)) = place
                        && other != p
                    {
                        let header = self
                            .names
                            .header
                            .get(other_column)
                            .cloned()
                            .unwrap_or_default();
                        let expected = format!(
                            "the same governorate as column \"{header}\" (\"{other_text}\" is {})",
                            self.ctx.gazetteer.name(other)
                        );
                        issues.push(issue(column, name, &expected, Some(text)));
                    }
                    if let Some(w) = warning {
                        acc.noted.entry(text.to_string()).or_insert((w, 0)).1 += rows;
                    }
                    place.get_or_insert((p, column, text));
                }
                Err(expected) => issues.push(issue(column, name, &expected, Some(text))),
            }
        }
        let round_n = match (self.cols.round, round) {
            (Some(column), Some(text)) => {
                let n = parse_round(text);
                if n.is_none() {
                    issues.push(issue(column, c::ROUND, "a DTM round number", Some(text)));
                }
                n
            }
            _ => None,
        };
        let (date, round_n) = match (&self.dating, self.cols.date, self.cols.round) {
            (Dating::File { date, round, .. }, ..) => (Some(*date), round.or(round_n)),
            (Dating::ByTotal, ..) => (Some(UNDATED), round_n),
            (Dating::Columns, Some(column), _) => {
                let d = date.and_then(parse_date);
                if d.is_none() {
                    issues.push(issue(column, c::DATE, DATE, date));
                }
                if let (Some(d), Some(r)) = (d, round_n)
                    && let Ok(dtm) = self.ctx.rounds.date(r)
                    && (d - dtm).num_days().abs() > 31
                {
                    acc.far_rounds.entry(r).or_insert((d, dtm));
                }
                (d, round_n)
            }
            (Dating::Columns, None, Some(column)) => {
                let d = match round_n.map(|r| self.ctx.rounds.date(r)) {
                    Some(Ok(d)) => Some(d),
                    Some(Err(e)) => {
                        let expected = format!(
                            "a round of the DTM series with one date (the file has no date column; {e})"
                        );
                        issues.push(issue(column, c::ROUND, &expected, round));
                        None
                    }
                    None => {
                        if round.is_none() {
                            issues.push(issue(
                                column,
                                c::ROUND,
                                "a DTM round (the file has no date column)",
                                None,
                            ));
                        }
                        None
                    }
                };
                (d, round_n)
            }
            (Dating::Columns, None, None) => (None, round_n),
        };
        match (date, place) {
            (Some(d), Some((p, ..))) if issues.is_empty() => Ok((d, round_n, p)),
            _ => Err(issues),
        }
    }

    /// Checks and sums one row (the exact path); problems go to `problems`.
    fn push_row(&mut self, acc: &mut Acc, row: &GridRow, problems: &mut Problems) {
        let cell = |i: Option<usize>| i.and_then(|i| row.cells.get(i)).and_then(Option::as_deref);
        let cols = self.cols;
        if let Some(first) = totals_label(row, cols) {
            let individuals = cell(Some(cols.individuals)).and_then(parse_count);
            acc.totals_rows.push((row.line, first, individuals));
            return;
        }
        if let Some(country) = cols.other_country(|i| cell(Some(i)).map(String::from)) {
            acc.others.add(country, 1);
            return;
        }
        let key = self.key(
            acc,
            cell(cols.date),
            cell(cols.round),
            cell(cols.pcode),
            cell(cols.governorate),
            1,
        );
        let (key, mut issues) = match key {
            Ok(k) => (Some(k), Vec::new()),
            Err(i) => (None, i),
        };
        let individuals = cell(Some(cols.individuals));
        let count = individuals.and_then(parse_count);
        if count.is_none() {
            issues.push(Issue {
                column: cols.individuals,
                name: c::INDIVIDUALS,
                expected: COUNT.into(),
                found: individuals.unwrap_or("").into(),
            });
        }
        let individuals = count;
        let households = match cell(cols.households) {
            None => Some(0),
            Some(text) => {
                let n = parse_count(text);
                if n.is_none()
                    && let Some(column) = cols.households
                {
                    issues.push(Issue {
                        column,
                        name: c::HOUSEHOLDS,
                        expected: COUNT.into(),
                        found: text.into(),
                    });
                }
                n
            }
        };
        for i in issues {
            problems.push(self.names.problem_at_line(
                row.line,
                Some(i.column),
                i.name,
                &i.expected,
                &i.found,
            ));
        }
        if let (Some(key), Some(individuals), Some(households)) = (key, individuals, households) {
            let sums = acc.groups.entry(key).or_default();
            sums.individuals = sums.individuals.saturating_add(individuals);
            sums.households = sums.households.saturating_add(households);
            sums.locations += 1;
        }
    }

    /// Reads every row of a sheet or of CSV text (the exact path).
    pub fn read_rows(
        &mut self,
        rows: impl Iterator<Item = GridRow>,
        progress: &Progress,
    ) -> Result<Parsed, DataError> {
        let mut acc = Acc::default();
        let mut problems = Problems::default();
        for (i, row) in rows.enumerate() {
            if row.is_blank_within(self.names.header.len()) {
                continue;
            }
            self.push_row(&mut acc, &row, &mut problems);
            if i % 4096 == 4095 {
                progress.add(4096);
                progress.check(&self.names.file)?;
            }
        }
        if !problems.list.is_empty() {
            return Err(problems.into_error());
        }
        self.finish(&acc)
    }

    /// Reads CSV text from `records` (at the first data row): polars first, the
    /// exact path if the file is not clean.
    pub fn read_csv(
        &mut self,
        text: &str,
        records: Records,
        separator: u8,
        progress: &Progress,
    ) -> Result<Parsed, DataError> {
        let begin = records.offset();
        let before = progress.rows();
        // polars reads LF and CRLF lines only: a file with CR alone (old Mac Excel)
        // takes the exact path.
        let bytes = text.as_bytes();
        let bare_cr = memchr::memchr_iter(b'\r', bytes).any(|i| bytes.get(i + 1) != Some(&b'\n'));
        if !bare_cr && let Some(acc) = self.fast(text, begin, separator, progress)? {
            return self.finish(&acc);
        }
        progress.set(before);
        self.read_rows(records, progress)
    }

    /// The governorate table: latest round per date, `complete` where all are present.
    fn finish(&self, acc: &Acc) -> Result<Parsed, DataError> {
        let file = &self.names.file;
        let mut warnings = Vec::new();
        let mut left_out = Vec::new();
        if acc.groups.is_empty() && !acc.others.is_empty() {
            return Err(acc.others.refusal(file));
        }
        left_out.extend(acc.others.left_out());
        let total: u64 = acc
            .groups
            .values()
            .fold(0u64, |t, s| t.saturating_add(s.individuals));
        let (dated, acc) = self.date_by_total(acc, total)?;
        let acc = acc.as_ref();
        self.check_totals_rows(acc, total, &mut warnings, &mut left_out);
        warnings.extend(far_rounds_warning(file, acc));
        let mut rounds: BTreeMap<NaiveDate, BTreeMap<Option<u32>, usize>> = BTreeMap::new();
        for ((date, round, _), sums) in &acc.groups {
            *rounds.entry(*date).or_default().entry(*round).or_default() += sums.locations;
        }
        let mut kept: BTreeMap<NaiveDate, Option<u32>> = BTreeMap::new();
        for (date, by_round) in &rounds {
            let Some((&latest, _)) = by_round.iter().next_back() else {
                continue;
            };
            kept.insert(*date, latest);
            if by_round.len() > 1 {
                let older: Vec<String> = by_round
                    .keys()
                    .filter(|r| **r != latest)
                    .map(|r| round_label(*r))
                    .collect();
                let older_rows: usize = by_round
                    .iter()
                    .filter(|(r, _)| **r != latest)
                    .map(|(_, n)| n)
                    .sum();
                let detail = format!(
                    "{date}: several rounds share this date; kept {} (the latest) and left out {older_rows} location rows of {}",
                    round_label(latest),
                    older.join(", ")
                );
                warnings.push(Warning {
                    file: file.clone(),
                    message: detail.clone(),
                });
                left_out.push(LeftOut {
                    reason: "older_round",
                    rows: older_rows,
                    detail,
                });
            }
        }
        for (message, n) in acc.noted.values() {
            warnings.push(Warning {
                file: file.clone(),
                message: format!("{message} ({n} rows)"),
            });
        }
        let source_id = file_source_id(file);
        let mut locations = 0;
        let mut points: Vec<GovernoratePoint> = acc
            .groups
            .iter()
            .filter(|((date, round, _), _)| kept.get(date) == Some(round))
            .map(|((date, round, pcode), sums)| {
                locations += sums.locations;
                GovernoratePoint {
                    date: *date,
                    round: *round,
                    pcode: *pcode,
                    basis: Basis::Displacement,
                    individuals: sums.individuals,
                    panel: None,
                    complete: false,
                    source_id: source_id.clone(),
                }
            })
            .collect();
        points.sort_by_key(|p| (p.date, p.pcode));
        mark_complete(&mut points, self.ctx.gazetteer.governorates().len());
        let dating = match (&self.dating, dated) {
            (Dating::File { date, round, how }, _) => Some(dating_text(*date, *round, how)),
            (_, Some(r)) => Some(dating_text(r.date, Some(r.round), "by its total")),
            _ => None,
        };
        Ok(Parsed {
            table: Table::IdpsGovernorate(points),
            warnings,
            shape: Shape::DtmMasterList,
            locations_aggregated: Some(locations),
            rows_read: acc.groups.values().map(|s| s.locations).sum::<usize>()
                + acc.totals_rows.len(),
            left_out,
            also: Vec::new(),
            dating,
            as_of: None,
        })
    }

    /// Warns about each totals row left out, saying whether it equals the sum of the
    /// rows, and counts them as left out.
    fn check_totals_rows(
        &self,
        acc: &Acc,
        total: u64,
        warnings: &mut Vec<Warning>,
        left_out: &mut Vec<LeftOut>,
    ) {
        let file = &self.names.file;
        for (line, label, individuals) in &acc.totals_rows {
            let check = match individuals {
                Some(n) if *n == total => format!(
                    "its individuals ({}) equal the sum of the rows",
                    crate::data::grouped(*n)
                ),
                Some(n) => format!(
                    "its individuals ({}) differ from the sum of the rows ({})",
                    crate::data::grouped(*n),
                    crate::data::grouped(total)
                ),
                None => "it gives no individuals to check".into(),
            };
            warnings.push(Warning {
                file: file.clone(),
                message: format!(
                    "{}row {line}: totals row \"{label}\" left out; {check}",
                    self.place()
                ),
            });
        }
        if !acc.totals_rows.is_empty() {
            let n = acc.totals_rows.len();
            let equal = acc.totals_rows.iter().all(|(_, _, i)| *i == Some(total));
            left_out.push(LeftOut {
                reason: "totals_row",
                rows: n,
                detail: format!(
                    "{n} totals row{} left out{}",
                    if n == 1 { "" } else { "s" },
                    if equal {
                        ", equal to the sum of the rows"
                    } else {
                        ", not equal to the sum of the rows"
                    }
                ),
            });
        }
    }

    /// "sheet \"S\": " for messages about a workbook's sheet.
    fn place(&self) -> String {
        self.names
            .sheet
            .as_ref()
            .map(|s| format!("sheet \"{s}\", "))
            .unwrap_or_default()
    }
}

/// The first cell of a totals row (`Totals: Locations:3,166`): a row with no
/// governorate whose first filled cell says "total".
fn totals_label(row: &GridRow, cols: Cols) -> Option<String> {
    let named = [cols.pcode, cols.governorate]
        .into_iter()
        .flatten()
        .any(|i| row.cells.get(i).is_some_and(Option::is_some));
    if named {
        return None;
    }
    let first = row.cells.iter().flatten().next()?;
    crate::domain::fold(first)
        .split_whitespace()
        .next()
        .is_some_and(|w| w.starts_with("total"))
        .then(|| first.clone())
}

fn round_label(round: Option<u32>) -> String {
    round.map_or_else(
        || "the rows without a round".into(),
        |r| format!("round {r}"),
    )
}

/// Problems found so far, listing at most [`MAX_PROBLEMS`].
#[derive(Debug, Default)]
struct Problems {
    list: Vec<Problem>,
    more: usize,
}

impl Problems {
    fn push(&mut self, p: Problem) {
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(p);
        } else {
            self.more += 1;
        }
    }

    fn into_error(self) -> DataError {
        if self.more == 0 {
            DataError::Invalid(self.list)
        } else {
            DataError::TooMany {
                problems: self.list,
                more: self.more,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;
    use crate::data::detect::find_header;
    use crate::data::load::{LoadContext, LoadOptions, load_bytes};
    use crate::data::{Dataset, csv};

    fn ctx() -> LoadContext {
        let mut ctx = Dataset::empty().unwrap().load_context();
        ctx.rounds = Rounds::default();
        ctx.rounds
            .insert(7, NaiveDate::from_ymd_opt(2020, 6, 30).unwrap(), 11);
        ctx
    }

    fn load(text: &str) -> Result<Parsed, DataError> {
        load_bytes(
            &ctx(),
            "m.csv",
            Some("csv"),
            text.as_bytes(),
            &LoadOptions::default(),
            &Progress::none(),
        )
        .map(|l| l.parsed)
    }

    fn sums(p: &Parsed) -> Vec<(String, Option<u32>, String, u64)> {
        let Table::IdpsGovernorate(rows) = &p.table else {
            panic!("not a governorate table")
        };
        rows.iter()
            .map(|r| {
                (
                    r.date.to_string(),
                    r.round,
                    r.pcode.to_string(),
                    r.individuals,
                )
            })
            .collect()
    }

    const HEADER: &str = "Governorate,Location,Individuals,Round,Date\n";

    #[test]
    fn only_the_latest_round_of_a_date_is_kept() {
        let p = load(&format!(
            "{HEADER}Ninewa,A,10,131,2023-12-31\nNinewa,B,5,131,2023-12-31\nNinewa,A,99,130,2023-12-31\nDahuk,C,7,130,2023-06-30\n"
        ))
        .unwrap();
        assert_eq!(
            sums(&p),
            [
                ("2023-06-30".into(), Some(130), "IQG09".into(), 7),
                ("2023-12-31".into(), Some(131), "IQG15".into(), 15),
            ]
        );
        assert_eq!(p.locations_aggregated, Some(3));
        assert_eq!(p.rows_read, 4);
        assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
    }

    #[test]
    fn a_round_without_a_date_column_takes_the_dtm_round_date() {
        let p =
            load("Governorate,Location,Individuals,Round\nNinewa,A,10,7\nNinewa,B,1,7\n").unwrap();
        assert_eq!(
            sums(&p),
            [("2020-06-30".into(), Some(7), "IQG15".into(), 11)]
        );
        let e = load("Governorate,Location,Individuals,Round\nNinewa,A,10,8\n")
            .map(|_| ())
            .map_err(|e| e.to_string());
        assert_eq!(
            e,
            Err("m.csv: row 2, column \"Round\": expected a round of the DTM series with one date (the file has no date column; round 8 is not in the DTM series), found \"8\"".into())
        );
    }

    #[test]
    fn other_countries_rows_never_add_to_iraqs() {
        // A DTM baseline-style list naming its country, with another country's rows.
        let p = load(concat!(
            "Country,Governorate,Location,Individuals,Round,Date\n",
            "Iraq,Ninewa,A,10,1,2024-01-31\n",
            "Syria,Aleppo,B,500,1,2024-01-31\n",
            "Iraq,Dahuk,C,7,1,2024-01-31\n",
            "SYR,Idleb,D,900,1,2024-01-31\n",
        ))
        .unwrap();
        assert_eq!(
            sums(&p),
            [
                ("2024-01-31".into(), Some(1), "IQG09".into(), 7),
                ("2024-01-31".into(), Some(1), "IQG15".into(), 10),
            ]
        );
        assert_eq!(p.left_out.len(), 1);
        assert_eq!(p.left_out[0].reason, "other_country");
        assert_eq!(p.left_out[0].rows, 2);
        // A list of another country's P-codes, with no country column: one refusal.
        let e = load(concat!(
            "Governorate,admin1Pcode,Location,Individuals,Round,Date\n",
            "Khartoum,SD01,A,10,1,2024-01-31\n",
            "Darfur,SD02,B,5,1,2024-01-31\n",
        ))
        .map(|_| ())
        .map_err(|e| e.to_string());
        assert_eq!(
            e,
            Err("m.csv: holds Sudan (SDN) rows only; this app's data is Iraq's".into())
        );
    }

    #[test]
    fn halabja_is_counted_under_sulaymaniyah_with_one_warning() {
        let p = load(&format!(
            "{HEADER}Halabja,A,10,1,2024-01-31\nHalabja,B,10,1,2024-01-31\nSulaymaniyah,C,1,1,2024-01-31\n"
        ))
        .unwrap();
        assert_eq!(
            sums(&p),
            [("2024-01-31".into(), Some(1), "IQG06".into(), 21)]
        );
        assert_eq!(p.warnings.len(), 1);
        assert!(
            p.warnings[0].message.ends_with("(2 rows)"),
            "{:?}",
            p.warnings
        );
    }

    #[test]
    fn untidy_cells_take_the_exact_path_and_give_the_same_totals() {
        let tidy = load(&format!(
            "{HEADER}Ninewa,A,10,1,2024-01-31\nDahuk,B,3,1,2024-01-31\n"
        ))
        .unwrap();
        let untidy = load(&format!(
            "{HEADER}Ninewa,A, 10 ,1,2024-01-31\n\"Dahuk\",B,3,1, 2024-01-31\n"
        ))
        .unwrap();
        assert_eq!(sums(&tidy), sums(&untidy));
    }

    #[test]
    fn the_polars_path_and_the_exact_path_agree_over_many_chunks() {
        const ROWS: usize = 70_000;
        let mut text = String::from(HEADER);
        let names = ["Ninewa", "IQG09", "Erbil", "Nineveh", "IRQ-G01"];
        for i in 0..ROWS {
            let round = 1 + (i % 3);
            let date = if round == 3 {
                "2024-02-29"
            } else {
                "2024-01-31"
            };
            // Some location names are quoted, with quotes and line breaks inside, so
            // chunk boundaries fall inside quotes too.
            let location = if i % 7 == 0 {
                format!("\"L{i} \"\"old\"\"\nname\"")
            } else {
                format!("L{i}")
            };
            let _ = writeln!(
                text,
                "{},{location},{},{round},{date}",
                names[i % 5],
                i % 97
            );
        }
        let ctx = ctx();
        let rows: Vec<GridRow> = csv::Records::new(&text, b',').take(20).collect();
        let header = find_header(&rows, &ctx.gazetteer, None).unwrap();
        let context = Context {
            gazetteer: &ctx.gazetteer,
            rounds: &ctx.rounds,
            given: FileTime::default(),
        };
        let mut list = MasterList::new("m.csv", None, &header, None, context).unwrap();
        let mut records = csv::Records::new(&text, b',');
        records.skip_records(1);
        // Chunks of 4 KiB: about 180 rows each, 390 chunks.
        let fast = list
            .fast_in_chunks(&text, records.offset(), b',', &Progress::none(), 4096)
            .unwrap()
            .expect("a clean file takes the polars path");
        let exact = list.read_rows(records, &Progress::none()).unwrap();
        let fast = list.finish(&fast).unwrap();
        assert_eq!(sums(&fast), sums(&exact));
        assert_eq!(fast.locations_aggregated, exact.locations_aggregated);
        assert_eq!(fast.rows_read, ROWS);
        assert_eq!(fast.warnings, exact.warnings);
    }

    #[test]
    fn problems_beyond_the_limit_are_counted() {
        let mut text = String::from(HEADER);
        for _ in 0..(MAX_PROBLEMS + 5) {
            text.push_str("Ninewa,A,x,1,2024-01-31\n");
        }
        let e = load(&text).unwrap_err();
        assert_eq!(e.problems().len(), MAX_PROBLEMS);
        assert!(e.to_string().ends_with("…and 5 more problems"), "{e}");
    }
}

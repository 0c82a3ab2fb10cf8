//! Reading cells of a [`RawTable`] by column name: typed values, every problem
//! collected with its row and column, warnings about single rows; and the value
//! parsers every reader shares (dates as files write them, counts with thousands
//! separators, rounds as `R38`).

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::data::error::{Problem, Warning};
use crate::data::parsed::LeftOut;
use crate::data::raw::RawTable;
use crate::data::schema::col;
use crate::domain::{Basis, DatePrecision, GovernoratePoint};
use crate::domain::{Gazetteer, Pcode, Region};

pub(in crate::data) const DATE: &str = "a date as YYYY-MM-DD";
pub(in crate::data) const COUNT: &str = "a whole number, 0 or more";
pub(in crate::data) const TEXT: &str = "a value";
pub(in crate::data) const GOVERNORATE: &str = "a governorate name or P-code";

/// Reads cells by column name, collecting problems and warnings.
pub(in crate::data) struct Cells<'a> {
    pub(in crate::data) raw: &'a RawTable,
    gazetteer: &'a Gazetteer,
    pub(in crate::data) problems: Vec<Problem>,
    pub(in crate::data) warnings: Vec<Warning>,
    /// Rows read and deliberately not kept, moved into [`Parsed::left_out`].
    pub(in crate::data) left_out: Vec<LeftOut>,
}

impl<'a> Cells<'a> {
    pub(in crate::data) fn new(raw: &'a RawTable, gazetteer: &'a Gazetteer) -> Self {
        Cells {
            raw,
            gazetteer,
            problems: Vec::new(),
            warnings: Vec::new(),
            left_out: Vec::new(),
        }
    }

    /// The gazetteer the cells are resolved with.
    pub(in crate::data) fn gazetteer(&self) -> &'a Gazetteer {
        self.gazetteer
    }

    pub(in crate::data) fn rows(&self) -> std::ops::Range<usize> {
        0..self.raw.height()
    }

    pub(in crate::data) fn index(&self, name: &'static str) -> Option<usize> {
        self.raw.column(name)
    }

    pub(in crate::data) fn problem(&mut self, row: usize, name: &str, expected: &str, found: &str) {
        let problem = self
            .raw
            .problem(row, self.raw.column(name), name, expected, found);
        self.problems.push(problem);
    }

    /// A warning about one row.
    pub(in crate::data) fn warn(&mut self, row: usize, message: &str) {
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
    pub(in crate::data) fn optional<T>(
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
    pub(in crate::data) fn required<T>(
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

    pub(in crate::data) fn text(&mut self, row: usize, name: &'static str) -> Option<String> {
        self.required(row, name, TEXT, |t| Some(t.to_string()))
    }

    pub(in crate::data) fn opt_text(&mut self, row: usize, name: &'static str) -> Option<String> {
        self.optional(row, name, TEXT, |t| Some(t.to_string()))
            .ok()
            .flatten()
    }

    pub(in crate::data) fn date(&mut self, row: usize, name: &'static str) -> Option<NaiveDate> {
        self.required(row, name, DATE, parse_date)
    }

    pub(in crate::data) fn count(&mut self, row: usize, name: &'static str) -> Option<u64> {
        self.required(row, name, COUNT, parse_count)
    }

    pub(in crate::data) fn opt_count(
        &mut self,
        row: usize,
        name: &'static str,
    ) -> Result<Option<u64>, ()> {
        self.optional(row, name, COUNT, parse_count)
    }

    pub(in crate::data) fn token<T>(
        &mut self,
        row: usize,
        name: &'static str,
        tokens: &[&str],
        read: impl FnOnce(&str) -> Option<T>,
    ) -> Option<T> {
        self.required(row, name, &one_of(tokens), read)
    }

    pub(in crate::data) fn precision(&mut self, row: usize) -> Result<DatePrecision, ()> {
        let expected = one_of(DatePrecision::TOKENS);
        self.optional(row, col::DATE_PRECISION, &expected, DatePrecision::parse)
            .map(|p| p.unwrap_or(DatePrecision::Day))
    }

    /// The governorate of a row, through the gazetteer, from its P-code column, its
    /// name column, or both (which must then agree).
    pub(in crate::data) fn governorate(&mut self, row: usize) -> Option<Pcode> {
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
    pub(in crate::data) fn source(&mut self, row: usize) -> Option<String> {
        if self.index(col::SOURCE_ID).is_some() {
            self.text(row, col::SOURCE_ID)
        } else {
            Some(file_source_id(&self.raw.file))
        }
    }
}

/// What a governorate cell must say when another column already names one.
pub(in crate::data) fn agreeing(
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

pub(in crate::data) fn one_of(tokens: &[&str]) -> String {
    format!("one of {}", tokens.join(", "))
}

/// A date as `YYYY-MM-DD` (a time after it, as spreadsheets and APIs write it, is
/// ignored: `2014-04-01T00:00:00`, `2010-11-30 00:00:00+00:00`), `YYYY/MM/DD`, or an
/// Excel serial day number (`45291` is 31 Dec 2023) as workbooks saved without a
/// date format hold them.
pub(in crate::data) fn parse_date(text: &str) -> Option<NaiveDate> {
    let day = text.split([' ', 'T']).next().unwrap_or(text);
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(day, "%Y/%m/%d"))
        .ok()
        .or_else(|| excel_serial_date(text))
}

/// An Excel serial date (days since 30 Dec 1899; a time of day as its fraction),
/// between 1 Jan 1990 and 31 Dec 2100, so a count is never taken for a date.
pub(in crate::data) fn excel_serial_date(text: &str) -> Option<NaiveDate> {
    let serial: f64 = text.trim().parse().ok()?;
    if !(32_874.0..=73_415.0).contains(&serial) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    epoch.checked_add_days(chrono::Days::new(serial.floor() as u64))
}

/// The largest count or amount a cell may hold: ten trillion (far above any number
/// of people or dollars), so that sums of a file's rows can never overflow.
pub(in crate::data) const MAX_COUNT: u64 = 10_000_000_000_000;

/// A whole number of 0 or more (at most [`MAX_COUNT`]), with or without thousands
/// separators (`1665108`, `"1,665,108"`), or written as a whole float (`1200.0`).
pub(in crate::data) fn parse_count(text: &str) -> Option<u64> {
    parse_whole(text).filter(|n| *n <= MAX_COUNT)
}

fn parse_whole(text: &str) -> Option<u64> {
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
pub(in crate::data) fn parse_round(text: &str) -> Option<u32> {
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

pub(in crate::data) fn parse_pct(text: &str) -> Option<f64> {
    text.parse::<f64>()
        .ok()
        .filter(|p| p.is_finite() && *p >= 0.0)
}

pub(in crate::data) fn parse_bool(text: &str) -> Option<bool> {
    match text.to_ascii_lowercase().as_str() {
        "true" | "yes" | "1" => Some(true),
        "false" | "no" | "0" => Some(false),
        _ => None,
    }
}

pub(in crate::data) fn parse_year(text: &str) -> Option<i32> {
    text.parse().ok().filter(|y| (1900..=2100).contains(y))
}

pub(in crate::data) fn parse_region(text: &str) -> Option<Region> {
    match text.to_ascii_lowercase().as_str() {
        "federal" => Some(Region::Federal),
        "kri" => Some(Region::Kri),
        _ => None,
    }
}

/// Marks the rows of each (date, basis, source) that covers every governorate as
/// complete; for files without a `complete` column.
pub(in crate::data) fn mark_complete(rows: &mut [GovernoratePoint], all: usize) {
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

#[cfg(test)]
mod tests {
    #[test]
    fn counts_past_ten_trillion_are_not_counts() {
        // Found by the workbook property test: two cells near u64::MAX made the
        // file's date totals overflow.
        assert_eq!(parse_count("10000000000000"), Some(10_000_000_000_000));
        assert_eq!(parse_count("10000000000001"), None);
        assert_eq!(parse_count("18446744073709551615"), None);
        assert_eq!(parse_count("18,446,744,073,709,551,615"), None);
        assert_eq!(parse_count("1,665,108"), Some(1_665_108));
    }

    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
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

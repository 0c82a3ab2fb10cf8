//! The fast path for a large CSV master list, and the one place polars is used: the
//! text is cut into chunks on record boundaries, each chunk parsed (every column as
//! text, only the key and count columns) and grouped by the raw key texts, so memory
//! stays near the file's size and progress and cancellation are checked between
//! chunks. Any value that is not clean (a count that is not a whole number, a key the
//! gazetteer does not know) sends the whole file to the exact path instead.

use std::collections::HashMap;
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use polars::prelude::{
    CsvReadOptions, DataFrame, DataType, Field, PolarsResult, Schema, SerReader, StringChunked,
};

use super::{Acc, Cols, MasterList};
use crate::data::cells::MAX_COUNT;
use crate::data::csv::Records;
use crate::data::error::DataError;
use crate::data::progress::Progress;

/// Data rows per polars chunk.
pub(super) const CHUNK_ROWS: usize = 65_536;

impl MasterList<'_> {
    /// The polars path: `None` when a value needs the exact path.
    pub(super) fn fast(
        &mut self,
        text: &str,
        mut records: Records,
        separator: u8,
        progress: &Progress,
    ) -> Result<Option<Acc>, DataError> {
        let width = self.names.header.len();
        let mut acc = Acc::default();
        loop {
            progress.check(&self.names.file)?;
            let begin = records.offset();
            let n = records.skip_records(CHUNK_ROWS);
            if n == 0 {
                break;
            }
            let chunk = &text[begin..records.offset()];
            let cols = self.cols;
            let read = catch_unwind(AssertUnwindSafe(|| {
                read_chunk(chunk.as_bytes(), separator, width, cols)
            }));
            let Ok(Ok(df)) = read else {
                return Ok(None);
            };
            let Some(groups) = group_chunk(&df, cols) else {
                return Ok(None);
            };
            if !self.add_groups(&mut acc, &groups, cols) {
                return Ok(None);
            }
            progress.add(n);
        }
        Ok(Some(acc))
    }

    /// Adds one chunk's groups; false when a key is not clean.
    fn add_groups(&mut self, acc: &mut Acc, groups: &[ChunkGroup<'_>], cols: Cols) -> bool {
        for g in groups {
            let [date, round, pcode, governorate, country_code, country_name] = g.keys;
            let named = |i: usize| {
                let text = if Some(i) == cols.country_code {
                    country_code
                } else if Some(i) == cols.country_name {
                    country_name
                } else {
                    pcode
                };
                text.map(String::from)
            };
            if let Some(country) = cols.other_country(named) {
                acc.others.add(country, g.rows);
                continue;
            }
            let Ok(key) = self.key(acc, date, round, pcode, governorate, g.rows) else {
                return false;
            };
            let sums = acc.groups.entry(key).or_default();
            sums.individuals = sums.individuals.saturating_add(g.individuals);
            sums.households = sums.households.saturating_add(g.households);
            sums.locations += g.rows;
        }
        true
    }
}

/// Parses one chunk of CSV records with polars (every column as text, only the key
/// and count columns): columns `c{i}`.
fn read_chunk(bytes: &[u8], separator: u8, width: usize, cols: Cols) -> PolarsResult<DataFrame> {
    let schema: Schema = (0..width)
        .map(|i| Field::new(format!("c{i}").into(), DataType::String))
        .collect();
    let mut projection: Vec<usize> = cols.keys().into_iter().flatten().collect();
    projection.push(cols.individuals);
    projection.extend(cols.households);
    projection.sort_unstable();
    projection.dedup();
    CsvReadOptions::default()
        .with_has_header(false)
        .with_schema(Some(Arc::new(schema)))
        .with_projection(Some(Arc::new(projection)))
        .map_parse_options(|p| {
            p.with_separator(separator)
                .with_missing_is_null(true)
                .with_truncate_ragged_lines(true)
        })
        .into_reader_with_file_handle(Cursor::new(bytes))
        .finish()
}

/// One chunk's rows with the same raw key texts (date, round, P-code, governorate,
/// country code, country name), their sums and how many.
#[derive(Debug)]
struct ChunkGroup<'a> {
    keys: [Option<&'a str>; 6],
    individuals: u64,
    households: u64,
    rows: usize,
}

/// Groups one chunk by the raw key texts; `None` when a count is not clean (a
/// missing individuals count, or a count that is not a whole number of 0 or more),
/// for the exact path to report.
fn group_chunk(df: &DataFrame, cols: Cols) -> Option<Vec<ChunkGroup<'_>>> {
    fn values(c: &StringChunked) -> Vec<Option<&str>> {
        c.iter().collect()
    }
    let text =
        |i: usize| -> Option<&StringChunked> { df.column(&format!("c{i}")).ok()?.str().ok() };
    let mut keys: Vec<Option<Vec<Option<&str>>>> = Vec::with_capacity(6);
    for i in cols.keys() {
        keys.push(match i {
            Some(i) => Some(values(text(i)?)),
            None => None,
        });
    }
    let individuals = values(text(cols.individuals)?);
    let households = match cols.households {
        Some(h) => Some(values(text(h)?)),
        None => None,
    };
    let count = |t: &str| t.parse::<u64>().ok().filter(|n| *n <= MAX_COUNT);
    let mut groups: HashMap<[Option<&str>; 6], (u64, u64, usize)> = HashMap::new();
    for (row, ind) in individuals.iter().enumerate() {
        let ind = count((*ind)?)?;
        let hh = match households.as_ref().and_then(|h| h[row]) {
            Some(t) => count(t)?,
            None => 0,
        };
        let key: [Option<&str>; 6] =
            std::array::from_fn(|k| keys[k].as_ref().and_then(|column| column[row]));
        let sums = groups.entry(key).or_default();
        sums.0 = sums.0.saturating_add(ind);
        sums.1 = sums.1.saturating_add(hh);
        sums.2 += 1;
    }
    Some(
        groups
            .into_iter()
            .map(|(keys, (individuals, households, rows))| ChunkGroup {
                keys,
                individuals,
                households,
                rows,
            })
            .collect(),
    )
}

//! The fast path for a large CSV master list, and the one place polars is used: the
//! text is cut into chunks on record boundaries, each chunk parsed (every column as
//! text, only the key and count columns) and grouped by the raw key texts, so memory
//! stays near the file's size and progress and cancellation are checked between
//! chunks. Any value that is not clean (a count that is not a whole number, a key the
//! gazetteer does not know) sends the whole file to the exact path instead.

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use polars::prelude::{
    CsvReadOptions, DataFrame, DataType, Field, PlHashMap, PolarsResult, Schema, SerReader,
    StringChunked,
};

use std::sync::mpsc::SyncSender;

use super::{Acc, Cols, MasterList};
use crate::data::cells::MAX_COUNT;
use crate::data::error::DataError;
use crate::data::parsed::Parsed;
use crate::data::progress::Progress;

/// Bytes of CSV text per polars chunk (about 45,000 rows of a wide master list).
pub const CHUNK_BYTES: usize = 8 << 20;

impl MasterList<'_> {
    /// The polars path from byte `begin` of `text` (the first data row): `None` when a
    /// value needs the exact path.
    pub(super) fn fast(
        &mut self,
        text: &str,
        begin: usize,
        separator: u8,
        progress: &Progress,
    ) -> Result<Option<Acc>, DataError> {
        self.fast_in_chunks(text, begin, separator, progress, CHUNK_BYTES)
    }

    /// [`Self::fast`] with chunks of about `chunk_bytes`. The text is cut on record
    /// boundaries (a line break outside quotes) and parsed one chunk ahead on a thread
    /// of its own, while this thread groups the chunk before. Progress and
    /// cancellation are checked between chunks.
    pub(super) fn fast_in_chunks(
        &mut self,
        text: &str,
        begin: usize,
        separator: u8,
        progress: &Progress,
        chunk_bytes: usize,
    ) -> Result<Option<Acc>, DataError> {
        let width = self.names.header.len();
        let cols = self.cols;
        let bytes = text.as_bytes();
        self.grouped(progress, move |send| {
            parse_chunks(bytes, begin, chunk_bytes, separator, width, cols, send);
        })
    }

    /// The polars path over a file read as a stream: `carry` holds what was read of
    /// the data rows so far (from the first data row), `reader` the rest of the file.
    /// Each chunk is checked to be UTF-8 with no CR alone before it is parsed; `None`
    /// when one is not, or a value needs the exact path (the caller then reads the
    /// whole file). Only a few chunks are ever held, not the file.
    pub fn fast_stream(
        &mut self,
        reader: &mut (dyn std::io::Read + Send),
        carry: Vec<u8>,
        separator: u8,
        progress: &Progress,
        chunk_bytes: usize,
    ) -> Result<Option<Parsed>, DataError> {
        let width = self.names.header.len();
        let cols = self.cols;
        let acc = self.grouped(progress, move |send| {
            parse_stream(reader, carry, chunk_bytes, separator, width, cols, send);
        })?;
        acc.map(|acc| self.finish(&acc)).transpose()
    }

    /// Runs `produce` on a parser thread and groups each data frame it sends.
    fn grouped(
        &mut self,
        progress: &Progress,
        produce: impl FnOnce(&SyncSender<Option<DataFrame>>) + Send,
    ) -> Result<Option<Acc>, DataError> {
        let cols = self.cols;
        std::thread::scope(|scope| {
            // One chunk waits while the next is parsed: at most three in memory.
            let (send, parsed) = std::sync::mpsc::sync_channel::<Option<DataFrame>>(1);
            let parser = std::thread::Builder::new()
                .name("master-list-parser".into())
                .spawn_scoped(scope, move || produce(&send));
            if parser.is_err() {
                // No thread to parse on: the exact path reads the file instead.
                return Ok(None);
            }
            let mut acc = Acc::default();
            for df in parsed {
                progress.check(&self.names.file)?;
                let Some(df) = df else {
                    return Ok(None);
                };
                let Some(groups) = group_chunk(&df, cols) else {
                    return Ok(None);
                };
                if !self.add_groups(&mut acc, &groups, cols) {
                    return Ok(None);
                }
                progress.add(df.height());
            }
            Ok(Some(acc))
        })
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

/// The parser's loop over text in memory: cuts the next chunk of `bytes`, parses it
/// (polars spreads a chunk over the cores) and sends it, until the text ends, a chunk
/// fails to parse (sent as `None`) or the reader stops listening (cancelled, or a
/// value for the exact path).
fn parse_chunks(
    bytes: &[u8],
    mut at: usize,
    chunk_bytes: usize,
    separator: u8,
    width: usize,
    cols: Cols,
    send: &SyncSender<Option<DataFrame>>,
) {
    while at < bytes.len() {
        let end = chunk_end(bytes, at, chunk_bytes);
        let chunk = &bytes[at..end];
        at = end;
        if !parse_and_send(chunk, separator, width, cols, send) {
            return;
        }
    }
}

/// How much is read from a stream at a time.
const READ_BLOCK: usize = 1 << 20;
/// The longest chunk a stream may need to find a record boundary (a record longer than
/// this sends the file to the exact path).
const MAX_STREAM_CHUNK: usize = 256 << 20;

/// The parser's loop over a stream: reads until a chunk and a record boundary past it
/// are in hand, checks the chunk's text (UTF-8, no CR alone) and parses and sends it,
/// keeping the rest for the next chunk. A read error or a text that is not clean UTF-8
/// CSV sends `None`.
fn parse_stream(
    reader: &mut (dyn std::io::Read + Send),
    mut carry: Vec<u8>,
    chunk_bytes: usize,
    separator: u8,
    width: usize,
    cols: Cols,
    send: &SyncSender<Option<DataFrame>>,
) {
    let mut eof = false;
    let mut want = chunk_bytes + READ_BLOCK;
    loop {
        while !eof && carry.len() < want {
            let at = carry.len();
            carry.resize(at + READ_BLOCK, 0);
            match reader.read(&mut carry[at..]) {
                Ok(0) => {
                    carry.truncate(at);
                    eof = true;
                }
                Ok(n) => carry.truncate(at + n),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => carry.truncate(at),
                Err(_) => {
                    let _ = send.send(None);
                    return;
                }
            }
        }
        if carry.is_empty() {
            return;
        }
        let end = chunk_end(&carry, 0, chunk_bytes);
        if end == carry.len() && !eof {
            // No record boundary past the target yet: read on.
            if carry.len() >= MAX_STREAM_CHUNK {
                let _ = send.send(None);
                return;
            }
            want = carry.len() + READ_BLOCK;
            continue;
        }
        want = chunk_bytes + READ_BLOCK;
        let rest = carry.split_off(end);
        let chunk = std::mem::replace(&mut carry, rest);
        if !clean_text(&chunk) {
            let _ = send.send(None);
            return;
        }
        if !parse_and_send(&chunk, separator, width, cols, send) {
            return;
        }
    }
}

/// UTF-8, with no CR that is not followed by LF (polars reads LF and CRLF lines only).
#[must_use]
fn clean_text(bytes: &[u8]) -> bool {
    simdutf8::basic::from_utf8(bytes).is_ok() && !has_bare_cr(bytes)
}

/// A CR not followed by LF (old Mac Excel line ends), which polars does not read.
#[must_use]
pub fn has_bare_cr(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b'\r', bytes).any(|i| bytes.get(i + 1) != Some(&b'\n'))
}

/// Parses one chunk and sends it (or `None` if it does not parse); false when the
/// parser should stop.
fn parse_and_send(
    chunk: &[u8],
    separator: u8,
    width: usize,
    cols: Cols,
    send: &SyncSender<Option<DataFrame>>,
) -> bool {
    let read = catch_unwind(AssertUnwindSafe(|| {
        read_chunk(chunk, separator, width, cols)
    }));
    let df = match read {
        Ok(Ok(df)) => Some(df),
        _ => None,
    };
    let failed = df.is_none();
    send.send(df).is_ok() && !failed
}

/// Where the chunk that starts at `begin` ends: after the first line break at or past
/// `begin + chunk_bytes` that lies outside quotes (quotes counted from `begin`, which
/// is a record's start), or at the end of the text.
fn chunk_end(bytes: &[u8], begin: usize, chunk_bytes: usize) -> usize {
    let target = begin.saturating_add(chunk_bytes.max(1));
    if target >= bytes.len() {
        return bytes.len();
    }
    let mut quoted = memchr::memchr_iter(b'"', &bytes[begin..target]).count() % 2 == 1;
    for i in memchr::memchr2_iter(b'"', b'\n', &bytes[target..]) {
        if bytes[target + i] == b'"' {
            quoted = !quoted;
        } else if !quoted {
            return target + i + 1;
        }
    }
    bytes.len()
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
    let mut groups: PlHashMap<[Option<&str>; 6], (u64, u64, usize)> = PlHashMap::default();
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

#[cfg(test)]
mod tests {
    use super::chunk_end;

    #[test]
    fn chunks_end_after_a_line_break_outside_quotes() {
        let text = b"a,b\n\"x\ny\",2\n\"\"\"q\"\"\",3\nlast,4";
        // From the start, 2 bytes on: the first line break is outside quotes.
        assert_eq!(chunk_end(text, 0, 2), 4);
        // From the second record, 1 byte on: its line break is quoted; the next one ends it.
        assert_eq!(chunk_end(text, 4, 1), 12);
        // Escaped quotes ("") toggle twice.
        assert_eq!(chunk_end(text, 12, 1), 22);
        // No line break after the target: the end.
        assert_eq!(chunk_end(text, 22, 1), text.len());
        assert_eq!(chunk_end(text, 0, 1000), text.len());
    }
}

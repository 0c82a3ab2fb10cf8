//! Large CSV master lists read as a stream (issue 15): a file of 64 MiB or more is
//! first read only as far as its first 4 MiB; when those are UTF-8 text whose header
//! is a DTM master list's, the rest is read in blocks and parsed chunk by chunk while
//! it is read, so a 1 GB list never sits in memory whole. Anything else — a workbook, a
//! legacy encoding, another table kind, a value that needs the exact path — gives
//! `None`, and the caller reads the whole file as for any other.

use std::io::Read;
use std::path::Path;

use super::{FileLoad, Kind, LoadContext, LoadOptions, check_file, context, extension, finish};
use super::{encoding_notes, kind_of};
use crate::data::csv::{self, Records};
use crate::data::detect::{GridRow, PUBLISHED_HEADER_SEARCH_ROWS, SAMPLE_ROWS, find_header};
use crate::data::error::DataError;
use crate::data::masterlist::{CHUNK_BYTES, MasterList, has_bare_cr};
use crate::data::progress::Progress;
use crate::data::schema::Shape;
use crate::domain::{Encoding, FileFormat};

/// Files from this size are streamed when they can be.
pub(super) const STREAM_FROM_BYTES: u64 = 64 << 20;
/// How much of a file is read first, to find its header and kind.
const HEAD_BYTES: usize = 4 << 20;

/// The sizes a stream is read with (smaller in tests, to cross many boundaries).
#[derive(Debug, Clone, Copy)]
pub(super) struct Sizes {
    pub from: u64,
    pub head: usize,
    pub chunk: usize,
}

impl Default for Sizes {
    fn default() -> Self {
        Sizes {
            from: STREAM_FROM_BYTES,
            head: HEAD_BYTES,
            chunk: CHUNK_BYTES,
        }
    }
}

/// The file read as a stream, or `None` when it must be read whole.
pub(super) fn load_streamed(
    ctx: &LoadContext,
    path: &Path,
    options: &LoadOptions,
    progress: &Progress,
    sizes: Sizes,
) -> Result<Option<FileLoad>, DataError> {
    let len = check_file(path)?;
    if len < sizes.from {
        return Ok(None);
    }
    let name = path.display().to_string();
    let open_error = |e: std::io::Error| DataError::Open {
        path: name.clone(),
        reason: e.to_string(),
    };
    let mut file = std::fs::File::open(path).map_err(open_error)?;
    let mut head = Vec::with_capacity(sizes.head);
    (&mut file)
        .take(sizes.head as u64)
        .read_to_end(&mut head)
        .map_err(open_error)?;
    if !matches!(
        kind_of(&name, extension(path).as_deref(), &head)?,
        Kind::Csv
    ) {
        return Ok(None);
    }
    let start = if head.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    // The head's complete lines: its header and first rows.
    let Some(last_line) = memchr::memrchr(b'\n', &head[start..]) else {
        return Ok(None);
    };
    let lines = &head[start..=start + last_line];
    let Ok(text) = simdutf8::basic::from_utf8(lines) else {
        return Ok(None);
    };
    if has_bare_cr(lines) {
        return Ok(None);
    }
    let separator = csv::detect_separator(text);
    let first: Vec<GridRow> = Records::new(text, separator)
        .take(PUBLISHED_HEADER_SEARCH_ROWS + SAMPLE_ROWS + 2)
        .collect();
    // Whatever is not a master list, or has no header here, is read whole (and its
    // header problems reported from the whole file).
    let Ok(header) = find_header(&first, &ctx.gazetteer, options.mapping.as_ref()) else {
        return Ok(None);
    };
    if header.layout.shape != Shape::DtmMasterList {
        return Ok(None);
    }
    let header_line = first.get(header.index).map_or(1, |r| r.line);
    let data_line = first
        .get(header.data_start())
        .map_or(header_line + 1, |r| r.line);
    let mut records = Records::new(text, separator);
    records.skip_to_line(data_line);
    let carry = head[start + records.offset()..].to_vec();
    drop(head);
    let mut list = MasterList::new(&name, None, &header, None, context(ctx, options))?;
    let before = progress.rows();
    let Some(parsed) = list.fast_stream(&mut file, carry, separator, progress, sizes.chunk)? else {
        progress.set(before);
        return Ok(None);
    };
    let format = FileFormat::Csv {
        separator: char::from(separator),
    };
    let mut load = finish(&name, None, &first, &header, parsed, format);
    load.report.encoding = Some(Encoding::Utf8);
    encoding_notes(&name, Encoding::Utf8, &first, &header, &mut load);
    Ok(Some(load))
}

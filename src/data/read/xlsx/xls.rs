//! XLS (BIFF8 in an OLE compound file) checked before calamine reads it.
//!
//! calamine 0.38 reads every sheet of an XLS workbook when it opens it, and trusts
//! what the file declares: a `Dimensions` record's `u32` rows feed
//! `cells.reserve(rows × columns)` (a made-up record asks for 11 PB and the process
//! aborts), a cell's `u16` column makes the dense range 65,536 columns wide (one
//! stray cell at row 65,536, column 65,536 asks for 137 GB), a `Dimensions` that
//! ends before it starts underflows, and its compound-file reader follows sector
//! chains without noticing a loop (a directory chain that points at itself grows
//! until memory runs out). So the compound file is walked here first, with every
//! chain checked for loops, and the `Workbook` stream's records are read for those
//! declarations; anything else is left to calamine, which names it.

use std::collections::HashSet;

/// The last column an XLS sheet can have (IV, column 256), 1-based.
const MAX_COLUMNS: u32 = 256;
/// The last row an XLS sheet can have, 1-based.
const MAX_ROWS: u64 = 65_536;

const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
const FIRST_SPECIAL: u32 = 0xFFFF_FFFA;
/// A stream shorter than this lives in the mini stream.
const MINI_CUTOFF: usize = 4096;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// Sectors of one size over some bytes, and their allocation table.
struct Sectors<'a> {
    data: &'a [u8],
    size: usize,
    /// Offset of sector 0 (the header's size for the file, 0 for the mini stream).
    base: usize,
    fat: Vec<u32>,
}

impl Sectors<'_> {
    fn sector(&self, id: u32) -> &[u8] {
        let start = self.base + id as usize * self.size;
        let end = (start + self.size).min(self.data.len());
        self.data.get(start..end).unwrap_or(&[])
    }

    /// The bytes of the chain from `start`, as far as `len` needs (calamine reads
    /// no further); a chain that comes back to a sector before then is refused.
    fn chain(&self, start: u32, len: usize, what: &str) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        let mut id = start;
        while id < FIRST_SPECIAL && out.len() < len {
            if !seen.insert(id) {
                return Err(format!(
                    "the chain of sectors of {what} loops back on itself (the file is corrupt)"
                ));
            }
            let sector = self.sector(id);
            if sector.is_empty() {
                break;
            }
            out.extend_from_slice(&sector[..sector.len().min(len - out.len())]);
            match self.fat.get(id as usize) {
                Some(&next) => id = next,
                None => break,
            }
        }
        Ok(out)
    }
}

/// Checks an XLS file's compound-file chains and its Workbook stream's records.
/// A file this cannot read passes: calamine reads it next and names the problem.
pub fn check(bytes: &[u8]) -> Result<(), String> {
    let Some(stream) = workbook_stream(bytes)? else {
        return Ok(());
    };
    records(&stream)
}

/// The `Workbook` (or `Book`) stream, every chain on the way checked for loops.
fn workbook_stream(bytes: &[u8]) -> Result<Option<Vec<u8>>, String> {
    let size = match u16_at(bytes, 30) {
        Some(9) => 512,
        Some(12) => 4096,
        _ => return Ok(None),
    };
    let header = |at| u32_at(bytes, at).unwrap_or(END_OF_CHAIN);
    let mut file = Sectors {
        data: bytes,
        size,
        base: size,
        fat: Vec::new(),
    };
    // The allocation table's sectors: 109 in the header, then the DIFAT chain.
    let mut fat_sectors: Vec<u32> = (0..109).map(|i| header(76 + i * 4)).collect();
    let mut difat = header(68);
    let mut seen = HashSet::new();
    while difat < FIRST_SPECIAL && seen.insert(difat) {
        let sector = file.sector(difat);
        let ids: Vec<u32> = sector
            .chunks_exact(4)
            .filter_map(|c| c.try_into().ok().map(u32::from_le_bytes))
            .collect();
        let Some((&next, rest)) = ids.split_last() else {
            break;
        };
        fat_sectors.extend_from_slice(rest);
        difat = next;
    }
    let mut fat = Vec::new();
    for id in fat_sectors.into_iter().filter(|&id| id < FIRST_SPECIAL) {
        fat.extend(
            file.sector(id)
                .chunks_exact(4)
                .filter_map(|c| c.try_into().ok().map(u32::from_le_bytes)),
        );
    }
    file.fat = fat;
    let directory = file.chain(header(48), usize::MAX, "the directory")?;
    let entries: Vec<&[u8]> = directory.chunks_exact(128).collect();
    let Some(root) = entries.first() else {
        return Ok(None);
    };
    let entry_start = |e: &[u8]| u32_at(e, 116).unwrap_or(END_OF_CHAIN);
    let entry_len = |e: &[u8]| u32_at(e, 120).unwrap_or(0) as usize;
    let name = |e: &[u8]| {
        let units: Vec<u16> = e[..64]
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .take_while(|&u| u != 0)
            .collect();
        String::from_utf16_lossy(&units)
    };
    let Some(book) = ["Workbook", "Book"].iter().find_map(|wanted| {
        entries
            .iter()
            .find(|e| name(e).eq_ignore_ascii_case(wanted))
    }) else {
        return Ok(None);
    };
    let (start, len) = (entry_start(book), entry_len(book));
    if len >= MINI_CUTOFF {
        return file.chain(start, len, "the Workbook stream").map(Some);
    }
    let mini_fat_len = header(64) as usize;
    let mini_fat = file.chain(
        header(60),
        mini_fat_len.saturating_mul(size),
        "the mini stream's allocation table",
    )?;
    let mini_stream = file.chain(entry_start(root), entry_len(root), "the mini stream")?;
    let mini = Sectors {
        data: &mini_stream,
        size: 64,
        base: 0,
        fat: mini_fat
            .chunks_exact(4)
            .filter_map(|c| c.try_into().ok().map(u32::from_le_bytes))
            .collect(),
    };
    mini.chain(start, len, "the Workbook stream").map(Some)
}

/// Calls `f` with each record (type, data) from `at` until it returns false or the
/// stream ends; records are framed as calamine frames them.
fn walk(
    stream: &[u8],
    mut at: usize,
    mut f: impl FnMut(u16, &[u8]) -> Result<bool, String>,
) -> Result<(), String> {
    while let (Some(typ), Some(len)) = (u16_at(stream, at), u16_at(stream, at + 2)) {
        let Some(data) = stream.get(at + 4..at + 4 + len as usize) else {
            return Ok(());
        };
        at += 4 + len as usize;
        if !f(typ, data)? {
            return Ok(());
        }
    }
    Ok(())
}

/// Reads the records as calamine does (the globals to their end, then each sheet
/// from the position its `BoundSheet8` record gives, skipping nested substreams)
/// and checks what calamine sizes its ranges from.
fn records(stream: &[u8]) -> Result<(), String> {
    let mut sheets = Vec::new();
    walk(stream, 0, |typ, data| {
        if typ == 0x0085
            && let Some(pos) = u32_at(data, 0)
        {
            sheets.push(pos as usize);
        }
        Ok(typ != 0x000A)
    })?;
    for pos in sheets {
        let (mut seen_bof, mut depth) = (false, 0usize);
        walk(stream, pos, |typ, data| {
            if depth > 0 {
                match typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                return Ok(true);
            }
            match typ {
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                0x000A => return Ok(false),
                0x0200 => dimensions(data)?,
                // Number, Label, RString, BoolErr, Rk, LabelSst, Formula: row, column first.
                0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                    if let (Some(row), Some(col)) = (u16_at(data, 0), u16_at(data, 2)) {
                        cell(u32::from(row), u32::from(col))?;
                    }
                }
                // MulRk: row, first column, 6 bytes per cell, last column.
                0x00BD if data.len() >= 6 => {
                    if let (Some(row), Some(first)) = (u16_at(data, 0), u16_at(data, 2)) {
                        let cells = (data.len() - 6) / 6;
                        let last = u32::from(first) + cells.saturating_sub(1) as u32;
                        cell(u32::from(row), last)?;
                    }
                }
                _ => {}
            }
            Ok(true)
        })?;
    }
    Ok(())
}

fn cell(row: u32, col: u32) -> Result<(), String> {
    if col >= MAX_COLUMNS {
        return Err(format!(
            "a cell at row {}, column {} is past the XLS format's last column (IV, column 256)",
            super::limits::thousands(u64::from(row) + 1),
            super::limits::thousands(u64::from(col) + 1)
        ));
    }
    Ok(())
}

/// A `Dimensions` record as calamine reads it (BIFF8: `u32` rows, `u16` columns;
/// its last row and column are one past the used range).
fn dimensions(data: &[u8]) -> Result<(), String> {
    let (first_row, rows_end, first_col, cols_end) = match data.len() {
        10 => (
            u32::from(u16_at(data, 0).unwrap_or(0)),
            u32::from(u16_at(data, 2).unwrap_or(0)),
            u32::from(u16_at(data, 4).unwrap_or(0)),
            u32::from(u16_at(data, 6).unwrap_or(0)),
        ),
        14 | 16 => (
            u32_at(data, 0).unwrap_or(0),
            u32_at(data, 4).unwrap_or(0),
            u32::from(u16_at(data, 8).unwrap_or(0)),
            u32::from(u16_at(data, 10).unwrap_or(0)),
        ),
        _ => return Ok(()),
    };
    if rows_end == 0 || cols_end == 0 {
        return Ok(());
    }
    // calamine starts a column past 255, or after the end, at column A.
    let first_col = if first_col > 0xFF || cols_end < first_col {
        0
    } else {
        first_col
    };
    if rows_end - 1 < first_row {
        return Err(format!(
            "sheet records declare a used range that ends (row {rows_end}) before it starts \
             (row {}) (Dimensions)",
            u64::from(first_row) + 1
        ));
    }
    let rows = u64::from(rows_end - first_row);
    let cols = u64::from(cols_end - first_col);
    if rows > MAX_ROWS || cols > u64::from(MAX_COLUMNS) {
        return Err(format!(
            "sheet records declare a used range of {} rows \u{d7} {} columns (Dimensions); \
             an XLS sheet has at most 65,536 \u{d7} 256",
            super::limits::thousands(rows),
            super::limits::thousands(cols)
        ));
    }
    Ok(())
}

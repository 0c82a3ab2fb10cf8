//! Mutations of valid files, as strategies: edits of a table's cells (hostile values,
//! swapped columns, repeated and very wide rows, long cells), a re-encoding (line
//! ends, BOM, UTF-16, legacy code pages), then edits of the bytes (cut anywhere,
//! bytes flipped, inserted or removed).

use proptest::prelude::*;

/// Values that have broken parsers elsewhere: huge, not-a-number, empty, control
/// and invisible characters, quotes, dates and codes just past what is valid.
pub const HOSTILE: &[&str] = &[
    "",
    " ",
    "\u{a0}",
    "\"\"",
    "\"",
    "\"unterminated",
    "\0",
    "\0\0\0\0",
    "\r",
    "\n",
    "\r\n",
    "\t",
    "\u{feff}",
    "\u{200b}",
    "\u{202e}",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "1e308",
    "-1e308",
    "1e309",
    "4.9e-324",
    "18446744073709551616",
    "-9223372036854775809",
    "99999999999999999999999999999999999999",
    "9223372036854775807",
    "4294967295",
    "-1",
    "-0",
    "0.5",
    "-12.5",
    "1,665,108",
    "1.665.108",
    "1 665 108",
    "١٢٣٤",
    "12%",
    "150%",
    "2024-13-45",
    "2024-02-30",
    "0000-00-00",
    "9999-12-31",
    "-2024-01-01",
    "2024-04-30T25:61:61",
    "30/04/2024",
    "04/30/2024",
    "45412",
    "2958466",
    "-693594",
    "R999999999999",
    "Round 18446744073709551616",
    "IQG99",
    "IQG00",
    "IQ-G01",
    "IRQ-G15",
    "IRQ",
    "Ninewa",
    "nInEwA  ",
    "نينوى",
    "محافظة نينوى",
    "Halabja",
    "Iraq",
    "Afghanistan",
    "AFG",
    "SD08",
    "#adm1+name",
    "#affected+idps+ind",
    "#affected+hh",
    "=SUM(A1:A9)",
    "date",
    "pcode",
    "individuals",
    "governorate",
    "basis",
    "hrp",
    "flash",
    "displacement",
    "in_camp",
    "true",
    "*",
    "-",
    "?????",
    "XFD1048576",
    "ZZZZZZZ1",
];

/// A value put into a cell.
#[derive(Debug, Clone)]
pub enum Value {
    Hostile(usize),
    Any(String),
    /// `len` copies of a character: a long cell.
    Long(char, usize),
}

impl Value {
    pub fn text(&self) -> String {
        match self {
            Value::Hostile(i) => HOSTILE[i % HOSTILE.len()].to_string(),
            Value::Any(s) => s.clone(),
            Value::Long(c, n) => std::iter::repeat_n(*c, *n).collect(),
        }
    }
}

pub fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => any::<usize>().prop_map(Value::Hostile),
        3 => any::<String>().prop_map(Value::Any),
        1 => (prop_oneof![Just('x'), Just('9'), Just('ن'), Just(','), Just('"')], 1usize..50_000)
            .prop_map(|(c, n)| Value::Long(c, n)),
    ]
}

/// An edit of a table's cells (rows and columns taken modulo the table's size).
#[derive(Debug, Clone)]
pub enum CellEdit {
    Set {
        row: usize,
        col: usize,
        value: Value,
    },
    Clear {
        row: usize,
        col: usize,
    },
    SwapColumns(usize, usize),
    DeleteColumn(usize),
    DeleteRow(usize),
    /// A row repeated `times` times in place (duplicate rows).
    Repeat {
        row: usize,
        times: usize,
    },
    /// A row widened to `columns` cells.
    Widen {
        row: usize,
        columns: usize,
    },
    /// A row inserted above `row`, of these values.
    InsertRow {
        row: usize,
        values: Vec<Value>,
    },
}

pub fn cell_edit() -> impl Strategy<Value = CellEdit> {
    let at = (any::<usize>(), any::<usize>());
    prop_oneof![
        8 => (at, value()).prop_map(|((row, col), value)| CellEdit::Set { row, col, value }),
        2 => at.prop_map(|(row, col)| CellEdit::Clear { row, col }),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| CellEdit::SwapColumns(a, b)),
        1 => any::<usize>().prop_map(CellEdit::DeleteColumn),
        1 => any::<usize>().prop_map(CellEdit::DeleteRow),
        1 => (any::<usize>(), 1usize..3_000).prop_map(|(row, times)| CellEdit::Repeat { row, times }),
        1 => (any::<usize>(), 1usize..12_000).prop_map(|(row, columns)| CellEdit::Widen { row, columns }),
        2 => (any::<usize>(), prop::collection::vec(value(), 0..6))
            .prop_map(|(row, values)| CellEdit::InsertRow { row, values }),
    ]
}

/// Line ends and encodings a file may come in.
#[derive(Debug, Clone, Copy)]
pub enum Recode {
    Keep,
    Crlf,
    Cr,
    Bom,
    Utf16Le,
    Utf16Be,
    /// UTF-16 without its BOM (Excel never writes it; other tools do).
    Utf16LeNoBom,
    Windows1256,
    Windows1252,
}

pub fn recode() -> impl Strategy<Value = Recode> {
    prop_oneof![
        6 => Just(Recode::Keep),
        1 => Just(Recode::Crlf),
        1 => Just(Recode::Cr),
        1 => Just(Recode::Bom),
        1 => Just(Recode::Utf16Le),
        1 => Just(Recode::Utf16Be),
        1 => Just(Recode::Utf16LeNoBom),
        1 => Just(Recode::Windows1256),
        1 => Just(Recode::Windows1252),
    ]
}

/// An edit of the bytes (positions taken modulo the length).
#[derive(Debug, Clone)]
pub enum ByteEdit {
    Cut(usize),
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Remove(usize, usize),
}

pub fn byte_edit() -> impl Strategy<Value = ByteEdit> {
    prop_oneof![
        2 => any::<usize>().prop_map(ByteEdit::Cut),
        3 => (any::<usize>(), 1u8..=255).prop_map(|(at, mask)| ByteEdit::Flip(at, mask)),
        2 => (any::<usize>(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, bytes)| ByteEdit::Insert(at, bytes)),
        1 => (any::<usize>(), 1usize..64).prop_map(|(at, n)| ByteEdit::Remove(at, n)),
    ]
}

/// A whole mutation of a CSV file.
#[derive(Debug, Clone)]
pub struct Mutation {
    pub cells: Vec<CellEdit>,
    pub recode: Recode,
    pub bytes: Vec<ByteEdit>,
}

pub fn mutation() -> impl Strategy<Value = Mutation> {
    (
        prop::collection::vec(cell_edit(), 0..5),
        recode(),
        prop::collection::vec(byte_edit(), 0..3),
    )
        .prop_map(|(cells, recode, bytes)| Mutation {
            cells,
            recode,
            bytes,
        })
}

/// The separator a text's first line uses most.
pub fn separator(text: &str) -> char {
    let first = text.lines().next().unwrap_or_default();
    [',', ';', '\t']
        .into_iter()
        .max_by_key(|&c| first.matches(c).count())
        .unwrap_or(',')
}

/// Applies cell edits to CSV text (lines split on `\n`, cells on the separator:
/// quoting is ignored on purpose, so a quoted cell may be split).
pub fn edit_cells(text: &str, edits: &[CellEdit]) -> String {
    let sep = separator(text);
    let mut rows: Vec<Vec<String>> = text
        .split('\n')
        .map(|l| l.split(sep).map(String::from).collect())
        .collect();
    for edit in edits {
        let n = rows.len().max(1);
        match edit {
            CellEdit::Set { row, col, value } => {
                if let Some(r) = rows.get_mut(row % n) {
                    let w = r.len().max(1);
                    if let Some(c) = r.get_mut(col % w) {
                        *c = value.text();
                    }
                }
            }
            CellEdit::Clear { row, col } => {
                if let Some(r) = rows.get_mut(row % n) {
                    let w = r.len().max(1);
                    if let Some(c) = r.get_mut(col % w) {
                        c.clear();
                    }
                }
            }
            CellEdit::SwapColumns(a, b) => {
                for r in &mut rows {
                    let w = r.len();
                    if w > 0 {
                        r.swap(a % w, b % w);
                    }
                }
            }
            CellEdit::DeleteColumn(c) => {
                for r in &mut rows {
                    let w = r.len();
                    if w > 1 {
                        r.remove(c % w);
                    }
                }
            }
            CellEdit::DeleteRow(row) => {
                if rows.len() > 1 {
                    rows.remove(row % n);
                }
            }
            CellEdit::Repeat { row, times } => {
                if let Some(r) = rows.get(row % n).cloned() {
                    let at = row % n;
                    // At most about 1 MB of copies, so a case stays quick.
                    let len = r.iter().map(|c| c.len() + 1).sum::<usize>().max(1);
                    for _ in 0..(*times).min(1_000_000 / len) {
                        rows.insert(at, r.clone());
                    }
                }
            }
            CellEdit::Widen { row, columns } => {
                if let Some(r) = rows.get_mut(row % n) {
                    while r.len() < *columns {
                        r.push(format!("c{}", r.len()));
                    }
                }
            }
            CellEdit::InsertRow { row, values } => {
                rows.insert(row % (n + 1), values.iter().map(Value::text).collect());
            }
        }
    }
    let sep = sep.to_string();
    rows.iter()
        .map(|r| r.join(&sep))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Encodes text as a file in `recode`'s line ends and encoding.
pub fn encode(text: &str, recode: Recode) -> Vec<u8> {
    let utf16 = |big: bool, bom: bool| {
        let mut out = Vec::new();
        for unit in std::iter::once(0xFEFF)
            .filter(|_| bom)
            .chain(text.encode_utf16())
        {
            out.extend(if big {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        out
    };
    match recode {
        Recode::Keep => text.as_bytes().to_vec(),
        Recode::Crlf => text.replace('\n', "\r\n").into_bytes(),
        Recode::Cr => text.replace('\n', "\r").into_bytes(),
        Recode::Bom => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        Recode::Utf16Le => utf16(false, true),
        Recode::Utf16Be => utf16(true, true),
        Recode::Utf16LeNoBom => utf16(false, false),
        Recode::Windows1256 => encoding_rs::WINDOWS_1256.encode(text).0.into_owned(),
        Recode::Windows1252 => encoding_rs::WINDOWS_1252.encode(text).0.into_owned(),
    }
}

/// Applies byte edits.
pub fn edit_bytes(mut bytes: Vec<u8>, edits: &[ByteEdit]) -> Vec<u8> {
    for edit in edits {
        let n = bytes.len();
        match edit {
            ByteEdit::Cut(at) => bytes.truncate(at % (n + 1)),
            ByteEdit::Flip(at, mask) => {
                if n > 0 {
                    bytes[at % n] ^= mask;
                }
            }
            ByteEdit::Insert(at, new) => {
                let at = at % (n + 1);
                bytes.splice(at..at, new.iter().copied());
            }
            ByteEdit::Remove(at, len) => {
                let at = at % (n + 1);
                let end = (at + len).min(n);
                bytes.drain(at..end);
            }
        }
    }
    bytes
}

/// Applies a whole mutation to a CSV file's bytes.
pub fn mutate_csv(seed: &[u8], m: &Mutation) -> Vec<u8> {
    if m.cells.is_empty() && matches!(m.recode, Recode::Keep) {
        // The seed's own bytes (a legacy code page stays as it is).
        return edit_bytes(seed.to_vec(), &m.bytes);
    }
    let text = String::from_utf8_lossy(seed);
    let edited = edit_cells(&text, &m.cells);
    edit_bytes(encode(&edited, m.recode), &m.bytes)
}

//! A made-up XLS (BIFF8 in an OLE compound file) built in memory: one worksheet of
//! the records given, for the corpus and the XLS guards' tests. Only what calamine
//! reads is written: the header, one FAT sector, one directory sector and a
//! `Workbook` stream of at least 4,096 bytes (so it lives in ordinary sectors, not
//! the mini stream).

/// One BIFF record: its type and its bytes.
pub type Record = (u16, Vec<u8>);

/// A `Label` cell: text at (row, column), 0-based.
pub fn label(row: u16, col: u16, text: &str) -> Record {
    let mut d = Vec::new();
    d.extend(row.to_le_bytes());
    d.extend(col.to_le_bytes());
    d.extend(0u16.to_le_bytes());
    d.extend((text.len() as u16).to_le_bytes());
    d.push(0); // 8-bit characters
    d.extend(text.bytes());
    (0x0204, d)
}

/// A `Number` cell.
pub fn number(row: u16, col: u16, value: f64) -> Record {
    let mut d = Vec::new();
    d.extend(row.to_le_bytes());
    d.extend(col.to_le_bytes());
    d.extend(0u16.to_le_bytes());
    d.extend(value.to_le_bytes());
    (0x0203, d)
}

/// A BIFF8 `Dimensions` record: first row, last row + 1, first column, last column + 1.
pub fn dimensions(first_row: u32, rows_end: u32, first_col: u16, cols_end: u16) -> Record {
    let mut d = Vec::new();
    d.extend(first_row.to_le_bytes());
    d.extend(rows_end.to_le_bytes());
    d.extend(first_col.to_le_bytes());
    d.extend(cols_end.to_le_bytes());
    d.extend(0u16.to_le_bytes());
    (0x0200, d)
}

/// The made-up governorate table every XLS case starts from (header and three rows).
pub fn table() -> Vec<Record> {
    let mut r = vec![dimensions(0, 4, 0, 4)];
    for (c, h) in ["date", "governorate", "basis", "individuals"]
        .iter()
        .enumerate()
    {
        r.push(label(0, c as u16, h));
    }
    for (i, (gov, n)) in [("Ninewa", 1000.0), ("Dahuk", 2500.0), ("Erbil", 12.0)]
        .iter()
        .enumerate()
    {
        let row = i as u16 + 1;
        r.push(number(row, 0, 45412.0));
        r.push(label(row, 1, gov));
        r.push(label(row, 2, "displacement"));
        r.push(number(row, 3, *n));
    }
    r
}

fn put(out: &mut Vec<u8>, (typ, data): &Record) {
    out.extend(typ.to_le_bytes());
    out.extend((data.len() as u16).to_le_bytes());
    out.extend(data);
}

fn bof(kind: u16) -> Record {
    let mut d = Vec::new();
    d.extend(0x0600u16.to_le_bytes());
    d.extend(kind.to_le_bytes());
    d.extend([0u8; 12]);
    (0x0809, d)
}

/// The `Workbook` stream: globals naming one sheet "Data", then its records.
pub fn workbook_stream(sheet: &[Record]) -> Vec<u8> {
    let name = "Data";
    let bound = |pos: u32| {
        let mut d = pos.to_le_bytes().to_vec();
        d.extend([0, 0, name.len() as u8, 0]);
        d.extend(name.bytes());
        (0x0085, d)
    };
    let mut globals = Vec::new();
    put(&mut globals, &bof(0x0005));
    put(&mut globals, &bound(0));
    put(&mut globals, &(0x000A, Vec::new()));
    let pos = globals.len() as u32;
    let mut stream = Vec::new();
    put(&mut stream, &bof(0x0005));
    put(&mut stream, &bound(pos));
    put(&mut stream, &(0x000A, Vec::new()));
    put(&mut stream, &bof(0x0010));
    for r in sheet {
        put(&mut stream, r);
    }
    put(&mut stream, &(0x000A, Vec::new()));
    if stream.len() < 4096 {
        stream.resize(4096, 0);
    }
    stream
}

const END: u32 = 0xFFFF_FFFE;
const FREE: u32 = 0xFFFF_FFFF;

fn directory_entry(name: &str, kind: u8, child: u32, start: u32, size: u32) -> Vec<u8> {
    let mut e = vec![0u8; 128];
    for (i, unit) in name.encode_utf16().enumerate() {
        e[i * 2..i * 2 + 2].copy_from_slice(&unit.to_le_bytes());
    }
    let len = (name.encode_utf16().count() as u16 + 1) * 2;
    e[64..66].copy_from_slice(&len.to_le_bytes());
    e[66] = kind;
    e[67] = 1;
    e[68..72].copy_from_slice(&FREE.to_le_bytes());
    e[72..76].copy_from_slice(&FREE.to_le_bytes());
    e[76..80].copy_from_slice(&child.to_le_bytes());
    e[116..120].copy_from_slice(&start.to_le_bytes());
    e[120..124].copy_from_slice(&size.to_le_bytes());
    e
}

/// An OLE compound file holding `stream` as `Workbook`, its FAT given by `fat`
/// (`None`: the ordinary chain), so tests can corrupt the chain.
pub fn compound_file(stream: &[u8], fat: Option<Vec<u32>>) -> Vec<u8> {
    let sectors = stream.len().div_ceil(512);
    assert!(sectors + 2 <= 128, "one FAT sector holds 128 entries");
    let mut header = vec![0u8; 512];
    header[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    header[24..26].copy_from_slice(&0x003Eu16.to_le_bytes());
    header[26..28].copy_from_slice(&3u16.to_le_bytes());
    header[28..30].copy_from_slice(&0xFFFEu16.to_le_bytes());
    header[30..32].copy_from_slice(&9u16.to_le_bytes());
    header[32..34].copy_from_slice(&6u16.to_le_bytes());
    header[44..48].copy_from_slice(&1u32.to_le_bytes()); // one FAT sector
    header[48..52].copy_from_slice(&1u32.to_le_bytes()); // directory in sector 1
    header[56..60].copy_from_slice(&4096u32.to_le_bytes());
    header[60..64].copy_from_slice(&END.to_le_bytes());
    header[68..72].copy_from_slice(&END.to_le_bytes());
    header[76..80].copy_from_slice(&0u32.to_le_bytes()); // the FAT is sector 0
    for i in 1..109 {
        header[76 + i * 4..80 + i * 4].copy_from_slice(&FREE.to_le_bytes());
    }
    let fat = fat.unwrap_or_else(|| {
        let mut fat = vec![0xFFFF_FFFD, END];
        for s in 0..sectors {
            fat.push(if s + 1 == sectors { END } else { s as u32 + 3 });
        }
        fat
    });
    let mut fat_sector = Vec::with_capacity(512);
    for i in 0..128 {
        fat_sector.extend(fat.get(i).copied().unwrap_or(FREE).to_le_bytes());
    }
    let mut dir = directory_entry("Root Entry", 5, 1, END, 0);
    dir.extend(directory_entry("Workbook", 2, FREE, 2, stream.len() as u32));
    dir.resize(512, 0);
    let mut out = header;
    out.extend(fat_sector);
    out.extend(dir);
    out.extend(stream);
    out.resize(512 * (3 + sectors), 0);
    out
}

/// A made-up XLS workbook whose one sheet holds these records.
pub fn xls(sheet: &[Record]) -> Vec<u8> {
    compound_file(&workbook_stream(sheet), None)
}

/// A stream whose sheet position (`BoundSheet8`) points into the middle of a cell's
/// text, where the bytes read as a `Dimensions` record of 4,294,967,295 rows: a walk
/// of the records from the start sees only a label; calamine, starting at the
/// position, sees the record (found by the property test, after bytes were edited).
pub fn hidden_dimensions() -> Vec<u8> {
    let (_, dims) = dimensions(0, u32::MAX, 0, 0xFFFF);
    let mut hidden = vec![b'x'];
    hidden.extend(0x0200u16.to_le_bytes());
    hidden.extend((dims.len() as u16).to_le_bytes());
    hidden.extend(&dims);
    let mut label = Vec::new();
    label.extend([0, 0, 0, 0, 0, 0]);
    label.extend((hidden.len() as u16).to_le_bytes());
    label.push(0);
    label.extend(&hidden);
    let bound = |pos: u32| {
        let mut d = pos.to_le_bytes().to_vec();
        d.extend([0, 0, 4, 0]);
        d.extend(b"Data");
        (0x0085, d)
    };
    let mut globals = Vec::new();
    put(&mut globals, &bof(0x0005));
    put(&mut globals, &bound(0));
    put(&mut globals, &(0x000A, Vec::new()));
    // The sheet's BOF (4 + 16 bytes), the label's header (4) and fields (9), then "x".
    let pos = globals.len() + 20 + 4 + 9 + 1;
    let mut stream = Vec::new();
    put(&mut stream, &bof(0x0005));
    put(&mut stream, &bound(pos as u32));
    put(&mut stream, &(0x000A, Vec::new()));
    put(&mut stream, &bof(0x0010));
    put(&mut stream, &(0x0204, label));
    put(&mut stream, &(0x000A, Vec::new()));
    assert_eq!(&stream[pos..pos + 2], &[0x00, 0x02]);
    stream.resize(4096, 0);
    compound_file(&stream, None)
}

/// The XLS cases that made calamine 0.38 abort or loop, as `(name, bytes, message)`:
/// each must be refused by `check` with exit 1, never an abort (exit 134) or a hang.
pub fn hostile() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let with = |first: Record| {
        let mut records = vec![first];
        records.extend(table().into_iter().skip(1));
        xls(&records)
    };
    let far_cell = {
        let mut records = table();
        records.push(label(65_535, 65_535, "made-up stray"));
        xls(&records)
    };
    let stream = workbook_stream(&table());
    let sectors = stream.len().div_ceil(512) as u32;
    // The Workbook stream's first sector points back at itself.
    let mut looping = vec![0xFFFF_FFFD, END, 2];
    looping.extend((1..sectors).map(|s| if s + 1 == sectors { END } else { s + 3 }));
    // The directory's chain points at itself.
    let mut directory = vec![0xFFFF_FFFD, 1];
    directory.extend((0..sectors).map(|s| if s + 1 == sectors { END } else { s + 3 }));
    vec![
        (
            "dimensions_4294967295_rows.xls",
            with(dimensions(0, u32::MAX, 0, 0xFFFF)),
            "sheet records declare a used range of 4,294,967,295 rows \u{d7} 65,535 columns (Dimensions); an XLS sheet has at most 65,536 \u{d7} 256",
        ),
        (
            "dimensions_hidden_at_the_sheet_position.xls",
            hidden_dimensions(),
            "sheet records declare a used range of 4,294,967,295 rows \u{d7} 65,535 columns (Dimensions); an XLS sheet has at most 65,536 \u{d7} 256",
        ),
        (
            "dimensions_end_before_start.xls",
            with(dimensions(100, 50, 0, 4)),
            "sheet records declare a used range that ends (row 50) before it starts (row 101) (Dimensions)",
        ),
        (
            "cell_at_column_65536.xls",
            far_cell,
            "a cell at row 65,536, column 65,536 is past the XLS format's last column (IV, column 256)",
        ),
        (
            "stream_chain_loops.xls",
            compound_file(&stream, Some(looping)),
            "the chain of sectors of the Workbook stream loops back on itself (the file is corrupt)",
        ),
        (
            "directory_chain_loops.xls",
            compound_file(&stream, Some(directory)),
            "the chain of sectors of the directory loops back on itself (the file is corrupt)",
        ),
    ]
}

#[test]
fn xls_declarations_that_aborted_or_looped_are_refused_by_name() {
    // Before the guard: the two `Dimensions` and far-cell cases aborted (exit 134,
    // "memory allocation of 11258827267113000 bytes failed"), the reversed range
    // panicked inside calamine, and the directory loop grew until memory ran out.
    let dir =
        std::env::temp_dir().join(format!("displacement-dashboard-xls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder");
    for (name, bytes, reason) in hostile() {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write");
        let r = crate::support::run(&["check", &path.display().to_string()]);
        assert_eq!(
            (r.code, r.stderr),
            (
                1,
                format!(
                    "displacement-dashboard: {}: not a readable workbook (truncated or corrupt?): {reason}\n",
                    path.display()
                )
            ),
            "{name}"
        );
    }
    // The made-up workbook itself still loads, through the same checks.
    let path = dir.join("made_up.xls");
    std::fs::write(&path, xls(&table())).expect("write");
    let r = crate::support::run(&["check", &path.display().to_string()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("ok, IDPs-by-governorate table with 3 rows"),
        "{}",
        r.stdout
    );
    let _ = std::fs::remove_dir_all(&dir);
}

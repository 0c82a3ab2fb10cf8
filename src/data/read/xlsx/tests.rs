//! Workbooks built in memory (made-up cells), and the committed fixtures.

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use zip::ZipWriter;
use zip::write::SimpleFileOptions;

use super::*;

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A sheet part: an optional `<dimension ref>` and the `<sheetData>` rows.
fn sheet_xml(dimension: Option<&str>, rows: &str) -> String {
    let dimension = dimension.map_or(String::new(), |d| format!(r#"<dimension ref="{d}"/>"#));
    format!(
        r#"<?xml version="1.0"?><worksheet xmlns="{MAIN}">{dimension}<sheetData>{rows}</sheetData></worksheet>"#
    )
}

/// An XLSX package: sheets `(name, part xml)`, a chart sheet when the xml starts
/// with `<chartsheet`, and optional shared strings.
fn xlsx(sheets: &[(&str, String)], shared: Option<&str>) -> Vec<u8> {
    let mut z = ZipWriter::new(Cursor::new(Vec::new()));
    let mut put = |name: &str, text: &str| {
        z.start_file(name, SimpleFileOptions::default()).unwrap();
        z.write_all(text.as_bytes()).unwrap();
    };
    put(
        "_rels/.rels",
        &format!(
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        ),
    );
    let mut entries = String::new();
    let mut rels = String::new();
    for (i, (name, xml)) in sheets.iter().enumerate() {
        let n = i + 1;
        let kind = if xml.starts_with("<chartsheet") {
            "chartsheet"
        } else {
            "worksheet"
        };
        let _ = write!(
            entries,
            r#"<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>"#
        );
        let _ = write!(
            rels,
            r#"<Relationship Id="rId{n}" Type="{REL}/{kind}" Target="worksheets/sheet{n}.xml"/>"#
        );
        put(&format!("xl/worksheets/sheet{n}.xml"), xml);
    }
    put(
        "xl/workbook.xml",
        &format!(
            r#"<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{entries}</sheets></workbook>"#
        ),
    );
    put(
        "xl/_rels/workbook.xml.rels",
        &format!(
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
        ),
    );
    if let Some(sst) = shared {
        put("xl/sharedStrings.xml", sst);
    }
    z.finish().unwrap().into_inner()
}

fn text(r: usize, c: &str, value: &str) -> String {
    format!(r#"<c r="{c}{r}" t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>"#)
}

/// A little table in B2:D4 (header and two rows), as made-up DTM-style cells.
fn table() -> String {
    format!(
        r#"<row r="2">{}{}{}</row><row r="3">{}<c r="C3"><v>45412</v></c><c r="D3"><v>1200</v></c></row><row r="4">{}<c r="C4"><v>45412</v></c><c r="D4"><v>12.5</v></c></row>"#,
        text(2, "B", "Governorate"),
        text(2, "C", "Date"),
        text(2, "D", " Number of\nIDPs  "),
        text(3, "B", "Ninewa"),
        text(4, "B", "Dahuk"),
    )
}

fn rows(sheet: &Sheet) -> Vec<(usize, Vec<Option<&str>>)> {
    sheet
        .rows
        .iter()
        .map(|r| (r.line, r.cells.iter().map(Option::as_deref).collect()))
        .collect()
}

fn the_table() -> Vec<(usize, Vec<Option<&'static str>>)> {
    vec![
        (
            2,
            vec![Some("Governorate"), Some("Date"), Some("Number of\nIDPs")],
        ),
        (3, vec![Some("Ninewa"), Some("45412"), Some("1200")]),
        (4, vec![Some("Dahuk"), Some("45412"), Some("12.5")]),
    ]
}

fn read(bytes: &[u8], sheet: &str) -> Result<Sheet, DataError> {
    Workbook::open("w.xlsx", "xlsx", bytes)?.sheet(sheet)
}

fn refused(bytes: &[u8]) -> String {
    match read(bytes, "Data") {
        Ok(s) => panic!("accepted: {:?}", s.rows.len()),
        Err(e) => e.to_string(),
    }
}

const PREFIX: &str = "w.xlsx: not a readable workbook (truncated or corrupt?): ";

#[test]
fn cells_read_as_the_user_sees_them() {
    assert_eq!(cell_text(&Data::Float(1200.0)), Some("1200".into()));
    assert_eq!(cell_text(&Data::Float(12.5)), Some("12.5".into()));
    assert_eq!(cell_text(&Data::Int(-3)), Some("-3".into()));
    assert_eq!(cell_text(&Data::String("  ".into())), None);
    assert_eq!(cell_text(&Data::Empty), None);
    let date = calamine::ExcelDateTime::new(45412.0, calamine::ExcelDateTimeType::DateTime, false);
    assert_eq!(cell_text(&Data::DateTime(date)), Some("2024-04-30".into()));
    assert_eq!(
        value_text(&DataRef::SharedString(" Ninewa \n")),
        Some("Ninewa".into())
    );
    assert_eq!(value_text(&DataRef::Float(3.0)), Some("3".into()));
}

#[test]
fn junk_and_truncated_workbooks_are_errors_not_panics() {
    for bytes in [&b"PK\x03\x04"[..], b"", b"not a workbook at all"] {
        for ext in EXTENSIONS {
            let r = Workbook::open("w.xlsx", ext, bytes);
            assert!(matches!(r, Err(DataError::Workbook { .. })), "{ext}: {r:?}");
        }
    }
}

#[test]
fn a_table_keeps_its_sheet_rows_and_first_column() {
    let book = xlsx(&[("Data", sheet_xml(Some("B2:D4"), &table()))], None);
    let sheet = read(&book, "Data").unwrap();
    assert_eq!(sheet.first_column, 1);
    assert_eq!(rows(&sheet), the_table());
}

#[test]
fn a_stray_value_at_the_last_cell_costs_one_row() {
    let stray = r#"<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>"#;
    let part = sheet_xml(Some("B2:XFD1048576"), &(table() + stray));
    let sheet = read(&xlsx(&[("Data", part)], None), "Data").unwrap();
    assert_eq!(sheet.first_column, 1);
    let got = rows(&sheet);
    assert_eq!(got[..3], the_table()[..]);
    let (line, cells) = &got[3];
    assert_eq!(*line, 1_048_576);
    // From column B to column XFD.
    assert_eq!(cells.len(), 16_383);
    assert_eq!(cells.last(), Some(&Some("7")));
    assert!(cells[..16_382].iter().all(Option::is_none));
}

#[test]
fn a_stray_style_at_the_last_cell_and_a_whole_sheet_dimension_cost_nothing() {
    let stray = r#"<row r="1048576"><c r="XFD1048576" s="1"/></row>"#;
    for part in [
        sheet_xml(Some("A1:XFD1048576"), &(table() + stray)),
        sheet_xml(Some("A1:XFD1048576"), &table()),
    ] {
        let sheet = read(&xlsx(&[("Data", part)], None), "Data").unwrap();
        assert_eq!(sheet.first_column, 1);
        assert_eq!(rows(&sheet), the_table());
    }
}

#[test]
fn stray_values_far_down_or_far_right_keep_the_letters() {
    let down = format!(
        "{}<row r=\"1048576\">{}</row>",
        table(),
        text(1_048_576, "A", "note")
    );
    let sheet = read(&xlsx(&[("Data", sheet_xml(None, &down))], None), "Data").unwrap();
    assert_eq!(sheet.first_column, 0);
    assert_eq!(sheet.rows.len(), 4);
    assert_eq!(sheet.rows[0].cells[1].as_deref(), Some("Governorate"));
    assert_eq!(sheet.rows[3].line, 1_048_576);
    assert_eq!(sheet.rows[3].cells, [Some("note".to_string())]);

    let right = table().replace(
        "</row><row r=\"3\">",
        &format!("{}</row><row r=\"3\">", text(2, "XFD", "x")),
    );
    let sheet = read(&xlsx(&[("Data", sheet_xml(None, &right))], None), "Data").unwrap();
    assert_eq!(sheet.first_column, 1);
    assert_eq!(sheet.rows[0].line, 2);
    assert_eq!(sheet.rows[0].cells.len(), 16_383);
    assert_eq!(sheet.rows[0].cells[16_382].as_deref(), Some("x"));
    assert_eq!(sheet.rows[1].cells.len(), 3);
}

#[test]
fn references_past_excels_limits_are_refused_by_name() {
    let cases = [
        (
            r#"<row r="1"><c r="ZZZZZZZ1"><v>1</v></c></row>"#.to_string(),
            "sheet \"Data\": cell reference \"ZZZZZZZ1\" is past Excel's last column (XFD, column 16,384)",
        ),
        (
            r#"<row r="1"><c r="A1048577"><v>1</v></c></row>"#.to_string(),
            "sheet \"Data\": cell reference \"A1048577\" is past Excel's last row (1,048,576)",
        ),
        (
            // A row after the last one, numbered by calamine when it has no `r`.
            r#"<row r="1048576"><c><v>1</v></c></row><row><c><v>2</v></c></row>"#.to_string(),
            "sheet \"Data\": a cell at row 1,048,577 is past Excel's last row (1,048,576)",
        ),
    ];
    for (rows, reason) in cases {
        let book = xlsx(&[("Data", sheet_xml(None, &rows))], None);
        assert_eq!(refused(&book), format!("{PREFIX}{reason}"));
    }
    let book = xlsx(&[("Data", sheet_xml(Some("A1:ZZZZZZZZ1"), ""))], None);
    assert_eq!(
        refused(&book),
        format!(
            "{PREFIX}sheet \"Data\": declared used range \"A1:ZZZZZZZZ1\" is past Excel's last cell (XFD1048576)"
        )
    );
}

#[test]
fn a_unique_count_the_part_cannot_hold_is_refused() {
    let sst = format!(
        r#"<sst xmlns="{MAIN}" count="4294967295" uniqueCount="4294967295"><si><t>Ninewa</t></si></sst>"#
    );
    let rows = r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#;
    let book = xlsx(&[("Data", sheet_xml(None, rows))], Some(&sst));
    assert_eq!(
        refused(&book),
        format!(
            "{PREFIX}part \"xl/sharedStrings.xml\" declares 4,294,967,295 shared strings (uniqueCount) but its {} bytes can hold at most {}",
            sst.len(),
            sst.len() / 5
        )
    );
    // A true count, and a `count` of uses above what the part holds, are fine.
    let sst = sst.replace("uniqueCount=\"4294967295\"", "uniqueCount=\"1\"");
    let book = xlsx(&[("Data", sheet_xml(None, rows))], Some(&sst));
    assert_eq!(rows_of(&book), [(1, vec![Some("Ninewa".to_string())])]);
}

fn rows_of(book: &[u8]) -> Vec<(usize, Vec<Option<String>>)> {
    read(book, "Data")
        .unwrap()
        .rows
        .into_iter()
        .map(|r| (r.line, r.cells))
        .collect()
}

#[test]
fn a_chart_sheet_reads_as_an_empty_sheet() {
    let chart = "<chartsheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetViews/></chartsheet>".to_string();
    let book = xlsx(
        &[("Chart", chart), ("Data", sheet_xml(None, &table()))],
        None,
    );
    let mut wb = Workbook::open("w.xlsx", "xlsx", &book).unwrap();
    assert_eq!(wb.names, ["Chart", "Data"]);
    assert!(wb.sheet("Chart").unwrap().rows.is_empty());
    assert_eq!(rows(&wb.sheet("Data").unwrap()), the_table());
}

#[test]
fn too_many_sheets_or_cells_are_refused() {
    let part = || sheet_xml(None, &table());
    let book = xlsx(&[("A", part()), ("B", part()), ("Data", part())], None);
    let limits = Limits {
        sheets: 2,
        ..Limits::DEFAULT
    };
    let e = Workbook::open_with("w.xlsx", "xlsx", &book, limits).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!("{PREFIX}the workbook has more than 2 sheets; expected at most 2")
    );
    let limits = Limits {
        cells: 8,
        ..Limits::DEFAULT
    };
    let e = Workbook::open_with("w.xlsx", "xlsx", &book, limits)
        .unwrap()
        .sheet("Data")
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "{PREFIX}sheet \"Data\" has more than 8 cells (counting the blanks between a row's first and last cells); expected at most 8"
        )
    );
}

#[test]
fn parts_that_would_expand_too_far_are_refused_before_inflating() {
    let book = xlsx(&[("Data", sheet_xml(None, &table()))], None);
    let limits = Limits {
        part_bytes: 100,
        ..Limits::DEFAULT
    };
    let e = Workbook::open_with("w.xlsx", "xlsx", &book, limits).unwrap_err();
    let reason = e.to_string();
    assert!(
        reason.starts_with(&format!("{PREFIX}part \""))
            && reason.ends_with("; expected at most 100 bytes (a zip bomb?)"),
        "{reason}"
    );
}

#[test]
fn password_protected_workbooks_say_so() {
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.resize(1024, 0);
    let mut entry: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    entry.resize(128, 0);
    entry[64] = 34;
    ole.extend(entry);
    for ext in ["xlsx", "xls", "xlsb"] {
        let e = Workbook::open("w.xlsx", ext, &ole).unwrap_err();
        assert_eq!(
            e.to_string(),
            "w.xlsx: the workbook is password-protected; save an unprotected copy and open that"
        );
    }
}

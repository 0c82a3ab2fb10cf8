//! Cell references checked before calamine parses them.
//!
//! calamine 0.38 turns `r="ZZZZZZZ1"` into a column with `u32` arithmetic: past seven
//! letters (or ten digits) it overflows, which panics in a debug build and wraps in a
//! release build (a wrapped column can land anywhere, even inside Excel's limits).
//! So each worksheet's XML is read once here, up to the end of `<sheetData>` (where
//! calamine's cell reader stops), and every `<dimension ref>`, `<row r>` and `<c r>`
//! past Excel's last row (1,048,576) or column (XFD) is refused, naming the sheet and
//! the reference as written. Nothing here allocates from what the file declares.

use std::io::BufRead;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::limits::{MAX_COLUMNS, MAX_ROWS, thousands};

/// Why a reference is out of bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Beyond {
    /// Its column is past XFD.
    Column,
    /// Its row is past 1,048,576.
    Row,
}

/// The column (1-based) and row (1-based) of the letters and digits that start a
/// reference, saturating instead of overflowing; 0 where there are none. This reads
/// what calamine's parser reads before it stops at any other character.
fn parts(reference: &str) -> (u64, u64) {
    let bytes = reference.as_bytes();
    let letters = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let column = bytes[..letters].iter().fold(0u64, |acc, b| {
        acc.saturating_mul(26)
            .saturating_add(u64::from(b.to_ascii_uppercase() - b'A') + 1)
    });
    let row = bytes[letters..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .fold(0u64, |acc, b| {
            acc.saturating_mul(10).saturating_add(u64::from(b - b'0'))
        });
    (column, row)
}

/// Checks a cell reference (`B7`) or a row number (`7`) against Excel's limits.
/// References calamine refuses for their syntax pass: calamine names them.
pub fn check(reference: &str) -> Result<(), Beyond> {
    let (column, row) = parts(reference);
    if column > MAX_COLUMNS {
        Err(Beyond::Column)
    } else if row > MAX_ROWS {
        Err(Beyond::Row)
    } else {
        Ok(())
    }
}

/// Checks a range (`A1:C9`, or one cell). calamine parses every part between colons
/// before it counts them, and subtracts start from end in `u32`, so every part is
/// checked and a range that ends above or left of its start is refused too.
fn check_range(range: &str) -> Result<(), String> {
    let mut ends = Vec::with_capacity(2);
    for part in range.split(':') {
        check(part).map_err(|_| {
            format!("declared used range \"{range}\" is past Excel's last cell (XFD{MAX_ROWS})")
        })?;
        if ends.len() < 3 {
            ends.push(parts(part));
        }
    }
    if let [(c0, r0), (c1, r1)] = ends[..]
        && (c1 < c0 || r1 < r0)
    {
        return Err(format!(
            "declared used range \"{range}\" ends before it starts"
        ));
    }
    Ok(())
}

/// The message for a cell reference out of bounds.
#[must_use]
pub fn beyond_message(reference: &str, beyond: Beyond) -> String {
    match beyond {
        Beyond::Column => format!(
            "cell reference \"{reference}\" is past Excel's last column (XFD, column {})",
            thousands(MAX_COLUMNS)
        ),
        Beyond::Row => format!(
            "cell reference \"{reference}\" is past Excel's last row ({})",
            thousands(MAX_ROWS)
        ),
    }
}

fn attribute<'e>(e: &'e BytesStart<'_>, key: &str) -> Option<std::borrow::Cow<'e, str>> {
    e.attributes()
        .with_checks(false)
        .filter_map(Result::ok)
        .find(|a| a.key.as_ref() == key)
        .map(|a| a.value)
}

/// Reads one worksheet's XML up to the end of its `<sheetData>` and checks every
/// reference in it. XML errors are left to calamine, which reads the same part next.
pub fn worksheet<R: BufRead>(xml: R, sheet: &str) -> Result<(), String> {
    let mut reader = Reader::from_reader(xml);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    let fail = |what: String| Err(format!("sheet \"{sheet}\": {what}"));
    let mut buf = Vec::with_capacity(1024);
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => match e.local_name().as_ref() {
                "c" => {
                    if let Some(r) = attribute(&e, "r")
                        && let Err(beyond) = check(&r)
                    {
                        return fail(beyond_message(&r, beyond));
                    }
                }
                "row" => {
                    if let Some(r) = attribute(&e, "r")
                        && check(&r).is_err()
                    {
                        return fail(format!(
                            "row number \"{r}\" is past Excel's last row ({})",
                            thousands(MAX_ROWS)
                        ));
                    }
                }
                "dimension" => {
                    if let Some(range) = attribute(&e, "ref") {
                        check_range(&range).or_else(fail)?;
                    }
                }
                _ => {}
            },
            Ok(Event::End(e)) if e.local_name().as_ref() == "sheetData" => return Ok(()),
            Ok(Event::Eof) | Err(_) => return Ok(()),
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_checked_against_excels_limits() {
        let cases = [
            ("A1", Ok(())),
            ("XFD1048576", Ok(())),
            ("xfd1048576", Ok(())),
            ("A1048576", Ok(())),
            ("XFD2", Ok(())),
            ("1048576", Ok(())),
            ("XFE1", Err(Beyond::Column)),
            ("ZZZZZZZ1", Err(Beyond::Column)),
            ("ZZZZZZZZZZZZZZZZZZZZZZZZZZ1", Err(Beyond::Column)),
            ("A1048577", Err(Beyond::Row)),
            ("A99999999999999999999999", Err(Beyond::Row)),
            ("1048577", Err(Beyond::Row)),
            // Syntax errors are calamine's to name.
            ("A1!", Ok(())),
            ("", Ok(())),
        ];
        for (reference, expected) in cases {
            assert_eq!(check(reference), expected, "{reference}");
        }
    }

    #[test]
    fn ranges_past_the_last_cell_or_reversed_are_refused() {
        assert_eq!(check_range("A1:XFD1048576"), Ok(()));
        assert_eq!(check_range("B2"), Ok(()));
        assert_eq!(
            check_range("A1:ZZZZZZZ9"),
            Err(
                "declared used range \"A1:ZZZZZZZ9\" is past Excel's last cell (XFD1048576)".into()
            )
        );
        assert_eq!(
            check_range("C3:A1"),
            Err("declared used range \"C3:A1\" ends before it starts".into())
        );
    }

    fn scan(xml: &str) -> Result<(), String> {
        worksheet(xml.as_bytes(), "Data")
    }

    #[test]
    fn a_worksheet_is_read_to_the_end_of_its_sheet_data() {
        let ok = r#"<worksheet><dimension ref="A1:XFD1048576"/><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>r="ZZZZZZZ1"</t></is></c></row>
            <row r="1048576"><c r="XFD1048576" s="1"/></row></sheetData>
            <mergeCells><mergeCell ref="A1:ZZZZZZZ1"/></mergeCells></worksheet>"#;
        assert_eq!(scan(ok), Ok(()));
        assert_eq!(
            scan(r#"<worksheet><sheetData><row r="1"><x:c r="ZZZZZZZ1"/></row></sheetData></worksheet>"#),
            Err("sheet \"Data\": cell reference \"ZZZZZZZ1\" is past Excel's last column (XFD, column 16,384)".into())
        );
        assert_eq!(
            scan(
                r#"<worksheet><sheetData><row r="1048577"><c><v>1</v></c></row></sheetData></worksheet>"#
            ),
            Err(
                "sheet \"Data\": row number \"1048577\" is past Excel's last row (1,048,576)"
                    .into()
            )
        );
        assert_eq!(
            scan(r#"<worksheet><dimension ref="A1:A99999999999"/><sheetData/></worksheet>"#),
            Err("sheet \"Data\": declared used range \"A1:A99999999999\" is past Excel's last cell (XFD1048576)".into())
        );
        // Broken XML is left to calamine.
        assert_eq!(scan("<worksheet><sheetData><row"), Ok(()));
    }
}

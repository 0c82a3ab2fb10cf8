//! Cell references checked before calamine parses them.
//!
//! calamine 0.38 turns `r="ZZZZZZZ1"` into a column with `u32` arithmetic: past seven
//! letters (or ten digits) it overflows, which panics in a debug build and wraps in a
//! release build (a wrapped column can land anywhere, even inside Excel's limits).
//! So each worksheet's XML is read once here, tag by tag, up to the end of
//! `<sheetData>` (where calamine's cell reader stops), and every `<dimension ref>`,
//! `<row r>` and `<c r>` past Excel's last row (1,048,576) or column (XFD) is
//! refused, naming the sheet and the reference as written. Nothing here allocates
//! from what the file declares.

use std::io::Read;

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

/// Tags longer than this are cut when kept (a `<c>` tag is a few dozen bytes; what
/// is cut is not checked here, and calamine's positions are checked again later).
const MAX_TAG: usize = 64 * 1024;

/// Where the reader is in the XML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Between tags: only `<` matters (text holds no raw `<`).
    Text,
    /// Inside a tag, and inside a quoted attribute value when `quote` is set.
    Tag { quote: Option<u8> },
    /// Inside `<!-- -->`, counting the dashes just seen.
    Comment(u8),
    /// Inside `<![CDATA[ ]]>`, counting the brackets just seen.
    Cdata(u8),
    /// Inside `<? ?>`, after a `?` or not.
    Pi(bool),
}

/// A byte-level reader of a worksheet's tags. It keeps one tag at a time, so its
/// memory does not grow with the sheet, and it does far less work per byte than an
/// XML parser (the sheet is parsed again by calamine right after).
struct Scanner<'s> {
    sheet: &'s str,
    state: State,
    tag: Vec<u8>,
}

/// An attribute's value in a tag's bytes (`c r="A1" s="2"`), by its exact key.
fn attribute<'t>(tag: &'t [u8], key: &[u8]) -> Option<&'t [u8]> {
    let mut rest = tag;
    // Skip the element's name.
    let name_end = rest.iter().position(u8::is_ascii_whitespace)?;
    rest = &rest[name_end..];
    loop {
        rest = rest.trim_ascii_start();
        let eq = rest.iter().position(|&b| b == b'=')?;
        let name = rest[..eq].trim_ascii_end();
        rest = rest[eq + 1..].trim_ascii_start();
        let quote = *rest.first()?;
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let len = rest[1..].iter().position(|&b| b == quote)?;
        let value = &rest[1..=len];
        if name == key {
            return Some(value);
        }
        rest = &rest[len + 2..];
    }
}

impl Scanner<'_> {
    fn fail(&self, what: &str) -> Result<bool, String> {
        Err(format!("sheet \"{}\": {what}", self.sheet))
    }

    /// A whole tag was read (without its `<` and `>`): checks it, and says whether
    /// it closes `<sheetData>`.
    fn end_of_tag(&self) -> Result<bool, String> {
        let tag = self.tag.as_slice();
        let closing = tag.first() == Some(&b'/');
        let name = &tag[usize::from(closing)..];
        let name = &name[..name
            .iter()
            .position(|&b| b.is_ascii_whitespace() || b == b'/')
            .unwrap_or(name.len())];
        let local = name.rsplit(|&b| b == b':').next().unwrap_or(name);
        if closing {
            return Ok(local == b"sheetData");
        }
        let value = |key: &[u8]| attribute(tag, key).map(String::from_utf8_lossy);
        match local {
            b"c" => {
                if let Some(r) = value(b"r")
                    && let Err(beyond) = check(&r)
                {
                    return self.fail(&beyond_message(&r, beyond));
                }
            }
            b"row" => {
                if let Some(r) = value(b"r")
                    && check(&r).is_err()
                {
                    return self.fail(&format!(
                        "row number \"{r}\" is past Excel's last row ({})",
                        thousands(MAX_ROWS)
                    ));
                }
            }
            b"dimension" => {
                if let Some(range) = value(b"ref")
                    && let Err(what) = check_range(&range)
                {
                    return self.fail(&what);
                }
            }
            _ => {}
        }
        Ok(false)
    }

    /// Reads the next bytes of the part; true once `</sheetData>` is read.
    fn feed(&mut self, chunk: &[u8]) -> Result<bool, String> {
        let mut i = 0;
        while i < chunk.len() {
            if matches!(self.state, State::Text) {
                match memchr::memchr(b'<', &chunk[i..]) {
                    Some(k) => {
                        i += k + 1;
                        self.tag.clear();
                        self.state = State::Tag { quote: None };
                        continue;
                    }
                    None => return Ok(false),
                }
            }
            let b = chunk[i];
            i += 1;
            self.state = match self.state {
                State::Text => State::Text,
                State::Tag { quote: None } if b == b'>' => {
                    if self.end_of_tag()? {
                        return Ok(true);
                    }
                    State::Text
                }
                State::Tag { quote } => {
                    if self.tag.len() < MAX_TAG {
                        self.tag.push(b);
                    }
                    match (quote, self.tag.as_slice()) {
                        (None, b"!--") => State::Comment(0),
                        (None, b"![CDATA[") => State::Cdata(0),
                        (None, b"?") => State::Pi(false),
                        (None, _) if b == b'"' || b == b'\'' => State::Tag { quote: Some(b) },
                        (Some(q), _) if b == q => State::Tag { quote: None },
                        _ => State::Tag { quote },
                    }
                }
                State::Comment(n) if b == b'>' && n >= 2 => State::Text,
                State::Comment(n) => {
                    State::Comment(if b == b'-' { n.saturating_add(1) } else { 0 })
                }
                State::Cdata(n) if b == b'>' && n >= 2 => State::Text,
                State::Cdata(n) => State::Cdata(if b == b']' { n.saturating_add(1) } else { 0 }),
                State::Pi(true) if b == b'>' => State::Text,
                State::Pi(_) => State::Pi(b == b'?'),
            };
        }
        Ok(false)
    }
}

/// Reads one worksheet's XML up to the end of its `<sheetData>` and checks every
/// reference in it. Read errors are left to calamine, which reads the same part next.
pub fn worksheet<R: Read>(mut xml: R, sheet: &str) -> Result<(), String> {
    let mut scanner = Scanner {
        sheet,
        state: State::Text,
        tag: Vec::with_capacity(256),
    };
    let mut buf = vec![0; 64 * 1024];
    loop {
        let n = match xml.read(&mut buf) {
            Ok(0) | Err(_) => return Ok(()),
            Ok(n) => n,
        };
        if scanner.feed(&buf[..n])? {
            return Ok(());
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

    /// A reader that hands out one byte at a time, so tags span reads.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let Some((first, rest)) = self.0.split_first() else {
                return Ok(0);
            };
            buf[0] = *first;
            self.0 = rest;
            Ok(1)
        }
    }

    #[test]
    fn comments_cdata_and_quoted_brackets_are_not_tags() {
        let cases = [
            (
                r#"<!-- <c r="ZZZZZZZ1"/> --><sheetData><c r="A1"/></sheetData>"#,
                true,
            ),
            (
                r#"<sheetData><c r="A1"><is><t><![CDATA[<c r="ZZZZZZZ1">]]></t></is></c></sheetData>"#,
                true,
            ),
            (
                r#"<?xml version="1.0"?><sheetData><c note="a>b" r='XFE1'/></sheetData>"#,
                false,
            ),
            (r#"<sheetData><c r = "XFD1048577" /></sheetData>"#, false),
            (
                r#"<sheetData><c s="1" r="XFD1048576"/></sheetData><c r="ZZZZZZZ1"/>"#,
                true,
            ),
        ];
        for (xml, ok) in cases {
            assert_eq!(scan(xml).is_ok(), ok, "{xml}");
            let trickled = worksheet(Trickle(xml.as_bytes()), "Data");
            assert_eq!(trickled.is_ok(), ok, "one byte at a time: {xml}");
        }
    }
}

//! ODS repeats checked before calamine expands them.
//!
//! calamine 0.38 reads every sheet of an ODS document when it opens it, and keeps
//! each as two dense ranges (values and formulas). It caps
//! `table:number-columns-repeated` at 16,384 columns and `table:number-rows-repeated`
//! at 1,048,576 rows, but a short row of XML can still become 16,384 cells, each
//! holding its own copy of the cell's text, and `<text:s text:c="N"/>` becomes N
//! spaces. So `content.xml` is read once here, doing calamine's arithmetic without
//! its allocations: the cells each row element becomes, the dense range each sheet
//! becomes (its rows from the first to the last non-empty one, repeats included,
//! times its widest row), and the text those cells copy. A document past
//! [`Limits::ods_cells`] cells or [`Limits::text_bytes`] of text is refused.

use std::io::BufRead;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::limits::{Limits, MAX_COLUMNS, MAX_ROWS, byte_count, thousands};
use super::package::attribute;

/// A count attribute as calamine reads it, saturating; `default` when absent.
fn count(e: &BytesStart<'_>, key: &str, default: u64) -> u64 {
    attribute(e, key).map_or(default, |v| {
        v.trim().bytes().fold(0u64, |acc, b| {
            if b.is_ascii_digit() {
                acc.saturating_mul(10).saturating_add(u64::from(b - b'0'))
            } else {
                acc
            }
        })
    })
}

/// True when calamine reads a value or a formula from the cell's attributes.
fn has_value(e: &BytesStart<'_>) -> bool {
    e.attributes()
        .with_checks(false)
        .filter_map(Result::ok)
        .any(|a| {
            let key: &str = a.key.as_ref();
            key.starts_with("office:") || key == "table:formula" || key == "calcext:value-type"
        })
}

fn attribute_text(e: &BytesStart<'_>) -> u64 {
    e.attributes()
        .with_checks(false)
        .filter_map(Result::ok)
        .map(|a| a.value.len() as u64)
        .sum()
}

#[derive(Debug, Default)]
struct Tally {
    /// Cells calamine pushes while reading row elements, all sheets together.
    read: u64,
    /// Cells of the dense ranges calamine builds from them, all sheets together.
    dense: u64,
    /// Bytes of text those cells copy.
    text: u64,
}

#[derive(Debug, Default)]
struct Table {
    rows: u64,
    span: Option<(u64, u64)>,
    widest: u64,
}

#[derive(Debug, Default)]
struct Row {
    repeats: u64,
    pushed: u64,
    pending_empty: u64,
    non_empty: bool,
    text: u64,
}

#[derive(Debug, Default)]
struct Cell {
    repeats: u64,
    non_empty: bool,
    text: u64,
}

impl Row {
    /// calamine's `read_row`: empty cells are pushed only when a non-empty one
    /// follows; both are capped at 16,384 per row element.
    fn end_cell(&mut self, cell: &Cell) {
        let pending = self.pending_empty.min(MAX_COLUMNS - self.pushed);
        self.pushed += pending;
        self.pending_empty = 0;
        let repeats = cell.repeats.min(MAX_COLUMNS - self.pushed);
        if cell.non_empty {
            self.pushed += repeats;
            self.non_empty = true;
            self.text = self.text.saturating_add(cell.text.saturating_mul(repeats));
        } else {
            self.pending_empty = repeats;
        }
    }
}

impl Tally {
    fn end_row(&mut self, table: &mut Table, row: &Row) {
        self.read += row.pushed;
        if row.non_empty {
            let start = table.span.map_or(table.rows, |(s, _)| s);
            table.span = Some((start, table.rows + row.repeats));
            table.widest = table.widest.max(row.pushed);
        }
        let copies = if row.non_empty { 1 + row.repeats } else { 1 };
        self.text = self.text.saturating_add(row.text.saturating_mul(copies));
        table.rows += row.repeats;
    }

    fn end_table(&mut self, table: &Table) {
        if let Some((start, end)) = table.span {
            self.dense = self
                .dense
                .saturating_add((end - start).saturating_mul(table.widest));
        }
    }

    fn check(&self, limits: &Limits) -> Result<(), String> {
        if self.read.saturating_add(self.dense) > limits.ods_cells {
            return Err(format!(
                "the sheets would take more than {} cells once repeated cells and rows \
                 (table:number-columns-repeated, table:number-rows-repeated) are filled in; \
                 expected at most {}",
                thousands(limits.ods_cells),
                thousands(limits.ods_cells)
            ));
        }
        if self.text > limits.text_bytes as u64 {
            return Err(format!(
                "the sheets would hold more than {} of text once repeated cells, rows and \
                 spaces (text:s) are filled in; expected at most {}",
                byte_count(limits.text_bytes as u64),
                byte_count(limits.text_bytes as u64)
            ));
        }
        Ok(())
    }
}

/// Follows calamine into and out of a cell's comment (`office:annotation`), where
/// it reads nothing but the comment's end tag; true while inside one.
fn in_annotation(event: &Event<'_>, in_cell: bool, annotation: &mut bool) -> bool {
    let named = |e: &quick_xml::name::QName<'_>| e.as_ref() == "office:annotation";
    if *annotation {
        *annotation = !matches!(event, Event::End(e) if named(&e.name()));
        return true;
    }
    *annotation = in_cell && matches!(event, Event::Start(e) if named(&e.name()));
    *annotation
}

/// An XML reader configured as calamine configures its own.
fn calamines_reader<R: BufRead>(xml: R) -> Reader<R> {
    let mut reader = Reader::from_reader(xml);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    reader
}

/// Why a document whose content ends inside a sheet is refused.
pub const UNCLOSED: &str = "the document's content ends inside a sheet or a cell comment \
     (content.xml is truncated or corrupt)";

/// Reads an ODS `content.xml` and refuses what calamine would expand past the
/// limits, or read forever (a sheet or a comment never closed). XML errors are left
/// to calamine, which reads the same part next and stops at the same error.
pub fn content<R: BufRead>(xml: R, limits: &Limits) -> Result<(), String> {
    let mut reader = calamines_reader(xml);
    let mut buf = Vec::with_capacity(1024);
    let mut tally = Tally::default();
    let mut table: Option<Table> = None;
    let mut row: Option<Row> = None;
    let mut cell: Option<Cell> = None;
    let mut annotation = false;
    loop {
        buf.clear();
        let event = match reader.read_event_into(&mut buf) {
            // calamine 0.38 reads a sheet until `</table:table>` and a comment until
            // `</office:annotation>`, never stopping at the end: it would loop forever.
            Ok(Event::Eof) if table.is_some() || annotation => return Err(UNCLOSED.into()),
            Ok(Event::Eof) | Err(_) => return Ok(()),
            Ok(event) => event,
        };
        if in_annotation(&event, cell.is_some(), &mut annotation) {
            continue;
        }
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            let name = e.name().0;
            match name {
                "table:table" if table.is_none() && attribute(e, "table:name").is_some() => {
                    table = Some(Table::default());
                }
                "table:table-row" if cell.is_none() => {
                    if let Some(t) = &mut table {
                        let repeats = count(e, "table:number-rows-repeated", 1)
                            .min(MAX_ROWS.saturating_sub(t.rows));
                        let r = Row {
                            repeats,
                            ..Row::default()
                        };
                        if empty {
                            tally.end_row(t, &r);
                        } else {
                            row = Some(r);
                        }
                    }
                }
                "table:table-cell" | "table:covered-table-cell" if cell.is_none() => {
                    if let Some(r) = &mut row {
                        let c = Cell {
                            repeats: count(e, "table:number-columns-repeated", 1),
                            non_empty: has_value(e),
                            text: attribute_text(e),
                        };
                        if empty {
                            r.end_cell(&c);
                        } else {
                            cell = Some(c);
                        }
                    }
                }
                "text:s" => {
                    if let Some(c) = &mut cell {
                        c.text = c.text.saturating_add(count(e, "text:c", 1));
                    }
                }
                _ => {
                    if let Some(c) = &mut cell {
                        c.text = c.text.saturating_add(1);
                    }
                }
            }
        }
        match &event {
            Event::Text(t) => {
                if let Some(c) = &mut cell {
                    c.text = c.text.saturating_add(t.len() as u64);
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "table:table-cell" | "table:covered-table-cell" => {
                    if let (Some(c), Some(r)) = (cell.take(), &mut row) {
                        r.end_cell(&c);
                    }
                }
                "table:table-row" if cell.is_none() => {
                    if let (Some(r), Some(t)) = (row.take(), &mut table) {
                        tally.end_row(t, &r);
                    }
                }
                "table:table" if cell.is_none() => {
                    if let Some(t) = table.take() {
                        tally.end_table(&t);
                    }
                }
                _ => {}
            },
            _ => {}
        }
        tally.check(limits)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(rows: &str) -> String {
        format!(
            r#"<office:document-content><office:body><office:spreadsheet>
            <table:table table:name="Data">{rows}</table:table>
            </office:spreadsheet></office:body></office:document-content>"#
        )
    }

    fn check(rows: &str, limits: &Limits) -> Result<(), String> {
        content(doc(rows).as_bytes(), limits)
    }

    const WIDE_ROW: &str = r#"<table:table-row><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row>"#;

    #[test]
    fn an_ordinary_sheet_with_repeated_blank_rows_to_the_end_passes() {
        let rows = r#"<table:table-row><table:table-cell office:value-type="string"><text:p>Governorate</text:p></table:table-cell>
            <table:table-cell table:number-columns-repeated="1020"/></table:table-row>
            <table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#;
        assert_eq!(check(rows, &Limits::DEFAULT), Ok(()));
    }

    #[test]
    fn repeated_cells_past_the_limit_are_refused() {
        let limits = Limits {
            ods_cells: 100_000,
            ..Limits::DEFAULT
        };
        assert_eq!(check(&WIDE_ROW.repeat(3), &limits), Ok(()));
        let e = check(&WIDE_ROW.repeat(7), &limits).unwrap_err();
        assert!(
            e.starts_with("the sheets would take more than 100,000 cells"),
            "{e}"
        );
        // One wide row repeated down the sheet is refused too.
        let rows = WIDE_ROW.replace(
            "<table:table-row>",
            r#"<table:table-row table:number-rows-repeated="1000">"#,
        );
        assert!(check(&rows, &limits).is_err());
    }

    #[test]
    fn a_sheet_or_a_comment_never_closed_is_refused_not_read_forever() {
        let limits = Limits::DEFAULT;
        let open = r#"<office:document-content><office:body><office:spreadsheet><table:table table:name="Data"><table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#;
        assert_eq!(content(open.as_bytes(), &limits), Err(UNCLOSED.into()));
        let comment = format!(
            r#"{open}<table:table-row><table:table-cell office:value-type="string"><office:annotation><text:p>note</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#
        );
        assert_eq!(content(comment.as_bytes(), &limits), Err(UNCLOSED.into()));
        let closed = comment.replace(
            "<text:p>note</text:p>",
            "<text:p>note</text:p></office:annotation>",
        );
        assert_eq!(content(closed.as_bytes(), &limits), Ok(()));
    }

    #[test]
    fn spaces_declared_by_count_are_text_too() {
        let limits = Limits {
            text_bytes: 1_000,
            ..Limits::DEFAULT
        };
        let rows = r#"<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="4000000000"/></text:p></table:table-cell></table:table-row>"#;
        let e = check(rows, &limits).unwrap_err();
        assert!(
            e.starts_with("the sheets would hold more than 1,000 bytes of text"),
            "{e}"
        );
    }
}

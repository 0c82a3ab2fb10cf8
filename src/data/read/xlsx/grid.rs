//! A sheet's cells, stored sparsely: only rows that hold a non-empty cell.
//!
//! Cells arrive one at a time (from calamine's streaming cell readers, or from a
//! dense range for XLS and ODS). Each row keeps its sheet row and runs from the
//! sheet's first used column to its own last non-empty cell, so a stray cell at
//! `XFD1048576` costs one row of 16,384 slots, never rows × columns. Positions past
//! Excel's limits, and sheets past [`Limits::cells`] slots or [`Limits::text_bytes`]
//! of text, are refused as the cells arrive, before they are stored.

use super::limits::{Limits, MAX_COLUMNS, MAX_ROWS, byte_count, thousands};
use crate::data::detect::GridRow;

/// One row as it is read: its cells from its own first non-empty cell.
#[derive(Debug)]
struct Row {
    /// 0-based sheet row.
    index: u32,
    /// 0-based column of `cells[0]`.
    start: u32,
    cells: Vec<Option<String>>,
}

impl Row {
    /// Puts a cell in the row; returns how many slots the row grew by.
    fn put(&mut self, column: u32, text: String) -> usize {
        if column < self.start {
            let grow = (self.start - column) as usize;
            let mut cells = Vec::with_capacity(grow + self.cells.len());
            cells.push(Some(text));
            cells.resize(grow, None);
            cells.append(&mut self.cells);
            self.cells = cells;
            self.start = column;
            return grow;
        }
        let at = (column - self.start) as usize;
        if let Some(slot) = self.cells.get_mut(at) {
            *slot = Some(text);
            return 0;
        }
        let grow = at + 1 - self.cells.len();
        self.cells.resize(at, None);
        self.cells.push(Some(text));
        grow
    }

    fn end(&self) -> u32 {
        self.start + self.cells.len() as u32 - 1
    }
}

/// A sheet's cells being read.
#[derive(Debug)]
pub struct Grid<'s> {
    sheet: &'s str,
    limits: Limits,
    rows: Vec<Row>,
    /// False once a cell arrives for a row above the last one read.
    in_order: bool,
    /// Slots stored: each row's cells from its own first to its last non-empty cell.
    slots: usize,
    text_bytes: usize,
}

impl<'s> Grid<'s> {
    /// An empty grid for the sheet named `sheet` (the name is for messages).
    #[must_use]
    pub fn new(sheet: &'s str, limits: Limits) -> Self {
        Grid {
            sheet,
            limits,
            rows: Vec::new(),
            in_order: true,
            slots: 0,
            text_bytes: 0,
        }
    }

    /// Adds a cell at a 0-based `(row, column)`; empty text is not stored.
    pub fn push(&mut self, (row, column): (u32, u32), text: Option<String>) -> Result<(), String> {
        let Some(text) = text else {
            return Ok(());
        };
        if u64::from(row) >= MAX_ROWS {
            return Err(format!(
                "sheet \"{}\": a cell at row {} is past Excel's last row ({})",
                self.sheet,
                thousands(u64::from(row) + 1),
                thousands(MAX_ROWS)
            ));
        }
        if u64::from(column) >= MAX_COLUMNS {
            return Err(format!(
                "sheet \"{}\": a cell in column {} is past Excel's last column (XFD, column {})",
                self.sheet,
                thousands(u64::from(column) + 1),
                thousands(MAX_COLUMNS)
            ));
        }
        self.text_bytes += text.len();
        if self.text_bytes > self.limits.text_bytes {
            return Err(format!(
                "sheet \"{}\" holds more than {} of text; expected at most {}",
                self.sheet,
                byte_count(self.limits.text_bytes as u64),
                byte_count(self.limits.text_bytes as u64)
            ));
        }
        let grow = match self.rows.last_mut() {
            Some(last) if last.index == row => last.put(column, text),
            last => {
                if last.is_some_and(|l| l.index > row) {
                    self.in_order = false;
                }
                self.rows.push(Row {
                    index: row,
                    start: column,
                    cells: vec![Some(text)],
                });
                1
            }
        };
        self.slots += grow;
        self.check_slots(self.slots)
    }

    fn check_slots(&self, slots: usize) -> Result<(), String> {
        if slots > self.limits.cells {
            return Err(format!(
                "sheet \"{}\" has more than {} cells (counting the blanks between a row's \
                 first and last cells); expected at most {}",
                self.sheet,
                thousands(self.limits.cells as u64),
                thousands(self.limits.cells as u64)
            ));
        }
        Ok(())
    }

    /// The rows, in sheet order, each from the sheet's first used column, and the
    /// index of that column (0 when the sheet is empty).
    pub fn finish(mut self) -> Result<(Vec<GridRow>, usize), String> {
        if !self.in_order {
            self.rows.sort_by_key(|r| r.index);
            let mut merged: Vec<Row> = Vec::with_capacity(self.rows.len());
            for row in self.rows.drain(..) {
                match merged.last_mut() {
                    Some(last) if last.index == row.index => {
                        for (i, cell) in row.cells.into_iter().enumerate() {
                            if let Some(text) = cell {
                                last.put(row.start + i as u32, text);
                            }
                        }
                    }
                    _ => merged.push(row),
                }
            }
            self.rows = merged;
        }
        let first = self.rows.iter().map(|r| r.start).min().unwrap_or(0);
        let slots: usize = self
            .rows
            .iter()
            .map(|r| (r.end() - first) as usize + 1)
            .sum();
        self.check_slots(slots)?;
        let rows = self
            .rows
            .into_iter()
            .map(|r| {
                let cells = if r.start == first {
                    r.cells
                } else {
                    let mut cells = Vec::with_capacity((r.end() - first) as usize + 1);
                    cells.resize((r.start - first) as usize, None);
                    cells.extend(r.cells);
                    cells
                };
                GridRow {
                    line: r.index as usize + 1,
                    cells,
                }
            })
            .collect();
        Ok((rows, first as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Option<String> {
        (!s.is_empty()).then(|| s.to_string())
    }

    fn lines(rows: &[GridRow]) -> Vec<(usize, Vec<Option<&str>>)> {
        rows.iter()
            .map(|r| (r.line, r.cells.iter().map(Option::as_deref).collect()))
            .collect()
    }

    #[test]
    fn rows_are_sparse_ragged_and_keep_their_sheet_rows() {
        let mut g = Grid::new("S", Limits::DEFAULT);
        for (pos, t) in [
            ((2, 1), text("Governorate")),
            ((2, 3), text("IDPs")),
            ((3, 1), text("Ninewa")),
            ((3, 2), None),
            ((3, 3), text("5")),
            ((9, 2), text("note")),
        ] {
            g.push(pos, t).unwrap();
        }
        let (rows, first) = g.finish().unwrap();
        assert_eq!(first, 1);
        assert_eq!(
            lines(&rows),
            [
                (3, vec![Some("Governorate"), None, Some("IDPs")]),
                (4, vec![Some("Ninewa"), None, Some("5")]),
                (10, vec![None, Some("note")]),
            ]
        );
    }

    #[test]
    fn a_stray_cell_at_the_last_cell_costs_one_wide_row() {
        let mut g = Grid::new("S", Limits::DEFAULT);
        g.push((0, 0), text("a")).unwrap();
        g.push((1_048_575, 16_383), text("stray")).unwrap();
        let (rows, first) = g.finish().unwrap();
        assert_eq!(first, 0);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].cells.len(), 1);
        assert_eq!(rows[1].line, 1_048_576);
        assert_eq!(rows[1].cells.len(), 16_384);
        assert_eq!(rows[1].cells[16_383].as_deref(), Some("stray"));
    }

    #[test]
    fn cells_out_of_order_are_sorted_and_merged() {
        let mut g = Grid::new("S", Limits::DEFAULT);
        for (pos, t) in [
            ((5, 3), "d"),
            ((1, 2), "b"),
            ((5, 1), "c"),
            ((1, 4), "e"),
            ((1, 2), "b2"),
        ] {
            g.push(pos, text(t)).unwrap();
        }
        let (rows, first) = g.finish().unwrap();
        assert_eq!(first, 1);
        assert_eq!(
            lines(&rows),
            [
                (2, vec![None, Some("b2"), None, Some("e")]),
                (6, vec![Some("c"), None, Some("d")]),
            ]
        );
    }

    #[test]
    fn positions_past_excels_limits_are_refused() {
        let mut g = Grid::new("S", Limits::DEFAULT);
        assert_eq!(
            g.push((1_048_576, 0), text("x")),
            Err("sheet \"S\": a cell at row 1,048,577 is past Excel's last row (1,048,576)".into())
        );
        assert_eq!(
            g.push((0, 4_058_115_285), text("x")),
            Err("sheet \"S\": a cell in column 4,058,115,286 is past Excel's last column (XFD, column 16,384)".into())
        );
    }

    #[test]
    fn cells_and_text_past_the_limits_are_refused() {
        let limits = Limits {
            cells: 10,
            text_bytes: 12,
            ..Limits::DEFAULT
        };
        let mut g = Grid::new("S", limits);
        g.push((0, 0), text("a")).unwrap();
        g.push((0, 9), text("b")).unwrap();
        assert_eq!(
            g.push((1, 0), text("c")),
            Err("sheet \"S\" has more than 10 cells (counting the blanks between a row's first and last cells); expected at most 10".into())
        );
        let mut g = Grid::new("S", limits);
        g.push((0, 0), text("0123456789")).unwrap();
        assert_eq!(
            g.push((0, 1), text("abc")),
            Err("sheet \"S\" holds more than 12 bytes of text; expected at most 12 bytes".into())
        );
        // Rows that are narrow on their own but start far apart count from the
        // sheet's first column.
        let mut g = Grid::new("S", limits);
        g.push((0, 9), text("a")).unwrap();
        g.push((1, 0), text("b")).unwrap();
        g.push((2, 9), text("c")).unwrap();
        assert!(g.finish().is_err());
    }
}

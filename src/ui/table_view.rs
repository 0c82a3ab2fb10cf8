//! The numbers behind a chart, as a sortable table (for accessibility and copying).
//!
//! The table takes exactly the height it is given (chart and table take the same
//! room, so switching never moves the page); long text cells wrap at
//! a width set by the table's (at most [`TEXT_CELL_WIDTH`]), and what does not fit
//! scrolls both ways with visible bars.
//! The sort arrow is drawn, not a glyph, so it shows whatever fonts are bundled.

use egui::{Grid, Label, RichText, ScrollArea, Sense, Ui};

use crate::model::{CsvTable, TableSpec};

/// Text cells (sources, notes, plan names) wrap at 30% of the table's width, at
/// most this wide and at least [`MIN_TEXT_CELL_WIDTH`].
pub const TEXT_CELL_WIDTH: f32 = 220.0;
/// The narrowest a wrapped text cell gets.
const MIN_TEXT_CELL_WIDTH: f32 = 120.0;
/// The sort arrow's size.
const ARROW: f32 = 8.0;

/// How a table is sorted; owned by the panel showing it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableView {
    /// The column sorted on, if the user chose one.
    pub sort: Option<(usize, bool)>,
}

impl TableView {
    /// Draws the table in `height` points, with a "Copy as CSV" button (not in
    /// presentation mode) that copies `csv`: the panel's exported CSV, without its
    /// byte-order mark.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        id: &str,
        (table, csv): (&TableSpec, &CsvTable),
        height: f32,
        presenting: bool,
    ) {
        let Self { sort } = self;
        let mut rows = table.clone();
        if let Some((column, ascending)) = *sort {
            rows.sort(column, ascending);
        }
        let top = ui.cursor().top();
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!("{} rows", rows.rows.len()))
                    .small()
                    .weak(),
            );
            if !presenting
                && ui
                    .small_button("Copy as CSV")
                    .on_hover_text(
                        "The numbers as the CSV export writes them: its columns, numbers without separators or units",
                    )
                    .clicked()
            {
                ui.ctx().copy_text(csv.text());
            }
        });
        // The row count's line comes out of the table's height.
        let height = (height - (ui.cursor().top() - top)).max(40.0);
        let text_width = (ui.available_width() * 0.3).clamp(MIN_TEXT_CELL_WIDTH, TEXT_CELL_WIDTH);
        ScrollArea::both()
            .id_salt(id)
            .max_height(height)
            .min_scrolled_height(height)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                Grid::new(id)
                    .striped(true)
                    .num_columns(rows.columns.len())
                    .show(ui, |ui| {
                        for (i, name) in rows.columns.iter().enumerate() {
                            header_ui(ui, name, i, sort);
                        }
                        ui.end_row();
                        for row in &rows.rows {
                            for cell in row {
                                if cell.number.is_some() {
                                    ui.with_layout(
                                        egui::Layout::right_to_left(egui::Align::Center),
                                        |ui| {
                                            ui.label(&cell.text);
                                        },
                                    );
                                } else {
                                    ui.scope(|ui| {
                                        ui.set_max_width(text_width);
                                        ui.add(Label::new(&cell.text).wrap());
                                    });
                                }
                            }
                            ui.end_row();
                        }
                    });
            });
    }
}

/// A column's header: a button that sorts by it, and a drawn arrow when it does.
fn header_ui(ui: &mut Ui, name: &str, column: usize, sort: &mut Option<(usize, bool)>) {
    let ascending = match *sort {
        Some((c, asc)) if c == column => Some(asc),
        _ => None,
    };
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 2.0;
        let hover = match ascending {
            Some(true) => "Sorted ascending; click to sort descending",
            Some(false) => "Sorted descending; click to sort ascending",
            None => "Sort by this column",
        };
        if ui
            .button(RichText::new(name).strong())
            .on_hover_text(hover)
            .clicked()
        {
            *sort = match *sort {
                Some((c, asc)) if c == column => Some((column, !asc)),
                _ => Some((column, true)),
            };
        }
        let (rect, _) = ui.allocate_exact_size(egui::vec2(ARROW, ARROW), Sense::hover());
        if let Some(up) = ascending {
            let colour = ui.visuals().strong_text_color();
            let (tip, base) = if up {
                (rect.center_top(), [rect.left_bottom(), rect.right_bottom()])
            } else {
                (rect.center_bottom(), [rect.left_top(), rect.right_top()])
            };
            ui.painter().add(egui::Shape::convex_polygon(
                vec![tip, base[1], base[0]],
                colour,
                egui::Stroke::NONE,
            ));
        }
    });
}

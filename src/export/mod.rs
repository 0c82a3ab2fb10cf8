//! Briefing exports: a panel's chart to SVG and PNG, the numbers behind it as CSV,
//! the briefing paragraph as Markdown or text (or a picture of it), and the
//! one-page briefing sheet, rendered from the [`Dashboard`] they are handed.
//!
//! Contract: an export shows exactly what the dashboard holds — the same
//! [`crate::model::ChartSpec`]s the window draws (series switched off on screen are
//! not in them), the filters in the subtitle, the sources of the series drawn in the
//! footer (with IOM's DTM credit wherever DTM figures are drawn) and the date it was
//! generated, which is a parameter so exports are reproducible. SVG keeps every word
//! as a `<text>` element naming the bundled font first; PNG is that SVG rasterised
//! with the bundled fonts only, at any integer scale. Files are written atomically.
//! Nothing here reads the dataset, uses egui or a data frame, and every function is
//! safe to call from a worker thread.
//!
//! The app sends an [`ExportRequest`] and an `Arc<Dashboard>` to a worker thread and
//! calls [`run`]; "Copy image" calls [`render_image`]; the save dialog starts from
//! [`default_file_name`]. The command line builds its dashboard with
//! `query::dashboard`.

pub mod atomic;
mod chart;
pub mod compare;
mod csv;
mod error;
mod file_name;
mod layout;
pub mod map;
#[cfg(test)]
mod overlap_tests;
mod page;
mod plot;
mod raster;
mod request;
mod sheet;
pub mod svg;
#[cfg(test)]
mod tests;
mod text;

use std::path::PathBuf;

use chrono::NaiveDate;

pub use error::ExportError;
pub use file_name::default_file_name;
pub use page::{generated_line, generated_on};
pub use raster::Image;
pub use request::{
    CHART_SIZE, ExportRequest, Format, MAX_SIDE, MIN_SIDE, PictureSize, SHEET_SIZE, What, check,
};

use crate::map::Geometry;
use crate::model::{Dashboard, PanelId};
use layout::PanelOptions;
use request::checked_size;

/// Renders and writes one export; returns the path written.
pub fn run(
    request: &ExportRequest,
    dash: &Dashboard,
    generated_on: NaiveDate,
) -> Result<PathBuf, ExportError> {
    let bytes = render(request, dash, generated_on)?;
    atomic::write(&request.path, &bytes)?;
    Ok(request.path.clone())
}

/// The bytes of one export, without writing them.
pub fn render(
    request: &ExportRequest,
    dash: &Dashboard,
    generated_on: NaiveDate,
) -> Result<Vec<u8>, ExportError> {
    let ExportRequest {
        what, format, size, ..
    } = request;
    check(*what, *format)?;
    match (*what, *format) {
        (What::Table(panel), _) => Ok(render_csv(panel, dash).into_bytes()),
        (_, Format::Markdown) => Ok(text::markdown(dash, generated_on).into_bytes()),
        (_, Format::Text) => Ok(text::plain(dash, generated_on).into_bytes()),
        (_, Format::Png { scale }) => render_png_bytes(*what, *size, scale, dash, generated_on),
        (_, _) => Ok(render_svg(*what, *size, dash, generated_on)?.into_bytes()),
    }
}

/// The numbers behind a panel as CSV text (BOM, CRLF).
#[must_use]
pub fn render_csv(panel: PanelId, dash: &Dashboard) -> String {
    csv::file_text(dash.panel(panel).csv)
}

/// A panel's chart or the sheet as SVG text.
pub fn render_svg(
    what: What,
    size: PictureSize,
    dash: &Dashboard,
    generated_on: NaiveDate,
) -> Result<String, ExportError> {
    match what {
        What::Chart(PanelId::Map) => {
            let size = checked_size(size, CHART_SIZE)?;
            let tiles;
            let geometry = if dash.map_tiles {
                tiles = Geometry::tiles();
                &tiles
            } else {
                &*dash.map_geometry
            };
            Ok(map::map_page(&dash.map, geometry, size, generated_on))
        }
        What::Chart(PanelId::Briefing) => {
            let size = checked_size(size, CHART_SIZE)?;
            Ok(text::page(dash, size, generated_on))
        }
        What::Chart(PanelId::Compare) => {
            let size = checked_size(size, CHART_SIZE)?;
            Ok(compare::compare_page(&dash.compare, size, generated_on))
        }
        What::Chart(panel) => {
            let size = checked_size(size, CHART_SIZE)?;
            let plots: Vec<_> = dash.panel(panel).charts().collect();
            let options = PanelOptions {
                x_range: dash.x_range_days,
                show_events: dash.show_events,
                all_events: dash.all_events,
            };
            Ok(page::chart_page(&plots, size, &options, generated_on))
        }
        What::Sheet => {
            let size = checked_size(size, SHEET_SIZE)?;
            Ok(sheet::sheet(dash, size, generated_on))
        }
        What::Table(_) => Err(ExportError::Format {
            what: "a table",
            format: "SVG",
            expected: "a .csv file",
        }),
    }
}

/// A panel's chart or the sheet as PNG bytes, `scale` pixels per SVG px.
pub fn render_png_bytes(
    what: What,
    size: PictureSize,
    scale: u32,
    dash: &Dashboard,
    generated_on: NaiveDate,
) -> Result<Vec<u8>, ExportError> {
    raster::png(&render_svg(what, size, dash, generated_on)?, scale)
}

/// A panel's chart or the sheet as an RGBA picture, for the clipboard ("Copy image").
pub fn render_image(
    what: What,
    size: PictureSize,
    scale: u32,
    dash: &Dashboard,
    generated_on: NaiveDate,
) -> Result<Image, ExportError> {
    raster::image(&render_svg(what, size, dash, generated_on)?, scale)
}

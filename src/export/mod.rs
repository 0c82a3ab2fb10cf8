//! Briefing exports: charts to SVG and PNG, the one-page briefing sheet, and the
//! numbers behind each chart as CSV (issue #4, DESIGN §5 and §7).
//!
//! Contract: an export shows exactly what the query layer computes for the given
//! dataset and filters — the same [`ChartSpec`]s the window draws, the filters in the
//! subtitle, the sources of the series drawn in the footer (with IOM's DTM credit
//! wherever DTM figures are drawn) and the date it was generated, which is a
//! parameter so exports are reproducible. SVG keeps every word as a `<text>` element
//! naming the bundled font first; PNG is that SVG rasterised with the bundled fonts
//! only, at any integer scale. Files are written atomically. Nothing here uses egui
//! or a data frame, and every function is safe to call from a worker thread.
//!
//! The app sends an [`ExportRequest`] to a worker thread and calls [`run`]; "Copy
//! image" calls [`render_image`] (or [`render_png_bytes`]); the save dialog starts
//! from [`default_file_name`].

pub mod atomic;
pub mod chart;
pub mod csv;
#[cfg(test)]
mod overlap_tests;
mod plot;
pub mod raster;
mod sheet;
pub mod svg;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use raster::Image;

use crate::data::{Basis, Dataset, Gazetteer};
use crate::model::{ChartSpec, long_date};
use crate::query::{Filters, charts, funding};
use chart::{PAGE, PanelOptions, Rect};
use svg::{MUTED, Svg, TextStyle, wrap};

/// A chart that can be exported (the map is not built yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportChart {
    /// IDPs over time.
    Idps,
    /// IDPs by governorate, for one basis.
    Governorates(Basis),
    /// Camps open and named closures, with people in camps below.
    Camps,
    /// Requirements vs funding, with coverage below.
    Funding,
}

impl ExportChart {
    /// The name used on the command line and in file names.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ExportChart::Idps => "idps",
            ExportChart::Governorates(_) => "governorates",
            ExportChart::Camps => "camps",
            ExportChart::Funding => "funding",
        }
    }
}

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum What {
    Chart(ExportChart),
    /// The numbers behind a chart.
    Table(ExportChart),
    /// The one-page briefing sheet: headline cards and the four charts.
    Sheet,
}

/// The file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Svg,
    /// `scale` pixels per SVG px (1, 2, 3…).
    Png {
        scale: u32,
    },
    Csv,
}

impl Format {
    /// The file extension, without the dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png { .. } => "png",
            Format::Csv => "csv",
        }
    }

    /// The format of a path's extension (any case); PNG at scale 1.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png { scale: 1 }),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// Size and content options of a picture. `None` sizes take the defaults: 800 × 500
/// px for a chart, A4 landscape (1123 × 794 px at 96 dpi) for the sheet. A chart
/// whose legend and event key need more room than `height` leaves is drawn taller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// Draw the dated events as labelled markers with a key (charts only): the key
    /// events, or every event with `all_events`.
    pub show_events: bool,
    pub all_events: bool,
    /// Draw the optional comparison series (the camps chart's other counts), as the
    /// user switched them on on screen (charts only).
    pub optional_series: bool,
    /// Series labels left out of a chart, as the user switched them off in the legend
    /// on screen (charts only; tables and the sheet hold every series).
    pub hidden_series: Vec<String>,
}

impl Default for Layout {
    fn default() -> Layout {
        Layout {
            width: None,
            height: None,
            show_events: true,
            all_events: false,
            optional_series: false,
            hidden_series: Vec::new(),
        }
    }
}

/// Default chart size, px.
pub const CHART_SIZE: (u32, u32) = (800, 500);
/// Default sheet size: A4 landscape at 96 dpi.
pub const SHEET_SIZE: (u32, u32) = (1123, 794);
/// The smallest width or height accepted, px.
pub const MIN_SIDE: u32 = 200;
/// The largest width or height accepted, px (before scaling).
pub const MAX_SIDE: u32 = 8000;

/// One export, as the app sends it to its worker thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    pub what: What,
    pub format: Format,
    pub path: PathBuf,
    pub layout: Layout,
}

/// Why an export failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// The file could not be written; nothing was left behind.
    #[error("cannot write {}: {reason}", path.display())]
    Write { path: PathBuf, reason: String },
    /// The format does not fit what is exported (a table as PNG, a chart as CSV).
    #[error("{what} cannot be exported as {format}; use {expected}")]
    Format {
        what: &'static str,
        format: &'static str,
        expected: &'static str,
    },
    /// A width or height outside the accepted range.
    #[error("{name} {value} px is out of range; use {MIN_SIDE} to {MAX_SIDE}")]
    Size { name: &'static str, value: u32 },
    /// The picture would be too large to render.
    #[error("a {width} × {height} px picture is too large; at most {max} px a side")]
    TooLarge { width: u32, height: u32, max: u32 },
    /// The SVG could not be rasterised (a bug, not a user error).
    #[error("cannot render the picture: {0}")]
    Render(String),
}

impl ExportError {
    /// True when the user asked for something impossible (a usage error, exit 2);
    /// false for a failure of the program itself.
    #[must_use]
    pub fn is_usage(&self) -> bool {
        !matches!(self, ExportError::Render(_))
    }
}

/// Renders and writes one export; returns the path written.
pub fn run(
    request: &ExportRequest,
    dataset: &Dataset,
    filters: &Filters,
    generated_on: NaiveDate,
) -> Result<PathBuf, ExportError> {
    let bytes = render(request, dataset, filters, generated_on)?;
    atomic::write(&request.path, &bytes)?;
    Ok(request.path.clone())
}

/// The bytes of one export, without writing them.
pub fn render(
    request: &ExportRequest,
    dataset: &Dataset,
    filters: &Filters,
    generated_on: NaiveDate,
) -> Result<Vec<u8>, ExportError> {
    let ExportRequest {
        what,
        format,
        layout,
        ..
    } = request;
    check(*what, *format)?;
    match (*what, *format) {
        (What::Table(chart), _) => Ok(render_csv(chart, dataset, filters).into_bytes()),
        (_, Format::Png { scale }) => {
            render_png_bytes(*what, layout, scale, dataset, filters, generated_on)
        }
        (_, _) => Ok(render_svg(*what, layout, dataset, filters, generated_on)?.into_bytes()),
    }
}

/// Checks that a format fits what is exported: tables as CSV, charts and the sheet as
/// SVG or PNG.
pub fn check(what: What, format: Format) -> Result<(), ExportError> {
    match (what, format) {
        (What::Table(_), Format::Csv)
        | (What::Chart(_) | What::Sheet, Format::Svg | Format::Png { .. }) => Ok(()),
        (What::Table(_), f) => Err(ExportError::Format {
            what: "a table",
            format: format_name(f),
            expected: "a .csv file",
        }),
        (What::Chart(_) | What::Sheet, _) => Err(ExportError::Format {
            what: if what == What::Sheet {
                "the briefing sheet"
            } else {
                "a chart"
            },
            format: "CSV",
            expected: "a .svg or .png file, or --table for the numbers",
        }),
    }
}

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Svg => "SVG",
        Format::Png { .. } => "PNG",
        Format::Csv => "CSV",
    }
}

/// The charts of an export, in drawing order (the second is drawn below the first).
#[must_use]
pub fn chart_specs(chart: ExportChart, dataset: &Dataset, filters: &Filters) -> Vec<ChartSpec> {
    match chart {
        ExportChart::Idps => vec![charts::idps_over_time(dataset, filters)],
        ExportChart::Governorates(basis) => vec![charts::governorates(dataset, filters, basis)],
        ExportChart::Camps => vec![
            charts::camps_open(dataset, filters),
            charts::camp_people(dataset, filters),
        ],
        ExportChart::Funding => vec![
            charts::funding(dataset, filters),
            charts::coverage(dataset, filters),
        ],
    }
}

/// The numbers behind a chart as CSV text (BOM, CRLF).
#[must_use]
pub fn render_csv(chart: ExportChart, dataset: &Dataset, filters: &Filters) -> String {
    use crate::query::csv_rows;
    let table = match chart {
        ExportChart::Idps => {
            csv_rows::idp_csv(dataset, &charts::idps_with_rows(dataset, filters).rows)
        }
        ExportChart::Governorates(basis) => csv_rows::idp_csv(
            dataset,
            &charts::governorates_with_rows(dataset, filters, basis).rows,
        ),
        ExportChart::Camps => {
            let mut rows = charts::camps_open_with_rows(dataset, filters).rows;
            rows.extend(charts::camp_people_with_rows(dataset, filters).rows);
            csv_rows::camp_csv(dataset, &rows)
        }
        ExportChart::Funding => csv_rows::funding_csv(
            dataset,
            &funding::appeal_years(dataset, filters),
            &funding::beside_appeals(dataset, filters),
            &funding::flow_totals(dataset, filters),
        ),
    };
    csv::file_text(&table)
}

fn checked_size(layout: &Layout, default: (u32, u32)) -> Result<(f64, f64), ExportError> {
    let check = |name, value: Option<u32>, default| match value {
        None => Ok(default),
        Some(v) if (MIN_SIDE..=MAX_SIDE).contains(&v) => Ok(v),
        Some(v) => Err(ExportError::Size { name, value: v }),
    };
    let w = check("width", layout.width, default.0)?;
    let h = check("height", layout.height, default.1)?;
    Ok((f64::from(w), f64::from(h)))
}

/// A chart or the sheet as SVG text.
pub fn render_svg(
    what: What,
    layout: &Layout,
    dataset: &Dataset,
    filters: &Filters,
    generated_on: NaiveDate,
) -> Result<String, ExportError> {
    match what {
        What::Chart(chart) => {
            let size = checked_size(layout, CHART_SIZE)?;
            let mut specs = chart_specs(chart, dataset, filters);
            for spec in &mut specs {
                spec.series.retain(|s| {
                    !layout.hidden_series.contains(&s.label)
                        && (layout.optional_series || !s.optional)
                });
            }
            let refs: Vec<&ChartSpec> = specs.iter().collect();
            let options = PanelOptions {
                x_range: chart::x_range(filters),
                show_events: layout.show_events,
                all_events: layout.all_events,
            };
            Ok(chart_page(&refs, size, &options, generated_on))
        }
        What::Sheet => {
            let size = checked_size(layout, SHEET_SIZE)?;
            Ok(sheet::sheet(dataset, filters, size, generated_on))
        }
        What::Table(_) => Err(ExportError::Format {
            what: "a table",
            format: "SVG",
            expected: "a .csv file",
        }),
    }
}

/// A chart or the sheet as PNG bytes, `scale` pixels per SVG px.
pub fn render_png_bytes(
    what: What,
    layout: &Layout,
    scale: u32,
    dataset: &Dataset,
    filters: &Filters,
    generated_on: NaiveDate,
) -> Result<Vec<u8>, ExportError> {
    raster::png(
        &render_svg(what, layout, dataset, filters, generated_on)?,
        scale,
    )
}

/// A chart or the sheet as an RGBA picture, for the clipboard ("Copy image").
pub fn render_image(
    what: What,
    layout: &Layout,
    scale: u32,
    dataset: &Dataset,
    filters: &Filters,
    generated_on: NaiveDate,
) -> Result<Image, ExportError> {
    raster::image(
        &render_svg(what, layout, dataset, filters, generated_on)?,
        scale,
    )
}

/// Page margin of a chart export, px.
const MARGIN: f64 = 24.0;

/// "displacement-dashboard · 12 Nov 2026".
#[must_use]
pub fn generated_line(generated_on: NaiveDate) -> String {
    format!("displacement-dashboard \u{b7} {}", long_date(generated_on))
}

/// One chart panel on its own page, with the footer: sources and the date generated.
#[must_use]
pub fn chart_page(
    plots: &[&ChartSpec],
    (width, height): (f64, f64),
    options: &PanelOptions,
    generated_on: NaiveDate,
) -> String {
    let inner = width - 2.0 * MARGIN;
    let sources = wrap(&chart::merged_sources(plots), inner, PAGE.small, false);
    let line_h = PAGE.small * 1.45;
    let footer = (sources.len() + 1) as f64 * line_h + 10.0;
    let fixed = chart::fixed_height(plots, inner, &PAGE, options);
    let needed = 2.0 * MARGIN + fixed + footer + chart::min_plots_height(plots.len(), &PAGE);
    let height = height.max(needed.ceil());
    let mut svg = Svg::new(width, height);
    let panel = Rect {
        x: MARGIN,
        y: MARGIN,
        w: inner,
        h: height - 2.0 * MARGIN - footer,
    };
    chart::draw_panel(&mut svg, panel, plots, &PAGE, options);
    let mut y = height - MARGIN - footer + 10.0 + PAGE.small;
    for line in &sources {
        svg.text(
            MARGIN,
            y,
            line,
            TextStyle::new(PAGE.small, "source").fill(MUTED),
        );
        y += line_h;
    }
    svg.text(
        MARGIN,
        y,
        &generated_line(generated_on),
        TextStyle::new(PAGE.small, "generated").fill(MUTED),
    );
    svg.finish()
}

/// A file name for an export: `idps-ninewa-2017-2024.png`,
/// `governorates-origin-iraq-2014-2024.svg`, `briefing-5-governorates-2019.png`.
#[must_use]
pub fn default_file_name(
    what: What,
    filters: &Filters,
    gazetteer: &Gazetteer,
    format: Format,
) -> String {
    let subject = match what {
        What::Chart(c) | What::Table(c) => match c {
            ExportChart::Governorates(basis) if basis != Basis::Displacement => {
                format!("governorates-{}", basis.as_str())
            }
            c => c.name().to_string(),
        },
        What::Sheet => "briefing".into(),
    };
    let place = match &filters.governorates {
        None => "iraq".to_string(),
        Some(s) if s.is_empty() => "no-governorate".into(),
        Some(s) if s.len() <= 3 => s
            .iter()
            .map(|p| gazetteer.name(*p))
            .collect::<Vec<_>>()
            .join("-"),
        Some(s) => format!("{}-governorates", s.len()),
    };
    let years = if filters.from == filters.to {
        filters.from.to_string()
    } else {
        format!("{}-{}", filters.from, filters.to)
    };
    format!(
        "{}.{}",
        slug(&format!("{subject}-{place}-{years}")),
        format.extension()
    )
}

/// Lower-case ASCII letters and digits, everything else one hyphen.
fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Pcode;

    fn filters(govs: Option<&[u8]>, from: i32, to: i32) -> Filters {
        Filters {
            governorates: govs.map(|g| g.iter().map(|n| Pcode::new(*n).unwrap()).collect()),
            from,
            to,
        }
    }

    #[test]
    fn file_names_say_what_where_and_when() {
        let ds = Dataset::empty().unwrap();
        let g = &ds.gazetteer;
        let png = Format::Png { scale: 2 };
        let idps = What::Chart(ExportChart::Idps);
        assert_eq!(
            default_file_name(idps, &filters(Some(&[15]), 2017, 2024), g, png),
            "idps-ninewa-2017-2024.png"
        );
        assert_eq!(
            default_file_name(idps, &filters(None, 2014, 2024), g, Format::Svg),
            "idps-iraq-2014-2024.svg"
        );
        assert_eq!(
            default_file_name(
                What::Table(ExportChart::Governorates(Basis::Origin)),
                &filters(Some(&[1, 8, 15]), 2019, 2019),
                g,
                Format::Csv
            ),
            "governorates-origin-anbar-baghdad-ninewa-2019.csv"
        );
        assert_eq!(
            default_file_name(
                What::Sheet,
                &filters(Some(&[1, 2, 3, 4, 5]), 2014, 2024),
                g,
                png
            ),
            "briefing-5-governorates-2014-2024.png"
        );
        assert_eq!(
            default_file_name(What::Sheet, &filters(Some(&[]), 2014, 2024), g, png),
            "briefing-no-governorate-2014-2024.png"
        );
        assert_eq!(slug("Salah al-Din"), "salah-al-din");
    }

    #[test]
    fn formats_come_from_extensions_in_any_case() {
        assert_eq!(Format::from_path(Path::new("a.SVG")), Some(Format::Svg));
        assert_eq!(
            Format::from_path(Path::new("a.png")),
            Some(Format::Png { scale: 1 })
        );
        assert_eq!(Format::from_path(Path::new("a.csv")), Some(Format::Csv));
        assert_eq!(Format::from_path(Path::new("a.jpg")), None);
        assert_eq!(Format::from_path(Path::new("a")), None);
    }

    #[test]
    fn wrong_formats_and_sizes_are_refused() {
        let ds = Dataset::empty().unwrap();
        let f = filters(None, 2014, 2024);
        let day = NaiveDate::from_ymd_opt(2026, 11, 12).unwrap();
        let request = |what, format, width| ExportRequest {
            what,
            format,
            path: PathBuf::from("x"),
            layout: Layout {
                width,
                ..Layout::default()
            },
        };
        let e = render(
            &request(What::Table(ExportChart::Idps), Format::Svg, None),
            &ds,
            &f,
            day,
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "a table cannot be exported as SVG; use a .csv file"
        );
        let e = render(&request(What::Sheet, Format::Csv, None), &ds, &f, day).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("the briefing sheet cannot be exported as CSV")
        );
        let e = render(
            &request(What::Chart(ExportChart::Idps), Format::Svg, Some(10)),
            &ds,
            &f,
            day,
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "width 10 px is out of range; use 200 to 8000"
        );
        assert!(e.is_usage());
    }

    #[test]
    fn series_hidden_on_screen_are_left_out() {
        let ds = Dataset::bundled().unwrap();
        let f = filters(None, 2014, 2024);
        let day = NaiveDate::from_ymd_opt(2026, 11, 12).unwrap();
        let layout = Layout {
            hidden_series: vec!["Returnees (IOM DTM)".into()],
            ..Layout::default()
        };
        let what = What::Chart(ExportChart::Idps);
        let all = render_svg(what, &Layout::default(), &ds, &f, day).unwrap();
        let shown = render_svg(what, &layout, &ds, &f, day).unwrap();
        assert!(all.contains("data-series=\"Returnees (IOM DTM)\""));
        assert!(!shown.contains("Returnees (IOM DTM)"));
    }

    #[test]
    fn camp_comparisons_and_every_event_are_drawn_only_when_asked_for() {
        let ds = Dataset::bundled().unwrap();
        let f = filters(None, 2014, 2024);
        let day = NaiveDate::from_ymd_opt(2026, 11, 12).unwrap();
        let what = What::Chart(ExportChart::Camps);
        let default = render_svg(what, &Layout::default(), &ds, &f, day).unwrap();
        let asked = Layout {
            optional_series: true,
            all_events: true,
            ..Layout::default()
        };
        let all = render_svg(what, &asked, &ds, &f, day).unwrap();
        let kri = "data-series=\"IDP camps, Kurdistan Region\"";
        assert!(!default.contains(kri) && all.contains(kri));
        assert!(default.contains("data-series=\"Formal camps, Iraq\""));
        // Key events are labelled by their short titles; the key gives full titles.
        assert!(default.contains(">Mosul retaken</text>"));
        assert!(
            default
                .contains("10 Jul 2017 \u{b7} Prime minister declares victory over ISIL in Mosul")
        );
        let other = "Camp closures in Ninewa and Salah al-Din";
        assert!(!default.contains(other) && all.contains(other));
        assert!(!default.contains("event-number"));
        // Closures are hollow marks, so the line through them stays visible.
        let closures = default
            .split("data-series=\"Named closures (closed, reclassified or consolidated)\"")
            .nth(1)
            .and_then(|g| g.split("</g>").next())
            .unwrap();
        assert!(closures.contains("<polygon") && closures.contains("fill=\"none\""));
    }

    #[test]
    fn an_empty_chart_says_why_instead_of_drawing() {
        let ds = Dataset::empty().unwrap();
        let svg = render_svg(
            What::Chart(ExportChart::Funding),
            &Layout::default(),
            &ds,
            &filters(None, 2014, 2024),
            NaiveDate::from_ymd_opt(2026, 11, 12).unwrap(),
        )
        .unwrap();
        assert!(svg.contains("No funding data in 2014\u{2013}2024"), "{svg}");
        assert!(!svg.contains("class=\"series\""));
        assert!(svg.contains("displacement-dashboard \u{b7} 12 Nov 2026"));
    }
}

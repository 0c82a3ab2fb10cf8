//! What an export is asked for: the subject ([`What`]: a panel's chart or table, or
//! the sheet), the [`Format`], the picture's size, and the checks that they fit.

use std::path::{Path, PathBuf};

use super::ExportError;
use crate::model::PanelId;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum What {
    /// A panel's chart (or its two stacked plots).
    Chart(PanelId),
    /// The numbers behind a panel.
    Table(PanelId),
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
    /// The briefing paragraph with numbered references and its sources.
    Markdown,
    /// The briefing paragraph with its citations in brackets.
    Text,
}

impl Format {
    /// The file extension, without the dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png { .. } => "png",
            Format::Csv => "csv",
            Format::Markdown => "md",
            Format::Text => "txt",
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
            "md" | "markdown" => Some(Format::Markdown),
            "txt" => Some(Format::Text),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Format::Svg => "SVG",
            Format::Png { .. } => "PNG",
            Format::Csv => "CSV",
            Format::Markdown => "Markdown",
            Format::Text => "text",
        }
    }
}

/// The size of a picture, px. `None` takes the default: 800 × 500 px for a chart,
/// A4 landscape (1123 × 794 px at 96 dpi) for the sheet. A chart whose legend and
/// event key need more room than `height` leaves is drawn taller. What the picture
/// holds (events, optional series) is the dashboard's: it was computed for the
/// choices on screen or on the command line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PictureSize {
    pub width: Option<u32>,
    pub height: Option<u32>,
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
    pub size: PictureSize,
}

/// Checks that a format fits what is exported: tables as CSV, charts and the sheet as
/// SVG or PNG, the briefing paragraph also as Markdown or text.
pub fn check(what: What, format: Format) -> Result<(), ExportError> {
    let text = matches!(format, Format::Markdown | Format::Text);
    match (what, format) {
        (What::Table(_), Format::Csv)
        | (What::Chart(_) | What::Sheet, Format::Svg | Format::Png { .. })
        | (What::Chart(PanelId::Briefing), Format::Markdown | Format::Text) => Ok(()),
        (What::Table(_), f) => Err(ExportError::Format {
            what: "a table",
            format: f.name(),
            expected: "a .csv file",
        }),
        (What::Chart(PanelId::Briefing), f) => Err(ExportError::Format {
            what: "the briefing text",
            format: f.name(),
            expected: "a .md, .txt, .svg or .png file, or --table for its sources",
        }),
        (What::Chart(_) | What::Sheet, f) => Err(ExportError::Format {
            what: if what == What::Sheet {
                "the briefing sheet"
            } else {
                "a chart"
            },
            format: f.name(),
            expected: if text {
                "a .svg or .png file (only --chart briefing is text)"
            } else {
                "a .svg or .png file, or --table for the numbers"
            },
        }),
    }
}

/// The size in px, or the default; a side out of range is an error.
pub(super) fn checked_size(
    size: PictureSize,
    default: (u32, u32),
) -> Result<(f64, f64), ExportError> {
    let check = |name, value: Option<u32>, default| match value {
        None => Ok(default),
        Some(v) if (MIN_SIDE..=MAX_SIDE).contains(&v) => Ok(v),
        Some(v) => Err(ExportError::Size { name, value: v }),
    };
    let w = check("width", size.width, default.0)?;
    let h = check("height", size.height, default.1)?;
    Ok((f64::from(w), f64::from(h)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_extensions_in_any_case() {
        assert_eq!(Format::from_path(Path::new("a.SVG")), Some(Format::Svg));
        assert_eq!(
            Format::from_path(Path::new("a.png")),
            Some(Format::Png { scale: 1 })
        );
        assert_eq!(Format::from_path(Path::new("a.csv")), Some(Format::Csv));
        assert_eq!(Format::from_path(Path::new("a.MD")), Some(Format::Markdown));
        assert_eq!(Format::from_path(Path::new("a.txt")), Some(Format::Text));
        assert_eq!(Format::from_path(Path::new("a.jpg")), None);
        assert_eq!(Format::from_path(Path::new("a")), None);
    }
}

#[cfg(test)]
mod text_tests {
    use super::*;

    #[test]
    fn only_the_briefing_is_written_as_text() {
        assert!(check(What::Chart(PanelId::Briefing), Format::Markdown).is_ok());
        assert!(check(What::Chart(PanelId::Briefing), Format::Text).is_ok());
        assert!(check(What::Chart(PanelId::Briefing), Format::Svg).is_ok());
        assert!(check(What::Table(PanelId::Briefing), Format::Csv).is_ok());
        assert_eq!(
            check(What::Chart(PanelId::Idps), Format::Markdown)
                .map_err(|e| e.to_string())
                .unwrap_err(),
            check_message(
                "a chart",
                "Markdown",
                "a .svg or .png file (only --chart briefing is text)"
            )
        );
        assert!(check(What::Sheet, Format::Text).is_err());
        assert!(check(What::Table(PanelId::Briefing), Format::Markdown).is_err());
        assert!(check(What::Chart(PanelId::Briefing), Format::Csv).is_err());
    }

    fn check_message(what: &'static str, format: &'static str, expected: &'static str) -> String {
        ExportError::Format {
            what,
            format,
            expected,
        }
        .to_string()
    }
}

//! [`ExportError`]: why an export failed, and whether the user asked for something
//! impossible (exit 2) or the program failed (exit 1).

use std::path::PathBuf;

use super::request::{MAX_SIDE, MIN_SIDE};

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

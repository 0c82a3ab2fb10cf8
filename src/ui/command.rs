//! [`Command`]: what the panels and windows ask the app to do. They push commands
//! while drawing (plain values: paths, panel ids, choices made in a dialog); the app
//! applies them after the frame, in one place (`app/command.rs`). Plain edits of a
//! value the window owns (the filters, a checkbox) stay in place.

use std::path::PathBuf;

use super::export_dialog::Choice;
use crate::domain::FileTime;
use crate::domain::{ColumnMapping, Pcode};
use crate::model::PanelId;

/// Which system file dialog to run ("Browse…").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Browse {
    /// Pick a file to open.
    Open,
    /// Pick where to save, starting from this path.
    Save(PathBuf),
}

/// Something the user asked for that is more than editing a value in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// The user worked with this panel (Ctrl+E exports it).
    Focus(PanelId),
    /// Open the export dialog for a panel's chart.
    AskExport(PanelId),
    /// Open the export dialog for the briefing sheet.
    AskExportSheet,
    /// Export what the export dialog is for, to `path`, in this format.
    Export { path: PathBuf, choice: Choice },
    /// Put a panel's chart, as a picture, on the clipboard.
    CopyImage(PanelId),
    /// Filter the dashboard to one governorate (its bar or point was clicked).
    FilterTo(Pcode),
    /// Add or remove one governorate in the filter (it was clicked on the map).
    ToggleGovernorate(Pcode),
    /// Reset every filter.
    ResetFilters,
    /// Presentation mode on or off.
    TogglePresenting,
    /// Show the Open dialog.
    ShowOpenDialog,
    /// Show the Data window.
    ShowDataWindow,
    /// Scroll the dashboard to the briefing paragraph's panel.
    ShowBriefing,
    /// Put the briefing paragraph on the clipboard as rich text (HTML, its citations
    /// as links) with the plain text beside it.
    CopyBriefingRich,
    /// Show the Sources and caveats window.
    ShowSources,
    /// Show the Keyboard and mouse window (F1).
    ShowHelp,
    /// Show the About window.
    ShowAbout,
    /// Open this address in the system browser (a link was clicked).
    OpenUrl(String),
    /// Close the window and end the program (File → Quit, Ctrl+Q).
    Quit,
    /// Run the system's file dialog on a worker thread; it only fills a field.
    Browse(Browse),
    /// Load a file (with a remembered column mapping if one fits its header); a
    /// workbook's sheet when named.
    Open {
        path: PathBuf,
        sheet: Option<String>,
    },
    /// Load an undated master list with the round or date the user gave.
    OpenDated { path: PathBuf, time: FileTime },
    /// Remove the user's file at this position in the Data window.
    RemoveFile(usize),
    /// Remove the user's boundary file (the map draws the bundled shapes again).
    RemoveBoundaries,
    /// Switch the bundled data on or off.
    SetBundled(bool),
    /// Open the column-mapping dialog for a file whose kind was not recognised.
    AssignColumns(PathBuf),
    /// Show another sheet in the mapping dialog.
    MappingSheet(String),
    /// Remember this mapping and load the mapping dialog's file with it.
    OpenMapped(ColumnMapping),
}

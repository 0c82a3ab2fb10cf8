//! [`Command`]: what the panels and windows ask the app to do. They push commands
//! while drawing; the app applies them after the frame, in one place.

use crate::data::Pcode;
use crate::model::PanelId;

/// Something the user asked for that is more than editing a value in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// The user worked with this panel (Ctrl+E exports it).
    Focus(PanelId),
    /// Open the export dialog for a panel's chart.
    AskExport(PanelId),
    /// Put a panel's chart, as a picture, on the clipboard.
    CopyImage(PanelId),
    /// Filter the dashboard to one governorate (its bar or point was clicked).
    FilterTo(Pcode),
}

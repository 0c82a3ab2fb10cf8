//! The dashboard's panels, one file each, and their registry ([`Panels`]).
//!
//! A panel is a plain struct with `Default` holding only screen state (chart or
//! table, the table's sort); it draws its part of the [`Dashboard`]
//! ([`Dashboard::panel`] by its [`PanelId`]), edits the view [`Choices`] in place
//! (the basis, the comparison switches: the dashboard is recomputed for them after
//! the frame) and pushes [`Command`]s (export, copy, focus, filter to a
//! governorate). The app iterates the registry for the grid, the File menu's
//! export entries and Ctrl+E; the tests sweep it. Adding a panel is a file here and
//! a line in [`Panels::default`] (and, outside `ui/`, its `PanelId` and its part of
//! the dashboard).

mod briefing;
mod camps;
mod compare;
mod frame;
mod funding;
mod governorates;
mod idps;
mod map;

use egui::Ui;

pub use briefing::BriefingPanel;
pub use camps::CampsPanel;
pub use compare::ComparePanel;
pub use funding::FundingPanel;
pub use governorates::{GovernoratesPanel, partial_note};
pub use idps::IdpsPanel;
pub use map::MapPanel;

use super::command::Command;
use super::plot::PlotOptions;
use crate::domain::Choices;
use crate::model::{Dashboard, PanelId};

/// Chart or the numbers behind it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Chart,
    Table,
}

/// What every panel needs to draw this frame.
pub struct PanelCx<'a> {
    pub plot: PlotOptions<'a>,
    /// Presentation mode: no controls, larger titles.
    pub presenting: bool,
    /// What the panels asked for this frame, applied by the app after it.
    pub commands: &'a mut Vec<Command>,
}

/// A panel of the dashboard.
pub trait Panel {
    /// Which panel this is: its part of the dashboard and its export.
    fn id(&self) -> PanelId;
    /// Chart or table.
    fn mode(&self) -> Mode;
    fn set_mode(&mut self, mode: Mode);
    /// Draws the panel from the dashboard; edits the choices in place; pushes
    /// commands.
    fn ui(&mut self, ui: &mut Ui, dash: &Dashboard, choices: &mut Choices, cx: &mut PanelCx<'_>);

    /// Where the panel last drew a governorate on screen, if it draws places (the
    /// map's label point): for tests that click a place, as a user would.
    fn locate(&self, _pcode: crate::domain::Pcode) -> Option<egui::Pos2> {
        None
    }

    /// The panel's title: its first chart's.
    fn title<'a>(&self, dash: &'a Dashboard) -> &'a str {
        dash.panel(self.id())
            .charts()
            .next()
            .map_or("", |c| c.title.as_str())
    }
}

/// Every panel, in reading order (left to right, then down a 2-column grid).
pub struct Panels(Vec<Box<dyn Panel>>);

impl Default for Panels {
    fn default() -> Panels {
        Panels(vec![
            Box::new(IdpsPanel::default()),
            Box::new(GovernoratesPanel::default()),
            Box::new(CampsPanel::default()),
            Box::new(FundingPanel::default()),
            Box::new(MapPanel::default()),
            Box::new(ComparePanel::default()),
            Box::new(BriefingPanel::default()),
        ])
    }
}

impl Panels {
    /// The panels, in reading order.
    pub fn iter(&self) -> impl Iterator<Item = &dyn Panel> {
        self.0.iter().map(AsRef::as_ref)
    }

    /// The panels, in reading order, to draw.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut (dyn Panel + 'static)> {
        self.0.iter_mut().map(AsMut::as_mut)
    }

    /// The panel with this id.
    pub fn get_mut(&mut self, id: PanelId) -> Option<&mut (dyn Panel + 'static)> {
        self.iter_mut().find(|p| p.id() == id)
    }

    /// How many panels there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when no panel is registered.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

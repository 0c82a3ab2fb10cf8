//! The map: governorates coloured by a measure on a date, on their true shapes or
//! the tile grid; a click toggles a governorate in the filter (the chips show it and
//! the rest of the dashboard follows). Its table is the figures behind the colours.

use std::sync::Arc;

use egui::{RichText, Ui};

use super::frame::{Heading, frame_ui};
use super::{Mode, Panel, PanelCx};
use crate::domain::{Choices, Pcode};
use crate::map::Geometry;
use crate::model::{Dashboard, PanelId};
use crate::ui::command::Command;
use crate::ui::map::{MapState, map_ui};
use crate::ui::table_view::TableView;

/// Height the map's controls and legend take beside the plot height it is given.
const AROUND_MAP: f32 = 150.0;

/// The map panel.
#[derive(Debug, Default)]
pub struct MapPanel {
    pub mode: Mode,
    pub table: TableView,
    /// Pan, zoom, play and the meshes built from the dashboard's geometry.
    pub state: MapState,
    /// The shapes drawn last (to locate a governorate on screen).
    drawn: Option<Arc<Geometry>>,
}

impl Panel for MapPanel {
    fn id(&self) -> PanelId {
        PanelId::Map
    }

    fn mode(&self) -> Mode {
        self.mode
    }

    fn set_mode(&mut self, mode: Mode) {
        self.mode = mode;
    }

    fn locate(&self, pcode: Pcode) -> Option<egui::Pos2> {
        if self.state.tiles || self.mode != Mode::Chart {
            return None;
        }
        let region = self.drawn.as_ref()?.region(pcode)?;
        self.state.screen_pos(region.label_at)
    }

    fn title<'a>(&self, dash: &'a Dashboard) -> &'a str {
        &dash.map.title
    }

    /// Draws the map from the dashboard; the measure, the date and shapes or tiles
    /// are `choices` (the dashboard is recomputed for them after the frame), a click
    /// pushes [`Command::ToggleGovernorate`]. In presentation mode the map and its
    /// controls are drawn even if its table was left on (the switch is hidden then).
    fn ui(&mut self, ui: &mut Ui, dash: &Dashboard, choices: &mut Choices, cx: &mut PanelCx<'_>) {
        let Self {
            mode,
            table: table_view,
            state,
            drawn,
        } = self;
        *drawn = Some(Arc::clone(&dash.map_geometry));
        let spec = &dash.map;
        let presenting = cx.presenting;
        // Presentation mode hides the Chart/Table switch: the map is shown with its
        // controls (measure, shapes or tiles, date, play), whatever was left on.
        let current = if presenting { Mode::Chart } else { *mode };
        let height = cx.plot.height;
        let mut asked = Vec::new();
        let heading = Heading {
            title: &spec.title,
            subtitle: &spec.subtitle,
            subtitle_italic: false,
            source_line: "",
        };
        let commands = frame_ui(
            ui,
            PanelId::Map,
            presenting,
            &heading,
            mode,
            |_| {},
            |ui| match current {
                Mode::Chart => {
                    state.tiles = choices.map_tiles;
                    let size = egui::vec2(ui.available_width(), height + AROUND_MAP);
                    let r = ui
                        .allocate_ui(size, |ui| map_ui(ui, spec, &dash.map_geometry, state))
                        .inner;
                    choices.map_tiles = state.tiles;
                    if let Some(p) = r.clicked {
                        asked.push(Command::ToggleGovernorate(p));
                    }
                    if let Some(m) = r.measure {
                        choices.map_measure = m;
                    }
                    if let Some(d) = r.date {
                        choices.map_date = Some(d);
                    }
                }
                Mode::Table => {
                    table_view.ui(
                        ui,
                        "map-table",
                        (&dash.map_table, &dash.map_csv),
                        height,
                        presenting,
                    );
                    ui.label(RichText::new(&spec.source_line).small().weak());
                    ui.label(RichText::new(&spec.boundary_credit).small().weak());
                }
            },
        );
        cx.commands.extend(commands);
        cx.commands.extend(asked);
    }
}

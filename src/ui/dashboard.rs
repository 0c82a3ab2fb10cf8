//! The window's own layout: the top bar (File, View and Help menus, the briefing sheet,
//! presentation mode, the events switches, the filter chips), the presentation
//! bar, and the central area: the cards and the registered panels in a grid sized
//! by [`super::layout`]. It draws from the dashboard and pushes commands; the app
//! owns the state it is lent ([`Window`]).

use std::path::PathBuf;

use egui::RichText;

use super::command::Command;
use super::layout;
use super::panels::{Panel, PanelCx, Panels};
use super::plot::PlotOptions;
use super::theme::ThemeChoice;
use crate::domain::Gazetteer;
use crate::domain::{Choices, Filters};
use crate::model::Dashboard;

/// What the window's layout reads and edits this frame, lent by the app.
pub struct Window<'a> {
    pub dash: &'a Dashboard,
    pub panels: &'a mut Panels,
    pub choices: &'a mut Choices,
    pub filters: &'a mut Filters,
    pub gazetteer: &'a Gazetteer,
    /// The years the data spans (the filter's bounds).
    pub bounds: (i32, i32),
    pub theme: &'a mut ThemeChoice,
    /// Recently opened files, newest first.
    pub recent: &'a [String],
    /// Presentation mode: no controls, larger titles.
    pub presenting: bool,
    pub commands: &'a mut Vec<Command>,
}

/// The central area: one vertical scroll area (its bar always drawn, so the width
/// never changes with whether it is needed) holding the cards and the panels. The
/// first frame of a run starts at the top (egui restores the last run's position).
pub fn central_ui(ui: &mut egui::Ui, w: &mut Window<'_>, memory: &mut layout::Memory) {
    egui::CentralPanel::default().show(ui, |ui| {
        let viewport_height = ui.available_height();
        let mut area = egui::ScrollArea::vertical()
            .id_salt("dashboard")
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
            .auto_shrink([false, false]);
        if !memory.drawn {
            area = area.vertical_scroll_offset(0.0);
            memory.drawn = true;
        }
        area.show(ui, |ui| grid_ui(ui, w, viewport_height, memory));
    });
}

/// The top bar of presentation mode: what is shown, and the way out.
fn presenting_bar_ui(ui: &mut egui::Ui, w: &mut Window<'_>) {
    egui::Panel::top("top").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(
                RichText::new("Displacement and aid in Iraq")
                    .strong()
                    .size(24.0),
            );
            ui.label(RichText::new(format!("{} \u{b7} {}", w.dash.place, w.dash.years)).size(18.0));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Exit presentation (F11)").clicked() {
                    w.commands.push(Command::TogglePresenting);
                }
            });
        });
    });
}

/// The File menu: open, the Data window, an export of each panel and the sheet,
/// recent files.
fn file_menu_ui(ui: &mut egui::Ui, w: &mut Window<'_>) {
    if ui.button("Open\u{2026}  (Ctrl+O)").clicked() {
        w.commands.push(Command::ShowOpenDialog);
        ui.close();
    }
    if ui.button("Data\u{2026}").clicked() {
        w.commands.push(Command::ShowDataWindow);
        ui.close();
    }
    ui.separator();
    for panel in w.panels.iter() {
        let label = format!("Export: {}\u{2026}", panel.title(w.dash));
        if ui.button(label).clicked() {
            w.commands.push(Command::AskExport(panel.id()));
            ui.close();
        }
    }
    if ui.button("Export: the briefing sheet\u{2026}").clicked() {
        w.commands.push(Command::AskExportSheet);
        ui.close();
    }
    if !w.recent.is_empty() {
        ui.separator();
        ui.label(RichText::new("Recent files").weak());
        for r in w.recent {
            if ui.button(r).clicked() {
                let path = PathBuf::from(r);
                w.commands.push(Command::Open { path, sheet: None });
                ui.close();
            }
        }
    }
    ui.separator();
    let quit = format!("Quit  ({})", ui.ctx().format_shortcut(&super::help::QUIT));
    if ui.button(quit).clicked() {
        w.commands.push(Command::Quit);
        ui.close();
    }
}

/// The Help menu: the sources and caveats, the keys and gestures, About.
fn help_menu_ui(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    let keys = format!(
        "Keyboard and mouse  ({})",
        ui.ctx().format_shortcut(&super::help::HELP)
    );
    for (label, command) in [
        (
            format!("{}\u{2026}", super::sources::TITLE),
            Command::ShowSources,
        ),
        (keys, Command::ShowHelp),
        ("About".to_string(), Command::ShowAbout),
    ] {
        if ui.button(label).clicked() {
            commands.push(command);
            ui.close();
        }
    }
}

pub fn top_bar_ui(ui: &mut egui::Ui, w: &mut Window<'_>) {
    if w.presenting {
        presenting_bar_ui(ui, w);
        return;
    }
    egui::Panel::top("top").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(RichText::new("displacement-dashboard").strong().size(17.0));
            ui.menu_button("File", |ui| file_menu_ui(ui, w));
            ui.menu_button("View", |ui| {
                ui.label(RichText::new("Theme").strong());
                for (choice, label) in [
                    (ThemeChoice::System, "Follow the system"),
                    (ThemeChoice::Light, "Light"),
                    (ThemeChoice::Dark, "Dark"),
                ] {
                    if ui
                        .radio_value(w.theme, choice, label)
                        .clicked()
                    {
                        ui.ctx().set_theme(choice.preference());
                    }
                }
                ui.separator();
                ui.checkbox(
                    &mut w.choices.show_events,
                    "Event markers on time charts",
                );
                ui.add_enabled(
                    w.choices.show_events,
                    egui::Checkbox::new(
                        &mut w.choices.all_events,
                        "Every event, not only the key ones",
                    ),
                );
            });
            ui.menu_button("Help", |ui| help_menu_ui(ui, w.commands));
            if ui
                .button("Export briefing sheet")
                .on_hover_text("One page (A4 landscape): the headline cards and the four charts for these filters")
                .clicked()
            {
                w.commands.push(Command::AskExportSheet);
            }
            if ui
                .button("Briefing text")
                .on_hover_text("A paragraph for a briefing note, from the figures on screen, with their sources")
                .clicked()
            {
                w.commands.push(Command::ShowBriefing);
            }
            if ui.button("Present").on_hover_text("Presentation mode (F11): no controls, print styling, larger titles").clicked() {
                w.commands.push(Command::TogglePresenting);
            }
            ui.checkbox(&mut w.choices.show_events, "Events")
                .on_hover_text(
                    "Key dated events (the 2014 offensive, Mosul's retaking, camp closures, mission ends) as markers on the time charts",
                );
            ui.add_enabled(
                w.choices.show_events,
                egui::Checkbox::new(&mut w.choices.all_events, "All events"),
            )
            .on_hover_text("Every dated policy, security, camp and methodology event, not only the key ones");
            ui.separator();
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("Reset")
                    .on_hover_text("Reset filters (Ctrl+R)")
                    .clicked()
                {
                    w.commands.push(Command::ResetFilters);
                }
                super::chips::chips_ui(ui, w.gazetteer, w.filters, w.bounds);
                ui.label(RichText::new("Filters:").weak());
            });
        });
    });
}

/// The cards and the registered panels, laid out for the viewport (see
/// [`layout`]); measures what it drew for the next frame.
fn grid_ui(
    ui: &mut egui::Ui,
    w: &mut Window<'_>,
    viewport_height: f32,
    memory: &mut layout::Memory,
) {
    let Window {
        dash: view,
        choices,
        panels,
        presenting,
        ..
    } = w;
    let view: &Dashboard = view;
    let layout::Memory {
        measured,
        scroll_to,
        ..
    } = memory;
    let plan = layout::plan(ui.available_width(), viewport_height, *presenting, measured);
    let mut now = *measured;
    let top = ui.cursor().top();
    super::cards::cards_ui(ui, &view.cards);
    now.cards = ui.cursor().top() - top;
    ui.add_space(layout::GAP);

    let base = PlotOptions {
        height: 0.0,
        x_range: view.x_range_days,
        show_events: choices.show_events,
        all_events: choices.all_events,
        label_events: true,
        legend_known: &[],
        sources: &view.sources,
    };
    let mut commands = Vec::new();
    // The first four panels in reading order fill two columns (left, right, left,
    // …); `slot` is the plan's order: the left column top to bottom, then the right
    // one. Panels after them (the map) are drawn below, across the whole width.
    let gridded = panels.len().min(layout::GRID_PANELS);
    let rows = gridded.div_ceil(2);
    let slot = |i: usize| (i % 2) * rows + i / 2;
    let mut draw = |ui: &mut egui::Ui, slot: usize, panel: &mut dyn Panel| {
        let height = plan
            .plot_heights
            .get(slot)
            .copied()
            .unwrap_or(layout::MIN_PLOT);
        let mut cx = PanelCx {
            plot: PlotOptions { height, ..base },
            presenting: *presenting,
            commands: &mut commands,
        };
        let mut chrome = 0.0;
        draw_measured(ui, height, &mut chrome, &mut |ui| {
            panel.ui(ui, view, choices, &mut cx);
        });
        if let Some(c) = now.chrome.get_mut(slot) {
            *c = chrome;
        }
    };
    let mut ordered: Vec<(usize, &mut dyn Panel)> = Vec::new();
    let mut below: Vec<&mut dyn Panel> = Vec::new();
    for (i, p) in panels.iter_mut().enumerate() {
        if i < gridded {
            ordered.push((slot(i), p));
        } else {
            below.push(p);
        }
    }
    ordered.sort_by_key(|(slot, _)| *slot);
    if plan.two_columns {
        ui.columns(2, |columns| {
            for (slot, panel) in ordered {
                let column = &mut columns[slot / rows];
                if slot % rows > 0 {
                    column.add_space(layout::GAP);
                }
                draw(column, slot, panel);
            }
        });
    } else {
        for (slot, panel) in ordered {
            if slot > 0 {
                ui.add_space(layout::GAP);
            }
            draw(ui, slot, panel);
        }
    }
    for panel in below {
        ui.add_space(layout::GAP);
        let mut cx = PanelCx {
            plot: PlotOptions {
                height: layout::WIDE_PLOT,
                ..base
            },
            presenting: *presenting,
            commands: &mut commands,
        };
        below_ui(ui, panel, view, choices, &mut cx, scroll_to);
    }
    // A layout that moved by more than rounding is drawn again at once (this
    // pass is discarded, or else the next frame comes right away), so the window
    // never shows, or stays on, sizes measured for other content.
    if now.moved_from(measured) {
        *measured = now;
        ui.ctx()
            .request_discard("the dashboard's layout was measured");
        if !ui.ctx().will_discard() {
            ui.ctx().request_repaint();
        }
    }
    w.commands.extend(commands);
}

/// Draws a panel below the grid, across the whole width; scrolls to it when asked.
fn below_ui(
    ui: &mut egui::Ui,
    panel: &mut dyn Panel,
    view: &Dashboard,
    choices: &mut Choices,
    cx: &mut PanelCx<'_>,
    scroll_to: &mut Option<crate::model::PanelId>,
) {
    let top = ui.cursor().top();
    panel.ui(ui, view, choices, cx);
    if *scroll_to == Some(panel.id()) {
        *scroll_to = None;
        let shown = egui::Rect::from_x_y_ranges(ui.max_rect().x_range(), top..=ui.cursor().top());
        ui.scroll_to_rect(shown, Some(egui::Align::TOP));
    }
}

/// Draws a panel whose plots are `plot_height` tall and records its height around
/// them in `chrome`.
fn draw_measured(
    ui: &mut egui::Ui,
    plot_height: f32,
    chrome: &mut f32,
    draw: &mut dyn FnMut(&mut egui::Ui),
) {
    let top = ui.cursor().top();
    draw(ui);
    *chrome = (ui.cursor().top() - top - plot_height).max(0.0);
}

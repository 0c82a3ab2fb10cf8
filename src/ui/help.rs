//! Help (issue 13): the window's keyboard shortcuts, defined once here (the app
//! consumes these same values), the "Keyboard and mouse" window that lists them
//! with the mouse gestures the charts, the map, the cards and the tables really
//! have, and the About window (version, how current the data is, licences).

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

use super::command::Command;
use crate::model::SourcesView;

/// Ctrl+O: open a file.
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
/// Ctrl+E: export the chart last worked with.
pub const EXPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
/// Ctrl+R: reset every filter.
pub const RESET: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::R);
/// F11: presentation mode.
pub const PRESENT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F11);
/// F1: this help.
pub const HELP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);
/// Ctrl+Q: quit.
pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);

/// Every shortcut of the window and what it does, in the order Help lists them.
pub const SHORTCUTS: [(KeyboardShortcut, &str); 6] = [
    (
        OPEN,
        "Open a file: a DTM master list, an FTS export, a table of your own, a boundary file",
    ),
    (
        EXPORT,
        "Export the chart you last worked with (SVG, PNG or the numbers as CSV)",
    ),
    (RESET, "Reset every filter"),
    (
        PRESENT,
        "Presentation mode on or off: no controls, larger titles",
    ),
    (HELP, "This list"),
    (QUIT, "Quit"),
];

/// The mouse gestures (and the keys that are not shortcuts), as (what you do, what
/// happens), in the order Help lists them.
pub const GESTURES: &[(&str, &str)] = &[
    (
        "Click a headline card, then Ctrl+C",
        "Copy the card's citation sentence (or right-click the card: Copy citation)",
    ),
    ("Hover a point or a bar", "Its exact value, date and source"),
    (
        "Drag a time chart",
        "Pan through time; the time charts move together",
    ),
    ("Ctrl+scroll or pinch on a time chart", "Zoom"),
    ("Right-drag on a time chart", "Zoom to the box you draw"),
    ("Double-click a time chart", "Back to the filter's years"),
    (
        "Click a governorate's bar in IDPs by governorate",
        "Filter to that governorate",
    ),
    (
        "Click a governorate on the map",
        "Add it to the filter, or take it out",
    ),
    (
        "Drag, scroll or pinch on the map",
        "Pan and zoom the map; double-click to reset it",
    ),
    (
        "Play, above the map",
        "Step through the dates that have a governorate table",
    ),
    ("Click a filter chip", "Remove that filter"),
    (
        "Click a column's name in a table view",
        "Sort by it; click again to reverse",
    ),
    ("Arrow keys on a focused year slider", "Move it by one year"),
    ("Drop files on the window", "Open them"),
];

/// Where a help window opens: centred, below the top bar (never over the menus).
fn below_the_top_bar(ctx: &egui::Context) -> egui::Pos2 {
    let screen = ctx.content_rect();
    egui::pos2(screen.center().x, screen.top() + 60.0)
}

/// The "Keyboard and mouse" window, while `open`.
pub fn keys_ui(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard and mouse")
        .open(open)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(below_the_top_bar(ctx))
        .default_width(560.0)
        .show(ctx, |ui| {
            ui.label(RichText::new("Keys").strong());
            egui::Grid::new("help-keys")
                .num_columns(2)
                .spacing([16.0, 4.0])
                .striped(true)
                .show(ui, |ui| {
                    for (shortcut, what) in SHORTCUTS {
                        ui.label(RichText::new(ui.ctx().format_shortcut(&shortcut)).monospace());
                        ui.label(what);
                        ui.end_row();
                    }
                });
            ui.add_space(8.0);
            ui.label(RichText::new("Mouse").strong());
            egui::Grid::new("help-mouse")
                .num_columns(2)
                .spacing([16.0, 4.0])
                .striped(true)
                .show(ui, |ui| {
                    for (gesture, what) in GESTURES {
                        ui.label(*gesture);
                        ui.label(*what);
                        ui.end_row();
                    }
                });
        });
}

/// The program's version, as built.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The About window, while `open`: the version, how current the data is, the
/// licences of the bundled data and fonts, and the way to the sources.
pub fn about_ui(
    ctx: &egui::Context,
    open: &mut bool,
    view: &SourcesView,
    commands: &mut Vec<Command>,
) {
    egui::Window::new("About displacement-dashboard")
        .open(open)
        .vscroll(true)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(below_the_top_bar(ctx))
        .default_width(520.0)
        .show(ctx, |ui| about_content_ui(ui, view, commands));
}

fn about_content_ui(ui: &mut Ui, view: &SourcesView, commands: &mut Vec<Command>) {
    ui.label(
        RichText::new(format!("displacement-dashboard {VERSION}"))
            .strong()
            .size(18.0),
    );
    ui.label("Displacement and aid funding in Iraq, offline: every figure with its source.");
    if ui.button("Sources and caveats\u{2026}").clicked() {
        commands.push(Command::ShowSources);
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Data").strong());
    ui.label(view.currency.join(" \u{b7} "));
    ui.add_space(6.0);
    ui.label(RichText::new("Licences").strong());
    for licence in std::iter::once(&view.dtm_terms).chain(&view.licences) {
        ui.add_space(2.0);
        ui.label(RichText::new(&licence.what).italics());
        super::sources::licence_ui(ui, licence, commands);
    }
    ui.add_space(2.0);
    ui.label(RichText::new("The program").italics());
    ui.label(format!("Licensed {}.", env!("CARGO_PKG_LICENSE")));
}

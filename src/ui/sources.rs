//! The "Sources and caveats" window (issue 13, DESIGN §2 item 8): the dashboard's
//! [`SourcesView`] drawn as it is — how current each series is, the sources of the
//! figures on screen by series (publisher, title, date and a link), the caveats of
//! the bundled data, the map's boundary caveats and IOM's terms for DTM data.
//!
//! A link is never followed here: a click pushes [`Command::OpenUrl`] (the app hands
//! the address to the system browser); its context menu copies the address.

use egui::{RichText, Ui};

use super::command::Command;
use crate::model::{Licence, SourceEntry, SourcesView};

/// The window's title (also the menu entry's and the status bar link's target).
pub const TITLE: &str = "Sources and caveats";

/// Draws the window while `open`.
pub fn sources_ui(
    ctx: &egui::Context,
    open: &mut bool,
    view: &SourcesView,
    commands: &mut Vec<Command>,
) {
    let screen = ctx.content_rect();
    egui::Window::new(TITLE)
        .open(open)
        // Right of the filters and below the top bar, so neither is covered.
        .pivot(egui::Align2::RIGHT_TOP)
        .default_pos(egui::pos2(screen.right() - 24.0, screen.top() + 48.0))
        .default_width(660.0)
        .default_height((screen.height() * 0.75).max(320.0))
        .vscroll(true)
        .show(ctx, |ui| content_ui(ui, view, commands));
}

fn content_ui(ui: &mut Ui, view: &SourcesView, commands: &mut Vec<Command>) {
    ui.label(
        RichText::new(format!(
            "The sources of the figures on screen, for {}.",
            view.scope
        ))
        .weak(),
    );
    if !view.currency.is_empty() {
        heading(ui, "How current the data is");
        ui.horizontal_wrapped(|ui| {
            for (i, part) in view.currency.iter().enumerate() {
                if i > 0 {
                    ui.label("\u{b7}");
                }
                ui.label(part);
            }
        });
    }
    heading(ui, "Sources");
    if view.groups.is_empty() {
        ui.label("No figure is on screen.");
    }
    for group in &view.groups {
        ui.add_space(4.0);
        ui.label(RichText::new(&group.title).strong());
        if let Some(note) = &group.note {
            ui.label(RichText::new(note).small().italics());
        }
        ui.indent(("sources", &group.title), |ui| {
            for source in &group.sources {
                source_ui(ui, source, commands);
            }
        });
    }
    heading(ui, "Caveats");
    for caveat in &view.caveats {
        ui.add_space(2.0);
        ui.label(RichText::new(&caveat.title).strong());
        ui.label(&caveat.text);
    }
    heading(ui, "The map's boundaries");
    for caveat in &view.boundary_caveats {
        ui.horizontal_wrapped(|ui| {
            ui.label("\u{2022}");
            ui.label(caveat);
        });
    }
    heading(ui, "IOM's terms for DTM data");
    licence_ui(ui, &view.dtm_terms, commands);
}

fn heading(ui: &mut Ui, text: &str) {
    ui.add_space(8.0);
    ui.label(RichText::new(text).heading().size(17.0));
    ui.separator();
}

/// One source: its title (its note on hover), publisher and date, and its link.
fn source_ui(ui: &mut Ui, source: &SourceEntry, commands: &mut Vec<Command>) {
    ui.add_space(2.0);
    let title = ui.label(&source.title);
    if let Some(note) = &source.note {
        title.on_hover_text(note);
    }
    let mut line = source.publisher.clone();
    if !source.published.is_empty() {
        line.push_str(" \u{b7} ");
        line.push_str(&source.published);
    }
    ui.label(RichText::new(line).small().weak());
    if let (Some(url), Some(text)) = (&source.url, source.url_text()) {
        link_ui(ui, &text, url, commands);
    }
}

/// A link that asks the app to open `url` in the system browser.
pub fn link_ui(ui: &mut Ui, text: &str, url: &str, commands: &mut Vec<Command>) {
    let response = ui.link(RichText::new(text).small()).on_hover_text(url);
    if response.clicked() {
        commands.push(Command::OpenUrl(url.to_string()));
    }
    response.context_menu(|ui| {
        if ui.button("Copy address").clicked() {
            ui.ctx().copy_text(url.to_string());
            ui.close();
        }
    });
}

/// A licence or terms: what it covers, the text, where it is published.
pub fn licence_ui(ui: &mut Ui, licence: &Licence, commands: &mut Vec<Command>) {
    ui.label(&licence.text);
    if let Some(url) = &licence.url {
        let text = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .unwrap_or(url);
        link_ui(ui, text, url, commands);
    }
}

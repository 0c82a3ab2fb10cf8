//! The Data window: the bundled data switch and every file the user loaded — kind,
//! rows, dates, governorates, what `check` says of it (dating, rows left out),
//! warnings — with a remove button each.

use egui::{CollapsingHeader, RichText, Ui};

use super::command::Command;
use crate::domain::{BoundaryCounts, FileReport, Gazetteer};
use crate::model::thousands;

/// Draws the list, with the switch of the bundled Iraq data (`bundled`: on now) and
/// the user's boundary file (`boundaries`: its name and counts) while loaded;
/// pushes [`Command::SetBundled`], [`Command::RemoveFile`] or
/// [`Command::ShowOpenDialog`].
pub fn data_panel_ui(
    ui: &mut Ui,
    files: &[FileReport],
    boundaries: Option<(&str, &BoundaryCounts)>,
    bundled: bool,
    gazetteer: &Gazetteer,
    commands: &mut Vec<Command>,
) {
    let mut switch = bundled;
    ui.checkbox(
        &mut switch,
        "Bundled Iraq data (IOM DTM, OCHA FTS, camps, events)",
    )
    .on_hover_text("Switch off to see only your own files");
    if switch != bundled {
        commands.push(Command::SetBundled(switch));
    }
    ui.separator();
    if files.is_empty() && boundaries.is_none() {
        ui.label("No files of your own yet. Open one (Ctrl+O) or drop it on the window.");
    }
    for (i, f) in files.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.label(RichText::new(&f.name).strong());
            ui.label(RichText::new(f.shape.label()).weak());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Remove").clicked() {
                    commands.push(Command::RemoveFile(i));
                }
            });
        });
        let mut facts = vec![format!("{} rows", thousands(f.rows as u64))];
        if let Some(n) = f.locations_aggregated {
            facts.push(format!("{} locations aggregated", thousands(n as u64)));
        }
        if let Some((a, b)) = f.date_range {
            facts.push(format!(
                "{} \u{2013} {}",
                a.format("%d %b %Y"),
                b.format("%d %b %Y")
            ));
        }
        match f.governorates.len() {
            0 => {}
            n if n <= 4 => facts.push(
                f.governorates
                    .iter()
                    .map(|p| gazetteer.name(*p))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            n => facts.push(format!("{n} governorates")),
        }
        ui.label(RichText::new(facts.join(" \u{b7} ")).small());
        // The same sentence `check` prints: what the file became, how it was dated,
        // what was left out.
        ui.label(RichText::new(f.describe()).small().weak());
        if !f.warnings.is_empty() {
            CollapsingHeader::new(
                RichText::new(format!("{} warnings", f.warnings.len()))
                    .color(ui.visuals().warn_fg_color),
            )
            .id_salt(("warnings", i))
            .show(ui, |ui| {
                for w in &f.warnings {
                    ui.label(RichText::new(&w.message).small());
                }
            });
        }
        ui.separator();
    }
    if let Some((name, counts)) = boundaries {
        boundaries_ui(ui, name, counts, commands);
    }
    if ui.button("Open a file\u{2026}").clicked() {
        commands.push(Command::ShowOpenDialog);
    }
}

/// The user's boundary file: its name, how many features matched a governorate, the
/// ones that did not, and a remove button (the map then draws the bundled shapes).
fn boundaries_ui(ui: &mut Ui, name: &str, counts: &BoundaryCounts, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(name).strong());
        ui.label(RichText::new("Boundaries (the map draws them)").weak());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Remove").clicked() {
                commands.push(Command::RemoveBoundaries);
            }
        });
    });
    ui.label(RichText::new(counts.describe()).small());
    if !counts.unmatched.is_empty() {
        CollapsingHeader::new(
            RichText::new(format!("{} unmatched", counts.unmatched.len()))
                .color(ui.visuals().warn_fg_color),
        )
        .id_salt("unmatched-boundaries")
        .show(ui, |ui| {
            for n in &counts.unmatched {
                ui.label(RichText::new(n).small());
            }
        });
    }
    ui.separator();
}

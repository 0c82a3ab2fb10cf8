//! Fonts and text sizes: the bundled Arabic font as a fallback, a legible size;
//! scroll bars that are always visible, so content below the fold or past the right
//! edge never looks cut off with no way to reach it.

use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
use egui::{FontData, FontFamily, FontId, TextStyle};
use serde::{Deserialize, Serialize};

/// Noto Sans Arabic (SIL Open Font License; the licence is beside it in `assets/fonts/`).
const ARABIC_FONT: &[u8] = crate::fonts::NOTO_SANS_ARABIC;

/// Adds the Arabic font as a fallback of both families, sets legible sizes and
/// always-visible scroll bars.
pub fn install(ctx: &egui::Context) {
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        ctx.add_font(FontInsert::new(
            &format!("noto-sans-arabic-{family:?}"),
            FontData::from_static(ARABIC_FONT),
            vec![InsertFontFamily {
                family,
                priority: FontPriority::Lowest,
            }],
        ));
    }
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Small, FontId::proportional(11.5)),
            (TextStyle::Body, FontId::proportional(14.0)),
            (TextStyle::Button, FontId::proportional(14.0)),
            (TextStyle::Heading, FontId::proportional(20.0)),
            (TextStyle::Monospace, FontId::monospace(13.0)),
        ]
        .into();
        // Thin bars, drawn whether or not the pointer is over the area.
        style.spacing.scroll = egui::style::ScrollStyle::thin();
    });
}

/// Light, dark, or as the system says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    /// The egui preference.
    #[must_use]
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

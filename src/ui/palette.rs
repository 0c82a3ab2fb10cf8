//! The one colour palette: Okabe and Ito's colour-blind-safe set.

use egui::Color32;

/// Blue, orange, bluish green, reddish purple, sky blue, vermillion, yellow, grey.
pub const SERIES: [Color32; 8] = [
    Color32::from_rgb(0x00, 0x72, 0xB2),
    Color32::from_rgb(0xE6, 0x9F, 0x00),
    Color32::from_rgb(0x00, 0x9E, 0x73),
    Color32::from_rgb(0xCC, 0x79, 0xA7),
    Color32::from_rgb(0x56, 0xB4, 0xE9),
    Color32::from_rgb(0xD5, 0x5E, 0x00),
    Color32::from_rgb(0xF0, 0xE4, 0x42),
    Color32::from_rgb(0x88, 0x88, 0x88),
];

/// The colour of series `index` (wrapping around).
#[must_use]
pub fn series(index: usize) -> Color32 {
    SERIES[index % SERIES.len()]
}

/// Event markers: a neutral grey that reads on light and dark backgrounds.
pub const MARKER: Color32 = Color32::from_rgba_premultiplied(0x70, 0x70, 0x70, 0xA0);

/// Annotation bands (a span of years with a statement about it).
pub const BAND: Color32 = Color32::from_rgba_premultiplied(0x00, 0x3A, 0x2A, 0x38);

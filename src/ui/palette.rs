//! The one colour palette: Okabe and Ito's colour-blind-safe set, from
//! [`crate::palette`] (shared with the exports) as egui colours.

use egui::Color32;

use crate::palette::SERIES as RGB;

const fn rgb(c: [u8; 3]) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

/// Blue, orange, bluish green, reddish purple, sky blue, vermillion, yellow, grey.
pub const SERIES: [Color32; 8] = [
    rgb(RGB[0]),
    rgb(RGB[1]),
    rgb(RGB[2]),
    rgb(RGB[3]),
    rgb(RGB[4]),
    rgb(RGB[5]),
    rgb(RGB[6]),
    rgb(RGB[7]),
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

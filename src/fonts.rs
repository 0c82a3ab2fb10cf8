//! The bundled fonts (SIL Open Font License; the licences are beside them in
//! `assets/fonts/`), shared by the window and the exports, and a text measure for
//! laying out exports.
//!
//! Exports name [`FAMILY`] first and are rasterised with these fonts only, never the
//! system's, so an export looks the same on every machine.

use std::sync::OnceLock;

use skrifa::prelude::{FontRef, LocationRef, MetadataProvider as _, Size};

/// Noto Sans Regular (Latin, Greek, Cyrillic).
pub const NOTO_SANS_REGULAR: &[u8] = include_bytes!("../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold.
pub const NOTO_SANS_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSans-Bold.ttf");
/// Noto Sans Arabic Regular (governorate names in Arabic, user files in Arabic).
pub const NOTO_SANS_ARABIC: &[u8] = include_bytes!("../assets/fonts/NotoSansArabic-Regular.ttf");

/// The family the exports name first.
pub const FAMILY: &str = "Noto Sans";
/// The family for Arabic letters.
pub const ARABIC_FAMILY: &str = "Noto Sans Arabic";
/// The `font-family` list written in exported SVG.
pub const SVG_FAMILY: &str = "Noto Sans, Noto Sans Arabic, sans-serif";

/// Every bundled font, for a font database.
pub const ALL: [&[u8]; 3] = [NOTO_SANS_REGULAR, NOTO_SANS_BOLD, NOTO_SANS_ARABIC];

/// Advance widths of the bundled fonts at 1 px.
struct Measure {
    regular: skrifa::metrics::GlyphMetrics<'static>,
    bold: skrifa::metrics::GlyphMetrics<'static>,
    regular_map: skrifa::charmap::Charmap<'static>,
    bold_map: skrifa::charmap::Charmap<'static>,
    arabic: Option<(
        skrifa::metrics::GlyphMetrics<'static>,
        skrifa::charmap::Charmap<'static>,
    )>,
}

fn measure() -> Option<&'static Measure> {
    static MEASURE: OnceLock<Option<Measure>> = OnceLock::new();
    MEASURE
        .get_or_init(|| {
            let regular = FontRef::new(NOTO_SANS_REGULAR).ok()?;
            let bold = FontRef::new(NOTO_SANS_BOLD).ok()?;
            let arabic = FontRef::new(NOTO_SANS_ARABIC).ok();
            let unit = Size::new(1.0);
            Some(Measure {
                regular: regular.glyph_metrics(unit, LocationRef::default()),
                bold: bold.glyph_metrics(unit, LocationRef::default()),
                regular_map: regular.charmap(),
                bold_map: bold.charmap(),
                arabic: arabic
                    .map(|a| (a.glyph_metrics(unit, LocationRef::default()), a.charmap())),
            })
        })
        .as_ref()
}

/// The width of `text` set in the bundled fonts at `size` px: the sum of advance
/// widths (no kerning), falling back to the Arabic font, then to half an em.
#[must_use]
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let Some(m) = measure() else {
        return text.chars().count() as f64 * size * 0.55;
    };
    let (metrics, map) = if bold {
        (&m.bold, &m.bold_map)
    } else {
        (&m.regular, &m.regular_map)
    };
    let em: f32 = text
        .chars()
        .map(|c| {
            if let Some(w) = map.map(c).and_then(|g| metrics.advance_width(g)) {
                return w;
            }
            m.arabic
                .as_ref()
                .and_then(|(am, amap)| amap.map(c).and_then(|g| am.advance_width(g)))
                .unwrap_or(0.5)
        })
        .sum();
    f64::from(em) * size
}

/// True when the Latin font has a glyph for `c`.
#[must_use]
pub fn has_glyph(c: char) -> bool {
    measure().is_some_and(|m| m.regular_map.map(c).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_size_and_weight() {
        let w = text_width("Ninewa", 10.0, false);
        assert!(w > 25.0 && w < 45.0, "{w}");
        assert!((text_width("Ninewa", 20.0, false) - 2.0 * w).abs() < 1e-6);
        assert!(text_width("Ninewa", 10.0, true) > w);
        assert_eq!(text_width("", 10.0, false), 0.0);
        assert!(text_width("نينوى", 10.0, false) > 10.0);
        // The 2020 Noto Sans has no minus sign (U+2212): exports write an en dash.
        assert!(!has_glyph('\u{2212}') && has_glyph('\u{2013}') && has_glyph('\u{b7}'));
    }
}

//! PNG by rasterising the exported SVG with resvg, so the vector and bitmap exports
//! are the same picture. Text is set with the bundled fonts only: the font database
//! holds nothing else (no system fonts are ever loaded).

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};

use super::ExportError;
use crate::fonts;

/// The largest PNG side we render, in px (a 16384² RGBA picture is 1 GiB).
pub const MAX_SIDE_PX: u32 = 16_384;

/// The font database: the bundled fonts, and nothing else.
fn font_database() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    Arc::clone(DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        for bytes in fonts::ALL {
            db.load_font_source(fontdb::Source::Binary(Arc::new(bytes)));
        }
        db.set_sans_serif_family(fonts::FAMILY);
        Arc::new(db)
    }))
}

/// An RGBA picture (not premultiplied), row by row from the top.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub width: u32,
    pub height: u32,
    /// `width × height × 4` bytes: red, green, blue, alpha.
    pub rgba: Vec<u8>,
}

fn pixmap(svg: &str, scale: u32) -> Result<Pixmap, ExportError> {
    let options = usvg::Options {
        font_family: fonts::FAMILY.to_string(),
        fontdb: font_database(),
        ..usvg::Options::default()
    };
    let tree =
        usvg::Tree::from_str(svg, &options).map_err(|e| ExportError::Render(e.to_string()))?;
    let size = tree.size().to_int_size();
    let scale = scale.max(1);
    let (w, h) = (size.width() * scale, size.height() * scale);
    if w > MAX_SIDE_PX || h > MAX_SIDE_PX {
        return Err(ExportError::TooLarge {
            width: w,
            height: h,
            max: MAX_SIDE_PX,
        });
    }
    let mut pixmap = Pixmap::new(w, h)
        .ok_or_else(|| ExportError::Render(format!("cannot allocate a {w} × {h} px picture")))?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    let s = scale as f32;
    resvg::render(&tree, Transform::from_scale(s, s), &mut pixmap.as_mut());
    Ok(pixmap)
}

/// The SVG as PNG bytes, `scale` pixels per SVG px.
pub fn png(svg: &str, scale: u32) -> Result<Vec<u8>, ExportError> {
    pixmap(svg, scale)?
        .encode_png()
        .map_err(|e| ExportError::Render(e.to_string()))
}

/// The SVG as an RGBA picture (for the clipboard).
pub fn image(svg: &str, scale: u32) -> Result<Image, ExportError> {
    let p = pixmap(svg, scale)?;
    Ok(Image {
        width: p.width(),
        height: p.height(),
        rgba: p.take_demultiplied(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_bundled_fonts_are_loaded() {
        let db = font_database();
        assert_eq!(db.len(), 3);
        let families: Vec<String> = db
            .faces()
            .flat_map(|f| f.families.iter().map(|(name, _)| name.clone()))
            .collect();
        assert!(families.iter().any(|f| f == fonts::FAMILY));
        assert!(families.iter().any(|f| f == fonts::ARABIC_FAMILY));
    }

    #[test]
    fn arabic_falls_back_to_the_bundled_arabic_font() {
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"60\" height=\"24\">\
             <text x=\"2\" y=\"18\" font-family=\"{}\" font-size=\"16\">\u{646}\u{64a}\u{646}\u{648}\u{649}</text></svg>",
            fonts::SVG_FAMILY
        );
        let img = image(&svg, 1).unwrap();
        let dark = img.rgba.chunks(4).filter(|px| px[0] < 128).count();
        assert!(dark > 20, "the Arabic word is drawn ({dark} dark pixels)");
    }

    #[test]
    fn text_is_drawn_and_scaled() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\">\
                   <text x=\"2\" y=\"15\" font-family=\"Noto Sans\" font-size=\"14\">Iq</text></svg>";
        let one = image(svg, 1).unwrap();
        assert_eq!((one.width, one.height), (40, 20));
        assert!(one.rgba.chunks(4).any(|px| px[0] < 128), "some dark pixels");
        let two = image(svg, 2).unwrap();
        assert_eq!((two.width, two.height), (80, 40));
        assert!(matches!(
            image(svg, 1000),
            Err(ExportError::TooLarge { .. })
        ));
    }
}

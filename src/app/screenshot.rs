//! `--screenshot PATH`: draw, capture the window, write the PNG atomically, exit.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use egui::ColorImage;

/// Frames drawn before capturing, so layout has settled.
const SETTLE_FRAMES: u32 = 3;
/// Give up when no frame could be captured in this time.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// The state of a screenshot run.
pub struct Screenshot {
    path: PathBuf,
    started: Instant,
    frames: u32,
    requested: bool,
    image: Arc<Mutex<Option<Arc<ColorImage>>>>,
    /// Set when finished: `Ok` when the PNG was written.
    pub outcome: Arc<Mutex<Option<Result<(), String>>>>,
}

impl Screenshot {
    /// A run that writes `path`.
    #[must_use]
    pub fn new(path: PathBuf, outcome: Arc<Mutex<Option<Result<(), String>>>>) -> Screenshot {
        Screenshot {
            path,
            started: Instant::now(),
            frames: 0,
            requested: false,
            image: Arc::new(Mutex::new(None)),
            outcome,
        }
    }

    /// Called once per frame after drawing; frames count only once nothing is loading.
    pub fn frame(&mut self, ctx: &egui::Context, loading: bool) {
        if !loading {
            self.frames += 1;
        }
        ctx.request_repaint();
        let captured = self.image.lock().ok().and_then(|mut slot| slot.take());
        if let Some(image) = captured {
            let result = write_png(&self.path, &image);
            self.finish(ctx, result);
            return;
        }
        if self.started.elapsed() > TIMEOUT {
            self.finish(
                ctx,
                Err(format!(
                    "no frame could be captured within {} s",
                    TIMEOUT.as_secs()
                )),
            );
            return;
        }
        if !self.requested && self.frames >= SETTLE_FRAMES {
            self.requested = true;
            let slot = Arc::clone(&self.image);
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                if let Ok(mut s) = slot.lock() {
                    *s = Some(image);
                }
                repaint.request_repaint();
            });
        }
    }

    fn finish(&mut self, ctx: &egui::Context, result: Result<(), String>) {
        if let Ok(mut o) = self.outcome.lock() {
            *o = Some(result);
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

/// Writes the image as PNG, atomically (the export module's writer): a failure never
/// leaves a half-written file.
pub fn write_png(path: &Path, image: &ColorImage) -> Result<(), String> {
    let fail = |e: &dyn std::fmt::Display| format!("cannot write {}: {e}", path.display());
    let [w, h] = image.size;
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, w as u32, h as u32);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| fail(&e))?;
    let rgba: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(egui::Color32::to_srgba_unmultiplied)
        .collect();
    writer.write_image_data(&rgba).map_err(|e| fail(&e))?;
    writer.finish().map_err(|e| fail(&e))?;
    crate::export::atomic::write(path, &bytes).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_png_is_written_whole_or_not_at_all() {
        let dir = std::env::temp_dir().join(format!("dd-shot-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.png");
        let image = ColorImage::filled([4, 3], egui::Color32::RED);
        write_png(&path, &image).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(&bytes[1..4], b"PNG");
        let missing = dir.join("no-such-folder").join("b.png");
        let err = write_png(&missing, &image).unwrap_err();
        assert!(err.contains("cannot write"), "{err}");
        assert!(!missing.exists());
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "no temporary file left"
        );
    }
}

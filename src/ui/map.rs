//! The map panel's widget: governorates filled by a [`MapSpec`], on true shapes or
//! the tile grid, with pan and zoom, hover details, a date control that can play
//! through the dates, and a legend.
//!
//! [`map_ui`] draws only the spec and the geometry it is given and reports what the
//! user did ([`MapResponse`]: a governorate clicked, the one hovered, a date or a
//! measure chosen); the caller applies it (toggling the governorate filter, asking
//! `query::map` for the new date). The triangulated meshes are built once per
//! geometry and kept in [`MapState`]; each frame only moves and colours copies of them.

use chrono::NaiveDate;
use egui::emath::TSTransform;
use egui::{Color32, Mesh, Pos2, Rect, Sense, Shape, Stroke, Vec2};

use crate::domain::Pcode;
use crate::map::spec::{MapMeasure, MapSpec, change_text, value_text};
use crate::map::{Geometry, MapPoint, Transform};
use crate::model::long_date;

/// Seconds between two dates while playing.
const PLAY_STEP_SECS: f64 = 1.2;
/// The most the map zooms in.
const MAX_ZOOM: f64 = 24.0;

/// What the widget keeps between frames: the user's choices (shapes or tiles) and
/// the view, the play state, and the meshes built from the geometry.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct MapState {
    /// Show the tile map instead of the shapes.
    pub tiles: bool,
    #[serde(skip)]
    zoom: f64,
    #[serde(skip)]
    pan: [f64; 2],
    #[serde(skip)]
    pub playing: bool,
    #[serde(skip)]
    last_step: Option<f64>,
    #[serde(skip)]
    shapes: Option<Meshes>,
    #[serde(skip)]
    tile_geometry: Option<(Geometry, Meshes)>,
    /// Last frame's map units → screen, for hit-testing and tests.
    #[serde(skip)]
    transform: Option<Transform>,
    /// Last frame's tessellated fills and outlines.
    #[serde(skip)]
    painted: Option<Painted>,
}

/// What the user did this frame.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MapResponse {
    /// A governorate clicked (toggle it in the filter).
    pub clicked: Option<Pcode>,
    /// The governorate under the pointer.
    pub hovered: Option<Pcode>,
    /// A date chosen (by the slider or by playing).
    pub date: Option<NaiveDate>,
    /// A measure chosen.
    pub measure: Option<MapMeasure>,
}

/// Meshes and outlines of one geometry, in map units with y flipped (so one
/// [`TSTransform`] places them), built once.
#[derive(Debug)]
struct Meshes {
    key: (usize, usize, u64),
    regions: Vec<RegionMesh>,
}

#[derive(Debug)]
struct RegionMesh {
    pcode: Pcode,
    mesh: Mesh,
    rings: Vec<Vec<Pos2>>,
    label_at: Pos2,
    width: f32,
}

fn key_of(geometry: &Geometry) -> (usize, usize, u64) {
    let vertices = geometry.regions.iter().map(|r| r.vertices.len()).sum();
    let (min, max) = geometry.bounds;
    let bits = min[0].to_bits()
        ^ min[1].to_bits().rotate_left(16)
        ^ max[0].to_bits().rotate_left(32)
        ^ max[1].to_bits().rotate_left(48);
    (geometry.regions.len(), vertices, bits)
}

fn flipped([x, y]: MapPoint) -> Pos2 {
    Pos2::new(x as f32, -y as f32)
}

impl Meshes {
    fn build(geometry: &Geometry) -> Meshes {
        let regions = geometry
            .regions
            .iter()
            .map(|r| {
                let mut mesh = Mesh::default();
                for v in &r.vertices {
                    mesh.colored_vertex(flipped(*v), Color32::WHITE);
                }
                for [a, b, c] in &r.triangles {
                    mesh.add_triangle(*a, *b, *c);
                }
                RegionMesh {
                    pcode: r.pcode,
                    mesh,
                    rings: r
                        .polygons
                        .iter()
                        .flatten()
                        .map(|ring| ring.iter().copied().map(flipped).collect())
                        .collect(),
                    label_at: flipped(r.label_at),
                    width: (r.bounds.1[0] - r.bounds.0[0]) as f32,
                }
            })
            .collect();
        Meshes {
            key: key_of(geometry),
            regions,
        }
    }
}

impl MapState {
    /// Where a point in map units was drawn last frame (for tests and overlays).
    #[must_use]
    pub fn screen_pos(&self, point: MapPoint) -> Option<Pos2> {
        let [x, y] = self.transform?.to_screen(point);
        Some(Pos2::new(x as f32, y as f32))
    }

    /// The tile grid's geometry (built on first use).
    pub fn tile_geometry(&mut self) -> &Geometry {
        &self
            .tile_geometry
            .get_or_insert_with(|| {
                let g = Geometry::tiles();
                let m = Meshes::build(&g);
                (g, m)
            })
            .0
    }

    fn zoom(&self) -> f64 {
        if self.zoom > 0.0 { self.zoom } else { 1.0 }
    }
}

/// The date after `current` among `dates`, back to the first after the last.
#[must_use]
pub fn next_date(dates: &[NaiveDate], current: Option<NaiveDate>) -> Option<NaiveDate> {
    let i = current.and_then(|c| dates.iter().position(|d| *d == c));
    match i {
        Some(i) if i + 1 < dates.len() => dates.get(i + 1).copied(),
        _ => dates.first().copied(),
    }
}

fn colour([r, g, b]: [u8; 3]) -> Color32 {
    Color32::from_rgb(r, g, b)
}

fn ink_on([r, g, b]: [u8; 3]) -> Color32 {
    let luminance = 0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b);
    if luminance < 115.0 {
        Color32::WHITE
    } else {
        Color32::from_gray(20)
    }
}

/// Draws the map panel and reports what the user did.
pub fn map_ui(
    ui: &mut egui::Ui,
    spec: &MapSpec,
    geometry: &Geometry,
    state: &mut MapState,
) -> MapResponse {
    let mut out = MapResponse::default();
    controls_ui(ui, spec, state, &mut out);
    if state
        .shapes
        .as_ref()
        .is_none_or(|m| m.key != key_of(geometry))
    {
        state.shapes = Some(Meshes::build(geometry));
    }
    let legend_h = ui.text_style_height(&egui::TextStyle::Body) * 4.5 + 8.0;
    let size = Vec2::new(
        ui.available_width(),
        (ui.available_height() - legend_h).max(160.0),
    );
    let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
    let drawn = if state.tiles {
        state.tile_geometry();
        state.tile_geometry.as_ref().map(|(g, _)| g)
    } else {
        Some(geometry)
    };
    let Some(drawn) = drawn else {
        return out;
    };
    let bounds = drawn.bounds;
    view_input(ui, &response, rect, state);
    let fit = Transform::fit(
        bounds,
        [
            f64::from(rect.left()),
            f64::from(rect.top()),
            f64::from(rect.width()),
            f64::from(rect.height()),
        ],
        8.0,
    );
    let centre = [f64::from(rect.center().x), f64::from(rect.center().y)];
    let transform = fit.zoomed(state.zoom(), centre, state.pan);
    state.transform = Some(transform);
    let pointer = response
        .hover_pos()
        .map(|p| transform.to_map([f64::from(p.x), f64::from(p.y)]));
    let hit_geometry = if state.tiles {
        state.tile_geometry.as_ref().map(|(g, _)| g)
    } else {
        Some(geometry)
    };
    out.hovered = pointer.and_then(|p| hit_geometry.and_then(|g| g.hit(p)));
    if response.clicked()
        && let Some(p) = response.interact_pointer_pos()
    {
        let at = transform.to_map([f64::from(p.x), f64::from(p.y)]);
        out.clicked = hit_geometry.and_then(|g| g.hit(at));
    }
    let mut painted = state.painted.take();
    let meshes = if state.tiles {
        state.tile_geometry.as_ref().map(|(_, m)| m)
    } else {
        state.shapes.as_ref()
    };
    if let Some(meshes) = meshes {
        paint(
            ui,
            rect,
            spec,
            meshes,
            &transform,
            state.tiles,
            out.hovered,
            &mut painted,
        );
    }
    state.painted = painted;
    if let Some(empty) = &spec.empty {
        ui.painter_at(rect).text(
            rect.center_top() + Vec2::new(0.0, 20.0),
            egui::Align2::CENTER_TOP,
            empty,
            egui::FontId::proportional(14.0),
            ui.visuals().weak_text_color(),
        );
    }
    if let Some(p) = out.hovered {
        hover_ui(&response, spec, p);
    }
    legend_ui(ui, spec);
    out
}

fn controls_ui(ui: &mut egui::Ui, spec: &MapSpec, state: &mut MapState, out: &mut MapResponse) {
    ui.horizontal_wrapped(|ui| {
        let mut measure = spec.measure;
        egui::ComboBox::from_label("Measure")
            .selected_text(measure.label())
            .show_ui(ui, |ui| {
                // The compared dates' change only while the compare panel has two.
                for m in MapMeasure::ALL
                    .into_iter()
                    .filter(|m| *m != MapMeasure::Compared || spec.compared.is_some())
                {
                    ui.selectable_value(&mut measure, m, m.label());
                }
            });
        if measure != spec.measure {
            out.measure = Some(measure);
        }
        ui.separator();
        ui.selectable_value(&mut state.tiles, false, "Shapes");
        ui.selectable_value(&mut state.tiles, true, "Tiles");
        let moved = (state.zoom() - 1.0).abs() > 1e-9 || state.pan.iter().any(|p| p.abs() > 0.5);
        if moved && ui.button("Reset view").clicked() {
            state.zoom = 1.0;
            state.pan = [0.0, 0.0];
        }
        ui.separator();
        date_ui(ui, spec, state, out);
    });
}

fn date_ui(ui: &mut egui::Ui, spec: &MapSpec, state: &mut MapState, out: &mut MapResponse) {
    let dates = &spec.dates;
    let Some(last) = dates.len().checked_sub(1) else {
        ui.weak("No dates in range");
        state.playing = false;
        return;
    };
    let mut index = spec
        .date
        .and_then(|d| dates.iter().position(|x| *x == d))
        .unwrap_or(last);
    let before = index;
    ui.add_enabled(
        last > 0,
        egui::Slider::new(&mut index, 0..=last)
            .text("Date")
            .show_value(false),
    );
    if let Some(d) = dates.get(index) {
        ui.label(long_date(*d));
    }
    if index != before {
        out.date = dates.get(index).copied();
        state.playing = false;
    }
    let label = if state.playing { "Pause" } else { "Play" };
    if ui.add_enabled(last > 0, egui::Button::new(label)).clicked() {
        state.playing = !state.playing;
        state.last_step = None;
    }
    if state.playing {
        let now = ui.input(|i| i.time);
        let due = state.last_step.is_none_or(|t| now - t >= PLAY_STEP_SECS);
        if due {
            if state.last_step.is_some() {
                out.date = next_date(dates, spec.date);
            }
            state.last_step = Some(now);
        }
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs_f64(PLAY_STEP_SECS));
    }
}

/// Pan by dragging, zoom by scrolling or pinching about the pointer, reset by
/// double-clicking.
fn view_input(ui: &egui::Ui, response: &egui::Response, rect: Rect, state: &mut MapState) {
    if response.double_clicked() {
        state.zoom = 1.0;
        state.pan = [0.0, 0.0];
        return;
    }
    if response.dragged() {
        let d = response.drag_delta();
        state.pan = [state.pan[0] + f64::from(d.x), state.pan[1] + f64::from(d.y)];
    }
    if let Some(p) = response.hover_pos() {
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = f64::from(pinch) * (f64::from(scroll) / 300.0).exp();
        if (factor - 1.0).abs() > 1e-6 {
            let zoom = (state.zoom() * factor).clamp(1.0, MAX_ZOOM);
            let f = zoom / state.zoom();
            let c = [f64::from(rect.center().x), f64::from(rect.center().y)];
            let p = [f64::from(p.x), f64::from(p.y)];
            state.pan = [
                (state.pan[0] + c[0] - p[0]) * f + p[0] - c[0],
                (state.pan[1] + c[1] - p[1]) * f + p[1] - c[1],
            ];
            state.zoom = zoom;
        }
    }
}

/// What the painted meshes of a frame depend on: when it is unchanged (a still
/// view, the usual frame) last frame's tessellated fills and outlines are reused.
#[derive(Debug, Clone, PartialEq)]
struct PaintKey {
    meshes: (usize, usize, u64),
    tiles: bool,
    scale: u64,
    origin: [u64; 2],
    pixels_per_point: u32,
    fills: Vec<[u8; 3]>,
    outlined: Vec<(Pcode, bool)>,
    colours: [Color32; 2],
}

/// The fills and outlines of one frame, tessellated once.
#[derive(Debug)]
struct Painted {
    key: PaintKey,
    fills: std::sync::Arc<Mesh>,
    outlines: std::sync::Arc<Mesh>,
}

#[allow(clippy::too_many_arguments)]
fn paint(
    ui: &egui::Ui,
    rect: Rect,
    spec: &MapSpec,
    meshes: &Meshes,
    transform: &Transform,
    tiles: bool,
    hovered: Option<Pcode>,
    cache: &mut Option<Painted>,
) {
    let painter = ui.painter_at(rect);
    let place = TSTransform::new(
        Vec2::new(transform.origin[0] as f32, transform.origin[1] as f32),
        transform.scale as f32,
    );
    let border = ui.visuals().panel_fill;
    let strong = ui.visuals().strong_text_color();
    let pixels_per_point = ui.ctx().pixels_per_point();
    let key = PaintKey {
        meshes: meshes.key,
        tiles,
        scale: transform.scale.to_bits(),
        origin: transform.origin.map(f64::to_bits),
        pixels_per_point: pixels_per_point.to_bits(),
        fills: meshes.regions.iter().map(|r| spec.fill(r.pcode)).collect(),
        outlined: meshes
            .regions
            .iter()
            .filter_map(|r| {
                let selected = spec.value(r.pcode).is_some_and(|v| v.selected);
                (selected || hovered == Some(r.pcode)).then_some((r.pcode, selected))
            })
            .collect(),
        colours: [border, strong],
    };
    if cache.as_ref().is_none_or(|p| p.key != key) {
        let options = ui.ctx().tessellation_options(|o| *o);
        let mut tessellator =
            egui::epaint::Tessellator::new(pixels_per_point, options, [1, 1], Vec::new());
        let mut fills = Mesh::default();
        let mut outlines = Mesh::default();
        let mut on_top = Mesh::default();
        for (r, fill) in meshes.regions.iter().zip(&key.fills) {
            let mut mesh = r.mesh.clone();
            for v in &mut mesh.vertices {
                v.color = colour(*fill);
            }
            mesh.transform(place);
            fills.append(mesh);
            let outline = key.outlined.iter().find(|(p, _)| *p == r.pcode);
            for ring in &r.rings {
                let points: Vec<Pos2> = ring.iter().map(|p| place * *p).collect();
                if let Some((_, selected)) = outline {
                    let width = if *selected { 2.5 } else { 1.5 };
                    let line = Shape::closed_line(points.clone(), Stroke::new(width, strong));
                    tessellator.tessellate_shape(line, &mut on_top);
                }
                let line = Shape::closed_line(points, Stroke::new(0.8, border));
                tessellator.tessellate_shape(line, &mut outlines);
            }
        }
        outlines.append(on_top);
        *cache = Some(Painted {
            key,
            fills: std::sync::Arc::new(fills),
            outlines: std::sync::Arc::new(outlines),
        });
    }
    if let Some(p) = cache.as_ref() {
        painter.add(Shape::mesh(p.fills.clone()));
        painter.add(Shape::mesh(p.outlines.clone()));
    }
    for r in &meshes.regions {
        label(
            &painter,
            spec,
            r,
            place,
            tiles,
            transform.scale as f32,
            spec.fill(r.pcode),
        );
    }
}

fn label(
    painter: &egui::Painter,
    spec: &MapSpec,
    r: &RegionMesh,
    place: TSTransform,
    tiles: bool,
    scale: f32,
    fill: [u8; 3],
) {
    let Some(v) = spec.value(r.pcode) else {
        return;
    };
    let at = place * r.label_at;
    let ink = ink_on(fill);
    if tiles {
        let size = (scale * 0.15).clamp(7.0, 14.0);
        painter.text(
            at - Vec2::new(0.0, size * 0.6),
            egui::Align2::CENTER_CENTER,
            &v.short,
            egui::FontId::proportional(size),
            ink,
        );
        painter.text(
            at + Vec2::new(0.0, size * 0.7),
            egui::Align2::CENTER_CENTER,
            value_text(spec.measure, v.value),
            egui::FontId::proportional(size * 0.95),
            ink,
        );
    } else if r.width * scale > v.short.len() as f32 * 7.0 {
        painter.text(
            at,
            egui::Align2::CENTER_CENTER,
            &v.short,
            egui::FontId::proportional(11.0),
            ink,
        );
    }
}

/// The hover card: English and Arabic names as separate labels, the value, its
/// date, the change since the first date and the source.
fn hover_ui(response: &egui::Response, spec: &MapSpec, pcode: Pcode) {
    let Some(v) = spec.value(pcode) else {
        return;
    };
    egui::Popup::from_response(response)
        .kind(egui::PopupKind::Tooltip)
        .at_pointer()
        .gap(12.0)
        .show(|ui| {
            ui.horizontal(|ui| {
                ui.strong(&v.name_en);
                ui.label(&v.name_ar);
            });
            ui.label(value_text(spec.measure, v.value));
            if let Some(d) = v.date {
                ui.label(format!("as of {}", long_date(d)));
            }
            if !spec.measure.is_change()
                && let Some(change) = change_text(v)
            {
                ui.label(change);
            }
            if let Some(source) = &v.source {
                ui.weak(source);
            }
        });
}

fn legend_ui(ui: &mut egui::Ui, spec: &MapSpec) {
    ui.horizontal_wrapped(|ui| {
        ui.strong(&spec.unit);
        let entries = spec.classes.iter().chain(std::iter::once(&spec.no_data));
        for c in entries {
            let (swatch, _) = ui.allocate_exact_size(Vec2::new(14.0, 12.0), Sense::hover());
            ui.painter().rect_filled(swatch, 2.0, colour(c.colour));
            ui.label(&c.label);
        }
    });
    ui.small(&spec.source_line);
    ui.small(&spec.boundary_credit);
    for note in &spec.notes {
        ui.small(note);
    }
}

#[cfg(test)]
mod tests;

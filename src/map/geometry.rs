//! Projected, triangulated governorate shapes: built once per boundary set, drawn
//! every frame by transforming their vertices only.
//!
//! Map units are an equirectangular projection scaled for Iraq's latitude:
//! `x = lon · cos 33°`, `y = lat` (north up). [`Transform`] fits them to a rectangle
//! of the screen or page (y down), with zoom and pan. Each governorate's polygons are
//! triangulated with `earcutr` (holes included), since egui fills only convex
//! shapes; hit-testing uses the rings themselves (even–odd, so holes are outside).

use crate::data::boundaries::Boundaries;
use crate::domain::Pcode;

use super::tiles::TILES;

/// cos 33°: the scale of a degree of longitude against one of latitude in Iraq.
pub const COS_LAT: f64 = 0.838_670_567_945_424;

/// A point in map units `[x, y]`.
pub type MapPoint = [f64; 2];

/// Projects `[lon, lat]` to map units.
#[must_use]
pub fn project([lon, lat]: [f64; 2]) -> MapPoint {
    [lon * COS_LAT, lat]
}

/// One governorate, projected: rings for outlines and hit-testing, and triangles.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    pub pcode: Pcode,
    /// Each polygon's rings, the outer ring first, then its holes (open rings).
    pub polygons: Vec<Vec<Vec<MapPoint>>>,
    /// The vertices the triangles index.
    pub vertices: Vec<MapPoint>,
    /// Triangles, three indices into `vertices` each.
    pub triangles: Vec<[u32; 3]>,
    /// Where its label goes (inside the shape).
    pub label_at: MapPoint,
    /// Bounding box: min and max corners.
    pub bounds: (MapPoint, MapPoint),
}

/// Every governorate of one boundary set (or of the tile grid), ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub regions: Vec<Region>,
    /// Bounding box of all regions: min and max corners.
    pub bounds: (MapPoint, MapPoint),
    /// True for the tile map.
    pub tiles: bool,
    /// Polygons that could not be triangulated (drawn as outlines only).
    pub warnings: Vec<String>,
}

impl Geometry {
    /// Projects and triangulates a boundary set.
    #[must_use]
    pub fn new(boundaries: &Boundaries) -> Geometry {
        let mut warnings = Vec::new();
        let regions = boundaries
            .shapes
            .iter()
            .map(|shape| {
                let polygons: Vec<Vec<Vec<MapPoint>>> = shape
                    .polygons
                    .iter()
                    .map(|p| {
                        std::iter::once(&p.exterior)
                            .chain(&p.holes)
                            .map(|ring| ring.iter().copied().map(project).collect())
                            .collect()
                    })
                    .collect();
                Region::new(shape.pcode, polygons, &mut warnings)
            })
            .collect();
        Geometry::of(regions, false, warnings)
    }

    /// The tile map: one unit square per governorate at its cell, a small gap between.
    #[must_use]
    pub fn tiles() -> Geometry {
        const GAP: f64 = 0.06;
        let mut warnings = Vec::new();
        let regions = TILES
            .iter()
            .filter_map(|t| {
                let pcode = Pcode::new(t.pcode)?;
                let (x0, y1) = (f64::from(t.column), -f64::from(t.row));
                let (x1, y0) = (x0 + 1.0 - GAP, y1 - 1.0 + GAP);
                let ring = vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
                Some(Region::new(pcode, vec![vec![ring]], &mut warnings))
            })
            .collect();
        Geometry::of(regions, true, warnings)
    }

    pub(crate) fn of(regions: Vec<Region>, tiles: bool, warnings: Vec<String>) -> Geometry {
        let bounds = union(regions.iter().map(|r| r.bounds));
        Geometry {
            regions,
            bounds,
            tiles,
            warnings,
        }
    }

    /// The governorate under a point in map units (holes are not part of it).
    #[must_use]
    pub fn hit(&self, point: MapPoint) -> Option<Pcode> {
        self.regions
            .iter()
            .find(|r| r.contains(point))
            .map(|r| r.pcode)
    }

    /// The region of a governorate.
    #[must_use]
    pub fn region(&self, pcode: Pcode) -> Option<&Region> {
        self.regions.iter().find(|r| r.pcode == pcode)
    }
}

impl Region {
    fn new(pcode: Pcode, polygons: Vec<Vec<Vec<MapPoint>>>, warnings: &mut Vec<String>) -> Region {
        let mut vertices: Vec<MapPoint> = Vec::new();
        let mut triangles = Vec::new();
        for rings in &polygons {
            match triangulate(rings) {
                Some(indices) => {
                    let base = vertices.len() as u32;
                    vertices.extend(rings.iter().flatten().copied());
                    triangles.extend(
                        indices
                            .chunks_exact(3)
                            .map(|t| [base + t[0] as u32, base + t[1] as u32, base + t[2] as u32]),
                    );
                }
                None => warnings.push(format!(
                    "{pcode}: a polygon could not be filled (its rings cross?); it is drawn as an outline"
                )),
            }
        }
        let bounds = union(
            polygons
                .iter()
                .filter_map(|rings| rings.first())
                .flatten()
                .map(|p| (*p, *p)),
        );
        let mut region = Region {
            pcode,
            polygons,
            vertices,
            triangles,
            label_at: [0.0, 0.0],
            bounds,
        };
        region.label_at = region.label_point();
        region
    }

    /// True when the point lies inside one of its polygons and outside that one's holes.
    #[must_use]
    pub fn contains(&self, point: MapPoint) -> bool {
        let (min, max) = self.bounds;
        if point[0] < min[0] || point[0] > max[0] || point[1] < min[1] || point[1] > max[1] {
            return false;
        }
        self.polygons
            .iter()
            .any(|rings| rings.iter().filter(|ring| in_ring(ring, point)).count() % 2 == 1)
    }

    /// The area-weighted centre of its triangles, or of its largest triangle when
    /// that centre falls outside the shape (a crescent).
    fn label_point(&self) -> MapPoint {
        let mut sum = [0.0, 0.0];
        let mut total = 0.0;
        let mut largest = (0.0, self.bounds.0);
        for t in &self.triangles {
            let [a, b, c] = t.map(|i| self.vertices[i as usize]);
            let area = ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0;
            let centre = [(a[0] + b[0] + c[0]) / 3.0, (a[1] + b[1] + c[1]) / 3.0];
            sum = [sum[0] + centre[0] * area, sum[1] + centre[1] * area];
            total += area;
            if area > largest.0 {
                largest = (area, centre);
            }
        }
        if total <= 0.0 {
            let (min, max) = self.bounds;
            return [f64::midpoint(min[0], max[0]), f64::midpoint(min[1], max[1])];
        }
        let centre = [sum[0] / total, sum[1] / total];
        if self.contains(centre) {
            centre
        } else {
            largest.1
        }
    }
}

/// Triangulates one polygon (outer ring, then holes); `None` when earcut fails.
fn triangulate(rings: &[Vec<MapPoint>]) -> Option<Vec<usize>> {
    let mut flat: Vec<f64> = Vec::new();
    let mut holes = Vec::new();
    for (i, ring) in rings.iter().enumerate() {
        if i > 0 {
            holes.push(flat.len() / 2);
        }
        flat.extend(ring.iter().flatten());
    }
    // earcut is robust, but a panic on a strange ring must not take the app down.
    std::panic::catch_unwind(|| earcutr::earcut(&flat, &holes, 2).ok())
        .ok()
        .flatten()
}

/// Even–odd ray test of one ring.
fn in_ring(ring: &[MapPoint], [x, y]: MapPoint) -> bool {
    let mut inside = false;
    let mut j = ring.len().wrapping_sub(1);
    for (i, &[xi, yi]) in ring.iter().enumerate() {
        let [xj, yj] = ring[j];
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}

fn union(boxes: impl Iterator<Item = (MapPoint, MapPoint)>) -> (MapPoint, MapPoint) {
    let mut min = [f64::INFINITY; 2];
    let mut max = [f64::NEG_INFINITY; 2];
    for (lo, hi) in boxes {
        min = [min[0].min(lo[0]), min[1].min(lo[1])];
        max = [max[0].max(hi[0]), max[1].max(hi[1])];
    }
    if min[0] > max[0] {
        ([0.0, 0.0], [1.0, 1.0])
    } else {
        (min, max)
    }
}

/// Map units to a rectangle of the screen or page (y down), with zoom and pan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Transform {
    /// Pixels per map unit.
    pub scale: f64,
    /// Where map `(0, 0)` lands.
    pub origin: [f64; 2],
}

impl Transform {
    /// Fits `bounds` into the rectangle at `(left, top)` of `width` × `height`,
    /// centred, keeping the aspect ratio, with `margin` pixels on every side.
    #[must_use]
    pub fn fit(bounds: (MapPoint, MapPoint), rect: [f64; 4], margin: f64) -> Transform {
        let [left, top, width, height] = rect;
        let (min, max) = bounds;
        let w = (max[0] - min[0]).max(1e-9);
        let h = (max[1] - min[1]).max(1e-9);
        let scale = ((width - 2.0 * margin) / w)
            .min((height - 2.0 * margin) / h)
            .max(1e-9);
        let centre = [f64::midpoint(min[0], max[0]), f64::midpoint(min[1], max[1])];
        Transform {
            scale,
            origin: [
                left + width / 2.0 - centre[0] * scale,
                top + height / 2.0 + centre[1] * scale,
            ],
        }
    }

    /// Zooms by `factor` about the screen point `about`, then pans by `pan` pixels.
    #[must_use]
    pub fn zoomed(self, factor: f64, about: [f64; 2], pan: [f64; 2]) -> Transform {
        let origin = [
            about[0] + (self.origin[0] - about[0]) * factor + pan[0],
            about[1] + (self.origin[1] - about[1]) * factor + pan[1],
        ];
        Transform {
            scale: self.scale * factor,
            origin,
        }
    }

    /// A map point on the screen.
    #[must_use]
    pub fn to_screen(&self, [x, y]: MapPoint) -> [f64; 2] {
        [
            self.origin[0] + x * self.scale,
            self.origin[1] - y * self.scale,
        ]
    }

    /// A screen point in map units.
    #[must_use]
    pub fn to_map(&self, [sx, sy]: [f64; 2]) -> MapPoint {
        [
            (sx - self.origin[0]) / self.scale,
            (self.origin[1] - sy) / self.scale,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Dataset;
    use crate::data::boundaries::{Polygon, Shape};

    fn p(n: u8) -> Pcode {
        Pcode::new(n).unwrap()
    }

    fn square(x: f64, y: f64, side: f64) -> Vec<[f64; 2]> {
        vec![[x, y], [x + side, y], [x + side, y + side], [x, y + side]]
    }

    /// Ninewa: a 4° square with a 1° hole; Dahuk: a square inside Ninewa's hole.
    fn holed() -> Geometry {
        let b = Boundaries {
            name: "t".into(),
            bundled: false,
            shapes: vec![
                Shape {
                    pcode: p(15),
                    polygons: vec![Polygon {
                        exterior: square(40.0, 34.0, 4.0),
                        holes: vec![square(41.0, 35.0, 1.0)],
                    }],
                    features: vec![],
                },
                Shape {
                    pcode: p(9),
                    polygons: vec![Polygon {
                        exterior: square(41.25, 35.25, 0.5),
                        holes: vec![],
                    }],
                    features: vec![],
                },
            ],
            features: 2,
            matched: 2,
            unmatched: vec![],
            warnings: vec![],
        };
        Geometry::new(&b)
    }

    #[test]
    fn hit_testing_respects_holes() {
        let g = holed();
        let at = |lon: f64, lat: f64| g.hit(project([lon, lat]));
        assert_eq!(at(43.5, 37.5), Some(p(15)));
        assert_eq!(at(41.5, 35.5), Some(p(9)), "inside the hole: Dahuk");
        assert_eq!(at(41.1, 35.1), None, "in the hole, outside Dahuk");
        assert_eq!(at(45.0, 36.0), None);
    }

    #[test]
    fn triangles_cover_the_polygon_minus_its_hole() {
        let g = holed();
        let ninewa = g.region(p(15)).unwrap();
        let area: f64 = ninewa
            .triangles
            .iter()
            .map(|t| {
                let [a, b, c] = t.map(|i| ninewa.vertices[i as usize]);
                ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
            })
            .sum();
        assert!((area - 15.0 * COS_LAT).abs() < 1e-9, "{area}");
        assert!(ninewa.contains(ninewa.label_at));
    }

    #[test]
    fn every_bundled_governorate_is_filled_and_hit_at_its_label() {
        let ds = Dataset::empty().unwrap();
        let g = Geometry::new(&ds.map_boundaries().unwrap());
        assert_eq!(g.regions.len(), 18);
        assert!(g.warnings.is_empty(), "{:?}", g.warnings);
        for r in &g.regions {
            assert!(!r.triangles.is_empty(), "{}", r.pcode);
            assert_eq!(g.hit(r.label_at), Some(r.pcode), "{}", r.pcode);
        }
        // Mosul (43.13 E, 36.34 N) is in Ninewa; Basrah city in Basrah.
        assert_eq!(g.hit(project([43.13, 36.34])), Some(p(15)));
        assert_eq!(g.hit(project([47.78, 30.51])), Some(p(2)));
    }

    #[test]
    fn tiles_are_18_squares_hit_at_their_cells() {
        let g = Geometry::tiles();
        assert!(g.tiles);
        assert_eq!(g.regions.len(), 18);
        assert_eq!(g.hit([2.5, -0.5]), Some(p(9)), "Dahuk at column 2, row 0");
        assert_eq!(g.hit([0.5, -0.5]), None);
    }

    #[test]
    fn a_fitted_transform_round_trips_and_zooms_about_a_point() {
        let t = Transform::fit(([0.0, 0.0], [2.0, 1.0]), [10.0, 20.0, 200.0, 200.0], 0.0);
        assert_eq!(t.scale, 100.0);
        assert_eq!(t.to_screen([0.0, 1.0]), [10.0, 70.0]);
        assert_eq!(t.to_map(t.to_screen([1.5, 0.25])), [1.5, 0.25]);
        let z = t.zoomed(2.0, [110.0, 120.0], [5.0, 0.0]);
        assert_eq!(z.to_screen(t.to_map([110.0, 120.0])), [115.0, 120.0]);
    }
}

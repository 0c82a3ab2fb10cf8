//! Where the labels of event markers and bands go along a time axis, in px.
//!
//! Markers closer than a few px are merged into one marker that says how many events
//! it stands for, and labels are put in rows above the plot so that no two overlap
//! and none stands on the data. The geometry is pure and shared by the window
//! (`ui::plot`) and the exports (`export::plot`), so both label the same events the
//! same way. A label that fits in no row is left out; its marker stays, and the
//! tooltip (window) or the event key (exports) still names it.

use crate::model::Marker;

/// Markers closer than this many px are merged into one.
pub const MERGE_PX: f64 = 12.0;
/// Space between a marker and its label, px.
pub const LABEL_PAD: f64 = 3.0;
/// Least space between two labels of a row, px.
pub const LABEL_GAP: f64 = 6.0;

/// One drawn marker: one event, or several close ones merged.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster<'a> {
    /// Where it is drawn, in px: the mean of its events' positions.
    pub px: f64,
    /// Its events, in date order.
    pub events: Vec<&'a Marker>,
}

impl Cluster<'_> {
    /// What is written beside it: the event's short label, or "3 events".
    #[must_use]
    pub fn text(&self) -> String {
        match self.events.as_slice() {
            [one] => one.short_label.clone(),
            many => format!("{} events", many.len()),
        }
    }

    /// Every event's full label, one a line (for the tooltip).
    #[must_use]
    pub fn details(&self) -> String {
        self.events
            .iter()
            .map(|m| m.label.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The markers as drawn at `to_px(x)`: those closer than `merge_px` to the previous
/// one are merged (so a run of close events becomes one marker with a count).
/// Markers at a position that is not a finite number are left out.
#[must_use]
pub fn clusters<'a>(
    markers: impl IntoIterator<Item = &'a Marker>,
    to_px: impl Fn(f64) -> f64,
    merge_px: f64,
) -> Vec<Cluster<'a>> {
    let mut placed: Vec<(f64, &Marker)> = markers
        .into_iter()
        .map(|m| (to_px(m.x), m))
        .filter(|(px, _)| px.is_finite())
        .collect();
    placed.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<(Vec<f64>, Cluster<'a>)> = Vec::new();
    for (px, m) in placed {
        match out.last_mut() {
            Some((pxs, c)) if pxs.last().is_some_and(|last| px - last < merge_px) => {
                pxs.push(px);
                c.events.push(m);
            }
            _ => out.push((
                vec![px],
                Cluster {
                    px,
                    events: vec![m],
                },
            )),
        }
    }
    out.into_iter()
        .map(|(pxs, mut c)| {
            c.px = pxs.iter().sum::<f64>() / pxs.len() as f64;
            c
        })
        .collect()
}

/// A label to place: its width and the left edges it may start at, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct Wanted {
    pub width: f64,
    pub lefts: Vec<f64>,
}

impl Wanted {
    /// A marker's label: just right of the marker, else just left of it.
    #[must_use]
    pub fn beside(px: f64, width: f64) -> Wanted {
        Wanted {
            width,
            lefts: vec![px + LABEL_PAD, px - LABEL_PAD - width],
        }
    }

    /// A span's label: centred over the span, else as near the centre as the bounds
    /// allow.
    #[must_use]
    pub fn over(from_px: f64, to_px: f64, width: f64, (lo, hi): (f64, f64)) -> Wanted {
        let centred = f64::midpoint(from_px, to_px) - width / 2.0;
        let clamped = centred.min(hi - width).max(lo);
        Wanted {
            width,
            lefts: vec![centred, clamped],
        }
    }
}

/// Where a label went: its left edge and its row (0 is the row next to the plot).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub left: f64,
    pub width: f64,
    pub row: usize,
}

/// Places labels as [`place`] does, left to right (each label right of its marker
/// where it fits), or right to left when that leaves fewer labels out. `fixed`
/// labels (bands) go first either way.
fn place_best(
    fixed: &[Wanted],
    wanted: &[Wanted],
    bounds: (f64, f64),
    rows: usize,
) -> Vec<Option<Placed>> {
    let forward: Vec<Wanted> = fixed.iter().chain(wanted).cloned().collect();
    let backward: Vec<Wanted> = fixed.iter().chain(wanted.iter().rev()).cloned().collect();
    let a = place(&forward, bounds, rows);
    let mut b = place(&backward, bounds, rows);
    b[fixed.len()..].reverse();
    let dropped = |p: &[Option<Placed>]| p.iter().filter(|x| x.is_none()).count();
    if dropped(&b) < dropped(&a) { b } else { a }
}

/// Places each label, in order, in the first row (of at most `rows`) and at the first
/// of its left edges where it stays within `bounds` and keeps [`LABEL_GAP`] from
/// every label already in that row. Labels that fit nowhere are `None`.
#[must_use]
pub fn place(wanted: &[Wanted], (lo, hi): (f64, f64), rows: usize) -> Vec<Option<Placed>> {
    let mut taken: Vec<Vec<(f64, f64)>> = vec![Vec::new(); rows];
    wanted
        .iter()
        .map(|w| {
            for (row, boxes) in taken.iter_mut().enumerate() {
                let free = w.lefts.iter().copied().find(|&left| {
                    let right = left + w.width;
                    left.is_finite()
                        && left >= lo - 0.01
                        && right <= hi + 0.01
                        && boxes
                            .iter()
                            .all(|&(l, r)| right + LABEL_GAP <= l || left >= r + LABEL_GAP)
                });
                if let Some(left) = free {
                    boxes.push((left, left + w.width));
                    return Some(Placed {
                        left,
                        width: w.width,
                        row,
                    });
                }
            }
            None
        })
        .collect()
}

/// A band's label to place: the band's ends in px and the label's width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SpanLabel {
    pub from_px: f64,
    pub to_px: f64,
    pub width: f64,
}

/// The labels of one plot's strip: the drawn markers with their labels, the bands'
/// labels (in the order given), and how many rows they use.
#[derive(Debug, Clone, PartialEq)]
pub struct Strip<'a> {
    pub clusters: Vec<Cluster<'a>>,
    pub cluster_labels: Vec<Option<Placed>>,
    pub band_labels: Vec<Option<Placed>>,
    pub rows: usize,
}

/// How many times markers are merged further when their labels do not fit.
const MERGE_TRIES: usize = 6;

/// Lays out a plot's strip within `bounds` (px) in at most `max_rows` rows: the
/// bands' labels first, then the markers' labels beside them. When some marker's
/// label finds no room, close markers are merged over a wider distance (so a run of
/// events becomes one "3 events" label) and the layout is tried again; a label that
/// still fits nowhere is left out.
#[must_use]
pub fn lay_out<'a>(
    markers: &[&'a Marker],
    bands: &[SpanLabel],
    to_px: impl Fn(f64) -> f64,
    width_of: impl Fn(&str) -> f64,
    bounds: (f64, f64),
    max_rows: usize,
) -> Strip<'a> {
    let band_wanted: Vec<Wanted> = bands
        .iter()
        .map(|b| Wanted::over(b.from_px, b.to_px, b.width, bounds))
        .collect();
    let mut merge = MERGE_PX;
    let mut best = None;
    for _ in 0..MERGE_TRIES {
        let clusters = clusters(markers.iter().copied(), &to_px, merge);
        let wanted: Vec<Wanted> = clusters
            .iter()
            .map(|c| Wanted::beside(c.px, width_of(&c.text())))
            .collect();
        let mut placed = place_best(&band_wanted, &wanted, bounds, max_rows);
        let cluster_labels = placed.split_off(band_wanted.len());
        let done = cluster_labels.iter().all(Option::is_some);
        let rows = rows_used(&placed).max(rows_used(&cluster_labels));
        best = Some(Strip {
            clusters,
            cluster_labels,
            band_labels: placed,
            rows,
        });
        if done {
            break;
        }
        merge *= 1.6;
    }
    best.unwrap_or(Strip {
        clusters: Vec::new(),
        cluster_labels: Vec::new(),
        band_labels: Vec::new(),
        rows: 0,
    })
}

impl Strip<'_> {
    /// The row up to which the dashed line of cluster `i` may rise above the plot to
    /// meet its label: its label's row when no other label stands in the way, else
    /// `None` (the line stays in the plot).
    #[must_use]
    pub fn leader_row(&self, i: usize) -> Option<usize> {
        let own = (*self.cluster_labels.get(i)?)?;
        let px = self.clusters.get(i)?.px;
        let clear = self
            .band_labels
            .iter()
            .chain(&self.cluster_labels)
            .flatten()
            .filter(|p| **p != own)
            .all(|p| p.row >= own.row || px < p.left - 1.0 || px > p.left + p.width + 1.0);
        clear.then_some(own.row)
    }
}

/// How many rows the placed labels use.
#[must_use]
pub fn rows_used(placed: &[Option<Placed>]) -> usize {
    placed
        .iter()
        .flatten()
        .map(|p| p.row + 1)
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(x: f64, short: &str) -> Marker {
        Marker {
            x,
            label: format!("full {short}"),
            short_label: short.into(),
            key: true,
            category: "policy".into(),
            source_id: "s".into(),
        }
    }

    #[test]
    fn close_markers_merge_with_a_count_and_far_ones_stay_apart() {
        let ms = [
            marker(0.0, "a"),
            marker(5.0, "b"),
            marker(100.0, "c"),
            marker(8.0, "d"),
        ];
        let cs = clusters(&ms, |x| x, MERGE_PX);
        assert_eq!(cs.len(), 2);
        assert_eq!(cs[0].text(), "3 events");
        assert!((cs[0].px - 13.0 / 3.0).abs() < 1e-9);
        assert_eq!(cs[0].details(), "full a\nfull b\nfull d");
        assert_eq!(cs[1].text(), "c");
        assert!(clusters(&ms, |_| f64::NAN, MERGE_PX).is_empty());
        assert!(clusters(&[], |x| x, MERGE_PX).is_empty());
    }

    #[test]
    fn labels_take_the_next_row_when_they_would_overlap_and_stay_inside() {
        let wanted = [
            Wanted::beside(10.0, 50.0),
            Wanted::beside(30.0, 50.0),
            Wanted::beside(50.0, 50.0),
            Wanted::beside(195.0, 50.0),
        ];
        let placed = place(&wanted, (0.0, 200.0), 2);
        assert_eq!(
            placed[0],
            Some(Placed {
                left: 13.0,
                width: 50.0,
                row: 0
            })
        );
        assert_eq!(
            placed[1],
            Some(Placed {
                left: 33.0,
                width: 50.0,
                row: 1
            })
        );
        assert_eq!(placed[2], None, "no third row");
        // Near the right edge the label goes left of its marker.
        assert_eq!(
            placed[3],
            Some(Placed {
                left: 142.0,
                width: 50.0,
                row: 0
            })
        );
        assert_eq!(rows_used(&placed), 2);
        assert_eq!(rows_used(&[]), 0);
    }

    #[test]
    fn a_strip_merges_markers_whose_labels_find_no_room_and_keeps_band_labels_first() {
        let ms = [
            marker(10.0, "aaaa"),
            marker(30.0, "bbbb"),
            marker(50.0, "cccc"),
        ];
        let refs: Vec<&Marker> = ms.iter().collect();
        let width = |t: &str| t.len() as f64 * 10.0;
        let band = SpanLabel {
            from_px: 150.0,
            to_px: 300.0,
            width: 60.0,
        };
        // Three rows: every label has its own.
        let roomy = lay_out(&refs, &[band], |x| x, width, (0.0, 300.0), 3);
        assert_eq!(roomy.clusters.len(), 3);
        assert!(roomy.cluster_labels.iter().all(Option::is_some));
        assert_eq!(
            roomy.band_labels,
            [Some(Placed {
                left: 195.0,
                width: 60.0,
                row: 0
            })]
        );
        assert_eq!(roomy.rows, 3);
        // One row: the markers merge until their label fits beside the band's.
        let tight = lay_out(&refs, &[band], |x| x, width, (0.0, 300.0), 1);
        assert_eq!(tight.clusters.len(), 1);
        assert_eq!(tight.clusters[0].text(), "3 events");
        assert_eq!(
            tight.cluster_labels,
            [Some(Placed {
                left: 33.0,
                width: 80.0,
                row: 0
            })]
        );
        assert_eq!(tight.rows, 1);
        let nothing = lay_out(&[], &[], |x| x, width, (0.0, 300.0), 2);
        assert_eq!(nothing.rows, 0);
    }

    #[test]
    fn labels_crowded_at_the_right_edge_are_placed_right_to_left_when_that_fits_better() {
        // Bundled key events on a 488 px plot of 2014-2024: left to right, the last
        // label finds no row; right to left, all fit in three.
        let ms = [
            marker(19.3, "Mosul falls"),
            marker(156.2, "Mosul retaken"),
            marker(301.0, "Federal camp closures"),
            marker(325.2, "al-Hol returns begin"),
            marker(352.2, "Coalition: advise, assist"),
            marker(473.3, "UNITAD ends"),
        ];
        let refs: Vec<&Marker> = ms.iter().collect();
        let width = |t: &str| t.len() as f64 * 5.2;
        let strip = lay_out(&refs, &[], |x| x, width, (0.0, 488.0), 3);
        assert_eq!(strip.clusters.len(), 6, "no event is merged away");
        assert!(strip.cluster_labels.iter().all(Option::is_some));
        assert!(strip.rows <= 3);
        // Row 0 labels meet their line directly; a line that would cross a lower
        // label stays in the plot.
        for (i, p) in strip.cluster_labels.iter().enumerate() {
            let p = p.unwrap();
            if p.row == 0 {
                assert_eq!(strip.leader_row(i), Some(0));
            }
        }
        assert_eq!(strip.leader_row(99), None);
    }

    #[test]
    fn span_labels_centre_over_their_span_within_the_bounds() {
        let w = Wanted::over(100.0, 200.0, 40.0, (0.0, 400.0));
        assert_eq!(place(&[w], (0.0, 400.0), 1)[0].map(|p| p.left), Some(130.0));
        let w = Wanted::over(380.0, 400.0, 40.0, (0.0, 400.0));
        assert_eq!(place(&[w], (0.0, 400.0), 1)[0].map(|p| p.left), Some(360.0));
        let wide = Wanted::over(0.0, 10.0, 500.0, (0.0, 400.0));
        assert_eq!(place(&[wide], (0.0, 400.0), 1), [None]);
    }
}

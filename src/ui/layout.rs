//! The dashboard's arrangement for the window it has: one or two columns of charts,
//! and plots sized so the cards and all four charts fit the viewport where they can
//! (1600 × 1000), else the cards and the first row of charts (1280 × 720), the rest
//! reached by scrolling. Never narrower or shorter than a plot can be read at.
//!
//! The height a panel needs around its plots (title, controls, legend, source line)
//! depends on text that wraps, so it is measured on each frame and used on the
//! next: [`Measured`] holds what the last frame drew, [`plan`] turns it into sizes.

/// Two columns of charts from this central width on; one column below it.
pub const TWO_COLUMNS_FROM: f32 = 860.0;
/// The smallest plot height (points) that still reads.
pub const MIN_PLOT: f32 = 190.0;
/// The plot height used when not everything fits and the page scrolls anyway.
const SCROLLING_PLOT: f32 = 260.0;
/// The largest plot height.
const MAX_PLOT: f32 = 340.0;
/// The same in presentation mode (larger titles, a shared screen).
const SCROLLING_PLOT_PRESENTING: f32 = 300.0;
const MAX_PLOT_PRESENTING: f32 = 420.0;
/// How many panels the two-column grid holds; later ones (the map) are drawn
/// below it, across the whole width, reached by scrolling.
pub const GRID_PANELS: usize = 4;
/// The plot height of a panel drawn below the grid.
pub const WIDE_PLOT: f32 = 300.0;
/// Space between the cards and the charts, and between panels.
pub const GAP: f32 = 6.0;

/// What the last frame measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measured {
    /// The height of the card rows.
    pub cards: f32,
    /// Each panel's height minus its plots, in drawing order: IDPs, camps (the left
    /// column), governorates, funding (the right column).
    pub chrome: [f32; 4],
}

impl Default for Measured {
    /// A first guess, replaced after the first frame.
    fn default() -> Self {
        Measured {
            cards: 120.0,
            chrome: [160.0, 240.0, 160.0, 200.0],
        }
    }
}

impl Measured {
    /// True when any height differs from `before` by more than rounding.
    #[must_use]
    pub fn moved_from(&self, before: &Measured) -> bool {
        (self.cards - before.cards).abs() > 1.0
            || self
                .chrome
                .iter()
                .zip(before.chrome)
                .any(|(a, b)| (a - b).abs() > 1.0)
    }
}

/// What the layout carries from frame to frame.
#[derive(Debug, Clone, Copy, Default)]
pub struct Memory {
    /// What the last frame measured (sizes this frame's plots).
    pub measured: Measured,
    /// The dashboard has been drawn once: a scroll position restored from the last
    /// run is dropped on the first frame, so the window opens on the cards.
    pub drawn: bool,
    /// A panel to scroll to on the next frame (the top bar's "Briefing text").
    pub scroll_to: Option<crate::model::PanelId>,
}

/// The sizes for one frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plan {
    pub two_columns: bool,
    /// The height each panel gives its plots (split between two plots where a panel
    /// has two), in drawing order: IDPs, camps, governorates, funding.
    pub plot_heights: [f32; 4],
}

/// Sizes for a central area `width` × `viewport_height` points.
///
/// Two columns: where everything fits with plots at least [`MIN_PLOT`] tall, the
/// first row shares one plot height (set by the column that needs more room around
/// its plots) and each second-row panel fills its column to the bottom of the
/// viewport. Otherwise the first row fits the viewport and the second row is
/// reached by scrolling. One column: each panel fits the viewport on its own.
#[must_use]
pub fn plan(width: f32, viewport_height: f32, presenting: bool, measured: &Measured) -> Plan {
    let (scrolling, max) = if presenting {
        (SCROLLING_PLOT_PRESENTING, MAX_PLOT_PRESENTING)
    } else {
        (SCROLLING_PLOT, MAX_PLOT)
    };
    let two_columns = width >= TWO_COLUMNS_FROM;
    let [idps, camps, governorates, funding] = measured.chrome;
    let below_cards = viewport_height - measured.cards - GAP;
    let heights = if two_columns {
        let left = (below_cards - idps - camps - GAP) / 2.0;
        let right = (below_cards - governorates - funding - GAP) / 2.0;
        let first = left.min(right);
        if first >= MIN_PLOT {
            let first = first.min(max);
            let fill = |chrome_total: f32| (below_cards - chrome_total - GAP - first).min(max);
            [
                first,
                fill(idps + camps),
                first,
                fill(governorates + funding),
            ]
        } else {
            let first = (below_cards - idps.max(governorates)).clamp(MIN_PLOT, scrolling);
            [first, scrolling, first, scrolling]
        }
    } else {
        let chrome = idps.max(camps).max(governorates).max(funding);
        [(viewport_height - chrome - GAP).clamp(MIN_PLOT, scrolling); 4]
    };
    Plan {
        two_columns,
        plot_heights: heights.map(|h| {
            if h.is_finite() {
                h.floor().max(MIN_PLOT)
            } else {
                MIN_PLOT
            }
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Chrome as measured at 1600 × 1000 on the bundled data (rounded).
    fn typical() -> Measured {
        Measured {
            cards: 110.0,
            chrome: [150.0, 230.0, 160.0, 190.0],
        }
    }

    #[test]
    fn at_1600_by_1000_all_four_charts_fit() {
        // Central viewport of a 1600 × 1000 window with the sidebar: ~1320 × 940.
        let p = plan(1320.0, 940.0, false, &typical());
        assert!(p.two_columns);
        let m = typical();
        let h = p.plot_heights;
        let left = m.cards + GAP + m.chrome[0] + h[0] + GAP + m.chrome[1] + h[1];
        let right = m.cards + GAP + m.chrome[2] + h[2] + GAP + m.chrome[3] + h[3];
        // Both columns end at the bottom of the viewport; the first row is aligned.
        assert!((left - 940.0).abs() <= 1.0, "{left}");
        assert!((right - 940.0).abs() <= 1.0, "{right}");
        assert_eq!(h[0], h[2]);
        assert!(h.iter().all(|&h| h >= MIN_PLOT), "{h:?}");
    }

    #[test]
    fn at_1280_by_720_the_first_row_fits_and_the_rest_scrolls() {
        let p = plan(1000.0, 660.0, false, &typical());
        assert!(p.two_columns);
        let m = typical();
        assert!(m.cards + GAP + m.chrome[2] + p.plot_heights[2] <= 660.0);
        assert_eq!(p.plot_heights[0], p.plot_heights[2]);
        assert_eq!(p.plot_heights[1], SCROLLING_PLOT);
    }

    #[test]
    fn narrow_windows_get_one_column_of_readable_plots() {
        let p = plan(700.0, 500.0, false, &typical());
        assert!(!p.two_columns);
        assert!(
            p.plot_heights
                .iter()
                .all(|h| (MIN_PLOT..=SCROLLING_PLOT).contains(h))
        );
        // A tiny or nonsense viewport still gives plots that read.
        assert_eq!(
            plan(10.0, 10.0, false, &typical()).plot_heights,
            [MIN_PLOT; 4]
        );
        assert_eq!(
            plan(f32::NAN, f32::NAN, true, &typical()).plot_heights,
            [MIN_PLOT; 4]
        );
    }

    #[test]
    fn tall_windows_stop_growing_the_plots() {
        assert_eq!(
            plan(2400.0, 3000.0, false, &typical()).plot_heights,
            [MAX_PLOT; 4]
        );
        assert_eq!(
            plan(2400.0, 3000.0, true, &typical()).plot_heights,
            [MAX_PLOT_PRESENTING; 4]
        );
    }
}

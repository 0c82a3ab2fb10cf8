//! The query layer: pure functions from `(&Dataset, &Filters)` to headline figures
//! and plot-ready [`crate::model`] types; [`dashboard`] computes the whole
//! [`crate::model::Dashboard`] the window and the exports read. No egui, no I/O;
//! almost all logic lives here and is tested here.

pub mod briefing;
mod camps;
pub mod cards;
pub mod caveats;
pub mod charts;
pub mod compare;
mod csv_rows;
pub mod currency;
mod dashboard;
pub mod filters;
pub mod funding;
mod idps;
pub mod map;
mod rows;
pub mod sources;
pub mod summary;
pub mod tables;

pub use dashboard::dashboard;
pub use filters::{Choices, Filters};

/// Rounds to one decimal, as percentages are shown.
#[must_use]
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// `(to - from) / from` in percent, or `None` when `from` is zero.
#[must_use]
pub fn change_pct(from: u64, to: u64) -> Option<f64> {
    (from != 0).then(|| (to as f64 - from as f64) / from as f64 * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_handles_growth_fall_and_zero() {
        assert_eq!(change_pct(100, 150), Some(50.0));
        assert_eq!(change_pct(200, 50), Some(-75.0));
        assert_eq!(change_pct(0, 5), None);
        assert_eq!(round1(95.5555), 95.6);
        assert_eq!(round1(-67.04), -67.0);
    }
}

//! The calendar axis of the on-screen time charts: which dates get a gridline and a
//! label for the width the plot has, so a chart always names its years.
//!
//! `egui_plot` hides a tick label whose neighbours are closer than its label spacing,
//! so the marks are chosen here for the pixels available: every year when a year is
//! wide enough for "2014", else every 2, 5, 10… years; months (every 1, 3 or 6) when
//! the view is zoomed in far enough for "Mar 2020". Every mark returned is labelled,
//! and [`label`] tells a year mark from a month mark by its step size.

use chrono::{Datelike, NaiveDate};
use egui_plot::GridMark;

use crate::model::{date_of_day_number, day_number};

/// Pixels a year label needs: "2014" in the axis font and a gap.
pub const YEAR_LABEL_PX: f64 = 36.0;
/// Pixels a month label needs: "Mar 2020" in the axis font and a gap.
pub const MONTH_LABEL_PX: f64 = 72.0;
/// The size of the tick labels, in points.
pub const TICK_FONT_SIZE: f32 = 12.0;

/// Average days in a month and a year, for spacing only (marks fall on real dates).
const DAYS_PER_MONTH: f64 = 30.44;
const DAYS_PER_YEAR: f64 = 365.25;

/// Label steps, finest first: months, then years.
const MONTH_STEPS: [u32; 3] = [1, 3, 6];
const YEAR_STEPS: [i32; 7] = [1, 2, 5, 10, 20, 50, 100];

/// The step between labelled marks for a view `px_per_day` pixels to a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Months(u32),
    Years(i32),
}

impl Step {
    /// The step in days (on average), as `egui_plot`'s `GridMark::step_size`.
    #[must_use]
    pub fn days(self) -> f64 {
        match self {
            Step::Months(n) => f64::from(n) * DAYS_PER_MONTH,
            Step::Years(n) => f64::from(n) * DAYS_PER_YEAR,
        }
    }
}

/// The finest step whose labels fit at `px_per_day`.
#[must_use]
pub fn step_for(px_per_day: f64) -> Step {
    if !(px_per_day.is_finite() && px_per_day > 0.0) {
        return Step::Years(YEAR_STEPS[YEAR_STEPS.len() - 1]);
    }
    for n in MONTH_STEPS {
        if f64::from(n) * DAYS_PER_MONTH * px_per_day >= MONTH_LABEL_PX {
            return Step::Months(n);
        }
    }
    for n in YEAR_STEPS {
        if f64::from(n) * DAYS_PER_YEAR * px_per_day >= YEAR_LABEL_PX {
            return Step::Years(n);
        }
    }
    Step::Years(YEAR_STEPS[YEAR_STEPS.len() - 1])
}

/// The labelled marks between two day numbers for a plot `px_per_day` pixels to a
/// day: 1 January of every `n`th year, or the first of every `n`th month.
#[must_use]
pub fn marks(min: f64, max: f64, px_per_day: f64) -> Vec<GridMark> {
    let (Some(lo), Some(hi)) = (date_of_day_number(min), date_of_day_number(max)) else {
        return Vec::new();
    };
    let step = step_for(px_per_day);
    let step_size = step.days();
    let mut out = Vec::new();
    for year in lo.year()..=hi.year() {
        let months: Vec<u32> = match step {
            Step::Years(n) if year.rem_euclid(n) == 0 => vec![1],
            Step::Years(_) => Vec::new(),
            Step::Months(n) => (1..=12).filter(|m| (m - 1) % n == 0).collect(),
        };
        for month in months {
            if let Some(d) = NaiveDate::from_ymd_opt(year, month, 1) {
                let x = day_number(d);
                if (min..=max).contains(&x) {
                    out.push(GridMark {
                        value: x,
                        step_size,
                    });
                }
            }
        }
    }
    out
}

/// The text under a mark made by [`marks`]: "2014" for a year step, "Mar 2020"
/// for a month step.
#[must_use]
pub fn label(mark: GridMark) -> String {
    let format = if mark.step_size >= DAYS_PER_YEAR - 1.0 {
        "%Y"
    } else {
        "%b %Y"
    };
    date_of_day_number(mark.value).map_or_else(String::new, |d| d.format(format).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn x(y: i32, m: u32) -> f64 {
        day_number(NaiveDate::from_ymd_opt(y, m, 1).unwrap())
    }

    /// Pixels per day for a plot `width_px` wide showing 2014–2024 (11 years).
    fn ppd(width_px: f64) -> f64 {
        width_px / (x(2025, 1) - x(2014, 1))
    }

    #[test]
    fn every_year_is_labelled_on_a_plot_400_px_wide() {
        // The narrowest time plot at 1280 × 720 is about 400 px wide.
        let labels: Vec<String> = marks(x(2014, 1), x(2025, 1) - 1.0, ppd(400.0))
            .into_iter()
            .map(label)
            .collect();
        assert_eq!(
            labels,
            [
                "2014", "2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023",
                "2024"
            ]
        );
    }

    #[test]
    fn narrower_plots_label_every_second_or_fifth_year() {
        assert_eq!(step_for(ppd(300.0)), Step::Years(2));
        let labels: Vec<String> = marks(x(2014, 1), x(2025, 1) - 1.0, ppd(300.0))
            .into_iter()
            .map(label)
            .collect();
        assert_eq!(labels, ["2014", "2016", "2018", "2020", "2022", "2024"]);
        assert_eq!(step_for(ppd(100.0)), Step::Years(5));
    }

    #[test]
    fn zoomed_in_views_label_months() {
        // Four months over 500 px: every month has room for "Mar 2020".
        let per_day = 500.0 / (x(2020, 7) - x(2020, 3));
        assert_eq!(step_for(per_day), Step::Months(1));
        let labels: Vec<String> = marks(x(2020, 3), x(2020, 7) - 1.0, per_day)
            .into_iter()
            .map(label)
            .collect();
        assert_eq!(labels, ["Mar 2020", "Apr 2020", "May 2020", "Jun 2020"]);
        // Two years over 800 px: quarters; over 500 px: half-years.
        assert_eq!(step_for(500.0 / (x(2022, 1) - x(2020, 1))), Step::Months(6));
        let per_day = 800.0 / (x(2022, 1) - x(2020, 1));
        assert_eq!(step_for(per_day), Step::Months(3));
        assert_eq!(marks(x(2020, 1), x(2022, 1) - 1.0, per_day).len(), 8);
    }

    #[test]
    fn labels_never_crowd_whatever_the_width() {
        for width in [50.0, 120.0, 250.0, 400.0, 640.0, 900.0, 1400.0, 4000.0] {
            let per_day = ppd(width);
            let m = marks(x(2014, 1), x(2025, 1) - 1.0, per_day);
            assert!(!m.is_empty() || width < 60.0, "{width}");
            for pair in m.windows(2) {
                let gap_px = (pair[1].value - pair[0].value) * per_day;
                let needed = if label(pair[0]).len() > 4 {
                    MONTH_LABEL_PX
                } else {
                    YEAR_LABEL_PX
                };
                assert!(gap_px >= needed * 0.9, "{width}: {gap_px}");
            }
        }
    }

    #[test]
    fn nonsense_input_gives_no_marks_and_no_panic() {
        assert!(marks(f64::NAN, 1.0, 1.0).is_empty());
        assert!(marks(0.0, f64::INFINITY, 1.0).is_empty());
        assert_eq!(step_for(0.0), Step::Years(100));
        assert_eq!(step_for(f64::NAN), Step::Years(100));
        assert_eq!(
            label(GridMark {
                value: f64::NAN,
                step_size: 365.25
            }),
            ""
        );
    }
}

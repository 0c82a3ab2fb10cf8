//! A chart on its own page ([`chart_page`]) with its footer (the sources of the
//! series drawn, then the date generated), and that date: [`generated_on`] is today,
//! or `SOURCE_DATE_EPOCH`'s date, so exports can be reproduced.

use chrono::NaiveDate;

use super::chart;
use super::layout::{PAGE, PanelOptions, Rect};
use super::svg::{MUTED, Svg, TextStyle, wrap};
use crate::model::{ChartSpec, long_date};

/// Page margin of a chart export, px.
const MARGIN: f64 = 24.0;

/// "displacement-dashboard · 12 Nov 2026".
#[must_use]
pub fn generated_line(generated_on: NaiveDate) -> String {
    format!("displacement-dashboard \u{b7} {}", long_date(generated_on))
}

/// The date an export says it was generated: today, or the UTC date of
/// `SOURCE_DATE_EPOCH` when set (reproducible output).
#[must_use]
pub fn generated_on() -> NaiveDate {
    epoch_date(std::env::var("SOURCE_DATE_EPOCH").ok().as_deref())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// The UTC date of a `SOURCE_DATE_EPOCH` value (seconds since 1970).
fn epoch_date(value: Option<&str>) -> Option<NaiveDate> {
    let secs = value?.trim().parse::<i64>().ok()?;
    chrono::DateTime::from_timestamp(secs, 0).map(|t| t.date_naive())
}

/// One chart panel on its own page, with the footer: sources and the date generated.
#[must_use]
pub fn chart_page(
    plots: &[&ChartSpec],
    (width, height): (f64, f64),
    options: &PanelOptions,
    generated_on: NaiveDate,
) -> String {
    let inner = width - 2.0 * MARGIN;
    let sources = wrap(&chart::merged_sources(plots), inner, PAGE.small, false);
    let line_h = PAGE.small * 1.45;
    let footer = (sources.len() + 1) as f64 * line_h + 10.0;
    let fixed = chart::fixed_height(plots, inner, &PAGE, options);
    let needed = 2.0 * MARGIN + fixed + footer + chart::min_plots_height(plots.len(), &PAGE);
    let height = height.max(needed.ceil());
    let mut svg = Svg::new(width, height);
    let panel = Rect {
        x: MARGIN,
        y: MARGIN,
        w: inner,
        h: height - 2.0 * MARGIN - footer,
    };
    chart::draw_panel(&mut svg, panel, plots, &PAGE, options);
    let mut y = height - MARGIN - footer + 10.0 + PAGE.small;
    for line in &sources {
        svg.text(
            MARGIN,
            y,
            line,
            TextStyle::new(PAGE.small, "source").fill(MUTED),
        );
        y += line_h;
    }
    svg.text(
        MARGIN,
        y,
        &generated_line(generated_on),
        TextStyle::new(PAGE.small, "generated").fill(MUTED),
    );
    svg.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_date_epoch_is_a_utc_date() {
        assert_eq!(
            epoch_date(Some("1794441600")),
            NaiveDate::from_ymd_opt(2026, 11, 12)
        );
        assert_eq!(epoch_date(Some(" 0 ")), NaiveDate::from_ymd_opt(1970, 1, 1));
        assert_eq!(epoch_date(Some("soon")), None);
        assert_eq!(epoch_date(None), None);
    }
}

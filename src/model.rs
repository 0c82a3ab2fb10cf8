//! Plot-ready plain types: what the UI draws and the exporters render.
//!
//! No data frames and no egui here. Time charts use one x unit everywhere — days since
//! 1970-01-01 — so their axes can be linked. Percentages are 0–100.

use chrono::{Datelike, NaiveDate};

mod briefing;
mod compare;
mod dashboard;
mod sources;

pub use briefing::{Briefing, Cited, Part, Run};
pub use compare::{CompareBar, CompareDate, CompareSpec, signed_count};
pub use dashboard::{
    CsvTable, Dashboard, PanelId, PanelView, SheetCharts, SourceNames, StatusLine,
};
pub use sources::{Caveat, Licence, SourceEntry, SourceGroup, SourcesView};

/// The x range a time chart is drawn over: the filter's years widened by 1.5% on
/// each side (at least 8 days), so a bar or point on 31 December of the last year, or
/// early in the first, is drawn whole instead of cut at the plot's edge. Year labels
/// and event markers stay within the years themselves.
#[must_use]
pub fn drawn_x_range((lo, hi): (f64, f64)) -> (f64, f64) {
    let pad = ((hi - lo) * 0.015).max(8.0);
    (lo - pad, hi + pad)
}

/// Days since 1970-01-01, the x unit of every time chart.
#[must_use]
pub fn day_number(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce() - EPOCH_DAYS_FROM_CE)
}

/// The day number of 1 July of `year`: where a year's bar or label sits on a time axis.
#[must_use]
pub fn mid_year(year: i32) -> f64 {
    NaiveDate::from_ymd_opt(year, 7, 1).map_or(0.0, day_number)
}

/// The date of a day number (rounded to the nearest day).
#[must_use]
pub fn date_of_day_number(x: f64) -> Option<NaiveDate> {
    let days = x.round();
    if !days.is_finite() || days.abs() > 1.0e6 {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(days as i32 + EPOCH_DAYS_FROM_CE)
}

/// `NaiveDate::num_days_from_ce` of 1970-01-01.
const EPOCH_DAYS_FROM_CE: i32 = 719_163;

/// A calendar tick on a time axis: its day number, and whether it starts a year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CalendarTick {
    pub x: f64,
    pub year_start: bool,
}

/// Ticks for a time axis between two day numbers: 1 January of each year (every
/// second or fifth year over long spans), plus the first of each month when the
/// view spans under three years.
#[must_use]
pub fn calendar_ticks(min: f64, max: f64) -> Vec<CalendarTick> {
    let (Some(lo), Some(hi)) = (date_of_day_number(min), date_of_day_number(max)) else {
        return Vec::new();
    };
    let span_years = hi.year() - lo.year();
    let year_step = match span_years {
        ..=15 => 1,
        16..=40 => 2,
        _ => 5,
    };
    let months = span_years < 3;
    let mut ticks = Vec::new();
    for year in lo.year()..=hi.year() + 1 {
        for month in 1..=12 {
            let year_start = month == 1;
            if !(months || (year_start && year % year_step == 0)) {
                continue;
            }
            if let Some(d) = NaiveDate::from_ymd_opt(year, month, 1) {
                let x = day_number(d);
                if (min..=max).contains(&x) {
                    ticks.push(CalendarTick { x, year_start });
                }
            }
        }
    }
    ticks
}

/// How a series is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesKind {
    Line,
    /// A line for comparison, drawn lighter and dashed.
    Comparison,
    /// Bars from each point's `base` to `base + y`, `width` days wide.
    Bars,
    /// Points without a line (figures reported at the time).
    Points,
    /// Dated occurrences with no value (named camp closures): hollow marks at the foot
    /// of the chart, drawn under the lines so they never hide one.
    Events,
    /// The continuation of a line by another publisher's figures (DTM's figures as
    /// UNHCR published them after DTM's last round): a dashed segment from the
    /// line's last point ([`Series::continues_from`]) through hollow points, so it
    /// is never taken for the line itself.
    Continuation,
}

/// One point with what its tooltip says.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
    /// Where a bar starts (0, or the top of the bar below it in a stack).
    pub base: f64,
    /// A bar's width in days (0 for lines and points).
    pub width: f64,
    /// The date (or year) as shown to users.
    pub label: String,
    /// More to say in the tooltip (a camp's name and event), if anything.
    pub note: Option<String>,
    pub source_id: String,
}

impl Point {
    /// A point of a line at `x`, `y`.
    #[must_use]
    pub fn at(x: f64, y: f64, label: String, source_id: String) -> Point {
        Point {
            x,
            y,
            base: 0.0,
            width: 0.0,
            label,
            note: None,
            source_id,
        }
    }
}

/// A named series of points.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: String,
    pub kind: SeriesKind,
    /// Index into the palette.
    pub colour: usize,
    pub points: Vec<Point>,
    /// The governorate P-code this series belongs to (clicking it filters to it).
    pub governorate: Option<String>,
    /// Write each point's value beside it (for figures that must read without hovering).
    pub value_labels: bool,
    /// A comparison drawn only when the user asks for it (off by default on screen and
    /// in exports), e.g. camp counts of other definitions than the chart's main line.
    pub optional: bool,
    /// For a [`SeriesKind::Continuation`]: the last point (x, y) of the line it
    /// continues, where its dashed segment starts. Not one of its figures: it has no
    /// tooltip and no table row.
    pub continues_from: Option<(f64, f64)>,
}

impl Series {
    /// A series with no governorate and no value labels.
    #[must_use]
    pub fn new(
        label: impl Into<String>,
        kind: SeriesKind,
        colour: usize,
        points: Vec<Point>,
    ) -> Series {
        Series {
            label: label.into(),
            kind,
            colour,
            points,
            governorate: None,
            value_labels: false,
            optional: false,
            continues_from: None,
        }
    }
}

/// A dated event, drawn as a vertical marker on a time chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub x: f64,
    /// "Oct 2020 \u{b7} Federal Iraq camp closures begin": the event key and tooltips.
    pub label: String,
    /// "Federal camp closures": written beside the marker.
    pub short_label: String,
    /// One of the few key events (milestones) drawn by default; the others are drawn
    /// only when the user asks for every event.
    pub key: bool,
    /// The event's category token ("policy", "security", "camps", …).
    pub category: String,
    pub source_id: String,
}

/// The markers drawn: the key events, or every event when `all`.
pub fn shown_markers(markers: &[Marker], all: bool) -> impl Iterator<Item = &Marker> {
    markers.iter().filter(move |m| all || m.key)
}

/// A dated event after the data's last year, listed in the "after the data" strip
/// under a time chart (DESIGN §7) rather than drawn on its axis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AfterData {
    /// "17 Jan 2026", as precisely as the date is known.
    pub date: String,
    pub title: String,
    /// The label written in the strip ("Coalition leaves Ain al-Asad"); the title
    /// when the event has none.
    pub short_title: String,
    /// A key event (milestone): listed by default; the others only with every event.
    pub key: bool,
    pub source_id: String,
}

/// The events after the data listed: the key ones, or every one when `all`.
pub fn shown_after_data(events: &[AfterData], all: bool) -> impl Iterator<Item = &AfterData> {
    events.iter().filter(move |e| all || e.key)
}

/// A labelled span of the x axis (a statement about several years).
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub from_x: f64,
    pub to_x: f64,
    /// Where the label sits on the y axis.
    pub y: f64,
    pub label: String,
    /// Who made the statement.
    pub source_id: String,
}

/// What the y axis counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    People,
    Families,
    Camps,
    Usd,
    Percent,
}

impl Unit {
    /// The axis title.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Unit::People => "people",
            Unit::Families => "families",
            Unit::Camps => "camps",
            Unit::Usd => "US dollars",
            Unit::Percent => "% funded",
        }
    }

    /// A value as an axis label: "3.5 M", "$1.2 B", "95%".
    #[must_use]
    pub fn axis(self, value: f64) -> String {
        match self {
            Unit::Percent => format!("{value:.0}%"),
            Unit::Usd if value >= 1.0e9 => format!("${:.1} B", value / 1.0e9),
            Unit::Usd if value >= 1.0e6 => format!("${:.0} M", value / 1.0e6),
            Unit::Usd if value > 0.0 => format!("${value:.0}"),
            _ if value >= 1.0e6 => format!("{:.1} M", value / 1.0e6),
            _ if value >= 1.0e4 => format!("{:.0} k", value / 1.0e3),
            _ if value >= 0.0 => format!("{value:.0}"),
            _ => String::new(),
        }
    }

    /// An exact value for a tooltip or table: "1,098,913", "$361,866,347", "90.4%".
    #[must_use]
    pub fn exact(self, value: f64) -> String {
        match self {
            Unit::Percent => format!("{value:.1}%"),
            Unit::Usd => format!("${}", thousands(value.max(0.0).round() as u64)),
            _ => thousands(value.max(0.0).round() as u64),
        }
    }
}

/// Which chart a spec is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartId {
    Idps,
    Governorates,
    Camps,
    CampPeople,
    Funding,
    Coverage,
}

/// Everything needed to draw one chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    pub id: ChartId,
    pub title: String,
    /// What the figures cover, e.g. "Iraq, national figures (governorate filter not applicable)".
    pub subtitle: String,
    pub unit: Unit,
    pub series: Vec<Series>,
    pub markers: Vec<Marker>,
    /// Events after the data's last year (time charts with markers, when the range
    /// reaches that year): the "after the data" strip.
    pub after_data: Vec<AfterData>,
    pub bands: Vec<Band>,
    /// "Source: ..." for the series drawn.
    pub source_line: String,
    /// Said instead of drawing when no series has a point.
    pub empty_message: String,
    /// The figures have no governorate breakdown; the governorate filter does not apply.
    pub national_only: bool,
    /// Sentences shown under the legend ("2 more camp counts are in the table").
    pub notes: Vec<String>,
}

impl ChartSpec {
    /// True when no series has a point to draw.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.series.iter().all(|s| s.points.is_empty())
    }
}

/// A cell of a table view: its text, how it sorts, and what "Copy as CSV" writes.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    /// Numbers sort numerically; `None` sorts by text.
    pub number: Option<f64>,
    /// The value as plain text for CSV (digits and a decimal point, no thousands
    /// separators, currency or percent signs), as the CSV export writes it; `None`
    /// writes `text`.
    pub plain: Option<String>,
}

impl Cell {
    /// A text cell.
    #[must_use]
    pub fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            number: None,
            plain: None,
        }
    }

    /// A cell shown as `text` that sorts by `value` (a date by its day number); CSV
    /// writes `text`.
    #[must_use]
    pub fn number(value: f64, text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            number: Some(value),
            plain: None,
        }
    }

    /// A quantity shown as `text` ("4,969,788", "$1.11 B", "90.4%"); CSV writes
    /// `plain` ("4969788", "1113276782", "90.4").
    #[must_use]
    pub fn quantity(value: f64, text: impl Into<String>, plain: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            number: Some(value),
            plain: Some(plain.into()),
        }
    }

    /// What "Copy as CSV" writes for this cell.
    #[must_use]
    pub fn csv(&self) -> &str {
        self.plain.as_deref().unwrap_or(&self.text)
    }
}

/// The numbers behind a chart, as rows (for the table view and CSV).
#[derive(Debug, Clone, PartialEq)]
pub struct TableSpec {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl TableSpec {
    /// Sorts the rows by a column: numbers numerically, text alphabetically; a
    /// column that does not exist leaves the order as it was.
    pub fn sort(&mut self, column: usize, ascending: bool) {
        self.rows.sort_by(|a, b| {
            let (Some(x), Some(y)) = (a.get(column), b.get(column)) else {
                return std::cmp::Ordering::Equal;
            };
            let order = match (x.number, y.number) {
                (Some(m), Some(n)) => m.total_cmp(&n),
                _ => x.text.cmp(&y.text),
            };
            if ascending { order } else { order.reverse() }
        });
    }
}

/// A headline card. Its first two lines, title and value (with `value_note`), say
/// what the figure counts; plain `summary` prints them as "`title`: `value` `value_note`".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Kpi {
    pub title: String,
    /// The figure, or a short statement when there is none ("no data in 2019–2020").
    pub value: String,
    /// What the figure counts, drawn right after it in smaller type ("IDP camps in
    /// the Kurdistan Region"); empty when the title says it.
    pub value_note: String,
    /// The change over the range, if any.
    pub change: Option<String>,
    /// Date, definition, scope.
    pub detail: String,
    /// The source in words, for the hover.
    pub source: String,
    /// A sentence to paste into a briefing note.
    pub citation: String,
    /// The figure ignores the governorate filter (no breakdown exists).
    pub national_only: bool,
    /// Under a governorate filter, which of the card's lines ignore it and why, when
    /// a card's lines differ ("count not filtered: …; the named closures follow the
    /// filter"); `None` for a card that is wholly national or wholly filtered.
    pub filter_note: Option<String>,
    /// Lines for the hover beyond the source: where a user's file and the bundled
    /// figures differ ("31 Dec 2023: your file says 34,740; IOM DTM published
    /// 1,123,663").
    pub notes: Vec<String>,
}

pub use crate::domain::thousands;

/// `1098913` → `"1.10 M"`, `5970829` → `"5.97 M"`, `95400` → `"95,400"`.
#[must_use]
pub fn short_count(n: u64) -> String {
    if n >= 1_000_000 {
        format!("{:.2} M", n as f64 / 1.0e6)
    } else {
        thousands(n)
    }
}

/// USD with an M or B suffix: `"$1.11 B"`, `"$569 M"`.
#[must_use]
pub fn usd(n: u64) -> String {
    let x = n as f64;
    if x >= 1.0e9 {
        format!("${:.2} B", x / 1.0e9)
    } else if x >= 1.0e6 {
        format!("${:.0} M", x / 1.0e6)
    } else {
        format!("${}", thousands(n))
    }
}

/// USD in millions or billions with one decimal, for figures quoted beside each
/// other: `"$211.1 M"`, `"$1.1 B"`; smaller amounts exactly.
#[must_use]
pub fn usd_one_decimal(n: u64) -> String {
    let x = n as f64;
    if x >= 1.0e9 {
        format!("${:.1} B", x / 1.0e9)
    } else if x >= 1.0e6 {
        format!("${:.1} M", x / 1.0e6)
    } else {
        format!("${}", thousands(n))
    }
}

/// A signed percentage change: `"−67.1%"`, `"+12.0%"` (true minus sign).
#[must_use]
pub fn signed_pct(p: f64) -> String {
    if p < 0.0 {
        format!("\u{2212}{:.1}%", -p)
    } else {
        format!("+{p:.1}%")
    }
}

/// `2024-04-30` → `"30 Apr 2024"`.
#[must_use]
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// A date as precise as it is known: `"Mar 2016"` for a month, `"2016"` for a year.
#[must_use]
pub fn date_as_known(date: NaiveDate, precision: crate::domain::DatePrecision) -> String {
    use crate::domain::DatePrecision;
    match precision {
        DatePrecision::Day => long_date(date),
        DatePrecision::Month => date.format("%b %Y").to_string(),
        DatePrecision::Year => date.year().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        let d = NaiveDate::from_ymd_opt(2024, 4, 30).unwrap();
        assert_eq!(
            day_number(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()),
            0.0
        );
        assert_eq!(date_of_day_number(day_number(d)), Some(d));
        assert_eq!(date_of_day_number(f64::NAN), None);
    }

    #[test]
    fn calendar_ticks_fall_on_new_year_and_on_months_when_zoomed_in() {
        let x = |y, m| day_number(NaiveDate::from_ymd_opt(y, m, 1).unwrap());
        let ticks = calendar_ticks(x(2014, 4), x(2024, 4));
        assert_eq!(ticks.len(), 10);
        assert_eq!(
            ticks[0],
            CalendarTick {
                x: x(2015, 1),
                year_start: true
            }
        );
        let zoomed = calendar_ticks(x(2020, 3), x(2020, 6));
        assert_eq!(zoomed.len(), 4);
        assert!(zoomed.iter().all(|t| !t.year_start));
        assert!(calendar_ticks(f64::NAN, 1.0).is_empty());
        assert_eq!(calendar_ticks(x(1900, 1), x(2000, 1)).len(), 21);
    }

    #[test]
    fn numbers_read_as_people_and_dollars() {
        assert_eq!(thousands(1_098_913), "1,098,913");
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(short_count(5_970_829), "5.97 M");
        assert_eq!(short_count(229_120), "229,120");
        assert_eq!(usd(1_113_276_782), "$1.11 B");
        assert_eq!(usd(569_000_000), "$569 M");
        assert_eq!(usd_one_decimal(211_058_163), "$211.1 M");
        assert_eq!(usd_one_decimal(99_551_499), "$99.6 M");
        assert_eq!(usd_one_decimal(950), "$950");
        assert_eq!(signed_pct(-67.14), "\u{2212}67.1%");
        assert_eq!(signed_pct(0.0), "+0.0%");
    }

    #[test]
    fn dates_read_as_known() {
        use crate::domain::DatePrecision;
        let d = NaiveDate::from_ymd_opt(2016, 3, 1).unwrap();
        assert_eq!(long_date(d), "1 Mar 2016");
        assert_eq!(date_as_known(d, DatePrecision::Month), "Mar 2016");
        assert_eq!(date_as_known(d, DatePrecision::Year), "2016");
    }
}

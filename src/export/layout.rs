//! The page's geometry and type scale, shared by the panel ([`super::chart`]), its
//! plots ([`super::plot`]), the chart page and the sheet: [`Rect`], the text sizes of
//! a chart on its own page ([`PAGE`]) and in a cell of the sheet ([`SHEET`]), and
//! what a panel draws besides its series ([`PanelOptions`]).

/// Text sizes and spacing of a panel, in px.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub title: f64,
    pub subtitle: f64,
    pub heading: f64,
    pub tick: f64,
    pub legend: f64,
    pub small: f64,
    /// Plots are never drawn lower than this.
    pub min_plot: f64,
    /// Radius of a diamond point.
    pub point: f64,
}

/// A chart on its own page.
pub const PAGE: Style = Style {
    title: 20.0,
    subtitle: 13.0,
    heading: 14.0,
    tick: 11.0,
    legend: 11.5,
    small: 10.5,
    min_plot: 220.0,
    point: 5.0,
};

/// A chart in a cell of the briefing sheet.
pub const SHEET: Style = Style {
    title: 13.0,
    subtitle: 9.5,
    heading: 10.5,
    tick: 8.5,
    legend: 8.5,
    small: 8.0,
    min_plot: 48.0,
    point: 3.5,
};

/// A rectangle on the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// What to draw besides the series.
#[derive(Debug, Clone, Copy)]
pub struct PanelOptions {
    /// The x range, as day numbers (the filter's years).
    pub x_range: (f64, f64),
    pub show_events: bool,
    /// Every event, not only the key ones.
    pub all_events: bool,
}

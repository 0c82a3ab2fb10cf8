//! [`Dashboard`]: everything the window shows and the exports render for one set of
//! filters and view choices, as one plain value computed by
//! `query::dashboard` once per change (never per frame).
//!
//! Contract: code after `query` reads only this value, never the dataset. The
//! charts hold the series as drawn: series the user switched off are not in them, so
//! the screen and an export made from the same dashboard draw the same
//! [`ChartSpec`]s. The tables and the CSV rows hold every series.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::{Briefing, ChartSpec, CompareSpec, Kpi, SourcesView, TableSpec};
use crate::domain::Basis;
use crate::map::{Geometry, MapSpec};

/// Source id → "Publisher, title (date)", for tooltips.
pub type SourceNames = BTreeMap<String, String>;

/// One panel of the dashboard: the one name for "which panel" (the grid, the Export
/// menu, the command line's `--chart`/`--table`, file names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PanelId {
    /// IDPs over time.
    Idps,
    /// IDPs by governorate, for the dashboard's basis.
    Governorates,
    /// Camps open and named closures, with people in camps below.
    Camps,
    /// Requirements vs funding, with coverage below.
    Funding,
    /// The governorates on a map (or the tile grid), coloured by a measure.
    Map,
    /// Two dates compared: the change by governorate (issue 13).
    Compare,
    /// The briefing paragraph for the view, with its sources and notes.
    Briefing,
}

impl PanelId {
    /// Every panel, in reading order.
    pub const ALL: [PanelId; 7] = [
        PanelId::Idps,
        PanelId::Governorates,
        PanelId::Camps,
        PanelId::Funding,
        PanelId::Map,
        PanelId::Compare,
        PanelId::Briefing,
    ];

    /// The name used on the command line and in file names.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            PanelId::Idps => "idps",
            PanelId::Governorates => "governorates",
            PanelId::Camps => "camps",
            PanelId::Funding => "funding",
            PanelId::Map => "map",
            PanelId::Compare => "compare",
            PanelId::Briefing => "briefing",
        }
    }

    /// The panel of a name (any case), as `--chart` and `--table` take it.
    #[must_use]
    pub fn named(name: &str) -> Option<PanelId> {
        PanelId::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(name))
    }
}

/// The numbers behind a panel as CSV cells (fixed columns per panel, values as they
/// are written): the file export adds a byte-order mark, the clipboard does not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CsvTable {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

impl CsvTable {
    /// The header and the rows as CSV text: comma-separated, a field quoted when it
    /// holds a comma, a quote, a line break or edge spaces, CRLF after each line, no
    /// byte-order mark (what "Copy as CSV" puts on the clipboard; the file export
    /// writes a BOM before it).
    #[must_use]
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut push = |cells: &mut dyn Iterator<Item = &str>| {
            let line: Vec<String> = cells.map(csv_field).collect();
            out.push_str(&line.join(","));
            out.push_str("\r\n");
        };
        push(&mut self.columns.iter().copied());
        for row in &self.rows {
            push(&mut row.iter().map(String::as_str));
        }
        out
    }
}

/// A CSV field, quoted when it holds a comma, a quote, a line break or edge spaces.
fn csv_field(text: &str) -> String {
    let needs_quotes =
        text.contains([',', '"', '\r', '\n']) || text.starts_with(' ') || text.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The status bar's text: what is loaded, how current each series is, the warnings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatusLine {
    /// "3 tables · 2,114 rows".
    pub tables: String,
    /// "NAME: N rows", one per table (a hover list; never in presentation mode).
    pub per_table: Vec<String>,
    /// How current each series is ("DTM rounds to Apr 2024", "FTS as of …").
    pub currency: Vec<String>,
    /// The same, as one line ("DTM rounds to Apr 2024 · …"), for the sheet.
    pub currency_text: String,
    /// "0 warnings", "1 warning", "N warnings".
    pub warnings_text: String,
    /// Each warning, for the hover list.
    pub warnings: Vec<String>,
}

/// The charts of the one-page briefing sheet where they differ from the panels': the
/// sheet always draws the displacement basis, every IDP series and no optional camp
/// counts, whatever the window shows.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetCharts {
    pub idps: ChartSpec,
    pub governorates: ChartSpec,
    pub camps: ChartSpec,
}

/// One panel's part of the dashboard, borrowed.
#[derive(Debug, Clone, Copy)]
pub struct PanelView<'a> {
    /// Its charts in drawing order (the second is drawn below the first).
    pub charts: [Option<&'a ChartSpec>; 2],
    pub table: &'a TableSpec,
    pub csv: &'a CsvTable,
}

impl<'a> PanelView<'a> {
    /// The charts, in drawing order.
    pub fn charts(&self) -> impl Iterator<Item = &'a ChartSpec> + use<'a> {
        self.charts.into_iter().flatten()
    }
}

/// Everything the dashboard shows for one set of filters and choices.
// Each bool is an independent view choice or fact of the filters.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    /// The headline cards.
    pub cards: Vec<Kpi>,
    pub idps: ChartSpec,
    pub idps_table: TableSpec,
    pub idps_csv: CsvTable,
    pub governorates: ChartSpec,
    pub governorates_table: TableSpec,
    pub governorates_csv: CsvTable,
    pub camps: ChartSpec,
    pub camp_people: ChartSpec,
    pub camps_table: TableSpec,
    pub camps_csv: CsvTable,
    pub funding: ChartSpec,
    pub coverage: ChartSpec,
    pub funding_table: TableSpec,
    pub funding_csv: CsvTable,
    /// The map for the map's choices (measure, date).
    pub map: MapSpec,
    /// The shapes the map draws: built once per boundary set and shared by every
    /// dashboard computed for it (the user's while loaded, else the bundled ones).
    pub map_geometry: Arc<Geometry>,
    /// Draw the tile grid instead of the shapes (the panel's toggle; `--tiles`).
    pub map_tiles: bool,
    /// The map's figures: governorate, value, date, source.
    pub map_table: TableSpec,
    pub map_csv: CsvTable,
    /// The briefing paragraph for the filters, from the headline figures.
    pub briefing: Briefing,
    /// The briefing's sources, numbered as its references: its table and CSV.
    pub briefing_table: TableSpec,
    pub briefing_csv: CsvTable,
    /// The briefing sheet carries the paragraph under its cards.
    pub sheet_text: bool,
    /// Two dates compared (the compare panel's dates), its table and CSV.
    pub compare: CompareSpec,
    pub compare_table: TableSpec,
    pub compare_csv: CsvTable,
    /// The labels of IDPs over time's comparison series (UNHCR, IDMC), drawn or not:
    /// the panel offers its switch when there are any.
    pub idps_comparisons: Vec<String>,
    /// The labels of the camps charts' optional series, drawn or not.
    pub camp_comparisons: Vec<String>,
    pub sheet: SheetCharts,
    /// Source names for tooltips.
    pub sources: SourceNames,
    /// The Sources and caveats window: the sources of what is drawn, by series, the
    /// caveats, IOM's terms, how current each series is, the licences.
    pub sources_view: SourcesView,
    pub status: StatusLine,
    /// The filter's years as day numbers: 1 January of `from` to 31 December of `to`.
    pub x_range_days: (f64, f64),
    /// The basis the governorate chart was computed for.
    pub basis: Basis,
    /// Event markers drawn on the time charts, and every event or the key ones.
    pub show_events: bool,
    pub all_events: bool,
    /// "Iraq", "Ninewa", "5 governorates": the place the filters select.
    pub place: String,
    /// "2014–2025", or one year.
    pub years: String,
    /// The place as a file name takes it: "iraq", "anbar-baghdad", "5-governorates".
    pub file_place: String,
    /// The years as a file name takes them: "2014-2025", or one year.
    pub file_years: String,
    /// No governorate filter (national figures).
    pub national: bool,
}

impl Dashboard {
    /// One panel's charts, table and CSV rows.
    #[must_use]
    pub fn panel(&self, id: PanelId) -> PanelView<'_> {
        let (charts, table, csv) = match id {
            PanelId::Idps => ([Some(&self.idps), None], &self.idps_table, &self.idps_csv),
            PanelId::Governorates => (
                [Some(&self.governorates), None],
                &self.governorates_table,
                &self.governorates_csv,
            ),
            PanelId::Camps => (
                [Some(&self.camps), Some(&self.camp_people)],
                &self.camps_table,
                &self.camps_csv,
            ),
            PanelId::Funding => (
                [Some(&self.funding), Some(&self.coverage)],
                &self.funding_table,
                &self.funding_csv,
            ),
            PanelId::Map => ([None, None], &self.map_table, &self.map_csv),
            PanelId::Compare => ([None, None], &self.compare_table, &self.compare_csv),
            PanelId::Briefing => ([None, None], &self.briefing_table, &self.briefing_csv),
        };
        PanelView { charts, table, csv }
    }

    /// One panel's charts on the briefing sheet: the displacement basis, every IDP
    /// series, camps open without the optional counts (no people in camps), funding
    /// with coverage.
    #[must_use]
    pub fn sheet_panel(&self, id: PanelId) -> Vec<&ChartSpec> {
        match id {
            PanelId::Idps => vec![&self.sheet.idps],
            PanelId::Governorates => vec![&self.sheet.governorates],
            PanelId::Camps => vec![&self.sheet.camps],
            PanelId::Funding => vec![&self.funding, &self.coverage],
            PanelId::Map | PanelId::Compare | PanelId::Briefing => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_needed_and_lines_end_with_crlf() {
        assert_eq!(csv_field("Ninewa"), "Ninewa");
        assert_eq!(csv_field("IOM, DTM"), "\"IOM, DTM\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("a\nb"), "\"a\nb\"");
        assert_eq!(csv_field(" x"), "\" x\"");
        let t = CsvTable {
            columns: vec!["a", "b"],
            rows: vec![vec!["1".to_string(), "x,y".to_string()]],
        };
        assert_eq!(t.text(), "a,b\r\n1,\"x,y\"\r\n");
    }

    #[test]
    fn panels_are_named_once_and_found_by_name_in_any_case() {
        for id in PanelId::ALL {
            assert_eq!(PanelId::named(id.name()), Some(id));
            assert_eq!(PanelId::named(&id.name().to_uppercase()), Some(id));
        }
        assert_eq!(PanelId::named("map"), Some(PanelId::Map));
        assert_eq!(PanelId::named("atlas"), None);
    }
}

//! Everything the dashboard shows for one set of filters, computed once when the
//! data or the filters change — never per frame.

use chrono::NaiveDate;

use crate::data::{Basis, Dataset};
use crate::model::{ChartSpec, Kpi, TableSpec, day_number};
use crate::query::{Filters, cards, charts, funding, tables};
use crate::ui::plot::SourceNames;

/// What the view was computed for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewKey {
    /// Bumped whenever the dataset changes.
    pub generation: u64,
    pub filters: Filters,
    pub basis: Basis,
}

/// The cards, charts and tables for one [`ViewKey`].
#[derive(Debug, Clone)]
pub struct View {
    pub key: ViewKey,
    pub cards: Vec<Kpi>,
    pub idps: ChartSpec,
    pub idps_table: TableSpec,
    pub governorates: ChartSpec,
    pub governorates_table: TableSpec,
    pub camps: ChartSpec,
    pub camp_people: ChartSpec,
    pub camps_table: TableSpec,
    pub funding: ChartSpec,
    pub coverage: ChartSpec,
    pub funding_table: TableSpec,
    pub sources: SourceNames,
    /// The filter's years as day numbers: 1 January of `from` to 31 December of `to`.
    pub x_range: (f64, f64),
    pub fts_as_of: Option<String>,
}

impl View {
    /// Computes everything for `key`.
    #[must_use]
    pub fn compute(dataset: &Dataset, key: ViewKey) -> View {
        let f = &key.filters;
        let idps = charts::idps_over_time(dataset, f);
        let governorates = charts::governorates(dataset, f, key.basis);
        let camps = charts::camps_open(dataset, f);
        let camp_people = charts::camp_people(dataset, f);
        let mut camps_table = tables::chart_table(dataset, &camps);
        camps_table
            .rows
            .extend(tables::chart_table(dataset, &camp_people).rows);
        let sources = dataset
            .sources
            .iter()
            .map(|s| {
                (
                    s.id.clone(),
                    format!("{}, {} ({})", s.publisher, s.title, s.published),
                )
            })
            .collect();
        let x = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).map_or(0.0, day_number);
        View {
            cards: cards::cards(dataset, f),
            idps_table: tables::chart_table(dataset, &idps),
            governorates_table: tables::chart_table(dataset, &governorates),
            camps_table,
            funding: charts::funding(dataset, f),
            coverage: charts::coverage(dataset, f),
            funding_table: tables::funding_table(dataset, f),
            fts_as_of: funding::headline(dataset, f).fts_as_of,
            x_range: (x(f.from, 1, 1), x(f.to, 12, 31)),
            idps,
            governorates,
            camps,
            camp_people,
            sources,
            key,
        }
    }
}

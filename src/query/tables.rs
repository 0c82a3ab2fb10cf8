//! The numbers behind each chart, as sortable rows for the table view.

use super::{Filters, charts, funding};
use crate::data::Dataset;
use crate::model::{Cell, ChartSpec, TableSpec, Unit, usd, usd_one_decimal};

/// Every point a chart draws, one row each: series, date, value, details, source.
#[must_use]
pub fn chart_table(dataset: &Dataset, spec: &ChartSpec) -> TableSpec {
    let columns = ["Series", "Date", "Value", "Details", "Source"];
    let mut rows = Vec::new();
    for series in &spec.series {
        for p in &series.points {
            rows.push(vec![
                Cell::text(series.label.clone()),
                Cell::number(p.x, p.label.clone()),
                Cell::quantity(p.y, spec.unit.exact(p.y), plain(spec.unit, p.y)),
                Cell::text(p.note.clone().unwrap_or_default()),
                Cell::text(source_name(dataset, &p.source_id)),
            ]);
        }
    }
    TableSpec {
        columns: columns.map(String::from).to_vec(),
        rows,
    }
}

/// Iraq's appeals per year (required, funded, coverage in FTS and at the time), then
/// the flows of the user's FTS flows files per year and status (the amount under
/// "Funded", the flow types in "Appeals or flows"; never a coverage).
#[must_use]
pub fn funding_table(dataset: &Dataset, filters: &Filters) -> TableSpec {
    let columns = [
        "Year",
        "Measure",
        "Required",
        "Funded",
        "Coverage (FTS)",
        "Reported at the time",
        "Appeals or flows",
        "Source",
    ];
    let mut rows: Vec<Vec<Cell>> = funding::appeal_years(dataset, filters)
        .into_iter()
        .map(|y| {
            let pct = |p: Option<f64>, digits: usize| {
                p.map_or_else(
                    || Cell::text(""),
                    |v| Cell::quantity(v, format!("{v:.digits$}%"), format!("{v:.digits$}")),
                )
            };
            let amount = |v: u64| Cell::quantity(v as f64, usd(v), v.to_string());
            vec![
                Cell::number(f64::from(y.year), y.year.to_string()),
                Cell::text("Iraq appeals"),
                amount(y.requirements_usd),
                amount(y.funding_usd),
                pct(y.coverage_pct, 1),
                pct(y.coverage_reported_pct, 0),
                Cell::text(y.plans.join(", ")),
                Cell::text(
                    y.source_ids
                        .first()
                        .map(|id| source_name(dataset, id))
                        .unwrap_or_default(),
                ),
            ]
        })
        .collect();
    rows.extend(beside_rows(dataset, filters));
    let flows = funding::flow_totals(dataset, filters);
    let several = funding::flow_files(&flows).len() > 1;
    rows.extend(flows.iter().map(|t| {
        vec![
            Cell::number(f64::from(t.year), t.year.to_string()),
            Cell::text(funding::flow_label(t.status, &t.source_id, several)),
            Cell::text(""),
            // Exact: flows are often far smaller than appeals.
            Cell::quantity(
                t.amount_usd as f64,
                Unit::Usd.exact(t.amount_usd as f64),
                t.amount_usd.to_string(),
            ),
            Cell::text(""),
            Cell::text(""),
            Cell::text(charts::flow_note(t)),
            Cell::text(source_name(dataset, &t.source_id)),
        ]
    }));
    TableSpec {
        columns: columns.map(String::from).to_vec(),
        rows,
    }
}

/// A value as the CSV export writes it: whole people, camps and dollars without
/// separators or signs, percentages (0–100) with one decimal.
fn plain(unit: Unit, value: f64) -> String {
    match unit {
        Unit::Percent => format!("{value:.1}"),
        _ => format!("{}", value.round() as i64),
    }
}

/// The rows of years with no Iraq appeal: what FTS reports instead (outside any
/// appeal, the regional refugee plan's Iraq part, and their total), never a coverage.
fn beside_rows(dataset: &Dataset, filters: &Filters) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for y in funding::beside_appeals(dataset, filters) {
        let source = y
            .source_ids
            .first()
            .map(|id| source_name(dataset, id))
            .unwrap_or_default();
        let money = |v: Option<u64>| {
            v.map_or_else(
                || Cell::text(""),
                |u| Cell::quantity(u as f64, usd_one_decimal(u), u.to_string()),
            )
        };
        let year = || Cell::number(f64::from(y.year), y.year.to_string());
        if y.outside_appeal_usd.is_some() {
            rows.push(vec![
                year(),
                Cell::text("No Iraq appeal: funding outside any appeal"),
                Cell::text(""),
                money(y.outside_appeal_usd),
                Cell::text(""),
                Cell::text(""),
                Cell::text("not appeal coverage"),
                Cell::text(source.clone()),
            ]);
        }
        if y.regional_funded_usd.is_some() || y.regional_required_usd.is_some() {
            rows.push(vec![
                year(),
                Cell::text("No Iraq appeal: regional refugee plan, Iraq part"),
                money(y.regional_required_usd),
                money(y.regional_funded_usd),
                Cell::text(""),
                Cell::text(""),
                Cell::text(format!(
                    "{} (not appeal coverage)",
                    y.regional_plans.join(", ")
                )),
                Cell::text(source.clone()),
            ]);
        }
        rows.push(vec![
            year(),
            Cell::text("Total humanitarian funding to Iraq (FTS)"),
            Cell::text(""),
            money(Some(y.total_usd())),
            Cell::text(""),
            Cell::text(""),
            Cell::text("outside appeals plus the regional plan's Iraq part, each once"),
            Cell::text(source),
        ]);
    }
    rows
}

/// "Publisher, title (date)" of a source id; "your file: NAME" for a user's file.
fn source_name(dataset: &Dataset, id: &str) -> String {
    if id.starts_with("file:") {
        return charts::user_file_name(id);
    }
    dataset.source(id).map_or_else(
        || id.to_string(),
        |s| format!("{}, {} ({})", s.publisher, s.title, s.published),
    )
}

/// Sorts rows by a column: numbers numerically, text alphabetically
/// ([`TableSpec::sort`]; sorting a table is the model's).
pub fn sort_rows(table: &mut TableSpec, column: usize, ascending: bool) {
    table.sort(column, ascending);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(from: i32, to: i32) -> Filters {
        Filters {
            governorates: None,
            from,
            to,
        }
    }

    #[test]
    fn funding_table_lists_2022_with_fts_and_reported_coverage() {
        let ds = Dataset::bundled().unwrap();
        let t = funding_table(&ds, &years(2014, 2024));
        let row = t.rows.iter().find(|r| r[0].text == "2022").unwrap();
        assert_eq!(row[1].text, "Iraq appeals");
        assert_eq!(row[4].text, "90.4%");
        assert_eq!(row[5].text, "67%");
        let appeals = t
            .rows
            .iter()
            .filter(|r| r[1].text == "Iraq appeals")
            .count();
        assert_eq!(appeals, 9, "2014-2022");
        assert_eq!(
            t.rows.len(),
            9 + 2 * 3,
            "2023 and 2024: no appeal, three rows each"
        );
    }

    #[test]
    fn years_without_an_appeal_list_what_fts_reports_instead() {
        let ds = Dataset::bundled().unwrap();
        let t = funding_table(&ds, &years(2023, 2025));
        let rows: Vec<(String, String, String, String)> = t
            .rows
            .iter()
            .map(|r| {
                (
                    r[0].text.clone(),
                    r[1].text.clone(),
                    r[2].text.clone(),
                    r[3].text.clone(),
                )
            })
            .collect();
        let row = |y: &str, m: &str, req: &str, fund: &str| {
            (
                y.to_string(),
                m.to_string(),
                req.to_string(),
                fund.to_string(),
            )
        };
        let outside = "No Iraq appeal: funding outside any appeal";
        let regional = "No Iraq appeal: regional refugee plan, Iraq part";
        let total = "Total humanitarian funding to Iraq (FTS)";
        assert_eq!(
            rows,
            [
                row("2023", outside, "", "$211.1 M"),
                row("2023", regional, "$211.3 M", "$63.5 M"),
                row("2023", total, "", "$274.6 M"),
                row("2024", outside, "", "$96.2 M"),
                row("2024", regional, "$154.5 M", "$133.0 M"),
                row("2024", total, "", "$229.2 M"),
                row("2025", outside, "", "$99.6 M"),
                row("2025", total, "", "$99.6 M"),
            ]
        );
        assert!(
            t.rows.iter().all(|r| r[4].text.is_empty()),
            "never a coverage"
        );
    }

    #[test]
    fn csv_cells_are_plain_numbers_as_the_csv_export_writes_them() {
        let ds = Dataset::bundled().unwrap();
        let f = years(2014, 2024);
        let t = funding_table(&ds, &f);
        let row = t.rows.iter().find(|r| r[0].text == "2022").unwrap();
        // Shown with units and separators, copied as plain numbers.
        assert!(row[2].text.starts_with('$'));
        assert!(
            row[2].csv().bytes().all(|b| b.is_ascii_digit()),
            "{}",
            row[2].csv()
        );
        assert!(
            row[3].csv().bytes().all(|b| b.is_ascii_digit()),
            "{}",
            row[3].csv()
        );
        assert_eq!(row[4].csv(), "90.4");
        assert_eq!(row[5].csv(), "67");
        assert_eq!(row[0].csv(), "2022");
        let idps = charts::idps_over_time(&ds, &f);
        let t = chart_table(&ds, &idps);
        let latest = t.rows.iter().find(|r| r[2].text == "1,098,913").unwrap();
        assert_eq!(latest[2].csv(), "1098913");
        // Dates are copied as shown, never as the day numbers they sort by.
        assert_eq!(latest[1].csv(), "30 Apr 2024");
    }

    #[test]
    fn an_empty_range_has_no_rows() {
        let ds = Dataset::bundled().unwrap();
        assert!(funding_table(&ds, &years(2030, 2031)).rows.is_empty());
    }

    #[test]
    fn sorting_is_numeric_for_numbers() {
        let mut t = TableSpec {
            columns: vec!["n".into()],
            rows: vec![
                vec![Cell::number(10.0, "10")],
                vec![Cell::number(9.0, "9")],
                vec![Cell::number(100.0, "100")],
            ],
        };
        sort_rows(&mut t, 0, true);
        let order: Vec<&str> = t.rows.iter().map(|r| r[0].text.as_str()).collect();
        assert_eq!(order, ["9", "10", "100"]);
        sort_rows(&mut t, 0, false);
        assert_eq!(t.rows[0][0].text, "100");
        sort_rows(&mut t, 7, true);
    }
}

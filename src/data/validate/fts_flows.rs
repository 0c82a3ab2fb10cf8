//! OCHA FTS incoming funding flows (HDX's `fts_incoming_funding_<iso3>.csv` per
//! country and the global file, or FTS's own exports) onto the funding flows table.
//!
//! A flow is kept only when its `destLocations` is Iraq alone. A flow to Iraq and
//! other countries cannot be split between them: it is left out and counted
//! (`multi_country_flow`), as are flows to other countries only (`other_country`,
//! naming them), rows with no destination and rows repeating a flow id already read.
//! A file with no flow to Iraq alone is refused with one message saying what it holds,
//! never one error per row: the rows of other countries are not validated at all.
//! Every flow type (standard, parked, pass through) and status (paid, commitment,
//! pledge) is kept. A flow's year is its `budgetYear`, else the year of its `date`.
//! Dates are ISO (`2025-03-21`, `2025-03-21T00:00:00Z`) or, in files re-saved by
//! Excel, `M/D/YYYY`; a file whose slash dates can only be day-first is read
//! day-first, and an ambiguous reading is said in a warning.
//!
//! Countries are recognised here by name or ISO3 code (`Iraq`, `IRQ`, `العراق`),
//! in lists joined by `,` (HDX writes sorted ISO3 codes: `IRQ,SYR`), `;` or `|`;
//! the inverted names FTS uses (`Iran, Islamic Republic of`) stay one country.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::{Datelike, NaiveDate};

use crate::data::cells::{Cells, one_of, parse_year};
use crate::data::error::{DataError, Warning};
use crate::data::parsed::LeftOut;
use crate::data::schema::col;
use crate::domain::fold;
use crate::domain::{FlowStatus, FlowType, FundingFlow};

const USD: &str = "a whole number of US dollars, 0 or more";
const DATE: &str = "a date as YYYY-MM-DD or M/D/YYYY";
const YEAR: &str = "a budget year such as 2024, or a date";

/// Where a flow goes, from its `destLocations` cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// Iraq alone: the flow is kept.
    Iraq,
    /// Iraq and other countries (named as written): the flow cannot be split.
    Several(Vec<String>),
    /// Other countries only (named as written).
    Others(Vec<String>),
    /// No country given.
    Unknown,
}

/// The countries of a `destLocations` cell, as written, each once, in order.
#[must_use]
pub fn countries(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in text.split(['|', ';']) {
        let mut names: Vec<String> = Vec::new();
        for token in part.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            match names.last_mut() {
                // "Korea, Republic of": the part after the comma ends the name.
                Some(last) if continues_name(token) => {
                    last.push_str(", ");
                    last.push_str(token);
                }
                _ => names.push(token.to_string()),
            }
        }
        for name in names {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// True for the second half of an inverted country name ("Republic of", "State of",
/// "The Democratic Republic of the", "Province of China").
fn continues_name(token: &str) -> bool {
    let t = token.to_lowercase();
    t.ends_with(" of")
        || t.ends_with(" of the")
        || t.starts_with("the ")
        || t.starts_with("province of")
}

/// True when a country name or code is Iraq.
#[must_use]
pub fn is_iraq(name: &str) -> bool {
    matches!(
        fold(name).as_str(),
        "iraq" | "irq" | "iq" | "republic of iraq" | "العراق"
    )
}

/// Where a flow goes.
#[must_use]
pub fn destination(text: Option<&str>) -> Destination {
    let list = text.map(countries).unwrap_or_default();
    let iraq = list.iter().filter(|c| is_iraq(c)).count();
    match (list.len(), iraq) {
        (0, _) => Destination::Unknown,
        (n, i) if i == n => Destination::Iraq,
        (_, 0) => Destination::Others(list),
        _ => Destination::Several(list),
    }
}

/// How slash dates (`3/4/2025`) are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SlashOrder {
    /// `M/D/YYYY`, as Excel writes dates in the US.
    MonthFirst,
    /// `D/M/YYYY`.
    DayFirst,
}

/// The two leading numbers and the year of a slash date (`3/21/2025 0:00`).
fn slash_parts(text: &str) -> Option<(u32, u32, i32)> {
    let day = text.split([' ', 'T']).next()?;
    let mut parts = day.split('/');
    let (a, b, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || a.len() > 2 || b.len() > 2 {
        return None;
    }
    let year: i32 = match y.len() {
        4 => y.parse().ok()?,
        2 => 2000 + y.parse::<i32>().ok()?,
        _ => return None,
    };
    Some((a.parse().ok()?, b.parse().ok()?, year))
}

/// A flow's date: ISO (a time after it ignored), `YYYY/MM/DD`, or a slash date in
/// `order`.
fn parse_date(text: &str, order: SlashOrder) -> Option<NaiveDate> {
    let day = text.split([' ', 'T']).next().unwrap_or(text);
    if day.split(['-', '/']).next().is_some_and(|y| y.len() == 4) {
        let format = if day.contains('/') {
            "%Y/%m/%d"
        } else {
            "%Y-%m-%d"
        };
        return NaiveDate::parse_from_str(day, format).ok();
    }
    let (a, b, year) = slash_parts(text)?;
    let (month, day) = match order {
        SlashOrder::MonthFirst => (a, b),
        SlashOrder::DayFirst => (b, a),
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// How the file's slash dates read: day-first only when some can only be day-first
/// and none can only be month-first; with a warning when the reading is a guess.
fn slash_order(c: &mut Cells, rows: &[usize]) -> SlashOrder {
    let Some(i) = c.index(col::DATE) else {
        return SlashOrder::MonthFirst;
    };
    let (mut month_first, mut day_first, mut ambiguous) = (false, false, None);
    for &row in rows {
        let Some(text) = c.raw.cell(i, row) else {
            continue;
        };
        match slash_parts(text) {
            Some((a, b, _)) if b > 12 && a <= 12 => month_first = true,
            Some((a, b, _)) if a > 12 && b <= 12 => day_first = true,
            Some((a, b, _)) if a != b && ambiguous.is_none() => ambiguous = Some(text.to_string()),
            _ => {}
        }
    }
    let order = if day_first && !month_first {
        SlashOrder::DayFirst
    } else {
        SlashOrder::MonthFirst
    };
    if let (Some(example), false, false) = (ambiguous, month_first, day_first) {
        c.warnings.push(Warning {
            file: c.raw.file.clone(),
            message: format!(
                "dates such as \"{example}\" are read as month/day/year, as Excel writes them in the US"
            ),
        });
    }
    order
}

/// US dollars: digits (thousands commas allowed), a decimal amount rounded to the
/// dollar, or scientific notation as spreadsheets write large numbers.
fn parse_usd(text: &str) -> Option<i64> {
    let grouped = text.contains(',')
        && text
            .trim_start_matches('-')
            .split(',')
            .enumerate()
            .all(|(i, g)| {
                let digits = g.split('.').next().unwrap_or(g);
                digits.chars().all(|c| c.is_ascii_digit())
                    && if i == 0 {
                        (1..=3).contains(&digits.len())
                    } else {
                        digits.len() == 3
                    }
            });
    let plain = if grouped {
        text.replace(',', "")
    } else {
        text.to_string()
    };
    // At most ten trillion dollars a row, so a file's sums cannot overflow.
    let limit = super::cells::MAX_COUNT as i64;
    if let Ok(n) = plain.parse::<i64>() {
        return (n.abs() <= limit).then_some(n);
    }
    let x: f64 = plain.parse().ok()?;
    (x.is_finite() && x.abs() <= limit as f64).then(|| x.round() as i64)
}

/// Reads every flow to Iraq alone; counts and leaves out the rest.
pub(in crate::data) fn flows(c: &mut Cells) -> Result<Vec<FundingFlow>, DataError> {
    let mut iraq_rows = Vec::new();
    let mut others: BTreeMap<String, usize> = BTreeMap::new();
    let (mut other_rows, mut unknown_rows) = (0, 0);
    let mut several: Vec<Vec<String>> = Vec::new();
    let locations = c.index(col::FLOW_DEST_LOCATIONS);
    for row in c.rows() {
        let text = locations.and_then(|i| c.raw.cell(i, row));
        match destination(text) {
            Destination::Iraq => iraq_rows.push(row),
            Destination::Several(list) => several.push(list),
            Destination::Others(list) => {
                other_rows += 1;
                for country in list {
                    *others.entry(country).or_default() += 1;
                }
            }
            Destination::Unknown => unknown_rows += 1,
        }
    }
    let other_names: Vec<String> = others.into_keys().collect();
    if iraq_rows.is_empty() {
        return Err(DataError::NotIraq {
            file: c.raw.file.clone(),
            what: holds(&several, other_rows, &other_names),
        });
    }
    let order = slash_order(c, &iraq_rows);
    let mut out = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut repeated: Vec<String> = Vec::new();
    let mut negative: Vec<String> = Vec::new();
    for row in iraq_rows {
        let Some((mut flow, amount)) = flow(c, row, order) else {
            continue;
        };
        if let Some(id) = &flow.flow_id
            && !seen.insert(id.clone())
        {
            repeated.push(id.clone());
            continue;
        }
        match u64::try_from(amount) {
            Ok(usd) => {
                flow.amount_usd = usd;
                out.push(flow);
            }
            Err(_) => negative.push(
                flow.flow_id
                    .unwrap_or_else(|| format!("row {}", c.raw.line(row))),
            ),
        }
    }
    left_out(c, &several, other_rows, &other_names, unknown_rows);
    if !repeated.is_empty() {
        c.left_out.push(LeftOut {
            reason: "duplicate_flow",
            rows: repeated.len(),
            detail: format!(
                "{} left out, repeating a flow already read (flow ids {})",
                rows(repeated.len()),
                repeated.join(", ")
            ),
        });
    }
    if !negative.is_empty() {
        c.left_out.push(LeftOut {
            reason: "negative_amount",
            rows: negative.len(),
            detail: format!(
                "{} with a negative amount (corrections) left out ({})",
                rows(negative.len()),
                negative.join(", ")
            ),
        });
    }
    Ok(out)
}

/// One flow of a row already known to go to Iraq alone, with its signed amount
/// (`amount_usd` is set by the caller); `None` when a cell is a problem.
fn flow(c: &mut Cells, row: usize, order: SlashOrder) -> Option<(FundingFlow, i64)> {
    let amount = c.required(row, col::FLOW_AMOUNT_USD, USD, parse_usd);
    let status = c.token(row, col::FLOW_STATUS, FlowStatus::TOKENS, FlowStatus::parse);
    let types: Vec<&str> = [FlowType::Standard, FlowType::Parked, FlowType::PassThrough]
        .into_iter()
        .map(FlowType::label)
        .collect();
    let flow_type = c.optional(row, col::FLOW_TYPE, &one_of(&types), FlowType::read);
    let date = c.optional(row, col::DATE, DATE, |t| parse_date(t, order));
    let budget_year = c.optional(row, col::FLOW_BUDGET_YEAR, YEAR, parse_year);
    let (Some(amount), Some(status), Ok(flow_type), Ok(date), Ok(budget_year)) =
        (amount, status, flow_type, date, budget_year)
    else {
        return None;
    };
    let Some(year) = budget_year.or_else(|| date.map(|d| d.year())) else {
        c.problem(row, col::FLOW_BUDGET_YEAR, YEAR, "");
        return None;
    };
    let flow = FundingFlow {
        flow_id: c.opt_text(row, col::FLOW_ID),
        date,
        year,
        amount_usd: 0,
        status,
        flow_type,
        description: c.opt_text(row, col::FLOW_DESCRIPTION),
        source_organization: c.opt_text(row, col::FLOW_SRC_ORGANIZATION),
        destination_organization: c.opt_text(row, col::FLOW_DEST_ORGANIZATION),
        destination_plan: c.opt_text(row, col::FLOW_DEST_PLAN),
        destination_plan_code: c.opt_text(row, col::FLOW_DEST_PLAN_CODE),
        source_id: crate::data::cells::file_source_id(&c.raw.file),
    };
    Some((flow, amount))
}

/// "1 row", "1,596 rows".
fn rows(n: usize) -> String {
    if n == 1 {
        "1 row".into()
    } else {
        format!("{} rows", crate::data::grouped(n as u64))
    }
}

/// Names in a sentence: "A", "A and B", "A, B and C", "A, B, …, F and 12 more".
fn sentence(names: &[String]) -> String {
    const SHOWN: usize = 6;
    match names {
        [] => String::new(),
        [one] => one.clone(),
        _ if names.len() > SHOWN + 1 => format!(
            "{} and {} more",
            names[..SHOWN].join(", "),
            names.len() - SHOWN
        ),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Names after a colon: "A, B, C", at most 20 of them ("…, T and 80 more").
fn listed(names: &[String]) -> String {
    const SHOWN: usize = 20;
    if names.len() > SHOWN + 1 {
        format!(
            "{} and {} more",
            names[..SHOWN].join(", "),
            names.len() - SHOWN
        )
    } else {
        names.join(", ")
    }
}

/// The destination lists of flows to several countries, each once ("Iraq,
/// Syrian Arab Republic; IRQ, TUR").
fn several_lists(several: &[Vec<String>]) -> String {
    let lists: BTreeSet<String> = several.iter().map(|l| l.join(", ")).collect();
    lists.into_iter().collect::<Vec<_>>().join("; ")
}

/// What a file with no flow to Iraq alone holds, for its one refusal.
fn holds(several: &[Vec<String>], other_rows: usize, others: &[String]) -> String {
    match (several.len(), other_rows) {
        (0, 0) => "holds no flow with a destination country".into(),
        (0, _) => format!("holds flows to {} only", sentence(others)),
        (n, 0) => format!(
            "holds no flow to Iraq alone: {} of flows to Iraq and other countries together ({}) cannot be split by country",
            rows(n),
            several_lists(several)
        ),
        (n, _) => format!(
            "holds no flow to Iraq alone: {} of flows to Iraq and other countries together ({}) cannot be split by country, and the others go to {}",
            rows(n),
            several_lists(several),
            sentence(others)
        ),
    }
}

/// Records the rows of other countries, of several countries and of none.
fn left_out(
    c: &mut Cells,
    several: &[Vec<String>],
    other_rows: usize,
    others: &[String],
    unknown_rows: usize,
) {
    if !several.is_empty() {
        c.left_out.push(LeftOut {
            reason: "multi_country_flow",
            rows: several.len(),
            detail: format!(
                "{} of flows to Iraq and other countries together left out: such a flow cannot be split by country ({})",
                rows(several.len()),
                several_lists(several)
            ),
        });
    }
    if other_rows > 0 {
        let what = if other_rows == 1 {
            "1 row of another country".to_string()
        } else {
            format!("{} of other countries", rows(other_rows))
        };
        c.left_out.push(LeftOut {
            reason: "other_country",
            rows: other_rows,
            detail: format!("{what} left out: {}", listed(others)),
        });
    }
    if unknown_rows > 0 {
        c.left_out.push(LeftOut {
            reason: "no_country",
            rows: unknown_rows,
            detail: format!(
                "{} with no destination country left out",
                rows(unknown_rows)
            ),
        });
    }
}

/// First and last day of the flows: their dates, or the whole year of a flow that
/// has none.
pub(in crate::data) fn date_range(flows: &[FundingFlow]) -> Option<(NaiveDate, NaiveDate)> {
    let spans = flows.iter().filter_map(|f| match f.date {
        Some(d) => Some((d, d)),
        None => Some((
            NaiveDate::from_ymd_opt(f.year, 1, 1)?,
            NaiveDate::from_ymd_opt(f.year, 12, 31)?,
        )),
    });
    let (mut lo, mut hi) = (None::<NaiveDate>, None::<NaiveDate>);
    for (a, b) in spans {
        lo = Some(lo.map_or(a, |l| l.min(a)));
        hi = Some(hi.map_or(b, |h| h.max(b)));
    }
    Some((lo?, hi?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load::{FileLoad, LoadOptions, Progress, load_bytes};
    use crate::data::parsed::Table;
    use crate::data::{Dataset, Shape, TableKind};

    fn load(text: &str) -> Result<FileLoad, DataError> {
        let ctx = Dataset::empty().unwrap().load_context();
        load_bytes(
            &ctx,
            "flows.csv",
            Some("csv"),
            text.as_bytes(),
            &LoadOptions::default(),
            &Progress::none(),
        )
    }

    fn flows_of(l: &FileLoad) -> &[FundingFlow] {
        match &l.parsed.table {
            Table::FundingFlows(v) => v,
            other => panic!("not flows: {:?}", other.kind()),
        }
    }

    const HEADER: &str = "id,amountUSD,budgetYear,date,flowType,status,destLocations";

    #[test]
    fn country_lists_split_on_their_separators_and_keep_inverted_names_whole() {
        let cases: &[(&str, &[&str])] = &[
            ("IRQ", &["IRQ"]),
            ("IRQ,SYR", &["IRQ", "SYR"]),
            (
                "Iraq, Syrian Arab Republic",
                &["Iraq", "Syrian Arab Republic"],
            ),
            ("Iraq | Türkiye", &["Iraq", "Türkiye"]),
            ("Iraq; Jordan;", &["Iraq", "Jordan"]),
            ("Iran, Islamic Republic of", &["Iran, Islamic Republic of"]),
            ("Korea, Republic of, Iraq", &["Korea, Republic of", "Iraq"]),
            (
                "Congo, The Democratic Republic of the",
                &["Congo, The Democratic Republic of the"],
            ),
            ("Taiwan, Province of China", &["Taiwan, Province of China"]),
            ("IRQ,IRQ", &["IRQ"]),
            (" , ", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(countries(text), *expected, "{text}");
        }
    }

    #[test]
    fn a_flow_is_kept_only_when_it_goes_to_iraq_alone() {
        assert_eq!(destination(Some("Iraq")), Destination::Iraq);
        assert_eq!(destination(Some("irq")), Destination::Iraq);
        assert_eq!(destination(Some("العراق")), Destination::Iraq);
        assert_eq!(destination(Some("Iraq, IRQ")), Destination::Iraq);
        assert_eq!(destination(None), Destination::Unknown);
        assert_eq!(
            destination(Some("IRQ,SYR")),
            Destination::Several(vec!["IRQ".into(), "SYR".into()])
        );
        assert_eq!(
            destination(Some("Iran, Islamic Republic of")),
            Destination::Others(vec!["Iran, Islamic Republic of".into()])
        );
    }

    #[test]
    fn dates_read_iso_with_or_without_a_time_and_slashes_in_the_files_order() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let us = SlashOrder::MonthFirst;
        assert_eq!(parse_date("2025-03-21", us), d(2025, 3, 21));
        assert_eq!(parse_date("2025-03-21T00:00:00Z", us), d(2025, 3, 21));
        assert_eq!(parse_date("2025-03-21 00:00:00", us), d(2025, 3, 21));
        assert_eq!(parse_date("2025/03/21", us), d(2025, 3, 21));
        assert_eq!(parse_date("3/21/2025", us), d(2025, 3, 21));
        assert_eq!(parse_date("3/21/2025 0:00", us), d(2025, 3, 21));
        assert_eq!(parse_date("3/4/25", us), d(2025, 3, 4));
        assert_eq!(parse_date("3/4/2025", SlashOrder::DayFirst), d(2025, 4, 3));
        assert_eq!(parse_date("21/3/2025", us), None);
        assert_eq!(parse_date("2025-02-30", us), None);
        assert_eq!(parse_date("21 March 2025", us), None);
    }

    #[test]
    fn amounts_read_as_spreadsheets_write_them() {
        let cases: &[(&str, Option<i64>)] = &[
            ("606796", Some(606_796)),
            ("1,234,567", Some(1_234_567)),
            ("1,234,567.60", Some(1_234_568)),
            ("1234.4", Some(1234)),
            ("1.5E+07", Some(15_000_000)),
            ("-500", Some(-500)),
            ("0", Some(0)),
            ("12,34", None),
            ("1,2345", None),
            ("abc", None),
            ("NaN", None),
            ("1e300", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_usd(text), *expected, "{text}");
        }
    }

    #[test]
    fn iraq_flows_are_kept_and_the_rest_counted_by_reason() {
        let text = format!(
            "{HEADER}\n\
             1,100,2024,2024-02-01,Standard,paid,IRQ\n\
             2,200,,2023-12-31,Parked,commitment,Iraq\n\
             3,300,2024,,Pass through,pledge,IRQ\n\
             1,100,2024,2024-02-01,Standard,paid,IRQ\n\
             4,-50,2024,,Standard,paid,IRQ\n\
             5,999,2024,,Standard,paid,\"IRQ,SYR\"\n\
             6,999,2024,,Standard,paid,HTI\n\
             7,999,2024,,Standard,paid,SDN\n\
             8,999,2024,,Standard,paid,\n"
        );
        let l = load(&text).unwrap();
        assert_eq!(l.report.shape, Shape::FtsFlows);
        assert_eq!(l.report.kind, TableKind::FundingFlows);
        let flows = flows_of(&l);
        let kept: Vec<(&str, i32, u64, FlowStatus, Option<FlowType>)> = flows
            .iter()
            .map(|f| {
                (
                    f.flow_id.as_deref().unwrap_or(""),
                    f.year,
                    f.amount_usd,
                    f.status,
                    f.flow_type,
                )
            })
            .collect();
        assert_eq!(
            kept,
            [
                ("1", 2024, 100, FlowStatus::Paid, Some(FlowType::Standard)),
                (
                    "2",
                    2023,
                    200,
                    FlowStatus::Commitment,
                    Some(FlowType::Parked)
                ),
                (
                    "3",
                    2024,
                    300,
                    FlowStatus::Pledge,
                    Some(FlowType::PassThrough)
                ),
            ]
        );
        assert!(flows.iter().all(|f| f.source_id == "file:flows.csv"));
        let left: Vec<(&str, usize, &str)> = l
            .parsed
            .left_out
            .iter()
            .map(|o| (o.reason, o.rows, o.detail.as_str()))
            .collect();
        assert_eq!(
            left,
            [
                (
                    "multi_country_flow",
                    1,
                    "1 row of flows to Iraq and other countries together left out: such a flow cannot be split by country (IRQ, SYR)"
                ),
                (
                    "other_country",
                    2,
                    "2 rows of other countries left out: HTI, SDN"
                ),
                (
                    "no_country",
                    1,
                    "1 row with no destination country left out"
                ),
                (
                    "duplicate_flow",
                    1,
                    "1 row left out, repeating a flow already read (flow ids 1)"
                ),
                (
                    "negative_amount",
                    1,
                    "1 row with a negative amount (corrections) left out (4)"
                ),
            ]
        );
        assert_eq!(l.report.rows_read, 9);
        let range = l
            .report
            .date_range
            .map(|(a, b)| (a.to_string(), b.to_string()));
        assert_eq!(range, Some(("2023-12-31".into(), "2024-12-31".into())));
    }

    #[test]
    fn a_file_without_a_flow_to_iraq_alone_is_refused_once() {
        let only = format!("{HEADER}\n1,5,2024,,Standard,paid,AFG\n2,x,2024,,Standard,paid,AFG\n");
        assert_eq!(
            load(&only).unwrap_err().to_string(),
            "flows.csv: holds flows to AFG only; this app's data is Iraq's"
        );
        let names = "status,amountUSD,destLocations\npaid,1,Afghanistan\npaid,1,Haiti\npaid,1,\"Iran, Islamic Republic of\"\n";
        assert_eq!(
            load(names).unwrap_err().to_string(),
            "flows.csv: holds flows to Afghanistan, Haiti and Iran, Islamic Republic of only; this app's data is Iraq's"
        );
        let several = "status,amountUSD,destLocations\npaid,1,\"Iraq | Türkiye\"\npaid,1,Jordan\n";
        assert_eq!(
            load(several).unwrap_err().to_string(),
            "flows.csv: holds no flow to Iraq alone: 1 row of flows to Iraq and other countries together (Iraq, Türkiye) cannot be split by country, and the others go to Jordan; this app's data is Iraq's"
        );
    }

    #[test]
    fn bad_cells_of_iraq_flows_are_problems_with_row_and_column() {
        let text = format!(
            "{HEADER}\n1,abc,2024,,Standard,paid,IRQ\n2,5,,,Standard,paid,IRQ\n3,5,2024,,Lent,given,IRQ\n4,x,2024,,Standard,paid,AFG\n"
        );
        let e = load(&text).unwrap_err().to_string();
        let lines: Vec<&str> = e.lines().collect();
        assert_eq!(
            lines,
            [
                "flows.csv: row 2, column \"amountUSD\": expected a whole number of US dollars, 0 or more, found \"abc\"",
                "flows.csv: row 3, column \"budgetYear\": expected a budget year such as 2024, or a date, found \"\"",
                "flows.csv: row 4, column \"status\": expected one of paid, commitment, pledge, found \"given\"",
                "flows.csv: row 4, column \"flowType\": expected one of Standard, Parked, Pass through, found \"Lent\"",
            ]
        );
    }

    #[test]
    fn slash_dates_are_read_in_the_one_order_the_file_allows() {
        let us = format!(
            "{HEADER}\n1,5,,3/21/2025,Standard,paid,IRQ\n2,5,,4/3/2025,Standard,paid,IRQ\n"
        );
        let l = load(&us).unwrap();
        let dates: Vec<String> = flows_of(&l)
            .iter()
            .filter_map(|f| f.date.map(|d| d.to_string()))
            .collect();
        assert_eq!(dates, ["2025-03-21", "2025-04-03"]);
        assert!(l.report.warnings.is_empty(), "{:?}", l.report.warnings);
        let day_first = format!(
            "{HEADER}\n1,5,,21/3/2025,Standard,paid,IRQ\n2,5,,4/3/2025,Standard,paid,IRQ\n"
        );
        let l = load(&day_first).unwrap();
        let dates: Vec<String> = flows_of(&l)
            .iter()
            .filter_map(|f| f.date.map(|d| d.to_string()))
            .collect();
        assert_eq!(dates, ["2025-03-21", "2025-03-04"]);
        let guess = format!("{HEADER}\n1,5,,4/3/2025,Standard,paid,IRQ\n");
        let l = load(&guess).unwrap();
        let messages: Vec<&str> = l
            .report
            .warnings
            .iter()
            .map(|w| w.message.as_str())
            .collect();
        assert_eq!(
            messages,
            [
                "dates such as \"4/3/2025\" are read as month/day/year, as Excel writes them in the US"
            ]
        );
    }

    #[test]
    fn the_hdx_layout_with_its_hxl_row_is_flows_and_never_a_requirements_export() {
        // HDX tags `contributionType` and `flowType` alike: the headers decide.
        let text = "date,budgetYear,description,amountUSD,srcOrganization,destPlan,destPlanCode,destOrganization,destLocations,contributionType,flowType,status,id\n\
             #date,#date+year+budget,#description+notes,#value+funding+total+usd,#org+name+funder,#activity+appeal+name,#activity+appeal+id+external,#org+name+impl,#country+iso3+impl+list,#financial+contribution+type,#financial+contribution+type,#status+text,#activity+id+fts_internal\n\
             2024-05-01,2024,Made up,1000,Donor A,Iraq 2024,HIRQ24,Agency B,IRQ,financial,Pass through,paid,9\n";
        let l = load(text).unwrap();
        assert!(l.report.hxl);
        assert_eq!(l.report.shape, Shape::FtsFlows);
        let f = &flows_of(&l)[0];
        assert_eq!(f.flow_type, Some(FlowType::PassThrough));
        assert_eq!(f.destination_plan_code.as_deref(), Some("HIRQ24"));
        assert_eq!(f.source_organization.as_deref(), Some("Donor A"));
        assert_eq!(f.amount_usd, 1000);
        let requirements = "countryCode,id,name,code,typeId,typeName,year,requirements,funding,percentFunded\n\
             #country+code,#activity+appeal+id+fts_internal,#activity+appeal+name,#activity+appeal+id+external,#activity+appeal+type+id+fts_internal,#activity+appeal+type+name,#date+year,#value+funding+required+usd,#value+funding+total+usd,#value+funding+pct\n\
             IRQ,1,Plan,HIRQ24,4,Humanitarian response plan,2024,10,5,50\n";
        assert_eq!(load(requirements).unwrap().report.shape, Shape::FtsExport);
    }

    #[test]
    fn names_read_as_a_sentence() {
        let n = |v: &[&str]| v.iter().map(ToString::to_string).collect::<Vec<_>>();
        assert_eq!(sentence(&n(&["A"])), "A");
        assert_eq!(sentence(&n(&["A", "B"])), "A and B");
        assert_eq!(sentence(&n(&["A", "B", "C"])), "A, B and C");
        assert_eq!(
            sentence(&n(&["A", "B", "C", "D", "E", "F", "G", "H"])),
            "A, B, C, D, E, F and 2 more"
        );
        assert_eq!(rows(1_596), "1,596 rows");
    }
}

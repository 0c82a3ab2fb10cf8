//! `export`: a chart to SVG or PNG, the numbers behind it to CSV, or the briefing
//! sheet, for the common filters (DESIGN §3). The format comes from `--out`'s
//! extension. Usage problems (an unknown chart, the map, a wrong extension, a size out
//! of range, an unwritable `--out`) exit 2 before any data is loaded where possible; a
//! refused `--data` file exits 1 as in `check`.

use std::path::{Path, PathBuf};

use super::{CommonArgs, Failure, Output, load};
use crate::export::{self, ExportError, ExportRequest, Format, PictureSize, What};
use crate::model::PanelId;
use crate::query::{self, Choices};

/// The largest `--scale`.
pub const MAX_SCALE: u32 = 8;

/// The options of `export`, as clap parsed them (names are checked here, so the
/// messages can say what to use instead).
// Each bool is an independent command-line flag.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ExportArgs {
    /// Chart to export as SVG or PNG: idps, governorates, camps, funding, map or
    /// compare; or briefing, the briefing paragraph as Markdown (.md), plain text (.txt),
    /// SVG or PNG.
    #[arg(long, value_name = "CHART")]
    pub chart: Option<String>,
    /// The numbers behind a chart, as CSV: idps, governorates, camps, funding, map or
    /// compare; briefing: the sources the paragraph cites.
    #[arg(long, value_name = "TABLE")]
    pub table: Option<String>,
    /// The one-page briefing sheet (A4 landscape), as SVG or PNG.
    #[arg(long)]
    pub sheet: bool,
    /// Where to write; the format comes from the extension (.svg, .png, .csv; .md or
    /// .txt for --chart briefing).
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// Width in px (default 800 for a chart, 1123 for the sheet).
    #[arg(long, value_name = "PX")]
    pub width: Option<u32>,
    /// Height in px (default 500 for a chart, 794 for the sheet).
    #[arg(long, value_name = "PX")]
    pub height: Option<u32>,
    /// PNG pixels per px: `--width 800 --scale 2` writes a 1600 px wide PNG.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub scale: u32,
    /// Leave out the dated event markers.
    #[arg(long)]
    pub no_events: bool,
    /// Mark every dated event, not only the key ones.
    #[arg(long, conflicts_with = "no_events")]
    pub all_events: bool,
    /// Draw the camps chart's other counts (other definitions and scopes) for comparison.
    #[arg(long)]
    pub comparisons: bool,
    /// The map's date: the latest governorate table on or before it (default: the
    /// latest in range). Only with `--chart map` or `--table map`.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<chrono::NaiveDate>,
    /// Draw the map as the tile grid. Only with `--chart map`.
    #[arg(long)]
    pub tiles: bool,
    /// Put the briefing paragraph and its notes on the sheet, under the cards. Only
    /// with `--sheet`.
    #[arg(long)]
    pub with_text: bool,
    /// The comparison's first date: a date with a governorate table in range
    /// (default: the first complete one). Only with `--chart compare` or `--table compare`.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from_date: Option<chrono::NaiveDate>,
    /// The comparison's second date (default: the last complete table in range).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to_date: Option<chrono::NaiveDate>,
}

/// The chart names `--chart` and `--table` accept.
const CHOICES: &str = "idps, governorates, camps, funding, map, compare or briefing";

fn chart_named(name: &str, option: &str) -> Result<PanelId, Failure> {
    match PanelId::named(name) {
        Some(panel) => Ok(panel),
        None => Err(Failure::usage(format!(
            "unknown {option} \"{name}\"; choose {CHOICES}"
        ))),
    }
}

/// The view choices of the options: the displacement basis, UNHCR and IDMC beside
/// DTM, the camps chart's other counts with `--comparisons`, the events as asked.
#[must_use]
pub fn choices(args: &ExportArgs) -> Choices {
    Choices {
        show_events: !args.no_events,
        all_events: args.all_events,
        camp_comparisons: args.comparisons,
        map_date: args.date,
        map_tiles: args.tiles,
        sheet_text: args.with_text,
        compare_from: args.from_date,
        compare_to: args.to_date,
        ..Choices::default()
    }
}

/// What the options ask for, checked before any data is loaded.
pub fn request(args: &ExportArgs) -> Result<ExportRequest, Failure> {
    let what = match (&args.chart, &args.table, args.sheet) {
        (Some(c), None, false) => What::Chart(chart_named(c, "chart")?),
        (None, Some(t), false) => What::Table(chart_named(t, "table")?),
        (None, None, true) => What::Sheet,
        (None, None, false) => {
            return Err(Failure::usage(
                "say what to export: --chart CHART, --table TABLE or --sheet",
            ));
        }
        _ => {
            return Err(Failure::usage(
                "export one thing at a time: --chart, --table or --sheet",
            ));
        }
    };
    let map = matches!(what, What::Chart(PanelId::Map) | What::Table(PanelId::Map));
    if args.date.is_some() && !map {
        return Err(Failure::usage(
            "--date is the map's date: use it with --chart map or --table map",
        ));
    }
    let compare = matches!(
        what,
        What::Chart(PanelId::Compare) | What::Table(PanelId::Compare)
    );
    if (args.from_date.is_some() || args.to_date.is_some()) && !compare {
        return Err(Failure::usage(
            "--from-date and --to-date are the compared dates: use them with --chart compare or --table compare",
        ));
    }
    if let (Some(from), Some(to)) = (args.from_date, args.to_date)
        && from >= to
    {
        return Err(Failure::usage(format!(
            "--from-date {from} is not before --to-date {to}: give the earlier date first"
        )));
    }
    if args.tiles && what != What::Chart(PanelId::Map) {
        return Err(Failure::usage(
            "--tiles draws the map as tiles: use it with --chart map",
        ));
    }
    if args.with_text && what != What::Sheet {
        return Err(Failure::usage(
            "--with-text puts the briefing paragraph on the sheet: use it with --sheet",
        ));
    }
    let expected = match what {
        What::Table(_) => ".csv",
        What::Chart(PanelId::Briefing) => ".md, .txt, .svg or .png",
        _ => ".svg or .png",
    };
    let format = match Format::from_path(&args.out) {
        Some(Format::Png { .. }) => Format::Png { scale: args.scale },
        Some(f) => f,
        None => {
            return Err(Failure::usage(format!(
                "cannot tell the format of {}: end the file name with {expected}",
                args.out.display()
            )));
        }
    };
    export::check(what, format).map_err(|e| failure(&e))?;
    if !(1..=MAX_SCALE).contains(&args.scale) {
        return Err(Failure::usage(format!(
            "--scale {} is out of range; use 1 to {MAX_SCALE}",
            args.scale
        )));
    }
    check_folder(&args.out).map_err(|e| failure(&e))?;
    Ok(ExportRequest {
        what,
        format,
        path: args.out.clone(),
        size: PictureSize {
            width: args.width,
            height: args.height,
        },
    })
}

/// The folder of `path` exists and `path` is not a folder itself.
fn check_folder(path: &Path) -> Result<(), ExportError> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let reason = if path.is_dir() {
        "it is a folder".to_string()
    } else if folder.is_dir() {
        return Ok(());
    } else if folder.exists() {
        format!("{} is not a folder", folder.display())
    } else {
        format!("the folder {} does not exist", folder.display())
    };
    Err(ExportError::Write {
        path: path.to_path_buf(),
        reason,
    })
}

fn failure(error: &ExportError) -> Failure {
    Failure {
        code: if error.is_usage() { 2 } else { 1 },
        message: error.to_string(),
    }
}

/// Runs `export`.
pub fn run(common: &CommonArgs, args: &ExportArgs) -> Result<Output, Failure> {
    let request = request(args)?;
    let loaded = load(common, &[])?;
    let choices = compared_choices(&loaded, choices(args))?;
    let dash = query::dashboard(&loaded.dataset, &loaded.filters, &choices);
    let path = export::run(&request, &dash, export::generated_on()).map_err(|e| failure(&e))?;
    let mut warnings = super::filter_warnings(&loaded.dataset, common);
    warnings.extend(super::warning_lines(&loaded.dataset.warnings));
    Ok(Output {
        stdout: format!("wrote {}\n", path.display()),
        warnings,
        code: 0,
    })
}

/// The choices with the compared dates checked against the governorate tables in
/// range: a date given that has none is a usage error listing those that do (partial
/// ones marked); a partial table given on purpose is compared (and marked).
fn compared_choices(loaded: &super::Loaded, mut choices: Choices) -> Result<Choices, Failure> {
    use crate::query::charts::compare::{chosen_dates, offered_dates};
    let asked = [choices.compare_from, choices.compare_to];
    if asked.iter().all(Option::is_none) {
        return Ok(choices);
    }
    let with_partial = Choices {
        compare_partial: true,
        ..choices
    };
    let offered = offered_dates(&loaded.dataset, &loaded.filters, &with_partial);
    for date in asked.into_iter().flatten() {
        if let Some(d) = offered.iter().find(|d| d.date == date) {
            choices.compare_partial |= !d.complete;
            continue;
        }
        let known: Vec<String> = offered
            .iter()
            .map(|d| {
                if d.complete {
                    d.date.to_string()
                } else {
                    format!("{} (partial)", d.date)
                }
            })
            .collect();
        let known = if known.is_empty() {
            "none".to_string()
        } else {
            known.join(", ")
        };
        return Err(Failure::usage(format!(
            "no governorate table on {date} in {}; tables exist for: {known}",
            query::cards::years(&loaded.filters)
        )));
    }
    // One date given: the other is its default, which must lie on the other side.
    let offered = offered_dates(&loaded.dataset, &loaded.filters, &choices);
    let chosen = chosen_dates(&offered, &choices);
    let kept = chosen.is_some_and(|(from, to)| {
        choices.compare_from.is_none_or(|d| d == from) && choices.compare_to.is_none_or(|d| d == to)
    });
    if !kept {
        let (option, date) = match (choices.compare_from, choices.compare_to) {
            (Some(d), _) => ("--from-date", d),
            (None, Some(d)) => ("--to-date", d),
            (None, None) => return Ok(choices),
        };
        return Err(Failure::usage(format!(
            "{option} {date} leaves nothing to compare it with in {}: give both --from-date and --to-date",
            query::cards::years(&loaded.filters)
        )));
    }
    Ok(choices)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(chart: Option<&str>, table: Option<&str>, sheet: bool, out: &str) -> ExportArgs {
        ExportArgs {
            chart: chart.map(String::from),
            table: table.map(String::from),
            sheet,
            out: PathBuf::from(out),
            scale: 1,
            ..ExportArgs::default()
        }
    }

    fn message(a: &ExportArgs) -> String {
        let f = request(a).unwrap_err();
        assert_eq!(f.code, 2, "{}", f.message);
        f.message
    }

    #[test]
    fn the_request_follows_the_options() {
        let r = request(&args(Some("idps"), None, false, "x.PNG")).unwrap();
        assert_eq!(r.what, What::Chart(PanelId::Idps));
        assert_eq!(r.format, Format::Png { scale: 1 });
        let r = request(&args(None, Some("funding"), false, "x.csv")).unwrap();
        assert_eq!(r.what, What::Table(PanelId::Funding));
        let r = request(&args(None, None, true, "x.svg")).unwrap();
        assert_eq!((r.what, r.format), (What::Sheet, Format::Svg));
    }

    #[test]
    fn usage_problems_say_what_to_do() {
        assert_eq!(
            request(&args(Some("map"), None, false, "x.png"))
                .unwrap()
                .what,
            What::Chart(PanelId::Map)
        );
        assert_eq!(
            message(&args(Some("pie"), None, false, "x.png")),
            "unknown chart \"pie\"; choose idps, governorates, camps, funding, map, compare or briefing"
        );
        let tiles = ExportArgs {
            tiles: true,
            ..args(Some("idps"), None, false, "x.svg")
        };
        assert_eq!(
            message(&tiles),
            "--tiles draws the map as tiles: use it with --chart map"
        );
        assert_eq!(
            message(&args(None, Some("atlas"), false, "x.csv")),
            "unknown table \"atlas\"; choose idps, governorates, camps, funding, map, compare or briefing"
        );
        let dates = |chart: &str| ExportArgs {
            from_date: chrono::NaiveDate::from_ymd_opt(2025, 12, 31),
            to_date: chrono::NaiveDate::from_ymd_opt(2017, 12, 31),
            ..args(Some(chart), None, false, "x.svg")
        };
        assert_eq!(
            message(&dates("idps")),
            "--from-date and --to-date are the compared dates: use them with --chart compare or --table compare"
        );
        assert_eq!(
            message(&dates("compare")),
            "--from-date 2025-12-31 is not before --to-date 2017-12-31: give the earlier date first"
        );
        assert_eq!(
            message(&args(None, None, false, "x.png")),
            "say what to export: --chart CHART, --table TABLE or --sheet"
        );
        assert_eq!(
            message(&args(Some("idps"), None, true, "x.png")),
            "export one thing at a time: --chart, --table or --sheet"
        );
        assert_eq!(
            message(&args(Some("idps"), None, false, "x.jpg")),
            "cannot tell the format of x.jpg: end the file name with .svg or .png"
        );
        assert_eq!(
            message(&args(None, Some("idps"), false, "x.png")),
            "a table cannot be exported as PNG; use a .csv file"
        );
        let mut a = args(Some("idps"), None, false, "x.png");
        a.scale = 0;
        assert_eq!(message(&a), "--scale 0 is out of range; use 1 to 8");
        assert_eq!(
            message(&args(Some("idps"), None, false, "/no/such/folder/x.png")),
            "cannot write /no/such/folder/x.png: the folder /no/such/folder does not exist"
        );
    }
}

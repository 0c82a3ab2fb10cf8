//! `summary --text` and `--markdown`: the briefing paragraph (issue 13), exact for three
//! filter sets, and every number in it one of `summary --json`'s for the same filters.

use serde_json::Value;

use crate::support::{run, summary_json};

/// The paragraph (without its notes) of `summary --text ARGS`.
fn paragraph(args: &[&str]) -> String {
    let mut all = vec!["summary", "--text"];
    all.extend_from_slice(args);
    let r = run(&all);
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    r.stdout
        .split("\n\nNotes: ")
        .next()
        .unwrap_or_default()
        .trim_end()
        .to_string()
}

const NATIONAL: &str = "Iraq had 997,334 internally displaced people at the end of 2025 (IOM DTM figures as published by UNHCR), down 70.8% from the peak of 3.42 million in March 2016 (IOM DTM, round 42). At least 5.97 million people, IDPs and returnees together, had been displaced at some point since 2014 by April 2024 (IOM DTM, round 132). 20 IDP camps were open in the Kurdistan Region in December 2025, with 101,886 people in them (Al-Mada). 26 named camps were closed, reclassified or consolidated in 2014–2025. Iraq's humanitarian appeals for 2014–2022 were 85.4% funded (OCHA FTS, as of 20 Feb 2026); for 2022, FTS records 90.4%, although OCHA reported 67% at the end of that year. There has been no Iraq appeal since 2022; in 2025 FTS records $99.6 million of funding to Iraq outside any appeal, which is not appeal coverage.";

const NINEWA_2017_2020: &str = "Ninewa had 273,056 internally displaced people at the end of 2020 (IOM DTM, round 119), down 66.2% from its highest year-end figure, 807,324 at the end of 2017 (IOM DTM, round 86). Nationally, at least 6.06 million people, IDPs and returnees together, had been displaced at some point since 2014 by the end of 2020 (IOM DTM, round 119). No camp count for Ninewa alone was found; 27 formal camps were open in Iraq at the end of 2020 (REACH / CCCM Cluster). 8 named camps in Ninewa were closed, reclassified or consolidated in 2017–2020. Iraq's humanitarian appeals for 2017–2020 were 95.6% funded (OCHA FTS, as of 20 Feb 2026).";

const KURDISTAN_REGION: &str = "The Kurdistan Region had 560,518 internally displaced people at the end of 2025 (IOM DTM figures as published by UNHCR), down 39.4% from its highest year-end figure, 925,380 in December 2015 (IOM DTM, round 34). Nationally, at least 5.97 million people, IDPs and returnees together, had been displaced at some point since 2014 by April 2024 (IOM DTM, round 132). 20 IDP camps were open in the Kurdistan Region in December 2025, with 101,886 people in them (Al-Mada). 4 named camps in the Kurdistan Region were closed, reclassified or consolidated in 2014–2025. Iraq's humanitarian appeals for 2014–2022 were 85.4% funded (OCHA FTS, as of 20 Feb 2026); for 2022, FTS records 90.4%, although OCHA reported 67% at the end of that year. There has been no Iraq appeal since 2022; in 2025 FTS records $99.6 million of funding to Iraq outside any appeal, which is not appeal coverage.";

#[test]
fn the_paragraph_for_iraq_ninewa_2017_2020_and_the_kurdistan_region() {
    assert_eq!(paragraph(&[]), NATIONAL);
    assert_eq!(
        paragraph(&["--governorate", "Ninewa", "--from", "2017", "--to", "2020"]),
        NINEWA_2017_2020
    );
    assert_eq!(
        paragraph(&["--governorate", "Kurdistan Region"]),
        KURDISTAN_REGION
    );
}

/// A number as the paragraph writes it: "997,334", "3.42 million", "70.8%", "$99.6
/// million", "2025".
#[derive(Debug)]
struct Written {
    value: f64,
    decimals: i32,
    millions: bool,
    percent: bool,
}

fn written_numbers(text: &str) -> Vec<Written> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || ((chars[i] == ',' || chars[i] == '.')
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
        {
            i += 1;
        }
        let token: String = chars[start..i].iter().filter(|c| **c != ',').collect();
        let decimals = token.split_once('.').map_or(0, |(_, d)| d.len() as i32);
        let rest: String = chars[i..].iter().take(8).collect();
        out.push(Written {
            value: token.parse().expect("a number"),
            decimals,
            millions: rest.starts_with(" million"),
            percent: rest.starts_with('%'),
        });
    }
    out
}

/// Every number of the JSON object, and the year and day of every date in it.
fn json_numbers(v: &Value, out: &mut Vec<f64>) {
    match v {
        Value::Number(n) => out.extend(n.as_f64()),
        Value::String(s) => {
            let parts: Vec<&str> = s.split('-').collect();
            if let [y, m, d] = parts.as_slice()
                && let (Ok(y), Ok(_), Ok(d)) =
                    (y.parse::<f64>(), m.parse::<u32>(), d.parse::<f64>())
            {
                out.extend([y, d]);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| json_numbers(x, out)),
        Value::Object(o) => o.values().for_each(|x| json_numbers(x, out)),
        Value::Bool(_) | Value::Null => {}
    }
}

fn rounded(v: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (v * f).round() / f
}

#[test]
fn every_number_of_the_paragraph_is_one_of_summary_json() {
    for (args, text) in [
        (vec![], NATIONAL),
        (
            vec!["--governorate", "Ninewa", "--from", "2017", "--to", "2020"],
            NINEWA_2017_2020,
        ),
        (vec!["--governorate", "Kurdistan Region"], KURDISTAN_REGION),
    ] {
        let mut known = Vec::new();
        json_numbers(&summary_json(&args), &mut known);
        // "Displaced since 2014" names the measure; it is not a figure.
        let written = written_numbers(&text.replace("since 2014", "since"));
        assert!(written.len() >= 15, "{written:?}");
        for w in &written {
            let found = known.iter().any(|&v| {
                if w.millions {
                    (rounded(v / 1e6, w.decimals) - w.value).abs() < 1e-9
                } else if w.percent {
                    (rounded(v.abs(), w.decimals) - w.value).abs() < 1e-9
                } else {
                    (v - w.value).abs() < 1e-9
                }
            });
            assert!(found, "{w:?} of {text:?} is not in summary --json {args:?}");
        }
    }
}

#[test]
fn markdown_lists_the_citations_with_their_urls() {
    let r = run(&["summary", "--markdown"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (paragraph, rest) = r.stdout.split_once("\n\n").expect("a paragraph");
    assert!(
        paragraph.starts_with(
            "Iraq had 997,334 internally displaced people at the end of 2025 [1], down 70.8% from the peak of 3.42 million in March 2016 [2]."
        ),
        "{paragraph}"
    );
    assert!(
        rest.contains("**Notes.** \u{201c}Displaced since 2014\u{201d} adds IDPs and returnees")
    );
    let sources: Vec<&str> = rest
        .split("**Sources**\n\n")
        .nth(1)
        .expect("a list of sources")
        .lines()
        .collect();
    assert_eq!(sources.len(), 5, "{sources:?}");
    assert!(sources[0].starts_with(
        "1. IOM DTM figures as published by UNHCR \u{2014} UNHCR (Refugee Data Finder"
    ));
    assert!(
        sources[0].ends_with("data/population.rda>"),
        "{}",
        sources[0]
    );
    assert!(
        sources[4]
            .starts_with("5. OCHA FTS, as of 20 Feb 2026 \u{2014} OCHA Financial Tracking Service")
    );
}

#[test]
fn the_notes_say_which_caveats_apply() {
    let r = run(&["summary", "--text", "--from", "2017", "--to", "2019"]);
    let notes = r.stdout.split("\n\nNotes: ").nth(1).expect("notes");
    assert!(notes.contains("cumulative and a lower bound"));
    // Not in range: the 2020 method change, DTM-based figures after April 2024,
    // figures reported at the time (2021 and 2022 only).
    assert!(!notes.contains("August 2020"), "{notes}");
    assert!(!notes.contains("republished by UNHCR"), "{notes}");
    assert!(!notes.contains("reported at the time"), "{notes}");
    let r = run(&["summary", "--text", "--governorate", "Dahuk"]);
    assert!(r.stdout.contains("may code Dahuk and Diyala differently"));
    let r = run(&["summary", "--json", "--text"]);
    assert_eq!(r.code, 2, "one form at a time: {}", r.stderr);
}

/// A scratch path for an export.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("dd-briefing-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir.join(name)
}

/// Runs `export ARGS --out NAME` (in a scratch folder), which must succeed, and
/// returns what it wrote.
fn exported(args: &[&str], name: &str) -> String {
    let out = scratch(name);
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    all.extend(["--out", out.to_str().expect("utf-8")]);
    let r = run(&all);
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    std::fs::read_to_string(&out).expect("written")
}

#[test]
fn export_writes_the_briefing_as_markdown_text_svg_and_its_sources_as_csv() {
    let ninewa = ["--governorate", "Ninewa", "--from", "2017", "--to", "2020"];
    let mut args = vec!["--chart", "briefing"];
    args.extend(ninewa);
    let text = exported(&args, "b.md");
    let mut summary = vec!["summary", "--markdown"];
    summary.extend(ninewa);
    let markdown = run(&summary).stdout;
    assert!(
        text.starts_with(
            "# Briefing text: displacement and aid in Iraq\n\nNinewa \u{b7} 2017\u{2013}2020\n\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(&markdown),
        "the file holds summary --markdown: {text}"
    );
    assert!(text.contains("\ndisplacement-dashboard \u{b7} "), "{text}");

    let text = exported(&["--chart", "briefing"], "b.txt");
    assert!(text.contains(&format!("{NATIONAL}\n\nNotes: ")), "{text}");
    assert!(
        text.contains("\nSources\n1. IOM DTM figures as published by UNHCR: "),
        "{text}"
    );

    let picture = exported(&["--chart", "briefing"], "b.svg");
    assert!(
        picture.contains(">Iraq had 997,334 internally displaced people at the end of 2025"),
        "the paragraph's first line is text in the SVG"
    );

    let rows = exported(&["--table", "briefing"], "b.csv");
    let mut lines = rows.split("\r\n");
    assert_eq!(lines.next(), Some("\u{feff}ref,cited_as,source,url"));
    assert!(
        lines
            .next()
            .is_some_and(|l| l.starts_with("1,IOM DTM figures as published by UNHCR,")),
        "{rows}"
    );
}

#[test]
fn the_sheet_carries_the_paragraph_only_with_with_text() {
    let first_line = ">Iraq had 997,334 internally displaced people at the end of 2025";
    let with = exported(&["--sheet", "--with-text"], "with.svg");
    assert!(with.contains(first_line), "the sheet carries the paragraph");
    assert!(with.contains("class=\"notes\""), "and its notes");
    // A4's width; taller by the paragraph's block, so the charts keep their room.
    assert!(
        with.contains("width=\"1123\" height=\"878\""),
        "{}",
        &with[..120]
    );
    let without = exported(&["--sheet"], "without.svg");
    assert!(!without.contains(first_line), "not unless asked");
    assert!(
        without.contains("width=\"1123\" height=\"794\""),
        "A4 without it"
    );
}

#[test]
fn text_formats_are_only_for_the_briefing() {
    let out = scratch("idps.md");
    let r = run(&[
        "export",
        "--chart",
        "idps",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "displacement-dashboard: a chart cannot be exported as Markdown; use a .svg or .png file (only --chart briefing is text)\n"
    );
    let r = run(&["export", "--chart", "idps", "--with-text", "--out", "x.svg"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "displacement-dashboard: --with-text puts the briefing paragraph on the sheet: use it with --sheet\n"
    );
}

//! `summary`: the headline figures, checked against the published sources.

use serde_json::Value;

use crate::support::{run, summary_json};

fn funding_year(s: &Value, year: i64) -> &Value {
    s["funding"]["years"]
        .as_array()
        .expect("years")
        .iter()
        .find(|y| y["year"] == year)
        .unwrap_or_else(|| panic!("no funding year {year}"))
}

#[test]
fn latest_idps_are_dtms_end_2025_figure_as_published_by_unhcr() {
    let s = summary_json(&[]);
    let latest = &s["idps"]["latest"];
    assert_eq!(latest["value"], 997_334);
    assert_eq!(latest["date"], "2025-12-31");
    assert_eq!(latest["round"], Value::Null, "never a DTM round");
    assert_eq!(latest["basis"], "dtm_via_unhcr");
    assert_eq!(
        latest["published_as"],
        "IOM DTM figures as published by UNHCR"
    );
    assert_eq!(latest["source_id"], "c_unhcr_rdf_2026");
    assert_eq!(s["idps"]["series"], "dtm");
    assert_eq!(s["filters"]["from"], 2014);
    assert_eq!(s["filters"]["to"], 2025);
    let continuation = &s["idps"]["continuation"];
    assert_eq!(continuation["series"], "unhcr_year_end");
    assert_eq!(continuation["basis"], "dtm_via_unhcr");
    let values: Vec<&Value> = continuation["points"]
        .as_array()
        .expect("points")
        .iter()
        .map(|p| &p["value"])
        .collect();
    assert_eq!(values, [1_031_475, 997_334]);
}

#[test]
fn round_132_stays_dtms_last_round() {
    for args in [&[][..], &["--to", "2024"][..]] {
        let s = summary_json(args);
        let r132 = &s["idps"]["last_round"];
        assert_eq!(r132["round"], 132, "{args:?}");
        assert_eq!(r132["value"], 1_098_913);
        assert_eq!(r132["date"], "2024-04-30");
        assert_eq!(r132["basis"], "dtm");
    }
    // With the range ending in 2024, the latest is the end-2024 figure.
    let s = summary_json(&["--to", "2024"]);
    assert_eq!(s["idps"]["latest"]["value"], 1_031_475);
    assert_eq!(s["idps"]["latest"]["date"], "2024-12-31");
    assert_eq!(s["idps"]["latest"]["basis"], "dtm_via_unhcr");
    // A range ending before the continuation: DTM's own rounds, with their round.
    let s = summary_json(&["--to", "2023"]);
    assert_eq!(s["idps"]["latest"]["round"], 131);
    assert_eq!(s["idps"]["latest"]["basis"], "dtm");
    assert_eq!(s["idps"]["continuation"], Value::Null);
}

// DESIGN §3 settles the peak: round 42 (March 2016) overall; 30 June 2017 from 2017 on.
#[test]
fn peak_is_round_42_overall_and_june_2017_from_2017_on() {
    let s = summary_json(&[]);
    assert_eq!(s["idps"]["peak"]["value"], 3_417_768);
    assert_eq!(s["idps"]["peak"]["round"], 42);
    assert_eq!(s["idps"]["peak"]["date"], "2016-03-01");
    let s = summary_json(&["--from", "2017"]);
    assert_eq!(s["idps"]["peak"]["value"], 3_351_132);
    assert_eq!(s["idps"]["peak"]["date"], "2017-06-30");
}

#[test]
fn displaced_since_2014_is_idps_plus_returnees_in_april_2024() {
    let s = summary_json(&[]);
    let since = &s["idps"]["displaced_since_2014"];
    assert_eq!(since["value"], 5_970_829);
    assert_eq!(since["date"], "2024-04-30");
    // The end-2024 returnee figure is second-hand (press): a comparison only.
    let comparison = &since["comparison"];
    assert_eq!(comparison["date"], "2024-12-31");
    assert_eq!(comparison["idps"], 1_031_475);
    assert_eq!(comparison["returnees"], 4_927_890);
    assert_eq!(comparison["value"], 5_959_365);
    assert_eq!(comparison["source_id"], "c_alssaa_2026_01_05");
}

/// A year with no appeal: year, outside any appeal, the regional plan's Iraq
/// requirement and funding, and their total.
type Beside = (i64, u64, Option<u64>, Option<u64>, u64);

#[test]
fn coverage_per_year_matches_fts() {
    let s = summary_json(&[]);
    for (year, pct) in [
        (2017, 95.2),
        (2018, 97.6),
        (2019, 97.1),
        (2020, 93.1),
        (2021, 64.9),
    ] {
        assert_eq!(funding_year(&s, year)["coverage_pct"], pct, "{year}");
    }
    let y2022 = funding_year(&s, 2022);
    assert_eq!(y2022["coverage_pct"], 90.4);
    assert_eq!(y2022["coverage_reported_pct"], 67.0);
    assert_eq!(funding_year(&s, 2021)["coverage_reported_pct"], 63.0);
    assert_eq!(funding_year(&s, 2017)["coverage_reported_pct"], Value::Null);
    // The appeals' figures are February 2026's FTS copy (the years after them April's).
    assert_eq!(s["funding"]["fts_as_of"], "2026-02-20");
    assert_eq!(
        s["funding"]["no_appeal_years"],
        serde_json::json!([2023, 2024, 2025])
    );
    // Years with no appeal: what FTS reports beside it, never in coverage.
    let beside = s["funding"]["beside_appeals"].as_array().expect("beside");
    let rows: Vec<Beside> = beside
        .iter()
        .map(|y| {
            (
                y["year"].as_i64().unwrap_or_default(),
                y["outside_appeal_usd"].as_u64().unwrap_or_default(),
                y["regional_refugee_requirements_usd"].as_u64(),
                y["regional_refugee_funding_usd"].as_u64(),
                y["total_humanitarian_usd"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                2023,
                211_058_163,
                Some(211_313_017),
                Some(63_537_538),
                274_595_701
            ),
            (
                2024,
                96_200_040,
                Some(154_504_589),
                Some(132_990_779),
                229_190_819
            ),
            (2025, 99_551_499, None, None, 99_551_499),
        ]
    );
    assert_eq!(s["funding"]["coverage_pct"], 85.4, "2014-2022 appeals only");
    // The snapshot is that of the rows in range: 2014-2022 were read from the
    // February copy (the April copy has the same rows).
    let s = summary_json(&["--to", "2022"]);
    assert_eq!(s["funding"]["fts_as_of"], "2026-02-20");
}

#[test]
fn coverage_2017_to_2020_together_is_95_6() {
    let s = summary_json(&["--from", "2017", "--to", "2020"]);
    assert_eq!(s["funding"]["coverage_pct"], 95.6);
    assert_eq!(s["funding"]["years"].as_array().map(Vec::len), Some(4));
}

#[test]
fn ninewa_latest_is_198287_at_the_end_of_2025() {
    let s = summary_json(&["--governorate", "Ninewa"]);
    assert_eq!(s["idps"]["latest"]["value"], 198_287);
    assert_eq!(s["idps"]["latest"]["date"], "2025-12-31");
    assert_eq!(s["idps"]["latest"]["basis"], "dtm_via_unhcr");
    assert_eq!(s["idps"]["latest"]["source_id"], "c_unhcr_rdf_demog_2025");
    assert_eq!(s["idps"]["resolution"], "year_end_rounds");
    // To 2024: UNHCR's end-2024 table; round 132's 229,120 stays the April figure.
    let s24 = summary_json(&["--governorate", "Ninewa", "--to", "2024"]);
    assert_eq!(s24["idps"]["latest"]["value"], 221_911);
    assert_eq!(s24["idps"]["latest"]["date"], "2024-12-31");
    let s2024 = summary_json(&["--governorate", "Ninewa", "--from", "2024", "--to", "2024"]);
    let first = &s2024["idps"]["first"];
    assert_eq!(
        (&first["value"], &first["round"], &first["date"]),
        (
            &serde_json::json!(229_120),
            &serde_json::json!(132),
            &serde_json::json!("2024-04-30")
        )
    );
    assert_eq!(s["filters"]["governorates"], serde_json::json!(["IQG15"]));
    // Returnees are national only: no value, the national figure beside it.
    let since = &s["idps"]["displaced_since_2014"];
    assert_eq!(since["value"], Value::Null);
    assert_eq!(since["scope"], "national_only");
    assert_eq!(since["national"]["value"], 5_970_829);
}

#[test]
fn dahuk_and_erbil_to_2017_sum_to_618570() {
    let s = summary_json(&[
        "--governorate",
        "Dahuk",
        "--governorate",
        "Erbil",
        "--to",
        "2017",
    ]);
    assert_eq!(s["idps"]["latest"]["value"], 618_570);
    assert_eq!(s["idps"]["latest"]["date"], "2017-12-31");
}

#[test]
fn every_spelling_of_ninewa_selects_iqg15() {
    for name in ["Ninewa", "Nineveh", "ninawa", "IQG15", "IQ-NI", "نينوى"] {
        let s = summary_json(&["--governorate", name]);
        assert_eq!(
            s["filters"]["governorates"],
            serde_json::json!(["IQG15"]),
            "{name}"
        );
    }
}

#[test]
fn an_unknown_governorate_is_a_usage_error_with_a_suggestion() {
    let r = run(&["summary", "--governorate", "Ninevah2"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr.trim(),
        "displacement-dashboard: unknown governorate \"Ninevah2\"; did you mean Ninewa (Ninevah)?"
    );
}

#[test]
fn the_old_pcode_scheme_is_refused() {
    let r = run(&["summary", "--governorate", "IQ-G15"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("old OCHA P-code scheme; use IQGnn"),
        "{}",
        r.stderr
    );
}

#[test]
fn from_after_to_is_a_usage_error() {
    let r = run(&["summary", "--from", "2020", "--to", "2017"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("--from 2020 is after --to 2017"),
        "{}",
        r.stderr
    );
}

#[test]
fn all_eighteen_governorates_are_no_filter() {
    let mut args = Vec::new();
    let codes: Vec<String> = (1..=18).map(|n| format!("IQG{n:02}")).collect();
    for c in &codes {
        args.extend(["--governorate", c.as_str()]);
    }
    let s = summary_json(&args);
    assert_eq!(s["filters"]["scope"], "national");
    assert_eq!(s["idps"]["latest"]["value"], 997_334);
    assert_eq!(s["idps"]["last_round"]["value"], 1_098_913);
}

#[test]
fn without_bundled_data_every_block_is_null() {
    let s = summary_json(&["--no-bundled"]);
    assert_eq!(s["idps"], Value::Null);
    assert_eq!(s["camps"], Value::Null);
    assert_eq!(s["funding"], Value::Null);
}

#[test]
fn the_latest_camp_count_names_its_definition_scope_and_date() {
    let s = summary_json(&[]);
    assert_eq!(s["camps"]["open_at_end"], 20);
    assert_eq!(s["camps"]["open_at_end_date"], "2025-12-01");
    assert_eq!(s["camps"]["open_at_end_definition"], "idp_camps");
    assert_eq!(s["camps"]["open_at_end_scope"], "kri");
    assert_eq!(s["camps"]["people_at_end"], 101_886);
    assert_eq!(s["camps"]["people_unit"], "individuals");
    assert_eq!(s["camps"]["source_id"], "c_almada_424048");
    let s = summary_json(&["--to", "2024"]);
    assert_eq!(s["camps"]["open_at_end"], 21);
    assert_eq!(s["camps"]["open_at_end_date"], "2024-12-31");
}

#[test]
fn the_summary_says_how_current_each_series_is() {
    let line = "DTM rounds to Apr 2024 \u{b7} DTM-based (UNHCR) to end 2025 \u{b7} camps to Jan 2026 \u{b7} FTS as of 18 Apr 2026";
    let s = summary_json(&["--governorate", "Ninewa", "--to", "2017"]);
    assert_eq!(s["data_as_of"]["text"], line, "whatever the filters");
    assert_eq!(s["data_as_of"]["dtm_rounds_to"], "2024-04-30");
    assert_eq!(s["data_as_of"]["dtm_via_unhcr_to"], "2025-12-31");
    assert_eq!(s["data_as_of"]["fts_as_of"], "2026-04-18");
    let r = run(&["summary"]);
    assert!(
        r.stdout.contains(&format!("\ndata: {line}\n")),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "  2023  no appeal; outside any appeal $211.1 M; regional refugee plan, Iraq part $63.5 M funded of $211.3 M (not appeal coverage)\n"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("  2025  no appeal; outside any appeal $99.6 M (not appeal coverage)\n"),
        "{}",
        r.stdout
    );
}

#[test]
fn text_summary_names_figures_and_sources() {
    let r = run(&["summary", "--from", "2017", "--to", "2020"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Appeal coverage: 95.6%"), "{}", r.stdout);
    assert!(r.stdout.contains("2017  required"), "{}", r.stdout);
}

#[test]
fn text_summary_keeps_one_block_per_card_and_says_what_each_figure_counts() {
    let r = run(&["summary"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let blocks: Vec<&str> = r.stdout.split("\n\n").collect();
    let block = |title: &str| -> Vec<&str> {
        blocks
            .iter()
            .find(|b| b.starts_with(title))
            .unwrap_or_else(|| panic!("no block {title}: {}", r.stdout))
            .lines()
            .collect()
    };
    // The IDPs card: the change from the peak, with its date, first under the value;
    // no change from April 2014's first round; the round's IDP figure as the source.
    // After DTM's last round, its end-2025 figure as UNHCR published it, said so.
    let idps = block("IDPs now: ");
    assert_eq!(idps[0], "IDPs now: 997,334");
    assert_eq!(idps[1], "  \u{2212}70.8% since the peak (3.42 M, Mar 2016)");
    assert_eq!(
        idps[2],
        "  as of 31 Dec 2025 \u{b7} IOM DTM figures as published by UNHCR"
    );
    assert_eq!(
        idps[3],
        "  source: UNHCR (Refugee Data Finder; via UNHCR's refugees R package): Population statistics: IDPs in Iraq, end-2023 to end-2025 (refugees package v2025.12.1, data/population.rda) (2026-06-25)"
    );
    assert_eq!(
        idps[5],
        "  note: DTM's last round in range: 1,098,913 (Round 132, 30 Apr 2024)"
    );
    // The camps card: what the 20 counts, on its first line.
    let camps = block("Camps open: ");
    assert_eq!(camps[0], "Camps open: 20 IDP camps in the Kurdistan Region");
    assert_eq!(camps[1], "  26 named closures recorded in 2014\u{2013}2025");
    assert_eq!(camps[2], "  as of Dec 2025 \u{b7} Al-Mada");
    // From 2017 the change since the first point in range joins it; a range that
    // ends before the data is not "now".
    let r = run(&["summary", "--from", "2017", "--to", "2020"]);
    assert!(
        r.stdout.contains(
            "\nIDPs at end of range: 1.22 M\n  \u{2212}63.5% since the peak (3.35 M, Jun 2017) \u{b7} \u{2212}59.1% since Jan 2017\n"
        ),
        "{}",
        r.stdout
    );
    // Under a filter: the count is marked, the closures follow the filter.
    let r = run(&["summary", "--governorate", "Ninewa"]);
    assert!(
        r.stdout.contains(
            "\nCamps open: 20 IDP camps in the Kurdistan Region\n  10 named closures recorded in Ninewa, 2014\u{2013}2025\n  as of Dec 2025 \u{b7} Al-Mada\n  count not filtered: no camp count for Ninewa in 2014\u{2013}2025"
        ),
        "{}",
        r.stdout
    );
    let r = run(&["summary", "--governorate", "Dahuk"]);
    assert!(
        r.stdout.contains("\nCamps open: 15 IDP camps in Dahuk\n"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_refused_data_file_makes_summary_exit_1_with_checks_message() {
    let r = run(&[
        "summary",
        "--data",
        "tests/fixtures/broken/negative_count.csv",
    ]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("row 3, column \"idps\""), "{}", r.stderr);
}

#[test]
fn the_regions_of_the_window_are_accepted_on_the_command_line() {
    for name in [
        "Kurdistan Region",
        "KRI",
        "kurdistan region of iraq",
        "إقليم كردستان",
        "إقليم كوردستان",
    ] {
        let s = summary_json(&["--governorate", name]);
        assert_eq!(
            s["filters"]["governorates"],
            serde_json::json!(["IQG06", "IQG09", "IQG11"]),
            "{name}"
        );
    }
    let federal = summary_json(&["--governorate", "Federal Iraq"]);
    let codes = federal["filters"]["governorates"].as_array().unwrap();
    assert_eq!(codes.len(), 15);
    assert!(!codes.contains(&serde_json::json!("IQG09")));
}

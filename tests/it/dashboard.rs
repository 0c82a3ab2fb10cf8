//! The dashboard, driven headless with `egui_kittest`: clicking the real widgets and
//! checking what the user would see.

use std::fmt::Write as _;

use displacement_dashboard::app::DashboardApp;
use displacement_dashboard::app::settings::Settings;
use displacement_dashboard::data::Dataset;
use displacement_dashboard::query::Filters;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

fn harness(dataset: Dataset) -> Harness<'static, DashboardApp> {
    let filters = Filters::all(&dataset);
    let app = DashboardApp::new(dataset, filters, Settings::default());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .with_context_setup(displacement_dashboard::ui::theme::install)
        .build_ui_state(|ui, app: &mut DashboardApp| app.dashboard_ui(ui), app);
    harness.run();
    harness
}

fn bundled() -> Harness<'static, DashboardApp> {
    harness(Dataset::bundled().expect("bundled data"))
}

fn select_only_ninewa(h: &mut Harness<'static, DashboardApp>) {
    h.get_by_role_and_label(Role::Button, "None").click();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, "Ninewa").click();
    h.run();
}

fn set_years(h: &mut Harness<'static, DashboardApp>, from_steps: i32, to_steps: i32) {
    let press = |h: &mut Harness<'static, DashboardApp>, label: &str, steps: i32| {
        h.get_by_role_and_label(Role::Slider, label).focus();
        h.run();
        let key = if steps > 0 {
            egui::Key::ArrowRight
        } else {
            egui::Key::ArrowLeft
        };
        for _ in 0..steps.abs() {
            h.key_press(key);
            h.run();
        }
    };
    press(h, "From", from_steps);
    press(h, "To", to_steps);
}

#[test]
fn the_headline_cards_show_the_bundled_figures() {
    let h = bundled();
    h.get_by_label("IDPs now");
    // After DTM's last round (April 2024): its end-2025 figure as UNHCR published
    // it, said so on the card.
    h.get_by_label("997,334");
    h.get_by_label("as of 31 Dec 2025 \u{b7} IOM DTM figures as published by UNHCR");
    h.get_by_label("at least 5.97 M");
    h.get_by_label("Appeal coverage");
    h.get_by_label("20");
    // The IDPs card leads with the change from the peak, not from April 2014's
    // first, partial round; the camps card says what its 20 counts.
    h.get_by_label("\u{2212}70.8% since the peak (3.42 M, Mar 2016)");
    assert_eq!(h.query_all_by_label_contains("vs Apr 2014").count(), 0);
    h.get_by_label("IDP camps in the Kurdistan Region");
    h.get_by_label("26 named closures recorded in 2014\u{2013}2025");
    // The funding card keeps "no appeal" for the years after 2022.
    h.get_by_label(
        "2022: 90.4% in FTS, 67% reported at the time \u{b7} no appeal 2023\u{2013}2025",
    );
}

#[test]
fn the_status_bar_says_how_current_each_series_is_and_later_events_are_after_the_data() {
    let h = bundled();
    for part in [
        "DTM rounds to Apr 2024",
        "DTM-based (UNHCR) to end 2025",
        "camps to Jan 2026",
        "FTS as of 18 Apr 2026",
    ] {
        h.get_by_label(part);
    }
    // Events after 2025 are listed under the IDPs chart, not on its axis.
    // The key ones by their short titles (the full title on hover), as the markers;
    // the others counted, and listed with **All events**.
    h.get_by_label("After the data:");
    h.get_by_label("Coalition leaves Ain al-Asad");
    h.get_by_label("17 Jan 2026");
    h.get_by_label("IS detainees moved to Iraq");
    h.get_by_label("21 Jan 2026");
    h.get_by_label("and 2 more events");
    assert!(h.query_by_label("3 Jan 2026").is_none());
    let spec = &h.state().view().idps;
    assert_eq!(spec.after_data.len(), 4);
    for event in &spec.after_data {
        assert!(
            spec.markers
                .iter()
                .all(|m| !m.label.ends_with(&event.title)),
            "{} is not on the axis",
            event.title
        );
    }
}

#[test]
fn dtms_line_and_its_continuation_are_two_series_in_the_window() {
    let h = bundled();
    let spec = &h.state().view().idps;
    let kinds: Vec<(&str, displacement_dashboard::model::SeriesKind)> = spec
        .series
        .iter()
        .filter(|s| s.label.starts_with("IDPs, Iraq"))
        .map(|s| (s.label.as_str(), s.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            (
                "IDPs, Iraq (IOM DTM)",
                displacement_dashboard::model::SeriesKind::Line
            ),
            (
                "IDPs, Iraq (IOM DTM figures as published by UNHCR)",
                displacement_dashboard::model::SeriesKind::Continuation
            )
        ]
    );
    // Its own legend entry, under the plot.
    h.get_by_label("IDPs, Iraq (IOM DTM figures as published by UNHCR)");
}

#[test]
fn a_range_ending_before_the_data_titles_the_card_end_of_range() {
    let mut h = bundled();
    set_years(&mut h, 0, -5);
    assert_eq!(h.state().filters().to, 2020);
    h.get_by_label("IDPs at end of range");
    assert!(h.query_by_label("IDPs now").is_none());
    h.get_by_label("as of 31 Dec 2020 \u{b7} Round 119");
}

#[test]
fn two_governorates_draw_a_line_each_and_their_sum() {
    let mut h = bundled();
    h.get_by_role_and_label(Role::Button, "None").click();
    h.run();
    for name in ["Dahuk", "Erbil"] {
        h.get_by_role_and_label(Role::CheckBox, name).click();
        h.run();
    }
    let labels: Vec<String> = h
        .state()
        .view()
        .idps
        .series
        .iter()
        .map(|s| s.label.clone())
        .collect();
    assert_eq!(
        labels,
        [
            "Dahuk",
            "Dahuk (as published by UNHCR)",
            "Erbil",
            "Erbil (as published by UNHCR)",
            "IDPs, sum of 2 governorates (IOM DTM)",
            "IDPs, sum of 2 governorates (IOM DTM figures as published by UNHCR)"
        ]
    );
    // The sum is the card's figure: UNHCR's end-2025 Dahuk 218,371 + Erbil 221,728.
    h.get_by_label("440,099");
    // Round 132's Dahuk 233,162 + Erbil 222,865 stay DTM's line's last point.
    let sum = &h.state().view().idps.series[4];
    assert_eq!(sum.points.last().map(|p| p.y), Some(456_027.0));
}

#[test]
fn selecting_only_ninewa_filters_chips_chart_and_cards() {
    let mut h = bundled();
    select_only_ninewa(&mut h);
    h.get_by_label("Ninewa ×");
    // UNHCR's end-2025 table; round 132's 229,120 stays on DTM's line.
    h.get_by_label("198,287");
    let line = &h.state().view().idps.series[0];
    assert_eq!(line.points.last().map(|p| p.y), Some(229_120.0));
    let series: Vec<String> = h
        .state()
        .view()
        .governorates
        .series
        .iter()
        .map(|s| s.label.clone())
        .collect();
    assert_eq!(series, ["Ninewa"]);
    // The national-only cards say so; the camps card marks its count, which is the
    // Kurdistan Region's, and not its closures, which follow the filter.
    assert_eq!(h.query_all_by_label("national").count(), 2);
    h.get_by_label("count not filtered");
    h.get_by_label("IDP camps in the Kurdistan Region");
    h.get_by_label("10 named closures recorded in Ninewa, 2014\u{2013}2025");
    h.get_by_label_contains("Iraq, national (no governorate breakdown)");
    // Camps and funding charts say the filter does not apply to them.
    assert_eq!(
        h.query_all_by_label_contains("governorate filter Ninewa not applicable")
            .count(),
        2
    );
}

#[test]
fn years_2017_to_2020_give_95_6_percent_coverage() {
    let mut h = bundled();
    set_years(&mut h, 3, -5);
    assert_eq!(
        (h.state().filters().from, h.state().filters().to),
        (2017, 2020)
    );
    h.get_by_label("95.6%");
    h.get_by_label("2017–2020 ×");
}

#[test]
fn reset_restores_all_governorates_and_the_full_range() {
    let mut h = bundled();
    select_only_ninewa(&mut h);
    set_years(&mut h, 3, -5);
    h.get_by_role_and_label(Role::Button, "Reset filters")
        .click();
    h.run();
    let f = h.state().filters().clone();
    assert_eq!((f.governorates, f.from, f.to), (None, 2014, 2025));
    assert!(h.query_by_label("Ninewa ×").is_none());
    h.get_by_label("997,334");
}

#[test]
fn ctrl_r_resets_and_a_chip_click_removes_its_filter() {
    let mut h = bundled();
    select_only_ninewa(&mut h);
    h.get_by_label("Ninewa ×").click();
    h.run();
    assert_eq!(h.state().filters().governorates, None);
    set_years(&mut h, 3, 0);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::R);
    h.run();
    assert_eq!(h.state().filters().from, 2014);
}

#[test]
fn the_funding_table_lists_2022_with_fts_and_reported_coverage() {
    let mut h = bundled();
    // Panels in reading order: IDPs, camps (left column), governorates, funding (right).
    let tables: Vec<_> = h.get_all_by_role_and_label(Role::Button, "Table").collect();
    // Every panel but the briefing, whose table is "Sources".
    assert_eq!(
        tables.len(),
        displacement_dashboard::model::PanelId::ALL.len() - 1
    );
    tables[3].click();
    h.run();
    h.get_by_label("Reported at the time");
    h.get_by_label("2022");
    h.get_by_label("90.4%");
    h.get_by_label("67%");
}

#[test]
fn choosing_a_basis_changes_the_governorate_chart() {
    let mut h = bundled();
    h.get_all_by_role(Role::ComboBox)
        .next()
        .expect("the basis selector")
        .click();
    h.run();
    h.get_by_label("In camps").click();
    h.run();
    h.get_by_label("IDPs in camps, by governorate");
}

#[test]
fn every_chart_says_no_data_instead_of_an_empty_axis() {
    let h = harness(Dataset::empty().expect("gazetteer"));
    for message in [
        "No IDP figures for these filters in 2014–2024",
        "No governorate breakdown for this basis in 2014–2024",
        "No camp counts or closures in 2014–2024",
        "No counts of people in camps in 2014–2024",
    ] {
        h.get_by_label(message);
    }
    // Both funding plots (bars and coverage) say it.
    assert_eq!(
        h.query_all_by_label("No funding data in 2014–2024").count(),
        2
    );
    h.get_by_label("no DTM data in 2014–2024");
}

#[test]
fn years_without_an_appeal_say_no_appeal() {
    let mut h = bundled();
    set_years(&mut h, 9, 0);
    h.get_by_label("no appeal in 2023–2025");
    // Beside it, each labelled for what it is and outside coverage.
    h.get_by_label("outside any appeal: 2023 $211.1 M \u{b7} 2024 $96.2 M \u{b7} 2025 $99.6 M");
    h.get_by_label_contains(
        "regional refugee plan, Iraq part: 2023 $63.5 M funded of $211.3 M \u{b7} 2024 $133.0 M funded of $154.5 M \u{b7} none in 2025",
    );
    // The coverage plot has nothing to draw; the bars say "no appeal" in a band
    // and draw what FTS reports instead.
    assert_eq!(
        h.query_all_by_label("No Iraq appeal in 2023–2025 (the last was in 2022)")
            .count(),
        1,
        "the coverage plot"
    );
    h.get_by_label("No Iraq appeal after 2022");
    let funding = &h.state().view().funding;
    assert_eq!(funding.bands[0].label, "No Iraq appeal after 2022");
    h.get_by_label("Outside any appeal (not in coverage)");
}

/// Steps the window until no file is loading (the loader runs on a worker thread).
fn wait_for_loads(h: &mut Harness<'static, DashboardApp>) {
    for _ in 0..500 {
        h.step();
        if !h.state().is_loading() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(!h.state().is_loading(), "the file did not finish loading");
    h.run();
}

/// Opens a file through the real Open dialog: Ctrl+O, type the path, click Open.
fn open_through_dialog(h: &mut Harness<'static, DashboardApp>, path: &str) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Path").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Path")
        .type_text(path);
    h.run();
    h.get_by_role_and_label(Role::Button, "Open").click();
    wait_for_loads(h);
}

#[test]
fn a_broken_file_shows_its_problems_and_the_cards_do_not_change() {
    let mut h = bundled();
    let tables_before = h.state().view().cards.clone();
    open_through_dialog(&mut h, "tests/fixtures/broken/negative_count.csv");
    h.get_by_label("Could not open negative_count.csv");
    h.get_by_label("\"-5\"");
    h.get_by_label("Nothing was loaded from this file; the data already open is unchanged.");
    h.get_by_label("997,334");
    assert_eq!(h.state().view().cards, tables_before);
}

#[test]
fn a_good_file_opens_beside_the_bundled_data_and_can_be_removed() {
    let mut h = bundled();
    open_through_dialog(&mut h, "tests/fixtures/good/dtm_master_list_made_up.csv");
    assert!(h.state().failure().is_none(), "{:?}", h.state().failure());
    let path = "tests/fixtures/good/dtm_master_list_made_up.csv";
    assert_eq!(h.state().user_files(), [path]);
    h.get_by_label_contains(&format!("Opened {path}"));
    // The Data window lists it with a remove button.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Data…").click();
    h.run();
    h.get_by_label(path);
    // What adding it said: its national total of 31 Dec 2023 differs from DTM's,
    // which stays.
    h.get_by_role_and_label(Role::DisclosureTriangle, "4 warnings")
        .click();
    h.run();
    h.get_by_label_contains(
        "2023-12-31: your file says 34,740 IDPs (all 18 governorates); IOM DTM published 1,123,663",
    );
    h.get_by_role_and_label(Role::Button, "Remove").click();
    h.run();
    h.get_by_label("No files of your own yet. Open one (Ctrl+O) or drop it on the window.");
    h.get_by_label("997,334");
}

#[test]
fn a_master_list_is_its_own_series_and_the_dtm_figures_stay() {
    let mut h = bundled();
    let before = h.state().view().clone();
    let path = "tests/fixtures/good/dtm_master_list_made_up.csv";
    open_through_dialog(&mut h, path);
    assert!(h.state().failure().is_none(), "{:?}", h.state().failure());
    let view = h.state().view().clone();
    // DTM's line is the same line as before, and the file is a line of its own.
    assert_eq!(view.idps.series[0], before.idps.series[0]);
    let mine = format!("IDPs, Iraq (your file: {path})");
    let line = view
        .idps
        .series
        .iter()
        .find(|s| s.label == mine)
        .expect("the file's own line");
    let ys: Vec<f64> = line.points.iter().map(|p| p.y).collect();
    assert_eq!(ys, [34_740.0]);
    // The governorate chart keeps DTM's bars, and draws the file's beside them.
    let bars = format!("your file: {path}");
    for s in &before.governorates.series {
        let now = view
            .governorates
            .series
            .iter()
            .find(|n| n.label == s.label)
            .expect("a bundled series");
        let ys = |s: &displacement_dashboard::model::Series| -> Vec<f64> {
            s.points.iter().map(|p| p.y).collect()
        };
        assert_eq!(ys(now), ys(s), "{} changed", s.label);
    }
    assert!(
        view.governorates
            .series
            .iter()
            .all(|s| s.label != "Other / not published")
    );
    assert!(view.governorates.series.iter().any(|s| s.label == bars));
    // The card keeps DTM's figures, and its hover says where the file differs.
    assert_eq!(view.cards[0].value, before.cards[0].value);
    let note = "31 Dec 2023: your file says 34,740; IOM DTM published 1,123,663";
    h.get_by_label("997,334").hover();
    h.run();
    assert!(
        h.query_all_by_label_contains(note).count() > 0,
        "the card's hover"
    );
}

/// Steps the window until no export is running (exports run on a worker thread).
fn wait_for_exports(h: &mut Harness<'static, DashboardApp>) {
    for _ in 0..500 {
        h.step();
        if !h.state().is_exporting() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(!h.state().is_exporting(), "the export did not finish");
    h.run();
}

#[test]
fn a_chart_exports_through_the_dialog_and_the_status_bar_says_where() {
    let dir = std::env::temp_dir().join(format!("dd-ui-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("idps.svg");
    let mut h = bundled();
    let buttons: Vec<_> = h
        .get_all_by_role_and_label(Role::Button, "Export…")
        .collect();
    assert_eq!(
        buttons.len(),
        displacement_dashboard::model::PanelId::ALL.len(),
        "one per panel"
    );
    buttons[0].click();
    h.run();
    h.get_by_label("SVG").click();
    h.run();
    let field = h.get_by_role_and_label(Role::TextInput, "Save as");
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "Save as")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_role_and_label(Role::Button, "Export").click();
    wait_for_exports(&mut h);
    let svg = std::fs::read_to_string(&path).expect("the SVG was written");
    assert!(
        svg.contains("IDPs over time, Iraq"),
        "{}",
        &svg[..200.min(svg.len())]
    );
    assert_eq!(
        h.state().notice(),
        Some(format!("Wrote {}", path.display()).as_str())
    );
}

#[test]
fn presentation_mode_hides_the_controls_and_f11_brings_them_back() {
    let mut h = bundled();
    h.get_by_role_and_label(Role::Button, "Present").click();
    h.run();
    assert!(h.state().presenting());
    assert!(
        h.query_by_label("Governorates").is_none(),
        "the filter panel is hidden"
    );
    assert_eq!(
        h.query_all_by_role_and_label(Role::Button, "Export…")
            .count(),
        0
    );
    h.get_by_label("Displacement and aid in Iraq");
    h.get_by_role_and_label(Role::Button, "Exit presentation (F11)");
    h.key_press(egui::Key::F11);
    h.run();
    assert!(!h.state().presenting());
    h.get_by_label("Governorates");
}

#[test]
fn copy_image_renders_off_the_ui_thread_and_says_so() {
    let mut h = bundled();
    let buttons: Vec<_> = h
        .get_all_by_role_and_label(Role::Button, "Copy image")
        .collect();
    buttons[0].click();
    h.step();
    wait_for_exports(&mut h);
    assert_eq!(h.state().notice(), Some("Copied the chart as an image"));
}

#[test]
fn an_unrecognised_file_can_be_opened_by_assigning_its_columns() {
    let mut h = bundled();
    open_through_dialog(&mut h, "tests/fixtures/good/odd_headers_made_up.csv");
    assert!(
        h.state().failure().is_some(),
        "the kind is not recognised at first"
    );
    h.get_by_role_and_label(Role::Button, "Assign columns…")
        .click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Kind of table")
        .click();
    h.run();
    h.get_by_label("IDPs-by-governorate table").click();
    h.run();
    for (column, header) in [
        ("date", "When"),
        ("pcode", "Where"),
        ("individuals", "How many"),
    ] {
        h.get_by_role_and_label(Role::ComboBox, column).click();
        h.run();
        // The header also stands above the sample rows, as a label; the option is a button.
        h.get_by_role_and_label(Role::Button, header).click();
        h.run();
    }
    h.get_by_role_and_label(Role::Button, "Open with these columns")
        .click();
    wait_for_loads(&mut h);
    assert!(h.state().failure().is_none(), "{:?}", h.state().failure());
    assert_eq!(
        h.state().user_files(),
        ["tests/fixtures/good/odd_headers_made_up.csv"]
    );
}

#[test]
fn a_workbook_opens_on_the_sheet_the_user_names() {
    let mut h = bundled();
    let path = "tests/fixtures/good/dtm_master_list_made_up.xlsx";
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Path").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Path")
        .type_text(path);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Sheet").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Sheet")
        .type_text("Master list");
    h.run();
    h.get_by_role_and_label(Role::Button, "Open").click();
    wait_for_loads(&mut h);
    assert!(h.state().failure().is_none(), "{:?}", h.state().failure());
    assert_eq!(h.state().user_files(), [path]);
}

#[test]
fn an_undated_master_list_asks_for_its_round_and_opens_with_it() {
    let mut h = bundled();
    open_through_dialog(
        &mut h,
        "tests/fixtures/broken/dtm_master_list_undated_made_up.csv",
    );
    h.get_by_label("Which round or date is this list?");
    assert!(h.state().user_files().is_empty());
    h.get_by_role_and_label(Role::TextInput, "Round").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Round")
        .type_text("123");
    h.run();
    h.get_by_role_and_label(Role::Button, "Open with this round or date")
        .click();
    wait_for_loads(&mut h);
    assert!(h.state().failure().is_none(), "{:?}", h.state().failure());
    assert_eq!(
        h.state().user_files(),
        ["tests/fixtures/broken/dtm_master_list_undated_made_up.csv"]
    );
    // The Data window says how the list was dated, as `check` does.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Data…").click();
    h.run();
    h.get_by_label_contains("round 123 (30 Sep 2021, as given): 18 governorates, 5,000 IDPs");
}

#[test]
fn an_fts_flows_file_adds_flows_reported_to_fts_to_the_funding_legend() {
    let mut h = bundled();
    let coverage_before = h.state().view().coverage.clone();
    assert_eq!(
        h.query_all_by_label_contains("flows reported to FTS")
            .count(),
        0
    );
    let path = "tests/fixtures/good/fts_incoming_funding_irq_made_up.csv";
    open_through_dialog(&mut h, path);
    assert!(h.state().failure().is_none(), "{:?}", h.state().failure());
    assert_eq!(h.state().user_files(), [path]);
    for entry in [
        "Paid (flows reported to FTS)",
        "Commitments (flows reported to FTS)",
        "Pledges (flows reported to FTS)",
    ] {
        h.get_by_label(entry);
    }
    h.get_by_label_contains(&format!("your file: {path}"));
    // Flows are their own measure: the coverage chart did not change.
    assert_eq!(h.state().view().coverage, coverage_before);
}

#[test]
fn key_events_are_labelled_by_default_and_every_event_is_behind_the_toggle() {
    let mut h = bundled();
    // The milestones, with their short titles, once per time chart that labels them
    // (IDPs over time, IDPs by governorate, camps open).
    for label in [
        "Mosul falls",
        "Mosul retaken",
        "Federal camp closures",
        "UNITAD ends",
    ] {
        assert_eq!(h.query_all_by_label(label).count(), 3, "{label}");
    }
    // Other events are not drawn until asked for.
    let other = "Camp closures in Ninewa and Salah al-Din";
    assert!(h.query_by_label(other).is_none());
    let drawn = |h: &Harness<'static, DashboardApp>| {
        let merged: usize = (2..40)
            .map(|n| h.query_all_by_label(&format!("{n} events")).count())
            .sum();
        merged + h.query_all_by_label(other).count()
    };
    assert_eq!(drawn(&h), 0, "no merged markers among the key events");
    h.get_by_role_and_label(Role::CheckBox, "All events")
        .click();
    h.run();
    assert!(h.state().settings().all_events);
    // Every event is drawn: close ones merged into "N events", labelled where room.
    assert!(drawn(&h) > 0);
    h.get_by_role_and_label(Role::CheckBox, "Events").click();
    h.run();
    assert!(h.query_by_label("Mosul retaken").is_none());
}

#[test]
fn the_camps_chart_has_one_main_line_and_its_comparisons_on_request() {
    let mut h = bundled();
    h.get_by_label("Camps open (formal camps, Iraq) and named closures");
    h.get_by_label("People in camps (formal camps, Iraq)");
    // The legends list the main lines and the closures only; a line drawn alike in
    // both plots is named once, in the legend above.
    assert_eq!(h.query_all_by_label("Formal camps, Iraq").count(), 1);
    h.get_by_label("Named closures (closed, reclassified or consolidated)");
    assert!(h.query_by_label("IDP camps, Kurdistan Region").is_none());
    h.get_by_role_and_label(Role::CheckBox, "Other camp counts")
        .click();
    h.run();
    // The comparison is named in the legend above, and again below only when its
    // line is drawn otherwise there (another colour).
    let v = h.state().view();
    let colour = |spec: &displacement_dashboard::model::ChartSpec| {
        spec.series
            .iter()
            .find(|s| s.label == "IDP camps, Kurdistan Region")
            .map(|s| (s.colour, s.kind))
    };
    let above = colour(&v.camps).expect("drawn above");
    let below = colour(&v.camp_people).expect("drawn below");
    assert_eq!(
        h.query_all_by_label("IDP camps, Kurdistan Region").count(),
        if above == below { 1 } else { 2 }
    );
    assert!(h.state().settings().show_camp_comparisons);
}

#[test]
fn the_funding_chart_says_there_was_no_appeal_after_2022() {
    let h = bundled();
    h.get_by_label("No Iraq appeal after 2022");
    // The coverage band's label is in the strip above its plot, not over the values.
    h.get_by_label("OCHA: over 95% funded each year, 2017\u{2013}2020");
}

/// The series an exported SVG draws (`<g class="series" data-series="…">`), in order.
fn exported_series(svg: &str) -> Vec<String> {
    svg.split("class=\"series\" data-series=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|label| {
            label
                .replace("&apos;", "'")
                .replace("&amp;", "&")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
        })
        .collect()
}

#[test]
fn an_export_draws_the_charts_on_screen_for_the_same_filters_and_choices() {
    use displacement_dashboard::export::What;
    use displacement_dashboard::model::PanelId;
    use displacement_dashboard::ui::export_dialog::Choice;
    let dir = std::env::temp_dir().join(format!("dd-ui-same-spec-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut h = bundled();
    // Choices that change what is drawn: UNHCR and IDMC off, another basis.
    h.get_by_role_and_label(Role::CheckBox, "UNHCR, IDMC")
        .click();
    h.run();
    h.get_all_by_role(Role::ComboBox)
        .next()
        .expect("the basis selector")
        .click();
    h.run();
    h.get_by_label("Where they come from").click();
    h.run();
    for (panel, file) in [
        (PanelId::Idps, "idps.svg"),
        (PanelId::Governorates, "governorates.svg"),
        (PanelId::Camps, "camps.svg"),
    ] {
        let path = dir.join(file);
        let ctx = h.ctx.clone();
        h.state_mut()
            .export_to(&ctx, What::Chart(panel), path.clone(), Choice::Svg);
        wait_for_exports(&mut h);
        let svg = std::fs::read_to_string(&path).expect("the SVG was written");
        let view = h.state().view();
        let on_screen: Vec<String> = view
            .panel(panel)
            .charts()
            .flat_map(|spec| spec.series.iter())
            .filter(|s| !s.points.is_empty())
            .map(|s| s.label.clone())
            .collect();
        assert_eq!(exported_series(&svg), on_screen, "{file}");
        for spec in view.panel(panel).charts() {
            assert!(
                svg.contains(&spec.title.replace('&', "&amp;")),
                "{}",
                spec.title
            );
        }
    }
    let view = h.state().view();
    assert_eq!(view.basis, displacement_dashboard::data::Basis::Origin);
    assert!(!view.idps_comparisons.is_empty());
    assert!(
        view.idps
            .series
            .iter()
            .all(|s| !view.idps_comparisons.contains(&s.label)),
        "switched off on screen"
    );
}

/// A file dialog that fails as badly as it can: its worker panics.
fn panicking_picker() -> Option<std::path::PathBuf> {
    panic!("the system file dialog crashed")
}

/// A save dialog whose worker panics too.
fn panicking_save(_: &std::path::Path) -> Option<std::path::PathBuf> {
    panic!("the system save dialog crashed")
}

/// Steps the window until no file dialog runs.
fn wait_for_browse(h: &mut Harness<'static, DashboardApp>) {
    for _ in 0..500 {
        h.step();
        if h.state()
            .notice()
            .is_some_and(|n| n.starts_with("Browse failed"))
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run();
}

#[test]
fn a_file_dialog_that_panics_is_reported_once_and_browse_works_again() {
    use displacement_dashboard::app::FilePickers;
    let mut h = bundled();
    h.state_mut().set_file_pickers(FilePickers {
        open: panicking_picker,
        save: panicking_save,
    });
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run();
    h.get_by_role_and_label(Role::Button, "Browse…").click();
    h.run();
    wait_for_browse(&mut h);
    assert_eq!(
        h.state().notice(),
        Some("Browse failed: the file dialog stopped unexpectedly")
    );
    // The dialog says so too, and "Browse…" can be clicked again.
    assert!(
        h.query_all_by_label_contains("The file dialog failed")
            .count()
            > 0,
        "the dialog's note"
    );
    let browse = h.get_by_role_and_label(Role::Button, "Browse…");
    assert!(
        !browse.accesskit_node().is_disabled(),
        "Browse… is enabled again"
    );
    browse.click();
    h.run();
    wait_for_browse(&mut h);
    assert_eq!(
        h.state().notice(),
        Some("Browse failed: the file dialog stopped unexpectedly")
    );
    assert!(
        !h.get_by_role_and_label(Role::Button, "Browse…")
            .accesskit_node()
            .is_disabled()
    );
}

/// What the last frame put on the clipboard.
fn copied_text(h: &Harness<'static, DashboardApp>) -> Option<String> {
    h.output()
        .platform_output
        .commands
        .iter()
        .rev()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
}

/// Presses the top bar's "Briefing text": the dashboard scrolls to the panel.
fn show_briefing(h: &mut Harness<'static, DashboardApp>) {
    h.get_by_role_and_label(Role::Button, "Briefing text")
        .click();
    h.run();
}

#[test]
fn the_briefing_panel_writes_the_paragraph_for_the_filters_and_copies_it() {
    let mut h = bundled();
    show_briefing(&mut h);
    h.get_by_label_contains(
        "Iraq had 997,334 internally displaced people at the end of 2025 (IOM DTM figures as published by UNHCR), down 70.8% from the peak of 3.42 million in March 2016 (IOM DTM, round 42).",
    );
    h.get_by_label_contains("Notes: \u{201c}Displaced since 2014\u{201d} adds IDPs and returnees");
    // Its sources, numbered as the Markdown's references, each a link.
    h.get_by_label("1. IOM DTM figures as published by UNHCR:");
    let first = &h.state().view().briefing.sources[0];
    let (full, url) = (first.full.clone(), first.url.clone());
    h.get_by_role_and_label(Role::Link, &full).click();
    h.step();
    let opened: Vec<String> = h
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::OpenUrl(o) => Some(o.url.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        opened,
        [url],
        "the link opens the source's page, on click only"
    );
    h.run();
    h.get_by_role_and_label(Role::Button, "Copy text").click();
    h.step();
    let plain = copied_text(&h).expect("Copy text copies");
    let cli = crate::support::run(&["summary", "--text"]);
    assert_eq!(plain, cli.stdout, "the panel and summary --text agree");
    h.run();
    h.get_by_role_and_label(Role::Button, "Copy Markdown")
        .click();
    h.step();
    let markdown = copied_text(&h).expect("Copy Markdown copies");
    let cli = crate::support::run(&["summary", "--markdown"]);
    assert_eq!(
        markdown, cli.stdout,
        "the panel and summary --markdown agree"
    );
    // The paragraph follows the filters.
    let mut h = bundled();
    select_only_ninewa(&mut h);
    show_briefing(&mut h);
    h.get_by_label_contains(
        "Ninewa had 198,287 internally displaced people at the end of 2025 (IOM DTM figures as published by UNHCR)",
    );
}

#[test]
fn copy_rich_text_puts_html_with_linked_citations_and_the_plain_text_beside_it() {
    use std::sync::{Arc, Mutex};
    let copied: Arc<Mutex<Vec<(String, String)>>> = Arc::default();
    let mut h = bundled();
    let sink = Arc::clone(&copied);
    h.state_mut()
        .set_rich_clipboard(Box::new(move |html: &str, plain: &str| {
            sink.lock()
                .expect("not poisoned")
                .push((html.to_string(), plain.to_string()));
            Ok(())
        }));
    show_briefing(&mut h);
    h.get_by_role_and_label(Role::Button, "Copy rich text")
        .click();
    h.run();
    let got = copied.lock().expect("not poisoned").clone();
    assert_eq!(got.len(), 1, "one copy");
    let (html, plain) = &got[0];
    assert!(
        html.starts_with(
            "<p>Iraq had 997,334 internally displaced people at the end of 2025 (<a href=\""
        ),
        "{html}"
    );
    assert!(html.contains("\">IOM DTM, round 42</a>)"), "{html}");
    assert!(
        html.contains("<ol>\n<li>"),
        "the sources follow as a list: {html}"
    );
    assert_eq!(plain, &crate::support::run(&["summary", "--text"]).stdout);
    assert_eq!(
        h.state().notice(),
        Some("Copied the briefing text as rich text, with links to its sources")
    );
    // Where the system has no rich clipboard, the plain text is copied and the
    // status bar says so.
    h.state_mut()
        .set_rich_clipboard(Box::new(|_: &str, _: &str| Err("no display".to_string())));
    h.get_by_role_and_label(Role::Button, "Copy rich text")
        .click();
    h.step();
    assert_eq!(copied_text(&h).as_deref(), Some(plain.as_str()));
    h.run();
    assert_eq!(
        h.state().notice(),
        Some("Copied the briefing text as plain text (no rich text clipboard here: no display)")
    );
}

#[test]
fn the_briefing_exports_as_markdown_and_the_sheet_carries_it_when_asked() {
    let dir = std::env::temp_dir().join(format!("dd-ui-briefing-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut h = bundled();
    show_briefing(&mut h);
    let type_path = |h: &mut Harness<'static, DashboardApp>, path: &std::path::Path| {
        h.get_by_role_and_label(Role::TextInput, "Save as").focus();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.get_by_role_and_label(Role::TextInput, "Save as")
            .type_text(&path.display().to_string());
        h.run();
    };
    // The panel's Export… (the last panel's): Markdown first.
    let exports: Vec<_> = h
        .get_all_by_role_and_label(Role::Button, "Export…")
        .collect();
    exports.last().expect("the briefing's Export…").click();
    h.run();
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Save as")
            .accesskit_node()
            .value()
            .is_some_and(|v| v.ends_with("briefing-iraq-2014-2025.md")),
        "the file name says what and where"
    );
    let md = dir.join("briefing.md");
    type_path(&mut h, &md);
    h.get_by_role_and_label(Role::Button, "Export").click();
    wait_for_exports(&mut h);
    let written = std::fs::read_to_string(&md).expect("the Markdown was written");
    assert!(
        written.starts_with("# Briefing text: displacement and aid in Iraq\n\nIraq \u{b7} 2014\u{2013}2025\n\nIraq had 997,334 internally displaced people"),
        "{written}"
    );
    assert!(
        written.contains(&h.state().view().briefing.markdown()),
        "{written}"
    );
    // The sheet, with the dialog's checkbox: the paragraph under the cards.
    h.get_by_role_and_label(Role::Button, "Export briefing sheet")
        .click();
    h.run();
    h.get_by_role_and_label(
        Role::CheckBox,
        "Include the briefing paragraph under the cards",
    )
    .click();
    h.run();
    h.get_by_label("SVG").click();
    h.run();
    let sheet = dir.join("sheet.svg");
    type_path(&mut h, &sheet);
    h.get_by_role_and_label(Role::Button, "Export").click();
    wait_for_exports(&mut h);
    let svg = std::fs::read_to_string(&sheet).expect("the sheet was written");
    assert!(
        svg.contains(">Iraq had 997,334 internally displaced people at the end of 2025"),
        "the paragraph is on the sheet"
    );
    assert!(h.state().settings().sheet_text, "the choice is kept");
    // The panel's checkbox says the same and turns it off again.
    show_briefing(&mut h);
    h.get_by_role_and_label(Role::CheckBox, "On the briefing sheet")
        .click();
    h.run();
    assert!(!h.state().view().sheet_text);
}

#[test]
fn a_failed_load_keeps_every_table_and_filter_with_a_users_file_open() {
    let mut h = bundled();
    open_through_dialog(&mut h, "tests/fixtures/good/dtm_master_list_made_up.csv");
    select_only_ninewa(&mut h);
    let (files, filters, view) = (
        h.state().user_files(),
        h.state().filters().clone(),
        h.state().view().clone(),
    );
    assert_eq!(files.len(), 1);
    open_through_dialog(&mut h, "tests/fixtures/broken/negative_count.csv");
    h.get_by_label("Could not open negative_count.csv");
    assert_eq!(h.state().user_files(), files, "the user's file stays");
    assert_eq!(h.state().filters(), &filters, "the filters stay");
    assert_eq!(h.state().view(), &view, "every chart, table and card stays");
}

#[test]
fn a_slow_load_is_cancelled_from_the_window_and_nothing_changes() {
    // A made-up master list large enough to take a while (600,000 location rows).
    let dir = std::env::temp_dir().join(format!("dd-cancel-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let path = dir.join("big_master_list.csv");
    let mut text = String::from(
        "Governorate,District,Location ID,Location,Households,Individuals,Round,Date\n",
    );
    for i in 0..600_000 {
        let g = ["Anbar", "Ninewa", "Dahuk", "Erbil"][i % 4];
        writeln!(text, "{g},District 1,L{i},Location {i},2,10,131,2023-12-31")
            .expect("a string takes text");
    }
    std::fs::write(&path, text).expect("the file is written");
    let mut h = bundled();
    let before = h.state().view().clone();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Path").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Path")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_role_and_label(Role::Button, "Open").click();
    h.step();
    h.step();
    assert!(h.state().is_loading(), "the load is still running");
    h.get_by_role_and_label(Role::Button, "Cancel").click();
    for _ in 0..500 {
        h.step();
        if !h.state().is_loading() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run();
    assert!(!h.state().is_loading(), "the load stopped");
    assert!(
        h.state()
            .notice()
            .is_some_and(|n| n.ends_with("was cancelled; nothing changed")),
        "{:?}",
        h.state().notice()
    );
    assert!(h.state().user_files().is_empty());
    assert_eq!(h.state().view(), &before);
    std::fs::remove_dir_all(&dir).ok();
}
#[test]
fn clicking_a_governorate_on_the_map_toggles_it_in_the_filter_and_its_chip() {
    use displacement_dashboard::data::Pcode;
    let app = DashboardApp::new(
        Dataset::bundled().expect("bundled data"),
        Filters::all(&Dataset::bundled().expect("bundled data")),
        Settings::default(),
    );
    // Tall enough that the map, below the four charts, is on screen.
    let mut h = Harness::builder()
        .with_size(egui::vec2(1440.0, 2200.0))
        .with_context_setup(displacement_dashboard::ui::theme::install)
        .build_ui_state(|ui, app: &mut DashboardApp| app.dashboard_ui(ui), app);
    h.run();
    let ninewa = Pcode::new(15).expect("a P-code");
    let at = h.state().locate(ninewa).expect("the map drew Ninewa");
    click_at(&mut h, at);
    assert_eq!(
        h.state().filters().governorates,
        Some([ninewa].into_iter().collect())
    );
    h.get_by_label("Ninewa ×");
    // The rest of the dashboard follows the filter.
    assert_eq!(h.state().view().place, "Ninewa");
    // A second click removes it again: no filter.
    let at = h.state().locate(ninewa).expect("the map drew Ninewa");
    click_at(&mut h, at);
    assert_eq!(h.state().filters().governorates, None);
    assert_eq!(h.query_all_by_label("Ninewa ×").count(), 0);
}

/// A press and release at a point, as a mouse click.
fn click_at(h: &mut Harness<'static, DashboardApp>, at: egui::Pos2) {
    h.hover_at(at);
    h.run();
    h.drag_at(at);
    h.run();
    h.drop_at(at);
    h.run();
}

#[test]
fn a_boundary_file_replaces_the_bundled_shapes_is_credited_listed_and_removable() {
    let mut h = bundled();
    assert_eq!(h.state().view().map_geometry.regions.len(), 18);
    let path = "tests/fixtures/good/boundaries_made_up.geojson";
    open_through_dialog(&mut h, path);
    assert!(h.state().failure().is_none(), "{:?}", h.state().failure());
    assert_eq!(
        h.state().user_boundaries().as_deref(),
        Some("boundaries_made_up.geojson")
    );
    // Ninewa, Dahuk and Basrah join; Atlantis does not, and is said.
    assert_eq!(h.state().view().map_geometry.regions.len(), 3);
    assert_eq!(
        h.state().view().map.boundary_credit,
        "Boundaries: your file boundaries_made_up.geojson"
    );
    assert!(h.state().user_files().is_empty(), "not a table");
    h.get_by_label_contains("3 of 4 features matched");
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Data…").click();
    h.run();
    h.get_by_label("boundaries_made_up.geojson");
    h.get_by_label(
        "boundary file (GeoJSON): 4 features, 3 joined to a governorate, 1 matching none",
    );
    h.get_by_role_and_label(Role::DisclosureTriangle, "1 unmatched")
        .click();
    h.run();
    h.get_by_label("Atlantis");
    h.get_by_role_and_label(Role::Button, "Remove").click();
    h.run();
    assert_eq!(h.state().user_boundaries(), None);
    assert_eq!(h.state().view().map_geometry.regions.len(), 18);
    assert_eq!(
        h.state().view().map.boundary_credit,
        displacement_dashboard::data::bundled::BOUNDARIES_CREDIT
    );
}

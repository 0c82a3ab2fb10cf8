//! Two dates compared (issue 13): the compare panel driven through its real combo
//! boxes and bars, its SVG and CSV exports, and `export --chart/--table compare` on
//! the command line, with the bundled figures.

use displacement_dashboard::app::DashboardApp;
use displacement_dashboard::app::settings::Settings;
use displacement_dashboard::data::{Dataset, Pcode};
use displacement_dashboard::export::{self, PictureSize, What, svg};
use displacement_dashboard::model::PanelId;
use displacement_dashboard::query::{self, Choices, Filters};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use super::support::run;

/// The whole window, tall enough that the compare panel (below the grid and the
/// map) is on screen.
fn window() -> Harness<'static, DashboardApp> {
    let ds = Dataset::bundled().expect("bundled data");
    let app = DashboardApp::new(ds.clone(), Filters::all(&ds), Settings::default());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1440.0, 3200.0))
        .with_context_setup(displacement_dashboard::ui::theme::install)
        .build_ui_state(|ui, app: &mut DashboardApp| app.dashboard_ui(ui), app);
    h.run();
    h
}

/// Opens a combo box of the compare panel and picks an entry in it (scrolled
/// into the list's view first, as a user would).
fn pick(h: &mut Harness<'static, DashboardApp>, combo: &str, entry: &str) {
    h.get_by_role_and_label(Role::ComboBox, combo).click();
    h.run();
    h.get_by_label(entry).scroll_to_me();
    h.run();
    h.get_by_label(entry).click();
    h.run();
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

const NINEWA_2017_2023: &str = "Ninewa: \u{2212}568,200 (\u{2212}70.4%)";
const IRAQ_2017_2023: &str = "Iraq: \u{2212}1,492,325 (\u{2212}57.0%), from 2,615,988 on 31 Dec 2017 to 1,123,663 on 31 Dec 2023";

#[test]
fn two_dates_picked_in_the_combo_boxes_show_each_governorates_change_and_a_bar_click_filters() {
    let mut h = window();
    // By default the first and the last complete tables in range.
    h.get_by_label("Change in IDPs by governorate of displacement, 1 Dec 2014 to 31 Dec 2025");
    pick(&mut h, "From", "31 Dec 2017");
    pick(&mut h, "to", "31 Dec 2023");
    let choices = h.state().settings().clone();
    assert_eq!(
        (choices.compare_from, choices.compare_to),
        (
            chrono::NaiveDate::from_ymd_opt(2017, 12, 31),
            chrono::NaiveDate::from_ymd_opt(2023, 12, 31)
        ),
        "the dates are saved choices"
    );
    h.get_by_label("Change in IDPs by governorate of displacement, 31 Dec 2017 to 31 Dec 2023");
    h.get_by_label(IRAQ_2017_2023);
    // Each bar is one widget named by its governorate and change; its labels are
    // on screen too.
    let ninewa = h.get_by_label(NINEWA_2017_2023).rect();
    h.get_by_label("\u{2212}568,200 (\u{2212}70.4%)");
    let source = "Source: International Organization for Migration (IOM), Displacement Tracking Matrix (DTM)";
    assert_eq!(h.state().view().compare.source_line, source);
    assert!(h.query_all_by_label(source).count() >= 1);
    // The largest fall is on top.
    let salah = h
        .get_by_label("Salah al-Din: \u{2212}199,134 (\u{2212}80.5%)")
        .rect();
    assert!(ninewa.top() < salah.top(), "{ninewa:?} {salah:?}");
    // Hovering gives the exact figures and the source, and the Arabic name as a
    // label of its own.
    let arabic = "\u{646}\u{64a}\u{646}\u{648}\u{649}";
    let before = h.query_all_by_label(arabic).count();
    h.hover_at(ninewa.center());
    h.run();
    h.get_by_label("31 Dec 2017: 807,324");
    h.get_by_label("31 Dec 2023: 239,124");
    h.get_by_label("Change: \u{2212}568,200 (\u{2212}70.4%)");
    assert_eq!(h.query_all_by_label(arabic).count(), before + 1);
    assert!(
        h.query_all_by_label(source).count() >= 2,
        "the source in the hover"
    );
    // A click on the bar filters to Ninewa, with its chip; a second click removes it.
    click_at(&mut h, ninewa.center());
    let ninewa_code = Pcode::new(15).expect("a P-code");
    assert_eq!(
        h.state().filters().governorates,
        Some([ninewa_code].into_iter().collect())
    );
    h.get_by_label("Ninewa ×");
    assert_eq!(h.state().view().compare.bars.len(), 1);
    // The national change stays in view whatever the filter.
    h.get_by_label(IRAQ_2017_2023);
    let again = h.get_by_label(NINEWA_2017_2023).rect();
    click_at(&mut h, again.center());
    assert_eq!(h.state().filters().governorates, None);
    assert_eq!(h.query_all_by_label("Ninewa ×").count(), 0);
}

#[test]
fn partial_tables_are_offered_only_when_asked_marked_and_their_remainder_shown() {
    let mut h = window();
    let offered = |h: &Harness<'static, DashboardApp>| {
        h.state()
            .view()
            .compare
            .dates
            .iter()
            .map(|d| d.label.clone())
            .collect::<Vec<_>>()
    };
    assert!(!offered(&h).contains(&"30 Nov 2017 (partial)".to_string()));
    h.get_by_role_and_label(Role::CheckBox, "Partial tables")
        .click();
    h.run();
    assert!(offered(&h).contains(&"30 Nov 2017 (partial)".to_string()));
    pick(&mut h, "From", "30 Nov 2017 (partial)");
    h.get_by_label("Other / not published: no figure on 30 Nov 2017");
    h.get_by_label("Anbar: no figure on 30 Nov 2017");
    h.get_by_label("Ninewa: \u{2212}742,879 (\u{2212}78.9%)");
    h.get_by_label_contains("The table of 30 Nov 2017 names only some governorates");
}

#[test]
fn the_compare_export_draws_every_label_the_panel_shows() {
    let ds = Dataset::bundled().expect("bundled data");
    let choices = Choices {
        compare_from: chrono::NaiveDate::from_ymd_opt(2017, 12, 31),
        compare_to: chrono::NaiveDate::from_ymd_opt(2023, 12, 31),
        ..Choices::default()
    };
    let dash = query::dashboard(&ds, &Filters::all(&ds), &choices);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 12).expect("a date");
    let picture = export::render_svg(
        What::Chart(PanelId::Compare),
        PictureSize::default(),
        &dash,
        day,
    )
    .expect("renders");
    let text = |t: &str| format!(">{}</text>", svg::escape(t));
    for label in [
        "Change in IDPs by governorate of displacement, 31 Dec 2017 to 31 Dec 2023",
        IRAQ_2017_2023,
        "\u{2212}568,200 (\u{2212}70.4%)",
        "Ninewa",
        "Fewer IDPs",
        "Source: International Organization for Migration (IOM), Displacement Tracking Matrix (DTM)",
    ] {
        assert!(picture.contains(&text(label)), "{label}");
    }
    assert!(picture.contains(r#"data-pcode="IQG15" data-change="-568200""#));
}

#[test]
fn cli_compares_end_2017_with_end_2025_as_csv_and_svg() {
    let dir = std::env::temp_dir().join(format!("dd-compare-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let csv = dir.join("compare.csv").display().to_string();
    let dates = ["--from-date", "2017-12-31", "--to-date", "2025-12-31"];
    let mut args = vec!["export", "--table", "compare"];
    args.extend(dates);
    args.extend(["--out", &csv]);
    let r = run(&args);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""), "{args:?}");
    let text = std::fs::read_to_string(&csv).expect("written");
    let body = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let lines: Vec<&str> = body.split_terminator("\r\n").collect();
    assert_eq!(
        lines[0],
        "pcode,governorate,from_date,from_value,to_date,to_value,change,change_pct,source"
    );
    assert_eq!(lines.len(), 1 + 18 + 1, "18 governorates and Iraq");
    assert!(!body.replace("\r\n", "").contains('\n'), "CRLF only");
    let source = "\"IOM DTM, DTM API v2 GetAdmin1Datav2, Iraq conflict (governorate figures per round) (2024-08-28); UNHCR (Refugee Data Finder; via UNHCR's refugees R package), Demographics: IDPs in Iraq by governorate (Admin 1), end-2025 (refugees package v2025.12.1, data/demographics.rda) (2026-06-25)\"";
    assert_eq!(
        lines[1],
        format!("IQG15,Ninewa,2017-12-31,807324,2025-12-31,198287,-609037,-75.4,{source}")
    );
    assert_eq!(
        lines[19],
        format!(",Iraq,2017-12-31,2615988,2025-12-31,997334,-1618654,-61.9,{source}")
    );
    // The chart, as SVG, with the same figures.
    let out = dir.join("compare.svg").display().to_string();
    let mut args = vec!["export", "--chart", "compare"];
    args.extend(dates);
    args.extend(["--out", &out]);
    assert_eq!(run(&args).code, 0);
    let picture = std::fs::read_to_string(&out).expect("written");
    let ninewa = format!(">{}</text>", svg::escape("\u{2212}609,037 (\u{2212}75.4%)"));
    assert!(picture.contains(&ninewa));
    // Without the options: the panel's defaults (the first and last complete tables).
    let out = dir.join("default.csv").display().to_string();
    assert_eq!(
        run(&[
            "export", "--table", "compare", "--from", "2017", "--out", &out
        ])
        .code,
        0
    );
    let text = std::fs::read_to_string(&out).expect("written");
    assert!(text.contains("\r\nIQG15,Ninewa,2017-12-31,807324,2025-12-31,198287,"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn cli_a_date_without_a_governorate_table_exits_2_listing_the_dates_that_have_one() {
    let dir = std::env::temp_dir().join(format!("dd-compare-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let out = dir.join("x.csv").display().to_string();
    let r = run(&[
        "export",
        "--table",
        "compare",
        "--from",
        "2017",
        "--from-date",
        "2017-12-30",
        "--to-date",
        "2025-12-31",
        "--out",
        &out,
    ]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "displacement-dashboard: no governorate table on 2017-12-30 in 2017\u{2013}2025; tables exist for: 2017-04-30 (partial), 2017-11-30 (partial), 2017-12-31, 2018-02-28 (partial), 2018-03-31 (partial), 2018-12-30, 2019-06-30 (partial), 2019-12-31, 2020-06-30 (partial), 2020-12-31, 2021-12-31, 2022-12-31, 2023-12-31, 2024-04-30, 2024-12-31, 2025-12-31\n"
    );
    let r = run(&[
        "export",
        "--chart",
        "idps",
        "--from-date",
        "2017-12-31",
        "--out",
        &out,
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(
        std::fs::read_dir(&dir).expect("the folder").count(),
        0,
        "nothing written"
    );
    std::fs::remove_dir_all(&dir).ok();
}

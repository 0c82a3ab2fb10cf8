//! Sources and caveats, Help and About, File → Quit (issue 13), and the map's
//! controls in presentation mode (issue 12), driven headless with `egui_kittest`
//! over the real window.

use displacement_dashboard::app::DashboardApp;
use displacement_dashboard::app::settings::Settings;
use displacement_dashboard::data::Dataset;
use displacement_dashboard::query::Filters;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// The address of DTM's national round totals, as `datasets/iraq/sources.csv` gives it.
const ADMIN0_URL: &str = "https://github.com/OCHA-DAP/hdx-scraper-iom-dtm/blob/ae6ff2318417ad79cca4c17a960ca2e5089d9b2f/tests/fixtures/input/idpadmin0data-getadmin0datav2-admin0pcode-irq.json";
/// Its title there.
const ADMIN0_TITLE: &str = "DTM API v2 GetAdmin0Datav2, Iraq conflict (national totals per round)";
/// DTM's governorate figures, as `sources.csv` titles them.
const ADMIN1_TITLE: &str =
    "DTM API v2 GetAdmin1Datav2, Iraq conflict (governorate figures per round)";

fn bundled() -> Harness<'static, DashboardApp> {
    let dataset = Dataset::bundled().expect("bundled data");
    let filters = Filters::all(&dataset);
    let mut app = DashboardApp::new(dataset, filters, Settings::default());
    // Never start a browser from a test.
    app.set_url_opener(|_| Ok(()));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .with_context_setup(displacement_dashboard::ui::theme::install)
        .build_ui_state(|ui, app: &mut DashboardApp| app.dashboard_ui(ui), app);
    harness.run();
    harness
}

fn menu(h: &mut Harness<'static, DashboardApp>, menu: &str, entry: &str) {
    h.get_by_role_and_label(Role::Button, menu).click();
    h.run();
    h.get_by_role_and_label(Role::Button, entry).click();
    h.run();
}

fn select_only_ninewa(h: &mut Harness<'static, DashboardApp>) {
    h.get_by_role_and_label(Role::Button, "None").click();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, "Ninewa").click();
    h.run();
}

#[test]
fn sources_open_from_the_help_menu_with_titles_dates_links_and_caveats() {
    let mut h = bundled();
    assert!(h.query_by_label(ADMIN0_TITLE).is_none());
    menu(&mut h, "Help", "Sources and caveats\u{2026}");
    h.get_by_label("The sources of the figures on screen, for Iraq \u{b7} 2014\u{2013}2025.");
    for group in [
        "IDPs over time",
        "IDPs by governorate and the map",
        "Camps",
        "Funding",
        "Events",
        "Boundaries",
    ] {
        assert!(h.query_all_by_label(group).count() >= 1, "{group}");
    }
    h.get_by_label(ADMIN0_TITLE);
    assert!(h.query_all_by_label("IOM DTM \u{b7} 28 Aug 2024").count() >= 2);
    h.get_by_label("geoBoundaries Iraq ADM1, gbOpen IRQ-ADM1-90741666 (simplified)");
    // The boundary credit, beside the map's own.
    assert_eq!(
        h.query_all_by_label(
            "Boundaries: geoBoundaries (Runfola et al. 2020), CC0; not an official boundary"
        )
        .count(),
        2
    );
    // The map's caveats (issue 12).
    h.get_by_label(
        "Halabja, a governorate since 2014, is not drawn on its own: it lies inside Sulaymaniyah, as OCHA and DTM count it.",
    );
    h.get_by_label_contains("Baghdad is drawn as roughly the built-up city (about 900 km\u{b2}");
    h.get_by_label_contains("Never compute areas or densities");
    h.get_by_label("Not an official boundary: the shapes are for reading a map at a glance.");
    // The data's caveats and IOM's terms.
    for caveat in [
        "Stock, not cumulative",
        "August 2020: DTM's method changed",
        "Camp definitions",
        "Funding: FTS today and at the time",
    ] {
        h.get_by_label(caveat);
    }
    h.get_by_label_contains("IOM allows DTM data to be used for non-commercial purposes");
    // A link opens the whole address, only when clicked.
    assert!(h.state().opened_links().is_empty());
    let link = h.get_by_role_and_label(
        Role::Link,
        "github.com/\u{2026}/idpadmin0data-getadmin0datav2-admin0pcode-irq.json",
    );
    link.scroll_to_me();
    h.run();
    h.get_by_role_and_label(
        Role::Link,
        "github.com/\u{2026}/idpadmin0data-getadmin0datav2-admin0pcode-irq.json",
    )
    .click();
    h.run();
    assert_eq!(h.state().opened_links(), [ADMIN0_URL]);
    // The opener runs on a worker thread; the status bar says when it is done.
    for _ in 0..500 {
        if h.state().notice().is_some_and(|n| n.starts_with("Opened")) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.run();
    }
    assert_eq!(
        h.state().notice(),
        Some(format!("Opened {ADMIN0_URL} in your browser").as_str())
    );
}

#[test]
fn the_status_bars_as_of_opens_the_sources() {
    let mut h = bundled();
    assert!(h.query_by_label(ADMIN0_TITLE).is_none());
    h.get_by_role_and_label(Role::Link, "FTS as of 18 Apr 2026")
        .click();
    h.run();
    h.get_by_label(ADMIN0_TITLE);
    h.get_by_label("How current the data is");
}

#[test]
fn a_governorate_filter_lists_the_sources_it_draws() {
    let mut h = bundled();
    h.get_by_role_and_label(Role::Link, "DTM rounds to Apr 2024")
        .click();
    h.run();
    // Nationally, DTM's national totals draw IDPs over time; its governorate
    // figures only the governorate chart and the map.
    h.get_by_label(ADMIN0_TITLE);
    assert_eq!(h.query_all_by_label(ADMIN1_TITLE).count(), 1);
    select_only_ninewa(&mut h);
    h.get_by_label("The sources of the figures on screen, for Ninewa \u{b7} 2014\u{2013}2025.");
    // IDPs over time now draws DTM's governorate tables, not its national totals.
    assert!(h.query_by_label(ADMIN0_TITLE).is_none());
    assert_eq!(h.query_all_by_label(ADMIN1_TITLE).count(), 2);
    assert!(
        h.query_all_by_label("national figures: the governorate filter does not apply")
            .count()
            >= 1
    );
}

#[test]
fn f1_and_the_help_menu_list_the_shortcuts_that_exist() {
    let mut h = bundled();
    assert!(h.query_by_label("Keyboard and mouse").is_none());
    h.key_press(egui::Key::F1);
    h.run();
    h.get_by_label("Keyboard and mouse");
    for (keys, what) in [
        (
            "Ctrl+O",
            "Open a file: a DTM master list, an FTS export, a table of your own, a boundary file",
        ),
        (
            "Ctrl+E",
            "Export the chart you last worked with (SVG, PNG or the numbers as CSV)",
        ),
        ("Ctrl+R", "Reset every filter"),
        (
            "F11",
            "Presentation mode on or off: no controls, larger titles",
        ),
        ("F1", "This list"),
        ("Ctrl+Q", "Quit"),
    ] {
        h.get_by_label(keys);
        h.get_by_label(what);
    }
    for gesture in [
        "Click a headline card, then Ctrl+C",
        "Double-click a time chart",
        "Click a governorate's bar in IDPs by governorate",
        "Click a governorate on the map",
        "Click a filter chip",
    ] {
        h.get_by_label(gesture);
    }
    // The same window from the menu.
    h.get_by_role_and_label(Role::Button, "Help").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Keyboard and mouse  (F1)");
}

#[test]
fn about_shows_the_version_the_data_and_the_licences() {
    let mut h = bundled();
    menu(&mut h, "Help", "About");
    h.get_by_label(&format!(
        "displacement-dashboard {}",
        env!("CARGO_PKG_VERSION")
    ));
    h.get_by_label("displacement-dashboard 0.1.0");
    h.get_by_label(
        "DTM rounds to Apr 2024 \u{b7} DTM-based (UNHCR) to end 2025 \u{b7} camps to Jan 2026 \u{b7} FTS as of 18 Apr 2026",
    );
    h.get_by_label(
        "geoBoundaries Iraq admin 1 (Runfola et al. 2020), CC0 1.0: a public-domain dedication.",
    );
    h.get_by_label_contains("SIL Open Font License 1.1");
    h.get_by_label_contains("IOM allows DTM data to be used for non-commercial purposes");
    h.get_by_label("Licensed MIT OR Apache-2.0.");
    // From About to the sources.
    h.get_by_role_and_label(Role::Button, "Sources and caveats\u{2026}")
        .click();
    h.run();
    h.get_by_label(ADMIN0_TITLE);
}

/// True when the last frame told the window to close.
fn closes(h: &Harness<'static, DashboardApp>) -> bool {
    h.output()
        .viewport_output
        .values()
        .any(|v| v.commands.contains(&egui::ViewportCommand::Close))
}

#[test]
fn ctrl_q_closes_the_window() {
    let mut h = bundled();
    assert!(!h.state().quit_requested());
    // Ctrl (Cmd on a Mac) held with Q: the frame that takes the key closes.
    h.event(egui::Event::Key {
        key: egui::Key::Q,
        pressed: true,
        modifiers: egui::Modifiers::COMMAND,
        repeat: false,
        physical_key: None,
    });
    h.step();
    assert!(closes(&h));
    assert!(h.state().quit_requested());
}

#[test]
fn file_quit_closes_the_window() {
    let mut h = bundled();
    h.get_by_role_and_label(Role::Button, "File").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Quit  (Ctrl+Q)")
        .click();
    h.step();
    assert!(closes(&h));
    assert!(h.state().quit_requested());
}

#[test]
fn the_map_keeps_its_controls_in_presentation_mode_even_from_its_table() {
    let mut h = bundled();
    // The map left on its table. Its switch is the last but one "Table": the compare
    // panel's follows it, and the briefing's table is called "Sources".
    let map_table = h
        .query_all_by_role_and_label(Role::Button, "Table")
        .count()
        .checked_sub(2)
        .expect("the map's Table switch");
    h.query_all_by_role_and_label(Role::Button, "Table")
        .nth(map_table)
        .expect("the map's Table switch")
        .scroll_to_me();
    h.run();
    let table = h
        .query_all_by_role_and_label(Role::Button, "Table")
        .nth(map_table)
        .expect("the map's Table switch");
    table.click();
    h.run();
    assert!(
        h.query_by_label("Play").is_none(),
        "the map shows its table"
    );
    h.key_press(egui::Key::F11);
    h.run();
    assert!(h.state().presenting());
    // The map and its controls: measure, shapes or tiles, date, play.
    h.get_by_label("Measure");
    h.get_by_role_and_label(Role::Slider, "Date");
    h.get_by_role_and_label(Role::Button, "Tiles")
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::Button, "Tiles").click();
    h.run();
    assert!(h.state().view().map_tiles);
    h.get_by_role_and_label(Role::Button, "Shapes").click();
    h.run();
    assert!(!h.state().view().map_tiles);
    let before = h.state().view().map.date;
    h.get_by_role_and_label(Role::Slider, "Date").focus();
    h.run();
    h.key_press(egui::Key::ArrowLeft);
    h.run();
    assert_ne!(h.state().view().map.date, before);
    h.get_by_role_and_label(Role::Button, "Play").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Pause");
}

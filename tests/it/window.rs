//! The first window, driven headless with `egui_kittest`.

use displacement_dashboard::app::DashboardApp;
use displacement_dashboard::data::Dataset;
use displacement_dashboard::query::Filters;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

#[test]
fn the_window_shows_the_headline_cards_from_the_bundled_data() {
    let dataset = Dataset::bundled().expect("bundled data");
    let filters = Filters::all(&dataset);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .build_ui_state(
            |ui, app: &mut DashboardApp| app.dashboard_ui(ui),
            DashboardApp::new(dataset, filters),
        );
    harness.run();
    harness.get_by_label("IDPs now");
    harness.get_by_label("1.10 M");
    harness.get_by_label("at least 5.97 M");
    harness.get_by_label("Appeal coverage");
    harness.get_by_label("as of 30 Apr 2024 · Round 132");
}

#[test]
fn no_data_in_range_shows_a_message_not_an_empty_axis() {
    let dataset = Dataset::empty().expect("gazetteer");
    let filters = Filters::all(&dataset);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .build_ui_state(
            |ui, app: &mut DashboardApp| app.dashboard_ui(ui),
            DashboardApp::new(dataset, filters),
        );
    harness.run();
    harness.get_by_label("No IDP figures for these filters in 2014–2024");
    harness.get_by_label("no DTM data in 2014–2024");
}

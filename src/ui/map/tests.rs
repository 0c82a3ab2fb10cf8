//! The widget alone, driven headless with `egui_kittest`: clicks, the toggle and the
//! hover card, on the bundled boundaries and figures.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use super::*;
use crate::data::Dataset;
use crate::map::MapRequest;
use crate::query::Filters;

struct Panel {
    spec: MapSpec,
    geometry: Geometry,
    state: MapState,
    clicked: Vec<Pcode>,
    hovered: Option<Pcode>,
    measure: Option<MapMeasure>,
}

fn p(n: u8) -> Pcode {
    Pcode::new(n).unwrap()
}

fn harness() -> Harness<'static, Panel> {
    let ds = Dataset::bundled().unwrap();
    let spec = crate::query::map::map(&ds, &Filters::all(&ds), &MapRequest::default());
    let geometry = Geometry::new(&ds.map_boundaries().unwrap());
    let panel = Panel {
        spec,
        geometry,
        state: MapState::default(),
        clicked: Vec::new(),
        hovered: None,
        measure: None,
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(900.0, 700.0))
        .with_context_setup(crate::ui::theme::install)
        .build_ui_state(
            |ui, panel: &mut Panel| {
                let r = map_ui(ui, &panel.spec, &panel.geometry, &mut panel.state);
                panel.clicked.extend(r.clicked);
                panel.hovered = r.hovered;
                panel.measure = panel.measure.or(r.measure);
            },
            panel,
        );
    h.run();
    h
}

/// Where a governorate's label point was drawn (inside its shape or tile).
fn at(h: &Harness<'static, Panel>, pcode: Pcode, tiles: bool) -> egui::Pos2 {
    let panel = h.state();
    let region = if tiles {
        Geometry::tiles().region(pcode).cloned()
    } else {
        panel.geometry.region(pcode).cloned()
    };
    panel.state.screen_pos(region.unwrap().label_at).unwrap()
}

fn click(h: &mut Harness<'static, Panel>, pos: egui::Pos2) {
    h.hover_at(pos);
    h.run();
    h.drag_at(pos);
    h.run();
    h.drop_at(pos);
    h.run();
}

#[test]
fn clicking_a_governorate_returns_its_pcode() {
    let mut h = harness();
    let ninewa = at(&h, p(15), false);
    click(&mut h, ninewa);
    assert_eq!(h.state().clicked, [p(15)]);
    let basrah = at(&h, p(2), false);
    click(&mut h, basrah);
    assert_eq!(h.state().clicked, [p(15), p(2)]);
}

#[test]
fn the_toggle_switches_to_tiles_and_clicks_find_tiles() {
    let mut h = harness();
    assert!(!h.state().state.tiles);
    h.get_by_role_and_label(Role::Button, "Tiles").click();
    h.run();
    assert!(h.state().state.tiles);
    // Dahuk's tile is at column 2, row 0: top of the grid, not where its shape is.
    let dahuk = at(&h, p(9), true);
    click(&mut h, dahuk);
    assert_eq!(h.state().clicked, [p(9)]);
    h.get_by_role_and_label(Role::Button, "Shapes").click();
    h.run();
    assert!(!h.state().state.tiles);
}

#[test]
fn hovering_shows_both_names_the_value_date_change_and_source() {
    let mut h = harness();
    let ninewa = at(&h, p(15), false);
    h.hover_at(ninewa);
    h.run();
    assert_eq!(h.state().hovered, Some(p(15)));
    h.get_by_label("Ninewa");
    h.get_by_label("نينوى");
    h.get_by_label("198,287");
    h.get_by_label("as of 31 Dec 2025");
    h.get_by_label("+36,155 (+22.3%) since 1 Dec 2014");
    h.get_by_label(
        "International Organization for Migration (IOM), Displacement Tracking Matrix (DTM), as published by UNHCR",
    );
}

#[test]
fn the_legend_date_control_and_credits_are_labels() {
    let mut h = harness();
    h.get_by_label("No data");
    h.get_by_label("31 Dec 2025");
    h.get_by_role_and_label(Role::Slider, "Date");
    h.get_by_label(crate::data::bundled::BOUNDARIES_CREDIT);
    h.get_by_role_and_label(Role::Button, "Play").click();
    h.run();
    assert!(h.state().state.playing);
    h.get_by_role_and_label(Role::Button, "Pause");
}

#[test]
fn playing_steps_through_the_dates_and_wraps() {
    let d = |y| NaiveDate::from_ymd_opt(y, 12, 31).unwrap();
    let dates = [d(2023), d(2024), d(2025)];
    assert_eq!(next_date(&dates, Some(d(2023))), Some(d(2024)));
    assert_eq!(next_date(&dates, Some(d(2025))), Some(d(2023)));
    assert_eq!(next_date(&dates, None), Some(d(2023)));
    assert_eq!(next_date(&[], None), None);
}

#[test]
fn with_no_table_in_range_the_widget_says_so_and_still_draws_the_shapes() {
    let ds = Dataset::empty().unwrap();
    let spec = crate::query::map::map(&ds, &Filters::all(&ds), &MapRequest::default());
    let geometry = Geometry::new(&ds.map_boundaries().unwrap());
    let mut state = MapState::default();
    let mut h = Harness::builder()
        .with_size(egui::vec2(600.0, 500.0))
        .with_context_setup(crate::ui::theme::install)
        .build_ui(move |ui| {
            map_ui(ui, &spec, &geometry, &mut state);
        });
    h.run();
    h.get_by_label("No dates in range");
    h.get_by_label("No data");
}

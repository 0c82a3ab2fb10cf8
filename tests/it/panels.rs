//! The panel registry, swept: every registered panel draws its title and source
//! line, shows its table, asks for its export (which renders its chart and its
//! CSV), and says why when there is no data — on its own, as the registry hands it
//! to the window.

use chrono::NaiveDate;
use displacement_dashboard::data::Dataset;
use displacement_dashboard::export::{self, PictureSize, What, svg};
use displacement_dashboard::model::{Dashboard, PanelId};
use displacement_dashboard::query::{self, Choices, Filters};
use displacement_dashboard::ui::command::Command;
use displacement_dashboard::ui::panels::{Mode, Panel, PanelCx, Panels};
use displacement_dashboard::ui::plot::PlotOptions;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// One registered panel drawn alone, with what it pushed.
struct Alone {
    panels: Panels,
    index: usize,
    dash: Dashboard,
    choices: Choices,
    commands: Vec<Command>,
}

fn alone(dataset: &Dataset, index: usize) -> Harness<'static, Alone> {
    let choices = Choices::default();
    let dash = query::dashboard(dataset, &Filters::all(dataset), &choices);
    let state = Alone {
        panels: Panels::default(),
        index,
        dash,
        choices,
        commands: Vec::new(),
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(800.0, 700.0))
        .with_context_setup(displacement_dashboard::ui::theme::install)
        .build_ui_state(
            |ui, s: &mut Alone| {
                let Alone {
                    panels,
                    index,
                    dash,
                    choices,
                    commands,
                } = s;
                let plot = PlotOptions {
                    height: 260.0,
                    x_range: dash.x_range_days,
                    show_events: choices.show_events,
                    all_events: choices.all_events,
                    label_events: true,
                    legend_known: &[],
                    sources: &dash.sources,
                };
                let mut cx = PanelCx {
                    plot,
                    presenting: false,
                    commands,
                };
                if let Some(panel) = panels.iter_mut().nth(*index) {
                    panel.ui(ui, dash, choices, &mut cx);
                }
            },
            state,
        );
    h.run();
    h
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 12).expect("a date")
}

#[test]
fn the_registry_holds_every_panel_once_in_reading_order() {
    let ids: Vec<PanelId> = Panels::default().iter().map(Panel::id).collect();
    assert_eq!(ids, PanelId::ALL);
}

#[test]
fn every_registered_panel_draws_shows_its_table_and_exports() {
    let ds = Dataset::bundled().expect("bundled data");
    for index in 0..Panels::default().len() {
        let mut h = alone(&ds, index);
        let id = h.state().panels.iter().nth(index).expect("registered").id();
        let dash = h.state().dash.clone();
        let view = dash.panel(id);
        let title = h
            .state()
            .panels
            .iter()
            .nth(index)
            .expect("registered")
            .title(&dash)
            .to_string();
        // Its title and source line, and a chart (or map) that is not empty.
        h.get_by_label(&title);
        if let Some(first) = view.charts().next() {
            h.get_by_label(&first.source_line);
            assert!(!first.is_empty(), "{id:?} has data");
        } else if id == PanelId::Briefing {
            // Its paragraph, drawn whole, and each source it cites.
            h.get_by_label(dash.briefing.paragraph_text().as_str());
            for s in &dash.briefing.sources {
                h.get_by_label(&s.full);
            }
            assert!(
                dash.briefing.sources.len() >= 3,
                "the briefing cites its sources"
            );
        } else if id == PanelId::Compare {
            h.get_by_label(&dash.compare.source_line);
            h.get_by_label(&dash.compare.national);
            assert!(dash.compare.empty.is_none(), "two dates compared");
        } else {
            assert_eq!(id, PanelId::Map);
            h.get_by_label(&dash.map.source_line);
            assert!(dash.map.empty.is_none(), "the map has data");
        }
        // Its table: as many rows as the dashboard's.
        assert!(!view.table.rows.is_empty(), "{id:?}");
        h.state_mut()
            .panels
            .get_mut(id)
            .expect("registered")
            .set_mode(Mode::Table);
        h.run();
        h.get_by_label(&format!("{} rows", view.table.rows.len()));
        // Its export: the button asks for it; the chart and the CSV render.
        h.get_by_role_and_label(Role::Button, "Export\u{2026}")
            .click();
        h.run();
        assert!(
            h.state().commands.contains(&Command::AskExport(id)),
            "{id:?}: {:?}",
            h.state().commands
        );
        let picture = export::render_svg(What::Chart(id), PictureSize::default(), &dash, day())
            .expect("renders");
        assert!(picture.contains(&svg::escape(&title)), "{id:?}");
        let csv = export::render_csv(id, &dash);
        assert_eq!(csv.lines().count(), view.csv.rows.len() + 1, "{id:?}");
        assert!(!view.csv.rows.is_empty(), "{id:?}");
    }
}

#[test]
fn every_registered_panel_says_why_it_has_no_data() {
    let ds = Dataset::empty().expect("no tables");
    for index in 0..Panels::default().len() {
        let h = alone(&ds, index);
        let id = h.state().panels.iter().nth(index).expect("registered").id();
        if id == PanelId::Briefing {
            h.get_by_label("No headline figure for these filters: nothing to write.");
        }
        for spec in h.state().dash.panel(id).charts() {
            assert!(spec.is_empty(), "{id:?}");
            assert!(
                h.query_all_by_label(&spec.empty_message).count() >= 1,
                "{id:?}: {}",
                spec.empty_message
            );
        }
        if id == PanelId::Compare {
            let empty = h.state().dash.compare.empty.clone().expect("no tables");
            assert_eq!(h.query_all_by_label(&empty).count(), 1, "{empty}");
        }
    }
}

#[test]
fn sparse_and_partial_bases_say_so_and_the_full_tables_do_not() {
    use displacement_dashboard::data::Basis;
    use displacement_dashboard::query::charts;
    use displacement_dashboard::ui::panels::partial_note;
    let ds = Dataset::bundled().expect("bundled data");
    let f = Filters::all(&ds);
    let note = |basis| partial_note(&charts::governorates(&ds, &f, basis), basis);
    assert_eq!(note(Basis::Displacement), None);
    let origin = note(Basis::Origin).expect("origins are partial");
    assert!(origin.starts_with("Partial breakdown"), "{origin}");
    assert!(origin.contains("name only some governorates"), "{origin}");
    let camps = note(Basis::InCamp).expect("in-camp figures are sparse");
    assert!(camps.contains("published for only"), "{camps}");
}

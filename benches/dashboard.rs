//! The dashboard's targets (DESIGN §6): a filter change recomputes every card, chart
//! and table in under 5 ms; one frame of the full dashboard costs under 4 ms of CPU.
//! Results are reported in BENCHMARKS.md.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use displacement_dashboard::app::DashboardApp;
use displacement_dashboard::app::settings::Settings;
use displacement_dashboard::data::{Dataset, Pcode};
use displacement_dashboard::query::{self, Choices, Filters};
use egui_kittest::Harness;

fn filter_change(c: &mut Criterion) {
    let dataset = Dataset::bundled().expect("bundled data");
    let national = Filters::all(&dataset);
    let ninewa = Filters {
        governorates: Pcode::new(15).map(|p| [p].into()),
        from: 2017,
        to: 2020,
    };
    let keys = [national, ninewa];
    let choices = Choices::default();
    let mut i = 0;
    c.bench_function(
        "filter change: recompute all cards, charts and tables",
        |b| {
            b.iter(|| {
                i += 1;
                black_box(query::dashboard(&dataset, &keys[i % 2], &choices))
            });
        },
    );
}

fn frame(c: &mut Criterion) {
    let dataset = Dataset::bundled().expect("bundled data");
    let filters = Filters::all(&dataset);
    let app = DashboardApp::new(dataset, filters, Settings::default());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .with_context_setup(displacement_dashboard::ui::theme::install)
        .build_ui_state(|ui, app: &mut DashboardApp| app.dashboard_ui(ui), app);
    harness.run();
    c.bench_function(
        "one frame of the full dashboard (egui pass + tessellation)",
        |b| {
            b.iter(|| {
                harness.step();
                let shapes = harness.output().shapes.clone();
                black_box(harness.ctx.tessellate(shapes, 1.0))
            });
        },
    );
}

/// The same frame with the map on screen: a window tall enough that the map, below
/// the four charts, is drawn in full (shapes, labels, legend) rather than scrolled
/// out of view and culled.
fn frame_with_map(c: &mut Criterion) {
    let dataset = Dataset::bundled().expect("bundled data");
    let filters = Filters::all(&dataset);
    let app = DashboardApp::new(dataset, filters, Settings::default());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 2200.0))
        .with_context_setup(displacement_dashboard::ui::theme::install)
        .build_ui_state(|ui, app: &mut DashboardApp| app.dashboard_ui(ui), app);
    harness.run();
    assert!(
        harness
            .state()
            .locate(Pcode::new(15).expect("a P-code"))
            .is_some(),
        "the map is drawn"
    );
    c.bench_function(
        "one frame of the full dashboard with the map on screen (egui pass + tessellation)",
        |b| {
            b.iter(|| {
                harness.step();
                let shapes = harness.output().shapes.clone();
                black_box(harness.ctx.tessellate(shapes, 1.0))
            });
        },
    );
}

criterion_group!(benches, filter_change, frame, frame_with_map);
criterion_main!(benches);

//! What the desk officer sees, and where: axes that stay put and name their years,
//! a layout that fits a 1280 × 720 laptop (or scrolls, never clips), tooltips that
//! stay in the window, bars that filter when clicked, tables that copy plain numbers.
//! Driven headless with `egui_kittest`, reading the plots' own memory (bounds and
//! screen frames) and the shapes the window painted.

use chrono::NaiveDate;
use displacement_dashboard::app::DashboardApp;
use displacement_dashboard::app::settings::Settings;
use displacement_dashboard::data::Dataset;
use displacement_dashboard::export::What;
use displacement_dashboard::model::{ChartId, PanelId, day_number, drawn_x_range};
use displacement_dashboard::query::Filters;
use displacement_dashboard::ui::export_dialog::Choice;
use displacement_dashboard::ui::plot::plot_memory;
use egui::accesskit::Role;
use egui::epaint::Shape;
use egui::{Pos2, Rect, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

/// Every plot on the time axis.
const TIME_CHARTS: [ChartId; 6] = [
    ChartId::Idps,
    ChartId::Governorates,
    ChartId::Camps,
    ChartId::CampPeople,
    ChartId::Funding,
    ChartId::Coverage,
];

fn app() -> DashboardApp {
    let dataset = Dataset::bundled().expect("bundled data");
    let filters = Filters::all(&dataset);
    DashboardApp::new(dataset, filters, Settings::default())
}

fn window(width: f32, height: f32) -> Harness<'static, DashboardApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, height))
        // Frames 1/30 s apart, so two clicks a few frames apart are a double-click.
        .with_step_dt(1.0 / 30.0)
        .with_max_steps(30)
        .with_context_setup(displacement_dashboard::ui::theme::install)
        .build_ui_state(|ui, app: &mut DashboardApp| app.dashboard_ui(ui), app());
    harness.run();
    harness
}

fn day(y: i32, m: u32, d: u32) -> f64 {
    day_number(NaiveDate::from_ymd_opt(y, m, d).expect("a date"))
}

/// The plot's bounds as `[min_x, max_x, min_y, max_y]`.
fn bounds(h: &Harness<'static, DashboardApp>, id: ChartId) -> [f64; 4] {
    let memory = plot_memory(&h.ctx, id).unwrap_or_else(|| panic!("{id:?} was drawn"));
    let b = memory.bounds();
    [b.min()[0], b.max()[0], b.min()[1], b.max()[1]]
}

/// Bounds that have not moved (to well under a pixel).
fn assert_unmoved(now: [f64; 4], before: [f64; 4], when: &str) {
    let moved = now
        .iter()
        .zip(before)
        .any(|(a, b)| (a - b).abs() > 1e-6 * b.abs().max(1.0));
    assert!(!moved, "{when}: {before:?} became {now:?}");
}

/// Where the plot sits on screen.
fn frame(h: &Harness<'static, DashboardApp>, id: ChartId) -> Rect {
    *plot_memory(&h.ctx, id)
        .unwrap_or_else(|| panic!("{id:?} was drawn"))
        .transform()
        .frame()
}

/// Scrolls the dashboard until the label is in view.
fn scroll_to(h: &mut Harness<'static, DashboardApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
}

/// A primary click at `pos`, as a pointer does it: move, press, release.
fn click_at(h: &mut Harness<'static, DashboardApp>, pos: Pos2) {
    h.hover_at(pos);
    h.run();
    h.drag_at(pos);
    h.run();
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
}

/// Two primary clicks in quick succession at `pos`.
fn double_click_at(h: &mut Harness<'static, DashboardApp>, pos: Pos2) {
    h.hover_at(pos);
    h.run();
    for _ in 0..2 {
        h.drag_at(pos);
        h.step();
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: egui::Modifiers::NONE,
        });
        h.step();
    }
    h.run();
}

/// Every text the window painted this frame, with where it was painted.
fn painted_texts(h: &Harness<'static, DashboardApp>) -> Vec<(String, Rect)> {
    fn walk(shape: &Shape, out: &mut Vec<(String, Rect)>) {
        match shape {
            Shape::Text(t) => out.push((t.galley.text().to_string(), t.visual_bounding_rect())),
            Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &h.output().shapes {
        walk(&clipped.shape, &mut out);
    }
    out
}

/// A node's text: its label, else its value (egui gives a label's text as either).
fn text_of(node: &egui_kittest::Node<'_>) -> String {
    let n = node.accesskit_node();
    n.label().or_else(|| n.value()).unwrap_or_default()
}

/// A node's rect, if it has one.
fn rect_of(node: &egui_kittest::Node<'_>) -> Option<Rect> {
    node.accesskit_node().bounding_box().map(|_| node.rect())
}

/// The top of the status bar (the bottom of what the dashboard can show).
fn status_top(h: &Harness<'static, DashboardApp>) -> f32 {
    h.get_by_label("0 warnings").rect().top()
}

#[test]
fn the_coverage_axis_stays_put_while_the_pointer_moves_and_double_click_keeps_it() {
    let mut h = window(1440.0, 900.0);
    let title = h.state().view().coverage.title.clone();
    scroll_to(&mut h, &title);
    let before = bounds(&h, ChartId::Coverage);
    let plot = frame(&h, ChartId::Coverage);
    // Percent plots show up to 130% (room for the labels), with a small margin.
    assert!(before[3] > 100.0 && before[3] < 150.0, "{before:?}");
    for i in 0..60 {
        let t = i as f32 / 59.0;
        h.hover_at(pos2(
            plot.left() + t * plot.width(),
            plot.top() + (0.2 + 0.6 * t) * plot.height(),
        ));
        h.run();
    }
    assert_unmoved(
        bounds(&h, ChartId::Coverage),
        before,
        "after 60 frames of hovering",
    );
    // Double-click resets to the same bounds.
    double_click_at(&mut h, plot.center());
    assert_unmoved(
        bounds(&h, ChartId::Coverage),
        before,
        "after a double-click",
    );
}

#[test]
fn changing_the_years_rescales_every_time_chart_and_double_click_returns_to_them() {
    let mut h = window(1440.0, 900.0);
    // The filter's years, with the margin that draws a year-end bar whole.
    let years = |from, to| drawn_x_range((day(from, 1, 1), day(to, 12, 31)));
    for id in TIME_CHARTS {
        let b = bounds(&h, id);
        assert_eq!((b[0], b[1]), years(2014, 2025), "{id:?}");
    }
    // The end-2025 bar of the governorate chart is inside the plot, not cut at its edge.
    let last_bar = h
        .state()
        .view()
        .governorates
        .series
        .iter()
        .flat_map(|s| s.points.iter())
        .filter(|p| p.width > 0.0)
        .map(|p| p.x + p.width / 2.0)
        .fold(f64::NEG_INFINITY, f64::max);
    assert!(
        last_bar > day(2025, 12, 31),
        "a bar reaches past 31 Dec 2025"
    );
    assert!(
        last_bar <= bounds(&h, ChartId::Governorates)[1],
        "the last bar's right edge ({last_bar}) is inside the plot"
    );
    // 2017–2020 with the sliders, as a user does.
    for (label, key, steps) in [
        ("From", egui::Key::ArrowRight, 3),
        ("To", egui::Key::ArrowLeft, 5),
    ] {
        h.get_by_role_and_label(Role::Slider, label).focus();
        h.run();
        for _ in 0..steps {
            h.key_press(key);
            h.run();
        }
    }
    assert_eq!(
        (h.state().filters().from, h.state().filters().to),
        (2017, 2020)
    );
    for id in TIME_CHARTS {
        let b = bounds(&h, id);
        assert_eq!((b[0], b[1]), years(2017, 2020), "{id:?}");
    }
    // Pan the IDPs chart by dragging, then double-click: back to the filter's years.
    let plot = frame(&h, ChartId::Idps);
    let start = plot.center();
    h.drag_at(start);
    h.run();
    for dx in [20.0, 60.0, 120.0] {
        h.hover_at(start + egui::vec2(dx, 0.0));
        h.run();
    }
    h.drop_at(start + egui::vec2(120.0, 0.0));
    h.run();
    let panned = bounds(&h, ChartId::Idps);
    assert!(
        panned[0] < day(2017, 1, 1) - 30.0,
        "the drag panned: {panned:?}"
    );
    double_click_at(&mut h, start);
    let b = bounds(&h, ChartId::Idps);
    assert_eq!((b[0], b[1]), years(2017, 2020));
}

#[test]
fn every_time_chart_names_its_years_at_1280_1440_and_1600_px() {
    for (width, height) in [(1280.0, 720.0), (1440.0, 900.0), (1600.0, 1000.0)] {
        let mut h = window(width, height);
        let v = h.state().view();
        let titles = [
            v.idps.title.clone(),
            v.governorates.title.clone(),
            v.camps.title.clone(),
            v.camp_people.title.clone(),
            v.funding.title.clone(),
            v.coverage.title.clone(),
        ];
        for (id, title) in TIME_CHARTS.into_iter().zip(titles) {
            // What is below the fold is not painted: scroll to it first.
            scroll_to(&mut h, &title);
            let texts = painted_texts(&h);
            let plot = frame(&h, id);
            let years: Vec<&str> = texts
                .iter()
                .filter(|(text, rect)| {
                    text.len() == 4
                        && text.starts_with("20")
                        && rect.center().x >= plot.left() - 1.0
                        && rect.center().x <= plot.right() + 1.0
                        && rect.top() >= plot.bottom() - 1.0
                        && rect.top() <= plot.bottom() + 24.0
                })
                .map(|(text, _)| text.as_str())
                .collect();
            // 2014–2025: every year where a year has room for its label (the plots of
            // 1440 and 1600 px windows), else every second year (a 1280 px laptop).
            let expected: Vec<String> = if width < 1400.0 {
                (2014..=2025).step_by(2).map(|y| y.to_string()).collect()
            } else {
                (2014..=2025).map(|y| y.to_string()).collect()
            };
            assert_eq!(
                years,
                expected,
                "{id:?} at {width}×{height} (plot {:.0} px wide)",
                plot.width()
            );
        }
    }
}

#[test]
fn at_1280_by_720_nothing_is_cut_off_and_every_title_is_in_view_or_reachable_by_scrolling() {
    let mut h = window(1280.0, 720.0);
    let bottom = status_top(&h);
    // No widget or label runs past the window's right edge (the page scrolls only
    // vertically, so that would be clipped for good).
    for node in h.query_all_by(|_| true) {
        if let Some(rect) = rect_of(&node)
            && rect.width() > 0.0
            && rect.height() > 0.0
        {
            assert!(
                rect.right() <= 1280.5,
                "{:?} ends at x = {}",
                text_of(&node),
                rect.right()
            );
        }
    }
    // The four cards side by side, all in view.
    let cards: Vec<String> = h
        .state()
        .view()
        .cards
        .iter()
        .map(|c| c.title.clone())
        .collect();
    assert_eq!(cards.len(), 4);
    for title in &cards {
        let rect = h.get_by_label(title).rect();
        assert!(
            rect.top() >= 0.0 && rect.bottom() <= bottom,
            "{title}: {rect:?}"
        );
    }
    // The sidebar shows every governorate above the years, none cut in half.
    let years = h.get_by_label("Years").rect();
    for name in ["Kurdistan Region", "Sulaymaniyah"] {
        let rect = h.get_by_role_and_label(Role::CheckBox, name).rect();
        assert!(
            rect.bottom() <= years.top(),
            "{name}: {rect:?} above {years:?}"
        );
    }
    // Each chart title: inside the central area horizontally, and in view once
    // scrolled to.
    let v = h.state().view();
    let titles = [
        v.idps.title.clone(),
        v.governorates.title.clone(),
        v.camps.title.clone(),
        v.camp_people.title.clone(),
        v.funding.title.clone(),
        v.coverage.title.clone(),
    ];
    let sidebar_right = years.right();
    for title in &titles {
        scroll_to(&mut h, title);
        let rect = h.get_by_label(title).rect();
        assert!(
            rect.left() >= sidebar_right && rect.right() <= 1280.0,
            "{title}: {rect:?}"
        );
        assert!(
            rect.top() >= 0.0 && rect.bottom() <= bottom,
            "{title}: {rect:?}"
        );
    }
    // The first row of charts is in view with the cards, without scrolling.
    let h = window(1280.0, 720.0);
    for id in [ChartId::Idps, ChartId::Governorates] {
        let plot = frame(&h, id);
        assert!(plot.bottom() <= bottom, "{id:?}: {plot:?}");
        assert!(plot.height() >= 190.0, "{id:?}: {plot:?}");
    }
}

#[test]
fn at_1600_by_1000_all_four_charts_are_in_view() {
    let h = window(1600.0, 1000.0);
    let bottom = status_top(&h);
    for id in TIME_CHARTS {
        let plot = frame(&h, id);
        assert!(
            plot.top() >= 0.0 && plot.bottom() <= bottom,
            "{id:?}: {plot:?}, status bar at {bottom}"
        );
    }
}

#[test]
fn a_scroll_position_from_the_last_run_does_not_hide_the_cards() {
    let mut h = window(1280.0, 720.0);
    let card = h.state().view().cards[0].title.clone();
    let title = h.state().view().funding.title.clone();
    scroll_to(&mut h, &title);
    assert!(
        h.get_by_label(&card).rect().bottom() < 0.0,
        "scrolled past the cards"
    );
    // A new run on the same egui memory (as restored from disk).
    *h.state_mut() = app();
    h.run();
    let rect = h.get_by_label(&card).rect();
    assert!(
        rect.top() >= 0.0 && rect.bottom() <= status_top(&h),
        "{rect:?}"
    );
}

/// The screen position of the middle of `series`'s bar on `date` in the
/// governorate chart.
fn bar_centre(h: &Harness<'static, DashboardApp>, series: &str, date: &str) -> Pos2 {
    let spec = &h.state().view().governorates;
    let s = spec
        .series
        .iter()
        .find(|s| s.label == series)
        .unwrap_or_else(|| panic!("a {series} series"));
    let p = s
        .points
        .iter()
        .find(|p| p.label == date)
        .unwrap_or_else(|| panic!("a {series} bar on {date}"));
    plot_memory(&h.ctx, ChartId::Governorates)
        .expect("drawn")
        .transform()
        .position_from_point(&egui_plot::PlotPoint::new(p.x, p.base + p.y / 2.0))
}

#[test]
fn a_bar_has_a_framed_tooltip_inside_the_window_and_a_click_filters_to_its_governorate() {
    let mut h = window(1280.0, 720.0);
    // The last bar is near the window's right edge.
    let last = h.state().view().governorates.series[0]
        .points
        .last()
        .expect("a bar")
        .label
        .clone();
    let ninewa = bar_centre(&h, "Ninewa", &last);
    h.hover_at(ninewa);
    h.run();
    let needle = format!("{last}: ");
    let tooltip = h.get_by_label_contains(&needle);
    let text = text_of(&tooltip);
    assert!(text.starts_with("Ninewa\n"), "{text}");
    assert!(text.contains("Source: "), "{text}");
    let rect = tooltip.rect();
    assert!(rect.right() <= 1280.0 && rect.bottom() <= 720.0, "{rect:?}");
    // Under a real pointer the click lands on the bar the tooltip names.
    click_at(&mut h, ninewa);
    let selected: Vec<String> = h
        .state()
        .filters()
        .governorates
        .clone()
        .expect("a selection")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(selected, ["IQG15"], "Ninewa only");
    h.get_by_label("Ninewa ×");
}

#[test]
fn the_table_sorts_with_a_drawn_arrow_and_copies_plain_numbers() {
    let mut h = window(1440.0, 900.0);
    let tables: Vec<_> = h.get_all_by_role_and_label(Role::Button, "Table").collect();
    tables[3].click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Year").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Year").click();
    h.run();
    // The header is still just its name (no glyph box), and every label of the
    // window can be drawn with the bundled fonts.
    h.get_by_role_and_label(Role::Button, "Year");
    let font = egui::FontId::proportional(14.0);
    for node in h.query_all_by(|_| true) {
        let label = text_of(&node);
        let drawable = h
            .ctx
            .fonts_mut(|f| f.has_glyphs(&font, &label.replace('\n', "")));
        assert!(drawable, "a glyph of {label:?} is missing");
    }
    h.get_by_role_and_label(Role::Button, "Copy as CSV").click();
    // The frame that handles the click is the one that copies.
    h.step();
    let copied: Vec<String> = h
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    let csv = copied.last().expect("Copy as CSV copied text");
    // The clipboard holds the exported CSV (its columns, values and CRLF line ends),
    // without the file's byte-order mark.
    let exported = displacement_dashboard::export::render_csv(PanelId::Funding, h.state().view());
    assert_eq!(exported.strip_prefix('\u{feff}'), Some(csv.as_str()));
    assert!(!csv.starts_with('\u{feff}'));
    assert!(csv.ends_with("\r\n") && !csv.replace("\r\n", "").contains('\n'));
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "year,plan_code,plan_name,kind,requirements_usd,funding_usd,coverage_pct,coverage_reported_pct,reported_on,source"
        )
    );
    // 2022's appeals, with plain numbers.
    let first: Vec<&str> = lines
        .find(|l| l.starts_with("2022,"))
        .expect("a 2022 row")
        .split(',')
        .collect();
    assert!(
        first[4].bytes().all(|b| b.is_ascii_digit()) && first[4].len() >= 9,
        "{first:?}"
    );
    assert!(
        first[5].bytes().all(|b| b.is_ascii_digit()) && first[5].len() >= 9,
        "{first:?}"
    );
    assert_eq!((first[6], first[7]), ("90.4", "67"));
}

#[test]
fn the_source_column_wraps_and_the_table_scrolls_to_it() {
    let mut h = window(1280.0, 720.0);
    let tables: Vec<_> = h.get_all_by_role_and_label(Role::Button, "Table").collect();
    tables[0].click();
    h.run();
    // The longest Source cell of the IDPs table.
    let cell = h
        .state()
        .view()
        .idps_table
        .rows
        .iter()
        .map(|r| r[4].text.clone())
        .max_by_key(String::len)
        .expect("rows");
    assert!(cell.len() > 60, "{cell}");
    let is_cell =
        |n: &egui_kittest::Node<'_>| n.accesskit_node().role() == Role::Label && text_of(n) == cell;
    let source = h
        .query_all_by(|_| true)
        .find(is_cell)
        .expect("a Source cell");
    assert!(
        source.rect().width() <= displacement_dashboard::ui::table_view::TEXT_CELL_WIDTH + 1.0,
        "{:?}",
        source.rect()
    );
    source.scroll_to_me();
    h.run();
    let source = h
        .query_all_by(|_| true)
        .find(is_cell)
        .expect("a Source cell");
    let rect = source.rect();
    assert!(rect.left() >= 0.0 && rect.right() <= 1280.0, "{rect:?}");
}

#[test]
fn presentation_mode_shows_no_local_path_and_no_copy_button() {
    let mut h = window(1440.0, 900.0);
    let tables: Vec<_> = h.get_all_by_role_and_label(Role::Button, "Table").collect();
    tables[0].click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Copy as CSV");
    // An export: the status bar names where it went.
    let dir = std::env::temp_dir().join(format!("dd-screen-present-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("idps.svg");
    let ctx = h.ctx.clone();
    h.state_mut()
        .export_to(&ctx, What::Chart(PanelId::Idps), path.clone(), Choice::Svg);
    for _ in 0..500 {
        h.step();
        if !h.state().is_exporting() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run();
    let shown = path.display().to_string();
    h.get_by_label_contains(&shown);
    h.key_press(egui::Key::F11);
    h.run();
    assert!(h.state().presenting());
    assert!(
        h.query_by_label_contains(&shown).is_none(),
        "the path is hidden"
    );
    assert!(
        h.query_by_role_and_label(Role::Button, "Copy as CSV")
            .is_none()
    );
}

#[test]
fn the_sparse_governorate_bases_say_the_breakdown_is_partial() {
    let mut h = window(1440.0, 900.0);
    assert!(h.query_by_label_contains("Partial breakdown").is_none());
    for basis in ["Where they come from", "In camps"] {
        h.get_all_by_role(Role::ComboBox)
            .next()
            .expect("the basis selector")
            .click();
        h.run();
        h.get_by_label(basis).click();
        h.run();
        h.get_by_label_contains("Partial breakdown");
    }
}

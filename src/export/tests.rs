//! Tests of the export API over dashboards computed from the bundled or an empty
//! dataset (the only code in `export/`, with `overlap_tests`, that reads a dataset:
//! a test has to build the dashboard it exports).

use std::path::PathBuf;

use chrono::NaiveDate;

use super::*;
use crate::data::{Basis, Dataset, Pcode};
use crate::query::{Choices, Filters, dashboard};

fn filters(govs: Option<&[u8]>, from: i32, to: i32) -> Filters {
    Filters {
        governorates: govs.map(|g| g.iter().map(|n| Pcode::new(*n).unwrap()).collect()),
        from,
        to,
    }
}

fn dash(ds: &Dataset, f: &Filters) -> Dashboard {
    dashboard(ds, f, &Choices::default())
}

#[test]
fn file_names_say_what_where_and_when() {
    let ds = Dataset::empty().unwrap();
    let png = Format::Png { scale: 2 };
    let idps = What::Chart(PanelId::Idps);
    assert_eq!(
        default_file_name(idps, &dash(&ds, &filters(Some(&[15]), 2017, 2024)), png),
        "idps-ninewa-2017-2024.png"
    );
    assert_eq!(
        default_file_name(idps, &dash(&ds, &filters(None, 2014, 2024)), Format::Svg),
        "idps-iraq-2014-2024.svg"
    );
    let origin = Choices {
        basis: Basis::Origin,
        ..Choices::default()
    };
    assert_eq!(
        default_file_name(
            What::Table(PanelId::Governorates),
            &dashboard(&ds, &filters(Some(&[1, 8, 15]), 2019, 2019), &origin),
            Format::Csv
        ),
        "governorates-origin-anbar-baghdad-ninewa-2019.csv"
    );
    assert_eq!(
        default_file_name(
            What::Sheet,
            &dash(&ds, &filters(Some(&[1, 2, 3, 4, 5]), 2014, 2024)),
            png
        ),
        "briefing-5-governorates-2014-2024.png"
    );
    assert_eq!(
        default_file_name(
            What::Sheet,
            &dash(&ds, &filters(Some(&[]), 2014, 2024)),
            png
        ),
        "briefing-no-governorate-2014-2024.png"
    );
}

#[test]
fn wrong_formats_and_sizes_are_refused() {
    let ds = Dataset::empty().unwrap();
    let d = dash(&ds, &filters(None, 2014, 2024));
    let day = NaiveDate::from_ymd_opt(2026, 11, 12).unwrap();
    let request = |what, format, width| ExportRequest {
        what,
        format,
        path: PathBuf::from("x"),
        size: PictureSize {
            width,
            ..PictureSize::default()
        },
    };
    let e = render(
        &request(What::Table(PanelId::Idps), Format::Svg, None),
        &d,
        day,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "a table cannot be exported as SVG; use a .csv file"
    );
    let e = render(&request(What::Sheet, Format::Csv, None), &d, day).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("the briefing sheet cannot be exported as CSV")
    );
    let e = render(
        &request(What::Chart(PanelId::Idps), Format::Svg, Some(10)),
        &d,
        day,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "width 10 px is out of range; use 200 to 8000"
    );
    assert!(e.is_usage());
}

#[test]
fn series_hidden_on_screen_are_left_out() {
    let ds = Dataset::bundled().unwrap();
    let f = filters(None, 2014, 2024);
    let day = NaiveDate::from_ymd_opt(2026, 11, 12).unwrap();
    // On screen, the UNHCR/IDMC switch hides the comparison series; the dashboard
    // computed for that choice holds the chart without them.
    let hidden = dashboard(
        &ds,
        &f,
        &Choices {
            show_comparisons: false,
            ..Choices::default()
        },
    );
    let what = What::Chart(PanelId::Idps);
    let size = PictureSize::default();
    let all = render_svg(what, size, &dash(&ds, &f), day).unwrap();
    let shown = render_svg(what, size, &hidden, day).unwrap();
    assert!(!hidden.idps_comparisons.is_empty());
    for label in &hidden.idps_comparisons {
        let series = format!("data-series=\"{}\"", svg::escape(label));
        assert!(all.contains(&series), "{label}");
        assert!(!shown.contains(&series), "{label}");
    }
    assert!(shown.contains("data-series=\"Returnees (IOM DTM)\""));
}

#[test]
fn camp_comparisons_and_every_event_are_drawn_only_when_asked_for() {
    let ds = Dataset::bundled().unwrap();
    let f = filters(None, 2014, 2024);
    let day = NaiveDate::from_ymd_opt(2026, 11, 12).unwrap();
    let what = What::Chart(PanelId::Camps);
    let size = PictureSize::default();
    let default = render_svg(what, size, &dash(&ds, &f), day).unwrap();
    let asked = Choices {
        camp_comparisons: true,
        all_events: true,
        ..Choices::default()
    };
    let all = render_svg(what, size, &dashboard(&ds, &f, &asked), day).unwrap();
    let kri = "data-series=\"IDP camps, Kurdistan Region\"";
    assert!(!default.contains(kri) && all.contains(kri));
    assert!(default.contains("data-series=\"Formal camps, Iraq\""));
    // Key events are labelled by their short titles; the key gives full titles.
    assert!(default.contains(">Mosul retaken</text>"));
    assert!(
        default.contains("10 Jul 2017 \u{b7} Prime minister declares victory over ISIL in Mosul")
    );
    let other = "Camp closures in Ninewa and Salah al-Din";
    assert!(!default.contains(other) && all.contains(other));
    assert!(!default.contains("event-number"));
    // Closures are hollow marks, so the line through them stays visible.
    let closures = default
        .split("data-series=\"Named closures (closed, reclassified or consolidated)\"")
        .nth(1)
        .and_then(|g| g.split("</g>").next())
        .unwrap();
    assert!(closures.contains("<polygon") && closures.contains("fill=\"none\""));
}

#[test]
fn an_empty_chart_says_why_instead_of_drawing() {
    let ds = Dataset::empty().unwrap();
    let svg = render_svg(
        What::Chart(PanelId::Funding),
        PictureSize::default(),
        &dash(&ds, &filters(None, 2014, 2024)),
        NaiveDate::from_ymd_opt(2026, 11, 12).unwrap(),
    )
    .unwrap();
    assert!(svg.contains("No funding data in 2014\u{2013}2024"), "{svg}");
    assert!(!svg.contains("class=\"series\""));
    assert!(svg.contains("displacement-dashboard \u{b7} 12 Nov 2026"));
}

/// Two dates compared (issue 13) on their own page.
#[test]
fn the_page_holds_every_bar_label_and_the_dtm_credit() {
    let ds = Dataset::bundled().unwrap();
    let f = Filters {
        from: 2017,
        ..Filters::all(&ds)
    };
    let dash = dashboard(&ds, &f, &Choices::default());
    let day = NaiveDate::from_ymd_opt(2026, 11, 12).unwrap();
    let svg = super::compare::compare_page(&dash.compare, (800.0, 500.0), day);
    assert!(svg.contains(
        ">Change in IDPs by governorate of displacement, 31 Dec 2017 to 31 Dec 2025</text>"
    ));
    // The exports write a minus as an en dash (`svg::escape`).
    let text = |t: &str| format!(">{}</text>", super::svg::escape(t));
    assert!(
        svg.contains(&text("\u{2212}609,037 (\u{2212}75.4%)")),
        "Ninewa's label"
    );
    assert!(svg.contains(r#"data-pcode="IQG15" data-change="-609037""#));
    assert_eq!(svg.matches("class=\"bar\"").count(), 18);
    assert!(svg.contains("Displacement Tracking Matrix (DTM)"));
    assert!(svg.contains(">Iraq: \u{2013}"), "the national line");
    assert!(svg.contains(">displacement-dashboard \u{b7} 12 Nov 2026</text>"));
    // Fewer, larger rows never push the footer off a small page.
    let small = super::compare::compare_page(&dash.compare, (400.0, 200.0), day);
    let h: f64 = small
        .split("height=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|s| s.parse().ok())
        .unwrap();
    assert!(h > 18.0 * 15.0, "{h}");
}

//! Malformed and hostile input found by fuzzing (issue 14's messages): each gets a
//! clear message or loads as it should, never a wrong reading, a hang or a flood.

use std::path::Path;

use displacement_dashboard::data::{
    DataError, Dataset, FileLoad, LoadOptions, Progress, load_path,
};

use crate::support::run;

fn load(path: &Path) -> Result<FileLoad, DataError> {
    let ctx = Dataset::empty().expect("gazetteer").load_context();
    load_path(&ctx, path, &LoadOptions::default(), &Progress::none())
}

fn write(dir: &tempdir::Dir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.0.join(name);
    std::fs::write(&path, bytes).expect("write the case");
    path
}

/// A fresh folder under the target directory for one test's files.
mod tempdir {
    pub struct Dir(pub std::path::PathBuf);

    impl Dir {
        pub fn new(name: &str) -> Dir {
            let dir = std::env::temp_dir().join(format!(
                "displacement-dashboard-malformed-{name}-{}",
                std::process::id()
            ));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).expect("a temporary folder");
            Dir(dir)
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

#[test]
fn a_line_of_only_quotes_or_a_no_break_space_above_the_header_is_not_the_header() {
    let dir = tempdir::Dir::new("blank");
    for (name, first) in [("quotes.csv", "\"\""), ("nbsp.csv", "\u{a0}")] {
        let text = format!("{first}\ndate,pcode,individuals\n2024-04-30,IQG15,5\n");
        let l = load(&write(&dir, name, text.as_bytes())).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(l.report.rows, 1, "{name}");
        assert_eq!(l.report.header_row, 2, "{name}");
    }
}

#[test]
fn cr_alone_ends_lines_as_old_mac_excel_writes_them() {
    let dir = tempdir::Dir::new("cr");
    let good = write(
        &dir,
        "good.csv",
        b"date,pcode,individuals\r2024-04-30,IQG15,5\r2024-04-30,IQG09,7\r",
    );
    assert_eq!(load(&good).expect("loads").report.rows, 2);
    let bad = write(
        &dir,
        "bad.csv",
        b"date,pcode,individuals\r2024-04-30,IQG15,abc\r",
    );
    let e = load(&bad).map(|_| ()).map_err(|e| e.to_string());
    assert_eq!(
        e,
        Err(format!(
            "{}: row 2, column \"individuals\": expected a whole number, 0 or more, found \"abc\"",
            bad.display()
        ))
    );
}

#[test]
fn problems_are_capped_at_a_thousand_and_the_rest_counted() {
    let dir = tempdir::Dir::new("cap");
    let mut text = String::from("date,pcode,individuals\n");
    for _ in 0..5_000 {
        text.push_str("2024-04-30,IQG15,x\n");
    }
    let e = load(&write(&dir, "many.csv", text.as_bytes())).expect_err("refused");
    assert_eq!(e.problems().len(), 1000);
    assert!(e.to_string().ends_with("…and 4000 more problems"), "{e}");
}

#[test]
fn found_values_are_escaped_and_long_ones_cut_short() {
    let dir = tempdir::Dir::new("found");
    let text = "date,pcode,individuals\n\u{feff}2014-12-01,IQG15,5\n";
    let e = load(&write(&dir, "bom.csv", text.as_bytes())).expect_err("refused");
    assert!(
        e.to_string().ends_with(
            "column \"date\": expected a date as YYYY-MM-DD, found \"\\u{feff}2014-12-01\""
        ),
        "{e}"
    );
    // A 5 MB governorate cell: refused at once, its value cut short, no suggestion.
    let long = "x".repeat(5_000_000);
    let text = format!("date,pcode,individuals\n2024-04-30,{long},5\n");
    let e = load(&write(&dir, "long.csv", text.as_bytes())).expect_err("refused");
    let message = e.to_string();
    assert!(message.len() < 600, "{} bytes", message.len());
    assert!(message.contains("(5000000 characters)"), "{message}");
    assert!(!message.contains("did you mean"), "{message}");
}

#[test]
fn the_signature_decides_what_a_file_is() {
    let dir = tempdir::Dir::new("signature");
    let text = write(
        &dir,
        "table.xlsx",
        b"date,pcode,individuals\n2024-04-30,IQG15,5\n",
    );
    let l = load(&text).expect("read as CSV");
    assert_eq!(l.report.rows, 1);
    assert_eq!(
        l.report.warnings[0].message,
        "named .xlsx, but it is text, not a workbook: read as CSV"
    );
    // An empty zip archive (only its end record), named as a workbook.
    let empty = write(
        &dir,
        "empty.xlsx",
        b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
    );
    let e = load(&empty).map(|_| ()).map_err(|e| e.to_string());
    assert_eq!(
        e,
        Err(format!(
            "{}: not a readable workbook (truncated or corrupt?): a zip archive with no workbook in it (no xl/workbook.xml); open an XLSX, XLS or ODS workbook, or a CSV",
            empty.display()
        ))
    );
}

#[test]
fn devices_and_pipes_are_refused_as_paths_never_read_forever() {
    let r = run(&["check", "/dev/zero"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "displacement-dashboard: cannot open /dev/zero: it is not a regular file (a device, a pipe or a socket)\n"
    );
    let dir = tempdir::Dir::new("fifo");
    let fifo = dir.0.join("pipe.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let e = load(&fifo).map(|_| ()).map_err(|e| e.to_string());
    assert_eq!(
        e,
        Err(format!(
            "cannot open {}: it is not a regular file (a device, a pipe or a socket)",
            fifo.display()
        ))
    );
}

#[test]
fn a_shared_string_index_out_of_range_names_its_cell() {
    // Message 7: calamine refused the whole workbook ("Cell string index not found in
    // shared strings table") without saying where.
    let mut package = crate::props::workbook::made_up_xlsx();
    let xml = String::from_utf8(package.parts[5].1.clone()).expect("utf-8");
    let bad = xml.replacen(
        r#"<c r="B4" t="s"><v>5</v></c>"#,
        r#"<c r="B4" t="s"><v>99</v></c>"#,
        1,
    );
    assert_ne!(bad, xml);
    package.parts[5].1 = bad.into_bytes();
    let dir = tempdir::Dir::new("sst");
    let path = write(&dir, "sst.xlsx", &package.zip());
    let e = load(&path).map(|_| ()).map_err(|e| e.to_string());
    assert_eq!(
        e,
        Err(format!(
            "{}: not a readable workbook (truncated or corrupt?): sheet \"Data\": cell B4 refers to shared string 99, but the workbook holds 8 (numbered from 0): the file is corrupt; open it in Excel and save it again",
            path.display()
        ))
    );
}

#[test]
fn an_emptied_basis_is_blamed_for_the_duplicate_it_makes_not_the_governorate() {
    // Message 8: an emptied `basis` (read as displacement) clashed with the row of
    // the same date and governorate, and the message blamed column "pcode".
    let dir = tempdir::Dir::new("basis");
    let text = "date,governorate,basis,individuals\n2024-04-30,Ninewa,,700\n2024-04-30,Ninewa,displacement,1000\n";
    let path = write(&dir, "basis.csv", text.as_bytes());
    let e = load(&path).map(|_| ()).map_err(|e| e.to_string());
    assert_eq!(
        e,
        Err(format!(
            "{}: row 3, column \"basis\": expected a basis (displacement, origin, in_camp, returnees): row 2's empty basis is read as displacement, and row 2 has the same date, governorate, source and panel, found \"displacement\"",
            path.display()
        ))
    );
    // A true duplicate names the governorate column the file has, as written there.
    let text = "date,governorate,basis,individuals\n2024-04-30,Ninewa,displacement,700\n2024-04-30,Nineveh,displacement,1000\n";
    let path = write(&dir, "dup.csv", text.as_bytes());
    let e = load(&path).map(|_| ()).map_err(|e| e.to_string());
    assert_eq!(
        e,
        Err(format!(
            "{}: row 3, column \"governorate\": expected one row per date, governorate, basis, source and panel (row 2 has the same), found \"Nineveh\"",
            path.display()
        ))
    );
}

//! Loading a generated 1,000,000-row location-level DTM master list (CSV, about 50 MB):
//! read, find the header, normalise governorates and aggregate to governorates per
//! date (DESIGN §6: under 1 s on 2 cores). The file is left in the temp folder
//! (`displacement-dashboard-bench/master_list_1m.csv`) for a whole-process run:
//! `/usr/bin/time -v target/release/displacement-dashboard check FILE`. Also the
//! 44-column lists `benches/peers/run.py` generates, when they are there.

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use displacement_dashboard::data::{Dataset, LoadOptions, Progress, load_path};

/// Spellings as master lists write them: OCHA names, other spellings, P-codes.
const GOVERNORATES: [&str; 18] = [
    "Anbar",
    "Babylon",
    "Baghdad",
    "Basrah",
    "Dahuk",
    "Diyala",
    "Erbil",
    "Kerbala",
    "Kirkuk",
    "Missan",
    "Muthanna",
    "Najaf",
    "Ninewa",
    "Qadissiya",
    "Salah al-Din",
    "Sulaymaniyah",
    "Thi-Qar",
    "Wassit",
];

/// Writes the file once; returns its path and size in bytes.
fn master_list() -> (PathBuf, u64) {
    let dir = std::env::temp_dir().join("displacement-dashboard-bench");
    let path = dir.join("master_list_1m.csv");
    if let Ok(meta) = std::fs::metadata(&path) {
        return (path, meta.len());
    }
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut text = String::with_capacity(60_000_000);
    text.push_str("Governorate,District,Location ID,Location,Households,Individuals,Round,Date\n");
    // Made-up figures: 1,000,000 location rows over 10 rounds (two share a date).
    let rounds = [
        (123, "2021-12-31"),
        (124, "2022-02-28"),
        (125, "2022-04-30"),
        (126, "2022-06-30"),
        (127, "2022-08-31"),
        (128, "2022-12-31"),
        (129, "2023-04-30"),
        (130, "2023-08-31"),
        (131, "2023-12-31"),
        (132, "2023-12-31"),
    ];
    let mut state: u64 = 42;
    for i in 0..1_000_000u64 {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let (round, date) = rounds[(i % 10) as usize];
        let g = GOVERNORATES[((i / 10) % 18) as usize];
        let households = (state >> 33) % 400;
        let individuals = households * 6;
        let _ = writeln!(
            text,
            "{g},District {d},L{i:07},Location {i},{households},{individuals},{round},{date}",
            d = (i / 180) % 7
        );
    }
    std::fs::write(&path, &text).expect("write the master list");
    (path, text.len() as u64)
}

fn bench(c: &mut Criterion) {
    let (path, size) = master_list();
    eprintln!("{} ({} bytes)", path.display(), size);
    let dataset = Dataset::empty().expect("gazetteer");
    let ctx = dataset.load_context();
    let options = LoadOptions::default();
    let mut group = c.benchmark_group("master_list");
    group.sample_size(10);
    group.bench_function("load_1m_rows_csv", |b| {
        b.iter(|| {
            let loaded = load_path(&ctx, &path, &options, &Progress::none()).expect("loads");
            black_box(loaded.report.rows)
        });
    });
    // The wide, real-shaped lists of the peers benchmark (benches/peers/), when they
    // have been generated: cost at 100k, 1M and 5M rows side by side.
    let peers = std::env::var_os("HOME")
        .map(|h| PathBuf::from(h).join(".cache/displacement-dashboard/peers"));
    for rows in ["100000", "1000000", "5000000"] {
        let Some(path) = peers
            .as_ref()
            .map(|p| p.join(format!("master-list-{rows}.csv")))
            .filter(|p| p.exists())
        else {
            eprintln!("master-list-{rows}.csv not generated: run benches/peers/run.py first");
            continue;
        };
        group.bench_function(format!("load_{rows}_wide_rows_csv"), |b| {
            b.iter(|| {
                let loaded = load_path(&ctx, &path, &options, &Progress::none()).expect("loads");
                black_box(loaded.report.rows)
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

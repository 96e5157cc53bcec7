//! Time per stage of one monthly report, in process, on the sample workspace:
//! `cargo bench --bench render [-- CLIENT [ITERATIONS]]`.
//!
//! Stages: loading the brand (fonts, templates; once per brand in a batch), then per iteration
//! building the report model (reading the client's files and the analysis), the view, the HTML
//! and the PDF. The first iteration runs with cold caches (text shaping), the later ones warm,
//! as reports after the first in a batch do. A plain harness (no criterion) keeps the build light.

use std::time::{Duration, Instant};

use execreport::config::Workspace;
use execreport::period::{CompareKind, PeriodSpec};
use execreport::render::{load_kit, render_pdf, render_pdf_tagged, view_of};
use execreport::report::{self, ReportRequest};
use execreport::sources::live::Fetcher;

/// The allocator the binary uses (docs/benchmarks.md), so the times match it.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let client_id = args.first().map_or("brightside-dental", String::as_str);
    let iterations: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(30);
    let root = env!("CARGO_MANIFEST_DIR");
    let ws = Workspace::load(std::path::Path::new(&format!(
        "{root}/samples/execreport.yaml"
    )))
    .expect("sample workspace");
    let client = ws.client(client_id).expect("known client");
    let request = ReportRequest {
        period: "2026-10".parse::<PeriodSpec>().unwrap(),
        compare: CompareKind::Previous,
        today: None,
        locale: None,
        now: None,
        data: Default::default(),
    };
    let t = Instant::now();
    let kit = load_kit(&ws, client.brand).expect("brand loads");
    let fetcher = Fetcher::default();
    println!(
        "{client_id}: brand {} loaded in {:.2} ms (once per brand in a batch)",
        client.brand,
        ms(t.elapsed())
    );
    let mut stages: Vec<(&str, Vec<Duration>)> = ["model", "view", "html", "pdf", "pdf-untagged"]
        .iter()
        .map(|s| (*s, Vec::new()))
        .collect();
    let mut sizes = (0, 0, 0);
    for i in 0..iterations {
        let t = Instant::now();
        let model =
            report::build(&ws, &fetcher, &client, &kit.brand, &request).expect("report builds");
        stages[0].1.push(t.elapsed());
        let t = Instant::now();
        let view = view_of(&model, &kit.brand, &ws);
        stages[1].1.push(t.elapsed());
        let t = Instant::now();
        let html = kit.html.render(&view, &kit.brand).expect("html renders");
        stages[2].1.push(t.elapsed());
        // The same without the structure tree: what tagging (PDF/UA) costs. The two take
        // turns going first, so neither always runs on the other's warm caches.
        let mut pdf = Vec::new();
        let mut untagged = Vec::new();
        for tagged in [i % 2 == 0, i % 2 != 0] {
            let t = Instant::now();
            if tagged {
                pdf = render_pdf(&model, &view, &kit).expect("pdf renders");
                stages[3].1.push(t.elapsed());
            } else {
                untagged = render_pdf_tagged(&model, &view, &kit, false).expect("pdf renders");
                stages[4].1.push(t.elapsed());
            }
        }
        sizes = (html.len(), pdf.len(), untagged.len());
    }
    println!("{iterations} iterations (first, i.e. cold caches / median / fastest):");
    for (name, times) in stages {
        let first = times[0];
        let mut sorted = times;
        sorted.sort();
        println!(
            "  {name:12} {:8.2} ms {:8.2} ms {:8.2} ms",
            ms(first),
            ms(sorted[sorted.len() / 2]),
            ms(sorted[0])
        );
    }
    println!(
        "  html {} bytes, pdf {} bytes, pdf-untagged {} bytes",
        sizes.0, sizes.1, sizes.2
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

//! Per-stage times of one monthly report (divan): `cargo bench --bench stages`.
//!
//! `load` reads the client's sources for the period and its comparison; `model` is load plus
//! the analysis (the report model); `html` and `pdf` render from a ready model; `report` is a
//! whole report as a batch makes it (model, HTML, PDF). The brand kit (fonts, templates) is
//! loaded once, outside the timings, as a batch does once per brand and worker.

use std::path::Path;
use std::sync::LazyLock;

use execreport::config::Workspace;
use execreport::period::{CompareKind, PeriodSpec};
use execreport::render::{Format, load_kit, render_formats};
use execreport::report::{self, ReportRequest};
use execreport::sources::{
    self,
    live::{Fetcher, Needs},
};

/// The allocator the binary uses (docs/benchmarks.md), so the times match it.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
const CLIENTS: &[&str] = &[
    "brightside-dental",
    "harbor-hotel-bangkok",
    "osaka-smile-clinic",
];

static WS: LazyLock<Workspace> = LazyLock::new(|| {
    Workspace::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/execreport.yaml"))
        .expect("sample workspace")
});

fn request(period: &str) -> ReportRequest {
    ReportRequest {
        period: period.parse::<PeriodSpec>().unwrap(),
        compare: CompareKind::Previous,
        today: None,
        locale: None,
        now: None,
        data: Default::default(),
    }
}

fn main() {
    divan::main();
}

#[divan::bench(args = CLIENTS)]
fn load(bencher: divan::Bencher, client: &str) {
    let c = WS.client(client).unwrap();
    let (period, comparison) = report::resolve_period(&c, &request("2026-10")).unwrap();
    let needs = Needs {
        client,
        time_zone: c.time_zone,
        ranges: std::iter::once(&period)
            .chain(comparison.as_ref())
            .map(|p| (p.start, p.end))
            .collect(),
        history: Some(report::history(&WS, &c, &period)),
        mode: Default::default(),
        now: chrono::Utc::now(),
    };
    bencher.bench_local(|| {
        for s in &c.config.sources {
            divan::black_box(sources::load(&WS, &Fetcher::default(), s, &needs).unwrap());
        }
    });
}

#[divan::bench(args = CLIENTS)]
fn model(bencher: divan::Bencher, client: &str) {
    let c = WS.client(client).unwrap();
    let kit = load_kit(&WS, c.brand).unwrap();
    let req = request("2026-10");
    bencher.bench_local(|| report::build(&WS, &Fetcher::default(), &c, &kit.brand, &req).unwrap());
}

/// The model for a quarter and for a year instead of a month: how the work grows with days.
#[divan::bench(args = ["2026-10", "2026-Q3", "2025-11-01..2026-10-31"])]
fn model_by_period_length(bencher: divan::Bencher, period: &str) {
    let c = WS.client("brightside-dental").unwrap();
    let kit = load_kit(&WS, c.brand).unwrap();
    let req = request(period);
    bencher.bench_local(|| report::build(&WS, &Fetcher::default(), &c, &kit.brand, &req).unwrap());
}

fn render(bencher: divan::Bencher, client: &str, format: Format) {
    let c = WS.client(client).unwrap();
    let kit = load_kit(&WS, c.brand).unwrap();
    let model = report::build(
        &WS,
        &Fetcher::default(),
        &c,
        &kit.brand,
        &request("2026-10"),
    )
    .unwrap();
    bencher.bench_local(|| render_formats(&model, &kit, &WS, &[format]).unwrap());
}

#[divan::bench(args = CLIENTS)]
fn html(bencher: divan::Bencher, client: &str) {
    render(bencher, client, Format::Html);
}

#[divan::bench(args = CLIENTS)]
fn pdf(bencher: divan::Bencher, client: &str) {
    render(bencher, client, Format::Pdf);
}

/// A whole report as a batch makes it: model, then JSON, HTML and PDF.
#[divan::bench(args = CLIENTS)]
fn report(bencher: divan::Bencher, client: &str) {
    let c = WS.client(client).unwrap();
    let kit = load_kit(&WS, c.brand).unwrap();
    let req = request("2026-10");
    bencher.bench_local(|| {
        let model = report::build(&WS, &Fetcher::default(), &c, &kit.brand, &req).unwrap();
        render_formats(&model, &kit, &WS, &Format::ALL).unwrap()
    });
}

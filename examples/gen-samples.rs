//! Generates the daily data files of the sample workspace:
//!
//! ```text
//! cargo run --example gen-samples
//! ```
//!
//! writes `samples/data/<client-id>/…` for every day from 2025-01-01 through 2026-10-31. The
//! numbers are fictional but shaped like real exports: seasonality, weekday patterns, growth,
//! a campaign launch, a tracking outage and a bad month (docs/samples.md tells each client's
//! story; samples/execreport.yaml maps the files).
//!
//! The output is byte-identical on every run and platform: every random draw comes from a
//! splitmix64 generator seeded from the client and file name, and only exactly rounded float
//! operations are used (+ − × ÷ and sqrt; no ln, exp, pow or sin, whose last bit may vary).

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// Writes one client's files into its folder.
type Generator = fn(&Path);

/// Mixed into every file's seed; change it to get a different (but again fixed) sample.
const SEED: u64 = 1031;

const FIRST: Date = Date::ymd(2025, 1, 1);
const LAST: Date = Date::ymd(2026, 10, 31);

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join("data");
    let clients: [(&str, Generator); 12] = [
        ("brightside-dental", brightside_dental),
        ("thames-fitness", thames_fitness),
        ("harbor-hotel-bangkok", harbor_hotel_bangkok),
        ("kopi-nusantara", kopi_nusantara),
        ("osaka-smile-clinic", osaka_smile_clinic),
        ("trattoria-da-luca", trattoria_da_luca),
        ("izmir-deri", izmir_deri),
        ("dar-al-oud", dar_al_oud),
        ("dolce-vita-milano", dolce_vita_milano),
        ("dolce-vita-torino", dolce_vita_torino),
        ("dolce-vita-lugano", dolce_vita_lugano),
        ("dolce-vita-zurich", dolce_vita_zurich),
    ];
    for (id, generate) in clients {
        let dir = root.join(id);
        fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
        generate(&dir);
    }
    println!(
        "wrote {} ({} days per file)",
        root.display(),
        LAST.0 - FIRST.0 + 1
    );
}

// ---------------------------------------------------------------------------------------------
// Dates (proleptic Gregorian, days since 1970-01-01)

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Date(i64);

impl Date {
    const fn ymd(y: i32, m: u32, d: u32) -> Date {
        let y = if m <= 2 { y as i64 - 1 } else { y as i64 };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = m as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Date(era * 146_097 + doe - 719_468)
    }

    fn parts(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
        (y as i32, m as u32, d as u32)
    }

    /// 0 = Monday … 6 = Sunday.
    fn weekday(self) -> usize {
        (self.0 + 3).rem_euclid(7) as usize
    }

    fn within(self, from: Date, to: Date) -> bool {
        from <= self && self <= to
    }

    /// Whole weeks since the first day, for "every other week" schedules and rotations.
    fn week_index(self) -> usize {
        ((self.0 - FIRST.0) / 7) as usize
    }

    fn format(self, f: DateFmt) -> String {
        let (y, m, d) = self.parts();
        match f {
            DateFmt::Iso => format!("{y:04}-{m:02}-{d:02}"),
            DateFmt::Compact => format!("{y:04}{m:02}{d:02}"),
            DateFmt::DaySlash => format!("{d:02}/{m:02}/{y:04}"),
            DateFmt::YearSlash => format!("{y:04}/{m:02}/{d:02}"),
            DateFmt::DayDot => format!("{d:02}.{m:02}.{y:04}"),
            DateFmt::IsoMidnight => format!("{y:04}-{m:02}-{d:02}T00:00:00"),
        }
    }
}

#[derive(Clone, Copy)]
enum DateFmt {
    /// 2026-10-01
    Iso,
    /// 20261001 (GA4)
    Compact,
    /// 01/10/2026
    DaySlash,
    /// 2026/10/01
    YearSlash,
    /// 01.10.2026
    DayDot,
    /// 2026-10-01T00:00:00
    IsoMidnight,
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

fn all_days() -> Vec<Date> {
    (FIRST.0..=LAST.0).map(Date).collect()
}

/// Years since the first day (for trends).
fn years(d: Date) -> f64 {
    (d.0 - FIRST.0) as f64 / 365.0
}

/// A ramp from 0 to 1 over `days` days starting at `from` (1 afterwards, 0 before).
fn ramp(d: Date, from: Date, days: i64) -> f64 {
    if d < from {
        0.0
    } else {
        (((d.0 - from.0) + 1) as f64 / days as f64).min(1.0)
    }
}

// ---------------------------------------------------------------------------------------------
// Random numbers

struct Rng(u64);

impl Rng {
    /// A generator for one file: FNV-1a of the label, mixed with the global seed.
    fn new(label: &str) -> Rng {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in label.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        Rng(h ^ SEED.wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    /// splitmix64.
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Approximately standard normal (Irwin–Hall: twelve uniforms minus six).
    fn normal(&mut self) -> f64 {
        let mut s = 0.0;
        for _ in 0..12 {
            s += self.unit();
        }
        s - 6.0
    }

    /// A multiplicative jitter around 1 with standard deviation `sigma`.
    fn jitter(&mut self, sigma: f64) -> f64 {
        (1.0 + sigma * self.normal()).max(0.3)
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Successes in `n` trials of probability `p` (normal approximation for large counts).
    fn binomial(&mut self, n: u64, p: f64) -> u64 {
        let p = p.clamp(0.0, 1.0);
        let variance = n as f64 * p * (1.0 - p);
        if variance > 40.0 {
            let x = (n as f64 * p + variance.sqrt() * self.normal()).round();
            x.clamp(0.0, n as f64) as u64
        } else {
            (0..n).filter(|_| self.chance(p)).count() as u64
        }
    }

    /// `binomial` with `p` jittered by `sigma` (day-to-day variation of a rate).
    fn binomial_jittered(&mut self, n: u64, p: f64, sigma: f64) -> u64 {
        let j = self.jitter(sigma);
        self.binomial(n, p * j)
    }

    /// `count` with the mean jittered by `sigma`.
    fn count_jittered(&mut self, mean: f64, sigma: f64) -> u64 {
        let j = self.jitter(sigma);
        self.count(mean * j)
    }

    /// A Poisson-like count with the given mean.
    fn count(&mut self, mean: f64) -> u64 {
        if mean <= 0.0 {
            0
        } else if mean > 40.0 {
            (mean + mean.sqrt() * self.normal()).round().max(0.0) as u64
        } else {
            let n = 60 + (mean * 8.0) as u64;
            self.binomial(n, mean / n as f64)
        }
    }

    /// An index drawn with the given weights.
    fn pick(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = self.unit() * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

// ---------------------------------------------------------------------------------------------
// Number formatting as exports write it

/// `v` with `decimals` decimals, groups of three separated by `thousands` ("" for none).
fn num(v: f64, decimals: u32, thousands: &str, decimal: char) -> String {
    let scale = 10i64.pow(decimals);
    let units = (v * scale as f64).round() as i64;
    let (sign, units) = if units < 0 {
        ("-", -units)
    } else {
        ("", units)
    };
    let int = (units / scale).to_string();
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            grouped.push_str(thousands);
        }
        grouped.push(c);
    }
    if decimals == 0 {
        format!("{sign}{grouped}")
    } else {
        let frac = units % scale;
        format!(
            "{sign}{grouped}{decimal}{frac:0width$}",
            width = decimals as usize
        )
    }
}

/// A CSV field, quoted when it must be (or when `force`, as ad platforms quote money).
fn field(s: &str, delimiter: char, force: bool) -> String {
    if force || s.contains(delimiter) || s.contains('"') || s.contains('\n') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn line(out: &mut String, fields: &[String], delimiter: char) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(delimiter);
        }
        out.push_str(f);
    }
    out.push('\n');
}

fn header(out: &mut String, names: &[&str], delimiter: char) {
    let fields: Vec<String> = names.iter().map(|n| field(n, delimiter, false)).collect();
    line(out, &fields, delimiter);
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    fs::write(&path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

fn json_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

// ---------------------------------------------------------------------------------------------
// Demand: trend × season × weekday × events

struct Model {
    /// Relative demand by month (January first), interpolated between mid-months.
    season: [f64; 12],
    /// Relative demand by weekday (Monday first).
    weekday: [f64; 7],
    /// Linear growth per year.
    growth: f64,
    /// Holidays, promotions, closures: a multiplier per day.
    events: fn(Date) -> f64,
}

impl Model {
    fn season_at(&self, d: Date) -> f64 {
        let (y, m, day) = d.parts();
        let pos = (m - 1) as f64 + (day as f64 - 0.5) / days_in_month(y, m) as f64 - 0.5;
        let i = pos.floor();
        let frac = pos - i;
        let a = self.season[(i as i64).rem_euclid(12) as usize];
        let b = self.season[(i as i64 + 1).rem_euclid(12) as usize];
        a + (b - a) * frac
    }

    fn trend(&self, d: Date) -> f64 {
        1.0 + self.growth * years(d)
    }

    fn demand(&self, d: Date) -> f64 {
        self.trend(d) * self.season_at(d) * self.weekday[d.weekday()] * (self.events)(d)
    }
}

fn no_events(_: Date) -> f64 {
    1.0
}

/// Per-day series shared between sources of a client (web traffic follows ads, SEO, e-mail).
#[derive(Default)]
struct Daily {
    ads_clicks: Vec<f64>,
    seo_clicks: Vec<f64>,
    email_clicks: Vec<f64>,
    social_engagements: Vec<f64>,
}

fn at(v: &[f64], i: usize) -> f64 {
    v.get(i).copied().unwrap_or(0.0)
}

// ---------------------------------------------------------------------------------------------
// Ads: one row per day and campaign, Google Ads style

struct Campaign {
    name: &'static str,
    /// Daily spend at the start, in the client's currency.
    budget: f64,
    cpc: f64,
    ctr: f64,
    /// Conversions per click.
    cvr: f64,
    /// Value per conversion.
    value: f64,
    /// Periods the campaign runs (inclusive); it ramps up over its first week.
    runs: &'static [(Date, Date)],
    /// How much the budget follows the client's season (0 = flat budget).
    seasonal: f64,
}

const ALWAYS: &[(Date, Date)] = &[(FIRST, LAST)];

struct Ads {
    campaigns: Vec<Campaign>,
    /// Budget growth per year.
    budget_growth: f64,
    /// CPC inflation per year.
    cpc_growth: f64,
    weekday: [f64; 7],
    /// Budget changes (promotions): a multiplier per day.
    spend_events: fn(Date) -> f64,
    /// Conversion-rate changes (a broken checkout): a multiplier per day.
    conversion_events: fn(Date) -> f64,
}

struct AdsRow {
    date: Date,
    campaign: &'static str,
    cost: f64,
    impressions: u64,
    clicks: u64,
    conversions: u64,
    value: f64,
}

fn gen_ads(rng: &mut Rng, model: &Model, ads: &Ads, daily: &mut Daily) -> Vec<AdsRow> {
    let mut rows = Vec::new();
    for (i, d) in all_days().into_iter().enumerate() {
        let mut day_clicks = 0.0;
        for c in &ads.campaigns {
            let Some(&(from, _)) = c.runs.iter().find(|(a, b)| d.within(*a, *b)) else {
                continue;
            };
            let season = 1.0 + c.seasonal * (model.season_at(d) - 1.0);
            let budget = c.budget
                * (1.0 + ads.budget_growth * years(d))
                * season
                * ads.weekday[d.weekday()]
                * (ads.spend_events)(d)
                * (0.45 + 0.55 * if from > FIRST { ramp(d, from, 7) } else { 1.0 })
                * rng.jitter(0.07);
            let cpc = c.cpc * (1.0 + ads.cpc_growth * years(d)) * rng.jitter(0.09);
            let clicks = rng.count(budget / cpc).max(1);
            let cost = clicks as f64 * cpc;
            let impressions =
                ((clicks as f64 / (c.ctr * rng.jitter(0.08))).round() as u64).max(clicks);
            let cvr = c.cvr * (ads.conversion_events)(d) * rng.jitter(0.12);
            let conversions = rng.binomial(clicks, cvr);
            let value = conversions as f64 * c.value * rng.jitter(0.12);
            day_clicks += clicks as f64;
            rows.push(AdsRow {
                date: d,
                campaign: c.name,
                cost,
                impressions,
                clicks,
                conversions,
                value,
            });
        }
        daily.ads_clicks.push(day_clicks);
        debug_assert_eq!(daily.ads_clicks.len(), i + 1);
    }
    rows
}

struct AdsFormat {
    /// Day, Campaign, Cost, Impressions, Clicks, Conversions, Conversion value.
    headers: [&'static str; 7],
    delimiter: char,
    decimal: char,
    thousands: &'static str,
    /// Decimals of money (0 for JPY and IDR).
    money_decimals: u32,
    /// Quote money fields, as Google Ads does in comma-separated exports.
    quote_money: bool,
}

fn write_ads(dir: &Path, name: &str, rows: &[AdsRow], f: &AdsFormat) {
    let mut out = String::new();
    header(&mut out, &f.headers, f.delimiter);
    for r in rows {
        let money = |v: f64| {
            field(
                &num(v, f.money_decimals, f.thousands, f.decimal),
                f.delimiter,
                f.quote_money,
            )
        };
        line(
            &mut out,
            &[
                r.date.format(DateFmt::Iso),
                field(r.campaign, f.delimiter, false),
                money(r.cost),
                field(
                    &num(r.impressions as f64, 0, f.thousands, f.decimal),
                    f.delimiter,
                    false,
                ),
                field(
                    &num(r.clicks as f64, 0, f.thousands, f.decimal),
                    f.delimiter,
                    false,
                ),
                field(
                    &num(r.conversions as f64, 2, f.thousands, f.decimal),
                    f.delimiter,
                    false,
                ),
                money(r.value),
            ],
            f.delimiter,
        );
    }
    write(dir, name, &out);
}

const GOOGLE_ADS_EN: [&str; 7] = [
    "Day",
    "Campaign",
    "Cost",
    "Impr.",
    "Clicks",
    "Conversions",
    "Conv. value",
];

/// Ads on a second or third platform. Their clicks are drawn into a `Daily` of their own, so the
/// web files (whose Paid Search sessions follow the Google Ads clicks) stay as they were.
fn gen_other_ads(label: &str, model: &Model, ads: &Ads) -> Vec<AdsRow> {
    gen_ads(&mut Rng::new(label), model, ads, &mut Daily::default())
}

/// A Meta Ads Manager export by day: the currency in the spend header, plain numbers, the
/// purchases as "Results" with their indicator, link clicks as clicks.
fn write_meta_ads(dir: &Path, name: &str, rows: &[AdsRow], currency: &str, money_decimals: u32) {
    let spend = format!("Amount spent ({currency})");
    let mut out = String::new();
    header(
        &mut out,
        &[
            "Day",
            "Campaign name",
            &spend,
            "Impressions",
            "Link clicks",
            "Results",
            "Result indicator",
            "Purchases conversion value",
        ],
        ',',
    );
    for r in rows {
        line(
            &mut out,
            &[
                r.date.format(DateFmt::Iso),
                field(r.campaign, ',', false),
                num(r.cost, money_decimals, "", '.'),
                r.impressions.to_string(),
                r.clicks.to_string(),
                r.conversions.to_string(),
                "actions:offsite_conversion.fb_pixel_purchase".to_string(),
                num(r.value, money_decimals, "", '.'),
            ],
            ',',
        );
    }
    write(dir, name, &out);
}

/// A Microsoft Advertising campaign report by day, downloaded without its header and footer
/// lines: every field quoted, the report API's column names.
fn write_microsoft_ads(
    dir: &Path,
    name: &str,
    rows: &[AdsRow],
    account: &str,
    date: DateFmt,
    money_decimals: u32,
) {
    let mut out = String::new();
    let quoted =
        |fields: &[&str]| -> Vec<String> { fields.iter().map(|f| field(f, ',', true)).collect() };
    line(
        &mut out,
        &quoted(&[
            "TimePeriod",
            "AccountName",
            "CampaignName",
            "Impressions",
            "Clicks",
            "Spend",
            "Conversions",
            "Revenue",
        ]),
        ',',
    );
    for r in rows {
        line(
            &mut out,
            &quoted(&[
                &r.date.format(date),
                account,
                r.campaign,
                &r.impressions.to_string(),
                &r.clicks.to_string(),
                &num(r.cost, money_decimals, "", '.'),
                &num(r.conversions as f64, 2, "", '.'),
                &num(r.value, money_decimals, "", '.'),
            ]),
            ',',
        );
    }
    write(dir, name, &out);
}

// ---------------------------------------------------------------------------------------------
// Search Console: daily totals

struct Seo {
    /// Impressions per day at the start.
    impressions: f64,
    growth: f64,
    /// Average position at the first and the last day.
    position: (f64, f64),
    weekday: [f64; 7],
    /// How much impressions follow the client's season.
    seasonal: f64,
}

struct SeoRow {
    date: Date,
    clicks: u64,
    impressions: u64,
    position: f64,
}

fn gen_seo(rng: &mut Rng, model: &Model, seo: &Seo, daily: &mut Daily) -> Vec<SeoRow> {
    let total = (LAST.0 - FIRST.0) as f64;
    let mut rows = Vec::new();
    for d in all_days() {
        let season = 1.0 + seo.seasonal * (model.season_at(d) - 1.0);
        let mean = seo.impressions
            * (1.0 + seo.growth * years(d))
            * season
            * seo.weekday[d.weekday()]
            * (model.events)(d)
            * rng.jitter(0.08);
        let impressions = rng.count(mean).max(1);
        let progress = (d.0 - FIRST.0) as f64 / total;
        let position =
            (seo.position.0 + (seo.position.1 - seo.position.0) * progress + 0.45 * rng.normal())
                .max(1.2);
        let ctr = (0.078 - 0.0036 * position).max(0.006) * rng.jitter(0.06);
        let clicks = rng.binomial(impressions, ctr);
        daily.seo_clicks.push(clicks as f64);
        rows.push(SeoRow {
            date: d,
            clicks,
            impressions,
            position,
        });
    }
    rows
}

/// Date, Clicks, Impressions, CTR (as text, not mapped), Position.
fn write_seo(dir: &Path, name: &str, rows: &[SeoRow], headers: [&str; 5], date: DateFmt) {
    let mut out = String::new();
    header(&mut out, &headers, ',');
    for r in rows {
        let ctr = r.clicks as f64 * 100.0 / r.impressions as f64;
        line(
            &mut out,
            &[
                r.date.format(date),
                r.clicks.to_string(),
                r.impressions.to_string(),
                format!("{}%", num(ctr, 2, "", '.')),
                num(r.position, 2, "", '.'),
            ],
            ',',
        );
    }
    write(dir, name, &out);
}

// ---------------------------------------------------------------------------------------------
// Local listings: Business Profile views and actions, one row per day

struct Local {
    /// Profile views per day at the start (Google Search and Maps, every device).
    views: f64,
    growth: f64,
    /// Share of the views that are on Google Maps.
    maps: f64,
    /// Calls, direction requests and website clicks per view.
    calls: f64,
    directions: f64,
    website: f64,
    /// Actions by weekday (Monday first): on a closed day people look, but rarely call.
    weekday: [f64; 7],
}

struct LocalRow {
    date: Date,
    search: u64,
    maps: u64,
    calls: u64,
    directions: u64,
    website: u64,
}

fn gen_local(rng: &mut Rng, model: &Model, local: &Local) -> Vec<LocalRow> {
    let mut rows = Vec::new();
    for d in all_days() {
        // Views follow demand, with half the weekday swing of visits.
        let weekday = 1.0 + 0.5 * (model.weekday[d.weekday()] - 1.0);
        let demand = (1.0 + local.growth * years(d)) * model.season_at(d) * (model.events)(d);
        let views = rng.count_jittered(local.views * demand * weekday, 0.08);
        let maps = rng.binomial(views, local.maps);
        let acting = views as f64 * local.weekday[d.weekday()];
        rows.push(LocalRow {
            date: d,
            search: views - maps,
            maps,
            calls: rng.count_jittered(acting * local.calls, 0.15),
            directions: rng.count_jittered(acting * local.directions, 0.15),
            website: rng.count_jittered(acting * local.website, 0.15),
        });
    }
    rows
}

/// Date, profile views, views on Search, views on Maps, calls, direction requests, website
/// clicks.
fn write_local(dir: &Path, name: &str, rows: &[LocalRow], headers: [&str; 7], date: DateFmt) {
    let mut out = String::new();
    header(&mut out, &headers, ',');
    for r in rows {
        line(
            &mut out,
            &[
                r.date.format(date),
                (r.search + r.maps).to_string(),
                r.search.to_string(),
                r.maps.to_string(),
                r.calls.to_string(),
                r.directions.to_string(),
                r.website.to_string(),
            ],
            ',',
        );
    }
    write(dir, name, &out);
}

// ---------------------------------------------------------------------------------------------
// E-mail: one row per day, zeros on days without a send

struct Email {
    /// Subscribers at the start and added per day.
    list: f64,
    list_growth: f64,
    open_rate: f64,
    /// Clicks per open.
    click_to_open: f64,
    /// The subject of the day's send, if any.
    send: fn(Date) -> Option<&'static str>,
}

struct EmailRow {
    date: Date,
    subject: &'static str,
    delivered: u64,
    opens: u64,
    clicks: u64,
    unsubscribes: u64,
}

fn gen_email(rng: &mut Rng, email: &Email, daily: &mut Daily) -> Vec<EmailRow> {
    let mut rows = Vec::new();
    let mut list = email.list;
    for d in all_days() {
        list += email.list_growth * rng.jitter(0.8);
        let row = match (email.send)(d) {
            Some(subject) => {
                let delivered = rng.binomial(list.round() as u64, 0.988);
                let opens = rng.binomial_jittered(delivered, email.open_rate, 0.07);
                let clicks = rng.binomial_jittered(opens, email.click_to_open, 0.18);
                let unsubscribes = rng.binomial(delivered, 0.0022);
                list -= unsubscribes as f64;
                EmailRow {
                    date: d,
                    subject,
                    delivered,
                    opens,
                    clicks,
                    unsubscribes,
                }
            }
            None => EmailRow {
                date: d,
                subject: "",
                delivered: 0,
                opens: 0,
                clicks: 0,
                unsubscribes: 0,
            },
        };
        daily.email_clicks.push(row.clicks as f64);
        rows.push(row);
    }
    rows
}

/// Date, Subject (not mapped), Delivered, Opens, Clicks, Unsubscribes (not mapped).
fn write_email(
    dir: &Path,
    name: &str,
    rows: &[EmailRow],
    headers: [&str; 6],
    delimiter: char,
    date: DateFmt,
) {
    let mut out = String::new();
    header(&mut out, &headers, delimiter);
    for r in rows {
        line(
            &mut out,
            &[
                r.date.format(date),
                field(r.subject, delimiter, false),
                r.delivered.to_string(),
                r.opens.to_string(),
                r.clicks.to_string(),
                r.unsubscribes.to_string(),
            ],
            delimiter,
        );
    }
    write(dir, name, &out);
}

/// The `n`th subject of a rotation, by week.
fn rotate(subjects: &'static [&'static str], d: Date) -> &'static str {
    subjects[d.week_index() % subjects.len()]
}

// ---------------------------------------------------------------------------------------------
// Social: one record per day and network (JSON)

struct Network {
    name: &'static str,
    followers: f64,
    /// Net new followers per day at the start (grows with the client's trend).
    gain: f64,
    /// Impressions on a day without a post.
    reach: f64,
    /// Posting days, Monday first.
    posts: [bool; 7],
    engagement_rate: f64,
    /// Chance of a post going viral on a posting day.
    viral: f64,
}

struct SocialRow {
    date: Date,
    network: &'static str,
    followers: u64,
    impressions: u64,
    engagements: u64,
    posts: u64,
}

fn gen_social(
    rng: &mut Rng,
    model: &Model,
    networks: &[Network],
    daily: &mut Daily,
) -> Vec<SocialRow> {
    let mut followers: Vec<f64> = networks.iter().map(|n| n.followers).collect();
    let mut rows = Vec::new();
    for d in all_days() {
        let mut day_engagements = 0.0;
        for (n, net) in networks.iter().enumerate() {
            let posted = net.posts[d.weekday()];
            let season = 1.0 + 0.5 * (model.season_at(d) - 1.0);
            let mut impressions = net.reach
                * model.trend(d)
                * season
                * if posted { 2.6 } else { 1.0 }
                * rng.jitter(0.22);
            let viral = posted && rng.chance(net.viral);
            if viral {
                impressions *= 4.0 + 6.0 * rng.unit();
            }
            let impressions = rng.count(impressions).max(1);
            let engagements = rng.binomial_jittered(impressions, net.engagement_rate, 0.15);
            // Followers: a slow climb with noise, so some days lose a few; a viral post adds more.
            let mean = net.gain * model.trend(d) * season * if viral { 8.0 } else { 1.0 };
            let change = (mean + (1.2 * net.gain).max(2.0) * rng.normal()).round();
            followers[n] = (followers[n] + change).max(0.0);
            day_engagements += engagements as f64;
            rows.push(SocialRow {
                date: d,
                network: net.name,
                followers: followers[n] as u64,
                impressions,
                engagements,
                posts: u64::from(posted) + u64::from(posted && rng.chance(0.25)),
            });
        }
        daily.social_engagements.push(day_engagements);
    }
    rows
}

enum SocialShape {
    /// `{"meta": …, "data": {"rows": [flat records]}}`
    DataRows,
    /// `[{"date": "…T00:00:00", "network": …, "metrics": {…}}]` at the root.
    RootNested,
}

fn write_social(dir: &Path, name: &str, rows: &[SocialRow], account: &str, shape: SocialShape) {
    let mut out = String::new();
    match shape {
        SocialShape::DataRows => {
            let _ = writeln!(
                out,
                "{{\n  \"meta\": {{\"account\": {}, \"export\": \"daily_insights\", \"start\": \"{}\", \"end\": \"{}\"}},\n  \"data\": {{\n    \"rows\": [",
                json_str(account),
                FIRST.format(DateFmt::Iso),
                LAST.format(DateFmt::Iso)
            );
            for (i, r) in rows.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "      {{\"date\":\"{}\",\"network\":{},\"followers\":{},\"impressions\":{},\"engagements\":{},\"posts\":{}}}{}",
                    r.date.format(DateFmt::Iso),
                    json_str(r.network),
                    r.followers,
                    r.impressions,
                    r.engagements,
                    r.posts,
                    if i + 1 < rows.len() { "," } else { "" }
                );
            }
            out.push_str("    ]\n  }\n}\n");
        }
        SocialShape::RootNested => {
            out.push_str("[\n");
            for (i, r) in rows.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "  {{\"date\":\"{}\",\"network\":{},\"metrics\":{{\"followers\":{},\"impressions\":{},\"engagements\":{}}}}}{}",
                    r.date.format(DateFmt::IsoMidnight),
                    json_str(r.network),
                    r.followers,
                    r.impressions,
                    r.engagements,
                    if i + 1 < rows.len() { "," } else { "" }
                );
            }
            out.push_str("]\n");
        }
    }
    write(dir, name, &out);
}

/// One network's rows as a Page insights CSV download: date, followers, impressions, engagements.
fn write_social_csv(dir: &Path, name: &str, rows: &[SocialRow], headers: [&str; 4]) {
    let mut out = String::new();
    header(&mut out, &headers, ',');
    for r in rows {
        line(
            &mut out,
            &[
                r.date.format(DateFmt::Iso),
                r.followers.to_string(),
                r.impressions.to_string(),
                r.engagements.to_string(),
            ],
            ',',
        );
    }
    write(dir, name, &out);
}

// ---------------------------------------------------------------------------------------------
// Reviews: long layout, date / metric name / value

struct Reviews {
    per_day: f64,
    growth: f64,
    weekday: [f64; 7],
    /// How much the number of reviews follows the client's season.
    seasonal: f64,
    /// Probabilities of 1 … 5 stars.
    stars: [f64; 5],
    /// Share of reviews answered.
    reply: f64,
    events: fn(Date) -> f64,
}

struct ReviewsRow {
    date: Date,
    new: u64,
    /// Mean stars of the day's reviews (None without reviews).
    rating: Option<f64>,
    replied: u64,
}

fn gen_reviews(rng: &mut Rng, model: &Model, rv: &Reviews) -> Vec<ReviewsRow> {
    let mut rows = Vec::new();
    for d in all_days() {
        let season = 1.0 + rv.seasonal * (model.season_at(d) - 1.0);
        let mean = rv.per_day
            * (1.0 + rv.growth * years(d))
            * season
            * rv.weekday[d.weekday()]
            * (rv.events)(d);
        let new = rng.count(mean);
        let mut stars = 0u64;
        for _ in 0..new {
            stars += rng.pick(&rv.stars) as u64 + 1;
        }
        rows.push(ReviewsRow {
            date: d,
            new,
            rating: (new > 0).then(|| stars as f64 / new as f64),
            replied: rng.binomial(new, rv.reply),
        });
    }
    rows
}

struct ReviewsFormat {
    headers: [&'static str; 3],
    /// Names of new reviews, average rating, replied.
    names: [&'static str; 3],
    delimiter: char,
    decimal: char,
    date: DateFmt,
}

fn write_reviews(dir: &Path, name: &str, rows: &[ReviewsRow], f: &ReviewsFormat) {
    let mut out = String::new();
    header(&mut out, &f.headers, f.delimiter);
    for r in rows {
        let date = r.date.format(f.date);
        let mut row = |metric: &str, value: String| {
            line(
                &mut out,
                &[
                    date.clone(),
                    field(metric, f.delimiter, false),
                    field(&value, f.delimiter, false),
                ],
                f.delimiter,
            );
        };
        row(f.names[0], r.new.to_string());
        if let Some(rating) = r.rating {
            row(f.names[1], num(rating, 2, "", f.decimal));
        }
        row(f.names[2], r.replied.to_string());
    }
    write(dir, name, &out);
}

// ---------------------------------------------------------------------------------------------
// Web analytics: one row per day and channel

enum Traffic {
    /// Sessions per day at the start, following the client's demand.
    Base(f64),
    /// Sessions per ad click.
    Ads(f64),
    /// Sessions per organic search click.
    Seo(f64),
    /// Sessions per e-mail click (spread over the send day and the two after), plus a baseline
    /// per day (old e-mails, links in signatures).
    Email(f64, f64),
    /// A baseline like `Base`, plus sessions per social engagement.
    Social(f64, f64),
}

struct Channel {
    name: &'static str,
    traffic: Traffic,
    /// Users per session.
    users: f64,
    /// New users per user.
    new: f64,
    pages: f64,
    engaged: f64,
    /// Conversions per session.
    cvr: f64,
}

struct Web {
    channels: Vec<Channel>,
    conversion_events: fn(Date) -> f64,
    /// Phone calls per session (a custom metric of one client).
    calls: Option<f64>,
    /// Average order value, for clients with web revenue.
    aov: Option<f64>,
    /// Days with no rows at all (a tracking outage).
    outage: Option<(Date, Date)>,
}

struct WebRow {
    date: Date,
    channel: &'static str,
    sessions: u64,
    users: u64,
    new_users: u64,
    pageviews: u64,
    engaged: u64,
    conversions: u64,
    calls: Option<u64>,
    revenue: Option<f64>,
}

fn gen_web(rng: &mut Rng, model: &Model, web: &Web, daily: &Daily) -> Vec<WebRow> {
    let mut rows = Vec::new();
    for (i, d) in all_days().into_iter().enumerate() {
        for ch in &web.channels {
            let mean = match ch.traffic {
                Traffic::Base(base) => base * model.demand(d) * rng.jitter(0.08),
                Traffic::Ads(per) => at(&daily.ads_clicks, i) * per * rng.jitter(0.04),
                Traffic::Seo(per) => at(&daily.seo_clicks, i) * per * rng.jitter(0.04),
                Traffic::Email(per, base) => {
                    // Recipients click on the day of the send and the two days after.
                    let clicks = 0.62 * at(&daily.email_clicks, i)
                        + 0.26 * i.checked_sub(1).map_or(0.0, |j| at(&daily.email_clicks, j))
                        + 0.12 * i.checked_sub(2).map_or(0.0, |j| at(&daily.email_clicks, j));
                    clicks * per * rng.jitter(0.05) + base * model.trend(d) * rng.jitter(0.3)
                }
                Traffic::Social(base, per) => {
                    base * model.demand(d) * rng.jitter(0.1)
                        + at(&daily.social_engagements, i) * per
                }
            };
            let sessions = rng.count(mean);
            let users = if sessions > 0 {
                rng.binomial(sessions, ch.users).max(1)
            } else {
                0
            };
            let new_users = rng.binomial_jittered(users, ch.new, 0.05);
            let pageviews = sessions + rng.count_jittered(sessions as f64 * (ch.pages - 1.0), 0.08);
            let engaged = rng.binomial_jittered(sessions, ch.engaged, 0.04);
            let conversions =
                rng.binomial_jittered(sessions, ch.cvr * (web.conversion_events)(d), 0.1);
            let calls = web
                .calls
                .map(|rate| rng.binomial_jittered(sessions, rate, 0.1));
            let revenue = web.aov.map(|aov| {
                let mut total = 0.0;
                for _ in 0..conversions {
                    total += aov * rng.jitter(0.35);
                }
                total
            });
            if web.outage.is_some_and(|(a, b)| d.within(a, b)) {
                continue; // drawn anyway, so the days after the outage are as without it
            }
            rows.push(WebRow {
                date: d,
                channel: ch.name,
                sessions,
                users,
                new_users,
                pageviews,
                engaged,
                conversions,
                calls,
                revenue,
            });
        }
    }
    rows
}

struct WebFormat {
    /// Comment lines before the header (GA4 exports start with some).
    preamble: &'static str,
    /// Date, channel, sessions, users, new users, views, engaged sessions, conversions,
    /// then the calls and revenue headers when the client has them.
    headers: &'static [&'static str],
    delimiter: char,
    decimal: char,
    thousands: &'static str,
    date: DateFmt,
}

fn write_web(dir: &Path, name: &str, rows: &[WebRow], f: &WebFormat) {
    let mut out = String::from(f.preamble);
    header(&mut out, f.headers, f.delimiter);
    for r in rows {
        let mut fields = vec![
            r.date.format(f.date),
            field(r.channel, f.delimiter, false),
            r.sessions.to_string(),
            r.users.to_string(),
            r.new_users.to_string(),
            r.pageviews.to_string(),
            r.engaged.to_string(),
            r.conversions.to_string(),
        ];
        if let Some(calls) = r.calls {
            fields.push(calls.to_string());
        }
        if let Some(revenue) = r.revenue {
            fields.push(field(
                &num(revenue, 2, f.thousands, f.decimal),
                f.delimiter,
                false,
            ));
        }
        line(&mut out, &fields, f.delimiter);
    }
    write(dir, name, &out);
}

/// A channel with typical GA4 ratios.
fn channel(name: &'static str, traffic: Traffic, cvr: f64) -> Channel {
    let (users, new, pages, engaged) = match name {
        "Organic Search" => (0.88, 0.78, 2.6, 0.62),
        "Paid Search" => (0.92, 0.86, 2.1, 0.55),
        "Direct" => (0.80, 0.55, 2.4, 0.58),
        "Organic Social" => (0.93, 0.82, 1.6, 0.41),
        "Referral" => (0.90, 0.72, 2.8, 0.66),
        "Email" => (0.83, 0.12, 2.9, 0.71),
        _ => (0.88, 0.7, 2.2, 0.55),
    };
    Channel {
        name,
        traffic,
        users,
        new,
        pages,
        engaged,
        cvr,
    }
}

const GA4_HEADERS: &[&str] = &[
    "Date",
    "Session default channel group",
    "Sessions",
    "Total users",
    "New users",
    "Views",
    "Engaged sessions",
    "Key events",
];

// ---------------------------------------------------------------------------------------------
// brightside-dental — Northwind Digital, en-US, USD. Every channel; "Invisalign Fall" launches
// 2026-09-15.

/// The new Google Ads campaign of the sample story.
const INVISALIGN_FALL: &[(Date, Date)] = &[(Date::ymd(2026, 9, 15), LAST)];

fn brightside_dental(dir: &Path) {
    fn events(d: Date) -> f64 {
        let (_, m, day) = d.parts();
        match (m, day) {
            (1, 1) => 0.55,
            (7, 4) => 0.5,
            (12, 24) => 0.55,
            (12, 25) => 0.4,
            (12, 31) => 0.7,
            _ if d == Date::ymd(2025, 11, 27) || d == Date::ymd(2026, 11, 26) => 0.5, // Thanksgiving
            _ if d == Date::ymd(2025, 5, 26) || d == Date::ymd(2026, 5, 25) => 0.7, // Memorial Day
            _ if d == Date::ymd(2025, 9, 1) || d == Date::ymd(2026, 9, 7) => 0.7,   // Labor Day
            _ => 1.0,
        }
    }
    let model = Model {
        // New benefits in January, summer holidays, "use it or lose it" before year end.
        season: [
            1.12, 1.05, 1.04, 1.0, 0.98, 0.92, 0.87, 0.95, 1.0, 1.05, 1.08, 0.88,
        ],
        weekday: [1.16, 1.12, 1.08, 1.05, 0.92, 0.68, 0.6],
        growth: 0.14,
        events,
    };
    let id = "brightside-dental";
    let mut daily = Daily::default();

    let ads = Ads {
        campaigns: vec![
            Campaign {
                name: "Search - Brand",
                budget: 24.0,
                cpc: 2.3,
                ctr: 0.058,
                cvr: 0.12,
                value: 220.0,
                runs: ALWAYS,
                seasonal: 0.3,
            },
            Campaign {
                name: "Search - Emergency Dentist",
                budget: 68.0,
                cpc: 5.2,
                ctr: 0.044,
                cvr: 0.092,
                value: 310.0,
                runs: ALWAYS,
                seasonal: 0.2,
            },
            Campaign {
                name: "Search - Dental Implants",
                budget: 58.0,
                cpc: 5.8,
                ctr: 0.031,
                cvr: 0.05,
                value: 950.0,
                runs: ALWAYS,
                seasonal: 0.5,
            },
            Campaign {
                name: "Performance Max - New Patients",
                budget: 60.0,
                cpc: 2.7,
                ctr: 0.021,
                cvr: 0.045,
                value: 260.0,
                runs: ALWAYS,
                seasonal: 0.5,
            },
            Campaign {
                name: "Invisalign Fall",
                budget: 82.0,
                cpc: 4.4,
                ctr: 0.041,
                cvr: 0.066,
                value: 1200.0,
                runs: INVISALIGN_FALL,
                seasonal: 0.0,
            },
        ],
        budget_growth: 0.08,
        cpc_growth: 0.06,
        weekday: [1.08, 1.06, 1.04, 1.02, 0.96, 0.86, 0.82],
        spend_events: no_events,
        conversion_events: no_events,
    };
    let rows = gen_ads(
        &mut Rng::new(&format!("{id}/ads")),
        &model,
        &ads,
        &mut daily,
    );
    write_ads(
        dir,
        "google-ads-campaigns.csv",
        &rows,
        &AdsFormat {
            headers: GOOGLE_ADS_EN,
            delimiter: ',',
            decimal: '.',
            thousands: ",",
            money_decimals: 2,
            quote_money: true,
        },
    );

    let seo = Seo {
        impressions: 2050.0,
        growth: 0.12,
        position: (14.2, 9.4),
        weekday: [1.12, 1.1, 1.06, 1.04, 0.94, 0.78, 0.8],
        seasonal: 0.5,
    };
    let rows = gen_seo(
        &mut Rng::new(&format!("{id}/seo")),
        &model,
        &seo,
        &mut daily,
    );
    write_seo(
        dir,
        "search-console.csv",
        &rows,
        ["Date", "Clicks", "Impressions", "CTR", "Position"],
        DateFmt::Iso,
    );

    fn send(d: Date) -> Option<&'static str> {
        const SUBJECTS: &[&str] = &[
            "Smile tips: flossing, brushing & what really works",
            "Your family's back-to-routine checkup",
            "Whitening myths, busted",
            "Meet Dr. Patel, our new orthodontist",
            "Insurance benefits: use them before they reset",
            "Kids' corner: making the dentist fun",
        ];
        (d.weekday() == 1).then(|| {
            if d >= Date::ymd(2026, 9, 15) && d.week_index().is_multiple_of(2) {
                "Straighter teeth by the holidays? Ask about Invisalign"
            } else {
                rotate(SUBJECTS, d)
            }
        })
    }
    let email = Email {
        list: 3200.0,
        list_growth: 2.2,
        open_rate: 0.39,
        click_to_open: 0.055,
        send,
    };
    let rows = gen_email(&mut Rng::new(&format!("{id}/email")), &email, &mut daily);
    write_email(
        dir,
        "newsletter.csv",
        &rows,
        [
            "date",
            "subject",
            "delivered",
            "opens",
            "clicks",
            "unsubscribes",
        ],
        ',',
        DateFmt::Iso,
    );

    let networks = [
        Network {
            name: "facebook",
            followers: 2380.0,
            gain: 1.1,
            reach: 260.0,
            posts: [true, false, true, false, true, false, false],
            engagement_rate: 0.022,
            viral: 0.01,
        },
        Network {
            name: "instagram",
            followers: 1815.0,
            gain: 2.0,
            reach: 340.0,
            posts: [false, true, false, true, false, true, false],
            engagement_rate: 0.041,
            viral: 0.02,
        },
    ];
    let rows = gen_social(
        &mut Rng::new(&format!("{id}/social")),
        &model,
        &networks,
        &mut daily,
    );
    write_social(
        dir,
        "social-insights.json",
        &rows,
        "Brightside Family Dental",
        SocialShape::DataRows,
    );

    let reviews = Reviews {
        per_day: 0.42,
        growth: 0.2,
        weekday: [1.2, 1.2, 1.15, 1.1, 1.0, 0.7, 0.5],
        seasonal: 0.6,
        stars: [0.03, 0.01, 0.02, 0.1, 0.84],
        reply: 0.9,
        events,
    };
    let rows = gen_reviews(&mut Rng::new(&format!("{id}/reviews")), &model, &reviews);
    write_reviews(
        dir,
        "google-reviews.csv",
        &rows,
        &ReviewsFormat {
            headers: ["date", "metric", "value"],
            names: ["New reviews", "Average rating", "Replied"],
            delimiter: ',',
            decimal: '.',
            date: DateFmt::Iso,
        },
    );

    let web = Web {
        channels: vec![
            channel("Organic Search", Traffic::Seo(1.08), 0.028),
            channel("Paid Search", Traffic::Ads(0.9), 0.046),
            channel("Direct", Traffic::Base(24.0), 0.035),
            channel("Organic Social", Traffic::Social(4.0, 0.06), 0.012),
            channel("Referral", Traffic::Base(7.0), 0.03),
            channel("Email", Traffic::Email(0.82, 1.0), 0.02),
        ],
        conversion_events: no_events,
        calls: Some(0.021),
        aov: None,
        outage: None,
    };
    let rows = gen_web(&mut Rng::new(&format!("{id}/web")), &model, &web, &daily);
    write_web(
        dir,
        "web-analytics.csv",
        &rows,
        &WebFormat {
            preamble: "",
            headers: &[
                "date",
                "channel",
                "sessions",
                "users",
                "new_users",
                "pageviews",
                "engaged_sessions",
                "conversions",
                "phone_calls",
            ],
            delimiter: ',',
            decimal: '.',
            thousands: "",
            date: DateFmt::Iso,
        },
    );
}

// ---------------------------------------------------------------------------------------------
// thames-fitness — Northwind Digital, en-GB, GBP. Web (GA4 export), ads, social, e-mail.
// New Year rush, summer lull, September restart.

fn thames_fitness(dir: &Path) {
    fn events(d: Date) -> f64 {
        let (_, m, day) = d.parts();
        match (m, day) {
            (12, 24) => 0.6,
            (12, 25) => 0.35,
            (12, 26) => 0.6,
            (12, 31) => 0.65,
            (1, 1) => 0.95,
            (1, 2..=6) => 1.35,
            _ => 1.0,
        }
    }
    let model = Model {
        season: [
            1.42, 1.14, 1.05, 1.0, 1.06, 0.96, 0.85, 0.8, 1.12, 1.0, 0.9, 0.72,
        ],
        weekday: [1.2, 1.1, 1.05, 1.0, 0.86, 0.84, 0.98],
        growth: 0.1,
        events,
    };
    let id = "thames-fitness";
    let mut daily = Daily::default();

    const NEW_YEAR: &[(Date, Date)] = &[
        (FIRST, Date::ymd(2025, 2, 15)),
        (Date::ymd(2025, 12, 26), Date::ymd(2026, 2, 15)),
    ];
    let ads = Ads {
        campaigns: vec![
            Campaign {
                name: "Brand - Thames Fitness",
                budget: 11.0,
                cpc: 1.1,
                ctr: 0.059,
                cvr: 0.14,
                value: 95.0,
                runs: ALWAYS,
                seasonal: 0.4,
            },
            Campaign {
                name: "Search - Gym Near Me",
                budget: 34.0,
                cpc: 2.1,
                ctr: 0.043,
                cvr: 0.072,
                value: 120.0,
                runs: ALWAYS,
                seasonal: 0.8,
            },
            Campaign {
                name: "Search - Personal Training",
                budget: 19.0,
                cpc: 2.8,
                ctr: 0.031,
                cvr: 0.048,
                value: 240.0,
                runs: ALWAYS,
                seasonal: 0.5,
            },
            Campaign {
                name: "Search - Free Day Pass",
                budget: 24.0,
                cpc: 1.55,
                ctr: 0.051,
                cvr: 0.11,
                value: 35.0,
                runs: ALWAYS,
                seasonal: 0.6,
            },
            Campaign {
                name: "New Year Membership Drive",
                budget: 55.0,
                cpc: 2.4,
                ctr: 0.046,
                cvr: 0.08,
                value: 150.0,
                runs: NEW_YEAR,
                seasonal: 0.0,
            },
        ],
        budget_growth: 0.06,
        cpc_growth: 0.05,
        weekday: [1.1, 1.05, 1.02, 1.0, 0.92, 0.9, 1.0],
        spend_events: no_events,
        conversion_events: no_events,
    };
    let rows = gen_ads(
        &mut Rng::new(&format!("{id}/ads")),
        &model,
        &ads,
        &mut daily,
    );
    write_ads(
        dir,
        "google-ads.csv",
        &rows,
        &AdsFormat {
            headers: GOOGLE_ADS_EN,
            delimiter: ',',
            decimal: '.',
            thousands: ",",
            money_decimals: 2,
            quote_money: true,
        },
    );

    // Meta Ads: cheap clicks from people who were not looking for a gym, so few of them join
    // (a high CPA and a low ROAS); retargeting does better than prospecting.
    let meta = Ads {
        campaigns: vec![
            Campaign {
                name: "Prospecting - Free Day Pass",
                budget: 16.0,
                cpc: 0.55,
                ctr: 0.012,
                cvr: 0.015,
                value: 35.0,
                runs: ALWAYS,
                seasonal: 0.8,
            },
            Campaign {
                name: "Retargeting - Join Online",
                budget: 9.0,
                cpc: 0.8,
                ctr: 0.016,
                cvr: 0.04,
                value: 95.0,
                runs: ALWAYS,
                seasonal: 0.5,
            },
            Campaign {
                name: "New Year Challenge",
                budget: 22.0,
                cpc: 0.6,
                ctr: 0.014,
                cvr: 0.016,
                value: 120.0,
                runs: NEW_YEAR,
                seasonal: 0.0,
            },
        ],
        budget_growth: 0.08,
        cpc_growth: 0.04,
        weekday: [1.0, 1.0, 1.0, 1.0, 1.02, 1.04, 1.04],
        spend_events: no_events,
        conversion_events: no_events,
    };
    let rows = gen_other_ads(&format!("{id}/meta-ads"), &model, &meta);
    write_meta_ads(dir, "meta-ads-manager.csv", &rows, "GBP", 2);

    // Microsoft Ads: Google's two best search campaigns imported under the same names; fewer
    // searches, cheaper clicks and a lower CPA than on Google.
    let microsoft = Ads {
        campaigns: vec![
            Campaign {
                name: "Brand - Thames Fitness",
                budget: 3.0,
                cpc: 0.75,
                ctr: 0.07,
                cvr: 0.15,
                value: 95.0,
                runs: ALWAYS,
                seasonal: 0.4,
            },
            Campaign {
                name: "Search - Gym Near Me",
                budget: 8.0,
                cpc: 1.35,
                ctr: 0.045,
                cvr: 0.09,
                value: 120.0,
                runs: ALWAYS,
                seasonal: 0.8,
            },
        ],
        budget_growth: 0.06,
        cpc_growth: 0.05,
        weekday: [1.12, 1.08, 1.04, 1.0, 0.9, 0.86, 0.94],
        spend_events: no_events,
        conversion_events: no_events,
    };
    let rows = gen_other_ads(&format!("{id}/microsoft-ads"), &model, &microsoft);
    write_microsoft_ads(
        dir,
        "microsoft-advertising.csv",
        &rows,
        "Thames Fitness",
        DateFmt::DaySlash,
        2,
    );

    fn send(d: Date) -> Option<&'static str> {
        const SUBJECTS: &[&str] = &[
            "This week at Thames Fitness: new classes, same great coaches",
            "Your timetable for the week",
            "5 stretches for desk workers",
            "Member spotlight: from couch to 10k",
            "Pool opening hours update",
            "Coach's corner: protein, simplified",
            "Bring a friend for free this weekend",
        ];
        let (_, m, day) = d.parts();
        match d.weekday() {
            3 => Some(rotate(SUBJECTS, d)),
            0 if m == 1 && day <= 21 => Some("New Year, new you: join the 30-day challenge"),
            _ => None,
        }
    }
    let email = Email {
        list: 8100.0,
        list_growth: 3.0,
        open_rate: 0.33,
        click_to_open: 0.1,
        send,
    };
    let rows = gen_email(&mut Rng::new(&format!("{id}/email")), &email, &mut daily);
    write_email(
        dir,
        "mailchimp-campaigns.csv",
        &rows,
        [
            "Date",
            "Subject",
            "Delivered",
            "Unique opens",
            "Unique clicks",
            "Unsubscribes",
        ],
        ',',
        DateFmt::Iso,
    );

    let networks = [
        Network {
            name: "facebook",
            followers: 5120.0,
            gain: 1.2,
            reach: 620.0,
            posts: [true, false, true, false, true, false, false],
            engagement_rate: 0.017,
            viral: 0.01,
        },
        Network {
            name: "instagram",
            followers: 7410.0,
            gain: 4.5,
            reach: 1350.0,
            posts: [true, true, false, true, false, true, false],
            engagement_rate: 0.038,
            viral: 0.02,
        },
    ];
    let rows = gen_social(
        &mut Rng::new(&format!("{id}/social")),
        &model,
        &networks,
        &mut daily,
    );
    write_social(
        dir,
        "social.json",
        &rows,
        "Thames Fitness",
        SocialShape::RootNested,
    );

    let web = Web {
        channels: vec![
            channel("Organic Search", Traffic::Base(165.0), 0.024),
            channel("Paid Search", Traffic::Ads(0.9), 0.05),
            channel("Direct", Traffic::Base(72.0), 0.03),
            channel("Organic Social", Traffic::Social(12.0, 0.05), 0.012),
            channel("Referral", Traffic::Base(14.0), 0.022),
            channel("Email", Traffic::Email(0.8, 3.0), 0.018),
        ],
        conversion_events: no_events,
        calls: None,
        aov: None,
        outage: None,
    };
    let rows = gen_web(&mut Rng::new(&format!("{id}/web")), &model, &web, &daily);
    write_web(
        dir,
        "ga4-traffic-acquisition.csv",
        &rows,
        &WebFormat {
            preamble: "# ----------------------------------------\n\
                       # Traffic acquisition: Session default channel group\n\
                       # Account: Thames Fitness\n\
                       # Property: thamesfitness.example.co.uk - GA4\n\
                       # ----------------------------------------\n\
                       #\n\
                       # Start date: 20250101\n\
                       # End date: 20261031\n",
            headers: GA4_HEADERS,
            delimiter: ',',
            decimal: '.',
            thousands: "",
            date: DateFmt::Compact,
        },
    );
}

// ---------------------------------------------------------------------------------------------
// harbor-hotel-bangkok — Northwind Digital, th-TH, THB. Web (GA4, with a tracking outage
// 2026-10-12 … 2026-10-15), ads, SEO, social, reviews. High season Nov–Feb, rainy season Jun–Sep.

const HARBOR_OUTAGE: (Date, Date) = (Date::ymd(2026, 10, 12), Date::ymd(2026, 10, 15));

fn harbor_hotel_bangkok(dir: &Path) {
    fn events(d: Date) -> f64 {
        if d.within(Date::ymd(2025, 10, 20), Date::ymd(2025, 11, 5)) {
            1.12 // Loy Krathong 2025 (5 Nov): riverside rooms in demand
        } else if d.within(Date::ymd(2025, 4, 10), Date::ymd(2025, 4, 15))
            || d.within(Date::ymd(2026, 4, 10), Date::ymd(2026, 4, 15))
        {
            1.15 // Songkran
        } else {
            1.0
        }
    }
    let model = Model {
        season: [
            1.3, 1.2, 1.05, 1.0, 0.86, 0.72, 0.75, 0.78, 0.72, 0.9, 1.2, 1.36,
        ],
        weekday: [1.06, 1.03, 1.0, 0.98, 0.92, 0.93, 1.08],
        growth: 0.12,
        events,
    };
    let id = "harbor-hotel-bangkok";
    let mut daily = Daily::default();

    let ads = Ads {
        campaigns: vec![
            Campaign {
                name: "Search - Brand",
                budget: 420.0,
                cpc: 12.5,
                ctr: 0.06,
                cvr: 0.055,
                value: 9800.0,
                runs: ALWAYS,
                seasonal: 0.6,
            },
            Campaign {
                name: "Search - Riverside Hotels Bangkok",
                budget: 1200.0,
                cpc: 24.0,
                ctr: 0.034,
                cvr: 0.017,
                value: 11200.0,
                runs: ALWAYS,
                seasonal: 0.9,
            },
            Campaign {
                name: "Hotel Ads - Direct Booking",
                budget: 1000.0,
                cpc: 18.0,
                ctr: 0.045,
                cvr: 0.029,
                value: 10400.0,
                runs: ALWAYS,
                seasonal: 0.9,
            },
            Campaign {
                name: "Performance Max - Long Stay",
                budget: 800.0,
                cpc: 14.0,
                ctr: 0.022,
                cvr: 0.011,
                value: 27500.0,
                runs: ALWAYS,
                seasonal: 0.4,
            },
        ],
        budget_growth: 0.1,
        cpc_growth: 0.05,
        weekday: [1.04, 1.02, 1.0, 0.98, 0.96, 0.96, 1.04],
        spend_events: no_events,
        conversion_events: no_events,
    };
    let rows = gen_ads(
        &mut Rng::new(&format!("{id}/ads")),
        &model,
        &ads,
        &mut daily,
    );
    write_ads(
        dir,
        "google-ads.csv",
        &rows,
        &AdsFormat {
            headers: GOOGLE_ADS_EN,
            delimiter: ',',
            decimal: '.',
            thousands: ",",
            money_decimals: 2,
            quote_money: true,
        },
    );

    // Meta Ads: retargeting of past visitors with the hotel's room catalogue, prospecting for
    // weekend breaks, and a Loy Krathong push from mid-October. A lower ROAS than Google's.
    const LOY_KRATHONG_2026: &[(Date, Date)] = &[(Date::ymd(2026, 10, 15), LAST)];
    let meta = Ads {
        campaigns: vec![
            Campaign {
                name: "Retargeting - Dynamic Ads for Travel",
                budget: 450.0,
                cpc: 7.5,
                ctr: 0.018,
                cvr: 0.011,
                value: 8200.0,
                runs: ALWAYS,
                seasonal: 0.8,
            },
            Campaign {
                name: "Prospecting - Riverside Escape",
                budget: 650.0,
                cpc: 5.0,
                ctr: 0.011,
                cvr: 0.0028,
                value: 7400.0,
                runs: ALWAYS,
                seasonal: 0.9,
            },
            Campaign {
                name: "Loy Krathong Festival",
                budget: 500.0,
                cpc: 5.5,
                ctr: 0.014,
                cvr: 0.006,
                value: 9600.0,
                runs: LOY_KRATHONG_2026,
                seasonal: 0.0,
            },
        ],
        budget_growth: 0.12,
        cpc_growth: 0.05,
        weekday: [0.96, 0.96, 0.98, 1.0, 1.04, 1.06, 1.0],
        spend_events: no_events,
        conversion_events: no_events,
    };
    let rows = gen_other_ads(&format!("{id}/meta-ads"), &model, &meta);
    write_meta_ads(dir, "meta-ads-manager.csv", &rows, "THB", 2);

    let seo = Seo {
        impressions: 4100.0,
        growth: 0.1,
        position: (11.5, 8.6),
        weekday: [1.04, 1.02, 1.0, 0.98, 0.94, 0.96, 1.06],
        seasonal: 0.8,
    };
    let rows = gen_seo(
        &mut Rng::new(&format!("{id}/seo")),
        &model,
        &seo,
        &mut daily,
    );
    write_seo(
        dir,
        "search-console.csv",
        &rows,
        ["Date", "Clicks", "Impressions", "CTR", "Position"],
        DateFmt::Iso,
    );

    let networks = [
        Network {
            name: "facebook",
            followers: 18_400.0,
            gain: 6.0,
            reach: 2400.0,
            posts: [true, false, true, false, true, true, false],
            engagement_rate: 0.016,
            viral: 0.015,
        },
        Network {
            name: "instagram",
            followers: 12_900.0,
            gain: 9.0,
            reach: 3100.0,
            posts: [false, true, false, true, false, true, true],
            engagement_rate: 0.034,
            viral: 0.025,
        },
    ];
    let rows = gen_social(
        &mut Rng::new(&format!("{id}/social")),
        &model,
        &networks,
        &mut daily,
    );
    // Each network from its own export: the Page's insights as CSV, Instagram's as JSON.
    let (facebook, instagram): (Vec<SocialRow>, Vec<SocialRow>) =
        rows.into_iter().partition(|r| r.network == "facebook");
    write_social_csv(
        dir,
        "facebook-page-insights.csv",
        &facebook,
        [
            "Date",
            "Page followers",
            "Page impressions",
            "Post engagements",
        ],
    );
    write_social(
        dir,
        "instagram-insights.json",
        &instagram,
        "@harborhotelbkk",
        SocialShape::DataRows,
    );

    let reviews = Reviews {
        per_day: 2.3,
        growth: 0.1,
        weekday: [1.15, 1.05, 1.0, 0.95, 0.9, 0.95, 1.1],
        seasonal: 1.0,
        stars: [0.04, 0.03, 0.07, 0.22, 0.64],
        reply: 0.82,
        events: no_events,
    };
    let rows = gen_reviews(&mut Rng::new(&format!("{id}/reviews")), &model, &reviews);
    write_reviews(
        dir,
        "reviews.csv",
        &rows,
        &ReviewsFormat {
            headers: ["date", "metric", "value"],
            names: ["New reviews", "Average rating", "Replied"],
            delimiter: ',',
            decimal: '.',
            date: DateFmt::Iso,
        },
    );

    let web = Web {
        channels: vec![
            channel("Organic Search", Traffic::Seo(1.1), 0.011),
            channel("Paid Search", Traffic::Ads(0.88), 0.019),
            channel("Direct", Traffic::Base(72.0), 0.02),
            channel("Organic Social", Traffic::Social(14.0, 0.03), 0.004),
            channel("Referral", Traffic::Base(30.0), 0.012),
        ],
        conversion_events: no_events,
        calls: None,
        aov: None,
        outage: Some(HARBOR_OUTAGE),
    };
    let rows = gen_web(&mut Rng::new(&format!("{id}/web")), &model, &web, &daily);
    write_web(
        dir,
        "ga4-traffic-acquisition.csv",
        &rows,
        &WebFormat {
            preamble: "# ----------------------------------------\n\
                       # Traffic acquisition: Session default channel group\n\
                       # Account: Harbor Hotel Bangkok\n\
                       # Property: harborhotelbangkok.example.co.th - GA4\n\
                       # ----------------------------------------\n\
                       #\n\
                       # Start date: 20250101\n\
                       # End date: 20261031\n",
            headers: GA4_HEADERS,
            delimiter: ',',
            decimal: '.',
            thousands: "",
            date: DateFmt::Compact,
        },
    );
}

// ---------------------------------------------------------------------------------------------
// kopi-nusantara — Northwind Digital, id-ID, IDR. Coffee chain: web, social (with TikTok),
// reviews, ads. Ramadan promotions, Lebaran holidays, busy weekends, new outlets.

const RAMADAN: &[(Date, Date)] = &[
    (Date::ymd(2025, 3, 1), Date::ymd(2025, 3, 30)),
    (Date::ymd(2026, 2, 18), Date::ymd(2026, 3, 19)),
];
const LEBARAN: &[(Date, Date)] = &[
    (Date::ymd(2025, 3, 31), Date::ymd(2025, 4, 4)),
    (Date::ymd(2026, 3, 20), Date::ymd(2026, 3, 24)),
];

fn kopi_nusantara(dir: &Path) {
    fn events(d: Date) -> f64 {
        if LEBARAN.iter().any(|(a, b)| d.within(*a, *b)) {
            0.62
        } else if RAMADAN.iter().any(|(a, b)| d.within(*a, *b)) {
            1.1 // buka puasa menus and bundles
        } else {
            1.0
        }
    }
    let model = Model {
        season: [
            0.95, 0.96, 1.0, 1.0, 1.0, 1.05, 1.06, 1.0, 0.98, 1.02, 1.0, 1.08,
        ],
        weekday: [0.9, 0.9, 0.92, 0.95, 1.05, 1.22, 1.18],
        growth: 0.32,
        events,
    };
    let id = "kopi-nusantara";
    let mut daily = Daily::default();

    let ads = Ads {
        campaigns: vec![
            Campaign {
                name: "Search - Brand",
                budget: 380_000.0,
                cpc: 1600.0,
                ctr: 0.06,
                cvr: 0.1,
                value: 46_000.0,
                runs: ALWAYS,
                seasonal: 0.3,
            },
            Campaign {
                name: "Search - Kopi Susu Near Me",
                budget: 850_000.0,
                cpc: 2450.0,
                ctr: 0.046,
                cvr: 0.058,
                value: 38_000.0,
                runs: ALWAYS,
                seasonal: 0.5,
            },
            Campaign {
                name: "Performance Max - Delivery Orders",
                budget: 1_150_000.0,
                cpc: 1850.0,
                ctr: 0.025,
                cvr: 0.05,
                value: 64_000.0,
                runs: ALWAYS,
                seasonal: 0.5,
            },
            Campaign {
                name: "Ramadan Promo - Paket Buka Puasa",
                budget: 1_400_000.0,
                cpc: 2200.0,
                ctr: 0.052,
                cvr: 0.07,
                value: 85_000.0,
                runs: RAMADAN,
                seasonal: 0.0,
            },
        ],
        budget_growth: 0.25,
        cpc_growth: 0.08,
        weekday: [0.95, 0.95, 0.96, 0.98, 1.04, 1.1, 1.08],
        spend_events: no_events,
        conversion_events: no_events,
    };
    let rows = gen_ads(
        &mut Rng::new(&format!("{id}/ads")),
        &model,
        &ads,
        &mut daily,
    );
    write_ads(
        dir,
        "google-ads.csv",
        &rows,
        &AdsFormat {
            headers: GOOGLE_ADS_EN,
            delimiter: ',',
            decimal: '.',
            thousands: ",",
            money_decimals: 0,
            quote_money: true,
        },
    );

    let networks = [
        Network {
            name: "facebook",
            followers: 21_500.0,
            gain: 5.0,
            reach: 3000.0,
            posts: [true, false, true, false, true, false, true],
            engagement_rate: 0.012,
            viral: 0.01,
        },
        Network {
            name: "instagram",
            followers: 48_200.0,
            gain: 26.0,
            reach: 9800.0,
            posts: [true, true, true, true, true, true, true],
            engagement_rate: 0.031,
            viral: 0.02,
        },
        Network {
            name: "tiktok",
            followers: 9_800.0,
            gain: 30.0,
            reach: 14_000.0,
            posts: [false, true, false, true, false, true, true],
            engagement_rate: 0.058,
            viral: 0.06,
        },
    ];
    let rows = gen_social(
        &mut Rng::new(&format!("{id}/social")),
        &model,
        &networks,
        &mut daily,
    );
    write_social(
        dir,
        "social-insights.json",
        &rows,
        "Kopi Nusantara",
        SocialShape::DataRows,
    );

    let reviews = Reviews {
        per_day: 7.5,
        growth: 0.35,
        weekday: [0.9, 0.88, 0.9, 0.95, 1.05, 1.2, 1.25],
        seasonal: 1.0,
        stars: [0.05, 0.03, 0.06, 0.2, 0.66],
        reply: 0.58,
        events: |d| {
            if RAMADAN.iter().any(|(a, b)| d.within(*a, *b)) {
                0.8
            } else {
                1.0
            }
        },
    };
    let rows = gen_reviews(&mut Rng::new(&format!("{id}/reviews")), &model, &reviews);
    write_reviews(
        dir,
        "ulasan-google.csv",
        &rows,
        &ReviewsFormat {
            headers: ["date", "metric", "value"],
            names: ["Ulasan baru", "Rating rata-rata", "Dibalas"],
            delimiter: ',',
            decimal: '.',
            date: DateFmt::Iso,
        },
    );

    let web = Web {
        channels: vec![
            channel("Organic Search", Traffic::Base(640.0), 0.045),
            channel("Paid Search", Traffic::Ads(0.86), 0.06),
            channel("Direct", Traffic::Base(260.0), 0.07),
            channel("Organic Social", Traffic::Social(60.0, 0.015), 0.03),
            channel("Referral", Traffic::Base(42.0), 0.04),
        ],
        conversion_events: no_events,
        calls: None,
        aov: None,
        outage: None,
    };
    let rows = gen_web(&mut Rng::new(&format!("{id}/web")), &model, &web, &daily);
    write_web(
        dir,
        "website.csv",
        &rows,
        &WebFormat {
            preamble: "",
            headers: &[
                "Date",
                "Channel",
                "Sessions",
                "Users",
                "New users",
                "Pageviews",
                "Engaged sessions",
                "Conversions",
            ],
            delimiter: ',',
            decimal: '.',
            thousands: "",
            date: DateFmt::DaySlash,
        },
    );
}

// ---------------------------------------------------------------------------------------------
// osaka-smile-clinic — Sakura Growth Partners, ja-JP, JPY. Web, ads, SEO, reviews, e-mail.
// Japanese headers and campaign names; Golden Week, Obon and New Year closures.

fn osaka_smile_clinic(dir: &Path) {
    fn events(d: Date) -> f64 {
        let (_, m, day) = d.parts();
        match (m, day) {
            (12, 29..=31) | (1, 1..=3) => 0.55, // 年末年始
            (4, 29) | (5, 3..=6) => 0.72,       // Golden Week
            (8, 13..=16) => 0.7,                // お盆
            _ => 1.0,
        }
    }
    let model = Model {
        season: [
            0.9, 1.0, 1.1, 1.06, 0.96, 1.0, 1.0, 0.92, 1.0, 1.05, 1.03, 0.92,
        ],
        weekday: [1.1, 1.08, 1.02, 0.86, 1.0, 1.0, 0.86],
        growth: 0.09,
        events,
    };
    let id = "osaka-smile-clinic";
    let mut daily = Daily::default();

    let ads = Ads {
        campaigns: vec![
            Campaign {
                name: "検索 - ブランド",
                budget: 1500.0,
                cpc: 85.0,
                ctr: 0.06,
                cvr: 0.1,
                value: 8000.0,
                runs: ALWAYS,
                seasonal: 0.3,
            },
            Campaign {
                name: "検索 - ホワイトニング",
                budget: 4500.0,
                cpc: 140.0,
                ctr: 0.04,
                cvr: 0.05,
                value: 25_000.0,
                runs: ALWAYS,
                seasonal: 0.6,
            },
            Campaign {
                name: "検索 - マウスピース矯正",
                budget: 6000.0,
                cpc: 190.0,
                ctr: 0.031,
                cvr: 0.034,
                value: 60_000.0,
                runs: ALWAYS,
                seasonal: 0.6,
            },
            Campaign {
                name: "検索 - インプラント",
                budget: 5000.0,
                cpc: 178.0,
                ctr: 0.028,
                cvr: 0.028,
                value: 110_000.0,
                runs: ALWAYS,
                seasonal: 0.5,
            },
        ],
        budget_growth: 0.05,
        cpc_growth: 0.04,
        weekday: [1.04, 1.04, 1.02, 0.94, 1.0, 1.0, 0.96],
        spend_events: no_events,
        conversion_events: no_events,
    };
    let rows = gen_ads(
        &mut Rng::new(&format!("{id}/ads")),
        &model,
        &ads,
        &mut daily,
    );
    write_ads(
        dir,
        "google-ads.csv",
        &rows,
        &AdsFormat {
            headers: [
                "日",
                "キャンペーン",
                "費用",
                "表示回数",
                "クリック数",
                "コンバージョン",
                "コンバージョン値",
            ],
            delimiter: ',',
            decimal: '.',
            thousands: ",",
            money_decimals: 0,
            quote_money: true,
        },
    );

    // Microsoft Ads (Bing and Microsoft's network, mostly on desktop computers): older searchers,
    // so implants and the brand; cheaper clicks, a lower CPA and a higher ROAS than Google's.
    let microsoft = Ads {
        campaigns: vec![
            Campaign {
                name: "検索 - インプラント",
                budget: 1400.0,
                cpc: 120.0,
                ctr: 0.032,
                cvr: 0.03,
                value: 65_000.0,
                runs: ALWAYS,
                seasonal: 0.5,
            },
            Campaign {
                name: "検索 - ブランド",
                budget: 300.0,
                cpc: 60.0,
                ctr: 0.07,
                cvr: 0.1,
                value: 8000.0,
                runs: ALWAYS,
                seasonal: 0.3,
            },
        ],
        budget_growth: 0.08,
        cpc_growth: 0.03,
        weekday: [1.08, 1.06, 1.04, 0.96, 1.0, 0.92, 0.94],
        spend_events: no_events,
        conversion_events: no_events,
    };
    let rows = gen_other_ads(&format!("{id}/microsoft-ads"), &model, &microsoft);
    write_microsoft_ads(
        dir,
        "microsoft-advertising.csv",
        &rows,
        "大阪スマイル歯科",
        DateFmt::Iso,
        0,
    );

    let seo = Seo {
        impressions: 2600.0,
        growth: 0.1,
        position: (12.4, 10.1),
        weekday: [1.08, 1.06, 1.04, 1.0, 0.98, 0.92, 0.92],
        seasonal: 0.6,
    };
    let rows = gen_seo(
        &mut Rng::new(&format!("{id}/seo")),
        &model,
        &seo,
        &mut daily,
    );
    write_seo(
        dir,
        "search-console.csv",
        &rows,
        ["日付", "クリック数", "表示回数", "CTR", "掲載順位"],
        DateFmt::YearSlash,
    );

    // Google Business Profile: the clinic closes on Thursdays and Sundays, when the profile is
    // still viewed but few people call or ask for directions.
    let local = Local {
        views: 150.0,
        growth: 0.12,
        maps: 0.42,
        calls: 0.021,
        directions: 0.026,
        website: 0.04,
        weekday: [1.1, 1.1, 1.05, 0.3, 1.05, 1.2, 0.35],
    };
    let rows = gen_local(&mut Rng::new(&format!("{id}/local")), &model, &local);
    write_local(
        dir,
        "business-profile.csv",
        &rows,
        [
            "日付",
            "プロフィール閲覧数",
            "Google 検索",
            "Google マップ",
            "通話",
            "ルート",
            "ウェブサイトのクリック",
        ],
        DateFmt::YearSlash,
    );

    fn send(d: Date) -> Option<&'static str> {
        const SUBJECTS: &[&str] = &[
            "【大阪スマイル歯科】今月の診療カレンダー",
            "ホワイトニング、何回で効果が出る？",
            "マウスピース矯正 無料相談会のご案内",
            "お子さまの歯みがき、3つのコツ",
            "定期検診のご予約はお済みですか？",
        ];
        let (_, m, day) = d.parts();
        let new_year = (m == 12 && day >= 28) || (m == 1 && day <= 4);
        (d.weekday() == 2 && d.week_index().is_multiple_of(2) && !new_year)
            .then(|| SUBJECTS[(d.week_index() / 2) % SUBJECTS.len()])
    }
    let email = Email {
        list: 1850.0,
        list_growth: 0.9,
        open_rate: 0.46,
        click_to_open: 0.12,
        send,
    };
    let rows = gen_email(&mut Rng::new(&format!("{id}/email")), &email, &mut daily);
    write_email(
        dir,
        "mail-magazine.csv",
        &rows,
        [
            "date",
            "subject",
            "delivered",
            "opens",
            "clicks",
            "unsubscribes",
        ],
        ',',
        DateFmt::Iso,
    );

    let reviews = Reviews {
        per_day: 0.32,
        growth: 0.15,
        weekday: [1.1, 1.1, 1.0, 0.7, 1.0, 1.1, 0.8],
        seasonal: 0.5,
        stars: [0.04, 0.04, 0.12, 0.3, 0.5],
        reply: 0.95,
        events,
    };
    let rows = gen_reviews(&mut Rng::new(&format!("{id}/reviews")), &model, &reviews);
    write_reviews(
        dir,
        "reviews.csv",
        &rows,
        &ReviewsFormat {
            headers: ["date", "metric", "value"],
            names: ["新規レビュー", "平均評価", "返信済み"],
            delimiter: ',',
            decimal: '.',
            date: DateFmt::Iso,
        },
    );

    let web = Web {
        channels: vec![
            channel("Organic Search", Traffic::Seo(1.12), 0.022),
            channel("Paid Search", Traffic::Ads(0.9), 0.04),
            channel("Direct", Traffic::Base(30.0), 0.03),
            channel("Organic Social", Traffic::Base(6.0), 0.01),
            channel("Referral", Traffic::Base(9.0), 0.03),
            channel("Email", Traffic::Email(0.85, 0.5), 0.025),
        ],
        conversion_events: no_events,
        calls: None,
        aov: None,
        outage: None,
    };
    let rows = gen_web(&mut Rng::new(&format!("{id}/web")), &model, &web, &daily);
    write_web(
        dir,
        "ga4-channels.csv",
        &rows,
        &WebFormat {
            preamble: "",
            headers: &[
                "日付",
                "チャネル",
                "セッション",
                "ユーザー",
                "新規ユーザー数",
                "表示回数",
                "エンゲージのあったセッション数",
                "キーイベント",
            ],
            delimiter: ',',
            decimal: '.',
            thousands: "",
            date: DateFmt::YearSlash,
        },
    );
}

// ---------------------------------------------------------------------------------------------
// trattoria-da-luca — Mare Digitale, it-IT, EUR. Only web, social and reviews. Busy Fri–Sun,
// summer terrace, closed for holidays in August.

const FERIE: &[(Date, Date)] = &[
    (Date::ymd(2025, 8, 11), Date::ymd(2025, 8, 24)),
    (Date::ymd(2026, 8, 10), Date::ymd(2026, 8, 23)),
];

fn trattoria_da_luca(dir: &Path) {
    fn closed(d: Date) -> bool {
        let (_, m, day) = d.parts();
        FERIE.iter().any(|(a, b)| d.within(*a, *b)) || (m == 12 && (day == 25 || day == 26))
    }
    fn events(d: Date) -> f64 {
        let (_, m, day) = d.parts();
        if closed(d) {
            0.45
        } else {
            match (m, day) {
                (2, 9..=14) => 1.5,   // San Valentino
                (12, 15..=24) => 1.3, // Christmas dinners
                (12, 27..=31) => 1.25,
                _ => 1.0,
            }
        }
    }
    let model = Model {
        season: [
            0.74, 0.9, 0.92, 1.05, 1.12, 1.22, 1.3, 1.0, 1.15, 1.0, 0.84, 1.18,
        ],
        weekday: [0.7, 0.74, 0.85, 1.0, 1.36, 1.46, 1.16],
        growth: 0.07,
        events,
    };
    let id = "trattoria-da-luca";
    let mut daily = Daily::default();

    let networks = [
        Network {
            name: "facebook",
            followers: 3150.0,
            gain: 1.3,
            reach: 420.0,
            posts: [false, false, true, false, true, true, false],
            engagement_rate: 0.028,
            viral: 0.01,
        },
        Network {
            name: "instagram",
            followers: 4870.0,
            gain: 3.2,
            reach: 760.0,
            posts: [false, true, false, true, true, true, true],
            engagement_rate: 0.052,
            viral: 0.025,
        },
    ];
    let rows = gen_social(
        &mut Rng::new(&format!("{id}/social")),
        &model,
        &networks,
        &mut daily,
    );
    write_social(
        dir,
        "social-insights.json",
        &rows,
        "Trattoria da Luca",
        SocialShape::DataRows,
    );

    let reviews = Reviews {
        per_day: 1.5,
        growth: 0.08,
        // Reviews are written the evening of the meal or the day after.
        weekday: [1.1, 0.66, 0.7, 0.82, 1.0, 1.38, 1.5],
        seasonal: 1.0,
        stars: [0.03, 0.02, 0.05, 0.18, 0.72],
        reply: 0.7,
        events: |d| if closed(d) { 0.05 } else { 1.0 },
    };
    let rows = gen_reviews(&mut Rng::new(&format!("{id}/reviews")), &model, &reviews);
    write_reviews(
        dir,
        "recensioni.csv",
        &rows,
        &ReviewsFormat {
            headers: ["Data", "Metrica", "Valore"],
            names: ["Nuove recensioni", "Valutazione media", "Risposte"],
            delimiter: ';',
            decimal: ',',
            date: DateFmt::DaySlash,
        },
    );

    let web = Web {
        channels: vec![
            channel("Organic Search", Traffic::Base(62.0), 0.07),
            channel("Direct", Traffic::Base(28.0), 0.09),
            channel("Organic Social", Traffic::Social(9.0, 0.05), 0.035),
            channel("Referral", Traffic::Base(11.0), 0.08), // TheFork, TripAdvisor
        ],
        conversion_events: |d| if closed(d) { 0.04 } else { 1.0 },
        calls: None,
        aov: None,
        outage: None,
    };
    let rows = gen_web(&mut Rng::new(&format!("{id}/web")), &model, &web, &daily);
    write_web(
        dir,
        "sito-web.csv",
        &rows,
        &WebFormat {
            preamble: "",
            headers: &[
                "Data",
                "Canale",
                "Sessioni",
                "Utenti",
                "Nuovi utenti",
                "Visualizzazioni",
                "Sessioni con engagement",
                "Prenotazioni",
            ],
            delimiter: ',',
            decimal: '.',
            thousands: "",
            date: DateFmt::DaySlash,
        },
    );
}

// ---------------------------------------------------------------------------------------------
// izmir-deri — Mare Digitale, tr-TR, TRY. Leather e-commerce: web with revenue, ads, social,
// e-mail; Turkish exports (";" and decimal ","). October 2026: a checkout problem cuts
// conversions and revenue by about a quarter while ad spend stays flat.

const CHECKOUT_PROBLEM: Date = Date::ymd(2026, 10, 2);

fn izmir_deri(dir: &Path) {
    fn events(d: Date) -> f64 {
        if d.within(Date::ymd(2025, 11, 24), Date::ymd(2025, 11, 30)) {
            if d == Date::ymd(2025, 11, 28) {
                2.6
            } else {
                1.55
            } // Efsane Cuma / Black Friday
        } else if d.within(Date::ymd(2025, 2, 7), Date::ymd(2025, 2, 14))
            || d.within(Date::ymd(2026, 2, 7), Date::ymd(2026, 2, 14))
        {
            1.3 // Sevgililer Günü
        } else if d.within(Date::ymd(2025, 5, 4), Date::ymd(2025, 5, 10))
            || d.within(Date::ymd(2026, 5, 3), Date::ymd(2026, 5, 9))
        {
            1.25 // Anneler Günü
        } else if d.within(Date::ymd(2025, 3, 30), Date::ymd(2025, 4, 1))
            || d.within(Date::ymd(2026, 3, 20), Date::ymd(2026, 3, 22))
        {
            0.75 // Ramazan Bayramı
        } else {
            1.0
        }
    }
    fn checkout(d: Date) -> f64 {
        if d >= CHECKOUT_PROBLEM { 0.68 } else { 1.0 }
    }
    fn spend_events(d: Date) -> f64 {
        if d.within(Date::ymd(2025, 11, 20), Date::ymd(2025, 11, 30)) {
            1.6
        } else if d.within(Date::ymd(2025, 12, 1), Date::ymd(2025, 12, 24)) {
            1.2
        } else {
            1.0
        }
    }
    let model = Model {
        // Leather season: autumn and winter; summer is quiet.
        season: [
            1.05, 1.0, 0.9, 0.85, 0.86, 0.75, 0.7, 0.8, 1.0, 1.1, 1.35, 1.25,
        ],
        weekday: [1.05, 1.02, 1.0, 0.98, 0.94, 0.9, 1.1],
        growth: 0.2,
        events,
    };
    let id = "izmir-deri";
    let mut daily = Daily::default();

    let ads = Ads {
        campaigns: vec![
            Campaign {
                name: "Arama - Marka",
                budget: 400.0,
                cpc: 3.5,
                ctr: 0.058,
                cvr: 0.055,
                value: 2400.0,
                runs: ALWAYS,
                seasonal: 0.0,
            },
            Campaign {
                name: "Arama - Deri Ceket",
                budget: 900.0,
                cpc: 8.6,
                ctr: 0.034,
                cvr: 0.017,
                value: 6800.0,
                runs: ALWAYS,
                seasonal: 0.0,
            },
            Campaign {
                name: "Alışveriş - Deri Çanta",
                budget: 800.0,
                cpc: 5.4,
                ctr: 0.029,
                cvr: 0.021,
                value: 3900.0,
                runs: ALWAYS,
                seasonal: 0.0,
            },
            Campaign {
                name: "Performance Max - Tüm Ürünler",
                budget: 1200.0,
                cpc: 4.2,
                ctr: 0.021,
                cvr: 0.019,
                value: 4300.0,
                runs: ALWAYS,
                seasonal: 0.0,
            },
            Campaign {
                name: "Yeniden Pazarlama - Sepeti Terk Edenler",
                budget: 300.0,
                cpc: 3.2,
                ctr: 0.009,
                cvr: 0.035,
                value: 3600.0,
                runs: ALWAYS,
                seasonal: 0.0,
            },
        ],
        budget_growth: 0.1,
        cpc_growth: 0.12,
        weekday: [1.0, 1.0, 1.0, 1.0, 1.0, 0.98, 1.02],
        spend_events,
        conversion_events: checkout,
    };
    let rows = gen_ads(
        &mut Rng::new(&format!("{id}/ads")),
        &model,
        &ads,
        &mut daily,
    );
    write_ads(
        dir,
        "google-ads.csv",
        &rows,
        &AdsFormat {
            headers: [
                "Gün",
                "Kampanya",
                "Maliyet",
                "Gösterim",
                "Tıklama",
                "Dönüşüm",
                "Dönüşüm değeri",
            ],
            delimiter: ';',
            decimal: ',',
            thousands: ".",
            money_decimals: 2,
            quote_money: false,
        },
    );

    fn send(d: Date) -> Option<&'static str> {
        const SUBJECTS: &[&str] = &[
            "Yeni sezon deri ceketler geldi",
            "El yapımı çantalarda %15 indirim",
            "Deri bakımı: 5 altın kural",
            "Haftanın favorileri",
            "Ücretsiz kargo hafta sonuna kadar",
        ];
        let (_, m, _) = d.parts();
        match d.weekday() {
            1 => Some(rotate(SUBJECTS, d)),
            4 if m == 11 => Some("Efsane Cuma fırsatları başladı!"),
            _ if d == Date::ymd(2025, 2, 10) || d == Date::ymd(2026, 2, 10) => {
                Some("Sevgililer Günü hediye rehberi")
            }
            _ => None,
        }
    }
    let email = Email {
        list: 22_400.0,
        list_growth: 14.0,
        open_rate: 0.23,
        click_to_open: 0.11,
        send,
    };
    let rows = gen_email(&mut Rng::new(&format!("{id}/email")), &email, &mut daily);
    write_email(
        dir,
        "e-bulten.csv",
        &rows,
        [
            "Tarih",
            "Konu",
            "Teslim edilen",
            "Açılma",
            "Tıklama",
            "Abonelikten çıkma",
        ],
        ';',
        DateFmt::DayDot,
    );

    let networks = [
        Network {
            name: "facebook",
            followers: 14_300.0,
            gain: 3.0,
            reach: 2100.0,
            posts: [true, false, true, false, true, false, false],
            engagement_rate: 0.011,
            viral: 0.01,
        },
        Network {
            name: "instagram",
            followers: 36_800.0,
            gain: 22.0,
            reach: 7600.0,
            posts: [true, true, false, true, true, false, true],
            engagement_rate: 0.027,
            viral: 0.02,
        },
    ];
    let rows = gen_social(
        &mut Rng::new(&format!("{id}/social")),
        &model,
        &networks,
        &mut daily,
    );
    write_social(
        dir,
        "sosyal-medya.json",
        &rows,
        "İzmir Deri",
        SocialShape::DataRows,
    );

    let web = Web {
        channels: vec![
            channel("Organic Search", Traffic::Base(1050.0), 0.013),
            channel("Paid Search", Traffic::Ads(0.87), 0.021),
            channel("Direct", Traffic::Base(520.0), 0.019),
            channel("Organic Social", Traffic::Social(160.0, 0.04), 0.006),
            channel("Referral", Traffic::Base(95.0), 0.011),
            channel("Email", Traffic::Email(0.84, 12.0), 0.024),
        ],
        conversion_events: checkout,
        calls: None,
        aov: Some(3900.0),
        outage: None,
    };
    let rows = gen_web(&mut Rng::new(&format!("{id}/web")), &model, &web, &daily);
    write_web(
        dir,
        "web-analitik.csv",
        &rows,
        &WebFormat {
            preamble: "",
            headers: &[
                "Tarih",
                "Kanal",
                "Oturumlar",
                "Kullanıcılar",
                "Yeni kullanıcılar",
                "Görüntülemeler",
                "Etkileşimli oturumlar",
                "Dönüşümler",
                "Gelir",
            ],
            delimiter: ';',
            decimal: ',',
            thousands: ".",
            date: DateFmt::DayDot,
        },
    );
}

// ---------------------------------------------------------------------------------------------
// dar-al-oud — Mare Digitale, ar-AE, AED. A Dubai perfumery: web with revenue, Google Ads with
// Arabic and mixed Arabic/Latin campaign names, social and reviews. Ramadan and Eid are the
// year's peak; the weekend is Saturday and Sunday.

fn dar_al_oud(dir: &Path) {
    fn events(d: Date) -> f64 {
        if d.within(Date::ymd(2025, 3, 1), Date::ymd(2025, 3, 29))
            || d.within(Date::ymd(2026, 2, 18), Date::ymd(2026, 3, 19))
        {
            1.45 // Ramadan
        } else if d.within(Date::ymd(2025, 3, 30), Date::ymd(2025, 4, 2))
            || d.within(Date::ymd(2026, 3, 20), Date::ymd(2026, 3, 23))
        {
            1.7 // Eid al-Fitr
        } else if d.within(Date::ymd(2025, 11, 24), Date::ymd(2025, 11, 30)) {
            1.5 // White Friday
        } else if d.within(Date::ymd(2025, 12, 1), Date::ymd(2025, 12, 3)) {
            1.2 // National Day
        } else {
            1.0
        }
    }
    fn no_change(_: Date) -> f64 {
        1.0
    }
    fn autumn_push(d: Date) -> f64 {
        if d >= Date::ymd(2026, 10, 1) {
            1.35
        } else {
            1.0
        }
    }
    let model = Model {
        // Summer is quiet (residents travel); the cool season and Ramadan sell.
        season: [
            1.1, 1.05, 1.25, 1.0, 0.9, 0.78, 0.7, 0.75, 0.92, 1.05, 1.2, 1.3,
        ],
        weekday: [1.0, 0.97, 0.98, 1.02, 1.08, 1.14, 1.12],
        growth: 0.15,
        events,
    };
    let id = "dar-al-oud";
    let mut daily = Daily::default();

    let ads = Ads {
        campaigns: vec![
            Campaign {
                name: "بحث - العلامة التجارية",
                budget: 260.0,
                cpc: 1.4,
                ctr: 0.061,
                cvr: 0.048,
                value: 620.0,
                runs: ALWAYS,
                seasonal: 0.0,
            },
            Campaign {
                name: "بحث - عطور العود",
                budget: 520.0,
                cpc: 3.1,
                ctr: 0.036,
                cvr: 0.021,
                value: 780.0,
                runs: ALWAYS,
                seasonal: 0.0,
            },
            Campaign {
                name: "Performance Max - مجموعة 2026",
                budget: 700.0,
                cpc: 2.2,
                ctr: 0.024,
                cvr: 0.018,
                value: 690.0,
                runs: ALWAYS,
                seasonal: 0.0,
            },
        ],
        budget_growth: 0.12,
        cpc_growth: 0.08,
        weekday: [1.0, 1.0, 1.0, 1.0, 1.05, 1.05, 1.0],
        spend_events: autumn_push,
        conversion_events: no_change,
    };
    let rows = gen_ads(
        &mut Rng::new(&format!("{id}/ads")),
        &model,
        &ads,
        &mut daily,
    );
    write_ads(
        dir,
        "google-ads.csv",
        &rows,
        &AdsFormat {
            headers: [
                "Day",
                "Campaign",
                "Cost",
                "Impr.",
                "Clicks",
                "Conversions",
                "Conv. value",
            ],
            delimiter: ',',
            decimal: '.',
            thousands: "",
            money_decimals: 2,
            quote_money: false,
        },
    );

    let networks = [
        Network {
            name: "instagram",
            followers: 18400.0,
            gain: 14.0,
            reach: 5200.0,
            posts: [true, false, true, false, true, false, true],
            engagement_rate: 0.034,
            viral: 0.02,
        },
        Network {
            name: "tiktok",
            followers: 9600.0,
            gain: 22.0,
            reach: 7400.0,
            posts: [false, true, false, true, false, true, false],
            engagement_rate: 0.047,
            viral: 0.04,
        },
    ];
    let rows = gen_social(
        &mut Rng::new(&format!("{id}/social")),
        &model,
        &networks,
        &mut daily,
    );
    write_social(
        dir,
        "social-insights.json",
        &rows,
        "Dar Al Oud",
        SocialShape::DataRows,
    );

    let reviews = Reviews {
        per_day: 2.2,
        growth: 0.1,
        weekday: [1.0, 0.9, 0.9, 1.0, 1.1, 1.1, 1.0],
        seasonal: 1.0,
        stars: [0.02, 0.02, 0.05, 0.2, 0.71],
        reply: 0.85,
        events: |_| 1.0,
    };
    let rows = gen_reviews(&mut Rng::new(&format!("{id}/reviews")), &model, &reviews);
    write_reviews(
        dir,
        "reviews.csv",
        &rows,
        &ReviewsFormat {
            headers: ["Date", "Metric", "Value"],
            names: ["New reviews", "Average rating", "Replies"],
            delimiter: ',',
            decimal: '.',
            date: DateFmt::Iso,
        },
    );

    let web = Web {
        channels: vec![
            channel("Organic Search", Traffic::Base(210.0), 0.018),
            channel("Paid Search", Traffic::Ads(0.92), 0.026),
            channel("Direct", Traffic::Base(120.0), 0.03),
            channel("Organic Social", Traffic::Social(40.0, 0.06), 0.009),
            channel("Referral", Traffic::Base(25.0), 0.02),
        ],
        conversion_events: no_change,
        calls: None,
        aov: Some(640.0),
        outage: None,
    };
    let rows = gen_web(&mut Rng::new(&format!("{id}/web")), &model, &web, &daily);
    write_web(
        dir,
        "web-analytics.csv",
        &rows,
        &WebFormat {
            preamble: "",
            headers: &[
                "Date",
                "Channel",
                "Sessions",
                "Users",
                "New users",
                "Views",
                "Engaged sessions",
                "Purchases",
                "Revenue",
            ],
            delimiter: ',',
            decimal: '.',
            thousands: "",
            date: DateFmt::Iso,
        },
    );
}

// ---------------------------------------------------------------------------------------------
// Gelateria Dolce Vita — Mare Digitale: a franchise of four gelato shops, two in Italy (EUR) and
// two in Switzerland (CHF), rolled up by the `dolce-vita` group. Summer is the season; each
// shop has web analytics, Google Ads and reviews in the same Italian export formats.

/// What tells one shop from another: its size, its prices and how it grows.
struct Shop {
    id: &'static str,
    /// Sessions and ad budget relative to Milano's.
    size: f64,
    /// Prices in the shop's currency per euro of Milano's.
    price: f64,
    /// Conversion rate of its web traffic (orders of cakes and trays).
    cvr: f64,
    growth: f64,
}

fn dolce_vita_milano(dir: &Path) {
    let shop = Shop {
        id: "dolce-vita-milano",
        size: 1.0,
        price: 1.0,
        cvr: 0.03,
        growth: 0.12,
    };
    dolce_vita(dir, &shop);
}

fn dolce_vita_torino(dir: &Path) {
    let shop = Shop {
        id: "dolce-vita-torino",
        size: 0.7,
        price: 0.95,
        cvr: 0.034,
        growth: -0.04,
    };
    dolce_vita(dir, &shop);
}

fn dolce_vita_lugano(dir: &Path) {
    let shop = Shop {
        id: "dolce-vita-lugano",
        size: 0.45,
        price: 1.35,
        cvr: 0.028,
        growth: 0.2,
    };
    dolce_vita(dir, &shop);
}

fn dolce_vita_zurich(dir: &Path) {
    let shop = Shop {
        id: "dolce-vita-zurich",
        size: 0.8,
        price: 1.5,
        cvr: 0.025,
        growth: 0.05,
    };
    dolce_vita(dir, &shop);
}

fn dolce_vita(dir: &Path, shop: &Shop) {
    let model = Model {
        season: [
            0.55, 0.6, 0.78, 0.95, 1.15, 1.4, 1.6, 1.5, 1.15, 0.9, 0.7, 0.85,
        ],
        weekday: [0.8, 0.82, 0.88, 0.95, 1.12, 1.35, 1.25],
        growth: shop.growth,
        events: no_events,
    };
    let id = shop.id;
    let mut daily = Daily::default();
    let ads = Ads {
        campaigns: vec![
            Campaign {
                name: "Search - Gelateria vicino a me",
                budget: 14.0 * shop.size * shop.price,
                cpc: 0.55 * shop.price,
                ctr: 0.061,
                cvr: 0.06,
                value: 32.0 * shop.price,
                runs: ALWAYS,
                seasonal: 0.7,
            },
            Campaign {
                name: "Search - Torte gelato",
                budget: 9.0 * shop.size * shop.price,
                cpc: 0.8 * shop.price,
                ctr: 0.044,
                cvr: 0.045,
                value: 48.0 * shop.price,
                runs: ALWAYS,
                seasonal: 0.3,
            },
        ],
        budget_growth: 0.06,
        cpc_growth: 0.05,
        weekday: [0.9, 0.9, 0.95, 1.0, 1.1, 1.15, 1.0],
        spend_events: no_events,
        conversion_events: no_events,
    };
    let rows = gen_ads(
        &mut Rng::new(&format!("{id}/ads")),
        &model,
        &ads,
        &mut daily,
    );
    write_ads(
        dir,
        "google-ads.csv",
        &rows,
        &AdsFormat {
            headers: [
                "Giorno",
                "Campagna",
                "Costo",
                "Impressioni",
                "Clic",
                "Conversioni",
                "Valore conv.",
            ],
            delimiter: ';',
            decimal: ',',
            thousands: "",
            money_decimals: 2,
            quote_money: false,
        },
    );
    let reviews = Reviews {
        per_day: 0.9 * shop.size,
        growth: 0.1,
        weekday: [0.9, 0.8, 0.85, 0.9, 1.0, 1.3, 1.4],
        seasonal: 1.0,
        stars: [0.02, 0.03, 0.07, 0.2, 0.68],
        reply: 0.8,
        events: no_events,
    };
    let rows = gen_reviews(&mut Rng::new(&format!("{id}/reviews")), &model, &reviews);
    write_reviews(
        dir,
        "recensioni.csv",
        &rows,
        &ReviewsFormat {
            headers: ["Data", "Metrica", "Valore"],
            names: ["Nuove recensioni", "Valutazione media", "Risposte"],
            delimiter: ';',
            decimal: ',',
            date: DateFmt::DaySlash,
        },
    );
    let web = Web {
        channels: vec![
            channel("Organic Search", Traffic::Base(48.0 * shop.size), shop.cvr),
            channel("Paid Search", Traffic::Ads(0.95), shop.cvr * 1.3),
            channel("Direct", Traffic::Base(20.0 * shop.size), shop.cvr * 1.2),
            channel(
                "Organic Social",
                Traffic::Base(12.0 * shop.size),
                shop.cvr * 0.5,
            ),
        ],
        conversion_events: no_events,
        calls: None,
        aov: None,
        outage: None,
    };
    let rows = gen_web(&mut Rng::new(&format!("{id}/web")), &model, &web, &daily);
    write_web(
        dir,
        "sito-web.csv",
        &rows,
        &WebFormat {
            preamble: "",
            headers: &[
                "Data",
                "Canale",
                "Sessioni",
                "Utenti",
                "Nuovi utenti",
                "Visualizzazioni",
                "Sessioni con engagement",
                "Ordini",
            ],
            delimiter: ',',
            decimal: '.',
            thousands: "",
            date: DateFmt::DaySlash,
        },
    );
}

//! Channel metrics split by a dimension (sessions by channel, spend by campaign).

use std::collections::BTreeMap;

use crate::metrics::catalog::{Aggregation, CHANNELS};
use crate::metrics::dataset::{LOCATION, Slice};
use crate::metrics::platform::PLATFORM;
use crate::model::{Breakdown, BreakdownRow, Kpi};
use crate::period::Period;

use super::Context;

/// One breakdown per channel and dimension, ranked by the channel's first additive metric.
pub fn breakdowns(ctx: &Context, kpis: &[Kpi], top: usize) -> Vec<Breakdown> {
    let mut out = Vec::new();
    for channel in CHANNELS {
        let metrics: Vec<&Kpi> = kpis
            .iter()
            .filter(|k| k.channel == channel && k.value.is_some())
            .collect();
        let Some(rank) = metrics.iter().find(|k| {
            ctx.catalog
                .get(&k.id)
                .is_some_and(|m| matches!(m.aggregation, Aggregation::Sum))
        }) else {
            continue;
        };
        for dimension in ctx.data.dimensions(ctx.catalog, &rank.id) {
            let mut columns: Vec<String> = metrics
                .iter()
                .filter(|k| ctx.data.dimensions(ctx.catalog, &k.id).contains(&dimension))
                .map(|k| k.id.clone())
                .collect();
            let mut rank = rank.id.clone();
            let mut top = top.max(1);
            if dimension == PLATFORM || dimension == LOCATION {
                // Platforms compared on the channel's usual columns, ranked by the first (the
                // table's caption and the chart of shares name it); every platform shown.
                columns = platform_columns(channel, columns);
                rank = columns.first().cloned().unwrap_or(rank);
                top = usize::MAX - 1;
            }
            out.push(breakdown(ctx, channel, &dimension, &rank, columns, top));
        }
    }
    out
}

/// The columns agencies compare platforms on, where the channel has them; else the first four.
fn platform_columns(channel: &str, available: Vec<String>) -> Vec<String> {
    let preferred: &[&str] = match channel {
        "web" => &["web.sessions", "web.conversions", "web.conversion_rate"],
        "ads" => &["ads.spend", "ads.conversions", "ads.cpa", "ads.roas"],
        "seo" => &["seo.clicks", "seo.impressions", "seo.ctr"],
        "local" => &[
            "local.calls",
            "local.website_clicks",
            "local.directions",
            "local.views",
        ],
        "social" => &[
            "social.followers",
            "social.engagements",
            "social.engagement_rate",
        ],
        "reviews" => &["reviews.new", "reviews.rating"],
        "email" => &["email.delivered", "email.open_rate", "email.click_rate"],
        "shop" => &["shop.revenue", "shop.orders", "shop.average_order_value"],
        _ => &[],
    };
    let chosen: Vec<String> = available
        .iter()
        .filter(|m| preferred.contains(&m.as_str()))
        .cloned()
        .collect();
    if chosen.is_empty() {
        available.into_iter().take(4).collect()
    } else {
        chosen
    }
}

fn breakdown(
    ctx: &Context,
    channel: &str,
    dimension: &str,
    rank: &str,
    metrics: Vec<String>,
    top: usize,
) -> Breakdown {
    fn value(ctx: &Context, metric: &str, p: &Period, slice: Slice) -> Option<f64> {
        ctx.data.value(ctx.catalog, metric, p.start, p.end, slice)
    }
    let total = value(ctx, rank, ctx.period, Slice::All);
    let mut keys: Vec<(String, f64)> = ctx
        .data
        .dimension_values(rank, dimension, ctx.period)
        .into_iter()
        .map(|k| {
            let v = value(ctx, rank, ctx.period, Slice::Is(dimension, &k)).unwrap_or(0.0);
            (k, v)
        })
        .collect();
    // Largest first; ties by name so the order is stable.
    keys.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    // Rows of a breakdown fed by several platforms say which ones they come from.
    let several = dimension != PLATFORM && ctx.data.platforms(ctx.catalog, rank).len() > 1;
    let row = |key: Option<String>, members: usize, slice: Slice| {
        let collect = |p: Option<&Period>| -> BTreeMap<String, Option<f64>> {
            metrics
                .iter()
                .map(|m| (m.clone(), p.and_then(|p| value(ctx, m, p, slice))))
                .collect()
        };
        let share = value(ctx, rank, ctx.period, slice)
            .zip(total)
            .and_then(|(v, t)| (t != 0.0).then(|| v / t));
        let platforms = match (&key, several) {
            (Some(k), true) => ctx.data.platforms_with(rank, dimension, k, ctx.period),
            _ => Vec::new(),
        };
        BreakdownRow {
            key,
            members,
            values: collect(Some(ctx.period)),
            previous: collect(ctx.comparison),
            share,
            platforms,
        }
    };
    // An "other" row for a single leftover value would just hide it: show it instead.
    let shown = if keys.len() == top + 1 {
        keys.len()
    } else {
        top.min(keys.len())
    };
    let rows = keys[..shown]
        .iter()
        .map(|(k, _)| row(Some(k.clone()), 1, Slice::Is(dimension, k)))
        .collect();
    let rest: Vec<String> = keys[shown..].iter().map(|(k, _)| k.clone()).collect();
    let other = (!rest.is_empty()).then(|| row(None, rest.len(), Slice::Among(dimension, &rest)));
    let total = (dimension == PLATFORM).then(|| row(None, keys.len(), Slice::All));
    Breakdown {
        channel: channel.to_string(),
        dimension: dimension.to_string(),
        rank_metric: rank.to_string(),
        metrics,
        rows,
        other,
        total,
    }
}

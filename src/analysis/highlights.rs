//! The changes that matter most to the business, good and bad, as facts for the renderers to
//! phrase: revenue and leads before traffic and reach, the client's own priorities first.

use std::cmp::Ordering;

use crate::model::{Highlight, Kpi, Sentiment};

use super::Context;

/// Changes smaller than this are not news.
const MIN_CHANGE: f64 = 0.02;
/// At most this many good and this many bad highlights.
const PER_SENTIMENT: usize = 3;
/// A change counts at most this much (100 %) towards its score: doubling from a small base
/// must not outweigh revenue falling by a quarter.
const MAX_SIZE: f64 = 1.0;

/// Up to three wins and three concerns, each ranked by the client's `priorities` (in their
/// order), then by impact × √|change|. The group whose first highlight weighs more comes
/// first: in a month when revenue falls, the concerns lead.
pub fn highlights(ctx: &Context, kpis: &[Kpi], priorities: &[String]) -> Vec<Highlight> {
    let mut groups: Vec<Vec<Highlight>> = [Sentiment::Good, Sentiment::Bad]
        .into_iter()
        .map(|sentiment| {
            let mut movers: Vec<Highlight> = kpis
                .iter()
                // A change measured over incomplete data is not a fact.
                .filter(|k| {
                    k.sentiment == Some(sentiment)
                        && k.missing_days == 0
                        && k.previous_missing_days == Some(0)
                        && enough_base(ctx, kpis, &k.id, 0)
                })
                .filter_map(|k| mover(ctx, k, sentiment, priorities))
                .collect();
            movers.sort_by(|a, b| rank(a, b, priorities));
            movers.truncate(PER_SENTIMENT);
            movers
        })
        .collect();
    let leads = |g: &Vec<Highlight>| g.first().cloned();
    if let (Some(win), Some(concern)) = (leads(&groups[0]), leads(&groups[1]))
        && rank(&concern, &win, priorities) == Ordering::Less
    {
        groups.swap(0, 1);
    }
    groups.concat()
}

fn mover(ctx: &Context, k: &Kpi, sentiment: Sentiment, priorities: &[String]) -> Option<Highlight> {
    let pct = k.change_pct.filter(|p| p.abs() >= MIN_CHANGE)?;
    let (value, previous) = (k.value?, k.previous?);
    let impact = ctx.catalog.get(&k.id)?.impact();
    Some(Highlight {
        sentiment,
        metric: k.id.clone(),
        value,
        previous,
        change_pct: pct,
        change: value - previous,
        change_scale: k.change_scale,
        priority: priorities.contains(&k.id),
        score: impact * pct.abs().min(MAX_SIZE).sqrt(),
    })
}

/// The client's priorities first, in their order; then the higher score; then by id.
fn rank(a: &Highlight, b: &Highlight, priorities: &[String]) -> Ordering {
    let place = |h: &Highlight| {
        priorities
            .iter()
            .position(|p| *p == h.metric)
            .unwrap_or(usize::MAX)
    };
    place(a)
        .cmp(&place(b))
        .then_with(|| b.score.total_cmp(&a.score))
        .then_with(|| a.metric.cmp(&b.metric))
}

/// Whether the metric, and every metric it is computed from, reached its minimum base in
/// one of the periods: 6 reviews falling to 2, or a rating over them, is not news.
fn enough_base(ctx: &Context, kpis: &[Kpi], id: &str, depth: usize) -> bool {
    let Some(def) = ctx.catalog.get(id) else {
        return true;
    };
    let own = kpis.iter().find(|k| k.id == id).is_none_or(|k| {
        let largest = [k.value, k.previous]
            .into_iter()
            .flatten()
            .fold(0.0f64, |a, v| a.max(v.abs()));
        largest >= def.min_base()
    });
    // The catalog has no cycles; the depth only bounds the walk.
    own && (depth > 4
        || def
            .components()
            .iter()
            .all(|c| enough_base(ctx, kpis, c, depth + 1)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::months;

    fn report(days: &[(&str, f64, f64)], priorities: &[&str]) -> Vec<(Sentiment, String)> {
        months(days, priorities)
            .1
            .into_iter()
            .map(|h| (h.sentiment, h.metric))
            .collect()
    }

    fn concerns(h: &[(Sentiment, String)]) -> Vec<&str> {
        h.iter()
            .filter(|(s, _)| *s == Sentiment::Bad)
            .map(|(_, m)| m.as_str())
            .collect()
    }

    /// İzmir Deri's crisis month in miniature: traffic up, revenue and conversions down.
    const CRISIS: &[(&str, f64, f64)] = &[
        ("web.sessions", 3_500.0, 3_100.0),
        ("web.users", 3_100.0, 2_700.0),
        ("web.new_users", 2_300.0, 2_000.0),
        ("web.pageviews", 8_400.0, 7_300.0),
        ("web.conversions", 37.5, 50.0),
        ("web.revenue", 148_000.0, 193_500.0),
        ("reviews.new", 2.0 / 31.0, 6.0 / 30.0),
        ("reviews.rating", 3.0, 4.5),
    ];

    #[test]
    fn revenue_and_conversions_lead_when_they_fall_while_traffic_rises() {
        let h = report(CRISIS, &[]);
        let bad = concerns(&h);
        assert_eq!(bad[..2], ["web.revenue", "web.conversions"], "{h:?}");
        // The concerns weigh more than the wins in page views: they come first.
        assert_eq!(h[0], (Sentiment::Bad, "web.revenue".to_string()), "{h:?}");
        assert!(h.len() <= 6);
    }

    #[test]
    fn tiny_counts_and_what_is_computed_from_them_are_not_news() {
        let h = report(CRISIS, &[]);
        for tiny in ["reviews.new", "reviews.rating"] {
            assert!(!h.iter().any(|(_, m)| m == tiny), "{tiny} in {h:?}");
        }
    }

    #[test]
    fn a_clients_priorities_rank_first() {
        let h = report(CRISIS, &["web.pageviews", "web.conversions"]);
        let wins: Vec<&str> = h
            .iter()
            .filter(|(s, _)| *s == Sentiment::Good)
            .map(|(_, m)| m.as_str())
            .collect();
        assert_eq!(wins[0], "web.pageviews", "{h:?}");
        assert_eq!(concerns(&h)[0], "web.conversions", "{h:?}");
    }
}

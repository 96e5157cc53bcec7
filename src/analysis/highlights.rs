//! The biggest good and bad movers, as facts for the renderers to phrase.

use crate::model::{Highlight, Kpi, Sentiment};

/// Changes smaller than this are not news.
const MIN_CHANGE: f64 = 0.02;
/// At most this many good and this many bad highlights.
const PER_SENTIMENT: usize = 3;

pub fn highlights(kpis: &[Kpi]) -> Vec<Highlight> {
    let mut out = Vec::new();
    for sentiment in [Sentiment::Good, Sentiment::Bad] {
        let mut movers: Vec<Highlight> = kpis
            .iter()
            // A change measured over incomplete data is not a fact.
            .filter(|k| {
                k.sentiment == Some(sentiment)
                    && k.missing_days == 0
                    && k.previous_missing_days == Some(0)
            })
            .filter_map(|k| {
                let pct = k.change_pct.filter(|p| p.abs() >= MIN_CHANGE)?;
                Some(Highlight {
                    sentiment,
                    metric: k.id.clone(),
                    value: k.value?,
                    previous: k.previous?,
                    change_pct: pct,
                })
            })
            .collect();
        movers.sort_by(|a, b| {
            b.change_pct
                .abs()
                .total_cmp(&a.change_pct.abs())
                .then_with(|| a.metric.cmp(&b.metric))
        });
        movers.truncate(PER_SENTIMENT);
        out.extend(movers);
    }
    out
}

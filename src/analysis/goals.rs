//! Progress towards the client's targets, prorated to the report's period.

use crate::config::schema::GoalConfig;
use crate::metrics::dataset::Slice;
use crate::model::{GoalComparison, GoalProgress};

use super::Context;

pub fn goals(ctx: &Context, configured: &[GoalConfig]) -> Vec<GoalProgress> {
    configured
        .iter()
        .filter_map(|g| {
            let def = ctx.catalog.get(&g.metric.value)?;
            let (comparison, target) = match (g.at_least, g.at_most) {
                (Some(t), _) => (GoalComparison::AtLeast, t),
                (None, Some(t)) => (GoalComparison::AtMost, t),
                (None, None) => return None,
            };
            // 120 conversions a month means about 28 in a week; a rate or a rating does not scale.
            let period_target = if ctx.catalog.is_additive(&def.id) {
                target * ctx.period.length_in_months() / g.per.length_in_months()
            } else {
                target
            };
            let value = ctx.data.value(
                ctx.catalog,
                &def.id,
                ctx.period.start,
                ctx.period.end,
                Slice::All,
            );
            let progress = value.and_then(|v| (period_target != 0.0).then(|| v / period_target));
            let missing_days = ctx.period.days
                - ctx
                    .data
                    .covered_dates(ctx.catalog, &def.id, ctx.period, Slice::All)
                    .len() as u32;
            Some(GoalProgress {
                metric: def.id.clone(),
                label: g.label.clone().unwrap_or_else(|| def.label.clone()),
                label_configured: g.label.is_some(),
                comparison,
                target,
                per: g.per,
                period_target,
                value,
                progress,
                bar_scale: progress.unwrap_or(0.0).clamp(1.0, 1.5),
                // A sum with days missing can only grow: "at least" reached stands, and "at
                // most" exceeded stands; the other verdicts would rest on the missing days.
                met: value.and_then(|v| {
                    let met = match comparison {
                        GoalComparison::AtLeast => v >= period_target,
                        GoalComparison::AtMost => v <= period_target,
                    };
                    let open = missing_days > 0
                        && ctx.catalog.is_additive(&def.id)
                        && met != (comparison == GoalComparison::AtLeast);
                    (!open).then_some(met)
                }),
                missing_days,
                days_with_data: ctx.period.days.saturating_sub(missing_days),
            })
        })
        .collect()
}

//! Progress towards the client's targets, prorated to the report's period.

use crate::config::schema::GoalConfig;
use crate::metrics::dataset::Slice;
use crate::model::GoalProgress;

use super::Context;

pub fn goals(ctx: &Context, configured: &[GoalConfig]) -> Vec<GoalProgress> {
    configured
        .iter()
        .filter_map(|g| {
            let def = ctx.catalog.get(&g.metric.value)?;
            let (comparison, target) = match (g.at_least, g.at_most) {
                (Some(t), _) => ("at_least", t),
                (None, Some(t)) => ("at_most", t),
                (None, None) => return None,
            };
            // 120 conversions a month means about 28 in a week; a rate or a rating does not scale.
            let period_target = if def.aggregation.is_additive() {
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
            Some(GoalProgress {
                metric: def.id.clone(),
                label: g.label.clone().unwrap_or_else(|| def.label.clone()),
                comparison,
                target,
                per: g.per,
                period_target,
                value,
                progress: value.and_then(|v| (period_target != 0.0).then(|| v / period_target)),
                met: value.map(|v| {
                    if comparison == "at_least" {
                        v >= period_target
                    } else {
                        v <= period_target
                    }
                }),
                missing_days: ctx.period.days
                    - ctx
                        .data
                        .covered_dates(ctx.catalog, &def.id, ctx.period)
                        .len() as u32,
            })
        })
        .collect()
}

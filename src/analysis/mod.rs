//! Analysis: KPIs and their changes, daily series, breakdowns, goals, highlights and data
//! quality, computed once from a client's dataset for the report model.

mod breakdowns;
mod goals;
mod highlights;
mod kpis;
mod locations;
mod quality;
mod summary;
pub mod trends;
mod weekly;

pub use breakdowns::breakdowns;
pub use goals::goals;
pub use highlights::highlights;
pub use kpis::{kpis, series};
pub use locations::{LocationInput, locations};
pub use quality::{SourceMeta, SourceOutcome, data_quality};
pub use summary::{goal_standings, goal_tally, headline};
pub use trends::trends;
pub use weekly::{AVERAGE_WEEKS, four_week_averages, recent_weeks};

use crate::metrics::catalog::Catalog;
use crate::metrics::dataset::Dataset;
use crate::period::Period;

/// What every analysis step reads.
pub struct Context<'a> {
    pub catalog: &'a Catalog,
    pub data: &'a Dataset,
    pub period: &'a Period,
    pub comparison: Option<&'a Period>,
}

/// Reports of a month against the one before from constant daily values, for unit tests.
#[cfg(test)]
pub(crate) mod fixture {
    use super::{Context, highlights, kpis};
    use crate::metrics::catalog::Catalog;
    use crate::metrics::dataset::{Dataset, MetricSeries, Point};
    use crate::model::{Highlight, Kpi};
    use crate::period::Period;

    /// October 2026 against September: (metric, value per day now, value per day then).
    pub fn months(days: &[(&str, f64, f64)], priorities: &[&str]) -> (Vec<Kpi>, Vec<Highlight>) {
        let catalog = Catalog::builtin();
        let (period, comparison) = (Period::month(2026, 10), Period::month(2026, 9));
        let mut data = Dataset::default();
        for &(metric, now, then) in days {
            let mut points = Vec::new();
            for (p, value) in [(&comparison, then), (&period, now)] {
                points.extend(p.dates().map(|date| Point {
                    date,
                    dims: Default::default(),
                    value,
                }));
            }
            let series = MetricSeries {
                source: "web".into(),
                points,
                ..MetricSeries::default()
            };
            data.insert(metric.into(), series).unwrap();
        }
        let ctx = Context {
            catalog: &catalog,
            data: &data,
            period: &period,
            comparison: Some(&comparison),
        };
        let kpis = kpis(&ctx);
        let priorities: Vec<String> = priorities.iter().map(|p| p.to_string()).collect();
        let highlights = highlights(&ctx, &kpis, &priorities);
        (kpis, highlights)
    }
}

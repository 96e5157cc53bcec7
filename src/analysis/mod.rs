//! Analysis: KPIs and their changes, daily series, breakdowns, goals, highlights and data
//! quality, computed once from a client's dataset for the report model.

mod breakdowns;
mod goals;
mod highlights;
mod kpis;
mod quality;

pub use breakdowns::breakdowns;
pub use goals::goals;
pub use highlights::highlights;
pub use kpis::{kpis, series};
pub use quality::{SourceMeta, SourceOutcome, data_quality};

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

//! What a metric's change means to a business: how much it matters (revenue before page
//! views), how it is read (a rate moves in points, a rating by a difference) and how small a
//! change is no news. Analysis reads these to colour changes and rank highlights.

use super::catalog::{ChangeScale, DailyShape, MetricDef, Unit};

/// The impact of a metric that sets none: traffic's, below leads and money, above reach.
pub const DEFAULT_IMPACT: f64 = 2.0;

/// Built-in impacts: money and leads first (the site's own totals a little before the share
/// the ad platform attributes to itself), then what they cost and convert at, traffic, and
/// reach last. Metrics not listed get [`DEFAULT_IMPACT`].
const IMPACT: &[(&str, f64)] = &[
    ("web.revenue", 10.0),
    ("shop.revenue", 10.0),
    ("shop.orders", 8.0),
    ("shop.average_order_value", 4.0),
    ("ads.conversion_value", 9.0),
    ("web.conversions", 8.0),
    ("ads.conversions", 7.0),
    ("local.calls", 8.0),
    ("ads.cpa", 6.0),
    ("ads.roas", 6.0),
    ("web.conversion_rate", 5.0),
    ("ads.conversion_rate", 5.0),
    ("reviews.rating", 5.0),
    ("local.directions", 4.0),
    ("local.website_clicks", 3.0),
    ("ads.cpc", 3.0),
    ("email.clicks", 3.0),
    ("web.sessions", 2.0),
    ("web.engaged_sessions", 2.0),
    ("web.engagement_rate", 2.0),
    ("ads.clicks", 2.0),
    ("ads.ctr", 2.0),
    ("seo.clicks", 2.0),
    ("seo.position", 2.0),
    ("seo.ctr", 2.0),
    ("reviews.new", 2.0),
    ("reviews.response_rate", 2.0),
    ("email.click_rate", 2.0),
    ("social.engagements", 1.5),
    ("social.engagement_rate", 1.5),
    ("email.open_rate", 1.5),
    ("web.users", 1.0),
    ("web.new_users", 1.0),
    ("web.pageviews", 1.0),
    ("ads.impressions", 1.0),
    ("seo.impressions", 1.0),
    ("local.views", 1.0),
    ("local.views_search", 1.0),
    ("local.views_maps", 1.0),
    ("social.followers", 1.0),
    ("social.impressions", 1.0),
    ("reviews.responded", 1.0),
    ("email.delivered", 1.0),
    ("email.opens", 1.0),
];

/// Built-in metrics counted on the days something happens: a newsletter goes out on a few
/// days (its opens and clicks with it), reviews arrive now and then.
const EVENTS: &[&str] = &[
    "email.delivered",
    "email.opens",
    "email.clicks",
    "email.sent",
    "email.bounces",
    "email.unsubscribes",
    "reviews.new",
    "reviews.responded",
];

/// Counts below this (in both periods) are too few for their change to be news.
const MIN_COUNT: f64 = 20.0;

/// The search position moves by places, not percent; a tenth of a place is no news. (A
/// custom metric cannot take a built-in id, so looking these up by id is safe.)
const POSITION: &str = "seo.position";

impl MetricDef {
    /// Its own `impact`, else the built-in one, else [`DEFAULT_IMPACT`].
    pub fn impact(&self) -> f64 {
        self.impact
            .or_else(|| {
                IMPACT
                    .iter()
                    .find(|(id, _)| *id == self.id)
                    .map(|&(_, w)| w)
            })
            .unwrap_or(DEFAULT_IMPACT)
    }

    pub fn change_scale(&self) -> ChangeScale {
        if self.id == POSITION && self.change.is_none() {
            return ChangeScale::Absolute;
        }
        self.change.unwrap_or(match self.unit {
            Unit::Ratio => ChangeScale::Points,
            Unit::Rating => ChangeScale::Absolute,
            Unit::Count | Unit::Money | Unit::Number => ChangeScale::Relative,
        })
    }

    /// Changes below this, in the change's own terms, are neutral: 1 % of the value,
    /// 0.1 percentage points of a rate, 0.05 stars.
    pub fn neutral_below(&self) -> f64 {
        if self.id == POSITION && self.neutral_below.is_none() {
            return 0.1;
        }
        self.neutral_below.unwrap_or(match self.change_scale() {
            ChangeScale::Relative => 0.01,
            ChangeScale::Points => 0.001,
            ChangeScale::Absolute => 0.05,
        })
    }

    /// Its own `daily`, else events for the built-in event counts, else continuous.
    pub fn daily_shape(&self) -> DailyShape {
        self.daily.unwrap_or(if EVENTS.contains(&self.id.as_str()) {
            DailyShape::Events
        } else {
            DailyShape::Continuous
        })
    }

    /// The value a count must reach in one of the periods for its change to be a highlight;
    /// 0 for what is not a count (a ratio is judged by the counts it divides).
    pub fn min_base(&self) -> f64 {
        self.min_base.unwrap_or(if self.unit == Unit::Count {
            MIN_COUNT
        } else {
            0.0
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::catalog::Catalog;

    #[test]
    fn money_and_leads_outweigh_traffic_and_reach() {
        let c = Catalog::builtin();
        let impact = |id| c.get(id).unwrap().impact();
        assert!(impact("web.revenue") > impact("web.conversions"));
        assert!(impact("web.conversions") > impact("ads.cpa"));
        assert!(impact("ads.cpa") > impact("web.sessions"));
        assert!(impact("web.sessions") > impact("web.pageviews"));
        for (id, _) in IMPACT {
            assert!(c.get(id).is_some(), "{id} is not in the catalog");
        }
    }

    #[test]
    fn rates_move_in_points_ratings_and_positions_by_differences() {
        let c = Catalog::builtin();
        let scale = |id| c.get(id).unwrap().change_scale();
        assert_eq!(scale("web.conversion_rate"), ChangeScale::Points);
        assert_eq!(scale("reviews.rating"), ChangeScale::Absolute);
        assert_eq!(scale("seo.position"), ChangeScale::Absolute);
        assert_eq!(scale("ads.roas"), ChangeScale::Relative);
        assert_eq!(scale("web.revenue"), ChangeScale::Relative);
    }
}

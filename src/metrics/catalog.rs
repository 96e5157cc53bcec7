//! The metric catalog: every metric's id, unit, aggregation rule and which direction is good.
//!
//! The aggregation rule is what keeps the numbers right: ratios are recomputed from summed
//! components, averages are weighted, stock metrics take the period's last value.

use serde::{Deserialize, Serialize};

use super::formula::Formula;

/// How a metric's change is measured and written (`metrics::semantics` gives the defaults).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeScale {
    /// In percent of the previous value: `+12.3 %` (counts, money, ROAS).
    Relative,
    /// In percentage points: `+0.4 pp` (rates; the values are fractions).
    Points,
    /// As a difference of the values: `+0.2` (star ratings, search positions).
    Absolute,
}

/// What a value measures; renderers format by unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A count of things (sessions, clicks).
    Count,
    /// Money in major units of the client's currency.
    Money,
    /// A fraction (0.034 = 3.4 %).
    Ratio,
    /// A plain number such as a ROAS multiple or an average search position.
    Number,
    /// A star rating from 1 to 5.
    Rating,
}

/// Which direction of change is good news for the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
    Neutral,
}

/// What a metric's days are: a level measured every day, or events on some days only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DailyShape {
    /// Every day has a level (sessions, spend): drawn as a line.
    Continuous,
    /// Things that happen on some days (a newsletter sent, a review received): a day
    /// without one is not a point of a curve, so the days are drawn as bars.
    Events,
}

/// How daily values combine into a period value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Aggregation {
    /// Additive: the sum of the daily values.
    Sum,
    /// Unique counts (users) given per day: the period value is the sum of daily uniques,
    /// which over-counts returning visitors, and is labelled as such.
    SumOfDailyUniques,
    /// Stock (followers): the last value in the period.
    Last,
    /// A mean weighted by another metric (position by impressions, rating by new reviews).
    WeightedMean { weight: String },
    /// A ratio of two summed metrics (CTR = clicks / impressions).
    Ratio {
        numerator: String,
        denominator: String,
    },
    /// A calculated metric (`formula: ads.spend / (web.conversions + local.calls)`), computed
    /// from the period values of the metrics it names.
    Formula(Formula),
}

impl Aggregation {
    /// Whether a goal on this metric scales with the length of the period (see also
    /// [`Catalog::is_additive`], which knows formulas that only add sums).
    pub fn is_additive(&self) -> bool {
        matches!(self, Self::Sum | Self::SumOfDailyUniques)
    }

    /// Whether the metric is computed from others, so no source may give it.
    pub fn is_computed(&self) -> bool {
        matches!(self, Self::Ratio { .. } | Self::Formula(_))
    }
}

/// One metric of the catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricDef {
    /// `channel.name`, e.g. `ads.ctr`.
    pub id: String,
    /// English label; translated labels come from the locale catalogs.
    pub label: String,
    pub unit: Unit,
    pub aggregation: Aggregation,
    #[serde(default = "default_direction")]
    pub good: Direction,
    /// One-line definition shown in the report's data notes.
    #[serde(default)]
    pub definition: String,
    /// How much a change of this metric matters to the client's business (revenue 10, reach
    /// 1), for ranking highlights; default: the built-in metric's, else 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<f64>,
    /// How its change is read; default by unit: rates in points, ratings as differences,
    /// the rest in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<ChangeScale>,
    /// Changes smaller than this, in the change's own terms (0.01 = 1 % or 1 point), are
    /// neutral: neither good nor bad news.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neutral_below: Option<f64>,
    /// The smallest value (of the metric, or of the counts it is computed from) whose change
    /// may be a highlight: 2 reviews falling to 1 is not news.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_base: Option<f64>,
    /// `continuous` or `events` (drawn as bars); default: the built-in metric's, else
    /// continuous.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily: Option<DailyShape>,
}

/// A count summed per day, up is good: what a custom metric is unless it says otherwise.
impl Default for MetricDef {
    fn default() -> Self {
        MetricDef {
            id: String::new(),
            label: String::new(),
            unit: Unit::Count,
            aggregation: Aggregation::Sum,
            good: Direction::Up,
            definition: String::new(),
            impact: None,
            change: None,
            neutral_below: None,
            min_base: None,
            daily: None,
        }
    }
}

fn default_direction() -> Direction {
    Direction::Up
}

impl MetricDef {
    /// The channel a metric belongs to: the part of its id before the first dot.
    pub fn channel(&self) -> &str {
        self.id.split('.').next().unwrap_or(&self.id)
    }
}

/// Built-in metrics plus the workspace's own, in display order.
#[derive(Debug, Clone)]
pub struct Catalog {
    metrics: Vec<MetricDef>,
    /// Each metric's place, by id (looked up by the thousand per report: hashed).
    index: crate::FastMap<String, usize>,
}

/// The channels in the order a report shows them.
pub const CHANNELS: [&str; 8] = [
    "web", "ads", "seo", "local", "social", "reviews", "email", "shop",
];

impl Catalog {
    pub fn builtin() -> Self {
        Self::with_custom(Vec::new()).expect("built-in catalog is consistent")
    }

    /// The built-in catalog extended with custom metrics (checked for unknown components).
    pub fn with_custom(custom: Vec<MetricDef>) -> Result<Self, String> {
        let mut metrics = builtin_metrics();
        for def in custom {
            if let Some(problem) = def.settings_problem() {
                return Err(problem);
            }
            if metrics.iter().any(|m| m.id == def.id) {
                return Err(format!(
                    "metric {:?} is already defined by the built-in catalog",
                    def.id
                ));
            }
            metrics.push(def);
        }
        let index = metrics
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.clone(), i))
            .collect();
        let catalog = Self { metrics, index };
        for m in &catalog.metrics {
            for component in m.components() {
                if catalog.get(component).is_none() {
                    return Err(format!(
                        "metric {:?} refers to unknown metric {component:?}",
                        m.id
                    ));
                }
            }
        }
        // A metric computed from itself (directly or through others) could never be computed.
        for m in &catalog.metrics {
            let mut path = vec![m.id.as_str()];
            if let Some(cycle) = catalog.cycle_from(m, &mut path) {
                return Err(format!(
                    "metric {:?} is computed from itself: {}; expected components that are \
                     computed without it",
                    m.id, cycle
                ));
            }
        }
        Ok(catalog)
    }

    /// The first chain of components from `m` back to a metric already on `path`.
    fn cycle_from<'a>(&'a self, m: &'a MetricDef, path: &mut Vec<&'a str>) -> Option<String> {
        for component in m.components() {
            if path.contains(&component) {
                path.push(component);
                return Some(path.join(" → "));
            }
            let Some(next) = self.get(component) else {
                continue;
            };
            path.push(component);
            if let Some(cycle) = self.cycle_from(next, path) {
                return Some(cycle);
            }
            path.pop();
        }
        None
    }

    pub fn get(&self, id: &str) -> Option<&MetricDef> {
        self.index.get(id).map(|&i| &self.metrics[i])
    }

    pub fn iter(&self) -> impl Iterator<Item = &MetricDef> {
        self.metrics.iter()
    }

    /// Ids of all metrics, for "expected one of" messages.
    pub fn ids(&self) -> Vec<&str> {
        self.metrics.iter().map(|m| m.id.as_str()).collect()
    }

    /// Whether the metric's period value is a sum of daily values: sums, and formulas that
    /// only add and subtract sums. Such values scale with the period's length.
    pub fn is_additive(&self, id: &str) -> bool {
        match self.get(id).map(|m| &m.aggregation) {
            Some(Aggregation::Formula(f)) => f.is_sum(&|part| self.is_additive(part)),
            Some(a) => a.is_additive(),
            None => false,
        }
    }

    /// Position in display order (catalog order).
    pub fn position(&self, id: &str) -> usize {
        self.index.get(id).copied().unwrap_or(usize::MAX)
    }
}

impl MetricDef {
    /// What is wrong with the metric's own settings, if anything.
    fn settings_problem(&self) -> Option<String> {
        [
            ("impact", self.impact),
            ("neutral_below", self.neutral_below),
            ("min_base", self.min_base),
        ]
        .into_iter()
        .find(|(_, v)| v.is_some_and(|v| !v.is_finite() || v < 0.0))
        .map(|(name, v)| {
            format!(
                "metric {:?} has {name}: {}; expected a number of 0 or more such as {}",
                self.id,
                v.unwrap_or_default(),
                if name == "impact" { "8" } else { "0.01" }
            )
        })
    }

    /// Metrics this one is computed from (ratio parts, weights).
    pub fn components(&self) -> Vec<&str> {
        match &self.aggregation {
            Aggregation::Ratio {
                numerator,
                denominator,
            } => vec![numerator, denominator],
            Aggregation::WeightedMean { weight } => vec![weight],
            Aggregation::Formula(f) => f.metrics(),
            _ => Vec::new(),
        }
    }
}

fn builtin_metrics() -> Vec<MetricDef> {
    use Aggregation::{Last, Sum, SumOfDailyUniques, WeightedMean};
    use Direction::*;
    use Unit::{Count, Money, Number, Rating};
    let m = |id: &str, label: &str, unit, aggregation, good, definition: &str| MetricDef {
        id: id.into(),
        label: label.into(),
        unit,
        aggregation,
        good,
        definition: definition.into(),
        ..MetricDef::default()
    };
    let ratio = |n: &str, d: &str| Aggregation::Ratio {
        numerator: n.into(),
        denominator: d.into(),
    };
    let weighted = |w: &str| WeightedMean { weight: w.into() };
    vec![
        m(
            "web.sessions",
            "Sessions",
            Count,
            Sum,
            Up,
            "Visits to the website.",
        ),
        m(
            "web.users",
            "Users",
            Count,
            SumOfDailyUniques,
            Up,
            "Sum of daily unique users; a person visiting on several days counts once per day.",
        ),
        m(
            "web.new_users",
            "New users",
            Count,
            Sum,
            Up,
            "First-time visitors.",
        ),
        m(
            "web.pageviews",
            "Page views",
            Count,
            Sum,
            Up,
            "Pages viewed.",
        ),
        m(
            "web.engaged_sessions",
            "Engaged sessions",
            Count,
            Sum,
            Up,
            "Sessions that lasted 10 s or more, converted, or viewed 2+ pages.",
        ),
        m(
            "web.conversions",
            "Website conversions",
            Count,
            Sum,
            Up,
            "Key events completed on the website.",
        ),
        m(
            "web.revenue",
            "Website revenue",
            Money,
            Sum,
            Up,
            "Revenue recorded on the website.",
        ),
        m(
            "web.engagement_rate",
            "Engagement rate",
            Unit::Ratio,
            ratio("web.engaged_sessions", "web.sessions"),
            Up,
            "Engaged sessions ÷ sessions.",
        ),
        m(
            "web.conversion_rate",
            "Website conversion rate",
            Unit::Ratio,
            ratio("web.conversions", "web.sessions"),
            Up,
            "Conversions ÷ sessions.",
        ),
        m(
            "ads.spend",
            "Ad spend",
            Money,
            Sum,
            Neutral,
            "Amount spent on paid advertising.",
        ),
        m(
            "ads.impressions",
            "Ad impressions",
            Count,
            Sum,
            Up,
            "Times an ad was shown.",
        ),
        m("ads.clicks", "Ad clicks", Count, Sum, Up, "Clicks on ads."),
        m(
            "ads.conversions",
            "Ad conversions",
            Count,
            Sum,
            Up,
            "Conversions attributed to ads.",
        ),
        m(
            "ads.conversion_value",
            "Conversion value",
            Money,
            Sum,
            Up,
            "Value of the conversions attributed to ads.",
        ),
        m(
            "ads.ctr",
            "Ad CTR",
            Unit::Ratio,
            ratio("ads.clicks", "ads.impressions"),
            Up,
            "Clicks ÷ impressions.",
        ),
        m(
            "ads.cpc",
            "Cost per click",
            Money,
            ratio("ads.spend", "ads.clicks"),
            Down,
            "Spend ÷ clicks.",
        ),
        m(
            "ads.cpa",
            "Cost per conversion",
            Money,
            ratio("ads.spend", "ads.conversions"),
            Down,
            "Spend ÷ conversions.",
        ),
        m(
            "ads.roas",
            "ROAS",
            Number,
            ratio("ads.conversion_value", "ads.spend"),
            Up,
            "Conversion value ÷ spend.",
        ),
        m(
            "ads.conversion_rate",
            "Ad conversion rate",
            Unit::Ratio,
            ratio("ads.conversions", "ads.clicks"),
            Up,
            "Conversions ÷ clicks.",
        ),
        m(
            "seo.clicks",
            "Organic clicks",
            Count,
            Sum,
            Up,
            "Clicks from Google Search results.",
        ),
        m(
            "seo.impressions",
            "Search impressions",
            Count,
            Sum,
            Up,
            "Times the site appeared in Google Search results.",
        ),
        m(
            "seo.position",
            "Average position",
            Number,
            weighted("seo.impressions"),
            Down,
            "Average ranking position, weighted by impressions.",
        ),
        m(
            "seo.ctr",
            "Search CTR",
            Unit::Ratio,
            ratio("seo.clicks", "seo.impressions"),
            Up,
            "Clicks ÷ impressions.",
        ),
        m(
            "local.views",
            "Profile views",
            Count,
            Sum,
            Up,
            "Views of the Business Profile on Google Search and Maps, mobile and desktop (one person counts once a day).",
        ),
        m(
            "local.calls",
            "Calls",
            Count,
            Sum,
            Up,
            "Taps on the profile's call button.",
        ),
        m(
            "local.directions",
            "Direction requests",
            Count,
            Sum,
            Up,
            "Requests for directions to the business.",
        ),
        m(
            "local.website_clicks",
            "Website clicks",
            Count,
            Sum,
            Up,
            "Clicks on the website link of the profile.",
        ),
        m(
            "local.views_search",
            "Views on Search",
            Count,
            Sum,
            Up,
            "Profile views on Google Search, mobile and desktop.",
        ),
        m(
            "local.views_maps",
            "Views on Maps",
            Count,
            Sum,
            Up,
            "Profile views on Google Maps, mobile and desktop.",
        ),
        m(
            "social.followers",
            "Followers",
            Count,
            Last,
            Up,
            "Followers at the end of the period.",
        ),
        m(
            "social.impressions",
            "Social impressions",
            Count,
            Sum,
            Up,
            "Times posts were shown.",
        ),
        m(
            "social.engagements",
            "Social engagements",
            Count,
            Sum,
            Up,
            "Reactions, comments, shares and saves.",
        ),
        m(
            "social.engagement_rate",
            "Social engagement rate",
            Unit::Ratio,
            ratio("social.engagements", "social.impressions"),
            Up,
            "Engagements ÷ impressions.",
        ),
        m(
            "reviews.new",
            "New reviews",
            Count,
            Sum,
            Up,
            "Reviews received.",
        ),
        m(
            "reviews.rating",
            "Average rating",
            Rating,
            weighted("reviews.new"),
            Up,
            "Mean star rating of the period's reviews, weighted by their number.",
        ),
        m(
            "reviews.responded",
            "Reviews answered",
            Count,
            Sum,
            Up,
            "Reviews the business replied to.",
        ),
        m(
            "reviews.response_rate",
            "Response rate",
            Unit::Ratio,
            ratio("reviews.responded", "reviews.new"),
            Up,
            "Reviews answered ÷ new reviews.",
        ),
        m(
            "email.delivered",
            "Emails delivered",
            Count,
            Sum,
            Up,
            "Emails that reached an inbox.",
        ),
        m(
            "email.opens",
            "Email opens",
            Count,
            Sum,
            Up,
            "Unique opens.",
        ),
        m(
            "email.clicks",
            "Email clicks",
            Count,
            Sum,
            Up,
            "Unique clicks.",
        ),
        m(
            "email.open_rate",
            "Open rate",
            Unit::Ratio,
            ratio("email.opens", "email.delivered"),
            Up,
            "Opens ÷ delivered.",
        ),
        m(
            "email.click_rate",
            "Click rate",
            Unit::Ratio,
            ratio("email.clicks", "email.delivered"),
            Up,
            "Clicks ÷ delivered.",
        ),
        m(
            "social.video_views",
            "Video views",
            Count,
            Sum,
            Up,
            "Times the channel's videos were watched.",
        ),
        m(
            "social.watch_minutes",
            "Watch time (minutes)",
            Count,
            Sum,
            Up,
            "Minutes spent watching the channel's videos.",
        ),
        m(
            "social.net_followers",
            "Net new followers",
            Count,
            Sum,
            Up,
            "Followers gained less followers lost.",
        ),
        m(
            "email.sent",
            "Emails sent",
            Count,
            Sum,
            Up,
            "Emails sent to the list, delivered or not.",
        ),
        m(
            "email.bounces",
            "Bounces",
            Count,
            Sum,
            Down,
            "Emails the receiving server refused, for good or for now.",
        ),
        m(
            "email.unsubscribes",
            "Unsubscribes",
            Count,
            Sum,
            Down,
            "People who left the list from the period's emails.",
        ),
        m(
            "shop.revenue",
            "Shop revenue",
            Money,
            Sum,
            Up,
            "Current totals of the period's orders, after refunds; cancelled and test orders left out.",
        ),
        m(
            "shop.orders",
            "Orders",
            Count,
            Sum,
            Up,
            "Orders placed, cancelled and test orders left out.",
        ),
        m(
            "shop.average_order_value",
            "Average order value",
            Money,
            ratio("shop.revenue", "shop.orders"),
            Up,
            "Shop revenue ÷ orders.",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_channel_has_metrics_and_components_exist() {
        let c = Catalog::builtin();
        for ch in CHANNELS {
            assert!(c.iter().any(|m| m.channel() == ch), "{ch}");
        }
        assert_eq!(c.get("ads.cpc").unwrap().good, Direction::Down);
        assert_eq!(c.get("ads.spend").unwrap().good, Direction::Neutral);
    }

    #[test]
    fn custom_metrics_must_not_shadow_or_dangle() {
        let dup = MetricDef {
            id: "web.sessions".into(),
            label: "x".into(),
            unit: Unit::Count,
            aggregation: Aggregation::Sum,
            ..MetricDef::default()
        };
        assert!(Catalog::with_custom(vec![dup.clone()]).is_err());
        let dangling = MetricDef {
            id: "web.calls_rate".into(),
            aggregation: Aggregation::Ratio {
                numerator: "web.calls".into(),
                denominator: "web.sessions".into(),
            },
            ..dup
        };
        let err = Catalog::with_custom(vec![dangling]).unwrap_err();
        assert!(err.contains("web.calls"), "{err}");
    }
}

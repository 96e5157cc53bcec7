//! How a goal reads: its target without decimals it does not have, how far along it is in
//! words, and how a weekly or quarterly target became this report's.

use fluent_bundle::FluentValue;

use crate::config::schema::GoalPer;
use crate::locale::{Formats, Locale};
use crate::metrics::catalog::Unit;
use crate::period::PeriodKind;
use crate::report::model::{GoalComparison, GoalProgress};

/// A target as a client would write it: `12`, not `12.00`; `4.5`; `30%`; money whole when it
/// is whole or in the hundreds, else with the currency's own digits (`$12.50`, `￥4,000`).
pub(super) fn target(fmt: &Formats, v: f64, unit: Unit, currency: &str) -> String {
    match unit {
        Unit::Money if is_whole(v) || v.abs() >= 100.0 => fmt.money_with(v, currency, false, 0),
        Unit::Money => fmt.money(v, currency, false),
        Unit::Ratio => fmt.percent(v, digits(v * 100.0, if v.abs() < 0.1 { 2 } else { 1 })),
        // A prorated count (80 a week → 348 this month) is whole; a small one keeps a tenth.
        Unit::Count => fmt.number(v, if v.abs() >= 10.0 { 0 } else { digits(v, 1) }),
        Unit::Number | Unit::Rating => fmt.number(v, digits(v, 2)),
    }
}

fn is_whole(v: f64) -> bool {
    (v - v.round()).abs() < 1e-9
}

/// The fewest fraction digits, up to `max`, that write `v` as it is at `max` digits.
fn digits(v: f64, max: usize) -> usize {
    let at = |d: usize| (v * 10f64.powi(d as i32)).round() / 10f64.powi(d as i32);
    (0..max)
        .find(|&d| (at(d) - at(max)).abs() < 1e-9)
        .unwrap_or(max)
}

/// `112% of target`, or for an "at most" goal how much of the allowance is used
/// (`85% of the limit`); none without a value.
pub(super) fn progress(l: &Locale, g: &GoalProgress) -> Option<String> {
    let p = g.progress?;
    let key = match g.comparison {
        GoalComparison::AtLeast => "goal-progress",
        GoalComparison::AtMost => "goal-of-limit",
    };
    Some(l.text(key, &[("progress", of_target(&l.fmt, p).into())]))
}

/// A share of a target, whole unless rounding would carry it onto 100 %: a missed goal at
/// 99.6 % never reads "100 % of target", nor does 100.4 % of a limit.
pub(super) fn of_target(fmt: &Formats, p: f64) -> String {
    let reads_full = |d: i32| ((p * 100.0 * 10f64.powi(d)).round() / 10f64.powi(d)) == 100.0;
    let exact = (p - 1.0).abs() < 1e-12;
    let d = (0..2).find(|&d| reads_full(d) == exact).unwrap_or(2);
    fmt.percent(p, d as usize)
}

/// `30 a week, so 130 this month`, when the target was set for another length of period
/// than the report's and so was prorated; none when the two read alike.
pub(super) fn prorating(
    l: &Locale,
    g: &GoalProgress,
    period: PeriodKind,
    write: impl Fn(f64) -> String,
) -> Option<String> {
    let (stated, this) = (write(g.target), write(g.period_target));
    if stated == this {
        return None;
    }
    let per = match g.per {
        GoalPer::Week => "week",
        GoalPer::Month => "month",
        GoalPer::Quarter => "quarter",
    };
    let period = match period {
        PeriodKind::Week => "week",
        PeriodKind::Month => "month",
        PeriodKind::Quarter => "quarter",
        PeriodKind::MonthToDate | PeriodKind::Custom => "other",
    };
    Some(l.text(
        "goal-prorated",
        &[
            ("target", stated.into()),
            ("per", FluentValue::from(per)),
            ("period_target", this.into()),
            ("period", FluentValue::from(period)),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_have_no_decimals_they_do_not_need() {
        let en = Formats::new("en-US", false);
        assert_eq!(target(&en, 12.0, Unit::Number, "USD"), "12");
        assert_eq!(target(&en, 1.4, Unit::Number, "USD"), "1.4");
        assert_eq!(target(&en, 4.5, Unit::Rating, "USD"), "4.5");
        assert_eq!(target(&en, 0.3, Unit::Ratio, "USD"), "30%");
        assert_eq!(target(&en, 0.045, Unit::Ratio, "USD"), "4.5%");
        assert_eq!(target(&en, 347.83, Unit::Count, "USD"), "348");
        assert_eq!(target(&en, 60.0, Unit::Money, "USD"), "$60");
        assert_eq!(target(&en, 12.5, Unit::Money, "USD"), "$12.50");
        assert_eq!(target(&en, 5434.78, Unit::Money, "USD"), "$5,435");
        let ja = Formats::new("ja-JP", false);
        assert_eq!(target(&ja, 4000.0, Unit::Money, "JPY"), "￥4,000");
    }

    #[test]
    fn a_share_of_target_never_rounds_onto_a_full_hundred() {
        let en = Formats::new("en-US", false);
        assert_eq!(of_target(&en, 1.0), "100%");
        assert_eq!(of_target(&en, 1.35), "135%");
        assert_eq!(of_target(&en, 0.994), "99%");
        assert_eq!(of_target(&en, 0.996), "99.6%");
        assert_eq!(of_target(&en, 1.004), "100.4%");
        assert_eq!(of_target(&en, 0.9996), "99.96%");
    }
}

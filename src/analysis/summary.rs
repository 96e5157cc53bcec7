//! The executive one-pager's verdict (issue 18): a headline from the top concern and the top
//! win, and each goal's standing for the scoreboard. Facts only: no cause is guessed.

use chrono::{Datelike, NaiveDate};

use crate::model::{
    GoalComparison, GoalProgress, GoalStanding, GoalStatus, GoalTally, HeadlineKind, Highlight,
    Sentiment, SummaryHeadline,
};
use crate::period::{Period, PeriodKind};

use super::Context;

/// Each goal's standing. `today` is the report's day: a period that ends on or after it is
/// still under way and is judged at the pace of its days so far.
pub fn goal_standings(
    ctx: &Context,
    goals: &[GoalProgress],
    today: NaiveDate,
) -> Vec<GoalStanding> {
    let p = ctx.period;
    let under_way = if p.kind == PeriodKind::MonthToDate {
        // The target is prorated to the days so far; the month has more.
        let month = Period::month(p.start.year(), p.start.month());
        Some(UnderWay {
            share: f64::from(p.days) / f64::from(month.days.max(1)),
            prorated: true,
        })
    } else if p.end >= today {
        let elapsed = (today - p.start).num_days().clamp(0, i64::from(p.days));
        Some(UnderWay {
            share: elapsed as f64 / f64::from(p.days.max(1)),
            prorated: false,
        })
    } else {
        None
    };
    goals
        .iter()
        .map(|g| GoalStanding {
            metric: g.metric.clone(),
            status: standing(g, ctx.catalog.is_additive(&g.metric), under_way),
            of_target: g.progress,
        })
        .collect()
}

/// A period still under way.
#[derive(Debug, Clone, Copy)]
pub struct UnderWay {
    /// The share of the whole (month) that has passed.
    pub share: f64,
    /// Whether the goal's period target is already prorated to the days so far (month to date).
    pub prorated: bool,
}

/// A goal's status; `under_way` for a period not yet over (None for a complete period).
pub fn standing(g: &GoalProgress, additive: bool, under_way: Option<UnderWay>) -> GoalStatus {
    let Some(progress) = g.progress.filter(|_| g.value.is_some()) else {
        return GoalStatus::NotJudged;
    };
    let Some(UnderWay { share, prorated }) = under_way else {
        return match g.met {
            Some(true) => GoalStatus::Met,
            Some(false) => GoalStatus::Missed,
            None => GoalStatus::NotJudged,
        };
    };
    if share <= 0.0 {
        return GoalStatus::NotJudged;
    }
    // A sum's progress towards the whole period's target, and at the pace of the days so far.
    let (whole, pace) = match (additive, prorated) {
        (true, true) => (progress * share, progress),
        (true, false) => (progress, progress / share),
        (false, _) => (progress, progress),
    };
    // A sum only grows: "at least" reached is met, "at most" exceeded is missed already.
    if additive {
        match g.comparison {
            GoalComparison::AtLeast if whole >= 1.0 => return GoalStatus::Met,
            GoalComparison::AtMost if whole > 1.0 => return GoalStatus::Missed,
            _ => {}
        }
    }
    let on_track = match g.comparison {
        GoalComparison::AtLeast => pace >= 1.0,
        GoalComparison::AtMost => pace <= 1.0,
    };
    if on_track {
        GoalStatus::OnTrack
    } else {
        GoalStatus::Behind
    }
}

/// The headline: the leading highlight (concerns lead when they weigh more) and the top one
/// of the other kind, or the top two of the only kind there is, and the goals' tally. Without
/// highlights, `incomplete` (days missing in either period) says the changes cannot be told.
pub fn headline(
    highlights: &[Highlight],
    standings: &[GoalStanding],
    incomplete: bool,
) -> SummaryHeadline {
    let first = |s: Sentiment| highlights.iter().filter(move |h| h.sentiment == s);
    let (win, concern) = (first(Sentiment::Good).next(), first(Sentiment::Bad).next());
    let (kind, facts): (HeadlineKind, Vec<&Highlight>) = match (win, concern) {
        (Some(w), Some(c)) if highlights.first().map(|h| h.sentiment) == Some(Sentiment::Bad) => {
            (HeadlineKind::ConcernOverWin, vec![c, w])
        }
        (Some(w), Some(c)) => (HeadlineKind::WinOverConcern, vec![w, c]),
        (Some(_), None) => (HeadlineKind::Wins, first(Sentiment::Good).take(2).collect()),
        (None, Some(_)) => (
            HeadlineKind::Concerns,
            first(Sentiment::Bad).take(2).collect(),
        ),
        (None, None) if incomplete => (HeadlineKind::Incomplete, Vec::new()),
        (None, None) => (HeadlineKind::Steady, Vec::new()),
    };
    let goals = goal_tally(standings);
    SummaryHeadline {
        kind,
        metrics: facts.iter().map(|h| h.metric.clone()).collect(),
        facts: facts.into_iter().cloned().collect(),
        goals,
    }
}

/// Goals counted by where they stand.
pub fn goal_tally(standings: &[GoalStanding]) -> GoalTally {
    let mut goals = GoalTally {
        total: standings.len() as u32,
        ..GoalTally::default()
    };
    for s in standings {
        *match s.status {
            GoalStatus::Met => &mut goals.met,
            GoalStatus::OnTrack => &mut goals.on_track,
            GoalStatus::Behind => &mut goals.behind,
            GoalStatus::Missed => &mut goals.missed,
            GoalStatus::NotJudged => &mut goals.not_judged,
        } += 1;
    }
    goals
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::months;
    use crate::config::schema::GoalPer;

    #[test]
    fn revenue_falling_while_traffic_rises_leads_the_headline() {
        let (_, highlights) = months(
            &[
                ("web.sessions", 3_500.0, 3_100.0),
                ("web.conversions", 37.5, 50.0),
                ("web.revenue", 148_000.0, 193_500.0),
            ],
            &[],
        );
        let h = headline(&highlights, &[], false);
        assert_eq!(h.kind, HeadlineKind::ConcernOverWin);
        assert_eq!(h.metrics, ["web.revenue", "web.sessions"]);
    }

    #[test]
    fn only_wins_name_the_top_two_and_a_quiet_month_is_steady() {
        let (_, highlights) = months(
            &[
                ("web.sessions", 3_500.0, 3_100.0),
                ("web.conversions", 60.0, 50.0),
            ],
            &[],
        );
        let h = headline(&highlights, &[], false);
        assert_eq!(h.kind, HeadlineKind::Wins);
        // Conversions and the rate computed from them lead; sessions come third.
        assert_eq!(h.metrics, ["web.conversions", "web.conversion_rate"]);
        // The same total in October (31 days) as in September (30).
        let (_, none) = months(&[("web.sessions", 3_000.0 * 30.0 / 31.0, 3_000.0)], &[]);
        assert_eq!(headline(&none, &[], false).kind, HeadlineKind::Steady);
        assert_eq!(headline(&none, &[], true).kind, HeadlineKind::Incomplete);
    }

    fn goal(comparison: GoalComparison, value: f64, met: Option<bool>) -> GoalProgress {
        GoalProgress {
            metric: "web.conversions".into(),
            label: "Conversions".into(),
            label_configured: false,
            comparison,
            target: 100.0,
            per: GoalPer::Month,
            period_target: 100.0,
            value: Some(value),
            progress: Some(value / 100.0),
            bar_scale: 1.0,
            met,
            missing_days: 0,
            days_with_data: 31,
        }
    }

    #[test]
    fn complete_periods_are_met_or_missed_and_partial_ones_on_track_or_behind() {
        use GoalComparison::{AtLeast, AtMost};
        use GoalStatus::*;
        assert_eq!(standing(&goal(AtLeast, 120.0, Some(true)), true, None), Met);
        assert_eq!(
            standing(&goal(AtLeast, 80.0, Some(false)), true, None),
            Missed
        );
        assert_eq!(standing(&goal(AtLeast, 80.0, None), true, None), NotJudged);
        // Half the month gone: 60 of 100 is ahead of pace, 40 behind it.
        let half = Some(UnderWay {
            share: 0.5,
            prorated: false,
        });
        assert_eq!(standing(&goal(AtLeast, 60.0, None), true, half), OnTrack);
        assert_eq!(standing(&goal(AtLeast, 40.0, None), true, half), Behind);
        assert_eq!(standing(&goal(AtLeast, 100.0, None), true, half), Met);
        // A spend cap already passed is missed; a rate is judged as it stands.
        assert_eq!(standing(&goal(AtMost, 110.0, None), true, half), Missed);
        assert_eq!(standing(&goal(AtMost, 90.0, None), false, half), OnTrack);
        // Month to date the target is prorated: 120 % of it is on track, not yet met.
        let to_date = Some(UnderWay {
            share: 0.5,
            prorated: true,
        });
        assert_eq!(
            standing(&goal(AtLeast, 120.0, None), true, to_date),
            OnTrack
        );
        assert_eq!(standing(&goal(AtLeast, 90.0, None), true, to_date), Behind);
    }
}

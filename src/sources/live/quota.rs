//! Quota-aware pacing shared by every worker of a batch.
//!
//! Each request draws on a budget: a GA4 property, a Google Ads customer, a Meta Page or ad
//! account, a Search Console site, a Business Profile location, an HTTP host. A budget limits
//! its requests in flight (`api.concurrency`, default from the platform's documented limit)
//! and is fed by what the platform says: GA4's `propertyQuota` tokens left, Meta's usage
//! percentages, a 429's delay. Near the end of a budget its requests are spaced out; when it
//! is exhausted, its requests wait if the platform gives access back within two minutes, else
//! they stop with a [`Hold`] that postpones the report (the batch records it in the ledger so
//! that a later run does not ask before the time either).

use std::collections::HashMap;
use std::fmt;
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Timelike, Utc};

/// The longest wait a request sits out; longer, and the report is postponed.
pub const MAX_WAIT: Duration = Duration::from_secs(120);
/// The widest spacing between two requests of a budget near its end.
const MAX_SPACING: Duration = Duration::from_secs(1);
/// Usage (in percent) from which Meta's requests are spaced out.
const PACE_FROM_PERCENT: f64 = 75.0;
/// Requests' worth of GA4 tokens left under which requests are spaced out.
const PACE_FROM_REQUESTS: i64 = 50;

/// The budget a request draws on: a platform and what it counts by.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BudgetKey {
    /// "GA4", "Google Ads", "Meta", …
    pub platform: String,
    /// "property 123", "ad account act_42", "host api.example.com".
    pub scope: String,
}

impl fmt::Display for BudgetKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.platform, self.scope)
    }
}

/// A budget exhausted until a time: the reports that need it are postponed until then.
#[derive(Debug, Clone, PartialEq)]
pub struct Hold {
    pub key: BudgetKey,
    /// What ran out, in the platform's terms ("hourly quota", "business 12 pages").
    pub what: String,
    pub until: DateTime<Utc>,
}

impl fmt::Display for Hold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} exhausted, resumes at {}",
            self.key,
            self.what,
            self.until.format("%Y-%m-%d %H:%M UTC")
        )
    }
}

/// A GA4 token quota (`tokensPerHour`, `tokensPerDay`, `tokensPerProjectPerHour`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenQuota {
    Hourly,
    Daily,
    ProjectHourly,
}

impl TokenQuota {
    pub fn name(self) -> &'static str {
        match self {
            TokenQuota::Hourly => "hourly quota",
            TokenQuota::Daily => "daily quota",
            TokenQuota::ProjectHourly => "project hourly quota",
        }
    }

    /// When the quota is surely back: hourly ones "refresh within an hour" (an hour from now,
    /// to the next minute), daily ones at midnight Pacific time.
    /// <https://developers.google.com/analytics/devguides/reporting/data/v1/quotas>
    pub fn refills(self, now: DateTime<Utc>) -> DateTime<Utc> {
        let next_hour = |t: DateTime<Utc>| {
            let minute = t
                .with_second(0)
                .and_then(|t| t.with_nanosecond(0))
                .unwrap_or(t);
            minute + chrono::Duration::minutes(61)
        };
        match self {
            TokenQuota::Hourly | TokenQuota::ProjectHourly => next_hour(now),
            TokenQuota::Daily => {
                let pacific = now.with_timezone(&chrono_tz::America::Los_Angeles);
                let tomorrow = pacific
                    .date_naive()
                    .succ_opt()
                    .unwrap_or(pacific.date_naive());
                tomorrow
                    .and_hms_opt(0, 0, 0)
                    .and_then(|t| {
                        t.and_local_timezone(chrono_tz::America::Los_Angeles)
                            .earliest()
                    })
                    .map_or(next_hour(now), |t| t.with_timezone(&Utc))
            }
        }
    }
}

/// What a platform said about a budget.
#[derive(Debug, Clone)]
pub enum Signal {
    /// GA4: tokens this request consumed and tokens left in a quota.
    Tokens {
        quota: TokenQuota,
        consumed: i64,
        remaining: i64,
    },
    /// Meta: percent of a limit used, and when access returns if it is blocked.
    Usage {
        what: String,
        percent: f64,
        regain: Option<Duration>,
    },
    /// A throttle answer: no request before `wait` has passed.
    Throttled { what: String, wait: Duration },
}

#[derive(Debug, Default)]
struct Budget {
    in_flight: usize,
    /// Spacing between requests near the end of the budget.
    spacing: Duration,
    /// When the last request was let go: the next one goes `spacing` later.
    last_start: Option<Instant>,
    paused: Option<Hold>,
    /// GA4: tokens left per quota as last announced, and the window they are for.
    tokens: Vec<(TokenQuota, i64, DateTime<Utc>)>,
    /// The most tokens one request has cost; reserved for each request in flight.
    cost: i64,
}

/// Every budget of a process.
#[derive(Debug, Default)]
pub struct Budgets {
    budgets: Mutex<HashMap<BudgetKey, Budget>>,
    freed: Condvar,
}

/// A request admitted by its budget; frees its place when dropped.
pub struct Permit<'a> {
    budgets: &'a Budgets,
    key: BudgetKey,
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        let mut all = self.budgets.lock();
        if let Some(b) = all.get_mut(&self.key) {
            b.in_flight = b.in_flight.saturating_sub(1);
        }
        self.budgets.freed.notify_all();
    }
}

impl Budgets {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<BudgetKey, Budget>> {
        self.budgets
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Waits until `key` admits one more request (at most `limit` in flight, spaced out near
    /// the end of the budget), or says until when it is exhausted.
    pub fn acquire(&self, key: &BudgetKey, limit: usize) -> Result<Permit<'_>, Hold> {
        let mut all = self.lock();
        loop {
            let now = Utc::now();
            let b = all.entry(key.clone()).or_default();
            if let Some(hold) = &b.paused {
                let wait = (hold.until - now).to_std().unwrap_or(Duration::ZERO);
                if hold.until <= now {
                    b.paused = None;
                } else if wait > MAX_WAIT {
                    return Err(hold.clone());
                } else {
                    drop(all);
                    std::thread::sleep(wait);
                    all = self.lock();
                    continue;
                }
            }
            // Tokens left, less those of the requests in flight, must pay for one more.
            b.tokens.retain(|(_, _, window_end)| *window_end > now);
            let reserved = b.cost * (b.in_flight as i64 + 1);
            if let Some(&(quota, _, until)) = b
                .tokens
                .iter()
                .find(|(_, left, _)| b.cost > 0 && *left < reserved)
            {
                let hold = Hold {
                    key: key.clone(),
                    what: quota.name().to_string(),
                    until,
                };
                if b.in_flight == 0 {
                    b.paused = Some(hold.clone());
                    return Err(hold);
                }
                // Requests in flight may report more left than feared: wait for them.
                all = self.freed.wait(all).unwrap_or_else(|e| e.into_inner());
                continue;
            }
            if b.in_flight >= limit.max(1) {
                all = self.freed.wait(all).unwrap_or_else(|e| e.into_inner());
                continue;
            }
            let instant = Instant::now();
            let start = b
                .last_start
                .map_or(instant, |t| (t + b.spacing).max(instant));
            b.last_start = Some(start);
            b.in_flight += 1;
            drop(all);
            std::thread::sleep(start - instant);
            return Ok(Permit {
                budgets: self,
                key: key.clone(),
            });
        }
    }

    /// Takes in what the platform said about `key`; returns a line for the operator when the
    /// budget starts being paced or is exhausted.
    pub fn observe(&self, key: &BudgetKey, signal: Signal) -> Option<String> {
        let now = Utc::now();
        let mut all = self.lock();
        let b = all.entry(key.clone()).or_default();
        let before = (b.spacing, b.paused.is_some());
        match signal {
            Signal::Tokens {
                quota,
                consumed,
                remaining,
            } => {
                b.cost = b.cost.max(consumed.max(1));
                let until = quota.refills(now);
                match b.tokens.iter_mut().find(|(q, _, _)| *q == quota) {
                    // Answers may arrive out of order: the least left is the latest.
                    Some(entry) if entry.2 == until => entry.1 = entry.1.min(remaining),
                    Some(entry) => *entry = (quota, remaining, until),
                    None => b.tokens.push((quota, remaining, until)),
                }
                let left = b.tokens.iter().map(|(_, left, _)| *left).min().unwrap_or(0);
                let requests = left / b.cost;
                b.spacing = if requests < PACE_FROM_REQUESTS {
                    let window = (until - now).to_std().unwrap_or(Duration::ZERO);
                    (window / (requests.max(1) as u32)).min(MAX_SPACING)
                } else {
                    Duration::ZERO
                };
            }
            Signal::Usage {
                what,
                percent,
                regain,
            } => {
                if percent >= 100.0 || regain.is_some() {
                    let wait = regain.unwrap_or(Duration::from_secs(60));
                    pause(b, key, what, now, wait);
                } else {
                    let over = ((percent - PACE_FROM_PERCENT) / (100.0 - PACE_FROM_PERCENT))
                        .clamp(0.0, 1.0);
                    // A fresh reading replaces the pacing of the last one.
                    b.spacing = MAX_SPACING.mul_f64(over);
                }
            }
            Signal::Throttled { what, wait } => pause(b, key, what, now, wait),
        }
        let after = (b.spacing, b.paused.is_some());
        if after == before {
            return None;
        }
        Some(match &b.paused {
            Some(hold) => format!("{hold}"),
            None if b.spacing.is_zero() => format!("{key}: no longer paced"),
            None => format!(
                "{key}: near its limit, one request every {:.1} s",
                b.spacing.as_secs_f64()
            ),
        })
    }

    /// A hold read back from the ledger (this batch's, an earlier one's or another machine's):
    /// no request before its time; a later hold already known stays.
    pub fn restore(&self, hold: Hold) {
        if hold.until > Utc::now() {
            let mut all = self.lock();
            let b = all.entry(hold.key.clone()).or_default();
            if b.paused.as_ref().is_none_or(|h| h.until < hold.until) {
                b.paused = Some(hold);
            }
        }
    }
}

fn pause(b: &mut Budget, key: &BudgetKey, what: String, now: DateTime<Utc>, wait: Duration) {
    let until = now + chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::hours(1));
    if b.paused.as_ref().is_none_or(|h| h.until < until) {
        b.paused = Some(Hold {
            key: key.clone(),
            what,
            until,
        });
    }
}

/// Meta's usage headers as signals: the pacing follows the highest figure.
pub fn meta_usage(headers: &reqwest::header::HeaderMap, _body: &[u8]) -> Vec<Signal> {
    let worst = super::errors::meta::usage(headers)
        .into_iter()
        .max_by(|a, b| a.percent.total_cmp(&b.percent));
    worst
        .map(|u| Signal::Usage {
            what: u.name,
            percent: u.percent,
            regain: u.regain,
        })
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> BudgetKey {
        BudgetKey {
            platform: "GA4".into(),
            scope: "property 123".into(),
        }
    }

    #[test]
    fn tokens_near_the_end_space_requests_then_hold_them() {
        let budgets = Budgets::default();
        let k = key();
        drop(budgets.acquire(&k, 10).unwrap());
        let tokens = |remaining| Signal::Tokens {
            quota: TokenQuota::Hourly,
            consumed: 10,
            remaining,
        };
        assert_eq!(budgets.observe(&k, tokens(39_000)), None);
        let line = budgets.observe(&k, tokens(300)).unwrap();
        assert!(line.contains("near its limit"), "{line}");
        let hold = budgets.observe(&k, tokens(5));
        assert_eq!(hold, None, "held on the next request, not before");
        let hold = budgets.acquire(&k, 10).err().unwrap();
        assert_eq!(hold.what, "hourly quota");
        assert!(hold.until > Utc::now() + chrono::Duration::minutes(60));
        assert!(
            hold.to_string()
                .starts_with("GA4 property 123: hourly quota exhausted, resumes at ")
        );
        // Every later request of the budget is held at once.
        assert!(budgets.acquire(&k, 10).is_err());
    }

    #[test]
    fn usage_paces_and_short_throttles_are_waited_for() {
        let budgets = Budgets::default();
        let k = key();
        let line = budgets.observe(
            &k,
            Signal::Usage {
                what: "app".into(),
                percent: 95.0,
                regain: None,
            },
        );
        assert!(line.unwrap().contains("one request every 0.8 s"));
        budgets.observe(
            &k,
            Signal::Throttled {
                what: "rate limit".into(),
                wait: Duration::from_millis(300),
            },
        );
        let t = Instant::now();
        drop(budgets.acquire(&k, 1).unwrap());
        assert!(t.elapsed() >= Duration::from_millis(250));
        budgets.observe(
            &k,
            Signal::Throttled {
                what: "rate limit".into(),
                wait: Duration::from_secs(600),
            },
        );
        assert!(budgets.acquire(&k, 1).is_err());
    }

    #[test]
    fn a_restored_hold_never_shortens_a_later_one() {
        let budgets = Budgets::default();
        let k = key();
        let hold = |minutes| Hold {
            key: k.clone(),
            what: "hourly quota".into(),
            until: Utc::now() + chrono::Duration::minutes(minutes),
        };
        budgets.restore(hold(30));
        budgets.restore(hold(10));
        let held = budgets.acquire(&k, 1).err().unwrap();
        assert!(held.until > Utc::now() + chrono::Duration::minutes(29));
        // A hold whose time is over is no hold.
        let free = Budgets::default();
        free.restore(hold(-1));
        assert!(free.acquire(&k, 1).is_ok());
    }

    #[test]
    fn daily_quotas_refill_at_midnight_pacific() {
        let now: DateTime<Utc> = "2026-12-04T13:20:00Z".parse().unwrap();
        assert_eq!(
            TokenQuota::Hourly.refills(now).to_rfc3339(),
            "2026-12-04T14:21:00+00:00"
        );
        assert_eq!(
            TokenQuota::Daily.refills(now).to_rfc3339(),
            "2026-12-05T08:00:00+00:00"
        );
    }
}

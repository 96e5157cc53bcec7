//! The executive one-pager (issue 18): the headline sentence, wins and concerns, the goals'
//! scoreboard and the agency's next steps, phrased from the model's facts.

use serde::Serialize;

use super::{HighlightView, SectionBody, SectionBuilder, SummaryLabels, capitalize};
use crate::locale::phrasing::mid_sentence;
use crate::metrics::catalog::{ChangeScale, Unit};
use crate::render::markdown::{TextBlock, TextKind};
use crate::report::model::{GoalStatus, HeadlineKind, Highlight, Kpi, Sentiment};

/// At most this many next steps on the one-pager.
const MAX_NEXT_STEPS: usize = 4;

/// A goal on the summary's scoreboard.
#[derive(Debug, Clone, Serialize)]
pub struct ScoreView {
    pub label: String,
    pub status: GoalStatus,
    /// "Met", "On track", "Behind", "Missed", "Not judged".
    pub status_text: String,
    /// "87% of target", or empty without data.
    pub of_target: String,
}

impl SectionBuilder<'_> {
    pub(super) fn summary(&self) -> SectionBody {
        let r = self.report();
        let l = self.l();
        let tiles = r
            .summary
            .iter()
            .filter_map(|id| self.kpi(id))
            .map(|k| self.tile(k, true))
            .collect();
        let phrased = |s: Sentiment| -> Vec<HighlightView> {
            r.highlights
                .iter()
                .filter(|h| h.sentiment == s)
                .filter_map(|h| self.highlight(h))
                .collect()
        };
        let compared_with = self
            .names
            .comparison
            .as_ref()
            .map(|name| self.names.comparison_text(l, "compared-with", name));
        SectionBody::Summary {
            compared_with,
            headline: self.headline(),
            tiles,
            wins: phrased(Sentiment::Good),
            concerns: phrased(Sentiment::Bad),
            scoreboard: self.scoreboard(),
            next_steps: self.next_steps(),
            labels: Box::new(SummaryLabels {
                wins: l.t("summary-wins"),
                concerns: l.t("summary-concerns"),
                none: l.t("summary-none"),
                goals: l.t("summary-goals"),
                next_steps: l.t("summary-next-steps"),
            }),
        }
    }

    /// "Revenue fell 23.5% to ₺4.6M."
    fn highlight(&self, h: &Highlight) -> Option<HighlightView> {
        let k = self.kpi(&h.metric)?;
        let key = if h.value >= h.previous {
            "highlight-up"
        } else {
            "highlight-down"
        };
        // The value as its tile writes it; the change as its scale reads it.
        let (value, _) = self.value_pair(k)?;
        let l = self.l();
        let (unit, scale) = unit_and_scale(k);
        // Japanese counts take a counter (2,279回, 242件, 6,687人), chosen by the catalog.
        let value = l.text(
            "value-counted",
            &[
                ("value", value.into()),
                ("metric", h.metric.replace('.', "-").into()),
                ("unit", unit.into()),
            ],
        );
        Some(HighlightView {
            text: l.text(
                key,
                &[
                    ("metric", self.metric_label(&h.metric).into()),
                    ("change", self.change_text(k, false)?.into()),
                    ("value", value.into()),
                    ("unit", unit.into()),
                    ("scale", scale.into()),
                ],
            ),
            sentiment: h.sentiment,
        })
    }

    /// The model's headline in one of the catalog's sentence patterns, then the goals' tally.
    fn headline(&self) -> String {
        let r = self.report();
        let l = self.l();
        let h = &r.summary_headline;
        let mut args: Vec<(&str, fluent_bundle::FluentValue)> =
            vec![("period", self.names.period.clone().into())];
        for (fact, name) in h.facts.iter().zip(["lead", "other"]) {
            let Some(k) = self.kpi(&fact.metric) else {
                continue;
            };
            let label = mid_sentence(&self.metric_label(&fact.metric), &l.tag);
            let trend = if fact.value >= fact.previous {
                "up"
            } else {
                "down"
            };
            let change = self.change_text(k, false).unwrap_or_default();
            let (label_key, trend_key, change_key, unit_key, scale_key) = match name {
                "lead" => (
                    "lead",
                    "lead-trend",
                    "lead-change",
                    "lead-unit",
                    "lead-scale",
                ),
                _ => (
                    "other",
                    "other-trend",
                    "other-change",
                    "other-unit",
                    "other-scale",
                ),
            };
            let (unit, scale) = unit_and_scale(k);
            args.push((unit_key, unit.into()));
            args.push((scale_key, scale.into()));
            args.push((label_key, label.into()));
            args.push((trend_key, trend.into()));
            args.push((change_key, change.into()));
        }
        let key = match (h.kind, h.facts.len()) {
            (HeadlineKind::ConcernOverWin, 2) => "headline-concern-over-win",
            (HeadlineKind::WinOverConcern, 2) => "headline-win-over-concern",
            (HeadlineKind::Wins | HeadlineKind::Concerns, 2) => "headline-two",
            (HeadlineKind::Incomplete, _) => "headline-incomplete",
            (HeadlineKind::Steady, _) | (_, 0) => "headline-steady",
            _ => "headline-one",
        };
        let mut sentence = l.text(key, &args);
        let g = &h.goals;
        let (state, count) = if g.missed > 0 {
            ("missed", g.missed)
        } else if g.behind > 0 {
            ("behind", g.behind)
        } else if g.on_track > 0 && g.met + g.on_track == g.total {
            ("on-track", g.on_track + g.met)
        } else {
            ("met", g.met)
        };
        if g.total > 0 && (state != "met" || g.met > 0) {
            let goals = l.text(
                "headline-goals",
                &[
                    ("state", state.into()),
                    ("count", count.into()),
                    ("total", g.total.into()),
                    ("all", if count == g.total { "yes" } else { "no" }.into()),
                ],
            );
            sentence = format!("{sentence}{}{goals}", l.t("headline-joiner"));
        }
        capitalize(&sentence)
    }

    fn scoreboard(&self) -> Vec<ScoreView> {
        let r = self.report();
        let l = self.l();
        r.goals
            .iter()
            .zip(&r.goal_standings)
            .map(|(g, s)| ScoreView {
                // The agency's own words, else the metric's name in the report's language.
                label: if g.label_configured {
                    g.label.clone()
                } else {
                    self.metric_label(&g.metric)
                },
                status: s.status,
                status_text: l.t(match s.status {
                    GoalStatus::Met => "goal-status-met",
                    GoalStatus::OnTrack => "goal-status-on-track",
                    GoalStatus::Behind => "goal-status-behind",
                    GoalStatus::Missed => "goal-status-missed",
                    GoalStatus::NotJudged => "goal-status-not-judged",
                }),
                of_target: s.of_target.map_or_else(String::new, |p| {
                    l.text(
                        "goal-progress",
                        &[("progress", super::goals::of_target(&l.fmt, p).into())],
                    )
                }),
            })
            .collect()
    }

    /// The agency's next steps, when its commentary has them under a heading the catalog
    /// knows (in the report's language or in English).
    fn next_steps(&self) -> Vec<String> {
        let Some(markdown) = self.report().commentary.as_deref() else {
            return Vec::new();
        };
        let l = self.l();
        let headings: Vec<String> = [
            Some(l.t("next-steps-headings")),
            l.english("next-steps-headings"),
        ]
        .into_iter()
        .flatten()
        .flat_map(|list| list.split('|').map(normalize).collect::<Vec<_>>())
        .filter(|h| !h.is_empty())
        .collect();
        // "**Next month:** we move …" reads as a list item "We move …".
        next_steps(&crate::render::markdown::to_blocks(markdown), &headings)
            .iter()
            .map(|step| capitalize(step))
            .collect()
    }
}

/// A heading as compared: trimmed, without its colon, lower case.
fn normalize(s: &str) -> String {
    s.trim().trim_end_matches([':', '：']).trim().to_lowercase()
}

/// The items under a next-steps heading (a Markdown heading, or a paragraph or list item that
/// opens with it in bold, "**Next month:** we …"); else a list that ends the commentary after
/// a line that announces it ("We will:").
pub fn next_steps(blocks: &[TextBlock], headings: &[String]) -> Vec<String> {
    let known = |text: &str| {
        let text = normalize(text);
        !text.is_empty()
            && headings
                .iter()
                .any(|h| text == *h || text.starts_with(h.as_str()))
    };
    let mut steps = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        let rest = &blocks[i + 1..];
        if b.kind == TextKind::Heading && known(&b.text) {
            steps = rest
                .iter()
                .take_while(|n| n.kind != TextKind::Heading)
                .filter(|n| n.level <= 1 && n.kind != TextKind::Code)
                .map(|n| n.text.clone())
                .collect();
        } else if let Some(lead) = b.spans.first().filter(|s| s.bold && known(&s.text)) {
            let after = b.text[lead.text.len()..].trim();
            steps = if after.is_empty() {
                rest.iter()
                    .take_while(|n| n.kind == TextKind::Item && n.level > b.level)
                    .filter(|n| n.level == b.level + 1)
                    .map(|n| n.text.clone())
                    .collect()
            } else {
                vec![after.to_string()]
            };
        }
        if !steps.is_empty() {
            steps.truncate(MAX_NEXT_STEPS);
            return steps;
        }
    }
    let tail = blocks
        .iter()
        .rev()
        .take_while(|b| b.kind == TextKind::Item)
        .count();
    let announced = blocks.len() > tail
        && blocks[blocks.len() - tail - 1]
            .text
            .trim_end()
            .ends_with([':', '：']);
    if tail > 0 && announced {
        steps = blocks[blocks.len() - tail..]
            .iter()
            .filter(|b| b.level == 1)
            .map(|b| b.text.clone())
            .take(MAX_NEXT_STEPS)
            .collect();
    }
    steps
}

/// What a KPI measures and how its change reads, for catalogs whose words depend on them
/// (ja rates rise in ポイント with 上昇/低下, counts grow with 増加/減少; it "di 0,4 p.p." but
/// "del 3,4%").
fn unit_and_scale(k: &Kpi) -> (&'static str, &'static str) {
    let unit = match k.unit {
        Unit::Count => "count",
        Unit::Money => "money",
        Unit::Ratio => "ratio",
        Unit::Number => "number",
        Unit::Rating => "rating",
    };
    let scale = match k.change_scale {
        ChangeScale::Relative => "relative",
        ChangeScale::Points => "points",
        ChangeScale::Absolute => "absolute",
    };
    (unit, scale)
}

#[cfg(test)]
mod tests {
    use super::next_steps;
    use crate::render::markdown::to_blocks;

    fn steps(md: &str) -> Vec<String> {
        next_steps(&to_blocks(md), &["next steps".into(), "next month".into()])
    }

    #[test]
    fn next_steps_come_from_a_heading_a_bold_lead_or_an_announced_final_list() {
        assert_eq!(
            steps(
                "Good month.\n\n## Next steps\n\n- Move budget\n- Test a page\n\n## Other\n\n- x\n"
            ),
            ["Move budget", "Test a page"]
        );
        assert_eq!(
            steps("- **Ads:** fine\n\n**Next month:** we move 10% of the budget.\n"),
            ["we move 10% of the budget."]
        );
        assert_eq!(
            steps("Results.\n\nThis month we will:\n\n- call back leads\n- fix checkout\n"),
            ["call back leads", "fix checkout"]
        );
        // A list of results is not a plan.
        assert!(steps("Results:\n\n**Ads** did well.\n\n- Sessions up\n- Leads up\n").is_empty());
    }
}

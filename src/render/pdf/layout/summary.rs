//! The executive one-pager in print: headline, tiles, wins and concerns side by side, the
//! goals' scoreboard and the agency's next steps, on one page. When it would not fit, fewer
//! tiles (then fewer next steps and highlights) are shown rather than spilling onto a second.

use super::flow::Block;
use super::section::{BODY, SMALL};
use super::{Item, Layout, tagged, truncate_to};
use crate::charts::geometry::Anchor;
use crate::render::pdf::PdfError;
use crate::render::pdf::palette::Rgb;
use crate::render::pdf::structure::Role;
use crate::render::view::{HighlightView, ScoreView, SectionBody, SummaryLabels, Tile};
use crate::report::model::{GoalStatus, Sentiment};

const HEADLINE: f32 = 13.0;
const CAPTION_H: f32 = 15.0;

/// What the one-pager shows, shortened step by step until it fits.
struct Shown<'a> {
    tiles: &'a [Tile],
    wins: &'a [HighlightView],
    concerns: &'a [HighlightView],
    next_steps: &'a [String],
}

impl Layout<'_> {
    pub(super) fn summary(&self, body: &SectionBody, out: &mut Vec<Block>) -> Result<(), PdfError> {
        let SectionBody::Summary {
            compared_with,
            headline,
            tiles,
            wins,
            concerns,
            scoreboard,
            next_steps,
            labels,
        } = body
        else {
            return Ok(());
        };
        let g = &self.page;
        let page_h = g.height - g.top - g.bottom;
        // The section title is already out; the section adds 14 pt after its last block.
        let title_h = match out.last() {
            Some(Block::Fixed { height, .. }) => *height,
            _ => 0.0,
        };
        let mut shown = Shown {
            tiles,
            wins,
            concerns,
            next_steps,
        };
        for step in 0.. {
            let mut blocks = Vec::new();
            self.headline_block(headline, compared_with.as_deref(), &mut blocks)?;
            self.tile_rows(shown.tiles, 4, &mut blocks)?;
            self.wins_and_concerns(&shown, labels, &mut blocks)?;
            self.scoreboard(scoreboard, &labels.goals, &mut blocks)?;
            self.next_steps(shown.next_steps, &labels.next_steps, &mut blocks)?;
            let height: f32 = blocks
                .iter()
                .map(|b| match b {
                    Block::Fixed { height, .. } => *height,
                    Block::Rows { .. } => 0.0,
                })
                .sum();
            if title_h + height + 14.0 <= page_h || step > 3 {
                out.extend(blocks);
                return Ok(());
            }
            let first = |n: usize, max: usize| n.min(max);
            match step {
                0 => shown.tiles = &shown.tiles[..first(shown.tiles.len(), 4)],
                1 => shown.next_steps = &shown.next_steps[..first(shown.next_steps.len(), 2)],
                2 => {
                    shown.wins = &shown.wins[..first(shown.wins.len(), 2)];
                    shown.concerns = &shown.concerns[..first(shown.concerns.len(), 2)];
                }
                _ => shown.tiles = &[],
            }
        }
        Ok(())
    }

    /// The verdict sentence, large, with what the numbers compare with under it.
    fn headline_block(
        &self,
        headline: &str,
        compared_with: Option<&str>,
        out: &mut Vec<Block>,
    ) -> Result<(), PdfError> {
        let t = &self.palette;
        let (x, width) = (self.page.margin_x, self.page.content_width());
        let (headline_items, mut h) = self.paragraph(
            headline,
            HEADLINE,
            true,
            (x + 10.0, 6.0),
            width - 16.0,
            t.text,
        )?;
        h += 12.0;
        let mut items = vec![Item::Rect {
            x,
            y: 0.0,
            w: 3.0,
            h,
            color: t.primary,
        }];
        items.extend(tagged(Role::P, headline_items));
        if let Some(line) = compared_with {
            let (more, ch) = self.paragraph(line, SMALL, false, (x, h + 6.0), width, t.muted)?;
            items.extend(tagged(Role::P, more));
            h += ch + 6.0;
        }
        out.push(Self::fixed(h + 10.0, items));
        Ok(())
    }

    /// Wins on the left, concerns on the right, each with its caption.
    fn wins_and_concerns(
        &self,
        shown: &Shown,
        labels: &SummaryLabels,
        out: &mut Vec<Block>,
    ) -> Result<(), PdfError> {
        let t = &self.palette;
        let gap = 16.0;
        let col_w = (self.page.content_width() - gap) / 2.0;
        let mut items = Vec::new();
        let mut height: f32 = 0.0;
        for (i, (caption, list, color)) in [
            (&labels.wins, shown.wins, t.positive),
            (&labels.concerns, shown.concerns, t.negative),
        ]
        .into_iter()
        .enumerate()
        {
            let x = self.page.margin_x + i as f32 * (col_w + gap);
            items.extend(tagged(
                Role::H3,
                vec![self.text(caption, SMALL + 0.5, true, x, 10.0, color)?.0],
            ));
            items.push(Item::Open(Role::List));
            let mut y = CAPTION_H;
            if list.is_empty() {
                items.push(
                    self.text(&labels.none, BODY, false, x, y + BODY, t.muted)?
                        .0,
                );
                y += BODY * 1.4 + 4.0;
            }
            for hl in list {
                let bar = match hl.sentiment {
                    Sentiment::Good => t.positive,
                    Sentiment::Bad => t.negative,
                    Sentiment::Neutral => t.muted,
                };
                let (lines, h) = self.paragraph(
                    &hl.text,
                    BODY,
                    false,
                    (x + 9.0, y + 2.0),
                    col_w - 9.0,
                    t.text,
                )?;
                items.push(Item::Rect {
                    x,
                    y,
                    w: 2.5,
                    h: h + 3.0,
                    color: bar,
                });
                items.extend(tagged(Role::ListItem, lines));
                y += h + 9.0;
            }
            items.push(Item::Close);
            height = height.max(y);
        }
        out.push(Self::fixed(height + 6.0, items));
        Ok(())
    }

    /// One line per goal: its label, the share of its target and its status.
    fn scoreboard(
        &self,
        scoreboard: &[ScoreView],
        caption: &str,
        out: &mut Vec<Block>,
    ) -> Result<(), PdfError> {
        if scoreboard.is_empty() {
            return Ok(());
        }
        let t = &self.palette;
        let (x, width) = (self.page.margin_x, self.page.content_width());
        let mut items = tagged(
            Role::H3,
            vec![self.text(caption, SMALL + 0.5, true, x, 10.0, t.primary)?.0],
        );
        let row_h = 17.0;
        let status_w = 90.0;
        let target_w = 110.0;
        for (i, goal) in scoreboard.iter().enumerate() {
            let y = CAPTION_H + i as f32 * row_h;
            if i % 2 == 0 {
                items.push(Item::Rect {
                    x,
                    y,
                    w: width,
                    h: row_h,
                    color: t.surface,
                });
            }
            let base = y + row_h / 2.0 + BODY * 0.35;
            let label = truncate_to(self.fonts, &goal.label, BODY, width - status_w - target_w)?;
            // A goal is read as one paragraph: the goal, how far it got, its status.
            items.push(Item::Open(Role::P));
            items.push(self.text(&label, BODY, false, x + 6.0, base, t.text)?.0);
            items.push(self.text_anchored(
                &goal.of_target,
                SMALL,
                false,
                (x + width - status_w - 8.0, base, Anchor::End),
                t.muted,
            )?);
            items.push(self.text_anchored(
                &goal.status_text,
                BODY,
                true,
                (x + width - 6.0, base, Anchor::End),
                status_color(goal.status, t.positive, t.negative, t.muted),
            )?);
            items.push(Item::Close);
        }
        out.push(Self::fixed(
            CAPTION_H + scoreboard.len() as f32 * row_h + 12.0,
            items,
        ));
        Ok(())
    }

    /// The agency's next steps, bulleted.
    fn next_steps(
        &self,
        steps: &[String],
        caption: &str,
        out: &mut Vec<Block>,
    ) -> Result<(), PdfError> {
        if steps.is_empty() {
            return Ok(());
        }
        let t = &self.palette;
        let (x, width) = (self.page.margin_x, self.page.content_width());
        let mut items = tagged(
            Role::H3,
            vec![self.text(caption, SMALL + 0.5, true, x, 10.0, t.primary)?.0],
        );
        items.push(Item::Open(Role::List));
        let mut y = CAPTION_H;
        for step in steps {
            // The bullet is drawn, not read: the list says it is a list.
            items.extend(tagged(
                Role::Artifact,
                vec![self.text("•", BODY, false, x + 2.0, y + BODY, t.primary)?.0],
            ));
            let (lines, h) =
                self.paragraph(step, BODY, false, (x + 12.0, y), width - 12.0, t.text)?;
            items.extend(tagged(Role::ListItem, lines));
            y += h + 3.0;
        }
        items.push(Item::Close);
        out.push(Self::fixed(y + 4.0, items));
        Ok(())
    }
}

fn status_color(status: GoalStatus, good: Rgb, bad: Rgb, muted: Rgb) -> Rgb {
    match status {
        GoalStatus::Met | GoalStatus::OnTrack => good,
        GoalStatus::Behind | GoalStatus::Missed => bad,
        GoalStatus::NotJudged => muted,
    }
}

//! The section builders: each section of the view as blocks for the flow.

use super::flow::Block;
use super::{Item, Layout, tagged};
use crate::charts::geometry::Anchor;
use crate::render::markdown::{StyledSpan, TextKind};
use crate::render::pdf::PdfError;
use crate::render::pdf::structure::Role;
use crate::render::view::{SectionBody, SectionView};

pub(super) const BODY: f32 = 9.5;
pub(super) const SMALL: f32 = 8.0;

impl Layout<'_> {
    pub(super) fn section<'v>(
        &self,
        s: &'v SectionView,
        out: &mut Vec<Block<'v>>,
    ) -> Result<(), PdfError> {
        let g = &self.page;
        let t = &self.palette;
        let x = g.margin_x;
        let width = g.content_width();
        let (title, h) = self.paragraph(&s.title, 16.0, true, (x, 8.0), width, t.primary)?;
        out.push(Block::Fixed {
            height: h + 12.0,
            items: tagged(Role::H2, title),
            keep_with_next: true,
            bookmark: Some(s.title.clone()),
            squeeze: None,
        });
        match &s.body {
            SectionBody::Summary { .. } => self.summary(&s.body, out)?,
            SectionBody::Channel {
                tiles,
                charts,
                tables,
            } => {
                self.tile_rows(tiles, 5, out)?;
                for chart in charts {
                    out.push(self.chart_block(chart, x, width)?);
                }
                for table in tables {
                    out.push(self.table(table)?);
                }
            }
            SectionBody::Week {
                table,
                charts,
                trends,
                trends_left_out,
                average_of,
                notes,
            } => self.week_in_numbers(
                (table, charts, (trends, trends_left_out)),
                average_of.as_deref(),
                notes,
                out,
            )?,
            SectionBody::Goals { goals } => {
                let mut rows = Vec::new();
                for goal in goals {
                    let mut items = vec![Item::GoalRow {
                        label: goal.label.clone(),
                        y: 0.0,
                    }];
                    // A goal reads as two paragraphs around its bar: the goal and its
                    // status, then how far it got.
                    items.push(Item::Open(Role::P));
                    items.push(self.text(&goal.label, BODY, true, x, BODY + 2.0, t.text)?.0);
                    let color = match goal.met {
                        Some(true) => t.positive,
                        Some(false) => t.negative,
                        None => t.muted,
                    };
                    items.push(self.text_anchored(
                        &goal.status,
                        BODY,
                        true,
                        (x + width, BODY + 2.0, Anchor::End),
                        color,
                    )?);
                    items.push(Item::Close);
                    let bar_w = width.min(360.0);
                    items.extend(self.chart_items(&goal.bar, x, 18.0, bar_w, 9.0)?);
                    items.push(Item::Open(Role::P));
                    // How far along, beside the bar: what its mark means.
                    if let Some(progress) = &goal.progress {
                        items.push(
                            self.text(progress, SMALL, true, x + bar_w + 10.0, 26.0, t.text)?
                                .0,
                        );
                    }
                    let detail = format!("{} · {}", goal.value, goal.target);
                    items.push(self.text(&detail, SMALL, false, x, 42.0, t.muted)?.0);
                    let mut h = 50.0;
                    for line in goal.prorating.iter().chain(&goal.note) {
                        items.push(self.text(line, SMALL, false, x, h + 4.0, t.muted)?.0);
                        h += 12.0;
                    }
                    items.push(Item::Close);
                    rows.push((h + 6.0, items));
                }
                // The list reads as one: on one page when it fits, else two goals or more on
                // each side of the break. `after` is the section's closing space.
                out.push(Block::Rows {
                    header: Vec::new(),
                    header_h: 0.0,
                    rows,
                    min_side: 2,
                    keep_together: true,
                    after: 14.0,
                });
            }
            SectionBody::Commentary {
                commentary_blocks, ..
            } => {
                let mut in_list = false;
                for block in commentary_blocks {
                    let (size, bold) = if block.kind == TextKind::Heading {
                        (11.5, true)
                    } else {
                        (BODY, false)
                    };
                    // List items are indented by level and bulleted; code keeps its line breaks;
                    // the agency's bold and italic stay.
                    let indent = block.level as f32 * 12.0;
                    let mut spans = Vec::with_capacity(block.spans.len() + 1);
                    if block.kind == TextKind::Item {
                        spans.push(StyledSpan {
                            text: "•  ".into(),
                            ..StyledSpan::default()
                        });
                    }
                    spans.extend(block.spans.iter().map(|span| StyledSpan {
                        bold: span.bold || bold,
                        ..span.clone()
                    }));
                    let (items, h) = self.styled_paragraph(
                        &spans,
                        size,
                        (x + indent, 0.0),
                        width.min(470.0) - indent,
                        t.text,
                    )?;
                    // Consecutive items read as one list.
                    let is_item = block.kind == TextKind::Item;
                    let mut tags = Vec::new();
                    if in_list && !is_item {
                        tags.push(Item::Close);
                    } else if !in_list && is_item {
                        tags.push(Item::Open(Role::List));
                    }
                    in_list = is_item;
                    tags.extend(tagged(
                        match block.kind {
                            TextKind::Heading => Role::H3,
                            TextKind::Item => Role::ListItem,
                            _ => Role::P,
                        },
                        items,
                    ));
                    out.push(Self::fixed(h + 6.0, tags));
                }
                if in_list && let Some(Block::Fixed { items, .. }) = out.last_mut() {
                    items.push(Item::Close);
                }
            }
            SectionBody::DataNotes {
                paragraphs,
                definitions,
                ..
            } => {
                for p in paragraphs {
                    let (items, h) = self.paragraph(p, BODY, false, (x, 0.0), width, t.text)?;
                    out.push(Self::fixed(h + 5.0, tagged(Role::P, items)));
                }
                for d in definitions {
                    let term_w = 130.0;
                    let (term, th) =
                        self.paragraph(&d.term, SMALL, true, (x, 0.0), term_w - 8.0, t.text)?;
                    let (text, dh) = self.paragraph(
                        &d.text,
                        SMALL,
                        false,
                        (x + term_w, 0.0),
                        width - term_w,
                        t.muted,
                    )?;
                    // A term and its definition read as one paragraph.
                    let mut items = term;
                    items.extend(text);
                    out.push(Self::fixed(th.max(dh) + 4.0, tagged(Role::P, items)));
                }
            }
        }
        if let Some(Block::Fixed { height, .. }) = out.last_mut() {
            *height += 14.0;
        }
        Ok(())
    }
}

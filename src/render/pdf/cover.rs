//! The cover page and the running header and footer of the inner pages.

use super::Rgb;
use super::fonts::MissingGlyph;
use super::layout::{Item, Layout, Page, tagged, truncate_to};
use super::structure::Role;
use crate::charts::geometry::Anchor;
use crate::config::brand::CoverStyle;

impl Layout<'_> {
    pub(super) fn cover(&self) -> Result<Page, MissingGlyph> {
        let v = self.view;
        let t = &self.palette;
        let g = &self.page;
        let mut items = Vec::new();
        let (band_h, fg, muted) = match v.cover_style {
            CoverStyle::Full => (g.height, t.on_primary, t.on_primary),
            CoverStyle::Band => (g.height * 0.42, t.on_primary, t.on_primary),
            CoverStyle::Minimal => (0.0, t.text, t.muted),
        };
        if band_h > 0.0 {
            items.push(Item::Rect {
                x: 0.0,
                y: 0.0,
                w: g.width,
                h: band_h,
                color: t.primary,
            });
        }
        items.push(Item::Rect {
            x: 0.0,
            y: band_h.max(6.0) - if band_h > 0.0 { 0.0 } else { 6.0 },
            w: g.width,
            h: 6.0,
            color: t.accent,
        });
        let x = g.margin_x + 8.0;
        let width = g.content_width() - 16.0;
        let mut y = 96.0;
        match &self.logo {
            Some(logo) => {
                let h = 40.0;
                // On a dark cover the brand's light variant is drawn bare; without one, the
                // logo sits on a white tile.
                let on_dark = band_h > 0.0 && logo.on_dark_aspect.is_some();
                let aspect = match logo.on_dark_aspect {
                    Some(a) if on_dark => a,
                    _ => logo.aspect,
                };
                let w = (h * aspect).min(220.0);
                let lh = w / aspect;
                if band_h > 0.0 && !on_dark {
                    items.push(Item::Rect {
                        x: x - 8.0,
                        y: y - 8.0,
                        w: w + 16.0,
                        h: lh + 16.0,
                        color: Rgb::WHITE,
                    });
                }
                // The logo stands for the agency: its name is the logo's text.
                items.extend(tagged(
                    Role::Figure {
                        alt: v.agency_name.clone(),
                    },
                    vec![Item::Logo {
                        x,
                        y,
                        w,
                        h: lh,
                        on_dark,
                    }],
                ));
                y += h + 56.0;
            }
            None => {
                items.push(self.text(&v.header, 14.0, true, x, y + 14.0, fg)?.0);
                y += 70.0;
            }
        }
        // The tagline's lines, set under the client's name; on a band cover the text starts
        // that much higher, so that the block still ends inside the band.
        let tagline_h = match &v.tagline {
            Some(t) => self.paragraph(t, 12.0, false, (x, 0.0), width, muted)?.1 + 8.0,
            None => 0.0,
        };
        if matches!(v.cover_style, CoverStyle::Band) {
            y = (y - tagline_h).max(y - 40.0);
        }
        let text_top = if matches!(v.cover_style, CoverStyle::Band) {
            y.max(160.0)
        } else {
            g.height * 0.45
        };
        let mut y = text_top;
        items.push(self.text(&v.report_title_upper, 10.0, true, x, y, muted)?.0);
        y += 16.0;
        let (title, h) = self.paragraph(&v.client_name, 30.0, true, (x, y), width, fg)?;
        items.extend(tagged(Role::H1, title));
        y += h + 10.0;
        if let Some(tagline) = &v.tagline {
            let (lines, _) = self.paragraph(tagline, 12.0, false, (x, y), width, muted)?;
            items.extend(lines);
            y += tagline_h;
        }
        items.push(self.text(&v.period_label, 15.0, false, x, y + 15.0, fg)?.0);
        y += 24.0;
        if let Some(c) = &v.comparison_label {
            items.push(self.text(c, 10.5, false, x, y + 10.5, muted)?.0);
            y += 18.0;
        }
        y += 14.0;
        items.push(
            self.text(&v.prepared_by, 10.0, false, x, y + 10.0, muted)?
                .0,
        );
        // Contact block at the foot of the cover.
        let foot_color = if matches!(v.cover_style, CoverStyle::Full) {
            fg
        } else {
            t.muted
        };
        let mut fy = g.height - 60.0;
        items.push(self.text(&v.agency_name, 10.0, true, x, fy, foot_color)?.0);
        fy += 14.0;
        let line = v.contact.join("  ·  ");
        if !line.is_empty() {
            items.push(Item::Open(Role::P));
            items.push(self.text(&line, 9.0, false, x, fy, foot_color)?.0);
            // The website comes first in the contact line: only its words are the link.
            if let Some(site) = v
                .contact
                .first()
                .filter(|c| c.starts_with("https://") || c.starts_with("http://"))
            {
                let w = self.fonts.measure(site, 9.0, false)?;
                items.push(Item::Link {
                    x,
                    y: fy - 9.0,
                    w,
                    h: 12.0,
                    uri: site.clone(),
                });
            }
            items.push(Item::Close);
        }
        Ok(Page {
            items,
            bookmarks: vec![v.client_name.clone()],
        })
    }

    /// Running header and footer of the inner pages.
    pub(super) fn furniture(
        &self,
        page: &mut Page,
        n: usize,
        total: usize,
    ) -> Result<(), MissingGlyph> {
        let v = self.view;
        let g = &self.page;
        let t = &self.palette;
        let mut items = Vec::new();
        let base = 34.0;
        match &self.logo {
            Some(logo) => {
                // 16 pt tall, narrower than a third of the line so a very wide logo cannot
                // run into the client's name on the right.
                let w = (16.0 * logo.aspect).min(g.content_width() / 3.0);
                let h = w / logo.aspect;
                items.push(Item::Logo {
                    x: g.margin_x,
                    y: base - 6.0 - h / 2.0,
                    w,
                    h,
                    on_dark: false,
                });
            }
            None => items.push(
                self.text(&v.header, 9.0, true, g.margin_x, base, t.primary)?
                    .0,
            ),
        }
        let right = format!("{} · {}", v.client_name, v.period_label);
        let right = truncate_to(self.fonts, &right, 8.5, g.content_width() * 0.6)?;
        items.push(self.text_anchored(
            &right,
            8.5,
            false,
            (g.width - g.margin_x, base, Anchor::End),
            t.muted,
        )?);
        items.push(Item::Rect {
            x: g.margin_x,
            y: base + 8.0,
            w: g.content_width(),
            h: 0.6,
            color: t.grid,
        });
        let fy = g.height - 28.0;
        items.push(Item::Rect {
            x: g.margin_x,
            y: fy - 14.0,
            w: g.content_width(),
            h: 0.6,
            color: t.grid,
        });
        let footer = v
            .footer
            .clone()
            .unwrap_or_else(|| format!("{} · {}", v.agency_name, v.contact.join(" · ")));
        let footer = truncate_to(self.fonts, &footer, 7.5, g.content_width() * 0.7)?;
        items.push(self.text(&footer, 7.5, false, g.margin_x, fy, t.muted)?.0);
        items.push(self.text_anchored(
            &(self.page_label)(n, total),
            7.5,
            false,
            (g.width - g.margin_x, fy, Anchor::End),
            t.muted,
        )?);
        // Running header and footer repeat on every page: not content (PDF/UA-1 7.8).
        page.items.extend(tagged(Role::Artifact, items));
        Ok(())
    }
}

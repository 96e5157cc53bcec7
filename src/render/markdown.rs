//! The agency's commentary: Markdown to HTML with no way to inject markup or script.

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, html};

/// Renders Markdown; raw HTML is shown as text, and links keep only http(s) and mailto targets.
pub fn to_safe_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Image {
            title, dest_url, ..
        }) => {
            // No remote images: the report must make no external requests.
            Event::Text(CowStr::from(format!("[{title} {dest_url}]")))
        }
        Event::End(pulldown_cmark::TagEnd::Image) => Event::Text(CowStr::from("")),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let safe = ["http://", "https://", "mailto:"]
                .iter()
                .any(|p| dest_url.to_ascii_lowercase().starts_with(p));
            Event::Start(Tag::Link {
                link_type: if safe { link_type } else { LinkType::Inline },
                dest_url: if safe { dest_url } else { CowStr::from("#") },
                title,
                id,
            })
        }
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

/// A block of the commentary as plain text, for the PDF.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TextBlock {
    pub kind: TextKind,
    /// List nesting (0 outside lists).
    pub level: usize,
    pub text: String,
    /// The same text in runs of one style each, so the PDF keeps the agency's emphasis.
    pub spans: Vec<StyledSpan>,
}

/// A piece of a block's text with its Markdown emphasis.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct StyledSpan {
    pub text: String,
    /// `**strong**`.
    pub bold: bool,
    /// `*emphasis*`.
    pub italic: bool,
}

impl TextBlock {
    fn new(kind: TextKind, level: usize) -> Self {
        TextBlock {
            kind,
            level,
            text: String::new(),
            spans: Vec::new(),
        }
    }

    /// Appends text in a style, merging it with the last span when the style is the same.
    fn push(&mut self, text: &str, bold: bool, italic: bool) {
        self.text.push_str(text);
        match self.spans.last_mut() {
            Some(last) if last.bold == bold && last.italic == italic => last.text.push_str(text),
            _ => self.spans.push(StyledSpan {
                text: text.to_string(),
                bold,
                italic,
            }),
        }
    }

    /// The block with its text cut to `text[start..end]`, the spans cut alike.
    fn cut(mut self, start: usize, end: usize) -> Self {
        let mut at = 0;
        let mut spans = Vec::new();
        for span in self.spans {
            let (s, e) = (at, at + span.text.len());
            at = e;
            let (from, to) = (s.max(start), e.min(end));
            if from < to {
                spans.push(StyledSpan {
                    text: span.text[from - s..to - s].to_string(),
                    ..span
                });
            }
        }
        self.text = self.text[start..end].to_string();
        self.spans = spans;
        self
    }
}

/// What a commentary block is; the PDF sets headings bold and bullets list items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextKind {
    Heading,
    /// A paragraph, or a table row with its cells joined.
    Paragraph,
    /// A list item.
    Item,
    /// A code block: its line breaks are kept.
    Code,
}

/// The commentary as plain text blocks: headings, paragraphs, list items with their nesting,
/// code blocks and table rows (cells joined), in document order. Raw HTML stays text.
pub fn to_blocks(markdown: &str) -> Vec<TextBlock> {
    use pulldown_cmark::TagEnd;
    let mut out: Vec<TextBlock> = Vec::new();
    let mut current: Option<TextBlock> = None;
    let mut depth = 0usize;
    let (mut strong, mut emphasis) = (0usize, 0usize);
    let flush = |current: &mut Option<TextBlock>, out: &mut Vec<TextBlock>| {
        if let Some(b) = current.take().filter(|b| !b.text.trim().is_empty()) {
            // Table rows end with a cell separator.
            let start = b.text.len() - b.text.trim_start().len();
            let trimmed = b.text.trim();
            let kept = trimmed.strip_suffix('·').unwrap_or(trimmed).trim_end();
            out.push(b.clone().cut(start, start + kept.len()));
        }
    };
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::List(_)) => {
                flush(&mut current, &mut out);
                depth += 1;
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut current, &mut out);
                depth = depth.saturating_sub(1);
            }
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong = strong.saturating_sub(1),
            Event::Start(Tag::Emphasis) => emphasis += 1,
            Event::End(TagEnd::Emphasis) => emphasis = emphasis.saturating_sub(1),
            Event::Start(tag) => {
                let kind = match tag {
                    Tag::Heading { .. } => Some(TextKind::Heading),
                    Tag::Item => Some(TextKind::Item),
                    Tag::CodeBlock(_) => Some(TextKind::Code),
                    Tag::TableRow | Tag::TableHead => Some(TextKind::Paragraph),
                    Tag::Paragraph if current.is_none() => Some(TextKind::Paragraph),
                    _ => None,
                };
                if let Some(kind) = kind {
                    flush(&mut current, &mut out);
                    current = Some(TextBlock::new(kind, depth));
                }
            }
            Event::End(
                TagEnd::Heading(_)
                | TagEnd::Paragraph
                | TagEnd::CodeBlock
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => flush(&mut current, &mut out),
            Event::End(TagEnd::TableCell) => {
                if let Some(b) = current.as_mut() {
                    b.push(" · ", false, false);
                }
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                current
                    .get_or_insert_with(|| TextBlock::new(TextKind::Paragraph, depth))
                    .push(&t, strong > 0, emphasis > 0);
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = current.as_mut() {
                    let space = if b.kind == TextKind::Code { "\n" } else { " " };
                    let (bold, italic) = b
                        .spans
                        .last()
                        .map_or((false, false), |s| (s.bold, s.italic));
                    b.push(space, bold, italic);
                }
            }
            _ => {}
        }
    }
    flush(&mut current, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::TextKind::{Code, Heading, Item, Paragraph};
    use super::{TextBlock, TextKind, to_blocks, to_safe_html};

    #[test]
    fn blocks_keep_nesting_code_and_tables() {
        let md = "# Title\n\nText <b>raw</b>.\n\n- one\n  - inner\n- two\n\n```\ncode\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        let blocks = to_blocks(md);
        let pairs: Vec<(TextKind, usize, &str)> = blocks
            .iter()
            .map(|b: &TextBlock| (b.kind, b.level, b.text.as_str()))
            .collect();
        assert_eq!(
            pairs,
            vec![
                (Heading, 0, "Title"),
                (Paragraph, 0, "Text <b>raw</b>."),
                (Item, 1, "one"),
                (Item, 2, "inner"),
                (Item, 1, "two"),
                (Code, 0, "code"),
                (Paragraph, 0, "a · b"),
                (Paragraph, 0, "1 · 2"),
            ]
        );
    }

    #[test]
    fn emphasis_is_kept_as_styled_spans() {
        let blocks = to_blocks("**Next month:** we *test* a page.\n\n| **a** | b |\n|---|---|\n");
        let spans: Vec<(&str, bool, bool)> = blocks[0]
            .spans
            .iter()
            .map(|s| (s.text.as_str(), s.bold, s.italic))
            .collect();
        assert_eq!(
            spans,
            vec![
                ("Next month:", true, false),
                (" we ", false, false),
                ("test", false, true),
                (" a page.", false, false),
            ]
        );
        let joined: String = blocks[1].spans.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            (joined.as_str(), blocks[1].text.as_str()),
            ("a · b", "a · b")
        );
        assert!(blocks[1].spans[0].bold);
    }

    #[test]
    fn raw_html_and_script_links_are_neutralised() {
        let html = to_safe_html(
            "Hi <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) **bold**",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("<strong>bold</strong>"), "{html}");
        let html = to_safe_html("[site](https://example.com) ![logo](https://evil.example/x.png)");
        assert!(html.contains(r#"href="https://example.com""#), "{html}");
        assert!(!html.contains("<img"), "{html}");
    }
}

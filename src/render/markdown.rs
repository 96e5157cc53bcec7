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

#[cfg(test)]
mod tests {
    use super::to_safe_html;

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

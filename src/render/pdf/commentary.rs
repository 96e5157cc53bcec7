//! The agency's commentary (already sanitized HTML) as plain text blocks for the PDF.

/// The commentary's sanitized HTML as plain blocks: ("h", heading) or ("p", paragraph).
pub(super) fn commentary_blocks(html: &str) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let Some(end) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start + 1..start + end];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let block = match name.as_str() {
            "h1" | "h2" | "h3" | "h4" => Some("h"),
            "p" | "li" => Some("p"),
            _ => None,
        };
        rest = &rest[start + end + 1..];
        if let (Some(kind), false) = (block, tag.starts_with('/')) {
            let close = format!("</{name}>");
            let inner_end = rest.find(&close).unwrap_or(rest.len());
            let text = strip_tags(&rest[..inner_end]);
            let text = if name == "li" {
                format!("•  {text}")
            } else {
                text
            };
            if !text.trim().is_empty() {
                out.push((kind, text.trim().to_string()));
            }
            rest = &rest[(inner_end + close.len()).min(rest.len())..];
        }
    }
    out
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

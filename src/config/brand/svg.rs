//! SVG logos made safe and the same on every machine: parsed with usvg, their text turned into
//! outlines with the brand's own fonts (never the system's), then written back as an SVG of
//! plain paths. What usvg does not keep (scripts, event handlers, links, foreign objects,
//! external files) cannot reach a report.

use std::sync::Arc;

use super::FontFile;

/// A parsed SVG logo: the tree the PDF draws and the path-only SVG the HTML embeds.
#[derive(Debug, Clone)]
pub struct VectorLogo {
    pub tree: Arc<usvg::Tree>,
}

/// Why an SVG logo cannot be drawn.
#[derive(Debug, thiserror::Error)]
pub enum SvgError {
    #[error("is not a readable SVG ({0}); fix the file or give a PNG or JPEG instead")]
    Parse(String),
    #[error("draws nothing (an SVG without visible shapes or text)")]
    Empty,
}

/// Parses `bytes` with text outlined by `fonts` (the body family stands in for generic and
/// unknown families). Images are kept only when embedded as data URLs; a file path or a web
/// address in an SVG is never followed.
pub fn outline(bytes: &[u8], fonts: &[FontFile]) -> Result<(VectorLogo, Vec<u8>), SvgError> {
    let mut db = usvg::fontdb::Database::new();
    for f in fonts {
        db.load_font_source(usvg::fontdb::Source::Binary(f.bytes.shared()));
    }
    if let Some(body) = fonts.first() {
        let family = body.family.clone();
        db.set_serif_family(family.clone());
        db.set_sans_serif_family(family.clone());
        db.set_monospace_family(family.clone());
        db.set_cursive_family(family.clone());
        db.set_fantasy_family(family);
    }
    let options = usvg::Options {
        font_family: fonts.first().map(|f| f.family.clone()).unwrap_or_default(),
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: usvg::ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|_, _| None),
        },
        fontdb: Arc::new(db),
        ..usvg::Options::default()
    };
    let tree =
        usvg::Tree::from_data(bytes, &options).map_err(|e| SvgError::Parse(e.to_string()))?;
    if !tree.root().has_children() {
        return Err(SvgError::Empty);
    }
    let svg = tree.to_string(&usvg::WriteOptions::default());
    Ok((
        VectorLogo {
            tree: Arc::new(tree),
        },
        svg.into_bytes(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::brand::Brand;

    fn fonts() -> Vec<FontFile> {
        Brand::builtin_default().fonts
    }

    #[test]
    fn text_becomes_outlines() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">
            <text x="4" y="30" font-family="Helvetica, Arial, sans-serif" font-size="20">Northwind</text>
        </svg>"##;
        let (_, out) = outline(svg, &fonts()).expect("parses");
        let out = String::from_utf8(out).unwrap();
        assert!(!out.contains("<text"), "{out}");
        assert!(out.contains("<path"), "{out}");
    }

    #[test]
    fn hostile_content_is_dropped() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
              width="100" height="40" onload="alert(1)">
            <script>alert(2)</script>
            <style>@import url(https://evil.example/x.css); rect { fill: red }</style>
            <a href="javascript:alert(3)"><rect width="50" height="40" onclick="alert(4)"/></a>
            <image href="/etc/passwd" width="10" height="10"/>
            <image xlink:href="https://evil.example/track.png" width="10" height="10"/>
            <foreignObject width="10" height="10"><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example"/></foreignObject>
            <use href="https://evil.example/x.svg#a"/>
        </svg>"##;
        let (_, out) = outline(svg, &fonts()).expect("parses");
        let out = String::from_utf8(out).unwrap().to_lowercase();
        for bad in [
            "script",
            "alert",
            "onload",
            "onclick",
            "javascript",
            "evil",
            "passwd",
            "iframe",
            "foreignobject",
            "@import",
            "<image",
        ] {
            assert!(!out.contains(bad), "{bad} in {out}");
        }
        assert!(out.contains("<path"), "{out}");
    }

    #[test]
    fn broken_and_empty_svgs_are_errors() {
        assert!(matches!(
            outline(
                b"<svg xmlns=\"http://www.w3.org/2000/svg\"><path d=",
                &fonts()
            ),
            Err(SvgError::Parse(_))
        ));
        assert!(matches!(
            outline(
                br#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>x</script></svg>"#,
                &fonts()
            ),
            Err(SvgError::Empty)
        ));
    }
}

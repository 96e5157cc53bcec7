//! An SVG logo (a usvg tree, text already outlined) as a PDF form XObject of vector paths:
//! solid and gradient fills and strokes, opacity. Clip paths, masks, filters, patterns and
//! embedded pictures are not drawn (the shapes under them are).

use std::fmt::Write as _;

use lopdf::{Dictionary, Object, Stream, dictionary};
use usvg::tiny_skia_path::PathSegment;

/// The logo drawn into the unit square (as an image is), y up, aspect kept by the caller.
pub fn form(tree: &usvg::Tree) -> Stream {
    let size = tree.size();
    let (w, h) = (size.width(), size.height());
    let mut out = FormWriter::default();
    out.group(tree.root(), 1.0);
    let mut resources = Dictionary::new();
    if !out.alphas.is_empty() {
        let mut states = Dictionary::new();
        for (i, (fill, stroke)) in out.alphas.iter().enumerate() {
            states.set(
                format!("A{i}"),
                dictionary! { "Type" => "ExtGState", "ca" => *fill, "CA" => *stroke },
            );
        }
        resources.set("ExtGState", states);
    }
    if !out.patterns.is_empty() {
        let mut patterns = Dictionary::new();
        for (i, p) in out.patterns.into_iter().enumerate() {
            patterns.set(format!("P{i}"), p);
        }
        resources.set("Pattern", patterns);
    }
    let dict = dictionary! {
        "Type" => "XObject",
        "Subtype" => "Form",
        "BBox" => vec![0.into(), 0.into(), w.into(), h.into()],
        // SVG units (y down) to the unit square (y up).
        "Matrix" => vec![(1.0 / w).into(), 0.into(), 0.into(), (-1.0 / h).into(), 0.into(), 1.into()],
        "Resources" => resources,
    };
    Stream::new(dict, out.content.into_bytes())
}

#[derive(Default)]
struct FormWriter {
    content: String,
    /// (fill, stroke) alpha per graphics state `A{i}`.
    alphas: Vec<(f32, f32)>,
    /// Shading patterns `P{i}`.
    patterns: Vec<Dictionary>,
}

/// A number as PDF content wants it: short, no exponent.
fn num(v: f32) -> String {
    let v = if v.is_finite() { v } else { 0.0 };
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

fn matrix(ts: usvg::Transform) -> [f32; 6] {
    [ts.sx, ts.ky, ts.kx, ts.sy, ts.tx, ts.ty]
}

impl FormWriter {
    fn group(&mut self, group: &usvg::Group, opacity: f32) {
        let opacity = opacity * group.opacity().get();
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => self.group(g, opacity),
                usvg::Node::Path(p) => self.path(p, opacity),
                usvg::Node::Text(t) => self.group(t.flattened(), opacity),
                usvg::Node::Image(_) => {}
            }
        }
    }

    fn path(&mut self, path: &usvg::Path, opacity: f32) {
        if !path.is_visible() {
            return;
        }
        let ts = path.abs_transform();
        let paint = |w: &mut Self, fill: bool| match (fill, path.fill(), path.stroke()) {
            (true, Some(f), _) => w.paint(path, ts, f.paint(), f.opacity().get() * opacity, true),
            (false, _, Some(s)) => w.paint(path, ts, s.paint(), s.opacity().get() * opacity, false),
            _ => {}
        };
        match path.paint_order() {
            usvg::PaintOrder::FillAndStroke => {
                paint(self, true);
                paint(self, false);
            }
            usvg::PaintOrder::StrokeAndFill => {
                paint(self, false);
                paint(self, true);
            }
        }
    }

    /// One fill or stroke of `path` in its own graphics state.
    fn paint(
        &mut self,
        path: &usvg::Path,
        ts: usvg::Transform,
        paint: &usvg::Paint,
        alpha: f32,
        fill: bool,
    ) {
        let c = &mut String::new();
        c.push_str("q\n");
        match paint {
            usvg::Paint::Color(color) => {
                let _ = writeln!(
                    c,
                    "{} {} {} {}",
                    num(f32::from(color.red) / 255.0),
                    num(f32::from(color.green) / 255.0),
                    num(f32::from(color.blue) / 255.0),
                    if fill { "rg" } else { "RG" }
                );
            }
            usvg::Paint::LinearGradient(g) => {
                let coords = [g.x1(), g.y1(), g.x2(), g.y2()];
                let name = self.shading(2, &coords, g, ts);
                let _ = writeln!(c, "{}", pattern_op(&name, fill));
            }
            usvg::Paint::RadialGradient(g) => {
                let coords = [g.fx(), g.fy(), 0.0, g.cx(), g.cy(), g.r().get()];
                let name = self.shading(3, &coords, g, ts);
                let _ = writeln!(c, "{}", pattern_op(&name, fill));
            }
            // Pattern paint is not drawn.
            usvg::Paint::Pattern(_) => return,
        }
        if alpha < 0.999 {
            let key = if fill { (alpha, 1.0) } else { (1.0, alpha) };
            let i = match self.alphas.iter().position(|a| *a == key) {
                Some(i) => i,
                None => {
                    self.alphas.push(key);
                    self.alphas.len() - 1
                }
            };
            let _ = writeln!(c, "/A{i} gs");
        }
        let m = matrix(ts);
        let _ = writeln!(
            c,
            "{} {} {} {} {} {} cm",
            num(m[0]),
            num(m[1]),
            num(m[2]),
            num(m[3]),
            num(m[4]),
            num(m[5])
        );
        let op = if fill {
            match path.fill().map(usvg::Fill::rule) {
                Some(usvg::FillRule::EvenOdd) => "f*",
                _ => "f",
            }
        } else {
            let Some(s) = path.stroke() else { return };
            let cap = match s.linecap() {
                usvg::LineCap::Butt => 0,
                usvg::LineCap::Round => 1,
                usvg::LineCap::Square => 2,
            };
            let join = match s.linejoin() {
                usvg::LineJoin::Miter | usvg::LineJoin::MiterClip => 0,
                usvg::LineJoin::Round => 1,
                usvg::LineJoin::Bevel => 2,
            };
            let _ = writeln!(
                c,
                "{} w {cap} J {join} j {} M",
                num(s.width().get()),
                num(s.miterlimit().get())
            );
            if let Some(dash) = s.dasharray() {
                let dash: Vec<String> = dash.iter().map(|d| num(*d)).collect();
                let _ = writeln!(c, "[{}] {} d", dash.join(" "), num(s.dashoffset()));
            }
            "S"
        };
        segments(path.data(), c);
        let _ = writeln!(c, "{op}\nQ");
        self.content.push_str(c);
    }

    /// Adds a shading pattern for a gradient (axial: type 2, radial: type 3) and returns its
    /// name. Stop opacity is not drawn; the colours are.
    fn shading(
        &mut self,
        kind: i64,
        coords: &[f32],
        g: &usvg::BaseGradient,
        ts: usvg::Transform,
    ) -> String {
        let rgb = |c: usvg::Color| -> Object {
            vec![
                (f32::from(c.red) / 255.0).into(),
                (f32::from(c.green) / 255.0).into(),
                (f32::from(c.blue) / 255.0).into(),
            ]
            .into()
        };
        let mut stops: Vec<(f32, usvg::Color)> = g
            .stops()
            .iter()
            .map(|s| (s.offset().get(), s.color()))
            .collect();
        if stops.is_empty() {
            stops.push((0.0, usvg::Color::black()));
        }
        if stops[0].0 > 0.0 {
            stops.insert(0, (0.0, stops[0].1));
        }
        if let Some(&(offset, color)) = stops.last()
            && offset < 1.0
        {
            stops.push((1.0, color));
        }
        if stops.len() == 1 {
            stops.push((1.0, stops[0].1));
        }
        let pieces: Vec<Object> = stops
            .windows(2)
            .map(|w| {
                Object::Dictionary(dictionary! {
                    "FunctionType" => 2,
                    "Domain" => vec![0.into(), 1.into()],
                    "C0" => rgb(w[0].1),
                    "C1" => rgb(w[1].1),
                    "N" => 1,
                })
            })
            .collect();
        let function = if pieces.len() == 1 {
            pieces.into_iter().next().unwrap_or(Object::Null)
        } else {
            let bounds: Vec<Object> = stops[1..stops.len() - 1]
                .iter()
                .map(|s| s.0.into())
                .collect();
            let encode: Vec<Object> = (0..pieces.len())
                .flat_map(|_| [0.into(), 1.into()])
                .collect();
            Object::Dictionary(dictionary! {
                "FunctionType" => 3,
                "Domain" => vec![0.into(), 1.into()],
                "Functions" => pieces,
                "Bounds" => bounds,
                "Encode" => encode,
            })
        };
        let shading = dictionary! {
            "ShadingType" => kind,
            "ColorSpace" => "DeviceRGB",
            "Coords" => coords.iter().map(|v| Object::Real(*v)).collect::<Vec<_>>(),
            "Function" => function,
            "Extend" => vec![true.into(), true.into()],
        };
        let m = matrix(ts.pre_concat(g.transform()));
        self.patterns.push(dictionary! {
            "PatternType" => 2,
            "Shading" => shading,
            "Matrix" => m.iter().map(|v| Object::Real(*v)).collect::<Vec<_>>(),
        });
        format!("P{}", self.patterns.len() - 1)
    }
}

fn pattern_op(name: &str, fill: bool) -> String {
    if fill {
        format!("/Pattern cs /{name} scn")
    } else {
        format!("/Pattern CS /{name} SCN")
    }
}

/// The path's segments as PDF path operators (quadratic curves raised to cubic).
fn segments(data: &usvg::tiny_skia_path::Path, c: &mut String) {
    let (mut cur, mut start) = ((0.0f32, 0.0f32), (0.0f32, 0.0f32));
    for seg in data.segments() {
        match seg {
            PathSegment::MoveTo(p) => {
                let _ = writeln!(c, "{} {} m", num(p.x), num(p.y));
                cur = (p.x, p.y);
                start = cur;
            }
            PathSegment::LineTo(p) => {
                let _ = writeln!(c, "{} {} l", num(p.x), num(p.y));
                cur = (p.x, p.y);
            }
            PathSegment::QuadTo(q, p) => {
                let c1 = (
                    cur.0 + 2.0 / 3.0 * (q.x - cur.0),
                    cur.1 + 2.0 / 3.0 * (q.y - cur.1),
                );
                let c2 = (p.x + 2.0 / 3.0 * (q.x - p.x), p.y + 2.0 / 3.0 * (q.y - p.y));
                let _ = writeln!(
                    c,
                    "{} {} {} {} {} {} c",
                    num(c1.0),
                    num(c1.1),
                    num(c2.0),
                    num(c2.1),
                    num(p.x),
                    num(p.y)
                );
                cur = (p.x, p.y);
            }
            PathSegment::CubicTo(a, b, p) => {
                let _ = writeln!(
                    c,
                    "{} {} {} {} {} {} c",
                    num(a.x),
                    num(a.y),
                    num(b.x),
                    num(b.y),
                    num(p.x),
                    num(p.y)
                );
                cur = (p.x, p.y);
            }
            PathSegment::Close => {
                c.push_str("h\n");
                cur = start;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_gradients_become_pdf_paths() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50">
            <defs><linearGradient id="g"><stop offset="0" stop-color="#f00"/><stop offset="0.5" stop-color="#0f0"/><stop offset="1" stop-color="#00f"/></linearGradient></defs>
            <rect width="50" height="50" fill="url(#g)"/>
            <circle cx="75" cy="25" r="20" fill="#123456" fill-opacity="0.5" stroke="#000" stroke-width="2"/>
        </svg>"##;
        let tree = usvg::Tree::from_data(svg, &usvg::Options::default()).unwrap();
        let stream = form(&tree);
        let content = String::from_utf8(stream.content.clone()).unwrap();
        assert!(content.contains(" c\n"), "{content}");
        assert!(content.contains("/P0 scn"), "{content}");
        assert!(content.contains("/A0 gs"), "{content}");
        assert!(content.contains("\nS\n"), "{content}");
        let resources = stream.dict.get(b"Resources").unwrap().as_dict().unwrap();
        assert!(resources.has(b"Pattern") && resources.has(b"ExtGState"));
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(-0.00001), "0");
        assert_eq!(num(0.5), "0.5");
        assert_eq!(num(f32::NAN), "0");
    }
}

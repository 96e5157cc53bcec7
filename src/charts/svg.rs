//! Charts as inline SVG for the HTML report.

use std::fmt::Write;

use super::Chart;
use super::geometry::{Anchor, ChartStyle, Shape, approx_width, arc_point, layout, natural_height};

/// Escapes text for SVG/XML and HTML content and attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Renders `chart` at `width` user units wide; the SVG scales to its container.
pub fn render(chart: &Chart, width: f64, style: &ChartStyle) -> String {
    let height = natural_height(chart, width, style);
    let shapes = layout(chart, width, height, style, &approx_width);
    let mut s = String::new();
    let id = escape(&chart.id);
    let _ = write!(
        s,
        r#"<svg class="chart chart-{kind}" viewBox="0 0 {w} {h}" width="100%" role="img" aria-labelledby="{id}-t {id}-d" xmlns="http://www.w3.org/2000/svg"><title id="{id}-t">{title}</title><desc id="{id}-d">{desc}</desc>"#,
        kind = serde_json::to_value(chart.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        w = fmt(width),
        h = fmt(height),
        title = escape(&chart.title),
        desc = escape(&chart.description),
    );
    for shape in &shapes {
        draw(&mut s, shape);
    }
    s.push_str("</svg>");
    s
}

/// A coordinate rounded to hundredths, as `12` or `12.5` (written in place: a report's charts
/// have thousands).
fn fmt(v: f64) -> Num {
    Num((v * 100.0).round() / 100.0)
}

struct Num(f64);

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let r = self.0;
        // A number of hundredths (see `fmt`), printed from them as `{r}` prints it: a chart
        // writes thousands, and the float printer's shortest-digits search is slow.
        if r.abs() < 1e12 {
            let hundredths = (r * 100.0).round() as i64;
            let (whole, frac) = (hundredths / 100, (hundredths % 100).unsigned_abs());
            let sign = if hundredths < 0 && whole == 0 {
                "-"
            } else {
                ""
            };
            return match frac {
                0 => write!(f, "{whole}"),
                _ if frac % 10 == 0 => write!(f, "{sign}{whole}.{}", frac / 10),
                _ => write!(f, "{sign}{whole}.{frac:02}"),
            };
        }
        if r == r.trunc() {
            write!(f, "{}", r as i64)
        } else {
            write!(f, "{r}")
        }
    }
}

fn draw(s: &mut String, shape: &Shape) {
    match shape {
        Shape::Polyline {
            points,
            color,
            width,
            dashed,
        } => {
            s.push_str(r#"<polyline points=""#);
            for (i, (x, y)) in points.iter().enumerate() {
                let gap = if i == 0 { "" } else { " " };
                let _ = write!(s, "{gap}{},{}", fmt(*x), fmt(*y));
            }
            let _ = write!(
                s,
                r#"" fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round" stroke-linecap="round"{}/>"#,
                escape(color),
                fmt(*width),
                if *dashed {
                    r#" stroke-dasharray="5 4""#
                } else {
                    ""
                }
            );
        }
        Shape::Rect {
            x,
            y,
            w,
            h,
            color,
            radius,
        } => {
            let _ = write!(
                s,
                r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="{}"/>"#,
                fmt(*x),
                fmt(*y),
                fmt(*w),
                fmt(*h),
                fmt(*radius),
                escape(color)
            );
        }
        Shape::Arc {
            cx,
            cy,
            outer,
            inner,
            start,
            end,
            color,
        } => {
            let p = |r: f64, a: f64| arc_point(*cx, *cy, r, a);
            // A full circle cannot be one arc command: split it.
            let end = if end - start >= std::f64::consts::TAU {
                start + std::f64::consts::TAU - 1e-4
            } else {
                *end
            };
            let large = if end - start > std::f64::consts::PI {
                1
            } else {
                0
            };
            let (a, b, c, d) = (
                p(*outer, *start),
                p(*outer, end),
                p(*inner, end),
                p(*inner, *start),
            );
            let _ = write!(
                s,
                r#"<path d="M{} {} A{o} {o} 0 {large} 1 {} {} L{} {} A{i} {i} 0 {large} 0 {} {} Z" fill="{}"/>"#,
                fmt(a.0),
                fmt(a.1),
                fmt(b.0),
                fmt(b.1),
                fmt(c.0),
                fmt(c.1),
                fmt(d.0),
                fmt(d.1),
                escape(color),
                o = fmt(*outer),
                i = fmt(*inner),
            );
        }
        Shape::Text {
            x,
            y,
            text,
            size,
            anchor,
            color,
            bold,
        } => {
            let anchor = match anchor {
                Anchor::Start => "start",
                Anchor::Middle => "middle",
                Anchor::End => "end",
            };
            let _ = write!(
                s,
                r#"<text x="{}" y="{}" font-size="{}" text-anchor="{anchor}" fill="{}"{}>{}</text>"#,
                fmt(*x),
                fmt(*y),
                fmt(*size),
                escape(color),
                if *bold { r#" font-weight="700""# } else { "" },
                escape(text)
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_print_as_the_float_printer_prints_them() {
        let float_printer = |r: f64| {
            if r == r.trunc() {
                format!("{}", r as i64)
            } else {
                format!("{r}")
            }
        };
        let mut values: Vec<f64> = (-250_000..250_000).map(|k| k as f64 * 0.0137).collect();
        values.extend((-2_000..2_000).map(|k| k as f64 / 1000.0));
        values.extend([
            0.005,
            -0.005,
            -0.0049,
            0.995,
            -0.995,
            1e11 + 0.07,
            -99_999_999_999.99,
        ]);
        for v in values {
            let n = fmt(v);
            assert_eq!(n.to_string(), float_printer(n.0), "{v}");
        }
    }
}

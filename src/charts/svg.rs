//! Charts as inline SVG for the HTML report.

use std::fmt::Write;

use super::Chart;
use super::geometry::{Anchor, ChartStyle, Shape, approx_width, arc_point, layout, natural_height};

/// Escapes text for SVG/XML and HTML content and attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

fn escape_into(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

/// An SVG being written: literal markup, coordinates and escaped text appended in turn (a
/// report's charts write thousands of each; `write!` through the formatter cost most of it).
struct Svg(String);

impl Svg {
    fn put(&mut self, markup: &str) -> &mut Self {
        self.0.push_str(markup);
        self
    }

    /// A coordinate, rounded as [`fmt`] rounds it and printed as [`Num`] prints it.
    fn num(&mut self, v: f64) -> &mut Self {
        push_num(&mut self.0, fmt(v));
        self
    }

    fn text(&mut self, text: &str) -> &mut Self {
        escape_into(&mut self.0, text);
        self
    }
}

/// Renders `chart` at `width` user units wide; the SVG scales to its container.
pub fn render(chart: &Chart, width: f64, style: &ChartStyle) -> String {
    let height = natural_height(chart, width, style);
    let shapes = layout(chart, width, height, style, &approx_width);
    let kind = serde_json::to_value(chart.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let mut s = Svg(String::with_capacity(1024 + 64 * shapes.len()));
    s.put(r#"<svg class="chart chart-"#)
        .put(&kind)
        .put(r#"" viewBox="0 0 "#)
        .num(width)
        .put(" ")
        .num(height)
        .put(r#"" width="100%" role="img" aria-labelledby=""#)
        .text(&chart.id)
        .put("-t ")
        .text(&chart.id)
        .put(r#"-d" xmlns="http://www.w3.org/2000/svg"><title id=""#)
        .text(&chart.id)
        .put(r#"-t">"#)
        .text(&chart.title)
        .put(r#"</title><desc id=""#)
        .text(&chart.id)
        .put(r#"-d">"#)
        .text(&chart.description)
        .put("</desc>");
    for shape in &shapes {
        draw(&mut s, shape);
    }
    s.put("</svg>");
    s.0
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

/// `n` as its `Display` prints it, with the digits written straight into `out`.
fn push_num(out: &mut String, n: Num) {
    let r = n.0;
    if r.abs() >= 1e12 {
        let _ = write!(out, "{n}");
        return;
    }
    let hundredths = (r * 100.0).round() as i64;
    let (whole, frac) = (hundredths / 100, (hundredths % 100).unsigned_abs());
    if hundredths < 0 && whole == 0 {
        out.push('-');
    }
    out.push_str(itoa::Buffer::new().format(whole));
    if frac != 0 {
        out.push('.');
        out.push(char::from(b'0' + (frac / 10) as u8));
        if frac % 10 != 0 {
            out.push(char::from(b'0' + (frac % 10) as u8));
        }
    }
}

fn draw(s: &mut Svg, shape: &Shape) {
    match shape {
        Shape::Polyline {
            points,
            color,
            width,
            dashed,
        } => {
            s.put(r#"<polyline points=""#);
            for (i, (x, y)) in points.iter().enumerate() {
                if i > 0 {
                    s.put(" ");
                }
                s.num(*x).put(",").num(*y);
            }
            s.put(r#"" fill="none" stroke=""#)
                .text(color)
                .put(r#"" stroke-width=""#)
                .num(*width)
                .put(r#"" stroke-linejoin="round" stroke-linecap="round""#)
                .put(if *dashed {
                    r#" stroke-dasharray="5 4""#
                } else {
                    ""
                })
                .put("/>");
        }
        Shape::Rect {
            x,
            y,
            w,
            h,
            color,
            radius,
        } => {
            s.put(r#"<rect x=""#)
                .num(*x)
                .put(r#"" y=""#)
                .num(*y)
                .put(r#"" width=""#)
                .num(*w)
                .put(r#"" height=""#)
                .num(*h)
                .put(r#"" rx=""#)
                .num(*radius)
                .put(r#"" fill=""#)
                .text(color)
                .put(r#""/>"#);
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
                "1"
            } else {
                "0"
            };
            let (a, b, c, d) = (
                p(*outer, *start),
                p(*outer, end),
                p(*inner, end),
                p(*inner, *start),
            );
            s.put(r#"<path d="M"#).num(a.0).put(" ").num(a.1);
            s.put(" A").num(*outer).put(" ").num(*outer);
            s.put(" 0 ")
                .put(large)
                .put(" 1 ")
                .num(b.0)
                .put(" ")
                .num(b.1);
            s.put(" L").num(c.0).put(" ").num(c.1);
            s.put(" A").num(*inner).put(" ").num(*inner);
            s.put(" 0 ")
                .put(large)
                .put(" 0 ")
                .num(d.0)
                .put(" ")
                .num(d.1);
            s.put(r#" Z" fill=""#).text(color).put(r#""/>"#);
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
            s.put(r#"<text x=""#)
                .num(*x)
                .put(r#"" y=""#)
                .num(*y)
                .put(r#"" font-size=""#)
                .num(*size)
                .put(r#"" text-anchor=""#)
                .put(anchor)
                .put(r#"" fill=""#)
                .text(color)
                .put("\"")
                .put(if *bold { r#" font-weight="700""# } else { "" })
                .put(">")
                .text(text)
                .put("</text>");
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
            let printed = float_printer(n.0);
            assert_eq!(n.to_string(), printed, "{v}");
            let mut written = String::new();
            push_num(&mut written, fmt(v));
            assert_eq!(written, printed, "{v}");
        }
    }
}

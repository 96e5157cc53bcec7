//! SVG logos: drawn as vector paths in the PDF (cover and header), embedded in the HTML with
//! their text as outlines, hostile content dropped, broken files a clear error.

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine;

use crate::common::{execreport, pdf_tools, render, repo, stderr};

/// The logo `<img>` of an HTML report, decoded.
fn html_logo(html: &str) -> Option<String> {
    let src = html
        .split(r#"class="logo"#)
        .nth(1)?
        .split(r#"src="data:image/svg+xml;base64,"#)
        .nth(1)?
        .split('"')
        .next()?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(src)
        .unwrap();
    Some(String::from_utf8(bytes).unwrap())
}

/// Pixels of page 1 at 60 dpi (PPM through pdftoppm) in a box given in points.
fn cover_pixels(pdf: &Path, (x, y, w, h): (u32, u32, u32, u32)) -> Vec<[u8; 3]> {
    let o = Command::new("pdftoppm")
        .args(["-r", "72", "-f", "1", "-l", "1"])
        .args(["-x", &x.to_string(), "-y", &y.to_string()])
        .args(["-W", &w.to_string(), "-H", &h.to_string()])
        .arg(pdf)
        .output()
        .expect("pdftoppm");
    let data = o.stdout;
    // P6 header: magic, width, height, max value, each followed by whitespace.
    let mut fields = 0;
    let mut at = 0;
    while fields < 4 {
        while data[at].is_ascii_whitespace() {
            at += 1;
        }
        while !data[at].is_ascii_whitespace() {
            at += 1;
        }
        fields += 1;
    }
    data[at + 1..]
        .chunks_exact(3)
        .map(|p| [p[0], p[1], p[2]])
        .collect()
}

#[test]
fn the_northwind_logo_is_vector_paths_in_the_pdf_and_outlines_in_the_html() {
    let out = tempfile::tempdir().unwrap();
    let client = "brightside-dental";
    render(
        "samples/execreport.yaml",
        Some(client),
        "2026-10",
        "html,pdf",
        out.path(),
    );
    let dir = out.path().join(client).join("2026-10");
    let pdf = dir.join("report.pdf");
    // The logos are form XObjects of path operators: the light variant on the band of the
    // cover, the regular one in the running header; no picture.
    let text = pdf_tools::qdf(&pdf);
    let forms: Vec<&str> = text
        .split("/Subtype /Form")
        .skip(1)
        .map(|s| s.split("endstream").next().unwrap())
        .collect();
    assert_eq!(forms.len(), 2, "one form per logo variant");
    for form in &forms {
        assert!(form.contains(" c\n") && form.contains("\nf\n"), "{form}");
        assert!(!form.contains("BT"), "text in the logo form: {form}");
    }
    assert!(text.contains("/ExecLogoOnDark Do") && text.contains("/ExecLogo Do"));
    assert!(pdf_tools::images(&pdf).is_empty());
    // The logo's box on the cover (Letter: x 52, y 96, 40 pt tall) is not just the band.
    let pixels = cover_pixels(&pdf, (52, 96, 200, 40));
    let band = [0x12, 0x35, 0x5b];
    let drawn = pixels
        .iter()
        .filter(|p| p.iter().zip(band).any(|(a, b)| a.abs_diff(b) > 40))
        .count();
    assert!(
        drawn > pixels.len() / 10,
        "logo area nearly blank: {drawn} of {}",
        pixels.len()
    );
    // The header logo of page 2 likewise.
    let header = pdf_tools::page_text(&pdf, 2);
    assert!(!header.contains("Northwind Digital Brightside"), "{header}");
    // The HTML logo: text as outlines, the same in every browser.
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    let logo = html_logo(&html).expect("an SVG logo");
    assert!(!logo.contains("<text"), "{logo}");
    assert!(logo.matches("<path").count() >= 3, "{logo}");
}

/// A workspace (the small valid one) whose agency uses a brand with `svg` as its logo.
pub(crate) fn workspace_with_logo(svg: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let fixture = repo().join("tests/fixtures/valid");
    std::fs::create_dir_all(dir.path().join("data")).unwrap();
    for entry in std::fs::read_dir(fixture.join("data")).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, dir.path().join("data").join(p.file_name().unwrap())).unwrap();
    }
    let yaml = std::fs::read_to_string(fixture.join("execreport.yaml"))
        .unwrap()
        .replacen(
            "    name: \"Acme & Sons <Agency>\"\n",
            "    name: \"Acme & Sons <Agency>\"\n    brand: logo\n",
            1,
        );
    assert!(yaml.contains("brand: logo"));
    let config = dir.path().join("execreport.yaml");
    std::fs::write(&config, yaml).unwrap();
    let brand = dir.path().join("brands/logo");
    std::fs::create_dir_all(&brand).unwrap();
    std::fs::write(
        brand.join("brand.yaml"),
        "name: Acme\nlogo: logo.svg\ncolors:\n  primary: \"#123456\"\n  accent: \"#e07b39\"\ncover:\n  style: band\n",
    )
    .unwrap();
    std::fs::write(brand.join("logo.svg"), svg).unwrap();
    (dir, config)
}

fn run(config: &Path, out: &Path) -> std::process::Output {
    execreport(
        &repo(),
        &[
            "-c",
            config.to_str().unwrap(),
            "render",
            "--period",
            "2026-10",
            "--format",
            "html,pdf",
            "--out",
            out.to_str().unwrap(),
        ],
    )
}

#[test]
fn a_hostile_svg_logo_is_drawn_without_its_payload() {
    let (dir, config) = workspace_with_logo(
        r##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
             width="120" height="40" viewBox="0 0 120 40" onload="alert('load')">
          <script type="text/javascript">alert('script')</script>
          <SCRIPT>alert('upper')</SCRIPT>
          <style>@import url("https://evil.example/x.css");</style>
          <a xlink:href="javascript:alert('link')"><rect width="40" height="40" fill="#e07b39" onclick="alert('click')"/></a>
          <image href="file:///etc/passwd" width="10" height="10"/>
          <image xlink:href="https://evil.example/pixel.png" width="10" height="10"/>
          <foreignObject width="50" height="20"><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example/"></iframe></body></foreignObject>
          <text x="48" y="28" font-family="Nonexistent Sans" font-size="18">Acme</text>
        </svg>"##,
    );
    let out = dir.path().join("out");
    let o = run(&config, &out);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report = out.join("shop/2026-10");
    let html = std::fs::read_to_string(report.join("report.html")).unwrap();
    let logo = html_logo(&html).expect("the logo is kept");
    let lower = logo.to_lowercase();
    for bad in [
        "script",
        "alert",
        "onload",
        "onclick",
        "javascript",
        "evil.example",
        "passwd",
        "file:",
        "foreignobject",
        "iframe",
        "@import",
        "<image",
        "<text",
    ] {
        assert!(!lower.contains(bad), "{bad} in the HTML logo: {logo}");
    }
    assert!(logo.contains("<path"), "{logo}");
    assert!(!html.contains("evil.example"));
    let pdf = report.join("report.pdf");
    pdf_tools::check(&pdf).unwrap();
    assert!(pdf_tools::qdf(&pdf).contains("/ExecLogo Do"));
}

#[test]
fn a_broken_svg_logo_is_a_clear_error() {
    let (dir, config) = workspace_with_logo(r#"<svg xmlns="http://www.w3.org/2000/svg"><path d="#);
    let o = run(&config, &dir.path().join("out"));
    let err = stderr(&o);
    // The configuration's exit code (not a panic's 101).
    assert_eq!(o.status.code(), Some(3), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        err.contains("brand.yaml") && err.contains("logo") && err.contains("not a readable SVG"),
        "{err}"
    );
}

#[test]
fn an_svg_logo_that_draws_nothing_gives_way_to_the_agency_name() {
    let (dir, config) = workspace_with_logo(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><script>alert(1)</script></svg>"#,
    );
    let out = dir.path().join("out");
    let o = run(&config, &out);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains("warning") && err.contains("logo.svg") && err.contains("draws nothing"),
        "{err}"
    );
    let report = out.join("shop/2026-10");
    let cover = pdf_tools::page_text(&report.join("report.pdf"), 1);
    assert!(cover.starts_with("Acme"), "{cover}");
    let html = std::fs::read_to_string(report.join("report.html")).unwrap();
    assert!(html_logo(&html).is_none());
    assert!(html.contains(r#"<p class="brand-name">"#));
}

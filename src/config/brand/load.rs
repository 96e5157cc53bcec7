//! Loading a brand from its folder: the YAML file, its logos, fonts and template overrides,
//! each checked, and the built-in neutral brand.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{
    Brand, BrandFile, CJK_JP_FAMILY, DEFAULT_FAMILY, FontBytes, FontFile, ImageFormat, Logo, svg,
};
use crate::config::{Located, Problem, containment, yaml_problem};

/// The neutral brand built into the binary.
const DEFAULT_BRAND_YAML: &str = include_str!("../../../brands/default/brand.yaml");
const NOTO_SANS_REGULAR: &[u8] =
    include_bytes!("../../../brands/default/fonts/NotoSans-Regular.ttf");
const NOTO_SANS_BOLD: &[u8] = include_bytes!("../../../brands/default/fonts/NotoSans-Bold.ttf");
const NOTO_SANS_ARABIC_REGULAR: &[u8] =
    include_bytes!("../../../brands/default/fonts/NotoSansArabic-Regular.ttf");
const NOTO_SANS_ARABIC_BOLD: &[u8] =
    include_bytes!("../../../brands/default/fonts/NotoSansArabic-Bold.ttf");
/// The family of the built-in Arabic fallback.
const ARABIC_FAMILY: &str = "Noto Sans Arabic";
const NOTO_SANS_THAI_REGULAR: &[u8] =
    include_bytes!("../../../brands/default/fonts/NotoSansThai-Regular.ttf");
const NOTO_SANS_THAI_BOLD: &[u8] =
    include_bytes!("../../../brands/default/fonts/NotoSansThai-Bold.ttf");
/// Subsets of Noto Sans CJK JP (scripts/subset-cjk-fonts.sh), 3.6 MB each.
const NOTO_SANS_CJK_JP_REGULAR: &[u8] =
    include_bytes!("../../../brands/default/fonts/NotoSansCJKjp-Regular.otf");
const NOTO_SANS_CJK_JP_BOLD: &[u8] =
    include_bytes!("../../../brands/default/fonts/NotoSansCJKjp-Bold.otf");
impl Brand {
    /// The built-in neutral brand.
    pub fn builtin_default() -> Brand {
        let file: BrandFile =
            serde_saphyr::from_str(DEFAULT_BRAND_YAML).expect("built-in brand parses");
        Brand {
            id: "default".into(),
            file,
            logo: None,
            logo_on_dark: None,
            print_logo: None,
            fonts: builtin_fonts()
                .into_iter()
                .chain(arabic_fallback())
                .collect(),
            templates: BTreeMap::new(),
            dir: None,
        }
    }

    /// Loads `id` from `brands_dir`, or the built-in default brand when `id` is `default` and
    /// the folder has no brand of that name.
    pub fn load(brands_dir: &Path, id: &str) -> Result<Brand, Vec<Problem>> {
        let dir = brands_dir.join(id);
        let path = dir.join("brand.yaml");
        if !path.is_file() {
            if id == "default" {
                return Ok(Self::builtin_default());
            }
            return Err(vec![Problem::at(
                &path,
                None,
                "brand",
                format!("brand {id:?} not found: expected {}", path.display()),
            )]);
        }
        let outside = |file: &Path, setting: &str| {
            containment::inside(brands_dir, file, setting).map_err(|e| e.to_string())
        };
        outside(&path, "brand")
            .map_err(|message| vec![Problem::at(&path, None, "brand", message)])?;
        let text = std::fs::read_to_string(&path).map_err(|e| {
            vec![Problem::at(
                &path,
                None,
                "brand",
                format!("cannot read the file: {e}"),
            )]
        })?;
        let file: BrandFile =
            serde_saphyr::from_str(&text).map_err(|e| vec![yaml_problem(&path, &text, &e)])?;
        let mut problems = Vec::new();
        let c = &file.colors;
        for (field, fg, bg) in [
            ("colors.text", c.text, c.background),
            ("colors.muted", c.muted, c.background),
        ] {
            let ratio = fg.contrast(bg);
            if ratio < 4.5 {
                // The palette's position: a default colour has none of its own.
                problems.push(Problem::located(
                    &path,
                    c.at,
                    field.into(),
                    format!(
                        "{fg} on the background {bg} has a contrast of {ratio:.1}:1; \
                         readable text needs at least 4.5:1 (WCAG AA)"
                    ),
                ));
            }
        }
        let mut logo_at = |rel: &Option<Located<PathBuf>>, field: &str| match rel {
            Some(rel) => {
                let full = dir.join(&rel.value);
                let logo = outside(&full, field)
                    .and_then(|()| load_logo(&full).map_err(|e| e.to_string()));
                match logo {
                    Ok(l) => Some(l),
                    Err(message) => {
                        problems.push(Problem::located(&path, rel.at, field.into(), message));
                        None
                    }
                }
            }
            None => None,
        };
        let mut logo = logo_at(&file.logo, "logo");
        let mut logo_on_dark = logo_at(&file.logo_on_dark, "logo_on_dark");
        let print_logo = logo_at(&file.print_logo, "print_logo");
        if let Some(rel) = &file.print_logo
            && print_logo
                .as_ref()
                .is_some_and(|l| l.format == ImageFormat::Svg)
        {
            problems.push(Problem::located(
                &path,
                rel.at,
                "print_logo".into(),
                "expected a PNG or JPEG file, found an SVG".into(),
            ));
        }
        let mut fonts = Vec::new();
        let faces = file
            .fonts
            .body
            .iter()
            .chain(&file.fonts.heading)
            .chain(&file.fonts.fallback);
        for (i, face) in faces.enumerate() {
            for (bold, rel) in [(false, Some(&face.regular)), (true, face.bold.as_ref())] {
                let Some(rel) = rel else { continue };
                let full = dir.join(&rel.value);
                if let Err(message) = outside(&full, &format!("fonts[{i}]")) {
                    problems.push(Problem::located(
                        &path,
                        rel.at,
                        format!("fonts[{i}]"),
                        message,
                    ));
                    continue;
                }
                match std::fs::read(&full) {
                    Ok(bytes) if ttf_parser::Face::parse(&bytes, 0).is_ok() => {
                        fonts.push(FontFile {
                            family: face.family.clone(),
                            bold,
                            bytes: FontBytes::from_vec(bytes),
                            embed_in_html: face.embed_in_html,
                        })
                    }
                    Ok(_) => problems.push(Problem::located(
                        &path,
                        rel.at,
                        format!("fonts[{i}]"),
                        format!("{} is not a TrueType or OpenType font", full.display()),
                    )),
                    Err(e) => problems.push(Problem::located(
                        &path,
                        rel.at,
                        format!("fonts[{i}]"),
                        format!("cannot read font {}: {e}", full.display()),
                    )),
                }
            }
        }
        // Brands on the built-in body font get its Thai and Japanese siblings right after it
        // (before their own fallbacks, which then cover what the subsets lack); a brand with
        // its own body font gets them last, for scripts its fonts do not cover.
        if file.fonts.body.is_none() {
            fonts.splice(0..0, builtin_fonts());
        } else {
            fonts.extend(
                builtin_fonts()
                    .into_iter()
                    .filter(|f| f.family != DEFAULT_FAMILY),
            );
        }
        fonts.extend(arabic_fallback());
        // SVG logos are outlined once the fonts are known; one that draws nothing gives way
        // to the agency's name (with a warning), one that cannot be read is an error.
        for (slot, rel, field) in [
            (&mut logo, &file.logo, "logo"),
            (&mut logo_on_dark, &file.logo_on_dark, "logo_on_dark"),
        ] {
            let (Some(l), Some(rel)) = (slot.as_mut(), rel) else {
                continue;
            };
            if l.format != ImageFormat::Svg {
                continue;
            }
            let shown = dir.join(&rel.value);
            match svg::outline(&l.bytes, &fonts) {
                Ok((vector, bytes)) => {
                    l.bytes = bytes;
                    l.vector = Some(vector);
                }
                Err(e @ svg::SvgError::Empty) => {
                    eprintln!(
                        "warning: brand {id}: {field} {} {e}; the agency's name is shown instead",
                        shown.display()
                    );
                    *slot = None;
                }
                Err(e) => problems.push(Problem::located(
                    &path,
                    rel.at,
                    field.into(),
                    format!("{} {e}", shown.display()),
                )),
            }
        }
        let mut templates = BTreeMap::new();
        if let Ok(entries) = std::fs::read_dir(dir.join("templates")) {
            for entry in entries.flatten() {
                let p = entry.path();
                let name = p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default()
                    .to_string();
                if !(name.ends_with(".html") || name.ends_with(".txt")) {
                    continue;
                }
                if let Err(message) = outside(&p, "templates") {
                    problems.push(Problem::at(&p, None, "templates", message));
                    continue;
                }
                match std::fs::read_to_string(&p) {
                    Ok(t) => {
                        templates.insert(name, t);
                    }
                    Err(e) => problems.push(Problem::at(
                        &p,
                        None,
                        "templates",
                        format!("cannot read: {e}"),
                    )),
                }
            }
        }
        if problems.is_empty() {
            Ok(Brand {
                id: id.to_string(),
                file,
                logo,
                logo_on_dark,
                print_logo,
                fonts,
                templates,
                dir: Some(dir),
            })
        } else {
            Err(problems)
        }
    }
}

/// Noto Sans with bold, then Noto Sans Thai and Noto Sans CJK JP (each with a real bold) for
/// the shipped languages' scripts. The Japanese faces are too large for HTML reports, which
/// name the family for the reader's system to supply.
fn builtin_fonts() -> Vec<FontFile> {
    let face = |family: &str, bold: bool, bytes: &'static [u8], embed_in_html: bool| FontFile {
        family: family.into(),
        bold,
        bytes: FontBytes::from_static(bytes),
        embed_in_html,
    };
    vec![
        face(DEFAULT_FAMILY, false, NOTO_SANS_REGULAR, true),
        face(DEFAULT_FAMILY, true, NOTO_SANS_BOLD, true),
        face("Noto Sans Thai", false, NOTO_SANS_THAI_REGULAR, true),
        face("Noto Sans Thai", true, NOTO_SANS_THAI_BOLD, true),
        face(CJK_JP_FAMILY, false, NOTO_SANS_CJK_JP_REGULAR, false),
        face(CJK_JP_FAMILY, true, NOTO_SANS_CJK_JP_BOLD, false),
    ]
}

/// Noto Sans Arabic, the last font of every brand: an Arabic report (or an Arabic campaign
/// name) draws with the brand's own fonts first and this one for what they lack. HTML embeds
/// it only when a report has Arabic text.
fn arabic_fallback() -> Vec<FontFile> {
    [
        (false, NOTO_SANS_ARABIC_REGULAR),
        (true, NOTO_SANS_ARABIC_BOLD),
    ]
    .into_iter()
    .map(|(bold, bytes)| FontFile {
        family: ARABIC_FAMILY.into(),
        bold,
        bytes: FontBytes::from_static(bytes),
        embed_in_html: true,
    })
    .collect()
}

/// Why a brand's logo file cannot be used; a read error keeps its cause.
#[derive(Debug, thiserror::Error)]
enum LogoError {
    #[error("cannot read logo {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("logo {} is not an SVG, PNG or JPEG file", path.display())]
    NotAnImage { path: PathBuf },
}

fn load_logo(path: &Path) -> Result<Logo, LogoError> {
    let bytes = std::fs::read(path).map_err(|source| LogoError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let format = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        ImageFormat::Png
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        ImageFormat::Jpeg
    } else if std::str::from_utf8(&bytes).is_ok_and(|t| t.contains("<svg")) {
        // Scripts and the like are dropped when the SVG is outlined (see `svg::outline`).
        ImageFormat::Svg
    } else {
        return Err(LogoError::NotAnImage {
            path: path.to_path_buf(),
        });
    };
    Ok(Logo {
        format,
        bytes,
        vector: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_brand_loads() {
        let b = Brand::builtin_default();
        assert_eq!(
            b.families(),
            [
                DEFAULT_FAMILY,
                "Noto Sans Thai",
                CJK_JP_FAMILY,
                ARABIC_FAMILY
            ]
        );
        assert!(b.file.colors.text.contrast(b.file.colors.background) >= 4.5);
    }
}

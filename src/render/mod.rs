//! Rendering the report model: the view (words, formats, charts), then HTML (and PDF).

pub mod html;
pub mod markdown;
pub mod paper;
pub mod view;

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::{Arc, Mutex, OnceLock};

use sha2::{Digest, Sha256};

use crate::config::Workspace;
use crate::config::brand::Brand;
use crate::locale::Locale;
pub use crate::report::Format;
use crate::report::model::Report;
use html::HtmlRenderer;
use view::{ReportView, ViewInputs};

/// A brand with its compiled templates, loaded once per run.
pub struct BrandKit {
    pub brand: Brand,
    pub html: HtmlRenderer,
    pub pdf: pdf::PdfKit,
    /// SHA-256 of the brand folder's files, taken on first use (a batch hashes each report's
    /// inputs with it; fonts make a folder megabytes, so once per kit, not per report).
    folder_digest: OnceLock<[u8; 32]>,
}

/// A brand folder that could not be read for its digest; the read error is the `source()`.
#[derive(Debug, thiserror::Error)]
#[error("brand {brand}: {source}")]
pub struct BrandDigestError {
    pub brand: String,
    pub source: std::io::Error,
}

impl BrandKit {
    /// The brand folder's files (names and contents) hashed; the built-in brand has none.
    pub fn folder_digest(&self) -> Result<[u8; 32], BrandDigestError> {
        if let Some(digest) = self.folder_digest.get() {
            return Ok(*digest);
        }
        let mut h = Sha256::new();
        if let Some(dir) = &self.brand.dir {
            hash_dir(&mut h, dir).map_err(|source| BrandDigestError {
                brand: self.brand.id.clone(),
                source,
            })?;
        }
        Ok(*self.folder_digest.get_or_init(|| h.finalize().into()))
    }
}

/// Brands by id, loaded and compiled on first use, and shared by every thread of a run: a
/// batch's workers load each brand's fonts and templates once between them.
#[derive(Default)]
pub struct Brands {
    loaded: Mutex<HashMap<String, Arc<OnceLock<KitResult>>>>,
}

impl Brands {
    /// Drops a brand, so its next use loads it again (after its files changed).
    pub fn forget(&self, id: &str) {
        self.slots().remove(id);
    }

    pub fn get(&self, ws: &Workspace, id: &str) -> Result<Arc<BrandKit>, String> {
        // The map is locked only to find the brand's slot; a brand loads outside the lock, and
        // threads asking for the same brand meanwhile wait for that one load.
        let slot = self.slots().entry(id.to_string()).or_default().clone();
        slot.get_or_init(|| load_kit(ws, id)).clone()
    }

    fn slots(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<OnceLock<KitResult>>>> {
        self.loaded.lock().unwrap_or_else(|e| e.into_inner())
    }
}

type KitResult = Result<Arc<BrandKit>, String>;

/// Loads and checks a brand and compiles its templates; problems joined into one message.
pub fn load_kit(ws: &Workspace, id: &str) -> KitResult {
    let brand = Brand::load(&ws.brands_dir(), id).map_err(|problems| {
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    let html = HtmlRenderer::new(&brand).map_err(|e| e.to_string())?;
    let pdf = pdf::PdfKit::new(&brand).map_err(|e| e.to_string())?;
    Ok(Arc::new(BrandKit {
        brand,
        html,
        pdf,
        folder_digest: OnceLock::new(),
    }))
}

fn hash_dir(h: &mut Sha256, dir: &Path) -> std::io::Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(()); // a folder gone since the brand was loaded hashes as empty
    };
    let mut paths: Vec<PathBuf> = entries
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    paths.sort();
    for p in paths {
        h.update(
            p.file_name()
                .map(|n| n.as_encoded_bytes())
                .unwrap_or_default(),
        );
        if p.is_dir() {
            hash_dir(h, &p)?;
        } else {
            h.update(std::fs::read(&p)?);
        }
    }
    Ok(())
}

/// The locale a report is written in, with the brand's wording.
pub fn locale_for(report: &Report, brand: &Brand) -> Rc<Locale> {
    let buddhist = report.client.calendar == crate::config::schema::Calendar::Buddhist;
    let tag = &report.client.locale;
    made_locale(tag, buddhist, wording_for(tag, brand))
}

/// Locales this thread made, by language, calendar and wording.
type MadeLocales = Vec<((String, bool, BTreeMap<String, String>), Rc<Locale>)>;

thread_local! {
    static MADE_LOCALES: RefCell<MadeLocales> = const { RefCell::new(Vec::new()) };
}

/// Locales kept per thread; all are dropped when one more is made.
const LOCALES_KEPT: usize = 8;

/// A locale made once per thread for each language, calendar and wording (the last few kept):
/// a batch's reports share a handful, and making one (CLDR formatters, Fluent bundles) was 1 %
/// of a report's time.
fn made_locale(tag: &str, buddhist: bool, wording: BTreeMap<String, String>) -> Rc<Locale> {
    MADE_LOCALES.with_borrow_mut(|made| {
        let found = made
            .iter()
            .find(|((t, b, w), _)| t == tag && *b == buddhist && *w == wording);
        if let Some((_, locale)) = found {
            return Rc::clone(locale);
        }
        if made.len() >= LOCALES_KEPT {
            made.clear();
        }
        let locale = Rc::new(Locale::new(tag, buddhist, wording.clone()));
        made.push(((tag.to_string(), buddhist, wording), Rc::clone(&locale)));
        locale
    })
}

/// The locale a client's reports are written in (its own, else its brand's, else its
/// agency's), for pages about them that have no report model (the published site).
pub fn client_locale(client: &crate::config::Client, brand: &Brand) -> Locale {
    let tag = client
        .own_locale
        .or(brand.file.locale.as_ref())
        .unwrap_or(&client.agency.locale)
        .to_string();
    let calendar = client.config.calendar.or(brand.file.calendar);
    let buddhist = calendar.unwrap_or_default() == crate::config::schema::Calendar::Buddhist;
    locale_with(&tag, buddhist, brand)
}

/// The locale of the agency's own pages (the overview): its locale, with the brand's wording.
pub fn agency_locale(agency: &crate::config::schema::AgencyConfig, brand: &Brand) -> Locale {
    locale_with(agency.locale.as_str(), false, brand)
}

fn locale_with(tag: &str, buddhist: bool, brand: &Brand) -> Locale {
    Locale::new(tag, buddhist, wording_for(tag, brand))
}

/// The brand's wording in `tag`'s language: per-language wording (by full tag, then
/// language) over wording for all languages, section ids as their title messages.
fn wording_for(tag: &str, brand: &Brand) -> BTreeMap<String, String> {
    let language = tag.split('-').next().unwrap_or(tag);
    let by_locale = brand
        .file
        .wording_by_locale
        .get(tag)
        .or_else(|| brand.file.wording_by_locale.get(language));
    let mut wording = BTreeMap::new();
    for (key, text) in brand
        .file
        .wording
        .iter()
        .chain(by_locale.into_iter().flatten())
    {
        // Section ids are shorthands for their title messages.
        let is_section = crate::config::schema::Section::ALL.iter().any(|s| {
            serde_json::to_value(s)
                .ok()
                .and_then(|v| v.as_str().map(|v| v == key))
                .unwrap_or(false)
        });
        let key = if is_section {
            format!("section-{key}")
        } else {
            key.clone()
        };
        wording.insert(key, text.clone());
    }
    wording
}

/// The PDF of a report, tagged (PDF/UA-1).
pub fn render_pdf(
    report: &Report,
    view: &ReportView,
    kit: &BrandKit,
) -> Result<Vec<u8>, pdf::PdfError> {
    render_pdf_tagged(report, view, kit, true)
}

/// The PDF with or without its structure tree: untagged only to measure what tagging costs.
pub fn render_pdf_tagged(
    report: &Report,
    view: &ReportView,
    kit: &BrandKit,
    tagged: bool,
) -> Result<Vec<u8>, pdf::PdfError> {
    let locale = locale_for(report, &kit.brand);
    pdf_of_view(view, kit, &locale, report.period.end, tagged)
}

/// The PDF of a view (a report's, or the agency overview's), its pages numbered in `locale`.
pub fn pdf_of_view(
    view: &ReportView,
    kit: &BrandKit,
    locale: &Locale,
    date: chrono::NaiveDate,
    tagged: bool,
) -> Result<Vec<u8>, pdf::PdfError> {
    let label = |n: usize, total: usize| {
        let number = |v: usize| locale.fmt.number(v as f64, 0);
        locale.text(
            "page-of",
            &[("page", number(n).into()), ("pages", number(total).into())],
        )
    };
    let meta = pdf::Metadata {
        title: view.title.clone(),
        author: view.agency_name.clone(),
        subject: format!("{} · {}", view.report_title, view.period_label),
        date,
        lang: view.lang.clone(),
        tagged,
    };
    kit.pdf.render(view, meta, &label)
}

/// Why a report could not be written in a format. The cause is the error's `source()`, not
/// part of its own message: show it with `{:#}` (anyhow) or [`crate::error_chain`].
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    #[error(transparent)]
    Html(#[from] html::TemplateError),
    /// A glyph error names the text and the fonts tried; the brand says whose fonts.
    #[error("PDF (brand {brand})")]
    Pdf {
        brand: String,
        #[source]
        source: pdf::PdfError,
    },
}

/// The bytes of a report in each of `formats`, in that order.
pub fn render_formats(
    report: &Report,
    kit: &BrandKit,
    ws: &Workspace,
    formats: &[Format],
) -> Result<Vec<(Format, Vec<u8>)>, RenderError> {
    let locale = locale_for(report, &kit.brand);
    let view = view_with(report, &kit.brand, ws, &locale);
    // Each format once: `[pdf, pdf]` is one PDF (two would be two writes of one file).
    formats
        .iter()
        .enumerate()
        .filter(|&(i, format)| !formats[..i].contains(format))
        .map(|(_, &format)| {
            let bytes =
                match format {
                    Format::Json => model_json(report)?,
                    Format::Html => kit.html.render(&view, &kit.brand)?,
                    Format::Pdf => pdf_of_view(&view, kit, &locale, report.period.end, true)
                        .map_err(|source| RenderError::Pdf {
                            brand: kit.brand.id.to_string(),
                            source,
                        })?,
                };
            Ok((format, bytes))
        })
        .collect()
}

/// The report model as JSON on one line (`jq . report.json` indents it): half the bytes of
/// indented JSON (Brightside's October: 132 vs 251 KB), which every report hashes, writes and
/// uploads. Written into a buffer the size of this thread's last one (grown from empty, it was
/// copied over and over).
fn model_json(report: &Report) -> serde_json::Result<Vec<u8>> {
    thread_local! {
        static LAST: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }
    let mut out = Vec::with_capacity(LAST.get() + LAST.get() / 8);
    serde_json::to_writer(&mut out, report)?;
    LAST.set(out.len());
    Ok(out)
}

/// The view of a report for its brand and locale.
pub fn view_of(report: &Report, brand: &Brand, ws: &Workspace) -> ReportView {
    view_with(report, brand, ws, &locale_for(report, brand))
}

/// The view of a report in a locale already built for it ([`locale_for`]).
fn view_with(report: &Report, brand: &Brand, ws: &Workspace, locale: &Locale) -> ReportView {
    view::build(&ViewInputs {
        report,
        brand,
        locale,
        catalog: &ws.catalog,
        commentary_html: report.commentary.as_deref().map(markdown::to_safe_html),
        page_size: paper::page_size(
            ws.client(&report.client.id)
                .and_then(|c| c.config.page_size),
            &report.client.locale,
            brand.file.page_size,
        ),
    })
}
pub mod pdf;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::schema::Section;
    use crate::locale::{CATALOGS, catalog_keys};
    use crate::metrics::catalog::Catalog;

    /// Every section title and built-in metric label and definition is written in every
    /// language: a missing message would fall back to English in the middle of a Thai report.
    #[test]
    fn every_section_and_metric_has_a_message_in_every_language() {
        let mut wanted: Vec<String> = Section::ALL
            .iter()
            .map(|s| {
                format!(
                    "section-{}",
                    serde_json::to_value(s).unwrap().as_str().unwrap()
                )
            })
            .collect();
        for m in Catalog::builtin().iter() {
            let key = m.id.replace('.', "-");
            wanted.push(format!("metric-{key}"));
            wanted.push(format!("definition-{key}"));
        }
        for (lang, source) in CATALOGS {
            let keys = catalog_keys(source);
            let missing: Vec<&String> = wanted.iter().filter(|k| !keys.contains(k)).collect();
            assert!(missing.is_empty(), "catalog {lang} lacks {missing:?}");
        }
    }

    /// A locale is made once per thread for its language, calendar and wording: another of
    /// any of the three is another locale, with its own words; at most `LOCALES_KEPT` stay.
    #[test]
    fn locales_are_made_once_per_language_calendar_and_wording() {
        let plain = made_locale("th-TH", false, BTreeMap::new());
        assert!(Rc::ptr_eq(
            &plain,
            &made_locale("th-TH", false, BTreeMap::new())
        ));
        let worded = BTreeMap::from([("section-web".to_string(), "เว็บของเรา".to_string())]);
        let own = made_locale("th-TH", false, worded.clone());
        assert!(!Rc::ptr_eq(&plain, &own));
        assert_eq!(own.t("section-web"), "เว็บของเรา");
        assert_ne!(plain.t("section-web"), "เว็บของเรา");
        let buddhist = made_locale("th-TH", true, BTreeMap::new());
        assert!(!Rc::ptr_eq(&plain, &buddhist));
        assert!(!Rc::ptr_eq(
            &plain,
            &made_locale("en-US", false, BTreeMap::new())
        ));
        for tag in [
            "de-DE", "it-IT", "ja-JP", "ar-EG", "tr-TR", "id-ID", "fr-FR", "es-ES",
        ] {
            made_locale(tag, false, BTreeMap::new());
            assert!(MADE_LOCALES.with_borrow(Vec::len) <= LOCALES_KEPT);
        }
    }
}

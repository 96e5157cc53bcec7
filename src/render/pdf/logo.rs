//! The brand logo as a PDF object, encoded and compressed once per brand kit and copied
//! into every report: an image (printpdf would split and deflate the logo's pixels again in
//! each document, which was a third of a report's PDF time) or, for an SVG, a form of vector
//! paths.

use lopdf::{Document, Object, ObjectId, Stream};
use printpdf::{PdfDocument, PdfSaveOptions, RawImage};

/// The resource name the pages draw the logo by (`/ExecLogo Do`).
pub const NAME: &str = "ExecLogo";
/// The light variant drawn on a dark cover band.
pub const NAME_ON_DARK: &str = "ExecLogoOnDark";

/// The logo's objects, ready to copy into a document; drawn into the unit square.
pub struct Logo {
    content: Content,
    /// Width ÷ height of the picture.
    pub aspect: f32,
}

enum Content {
    /// An image stream and its alpha mask (soft mask).
    Image {
        image: Stream,
        smask: Option<Stream>,
    },
    /// A form XObject of vector paths.
    Form(Stream),
}

impl Logo {
    /// A brand's logo: an SVG's outlined tree as vector paths, a PNG or JPEG as an image.
    pub fn from_brand(logo: &crate::config::brand::Logo) -> Result<Self, String> {
        match &logo.vector {
            Some(v) => {
                let size = v.tree.size();
                let mut form = super::vector_logo::form(&v.tree);
                super::deflate(&mut form, super::Effort::Best);
                Ok(Logo {
                    content: Content::Form(form),
                    aspect: size.width() / size.height(),
                })
            }
            None => Self::decode(&logo.bytes),
        }
    }

    /// Decodes a PNG or JPEG logo into compressed PDF image streams.
    fn decode(bytes: &[u8]) -> Result<Self, String> {
        let mut warnings = Vec::new();
        let raw = RawImage::decode_from_bytes(bytes, &mut warnings)?;
        let aspect = raw.width as f32 / raw.height.max(1) as f32;
        // printpdf knows the pixel formats (grey, RGB, alpha, 16 bit): let it build the image
        // objects once in a scratch document and take them from there.
        let mut scratch = PdfDocument::new("logo");
        scratch.add_image(&raw);
        let options = PdfSaveOptions {
            optimize: false,
            subset_fonts: false,
            image_optimization: None,
            ..Default::default()
        };
        let scratch = scratch.to_lopdf_document(&options, &mut warnings);
        let is_image = |o: &Object| {
            o.as_stream().is_ok_and(|s| {
                s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image")
            })
        };
        let image_id = scratch
            .objects
            .iter()
            .find(|(_, o)| is_image(o) && o.as_stream().is_ok_and(|s| s.dict.has(b"SMask")))
            .or_else(|| scratch.objects.iter().find(|(_, o)| is_image(o)))
            .map(|(id, _)| *id)
            .ok_or("the logo gave no image")?;
        let mut image = scratch
            .get_object(image_id)
            .and_then(Object::as_stream)
            .map_err(|e| e.to_string())?
            .clone();
        let mut smask = match image.dict.get(b"SMask").and_then(Object::as_reference) {
            Ok(id) => Some(
                scratch
                    .get_object(id)
                    .and_then(Object::as_stream)
                    .map_err(|e| e.to_string())?
                    .clone(),
            ),
            Err(_) => None,
        };
        image.dict.remove(b"SMask");
        for stream in std::iter::once(&mut image).chain(smask.as_mut()) {
            super::deflate(stream, super::Effort::Best);
        }
        Ok(Logo {
            content: Content::Image { image, smask },
            aspect,
        })
    }

    /// Adds the logo's objects to `pdf`: the XObject the pages draw.
    pub fn add_to(&self, pdf: &mut Document) -> ObjectId {
        match &self.content {
            Content::Image { image, smask } => {
                let mut image = image.clone();
                if let Some(smask) = smask {
                    let id = pdf.add_object(smask.clone());
                    image.dict.set("SMask", Object::Reference(id));
                }
                pdf.add_object(image)
            }
            Content::Form(form) => pdf.add_object(form.clone()),
        }
    }
}

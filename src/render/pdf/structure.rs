//! Tagged PDF (PDF/UA-1): the structure tree that gives assistive technology the report's
//! reading order, headings, lists, tables and figures with their alternative text.
//!
//! The layout marks runs of page items with `Item::Open(role)` … `Item::Close`; while the
//! pages are written, [`Tagger`] wraps each item's operators in marked content (`BDC` with an
//! MCID, or `/Artifact` for decoration and running furniture) and records which element owns
//! which MCID. After the pages are in the document, [`Tagger::finish`] writes the
//! StructTreeRoot, the ParentTree, the document language, `/MarkInfo`, the viewer preference to
//! show the title, and XMP metadata declaring PDF/UA-1.

use std::io::Write;

use lopdf::{Dictionary, Object, ObjectId, Stream};

use super::content::{ContentStream, utf16_literal};
use super::serialize::{Written, write_name, write_object, write_reference};
use super::{name, text_string};

/// What a run of page items is in the structure tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    /// The report's title.
    H1,
    /// A section's title.
    H2,
    /// A heading within a section (a caption of a list, a commentary heading).
    H3,
    P,
    /// A list; its items are [`Role::ListItem`].
    List,
    /// A list item (`LI` holding an `LBody`).
    ListItem,
    Table,
    Caption,
    /// A table row.
    Row,
    /// A header cell: of a column (the table's header row) or of its row (a row's label).
    Header(Scope),
    /// A data cell.
    Cell,
    /// A chart or the logo, with the text that says what it shows.
    Figure {
        alt: String,
    },
    Link,
    /// Drawn but not content: running headers and footers, repeated table headers, rules.
    Artifact,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Column,
    Row,
}

impl Role {
    /// The standard structure type (PDF 32000-1 §14.8.4).
    fn name(&self) -> &'static str {
        match self {
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::H3 => "H3",
            Role::P => "P",
            Role::List => "L",
            Role::ListItem => "LI",
            Role::Table => "Table",
            Role::Caption => "Caption",
            Role::Row => "TR",
            Role::Header(_) => "TH",
            Role::Cell => "TD",
            Role::Figure { .. } => "Figure",
            Role::Link => "Link",
            Role::Artifact => "Artifact",
        }
    }
}

/// One element of the tree, by index into [`Tagger::elements`]; index 0 is the Document.
struct Element {
    kind: &'static str,
    role: Option<Role>,
    parent: usize,
    kids: Vec<Kid>,
}

enum Kid {
    Element(usize),
    /// Marked content: (page index, MCID).
    Content(usize, i64),
    /// A link annotation: (page index, the annotation's object).
    Annotation(usize, ObjectId),
}

/// What is open in the tree while items are written.
enum Frame {
    /// An element (for a list item its LBody: closing it closes the LI too).
    Element { index: usize },
    /// Inside an artifact: everything drawn is decoration.
    Artifact,
}

/// What a drawn item is, for the marked content around it.
#[derive(Clone, Copy, PartialEq)]
pub enum Content {
    Text,
    /// Shapes and images: content inside a figure, decoration elsewhere.
    Graphic,
}

/// A marked-content sequence of the page's content stream.
#[derive(Clone, Copy, PartialEq)]
pub enum Marked {
    Artifact,
    Element(usize),
    /// Content of the element whose text readers take from the sequence's `/ActualText`.
    Actual(usize),
}

/// Builds the structure tree while the pages are written.
pub struct Tagger {
    elements: Vec<Element>,
    stack: Vec<Frame>,
    /// Per page, the element owning each MCID (the ParentTree).
    mcids: Vec<Vec<usize>>,
    /// Per page, each link annotation's object and its link element.
    links: Vec<Vec<(ObjectId, usize)>>,
    open: Option<Marked>,
    /// Off only to measure what tagging costs: then nothing is marked or written.
    enabled: bool,
}

impl Tagger {
    pub fn new(enabled: bool) -> Self {
        Tagger {
            enabled,
            elements: vec![Element {
                kind: "Document",
                role: None,
                parent: 0,
                kids: Vec::new(),
            }],
            stack: Vec::new(),
            mcids: Vec::new(),
            links: Vec::new(),
            open: None,
        }
    }
}

impl Tagger {
    fn top(&self) -> Option<usize> {
        match self.stack.last() {
            Some(Frame::Element { index, .. }) => Some(*index),
            Some(Frame::Artifact) => None,
            None => Some(0),
        }
    }

    fn add(&mut self, kind: &'static str, role: Option<Role>, parent: usize) -> usize {
        let index = self.elements.len();
        self.elements.push(Element {
            kind,
            role,
            parent,
            kids: Vec::new(),
        });
        self.elements[parent].kids.push(Kid::Element(index));
        index
    }

    pub fn start_page(&mut self) {
        self.mcids.push(Vec::new());
        self.links.push(Vec::new());
    }

    /// Opens an element (or an artifact) as the layout's `Item::Open` says.
    pub fn open(&mut self, role: &Role) {
        if !self.enabled {
            return;
        }
        let Some(parent) = self.top() else {
            self.stack.push(Frame::Artifact);
            return;
        };
        if *role == Role::Artifact {
            self.stack.push(Frame::Artifact);
            return;
        }
        let index = self.add(role.name(), Some(role.clone()), parent);
        if *role == Role::ListItem {
            let body = self.add("LBody", None, index);
            self.stack.push(Frame::Element { index: body });
        } else {
            self.stack.push(Frame::Element { index });
        }
    }

    pub fn close(&mut self) {
        self.stack.pop();
    }

    /// Opens the marked content an item of `content` needs, closing what no longer fits.
    pub fn mark(&mut self, content: Content, out: &mut ContentStream) {
        if let Some(target) = self.target(content) {
            self.mark_as(target, None, out);
        }
    }

    /// The sequence an item of `content` belongs in (none when tagging is off). Text the
    /// layout left untagged is read as a paragraph of its own: a new element each call.
    pub fn target(&mut self, content: Content) -> Option<Marked> {
        if !self.enabled {
            return None;
        }
        let in_figure = |t: &Tagger, i: usize| {
            let mut i = i;
            while i != 0 {
                if matches!(t.elements[i].role, Some(Role::Figure { .. })) {
                    return true;
                }
                i = t.elements[i].parent;
            }
            false
        };
        Some(match (self.top(), content) {
            (None, _) => Marked::Artifact,
            (Some(e), Content::Graphic) if !in_figure(self, e) => Marked::Artifact,
            (Some(0), Content::Text) => Marked::Element(self.add("P", Some(Role::P), 0)),
            (Some(e), _) => Marked::Element(e),
        })
    }

    /// Opens `target` for the content drawn next, continuing the open sequence where it is
    /// the same. With `actual_text`, an element's content gets a sequence of its own whose
    /// glyphs readers read as that text: a `/Span` (poppler honours `/ActualText` on no
    /// other tag) with the element's MCID. A span nested in the element's sequence would
    /// do for text extraction, but poppler's structure reader ends the element's text at
    /// the nested span's `EMC`.
    pub fn mark_as(&mut self, target: Marked, actual_text: Option<&str>, out: &mut ContentStream) {
        debug_assert!(
            matches!(target, Marked::Element(_)) || actual_text.is_none(),
            "ActualText is given to an element's own sequence only"
        );
        if actual_text.is_none() && self.open == Some(target) {
            return;
        }
        self.end_marked(out);
        match target {
            Marked::Artifact => {
                out.name("Artifact").op("BMC");
                self.open = Some(target);
            }
            Marked::Element(e) | Marked::Actual(e) => {
                let page = self.mcids.len() - 1;
                let mcid = self.mcids[page].len() as i64;
                self.mcids[page].push(e);
                self.elements[e].kids.push(Kid::Content(page, mcid));
                let mcid = mcid.to_string();
                let mut properties: Vec<(&str, &[u8])> = vec![("MCID", mcid.as_bytes())];
                let text = actual_text.map(utf16_literal);
                if let Some(text) = &text {
                    properties.push(("ActualText", text));
                    out.begin_marked("Span", &properties);
                    self.open = Some(Marked::Actual(e));
                } else {
                    out.begin_marked(self.elements[e].kind, &properties);
                    self.open = Some(Marked::Element(e));
                }
            }
        }
    }

    /// Closes the open marked content (at the end of a page, or before other content).
    pub fn end_marked(&mut self, out: &mut ContentStream) {
        if self.open.take().is_some() {
            out.op("EMC");
        }
    }

    /// The link annotation `annotation` on the current page: it belongs to the open link
    /// element, or to a new one where the layout opened none.
    pub fn link(&mut self, annotation: ObjectId) {
        if !self.enabled {
            return;
        }
        let Some(top) = self.top() else {
            return;
        };
        let link = if matches!(self.elements[top].role, Some(Role::Link)) {
            top
        } else {
            self.add("Link", Some(Role::Link), top)
        };
        let page = self.links.len() - 1;
        self.links[page].push((annotation, link));
        self.elements[link]
            .kids
            .push(Kid::Annotation(page, annotation));
    }

    /// Writes the document-level entries and the tree's root into the document, and returns
    /// the tree's elements and ParentTree, written, for the serializer. `pages` are the page
    /// objects in order.
    pub fn finish(
        self,
        pdf: &mut lopdf::Document,
        pages: &[ObjectId],
        lang: &str,
        title: &str,
    ) -> Result<Written, String> {
        if !self.enabled {
            return Ok(Written::default());
        }
        if pages.len() != self.mcids.len() {
            return Err(format!(
                "tagging: {} pages written, {} tagged",
                pages.len(),
                self.mcids.len()
            ));
        }
        // Each link annotation gets its key in the ParentTree.
        let mut next_key = pages.len() as i64;
        let mut links = Vec::new();
        let ids: Vec<ObjectId> = (0..self.elements.len())
            .map(|_| pdf.new_object_id())
            .collect();
        for (p, page_id) in pages.iter().enumerate() {
            for (annotation, link) in &self.links[p] {
                pdf.get_dictionary_mut(*annotation)
                    .map_err(|e| format!("tagging: page {p}: a link: {e}"))?
                    .set("StructParent", next_key);
                links.push((next_key, *link));
                next_key += 1;
            }
            let has_annotations = pdf
                .get_dictionary(*page_id)
                .is_ok_and(|d| d.get(b"Annots").is_ok());
            let page = pdf
                .get_dictionary_mut(*page_id)
                .map_err(|e| format!("tagging: page {p}: {e}"))?;
            page.set("StructParents", p as i64);
            if has_annotations {
                // Tab order follows the structure (PDF/UA-1 7.18.3).
                page.set("Tabs", name("S"));
            }
        }
        let root_id = pdf.new_object_id();
        let parent_tree = pdf.new_object_id();
        let mut written = Written::default();
        for (i, element) in self.elements.iter().enumerate() {
            written.add(ids[i], |out| {
                out.extend_from_slice(b"<</Type/StructElem/S");
                write_name(out, element.kind.as_bytes());
                out.extend_from_slice(b"/P ");
                write_reference(out, if i == 0 { root_id } else { ids[element.parent] });
                // The element's page is that of its first marked content: its MCIDs on that
                // page are plain integers, only those on other pages need a reference dictionary.
                let page = element.kids.iter().find_map(|kid| match kid {
                    Kid::Content(p, _) => Some(*p),
                    _ => None,
                });
                if let Some(p) = page {
                    out.extend_from_slice(b"/Pg ");
                    write_reference(out, pages[p]);
                }
                out.extend_from_slice(if element.kids.len() == 1 {
                    b"/K "
                } else {
                    b"/K ["
                });
                for (k, kid) in element.kids.iter().enumerate() {
                    if k > 0 {
                        out.push(b' ');
                    }
                    match kid {
                        Kid::Element(e) => write_reference(out, ids[*e]),
                        Kid::Content(p, mcid) if Some(*p) == page => {
                            write!(out, "{mcid}").ok();
                        }
                        Kid::Content(p, mcid) => {
                            out.extend_from_slice(b"<</Type/MCR/Pg ");
                            write_reference(out, pages[*p]);
                            write!(out, "/MCID {mcid}>>").ok();
                        }
                        Kid::Annotation(p, annotation) => {
                            out.extend_from_slice(b"<</Type/OBJR/Pg ");
                            write_reference(out, pages[*p]);
                            out.extend_from_slice(b"/Obj ");
                            write_reference(out, *annotation);
                            out.extend_from_slice(b">>");
                        }
                    }
                }
                if element.kids.len() != 1 {
                    out.push(b']');
                }
                match &element.role {
                    Some(Role::Figure { alt }) => {
                        out.extend_from_slice(b"/Alt ");
                        write_object(out, &text_string(alt));
                    }
                    Some(Role::Header(scope)) => out.extend_from_slice(match scope {
                        Scope::Column => b"/A <</O/Table/Scope/Column>>",
                        Scope::Row => b"/A <</O/Table/Scope/Row>>",
                    }),
                    _ => {}
                }
                if i == 0 {
                    out.extend_from_slice(b"/Lang ");
                    write_object(out, &text_string(lang));
                }
                out.extend_from_slice(b">>");
            });
        }
        // The ParentTree: per page, the element of each MCID; then each link's element.
        written.add(parent_tree, |out| {
            out.extend_from_slice(b"<</Nums [");
            for (p, owners) in self.mcids.iter().enumerate() {
                write!(out, "{p} [").ok();
                for (k, owner) in owners.iter().enumerate() {
                    if k > 0 {
                        out.push(b' ');
                    }
                    write_reference(out, ids[*owner]);
                }
                out.extend_from_slice(b"] ");
            }
            for (key, link) in &links {
                write!(out, "{key} ").ok();
                write_reference(out, ids[*link]);
                out.push(b' ');
            }
            out.extend_from_slice(b"]>>");
        });
        pdf.objects.insert(
            root_id,
            Object::Dictionary(Dictionary::from_iter([
                ("Type", name("StructTreeRoot")),
                ("K", Object::Reference(ids[0])),
                ("ParentTree", Object::Reference(parent_tree)),
                ("ParentTreeNextKey", Object::Integer(next_key)),
            ])),
        );
        let metadata = pdf.add_object(Stream::new(
            Dictionary::from_iter([("Type", name("Metadata")), ("Subtype", name("XML"))]),
            xmp(title, lang).into_bytes(),
        ));
        let catalog = pdf
            .catalog_mut()
            .map_err(|e| format!("tagging: the catalog: {e}"))?;
        catalog.set("StructTreeRoot", Object::Reference(root_id));
        catalog.set(
            "MarkInfo",
            Dictionary::from_iter([("Marked", Object::Boolean(true))]),
        );
        catalog.set("Lang", text_string(lang));
        catalog.set(
            "ViewerPreferences",
            Dictionary::from_iter([("DisplayDocTitle", Object::Boolean(true))]),
        );
        catalog.set("Metadata", Object::Reference(metadata));
        Ok(written)
    }
}

/// XMP metadata with the title and the PDF/UA-1 identification (no random instance id, so a
/// rerun writes the same bytes).
fn xmp(title: &str, lang: &str) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    format!(
        r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:title><rdf:Alt><rdf:li xml:lang="{lang}">{title}</rdf:li></rdf:Alt></dc:title>
<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"#,
        title = esc(title),
        lang = esc(lang),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page whose first link annotation is decoration (drawn inside an artifact, so it has
    /// no element) and whose second belongs to a paragraph: the tree points at the second, and
    /// only the second gets a key in the ParentTree. (Pairing annotations by their rank on the
    /// page gave the paragraph's link the decoration's annotation.)
    #[test]
    fn a_link_belongs_to_its_own_annotation() {
        let mut pdf = lopdf::Document::with_version("1.7");
        let annotation =
            || Dictionary::from_iter([("Type", name("Annot")), ("Subtype", name("Link"))]);
        let decoration = pdf.add_object(annotation());
        let content = pdf.add_object(annotation());
        let annots = vec![Object::Reference(decoration), Object::Reference(content)];
        let page = super::super::with_one_page(&mut pdf, [("Annots", Object::Array(annots))]);

        let mut tagger = Tagger::new(true);
        let mut out = ContentStream::default();
        tagger.start_page();
        tagger.open(&Role::Artifact);
        tagger.link(decoration);
        tagger.close();
        tagger.open(&Role::P);
        tagger.mark(Content::Text, &mut out);
        tagger.link(content);
        tagger.close();
        tagger.end_marked(&mut out);
        let tree = tagger.finish(&mut pdf, &[page], "en", "Links").unwrap();
        let pdf =
            lopdf::Document::load_mem(&super::super::serialize::serialize(&pdf, &tree)).unwrap();

        let dict = |id| pdf.get_dictionary(id).unwrap();
        assert!(dict(decoration).get(b"StructParent").is_err());
        let key = dict(content)
            .get(b"StructParent")
            .unwrap()
            .as_i64()
            .unwrap();
        // The Link element's kid is the object reference to its annotation.
        let objr: Vec<ObjectId> = pdf
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.get(b"S").and_then(Object::as_name).ok() == Some(b"Link"))
            .map(|d| {
                let kid = d.get(b"K").unwrap().as_dict().unwrap();
                assert_eq!(kid.get(b"Type").unwrap().as_name().unwrap(), b"OBJR");
                kid.get(b"Obj").unwrap().as_reference().unwrap()
            })
            .collect();
        assert_eq!(objr, vec![content]);
        assert_eq!(key, 1, "page 0 takes key 0, the link the next");
    }
}

//! The document's objects to PDF bytes (PDF 32000-1 §7.5): streams as indirect objects, every
//! other object once into deflated object streams, a deflated cross-reference stream.
//! lopdf's own writer serialized each object of an object stream three times, as long as
//! everything else in a tagged report's PDF stage.

use std::io::Write;

use lopdf::{Dictionary, Object, ObjectId, StringFormat};

use super::content::write_num;
use super::name;

/// Objects already in PDF syntax, none a stream: the structure tree's elements, by the hundred
/// in a report, go into the object streams as they are, with no lopdf object built and walked
/// for each (that was most of what tagging cost).
#[derive(Default)]
pub struct Written {
    bytes: Vec<u8>,
    /// Each object's number and where its bytes end.
    ends: Vec<(u32, usize)>,
}

impl Written {
    /// Adds object `id` (its generation is 0), its bytes written by `write`.
    pub fn add(&mut self, id: ObjectId, write: impl FnOnce(&mut Vec<u8>)) {
        write(&mut self.bytes);
        self.ends.push((id.0, self.bytes.len()));
    }

    fn iter(&self) -> impl Iterator<Item = (u32, &[u8])> {
        let starts = std::iter::once(0).chain(self.ends.iter().map(|&(_, end)| end));
        self.ends
            .iter()
            .zip(starts)
            .map(|(&(number, end), start)| (number, &self.bytes[start..end]))
    }
}

/// Writes `pdf` and the objects `written` beside it (numbered within `pdf.max_id`); the
/// trailer's `Root`, `Info` and `ID` go into the cross-reference stream.
pub fn serialize(pdf: &lopdf::Document, written: &Written) -> Vec<u8> {
    serialize_with(pdf, written, OBJECTS_PER_STREAM)
}

/// Objects per object stream: an index in one is two bytes in the xref stream (`/W [1 4 2]`);
/// a report has a few hundred, a tagged one with very long tables several thousand.
const OBJECTS_PER_STREAM: usize = 10_000;

fn serialize_with(pdf: &lopdf::Document, written: &Written, per_stream: usize) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let packed_count = pdf
        .objects
        .values()
        .filter(|o| !matches!(o, Object::Stream(_)))
        .count()
        + written.ends.len();
    let streams = packed_count.div_ceil(per_stream) as u32;
    let first_stream = pdf.max_id + 1;
    let xref_id = first_stream + streams;
    let size = xref_id + 1; // object 0, the objects, the object streams, the xref stream
    // Per object number: where it is (type 1: offset; type 2: object stream and index).
    let mut xref: Vec<(u8, u32, u16)> = vec![(0, 0, 0xFFFF); size as usize];
    let mut packer = Packer {
        per_stream,
        stream_id: first_stream,
        index: 0,
        offsets: Vec::new(),
        packed: Vec::new(),
    };
    for (&(number, _), object) in &pdf.objects {
        match object {
            Object::Stream(stream) => {
                xref[number as usize] = (1, out.len() as u32, 0);
                writeln!(out, "{number} 0 obj").ok();
                stream_object(&mut out, &stream.dict, &stream.content);
                out.extend_from_slice(b"\nendobj\n");
            }
            other => packer.pack(&mut out, &mut xref, number, |p| write_object(p, other)),
        }
    }
    for (number, bytes) in written.iter() {
        packer.pack(&mut out, &mut xref, number, |p| p.extend_from_slice(bytes));
    }
    packer.flush(&mut out, &mut xref);

    let start = out.len();
    xref[xref_id as usize] = (1, start as u32, 0);
    let mut entries = Vec::with_capacity(xref.len() * 7);
    for (kind, field, generation) in xref {
        entries.push(kind);
        entries.extend_from_slice(&field.to_be_bytes());
        entries.extend_from_slice(&generation.to_be_bytes());
    }
    let mut dict = Dictionary::from_iter([
        ("Type", name("XRef")),
        ("Size", Object::Integer(size.into())),
        (
            "W",
            Object::Array(vec![
                Object::Integer(1),
                Object::Integer(4),
                Object::Integer(2),
            ]),
        ),
    ]);
    for key in [&b"Root"[..], b"Info", b"ID"] {
        if let Ok(value) = pdf.trailer.get(key) {
            dict.set(key, value.clone());
        }
    }
    writeln!(out, "{xref_id} 0 obj").ok();
    deflated_stream(&mut out, dict, &entries);
    write!(out, "\nendobj\nstartxref\n{start}\n%%EOF\n").ok();
    out
}

/// The open object stream: the objects packed into it so far.
struct Packer {
    per_stream: usize,
    stream_id: u32,
    /// How many objects it holds.
    index: usize,
    /// "number offset" pairs of its header.
    offsets: Vec<u8>,
    packed: Vec<u8>,
}

impl Packer {
    /// Packs object `number` (written by `write`), writing the stream out when it is full.
    fn pack(
        &mut self,
        out: &mut Vec<u8>,
        xref: &mut [(u8, u32, u16)],
        number: u32,
        write: impl FnOnce(&mut Vec<u8>),
    ) {
        xref[number as usize] = (2, self.stream_id, self.index as u16);
        self.index += 1;
        write!(self.offsets, "{number} {} ", self.packed.len()).ok();
        write(&mut self.packed);
        self.packed.push(b'\n');
        if self.index == self.per_stream {
            self.flush(out, xref);
        }
    }

    /// Writes the stream, if it holds any object, and opens the next.
    fn flush(&mut self, out: &mut Vec<u8>, xref: &mut [(u8, u32, u16)]) {
        if self.index == 0 {
            return;
        }
        xref[self.stream_id as usize] = (1, out.len() as u32, 0);
        let first = self.offsets.len();
        self.offsets.extend_from_slice(&self.packed);
        let dict = Dictionary::from_iter([
            ("Type", name("ObjStm")),
            ("N", Object::Integer(self.index as i64)),
            ("First", Object::Integer(first as i64)),
        ]);
        writeln!(out, "{} 0 obj", self.stream_id).ok();
        deflated_stream(out, dict, &self.offsets);
        out.extend_from_slice(b"\nendobj\n");
        self.offsets.clear();
        self.packed.clear();
        self.index = 0;
        self.stream_id += 1;
    }
}

/// A stream deflated as the page contents are.
fn deflated_stream(out: &mut Vec<u8>, mut dict: Dictionary, content: &[u8]) {
    match super::zlib(content, super::Effort::Fast) {
        Some(packed) => {
            dict.set("Filter", name("FlateDecode"));
            stream_object(out, &dict, &packed);
        }
        None => stream_object(out, &dict, content),
    }
}

/// `<<dict /Length n>>stream … endstream`.
fn stream_object(out: &mut Vec<u8>, dict: &Dictionary, content: &[u8]) {
    out.extend_from_slice(b"<<");
    for (key, value) in dict.iter().filter(|(k, _)| k.as_slice() != b"Length") {
        write_name(out, key);
        out.push(b' ');
        write_object(out, value);
    }
    writeln!(out, "/Length {}>>stream", content.len()).ok();
    out.extend_from_slice(content);
    out.extend_from_slice(b"\nendstream");
}

/// One direct object.
pub fn write_object(out: &mut Vec<u8>, object: &Object) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Object::Integer(i) => {
            write!(out, "{i}").ok();
        }
        Object::Real(r) => write_num(out, *r),
        Object::Name(n) => write_name(out, n),
        Object::String(s, StringFormat::Literal) => write_literal(out, s),
        Object::String(s, StringFormat::Hexadecimal) => {
            out.push(b'<');
            for b in s {
                write!(out, "{b:02X}").ok();
            }
            out.push(b'>');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                write_object(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => {
            out.extend_from_slice(b"<<");
            for (key, value) in dict.iter() {
                write_name(out, key);
                out.push(b' ');
                write_object(out, value);
            }
            out.extend_from_slice(b">>");
        }
        // Streams are indirect objects of their own; a reference is all that is written here.
        Object::Stream(_) => out.extend_from_slice(b"null"),
        Object::Reference(id) => write_reference(out, *id),
    }
}

/// `12 0 R`.
pub fn write_reference(out: &mut Vec<u8>, (number, generation): ObjectId) {
    write!(out, "{number} {generation} R").ok();
}

/// `/Name`, with `#xx` for bytes that are delimiters, white space or outside `!`..`~`.
pub fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &b in name {
        if b.is_ascii_graphic() && !b"#()<>[]{}/%".contains(&b) {
            out.push(b);
        } else {
            write!(out, "#{b:02X}").ok();
        }
    }
}

/// `(text)` with backslash, parentheses and line ends escaped.
fn write_literal(out: &mut Vec<u8>, text: &[u8]) {
    out.push(b'(');
    super::content::push_literal(out, text);
    out.push(b')');
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::Stream;

    /// A document with every kind of object, names and strings that need escaping.
    fn document() -> lopdf::Document {
        let mut doc = lopdf::Document::with_version("1.7");
        let content = doc.add_object(Stream::new(Dictionary::new(), b"0 0 m 10 10 l S".to_vec()));
        super::super::with_one_page(
            &mut doc,
            [
                ("Contents", Object::Reference(content)),
                (
                    "MediaBox",
                    Object::Array(vec![
                        0.into(),
                        0.into(),
                        Object::Real(595.28),
                        Object::Real(841.89),
                    ]),
                ),
            ],
        );
        doc.add_object(Dictionary::from_iter([
            ("Odd name", Object::Name(b"A/B (c)#1".to_vec())),
            (
                "Literal",
                Object::String(b"a (b) c) \\ d\r\n(".to_vec(), StringFormat::Literal),
            ),
            (
                "Hex",
                Object::String(vec![0xFE, 0xFF, 0, 0x41], StringFormat::Hexadecimal),
            ),
            ("Null", Object::Null),
            ("True", Object::Boolean(true)),
            ("Negative", Object::Real(-0.25)),
        ]));
        doc
    }

    /// Three objects written beside `doc`'s, numbered after them.
    fn written(doc: &mut lopdf::Document) -> Written {
        let mut written = Written::default();
        for n in 0..3 {
            written.add(doc.new_object_id(), |out| {
                write!(out, "<</Kind/Written/N {n}/Ref 1 0 R>>").unwrap()
            });
        }
        written
    }

    /// One object stream, and the objects spread over several (two per stream), with three
    /// written objects.
    fn both_ways(doc: &mut lopdf::Document) -> [Vec<u8>; 2] {
        let written = written(doc);
        [serialize(doc, &written), serialize_with(doc, &written, 2)]
    }

    #[test]
    fn every_object_reads_back_as_written() {
        let mut doc = document();
        for bytes in both_ways(&mut doc) {
            read_back(&doc, &bytes);
            let back = lopdf::Document::load_mem(&bytes).unwrap();
            for n in 0..3 {
                let id = (doc.max_id - 2 + n, 0);
                let dict = back.get_dictionary(id).unwrap();
                assert_eq!(dict.get(b"Kind").unwrap().as_name().unwrap(), b"Written");
                assert_eq!(dict.get(b"N").unwrap().as_i64().unwrap(), i64::from(n));
                assert_eq!(dict.get(b"Ref").unwrap().as_reference().unwrap(), (1, 0));
            }
        }
    }

    fn read_back(doc: &lopdf::Document, bytes: &[u8]) {
        let back = lopdf::Document::load_mem(bytes).unwrap();
        assert_eq!(back.get_pages().len(), 1);
        let ids: Vec<lopdf::ObjectId> = doc.objects.keys().copied().collect();
        for id in ids {
            let (a, b) = (doc.get_object(id).unwrap(), back.get_object(id).unwrap());
            match (a, b) {
                (Object::Stream(a), Object::Stream(b)) => assert_eq!(a.content, b.content),
                (Object::Dictionary(a), Object::Dictionary(b)) => {
                    for (key, value) in a.iter() {
                        let got = b.get(key).unwrap();
                        match (value, got) {
                            (Object::Real(x), Object::Real(y)) => assert!((x - y).abs() < 1e-4),
                            _ => assert_eq!(value, got, "{}", String::from_utf8_lossy(key)),
                        }
                    }
                    assert_eq!(a.len(), b.len());
                }
                _ => panic!("{id:?}: {a:?} vs {b:?}"),
            }
        }
    }

    /// qpdf reads the file without a warning: offsets, object stream and xref stream exact.
    #[test]
    fn qpdf_finds_no_error() {
        let dir = std::env::temp_dir().join(format!("serialize-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("doc.pdf");
        for bytes in both_ways(&mut document()) {
            std::fs::write(&path, bytes).unwrap();
            let out = std::process::Command::new("qpdf")
                .arg("--check")
                .arg(&path)
                .output()
                .expect("qpdf (apt: qpdf) runs");
            let text = String::from_utf8_lossy(&out.stdout).to_string()
                + &String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "{text}");
            assert!(
                text.contains("No syntax or stream encoding errors"),
                "{text}"
            );
            assert!(!text.to_lowercase().contains("warning"), "{text}");
        }
        std::fs::remove_dir_all(&dir).ok();
    }
}

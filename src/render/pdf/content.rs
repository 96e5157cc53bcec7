//! A page's content stream, written as bytes: the few operators reports draw (PDF 32000-1
//! §8–9, §14.6), numbers to a ten-thousandth of a point, glyphs as two-byte codes in literal
//! strings (half the bytes of hex strings, and deflate's time goes by the bytes it reads).

/// The operators of one page, in order.
#[derive(Default)]
pub struct ContentStream {
    bytes: Vec<u8>,
}

impl ContentStream {
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// A number and a space: integers without a point, others to four decimals at most.
    pub fn num(&mut self, v: f32) -> &mut Self {
        write_num(&mut self.bytes, v);
        self.bytes.push(b' ');
        self
    }

    /// An operator (or any other token) and the end of its line.
    pub fn op(&mut self, op: &str) -> &mut Self {
        self.bytes.extend_from_slice(op.as_bytes());
        self.bytes.push(b'\n');
        self
    }

    /// `r g b rg` (fill) or `r g b RG` (stroke).
    pub fn color(&mut self, [r, g, b]: [f32; 3], op: &str) -> &mut Self {
        self.num(r).num(g).num(b).op(op)
    }

    /// `x y w h re f`: a filled rectangle.
    pub fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.num(x).num(y).num(w).num(h).op("re").op("f");
    }

    /// A path through `points`: `m`, then `l` for each further point.
    pub fn path(&mut self, points: impl IntoIterator<Item = (f32, f32)>) {
        for (i, (x, y)) in points.into_iter().enumerate() {
            self.num(x).num(y).op(if i == 0 { "m" } else { "l" });
        }
    }

    /// `/Name ` (a resource or tag name; ours are plain ASCII words).
    pub fn name(&mut self, name: &str) -> &mut Self {
        self.bytes.push(b'/');
        self.bytes.extend_from_slice(name.as_bytes());
        self.bytes.push(b' ');
        self
    }

    /// Marked content with a property list: `/Tag <</Key value …>> BDC`, each value written
    /// as given (an integer, a string).
    pub fn begin_marked(&mut self, tag: &str, properties: &[(&str, &[u8])]) {
        self.name(tag);
        self.bytes.extend_from_slice(b"<<");
        for (i, (key, value)) in properties.iter().enumerate() {
            if i > 0 {
                self.bytes.push(b' ');
            }
            self.bytes.push(b'/');
            self.bytes.extend_from_slice(key.as_bytes());
            self.bytes.push(b' ');
            self.bytes.extend_from_slice(value);
        }
        self.bytes.extend_from_slice(b">> BDC\n");
    }

    /// `[lead (codes) kern (codes) …] TJ`: glyph codes with the adjustment before the first
    /// and after each (in thousandths of an em, subtracted from the pen); consecutive codes
    /// without one share a string.
    pub fn show_glyphs(&mut self, lead: f32, glyphs: impl IntoIterator<Item = (u16, f32)>) {
        self.bytes.push(b'[');
        if lead != 0.0 {
            write_num(&mut self.bytes, lead);
        }
        let mut open = false;
        for (code, kern) in glyphs {
            if !open {
                self.bytes.push(b'(');
                open = true;
            }
            push_literal(&mut self.bytes, &code.to_be_bytes());
            if kern != 0.0 {
                self.bytes.extend_from_slice(b") ");
                write_num(&mut self.bytes, kern);
                open = false;
            }
        }
        if open {
            self.bytes.push(b')');
        }
        self.bytes.extend_from_slice(b"] TJ\n");
    }
}

/// A PDF text string in UTF-16BE with its byte-order mark, as a literal string, for content
/// streams.
pub fn utf16_literal(text: &str) -> Vec<u8> {
    let mut out = vec![b'('];
    push_literal(&mut out, &super::utf16_be(text));
    out.push(b')');
    out
}

/// Bytes inside a literal string: parentheses and backslashes escaped, and line ends, which a
/// reader would otherwise turn into a plain newline (PDF 32000-1 §7.3.4.2); every other byte
/// as it is.
pub(super) fn push_literal(out: &mut Vec<u8>, bytes: &[u8]) {
    for &b in bytes {
        match b {
            b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', b]),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\n' => out.extend_from_slice(b"\\n"),
            _ => out.push(b),
        }
    }
}

/// `v` to four decimals at most, without trailing zeros (an integer without a point).
pub(super) fn write_num(out: &mut Vec<u8>, v: f32) {
    let scaled = (f64::from(v) * 10_000.0).round();
    if !scaled.is_finite() || scaled.abs() >= 9.0e18 {
        out.push(b'0');
        return;
    }
    let scaled = scaled as i64;
    if scaled < 0 {
        out.push(b'-');
    }
    let abs = scaled.unsigned_abs();
    out.extend_from_slice(itoa::Buffer::new().format(abs / 10_000).as_bytes());
    let mut frac = abs % 10_000;
    if frac != 0 {
        let mut digits = 4;
        while frac.is_multiple_of(10) {
            frac /= 10;
            digits -= 1;
        }
        out.push(b'.');
        let mut buffer = itoa::Buffer::new();
        let text = buffer.format(frac);
        out.extend(std::iter::repeat_n(b'0', digits - text.len()));
        out.extend_from_slice(text.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(v: f32) -> String {
        let mut out = Vec::new();
        write_num(&mut out, v);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn numbers_are_short_and_exact_to_a_ten_thousandth() {
        for (v, s) in [
            (0.0, "0"),
            (612.0, "612"),
            (-3.5, "-3.5"),
            (0.07058824, "0.0706"),
            (459.36002, "459.36"),
            (0.00004, "0"),
            (-0.00006, "-0.0001"),
            (10.05, "10.05"),
            (1.0001, "1.0001"),
            (f32::NAN, "0"),
            (f32::INFINITY, "0"),
        ] {
            assert_eq!(num(v), s, "{v}");
        }
    }

    #[test]
    fn glyph_codes_share_strings_until_an_adjustment() {
        let mut c = ContentStream::default();
        c.show_glyphs(0.0, [(0x20, 0.0), (0x22, 30.0), (0x1, 0.0), (0x1f, 0.0)]);
        c.show_glyphs(-12.5, [(0x20, 0.0)]);
        assert_eq!(
            c.into_bytes(),
            b"[(\0 \0\") 30(\0\x01\0\x1f)] TJ\n[-12.5(\0 )] TJ\n"
        );
        assert_eq!(utf16_literal("aé"), b"(\xfe\xff\0a\0\xe9)");
    }

    /// Every two-byte code reads back as itself: lopdf's content parser (a PDF reader's
    /// tokenizer) sees one string of all 65,536 codes, and a `TJ` array around it.
    #[test]
    fn every_code_reads_back_from_its_literal_string() {
        let codes: Vec<u16> = (0..=u16::MAX).collect();
        let mut c = ContentStream::default();
        c.show_glyphs(0.0, codes.iter().map(|&code| (code, 0.0)));
        c.op("EMC");
        let bytes = c.into_bytes();
        // A reader turns a bare line end inside a string into a newline (§7.3.4.2); lopdf
        // keeps it as it is, so look for one.
        let array = &bytes[..bytes.len() - "] TJ\nEMC\n".len()];
        assert!(!array.contains(&b'\r') && !array.contains(&b'\n'));
        let content = lopdf::content::Content::decode(&bytes).unwrap();
        let ops: Vec<&str> = content
            .operations
            .iter()
            .map(|o| o.operator.as_str())
            .collect();
        assert_eq!(ops, ["TJ", "EMC"]);
        let array = content.operations[0].operands[0].as_array().unwrap();
        let bytes = array[0].as_str().unwrap();
        let read: Vec<u16> = bytes
            .chunks(2)
            .map(|p| u16::from_be_bytes([p[0], p[1]]))
            .collect();
        assert_eq!(read, codes);
    }
}

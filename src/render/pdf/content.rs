//! A page's content stream, written as bytes: the few operators reports draw (PDF 32000-1
//! §8–9, §14.6), numbers to a ten-thousandth of a point, glyphs as two-byte codes.

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

    /// Marked content with a property list: `/Tag <</Key value>> BDC`, the value written as
    /// given (an integer, a hex string).
    pub fn begin_marked(&mut self, tag: &str, key: &str, value: &[u8]) {
        self.name(tag);
        self.bytes.extend_from_slice(b"<</");
        self.bytes.extend_from_slice(key.as_bytes());
        self.bytes.push(b' ');
        self.bytes.extend_from_slice(value);
        self.bytes.extend_from_slice(b">> BDC\n");
    }

    /// `[lead <codes> kern <codes> …] TJ`: glyph codes with the adjustment before the first
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
                self.bytes.push(b'<');
                open = true;
            }
            push_hex(&mut self.bytes, code);
            if kern != 0.0 {
                self.bytes.extend_from_slice(b"> ");
                write_num(&mut self.bytes, kern);
                open = false;
            }
        }
        if open {
            self.bytes.push(b'>');
        }
        self.bytes.extend_from_slice(b"] TJ\n");
    }
}

/// A PDF text string as a hex string (`<FEFF…>`), for content streams.
pub fn utf16_hex(text: &str) -> Vec<u8> {
    let mut out = vec![b'<'];
    for unit in super::utf16_be(text).chunks_exact(2) {
        push_hex(&mut out, u16::from_be_bytes([unit[0], unit[1]]));
    }
    out.push(b'>');
    out
}

/// Four hexadecimal digits.
fn push_hex(out: &mut Vec<u8>, v: u16) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    out.extend([12, 8, 4, 0].map(|shift| DIGITS[usize::from(v >> shift & 0xF)]));
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
            String::from_utf8(c.into_bytes()).unwrap(),
            "[<00200022> 30<0001001F>] TJ\n[-12.5<0020>] TJ\n"
        );
        assert_eq!(utf16_hex("aé"), b"<FEFF006100E9>");
    }
}

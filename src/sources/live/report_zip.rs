//! The one file of a downloaded report archive (Microsoft Advertising's reports are ZIPs
//! holding one CSV). Only what such archives use is read: stored or deflated entries, found
//! through the central directory (so data descriptors need no special case), each checked
//! against its size and CRC-32. The flate2 already in the tree inflates; a ZIP crate would
//! bring far more than this needs.
//! <https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT>

use std::io::Read;

use flate2::read::DeflateDecoder;

/// An inflated file larger than this is refused (a ZIP bomb, or not a report).
const MAX_FILE: u64 = 256 * 1024 * 1024;
const EOCD: u32 = 0x0605_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const LOCAL: u32 = 0x0403_4b50;

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?) as usize)
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The archive's first file whose name ends with `suffix` (`.csv`), inflated: its name and
/// bytes, or what is wrong with the archive.
pub fn file(archive: &[u8], suffix: &str) -> Result<(String, Vec<u8>), String> {
    if u32_at(archive, 0) != Some(LOCAL) {
        return Err("the report file is not a ZIP archive".into());
    }
    // The end record is within the last 22 + 65,535 bytes (its comment).
    let low = archive.len().saturating_sub(22 + 65_535);
    let end = (low..archive.len().saturating_sub(21))
        .rev()
        .find(|&i| u32_at(archive, i) == Some(EOCD))
        .ok_or("the ZIP archive has no end record (cut short?)")?;
    let entries = u16_at(archive, end + 10).ok_or("bad ZIP end record")?;
    let mut at = u32_at(archive, end + 16).ok_or("bad ZIP end record")? as usize;
    for _ in 0..entries {
        if u32_at(archive, at) != Some(CENTRAL) {
            return Err("the ZIP central directory is damaged".into());
        }
        let field = |off: usize| u16_at(archive, at + off).ok_or("the ZIP directory is cut short");
        let method = field(10)?;
        let crc = u32_at(archive, at + 16).ok_or("the ZIP directory is cut short")?;
        let packed = u32_at(archive, at + 20).ok_or("the ZIP directory is cut short")? as usize;
        let size = u32_at(archive, at + 24).ok_or("the ZIP directory is cut short")? as u64;
        let (name_len, extra_len, comment_len) = (field(28)?, field(30)?, field(32)?);
        let local = u32_at(archive, at + 42).ok_or("the ZIP directory is cut short")? as usize;
        let name = archive
            .get(at + 46..at + 46 + name_len)
            .ok_or("the ZIP directory is cut short")?;
        let name = String::from_utf8_lossy(name).into_owned();
        at += 46 + name_len + extra_len + comment_len;
        if !name.to_ascii_lowercase().ends_with(suffix) {
            continue;
        }
        if size > MAX_FILE {
            return Err(format!(
                "{name} would inflate to {size} bytes, more than a report"
            ));
        }
        if u32_at(archive, local) != Some(LOCAL) {
            return Err(format!("the ZIP entry of {name} is damaged"));
        }
        let data_at = local
            + 30
            + u16_at(archive, local + 26).ok_or("cut short")?
            + u16_at(archive, local + 28).ok_or("cut short")?;
        let data = archive
            .get(data_at..data_at.saturating_add(packed))
            .ok_or_else(|| format!("{name} is cut short in the ZIP archive"))?;
        let mut out = Vec::new();
        match method {
            0 => out.extend_from_slice(data),
            8 => {
                DeflateDecoder::new(data)
                    .take(size + 1)
                    .read_to_end(&mut out)
                    .map_err(|e| format!("{name} does not inflate: {e}"))?;
            }
            other => return Err(format!("{name} uses ZIP method {other}; expected deflate")),
        }
        if out.len() as u64 != size {
            return Err(format!(
                "{name} inflates to {} bytes, the ZIP says {size}",
                out.len()
            ));
        }
        let mut check = flate2::Crc::new();
        check.update(&out);
        if check.sum() != crc {
            return Err(format!("{name} fails its CRC check"));
        }
        return Ok((name, out));
    }
    Err(format!("the ZIP archive holds no {suffix} file"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_archives_are_refused_without_panic() {
        assert!(file(b"", ".csv").unwrap_err().contains("not a ZIP"));
        assert!(
            file(b"PK\x03\x04 short", ".csv")
                .unwrap_err()
                .contains("no end record")
        );
        let mut bogus = b"PK\x03\x04".to_vec();
        bogus.extend([0u8; 30]);
        bogus.extend(b"PK\x05\x06");
        bogus.extend([0, 0, 0, 0, 1, 0, 1, 0, 46, 0, 0, 0, 250, 255, 0, 0, 0, 0]);
        assert!(file(&bogus, ".csv").unwrap_err().contains("damaged"));
    }
}

//! Writing files safely: a report's folder (`<out>/<client>/<period>/`) and atomic writes, used
//! by the outputs and by the live sources' cache alike.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

/// Whole files kept by key (`client/source/range.json`) in a store shared by every worker (an
/// S3-compatible bucket): the live sources' cache when `cache:` names one. Defined here, below
/// the sources that use it, and implemented by the storage layer above them.
pub trait SharedFiles: Send + Sync + std::fmt::Debug {
    /// The file, `None` when there is none; the error is a sentence naming where it is.
    fn get(&self, key: &str) -> Result<Option<Vec<u8>>, String>;
    /// Stores the whole file (readers see the old one or the new one, never a part).
    fn put(&self, key: &str, bytes: &[u8]) -> Result<(), String>;
    /// Where `key` is, for messages (`s3://bucket/prefix/key`).
    fn location(&self, key: &str) -> String;
}

/// The folder of one report. Both names are checked to be single plain path components, so
/// nothing can write outside `out`.
pub fn report_dir(out: &Path, client_id: &str, period_key: &str) -> std::io::Result<PathBuf> {
    for name in [client_id, period_key] {
        let mut parts = Path::new(name).components();
        let plain = matches!(parts.next(), Some(Component::Normal(_))) && parts.next().is_none();
        if !plain || name.contains(['/', '\\']) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("{name:?} cannot be used as a folder name"),
            ));
        }
    }
    Ok(out.join(client_id).join(period_key))
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a
/// reader (or a crash) never sees a half-written file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_as(path, bytes, Persist::Now)
}

/// When a written file reaches the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persist {
    /// Before the rename (`fsync`): after a power cut the path holds the old file or the new.
    Now,
    /// When the system writes it back. A process killed midway still leaves the old file or
    /// the new, but a power cut may leave the path empty or damaged: for files whose digest is
    /// recorded and checked before every use (a report's outputs), which a damaged file only
    /// makes the next batch write again. Three `fsync`s per report took 8 % of a batch's time.
    Later,
}

/// [`write_atomic`], made durable now or later.
pub fn write_atomic_as(path: &Path, bytes: &[u8], persist: Persist) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("output");
    // Unique within the process too: two threads writing one path never share a temp file.
    static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let write = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.{}.{write}.tmp", std::process::id()));
    // The folder is made when it is missing, not tried for every file (a batch writes three
    // per report into folders that mostly exist).
    let mut f = match std::fs::File::create(&tmp) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(dir)?;
            std::fs::File::create(&tmp)?
        }
        created => created?,
    };
    let result = (|| {
        f.write_all(bytes)?;
        if persist == Persist::Now {
            f.sync_all()?;
        }
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Makes a file written with [`Persist::Later`] durable now.
pub fn sync_file(path: &Path) -> std::io::Result<()> {
    std::fs::File::open(path)?.sync_all()
}

/// Removes temporary files that a killed writer left in `dir` (`.name.<pid>.<n>.tmp`). Only for
/// folders no other process writes to (the batch lock guarantees it for batches).
pub fn remove_stale_temps(dir: &Path) -> std::io::Result<usize> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(0);
    };
    let mut removed = 0;
    for entry in entries {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') && name.ends_with(".tmp") {
            std::fs::remove_file(&path)?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Bytes as lowercase hex digits (SHA-256 digests in the ledger, site tokens).
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(2 * bytes.len());
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_dirs_stay_inside_the_output_folder() {
        let out = Path::new("/tmp/out");
        assert_eq!(
            report_dir(out, "acme", "2026-10").unwrap(),
            out.join("acme/2026-10")
        );
        for (client, period) in [
            ("..", "2026-10"),
            ("acme", ".."),
            ("a/b", "x"),
            ("acme", "/etc"),
            ("", "x"),
        ] {
            assert!(
                report_dir(out, client, period).is_err(),
                "{client} {period}"
            );
        }
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/deeper/report.json");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(p.parent().unwrap()).unwrap().count(), 1);
        // A folder where a file is expected fails, and leaves nothing behind.
        let blocked = dir.path().join("sub/deeper/report.json/inner.json");
        assert!(write_atomic(&blocked, b"three").is_err());
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
    }

    /// Threads of one process writing one path at once each succeed, through temp files of
    /// their own; the file ends whole, one writer's bytes.
    #[test]
    fn concurrent_writes_of_one_path_do_not_share_a_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("report.pdf");
        let bytes: Vec<Vec<u8>> = (0..4u8).map(|t| vec![t; 64 * 1024]).collect();
        std::thread::scope(|scope| {
            for b in &bytes {
                let p = &p;
                scope.spawn(move || {
                    for _ in 0..25 {
                        write_atomic(p, b).unwrap();
                    }
                });
            }
        });
        assert!(bytes.contains(&std::fs::read(&p).unwrap()));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn hex_digits_are_two_lowercase_per_byte() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
        assert_eq!(hex(&[]), "");
    }
}

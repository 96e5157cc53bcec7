//! Files a workspace names (data, brand files, notes) stay inside its folder: a `..` path or a
//! symlink that leads elsewhere (to `/etc/passwd`, to another agency's data) is refused, so no
//! file outside the workspace can end up in a client's report.

use std::path::{Path, PathBuf};

/// A file a setting names that resolves outside the folder it must stay in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{setting} {}: the file leads outside {} (through `..` or a symlink); expected a file inside that folder: copy it in",
    file.display(),
    folder.display()
)]
pub struct OutsideWorkspace {
    /// The setting that names the file, e.g. `path` or `logo`.
    pub setting: String,
    pub file: PathBuf,
    pub folder: PathBuf,
}

/// Checks that `file` (already joined to its folder) resolves, through every symlink and `..`,
/// to a place inside `folder`. A file that does not exist (or cannot be resolved) passes: reading
/// it reports that error.
pub fn inside(folder: &Path, file: &Path, setting: &str) -> Result<(), OutsideWorkspace> {
    let (Ok(folder_real), Ok(file_real)) = (folder.canonicalize(), file.canonicalize()) else {
        return Ok(());
    };
    if file_real.starts_with(&folder_real) {
        Ok(())
    } else {
        Err(OutsideWorkspace {
            setting: setting.to_string(),
            file: file.to_path_buf(),
            folder: folder.to_path_buf(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symlinks_and_dot_dots_out_of_the_folder_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("ws");
        std::fs::create_dir_all(ws.join("data")).unwrap();
        std::fs::write(ws.join("data/in.csv"), "x").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), ws.join("data/out.csv")).unwrap();
        std::os::unix::fs::symlink(ws.join("data/in.csv"), ws.join("data/alias.csv")).unwrap();
        assert!(inside(&ws, &ws.join("data/in.csv"), "path").is_ok());
        assert!(inside(&ws, &ws.join("data/alias.csv"), "path").is_ok());
        assert!(inside(&ws, &ws.join("data/../data/in.csv"), "path").is_ok());
        assert!(inside(&ws, &ws.join("data/missing.csv"), "path").is_ok());
        let e = inside(&ws, &ws.join("data/out.csv"), "path").unwrap_err();
        assert!(e.to_string().starts_with("path "), "{e}");
        assert!(inside(&ws, &ws.join("../secret.txt"), "path").is_err());
        assert!(inside(&ws, Path::new("/etc/passwd"), "path").is_err());
    }
}

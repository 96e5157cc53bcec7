//! What is wrong with a configuration file, and where: problems found by the checks and the
//! YAML reader's own errors, turned into messages naming the file, line, column and field.

use std::fmt;
use std::path::{Path, PathBuf};

use serde_saphyr::{Location, Spanned};

use super::{WORKSPACE_FILE, api};

/// One problem found in a configuration file, with where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub file: PathBuf,
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// The setting concerned, e.g. `clients[2].sources[0].path`.
    pub field: String,
    pub message: String,
    /// The offending lines, when the YAML reader showed them.
    pub snippet: Option<String>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ": {}: {}", self.field, self.message)?;
        if let Some(snippet) = &self.snippet {
            write!(f, "\n{snippet}")?;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "no {WORKSPACE_FILE} in {} or any folder above it\n  hint: pass --config PATH/TO/{WORKSPACE_FILE}",
        .0.display()
    )]
    NotFound(PathBuf),
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid { problems: Vec<Problem> },
}

impl Problem {
    pub fn at(file: &Path, line: Option<u32>, field: &str, message: String) -> Self {
        Problem {
            file: file.to_path_buf(),
            line,
            column: None,
            field: field.to_string(),
            message,
            snippet: None,
        }
    }

    pub(super) fn spanned(
        file: &Path,
        value: &impl Placed,
        field: String,
        message: String,
    ) -> Self {
        Self::located(file, value.place(), field, message)
    }

    /// A problem at `loc` (a value's position, or its enclosing item's when the value is
    /// absent); an unknown location (line 0: a default) gives a problem without a line.
    pub fn located(file: &Path, loc: Location, field: String, message: String) -> Self {
        let known = loc.line() > 0;
        Problem {
            file: file.to_path_buf(),
            line: known.then(|| loc.line() as u32),
            column: known.then(|| loc.column() as u32),
            field,
            message,
            snippet: None,
        }
    }
}

/// A value of the file that knows where it was read.
pub(super) trait Placed {
    fn place(&self) -> Location;
}

impl<T> Placed for Spanned<T> {
    fn place(&self) -> Location {
        self.referenced
    }
}

impl<P: Placed> Placed for Box<P> {
    fn place(&self) -> Location {
        (**self).place()
    }
}

impl<T> Placed for super::Located<T> {
    fn place(&self) -> Location {
        self.at
    }
}

/// Turns a YAML reader error into a problem naming the file, position, key and the lines.
pub(crate) fn yaml_problem(path: &Path, text: &str, e: &serde_saphyr::Error) -> Problem {
    let rendered = e.to_string();
    let mut lines = rendered.lines();
    let first = lines.next().unwrap_or_default();
    // "error: line 4 column 5: unknown field `x`, ..." → "unknown field `x`, ..."
    let message = first
        .trim_start_matches("error: ")
        .split_once(": ")
        .filter(|(head, _)| head.starts_with("line "))
        .map(|(_, m)| m)
        .unwrap_or(first)
        .to_string();
    let snippet: String = lines
        .map(|l| l.replace("<input>", &path.display().to_string()))
        .collect::<Vec<_>>()
        .join("\n");
    let loc = e.location().filter(|l| l.line() > 0);
    let line = loc.map(|l| l.line() as u32);
    let field = line
        .and_then(|n| key_on_line(text, n as usize))
        .unwrap_or_else(|| "(document)".into());
    // The line of an inline secret holds the secret: it is not shown.
    let quotable = !snippet.trim().is_empty() && !message.contains(api::INLINE_SECRET);
    Problem {
        file: path.to_path_buf(),
        line,
        column: loc.map(|l| l.column() as u32),
        field,
        message,
        snippet: quotable.then_some(snippet),
    }
}

/// The key a YAML line belongs to (`  - id: x` → `id`; a list item → its list's key), to name
/// the field in errors.
fn key_on_line(text: &str, line: usize) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let key = |l: &str| {
        let t = l.trim_start().trim_start_matches("- ").trim_start();
        let (k, _) = t.split_once(':')?;
        let k = k.trim().trim_matches(|c| c == '"' || c == '\'');
        let ok = !k.is_empty() && k.chars().all(|c| c.is_alphanumeric() || "_.-".contains(c));
        ok.then(|| k.to_string())
    };
    let here = lines.get(line.checked_sub(1)?)?;
    key(here).or_else(|| {
        lines[..line - 1]
            .iter()
            .rev()
            .find(|l| !l.trim().is_empty() && indent(l) < indent(here))
            .and_then(|l| key(l))
    })
}

//! The output formats of a report. The report layer owns the meaning (`report::Format`
//! re-exports it); the type sits below the config because schedules name formats.

use std::fmt;
use std::str::FromStr;

/// An output format of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// The report model as JSON (docs/report-model.md).
    Json,
    /// A self-contained HTML report.
    Html,
    /// A print-grade PDF report.
    Pdf,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Json, Format::Html, Format::Pdf];

    pub fn file_name(self) -> &'static str {
        match self {
            Format::Json => "report.json",
            Format::Html => "report.html",
            Format::Pdf => "report.pdf",
        }
    }

    /// The name in the workspace file and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Html => "html",
            Format::Pdf => "pdf",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| format!("unknown format {s:?}: expected json, html or pdf"))
    }
}

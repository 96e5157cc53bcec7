//! The workspace: `execreport.yaml` with its agencies, clients and sources, loaded and checked.
//! The checks live in `validate`, the messages they produce in `problem`.

pub mod api;
pub mod brand;
mod compact;
pub mod containment;
pub mod edit;
mod located;
mod problem;
pub mod schema;
pub mod starter;
mod validate;
pub mod values;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::metrics::catalog::Catalog;
pub use compact::SmallMap;
pub use located::Located;
pub(crate) use problem::yaml_problem;
pub use problem::{ConfigError, Problem};
use schema::{AgencyConfig, ClientConfig, WorkspaceFile};
pub use values::{CurrencyCode, LocaleTag, Slug, TimeZone, WeekStart};

pub const WORKSPACE_FILE: &str = "execreport.yaml";

/// `clients[3].sources[0].path` → 3: the client a problem's field belongs to.
fn client_index(field: &str) -> Option<usize> {
    field
        .strip_prefix("clients[")?
        .split(']')
        .next()?
        .parse()
        .ok()
}

/// Workspace files from this size on are streamed into the parser (see
/// [`Workspace::load_streaming_from`]): some 5,000 clients.
const STREAMED_FROM: u64 = 16 << 20;

/// The parser's default budget (250,000 nodes) stopped at about 1,600 clients; a workspace is
/// the agency's own file, so only the node and event counts are raised (to some 100,000
/// clients) and the size of a streamed file (to 1 GB); the alias limits against "billion
/// laughs" stay.
fn parse_options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_nodes: 20_000_000,
            max_events: 40_000_000,
            max_reader_input_bytes: Some(1 << 30),
        },
    }
}

/// A loaded and validated workspace.
#[derive(Debug)]
pub struct Workspace {
    /// The workspace file.
    pub path: PathBuf,
    /// The folder holding it; relative paths in the file are resolved against it.
    pub root: PathBuf,
    pub file: WorkspaceFile,
    pub catalog: Catalog,
    /// Problems of single clients' settings, by client id: those clients fail, the others
    /// run (`check` lists them all).
    pub client_problems: BTreeMap<String, Vec<Problem>>,
}

/// A client with every inherited setting resolved (client, else agency, else default).
#[derive(Debug, Clone)]
pub struct Client<'a> {
    pub config: &'a ClientConfig,
    pub agency: &'a AgencyConfig,
    /// The client's brand, else its agency's, else `default`.
    pub brand: &'a str,
    /// The client's own locale, if it sets one (else the brand's, else the agency's).
    pub own_locale: Option<&'a LocaleTag>,
    pub time_zone: chrono_tz::Tz,
    pub week_start: chrono::Weekday,
    pub currency: &'a CurrencyCode,
}

impl Workspace {
    /// `explicit` if given, else the nearest `execreport.yaml` from `start` upwards.
    pub fn locate(explicit: Option<&Path>, start: &Path) -> Result<PathBuf, ConfigError> {
        if let Some(p) = explicit {
            return Ok(p.to_path_buf());
        }
        start
            .ancestors()
            .map(|dir| dir.join(WORKSPACE_FILE))
            .find(|p| p.is_file())
            .ok_or_else(|| ConfigError::NotFound(start.to_path_buf()))
    }

    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        Self::load_streaming_from(path, STREAMED_FROM)
    }

    /// Loads a file of at least `streamed_from` bytes through the parser's stream, a smaller
    /// one from its text. The parser reads a string 1.5 times as fast (1,000 clients, 3.4 MB:
    /// 0.16 vs 0.25 s, a batch's only single-threaded step); but a 10,000-client file is
    /// 34 MB, and its text, held while the clients are built, lingered into the batch's start
    /// and raised the peak memory by as much.
    fn load_streaming_from(path: &Path, streamed_from: u64) -> Result<Self, ConfigError> {
        let read_error = |source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        };
        let as_text = || std::fs::read_to_string(path).map_err(read_error);
        use std::io::BufRead;
        let file = std::fs::File::open(path).map_err(read_error)?;
        if file.metadata().map_err(read_error)?.len() < streamed_from {
            return Self::parse(path, &as_text()?);
        }
        // A file the stream refuses is read again as text, for the messages that show its
        // lines. A file with a byte-order mark is read as text too: the stream would decode
        // UTF-16 and replace bad bytes, where the text refuses all but valid UTF-8.
        let mut reader = std::io::BufReader::new(file);
        let head = reader.fill_buf().map_err(read_error)?;
        let marked = [&b"\xEF\xBB\xBF"[..], b"\xFE\xFF", b"\xFF\xFE"]
            .iter()
            .any(|bom| head.starts_with(bom));
        if marked {
            return Self::parse(path, &as_text()?);
        }
        match serde_saphyr::from_reader_with_options(reader, parse_options()) {
            Ok(file) => Self::check(path, file),
            Err(_) => Self::parse(path, &as_text()?),
        }
    }

    /// The folder a workspace file's relative paths start from: the file's own.
    pub fn root_of(path: &Path) -> PathBuf {
        path.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf()
    }

    /// Parses and checks the text of a workspace file (`path` is used for messages and
    /// to resolve relative paths).
    pub fn parse(path: &Path, text: &str) -> Result<Self, ConfigError> {
        let file = serde_saphyr::from_str_with_options(text, parse_options()).map_err(|e| {
            ConfigError::Invalid {
                problems: vec![yaml_problem(path, text, &e)],
            }
        })?;
        Self::check(path, file)
    }

    /// The workspace of a parsed file, checked.
    fn check(path: &Path, file: WorkspaceFile) -> Result<Self, ConfigError> {
        let root = Self::root_of(path);
        let mut problems = Vec::new();
        let catalog = match Catalog::with_custom(file.metrics.value.clone()) {
            Ok(c) => c,
            Err(message) => {
                problems.push(Problem::located(
                    path,
                    file.metrics.at,
                    "metrics".into(),
                    message,
                ));
                Catalog::builtin()
            }
        };
        let mut ws = Workspace {
            path: path.to_path_buf(),
            root,
            file,
            catalog,
            client_problems: BTreeMap::new(),
        };
        ws.validate(&mut problems);
        // A problem inside one client's settings belongs to that client alone (but for its
        // agency: every client is resolved through one).
        let mut workspace_wide = Vec::new();
        for problem in problems {
            let own = client_index(&problem.field).filter(|_| !problem.field.ends_with(".agency"));
            match own.and_then(|i| ws.file.clients.get(i)) {
                Some(c) => ws
                    .client_problems
                    .entry(c.id.to_string())
                    .or_default()
                    .push(problem),
                None => workspace_wide.push(problem),
            }
        }
        if workspace_wide.is_empty() {
            Ok(ws)
        } else {
            Err(ConfigError::Invalid {
                problems: workspace_wide,
            })
        }
    }

    /// Every problem of the workspace's clients, in file order.
    pub fn all_client_problems(&self) -> impl Iterator<Item = &Problem> {
        // Two clients with one id share their problems: listed once.
        let mut seen = std::collections::HashSet::new();
        self.file
            .clients
            .iter()
            .filter(move |c| seen.insert(c.id.as_str()))
            .filter_map(|c| self.client_problems.get(c.id.as_str()))
            .flatten()
    }

    pub fn clients(&self) -> impl Iterator<Item = Client<'_>> {
        self.file.clients.iter().map(|c| self.resolve(c))
    }

    pub fn client(&self, id: &str) -> Option<Client<'_>> {
        self.file
            .clients
            .iter()
            .find(|c| c.id.as_str() == id)
            .map(|c| self.resolve(c))
    }

    fn resolve<'a>(&'a self, c: &'a ClientConfig) -> Client<'a> {
        let agency = self.agency_of(c).expect("validated agency reference");
        Client {
            config: c,
            agency,
            brand: c
                .brand
                .as_ref()
                .or(agency.brand.as_ref())
                .map_or("default", Slug::as_str),
            own_locale: c.locale.as_ref(),
            time_zone: c.time_zone.unwrap_or(agency.time_zone).0,
            week_start: c.week_start.unwrap_or(agency.week_start).weekday(),
            currency: c.currency.as_ref().unwrap_or(&agency.currency),
        }
    }

    /// The agency a client names, else the first (the only one, once validated).
    pub(crate) fn agency_of(&self, c: &ClientConfig) -> Option<&AgencyConfig> {
        match &c.agency {
            Some(id) => self
                .file
                .agencies
                .iter()
                .find(|a| a.id.as_str() == id.value),
            None => self.file.agencies.first(),
        }
    }

    pub fn brands_dir(&self) -> PathBuf {
        self.root.join(&self.file.brands)
    }

    /// The agency's commentary for a client and period, if written.
    pub fn notes_file(&self, client: &str, period_key: &str) -> PathBuf {
        self.root
            .join(&self.file.notes)
            .join(client)
            .join(format!("{period_key}.md"))
    }

    /// Snapshots of data fetched from live sources.
    /// A bucket (`cache: s3://...`) is opened by the command and replaces this folder.
    pub fn cache_dir(&self) -> PathBuf {
        match &self.file.cache {
            Some(dir) if !dir.starts_with("s3:") => self.root.join(dir),
            _ => self.root.join(".execreport").join("cache"),
        }
    }

    /// The output folder, relative paths taken from the workspace folder.
    pub fn output_dir(&self) -> PathBuf {
        self.root.join(&self.file.output)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a workspace says of itself: its error, or its clients' problems.
    fn outcome(ws: Result<Workspace, ConfigError>) -> Vec<String> {
        match ws {
            Ok(ws) => ws.all_client_problems().map(|p| p.to_string()).collect(),
            Err(e) => vec![e.to_string()],
        }
    }

    /// Streamed (a large file) or read whole, a file gives what its text gives.
    #[test]
    fn a_loaded_file_reports_the_same_places_as_its_text() {
        for streamed_from in [0, STREAMED_FROM] {
            loads_as_its_text(streamed_from);
        }
    }

    fn loads_as_its_text(streamed_from: u64) {
        let load = |path: &Path| Workspace::load_streaming_from(path, streamed_from);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(WORKSPACE_FILE);
        let client = |id: &str, metric: &str| {
            format!(
                "  - id: {id}\n    name: \"โรงแรม 東京 «ö» {id}\"\n    sources:\n      - id: web\n        \
                 kind: csv\n        path: data/{id}.csv\n        columns: {{ยอดเข้าชม: {metric}, \
                 訪問: web.users}}\n"
            )
        };
        let head = "agencies:\n  - id: a\n    name: \"Agence «Ü»\"\n    locale: th-TH\nclients:\n";
        let texts = [
            // Problems of one client: an unknown metric after Thai and CJK on its line.
            format!(
                "{head}{}{}",
                client("one", "web.sessions"),
                client("two", "web.sesions")
            ),
            // A workspace-wide problem: two clients with one id.
            format!(
                "{head}{}{}",
                client("one", "web.sessions"),
                client("one", "web.users")
            ),
            // Not YAML the schema takes.
            format!(
                "{head}{}    time_zon: Asia/Tokyo\n",
                client("one", "web.sessions")
            ),
            // Not YAML at all.
            format!("{head}  - id: [\n"),
        ];
        for text in &texts {
            std::fs::write(&path, text).unwrap();
            let loaded = outcome(load(&path));
            assert!(!loaded.is_empty(), "{text}");
            let once: std::collections::HashSet<&String> = loaded.iter().collect();
            assert_eq!(
                once.len(),
                loaded.len(),
                "a problem told twice: {loaded:#?}"
            );
            assert_eq!(loaded, outcome(Workspace::parse(&path, text)), "{text}");
        }
        // Byte-order marks: UTF-8 reads as before; UTF-16, or a bad byte after the mark, is
        // refused as the text always was (the stream would decode or replace it).
        let utf8 = [b"\xEF\xBB\xBF".as_slice(), texts[0].as_bytes()].concat();
        std::fs::write(&path, &utf8).unwrap();
        assert_eq!(
            outcome(load(&path)),
            outcome(Workspace::parse(&path, &texts[0]))
        );
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(texts[0].encode_utf16().flat_map(u16::to_le_bytes));
        let latin1 = [b"\xEF\xBB\xBF".as_slice(), b"clients: []\nname: caf\xE9\n"].concat();
        for bytes in [utf16, latin1] {
            std::fs::write(&path, bytes).unwrap();
            assert!(
                matches!(load(&path), Err(ConfigError::Read { .. })),
                "{:?}",
                outcome(load(&path))
            );
        }
    }
}

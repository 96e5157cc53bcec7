//! The workspace: `execreport.yaml` with its agencies, clients and sources, loaded and checked.

pub mod api;
pub mod brand;
pub mod containment;
pub mod schema;
pub mod values;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde_saphyr::Spanned;

use crate::metrics::catalog::{Aggregation, Catalog};
use schema::{AgencyConfig, ClientConfig, Layout, SourceConfig, SourceKind, WorkspaceFile};
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
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(path, &text)
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
        // The parser's default budget (250,000 nodes) stopped at about 1,600 clients; a
        // workspace is the agency's own file, so only the node and event counts are raised
        // (to some 100,000 clients); the alias limits against "billion laughs" stay.
        let options = serde_saphyr::options! {
            budget: serde_saphyr::budget! {
                max_nodes: 20_000_000,
                max_events: 40_000_000,
            },
        };
        let file: WorkspaceFile =
            serde_saphyr::from_str_with_options(text, options).map_err(|e| {
                ConfigError::Invalid {
                    problems: vec![yaml_problem(path, text, &e)],
                }
            })?;
        let root = Self::root_of(path);
        let mut problems = Vec::new();
        let catalog = match Catalog::with_custom(file.metrics.clone()) {
            Ok(c) => c,
            Err(message) => {
                problems.push(Problem::at(path, None, "metrics", message));
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
        self.file
            .clients
            .iter()
            .filter_map(|c| self.client_problems.get(c.id.as_str()))
            .flatten()
    }

    fn validate(&self, problems: &mut Vec<Problem>) {
        self.check_email(problems);
        let path = &self.path;
        let f = &self.file;
        if f.agencies.is_empty() {
            problems.push(Problem::at(
                path,
                None,
                "agencies",
                "at least one agency is required".into(),
            ));
        }
        duplicates(
            f.agencies.iter().map(|a| a.id.as_str()),
            "agencies",
            "agency id",
            path,
            problems,
        );
        duplicates(
            f.clients.iter().map(|c| c.id.as_str()),
            "clients",
            "client id",
            path,
            problems,
        );
        for (i, c) in f.clients.iter().enumerate() {
            let at = format!("clients[{i}]");
            match &c.agency {
                Some(a) if !f.agencies.iter().any(|x| x.id.as_str() == a.value) => {
                    let ids: Vec<_> = f.agencies.iter().map(|a| a.id.as_str()).collect();
                    problems.push(Problem::spanned(
                        path,
                        a,
                        format!("{at}.agency"),
                        format!(
                            "unknown agency {:?}: expected one of {}",
                            a.value,
                            ids.join(", ")
                        ),
                    ));
                }
                None if f.agencies.len() > 1 => problems.push(Problem::at(
                    path,
                    None,
                    &format!("{at}.agency"),
                    format!(
                        "client {:?} must name its agency: the workspace has several",
                        c.id.as_str()
                    ),
                )),
                _ => {}
            }
            for (name, metric) in c.summary_kpis.iter().flatten().map(|m| ("summary_kpis", m)) {
                self.check_metric(metric, &format!("{at}.{name}"), problems);
            }
            for (g, goal) in c.goals.iter().enumerate() {
                let gat = format!("{at}.goals[{g}]");
                self.check_metric(&goal.metric, &format!("{gat}.metric"), problems);
                for (name, target) in [("at_least", goal.at_least), ("at_most", goal.at_most)] {
                    if target.is_some_and(|t| !t.is_finite()) {
                        problems.push(Problem::spanned(
                            path,
                            &goal.metric,
                            format!("{gat}.{name}"),
                            "expected a finite number such as 120 or 0.035".into(),
                        ));
                    }
                }
                if goal.at_least.is_some() == goal.at_most.is_some() {
                    problems.push(Problem::spanned(
                        path,
                        &goal.metric,
                        gat,
                        "a goal needs exactly one of at_least or at_most".into(),
                    ));
                }
            }
            duplicates(
                c.sources.iter().map(|s| s.id.as_str()),
                &format!("{at}.sources"),
                "source id",
                path,
                problems,
            );
            for (s, source) in c.sources.iter().enumerate() {
                self.check_source(source, &format!("{at}.sources[{s}]"), problems);
            }
        }
    }

    fn check_metric(&self, metric: &Spanned<String>, field: &str, problems: &mut Vec<Problem>) {
        if self.catalog.get(&metric.value).is_none() {
            problems.push(Problem::spanned(
                &self.path,
                metric,
                field.into(),
                format!(
                    "unknown metric {:?}: expected a catalog id such as web.sessions or ads.ctr \
                     (see docs/config.md), or define it under `metrics:`",
                    metric.value
                ),
            ));
        }
    }

    /// Sending needs a From address and a safe connection.
    fn check_email(&self, problems: &mut Vec<Problem>) {
        let path = &self.path;
        if let Some(smtp) = &self.file.smtp {
            let local = matches!(smtp.host.as_str(), "127.0.0.1" | "::1" | "localhost");
            if smtp.security == schema::SmtpSecurity::None && !local {
                problems.push(Problem::at(
                    path,
                    None,
                    "smtp.security",
                    format!(
                        "`none` sends reports unencrypted: only allowed for a server on this machine, not {:?}; use starttls or tls",
                        smtp.host
                    ),
                ));
            }
            for (i, a) in self.file.agencies.iter().enumerate() {
                if a.contact.email.is_none() {
                    problems.push(Problem::at(
                        path,
                        None,
                        &format!("agencies[{i}].contact.email"),
                        format!("agency {} sends reports by e-mail: its contact.email is the From address", a.id),
                    ));
                }
            }
        }
        for (i, c) in self.file.clients.iter().enumerate() {
            if c.email.attach == schema::Attach::Link && c.email.link.is_none() {
                problems.push(Problem::at(
                    path,
                    None,
                    &format!("clients[{i}].email.link"),
                    "`attach: link` needs `link: https://…/{client}/{period}/report.html`".into(),
                ));
            }
        }
    }

    fn check_source(&self, s: &SourceConfig, at: &str, problems: &mut Vec<Problem>) {
        let path = &self.path;
        match s.layout {
            Layout::Wide if s.columns.is_empty() => problems.push(Problem::at(
                path,
                None,
                &format!("{at}.columns"),
                format!(
                    "source {:?} maps no columns: add `columns: {{column name: metric id}}`",
                    s.id.as_str()
                ),
            )),
            Layout::Long if !s.columns.is_empty() => problems.push(Problem::spanned(
                path,
                s.columns.values().next().expect("non-empty"),
                format!("{at}.columns"),
                "a long-layout source names metrics in `metric_names`, not `columns`".into(),
            )),
            _ => {}
        }
        for (column, metric) in s.columns.iter().chain(&s.metric_names) {
            self.check_metric(metric, &format!("{at}.columns.{column}"), problems);
            let parts = match self.catalog.get(&metric.value).map(|m| &m.aggregation) {
                Some(Aggregation::Ratio {
                    numerator,
                    denominator,
                }) => format!("{numerator} and {denominator}"),
                _ => continue,
            };
            problems.push(Problem::spanned(
                path,
                metric,
                format!("{at}.columns.{column}"),
                format!(
                    "{} is computed from its parts ({}); map those columns instead, \
                         so the ratio is computed from period sums",
                    metric.value, parts
                ),
            ));
        }
        for column in s
            .dimension_names
            .keys()
            .filter(|k| !s.dimensions.contains(k))
        {
            problems.push(Problem::at(
                path,
                None,
                &format!("{at}.dimension_names"),
                format!(
                    "{column:?} is not one of the source's dimensions ({})",
                    s.dimensions.join(", ")
                ),
            ));
        }
        // Two columns feeding one metric would add both into every day.
        let mut mapped: BTreeMap<&str, &str> = BTreeMap::new();
        for (column, metric) in &s.columns {
            if let Some(first) = mapped.insert(metric.value.as_str(), column) {
                problems.push(Problem::spanned(
                    path,
                    metric,
                    format!("{at}.columns.{column}"),
                    format!(
                        "{} is already mapped from column {first:?}; map each metric from one column",
                        metric.value
                    ),
                ));
            }
        }
        if !matches!(s.decimal_separator, '.' | ',') {
            problems.push(Problem::at(
                path,
                None,
                &format!("{at}.decimal_separator"),
                format!("expected \".\" or \",\", found {:?}", s.decimal_separator),
            ));
        }
        if !s.delimiter.is_ascii() || s.delimiter == '"' {
            problems.push(Problem::at(
                path,
                None,
                &format!("{at}.delimiter"),
                format!(
                    "expected one ASCII character such as \",\", \";\" or a tab, found {:?}",
                    s.delimiter
                ),
            ));
        }
        if let Some(format) = &s.date_format
            && let Err(message) = values::check_date_format(&format.value)
        {
            problems.push(Problem::spanned(
                path,
                format,
                format!("{at}.date_format"),
                message,
            ));
        }
        for (field, message) in s.api.iter().flat_map(api::ApiConfig::placeholder_problems) {
            problems.push(Problem::at(
                path,
                None,
                &format!("{at}.api.{field}"),
                message,
            ));
        }
        self.check_origin(s, at, problems);
    }

    /// A file source names its file; a live source has the settings its API needs.
    fn check_origin(&self, s: &SourceConfig, at: &str, problems: &mut Vec<Problem>) {
        let path = &self.path;
        let mut problem = |field: &str, message: String| {
            problems.push(Problem::at(path, None, &format!("{at}{field}"), message))
        };
        let kind = s.kind.name();
        if !s.kind.is_live() {
            if s.api.is_some() {
                problem(
                    ".api",
                    format!("a {kind} source reads a file: use `path`, not `api`"),
                );
            }
            // Whether the file is there is the client's own problem, found when its report
            // is built (and by `check`): one missing file stops no other client.
            if s.path.is_none() {
                problem(
                    ".path",
                    format!("a {kind} source needs `path: data/file.{kind}`"),
                );
            }
            return;
        }
        if s.path.is_some() {
            problem(
                ".path",
                format!("a {kind} source is fetched over HTTP: it has `api`, not `path`"),
            );
        }
        if s.layout == Layout::Long && s.kind != SourceKind::Http {
            problem(
                ".layout",
                format!("a {kind} source has one field per metric: `layout: wide`"),
            );
        }
        let Some(api) = &s.api else {
            problem(
                ".api",
                format!(
                    "a {kind} source needs an `api` section ({})",
                    live_needs(s.kind).join(", ")
                ),
            );
            return;
        };
        let given = |field: &str| match field {
            "url" => api.url.is_some(),
            "property" => api.property.is_some(),
            "customer_id" => api.customer_id.is_some(),
            "developer_token" => api.developer_token.is_some(),
            "object_id" => api.object_id.is_some(),
            "site_url" => api.site_url.is_some(),
            "location" => api.location.is_some(),
            "auth" => api.auth.is_some(),
            _ => true,
        };
        for field in live_needs(s.kind) {
            if !given(field) {
                problem(
                    &format!(".api.{field}"),
                    format!("a {kind} source needs `api.{field}`"),
                );
            }
        }
        if s.kind != SourceKind::Http
            && (api.url.is_some() || api.pagination.is_some() || api.body.is_some())
        {
            problem(
                ".api",
                format!(
                    "`url`, `body` and `pagination` belong to http sources; a {kind} source builds its own requests (set `base_url` to redirect them)"
                ),
            );
        }
        for (field, url) in [("url", &api.url), ("base_url", &api.base_url)] {
            if let Some(url) = url
                && !(url.starts_with("https://") || url.starts_with("http://"))
            {
                problem(
                    &format!(".api.{field}"),
                    format!("expected an http(s) URL, found {url:?}"),
                );
            }
        }
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
        let agency = match &c.agency {
            Some(id) => self
                .file
                .agencies
                .iter()
                .find(|a| a.id.as_str() == id.value),
            None => self.file.agencies.first(),
        }
        .expect("validated agency reference");
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
    pub fn cache_dir(&self) -> PathBuf {
        self.root.join(".execreport").join("cache")
    }

    /// The output folder, relative paths taken from the workspace folder.
    pub fn output_dir(&self) -> PathBuf {
        self.root.join(&self.file.output)
    }
}

/// The `api` settings a live source cannot do without.
fn live_needs(kind: SourceKind) -> &'static [&'static str] {
    match kind {
        SourceKind::Http => &["url"],
        SourceKind::Ga4 => &["property", "auth"],
        SourceKind::GoogleAds => &["customer_id", "developer_token", "auth"],
        SourceKind::Meta => &["object_id", "auth"],
        SourceKind::SearchConsole => &["site_url", "auth"],
        SourceKind::GbpReviews => &["location", "auth"],
        SourceKind::Csv | SourceKind::Json => &[],
    }
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

    fn spanned<T>(file: &Path, value: &Spanned<T>, field: String, message: String) -> Self {
        let loc = value.referenced;
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

fn duplicates<'a>(
    ids: impl Iterator<Item = &'a str>,
    field: &str,
    what: &str,
    path: &Path,
    problems: &mut Vec<Problem>,
) {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, id) in ids.enumerate() {
        if let Some(first) = seen.insert(id, i) {
            problems.push(Problem::at(
                path,
                None,
                &format!("{field}[{i}].id"),
                format!("duplicate {what} {id:?} (already used by {field}[{first}])"),
            ));
        }
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

//! The preview's builder: owns the workspace and the brand kits on one thread, renders pages on
//! request, keeps them in memory, and on a file change reloads what the change touches,
//! re-renders the pages that were open and tells the browsers to reload.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use crate::config::schema::Attach;
use crate::config::{LocaleTag, Workspace};
use crate::deliver::email::compose;
use crate::period::{CompareKind, PeriodSpec};
use crate::render::{Brands, Format, render_formats, view_of};
use crate::report::{self, ReportRequest};
use crate::sources::live::{DataMode, Fetcher};

use super::pages::ClientEntry;

/// One report as the toolbar chose it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    pub client: String,
    pub period: String,
    pub locale: Option<String>,
    pub compare: CompareKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Html,
    Pdf,
    Email,
}

/// A rendered page, or why it could not be.
pub type Page = Result<Vec<u8>, String>;

pub enum Request {
    Page {
        key: Key,
        kind: Kind,
        reply: tokio::sync::oneshot::Sender<Page>,
    },
    /// The index: clients with their brands, or the workspace's error.
    Index {
        reply: tokio::sync::oneshot::Sender<Result<Vec<ClientEntry>, String>>,
    },
    Changed(Vec<PathBuf>),
}

/// How long a burst of file events may take.
const DEBOUNCE_MS: u64 = 50;

pub struct Builder {
    config: PathBuf,
    ws: Result<Workspace, String>,
    /// Live sources' client, tokens and secrets: renewed with the workspace.
    fetcher: Fetcher,
    brands: Brands,
    pages: HashMap<(Key, Kind), Page>,
    /// Pages asked for since the last rebuild: the ones open in a browser (each reloads after
    /// a rebuild and asks again). Only these are rendered anew on a change; others are dropped.
    asked: std::collections::HashSet<(Key, Kind)>,
    /// Sends the number of each finished rebuild to the browsers.
    reload: tokio::sync::broadcast::Sender<u64>,
    generation: u64,
}

impl Builder {
    pub fn new(config: PathBuf, reload: tokio::sync::broadcast::Sender<u64>) -> Self {
        let config = std::path::absolute(&config).unwrap_or(config);
        let ws = load(&config);
        if let Err(e) = &ws {
            eprintln!("{e}");
        }
        Builder {
            config,
            ws,
            fetcher: Fetcher::default(),
            brands: Brands::default(),
            pages: HashMap::new(),
            asked: Default::default(),
            reload,
            generation: 0,
        }
    }

    pub fn run(mut self, requests: mpsc::Receiver<Request>) {
        while let Ok(request) = requests.recv() {
            let Request::Changed(mut paths) = request else {
                self.answer(request);
                continue;
            };
            // An editor's save is several events: wait a moment and take them all.
            std::thread::sleep(std::time::Duration::from_millis(DEBOUNCE_MS));
            let mut later = Vec::new();
            while let Ok(r) = requests.try_recv() {
                match r {
                    Request::Changed(more) => paths.extend(more),
                    other => later.push(other),
                }
            }
            paths.sort();
            paths.dedup();
            self.changed(&paths);
            for r in later {
                self.answer(r);
            }
        }
    }

    fn answer(&mut self, request: Request) {
        match request {
            Request::Page { key, kind, reply } => {
                self.asked.insert((key.clone(), kind));
                let page = self.page(&key, kind);
                let _ = reply.send(page);
            }
            Request::Index { reply } => {
                let _ = reply.send(self.index());
            }
            Request::Changed(paths) => self.changed(&paths),
        }
    }

    fn page(&mut self, key: &Key, kind: Kind) -> Page {
        if let Some(page) = self.pages.get(&(key.clone(), kind)) {
            return page.clone();
        }
        let page = self.render(key, kind);
        self.pages.insert((key.clone(), kind), page.clone());
        page
    }

    fn render(&mut self, key: &Key, kind: Kind) -> Page {
        // The e-mail attaches the report's PDF or HTML page: the one kept in memory.
        let attachment = match kind {
            Kind::Email => {
                let attach = self
                    .ws
                    .as_ref()
                    .ok()
                    .and_then(|ws| ws.client(&key.client).map(|c| c.config.email.attach));
                match attach {
                    Some(Attach::Pdf) => Some(self.page(key, Kind::Pdf)?),
                    Some(Attach::Html) => Some(self.page(key, Kind::Html)?),
                    _ => None,
                }
            }
            _ => None,
        };
        let ws = self.ws.as_ref().map_err(Clone::clone)?;
        let client = ws
            .client(&key.client)
            .ok_or_else(|| format!("no client {:?}", key.client))?;
        let kit = self
            .brands
            .get(ws, client.brand)
            .map_err(|e| format!("brand {}:\n{e}", client.brand))?;
        let request = ReportRequest {
            period: key
                .period
                .parse::<PeriodSpec>()
                .map_err(|e| e.to_string())?,
            compare: key.compare,
            today: None,
            locale: key
                .locale
                .as_deref()
                .map(|l| l.parse::<LocaleTag>())
                .transpose()?,
            now: None,
            data: DataMode::Auto,
        };
        let model = report::build(ws, &self.fetcher, &client, &kit.brand, &request)
            .map_err(|e| e.to_string())?;
        match kind {
            Kind::Html | Kind::Pdf => {
                let format = if kind == Kind::Html {
                    Format::Html
                } else {
                    Format::Pdf
                };
                let mut files = render_formats(&model, &kit, ws, &[format])
                    .map_err(|e| crate::error_chain(&e))?;
                Ok(files.pop().map(|(_, bytes)| bytes).unwrap_or_default())
            }
            Kind::Email => {
                let view = view_of(&model, &kit.brand, ws);
                let composed = compose(&client, &model, &view, &kit, attachment)?;
                Ok(super::pages::email(&composed, &key.client, &key.period).into_bytes())
            }
        }
    }

    fn index(&self) -> Result<Vec<ClientEntry>, String> {
        let ws = self.ws.as_ref().map_err(Clone::clone)?;
        Ok(ws
            .clients()
            .map(|c| {
                let today = chrono::Utc::now().with_timezone(&c.time_zone).date_naive();
                let periods = (1..=3)
                    .filter_map(|back| {
                        let d = today.checked_sub_months(chrono::Months::new(back))?;
                        Some(d.format("%Y-%m").to_string())
                    })
                    .chain(["month-to-date".to_string()])
                    .collect();
                ClientEntry {
                    id: c.config.id.to_string(),
                    name: c.config.name.clone(),
                    brand: c.brand.to_string(),
                    locale: c
                        .own_locale
                        .map(|l| l.to_string())
                        .unwrap_or_else(|| c.agency.locale.to_string()),
                    periods,
                }
            })
            .collect())
    }

    /// Reloads what `paths` touch, re-renders the open pages among them, and announces it.
    fn changed(&mut self, paths: &[PathBuf]) {
        let t = Instant::now();
        let root = Workspace::root_of(&self.config);
        let relative: Vec<PathBuf> = paths
            .iter()
            .filter_map(|p| p.strip_prefix(&root).ok().map(Path::to_path_buf))
            .collect();
        let affected = self.affected(&relative);
        // Pages no browser asked for since the last rebuild are dropped, not rendered again.
        let asked = std::mem::take(&mut self.asked);
        self.pages.retain(|page, _| asked.contains(page));
        let stale: Vec<(Key, Kind)> = self
            .pages
            .keys()
            .filter(|(k, _)| affected.as_ref().is_none_or(|a| a.contains(&k.client)))
            .cloned()
            .collect();
        let mut failed = Vec::new();
        for (key, kind) in &stale {
            self.pages.remove(&(key.clone(), *kind));
            if let Err(e) = self.page(key, *kind) {
                failed.push(e);
            }
        }
        self.generation += 1;
        let names: Vec<String> = relative.iter().map(|p| p.display().to_string()).collect();
        eprintln!(
            "{} rebuild {}: {} page{} in {} ms after {}{}",
            chrono::Local::now().format("%H:%M:%S"),
            self.generation,
            stale.len(),
            if stale.len() == 1 { "" } else { "s" },
            t.elapsed().as_millis(),
            names.join(", "),
            if let Err(e) = &self.ws {
                format!("\n{e}")
            } else if let Some(e) = failed.first() {
                format!("\nerror: {e}")
            } else {
                String::new()
            }
        );
        let _ = self.reload.send(self.generation);
    }

    /// The clients whose pages a change touches (`None`: all), reloading the workspace or a
    /// brand when those changed.
    fn affected(&mut self, paths: &[PathBuf]) -> Option<Vec<String>> {
        let config_name = self.config.file_name().map(PathBuf::from);
        if paths.iter().any(|p| Some(p.clone()) == config_name) || self.ws.is_err() {
            self.ws = load(&self.config);
            self.fetcher = Fetcher::default();
            self.brands = Brands::default();
            return None;
        }
        let ws = self.ws.as_ref().ok()?;
        let mut clients = Vec::new();
        for path in paths {
            let first = path
                .components()
                .next()
                .map(|c| c.as_os_str().to_string_lossy().to_string());
            let brands = ws.file.brands.to_string_lossy().to_string();
            let notes = ws.file.notes.to_string_lossy().to_string();
            if first.as_deref() == Some(brands.as_str()) {
                let brand = path
                    .components()
                    .nth(1)
                    .map(|c| c.as_os_str().to_string_lossy().to_string());
                if let Some(brand) = brand {
                    self.brands.forget(&brand);
                    clients.extend(
                        ws.clients()
                            .filter(|c| c.brand == brand)
                            .map(|c| c.config.id.to_string()),
                    );
                }
            } else if first.as_deref() == Some(notes.as_str()) {
                if let Some(client) = path.components().nth(1) {
                    clients.push(client.as_os_str().to_string_lossy().to_string());
                }
            } else {
                // A data file: the clients whose sources read it.
                clients.extend(
                    ws.clients()
                        .filter(|c| {
                            c.config
                                .sources
                                .iter()
                                .any(|s| s.path.as_deref() == Some(path.as_path()))
                        })
                        .map(|c| c.config.id.to_string()),
                );
            }
        }
        Some(clients)
    }
}

fn load(config: &Path) -> Result<Workspace, String> {
    Workspace::load(config).map_err(|e| format!("error: {e}"))
}

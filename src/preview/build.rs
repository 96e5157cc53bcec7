//! The preview's builder: owns the workspace, the brand kits and the rendered pages on one
//! thread; each page is rendered on a thread of its own (a live source fetching with retries
//! holds up only its own page) and kept in memory. On a file change it reloads what the change
//! touches, drops the pages it makes stale and tells the browsers to reload.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
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
    /// A page rendered on its own thread, for the workspace of `generation`.
    Rendered {
        key: Key,
        kind: Kind,
        page: Page,
        generation: u64,
    },
}

/// What pages are rendered from, shared with the threads that render them.
#[derive(Clone)]
struct Inputs {
    ws: Result<Arc<Workspace>, String>,
    /// Live sources' client, tokens and secrets: renewed with the workspace.
    fetcher: Arc<Fetcher>,
    brands: Arc<Brands>,
}

impl Inputs {
    fn load(config: &Path) -> Self {
        Inputs {
            ws: Workspace::load(config)
                .map(Arc::new)
                .map_err(|e| format!("error: {e}")),
            fetcher: Arc::default(),
            brands: Arc::default(),
        }
    }
}

type Waiting = Vec<tokio::sync::oneshot::Sender<Page>>;

pub struct Builder {
    config: PathBuf,
    inputs: Inputs,
    /// Where the rendering threads send their pages.
    requests: mpsc::Sender<Request>,
    pages: HashMap<(Key, Kind), Page>,
    /// Pages being rendered, with who waits for each.
    pending: HashMap<(Key, Kind), Waiting>,
    /// Pages asked for since the last rebuild: the ones open in a browser (each reloads after
    /// a rebuild and asks again). Pages no browser asked for leave the memory at a rebuild.
    asked: HashSet<(Key, Kind)>,
    /// Sends the number of each finished rebuild to the browsers.
    reload: tokio::sync::broadcast::Sender<u64>,
    generation: u64,
}

impl Builder {
    pub fn new(
        config: PathBuf,
        reload: tokio::sync::broadcast::Sender<u64>,
        requests: mpsc::Sender<Request>,
    ) -> Self {
        let config = std::path::absolute(&config).unwrap_or(config);
        let inputs = Inputs::load(&config);
        if let Err(e) = &inputs.ws {
            eprintln!("{e}");
        }
        Builder {
            config,
            inputs,
            requests,
            pages: HashMap::new(),
            pending: HashMap::new(),
            asked: HashSet::new(),
            reload,
            generation: 0,
        }
    }

    pub fn run(mut self, requests: mpsc::Receiver<Request>) {
        // The watcher sends each burst of file events as one change.
        while let Ok(request) = requests.recv() {
            self.answer(request);
        }
    }

    fn answer(&mut self, request: Request) {
        match request {
            Request::Page { key, kind, reply } => {
                self.asked.insert((key.clone(), kind));
                self.page(key, kind, reply);
            }
            Request::Index { reply } => {
                let _ = reply.send(self.index());
            }
            Request::Changed(paths) => self.changed(&paths),
            Request::Rendered {
                key,
                kind,
                page,
                generation,
            } => {
                if let Err(e) = &page {
                    eprintln!("error: {} {}: {e}", key.client, key.period);
                }
                for waiting in self
                    .pending
                    .remove(&(key.clone(), kind))
                    .unwrap_or_default()
                {
                    let _ = waiting.send(page.clone());
                }
                // A page of an older workspace answers those who asked for it; it is not kept.
                if generation == self.generation {
                    self.pages.insert((key, kind), page);
                }
            }
        }
    }

    /// Answers with the page kept in memory, or renders it on a thread of its own.
    fn page(&mut self, key: Key, kind: Kind, reply: tokio::sync::oneshot::Sender<Page>) {
        if let Some(page) = self.pages.get(&(key.clone(), kind)) {
            let _ = reply.send(page.clone());
            return;
        }
        let waiting = self.pending.entry((key.clone(), kind)).or_default();
        waiting.push(reply);
        if waiting.len() > 1 {
            return; // already being rendered
        }
        let (inputs, done, generation) =
            (self.inputs.clone(), self.requests.clone(), self.generation);
        std::thread::spawn(move || {
            let page = render(&inputs, &key, kind);
            let _ = done.send(Request::Rendered {
                key,
                kind,
                page,
                generation,
            });
        });
    }

    fn index(&self) -> Result<Vec<ClientEntry>, String> {
        let ws = self.inputs.ws.as_ref().map_err(Clone::clone)?;
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

    /// Reloads what `paths` touch, drops the pages it makes stale (and those no browser asked
    /// for since the last rebuild), and tells the browsers to reload.
    fn changed(&mut self, paths: &[PathBuf]) {
        let t = Instant::now();
        let root = Workspace::root_of(&self.config);
        let relative: Vec<PathBuf> = paths
            .iter()
            .filter_map(|p| p.strip_prefix(&root).ok().map(Path::to_path_buf))
            .collect();
        let affected = self.affected(&relative);
        let asked = std::mem::take(&mut self.asked);
        let before = self.pages.len();
        self.pages.retain(|page, _| {
            asked.contains(page)
                && affected
                    .as_ref()
                    .is_some_and(|a| !a.contains(&page.0.client))
        });
        let dropped = before - self.pages.len();
        self.generation += 1;
        let names: Vec<String> = relative.iter().map(|p| p.display().to_string()).collect();
        eprintln!(
            "{} rebuild {}: {} page{} dropped in {} ms after {}{}",
            chrono::Local::now().format("%H:%M:%S"),
            self.generation,
            dropped,
            if dropped == 1 { "" } else { "s" },
            t.elapsed().as_millis(),
            names.join(", "),
            match &self.inputs.ws {
                Err(e) => format!("\n{e}"),
                Ok(_) => String::new(),
            }
        );
        let _ = self.reload.send(self.generation);
    }

    /// The clients whose pages a change touches (`None`: all), reloading the workspace or a
    /// brand when those changed.
    fn affected(&mut self, paths: &[PathBuf]) -> Option<Vec<String>> {
        let config_name = self.config.file_name().map(PathBuf::from);
        if paths.iter().any(|p| Some(p.clone()) == config_name) || self.inputs.ws.is_err() {
            self.inputs = Inputs::load(&self.config);
            return None;
        }
        let ws = self.inputs.ws.as_ref().ok()?;
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
                    self.inputs.brands.forget(&brand);
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

/// Renders one page. The e-mail attaches the report's PDF or HTML page, rendered for it.
fn render(inputs: &Inputs, key: &Key, kind: Kind) -> Page {
    let attachment = match kind {
        Kind::Email => {
            let attach = inputs
                .ws
                .as_ref()
                .ok()
                .and_then(|ws| ws.client(&key.client).map(|c| c.config.email.attach));
            match attach {
                Some(Attach::Pdf) => Some(render(inputs, key, Kind::Pdf)?),
                Some(Attach::Html) => Some(render(inputs, key, Kind::Html)?),
                _ => None,
            }
        }
        _ => None,
    };
    let ws = inputs.ws.as_deref().map_err(Clone::clone)?;
    let client = ws
        .client(&key.client)
        .ok_or_else(|| format!("no client {:?}", key.client))?;
    let kit = inputs
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
    let model = report::build(ws, &inputs.fetcher, &client, &kit.brand, &request)
        .map_err(|e| e.to_string())?;
    match kind {
        Kind::Html | Kind::Pdf => {
            let format = if kind == Kind::Html {
                Format::Html
            } else {
                Format::Pdf
            };
            let mut files =
                render_formats(&model, &kit, ws, &[format]).map_err(|e| crate::error_chain(&e))?;
            Ok(files.pop().map(|(_, bytes)| bytes).unwrap_or_default())
        }
        Kind::Email => {
            let view = view_of(&model, &kit.brand, ws);
            let composed = compose(&client, &model, &view, &kit, attachment, None)?;
            Ok(super::pages::email(&composed, &key.client, &key.period).into_bytes())
        }
    }
}

//! `execreport preview`: the workspace's reports on a local web server that reloads the
//! browser within a moment of any change to a brand, template, note, config or data file.
//!
//! A builder thread owns the workspace and keeps rendered pages in memory, rendering each on a
//! thread of its own; the server asks it for pages; a debounced file watcher tells it what
//! changed; server-sent events tell the browsers to reload.

mod build;
pub mod pages;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use axum::Router;
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use futures_util::stream::Stream;
use notify::event::ModifyKind;
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, NoCache, new_debouncer, new_debouncer_opt};
use serde::Deserialize;

use crate::period::{CompareKind, PeriodSpec};
use build::{Builder, Key, Kind, Request};

pub struct Options {
    pub config: PathBuf,
    pub bind: std::net::IpAddr,
    pub port: u16,
    pub open: bool,
    /// Open this client (and period) first.
    pub start: Option<String>,
    /// List this brand's clients first on the index.
    pub brand: Option<String>,
}

struct Shared {
    requests: Mutex<mpsc::Sender<Request>>,
    reload: tokio::sync::broadcast::Sender<u64>,
    generation: AtomicU64,
    clients: Mutex<Vec<String>>,
    /// `--brand`: its clients first on the index.
    brand: Option<String>,
}

/// Runs the server until the process is stopped.
pub fn serve(options: Options) -> anyhow::Result<()> {
    let (tx, rx) = mpsc::channel();
    let (reload, _) = tokio::sync::broadcast::channel(16);
    let (config, sender) = (options.config.clone(), reload.clone());
    // The builder keeps the state; the pages it renders on threads come back through `done`.
    let done = tx.clone();
    std::thread::spawn(move || Builder::new(config, sender, done).run(rx));
    let root = std::path::absolute(crate::config::Workspace::root_of(&options.config))?;
    // The reports a run writes are not changes to preview (the workspace's `output` folder).
    let output = crate::config::Workspace::load(&options.config)
        .map(|ws| ws.output_dir())
        .unwrap_or_else(|_| root.join("out"));
    let _watcher = watch(&root, &std::path::absolute(output)?, tx.clone())?;
    let shared = Arc::new(Shared {
        requests: Mutex::new(tx),
        reload,
        generation: AtomicU64::new(0),
        clients: Mutex::new(Vec::new()),
        brand: options.brand.clone(),
    });
    let app = Router::new()
        .route("/", get(index))
        .route("/events", get(events))
        .route("/r/{client}/{period}", get(report_page))
        .route("/raw/{client}/{period}", get(raw))
        .route("/pdf/{client}/{period}", get(pdf))
        .route("/email/{client}/{period}", get(email))
        .fallback(|| async { not_found() })
        .with_state(shared.clone());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener =
            tokio::net::TcpListener::bind(SocketAddr::new(options.bind, options.port)).await?;
        let addr = listener.local_addr()?;
        let url = match &options.start {
            Some(path) => format!("http://{addr}/r/{path}"),
            None => format!("http://{addr}/"),
        };
        println!("preview: {url} (watching {}; Ctrl-C stops)", root.display());
        if options.open
            && let Err(e) = opener::open_browser(&url)
        {
            eprintln!("preview: cannot open a browser ({e}); open {url}");
        }
        // Keep the generation the pages show in step with the builder's; after a rebuild the
        // client list is asked for again (the workspace file may have changed).
        let mut events = shared.reload.subscribe();
        let counter = shared.clone();
        tokio::spawn(async move {
            while let Ok(g) = events.recv().await {
                counter.generation.store(g, Ordering::Relaxed);
                counter.clients.lock().expect("clients").clear();
            }
        });
        axum::serve(listener, app).await?;
        anyhow::Ok(())
    })
}

/// The watcher, kept alive while the preview runs.
pub struct Watching(#[allow(dead_code)] Box<dyn std::any::Any>);

/// How long a burst of file events (an editor's save is several) is batched for.
const DEBOUNCE: Duration = Duration::from_millis(100);

/// Watches the workspace folder (polling where the system cannot notify) for files created,
/// written, renamed or removed, in batches (notify-debouncer-full); reads are not changes, nor
/// are the outputs (`output`), the cache and the ledger (`.execreport`), `.git`, and editors'
/// temporary files.
fn watch(root: &Path, output: &Path, tx: mpsc::Sender<Request>) -> anyhow::Result<Watching> {
    let (base, output) = (root.to_path_buf(), output.to_path_buf());
    let ignored = move |p: &Path| {
        let inside = |dir: &str| p.starts_with(base.join(dir));
        p.starts_with(&output)
            || inside(".execreport")
            || inside(".git")
            || p.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                n.ends_with(".tmp") || n.ends_with('~')
            })
    };
    let handler = move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        let mut paths: Vec<PathBuf> = events
            .into_iter()
            .filter(|e| {
                matches!(
                    e.kind,
                    EventKind::Create(_)
                        | EventKind::Remove(_)
                        | EventKind::Modify(
                            ModifyKind::Data(_) | ModifyKind::Name(_) | ModifyKind::Any
                        )
                )
            })
            .flat_map(|e| e.event.paths)
            .filter(|p| !ignored(p))
            .collect();
        paths.sort();
        paths.dedup();
        if !paths.is_empty() {
            let _ = tx.send(Request::Changed(paths));
        }
    };
    match new_debouncer(DEBOUNCE, None, handler.clone()) {
        Ok(mut d) => {
            d.watch(root, RecursiveMode::Recursive)?;
            Ok(Watching(Box::new(d)))
        }
        Err(e) => {
            eprintln!("preview: file events unavailable ({e}); polling every 500 ms");
            let config = notify::Config::default().with_poll_interval(Duration::from_millis(500));
            let mut d = new_debouncer_opt::<_, notify::PollWatcher, _>(
                DEBOUNCE, None, handler, NoCache, config,
            )?;
            d.watch(root, RecursiveMode::Recursive)?;
            Ok(Watching(Box::new(d)))
        }
    }
}

#[derive(Deserialize)]
struct ViewQuery {
    locale: Option<String>,
    compare: Option<String>,
    width: Option<String>,
    period: Option<String>,
}

impl ViewQuery {
    fn compare(&self) -> Option<CompareKind> {
        match self.compare.as_deref() {
            None | Some("previous") => Some(CompareKind::Previous),
            Some("yoy") => Some(CompareKind::Yoy),
            Some("none") => Some(CompareKind::None),
            Some(_) => None,
        }
    }

    /// A locale from the list of shipped ones (anything else is refused).
    fn locale(&self) -> Result<Option<String>, ()> {
        match self.locale.as_deref() {
            None | Some("") => Ok(None),
            Some(l) if crate::locale::CATALOGS.iter().any(|(t, _)| *t == l) => {
                Ok(Some(l.to_string()))
            }
            Some(_) => Err(()),
        }
    }
}

fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        Html("<!DOCTYPE html><title>Not found</title><p>Not found.</p>"),
    )
        .into_response()
}

/// A request's key when the client exists and the period and options parse; else 404.
fn key(shared: &Shared, client: &str, period: &str, q: &ViewQuery) -> Option<Key> {
    let known = shared
        .clients
        .lock()
        .expect("clients")
        .iter()
        .any(|c| c == client);
    if !known || period.parse::<PeriodSpec>().is_err() {
        return None;
    }
    Some(Key {
        client: client.to_string(),
        period: period.to_string(),
        locale: q.locale().ok()?,
        compare: q.compare()?,
    })
}

async fn ask<T: Send + 'static>(
    shared: &Shared,
    make: impl FnOnce(tokio::sync::oneshot::Sender<T>) -> Request,
) -> Option<T> {
    let (reply, answer) = tokio::sync::oneshot::channel();
    shared
        .requests
        .lock()
        .expect("builder")
        .send(make(reply))
        .ok()?;
    answer.await.ok()
}

async fn index(State(shared): State<Arc<Shared>>) -> Response {
    let generation = shared.generation.load(Ordering::Relaxed);
    match ask(&shared, |reply| Request::Index { reply }).await {
        Some(Ok(mut clients)) => {
            *shared.clients.lock().expect("clients") =
                clients.iter().map(|c| c.id.clone()).collect();
            if let Some(brand) = &shared.brand {
                clients.sort_by_key(|c| c.brand != *brand);
            }
            Html(pages::index(&clients, generation)).into_response()
        }
        Some(Err(e)) => error_response("The workspace has an error", &e, generation),
        None => not_found(),
    }
}

async fn known_clients(shared: &Shared) {
    if shared.clients.lock().expect("clients").is_empty()
        && let Some(Ok(clients)) = ask(shared, |reply| Request::Index { reply }).await
    {
        *shared.clients.lock().expect("clients") = clients.iter().map(|c| c.id.clone()).collect();
    }
}

async fn report_page(
    State(shared): State<Arc<Shared>>,
    UrlPath((client, period)): UrlPath<(String, String)>,
    Query(q): Query<ViewQuery>,
) -> Response {
    known_clients(&shared).await;
    let period = q.period.clone().filter(|p| !p.is_empty()).unwrap_or(period);
    let Some(k) = key(&shared, &client, &period, &q) else {
        return not_found();
    };
    let generation = shared.generation.load(Ordering::Relaxed);
    // Render first, so an error shows here rather than inside the frame.
    match ask(&shared, |reply| Request::Page {
        key: k.clone(),
        kind: Kind::Html,
        reply,
    })
    .await
    {
        Some(Ok(_)) => {}
        Some(Err(e)) => return error_response(&format!("{client} {period}"), &e, generation),
        None => return not_found(),
    }
    let view = pages::View {
        client: &client,
        period: &period,
        locale: k.locale.as_deref(),
        compare: q.compare.as_deref().unwrap_or("previous"),
        width: q.width.as_deref().unwrap_or("desktop"),
    };
    Html(pages::report(&view, generation)).into_response()
}

async fn rendered(
    shared: &Shared,
    client: &str,
    period: &str,
    q: &ViewQuery,
    kind: Kind,
) -> Result<Vec<u8>, Response> {
    known_clients(shared).await;
    let k = key(shared, client, period, q).ok_or_else(not_found)?;
    let generation = shared.generation.load(Ordering::Relaxed);
    match ask(shared, |reply| Request::Page {
        key: k,
        kind,
        reply,
    })
    .await
    {
        Some(Ok(bytes)) => Ok(bytes),
        Some(Err(e)) => Err(error_response(
            &format!("{client} {period}"),
            &e,
            generation,
        )),
        None => Err(not_found()),
    }
}

async fn raw(
    State(shared): State<Arc<Shared>>,
    UrlPath((client, period)): UrlPath<(String, String)>,
    Query(q): Query<ViewQuery>,
) -> Response {
    match rendered(&shared, &client, &period, &q, Kind::Html).await {
        Ok(bytes) => ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], bytes).into_response(),
        Err(r) => r,
    }
}

async fn pdf(
    State(shared): State<Arc<Shared>>,
    UrlPath((client, period)): UrlPath<(String, String)>,
    Query(q): Query<ViewQuery>,
) -> Response {
    match rendered(&shared, &client, &period, &q, Kind::Pdf).await {
        Ok(bytes) => ([(header::CONTENT_TYPE, "application/pdf")], bytes).into_response(),
        Err(r) => r,
    }
}

async fn email(
    State(shared): State<Arc<Shared>>,
    UrlPath((client, period)): UrlPath<(String, String)>,
    Query(q): Query<ViewQuery>,
) -> Response {
    let generation = shared.generation.load(Ordering::Relaxed);
    match rendered(&shared, &client, &period, &q, Kind::Email).await {
        Ok(body) => Html(pages::wrap(&String::from_utf8_lossy(&body), generation)).into_response(),
        Err(r) => r,
    }
}

fn error_response(title: &str, message: &str, generation: u64) -> Response {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        Html(pages::error(title, message, generation)),
    )
        .into_response()
}

async fn events(
    State(shared): State<Arc<Shared>>,
) -> Sse<impl Stream<Item = Result<Event, std::convert::Infallible>>> {
    let receiver = shared.reload.subscribe();
    let stream = futures_util::stream::unfold(receiver, |mut rx| async move {
        loop {
            match rx.recv().await {
                Ok(g) => {
                    return Some((Ok(Event::default().event("reload").data(g.to_string())), rx));
                }
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => continue,
                Err(_) => return None,
            }
        }
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

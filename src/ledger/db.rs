//! The two databases a ledger lives in: an SQLite file (the embedded default) or a PostgreSQL
//! server shared by workers on many machines. The ledger's SQL is written once, with `?N`
//! parameters (rewritten to `$N` for PostgreSQL); every parameter is TEXT or NULL and every
//! column is read back as text, so both databases run the same statements.

use std::sync::Arc;

use super::{LedgerError, Result};

/// A parameter: TEXT, or NULL.
pub(super) type Value<'a> = Option<&'a str>;
/// A row read back, each column as text (integers in their decimal form).
pub(super) type Row = Vec<Option<String>>;

/// One transaction of either database.
pub(super) trait Tx {
    fn exec(&mut self, sql: &str, params: &[Value]) -> Result<u64>;
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>>;
    /// The clause that locks the rows a SELECT reads (` FOR UPDATE`, or with `skip`
    /// ` FOR UPDATE SKIP LOCKED`) where the database has row locks (PostgreSQL); SQLite locks
    /// the whole database for a write transaction and needs none.
    fn row_lock(&self, skip: bool) -> &'static str;
}

pub(super) enum Db {
    /// The connection, and whether its journal is a write-ahead log (where a commit without
    /// a sync can be lost but never corrupts the file, nor jumps ahead of earlier commits).
    Sqlite {
        conn: rusqlite::Connection,
        wal: bool,
    },
    Postgres(Box<postgres::Client>),
}

/// When a transaction's commit reaches the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Durability {
    /// Before the commit returns (SQLite `synchronous = FULL`, PostgreSQL's default): what
    /// the e-mail protocol, decisions not to send, approvals and tokens need.
    Durable,
    /// With the next durable commit or checkpoint (SQLite `synchronous = NORMAL` in WAL mode,
    /// PostgreSQL `synchronous_commit = off`): a power cut may lose it, and the commits after
    /// it, but never it without them, so a durable record is never ahead of its history. For
    /// the render bookkeeping of a batch, which a lost record only makes redo. Durable where
    /// SQLite could not use a write-ahead log.
    Ordered,
}

impl Db {
    /// Runs `f` in one transaction, committed when it returns `Ok`.
    pub(super) fn transaction<T>(
        &mut self,
        durability: Durability,
        f: impl FnOnce(&mut dyn Tx) -> Result<T>,
    ) -> Result<T> {
        let ordered = durability == Durability::Ordered;
        match self {
            Db::Sqlite { conn, wal } => {
                // Set for each transaction (outside it, as SQLite requires): no level is left
                // behind by a transaction that failed or panicked.
                conn.execute_batch(if ordered && *wal {
                    "PRAGMA synchronous = NORMAL"
                } else {
                    "PRAGMA synchronous = FULL"
                })?;
                // IMMEDIATE: the write lock is taken at once, so a read-then-write never
                // fails half-way on a busy database.
                let mut tx =
                    conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                let value = f(&mut tx)?;
                tx.commit()?;
                Ok(value)
            }
            Db::Postgres(client) => {
                let mut tx = client.transaction()?;
                if ordered {
                    tx.batch_execute("SET LOCAL synchronous_commit = off")?;
                }
                let value = f(&mut tx)?;
                tx.commit()?;
                Ok(value)
            }
        }
    }

    pub(super) fn is_shared(&self) -> bool {
        matches!(self, Db::Postgres(_))
    }
}

impl Tx for rusqlite::Transaction<'_> {
    fn exec(&mut self, sql: &str, params: &[Value]) -> Result<u64> {
        Ok(self.execute(sql, rusqlite::params_from_iter(params.iter()))? as u64)
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>> {
        let mut stmt = self.prepare_cached(sql)?;
        let n = stmt.column_count();
        let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), |r| {
            (0..n).map(|i| Ok(sqlite_text(r.get_ref(i)?))).collect()
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn row_lock(&self, _skip: bool) -> &'static str {
        ""
    }
}

fn sqlite_text(v: rusqlite::types::ValueRef) -> Option<String> {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Null => None,
        ValueRef::Integer(i) => Some(i.to_string()),
        ValueRef::Real(f) => Some(f.to_string()),
        ValueRef::Text(t) | ValueRef::Blob(t) => Some(String::from_utf8_lossy(t).into_owned()),
    }
}

impl Tx for postgres::Transaction<'_> {
    fn exec(&mut self, sql: &str, params: &[Value]) -> Result<u64> {
        Ok(self.execute(&dollar_params(sql), &pg_params(params))?)
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>> {
        let rows = postgres::Transaction::query(self, &dollar_params(sql), &pg_params(params))?;
        rows.iter().map(pg_row).collect()
    }

    fn row_lock(&self, skip: bool) -> &'static str {
        if skip {
            " FOR UPDATE SKIP LOCKED"
        } else {
            " FOR UPDATE"
        }
    }
}

fn pg_params<'a>(params: &'a [Value<'a>]) -> Vec<&'a (dyn postgres::types::ToSql + Sync)> {
    params
        .iter()
        .map(|p| p as &(dyn postgres::types::ToSql + Sync))
        .collect()
}

fn pg_row(row: &postgres::Row) -> Result<Row> {
    use postgres::types::Type;
    (0..row.len())
        .map(|i| {
            Ok(match *row.columns()[i].type_() {
                Type::INT2 => row.try_get::<_, Option<i16>>(i)?.map(|v| v.to_string()),
                Type::INT4 => row.try_get::<_, Option<i32>>(i)?.map(|v| v.to_string()),
                Type::INT8 => row.try_get::<_, Option<i64>>(i)?.map(|v| v.to_string()),
                _ => row.try_get::<_, Option<String>>(i)?,
            })
        })
        .collect()
}

/// `?12` → `$12`: the ledger's statements hold no `?` other than parameters.
fn dollar_params(sql: &str) -> String {
    sql.replace('?', "$")
}

/// Connects to PostgreSQL; TLS through rustls with the Mozilla roots (`sslmode` in the URL
/// decides whether it is required, preferred — the default — or off).
pub(super) fn connect_postgres(url: &str) -> std::result::Result<postgres::Client, LedgerError> {
    let config: postgres::Config = url
        .parse()
        .map_err(|e: postgres::Error| LedgerError::Url(e.to_string()))?;
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    let tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| LedgerError::Url(e.to_string()))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    let tls = tokio_postgres_rustls::MakeRustlsConnect::new(tls);
    config.connect(tls).map_err(|source| LedgerError::Connect {
        host: hosts(&config),
        source,
    })
}

/// The servers a URL names, for an error message (never its password).
fn hosts(config: &postgres::Config) -> String {
    let hosts: Vec<String> = config
        .get_hosts()
        .iter()
        .map(|h| match h {
            postgres::config::Host::Tcp(name) => name.clone(),
            postgres::config::Host::Unix(path) => path.display().to_string(),
        })
        .collect();
    let db = config.get_dbname().unwrap_or("postgres");
    format!("{} (database {db})", hosts.join(", "))
}

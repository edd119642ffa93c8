//! `rasd serve`: the JSON API and the dashboard over a store.
use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::Context;

/// Arguments of `rasd serve`.
#[derive(clap::Args)]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free port; the address is printed on standard error).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Store: a SQLite path, ":memory:" or a postgres:// URL [default: env RASD_DB, else rasd.db].
    #[arg(long)]
    pub db: Option<String>,
    /// Bearer token that enables POST /api/ingest [default: env RASD_TOKEN; without one, ingest is off].
    #[arg(long)]
    pub token: Option<String>,
    /// Connections served at once; more wait in the listen queue.
    #[arg(long, value_name = "N", default_value_t = rasd_server::Limits::default().max_connections)]
    pub max_connections: usize,
    /// Store connections that requests may use at once (an in-memory store has one).
    #[arg(long, value_name = "N", default_value_t = rasd_server::DEFAULT_CONNECTIONS)]
    pub db_connections: usize,
    #[command(flatten)]
    pub time_budget: crate::cmd_extract::TimeBudget,
}

pub fn run(a: ServeArgs) -> anyhow::Result<ExitCode> {
    let db =
        a.db.or_else(|| std::env::var("RASD_DB").ok().filter(|s| !s.is_empty()))
            .unwrap_or_else(|| "rasd.db".to_string());
    let token = a
        .token
        .or_else(|| std::env::var("RASD_TOKEN").ok())
        .filter(|t| !t.trim().is_empty());
    let store = rasd_store::Store::open(&db).with_context(|| format!("opening store {db}"))?;
    let ingest = if token.is_some() {
        "on (bearer token)"
    } else {
        "off (no --token / RASD_TOKEN)"
    };
    let limits = rasd_server::Limits {
        max_connections: a.max_connections.max(1),
        ..rasd_server::Limits::default()
    };
    let state = rasd_server::AppState::with_connections(store, a.db_connections.max(1))
        .with_token(token)
        .with_limits(limits)
        .with_pipeline(std::sync::Arc::new(
            rasd_extract::Pipeline::new().with_time_budget(a.time_budget.get()),
        ));
    let missing = rasd_server::missing_assets();

    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    rt.block_on(async move {
        let listener =
            tokio::net::TcpListener::bind(a.addr).await.with_context(|| format!("listening on {}", a.addr))?;
        let local = listener.local_addr().context("reading the bound address")?;
        eprintln!("rasd: serving http://{local}/ (dashboard) and http://{local}/api/ (API) over {db}; ingest {ingest}");
        if !missing.is_empty() {
            eprintln!(
                "rasd: this build has no map library ({} missing from crates/server/web/vendor): rebuild from a complete checkout",
                missing.join(", ")
            );
        }
        rasd_server::serve_listener(listener, state).await.context("serving")
    })?;
    Ok(ExitCode::SUCCESS)
}

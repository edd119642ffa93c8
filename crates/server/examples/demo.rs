//! Serve the dashboard over the five invented test articles, for trying it out:
//! `cargo run -p rasd-server --example demo -- 127.0.0.1:8080` (Ctrl-C to stop).
#[path = "../tests/common/mod.rs"]
mod common;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let addr: std::net::SocketAddr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8080".into())
        .parse()?;
    let state = common::state(None);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        eprintln!("demo: http://{}/", listener.local_addr()?);
        rasd_server::serve_listener(listener, state).await?;
        Ok(())
    })
}

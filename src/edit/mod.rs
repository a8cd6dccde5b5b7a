//! `planpress edit`: the clerk's editor in the browser, a thin layer over the
//! pipeline (as mdBook's `serve` over its build). The page asks, the pipeline
//! answers: the same model and checks (`content::load_with`, [`crate::Pipeline`]),
//! the same writing rule ([`crate::fs::write_content`]).
//!
//! A local HTTP server on 127.0.0.1: [`guard`] (token, Host, Origin, sizes),
//! [`files`] (the edition's files, saved as `fmt` writes them), [`parts`] (the
//! list named as the printed document), [`api`] (the JSON answers), [`assets`]
//! (the page, inside the binary), [`preview`] (the printed pages of the value
//! being edited), [`make`] (the PDF, the 案, the 新旧対照表, lint).

mod api;
mod assets;
mod files;
mod guard;
pub mod make;
mod numbers;
mod parts;
pub mod preview;
mod twice;

use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::routing::{get, post};

/// What every request shares: the edition it was started on, and its secret.
pub struct Editor {
    pub dir: PathBuf,
    pub token: String,
    pub port: u16,
    /// Where the commands' relative outputs (`out/…`) go: the folder planpress
    /// was started in.
    pub work: PathBuf,
    pub previews: preview::Previews,
    /// Held while a file is made: one at a time.
    pub making: std::sync::Mutex<()>,
}

/// A running editor: its address, and the server's runtime (dropped: stopped).
pub struct Running {
    pub address: String,
    pub port: u16,
    runtime: tokio::runtime::Runtime,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Running {
    /// Serve until Ctrl+C.
    pub fn wait_for_ctrl_c(mut self) {
        self.runtime.block_on(async {
            let _ = tokio::signal::ctrl_c().await;
        });
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// Start serving the edition in `dir` on 127.0.0.1:`port` (0: any free port);
/// made files go under the current folder, as the commands write them.
pub fn start(dir: &Path, port: u16) -> Result<Running, String> {
    let work = std::env::current_dir().map_err(|e| {
        format!(
            "今のフォルダが分かりません: {}",
            crate::io_message::reason(&e)
        )
    })?;
    start_in(dir, port, &work)
}

/// Why a common folder is not opened itself: its content is edited from a
/// ward that uses it, beside that ward's printed pages.
fn common_folder(dir: &Path) -> String {
    let example = match crate::city::users_of(dir).first() {
        Some(w) => format!("planpress edit {}", w.display()),
        None => "planpress edit <区の版のフォルダ>".into(),
    };
    format!(
        "{} は市の共通フォルダです（{} があります）。共通の内容は、それを使う区の版を開くと、左の一覧の「市の共通の内容」で編集できます（その区の印刷イメージで確かめながら）。例: {example}",
        dir.display(),
        crate::content::COMMON_FILE
    )
}

/// [`start`], with made files under `work` instead of the current folder.
pub fn start_in(dir: &Path, port: u16, work: &Path) -> Result<Running, String> {
    if crate::city::is_common(dir) {
        return Err(common_folder(dir));
    }
    if !dir.join("edition.json").is_file() {
        return Err(format!(
            "{} は版のフォルダではありません（edition.json がありません）。版のフォルダを指定してください（例: content/miyamae-r2）",
            dir.display()
        ));
    }
    // Absolute, not canonical: Windows' canonical form is a verbatim `\\?\Z:\…`
    // path, which the clerk would read in the page and in which a previous
    // edition named `../x` is not found (`..` is not resolved in it).
    let dir = std::path::absolute(dir)
        .map_err(|e| format!("{}: {}", dir.display(), crate::io_message::reason(&e)))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("編集画面を始められません: {e}"))?;
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(SocketAddr::from((
            Ipv4Addr::LOCALHOST,
            port,
        ))))
        .map_err(|e| {
            format!(
                "ポート {port} を使えません（{}）。--port でほかの番号を指定してください",
                crate::io_message::reason(&e)
            )
        })?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let editor = Arc::new(Editor {
        dir,
        token: guard::new_token()?,
        port,
        work: work.to_path_buf(),
        previews: preview::Previews::new(),
        making: std::sync::Mutex::new(()),
    });
    let address = format!("http://127.0.0.1:{port}/{}/", editor.token);
    let app = router(editor);
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    runtime.spawn(async move {
        let _ = axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = rx.await;
            })
            .await;
    });
    Ok(Running {
        address,
        port,
        runtime,
        shutdown: Some(tx),
    })
}

fn router(editor: Arc<Editor>) -> Router {
    // Every route carries the token as its first segment; `guard` checks it
    // (and Host, Origin) before any handler runs.
    Router::new()
        .route("/{token}/", get(assets::index))
        .route("/{token}/assets/{name}", get(assets::asset))
        .route("/{token}/api/edition", get(api::edition))
        .route("/{token}/api/check", post(api::check))
        .route("/{token}/api/save", post(api::save))
        .route("/{token}/api/preview", post(preview::handle))
        .route("/{token}/api/make", post(make::handle))
        .fallback(guard::not_found)
        .layer(axum::middleware::from_fn_with_state(
            editor.clone(),
            guard::guard,
        ))
        .layer(axum::extract::DefaultBodyLimit::max(guard::BODY_LIMIT))
        .with_state(editor)
}

//! The page: its HTML, script and style, inside the binary (no file beside the
//! exe, nothing from the network).

use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use rust_embed::Embed;

#[derive(Embed)]
#[folder = "src/edit/page/"]
struct Page;

pub async fn index() -> Response {
    serve("index.html")
}

pub async fn asset(Path((_token, name)): Path<(String, String)>) -> Response {
    serve(&name)
}

fn serve(name: &str) -> Response {
    let Some(file) = Page::get(name) else {
        return super::guard::text(StatusCode::NOT_FOUND, "このファイルはありません");
    };
    let kind = match name.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    };
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "no-store"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
            ),
        ],
        file.data.into_owned(),
    )
        .into_response()
}

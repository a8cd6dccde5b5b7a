//! Who may talk to the editor: only a page this run served, on this PC.
//!
//! - a secret token in every path (printed in the address): another local user or
//!   program cannot guess it;
//! - Host must be this server (127.0.0.1 or localhost on its port): a foreign name
//!   resolving to 127.0.0.1 (DNS rebinding) is refused;
//! - a foreign Origin (another site's form or script) is refused, and a request
//!   that changes anything must come from this page;
//! - bodies are limited in size.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::Editor;

/// The largest request body: an edition at every limit is far smaller.
pub const BODY_LIMIT: usize = 16 << 20;

/// 32 hex digits of the OS's randomness.
pub fn new_token() -> Result<String, String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| format!("乱数を得られません: {e}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

pub async fn guard(State(editor): State<Arc<Editor>>, request: Request, next: Next) -> Response {
    if let Err(refusal) = allowed(
        &editor,
        request.method(),
        request.uri().path(),
        request.headers(),
    ) {
        return refusal;
    }
    next.run(request).await
}

fn allowed(
    editor: &Editor,
    method: &Method,
    path: &str,
    headers: &HeaderMap,
) -> Result<(), Response> {
    let hosts = [
        format!("127.0.0.1:{}", editor.port),
        format!("localhost:{}", editor.port),
    ];
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    if !host.is_some_and(|h| hosts.iter().any(|ok| ok.eq_ignore_ascii_case(h))) {
        return Err(forbidden(
            "この編集画面は、この PC の planpress が表示したアドレス（http://127.0.0.1:…）からだけ開けます",
        ));
    }
    let origin = headers.get(header::ORIGIN).and_then(|h| h.to_str().ok());
    let same = |o: &str| {
        hosts
            .iter()
            .any(|h| o.eq_ignore_ascii_case(&format!("http://{h}")))
    };
    match origin {
        Some(o) if !same(o) => {
            return Err(forbidden("ほかのページからの要求は受け付けません"));
        }
        None if *method != Method::GET && *method != Method::HEAD => {
            // A change without an Origin: only from this page (fetch sends
            // Sec-Fetch-Site), never a bare cross-site form.
            let site = headers.get("sec-fetch-site").and_then(|h| h.to_str().ok());
            if site != Some("same-origin") {
                return Err(forbidden("ほかのページからの要求は受け付けません"));
            }
        }
        _ => {}
    }
    let token = path.trim_start_matches('/').split('/').next().unwrap_or("");
    if !constant_time_eq(token.as_bytes(), editor.token.as_bytes()) {
        return Err(forbidden(
            "アドレスが違います。planpress edit が表示したアドレスを、そのまま開いてください",
        ));
    }
    Ok(())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn forbidden(message: &str) -> Response {
    text(StatusCode::FORBIDDEN, message)
}

pub fn text(status: StatusCode, message: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        Body::from(message.to_string()),
    )
        .into_response()
}

pub async fn not_found() -> Response {
    text(StatusCode::NOT_FOUND, "このページはありません")
}

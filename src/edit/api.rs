//! The JSON answers the page asks for. Each runs the pipeline's own stage on the
//! edition (with the page's unsaved files in place of the folder's) and reports
//! what `planpress check` and `build` would say, in the same words.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::Editor;
use super::files::{self, Refused, Saved};
use crate::{BuildError, Config, Pipeline};

/// One finding, placed where the page can show it beside its field.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub pointer: Option<String>,
    pub item: Option<String>,
    pub message: String,
    /// `error` (stops the PDF) or `warning` (注意).
    pub severity: &'static str,
}

impl Problem {
    pub fn general(message: String, severity: &'static str) -> Self {
        Problem {
            file: String::new(),
            pointer: None,
            item: None,
            message,
            severity,
        }
    }
}

/// The page's unsaved files: name → JSON text.
#[derive(Debug, Default, Deserialize)]
pub struct Unsaved {
    #[serde(default)]
    pub files: BTreeMap<String, String>,
}

impl Unsaved {
    /// The unsaved files as the pipeline's overlay; a name that is not one of the
    /// edition's files is ignored (never used as a path).
    pub fn overlay(&self, editor: &Editor) -> Vec<(String, Vec<u8>)> {
        overlay_in(&editor.dir, &self.files)
    }
}

/// Unsaved files (name → text) of the edition in `dir` as the pipeline's
/// overlay; a name that is not one of its files is ignored (never used as a path).
pub fn overlay_in(dir: &Path, files: &BTreeMap<String, String>) -> Vec<(String, Vec<u8>)> {
    let names = files::listed(dir);
    files
        .iter()
        .filter(|(name, _)| names.iter().any(|n| &n.name == *name))
        .map(|(name, text)| (name.clone(), text.as_bytes().to_vec()))
        .collect()
}

pub fn config(editor: &Editor, overlay: Vec<(String, Vec<u8>)>) -> Config {
    Config {
        overlay,
        ..Config::new(editor.dir.clone())
    }
}

pub async fn edition(State(editor): State<Arc<Editor>>) -> Response {
    let editor2 = editor.clone();
    let answer = tokio::task::spawn_blocking(move || {
        let editor = editor2;
        let names = files::listed(&editor.dir);
        let list: Vec<Value> = names
            .iter()
            .map(|n| {
                let bytes = files::read(&editor.dir, &n.name).unwrap_or_default();
                json!({"name": n.name, "kind": n.kind, "hash": files::hash(&bytes), "text": files::text(&bytes)})
            })
            .collect();
        let parts = super::parts::list(&editor.dir, &names, &BTreeMap::new());
        let folder = crate::content::load::folder_name(&editor.dir);
        json!({
            "edition": folder,
            "dir": editor.dir.display().to_string(),
            "files": list,
            "parts": parts,
            "schemas": crate::schema::editor_schemas(),
            "problems": problems(&editor, Vec::new()),
        })
    })
    .await;
    match answer {
        Ok(v) => Json(v).into_response(),
        Err(e) => super::guard::text(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

/// `planpress check`'s findings on the edition with `overlay` in place.
pub fn problems(editor: &Editor, overlay: Vec<(String, Vec<u8>)>) -> Vec<Problem> {
    match Pipeline::new(config(editor, overlay)).check() {
        Ok(prepared) => warnings(&prepared.warnings),
        Err(e) => from_error(&e),
    }
}

pub fn warnings(warnings: &[String]) -> Vec<Problem> {
    warnings
        .iter()
        .map(|w| Problem::general(w.clone(), "warning"))
        .collect()
}

/// A stopped stage's findings, each placed where it can be.
pub fn from_error(e: &BuildError) -> Vec<Problem> {
    match e {
        BuildError::Content(errors) => {
            let mut out: Vec<Problem> = errors
                .errors
                .iter()
                .map(|c| Problem {
                    file: c.file.clone(),
                    pointer: c.pointer.clone(),
                    item: c.item.clone(),
                    message: c.message.clone(),
                    severity: "error",
                })
                .collect();
            if errors.more > 0 {
                out.push(Problem::general(
                    format!(
                        "ほかに {} 件の問題があります（上の問題を直すと表示されます）",
                        errors.more
                    ),
                    "error",
                ));
            }
            if let Some(previous) = &errors.previous {
                out.push(Problem::general(
                    format!("前年度の版に問題があります: {previous}"),
                    "error",
                ));
            }
            out
        }
        BuildError::Incomplete(gaps) => gaps
            .iter()
            .map(|g| Problem {
                file: g.file.clone(),
                pointer: None,
                item: Some(g.what.clone()),
                message: format!("未収録の箇所です（\"gap\"）: {}", g.note),
                severity: "error",
            })
            .collect(),
        BuildError::Layout(fault, _, _) => fault
            .0
            .iter()
            .map(|m| Problem::general(m.clone(), "error"))
            .collect(),
        other => vec![Problem::general(other.to_string(), "error")],
    }
}

pub async fn check(State(editor): State<Arc<Editor>>, Json(unsaved): Json<Unsaved>) -> Response {
    let answer = tokio::task::spawn_blocking(move || {
        let overlay = unsaved.overlay(&editor);
        let names = files::listed(&editor.dir);
        let parts = super::parts::list(&editor.dir, &names, &unsaved.files);
        json!({"problems": problems(&editor, overlay), "parts": parts})
    })
    .await;
    match answer {
        Ok(v) => Json(v).into_response(),
        Err(e) => super::guard::text(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

#[derive(Debug, Deserialize)]
pub struct SaveRequest {
    pub file: String,
    pub base: String,
    pub text: String,
}

pub async fn save(State(editor): State<Arc<Editor>>, Json(req): Json<SaveRequest>) -> Response {
    let answer = tokio::task::spawn_blocking(move || {
        files::save(&editor.dir, &req.file, &req.base, &req.text)
    })
    .await;
    match answer {
        Ok(Ok(Saved::Written(hash))) => Json(json!({"saved": true, "hash": hash})).into_response(),
        Ok(Ok(Saved::Unchanged(hash))) => {
            Json(json!({"saved": false, "hash": hash})).into_response()
        }
        Ok(Err(Refused::Conflict(m))) => {
            (StatusCode::CONFLICT, Json(json!({"message": m}))).into_response()
        }
        Ok(Err(Refused::NotJson(m))) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(json!({"message": m})),
        )
            .into_response(),
        Ok(Err(Refused::Unknown(m))) => {
            (StatusCode::NOT_FOUND, Json(json!({"message": m}))).into_response()
        }
        Ok(Err(Refused::Io(m))) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            Json(json!({"message": m})),
        )
            .into_response(),
        Err(e) => super::guard::text(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

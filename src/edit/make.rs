//! `POST /api/make`: what the commands make, from the files on disk (the page
//! saves first), through the same library calls and written where the commands
//! write (relative paths against the folder planpress was started in): the
//! published PDF refusing gaps as `build --require-complete`, the 案 as
//! `build --draft`, the 新旧対照表 against the previous edition as `diff --pdf`,
//! the notation report as `lint`.

use std::path::Path;
use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::Editor;
use super::api::{Problem, from_error, warnings};
use crate::lint::{Report, Style, lint};
use crate::{BuildError, Config, content, diff, outputs, pipeline};

#[derive(Debug, Deserialize)]
pub struct MakeRequest {
    pub what: String,
}

/// What the page shows: done or not, the file (absolute path), in words, and
/// each finding where it is.
#[derive(Debug, Serialize)]
pub struct Made {
    pub ok: bool,
    pub path: Option<String>,
    pub message: String,
    pub problems: Vec<Problem>,
}

fn refused(message: String, problems: Vec<Problem>) -> Made {
    Made {
        ok: false,
        path: None,
        message,
        problems,
    }
}

/// Make `what` (`pdf`, `draft`, `diff`, `lint`) of the edition in `dir`; the
/// files go under `work` (the folder planpress was started in).
pub fn make(dir: &Path, work: &Path, what: &str) -> Made {
    match what {
        "pdf" => pdf(dir, work, false),
        "draft" => pdf(dir, work, true),
        "diff" => comparison(dir, work),
        "lint" => notation(dir),
        other => refused(
            format!("「{other}」は作れません。pdf・draft・diff・lint のどれかです"),
            Vec::new(),
        ),
    }
}

/// Why `what` was not made, with the problems to mend.
fn stopped(what: &str, e: &BuildError) -> Made {
    let message = match e {
        BuildError::Content(_) => {
            format!("内容に問題があるため、{what}を作りませんでした。下の問題を直してください")
        }
        BuildError::Incomplete(_) => e.to_string().lines().next().unwrap_or("").to_string(),
        BuildError::Layout(..) => format!(
            "ページに収まらない箇所があるため、{what}を作りませんでした。下の箇所を直してください"
        ),
        other => other.to_string(),
    };
    refused(message, from_error(e))
}

/// The published PDF (or the 案) where `build` writes it.
fn pdf(dir: &Path, work: &Path, draft: bool) -> Made {
    let what = if draft { "案の PDF" } else { "PDF" };
    let output = work.join(outputs::default_output(dir, draft));
    if let Err(m) = outputs::check(&output, None) {
        return refused(m, Vec::new());
    }
    let config = match Config::new(dir).draft(draft, None) {
        Ok(c) => c.require_complete(!draft),
        Err(m) => return refused(m, Vec::new()),
    };
    let built = match pipeline::build(&config) {
        Ok(built) => built,
        Err(e) => return stopped(what, &e),
    };
    if let Err(e) = pipeline::write(&output, &built) {
        return refused(e.to_string(), Vec::new());
    }
    Made {
        ok: true,
        path: Some(output.display().to_string()),
        message: format!(
            "{what}を作りました（{} ページ）: {}",
            built.document.pages().len(),
            output.display()
        ),
        problems: warnings(built.warnings()),
    }
}

/// The 新旧対照表 against the previous edition `edition.json` names.
fn comparison(dir: &Path, work: &Path) -> Made {
    let what = "新旧対照表";
    let output = work.join(outputs::default_comparison(dir));
    if let Err(m) = outputs::check(&output, None) {
        return refused(m, Vec::new());
    }
    let new = match content::load(dir) {
        Ok(c) => c,
        Err(e) => return stopped(what, &BuildError::Content(e)),
    };
    let Some(prev) = new
        .previous_dir()
        .filter(|p| p.join("edition.json").is_file())
    else {
        return refused(
            "前年度の版が見つからないため、新旧対照表を作れません。edition.json の \"previous\" に前年度の版のフォルダ名を書き、そのフォルダを content/ に置いてください".into(),
            Vec::new(),
        );
    };
    let old = match content::load(&prev) {
        Ok(c) => c,
        Err(e) => {
            // Its files are not this edition's: told as a whole, never linked.
            let message = format!("前年度の版（{}）に問題があります: {e}", prev.display());
            return refused(message, Vec::new());
        }
    };
    let notes = warnings(&diff::ids::warnings(&old, &new));
    let compared = match pipeline::comparison(&old, &new, None, &crate::render::Templates::Embedded)
    {
        Ok(c) => c,
        Err(e) => return stopped(what, &e),
    };
    if let Err(error) = crate::fs::write_atomic(&output, &compared.pdf) {
        let e = BuildError::Write {
            path: output,
            error,
        };
        return refused(e.to_string(), notes);
    }
    Made {
        ok: true,
        path: Some(output.display().to_string()),
        message: format!(
            "新旧対照表を作りました（{} 件の変更）: {}",
            compared.changes.len(),
            output.display()
        ),
        problems: notes,
    }
}

/// `lint`'s report, each finding at its text (lint writes no file).
fn notation(dir: &Path) -> Made {
    let content = match content::load(dir) {
        Ok(c) => c,
        Err(e) => return stopped("表記の検査", &BuildError::Content(e)),
    };
    let style = match Style::load(dir, None) {
        Ok(s) => s,
        Err(m) => return refused(m, Vec::new()),
    };
    let report = lint(&content, &style);
    let problems = findings(&report);
    let rules = report.faults() - report.variants.len();
    let message = if problems.is_empty() {
        "表記の検査: 表記の問題は見つかりませんでした".to_string()
    } else {
        format!(
            "表記の検査: 表記ゆれ {} 組、公用文の書き方 {} 件、参考 {} 件（ファイルは書き換えていません）",
            report.variants.len(),
            rules,
            report.findings.len() - rules
        )
    };
    Made {
        ok: true,
        path: None,
        message,
        problems,
    }
}

/// Every place lint names, in `lint`'s words: each spelling of a variant group
/// that is not the accepted one, each rule's finding (notes as 参考).
pub fn findings(report: &Report) -> Vec<Problem> {
    let mut out = Vec::new();
    for g in &report.variants {
        let spellings: Vec<&str> = g.forms.iter().map(|f| f.spelling.as_str()).collect();
        let advice = match &g.accepted {
            Some(a) => format!("そろえる表記は「{a}」です"),
            None => "どれか一つにそろえてください".into(),
        };
        for f in g.forms.iter().filter(|f| !f.accepted) {
            for o in &f.places {
                out.push(Problem {
                    file: o.place.file.clone(),
                    pointer: Some(o.place.pointer.clone()),
                    item: Some(o.place.item.clone()),
                    message: format!(
                        "表記ゆれ: 「{}」（{}）は、版の中で {} と書き分けられています。{advice}",
                        o.written,
                        g.reading,
                        spellings.join("・")
                    ),
                    severity: "warning",
                });
            }
        }
    }
    for f in &report.findings {
        let note = if f.note {
            "参考（直さなくてもかまいません）: "
        } else {
            ""
        };
        out.push(Problem {
            file: f.place.file.clone(),
            pointer: Some(f.place.pointer.clone()),
            item: Some(f.place.item.clone()),
            message: format!("{note}{}「{}」: {}", f.rule.label(), f.found, f.message),
            severity: "warning",
        });
    }
    out
}

pub async fn handle(
    State(editor): State<Arc<Editor>>,
    Json(request): Json<MakeRequest>,
) -> Response {
    let answer = tokio::task::spawn_blocking(move || {
        // One at a time: two clicks never write the same file at once.
        let _one = editor.making.lock().unwrap_or_else(|p| p.into_inner());
        make(&editor.dir, &editor.work, &request.what)
    })
    .await;
    match answer {
        Ok(made) => Json(made).into_response(),
        Err(e) => super::guard::text(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

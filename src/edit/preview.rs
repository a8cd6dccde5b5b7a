//! `POST /api/preview`: the printed page(s) of the value being edited, drawn
//! from the same compiled document as the PDF (typst-render), with the source
//! marks on them.
//!
//! One warm [`Pipeline`] (its World and Typst's caches) is kept behind a lock:
//! one preview compiles at a time, and a request overtaken by a newer one while
//! it waited, or while it compiled, is dropped (the last keystroke wins).

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use serde::Deserialize;
use serde_json::{Value, json};
use typst_layout::PagedDocument;

use super::Editor;
use super::api::{Problem, from_error, overlay_in, warnings};
use crate::marks::{SourceMark, pages_for, written_marks};
use crate::{Config, Pipeline};

/// Pixels per point the pages are drawn at (108 dpi). The preview column of the
/// page is 600–800 CSS pixels wide on an office PC's 1920-pixel screen; an A4
/// page at 1.5 is 893 pixels, so the browser only scales it down (still sharp
/// at 125–150 % display scaling), and a 9-pt kanji gets 13.5 pixels, readable
/// where 1.0 (9 pixels) merges its strokes. More would cost drawing time and
/// base64 bytes on every pause in typing.
pub const PIXELS_PER_PT: f32 = 1.5;

/// At most this many pages in one answer: a whole chapter shows its first pages.
pub const MAX_PAGES: usize = 4;

/// What the page asks: its unsaved files, and the value being edited.
#[derive(Debug, Default, Deserialize)]
pub struct PreviewRequest {
    #[serde(default)]
    pub files: BTreeMap<String, String>,
    #[serde(default)]
    pub file: String,
    #[serde(default)]
    pub pointer: String,
}

/// The editor's warm pipeline and the number of the newest request.
#[derive(Default)]
pub struct Previews {
    pipeline: Mutex<Option<Pipeline>>,
    asked: AtomicU64,
}

impl Previews {
    pub fn new() -> Self {
        Self::default()
    }

    /// How many requests have been asked so far (tests wait on it).
    #[doc(hidden)]
    pub fn asked(&self) -> u64 {
        self.asked.load(Ordering::SeqCst)
    }

    /// Hold the compile slot, as a long compile does (tests queue requests
    /// behind it deterministically).
    #[doc(hidden)]
    pub fn hold(&self) -> std::sync::MutexGuard<'_, Option<Pipeline>> {
        self.pipeline.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The answer to `request` on the edition in `dir`; `None` when a newer
    /// request came before this one was drawn (its answer would be stale).
    pub fn answer(&self, dir: &Path, request: &PreviewRequest) -> Option<Value> {
        let ticket = self.asked.fetch_add(1, Ordering::SeqCst) + 1;
        let stale = || self.asked.load(Ordering::SeqCst) != ticket;
        let mut slot = self.pipeline.lock().unwrap_or_else(|poisoned| {
            // A compile panicked: its World may be half updated; start afresh.
            self.pipeline.clear_poison();
            let mut slot = poisoned.into_inner();
            *slot = None;
            slot
        });
        if stale() {
            return None;
        }
        let pipeline = slot.get_or_insert_with(|| {
            Pipeline::new(Config {
                source_marks: true,
                ..Config::new(dir)
            })
        });
        pipeline.set_overlay(overlay_in(dir, &request.files));
        let laid = pipeline.lay_out();
        // Drawing needs only the document: the next compile may start.
        drop(slot);
        let laid = match laid {
            Ok(laid) => laid,
            Err(e) => return Some(json!({"pages": [], "problems": from_error(&e)})),
        };
        if stale() {
            return None;
        }
        let mut problems: Vec<Problem> = (laid.faults.iter())
            .map(|m| Problem::general(m.clone(), "error"))
            .collect();
        problems.extend(warnings(&laid.prepared.warnings));
        let pages = draw(
            &laid.document,
            &laid.prepared.content,
            &request.file,
            &request.pointer,
        );
        Some(json!({"pages": pages, "problems": problems}))
    }
}

/// The pages (0-based) on which `file`'s value at `pointer` prints
/// ([`pages_for`]: its marks' or its nearest marked parent's); the first page
/// when nothing of it is marked; at most [`MAX_PAGES`].
pub fn pages_of(marks: &[SourceMark], pages: usize, file: &str, pointer: &str) -> Vec<usize> {
    let mut found = pages_for(marks, file, pointer);
    if found.is_empty() && pages > 0 {
        found.push(0);
    }
    found.truncate(MAX_PAGES);
    found
}

/// The chosen pages as the page shows them, drawn side by side (one thread each).
fn draw(doc: &PagedDocument, content: &crate::Content, file: &str, pointer: &str) -> Vec<Value> {
    let marks = written_marks(doc, content);
    let labels = crate::preview::page_labels(doc);
    let chosen = pages_of(&marks, doc.pages().len(), file, pointer);
    let images: Vec<String> = std::thread::scope(|s| {
        let drawing: Vec<_> = (chosen.iter())
            .map(|&i| s.spawn(move || png(doc, i)))
            .collect();
        (drawing.into_iter())
            .map(|d| d.join().expect("drawing a page does not panic"))
            .collect()
    });
    (chosen.iter().zip(images))
        .map(|(&i, png)| {
            let frame = &doc.pages()[i].frame;
            let on_page: Vec<Value> = (marks.iter().filter(|m| m.page == i))
                .map(|m| json!({"x": m.x, "y": m.y, "file": m.file, "pointer": m.pointer}))
                .collect();
            json!({
                "index": i,
                "label": labels[i],
                "png": png,
                "width": frame.width().to_pt(),
                "height": frame.height().to_pt(),
                "marks": on_page,
            })
        })
        .collect()
}

/// Page `i` as a PNG data URL.
fn png(doc: &PagedDocument, i: usize) -> String {
    let options = typst_render::RenderOptions {
        pixel_per_pt: f64::from(PIXELS_PER_PT).into(),
        render_bleed: false,
    };
    let pixmap = typst_render::render(&doc.pages()[i], &options);
    // Encoding an in-memory RGBA image cannot fail but for its size (bounded by the page).
    let bytes = pixmap.encode_png().unwrap_or_default();
    format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

pub async fn handle(
    State(editor): State<Arc<Editor>>,
    Json(request): Json<PreviewRequest>,
) -> Response {
    let answer =
        tokio::task::spawn_blocking(move || editor.previews.answer(&editor.dir, &request)).await;
    match answer {
        Ok(Some(v)) => Json(v).into_response(),
        // Overtaken: the page has asked again and waits for that answer.
        Ok(None) => Json(json!({"superseded": true})).into_response(),
        Err(e) => super::guard::text(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(page: usize, pointer: &str) -> SourceMark {
        SourceMark {
            page,
            x: 60.0,
            y: 100.0,
            file: "4-targets.json".into(),
            pointer: pointer.into(),
        }
    }

    #[test]
    fn the_pages_of_a_value_else_of_its_nearest_marked_parent_else_the_first() {
        let marks = [
            mark(3, "/divisions/0/departments/1/full_name"),
            mark(3, "/divisions/0/departments/1/targets/0/text"),
            mark(4, "/divisions/0/departments/1/targets/1/text"),
            mark(9, "/divisions/0/departments/10/targets/0/text"),
        ];
        let of = |p: &str| pages_of(&marks, 20, "4-targets.json", p);
        assert_eq!(of("/divisions/0/departments/1/targets/1/text"), [4]);
        assert_eq!(of("/divisions/0/departments/1"), [3, 4], "not /10's page");
        // A target just added prints nothing yet: where its department prints.
        assert_eq!(of("/divisions/0/departments/1/targets/5"), [3, 4]);
        assert_eq!(pages_of(&marks, 20, "2-approach.json", "/sections"), [0]);
        assert_eq!(pages_of(&[], 0, "4-targets.json", ""), Vec::<usize>::new());
        let many: Vec<SourceMark> = (0..9).map(|p| mark(p, "/divisions/0")).collect();
        assert_eq!(pages_of(&many, 20, "4-targets.json", "").len(), MAX_PAGES);
    }
}

//! The editor's preview (`POST /api/preview`): the page a clerk sees beside the
//! form is the printed page, drawn from the page's unsaved files; what `build`
//! would refuse is told and still drawn; an overtaken request is dropped.

use std::path::Path;

use base64::Engine;
use serde_json::{Value, json};

use crate::doc::*;
use crate::edit_server::post;
use crate::pages::copy_of;

fn token(running: &planpress::edit::Running) -> String {
    let t = running.address.trim_end_matches('/').rsplit('/').next();
    t.unwrap().to_string()
}

/// A data URL's PNG bytes.
fn png(url: &Value) -> Vec<u8> {
    let b64 = url.as_str().unwrap().strip_prefix("data:image/png;base64,");
    base64::engine::general_purpose::STANDARD
        .decode(b64.expect("a PNG data URL"))
        .unwrap()
}

/// Width and height of a PNG, from its IHDR.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[1..4], b"PNG");
    let n = |i: usize| u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap());
    (n(16), n(20))
}

/// Page `i` of `dir` built afresh from the files on disk, drawn as the preview
/// draws. With the invisible source marks, as the preview lays them (that they
/// move no glyph of the print is `marks`' own test; they split text runs, and
/// positions then differ by 1e-13 pt: a few pixels of some pages can differ).
fn printed_page(dir: &Path, i: usize) -> Vec<u8> {
    let config = planpress::Config {
        source_marks: true,
        ..planpress::Config::new(dir)
    };
    let built = planpress::build(&config).unwrap();
    let options = typst_render::RenderOptions {
        pixel_per_pt: f64::from(planpress::edit::preview::PIXELS_PER_PT).into(),
        render_bleed: false,
    };
    typst_render::render(&built.document.pages()[i], &options)
        .encode_png()
        .unwrap()
}

fn subtitled(dir: &Path, subtitle: &str) -> String {
    let mut v: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("edition.json")).unwrap()).unwrap();
    v["cover"]["subtitle"] = subtitle.into();
    serde_json::to_string_pretty(&v).unwrap()
}

#[test]
fn the_preview_is_the_printed_page_of_the_unsaved_text() {
    let dir = copy_of("tests/fixtures/small-ward", "edit-preview");
    let running = planpress::edit::start(&dir, 0).unwrap();
    let (port, t) = (running.port, token(&running));
    let ask = |files: Value| {
        let body = json!({"files": files, "file": "edition.json", "pointer": "/cover/subtitle"});
        let (status, answer) = post(port, &t, "api/preview", &body);
        assert_eq!(status, 200, "{answer}");
        answer
    };
    let before = ask(json!({}));
    let subtitle = "【架空の副題・保存前の入力】";
    let text = subtitled(&dir, subtitle);
    let after = ask(json!({"edition.json": text}));
    // Nothing was written: the preview reads the page's text, not the disk.
    assert!(
        !std::fs::read_to_string(dir.join("edition.json"))
            .unwrap()
            .contains(subtitle)
    );
    let page = &after["pages"][0];
    let i = page["index"].as_u64().unwrap() as usize;
    let image = png(&page["png"]);
    assert_ne!(image, png(&before["pages"][0]["png"]), "the edit shows");
    // What the clerk sees is what prints once saved: the same pixels.
    std::fs::write(dir.join("edition.json"), &text).unwrap();
    assert_eq!(image, printed_page(&dir, i), "page {i}");
    // The page's size in pt, and the image at 1.5 pixels per pt.
    let (w, h) = (
        page["width"].as_f64().unwrap(),
        page["height"].as_f64().unwrap(),
    );
    assert!(
        (w - 595.3).abs() < 1.0 && (h - 841.9).abs() < 1.0,
        "{w}×{h}"
    );
    let (pw, ph) = png_size(&image);
    assert_eq!((pw, ph), ((w * 1.5).ceil() as u32, (h * 1.5).ceil() as u32));
    let labels = page_labels(&build(&dir));
    assert_eq!(page["label"], labels[i].as_str());
    assert!(page["marks"].is_array());
    assert_eq!(after["problems"], before["problems"]);
}

#[test]
fn a_page_that_does_not_fit_is_drawn_and_its_fault_told() {
    let dir = copy_of("tests/fixtures/small-ward", "edit-preview-fault");
    let running = planpress::edit::start(&dir, 0).unwrap();
    let (port, t) = (running.port, token(&running));
    let path = dir.join("2-approach.json");
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let sections = v["sections"].as_array_mut().unwrap();
    let s = sections
        .iter_mut()
        .find(|s| s.get("pdca").is_some())
        .unwrap();
    s["pdca"]["center"] = "架空の区役所サービスの向上を目指して、継続的な改善に取り組みます。"
        .repeat(12)
        .into();
    let files = json!({"2-approach.json": serde_json::to_string_pretty(&v).unwrap()});
    let body = json!({"files": files, "file": "2-approach.json", "pointer": "/sections"});
    let (status, answer) = post(port, &t, "api/preview", &body);
    assert_eq!(status, 200, "{answer}");
    // `build` stops here (the same words); the pages are still drawn.
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let out = tmp("edit-preview-fault.pdf");
    let build = planpress(&["build", dir.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(!build.status.success());
    let problems = answer["problems"].as_array().unwrap();
    let fault = problems
        .iter()
        .find(|p| {
            p["message"]
                .as_str()
                .unwrap()
                .contains("PDCAサイクルの図 がページに収まりません")
        })
        .unwrap_or_else(|| panic!("{answer}"));
    assert_eq!(fault["severity"], "error");
    assert!(String::from_utf8_lossy(&build.stderr).contains(fault["message"].as_str().unwrap()));
    assert!(!answer["pages"].as_array().unwrap().is_empty(), "{answer}");
    assert!(png(&answer["pages"][0]["png"]).len() > 1000);
}

#[test]
fn content_that_cannot_be_laid_out_gives_no_pages_and_check_s_problems() {
    let dir = copy_of("tests/fixtures/small-ward", "edit-preview-broken");
    let running = planpress::edit::start(&dir, 0).unwrap();
    let (port, t) = (running.port, token(&running));
    let mut v: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("4-targets.json")).unwrap())
            .unwrap();
    v["divisions"][0]["departments"][0]["targets"][0]["text"] = "".into();
    let files = json!({"4-targets.json": serde_json::to_string_pretty(&v).unwrap()});
    let pointer = "/divisions/0/departments/0/targets/0/text";
    let body = json!({"files": files.clone(), "file": "4-targets.json", "pointer": pointer});
    let (status, preview) = post(port, &t, "api/preview", &body);
    assert_eq!(status, 200, "{preview}");
    assert_eq!(preview["pages"], json!([]));
    let (_, check) = post(port, &t, "api/check", &json!({"files": files}));
    assert_eq!(preview["problems"], check["problems"]);
    let empty = preview["problems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["pointer"] == pointer)
        .unwrap_or_else(|| panic!("{preview}"));
    assert_eq!(empty["file"], "4-targets.json");
}

/// Three requests while the first compiles: the one asked last is answered;
/// the one overtaken while it waited is dropped unanswered.
#[test]
fn the_last_request_wins_and_overtaken_ones_are_dropped() {
    use planpress::edit::preview::{PreviewRequest, Previews};
    use std::time::Duration;
    let dir = copy_of("tests/fixtures/small-ward", "edit-preview-last");
    let previews = Previews::new();
    let request = |n: usize| PreviewRequest {
        files: [(
            "edition.json".to_string(),
            subtitled(&dir, &format!("【架空の副題{n}】")),
        )]
        .into(),
        file: "edition.json".into(),
        pointer: "/cover/subtitle".into(),
    };
    let answers = std::thread::scope(|s| {
        // A compile under way holds the slot; three requests queue behind it
        // in order, each seen asked before the next is sent.
        let held = previews.hold();
        let mut running = Vec::new();
        for n in 0..3 {
            let (previews, dir, req) = (&previews, &dir, request(n));
            running.push(s.spawn(move || previews.answer(dir, &req)));
            while previews.asked() < n as u64 + 1 {
                std::thread::sleep(Duration::from_millis(5));
            }
        }
        drop(held);
        running
            .into_iter()
            .map(|r| r.join().unwrap())
            .collect::<Vec<_>>()
    });
    assert!(answers[0].is_none(), "overtaken while waiting");
    assert!(answers[1].is_none(), "overtaken while waiting");
    let last = answers[2].as_ref().expect("the last request is answered");
    std::fs::write(dir.join("edition.json"), subtitled(&dir, "【架空の副題2】")).unwrap();
    assert_eq!(png(&last["pages"][0]["png"]), printed_page(&dir, 0));
}

/// The page beside the form is the one the edited target prints on (in a
/// fixture where that is far from the first page), with the marks a click maps
/// back to the field.
#[test]
fn the_preview_shows_the_page_the_edited_target_prints_on() {
    use crate::pages::{normalized_pages, pages_with};
    let dir = copy_of("tests/fixtures/large-ward", "edit-preview-target");
    let running = planpress::edit::start(&dir, 0).unwrap();
    let (port, t) = (running.port, token(&running));
    let path = dir.join("4-targets.json");
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let last = v["divisions"].as_array().unwrap().len() - 1;
    let pointer = format!("/divisions/{last}/departments/0/targets/0/text");
    let text = "架空の窓口で、申請書の書き方を一緒に確かめます（編集中）";
    *v.pointer_mut(&pointer).unwrap() = text.into();
    let files = json!({"4-targets.json": serde_json::to_string_pretty(&v).unwrap()});
    let body = json!({"files": files, "file": "4-targets.json", "pointer": pointer});
    let (status, answer) = post(port, &t, "api/preview", &body);
    assert_eq!(status, 200, "{answer}");
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let built = build(&dir);
    let printed = pages_with(&normalized_pages(&built), text);
    assert!(!printed.is_empty() && printed[0] > 2, "{printed:?}");
    let pages = answer["pages"].as_array().unwrap();
    let shown: Vec<usize> = pages
        .iter()
        .map(|p| p["index"].as_u64().unwrap() as usize)
        .collect();
    assert_eq!(shown, printed, "the pages the text prints on");
    let page = &pages[0];
    assert_eq!(page["label"], page_labels(&built)[printed[0]].as_str());
    assert_eq!(png(&page["png"]), printed_page(&dir, printed[0]));
    // The text's mark is on that page: a click there opens its field.
    let marks = page["marks"].as_array().unwrap();
    let mark = marks.iter().find(|m| m["pointer"] == pointer.as_str());
    let mark = mark.unwrap_or_else(|| panic!("{marks:?}"));
    assert_eq!(mark["file"], "4-targets.json");
    let (x, y) = (mark["x"].as_f64().unwrap(), mark["y"].as_f64().unwrap());
    assert!(x > 0.0 && x < 595.3 && y > 0.0 && y < 841.9, "{mark}");
}

/// A ward on the city's common layer: its own standards (printed after the
/// common ones) are found and clicked by the pointers of its own file, and the
/// common standards' marks name the common file, not a shifted row of the ward's.
#[test]
fn a_ward_s_own_standards_are_found_by_its_own_pointers_on_the_common_layer() {
    use planpress::edit::preview::{PreviewRequest, Previews};
    let city = tmp("edit-preview-common");
    for entry in std::fs::read_dir(root().join("tests/fixtures/city-kasumi")).unwrap() {
        let entry = entry.unwrap();
        copy_edition(&entry.path(), &city.join(entry.file_name()));
    }
    let dir = city.join("shirakawa-r7");
    let own = "/sections/2/standard_tables/0/standards/0";
    let request = PreviewRequest {
        files: Default::default(),
        file: "3-initiatives.json".into(),
        pointer: format!("{own}/text"),
    };
    let answer = Previews::new().answer(&dir, &request).expect("answered");
    let pages = answer["pages"].as_array().unwrap();
    assert!(!pages.is_empty(), "{answer}");
    let marks: Vec<&Value> = pages
        .iter()
        .flat_map(|p| p["marks"].as_array().unwrap())
        .collect();
    let at = |file: &str, pointer: &str| {
        marks
            .iter()
            .any(|m| m["file"] == file && m["pointer"].as_str().unwrap().starts_with(pointer))
    };
    // The ward's first own standard (32) under its own pointer, the common
    // standards under the common file.
    assert!(at("3-initiatives.json", own), "{marks:?}");
    assert!(
        marks
            .iter()
            .any(|m| m["file"].as_str().unwrap().contains("common")),
        "common marks name the common file"
    );
    assert!(
        !at("3-initiatives.json", "/sections/2/standard_tables/5"),
        "no shifted pointer of the ward's"
    );
}

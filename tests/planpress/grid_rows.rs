//! The target grid keeps a row whole on its page unless its text is long (more
//! than 80 mm as its column sets it), then lets it break between lines. Most
//! texts are known to be short from their characters and forced lines alone
//! (targets.typ's `short-text`, no layout); the printed pages must be the ones
//! the measure of every text gives.

use std::path::PathBuf;

use crate::doc::*;
use crate::pages::pages_with;

const LINE: &str =
    "架空区の窓口で受けた相談は、担当の職員が内容を確かめ、手続と期限を分かりやすく御案内します。";

/// A text of about `chars` characters, its start and end marked with `i`.
fn text(i: usize, chars: usize) -> String {
    let body: String = LINE.chars().cycle().take(chars).collect();
    format!("長文{i}番：{body}（{i}番終わり）")
}

/// The shipped edition with, after `offset` short targets, targets of every
/// length around the limit, and one of short lines each forced (28 lines:
/// over the limit with few characters).
fn edition(offset: usize) -> PathBuf {
    let dir = scratch_edition(&format!("grid-rows-{offset}"));
    edit_json(&dir, "4-targets.json", |v| {
        let lengths = [40, 150, 290, 330, 420, 520, 900];
        let mut texts: Vec<String> = (0..offset).map(|i| text(100 + i, 30)).collect();
        texts.extend(lengths.iter().enumerate().map(|(i, &n)| text(i, n)));
        let forced: String = (0..28).map(|k| format!("確認{k}をします。\n")).collect();
        texts.push(format!("長文7番：{forced}（7番終わり）"));
        let targets: Vec<serde_json::Value> = (texts.into_iter().enumerate())
            .map(|(n, t)| serde_json::json!({"number": n + 1, "scene": "共通", "text": t}))
            .collect();
        v["divisions"][1]["departments"][0]["targets"] = targets.into();
    });
    dir
}

#[test]
fn a_target_row_breaks_as_its_measured_height_says() {
    // The same templates measuring every target's text, as before `short-text`.
    let measured = pdf_templates_copy("grid-rows-measured");
    let path = measured.join("targets.typ");
    let typ = std::fs::read_to_string(&path).unwrap();
    let from = "let long = not short(t.chars, t.lines) and breaks-if-long";
    assert!(typ.contains(from), "targets.typ has no 「{from}」");
    let typ = typ.replace(from, "let long = breaks-if-long");
    std::fs::write(&path, typ).unwrap();
    let offsets = [0, 3, 6, 9];
    let built: Vec<_> = std::thread::scope(|s| {
        let jobs: Vec<_> = (offsets.iter())
            .map(|&k| {
                let measured = measured.clone();
                s.spawn(move || {
                    let dir = edition(k);
                    let config = planpress::Config::new(&dir);
                    let full = config.clone().templates(Some(measured)).unwrap();
                    let runs = |b: planpress::Built| {
                        let pages = page_runs(&b);
                        (pages.iter())
                            .map(|p| p.iter().map(|r| (r.x, r.y, r.text.clone())).collect())
                            .collect::<Vec<Vec<_>>>()
                    };
                    let quick = planpress::build(&config).unwrap();
                    let texts = crate::pages::normalized_pages(&quick);
                    (runs(quick), runs(planpress::build(&full).unwrap()), texts)
                })
            })
            .collect();
        jobs.into_iter().map(|j| j.join().unwrap()).collect()
    });
    let mut split = Vec::new();
    for (k, (quick, full, texts)) in offsets.iter().zip(built) {
        assert!(
            quick == full,
            "offset {k}: the pages differ from the measured ones"
        );
        for i in 0..8 {
            let start = pages_with(&texts, &format!("長文{i}番："));
            let end = pages_with(&texts, &format!("（{i}番終わり）"));
            assert_eq!((start.len(), end.len()), (1, 1), "offset {k}, text {i}");
            if start != end {
                split.push((k, i));
            }
        }
    }
    // Long rows did break across pages (the measured rows are exercised), the
    // forced lines among them; short ones never do.
    assert!(split.iter().any(|&(_, i)| i == 7), "{split:?}");
    assert!(split.iter().all(|&(_, i)| i >= 4), "{split:?}");
}

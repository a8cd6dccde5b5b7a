//! What a printed plan can hold: `check` refuses what would exhaust a build or
//! what Typst cannot print, naming the item and the limit; an edition at every
//! limit passes and builds.

use std::path::{Path, PathBuf};

use planpress::content::limits::{DEPARTMENTS, EDITION_CHARS, ITEMS, TARGETS, TEXT_CHARS};
use serde_json::Value;

use crate::doc::*;

/// `check` on `dir`: (passed, what it said).
fn check(dir: &Path) -> (bool, String) {
    let run = planpress(&["check", dir.to_str().unwrap()]);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    (run.status.success(), said)
}

/// A fictional text of exactly `n` characters.
fn text(n: usize) -> String {
    let base: Vec<char> = "架空区の窓口で受けた相談は、担当の職員が内容を確かめ、手続と期限を分かりやすく御案内します。"
        .chars()
        .collect();
    (0..n).map(|i| base[i % base.len()]).collect()
}

/// Characters of every text (string value) in the edition's files.
fn chars(dir: &Path) -> usize {
    fn count(v: &Value) -> usize {
        match v {
            Value::String(s) => s.chars().count(),
            Value::Array(a) => a.iter().map(count).sum(),
            Value::Object(o) => o.values().map(count).sum(),
            _ => 0,
        }
    }
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| count(&serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()))
        .sum()
}

/// The small-ward fixture grown to every limit at once: `DEPARTMENTS` 課 in ten
/// 部, the first with `TARGETS` targets, its first target `TEXT_CHARS` long, and
/// the other targets filled until the edition holds exactly `EDITION_CHARS`.
pub fn at_limits(name: &str) -> PathBuf {
    let dir = tmp(name);
    copy_edition(&root().join("tests/fixtures/small-ward"), &dir);
    let departments: Vec<Value> = (1..=DEPARTMENTS)
        .map(|i| {
            let targets: Vec<Value> = (1..=if i == 1 { TARGETS } else { 1 })
                .map(|n| {
                    let len = if (i, n) == (1, 1) { TEXT_CHARS } else { 20 };
                    serde_json::json!({"number": n, "scene": "窓口", "text": text(len)})
                })
                .collect();
            serde_json::json!({
                "id": format!("kaku-{i}"),
                "short_name": format!("架空第{i}課"),
                "full_name": format!("架空区役所 架空第{i}課"),
                "targets": targets,
            })
        })
        .collect();
    edit_json(&dir, "4-targets.json", |v| {
        v["divisions"] = (0..10)
            .map(|d| {
                let chunk = departments[d * DEPARTMENTS / 10..(d + 1) * DEPARTMENTS / 10].to_vec();
                serde_json::json!({"id": format!("bu-{d}"), "name": format!("架空第{d}部"), "departments": chunk})
            })
            .collect();
    });
    // Fill the short targets, each to at most `TEXT_CHARS`, up to the limit.
    let mut missing = EDITION_CHARS - chars(&dir);
    edit_json(&dir, "4-targets.json", |v| {
        for div in v["divisions"].as_array_mut().unwrap() {
            for dep in div["departments"].as_array_mut().unwrap() {
                for t in dep["targets"].as_array_mut().unwrap() {
                    let now = t["text"].as_str().unwrap().chars().count();
                    let add = missing.min(TEXT_CHARS / 2 - now.min(TEXT_CHARS / 2));
                    t["text"] = text(now + add).into();
                    missing -= add;
                }
            }
        }
    });
    assert_eq!(chars(&dir), EDITION_CHARS);
    dir
}

#[test]
fn an_edition_at_every_limit_passes_check_and_builds() {
    let dir = at_limits("limits-at");
    let (ok, said) = check(&dir);
    assert!(ok, "{said}");
    let built = build(&dir);
    let text = page_texts(&built).join("");
    assert!(text.contains(&format!("架空第{DEPARTMENTS}課")));
}

/// A change made to 4-targets.json.
type Change = Box<dyn Fn(&mut Value)>;

/// One step past each limit: refused by `check`, naming the item and the limit.
#[test]
fn check_refuses_each_limit_passed_by_one() {
    let dir = at_limits("limits-over");
    let target = |d: usize, t: usize| format!("/divisions/0/departments/{d}/targets/{t}");
    let cases: Vec<(&str, Change, &str)> = vec![
        (
            "a target one character too long",
            Box::new(move |v: &mut Value| {
                let t = v.pointer_mut(&target(0, 0)).unwrap();
                t["text"] = text(TEXT_CHARS + 1).into();
            }),
            "（架空第1課 目標1 の本文）: 2,001 字あります。2,000 字までにしてください",
        ),
        (
            "one target too many",
            Box::new(|v: &mut Value| {
                let ts = v["divisions"][0]["departments"][0]["targets"]
                    .as_array_mut()
                    .unwrap();
                ts.push(serde_json::json!({"number": TARGETS + 1, "scene": "窓口", "text": "短い目標。"}));
            }),
            "目標が 31 個あります。30 個までにしてください",
        ),
        (
            "one department too many",
            Box::new(|v: &mut Value| {
                let ds = v["divisions"][9]["departments"].as_array_mut().unwrap();
                ds.push(serde_json::json!({"id": "kaku-x", "short_name": "架空余剰課", "full_name": "架空余剰課", "targets": [{"number": 1, "scene": "窓口", "text": "余る課の目標。"}]}));
            }),
            "一つの版の課・担当は 200 までにしてください",
        ),
        (
            "one character too many in the edition",
            Box::new(move |v: &mut Value| {
                let t = v.pointer_mut(&target(3, 0)).unwrap();
                let now = t["text"].as_str().unwrap().to_string();
                t["text"] = format!("{now}字").into();
            }),
            "版全体の文章が 150,001 字あります。一つの版は 150,000 字までにしてください",
        ),
        (
            "one list item too many",
            Box::new(|v: &mut Value| {
                v["policy"]["items"] = (1..=ITEMS + 1)
                    .map(|n| serde_json::json!({"number": n, "title": "方", "text": "針"}))
                    .collect();
            }),
            "項目が 301 個あります。300 個までにしてください",
        ),
    ];
    for (what, change, expected) in cases {
        let case = tmp("limits-over-case");
        copy_edition(&dir, &case);
        edit_json(&case, "4-targets.json", |v| change(v));
        let (ok, said) = check(&case);
        assert!(!ok && said.contains(expected), "{what}: {said}");
    }
}

/// Two texts passed `check` and failed `build` blaming the templates.
#[test]
fn check_refuses_what_build_cannot_print() {
    let dir = tmp("limits-glyphs");
    copy_edition(&root().join("tests/fixtures/small-ward"), &dir);
    edit_json(&dir, "4-targets.json", |v| {
        v["divisions"][0]["departments"][0]["targets"][1]["text"] =
            "電話で\u{FFFF}御案内します。".into();
        v["policy"]["items"][0]["title"] = format!("安心{}のサービス", "\u{301}".repeat(30)).into();
    });
    let (ok, said) = check(&dir);
    assert!(!ok);
    assert!(
        said.contains("（区民窓口担当 目標2 の本文）: U+FFFF は文字ではない符号"),
        "{said}"
    );
    assert!(
        said.contains("U+0301 は一つの字に 2 個以上重ねた結合文字（1 個まで"),
        "{said}"
    );
    // One mark on a character prints.
    edit_json(&dir, "4-targets.json", |v| {
        v["divisions"][0]["departments"][0]["targets"][1]["text"] = "電話で御案内します。".into();
        v["policy"]["items"][0]["title"] = "Cafe\u{301} のように安心なサービス".into();
    });
    let (ok, said) = check(&dir);
    assert!(ok, "{said}");
    let pdf = tmp("limits-glyphs.pdf");
    let run = planpress(&["build", dir.to_str().unwrap(), "-o", pdf.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

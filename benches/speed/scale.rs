//! Scale: synthetic editions (the shipped plan's departments repeated) and the
//! edition at every limit `check` sets: ms per page, CPU per page, peak RSS.

use std::path::Path;

use std::process::Command;
use std::time::Duration;

use planpress::Config;

use super::{copy_dir, median, ms, root};

/// An edition `factor` times larger: every division's departments repeated.
fn scaled(dir: &Path, factor: usize) {
    copy_dir(&root().join("content/miyamae-r2"), dir);
    let path = dir.join("4-targets.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let divisions = v["divisions"].as_array().unwrap().clone();
    let mut all = Vec::new();
    for k in 0..factor {
        for d in &divisions {
            let mut d = d.clone();
            for dep in d["departments"].as_array_mut().unwrap() {
                dep["id"] = format!("{}-{k}", dep["id"].as_str().unwrap()).into();
                dep["short_name"] = format!("{}{k}", dep["short_name"].as_str().unwrap()).into();
            }
            all.push(d);
        }
    }
    v["divisions"] = all.into();
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
}

/// Characters of every text in the edition's files, as `check` counts them.
fn chars(dir: &Path) -> usize {
    fn count(v: &serde_json::Value) -> usize {
        match v {
            serde_json::Value::String(s) => s.chars().count(),
            serde_json::Value::Array(a) => a.iter().map(count).sum(),
            serde_json::Value::Object(o) => o.values().map(count).sum(),
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

/// The small-ward fixture grown to every limit at once (as the test
/// `an_edition_at_every_limit_passes_check_and_builds` makes it): 200 課, one
/// with 30 targets, one target of 2,000 characters, 150,000 characters in all.
fn at_limits(dir: &Path) {
    use planpress::content::limits::{DEPARTMENTS, EDITION_CHARS, TARGETS, TEXT_CHARS};
    copy_dir(&root().join("tests/fixtures/small-ward"), dir);
    let base: Vec<char> = "架空区の窓口で受けた相談は、担当の職員が内容を確かめ、手続と期限を分かりやすく御案内します。"
        .chars()
        .collect();
    let text = |n: usize| -> String { (0..n).map(|i| base[i % base.len()]).collect() };
    let path = dir.join("4-targets.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let departments: Vec<serde_json::Value> = (1..=DEPARTMENTS)
        .map(|i| {
            let targets: Vec<serde_json::Value> = (1..=if i == 1 { TARGETS } else { 1 })
                .map(|n| {
                    let len = if (i, n) == (1, 1) { TEXT_CHARS } else { 20 };
                    serde_json::json!({"number": n, "scene": "窓口", "text": text(len)})
                })
                .collect();
            serde_json::json!({"id": format!("kaku-{i}"), "short_name": format!("架空第{i}課"),
                "full_name": format!("架空区役所 架空第{i}課"), "targets": targets})
        })
        .collect();
    v["divisions"] = (0..10)
        .map(|d| {
            let chunk = departments[d * DEPARTMENTS / 10..(d + 1) * DEPARTMENTS / 10].to_vec();
            serde_json::json!({"id": format!("bu-{d}"), "name": format!("架空第{d}部"), "departments": chunk})
        })
        .collect();
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let mut missing = EDITION_CHARS - chars(dir);
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
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    assert_eq!(chars(dir), EDITION_CHARS);
}

pub fn run(exe: &str, tmp: &Path) {
    println!("## Scale: synthetic editions (departments repeated)\n");
    println!(
        "| edition | pages | median ms | ms / page | CPU ms / page | peak RSS MB | PDF bytes / page |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    );
    // ×12 (192 課) is the most under the 200-課 limit; ×50 (800 課) is refused by
    // `check` since issue 23. The largest edition that passes is the one at
    // every limit (long texts, so measured on its own).
    let editions: Vec<(String, usize)> = [1, 5, 10, 12, 0]
        .into_iter()
        .map(|factor| {
            let dir = tmp.join(format!("scale-{factor}"));
            if factor == 0 {
                at_limits(&dir);
            } else {
                scaled(&dir, factor);
            }
            let name = if factor == 0 {
                "at every limit".into()
            } else {
                format!("×{factor}")
            };
            (name, factor)
        })
        .collect();
    // PLANPRESS_BEFORE names another build of planpress (an earlier commit's)
    // to measure in turn with this one, for before/after ratios in one run.
    let mut binaries = vec![("", exe.to_string())];
    if let Ok(before) = std::env::var("PLANPRESS_BEFORE") {
        binaries.insert(0, (" (before)", before));
    }
    let build = |exe: &str, factor: usize| {
        let dir = tmp.join(format!("scale-{factor}"));
        let pdf = tmp.join(format!("scale-{factor}.pdf"));
        super::run_cpu(Command::new(exe).arg("build").arg(&dir).arg("-o").arg(&pdf))
    };
    // The editions (and binaries) build in turn, run after run, so a drift in
    // the machine's speed weighs on all alike.
    let mut results: Vec<Vec<Vec<(Duration, Duration, u64)>>> = (binaries.iter())
        .map(|_| editions.iter().map(|_| Vec::new()).collect())
        .collect();
    for run in 0..5 {
        for (i, (_, factor)) in editions.iter().enumerate() {
            for (b, (_, exe)) in binaries.iter().enumerate() {
                if *factor != 0 || run < 3 {
                    results[b][i].push(build(exe, *factor));
                }
            }
        }
    }
    let mut ratios = Vec::new();
    for ((label, _), results) in binaries.iter().zip(results) {
        let mut per_page = Vec::new();
        for ((name, factor), r) in editions.iter().zip(results) {
            let dir = tmp.join(format!("scale-{factor}"));
            let time = median(r.iter().map(|r| r.0).collect());
            let cpu = median(r.iter().map(|r| r.1).collect());
            let rss = r.iter().map(|r| r.2).max().unwrap();
            let bytes = std::fs::metadata(tmp.join(format!("scale-{factor}.pdf")))
                .unwrap()
                .len();
            let pages = planpress::build(&Config::new(&dir))
                .unwrap()
                .document
                .pages()
                .len();
            let (wall_pp, cpu_pp) = (ms(time) / pages as f64, ms(cpu) / pages as f64);
            per_page.push((wall_pp, cpu_pp));
            println!(
                "| {name}{label} | {pages} | {:.0} | {wall_pp:.2} | {cpu_pp:.2} | {:.0} | {:.0} |",
                ms(time),
                rss as f64 / 1024.0,
                bytes as f64 / pages as f64
            );
        }
        let (first, largest) = (per_page[0], per_page[3]);
        ratios.push(format!(
            "ms / page, ×12 / ×1{label} = **{:.2}** wall, **{:.2}** CPU",
            largest.0 / first.0,
            largest.1 / first.1
        ));
    }
    println!();
    for r in ratios {
        println!("{r}");
    }
    println!("\n(required ≤ 1.3; 5 runs each, 3 at every limit, in turn)\n");
}

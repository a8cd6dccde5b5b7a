//! A fictional city of 24 wards sharing one common folder, each about the size
//! of the largest fixture (made at bench time from `tests/fixtures/city-kasumi`,
//! never committed): `planpress build <city>` (every ward, on all cores)
//! against each ward's own `planpress build`, one after another.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use super::{copy_dir, median, ms, root, run_cpu};

const WARDS: usize = 24;
const RUNS: usize = 3;

/// Fictional ward names (none is a real ward's).
const NAMES: [&str; WARDS] = [
    "あおば",
    "いずみの",
    "うみべ",
    "えのき",
    "おかの",
    "かすみ",
    "きりの",
    "くすのき",
    "けやき",
    "こだま",
    "さくらだ",
    "しおかぜ",
    "すずかけ",
    "せせらぎ",
    "そよかぜ",
    "たかだい",
    "ちどり",
    "つつじ",
    "ときわ",
    "なぎさ",
    "にじの",
    "ぬまべ",
    "はやて",
    "ひばり",
];

fn read(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Another ward's divisions, their ids and names made this ward's own.
fn borrowed(ward: &Path, k: usize) -> Vec<serde_json::Value> {
    let mut divisions = read(&ward.join("4-targets.json"))["divisions"]
        .as_array()
        .unwrap()
        .clone();
    fn rename(v: &mut serde_json::Value, k: usize) {
        if let Some(id) = v["id"].as_str() {
            v["id"] = format!("{id}-b{k}").into();
        }
        if let Some(name) = v["short_name"].as_str() {
            v["short_name"] = format!("{name}（分室）").into();
            v["full_name"] = format!("{}（分室）", v["full_name"].as_str().unwrap()).into();
        }
        for key in ["departments", "units"] {
            if let Some(list) = v.get_mut(key).and_then(|l| l.as_array_mut()) {
                list.iter_mut().for_each(|x| rename(x, k));
            }
        }
    }
    for d in &mut divisions {
        rename(d, k);
        if let Some(name) = d["name"].as_str() {
            d["name"] = format!("{name}（分室）").into();
        }
    }
    divisions
}

/// Ward `k`: the large-ward-sized ward of the fixture city under another name,
/// with 0–4 of its departments left out and, for two wards in three, the
/// divisions of one of the fixture city's small wards added (units, one 部).
fn ward(city: &Path, k: usize) -> std::path::PathBuf {
    let kasumi = root().join("tests/fixtures/city-kasumi");
    let dir = city.join(format!("w{:02}-r7", k + 1));
    copy_dir(&kasumi.join("midori-r7"), &dir);
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap();
        std::fs::write(&p, text.replace("みどり", NAMES[k])).unwrap();
    }
    let path = dir.join("4-targets.json");
    let mut v = read(&path);
    let divisions = v["divisions"].as_array_mut().unwrap();
    for i in 0..k % 5 {
        let n = divisions.len();
        let deps = divisions[n - 1 - i % n]["departments"]
            .as_array_mut()
            .unwrap();
        if deps.len() > 1 {
            deps.pop();
        }
    }
    match k % 3 {
        1 => divisions.extend(borrowed(&kasumi.join("asagiri-r7"), k)),
        2 => divisions.extend(borrowed(&kasumi.join("shirakawa-r7"), k)),
        _ => {}
    }
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    dir
}

/// Departments (課 and 担当) holding targets, and targets, in a ward.
fn size(dir: &Path) -> (usize, usize) {
    fn walk(v: &serde_json::Value, acc: &mut (usize, usize)) {
        if let Some(t) = v.get("targets").and_then(|t| t.as_array()) {
            if !t.is_empty() {
                acc.0 += 1;
            }
            acc.1 += t.len();
        }
        for key in ["divisions", "departments", "units"] {
            for x in v.get(key).and_then(|l| l.as_array()).into_iter().flatten() {
                walk(x, acc);
            }
        }
    }
    let mut acc = (0, 0);
    walk(&read(&dir.join("4-targets.json")), &mut acc);
    acc
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn run(exe: &str, tmp: &Path) {
    let city = tmp.join("city");
    let _ = std::fs::remove_dir_all(&city);
    copy_dir(
        &root().join("tests/fixtures/city-kasumi/common-r7"),
        &city.join("common-r7"),
    );
    let wards: Vec<_> = (0..WARDS).map(|k| ward(&city, k)).collect();
    let sizes: Vec<_> = wards.iter().map(|w| size(w)).collect();
    let (deps, targets): (Vec<usize>, Vec<usize>) = sizes.iter().copied().unzip();
    let out = tmp.join("city-out");
    let one = tmp.join("city-one");
    std::fs::create_dir_all(&one).unwrap();
    let load_before = load();
    // PLANPRESS_BEFORE names another build of planpress (an earlier commit's):
    // its city build is measured in turn with this one's.
    let before = std::env::var("PLANPRESS_BEFORE").ok();
    let city_build = |exe: &str| {
        let _ = std::fs::remove_dir_all(&out);
        let mut c = Command::new(exe);
        c.arg("build").arg(&city).arg("-o").arg(&out);
        let r = run_cpu(&mut c);
        let built = std::fs::read_dir(&out).unwrap().count();
        assert_eq!(built, WARDS, "the city build wrote every ward's PDF");
        r
    };
    // City and ward-by-ward builds alternate, so a drift in the machine's
    // speed weighs on both alike.
    let (mut city_runs, mut seq_runs, mut before_runs) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RUNS {
        if let Some(b) = &before {
            before_runs.push(city_build(b));
        }
        city_runs.push(city_build(exe));
        let (mut wall, mut cpu, mut rss) = (Duration::ZERO, Duration::ZERO, 0);
        for w in &wards {
            let mut c = Command::new(exe);
            let pdf = one.join(format!("{}.pdf", w.file_name().unwrap().to_str().unwrap()));
            c.arg("build").arg(w).arg("-o").arg(pdf);
            let (t, u, m) = run_cpu(&mut c);
            wall += t;
            cpu += u;
            rss = rss.max(m);
        }
        seq_runs.push((wall, cpu, rss));
    }
    let pages: usize = (wards.iter())
        .map(|w| {
            planpress::build(&planpress::Config::new(w))
                .unwrap()
                .document
                .pages()
                .len()
        })
        .sum();
    println!(
        "## A city of {WARDS} wards ({} cores)\n",
        planpress::city::cores()
    );
    println!(
        "{WARDS} wards sharing common-r7: {}–{} 課・担当 with targets, {}–{} targets, {pages} pages in all; load average {load_before} before, {} after\n",
        deps.iter().min().unwrap(),
        deps.iter().max().unwrap(),
        targets.iter().min().unwrap(),
        targets.iter().max().unwrap(),
        load()
    );
    println!(
        "| build | median wall ms | ms / page | CPU ms | peak RSS MB |\n| --- | ---: | ---: | ---: | ---: |"
    );
    type Runs = Vec<(Duration, Duration, u64)>;
    let row = |name: &str, runs: &Runs| {
        let wall = median(runs.iter().map(|r| r.0).collect());
        let cpu = median(runs.iter().map(|r| r.1).collect());
        let rss = runs.iter().map(|r| r.2).max().unwrap();
        println!(
            "| {name} | {:.0} | {:.1} | {:.0} | {:.0} |",
            ms(wall),
            ms(wall) / pages as f64,
            ms(cpu),
            rss as f64 / 1024.0
        );
        (wall, cpu)
    };
    if !before_runs.is_empty() {
        row("`planpress build <city>` (before)", &before_runs);
    }
    let (city_wall, city_cpu) = row("`planpress build <city>` (all cores)", &city_runs);
    let (seq_wall, seq_cpu) = row(
        "each ward's `planpress build`, one after another",
        &seq_runs,
    );
    println!(
        "\ncity / ward by ward = **{:.2}** wall, {:.2} CPU ({RUNS} alternating runs each)\n",
        city_wall.as_secs_f64() / seq_wall.as_secs_f64(),
        city_cpu.as_secs_f64() / seq_cpu.as_secs_f64()
    );
}

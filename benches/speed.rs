//! planpress speed, measured as ratios in one run (see BENCHMARKS.md):
//! 1. cold build, process start to PDF written, against `typst compile` of the
//!    source `--emit-typst` writes (same PDF standards);
//! 2. warm rebuild after changing one target's text: in-process (one kept `Pipeline`) and
//!    through the real `planpress watch` loop, save to PDF written;
//! 3. scale: synthetic editions 10× larger and at every limit `check` sets (the
//!    largest edition that passes): ms per page, peak RSS, PDF bytes per page.
//!
//! 4. a city of 24 wards: `planpress build <city>` on all cores against each
//!    ward's build, one after another;
//! 5. the editor: resident memory over 500 previews with small edits.
//!
//! Run: `cargo bench --bench speed` (optionally with `TYPST=/path/to/typst`);
//! `cargo bench --bench speed -- scale` (or `city`, `editor`) runs that part alone.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use planpress::{Config, Pipeline};

#[path = "speed/city.rs"]
mod city;
#[path = "speed/editor.rs"]
mod editor;
#[path = "speed/scale.rs"]
mod scale;

const RUNS: usize = 9;
/// Cold builds: more runs, as the two commands are compared to a few per cent.
const COLD_RUNS: usize = 21;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Run a command, returning wall time and peak resident memory (kB, polled from /proc).
fn run(cmd: &mut Command) -> (Duration, u64) {
    let start = Instant::now();
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(s) = std::fs::read_to_string(&status_path)
            && let Some(line) = s.lines().find(|l| l.starts_with("VmHWM:"))
        {
            peak = peak.max(
                line.split_whitespace()
                    .nth(1)
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0),
            );
        }
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "{cmd:?} failed");
            return (start.elapsed(), peak);
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// CPU time (user + sys, all threads) of the waited-for children of this
/// process so far, from /proc/self/stat (clock ticks of 10 ms).
fn children_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap();
    // Fields after the command's name (in parentheses): cutime and cstime are
    // the 16th and 17th of the line, the 14th and 15th after it.
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<u64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0))
        .collect();
    Duration::from_millis((f[13] + f[14]) * 10)
}

/// Run a command: wall time, its CPU time (all its threads) and peak
/// resident memory (kB).
fn run_cpu(cmd: &mut Command) -> (Duration, Duration, u64) {
    let cpu = children_cpu();
    let (wall, rss) = run(cmd);
    (wall, children_cpu() - cpu, rss)
}

fn copy_dir(from: &Path, to: &Path) {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

fn edit_target(dir: &Path, text: &str) {
    let path = dir.join("4-targets.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    v["divisions"][1]["departments"][0]["targets"][0]["text"] = text.into();
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
}

fn main() {
    // `cargo bench` passes --bench; a part's name runs that part alone.
    let exe = env!("CARGO_BIN_EXE_planpress");
    let tmp = root().join("target/bench");
    std::fs::create_dir_all(&tmp).unwrap();
    // A part named on the command line runs alone (cargo's own flags start with --).
    let parts: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if !parts.is_empty() {
        for part in &parts {
            match part.as_str() {
                "editor" => editor::run(&root(), &tmp),
                "scale" => scale::run(exe, &tmp),
                "city" => city::run(exe, &tmp),
                other => panic!("no part {other}: editor, scale or city"),
            }
        }
        return;
    }
    let edition = root().join("content/miyamae-r2");
    println!("# planpress speed ({} runs each, medians)\n", RUNS);

    // 1. Cold build against the typst command.
    let emit = tmp.join("emit");
    let _ = std::fs::remove_dir_all(&emit);
    let status = Command::new(exe)
        .args([
            "build",
            edition.to_str().unwrap(),
            "-o",
            tmp.join("emit.pdf").to_str().unwrap(),
            "--emit-typst",
            emit.to_str().unwrap(),
        ])
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let typst = std::env::var("TYPST").unwrap_or_else(|_| "typst".into());
    let typst_ok = Command::new(&typst)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let planpress_build = || {
        let mut c = Command::new(exe);
        c.args(["build", edition.to_str().unwrap(), "-o"])
            .arg(tmp.join("planpress.pdf"));
        c
    };
    let typst_compile = || {
        let mut c = Command::new(&typst);
        c.args(["compile", "--font-path"])
            .arg(root().join("fonts"))
            .args(["--ignore-system-fonts", "--pdf-standard", "a-3a"])
            .args(["--pdf-standard", "ua-1"])
            .arg(emit.join("main.typ"))
            .arg(tmp.join("typst.pdf"));
        c
    };
    // The two commands alternate run by run, so a drift in the machine's speed
    // during the measurement weighs on both sides alike.
    let (mut pp_runs, mut ty_runs) = (Vec::new(), Vec::new());
    for _ in 0..COLD_RUNS {
        pp_runs.push(run(&mut planpress_build()).0);
        if typst_ok {
            ty_runs.push(run(&mut typst_compile()).0);
        }
    }
    let pp = median(pp_runs);
    println!("## Cold build: process start to PDF written\n");
    println!("| command | median ms |\n| --- | ---: |");
    println!("| planpress build content/miyamae-r2 | {:.1} |", ms(pp));
    if typst_ok {
        let ty = median(ty_runs);
        println!(
            "| typst compile (emitted source, same standards) | {:.1} |",
            ms(ty)
        );
        println!(
            "\nplanpress / typst = **{:.2}** (required ≤ 1.0, aim ≤ 0.9; {COLD_RUNS} alternating runs each)\n",
            pp.as_secs_f64() / ty.as_secs_f64()
        );
    } else {
        println!(
            "\n(typst command not found: install it with `cargo install typst-cli --version 0.15.1 --locked` or set TYPST; the ratio row is skipped)\n"
        );
    }

    // 2. Warm rebuilds after a one-target edit, in-process.
    let warm_dir = tmp.join("warm");
    copy_dir(&edition, &warm_dir);
    let mut pipeline = Pipeline::new(Config::new(&warm_dir));
    let cold = pipeline.build().unwrap().timings;
    let mut compile = Vec::new();
    let mut export = Vec::new();
    let mut total = Vec::new();
    for i in 0..RUNS {
        edit_target(
            &warm_dir,
            &format!(
                "来庁された区民の皆様が区役所を安全・快適に利用できるように、庁舎環境を整備します（{i}）。"
            ),
        );
        let t = Instant::now();
        let r = pipeline.build().unwrap();
        planpress::pipeline::write(&tmp.join("warm.pdf"), &r).unwrap();
        total.push(t.elapsed());
        compile.push(r.timings.compile);
        export.push(r.timings.export);
    }
    let cold_total = cold.prepare + cold.compile + cold.export;
    println!("## Warm rebuild after changing one target's text (in-process, one kept Pipeline)\n");
    println!("| step | cold ms | warm ms | warm / cold |\n| --- | ---: | ---: | ---: |");
    println!(
        "| compile | {:.1} | {:.1} | {:.2} |",
        ms(cold.compile),
        ms(median(compile.clone())),
        median(compile).as_secs_f64() / cold.compile.as_secs_f64()
    );
    println!(
        "| PDF export | {:.1} | {:.1} | |",
        ms(cold.export),
        ms(median(export))
    );
    println!(
        "| whole rebuild, PDF written | {:.1} | {:.1} | |",
        ms(cold_total),
        ms(median(total.clone()))
    );
    println!(
        "\nwarm rebuild / cold build (process, above) = **{:.2}** (required ≤ 0.40)",
        median(total).as_secs_f64() / pp.as_secs_f64()
    );

    // …and through the real watch loop: save to PDF written (debounce included).
    let watch_dir = tmp.join("watch");
    copy_dir(&edition, &watch_dir);
    let out = tmp.join("watch.pdf");
    let mut child = Command::new(exe)
        .args([
            "watch",
            watch_dir.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut next = |needle: &str| loop {
        let l = lines.next().unwrap().unwrap();
        if l.contains(needle) {
            return;
        }
    };
    next("を作りました");
    let mut loop_times = Vec::new();
    for i in 0..RUNS {
        // Timed from the moment the file is saved.
        edit_target(&watch_dir, &format!("見張りの計測 {i}"));
        let t = Instant::now();
        next("作り直しました");
        loop_times.push(t.elapsed());
    }
    let _ = child.kill();
    let _ = child.wait();
    println!(
        "watch loop, save to PDF written: {:.1} ms = **{:.2}** of the cold build\n",
        ms(median(loop_times.clone())),
        median(loop_times).as_secs_f64() / pp.as_secs_f64()
    );

    // 3. Scale.
    scale::run(exe, &tmp);

    // 4. A city of 24 wards.
    city::run(exe, &tmp);

    // 5. The editor's memory over a long session.
    editor::run(&root(), &tmp);
}

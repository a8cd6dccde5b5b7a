//! The live editing loop and page previews.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::doc::*;

/// Wait for a line of the watcher's output that contains `needle`.
pub(crate) fn wait_for(rx: &mpsc::Receiver<String>, needle: &str) -> String {
    loop {
        match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(line) if line.contains(needle) => return line,
            Ok(_) => {}
            Err(_) => panic!("the watcher never said {needle:?}"),
        }
    }
}

/// A running `planpress watch` and the lines it prints (standard output and error).
pub(crate) fn spawn_watch(args: &[&str]) -> (std::process::Child, mpsc::Receiver<String>) {
    spawn_watch_in(Path::new("."), args)
}

/// `spawn_watch` run from the folder `cwd`.
fn spawn_watch_in(cwd: &Path, args: &[&str]) -> (std::process::Child, mpsc::Receiver<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_planpress"))
        .current_dir(cwd)
        .arg("watch")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    for stream in [
        Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
        Box::new(child.stderr.take().unwrap()),
    ] {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
    }
    (child, rx)
}

/// Run `body`, then stop the watcher whatever happened.
pub(crate) fn with_watcher(mut child: std::process::Child, body: impl FnOnce()) {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(body));
    let _ = child.kill();
    let _ = child.wait();
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}

#[test]
fn watch_rebuilds_on_save_and_survives_bad_input() {
    let dir = scratch_edition("watch");
    let out = tmp("watch.pdf");
    let (child, rx) = spawn_watch(&[dir.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    with_watcher(child, || {
        wait_for(&rx, "を作りました");
        let first = std::fs::read(&out).unwrap();
        // A one-word change in one target: rebuilt, with the page count.
        edit_json(&dir, "4-targets.json", |v| {
            v["divisions"][0]["departments"][0]["targets"][0]["text"] =
                "見張りの試験で変えた目標です。".into();
        });
        let line = wait_for(&rx, "作り直しました");
        let second = std::fs::read(&out).unwrap();
        let pages = lopdf::Document::load_mem(&second)
            .unwrap()
            .get_pages()
            .len();
        assert!(line.contains(&format!("（{pages} ページ")), "{line}");
        assert!(second != first);
        // A content error is shown; the last good PDF stays; the watcher goes on.
        edit_json(&dir, "4-targets.json", |v| {
            v["divisions"][0]["departments"][0]["targets"][0]["number"] = 7.into();
        });
        wait_for(&rx, "危機管理担当 目標7");
        wait_for(&rx, "前の PDF はそのまま");
        assert!(std::fs::read(&out).unwrap() == second);
        edit_json(&dir, "4-targets.json", |v| {
            v["divisions"][0]["departments"][0]["targets"][0]["number"] = 1.into();
        });
        wait_for(&rx, "作り直しました");
    });
}

/// The edition folder moved away and back: the watcher says so, keeps the last
/// PDF, and goes on rebuilding on saves once the folder is back.
#[test]
fn watch_recovers_when_the_edition_folder_goes_and_comes_back() {
    let dir = scratch_edition("watch-gone");
    let away = tmp("watch-gone-away");
    let out = tmp("watch-gone.pdf");
    let (child, rx) = spawn_watch(&[dir.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    with_watcher(child, || {
        wait_for(&rx, "を作りました");
        let first = std::fs::read(&out).unwrap();
        std::fs::rename(&dir, &away).unwrap();
        wait_for(&rx, "がなくなりました");
        assert_eq!(std::fs::read(&out).unwrap(), first);
        std::fs::rename(&away, &dir).unwrap();
        wait_for(&rx, "が戻りました");
        wait_for(&rx, "作り直しました");
        // Saves in the folder that came back are seen.
        edit_json(&dir, "4-targets.json", |v| {
            v["divisions"][0]["departments"][0]["targets"][0]["text"] =
                "戻ったフォルダで変えた目標です。".into();
        });
        wait_for(&rx, "作り直しました");
        assert!(std::fs::read(&out).unwrap() != first);
    });
}

/// A backup tool or sync client swaps the folder for a copy while a rebuild runs:
/// the watcher says so and sees the saves in the folder now there.
#[test]
fn watch_follows_an_edition_folder_replaced_by_a_copy() {
    let dir = scratch_edition("watch-swap");
    let away = tmp("watch-swap-away");
    let out = tmp("watch-swap.pdf");
    let (child, rx) = spawn_watch(&[dir.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    with_watcher(child, || {
        wait_for(&rx, "を作りました");
        edit_json(&dir, "4-targets.json", |v| {
            v["divisions"][0]["departments"][0]["targets"][0]["text"] =
                "入れ替えの前に変えた目標です。".into();
        });
        // The swap lands while that rebuild runs (the watcher looks only after it).
        std::thread::sleep(Duration::from_millis(100));
        std::fs::rename(&dir, &away).unwrap();
        copy_edition(&away, &dir);
        wait_for(&rx, "作り直しました");
        wait_for(&rx, "見張り直して");
        wait_for(&rx, "作り直しました");
        let before = std::fs::read(&out).unwrap();
        edit_json(&dir, "4-targets.json", |v| {
            v["divisions"][0]["departments"][0]["targets"][0]["text"] =
                "入れ替えた後に変えた目標です。".into();
        });
        wait_for(&rx, "作り直しました");
        assert!(std::fs::read(&out).unwrap() != before);
    });
}

/// `-o plan.json` from the edition's parent folder: writing the output never
/// triggers a rebuild (it rebuilt 475 times in 15 s); one save is one rebuild.
#[test]
fn watch_output_beside_the_edition_never_rebuilds_itself() {
    let base = tmp("watch-self");
    let dir = base.join("ed");
    copy_edition(&root().join(EDITION), &dir);
    let (child, rx) = spawn_watch_in(&base, &["ed", "-o", "plan.json"]);
    let rebuilds = |rx: &mpsc::Receiver<String>| {
        let mut n = 0;
        while let Ok(line) = rx.recv_timeout(Duration::from_secs(3)) {
            n += usize::from(line.contains("作り直しました"));
            if n > 2 {
                break;
            }
        }
        n
    };
    with_watcher(child, || {
        wait_for(&rx, "を作りました");
        assert!(base.join("plan.json").is_file());
        assert_eq!(rebuilds(&rx), 0);
        edit_json(&dir, "4-targets.json", |v| {
            v["divisions"][0]["departments"][0]["targets"][0]["text"] =
                "一度だけ作り直す目標です。".into();
        });
        assert_eq!(rebuilds(&rx), 1);
    });
    // An output inside the edition folder is refused, as `build` refuses it.
    let refused = Command::new(env!("CARGO_BIN_EXE_planpress"))
        .current_dir(&dir)
        .args(["watch", ".", "-o", "plan.json"])
        .output()
        .unwrap();
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("版のフォルダ") && said.contains("の外"),
        "{said}"
    );
    assert!(!dir.join("plan.json").exists());
}

/// The previous edition's folder is watched too, even while it does not load.
#[test]
fn watch_rebuilds_when_the_previous_edition_changes() {
    let (r2, r3) = edition_pair("watch-previous");
    let out = tmp("watch-previous.pdf");
    let targets = r2.join("4-targets.json");
    let good = std::fs::read_to_string(&targets).unwrap();
    std::fs::write(
        &targets,
        good.replacen("\"number\": 1,", "\"number\": 1", 1),
    )
    .unwrap();
    let (child, rx) = spawn_watch(&[r3.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    with_watcher(child, || {
        // The first build fails on the previous edition; mending it rebuilds.
        wait_for(&rx, "前の PDF はそのまま");
        assert!(!out.exists());
        std::fs::write(&targets, &good).unwrap();
        wait_for(&rx, "作り直しました");
        let first = std::fs::read(&out).unwrap();
        // The results annex comes from the previous edition: its PDF follows.
        edit_json(&r2, "4-targets.json", |v| {
            v["divisions"][0]["departments"][0]["targets"][0]["result"] =
                "見張りの試験で書き込んだ実施結果です。".into();
        });
        wait_for(&rx, "作り直しました");
        assert!(std::fs::read(&out).unwrap() != first);
    });
}

/// Editors save by writing a new file and renaming it over the old one (Windows
/// editors, JetBrains' safe write, Vim), or by deleting and creating it: each is
/// a save that rebuilds, and the temporary names in between are not.
#[test]
fn watch_rebuilds_when_an_editor_saves_by_replacing_the_file() {
    let dir = scratch_edition("watch-replace");
    let out = tmp("watch-replace.pdf");
    let targets = dir.join("4-targets.json");
    let saved = |text: &str| {
        let mut v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&targets).unwrap()).unwrap();
        v["divisions"][0]["departments"][0]["targets"][0]["text"] = text.into();
        serde_json::to_string_pretty(&v).unwrap()
    };
    let (child, rx) = spawn_watch(&[dir.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    with_watcher(child, || {
        wait_for(&rx, "を作りました");
        let first = std::fs::read(&out).unwrap();
        // Write aside, move the old file away, rename the new one in, delete the old.
        let new = dir.join("4-targets.json___jb_tmp___");
        let old = dir.join("4-targets.json___jb_old___");
        std::fs::write(&new, saved("置き換えて保存した目標です。")).unwrap();
        std::fs::rename(&targets, &old).unwrap();
        std::fs::rename(&new, &targets).unwrap();
        std::fs::remove_file(&old).unwrap();
        wait_for(&rx, "作り直しました");
        let second = std::fs::read(&out).unwrap();
        assert!(second != first);
        // Delete, then create anew.
        let text = saved("消してから作り直した目標です。");
        std::fs::remove_file(&targets).unwrap();
        std::fs::write(&targets, text).unwrap();
        wait_for(&rx, "作り直しました");
        assert!(std::fs::read(&out).unwrap() != second);
    });
}

#[test]
fn preview_writes_pages_named_by_their_printed_labels() {
    let dir = tmp("preview");
    let run = planpress(&[
        "preview",
        EDITION,
        "--pages",
        "11-12,資料1-資料2",
        "-o",
        dir.to_str().unwrap(),
        "--dpi",
        "40",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["11.png", "12.png", "資料1.png", "資料2.png"]);
    let png = std::fs::read(dir.join("11.png")).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    // A4 at 40 dpi: 331 × 468 pixels (width and height in the IHDR chunk).
    let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((w, h), (331, 468));
    let run = planpress(&[
        "preview",
        EDITION,
        "--pages",
        "99",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("ページ「99」はありません"));
    // A resolution no one means is refused, before anything is drawn.
    for dpi in ["1e9", "0", "nan", "inf"] {
        let dir = tmp("preview-dpi");
        let run = planpress(&[
            "preview",
            EDITION,
            "--pages",
            "1",
            "-o",
            dir.to_str().unwrap(),
            "--dpi",
            dpi,
        ]);
        let err = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "--dpi {dpi}: {err}");
        assert!(err.contains("30〜600 の数で指定してください"), "{err}");
        assert!(!dir.exists());
    }
}

/// A ward of a city: the city's common folder is watched too, so a change of
/// the common wording rebuilds the ward's PDF.
#[test]
fn watch_rebuilds_when_the_citys_common_folder_changes() {
    let city = crate::common_layer::scratch_city("watch-city");
    let ward = city.join("asagiri-r7");
    let out = tmp("watch-city.pdf");
    let (child, rx) = spawn_watch(&[ward.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    with_watcher(child, || {
        wait_for(&rx, "作りました");
        let first = std::fs::read(&out).unwrap();
        edit_json(&city, "common-r7/common.json", |v| {
            v["principles"][0]["text"] =
                "見張りの試験で市の担当が改めた共通の基本理念の本文です。".into();
        });
        wait_for(&rx, "作り直しました");
        // The PDF now is the one a build of the changed city makes.
        let fresh = tmp("watch-city-fresh.pdf");
        let run = planpress(&[
            "build",
            ward.to_str().unwrap(),
            "-o",
            fresh.to_str().unwrap(),
        ]);
        assert!(run.status.success());
        let rebuilt = std::fs::read(&out).unwrap();
        assert!(rebuilt != first, "the PDF did not change");
        assert!(
            rebuilt == std::fs::read(&fresh).unwrap(),
            "the PDF is not the changed city's"
        );
    });
}

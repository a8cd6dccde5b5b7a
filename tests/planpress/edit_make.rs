//! Making files from the editor (`POST /api/make`): the same files the commands
//! make, where they put them (out/… under the folder planpress was started
//! in), the published PDF refused while gaps remain, lint's findings at their
//! fields.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::doc::*;
use crate::edit_server::post;

/// An editor on `dir` whose made files go under a fresh `work` folder.
fn editor(dir: &Path, name: &str) -> (planpress::edit::Running, String, PathBuf) {
    let work = tmp(name);
    std::fs::create_dir_all(&work).unwrap();
    let running = planpress::edit::start_in(dir, 0, &work).unwrap();
    let t = running.address.trim_end_matches('/').rsplit('/').next();
    let t = t.unwrap().to_string();
    (running, t, work)
}

fn make(running: &planpress::edit::Running, t: &str, what: &str) -> Value {
    let (status, answer) = post(running.port, t, "api/make", &json!({"what": what}));
    assert_eq!(status, 200, "{answer}");
    answer
}

fn copy(fixture: &str, to: &Path) -> PathBuf {
    copy_edition(&root().join("tests/fixtures").join(fixture), to);
    to.to_path_buf()
}

#[test]
fn the_pdf_and_the_draft_go_where_build_puts_them() {
    let dir = copy("small-ward", &tmp("edit-make-ward"));
    let (running, t, work) = editor(&dir, "edit-make-work");
    let made = make(&running, &t, "pdf");
    assert_eq!(made["ok"], true, "{made}");
    let path = work.join("out/edit-make-ward.pdf");
    assert_eq!(made["path"], path.display().to_string());
    assert!(
        made["message"]
            .as_str()
            .unwrap()
            .contains(&path.display().to_string())
    );
    // The bytes `planpress build` writes for the same files.
    let cli = tmp("edit-make-cli.pdf");
    let run = planpress(&["build", dir.to_str().unwrap(), "-o", cli.to_str().unwrap()]);
    assert!(run.status.success());
    assert_eq!(std::fs::read(&path).unwrap(), std::fs::read(&cli).unwrap());
    let draft = make(&running, &t, "draft");
    assert_eq!(draft["ok"], true, "{draft}");
    let draft_path = work.join("out/edit-make-ward-案.pdf");
    assert_eq!(draft["path"], draft_path.display().to_string());
    let bytes = std::fs::read(&draft_path).unwrap();
    assert!(bytes.starts_with(b"%PDF") && bytes != std::fs::read(&path).unwrap());
    // No previous edition: no 新旧対照表, said so; nothing written.
    let diff = make(&running, &t, "diff");
    assert_eq!(diff["ok"], false);
    assert!(
        diff["message"].as_str().unwrap().contains("previous"),
        "{diff}"
    );
    assert!(!work.join("out/edit-make-ward-新旧対照表.pdf").exists());
    let other = make(&running, &t, "../../x");
    assert_eq!(other["ok"], false);
}

#[test]
fn the_published_pdf_is_refused_while_gaps_remain() {
    let dir = copy("fictional-r3", &tmp("edit-make-gaps"));
    let (running, t, work) = editor(&dir, "edit-make-gaps-work");
    let made = make(&running, &t, "pdf");
    assert_eq!(made["ok"], false, "{made}");
    assert!(!work.join("out").exists(), "nothing written");
    let cli = planpress(
        &["build", dir.to_str().unwrap(), "--require-complete", "-o"]
            .iter()
            .copied()
            .chain([tmp("edit-make-gaps.pdf").to_str().unwrap()])
            .collect::<Vec<_>>(),
    );
    let said = String::from_utf8_lossy(&cli.stderr).to_string();
    assert!(
        said.contains(made["message"].as_str().unwrap()),
        "{said}\n{made}"
    );
    // Each gap at its file and item, in the words `build` lists it with.
    let problems = made["problems"].as_array().unwrap();
    assert!(!problems.is_empty());
    for p in problems {
        let (file, item) = (p["file"].as_str().unwrap(), p["item"].as_str().unwrap());
        assert!(said.contains(&format!("- {file}（{item}）")), "{p}\n{said}");
        assert!(dir.join(file).is_file());
        assert_eq!(p["severity"], "error");
    }
    // The 案 may hold gaps.
    assert_eq!(make(&running, &t, "draft")["ok"], true);
}

#[test]
fn the_comparison_is_diff_s_against_the_previous_edition() {
    let base = tmp("edit-make-diff");
    let old = copy("deep-org", &base.join("deep-org"));
    let new = copy("deep-org-next", &base.join("deep-org-next"));
    let (running, t, work) = editor(&new, "edit-make-diff-work");
    let made = make(&running, &t, "diff");
    assert_eq!(made["ok"], true, "{made}");
    let path = work.join("out/deep-org-next-新旧対照表.pdf");
    assert_eq!(made["path"], path.display().to_string());
    let cli = tmp("edit-make-diff.pdf");
    let run = planpress(
        &["diff", old.to_str().unwrap(), new.to_str().unwrap()]
            .iter()
            .copied()
            .chain(["--pdf", cli.to_str().unwrap()])
            .collect::<Vec<_>>(),
    );
    assert!(run.status.success());
    assert_eq!(std::fs::read(&path).unwrap(), std::fs::read(&cli).unwrap());
    let said = String::from_utf8_lossy(&run.stderr).to_string();
    let count = said.split("（").nth(1).unwrap().split(' ').next().unwrap();
    assert!(
        made["message"]
            .as_str()
            .unwrap()
            .contains(&format!("（{count} 件の変更）")),
        "{said}\n{made}"
    );
}

#[test]
fn lint_s_findings_each_lead_to_the_text_they_were_found_in() {
    let dir = copy("lint-variants", &tmp("edit-make-lint"));
    let (running, t, work) = editor(&dir, "edit-make-lint-work");
    let before = std::fs::read_dir(&dir).unwrap().count();
    let made = make(&running, &t, "lint");
    assert_eq!(made["ok"], true, "{made}");
    assert_eq!(made["path"], Value::Null);
    let content = planpress::content::load(&dir).unwrap();
    let style = planpress::lint::Style::load(&dir, None).unwrap();
    let report = planpress::lint::lint(&content, &style);
    let problems = made["problems"].as_array().unwrap();
    let places: usize = report.findings.len()
        + (report.variants.iter())
            .flat_map(|g| g.forms.iter().filter(|f| !f.accepted))
            .map(|f| f.places.len())
            .sum::<usize>();
    assert!(places > 0);
    assert_eq!(problems.len(), places);
    for p in problems {
        let file: Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join(p["file"].as_str().unwrap())).unwrap(),
        )
        .unwrap();
        let text = file.pointer(p["pointer"].as_str().unwrap());
        assert!(text.is_some_and(Value::is_string), "{p}");
        assert!(!p["item"].as_str().unwrap().is_empty());
    }
    let variants = report.variants.len().to_string();
    assert!(
        made["message"]
            .as_str()
            .unwrap()
            .contains(&format!("表記ゆれ {variants} 組"))
    );
    // lint reports and writes nothing.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), before);
    assert!(!work.join("out").exists());
}

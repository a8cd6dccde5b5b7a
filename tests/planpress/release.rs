//! What a release binary says about itself: `--version` names the commit it was
//! built from; the PDF names only the version, so its bytes never depend on the
//! commit (the Windows and Linux binaries of a release give the same PDF).

use crate::doc::*;

/// The commit and date build.rs puts in the version: PLANPRESS_COMMIT, else git.
fn built_from() -> Option<String> {
    if let Some(c) = std::env::var("PLANPRESS_COMMIT")
        .ok()
        .filter(|c| !c.trim().is_empty())
    {
        return Some(c.trim().to_string());
    }
    let out = std::process::Command::new("git")
        .args(["log", "-1", "--format=%h %cs", "--abbrev=7"])
        .current_dir(root())
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    (out.status.success() && !text.trim().is_empty()).then(|| text.trim().to_string())
}

#[test]
fn the_version_names_the_commit_and_the_pdf_only_the_version() {
    let run = planpress(&["--version"]);
    let shown = String::from_utf8(run.stdout).unwrap();
    let version = env!("CARGO_PKG_VERSION");
    let expected = match built_from() {
        Some(commit) => format!("planpress {version} ({commit})"),
        None => format!("planpress {version}"),
    };
    assert_eq!(shown.trim_end(), expected);
    let doc = pdf(shipped());
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|i| i.as_reference())
        .and_then(|id| doc.get_dictionary(id))
        .unwrap();
    let creator = pdf_string(info.get(b"Creator").unwrap());
    assert_eq!(creator, format!("planpress {version}"));
}

//! Puts the commit and its date in `planpress --version` (PLANPRESS_VERSION):
//! from PLANPRESS_COMMIT when set (e.g. "abc1234 2026-11-26"), else from git when
//! the source is a checkout, else the version alone. The PDF never carries it.

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=PLANPRESS_COMMIT");
    let version = env!("CARGO_PKG_VERSION");
    let commit = std::env::var("PLANPRESS_COMMIT")
        .ok()
        .filter(|c| !c.trim().is_empty())
        .or_else(from_git);
    let full = match commit {
        Some(c) => format!("{version} ({})", c.trim()),
        None => version.to_string(),
    };
    println!("cargo:rustc-env=PLANPRESS_VERSION={full}");
}

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    (out.status.success() && !text.trim().is_empty()).then(|| text.trim().to_string())
}

/// "abc1234 2026-11-26", and the files that change with a new commit watched.
fn from_git() -> Option<String> {
    let commit = git(&["log", "-1", "--format=%h %cs", "--abbrev=7"])?;
    let mut watched = vec![git(&["rev-parse", "--git-path", "HEAD"])];
    if let Some(head) = git(&["rev-parse", "--symbolic-full-name", "HEAD"]) {
        watched.push(git(&["rev-parse", "--git-path", &head]));
    }
    watched.push(git(&["rev-parse", "--git-path", "packed-refs"]));
    for path in watched.into_iter().flatten() {
        if Path::new(&path).exists() {
            println!("cargo:rerun-if-changed={path}");
        }
    }
    Some(commit)
}

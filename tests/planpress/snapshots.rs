//! The generated `main.typ` and `index.html` of every edition, committed in
//! tests/snapshots/ so that any change to a template or to the view shows as a
//! readable diff (`SNAPSHOTS=overwrite cargo test` refreshes them).

use planpress::render::{html, typst};
use planpress::{Config, Pipeline};

use crate::doc::*;

/// (snapshot folder, edition, draft date)
const CASES: &[(&str, &str, Option<&str>)] = &[
    ("miyamae-r2", EDITION, None),
    ("fictional-r3", "tests/fixtures/fictional-r3", None),
    ("large-ward", "tests/fixtures/large-ward", None),
    ("small-ward", "tests/fixtures/small-ward", None),
    ("long-names", "tests/fixtures/long-names", None),
    ("many-scenes", "tests/fixtures/many-scenes", None),
    ("deep-org", "tests/fixtures/deep-org", None),
    ("wide-ward", "tests/fixtures/wide-ward", None),
    (
        "deep-org-next-draft",
        "tests/fixtures/deep-org-next",
        Some("2026-05-01"),
    ),
    (
        "fictional-r3-draft",
        "tests/fixtures/fictional-r3",
        Some("2021-05-10"),
    ),
];

#[test]
fn generated_sources_match_their_snapshots() {
    let mut failures = Vec::new();
    for &(name, edition, date) in CASES {
        let config = Config::new(root().join(edition))
            .draft(date.is_some(), date)
            .unwrap();
        let prepared = Pipeline::new(config.clone()).prepare().unwrap();
        let generated = typst::render(&prepared.view, &config.templates).unwrap();
        // The template-line markers follow every template edit; they are left out.
        let main: String = generated
            .main
            .lines()
            .map(|l| typst::strip_marker(l).trim_end().to_string() + "\n")
            .collect();
        failures.extend(snapshot(&format!("tests/snapshots/{name}/main.typ"), &main));
        if date.is_none() {
            let files = html::render(&prepared.view, &config.templates).unwrap();
            let page = String::from_utf8(files[0].1.clone()).unwrap();
            failures.extend(snapshot(
                &format!("tests/snapshots/{name}/index.html"),
                &page,
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

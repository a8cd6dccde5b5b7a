//! The editor's memory over a long session: 500 previews with small edits on
//! the largest fixture, through the functions `POST /api/preview` runs
//! (`planpress::edit::preview::Previews::answer`: the kept Pipeline, the
//! compile, comemo's eviction, the pages drawn and encoded). Resident memory
//! after 10 and after 500 edits; issue 24 requires after-500 ≤ 1.5 × after-10.

use std::path::Path;
use std::time::{Duration, Instant};

use planpress::edit::preview::{PreviewRequest, Previews};

const EDITS: usize = 500;
const EARLY: usize = 10;

/// VmRSS and VmHWM of this process, in kB.
fn memory() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        (status.lines())
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

pub fn run(root: &Path, tmp: &Path) {
    let dir = tmp.join("editor");
    super::copy_dir(&root.join("tests/fixtures/large-ward"), &dir);
    let targets: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("4-targets.json")).unwrap())
            .unwrap();
    let pointer = "/divisions/0/departments/1/targets/0/text";
    let original = targets
        .pointer(pointer)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string();
    let previews = Previews::new();
    let (mut early, mut times) = ((0, 0), Vec::new());
    for i in 1..=EDITS {
        // A clerk typing: the target's text grows and shrinks a few characters.
        let mut edited = targets.clone();
        let typed: String = "窓口で丁寧に御案内します".chars().take(i % 12).collect();
        *edited.pointer_mut(pointer).unwrap() = format!("{original}{typed}").into();
        let request = PreviewRequest {
            files: [(
                "4-targets.json".to_string(),
                serde_json::to_string_pretty(&edited).unwrap(),
            )]
            .into(),
            file: "4-targets.json".into(),
            pointer: pointer.into(),
        };
        let t = Instant::now();
        let answer = previews.answer(&dir, &request).expect("not overtaken");
        times.push(t.elapsed());
        assert!(!answer["pages"].as_array().unwrap().is_empty(), "{answer}");
        if i == EARLY {
            early = memory();
        }
    }
    let late = memory();
    let mb = |kb: u64| kb as f64 / 1024.0;
    let warm: Vec<Duration> = times[EARLY..].to_vec();
    println!(
        "## Editor: {EDITS} previews with small edits (tests/fixtures/large-ward, in-process)\n"
    );
    println!("| after | resident MB (VmRSS) | peak MB (VmHWM) |\n| --- | ---: | ---: |");
    println!(
        "| {EARLY} edits | {:.0} | {:.0} |",
        mb(early.0),
        mb(early.1)
    );
    println!("| {EDITS} edits | {:.0} | {:.0} |", mb(late.0), mb(late.1));
    println!(
        "\nresident after {EDITS} / after {EARLY} = **{:.2}** (required ≤ 1.5); median preview {:.0} ms (compile and draw, request to answer)\n",
        late.0 as f64 / early.0 as f64,
        super::ms(super::median(warm))
    );
}

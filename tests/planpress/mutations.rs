//! Whatever happens to a content file's bytes (cut short, a byte changed, a key
//! written twice, brackets nested without end), reading it never panics: it is
//! refused with a Japanese message that names the file.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestRunner};

use crate::doc::*;

#[derive(Debug, Clone)]
enum Mutation {
    /// Keep the first `at` (per mille of the text) bytes.
    Truncate(usize),
    /// Flip the high bit of one byte (never valid UTF-8 afterwards), with other bits.
    Flip(usize, u8),
    /// Write one `"key": value,` line twice.
    DuplicateKey(usize),
    /// Replace the file with `depth` nested arrays.
    Nest(usize),
}

/// English fragments of serde_json, serde and std::io that must not reach a clerk.
const ENGLISH: &[&str] = &[
    "expected",
    "invalid",
    "duplicate",
    "recursion",
    "out of range",
    "surrogate",
    "EOF",
    "os error",
    "at line",
    "untagged",
];

fn apply(bytes: &[u8], m: &Mutation) -> Vec<u8> {
    let end = bytes.trim_ascii_end().len();
    match *m {
        Mutation::Truncate(per_mille) => bytes[..end * per_mille / 1000].to_vec(),
        Mutation::Flip(at, bits) => {
            let mut b = bytes.to_vec();
            b[at % end] ^= 0x80 | (bits & 0x7f);
            b
        }
        Mutation::DuplicateKey(n) => {
            let text = std::str::from_utf8(bytes).unwrap();
            let lines: Vec<&str> = text.split_inclusive('\n').collect();
            let keyed: Vec<usize> = (0..lines.len())
                .filter(|&i| {
                    let l = lines[i].trim();
                    l.starts_with('"') && l.contains("\": ") && l.ends_with(',')
                })
                .collect();
            let dup = keyed[n % keyed.len()];
            let mut out = String::new();
            for (i, l) in lines.iter().enumerate() {
                out.push_str(l);
                if i == dup {
                    out.push_str(l);
                }
            }
            out.into_bytes()
        }
        Mutation::Nest(depth) => format!("{}{}", "[".repeat(depth), "]".repeat(depth)).into(),
    }
}

#[test]
fn any_damaged_file_is_refused_with_a_japanese_message_naming_it() {
    let source = root().join(EDITION);
    let mut files: Vec<String> = std::fs::read_dir(&source)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect();
    files.sort();
    let mutation = prop_oneof![
        (0usize..1000).prop_map(Mutation::Truncate),
        (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Mutation::Flip(a, b)),
        any::<usize>().prop_map(Mutation::DuplicateKey),
        (1usize..30_000).prop_map(Mutation::Nest),
    ];
    let config = Config {
        cases: 48,
        rng_seed: RngSeed::Fixed(20200601),
        failure_persistence: None,
        max_shrink_iters: 32,
        ..Config::default()
    };
    let dir = scratch_edition("mutations");
    let mut runner = TestRunner::new(config);
    runner
        .run(&(prop::sample::select(files), mutation), |(file, m)| {
            let original = std::fs::read(source.join(&file)).unwrap();
            std::fs::write(dir.join(&file), apply(&original, &m)).unwrap();
            let prepared = planpress::Pipeline::new(planpress::Config::new(&dir)).prepare();
            std::fs::write(dir.join(&file), &original).unwrap();
            let Err(e) = prepared else {
                return Err(TestCaseError::fail(format!("{file} {m:?} was accepted")));
            };
            let message = e.to_string();
            let line = message
                .lines()
                .find(|l| l.starts_with(&format!("エラー: {file}")))
                .unwrap_or_default();
            prop_assert!(!line.is_empty(), "{file} {m:?} not named:\n{message}");
            prop_assert!(
                line.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
                "{file} {m:?} not in Japanese: {line}"
            );
            for english in ENGLISH {
                prop_assert!(!message.contains(english), "{file} {m:?}:\n{message}");
            }
            Ok(())
        })
        .unwrap();
}

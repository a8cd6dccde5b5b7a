//! Drafts for the committee, next year's edition, and the archive, on the shipped
//! edition and the fictional next year in tests/fixtures/fictional-r3.

use std::sync::OnceLock;

use planpress::diff::ChangeKind;
use planpress::{Built, Config};
use typst::layout::{Frame, FrameItem};
use typst::visualize::{Color, Paint};

use crate::doc::*;

const NEXT: &str = "tests/fixtures/fictional-r3";

pub fn draft(dir: &str) -> Built {
    let config = Config::new(root().join(dir))
        .draft(true, Some("2021-05-10"))
        .unwrap();
    planpress::build(&config).unwrap_or_else(|e| panic!("{e}"))
}

pub fn next_draft() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| draft(NEXT))
}

#[test]
fn diff_compares_items_by_identity() {
    let old = planpress::content::load(&root().join(EDITION)).unwrap();
    let new = planpress::content::load(&root().join(NEXT)).unwrap();
    let changes = planpress::diff::diff(&old, &new);
    let got: Vec<(ChangeKind, String)> = changes.iter().map(|c| (c.kind, c.id.label())).collect();
    let got: Vec<(ChangeKind, &str)> = got.iter().map(|(k, l)| (*k, l.as_str())).collect();
    assert_eq!(
        got,
        [
            (ChangeKind::Changed, "表紙"),
            (ChangeKind::Changed, "向上方針の日付・署名"),
            (ChangeKind::Changed, "基準33"),
            (ChangeKind::Added, "第11期ワーキングチーム"),
            // A removed item stands where it stood in the old edition.
            (ChangeKind::Removed, "地域振興課 目標3"),
            (ChangeKind::Changed, "区民課 目標2"),
            (ChangeKind::Added, "道路公園センター 目標4"),
        ]
    );
    let removed = &changes[4];
    assert!(
        removed
            .old_text()
            .unwrap()
            .starts_with("区民の皆さま向けの広報")
            && removed.new.is_none()
    );
    assert!(planpress::diff::diff(&old, &old).is_empty());

    // The command prints the same list, and JSON for tools.
    let run = planpress(&["diff", EDITION, NEXT]);
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success()
            && out.contains("7 件の変更")
            && out.contains("[削除] 地域振興課 目標3"),
        "{out}"
    );
    let run = planpress(&["diff", EDITION, NEXT, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(json[6]["kind"], "added");
    assert_eq!(json[6]["key"], "target:doro-koen:4");
}

/// Pages that carry a change bar (a stroke in the change colour).
pub fn pages_with_change_bars(built: &Built) -> Vec<usize> {
    fn has_bar(frame: &Frame) -> bool {
        frame.items().any(|(_, item)| match item {
            FrameItem::Group(g) => has_bar(&g.frame),
            // Typst draws a block's one-sided border as a filled outline.
            FrameItem::Shape(shape, _) => {
                let bar = |p: &Paint| matches!(p, Paint::Solid(c) if *c == Color::from_u8(0xc0, 0x39, 0x2b, 0xff));
                shape.stroke.as_ref().is_some_and(|s| bar(&s.paint)) || shape.fill.as_ref().is_some_and(bar)
            }
            _ => false,
        })
    }
    built
        .document
        .pages()
        .iter()
        .enumerate()
        .filter(|(_, p)| has_bar(&p.frame))
        .map(|(i, _)| i)
        .collect()
}

#[test]
fn a_draft_marks_what_changed_on_the_pages_where_it_stands() {
    let built = next_draft();
    let texts = page_texts(built);
    let page_of = |needle: &str| {
        texts
            .iter()
            .position(|t| normalize(t).contains(&normalize(needle)))
            .unwrap()
    };
    let bars = pages_with_change_bars(built);
    let expected: std::collections::BTreeSet<usize> = [
        "（架空の変更）掲示物等は",
        "（架空）区役所案内の改善案の検討",
        "（架空の変更）職員の所管業務",
        "（架空の追加）公園利用者の声",
    ]
    .iter()
    .map(|t| page_of(t))
    .collect();
    assert_eq!(
        bars.iter()
            .copied()
            .collect::<std::collections::BTreeSet<_>>(),
        expected,
        "pages with change bars"
    );
    // The closing 新旧対照表 shows every change, the removed target with its old
    // text beside 「（削除）」.
    let last = normalize(texts.last().unwrap());
    assert!(
        last.contains("新旧対照表")
            && last.contains(&normalize("（削除）地域振興課目標3区民の皆さま向けの広報")),
        "{last}"
    );
    // Its lead runs on without a stray space after the year.
    let lines = page_lines(built, texts.len() - 1);
    assert!(
        lines.iter().any(|l| l.contains("令和2年度の版と比べて")),
        "{lines:?}"
    );
    // A proofreader can cite every row: the removed target's old text has line
    // numbers, as the other rows' new texts do.
    assert!(
        lines
            .iter()
            .any(|l| l.contains("区民の皆さま向けの広報")
                && l.starts_with(|c: char| c.is_ascii_digit())),
        "{lines:?}"
    );
    // The unchanged shipped edition has no previous edition: no bars, no list.
    let plain = draft(EDITION);
    assert!(pages_with_change_bars(&plain).is_empty());
    assert!(!normalize(&page_texts(&plain).concat()).contains("新旧対照表"));
}

#[test]
fn draft_marks_only_in_drafts() {
    let built = next_draft();
    let stamp = format!(
        "案2021-05-10作成・内容{}",
        built.prepared.view.draft.as_ref().unwrap().hash
    );
    for i in 0..built.document.pages().len() {
        let mut text = String::new();
        for_each_text_item_on(page_frame(built, i), &mut |t| text.push_str(&t.text));
        assert!(
            normalize(&text).contains(&normalize(&stamp)),
            "page {} has no draft stamp",
            i + 1
        );
        assert!(text.contains('案'));
    }
    // Line numbers: the first body page numbers its lines 1, 2, 3…
    let body = headings(built).iter().find(|h| h.0 == 1).unwrap().2;
    let lines = page_lines(built, body);
    // (The stamp heads the page, above the numbered lines.)
    assert!(lines[0].contains("作成・内容"), "{lines:?}");
    assert!(
        lines
            .iter()
            .skip(1)
            .take(3)
            .enumerate()
            .all(|(i, l)| l.starts_with(&(i + 1).to_string())),
        "{lines:?}"
    );
    // The published build has none of it.
    let published = shipped();
    let all: String = page_texts(published).concat();
    assert!(!all.contains("作成・内容"));
}

fn page_frame(built: &Built, i: usize) -> &Frame {
    &built.document.pages()[i].frame
}

fn for_each_text_item_on(frame: &Frame, f: &mut dyn FnMut(&typst::text::TextItem)) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(g) => for_each_text_item_on(&g.frame, f),
            FrameItem::Text(t) => f(t),
            _ => {}
        }
    }
}

#[test]
fn the_results_annex_comes_from_the_previous_edition() {
    let built = next_draft();
    let all = normalize(&page_texts(built).concat());
    // Generated from miyamae-r2's targets (which carry no results yet): no gap left.
    assert!(all.contains(&normalize("令和2年度区役所サービス向上目標の実施結果")));
    assert!(
        all.contains(&normalize("区民の皆さま向けの広報、発送物の誤送付等")),
        "a target of the previous year"
    );
    assert!(!all.contains(&normalize(
        "実施結果は出典テキストに含まれていないため未収録"
    )));
    // The previous edition's files travel inside the PDF.
    let published = planpress::build(&Config::new(root().join(NEXT))).unwrap();
    let names: Vec<_> = planpress::extract::attachments(&published.pdf)
        .unwrap()
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert!(
        names.contains(&"previous/4-targets.json".to_string())
            && names.contains(&"4-targets.json".to_string()),
        "{names:?}"
    );
    // …so the extracted folder builds the same PDF without the content folder.
    let pdf = tmp("r3.pdf");
    std::fs::write(&pdf, &published.pdf).unwrap();
    let dir = tmp("r3-extracted");
    assert!(
        planpress(&["extract", pdf.to_str().unwrap(), dir.to_str().unwrap()])
            .status
            .success()
    );
    let again = planpress::build(&Config::new(&dir)).unwrap();
    assert!(
        again.pdf == published.pdf,
        "build → extract → build changed the PDF"
    );
}

#[test]
fn next_years_edition_starts_from_this_years() {
    let to = tmp("fictional-r4");
    let run = planpress(&["new", NEXT, to.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let r4 = planpress::content::load(&to).unwrap();
    let r3 = planpress::content::load(&root().join(NEXT)).unwrap();
    assert_eq!(r4.edition.fiscal_year, 2022);
    assert_eq!(r4.edition.published.to_string(), "2022-06");
    assert_eq!(r4.edition.policy.date.to_string(), "2022-04");
    assert!(
        r4.previous_dir().unwrap().canonicalize().unwrap()
            == root().join(NEXT).canonicalize().unwrap()
    );
    // Targets kept as a starting point, results cleared.
    let targets = |c: &planpress::Content| {
        c.departments()
            .flat_map(|(_, d)| d.targets.into_iter().map(|t| t.text))
            .collect::<Vec<_>>()
    };
    assert_eq!(targets(&r4), targets(&r3));
    assert!(r4.departments().all(|(_, d)| {
        d.targets
            .iter()
            .all(|t| t.result.is_none() && t.status.is_none())
    }));
    // Its results annex shows r3's results and statuses.
    let built = planpress::build(&Config::new(&to)).unwrap();
    let all = normalize(&page_texts(&built).concat());
    assert!(all.contains(&normalize("令和3年度区役所サービス向上目標の実施結果")));
    assert!(
        all.contains(&normalize(
            "（架空の実施結果）区民課 目標2の取組を行いました。"
        )) && all.contains("一部達成")
    );
    // An existing folder is never overwritten.
    let run = planpress(&["new", NEXT, to.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
}

#[test]
fn archive_builds_every_edition_and_verifies_it_later() {
    let base = tmp("archive-run");
    let content = base.join("content");
    std::fs::create_dir_all(&content).unwrap();
    let copy = |from: &std::path::Path, to: &std::path::Path| {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    };
    copy(&root().join(EDITION), &content.join("miyamae-r2"));
    let archive = base.join("archive");
    let args = [
        "archive",
        "--content",
        content.to_str().unwrap(),
        "-o",
        archive.to_str().unwrap(),
    ];
    let run = planpress(&args);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(archive.join("manifest.json")).unwrap()).unwrap();
    let entry = &manifest["editions"][0];
    assert_eq!(entry["edition"], "miyamae-r2");
    assert_eq!(entry["fiscal_year"], 2020);
    let pdf = std::fs::read(archive.join("miyamae-r2.pdf")).unwrap();
    assert_eq!(entry["pdf_sha256"], planpress::archive::sha256(&pdf));
    assert!(pdf == shipped().pdf);
    // A second run verifies; a changed edition is reported and not overwritten.
    let run = planpress(&args);
    assert!(run.status.success() && String::from_utf8_lossy(&run.stdout).contains("前回と同じ"));
    edit_json(&content.join("miyamae-r2"), "1-principles.json", |v| {
        v["motto"] = "変更".into()
    });
    let run = planpress(&args);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("miyamae-r2"));
    assert!(std::fs::read(archive.join("miyamae-r2.pdf")).unwrap() == pdf);
}

/// `check` loads everything `build` loads: a broken previous edition fails both,
/// with the same message.
#[test]
fn check_fails_where_build_fails_on_a_broken_previous_edition() {
    let (r2, r3) = edition_pair("broken-previous");
    let path = r2.join("4-targets.json");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("\"number\": 1,", "\"number\": 1", 1)).unwrap();
    let out = tmp("broken-previous.pdf");
    let check = planpress(&["check", r3.to_str().unwrap()]);
    let build = planpress(&["build", r3.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    let message = String::from_utf8_lossy(&check.stderr);
    assert_eq!(check.status.code(), Some(1), "{message}");
    assert_eq!(build.status.code(), Some(1));
    assert!(
        message.contains("4-targets.json") && message.contains("r2"),
        "{message}"
    );
    assert_eq!(message, String::from_utf8_lossy(&build.stderr));
    assert!(!out.exists());
}

/// The previous edition is an earlier year's: one of the same or a later year is
/// a content error at `previous`, with its line.
#[test]
fn the_previous_edition_must_be_of_an_earlier_year() {
    let (r2, r3) = edition_pair("later-previous");
    edit_json(&r2, "edition.json", |v| v["fiscal_year"] = 2021.into());
    let check = planpress(&["check", r3.to_str().unwrap()]);
    let message = String::from_utf8_lossy(&check.stderr);
    assert_eq!(check.status.code(), Some(1), "{message}");
    assert!(
        message.contains("edition.json（前年度の版）: previous の版（r2）の年度 2021 が、この版の年度 2021 と同じか後になっています"),
        "{message}"
    );
}

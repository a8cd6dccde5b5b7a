//! A katakana word longer than a narrow column's words (「コミュニケーション
//! ロボットサービス」) in a table inside the 新旧対照表: held whole on one line,
//! its column widened, like the annex tables hold theirs.

use typst::layout::Abs;

use crate::comparison_layout::{find, page};
use crate::doc::*;

const OLD: &str = "tests/fixtures/full-model";

/// Two fictional editions whose roster differs in one 備考 cell: the new one
/// adds 「コミュニケーション」 before the old 「ロボットサービス担当」, so the
/// changed characters end inside the word.
fn long_word_pair() -> (planpress::content::Content, planpress::content::Content) {
    let base = tmp("comparison-long-word");
    let (old, new) = (base.join("old"), base.join("new"));
    for (dir, note) in [
        (&old, "ロボットサービス担当"),
        (&new, "コミュニケーションロボットサービス担当"),
    ] {
        copy_edition(&root().join(OLD), dir);
        edit_json(dir, "annex-2-roster.json", |v| {
            v["groups"][1]["rows"][1] = serde_json::json!(["区民課", "課長", "架空 秋子", note]);
        });
    }
    let load = |d: &std::path::Path| planpress::content::load(d).unwrap_or_else(|e| panic!("{e}"));
    (load(&old), load(&new))
}

#[test]
fn a_long_katakana_word_in_a_changed_cell_prints_whole_on_one_line() {
    let (old, new) = long_word_pair();
    let compared =
        planpress::pipeline::comparison(&old, &new, None, &planpress::Templates::Embedded)
            .unwrap_or_else(|e| panic!("{e}"));
    let word = "コミュニケーションロボットサービス";
    let mut seen = 0;
    for p in compared.document.pages() {
        let (glyphs, _) = page(&p.frame);
        let text: String = glyphs.iter().map(|g| g.text.as_str()).collect();
        if !text.contains("架空秋子") && !text.contains("架空 秋子") {
            continue;
        }
        let run = find(&glyphs, word).unwrap_or_else(|| panic!("「{word}」 broken: {text}"));
        assert!(
            run.iter().all(|g| (g.y - run[0].y).abs() < Abs::pt(1.0)),
            "「{word}」 on more than one line"
        );
        seen += 1;
    }
    assert!(seen > 0, "the roster row is not in the 新旧対照表");
}

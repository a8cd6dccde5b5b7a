//! Words 公用文作成の考え方 writes in kana (ください, こと, とき, ほか, できる…)
//! and the conjunctions it writes in kanji (及び, 並びに, 又は, 若しくは).

use super::Rule;
use super::dictionary::Word;
use super::spelling::hiragana;

/// When a kanji spelling is to be written in kana.
#[derive(Clone, Copy)]
enum When {
    /// Always (出来る, 但し).
    Always,
    /// As an auxiliary after て・で, or after ご・お + noun (ご確認下さい).
    Auxiliary,
    /// As a formal noun (名詞・非自立: 〜する事, 〜の時).
    Formal,
}

/// (base form, reading, when, what it is called): the kanji spellings written in kana.
const IN_KANA: &[(&str, &str, When, &str)] = &[
    ("下さる", "", When::Auxiliary, "補助動詞"),
    ("頂く", "", When::Auxiliary, "補助動詞"),
    ("致す", "", When::Auxiliary, "補助動詞"),
    ("居る", "", When::Auxiliary, "補助動詞"),
    ("頂ける", "", When::Auxiliary, "補助動詞"),
    ("事", "コト", When::Formal, "形式名詞"),
    ("時", "トキ", When::Formal, "形式名詞"),
    ("物", "モノ", When::Formal, "形式名詞"),
    ("所", "トコロ", When::Formal, "形式名詞"),
    ("外", "ホカ", When::Formal, "形式名詞"),
    ("他", "ホカ", When::Formal, "「〜のほか」の意味の語"),
    ("為", "タメ", When::Always, "形式名詞"),
    ("様", "ヨウ", When::Formal, "形式名詞"),
    ("出来る", "", When::Always, "動詞"),
    ("無い", "", When::Always, "形容詞"),
    ("有る", "", When::Always, "動詞"),
    ("易い", "", When::Always, "接尾語"),
    ("御座る", "", When::Always, "動詞"),
    ("程", "ホド", When::Always, "助詞"),
    ("迄", "マデ", When::Always, "助詞"),
    ("位", "クライ", When::Always, "助詞"),
    ("位", "グライ", When::Always, "助詞"),
    ("等", "ナド", When::Always, "助詞"),
    ("但し", "", When::Always, "接続詞"),
    ("尚", "ナオ", When::Always, "接続詞"),
    ("又", "マタ", When::Always, "接続詞"),
    ("従って", "", When::Always, "接続詞"),
    ("因みに", "", When::Always, "接続詞"),
    ("色々", "", When::Always, "副詞"),
    ("殆ど", "", When::Always, "副詞"),
    ("予め", "", When::Always, "副詞"),
    ("是非", "ゼヒ", When::Always, "副詞"),
    ("何故", "", When::Always, "副詞"),
    ("沢山", "", When::Always, "副詞"),
    ("宜しく", "", When::Always, "副詞"),
];

/// (reading, kanji): conjunctions written in kanji.
const IN_KANJI: &[(&str, &str)] = &[
    ("オヨビ", "及び"),
    ("ナラビニ", "並びに"),
    ("マタハ", "又は"),
    ("モシクハ", "若しくは"),
];

/// What the rules say of a word (with the words around it): the rule and the message.
pub fn rule(w: &Word, prev: Option<&Word>, next: Option<&Word>) -> Option<(Rule, String)> {
    let conjunction = w.pos == "接続詞" || (w.pos == "助詞" && w.reading == "オヨビ");
    if conjunction
        && let Some((_, kanji)) = IN_KANJI.iter().find(|(r, _)| *r == w.reading)
        && w.surface != *kanji
    {
        let message = format!(
            "「{}」は、公用文では接続詞として漢字で「{kanji}」と書きます",
            w.surface
        );
        return Some((Rule::Kanji, message));
    }
    let (_, _, _, what) = IN_KANA.iter().find(|(base, reading, when, _)| {
        (w.base == *base || w.surface == *base)
            && (reading.is_empty() || w.reading == *reading)
            && match when {
                When::Always => true,
                // 「OJTの他、」 is 〜のほか; 「他の部署」 and 「関連する他の部署」
                // are "other", in kanji, whatever the analyser tags them.
                When::Formal if w.surface == "他" => {
                    prev.is_some_and(|p| p.surface == "の")
                        && next.is_none_or(|n| n.surface != "の")
                }
                When::Formal => w.pos2 == "非自立",
                When::Auxiliary => auxiliary(w, prev),
            }
    })?;
    let kana = hiragana(&w.reading);
    let message = format!(
        "「{}」は、公用文では仮名で「{kana}」と書きます（{what}）",
        w.surface
    );
    Some((Rule::Kana, message))
}

/// An auxiliary verb: after て・で (確認して下さい), after a verbal noun
/// (ご確認下さい, 案内致します), or so tagged.
fn auxiliary(w: &Word, prev: Option<&Word>) -> bool {
    w.pos2 == "非自立"
        || prev.is_some_and(|p| {
            (p.pos == "助詞" && matches!(p.surface.as_str(), "て" | "で"))
                || (p.pos == "名詞" && p.pos2 == "サ変接続")
        })
}

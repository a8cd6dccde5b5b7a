//! Document rules that the JSON shape alone cannot express. Each problem names its
//! value by JSON pointer; the loader turns that into line, column and plain words.

use std::collections::HashSet;
use std::path::Path;

use super::model::*;
use super::{ContentError, Part};
use crate::item::ItemId;

mod annex;
mod spaces;
mod targets;

use targets::{check_contact, check_targets};

struct Checker<'a> {
    scenes: &'a [String],
    statuses: Vec<String>,
    known: Known,
    /// Whether a value (file, pointer) was set aside for a stand-in.
    aside: &'a dyn Fn(&str, &str) -> bool,
    errors: Vec<ContentError>,
}

/// Which of the edition's values other files are checked against were read as
/// written (a value set aside for a stand-in checks nothing).
#[derive(Debug, Clone, Copy)]
pub struct Known {
    pub scenes: bool,
    pub statuses: bool,
    pub year: bool,
}

/// A numbered item: where its number stands, how to call it, its number.
struct Numbered {
    file: String,
    pointer: String,
    item: String,
    number: u32,
}

impl Checker<'_> {
    fn push(&mut self, file: &str, pointer: String, item: Option<String>, message: String) {
        let mut e = ContentError::new(file, message).at(pointer);
        e.item = item;
        self.errors.push(e);
    }

    /// Numbers must run 1, 2, 3… in the printed order; every break is reported.
    fn sequence(&mut self, what: &str, items: Vec<Numbered>) {
        let mut expected = Some(1);
        for it in items {
            if (self.aside)(&it.file, &it.pointer) {
                // A number set aside: the next one starts the count again.
                expected = None;
                continue;
            }
            let Some(expected) = expected.replace(it.number.saturating_add(1)) else {
                continue;
            };
            if it.number != expected {
                let hint = if it.number.saturating_add(1) == expected {
                    "番号が重なっています"
                } else if it.number > expected {
                    "番号が飛んでいます"
                } else {
                    "番号の順序が違います"
                };
                self.push(
                    &it.file,
                    it.pointer,
                    Some(it.item),
                    format!("{what}の番号が {} になっていますが、ここは {expected} のはずです（{hint}）。1 から順に、抜けや重なりのないように番号を付けてください", it.number),
                );
            }
            // Resynchronised above, so one wrong number is one problem, not a cascade.
        }
    }

    fn text(&mut self, file: &str, pointer: String, text: &str) {
        if text.trim().is_empty() {
            self.push(
                file,
                pointer,
                None,
                "文章が空です。文章を入れてください".into(),
            );
        }
    }

    fn scene(&mut self, file: &str, pointer: String, scene: &str) {
        if !self.known.scenes {
            return;
        }
        if !self.scenes.iter().any(|s| s == scene) {
            let list = self.scenes.join("、");
            let trimmed = scene.trim();
            if let Some(said) = spaces::around(scene)
                && self.scenes.iter().any(|s| s.trim() == trimmed)
            {
                let m =
                    format!("場面「{scene}」の{said}。空白を消して「{trimmed}」と書いてください");
                return self.push(file, pointer, None, m);
            }
            if let Some(s) = self.scenes.iter().find(|s| s.trim() == scene) {
                let said = spaces::around(s).unwrap_or_default();
                let m = format!(
                    "場面「{scene}」は edition.json の scenes にありません。scenes の「{s}」の{said}。scenes の空白を消してください"
                );
                return self.push(file, pointer, None, m);
            }
            self.push(
                file,
                pointer,
                None,
                format!("場面「{scene}」は edition.json の scenes にありません。次のどれかにするか、scenes に加えてください: {list}"),
            );
        }
    }
}

fn numbered(file: &str, pointer: String, item: String, number: u32) -> Numbered {
    Numbered {
        file: file.to_string(),
        pointer,
        item,
        number,
    }
}

/// Check the parts that loaded; rules across parts only when all of them did.
pub fn validate(
    ed: &Edition,
    parts: &[(&str, &Part)],
    complete: bool,
    known: Known,
    aside: &dyn Fn(&str, &str) -> bool,
) -> Vec<ContentError> {
    let mut c = Checker {
        scenes: &ed.scenes,
        statuses: ed.status_values(),
        known,
        aside,
        errors: Vec::new(),
    };
    let mut standards = Vec::new();
    let mut prefixes = HashSet::new();
    check_contact(&mut c, ed);
    for (i, s) in ed.scenes.iter().enumerate() {
        if let Some(said) = spaces::around(s) {
            let m = format!(
                "場面の名前「{s}」の{said}。空白を消してください（目標や基準の場面と一致しなくなります）"
            );
            c.push("edition.json", format!("/scenes/{i}"), None, m);
        }
    }
    for &(file, part) in parts {
        match part {
            Part::Principles(p) => {
                if p.principles.is_empty() {
                    let m = "基本理念の項目がありません。principles に項目を書くか、市の共通の基本理念を使うなら \"common_principles\": {} を書いてください";
                    c.push(file, "/principles".into(), None, m.into());
                }
                let items = p.principles.iter().enumerate();
                c.sequence(
                    "基本理念",
                    items
                        .clone()
                        .map(|(i, x)| {
                            numbered(
                                file,
                                format!("/principles/{i}/number"),
                                ItemId::Principle(x.number).label(),
                                x.number,
                            )
                        })
                        .collect(),
                );
                for (i, x) in items {
                    c.text(file, format!("/principles/{i}/text"), &x.text);
                }
            }
            Part::Sections(ch) => check_sections(&mut c, file, ch, &mut standards, &mut prefixes),
            Part::Free(_) => {}
            Part::Targets(t) => {
                check_policy(&mut c, file, &t.policy, "/policy", ItemId::TargetPolicy);
                check_targets(&mut c, file, t);
            }
            Part::Results(r) => {
                if known.year && r.fiscal_year >= ed.fiscal_year {
                    c.push(
                        file,
                        "/fiscal_year".into(),
                        Some("実施結果の年度".into()),
                        format!(
                            "実施結果の年度 {} は、この版の年度 {} より前の年度にしてください",
                            r.fiscal_year, ed.fiscal_year
                        ),
                    );
                }
                annex::results(&mut c, file, r);
            }
            Part::Regulation(r) => annex::regulation(&mut c, file, r),
            Part::Roster(r) => annex::roster(&mut c, file, r),
            Part::Memo(m) => annex::memo(&mut c, file, m),
        }
    }
    if complete {
        // Standards are numbered through all their tables, but for those
        // numbered on their own.
        c.sequence("区役所サービス基準", standards);
    }
    c.errors
}

fn check_policy(
    c: &mut Checker,
    file: &str,
    policy: &Policy,
    pointer: &str,
    id: fn(u32) -> ItemId,
) {
    if policy.items.is_empty() {
        let m = format!(
            "「{}」に方針の項目がありません。items に項目を書いてください（市の共通の方針を使うなら \"common_policy\": {{}} を書きます）",
            policy.title
        );
        c.push(file, format!("{pointer}/items"), None, m);
    }
    c.sequence(
        "向上方針",
        policy
            .items
            .iter()
            .enumerate()
            .map(|(i, x)| {
                numbered(
                    file,
                    format!("{pointer}/items/{i}/number"),
                    id(x.number).label(),
                    x.number,
                )
            })
            .collect(),
    );
    for (i, x) in policy.items.iter().enumerate() {
        c.text(file, format!("{pointer}/items/{i}/text"), &x.text);
    }
}

/// A per-table numbering needs a prefix of its own; a prefix needs per-table numbering.
fn check_numbering(
    c: &mut Checker,
    file: &str,
    tp: &str,
    table: &StandardTable,
    prefixes: &mut HashSet<String>,
) {
    let item = Some(format!("【{}】の表", table.title));
    match (table.numbering, table.prefix.as_deref().map(str::trim)) {
        (Numbering::PerTable, None | Some("")) => c.push(
            file,
            format!("{tp}/numbering"),
            item,
            "表ごとに番号を付ける（\"numbering\": \"per-table\"）ときは、番号の頭に付ける文字を \"prefix\" に書いてください（例: \"prefix\": \"独自\" で「独自1」）".into(),
        ),
        (Numbering::PerTable, Some(p)) => {
            if p.chars().any(|ch| ch.is_ascii_digit() || ('０'..='９').contains(&ch)) {
                c.push(file, format!("{tp}/prefix"), item, format!("番号の頭の文字「{p}」に数字は使えません（番号と続いて読めなくなります）。「独自」のような文字にしてください"));
            } else if !prefixes.insert(p.to_string()) {
                c.push(file, format!("{tp}/prefix"), item, format!("番号の頭の文字「{p}」がほかの表と重なっています。表ごとに別の文字にしてください"));
            }
        }
        (Numbering::Through, Some(_)) => c.push(
            file,
            format!("{tp}/prefix"),
            item,
            "\"prefix\" は表ごとに番号を付ける表だけに書けます。この表にも \"numbering\": \"per-table\" を書くか、\"prefix\" を消してください".into(),
        ),
        (Numbering::Through, None) => {}
    }
}

fn check_sections(
    c: &mut Checker,
    file: &str,
    ch: &SectionsChapter,
    standards: &mut Vec<Numbered>,
    prefixes: &mut HashSet<String>,
) {
    c.sequence(
        "節",
        ch.sections
            .iter()
            .enumerate()
            .map(|(i, s)| {
                numbered(
                    file,
                    format!("/sections/{i}/number"),
                    format!("{} {}", s.number, s.title),
                    s.number,
                )
            })
            .collect(),
    );
    for (i, s) in ch.sections.iter().enumerate() {
        let sp = format!("/sections/{i}");
        if let Some(policy) = &s.policy {
            check_policy(c, file, policy, &format!("{sp}/policy"), ItemId::Policy);
        }
        c.sequence(
            "項",
            s.subsections
                .iter()
                .enumerate()
                .map(|(j, x)| {
                    numbered(
                        file,
                        format!("{sp}/subsections/{j}/number"),
                        format!("{} の ({}) {}", s.title, x.number, x.title),
                        x.number,
                    )
                })
                .collect(),
        );
        for (t, table) in s.standard_tables.iter().enumerate() {
            let tp = format!("{sp}/standard_tables/{t}");
            check_numbering(c, file, &tp, table, prefixes);
            let prefix = table.item_prefix();
            let mut own = Vec::new();
            for (k, st) in table.standards.iter().enumerate() {
                let p = format!("{tp}/standards/{k}");
                let n = numbered(
                    file,
                    format!("{p}/number"),
                    ItemId::standard(prefix, st.number).label(),
                    st.number,
                );
                match table.numbering {
                    Numbering::Through => standards.push(n),
                    Numbering::PerTable => own.push(n),
                }
                c.text(file, format!("{p}/text"), &st.text);
                c.scene(file, format!("{p}/scene"), &st.scene);
            }
            c.sequence(&format!("区役所サービス基準（{}）", table.title), own);
        }
        for (j, sub) in s.subsections.iter().enumerate() {
            c.sequence(
                "ワーキングチームの期",
                sub.working_teams
                    .iter()
                    .enumerate()
                    .map(|(k, w)| {
                        numbered(
                            file,
                            format!("{sp}/subsections/{j}/working_teams/{k}/term"),
                            ItemId::Team(w.term).label(),
                            w.term,
                        )
                    })
                    .collect(),
            );
        }
    }
}

/// A .json file in the folder that `edition.json` does not list is probably a mistake.
pub fn unlisted_files(dir: &Path, chapters: &[FileRef], annex: &[FileRef]) -> Vec<ContentError> {
    // The lint settings (house style) are not content.
    // Compared in NFC: a listed file stored another way is one problem, said
    // where it is listed, not also an unlisted file.
    let listed: HashSet<String> = ["edition.json", crate::lint::style::FILE]
        .into_iter()
        .chain(chapters.iter().chain(annex).map(|r| r.file.as_str()))
        .map(super::normal::nfc)
        .collect();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut extra: Vec<String> = entries
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| n.ends_with(".json") && !listed.contains(&super::normal::nfc(n)))
        .collect();
    extra.sort();
    extra
        .into_iter()
        .map(|name| {
            let m = if name == crate::content::COMMON_FILE {
                "市の共通の内容のファイルは、版のフォルダではなく共通フォルダ（edition.json の common.folder に書くフォルダ）に置きます。共通フォルダに移してください"
            } else {
                "edition.json の chapters にも annex にも書かれていないファイルです。使うなら edition.json に加え、使わないなら削除してください"
            };
            ContentError::new(&name, m)
        })
        .collect()
}

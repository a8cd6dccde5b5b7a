//! Document rules that the JSON shape alone cannot express.

use std::collections::HashSet;

use super::model::*;
use super::{Content, ContentError, Part};

struct Checker<'a> {
    scenes: &'a [String],
    errors: Vec<ContentError>,
}

impl Checker<'_> {
    fn push(&mut self, file: &str, item: String, message: String) {
        self.errors.push(ContentError {
            file: file.to_string(),
            line: None,
            column: None,
            item: Some(item),
            message,
        });
    }

    /// Numbers must run 1, 2, 3… in the printed order.
    fn sequence(&mut self, file: &str, what: &str, numbers: impl Iterator<Item = (String, u32)>) {
        for (expected, (item, n)) in (1u32..).zip(numbers) {
            if n != expected {
                self.push(
                    file,
                    item,
                    format!("{what}の番号が {n} になっていますが、ここは {expected} のはずです。1 から順に、抜けや重なりのないように番号を付けてください"),
                );
                return;
            }
        }
    }

    fn text(&mut self, file: &str, item: impl FnOnce() -> String, text: &str) {
        if text.trim().is_empty() {
            self.push(file, item(), "本文が空です。文章を入れてください".into());
        }
    }

    fn scene(&mut self, file: &str, item: impl FnOnce() -> String, scene: &str) {
        if !self.scenes.iter().any(|s| s == scene) {
            let list = self.scenes.join("、");
            self.push(
                file,
                item(),
                format!("場面「{scene}」は edition.json の scenes にありません。次のどれかにするか、scenes に加えてください: {list}"),
            );
        }
    }
}

pub fn validate(content: &Content) -> Vec<ContentError> {
    let ed = &content.edition;
    let mut c = Checker {
        scenes: &ed.scenes,
        errors: Vec::new(),
    };
    let files = ed.chapters.iter().chain(&ed.annex).map(|r| r.file.as_str());
    let parts = content.chapters.iter().chain(&content.annex);
    for (file, part) in files.zip(parts) {
        match part {
            Part::Principles(p) => {
                c.sequence(
                    file,
                    "基本理念",
                    p.principles
                        .iter()
                        .map(|x| (format!("基本理念{}", x.number), x.number)),
                );
                for x in &p.principles {
                    c.text(file, || format!("基本理念{} の本文", x.number), &x.text);
                }
            }
            Part::Sections(ch) => check_sections(&mut c, file, ch),
            Part::Targets(t) => check_targets(&mut c, file, t),
            Part::Results(r) if r.fiscal_year >= ed.fiscal_year => c.push(
                file,
                "実施結果の年度".into(),
                format!(
                    "実施結果の年度 {} は、この版の年度 {} より前の年度にしてください",
                    r.fiscal_year, ed.fiscal_year
                ),
            ),
            _ => {}
        }
    }
    // Standards are numbered through all tables.
    c.sequence(
        "（区役所サービス基準）",
        "区役所サービス基準",
        content
            .standards()
            .map(|s| (format!("基準{}", s.number), s.number)),
    );
    unlisted_files(content, &mut c.errors);
    c.errors
}

fn check_sections(c: &mut Checker, file: &str, ch: &SectionsChapter) {
    c.sequence(
        file,
        "節",
        ch.sections
            .iter()
            .map(|s| (format!("{} {}", s.number, s.title), s.number)),
    );
    for s in &ch.sections {
        c.sequence(
            file,
            "項",
            s.subsections.iter().map(|x| {
                (
                    format!("{} の ({}) {}", s.title, x.number, x.title),
                    x.number,
                )
            }),
        );
        for t in &s.standard_tables {
            for st in &t.standards {
                c.text(file, || format!("基準{} の本文", st.number), &st.text);
                c.scene(file, || format!("基準{} の場面", st.number), &st.scene);
            }
        }
        for sub in &s.subsections {
            c.sequence(
                file,
                "ワーキングチームの期",
                sub.working_teams
                    .iter()
                    .map(|w| (format!("第{}期ワーキングチーム", w.term), w.term)),
            );
        }
    }
}

fn check_targets(c: &mut Checker, file: &str, t: &TargetsChapter) {
    let mut ids = HashSet::new();
    for div in &t.divisions {
        for d in &div.departments {
            let ok_id = !d.id.is_empty()
                && d.id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !ok_id {
                c.push(
                    file,
                    d.short_name.clone(),
                    format!(
                        "部署の id「{}」には半角の小文字英字・数字・ハイフンだけを使ってください",
                        d.id
                    ),
                );
            }
            if !ids.insert(d.id.as_str()) {
                c.push(
                    file,
                    d.short_name.clone(),
                    format!(
                        "部署の id「{}」が重複しています。部署ごとに別の id にしてください",
                        d.id
                    ),
                );
            }
            if d.targets.is_empty() {
                c.push(
                    file,
                    d.short_name.clone(),
                    "目標が一つもありません。少なくとも一つ入れてください".into(),
                );
            }
            c.sequence(
                file,
                "目標",
                d.targets
                    .iter()
                    .map(|x| (format!("{} 目標{}", d.short_name, x.number), x.number)),
            );
            for x in &d.targets {
                c.text(
                    file,
                    || format!("{} 目標{} の本文", d.short_name, x.number),
                    &x.text,
                );
                c.scene(
                    file,
                    || format!("{} 目標{} の場面", d.short_name, x.number),
                    &x.scene,
                );
            }
        }
    }
}

/// A .json file in the folder that `edition.json` does not list is probably a mistake.
fn unlisted_files(content: &Content, errors: &mut Vec<ContentError>) {
    let listed: HashSet<&str> = std::iter::once("edition.json")
        .chain(
            content
                .edition
                .chapters
                .iter()
                .chain(&content.edition.annex)
                .map(|r| r.file.as_str()),
        )
        .collect();
    let Ok(entries) = std::fs::read_dir(&content.dir) else {
        return;
    };
    let mut extra: Vec<String> = entries
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| n.ends_with(".json") && !listed.contains(n.as_str()))
        .collect();
    extra.sort();
    for name in extra {
        errors.push(ContentError {
            file: name,
            line: None,
            column: None,
            item: None,
            message: "edition.json の chapters にも annex にも書かれていないファイルです。使うなら edition.json に加え、使わないなら削除してください".into(),
        });
    }
}

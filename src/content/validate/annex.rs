//! Rules of the annex items: 条・項・号・細目 numbered in order, tables whose rows
//! match their columns, the memo's items in order, status words the edition declares.

use super::{Checker, numbered};
use crate::content::model::*;
use crate::view::regulation::KATAKANA;

pub(super) fn regulation(c: &mut Checker, file: &str, r: &Regulation) {
    articles(c, file, "/articles", "", &r.articles);
    for (i, p) in r.supplementary_provisions.iter().enumerate() {
        let within = format!("附則（{}）の", p.date.wareki());
        let pointer = format!("/supplementary_provisions/{i}/articles");
        articles(c, file, &pointer, &within, &p.articles);
    }
    for (i, t) in r.tables.iter().enumerate() {
        let tp = format!("/tables/{i}");
        if t.columns.is_empty() {
            c.push(
                file,
                format!("{tp}/columns"),
                Some(t.title.clone()),
                "別表の列の見出し（columns）がありません。列の見出しを入れてください".into(),
            );
        }
        rows(c, file, &tp, &t.title, t.columns.len(), &t.rows);
    }
}

fn articles(c: &mut Checker, file: &str, pointer: &str, within: &str, list: &[Article]) {
    let label = |n: u32| format!("{within}第{n}条");
    c.sequence(
        &format!("{within}条"),
        (list.iter().enumerate())
            .map(|(i, a)| {
                numbered(
                    file,
                    format!("{pointer}/{i}/number"),
                    label(a.number),
                    a.number,
                )
            })
            .collect(),
    );
    for (i, a) in list.iter().enumerate() {
        let ap = format!("{pointer}/{i}");
        let art = label(a.number);
        if !a.paragraphs.is_empty() && !a.clauses.is_empty() {
            c.push(file, format!("{ap}/paragraphs"), Some(art.clone()), "paragraphs と clauses の両方があります。項に分けて書くなら clauses だけにしてください".into());
        }
        c.sequence(
            "項",
            (a.clauses.iter().enumerate())
                .map(|(j, x)| {
                    numbered(
                        file,
                        format!("{ap}/clauses/{j}/number"),
                        format!("{art} 第{}項", x.number),
                        x.number,
                    )
                })
                .collect(),
        );
        for (j, x) in a.clauses.iter().enumerate() {
            let cp = format!("{ap}/clauses/{j}");
            c.text(file, format!("{cp}/text"), &x.text);
            let clause = format!("{art} 第{}項", x.number);
            c.sequence(
                "号",
                (x.items.iter().enumerate())
                    .map(|(k, it)| {
                        numbered(
                            file,
                            format!("{cp}/items/{k}/number"),
                            format!("{clause} 第{}号", it.number),
                            it.number,
                        )
                    })
                    .collect(),
            );
            for (k, it) in x.items.iter().enumerate() {
                let ip = format!("{cp}/items/{k}");
                c.text(file, format!("{ip}/text"), &it.text);
                let item = format!("{clause} 第{}号", it.number);
                c.sequence(
                    "細目",
                    (it.subitems.iter().enumerate())
                        .map(|(l, s)| {
                            numbered(
                                file,
                                format!("{ip}/subitems/{l}/number"),
                                format!("{item} の細目{}", s.number),
                                s.number,
                            )
                        })
                        .collect(),
                );
                let most = KATAKANA.chars().count();
                if it.subitems.len() > most {
                    c.push(
                        file,
                        format!("{ip}/subitems"),
                        Some(item.clone()),
                        format!("細目は {most} 個（ア〜ワ）までです。号を分けてください"),
                    );
                }
                for (l, s) in it.subitems.iter().enumerate() {
                    c.text(file, format!("{ip}/subitems/{l}/text"), &s.text);
                }
            }
        }
    }
}

/// Every row has one cell per column.
fn rows(
    c: &mut Checker,
    file: &str,
    pointer: &str,
    what: &str,
    columns: usize,
    rows: &[Vec<String>],
) {
    for (i, r) in rows.iter().enumerate() {
        if r.len() != columns {
            c.push(
                file,
                format!("{pointer}/rows/{i}"),
                Some(format!("{what} {}行目", i + 1)),
                format!("この行のセルは {} 個ですが、列は {columns} 個です。列の数に合わせてください（空のセルは \"\" と書きます）", r.len()),
            );
        }
    }
}

pub(super) fn roster(c: &mut Checker, file: &str, r: &Roster) {
    if !r.groups.is_empty() && r.columns.len() < 2 {
        c.push(file, "/columns".into(), Some(r.title.clone()), "groups を使うときは、列の見出し（columns）を区分の列から順に2つ以上書いてください（例: [\"区分\", \"職名\", \"氏名\"]）".into());
        return;
    }
    if !r.groups.is_empty() && !r.members.is_empty() {
        c.push(file, "/members".into(), Some(r.title.clone()), "members と groups の両方があります。どちらか一方にしてください（区分をまとめるなら groups）".into());
    }
    for (i, g) in r.groups.iter().enumerate() {
        let gp = format!("/groups/{i}");
        if g.rows.is_empty() {
            c.push(
                file,
                format!("{gp}/rows"),
                Some(format!("区分「{}」", g.label)),
                "区分に行が一つもありません。行を入れるか、区分を削除してください".into(),
            );
        }
        rows(
            c,
            file,
            &gp,
            &format!("区分「{}」の", g.label),
            r.columns.len() - 1,
            &g.rows,
        );
    }
}

pub(super) fn memo(c: &mut Checker, file: &str, m: &Memo) {
    c.sequence(
        "記の項目",
        (m.record.iter().enumerate())
            .map(|(i, x)| {
                numbered(
                    file,
                    format!("/record/{i}/number"),
                    format!("記の{}", x.number),
                    x.number,
                )
            })
            .collect(),
    );
    for (i, x) in m.record.iter().enumerate() {
        c.text(file, format!("/record/{i}/text"), &x.text);
    }
}

/// A status must be one of the edition's words.
pub(super) fn status(
    c: &mut Checker,
    file: &str,
    pointer: String,
    item: String,
    status: &Option<Status>,
) {
    let Some(s) = status else { return };
    if c.known.statuses && !c.statuses.iter().any(|x| x == s.as_str()) {
        let list = c.statuses.join("・");
        c.push(file, pointer, Some(item), format!("状況「{}」は使えません。{list} のどれかにするか、edition.json の statuses に加えてください", s.as_str()));
    }
}

pub(super) fn results(c: &mut Checker, file: &str, r: &Results) {
    for (i, row) in r.rows.iter().enumerate() {
        let item = format!("実施結果 {} 目標{}", row.department, row.number);
        status(c, file, format!("/rows/{i}/status"), item, &row.status);
    }
}

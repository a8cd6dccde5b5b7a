//! The annex items as comparable items: articles, 附則, 別表, the memo's fields
//! and items, the roster's rows and fields, the results' rows.

use super::cells;
use super::items::Item;
use crate::content::Part;
use crate::content::model::{Article, Paragraph, SubitemStyle};
use crate::item::{AnnexItem, ItemId, Reg};
use crate::view::regulation::{caption, full_width, kanji, katakana};

fn text(p: &Paragraph) -> String {
    crate::content::blocks::plain_text(p)
}

/// An article as printed, passage by passage: （目的）委員会は、…／一　…／ア　…／２　…
fn article_parts(a: &Article, style: SubitemStyle) -> Vec<String> {
    let mut parts = vec![format!("（{}）", caption(&a.caption))];
    parts.extend(a.paragraphs.iter().map(text));
    for (i, c) in a.clauses.iter().enumerate() {
        if i > 0 {
            parts.push(format!("{}　{}", full_width(c.number), c.text));
        } else {
            parts.push(c.text.clone());
        }
        for it in &c.items {
            parts.push(format!("{}　{}", kanji(it.number), it.text));
            for x in &it.subitems {
                parts.push(format!("{}　{}", katakana(x.number, style), x.text));
            }
        }
    }
    parts
}

/// The comparable items of one annex part (from `file`).
pub fn items(out: &mut Vec<Item>, file: &str, part: &Part) {
    let title = match part {
        Part::Regulation(r) => &r.title,
        Part::Memo(m) => &m.title,
        Part::Roster(r) => &r.title,
        Part::Results(r) => &r.title,
        _ => return,
    };
    let id = ItemId::Chapter(file.into(), title.clone());
    out.push(Item::new(id, vec![title.clone()]));
    let mut push = |a: AnnexItem, parts: Vec<String>| out.push(Item::new(ItemId::Annex(a), parts));
    match part {
        Part::Regulation(r) => {
            let reg = Reg::new(file, &r.title);
            for a in &r.articles {
                push(
                    AnnexItem::Article(reg.clone(), a.number),
                    article_parts(a, r.subitem_style),
                );
            }
            for (i, p) in r.supplementary_provisions.iter().enumerate() {
                let mut parts = vec![format!("附則（{}）", p.date.wareki())];
                parts.extend(p.paragraphs.iter().map(text));
                for a in &p.articles {
                    let mut article = article_parts(a, r.subitem_style);
                    article[0] = format!("第{}条{}", full_width(a.number), article[0]);
                    parts.extend(article);
                }
                push(AnnexItem::Provision(reg.clone(), i + 1), parts);
            }
            for (i, t) in r.tables.iter().enumerate() {
                let mut parts = vec![t.title.clone(), cells::header(&t.columns)];
                parts.extend(t.rows.iter().map(|r| cells::row(r)));
                push(AnnexItem::Table(reg.clone(), i + 1), parts);
            }
        }
        Part::Memo(m) => {
            let fields = [
                ("number", "文書番号", m.number.clone().into_iter().collect()),
                (
                    "date",
                    "日付",
                    m.date.map(|d| d.wareki()).into_iter().collect(),
                ),
                ("to", "宛先", m.to.clone()),
                ("from", "発信者", m.from.clone()),
                ("subject", "件名", m.subject.clone().into_iter().collect()),
                ("body", "本文", m.paragraphs.iter().map(text).collect()),
            ];
            for (k, name, v) in fields {
                if !v.is_empty() {
                    push(AnnexItem::MemoField(k, name), v);
                }
            }
            for x in &m.record {
                let parts = x.heading.iter().cloned().chain([x.text.clone()]).collect();
                push(AnnexItem::MemoItem(x.number), parts);
            }
        }
        Part::Roster(r) => {
            if let Some(d) = r.as_of {
                push(
                    AnnexItem::RosterField("as_of", "日付"),
                    vec![format!("{}現在", d.wareki())],
                );
            }
            if !r.columns.is_empty() {
                push(
                    AnnexItem::RosterField("columns", "列"),
                    vec![r.columns.join("｜")],
                );
            }
            for m in &r.members {
                let name = m.name.as_deref().unwrap_or("");
                let n = out_count(&r.members, &m.role, m);
                push(
                    AnnexItem::RosterRow(m.role.clone(), n),
                    vec![cells::row(&[m.post.clone(), name.to_string()])],
                );
            }
            for g in &r.groups {
                for (i, row) in g.rows.iter().enumerate() {
                    push(
                        AnnexItem::RosterRow(g.label.clone(), i + 1),
                        vec![cells::row(row)],
                    );
                }
            }
            if !r.notes.is_empty() {
                push(AnnexItem::RosterField("notes", "備考"), r.notes.clone());
            }
        }
        Part::Results(r) => {
            for row in &r.rows {
                // The label names the row; its target text is compared too.
                let mut parts = vec![row.target.clone()];
                for (name, v) in [
                    ("実施結果", row.result.as_deref()),
                    ("状況", row.status.as_ref().map(|x| x.as_str())),
                    ("備考", row.note.as_deref()),
                ] {
                    if let Some(v) = v {
                        parts.push(format!("{name}「{v}」"));
                    }
                }
                push(AnnexItem::Result(row.department.clone(), row.number), parts);
            }
        }
        _ => {}
    }
}

/// A member's row number within its 区分 (from 1).
fn out_count(
    members: &[crate::content::model::Member],
    role: &str,
    m: &crate::content::model::Member,
) -> usize {
    let same = members.iter().filter(|x| x.role == role);
    same.take_while(|x| !std::ptr::eq(*x, m)).count() + 1
}

//! The annex items as comparable items: articles, 附則, 別表, the memo's fields
//! and items, the roster's rows and fields, the results' rows.

use crate::content::Part;
use crate::content::model::{Article, Paragraph, SubitemStyle};
use crate::item::{AnnexItem, ItemId};
use crate::view::regulation::{full_width, kanji, katakana};

fn text(p: &Paragraph) -> String {
    crate::content::blocks::plain_text(p)
}

/// An article as printed: （目的）委員会は、…　一　…　ア　…　２　…
fn article_text(a: &Article, style: SubitemStyle) -> String {
    let mut s = format!("（{}）", a.caption);
    for p in &a.paragraphs {
        s.push_str(&text(p));
    }
    for (i, c) in a.clauses.iter().enumerate() {
        if i > 0 {
            s.push_str(&format!("　{}　", full_width(c.number)));
        }
        s.push_str(&c.text);
        for it in &c.items {
            s.push_str(&format!("　{}　{}", kanji(it.number), it.text));
            for x in &it.subitems {
                s.push_str(&format!("　{}　{}", katakana(x.number, style), x.text));
            }
        }
    }
    s
}

/// The comparable items of one annex part.
pub fn items(out: &mut Vec<(ItemId, String)>, part: &Part) {
    let mut push = |a: AnnexItem, t: String| out.push((ItemId::Annex(a), t));
    match part {
        Part::Regulation(r) => {
            for a in &r.articles {
                push(
                    AnnexItem::Article(a.number),
                    article_text(a, r.subitem_style),
                );
            }
            for (i, p) in r.supplementary_provisions.iter().enumerate() {
                let mut s = format!("附則（{}）", p.date.wareki());
                s.extend(p.paragraphs.iter().map(text));
                for a in &p.articles {
                    s.push_str(&format!(
                        "第{}条{}",
                        full_width(a.number),
                        article_text(a, r.subitem_style)
                    ));
                }
                push(AnnexItem::Provision(i + 1), s);
            }
            for (i, t) in r.tables.iter().enumerate() {
                let rows: Vec<String> = t.rows.iter().map(|r| r.join("｜")).collect();
                let s = format!("{}：{}／{}", t.title, t.columns.join("｜"), rows.join("／"));
                push(AnnexItem::Table(i + 1), s);
            }
        }
        Part::Memo(m) => {
            let fields = [
                ("number", "文書番号", m.number.clone()),
                ("date", "日付", m.date.map(|d| d.wareki())),
                (
                    "to",
                    "宛先",
                    Some(m.to.join("／")).filter(|s| !s.is_empty()),
                ),
                (
                    "from",
                    "発信者",
                    Some(m.from.join("／")).filter(|s| !s.is_empty()),
                ),
                ("subject", "件名", m.subject.clone()),
                (
                    "body",
                    "本文",
                    Some(m.paragraphs.iter().map(text).collect::<Vec<_>>().join("／"))
                        .filter(|s| !s.is_empty()),
                ),
            ];
            for (k, name, v) in fields {
                if let Some(v) = v {
                    push(AnnexItem::MemoField(k, name), v);
                }
            }
            for x in &m.record {
                let h = x
                    .heading
                    .as_deref()
                    .map(|h| format!("{h}　"))
                    .unwrap_or_default();
                push(AnnexItem::MemoItem(x.number), format!("{h}{}", x.text));
            }
        }
        Part::Roster(r) => {
            if let Some(d) = r.as_of {
                push(
                    AnnexItem::RosterField("as_of", "日付"),
                    format!("{}現在", d.wareki()),
                );
            }
            if !r.columns.is_empty() {
                push(
                    AnnexItem::RosterField("columns", "列"),
                    r.columns.join("｜"),
                );
            }
            for m in &r.members {
                let name = m.name.as_deref().unwrap_or("");
                let n = out_count(&r.members, &m.role, m);
                push(
                    AnnexItem::RosterRow(m.role.clone(), n),
                    format!("{}｜{name}", m.post),
                );
            }
            for g in &r.groups {
                for (i, row) in g.rows.iter().enumerate() {
                    push(AnnexItem::RosterRow(g.label.clone(), i + 1), row.join("｜"));
                }
            }
            if !r.notes.is_empty() {
                push(AnnexItem::RosterField("notes", "備考"), r.notes.join("／"));
            }
        }
        Part::Results(r) => {
            for row in &r.rows {
                // The label names the row; its target text is compared too.
                let mut s = row.target.clone();
                for (name, v) in [
                    ("実施結果", row.result.as_deref()),
                    ("状況", row.status.as_ref().map(|x| x.as_str())),
                    ("備考", row.note.as_deref()),
                ] {
                    if let Some(v) = v {
                        s.push_str(&format!("／{name}「{v}」"));
                    }
                }
                push(AnnexItem::Result(row.department.clone(), row.number), s);
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

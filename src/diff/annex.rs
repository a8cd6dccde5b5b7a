//! The annex items as comparable items: articles, 附則, 別表, the memo's fields
//! and items, the roster's rows and fields, the results' rows.

use super::cells;
use super::items::Item;
use super::text::Names;
use crate::content::Part;
use crate::content::model::{Article, Paragraph, SubitemStyle};
use crate::item::{AnnexItem, AnnexPart, ItemId};
use crate::view::regulation::{caption, flat_marks, full_width, kanji, katakana};

fn texts(ps: &[Paragraph], names: &Names) -> Vec<String> {
    ps.iter().flat_map(|p| names.passages(p)).collect()
}

/// An article as printed, passage by passage: （目的）委員会は、…／一　…／ア　…／２　…
/// The flat form's paragraphs carry the marks the edition prints (flat_marks):
/// ２　…, (1)　… in place of a typed 「2 」「(1) 」.
fn article_parts(a: &Article, style: SubitemStyle, names: &Names) -> Vec<String> {
    let mut parts = vec![format!("（{}）", caption(&a.caption))];
    for (p, m) in a.paragraphs.iter().zip(flat_marks(&a.paragraphs)) {
        let mut passages = names.passages(p);
        if let (Some(mark), Some(first)) = (m.mark, passages.first_mut()) {
            *first = format!(
                "{mark}　{}",
                first.chars().skip(m.typed).collect::<String>()
            );
        }
        parts.extend(passages);
    }
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

/// How labels name a part: a regulation by its title (an edition may hold
/// several, and a clerk cites it by name); the others by their kind (名簿), or by
/// their title when the edition has another part of their kind.
pub fn part_name(part: &Part, parts: &[Part]) -> String {
    let kind = std::mem::discriminant(part);
    let alone = parts
        .iter()
        .filter(|p| std::mem::discriminant(*p) == kind)
        .count()
        == 1;
    match part {
        Part::Regulation(r) => r.title.clone(),
        Part::Roster(r) if !alone => r.title.clone(),
        Part::Memo(m) if !alone => m.title.clone(),
        Part::Results(r) if !alone => r.title.clone(),
        Part::Roster(_) => "名簿".into(),
        Part::Memo(_) => "通知".into(),
        _ => "実施結果".into(),
    }
}

/// The comparable items of one annex part (from `file`), named `name`.
pub fn items(out: &mut Vec<Item>, file: &str, name: &str, part: &Part, names: &Names) {
    // The part's own words: its title, and its 【未収録】 note.
    let (title, gap) = match part {
        Part::Regulation(r) => (&r.title, &r.gap),
        Part::Memo(m) => (&m.title, &m.gap),
        Part::Roster(r) => (&r.title, &r.gap),
        Part::Results(r) => (&r.title, &r.gap),
        _ => return,
    };
    let id = ItemId::Chapter(file.into(), title.clone());
    let gap = gap.as_ref().map(|g| format!("【未収録】{g}"));
    out.push(Item::new(
        id,
        std::iter::once(title.clone()).chain(gap).collect(),
    ));
    let within = AnnexPart {
        file: file.to_string(),
        name: name.to_string(),
    };
    let mut push = |a: AnnexItem, parts: Vec<String>| {
        out.push(Item::new(ItemId::Annex(within.clone(), a), parts))
    };
    match part {
        Part::Regulation(r) => {
            for a in &r.articles {
                push(
                    AnnexItem::Article(a.number),
                    article_parts(a, r.subitem_style, names),
                );
            }
            if !r.supplementary.is_empty() {
                let mut parts = vec!["附則".to_string()];
                parts.extend(texts(&r.supplementary, names));
                push(AnnexItem::Supplementary, parts);
            }
            for (i, p) in r.supplementary_provisions.iter().enumerate() {
                let mut parts = vec![format!("附則（{}）", p.date.wareki())];
                parts.extend(texts(&p.paragraphs, names));
                for a in &p.articles {
                    let mut article = article_parts(a, r.subitem_style, names);
                    article[0] = format!("第{}条{}", full_width(a.number), article[0]);
                    parts.extend(article);
                }
                push(AnnexItem::Provision(i + 1), parts);
            }
            for (i, t) in r.tables.iter().enumerate() {
                let mut parts = vec![t.title.clone(), cells::header(&t.columns)];
                parts.extend(t.rows.iter().map(|r| cells::row(r)));
                push(AnnexItem::Table(i + 1), parts);
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
                ("body", "本文", texts(&m.paragraphs, names)),
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

//! The regulation annex as printed: 第１条, 項 numbers from the second,
//! 号 in kanji numerals, 細目 in katakana, dated 附則 and 別表.

use serde::Serialize;

use super::Changed;
use super::text::{Para, Piece, Refs, para, paras};
use crate::content::model::{Article, Regulation, SubitemStyle};
use crate::item::AnnexItem;

#[derive(Debug, Clone, Serialize)]
pub struct RegulationView {
    pub articles: Vec<ArticleView>,
    /// 附則 in the flat form, under one 「附　則」.
    pub supplementary: Vec<Para>,
    /// The flat 附則 changed since the previous edition (a draft's bar).
    pub supplementary_changed: bool,
    pub provisions: Vec<ProvisionView>,
    pub tables: Vec<TableView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleView {
    /// 第１条
    pub mark: String,
    pub caption: String,
    /// 項 in order; the first follows the article's mark on its line.
    pub clauses: Vec<ClauseView>,
    /// Changed since the previous edition (a draft's bar).
    pub changed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClauseView {
    /// ２, ３… (none for the first 項, or for a paragraph of the flat form).
    pub mark: Option<String>,
    pub text: Para,
    pub items: Vec<ItemView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    /// 一, 二…; ア or (ア) for a 細目.
    pub mark: String,
    pub text: String,
    pub subitems: Vec<ItemView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProvisionView {
    /// 附則（令和２年４月１日）
    pub heading: String,
    pub paragraphs: Vec<Para>,
    pub articles: Vec<ArticleView>,
    pub changed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct TableView {
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub changed: bool,
}

/// Digits as regulations print them: 12 → １２.
pub fn full_width(n: u32) -> String {
    full_width_digits(&n.to_string())
}

/// A date as regulations print it: 令和２年４月１日.
fn full_width_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// 号 numbers: 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九.
pub fn kanji(n: u32) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, ones) = ((n / 10) as usize, (n % 10) as usize);
    match tens {
        0 => D[ones].to_string(),
        1 => format!("十{}", D[ones]),
        t if t < 10 => format!("{}十{}", D[t], D[ones]),
        _ => n.to_string(),
    }
}

/// The katakana order of 細目 (イロハ is not used in modern regulations).
pub const KATAKANA: &str =
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ";

pub fn katakana(n: u32, style: SubitemStyle) -> String {
    let k = (KATAKANA.chars().nth(n.saturating_sub(1) as usize))
        .map_or_else(|| n.to_string(), String::from);
    match style {
        SubitemStyle::Katakana => k,
        SubitemStyle::ParenKatakana => format!("（{k}）"),
    }
}

fn article(a: &Article, style: SubitemStyle, refs: &Refs, changed: bool) -> ArticleView {
    let flat = (a.paragraphs.iter()).map(|p| ClauseView {
        mark: None,
        text: para(p, refs),
        items: Vec::new(),
    });
    let clauses = a.clauses.iter().enumerate().map(|(i, c)| ClauseView {
        mark: (i > 0).then(|| full_width(c.number)),
        text: vec![Piece::Text {
            text: c.text.clone(),
        }],
        items: (c.items.iter())
            .map(|it| ItemView {
                mark: kanji(it.number),
                text: it.text.clone(),
                subitems: (it.subitems.iter())
                    .map(|s| ItemView {
                        mark: katakana(s.number, style),
                        text: s.text.clone(),
                        subitems: Vec::new(),
                    })
                    .collect(),
            })
            .collect(),
    });
    ArticleView {
        mark: format!("第{}条", full_width(a.number)),
        caption: a.caption.clone(),
        clauses: flat.chain(clauses).collect(),
        changed,
    }
}

impl RegulationView {
    pub fn new(r: &Regulation, refs: &Refs, changed: &Changed) -> Self {
        let style = r.subitem_style;
        let is = |a: AnnexItem| changed.annex(&a);
        RegulationView {
            articles: (r.articles.iter())
                .map(|a| article(a, style, refs, is(AnnexItem::Article(a.number))))
                .collect(),
            supplementary: paras(&r.supplementary, refs),
            supplementary_changed: is(AnnexItem::Supplementary),
            provisions: (r.supplementary_provisions.iter().enumerate())
                .map(|(i, p)| ProvisionView {
                    heading: format!("附則（{}）", full_width_digits(&p.date.wareki())),
                    paragraphs: paras(&p.paragraphs, refs),
                    articles: (p.articles.iter())
                        .map(|a| article(a, style, refs, false))
                        .collect(),
                    changed: is(AnnexItem::Provision(i + 1)),
                })
                .collect(),
            tables: (r.tables.iter().enumerate())
                .map(|(i, t)| TableView {
                    title: t.title.clone(),
                    columns: t.columns.clone(),
                    rows: t.rows.clone(),
                    changed: is(AnnexItem::Table(i + 1)),
                })
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
            && self.supplementary.is_empty()
            && self.provisions.is_empty()
            && self.tables.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_regulations_print_them() {
        assert_eq!(full_width(12), "１２");
        assert_eq!(kanji(1), "一");
        assert_eq!(kanji(10), "十");
        assert_eq!(kanji(12), "十二");
        assert_eq!(kanji(20), "二十");
        assert_eq!(katakana(3, SubitemStyle::Katakana), "ウ");
        assert_eq!(katakana(1, SubitemStyle::ParenKatakana), "（ア）");
    }
}

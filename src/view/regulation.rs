//! The regulation annex as printed: 第１条, 項 numbers from the second,
//! 号 in kanji numerals, 細目 in katakana, dated 附則 and 別表.

use serde::Serialize;

use super::Changed;
use super::text::{Para, Piece, Refs, para, paras};
use crate::content::model::{Article, Inline, Paragraph, Regulation, SubitemStyle};
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
    /// Its JSON pointer (`/articles/0`).
    pub src: String,
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
    /// The JSON pointer of its text (`/articles/0/clauses/1/text`, or a flat
    /// paragraph's `/articles/0/paragraphs/1`).
    pub src: String,
    /// ２, ３… (none for the first 項); in the flat form, a paragraph's typed
    /// mark ((1), 一…) when it is an item.
    pub mark: Option<String>,
    /// 0 for a 項, 1 for an item typed as a paragraph of the flat form.
    pub depth: u32,
    pub text: Para,
    pub items: Vec<ItemView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    /// The JSON pointer of its text.
    pub src: String,
    /// 一, 二…; ア or (ア) for a 細目.
    pub mark: String,
    pub text: String,
    pub subitems: Vec<ItemView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProvisionView {
    pub src: String,
    /// 附則（令和２年４月１日）
    pub heading: String,
    pub paragraphs: Vec<Para>,
    pub articles: Vec<ArticleView>,
    pub changed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct TableView {
    pub src: String,
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

/// A caption as printed inside its parentheses: written 「目的」 or 「（目的）」
/// (the clerk copying it from a printed 要綱), it prints 「（目的）」 once.
pub fn caption(written: &str) -> &str {
    let s = written.trim();
    [('（', '）'), ('(', ')')]
        .iter()
        .find_map(|&(open, close)| {
            let inner = s.strip_prefix(open)?.strip_suffix(close)?;
            // 「（目的）及び（定義）」 is two captions' text, not one in parentheses.
            (!inner.contains(['（', '(', '）', ')'])).then_some(inner)
        })
        .unwrap_or(written)
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

/// The article at `src` (a JSON pointer).
fn article(
    src: String,
    a: &Article,
    style: SubitemStyle,
    refs: &Refs,
    changed: bool,
) -> ArticleView {
    let flat = flat(&src, &a.paragraphs, refs);
    let clauses = a.clauses.iter().enumerate().map(|(i, c)| ClauseView {
        src: format!("{src}/clauses/{i}/text"),
        depth: 0,
        mark: (i > 0).then(|| full_width(c.number)),
        text: vec![Piece::Text {
            text: c.text.clone(),
        }],
        items: (c.items.iter().enumerate())
            .map(|(j, it)| ItemView {
                src: format!("{src}/clauses/{i}/items/{j}/text"),
                mark: kanji(it.number),
                text: it.text.clone(),
                subitems: (it.subitems.iter().enumerate())
                    .map(|(k, s)| ItemView {
                        src: format!("{src}/clauses/{i}/items/{j}/subitems/{k}/text"),
                        mark: katakana(s.number, style),
                        text: s.text.clone(),
                        subitems: Vec::new(),
                    })
                    .collect(),
            })
            .collect(),
    });
    let clauses = flat.into_iter().chain(clauses).collect();
    ArticleView {
        src,
        mark: format!("第{}条", full_width(a.number)),
        caption: caption(&a.caption).to_string(),
        clauses,
        changed,
    }
}

/// The paragraphs of an article in the flat form, set as 項 are (see `flat_marks`).
fn flat(article: &str, paragraphs: &[Paragraph], refs: &Refs) -> Vec<ClauseView> {
    (paragraphs.iter().zip(flat_marks(paragraphs)).enumerate())
        .map(|(i, (p, m))| {
            let mut text = para(p, refs);
            if let Some(Piece::Text { text }) = text.first_mut() {
                *text = text.chars().skip(m.typed).collect();
            }
            ClauseView {
                src: format!("{article}/paragraphs/{i}"),
                mark: m.mark,
                depth: m.depth,
                text,
                items: Vec::new(),
            }
        })
        .collect()
}

/// How the flat form prints one paragraph of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlatMark {
    /// ２, ３…, or an item's mark as typed ((1), 一…); none for the first.
    pub mark: Option<String>,
    /// 0 for a 項, 1 for an item typed as a paragraph.
    pub depth: u32,
    /// The characters at the start of the paragraph's text that are its typed
    /// mark and the spaces after it: printed as the mark, not as text.
    pub typed: usize,
}

/// The marks of an article's paragraphs in the flat form, as the edition
/// prints them and the 新旧対照表 shows them: the first after the article's
/// mark, the next numbered ２, ３… with a hanging indent. A number typed at a
/// paragraph's start (「2 委員長は…」) is its mark; a paragraph typed as an item
/// (「(1) …」「一　…」) hangs one step further in, under its mark.
pub fn flat_marks(paragraphs: &[Paragraph]) -> Vec<FlatMark> {
    let mut number = 1;
    let mut out = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        let lead = match p {
            Paragraph::Text(t) => Some(t.as_str()),
            Paragraph::Mixed(m) => match m.first() {
                Some(Inline::Text(t)) => Some(t.as_str()),
                _ => None,
            },
            _ => None,
        };
        let (mark, depth, typed) = match lead.filter(|_| i > 0).and_then(typed_mark) {
            Some((Typed::Clause(n), typed)) => {
                number = n;
                (Some(full_width(n)), 0, typed)
            }
            Some((Typed::Item(mark), typed)) => (Some(mark), 1, typed),
            None if i == 0 || !matches!(p, Paragraph::Text(_) | Paragraph::Mixed(_)) => {
                (None, 0, 0)
            }
            None => {
                number += 1;
                (Some(full_width(number)), 0, 0)
            }
        };
        out.push(FlatMark { mark, depth, typed });
    }
    out
}

enum Typed {
    /// 「2 」「２　」: the 項's number.
    Clause(u32),
    /// 「(1) 」「（ア）」「一　」: an item's mark as typed.
    Item(String),
}

/// The mark typed at the start of `text` (a space after it), and how many
/// characters it takes with the spaces after it.
fn typed_mark(text: &str) -> Option<(Typed, usize)> {
    let (head, rest) = text.split_once([' ', '　'])?;
    let half = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                c => c,
            })
            .collect()
    };
    let paren = (head.strip_prefix(['(', '（']))
        .and_then(|h| h.strip_suffix([')', '）']))
        .filter(|h| h.chars().count() <= 3);
    let typed = if let Some(n) = half(head)
        .parse()
        .ok()
        .filter(|_| head.chars().count() <= 3)
    {
        Typed::Clause(n)
    } else if paren.is_some_and(|h| {
        h.chars()
            .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
            || (h.chars().count() == 1 && KATAKANA.contains(h))
    }) || (!head.is_empty() && head.chars().all(|c| "一二三四五六七八九十".contains(c)))
        || (head.chars().count() == 1 && KATAKANA.contains(head))
    {
        Typed::Item(head.to_string())
    } else {
        return None;
    };
    let rest = rest.trim_start_matches([' ', '　']);
    Some((typed, text.chars().count() - rest.chars().count()))
}

impl RegulationView {
    /// The regulation `r`, read from `file`.
    pub fn new(r: &Regulation, refs: &Refs, changed: &Changed) -> Self {
        let style = r.subitem_style;
        let is = |a: AnnexItem| changed.annex(&a);
        RegulationView {
            articles: (r.articles.iter().enumerate())
                .map(|(i, a)| {
                    let changed = is(AnnexItem::Article(a.number));
                    article(format!("/articles/{i}"), a, style, refs, changed)
                })
                .collect(),
            supplementary: paras(&r.supplementary, refs),
            supplementary_changed: is(AnnexItem::Supplementary),
            provisions: (r.supplementary_provisions.iter().enumerate())
                .map(|(i, p)| ProvisionView {
                    src: format!("/supplementary_provisions/{i}"),
                    heading: format!("附則（{}）", full_width_digits(&p.date.wareki())),
                    paragraphs: paras(&p.paragraphs, refs),
                    articles: (p.articles.iter().enumerate())
                        .map(|(j, a)| {
                            let src = format!("/supplementary_provisions/{i}/articles/{j}");
                            article(src, a, style, refs, false)
                        })
                        .collect(),
                    changed: is(AnnexItem::Provision(i + 1)),
                })
                .collect(),
            tables: (r.tables.iter().enumerate())
                .map(|(i, t)| TableView {
                    src: format!("/tables/{i}"),
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

    #[test]
    fn a_mark_typed_at_a_flat_paragraphs_start_is_taken_as_its_mark() {
        let typed = |s: &str| match typed_mark(s) {
            Some((t, n)) => {
                let mark = match t {
                    Typed::Clause(n) => format!("項{n}"),
                    Typed::Item(m) => format!("号{m}"),
                };
                (Some(mark), s.chars().skip(n).collect::<String>())
            }
            None => (None, s.to_string()),
        };
        assert_eq!(typed("2 委員長は"), (Some("項2".into()), "委員長は".into()));
        assert_eq!(
            typed("２　委員長は"),
            (Some("項2".into()), "委員長は".into())
        );
        assert_eq!(typed("(1) 策定"), (Some("号(1)".into()), "策定".into()));
        assert_eq!(
            typed("（ア）　報告"),
            (Some("号（ア）".into()), "報告".into())
        );
        assert_eq!(
            typed("十二　その他"),
            (Some("号十二".into()), "その他".into())
        );
        for plain in ["委員は、再任される。", "十分 に", "（アイ） x", "2024 年"]
        {
            assert_eq!(typed(plain), (None, plain.into()), "{plain}");
        }
    }

    #[test]
    fn a_caption_written_in_parentheses_prints_one_pair() {
        for written in ["目的", "（目的）", "(目的)", " （目的） "] {
            assert_eq!(caption(written), "目的", "{written}");
        }
        assert_eq!(caption("（目的）及び（定義）"), "（目的）及び（定義）");
        assert_eq!(caption("委員会（部会を含む。）"), "委員会（部会を含む。）");
    }
}

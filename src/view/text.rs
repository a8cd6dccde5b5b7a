//! Paragraphs with their computed pieces resolved, and numbered items with their
//! identity, printed mark and change flag.

use std::collections::HashMap;

use serde::Serialize;

use super::Changed;
use super::blocks::{self, ListView, TableView};
use super::chapters::chapter_anchor;
use crate::content::blocks::Place;
use crate::content::model::{Inline, ListMarks, NumberedItem, Paragraph, RefTarget};
use crate::content::{Content, Part};
use crate::item::ItemId;

/// A paragraph: its pieces in order, all on one source line when printed.
pub type Para = Vec<Piece>;

/// A piece of a paragraph: literal text, or a computed cross reference.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Piece {
    Text {
        text: String,
    },
    /// The printed page range of the target chapter (P10～P15 in the PDF, a link
    /// to the chapter on the web).
    TargetPages {
        /// The anchor of the chapter referred to.
        anchor: String,
        /// Its title, the link text on the web.
        title: String,
    },
    /// The printed page of an item (P12, or 資料3, in the PDF; a link on the web).
    PageOf {
        anchor: String,
        title: String,
    },
    /// A list in a paragraph's place.
    List(ListView),
    /// A simple table in a paragraph's place.
    Table(TableView),
}

/// Where cross references point: the target chapter, when the edition has one,
/// and every item a `page_of` may name.
pub struct Refs {
    /// The target chapter's anchor and title.
    pub targets: Option<(String, String)>,
    /// The places a `page_of` may name (`dept:kumin`,
    /// `file:annex-1-regulation.json`, `section:2-approach.json#3`) → (anchor, title).
    pub pages: HashMap<Place, (String, String)>,
}

impl Refs {
    pub fn new(content: &Content) -> Self {
        let targets = content
            .chapters
            .iter()
            .enumerate()
            .find_map(|(i, p)| match p {
                Part::Targets(t) => Some((chapter_anchor(i + 1), t.title.clone())),
                _ => None,
            });
        Refs {
            targets,
            pages: super::blocks::page_targets(content),
        }
    }
}

pub fn paras(ps: &[Paragraph], refs: &Refs) -> Vec<Para> {
    ps.iter().map(|p| para(p, refs)).collect()
}

pub fn para(p: &Paragraph, refs: &Refs) -> Para {
    match p {
        Paragraph::Text(t) => vec![Piece::Text { text: t.clone() }],
        Paragraph::Mixed(pieces) => pieces.iter().map(|piece| inline(piece, refs)).collect(),
        Paragraph::List(l) => vec![Piece::List(blocks::list(
            &l.list,
            "/list",
            l.marks.unwrap_or(ListMarks::Bullet),
            refs,
        ))],
        Paragraph::Table(t) => vec![Piece::Table(blocks::table(&t.table))],
    }
}

/// A piece of text: literal, or computed from the layout. A `page_of` naming
/// nothing (which validation refuses) is printed as written.
pub fn inline(piece: &Inline, refs: &Refs) -> Piece {
    match piece {
        Inline::Text(t) => Piece::Text { text: t.clone() },
        Inline::Ref(r) => match r.target {
            RefTarget::TargetPages => {
                let (anchor, title) = refs.targets.clone().unwrap_or_default();
                Piece::TargetPages { anchor, title }
            }
        },
        Inline::PageOf(p) => match Place::parse(&p.page_of).and_then(|k| refs.pages.get(&k)) {
            Some((anchor, title)) => Piece::PageOf {
                anchor: anchor.clone(),
                title: title.clone(),
            },
            None => Piece::Text {
                text: p.page_of.clone(),
            },
        },
    }
}

/// A numbered title with its text: a principle or a policy item.
#[derive(Debug, Clone, Serialize)]
pub struct Numbered {
    pub item: ItemId,
    /// Its JSON pointer in its file (`/principles/2`): where its source marks point.
    pub src: String,
    pub number: u32,
    /// The number as printed: 1, or ① where the plan circles it.
    pub mark: String,
    pub title: String,
    pub text: String,
    pub changed: bool,
}

/// How a list of numbered items prints its numbers.
#[derive(Clone, Copy)]
pub enum Marks {
    Plain,
    Circled,
}

/// The items of the array at `base` (a JSON pointer) of their file.
pub fn numbered(
    items: &[NumberedItem],
    base: &str,
    id: fn(u32) -> ItemId,
    marks: Marks,
    changed: &Changed,
) -> Vec<Numbered> {
    items
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let item = id(x.number);
            Numbered {
                src: format!("{base}/{i}"),
                changed: changed.contains(&item),
                item,
                number: x.number,
                mark: match marks {
                    Marks::Plain => x.number.to_string(),
                    Marks::Circled => circled(x.number),
                },
                title: x.title.clone(),
                text: x.text.clone(),
            }
        })
        .collect()
}

/// ① … ㊿ (Unicode has circled numbers up to 50); larger numbers print plain.
pub fn circled(n: u32) -> String {
    let c = match n {
        1..=20 => char::from_u32(0x2460 + n - 1),
        21..=35 => char::from_u32(0x3251 + n - 21),
        36..=50 => char::from_u32(0x32B1 + n - 36),
        _ => None,
    };
    c.map_or_else(|| n.to_string(), String::from)
}

#[cfg(test)]
mod tests {
    #[test]
    fn circled_numbers_up_to_fifty() {
        use super::circled;
        assert_eq!(circled(1), "①");
        assert_eq!(circled(20), "⑳");
        assert_eq!(circled(21), "㉑");
        assert_eq!(circled(36), "㊱");
        assert_eq!(circled(50), "㊿");
        assert_eq!(circled(51), "51");
    }
}

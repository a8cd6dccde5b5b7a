//! A chapter of the edition's own (問合せ先, 今後の方向性…) as the templates show
//! it: its sections numbered as printed, each with its change flag.

use serde::Serialize;

use super::Changed;
use super::text::{Para, Piece, Refs, paras};
use crate::content::model::FreeChapter;
use crate::item::ItemId;

#[derive(Debug, Clone, Serialize)]
pub struct FreeView {
    pub paragraphs: Vec<Para>,
    pub sections: Vec<FreeSectionView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FreeSectionView {
    pub item: ItemId,
    /// Its JSON pointer in the chapter's file (`/sections/0`).
    pub src: String,
    /// 1, 2… in printed order.
    pub number: usize,
    pub title: String,
    pub anchor: String,
    pub paragraphs: Vec<Para>,
    pub subsections: Vec<FreeSubsectionView>,
    pub changed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct FreeSubsectionView {
    pub src: String,
    /// (1), (2)… in printed order.
    pub number: usize,
    pub title: String,
    pub paragraphs: Vec<Para>,
}

impl FreeView {
    /// (name, text) of its sections' titles and plain paragraphs, for messages.
    pub fn named_texts(&self, out: &mut Vec<(String, String)>) {
        for s in &self.sections {
            out.push((s.item.label(), s.title.clone()));
            for p in &s.paragraphs {
                let text: String = p
                    .iter()
                    .filter_map(|piece| match piece {
                        Piece::Text { text } => Some(text.as_str()),
                        _ => None,
                    })
                    .collect();
                out.push((s.item.label(), text));
            }
        }
    }
}

pub fn view(anchor: &str, file: &str, c: &FreeChapter, refs: &Refs, changed: &Changed) -> FreeView {
    FreeView {
        paragraphs: paras(&c.paragraphs, refs),
        sections: (c.sections.iter().enumerate())
            .map(|(i, s)| {
                let item = ItemId::FreeSection(file.to_string(), c.title.clone(), i as u32 + 1);
                FreeSectionView {
                    src: format!("/sections/{i}"),
                    changed: changed.contains(&item),
                    item,
                    number: i + 1,
                    title: s.title.clone(),
                    anchor: format!("{anchor}-{}", i + 1),
                    paragraphs: paras(&s.paragraphs, refs),
                    subsections: (s.subsections.iter().enumerate())
                        .map(|(j, sub)| FreeSubsectionView {
                            src: format!("/sections/{i}/subsections/{j}"),
                            number: j + 1,
                            title: sub.title.clone(),
                            paragraphs: paras(&sub.paragraphs, refs),
                        })
                        .collect(),
                }
            })
            .collect(),
    }
}

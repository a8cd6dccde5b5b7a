//! The identity of a printed item: one type for the key that marks it (change
//! bars, diff, spreadsheets) and the label a clerk reads (「区民課 目標2」).
//! Nothing else in planpress writes an item's key or label by hand.

use serde::ser::{Serialize, SerializeMap, Serializer};

/// An item that can be compared between editions and named in a message.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemId {
    /// 基本理念1
    Principle(u32),
    /// 向上方針1 (the framed policy of the sections chapter)
    Policy(u32),
    /// 目標の章の向上方針1 (the policy as the targets chapter restates it)
    TargetPolicy(u32),
    /// 基準12 (numbered through the tables: no prefix), or 基準 独自3 (a table
    /// numbered on its own, with its prefix)
    Standard(String, u32),
    /// 第3期ワーキングチーム
    Team(u32),
    /// 区民課 目標2, or 区民課 戸籍担当 目標2 for a unit's target
    Target(Dept, u32),
    /// A section of a chapter of the edition's own: (file, chapter title, number
    /// from 1), 「今後の方向性 2」.
    FreeSection(String, String, u32),
    /// The text of a numbered section (its paragraphs and subsections'): (file,
    /// number, title), 「節 2 今年度の取組方法」.
    Section(String, u32, String),
    /// 表紙 (edition.json: title, cover lines, publication)
    Cover,
    /// 向上方針の日付・署名 (edition.json)
    Signature,
    /// A chapter's or annex part's own words: its title, lead and notes (file, title).
    Chapter(String, String),
    /// 基本理念の標語 (the motto and the pledge)
    Motto,
    /// A unit of the organisation, 部・課・担当, by its id: its names and where it stands.
    Unit(Dept),
    /// A table of standards: its title and lead (file, section number, table from 1).
    StandardTable(String, u32, usize),
    /// 事務局 (edition.json)
    Secretariat,
    /// 問合せ先 (edition.json)
    Contact,
    /// A piece of an annex part: 要綱 第1条, 通知 件名…
    Annex(AnnexPart, AnnexItem),
}

/// The annex part a piece belongs to: its file (an edition may have two
/// regulations, each with its 第1条) and how labels name it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AnnexPart {
    pub file: String,
    /// 要綱, 名簿, 通知, 実施結果; the part's title when the edition has two
    /// parts of its kind.
    pub name: String,
}

/// The comparable pieces of the annex items.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AnnexItem {
    /// 要綱 第1条 (its caption and all its 項・号・細目)
    Article(u32),
    /// 要綱 附則 (the older, flat form: paragraphs under one 「附　則」)
    Supplementary,
    /// 要綱 附則2 (the second 附則, with its date)
    Provision(usize),
    /// 要綱 別表1
    Table(usize),
    /// 通知 件名: the field's key and its name
    MemoField(&'static str, &'static str),
    /// 通知 記の1
    MemoItem(u32),
    /// 名簿 日付・列・備考: the field's key and its name
    RosterField(&'static str, &'static str),
    /// 名簿 委員 2行目: the 区分 and the row (from 1)
    RosterRow(String, usize),
    /// 実施結果 区民課 目標2
    Result(String, u32),
}

/// The key of a piece of the annex part in `file`: `annex:<file>:regulation:article:4`.
pub fn annex_key(file: &str, a: &AnnexItem) -> String {
    format!("{}{}", annex_prefix(file), a.key())
}

/// What the keys of the pieces of the annex part in `file` begin with.
pub fn annex_prefix(file: &str) -> String {
    format!("annex:{file}:")
}

impl AnnexItem {
    /// Its key within its part: `regulation:article:4`.
    pub fn key(&self) -> String {
        match self {
            AnnexItem::Article(n) => format!("regulation:article:{n}"),
            AnnexItem::Supplementary => "regulation:supplementary".into(),
            AnnexItem::Provision(n) => format!("regulation:provision:{n}"),
            AnnexItem::Table(n) => format!("regulation:table:{n}"),
            AnnexItem::MemoField(k, _) => format!("memo:{k}"),
            AnnexItem::MemoItem(n) => format!("memo:record:{n}"),
            AnnexItem::RosterField(k, _) => format!("roster:{k}"),
            AnnexItem::RosterRow(g, n) => format!("roster:row:{g}:{n}"),
            AnnexItem::Result(d, n) => format!("results:{d}:{n}"),
        }
    }

    /// Its name within its part: 第1条, 附則2, 委員 2行目.
    pub fn label(&self) -> String {
        match self {
            AnnexItem::Article(n) => format!("第{n}条"),
            AnnexItem::Supplementary => "附則".into(),
            AnnexItem::Provision(n) => format!("附則{n}"),
            AnnexItem::Table(n) => format!("別表{n}"),
            AnnexItem::MemoField(_, name) => name.to_string(),
            AnnexItem::MemoItem(n) => format!("記の{n}"),
            AnnexItem::RosterField(_, name) => name.to_string(),
            AnnexItem::RosterRow(g, n) => format!("{g} {n}行目"),
            AnnexItem::Result(d, n) => format!("{d} 目標{n}"),
        }
    }
}

/// A department as items name it: its stable id and its index name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Dept {
    /// `kumin`
    pub id: String,
    /// 区民課
    pub name: String,
}

impl Dept {
    pub fn new(id: &str, name: &str) -> Self {
        Dept {
            id: id.to_string(),
            name: name.to_string(),
        }
    }
}

impl ItemId {
    pub fn standard(prefix: &str, number: u32) -> Self {
        ItemId::Standard(prefix.to_string(), number)
    }

    pub fn target(id: &str, name: &str, number: u32) -> Self {
        ItemId::Target(Dept::new(id, name), number)
    }

    /// The stable key that marks the item: `target:kumin:2`. It does not change
    /// when a department is renamed.
    pub fn key(&self) -> String {
        match self {
            ItemId::Principle(n) => format!("principle:{n}"),
            ItemId::Policy(n) => format!("policy:{n}"),
            ItemId::TargetPolicy(n) => format!("target-policy:{n}"),
            ItemId::Standard(p, n) if p.is_empty() => format!("standard:{n}"),
            ItemId::Standard(p, n) => format!("standard:{p}:{n}"),
            ItemId::Team(n) => format!("team:{n}"),
            ItemId::Target(d, n) => format!("target:{}:{n}", d.id),
            ItemId::FreeSection(file, _, n) => format!("free:{file}:{n}"),
            ItemId::Section(file, n, _) => format!("section:{file}#{n}"),
            ItemId::Cover => "cover".into(),
            ItemId::Signature => "signature".into(),
            ItemId::Chapter(file, _) => format!("chapter:{file}"),
            ItemId::Motto => "motto".into(),
            ItemId::Unit(d) => format!("unit:{}", d.id),
            ItemId::StandardTable(file, n, i) => format!("standard-table:{file}#{n}:{i}"),
            ItemId::Secretariat => "secretariat".into(),
            ItemId::Contact => "contact".into(),
            ItemId::Annex(p, a) => annex_key(&p.file, a),
        }
    }

    /// The items that can stand for one another when an item moves: its key
    /// without the part that names its place (`target`, `regulation:article`).
    pub fn family(&self) -> String {
        if let ItemId::Annex(_, a) = self {
            let key = a.key();
            return key.split(':').take(2).collect::<Vec<_>>().join(":");
        }
        let key = self.key();
        key.split(':').next().unwrap_or_default().to_string()
    }

    /// Its key without its number (`target:kumin`): two items that share it
    /// differ only by their number, so one can be the other renumbered.
    pub fn series(&self) -> String {
        let key = self.key();
        let body = key.trim_end_matches(|c: char| c.is_ascii_digit());
        body.trim_end_matches([':', '#']).to_string()
    }

    /// The item in a clerk's words: 区民課 目標2.
    pub fn label(&self) -> String {
        match self {
            ItemId::Principle(n) => format!("基本理念{n}"),
            ItemId::Policy(n) => format!("向上方針{n}"),
            ItemId::TargetPolicy(n) => format!("目標の章の向上方針{n}"),
            ItemId::Standard(p, n) if p.is_empty() => format!("基準{n}"),
            ItemId::Standard(p, n) => format!("基準 {p}{n}"),
            ItemId::Team(n) => format!("第{n}期ワーキングチーム"),
            ItemId::Target(d, n) => format!("{} 目標{n}", d.name),
            ItemId::FreeSection(_, title, n) => format!("{title} {n}"),
            ItemId::Section(_, n, title) => format!("節 {n} {title}"),
            ItemId::Cover => "表紙".into(),
            ItemId::Signature => "向上方針の日付・署名".into(),
            ItemId::Chapter(_, title) => format!("章 {title}"),
            ItemId::Motto => "基本理念の標語".into(),
            ItemId::Unit(d) => format!("組織 {}", d.name),
            ItemId::StandardTable(_, n, i) => format!("節 {n} の表{i}"),
            ItemId::Secretariat => "事務局".into(),
            ItemId::Contact => "問合せ先".into(),
            ItemId::Annex(p, a) => format!("{} {}", p.name, a.label()),
        }
    }
}

/// Templates see an item's identity as `{key, label}`.
impl Serialize for ItemId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("key", &self.key())?;
        map.serialize_entry("label", &self.label())?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_follows_the_id_and_label_the_name() {
        let t = ItemId::target("kumin", "区民課", 2);
        assert_eq!(t.key(), "target:kumin:2");
        assert_eq!(t.label(), "区民課 目標2");
        let renamed = ItemId::target("kumin", "区民窓口課", 2);
        assert_eq!(renamed.key(), t.key());
        assert_eq!(ItemId::Team(11).label(), "第11期ワーキングチーム");
        assert_eq!(ItemId::TargetPolicy(1).key(), "target-policy:1");
        assert_eq!(ItemId::standard("", 12).label(), "基準12");
        assert_eq!(ItemId::standard("独自", 3).label(), "基準 独自3");
        assert_ne!(
            ItemId::standard("独自", 3).key(),
            ItemId::standard("", 3).key()
        );
    }
}

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
    /// A piece of an annex item: 要綱 第1条, 通知 件名…
    Annex(AnnexItem),
}

/// The comparable pieces of the annex items.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AnnexItem {
    /// 〇〇設置要綱 第1条 (its caption and all its 項・号・細目)
    Article(Reg, u32),
    /// 〇〇設置要綱 附則2 (the second 附則, with its date)
    Provision(Reg, usize),
    /// 〇〇設置要綱 別表1
    Table(Reg, usize),
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

/// The regulation an article, 附則 or 別表 belongs to: an edition may hold more
/// than one, each named by its title (its file keeps the items apart).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Reg {
    /// `annex-1-regulation.json`
    pub file: String,
    /// 宮前区役所サービス向上委員会設置要綱
    pub title: String,
}

impl Reg {
    pub fn new(file: &str, title: &str) -> Self {
        Reg {
            file: file.to_string(),
            title: title.to_string(),
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
            ItemId::Annex(a) => match a {
                AnnexItem::Article(r, n) => format!("regulation:article:{}:{n}", r.file),
                AnnexItem::Provision(r, n) => format!("regulation:provision:{}:{n}", r.file),
                AnnexItem::Table(r, n) => format!("regulation:table:{}:{n}", r.file),
                AnnexItem::MemoField(k, _) => format!("memo:{k}"),
                AnnexItem::MemoItem(n) => format!("memo:record:{n}"),
                AnnexItem::RosterField(k, _) => format!("roster:{k}"),
                AnnexItem::RosterRow(g, n) => format!("roster:row:{g}:{n}"),
                AnnexItem::Result(d, n) => format!("results:{d}:{n}"),
            },
        }
    }

    /// The items that can stand for one another when an item moves: its key
    /// without the part that names its place (`target`, `regulation:article`).
    pub fn family(&self) -> String {
        let key = self.key();
        let mut parts = key.split(':');
        let first = parts.next().unwrap_or_default();
        match (first, parts.next()) {
            ("regulation" | "memo" | "roster", Some(second)) => format!("{first}:{second}"),
            _ => first.to_string(),
        }
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
            ItemId::Annex(a) => match a {
                AnnexItem::Article(r, n) => format!("{} 第{n}条", r.title),
                AnnexItem::Provision(r, n) => format!("{} 附則{n}", r.title),
                AnnexItem::Table(r, n) => format!("{} 別表{n}", r.title),
                AnnexItem::MemoField(_, name) => format!("通知 {name}"),
                AnnexItem::MemoItem(n) => format!("通知 記の{n}"),
                AnnexItem::RosterField(_, name) => format!("名簿 {name}"),
                AnnexItem::RosterRow(g, n) => format!("名簿 {g} {n}行目"),
                AnnexItem::Result(d, n) => format!("実施結果 {d} 目標{n}"),
            },
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
        // Two regulations' articles: each named by its own title, never confused.
        let main = Reg::new("annex-1-regulation.json", "架空区設置要綱");
        let other = Reg::new("annex-5-rules.json", "架空区部会運営要領");
        let a = ItemId::Annex(AnnexItem::Article(main, 4));
        let b = ItemId::Annex(AnnexItem::Article(other, 4));
        assert_eq!(a.label(), "架空区設置要綱 第4条");
        assert_eq!(b.label(), "架空区部会運営要領 第4条");
        assert_ne!(a.key(), b.key());
        assert_eq!(a.family(), b.family());
        assert_ne!(a.series(), b.series());
    }
}

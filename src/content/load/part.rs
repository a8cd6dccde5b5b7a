//! One chapter or annex file that `edition.json` lists: its name and kind
//! checked, then read as its kind.

use super::Loader;
use crate::content::Part;
use crate::content::error::ContentError;
use crate::content::model::*;

pub(super) fn load_part(loader: &mut Loader, r: &FileRef, pointer: &str) -> Option<(String, Part)> {
    let f = r.file.as_str();
    if f == "edition.json" {
        let m = "edition.json は版の設定のファイルなので、章や資料には使えません。章や資料の内容ファイルの名前を書いてください";
        loader
            .errors
            .push(ContentError::new("edition.json", m).at(format!("{pointer}/file")));
        return None;
    }
    // `:` names a drive or a stream on Windows (`C:x.json` is outside the folder).
    if f.contains(['/', '\\', ':', '\0']) || !f.ends_with(".json") {
        loader.errors.push(
            ContentError::new(
                "edition.json",
                format!(
                    "ファイル名「{f}」は、版のフォルダの中にある .json ファイルの名前にしてください"
                ),
            )
            .at(format!("{pointer}/file")),
        );
        return None;
    }
    let in_chapters = pointer.starts_with("/chapters/");
    let chapter_kind = matches!(
        r.kind,
        PartKind::Principles | PartKind::Sections | PartKind::Targets | PartKind::Free
    );
    if in_chapters != chapter_kind {
        let (here, there, allowed) = if in_chapters {
            (
                "章（chapters）",
                "資料編（annex）",
                "principles, sections, targets, free",
            )
        } else {
            (
                "資料編（annex）",
                "章（chapters）",
                "regulation, roster, memo, results",
            )
        };
        loader.errors.push(
            ContentError::new(
                "edition.json",
                format!(
                    "種類「{}」は{here}には使えません。{there}の一覧に移すか、{here}に使える種類（{allowed}）にしてください",
                    r.kind.name()
                ),
            )
            .at(format!("{pointer}/kind")),
        );
        return None;
    }
    let part = match r.kind {
        PartKind::Principles => Part::Principles(loader.read(f)?),
        PartKind::Sections => Part::Sections(loader.read(f)?),
        PartKind::Targets => Part::Targets(loader.read(f)?),
        PartKind::Free => Part::Free(loader.read(f)?),
        PartKind::Regulation => Part::Regulation(loader.read(f)?),
        PartKind::Roster => Part::Roster(loader.read(f)?),
        PartKind::Memo => Part::Memo(loader.read(f)?),
        PartKind::Results => Part::Results(loader.read(f)?),
    };
    Some((f.to_string(), part))
}

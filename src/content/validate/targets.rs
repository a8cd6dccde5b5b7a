//! Rules of the targets chapter (ids, numbering, texts and scenes of every unit
//! that holds targets) and of the edition's 問合せ先.

use std::collections::{HashMap, HashSet};

use super::{Checker, annex, numbered};
use crate::content::model::*;

pub(super) fn check_targets(c: &mut Checker, file: &str, t: &TargetsChapter) {
    let mut ids = HashSet::new();
    let mut names: HashMap<String, (String, String)> = HashMap::new();
    for (place, d) in crate::content::holders(t) {
        let dp = &place.pointer;
        let what = match (&place.unit, dp.contains("/departments/")) {
            (Some(_), _) => "担当・係",
            (None, true) => "部署",
            (None, false) => "部",
        };
        if what == "部" && (d.id.is_empty() || d.short_name.is_empty()) {
            let m = "部に目標を書くときは、その部の \"name\"（部の名前）と \"id\"（半角の小文字英字・数字・ハイフン）を書いてください。目標がないなら、\"departments\" に課を書いてください";
            c.push(file, format!("{dp}/targets"), None, m.into());
            continue;
        }
        let ok_id = !d.id.is_empty()
            && d.id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !ok_id {
            c.push(
                file,
                format!("{dp}/id"),
                None,
                format!(
                    "{what}の id「{}」には半角の小文字英字・数字・ハイフンだけを使ってください",
                    d.id
                ),
            );
        }
        if !ids.insert(d.id.clone()) {
            c.push(file, format!("{dp}/id"), None, format!("{what}の id「{}」がほかの部署・担当と重なっています。部署・担当ごとに別の id にしてください", d.id));
        }
        // Names that look alike but are stored otherwise (NFC / NFD) would give
        // two workbooks whose names look identical.
        let key = crate::content::normal::nfc(&d.short_name);
        match names.get(&key) {
            Some((raw, id)) if *raw != d.short_name => c.push(
                file,
                format!("{dp}/short_name"),
                None,
                format!("{what}の名前「{}」は、id「{id}」の名前と見た目は同じですが、文字の表し方（Unicode の正規化: NFC と NFD）が違います。どちらかの名前を打ち直して表し方をそろえるか、別の名前にしてください", d.short_name),
            ),
            Some(_) => {}
            None => {
                names.insert(key, (d.short_name.clone(), d.id.clone()));
            }
        }
        if d.targets.is_empty() {
            c.push(
                file,
                format!("{dp}/targets"),
                None,
                "目標が一つもありません。少なくとも一つ入れてください（課の目標がなく、担当・係だけが目標を持つときは、課の \"targets\" を省いて \"units\" に書いてください）".into(),
            );
        }
        c.sequence(
            "目標",
            (d.targets.iter().enumerate())
                .map(|(k, x)| {
                    let p = format!("{dp}/targets/{k}/number");
                    numbered(file, p, d.item(x.number).label(), x.number)
                })
                .collect(),
        );
        for (k, x) in d.targets.iter().enumerate() {
            c.text(file, format!("{dp}/targets/{k}/text"), &x.text);
            c.scene(file, format!("{dp}/targets/{k}/scene"), &x.scene);
            let label = d.item(x.number).label();
            annex::status(
                c,
                file,
                format!("{dp}/targets/{k}/status"),
                label,
                &x.status,
            );
        }
    }
}

/// The longest note after a phone or FAX number: 「（直通）」「（企画課 窓口）」.
const NOTE: usize = 20;

/// What is wrong with a phone or FAX number as written, if anything: the number
/// (half-width digits and hyphens, 10 or 11 digits) and its note in brackets.
fn number_problem(written: &str, word: &str, example: &str) -> Option<String> {
    let (number, note) = number_and_note(written);
    let digits = number.chars().filter(char::is_ascii_digit).count();
    let shape = (number.chars()).all(|ch| ch.is_ascii_digit() || "-()（） ".contains(ch));
    if !shape || !(10..=11).contains(&digits) {
        let what = match note.is_empty() {
            true => format!("{word}「{written}」"),
            false => format!("{word}「{written}」の番号「{number}」"),
        };
        return Some(format!(
            "{what}の形が違います。半角の数字とハイフンで、市外局番から書いてください（例: {example}）。注記は番号の後に括弧で書けます（例: {example}（直通））"
        ));
    }
    if note.is_empty() {
        return None;
    }
    let closed = note.ends_with('）') || note.ends_with(')');
    let inner = note.chars().count().saturating_sub(2);
    if !closed || inner == 0 || inner > NOTE {
        return Some(format!(
            "{word}「{written}」の注記「{note}」は、番号の後に括弧で閉じて、{NOTE}字までで書いてください（例: {example}（直通））"
        ));
    }
    None
}

/// 電話・FAX and メール are checked loosely: digits and hyphens, something@something.
pub(super) fn check_contact(c: &mut Checker, ed: &Edition) {
    let Some(contact) = &ed.contact else {
        return;
    };
    let file = "edition.json";
    for (key, word, example) in [
        ("phone", "電話番号", "044-856-3133"),
        ("fax", "FAX番号", "044-856-3237"),
    ] {
        let written = if key == "phone" {
            &contact.phone
        } else {
            &contact.fax
        };
        if let Some(m) = written
            .as_deref()
            .and_then(|w| number_problem(w, word, example))
        {
            let item = Some(format!("問合せ先の{word}"));
            c.push(file, format!("/contact/{key}"), item, m);
        }
    }
    if let Some(mail) = &contact.email {
        let ok = match mail.split_once('@') {
            Some((user, host)) => {
                !user.is_empty()
                    && host.contains('.')
                    && !host.starts_with('.')
                    && !host.ends_with('.')
                    && !host.contains('@')
            }
            None => false,
        };
        if !ok || !mail.is_ascii() || mail.contains(char::is_whitespace) {
            c.push(file, "/contact/email".into(), Some("問合せ先のメールアドレス".into()), format!("メールアドレス「{mail}」の形が違います。半角で「名前@ドメイン」の形に書いてください（例: kusei@city.example.jp）"));
        }
    }
}

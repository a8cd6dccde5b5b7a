//! 問合せ先: a FAX number and a note after a number are printed in the colophon
//! and the web footer as written; only the number is checked.

use crate::doc::*;

const FULL: &str = "tests/fixtures/full-model";

fn with_contact(name: &str, phone: &str, fax: Option<&str>) -> std::path::PathBuf {
    let dir = tmp(name);
    copy_edition(&root().join(FULL), &dir);
    edit_json(&dir, "edition.json", |v| {
        v["contact"]["phone"] = phone.into();
        if let Some(fax) = fax {
            v["contact"]["fax"] = fax.into();
        }
    });
    dir
}

#[test]
fn fax_and_a_note_after_the_number_print_in_the_colophon_and_the_footer() {
    let dir = with_contact(
        "contact-fax",
        "099-555-0777（直通）",
        Some("099-555-0778（総務課）"),
    );
    let built = build(&dir);
    let last = built.document.pages().len() - 1;
    let lines = page_lines(&built, last);
    let line = |start: &str| lines.iter().find(|l| l.starts_with(start)).cloned();
    assert_eq!(
        line("電話").as_deref(),
        Some("電話099-555-0777（直通）"),
        "{lines:#?}"
    );
    assert_eq!(
        line("FAX").as_deref(),
        Some("FAX099-555-0778（総務課）"),
        "{lines:#?}"
    );
    // FAX stands between 電話 and メール, as the colophon lists them.
    let at = |s: &str| lines.iter().position(|l| l.starts_with(s)).unwrap();
    assert!(
        at("電話") < at("FAX") && at("FAX") < at("メール"),
        "{lines:#?}"
    );

    let html = crate::web::web(&dir);
    assert!(
        html.contains("電話　<a href=\"tel:099-555-0777\">099-555-0777（直通）</a>"),
        "the link dials the number alone"
    );
    assert!(html.contains("<br>FAX　099-555-0778（総務課）"));
}

#[test]
fn a_phone_or_fax_note_is_checked_apart_from_its_number() {
    let check = |name: &str, phone: &str, fax: &str| {
        let dir = with_contact(name, phone, Some(fax));
        let run = planpress(&["check", dir.to_str().unwrap()]);
        (
            run.status.code(),
            String::from_utf8_lossy(&run.stderr).to_string(),
        )
    };
    let (code, err) = check(
        "contact-ok",
        "099-555-0777（直通）",
        "(099)555-0778（総務課 区政推進係）",
    );
    assert_eq!(code, Some(0), "{err}");
    let (code, err) = check(
        "contact-bad",
        "099-555（直通）",
        "099-555-0778（平日8時30分から17時15分まで受け付けています）",
    );
    assert_eq!(code, Some(1));
    assert!(err.contains("エラー: edition.json（問合せ先の電話番号）: 電話番号「099-555（直通）」の番号「099-555」の形が違います"), "{err}");
    assert!(err.contains("エラー: edition.json（問合せ先のFAX番号）: FAX番号「099-555-0778（平日8時30分から17時15分まで受け付けています）」の注記"), "{err}");
    assert!(err.contains("20字まで"), "{err}");
}

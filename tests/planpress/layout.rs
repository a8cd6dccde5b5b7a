//! The layout check: what does not fit is refused with its page and item, never
//! printed off the page; long tokens break inside their cell.

use crate::doc::*;

/// One department given more and longer targets than a page holds.
fn overfull(name: &str) -> std::path::PathBuf {
    let dir = scratch_edition(name);
    edit_json(&dir, "4-targets.json", |v| {
        let d = &mut v["divisions"][0]["departments"][0];
        let first = d["targets"][0].clone();
        let long = first["text"].as_str().unwrap().repeat(3);
        d["targets"] = (1..=16)
            .map(|n| {
                let mut t = first.clone();
                t["number"] = n.into();
                t["text"] = format!("{long}（{n}）").into();
                t
            })
            .collect();
    });
    dir
}

#[test]
fn what_does_not_fit_is_refused_and_the_previous_pdf_stays() {
    let dir = overfull("layout-overfull");
    let out = tmp("layout-overfull.pdf");
    std::fs::write(&out, b"%PDF-1.7 the previous PDF").unwrap();
    let emit = tmp("layout-overfull-source");
    let args = ["build", dir.to_str().unwrap(), "-o", out.to_str().unwrap()];
    let run = planpress(&[&args[..], &["--emit-typst", emit.to_str().unwrap()]].concat());
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    // The page (its printed number), the item, where it runs, what to do.
    let fault = err
        .lines()
        .find(|l| l.contains("危機管理担当 目標") && l.contains("がページに収まりません"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(fault.starts_with("- 12ページ: "), "{fault}");
    assert!(
        fault.contains("下の余白") && fault.contains("文章を短くするか"),
        "{fault}"
    );
    assert_eq!(std::fs::read(&out).unwrap(), b"%PDF-1.7 the previous PDF");
    // The laid-out source is there for whoever looks into it.
    assert!(
        std::fs::read_to_string(emit.join("main.typ"))
            .unwrap()
            .contains("target-grid")
    );
    // A draft is checked the same way, with the same fault.
    let run = planpress(&[&args[..], &["--draft", "--date", "2021-05-10"]].concat());
    assert_eq!(run.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&run.stderr).contains(fault),
        "{fault}"
    );
}

#[test]
fn long_tokens_break_inside_their_cell_and_print_unchanged() {
    let dir = scratch_edition("layout-tokens");
    let url = "https://www.city.kaku-example.lg.jp/midori/kurashi/tetsuzuki/online/index.html?cat=juminhyo&lang=ja&from=qr";
    let word = "Supercalifragilisticexpialidociousandthensomemoreletterswithoutanybreakopportunity";
    let file = "R06_kuyakusho_service_koujou_action_plan_sankou_shiryou_final_v2.xlsx";
    edit_json(&dir, "4-targets.json", |v| {
        let t = &mut v["divisions"][0]["departments"][0]["targets"][0];
        t["text"] = format!("詳しくは{url}をご覧ください。").into();
    });
    edit_json(&dir, "3-initiatives.json", |v| {
        let st = &mut v["sections"][2]["standard_tables"][1]["standards"][0];
        st["text"] = format!("{word}と{file}").into();
        st["owner"] = file.into();
    });
    let built = build(&dir);
    // The PDF's text, as it is copied out: runs joined with nothing between them.
    let text = page_texts(&built).concat();
    for token in [url, word, file] {
        assert!(text.contains(token), "{token} not printed exactly as typed");
        // …and it did break: no printed line holds the whole token.
        let lines = (0..built.document.pages().len()).flat_map(|p| page_lines(&built, p));
        assert!(
            !lines.into_iter().any(|l| l.contains(token)),
            "{token} on one line"
        );
    }
}

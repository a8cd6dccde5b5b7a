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

/// A department longer than a page continues on the next pages, each headed by
/// the column header and the department's band 「…（続き）」; nothing is lost.
#[test]
fn a_department_longer_than_a_page_continues_with_its_band() {
    let built = build(&overfull("layout-continues"));
    let d = &built.content().departments().next().unwrap().1.clone();
    let pages: Vec<String> = page_texts(&built).iter().map(|t| normalize(t)).collect();
    let holding: Vec<usize> = (0..pages.len())
        .filter(|&p| {
            (d.targets.iter()).any(|t| {
                let line: String = normalize(&t.text).chars().take(20).collect();
                pages[p].contains(&line)
            })
        })
        .collect();
    assert!(holding.len() >= 3, "{holding:?}");
    let band = normalize(&format!("{}（続き）", d.full_name));
    for &p in &holding[1..] {
        assert!(pages[p].contains(&band), "page {} lacks 「{band}」", p + 1);
        assert!(pages[p].contains("目標及び具体的な取組内容"));
    }
    assert!(!pages[holding[0]].contains(&band));
    for t in &d.targets {
        let text: Vec<char> = normalize(&t.text).chars().collect();
        let end: String = text[text.len() - 20..].iter().collect();
        assert!(pages.concat().contains(&end), "{end}");
    }
}

/// What truly cannot fit (a PDCA figure whose hub text is longer than the ring
/// holds) is refused with its page and item; the previous PDF stays.
#[test]
fn what_does_not_fit_is_refused_and_the_previous_pdf_stays() {
    let dir = scratch_edition("layout-overfull");
    edit_json(&dir, "2-approach.json", |v| {
        let sections = v["sections"].as_array_mut().unwrap();
        let s = sections
            .iter_mut()
            .find(|s| s.get("pdca").is_some())
            .unwrap();
        s["pdca"]["center"] = "区役所サービスの向上を目指して継続的に改善に取り組みます。"
            .repeat(12)
            .into();
    });
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
        .find(|l| l.contains("PDCAサイクルの図 がページに収まりません"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(fault.starts_with("- 4ページ: "), "{fault}");
    assert!(
        fault.contains("余白") && fault.contains("文章を短くするか"),
        "{fault}"
    );
    assert_eq!(std::fs::read(&out).unwrap(), b"%PDF-1.7 the previous PDF");
    // The laid-out source is there for whoever looks into it.
    assert!(
        std::fs::read_to_string(emit.join("main.typ"))
            .unwrap()
            .contains("#pdca(")
    );
    // A draft is checked the same way, with the same fault.
    let run = planpress(&[&args[..], &["--draft", "--date", "2021-05-10"]].concat());
    assert_eq!(run.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&run.stderr).contains(fault),
        "{fault}"
    );
    // The refused pages can still be looked at: preview draws them.
    let shots = tmp("layout-overfull-preview");
    let run = planpress(&[
        "preview",
        dir.to_str().unwrap(),
        "--pages",
        "4",
        "-o",
        shots.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(String::from_utf8_lossy(&run.stderr).contains("PDCAサイクルの図"));
    assert!(shots.join("4.png").is_file());
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

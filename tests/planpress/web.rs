//! The web edition: accessible structure, complete content, every value escaped.

use crate::doc::*;

pub fn web(dir: &std::path::Path) -> String {
    let (_, files) = planpress::Pipeline::new(planpress::Config::new(dir))
        .web()
        .unwrap();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "index.html",
            "style.css",
            "fonts/BIZUDGothic-Regular.ttf",
            "fonts/BIZUDGothic-Bold.ttf",
            "fonts/OFL.txt"
        ]
    );
    // The stylesheet uses the fonts that travel with it.
    let css = String::from_utf8(files[1].1.clone()).unwrap();
    assert!(
        css.contains("url(\"fonts/BIZUDGothic-Regular.ttf\")")
            && css.contains("url(\"fonts/BIZUDGothic-Bold.ttf\")")
    );
    String::from_utf8(files.into_iter().next().unwrap().1).unwrap()
}

/// Every `attr="value"` in the page.
pub fn attrs<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let pat = format!(" {attr}=\"");
    html.match_indices(&pat)
        .map(|(i, _)| {
            let rest = &html[i + pat.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

/// The text without tags, entities decoded (enough for these checks).
pub fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2f;", "/")
        .replace("&amp;", "&")
}

#[test]
fn the_web_edition_is_structured_for_screen_readers() {
    let html = web(&root().join(EDITION));
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<html lang=\"ja\">"));
    assert!(html.contains("<title>令和2年度 宮前区役所サービス向上アクションプラン</title>"));
    assert!(
        html.contains("<a class=\"skip\" href=\"#main\">") && html.contains("<main id=\"main\">")
    );
    // One h1; headings never skip a level going down.
    let levels: Vec<u8> = html
        .match_indices("<h")
        .filter_map(|(i, _)| html[i + 2..].chars().next()?.to_digit(10).map(|d| d as u8))
        .collect();
    assert_eq!(levels.iter().filter(|&&l| l == 1).count(), 1);
    for w in levels.windows(2) {
        assert!(
            w[1] <= w[0] + 1,
            "heading level jumps from h{} to h{}",
            w[0],
            w[1]
        );
    }
    // Every in-page link resolves, and ids are unique.
    let ids = attrs(&html, "id");
    let unique: std::collections::BTreeSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids");
    for href in attrs(&html, "href")
        .into_iter()
        .filter_map(|h| h.strip_prefix('#'))
    {
        assert!(ids.contains(&href), "link to #{href} goes nowhere");
    }
    // The department index links to each department's rows.
    for (_, d) in shipped().content().departments() {
        let link = format!("<a href=\"#dept-{}\">", d.id);
        let name = html
            .split(&link)
            .nth(1)
            .and_then(|a| a.split("</a>").next());
        assert_eq!(name.map(text).as_deref(), Some(d.short_name.as_str()));
        assert!(html.contains(&format!(
            "<tbody id=\"dept-{}\"><tr><th scope=\"rowgroup\" class=\"label\" rowspan=\"{}\">",
            d.id,
            d.targets.len()
        )));
    }
    // Real tables: captions, column headers, merged scene cells.
    assert_eq!(
        html.matches("<table").count(),
        html.matches("<caption>").count()
    );
    assert!(html.contains("<caption>【区役所サービス基準】</caption>"));
    assert!(
        html.contains(
            "<td class=\"label\" rowspan=\"3\" data-label=\"場面\"><span><span class=\"ph\">お知らせ</span></span></td>"
        ) && html.contains(
            "<td class=\"label\" rowspan=\"8\" data-label=\"場面\"><span><span class=\"ph\">対応</span></span></td>"
        )
    );
    assert!(html.matches("<th scope=\"col\"").count() >= 20);
    assert!(html.matches("<th scope=\"row\" class=\"no\">").count() == 33);
}

#[test]
fn the_web_edition_says_what_the_pdf_says() {
    let html = text(&web(&root().join(EDITION)));
    let built = shipped();
    for s in built.content().standards() {
        assert!(html.contains(&s.text), "基準{}", s.number);
    }
    for (_, d) in built.content().departments() {
        for t in &d.targets {
            assert!(html.contains(&t.text), "{} 目標{}", d.short_name, t.number);
        }
    }
    assert!(html.contains(
        "今年度の各課のサービス向上目標は、別掲（区役所サービス向上目標）のとおりです。"
    ));
    assert!(html.contains("令和2年4月宮前区長　高橋 哲也"));
}

#[test]
fn the_web_edition_escapes_every_value() {
    let dir = scratch_edition("web-hostile");
    let evil = "<script>alert('x')</script> & \"q\" {{ edition.title }} #read(\"/etc/passwd\")";
    edit_json(&dir, "4-targets.json", |v| {
        v["divisions"][0]["departments"][0]["targets"][0]["text"] = evil.into()
    });
    edit_json(&dir, "1-principles.json", |v| {
        v["principles"][0]["title"] = "<b>太字</b>".into()
    });
    let html = web(&dir);
    assert!(!html.contains("<script>") && !html.contains("<b>"));
    assert!(
        html.contains("&lt;script&gt;") && html.contains("&lt;b&gt;太字&lt;&#x2f;b&gt;"),
        "escaped"
    );
    assert!(text(&html).contains(evil), "printed literally");
}

#[test]
fn the_web_edition_shows_the_results_annex_as_the_pdf_does() {
    // The fictional next year's results annex comes from miyamae-r2's targets.
    let dir = root().join("tests/fixtures/fictional-r3");
    let page = web(&dir);
    let built = crate::doc::build(&dir);
    let pdf_text = normalize(&page_texts(&built).concat());
    let previous = planpress::content::load(&root().join(EDITION)).unwrap();
    let mut rows = 0;
    for (_, d) in previous.departments() {
        for t in &d.targets {
            // The same row, cell by cell, in the web table; its target in the PDF.
            let row = [d.short_name.clone(), t.number.to_string(), t.text.clone()];
            assert!(
                rows_of(&page).iter().any(|r| r.starts_with(&row)),
                "web: {} 目標{}",
                d.short_name,
                t.number
            );
            assert!(
                pdf_text.contains(&normalize(&t.text)),
                "pdf: {} 目標{}",
                d.short_name,
                t.number
            );
            rows += 1;
        }
    }
    assert!(rows >= 40);
    assert!(text(&page).contains("令和2年度区役所サービス向上目標の実施結果"));
    assert!(!page.contains("実施結果は出典テキストに含まれていないため未収録"));
}

/// The web templates can be replaced with `--templates DIR` (DIR/web/), and their
/// environment has no filter or tag that would skip HTML escaping.
#[test]
fn web_templates_can_be_overridden_and_cannot_unescape() {
    let edition = scratch_edition("web-layout-edition");
    edit_json(&edition, "edition.json", |v| {
        v["title"] = "<b>題</b>".into()
    });
    let layout = tmp("web-layout");
    std::fs::create_dir_all(layout.join("web")).unwrap();
    let page = std::fs::read_to_string(root().join("templates/web/index.html.j2")).unwrap();
    let css = root().join("templates/web/style.css");
    std::fs::copy(&css, layout.join("web/style.css")).unwrap();
    let run = |text: String| {
        std::fs::write(layout.join("web/index.html.j2"), text).unwrap();
        let out = tmp("web-layout-out");
        let args = [
            "web",
            edition.to_str().unwrap(),
            "--templates",
            layout.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ];
        let run = planpress(&args);
        let html = std::fs::read_to_string(out.join("index.html")).unwrap_or_default();
        (run, html)
    };
    let title = "<title>{{ edition.fiscal }} {{ edition.title }}</title>";
    assert!(page.contains(title));
    let (ok, html) = run(page.replace("本文へ移動", "本文へジャンプ"));
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(html.contains("本文へジャンプ") && !html.contains("本文へ移動"));
    // `{% autoescape false %}` changes nothing: the formatter escapes every value.
    let off = "{% autoescape false %}<title>{{ edition.title }}</title>{% endautoescape %}";
    let (ok, html) = run(page.replace(title, off));
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(
        html.contains("<title>&lt;b&gt;題") && !html.contains("<b>"),
        "{html}"
    );
    // `str` makes a Typst string literal, marked safe: it exists only for Typst;
    // `safe` exists in neither environment.
    for filter in ["str", "safe"] {
        let (bad, _) = run(page.replace(
            title,
            &format!("<title>{{{{ edition.title|{filter} }}}}</title>"),
        ));
        let err = String::from_utf8_lossy(&bad.stderr);
        assert_eq!(bad.status.code(), Some(1), "|{filter}: {err}");
        assert!(
            err.contains("テンプレートの不具合") && err.contains(filter),
            "{err}"
        );
    }
}

/// Each table row of a page, as the text of its cells.
fn rows_of(html: &str) -> Vec<Vec<String>> {
    html.split("<tr>")
        .skip(1)
        .map(|row| {
            let row = row.split("</tr>").next().unwrap();
            row.split("<td")
                .skip(1)
                .map(|c| text(&format!("<td{c}")))
                .collect()
        })
        .collect()
}

//! The published PDF file itself: reproducible bytes, metadata, embedded fonts,
//! PDF/A-3a and PDF/UA-1, the content files it carries.

use crate::doc::*;

#[test]
fn builds_are_byte_identical() {
    let again = build(&root().join(EDITION));
    assert!(
        again.pdf == shipped().pdf,
        "two builds of the same content differ"
    );
}

#[test]
fn metadata_names_the_plan() {
    let pdf = pdf(shipped());
    let info = pdf
        .trailer
        .get(b"Info")
        .and_then(|o| pdf.dereference(o))
        .unwrap()
        .1
        .as_dict()
        .unwrap()
        .clone();
    assert_eq!(
        pdf_string(info.get(b"Title").unwrap()),
        "宮前区役所サービス向上アクションプラン"
    );
    assert_eq!(pdf_string(info.get(b"Author").unwrap()), "川崎市宮前区役所");
    let lang = pdf.catalog().unwrap().get(b"Lang").unwrap();
    assert!(pdf_string(lang).starts_with("ja"), "{}", pdf_string(lang));
}

#[test]
fn fonts_are_the_bundled_ones_embedded_with_no_missing_glyph() {
    let built = shipped();
    let mut families = std::collections::BTreeSet::new();
    for_each_text_item(built, |page, item| {
        families.insert(item.font.font().info().family.clone());
        assert!(
            item.glyphs.iter().all(|g| g.id != 0),
            "missing glyph (tofu) on page {}: {}",
            page + 1,
            item.text
        );
    });
    assert_eq!(
        families.into_iter().collect::<Vec<_>>(),
        ["BIZ UDGothic", "BIZ UDMincho"]
    );
    let pdf = pdf(built);
    let mut seen = 0;
    for (_, obj) in pdf.objects.iter() {
        let Ok(dict) = obj.as_dict() else { continue };
        if dict.get(b"Type").ok().and_then(|t| t.as_name().ok())
            != Some(b"FontDescriptor".as_slice())
        {
            continue;
        }
        let name =
            String::from_utf8_lossy(dict.get(b"FontName").unwrap().as_name().unwrap()).into_owned();
        assert!(
            name.contains("BIZUDMincho") || name.contains("BIZUDGothic"),
            "foreign font {name}"
        );
        assert!(
            dict.has(b"FontFile2") || dict.has(b"FontFile3"),
            "{name} is not embedded"
        );
        seen += 1;
    }
    assert_eq!(seen, 3, "Mincho, Gothic and Gothic Bold");
}

/// What a PDF/A-3a and PDF/UA-1 validator checks that can be read here: tagged
/// (structure tree, marked, language), the PDF/A and PDF/UA identification in
/// the XMP metadata, the title shown as the window's title (DisplayDocTitle),
/// and every attached file an associated file (/AF) with its relationship.
pub fn assert_archival(bytes: &[u8], what: &str) {
    let pdf = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let catalog = pdf.catalog().unwrap();
    let get = |d: &lopdf::Dictionary, key: &[u8]| -> lopdf::Object {
        let o = d
            .get(key)
            .unwrap_or_else(|_| panic!("{what}: no /{}", String::from_utf8_lossy(key)));
        pdf.dereference(o).unwrap().1.clone()
    };
    // Tagged: a structure tree, marked content, the language.
    assert!(catalog.has(b"StructTreeRoot"), "{what}: no structure tree");
    let mark = get(catalog, b"MarkInfo");
    assert!(
        mark.as_dict()
            .unwrap()
            .get(b"Marked")
            .unwrap()
            .as_bool()
            .unwrap()
    );
    assert!(pdf_string(catalog.get(b"Lang").unwrap()).starts_with("ja"));
    // PDF/A-3a and PDF/UA-1 declared in the XMP metadata.
    let meta = get(catalog, b"Metadata");
    let xmp = String::from_utf8_lossy(&meta.as_stream().unwrap().content).into_owned();
    for claim in [
        "<pdfaid:part>3</pdfaid:part>",
        "<pdfaid:conformance>A</pdfaid:conformance>",
        "<pdfuaid:part>1</pdfuaid:part>",
    ] {
        assert!(xmp.contains(claim), "{what}: XMP lacks {claim}");
    }
    let prefs = get(catalog, b"ViewerPreferences");
    let shown = prefs.as_dict().unwrap().get(b"DisplayDocTitle");
    assert!(
        shown.and_then(|b| b.as_bool()).unwrap_or(false),
        "{what}: DisplayDocTitle is not true"
    );
    // Every embedded file's specification is associated with the document.
    let af: Vec<lopdf::ObjectId> = match catalog.get(b"AF") {
        Ok(o) => (pdf.dereference(o).unwrap().1.as_array().unwrap().iter())
            .map(|r| r.as_reference().unwrap())
            .collect(),
        Err(_) => Vec::new(),
    };
    let mut files = 0;
    for (id, obj) in &pdf.objects {
        let Ok(dict) = obj.as_dict() else { continue };
        if dict.get(b"Type").ok().and_then(|t| t.as_name().ok()) != Some(b"Filespec".as_slice()) {
            continue;
        }
        files += 1;
        assert!(af.contains(id), "{what}: a file specification not in /AF");
        assert!(dict.has(b"AFRelationship"), "{what}: no /AFRelationship");
    }
    assert!(
        files == af.len(),
        "{what}: {files} files, {} in /AF",
        af.len()
    );
}

#[test]
fn the_published_pdf_is_archival_and_accessible() {
    let built = shipped();
    assert_archival(&built.pdf, "the published PDF");
    // Every file the build read is attached, byte for byte.
    let attached = planpress::extract::attachments(&built.pdf).unwrap();
    let mut names: Vec<_> = attached.iter().map(|(n, _)| n.clone()).collect();
    names.sort();
    let mut read: Vec<_> = built
        .content()
        .sources
        .iter()
        .map(|(n, _)| n.clone())
        .collect();
    read.sort();
    assert_eq!(names, read);
    for (name, bytes) in &attached {
        let source = &built
            .content()
            .sources
            .iter()
            .find(|(n, _)| n == name)
            .unwrap()
            .1;
        assert!(bytes == source, "{name} differs from the file read");
    }
}

/// The committee archives its drafts: a draft with its closing 新旧対照表
/// conforms to PDF/A-3a and PDF/UA-1 as the published plan does (it claimed
/// nothing and failed both validations), under its own document identifier.
#[test]
fn the_draft_conforms_as_the_published_plan_does() {
    for (what, built) in [
        ("fictional-r3 draft", crate::editions::next_draft()),
        (
            "full-model-next draft",
            &crate::editions::draft("tests/fixtures/full-model-next"),
        ),
    ] {
        assert!(
            built
                .prepared
                .view
                .draft
                .as_ref()
                .unwrap()
                .comparison
                .is_some()
        );
        assert_archival(&built.pdf, what);
    }
    let id = |pdf: &[u8]| {
        let doc = lopdf::Document::load_mem(pdf).unwrap();
        format!("{:?}", doc.trailer.get(b"ID").unwrap())
    };
    let published = build(&root().join("tests/fixtures/fictional-r3"));
    assert!(id(&published.pdf) != id(&crate::editions::next_draft().pdf));
}

/// The PDCA diagram is a tagged Figure whose alternative text names its stages
/// (and says what is still missing), so a screen reader tells what it shows.
#[test]
fn the_pdca_diagram_is_a_figure_with_alternative_text() {
    let doc = pdf(shipped());
    let mut alts = Vec::new();
    fn walk(doc: &lopdf::Document, obj: &lopdf::Object, alts: &mut Vec<String>) {
        let obj = match obj.as_reference() {
            Ok(id) => doc.get_object(id).unwrap(),
            Err(_) => obj,
        };
        match obj {
            lopdf::Object::Dictionary(d) => {
                if d.get(b"S").and_then(|s| s.as_name()).ok() == Some(&b"Figure"[..]) {
                    alts.push(d.get(b"Alt").map(pdf_string).unwrap_or_default());
                }
                if let Ok(k) = d.get(b"K") {
                    walk(doc, k, alts);
                }
            }
            lopdf::Object::Array(a) => a.iter().for_each(|o| walk(doc, o, alts)),
            _ => {}
        }
    }
    let root = doc.catalog().unwrap().get(b"StructTreeRoot").unwrap();
    walk(&doc, root, &mut alts);
    let pdca: Vec<_> = alts.iter().filter(|a| a.contains("PDCA")).collect();
    assert_eq!(pdca.len(), 1, "{alts:?}");
    for stage in [
        "Plan（計画）",
        "Do（実行）",
        "Check（評価）",
        "Action（改善）",
        "未収録",
    ] {
        assert!(pdca[0].contains(stage), "{}", pdca[0]);
    }
}

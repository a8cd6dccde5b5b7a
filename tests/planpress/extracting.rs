//! `planpress extract` checks every attachment before writing anything, writes only
//! into a new or empty folder, and reports a hostile PDF instead of crashing.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;

use lopdf::{Document, Object, ObjectId, Stream, dictionary};

#[cfg(unix)]
use crate::doc::{fifo, planpress_within};
use crate::doc::{scratch_edition, shipped, tmp};

fn extract(pdf: &Path, dir: &Path) -> Output {
    planpress_within(
        60,
        &["extract", pdf.to_str().unwrap(), dir.to_str().unwrap()],
    )
}

fn stderr(run: &Output) -> String {
    String::from_utf8_lossy(&run.stderr).into_owned()
}

/// `bytes` written to a fresh scratch PDF.
fn scratch_pdf(name: &str, bytes: &[u8]) -> PathBuf {
    let path = tmp(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Extracting `pdf` fails with exit 1, a message containing every one of `says`,
/// and no target folder.
fn refused(name: &str, pdf: &[u8], says: &[&str]) {
    let pdf = scratch_pdf(&format!("{name}.pdf"), pdf);
    let dir = tmp(&format!("{name}-out"));
    let run = extract(&pdf, &dir);
    let message = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{name}: {message}");
    for s in says {
        assert!(message.contains(s), "{name}: no 「{s}」 in: {message}");
    }
    assert!(!dir.exists(), "{name}: {} was created", dir.display());
}

fn zlib(bytes: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    z.write_all(bytes).unwrap();
    z.finish().unwrap()
}

/// An embedded-file stream as planpress writes one, compressed.
fn attachment(bytes: &[u8]) -> Stream {
    let params = dictionary! { "Size" => bytes.len() as i64 };
    Stream::new(
        dictionary! { "Type" => "EmbeddedFile", "Filter" => "FlateDecode", "Params" => params },
        zlib(bytes),
    )
}

/// A PDF whose EmbeddedFiles name tree is the node `tree` builds (given the
/// document and the file specifications of `files`).
fn pdf_with(
    files: Vec<(&[u8], Stream)>,
    tree: impl FnOnce(&mut Document, Vec<Object>) -> ObjectId,
) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages = doc.add_object(dictionary! { "Type" => "Pages", "Kids" => vec![], "Count" => 0 });
    let mut names = Vec::new();
    for (name, stream) in files {
        let stream = doc.add_object(stream);
        let spec = doc.add_object(dictionary! {
            "Type" => "Filespec",
            "F" => Object::string_literal(name),
            "UF" => Object::string_literal(name),
            "EF" => dictionary! { "F" => stream },
        });
        names.push(Object::string_literal(name));
        names.push(spec.into());
    }
    let root = tree(&mut doc, names);
    let catalog = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages,
        "Names" => dictionary! { "EmbeddedFiles" => root },
    });
    doc.trailer.set("Root", catalog);
    save(&mut doc)
}

/// Saved with a cross-reference table, as planpress writes.
fn save(doc: &mut Document) -> Vec<u8> {
    doc.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn flat(files: Vec<(&[u8], Stream)>) -> Vec<u8> {
    pdf_with(files, |doc, names| {
        doc.add_object(dictionary! { "Names" => names })
    })
}

/// The shipped PDF with its first attachment's stream changed by `damage`;
/// returns the PDF and that attachment's name.
fn damaged(damage: impl FnOnce(&mut Stream)) -> (Vec<u8>, String) {
    let mut doc = Document::load_mem(&shipped().pdf).unwrap();
    let tree = doc.catalog().unwrap().get(b"Names").unwrap().clone();
    let tree = doc.dereference(&tree).unwrap().1.as_dict().unwrap();
    let tree = tree.get(b"EmbeddedFiles").unwrap().clone();
    let names = doc.dereference(&tree).unwrap().1.as_dict().unwrap();
    let names = names.get(b"Names").unwrap().as_array().unwrap();
    let name = String::from_utf8(names[0].as_str().unwrap().to_vec()).unwrap();
    let spec = doc.dereference(&names[1]).unwrap().1.as_dict().unwrap();
    let ef = spec.get(b"EF").unwrap().as_dict().unwrap();
    let id = ef.get(b"F").unwrap().as_reference().unwrap();
    damage(doc.get_object_mut(id).unwrap().as_stream_mut().unwrap());
    (save(&mut doc), name)
}

#[test]
fn a_damaged_attachment_is_refused_and_nothing_written() {
    let nothing = "何も書き出しませんでした";
    let (pdf, name) = damaged(|s| {
        let half = s.content.len() / 2;
        s.set_content(s.content[..half].to_vec());
    });
    refused("extract-truncated", &pdf, &[&name, nothing]);
    let (pdf, name) = damaged(|s| {
        let middle = s.content.len() / 2;
        s.content[middle] ^= 0x10;
    });
    refused("extract-bit-flipped", &pdf, &[&name, nothing]);
    let (pdf, name) = damaged(|s| {
        let size = s.dict.get(b"Params").unwrap().as_dict().unwrap();
        let size = size.get(b"Size").unwrap().as_i64().unwrap();
        s.dict.set("Params", dictionary! { "Size" => size + 1 });
    });
    refused("extract-wrong-size", &pdf, &[&name, nothing]);
    // A checksum, where a PDF carries one, is checked too.
    let mut wrong_sum = attachment(b"{}");
    let params = dictionary! { "Size" => 2, "CheckSum" => Object::string_literal(vec![0u8; 16]) };
    wrong_sum.dict.set("Params", params);
    refused(
        "extract-wrong-checksum",
        &flat(vec![(b"1-principles.json", wrong_sum)]),
        &["1-principles.json", nothing],
    );
}

#[test]
fn a_decompression_bomb_is_stopped_while_inflating() {
    // 30 MB of zeros in about 30 kB, its size not declared.
    let mut bomb = attachment(&vec![0u8; 30_000_000]);
    bomb.dict.remove(b"Params");
    let start = std::time::Instant::now();
    refused(
        "extract-bomb",
        &flat(vec![(b"1-principles.json", bomb)]),
        &["1-principles.json", "20 MB", "何も書き出しませんでした"],
    );
    // Together, files each under the limit are limited too (100 MB).
    let file = attachment(&vec![b' '; 19_000_000]);
    let names: Vec<String> = (1..=6).map(|i| format!("{i}.json")).collect();
    let files = names.iter().map(|n| (n.as_bytes(), file.clone())).collect();
    refused(
        "extract-many",
        &flat(files),
        &["100 MB", "何も書き出しませんでした"],
    );
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}

#[test]
fn cross_reference_streams_another_tool_may_write_are_refused_unread() {
    let saved_again = "ほかのソフトで保存し直した PDF からは取り出せません";
    // A cross-reference stream that inflates to 30 MB (lopdf reads it without a limit).
    let mut pdf = raw_pdf("null", "");
    pdf.truncate(pdf.windows(4).position(|w| w == b"xref").unwrap());
    let at = pdf.len();
    let bomb = zlib(&vec![0u8; 30_000_000]);
    pdf.extend_from_slice(
        format!(
            "3 0 obj\n<</Type/XRef/Size 4/W[1 4 2]/Root 1 0 R/Filter/FlateDecode/Length {}>>\nstream\n",
            bomb.len()
        )
        .as_bytes(),
    );
    pdf.extend_from_slice(&bomb);
    pdf.extend_from_slice(format!("\nendstream\nendobj\nstartxref\n{at}\n%%EOF\n").as_bytes());
    refused("extract-xref-stream", &pdf, &[saved_again]);
    // Nor one named by a table's trailer, however its name is spelt.
    for trailer in ["/XRefStm 9", "/Pr#65v 9", "/Encrypt 9 0 R"] {
        let name = format!("extract-trailer-{}", trailer.len());
        refused(&name, &raw_pdf("null", trailer), &[saved_again]);
    }
}

#[test]
fn unsafe_names_are_refused_before_anything_is_written() {
    let long = format!("{}.json", "あ".repeat(300));
    let bad: [&[u8]; 9] = [
        b"bad\0name.json",
        long.as_bytes(),
        b"../escape.json",
        b"previous/../../escape.json",
        b"sub/folder.json",
        b"C:\\escape.json",
        b"notes.txt",
        b"tab\tname.json",
        b".hidden.json",
    ];
    for name in bad {
        let files = vec![
            (b"1-principles.json".as_slice(), attachment(b"{}")),
            (name, attachment(b"{}")),
        ];
        let label = String::from_utf8_lossy(name).replace(['\0', '/', '\\', '\t'], "_");
        refused(
            &format!(
                "extract-name-{}",
                label.chars().take(20).collect::<String>()
            ),
            &flat(files),
            &["名前", "何も書き出しませんでした"],
        );
    }
    // The same name twice would overwrite the first.
    let twice = vec![
        (b"1-principles.json".as_slice(), attachment(b"{}")),
        (b"1-principles.json".as_slice(), attachment(b"[]")),
    ];
    refused(
        "extract-name-twice",
        &flat(twice),
        &["1-principles.json", "何も書き出しませんでした"],
    );
    // The previous edition's files, one folder down, are what planpress attaches.
    let fine = vec![
        (b"1-principles.json".as_slice(), attachment(b"{}")),
        (b"previous/1-principles.json".as_slice(), attachment(b"[]")),
    ];
    let pdf = scratch_pdf("extract-previous.pdf", &flat(fine));
    let dir = tmp("extract-previous-out");
    let run = extract(&pdf, &dir);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(
        std::fs::read(dir.join("previous/1-principles.json")).unwrap(),
        b"[]"
    );
}

/// A city summary attaches each ward's files under its folder: a folder name
/// that could leave the target, hide, or name a device is refused like a file's.
#[test]
fn a_summarys_unsafe_ward_folders_are_refused_before_anything_is_written() {
    for ward in ["..", ".hidden", "CON", "a:b", "tab\tward"] {
        let names = [
            format!("{ward}/edition.json"),
            format!("{ward}/4-targets.json"),
        ];
        let files = vec![
            (b"ok-ward/edition.json".as_slice(), attachment(b"{}")),
            (names[0].as_bytes(), attachment(b"{}")),
            (names[1].as_bytes(), attachment(b"{}")),
        ];
        let label: String = ward.chars().filter(|c| c.is_alphanumeric()).collect();
        refused(
            &format!("extract-ward-{label}"),
            &flat(files),
            &["安全でない", "何も書き出しませんでした"],
        );
    }
    // A file one folder further down in a ward's folder is refused too.
    let files = vec![
        (b"ok-ward/edition.json".as_slice(), attachment(b"{}")),
        (b"ok-ward/sub/x.json".as_slice(), attachment(b"{}")),
    ];
    refused(
        "extract-ward-deeper",
        &flat(files),
        &["安全でない", "何も書き出しませんでした"],
    );
}

#[test]
fn only_a_new_or_empty_folder_is_written() {
    let pdf = scratch_pdf("extract-target.pdf", &shipped().pdf);
    // A live edition, or any folder with a file, stays as it was.
    let live = scratch_edition("extract-live");
    edit_and_keep(&live, "1-principles.json");
    let before = std::fs::read(live.join("1-principles.json")).unwrap();
    let run = extract(&pdf, &live);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    // Told either as a folder with files or as an edition folder.
    let err = stderr(&run);
    assert!(
        err.contains("空のフォルダ") || err.contains("版のフォルダの外"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(live.join("1-principles.json")).unwrap(),
        before
    );
    // An empty folder is fine.
    let empty = tmp("extract-empty");
    std::fs::create_dir_all(&empty).unwrap();
    let run = extract(&pdf, &empty);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(empty.join("edition.json").is_file());
}

#[cfg(unix)]
#[test]
fn no_link_is_followed() {
    let pdf = scratch_pdf("extract-link.pdf", &shipped().pdf);
    let elsewhere = tmp("extract-elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    // A folder holding only a link to elsewhere is not empty, and nothing goes through it.
    let linked = tmp("extract-linked");
    std::fs::create_dir_all(&linked).unwrap();
    std::os::unix::fs::symlink(&elsewhere, linked.join("previous")).unwrap();
    let run = extract(&pdf, &linked);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    // The target itself a link to an empty folder: refused, nothing written there.
    let link = tmp("extract-link");
    std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
    let run = extract(&pdf, &link);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(stderr(&run).contains("リンク"), "{}", stderr(&run));
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
}

/// Give a file of the live edition content no PDF carries.
fn edit_and_keep(dir: &Path, file: &str) {
    let path = dir.join(file);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push('\n');
    std::fs::write(&path, text).unwrap();
}

#[test]
fn a_looping_or_deep_name_tree_is_reported_not_crashed() {
    let broken = "添付ファイルの一覧が壊れています";
    let looping = pdf_with(vec![], |doc, _| {
        let id = doc.new_object_id();
        doc.objects
            .insert(id, dictionary! { "Kids" => vec![id.into()] }.into());
        id
    });
    assert!(looping.len() < 2000, "{}", looping.len());
    refused("extract-loop", &looping, &[broken]);
    let deep = pdf_with(
        vec![(b"1-principles.json", attachment(b"{}"))],
        |doc, names| {
            let mut node = doc.add_object(dictionary! { "Names" => names });
            for _ in 0..10_000 {
                node = doc.add_object(dictionary! { "Kids" => vec![node.into()] });
            }
            node
        },
    );
    refused("extract-deep", &deep, &[broken]);
    // 200 kB of nested arrays, which a recursive parser would follow to a stack overflow.
    let nested = format!("[{}{}]", "[".repeat(100_000), "]".repeat(100_000));
    refused(
        "extract-nested",
        &raw_pdf(&nested, ""),
        &["入れ子が深すぎます"],
    );
}

/// A PDF written by hand: a catalog holding `value`, and a cross-reference table.
fn raw_pdf(value: &str, trailer: &str) -> Vec<u8> {
    let mut pdf = String::from("%PDF-1.7\n");
    let catalog = pdf.len();
    pdf += &format!("1 0 obj\n<</Type/Catalog/Pages 2 0 R/X {value}>>\nendobj\n");
    let pages = pdf.len();
    pdf += "2 0 obj\n<</Type/Pages/Kids[]/Count 0>>\nendobj\n";
    let xref = pdf.len();
    pdf +=
        &format!("xref\n0 3\n0000000000 65535 f \n{catalog:010} 00000 n \n{pages:010} 00000 n \n");
    pdf += &format!("trailer\n<</Size 3/Root 1 0 R{trailer}>>\nstartxref\n{xref}\n%%EOF\n");
    pdf.into_bytes()
}

#[cfg(unix)]
#[test]
fn a_pipe_folder_or_huge_file_given_as_the_pdf_is_refused_at_once() {
    let dir = tmp("extract-special-out");
    let pipe = tmp("extract-pipe.pdf");
    fifo(&pipe);
    let huge = tmp("extract-huge.pdf");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(201 * 1024 * 1024)
        .unwrap();
    let folder = tmp("extract-folder.pdf");
    std::fs::create_dir_all(&folder).unwrap();
    for (pdf, says) in [
        (&pipe, "普通のファイルではありません"),
        (&folder, "ファイルではなくフォルダです"),
        (&huge, "大きすぎます"),
    ] {
        let run = planpress_within(
            20,
            &["extract", pdf.to_str().unwrap(), dir.to_str().unwrap()],
        );
        let message = stderr(&run);
        assert_eq!(run.status.code(), Some(1), "{message}");
        assert!(message.contains(says), "{message}");
        assert!(!dir.exists());
    }
}

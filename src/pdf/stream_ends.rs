//! Stream ends a PDF/A validator reads as written.
//!
//! krilla writes every stream as `stream\n<data>\nendstream`. When the data's last
//! byte is a carriage return (a compressed stream ends in its checksum, so about
//! one stream in 256 does), validators and readers take that byte and the line
//! feed for one CRLF end-of-line marker, count the stream one byte short and fail
//! PDF/A's rule that `/Length` matches the bytes before the marker (ISO 19005-3
//! 6.1.7.1). Such a stream gets a CRLF of its own before `endstream`; the
//! cross-reference offsets after it move by the bytes inserted.

/// How every object of the PDF ends when it holds a stream.
const STREAM_TAIL: &[u8] = b"\nendstream\nendobj\n";

/// The PDF with each stream that ends in a carriage return given a CRLF before
/// `endstream`. A PDF not laid out as pdf-writer writes (one classic
/// cross-reference table) is returned unchanged.
pub fn unambiguous(pdf: Vec<u8>) -> Vec<u8> {
    let Some(xref) = Xref::read(&pdf) else {
        return pdf;
    };
    // Each object runs from its offset to the next object or the table.
    let mut starts: Vec<usize> = xref.entries.iter().filter_map(|e| e.offset).collect();
    starts.sort_unstable();
    let mut inserts: Vec<usize> = Vec::new();
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(xref.at);
        let Some(object) = pdf.get(start..end) else {
            return pdf;
        };
        if object.ends_with(STREAM_TAIL)
            && object[..object.len() - STREAM_TAIL.len()].ends_with(b"\r")
        {
            inserts.push(end - STREAM_TAIL.len());
        }
    }
    if inserts.is_empty() {
        return pdf;
    }
    // A byte offset once a CR is inserted before each point in `inserts`.
    let moved = |at: usize| at + inserts.partition_point(|&p| p <= at);
    let mut out = Vec::with_capacity(pdf.len() + inserts.len());
    let mut from = 0;
    for &p in &inserts {
        out.extend_from_slice(&pdf[from..p]);
        out.push(b'\r');
        from = p;
    }
    out.extend_from_slice(&pdf[from..xref.entries_at]);
    for e in &xref.entries {
        match e.offset {
            Some(o) => out.extend_from_slice(format!("{:010}", moved(o)).as_bytes()),
            None => out.extend_from_slice(&e.raw[..10]),
        }
        out.extend_from_slice(&e.raw[10..]);
    }
    let tail = &pdf[xref.entries_end..xref.startxref_value];
    out.extend_from_slice(tail);
    out.extend_from_slice(moved(xref.at).to_string().as_bytes());
    out.extend_from_slice(&pdf[xref.startxref_value_end..]);
    out
}

/// The classic cross-reference table pdf-writer writes: `xref\n0 N\n` and N
/// entries of 20 bytes, then the trailer and `startxref\n<offset>\n%%EOF`.
struct Xref {
    /// Where `xref` begins.
    at: usize,
    entries_at: usize,
    entries_end: usize,
    entries: Vec<Entry>,
    /// Where the number after `startxref` begins and ends.
    startxref_value: usize,
    startxref_value_end: usize,
}

struct Entry {
    /// The object's offset, for an entry in use.
    offset: Option<usize>,
    raw: [u8; 20],
}

impl Xref {
    fn read(pdf: &[u8]) -> Option<Xref> {
        let key = b"startxref\n";
        let k = pdf.windows(key.len()).rposition(|w| w == key)?;
        let startxref_value = k + key.len();
        let digits = pdf[startxref_value..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let startxref_value_end = startxref_value + digits;
        let at: usize = std::str::from_utf8(&pdf[startxref_value..startxref_value_end])
            .ok()?
            .parse()
            .ok()?;
        let head = pdf.get(at..)?.strip_prefix(b"xref\n0 ")?;
        let count_len = head.iter().take_while(|b| b.is_ascii_digit()).count();
        let count: usize = std::str::from_utf8(&head[..count_len]).ok()?.parse().ok()?;
        if head.get(count_len) != Some(&b'\n') {
            return None;
        }
        let entries_at = at + b"xref\n0 ".len() + count_len + 1;
        let entries_end = entries_at.checked_add(count.checked_mul(20)?)?;
        if entries_end > k {
            return None;
        }
        let mut entries = Vec::with_capacity(count);
        for raw in pdf[entries_at..entries_end].chunks_exact(20) {
            let raw: [u8; 20] = raw.try_into().ok()?;
            let offset = match raw[17] {
                b'n' => Some(std::str::from_utf8(&raw[..10]).ok()?.parse().ok()?),
                b'f' => None,
                _ => return None,
            };
            if offset.is_some_and(|o: usize| o >= at) {
                return None;
            }
            entries.push(Entry { offset, raw });
        }
        Some(Xref {
            at,
            entries_at,
            entries_end,
            entries,
            startxref_value,
            startxref_value_end,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::unambiguous;

    /// A PDF as pdf-writer lays it out: objects, then the xref table.
    fn pdf(streams: &[&[u8]]) -> Vec<u8> {
        let mut out = b"%PDF-1.7\n".to_vec();
        let mut offsets = Vec::new();
        for (i, data) in streams.iter().enumerate() {
            offsets.push(out.len());
            out.extend(format!("{} 0 obj\n<</Length {}>>\nstream\n", i + 1, data.len()).bytes());
            out.extend_from_slice(data);
            out.extend_from_slice(b"\nendstream\nendobj\n");
        }
        let catalog = streams.len() + 1;
        offsets.push(out.len());
        out.extend(format!("{catalog} 0 obj\n<</Type /Catalog>>\nendobj\n").bytes());
        let xref = out.len();
        out.extend(format!("xref\n0 {}\n0000000000 65535 f\r\n", offsets.len() + 1).bytes());
        for o in offsets {
            out.extend(format!("{o:010} 00000 n\r\n").bytes());
        }
        out.extend(
            format!(
                "trailer\n<</Size {} /Root {catalog} 0 R>>\nstartxref\n{xref}\n%%EOF",
                catalog + 1
            )
            .bytes(),
        );
        out
    }

    /// Each stream's bytes as a PDF/A validator measures them: from after
    /// `stream\n` to the end-of-line marker before `endstream`.
    fn measured(pdf: &[u8]) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        let mut rest = pdf;
        while let Some(s) = rest.windows(7).position(|w| w == b"stream\n") {
            let data = &rest[s + 7..];
            let e = data.windows(9).position(|w| w == b"endstream").unwrap();
            let eol = if data[..e].ends_with(b"\r\n") { 2 } else { 1 };
            out.push(data[..e - eol].to_vec());
            rest = &data[e + 9..];
        }
        out
    }

    fn objects_at_offsets(pdf: &[u8]) {
        let doc = lopdf::Document::load_mem(pdf).expect("the PDF still reads");
        for (id, _) in doc.objects.iter() {
            let lopdf::xref::XrefEntry::Normal { offset, .. } =
                doc.reference_table.get(id.0).unwrap()
            else {
                panic!("object {id:?} is not at an offset")
            };
            let head = format!("{} 0 obj", id.0);
            assert!(
                pdf[*offset as usize..].starts_with(head.as_bytes()),
                "{head}"
            );
        }
    }

    #[test]
    fn a_stream_ending_in_cr_is_measured_whole() {
        let streams: [&[u8]; 3] = [b"ab\r", b"plain", b"x\r"];
        let before = pdf(&streams);
        assert_ne!(measured(&before)[0], streams[0], "the ambiguity this fixes");
        let after = unambiguous(before);
        assert_eq!(measured(&after), streams.map(<[u8]>::to_vec));
        objects_at_offsets(&after);
        let doc = lopdf::Document::load_mem(&after).unwrap();
        let first = doc.get_object((1, 0)).unwrap().as_stream().unwrap();
        assert_eq!(first.content, b"ab\r");
    }

    #[test]
    fn a_pdf_without_such_streams_is_unchanged() {
        let before = pdf(&[b"ab", b"\rcd"]);
        assert_eq!(unambiguous(before.clone()), before);
        assert_eq!(unambiguous(b"not a pdf".to_vec()), b"not a pdf");
    }
}

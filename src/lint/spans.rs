//! URLs, e-mail addresses and file paths in a text. They are written as a
//! machine needs them (half-width, ASCII marks), whatever the prose around them
//! uses, so no notation rule reads inside them: no full-width digits asked for
//! in `https://…/r6/`, no bracket counted in `…(2024)…`, no word looked up in
//! `\\fileserver\共有\`.

/// For each character of `chars`, whether it is part of a URL, an e-mail
/// address or a path.
pub fn literal(chars: &[char]) -> Vec<bool> {
    let mut mask = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        if let Some(end) = windows_path(chars, i) {
            mask[i..end].fill(true);
            i = end;
            continue;
        }
        if !token_char(chars[i]) || (i > 0 && token_char(chars[i - 1])) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < chars.len() && token_char(chars[end]) {
            end += 1;
        }
        let (s, e) = trim(chars, i, end);
        if s < e && is_literal(&chars[s..e]) {
            mask[s..e].fill(true);
        }
        i = end;
    }
    mask
}

/// Characters of a URL, an address or a path as typed (the full-width ＠ some
/// offices write to keep robots from harvesting an address included).
fn token_char(c: char) -> bool {
    (c.is_ascii_graphic() && !matches!(c, '"' | '<' | '>' | '`')) || c == '＠'
}

/// The run without the marks around it that belong to the sentence: an opening
/// bracket before it, a full stop, a comma or an unmatched closing bracket after it.
fn trim(chars: &[char], mut s: usize, mut e: usize) -> (usize, usize) {
    while s < e && matches!(chars[s], '(' | '[' | '{' | '\'') {
        s += 1;
    }
    loop {
        if e <= s {
            break;
        }
        let c = chars[e - 1];
        let unmatched = |open: char, close: char| {
            let run = &chars[s..e];
            run.iter().filter(|&&x| x == close).count() > run.iter().filter(|&&x| x == open).count()
        };
        let drop = match c {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' => true,
            ')' => unmatched('(', ')'),
            ']' => unmatched('[', ']'),
            '}' => unmatched('{', '}'),
            _ => false,
        };
        if !drop {
            break;
        }
        e -= 1;
    }
    (s, e)
}

/// Top-level domains that make `example.jp` an address without `www.` or `/`.
const DOMAINS: &[&str] = &[
    "jp", "com", "net", "org", "info", "biz", "gov", "edu", "int", "io", "tokyo", "osaka",
    "nagoya", "yokohama",
];

/// Extensions that make a bare name a file's: the documents an office shares.
const DOCUMENTS: &[&str] = &[
    "pdf", "xlsx", "xlsm", "xls", "docx", "doc", "pptx", "ppt", "csv", "txt", "json", "html",
    "htm", "zip", "png", "jpg", "jpeg", "jtd", "odt", "ods",
];

fn is_literal(run: &[char]) -> bool {
    let s: String = run.iter().collect();
    let lower = s.to_ascii_lowercase();
    // A URL with its scheme, or one starting www.
    if lower.contains("://") || lower.starts_with("www.") || lower.starts_with("mailto:") {
        return true;
    }
    // An e-mail address: something @ a domain.
    if let Some((local, domain)) = s.split_once(['@', '＠']) {
        return !local.is_empty() && domain_name(domain.split('/').next().unwrap_or(""), true);
    }
    // A path: / ./ ../ ~/ at its start, a backslash, or a file name at its end.
    if ["/", "./", "../", "~/"].iter().any(|p| {
        s.starts_with(p)
            && s.len() > p.len()
            && s[p.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
    }) || s.contains('\\')
        || (s.contains('/') && file_name(s.rsplit('/').next().unwrap_or("")))
    {
        return true;
    }
    // A file name of a document's kind: R06_plan_v2.xlsx (not Node.js).
    if file_name(&s)
        && s.rsplit_once('.')
            .is_some_and(|(_, ext)| DOCUMENTS.contains(&ext.to_ascii_lowercase().as_str()))
    {
        return true;
    }
    // A domain, with or without a path after it: city.example.lg.jp, example.jp/…
    let (host, path) = match s.split_once('/') {
        Some((h, _)) => (h, true),
        None => (s.as_str(), false),
    };
    domain_name(host, path)
}

/// Whether `host` is a domain name: labels of letters, digits and hyphens
/// joined by dots, the last of letters only; three labels or more, or a known
/// top-level domain, or a path after it (`example.jp/kurashi`). Not `Node.js`,
/// `No.5`, `ver.1.2`, `e.g`.
fn domain_name(host: &str, path: bool) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    let Some(last) = labels.last() else {
        return false;
    };
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && last.len() >= 2
        && last.chars().all(|c| c.is_ascii_alphabetic())
        && (labels.len() >= 3 || path || DOMAINS.contains(&last.to_ascii_lowercase().as_str()))
}

/// A file name with an extension: `plan.pdf`, `4-targets.json` (not `1.5`).
fn file_name(name: &str) -> bool {
    match name.rsplit_once('.') {
        Some((stem, ext)) => {
            !stem.is_empty()
                && (1..=5).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphanumeric())
                && ext.chars().any(|c| c.is_ascii_alphabetic())
        }
        None => false,
    }
}

/// A Windows path starting at `i` (`C:\…`, `\\server\…`), which may hold
/// Japanese folder names: its end (exclusive). The path runs over folders (up
/// to each backslash) and a last name of ASCII characters, or of any
/// characters ending in an extension (`計画書.xlsx`); Japanese after the last
/// backslash that is not a file name is the sentence going on.
fn windows_path(chars: &[char], i: usize) -> Option<usize> {
    if i > 0 && token_char(chars[i - 1]) {
        return None;
    }
    let drive = chars.get(i).is_some_and(|c| c.is_ascii_alphabetic())
        && chars.get(i + 1) == Some(&':')
        && matches!(chars.get(i + 2), Some('\\' | '¥' | '/'));
    let unc = matches!(chars.get(i..i + 2), Some(['\\', '\\']) | Some(['¥', '¥']));
    if !drive && !unc {
        return None;
    }
    let separator = |c: char| matches!(c, '\\' | '¥');
    // Characters a folder name may hold: not a space nor a sentence's marks.
    let name = |c: char| {
        !c.is_whitespace()
            && !matches!(
                c,
                '、' | '。' | '，' | '．' | '「' | '」' | '『' | '』' | '（' | '）' | '"'
            )
    };
    let mut end = i + if drive { 3 } else { 2 };
    loop {
        let mut j = end;
        while j < chars.len() && name(chars[j]) && !separator(chars[j]) {
            j += 1;
        }
        if chars.get(j).is_some_and(|&c| separator(c)) {
            end = j + 1;
            continue;
        }
        // The last name: ASCII, or anything up to an extension.
        let last: String = chars[end..j].iter().collect();
        if file_name(&last) {
            return Some(j);
        }
        let ascii = chars[end..j]
            .iter()
            .take_while(|c| c.is_ascii_graphic())
            .count();
        return Some(end + ascii);
    }
}

#[cfg(test)]
mod tests {
    use super::literal;

    /// The literal parts of a text, as strings.
    fn found(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mask = literal(&chars);
        let mut out: Vec<String> = Vec::new();
        for (i, &c) in chars.iter().enumerate() {
            if mask[i] {
                if i > 0 && mask[i - 1] {
                    out.last_mut().unwrap().push(c);
                } else {
                    out.push(c.to_string());
                }
            }
        }
        out
    }

    #[test]
    fn urls_addresses_and_paths() {
        assert_eq!(
            found(
                "詳しくは区ホームページ（https://www.city.example.lg.jp/kurashi/r6/index.html）をご覧ください。"
            ),
            ["https://www.city.example.lg.jp/kurashi/r6/index.html"]
        );
        assert_eq!(
            found("問合せはkuminka@city.example.lg.jp、またはwww.example.jp/a.pdf。"),
            ["kuminka@city.example.lg.jp", "www.example.jp/a.pdf"]
        );
        assert_eq!(found("メール: info＠example.jp まで"), ["info＠example.jp"]);
        assert_eq!(
            found("(see https://example.jp/a_(b).)"),
            ["https://example.jp/a_(b)"]
        );
        assert_eq!(
            found(r"様式は\\fileserver\共有\サービス向上\2024\form1.xlsx に置きます。"),
            [r"\\fileserver\共有\サービス向上\2024\form1.xlsx"]
        );
        assert_eq!(found(r"C:\共有\計画書に保存します"), [r"C:\共有\"]);
        assert_eq!(
            found("C:¥共有¥様式¥申請書.xlsx を使います"),
            ["C:¥共有¥様式¥申請書.xlsx"]
        );
        assert_eq!(
            found("content/miyamae-r2/4-targets.json を直す"),
            ["content/miyamae-r2/4-targets.json"]
        );
        assert_eq!(found("example.jp"), ["example.jp"]);
        assert_eq!(
            found("台帳（R06_madoguchi_daichou_v2.xlsx）に記録します"),
            ["R06_madoguchi_daichou_v2.xlsx"]
        );
    }

    #[test]
    fn not_urls() {
        for text in [
            "2024/04/01から",
            "TCP/IP",
            "and/or",
            "Node.js",
            "No.5",
            "ver.1.2",
            "e.g.",
            "km/h",
            "1.5倍",
            "044-856-3134",
            "PDCAサイクル",
            "(1) 対象",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
    }
}

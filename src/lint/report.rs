//! The lint report as a clerk reads it on the terminal.

use std::fmt::Write;

use super::{Finding, Place, Report, VariantGroup, style};

impl Report {
    /// Variant groups and rule findings (not notes): what `--strict` fails on.
    pub fn faults(&self) -> usize {
        self.variants.len() + self.findings.iter().filter(|f| !f.note).count()
    }

    /// The report in Japanese, grouped: variant spellings, then the rules' findings,
    /// then the notes.
    pub fn render_text(&self) -> String {
        let mut s = String::new();
        let (notes, rules): (Vec<&Finding>, Vec<&Finding>) =
            self.findings.iter().partition(|f| f.note);
        if self.variants.is_empty() && self.findings.is_empty() {
            return "表記の問題は見つかりませんでした\n".into();
        }
        if !self.variants.is_empty() {
            let _ = writeln!(
                s,
                "■ 表記ゆれ: {} 組（同じ語が版の中で違う書き方をされています）",
                self.variants.len()
            );
            for (i, g) in self.variants.iter().enumerate() {
                variant(&mut s, i + 1, g);
            }
        }
        if !rules.is_empty() {
            let _ = writeln!(s, "\n■ 公用文の書き方: {} 件", rules.len());
            for f in rules {
                finding(&mut s, f);
            }
        }
        if !notes.is_empty() {
            let _ = writeln!(
                s,
                "\n■ 参考（直さなくてもかまいません）: {} 件",
                notes.len()
            );
            for f in notes {
                finding(&mut s, f);
            }
        }
        let _ = writeln!(
            s,
            "\n表記ゆれ {} 組、公用文の書き方 {} 件、参考 {} 件。planpress lint は知らせるだけで、ファイルは書き換えません。",
            self.variants.len(),
            self.faults() - self.variants.len(),
            self.findings.len() - (self.faults() - self.variants.len()),
        );
        let _ = writeln!(
            s,
            "文書の種類は「{}」として検査しました（公用文作成の考え方の分類。{} の \"document_type\" で変えられます）。",
            self.document_type.name(),
            style::FILE
        );
        s
    }
}

fn variant(s: &mut String, n: usize, g: &VariantGroup) {
    let forms: Vec<String> = (g.forms.iter())
        .map(|f| format!("{} {}か所", label(f), f.count))
        .collect();
    let _ = writeln!(
        s,
        "\n[{n}] {}（{}）: {}",
        g.reading,
        g.pos,
        forms.join(" ／ ")
    );
    match &g.accepted {
        Some(a) => {
            let _ = writeln!(
                s,
                "    そろえる表記は「{a}」です（表記の決まり {} の accept）。違う書き方の箇所を直してください",
                style::FILE
            );
        }
        None => {
            let _ = writeln!(
                s,
                "    どれか一つにそろえてください。そろえる表記を {} の \"accept\" に書くと、次からはそれと違う箇所だけを示します",
                style::FILE
            );
        }
    }
    for f in &g.forms {
        if f.accepted {
            continue;
        }
        let _ = writeln!(s, "  {}（{}か所）", label(f), f.count);
        for o in &f.places {
            let _ = writeln!(
                s,
                "    {}: 「{}」 {}",
                at(&o.place),
                o.written,
                o.place.excerpt
            );
        }
    }
}

/// A spelling with the words it is written in, where they differ from it:
/// 分かる（分かりやすい、分かります）.
fn label(f: &super::Form) -> String {
    let mut written: Vec<&str> = Vec::new();
    for o in &f.places {
        if o.written != f.spelling && !written.contains(&o.written.as_str()) {
            written.push(&o.written);
        }
    }
    if written.is_empty() {
        return f.spelling.clone();
    }
    format!("{}（{}）", f.spelling, written.join("、"))
}

fn finding(s: &mut String, f: &Finding) {
    let _ = writeln!(
        s,
        "  {} [{}] 「{}」\n    {}\n    {}",
        at(&f.place),
        f.rule.label(),
        f.found,
        f.place.excerpt,
        f.message
    );
}

/// 「3-initiatives.json 120行（区民課 目標2 の本文）12文字目」
fn at(p: &Place) -> String {
    format!("{} {}行（{}）{}文字目", p.file, p.line, p.item, p.offset)
}

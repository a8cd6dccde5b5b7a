//! Content problems rendered with the offending line of each file (codespan-reporting,
//! as typst-cli renders its diagnostics): coloured on a terminal, plain otherwise.

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::termcolor::{Buffer, ColorChoice, StandardStream};
use codespan_reporting::term::{self, Config};

use super::ContentErrors;

pub fn render(errors: &ContentErrors, color: bool) -> String {
    let mut files = SimpleFiles::new();
    let ids: Vec<(String, usize)> = errors
        .texts
        .iter()
        .map(|(name, text)| {
            (
                name.clone(),
                files.add(errors.dir.join(name).display().to_string(), text.clone()),
            )
        })
        .collect();
    let config = Config::default();
    let mut buffer = if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    let header = format!(
        "内容ファイルに {} 件の問題があります（{}）。直してから、もう一度実行してください。\n\n",
        errors.errors.len(),
        errors.dir.display()
    );
    for e in &errors.errors {
        let mut d = Diagnostic::error().with_message(match &e.item {
            Some(item) => format!("{}（{item}）: {}", e.file, e.message),
            None => format!("{}: {}", e.file, e.message),
        });
        if let (Some(span), Some((_, id))) = (&e.span, ids.iter().find(|(n, _)| *n == e.file)) {
            let label = e.item.clone().unwrap_or_default();
            d = d.with_labels(vec![Label::primary(*id, span.clone()).with_message(label)]);
        }
        if term::emit_to_write_style(&mut buffer, &config, &files, &d).is_err() {
            // A span outside its file: fall back to the plain line.
            buffer.clear();
            return format!("{header}{}", plain(errors));
        }
    }
    let _ = ColorChoice::Never;
    let _ = std::marker::PhantomData::<StandardStream>;
    format!("{header}{}", String::from_utf8_lossy(buffer.as_slice()))
}

fn plain(errors: &ContentErrors) -> String {
    errors.errors.iter().map(|e| format!("- {e}\n")).collect()
}

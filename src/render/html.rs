//! The web edition: `index.html` from the view, its stylesheet and the fonts it
//! uses, subset to the page's characters. The formatter HTML-escapes every
//! value; no filter that marks text safe (unescaped) is registered here.

use minijinja::value::{Serde, Value};
use minijinja::{
    AutoEscape, Environment, Error, ErrorKind, HtmlEscape, Output, State, UndefinedBehavior,
};

use super::{RenderError, Templates, webfont};
use crate::fonts::FONT_FILES;
use crate::view::View;

/// The HTML environment: every `.html.j2` template is HTML-escaped.
pub fn environment(files: &[(String, String)]) -> Result<Environment<'static>, Error> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_formatter(html_formatter);
    env.set_syntax(super::syntax()?);
    // `safe` would let a value skip HTML escaping.
    env.remove_filter("safe");
    env.add_filter("phrases", filter_phrases);
    env.add_filter("pieces", filter_pieces);
    for (name, text) in files {
        if name.ends_with(".html.j2") {
            env.add_template_owned(name.clone(), text.clone())?;
        }
    }
    Ok(env)
}

/// The one chokepoint: every printed value is HTML-escaped, whatever a template's
/// `{% autoescape %}` says; only what the environment itself marked safe (a macro's
/// output, already escaped) is written as it is.
fn html_formatter(out: &mut Output, _state: &mut State, value: &Value) -> Result<(), Error> {
    if value.is_safe() {
        return write!(out, "{value}").map_err(Error::from);
    }
    if value.is_undefined() || value.is_none() {
        return Err(Error::new(
            ErrorKind::UndefinedError,
            "テンプレートが値のない項目を出力しようとしました",
        ));
    }
    write!(out, "{}", HtmlEscape(&value.to_string())).map_err(Error::from)
}

/// A value cut into phrases for the `ph` macro, which puts `<wbr>` between them:
/// `{text, whole}`, `whole` false for a phrase that breaks as text does (see
/// `phrases::kept_whole`). The text stays a plain value, escaped by the formatter.
fn filter_phrases(value: Value) -> Result<Value, Error> {
    if value.is_undefined() || value.is_none() {
        return Err(Error::new(
            ErrorKind::UndefinedError,
            "テンプレートが値のない項目を出力しようとしました",
        ));
    }
    let pieces = super::phrases::phrases(&value.to_string())
        .into_iter()
        .map(|text| {
            let body = text.trim_end_matches('\n');
            let whole = super::phrases::kept_whole(body);
            // A bracket or stop inside the phrase is a break a browser takes even
            // with `keep-all` (「部／（架空）」): such a phrase is set unbroken.
            let inner: Vec<char> = body.chars().collect();
            let tight = whole
                && inner.len() > 2
                && inner[1..inner.len() - 1]
                    .iter()
                    .any(|c| !c.is_alphanumeric() && *c != 'ー');
            Value::from_pairs([
                ("text", Value::from(text)),
                ("whole", Value::from(whole)),
                ("tight", Value::from(tight)),
            ])
        });
    Ok(Value::from_iter(pieces))
}

/// Text cut where lines may break, for the `txt` macro (as the PDF breaks it:
/// see `breaks`): `{text, hold, wbr}`, `hold` for a number, a run of Latin
/// letters or a URL's piece set unbroken, `wbr` where a `<wbr>` goes before the
/// piece. The text stays a plain value, escaped by the formatter.
fn filter_pieces(value: Value) -> Result<Value, Error> {
    if value.is_undefined() || value.is_none() {
        return Err(Error::new(
            ErrorKind::UndefinedError,
            "テンプレートが値のない項目を出力しようとしました",
        ));
    }
    let s = value.to_string();
    let mut out = Vec::new();
    let (mut last, mut wbr) = (0, false);
    let mut piece = |text: &str, hold: bool, wbr: bool| {
        if !text.is_empty() {
            out.push(Value::from_pairs([
                ("text", Value::from(text)),
                ("hold", Value::from(hold)),
                ("wbr", Value::from(wbr)),
            ]));
        }
    };
    for mark in super::breaks::marks(&s) {
        match mark {
            super::breaks::Mark::Break(at) => {
                piece(&s[last..at], false, wbr);
                (last, wbr) = (at, true);
            }
            super::breaks::Mark::Hold(r) => {
                piece(&s[last..r.start], false, wbr && last < r.start);
                piece(&s[r.clone()], true, wbr && last == r.start);
                (last, wbr) = (r.end, false);
            }
        }
    }
    piece(&s[last..], false, wbr);
    Ok(Value::from(out))
}

/// The web edition's files: (path in the output folder, bytes).
pub fn render(view: &View, templates: &Templates) -> Result<Vec<(String, Vec<u8>)>, RenderError> {
    let files = templates.web_files()?;
    let env = environment(&files).map_err(RenderError::from_minijinja)?;
    let html = env
        .get_template("index.html.j2")
        .and_then(|t| t.render(Value::from(Serde(view))))
        .map_err(RenderError::from_minijinja)?;
    let css: Vec<(String, String)> = files
        .into_iter()
        .filter(|(n, _)| n.ends_with(".css"))
        .collect();
    // The fonts carry only what the page and its stylesheets can show.
    let chars = webfont::characters(
        std::iter::once(html.as_str()).chain(css.iter().map(|(_, t)| t.as_str())),
    );
    let mut out = vec![("index.html".to_string(), html.into_bytes())];
    for (name, text) in css {
        out.push((name, text.into_bytes()));
    }
    for (name, data) in FONT_FILES
        .iter()
        .filter(|(n, _)| n.starts_with("BIZUDGothic"))
    {
        // A font that cannot be subset (never the bundled ones) ships whole.
        let font = webfont::subset(data, &chars).unwrap_or_else(|| data.to_vec());
        out.push((format!("fonts/{name}"), font));
    }
    out.push((
        "fonts/OFL.txt".into(),
        include_bytes!("../../fonts/OFL.txt").to_vec(),
    ));
    Ok(out)
}

//! `planpress import`: returned workbooks checked, their changes shown, and
//! written into the targets file with `--apply`.

use super::Result;
use crate::cli::ImportArgs;

pub fn run(args: ImportArgs) -> Result {
    let content = planpress::content::load(&args.edition)?;
    let returned = planpress::sheets::read_all(&content, &args.files).map_err(|errors| {
        let mut s = format!(
            "返送されたファイルに {} 件の問題があります。直してから、もう一度読み込んでください:\n",
            errors.len()
        );
        for e in errors {
            s.push_str(&format!("- {e}\n"));
        }
        s
    })?;
    let changes = planpress::sheets::changes(&content, &returned);
    print!("{}", planpress::diff::render_text(&changes));
    if args.apply && !changes.is_empty() {
        match planpress::sheets::apply(&content, &returned)? {
            Some(file) => println!("{} に書き込みました", args.edition.join(file).display()),
            None => println!("内容ファイルは変わらないため、書き込みませんでした"),
        }
    } else if !changes.is_empty() {
        println!("\n内容ファイルに書き込むには --apply を付けて実行してください");
    }
    Ok(())
}

//! `planpress edit`: the editor in the browser, on this PC only, until Ctrl+C.

use super::Result;
use crate::cli::EditArgs;

pub fn run(args: EditArgs) -> Result {
    let running = planpress::edit::start(&args.edition, args.port)?;
    println!(
        "{} を編集する画面を開きました。ブラウザで次のアドレスを開いてください（この PC からだけ開けます）:",
        args.edition.display()
    );
    println!("{}", running.address);
    println!(
        "終わるときは、この画面で Ctrl+C を押してください（保存していない変更は、ブラウザで保存してから）"
    );
    if !args.no_open && opener::open_browser(&running.address).is_err() {
        println!("ブラウザを自動で開けませんでした。上のアドレスをブラウザに貼り付けてください");
    }
    running.wait_for_ctrl_c();
    println!("編集画面を終わりました");
    Ok(())
}

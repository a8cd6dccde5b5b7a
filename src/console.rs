//! The Windows console and Japanese text. Messages written to a console go out
//! as UTF-16 (the standard library's WriteConsoleW) and show right whatever the
//! console's code page; written to a pipe or a file they are UTF-8 bytes, which a
//! program reading them in the same console (`| more`, `| findstr`) decodes by the
//! console's output code page, CP932 by default in Japan: mojibake. So when either
//! stream is redirected, the console's output code page is set to UTF-8 (65001).
//! It is not set back at exit: the reader may still be printing.

/// Call once, first thing in `main`.
pub fn init() {
    #[cfg(windows)]
    windows::utf8_output_when_redirected();
}

#[cfg(windows)]
mod windows {
    use std::io::IsTerminal;

    const CP_UTF8: u32 = 65001;

    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn GetConsoleOutputCP() -> u32;
        fn SetConsoleOutputCP(code_page: u32) -> i32;
    }

    pub fn utf8_output_when_redirected() {
        if std::io::stdout().is_terminal() && std::io::stderr().is_terminal() {
            return;
        }
        // SAFETY: both take and return plain integers; 0 means no console.
        unsafe {
            let current = GetConsoleOutputCP();
            if current != 0 && current != CP_UTF8 {
                SetConsoleOutputCP(CP_UTF8);
            }
        }
    }
}

//! The Windows console: Japanese text and colours.
//!
//! Messages written to a console go out as UTF-16 (the standard library's
//! WriteConsoleW) and show right whatever the console's code page; written to a
//! pipe they are UTF-8 bytes, which a program reading them in the same console
//! (`| more`, `| findstr`) decodes by the console's output code page, CP932 by
//! default in Japan: mojibake. So when either stream is redirected, the console's
//! output code page is set to UTF-8 (65001). It is not set back at exit: the
//! reader may still be printing.
//!
//! Content problems are coloured with ANSI sequences, which the classic Windows
//! console prints as `←[31m` unless asked to interpret them: asked here, and
//! where it cannot be, no colours.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

static COLOR: AtomicBool = AtomicBool::new(false);

/// Call once, first thing in `main`.
pub fn init() {
    let color = std::io::stderr().is_terminal();
    #[cfg(windows)]
    let color = color && windows::ansi_on_stderr();
    #[cfg(windows)]
    windows::utf8_output_when_redirected();
    COLOR.store(color, Ordering::Relaxed);
}

/// Whether standard error is a terminal that shows ANSI colours.
pub fn color() -> bool {
    COLOR.load(Ordering::Relaxed)
}

#[cfg(windows)]
mod windows {
    use std::ffi::c_void;
    use std::io::IsTerminal;
    use std::os::windows::io::AsRawHandle;

    const CP_UTF8: u32 = 65001;
    const ENABLE_VIRTUAL_TERMINAL_PROCESSING: u32 = 0x0004;

    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn GetConsoleOutputCP() -> u32;
        fn SetConsoleOutputCP(code_page: u32) -> i32;
        fn GetConsoleMode(console: *mut c_void, mode: *mut u32) -> i32;
        fn SetConsoleMode(console: *mut c_void, mode: u32) -> i32;
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

    /// Whether standard error is a console that now interprets ANSI sequences
    /// (Windows 10 and later; the mode stays on for the console's next programs,
    /// as with other tools that colour their output).
    pub fn ansi_on_stderr() -> bool {
        let handle = std::io::stderr().as_raw_handle();
        let mut mode = 0u32;
        // SAFETY: a handle of this process's standard error and a local to write to.
        unsafe {
            GetConsoleMode(handle, &mut mode) != 0
                && (mode & ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0
                    || SetConsoleMode(handle, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0)
        }
    }
}

//! A number on disk the page cannot hold: the browser reads JSON numbers as
//! doubles, so `12345678901234567890` comes back as `12345678901234567000` and
//! `1e400` as `null`; a save of any other value would write those instead of
//! what the clerk typed.

/// Digits a double always keeps.
const SAFE_DIGITS: usize = 15;

/// The first number literal of `text` (outside strings) that a double would
/// change, and its line.
pub fn unsafe_number(text: &str) -> Option<(String, usize)> {
    let b = text.as_bytes();
    let (mut i, mut line, mut in_string) = (0, 1, false);
    while i < b.len() {
        match b[i] {
            b'\n' => line += 1,
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            b'-' | b'0'..=b'9' if !in_string => {
                let start = i;
                while i < b.len() && matches!(b[i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                {
                    i += 1;
                }
                let literal = &text[start..i];
                if !safe(literal) {
                    return Some((literal.to_string(), line));
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Finite, and no more significant digits than a double keeps.
fn safe(literal: &str) -> bool {
    if !literal.parse::<f64>().is_ok_and(f64::is_finite) {
        return false;
    }
    let mantissa = literal.split(['e', 'E']).next().unwrap_or("");
    let digits = mantissa.bytes().filter(u8::is_ascii_digit);
    let significant = digits.skip_while(|&d| d == b'0').count();
    // Trailing zeros of a fraction change nothing the page shows; of an integer
    // they count (a double holds 1e20 but not 100000000000000000001).
    let significant = if mantissa.contains('.') {
        let fraction_zeros = mantissa.bytes().rev().take_while(|&d| d == b'0').count();
        significant.saturating_sub(fraction_zeros)
    } else {
        significant
    };
    significant <= SAFE_DIGITS
        || literal
            .parse::<f64>()
            .is_ok_and(|v| exact_integer(literal, v))
}

/// An integer literal a double holds exactly (`1000000000000000000000` does).
fn exact_integer(literal: &str, v: f64) -> bool {
    !literal.contains(['.', 'e', 'E']) && v.abs() < 1e300 && format!("{v:.0}") == literal
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_a_double_would_change() {
        let text = "{\n \"a\": \"12345678901234567890\",\n \"b\": [1, -2.5, 2025, 1e3, 0.1],\n \"c\": 12345678901234567890\n}";
        assert_eq!(
            unsafe_number(text),
            Some(("12345678901234567890".into(), 4))
        );
        assert_eq!(unsafe_number("[1e400]"), Some(("1e400".into(), 1)));
        assert_eq!(
            unsafe_number("[0.10000000000000000001]").map(|n| n.1),
            Some(1)
        );
        assert_eq!(
            unsafe_number("[\"\\\"\", 100000000000000000000, 1.50000000000000000]"),
            None
        );
        assert_eq!(unsafe_number("[9007199254740993]").map(|n| n.1), Some(1));
    }
}

//! A cell's value as the spreadsheet shows it: 0.95 in a `0%` cell is 「95%」,
//! 1200 in `#,##0` is 「1,200」, a date typed 2024/4/1 is 「2024/4/1」. Formats
//! that cannot be shown faithfully are refused (`Err` with the format code).

use calamine::{Data, ExcelDateTime};

use super::cells::Format;

/// The cell's text as displayed, `None` when empty; `Err` says why not (a format
/// planpress cannot reproduce, an error value such as `#N/A`) and what to do.
pub(crate) fn shown(value: &Data, format: &Format) -> Result<Option<String>, String> {
    let code = effective_code(format);
    let odd = |code: String| {
        format!(
            "セルの表示形式（{code}）のとおりには読み取れません。セルの書式を「文字列」にして、見えているとおりに入力し直してください"
        )
    };
    Ok(match value {
        Data::String(s) => {
            Some(s.replace("\r\n", "\n").trim().to_string()).filter(|s| !s.is_empty())
        }
        Data::Float(f) => Some(number(*f, &code).ok_or_else(|| odd(code))?),
        Data::Int(i) => Some(number(*i as f64, &code).ok_or_else(|| odd(code))?),
        Data::DateTime(d) => Some(date(d, &code).ok_or_else(|| odd(code))?),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Some(s.clone()),
        Data::Bool(b) => Some(if *b { "TRUE" } else { "FALSE" }.to_string()),
        Data::Error(e) => {
            return Err(format!(
                "セルがエラー（{e}）になっています。式ではなく、文字で入力し直してください"
            ));
        }
        Data::Empty => None,
    })
}

/// The format code, with the Japanese locale's built-in date formats filled in.
fn effective_code(f: &Format) -> String {
    let ja = match f.id {
        Some(14) => Some("yyyy/m/d"),
        Some(22) => Some("yyyy/m/d h:mm"),
        Some(27 | 36 | 50 | 57) => Some("[$-411]ge.m.d"),
        Some(28 | 29 | 51 | 54 | 58) => Some("[$-411]ggge\"年\"m\"月\"d\"日\""),
        Some(30) => Some("m/d/yy"),
        Some(31) => Some("yyyy\"年\"m\"月\"d\"日\""),
        Some(32) => Some("h\"時\"mm\"分\""),
        Some(33) => Some("h\"時\"mm\"分\"ss\"秒\""),
        Some(34 | 52 | 55) => Some("yyyy\"年\"m\"月\""),
        Some(35 | 53 | 56) => Some("m\"月\"d\"日\""),
        _ => None,
    };
    match (ja, &f.code) {
        (Some(c), _) => c.to_string(),
        (None, Some(c)) => c.clone(),
        (None, None) => "General".to_string(),
    }
}

/// A format code split into literal text and tokens.
enum Part {
    Lit(String),
    Tok(String),
}

/// Split the first section of `code`; `None` for what planpress does not render
/// (several sections, colours, conditions, fills).
fn parts(code: &str) -> Option<Vec<Part>> {
    let mut out = Vec::new();
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                let lit: String = chars.by_ref().take_while(|&c| c != '"').collect();
                out.push(Part::Lit(lit));
            }
            '\\' => out.push(Part::Lit(chars.next()?.to_string())),
            '[' => {
                let inner: String = chars.by_ref().take_while(|&c| c != ']').collect();
                match inner.as_str() {
                    "$-411" | "$-ja-JP" | "$-ja-JP-x-gannen" | "$-1" => {}
                    s if s.starts_with("$-") && s.len() <= 6 => {}
                    _ => return None,
                }
            }
            ';' | '*' | '_' | '?' | '@' => return None,
            c if c.is_ascii_alphabetic() => {
                let mut tok = c.to_ascii_lowercase().to_string();
                while let Some(&n) = chars.peek() {
                    if !n.eq_ignore_ascii_case(&c) {
                        break;
                    }
                    tok.push(n.to_ascii_lowercase());
                    chars.next();
                }
                out.push(Part::Tok(tok));
            }
            '0' | '#' | ',' | '.' | '%' => out.push(Part::Tok(c.to_string())),
            c => out.push(Part::Lit(c.to_string())),
        }
    }
    Some(out)
}

/// A number as `General`, `0`, `0.00`, `#,##0`, `0%`, with literal text around.
fn number(v: f64, code: &str) -> Option<String> {
    if code.eq_ignore_ascii_case("general") || code == "@" {
        return Some(general(v));
    }
    let parts = parts(code)?;
    let (mut prefix, mut suffix, mut pattern) = (String::new(), String::new(), String::new());
    for p in &parts {
        match p {
            Part::Tok(t) if "0#,.%".contains(t.as_str()) => {
                if !suffix.is_empty() && t != "%" {
                    return None;
                }
                pattern.push_str(t);
                if t == "%" {
                    suffix.push('%');
                }
            }
            Part::Tok(_) => return None,
            Part::Lit(l) if pattern.is_empty() => prefix.push_str(l),
            Part::Lit(l) => suffix.push_str(l),
        }
    }
    if pattern.trim_matches('%').is_empty() {
        return None;
    }
    let percent = pattern.matches('%').count() as i32;
    let v = v * 100f64.powi(percent);
    let number = pattern.trim_end_matches('%');
    let (int, frac) = number.split_once('.').unwrap_or((number, ""));
    if frac.contains(',') || int.ends_with(',') {
        return None;
    }
    let decimals = frac.len();
    let grouped = int.contains(',');
    let min_int = int.chars().filter(|&c| c == '0').count();
    let s = format!("{:.*}", decimals, v.abs());
    let (i, f) = s.split_once('.').unwrap_or((&s, ""));
    let mut i = i.trim_start_matches('0').to_string();
    while i.len() < min_int {
        i.insert(0, '0');
    }
    if grouped {
        i = group(&i);
    }
    let sign = if v < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    let f = if frac.contains('0') {
        f
    } else {
        f.trim_end_matches('0')
    };
    let dot = if f.is_empty() { "" } else { "." };
    Some(format!("{prefix}{sign}{i}{dot}{f}{suffix}"))
}

/// `General`: an integer as such, else up to ten decimals without trailing zeros.
fn general(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        return format!("{}", v as i64);
    }
    let s = format!("{v:.10}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn group(digits: &str) -> String {
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A date or time as its format shows it: 西暦 (`yyyy/m/d`) or 和暦 (`ggge年m月d日`).
fn date(d: &ExcelDateTime, code: &str) -> Option<String> {
    if d.is_duration() {
        return None;
    }
    let (y, mo, day, h, mi, s, _) = d.to_ymd_hms_milli();
    let (y, mo, day) = (i32::from(y), u32::from(mo), u32::from(day));
    let (era, era_name, ey) = era(y, mo, day)?;
    let gannen = code.contains("gannen");
    let parts = if code.contains("[$-F800]") {
        parts("yyyy\"年\"m\"月\"d\"日\"")?
    } else {
        parts(code)?
    };
    let mut out = String::new();
    let toks: Vec<&Part> = parts.iter().collect();
    for (k, p) in toks.iter().enumerate() {
        let t = match p {
            Part::Lit(l) => {
                out.push_str(l);
                continue;
            }
            Part::Tok(t) => t.as_str(),
        };
        // `m` is minutes right after an hour or before a second, else the month.
        let near = |dir: isize| {
            let mut j = k as isize + dir;
            while let Some(p) = usize::try_from(j).ok().and_then(|j| toks.get(j)) {
                if let Part::Tok(t) = p {
                    return Some(t.chars().next().unwrap_or(' '));
                }
                j += dir;
            }
            None
        };
        let minutes = near(-1) == Some('h') || near(1) == Some('s');
        let two = |n: u32| format!("{n:02}");
        out.push_str(&match t {
            "yyyy" | "yyy" => y.to_string(),
            "yy" | "y" => two((y % 100) as u32),
            "m" if minutes => mi.to_string(),
            "mm" if minutes => two(u32::from(mi)),
            "m" => mo.to_string(),
            "mm" => two(mo),
            "d" => day.to_string(),
            "dd" => two(day),
            "h" => h.to_string(),
            "hh" => two(u32::from(h)),
            "s" => s.to_string(),
            "ss" => two(u32::from(s)),
            "g" => era.to_string(),
            "gg" => era_name.chars().next()?.to_string(),
            "ggg" => era_name.to_string(),
            "e" if gannen && ey == 1 => "元".to_string(),
            "e" => ey.to_string(),
            "ee" => two(ey as u32),
            "aaa" => "日月火水木金土"
                .chars()
                .nth(weekday(y, mo, day))?
                .to_string(),
            "/" | "." | "," => t.to_string(),
            _ => return None,
        });
    }
    Some(out)
}

/// The era (letter, name) and year of a date, from 明治 on.
fn era(y: i32, m: u32, d: u32) -> Option<(char, &'static str, i32)> {
    let ymd = (y, m, d);
    Some(if ymd >= (2019, 5, 1) {
        ('R', "令和", y - 2018)
    } else if ymd >= (1989, 1, 8) {
        ('H', "平成", y - 1988)
    } else if ymd >= (1926, 12, 25) {
        ('S', "昭和", y - 1925)
    } else if ymd >= (1912, 7, 30) {
        ('T', "大正", y - 1911)
    } else {
        ('M', "明治", y - 1867)
    })
}

/// 0 = Sunday (Sakamoto's method).
fn weekday(y: i32, m: u32, d: u32) -> usize {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    ((y + y / 4 - y / 100 + y / 400 + T[m as usize - 1] + d as i32) % 7) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::ExcelDateTimeType;

    fn num(v: f64, code: &str) -> Option<String> {
        number(v, code)
    }

    fn day(serial: f64, code: &str) -> Option<String> {
        date(
            &ExcelDateTime::new(serial, ExcelDateTimeType::DateTime, false),
            code,
        )
    }

    #[test]
    fn numbers_as_shown() {
        assert_eq!(num(0.95, "0%").as_deref(), Some("95%"));
        assert_eq!(num(0.125, "0.0%").as_deref(), Some("12.5%"));
        assert_eq!(num(1200.0, "#,##0").as_deref(), Some("1,200"));
        assert_eq!(num(1234567.5, "#,##0.00").as_deref(), Some("1,234,567.50"));
        assert_eq!(num(30.0, "0\"件\"").as_deref(), Some("30件"));
        assert_eq!(num(-5.0, "0").as_deref(), Some("-5"));
        assert_eq!(general(0.1 + 0.2), "0.3");
        assert_eq!(general(4.0), "4");
        assert_eq!(num(1.0, "0.00E+00"), None);
        assert_eq!(num(1.0, "#,##0;[Red]-#,##0"), None);
    }

    #[test]
    fn dates_as_shown() {
        // 2024-04-01 is serial 45383; 2019-05-01 is 43586.
        assert_eq!(day(45383.0, "yyyy/m/d").as_deref(), Some("2024/4/1"));
        assert_eq!(day(45383.0, "YYYY/MM/DD").as_deref(), Some("2024/04/01"));
        assert_eq!(
            day(45383.0, "[$-411]ggge\"年\"m\"月\"d\"日\"").as_deref(),
            Some("令和6年4月1日")
        );
        assert_eq!(
            day(43586.0, "[$-ja-JP-x-gannen]ggge\"年\"m\"月\"d\"日\"").as_deref(),
            Some("令和元年5月1日")
        );
        assert_eq!(day(45383.0, "ge.m.d").as_deref(), Some("R6.4.1"));
        assert_eq!(
            day(45383.0, "m\"月\"d\"日\"(aaa)").as_deref(),
            Some("4月1日(月)")
        );
        assert_eq!(day(45383.5, "h:mm").as_deref(), Some("12:00"));
        assert_eq!(day(45383.0, "d-mmm-yy"), None);
    }
}

//! Spaces around a name that must match another exactly (a scene): said as the
//! problem, since 「窓口 」 and 「窓口」 look alike on the screen.

/// What is wrong with the spaces around `name`, if anything:
/// 「末尾に空白（全角）があります」.
pub fn around(name: &str) -> Option<String> {
    let kind = |s: &str| {
        let full = s.contains('\u{3000}');
        let half = s.chars().any(|c| c != '\u{3000}');
        match (full, half) {
            (true, true) => "空白（全角と半角）",
            (true, false) => "空白（全角）",
            _ => "空白（半角）",
        }
    };
    let lead = &name[..name.len() - name.trim_start().len()];
    let trail = &name[name.trim_end().len()..];
    if name.trim().is_empty() {
        return None;
    }
    let said = match (lead.is_empty(), trail.is_empty()) {
        (true, true) => return None,
        (false, true) => format!("先頭に{}があります", kind(lead)),
        (true, false) => format!("末尾に{}があります", kind(trail)),
        (false, false) => format!("先頭と末尾に{}があります", kind(&format!("{lead}{trail}"))),
    };
    Some(said)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_are_named_where_they_are() {
        assert_eq!(around("窓口 ").unwrap(), "末尾に空白（半角）があります");
        assert_eq!(
            around("\u{3000}窓口").unwrap(),
            "先頭に空白（全角）があります"
        );
        assert_eq!(
            around(" 窓口\u{3000}").unwrap(),
            "先頭と末尾に空白（全角と半角）があります"
        );
        assert_eq!(around("窓口"), None);
        assert_eq!(around("窓口 対応"), None);
    }
}

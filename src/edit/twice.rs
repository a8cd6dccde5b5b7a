//! A key written twice in one object of a file on disk. `planpress check` refuses
//! it, but the page (as every JSON reader) sees only the later value: a save would
//! silently drop the earlier one, which the clerk typed.

use std::collections::HashSet;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// The first key written twice in one object, and its line; `None` when every
/// object's keys differ (or the text is not JSON: the caller says so).
pub fn key_written_twice(text: &str) -> Option<(String, usize)> {
    let e = serde_json::from_str::<Walk>(text).err()?;
    let message = e.to_string();
    let key = message.strip_prefix(MARK)?.split(MARK).next()?;
    Some((key.to_string(), e.line()))
}

/// Starts (and ends) the message that names the key.
const MARK: &str = "\u{1}twice\u{1}";

/// Any JSON value, read only to compare each object's keys.
struct Walk;

impl<'de> Deserialize<'de> for Walk {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Walk)
    }
}

impl<'de> Visitor<'de> for Walk {
    type Value = Walk;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Walk, E> {
        Ok(Walk)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Walk, E> {
        Ok(Walk)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Walk, E> {
        Ok(Walk)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Walk, E> {
        Ok(Walk)
    }
    fn visit_str<E>(self, _: &str) -> Result<Walk, E> {
        Ok(Walk)
    }
    fn visit_unit<E>(self) -> Result<Walk, E> {
        Ok(Walk)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Walk, A::Error> {
        while seq.next_element::<Walk>()?.is_some() {}
        Ok(Walk)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Walk, A::Error> {
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                return Err(de::Error::custom(format!("{MARK}{key}{MARK}")));
            }
            map.next_value::<Walk>()?;
        }
        Ok(Walk)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_key_written_twice_and_its_line() {
        let text = "{\n \"a\": [{\"x\": 1, \"y\": {\"x\": 2}}],\n \"b\": 1,\n \"b\": 2\n}";
        assert_eq!(key_written_twice(text), Some(("b".into(), 4)));
        assert_eq!(
            key_written_twice("{\"a\": {\"a\": 1}, \"b\": [{\"a\": 1}, {\"a\": 2}]}"),
            None
        );
        assert_eq!(key_written_twice("{\"a\": "), None);
    }
}

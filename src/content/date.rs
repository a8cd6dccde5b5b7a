//! Real dates in content files, and their Japanese era form (和暦).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date written `YYYY-MM` or `YYYY-MM-DD` in content files.
/// The day is optional because the printed plan dates most things by month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: Option<u32>,
}

impl Date {
    pub fn parse(s: &str) -> Result<Self, String> {
        let bad = || {
            format!("日付「{s}」は YYYY-MM または YYYY-MM-DD の形で書いてください（例: 2020-06）")
        };
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| -> Result<u32, String> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let (year, month, day) = match parts.as_slice() {
            [y, m] => (num(y, 4)?, num(m, 2)?, None),
            [y, m, d] => (num(y, 4)?, num(m, 2)?, Some(num(d, 2)?)),
            _ => return Err(bad()),
        };
        if !(1..=12).contains(&month) {
            return Err(format!("日付「{s}」の月 {month} はありえません（1〜12）"));
        }
        if let Some(d) = day {
            let last = days_in_month(year as i32, month);
            if d == 0 || d > last {
                return Err(format!(
                    "日付「{s}」の日 {d} はありえません（{year}年{month}月は{last}日まで）"
                ));
            }
        }
        Ok(Date {
            year: year as i32,
            month,
            day,
        })
    }

    /// Today (UTC), for a draft's stamp.
    pub fn today() -> Self {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = (secs / 86_400) as i64 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date {
            year: year as i32,
            month: month as u32,
            day: Some(day as u32),
        }
    }

    /// 令和2年6月 (or 令和2年6月1日 when the day is given).
    pub fn wareki(&self) -> String {
        let (era, n) = era_of(self.year, self.month, self.day.unwrap_or(1));
        match self.day {
            Some(d) => format!("{era}{}年{}月{d}日", era_year(n), self.month),
            None => format!("{era}{}年{}月", era_year(n), self.month),
        }
    }
}

/// The fiscal year (年度, April to March) in era form: 2020 → 令和2年度, 2019 → 令和元年度.
/// A fiscal year is named after the era in force on its first day, except that
/// FY2019, which began in 平成31年 and is officially called 令和元年度 by the city.
pub fn fiscal_year_wareki(year: i32) -> String {
    // Kawasaki (like most municipalities) renamed FY2019 to 令和元年度 after the
    // era change on 2019-05-01; its documents print 令和元年度.
    let (era, n) = if year == 2019 {
        ("令和", 1)
    } else {
        era_of(year, 4, 1)
    };
    format!("{era}{}年度", era_year(n))
}

fn era_year(n: i32) -> String {
    if n == 1 {
        "元".to_string()
    } else {
        n.to_string()
    }
}

/// The era and its year for a date (Meiji onwards is not needed: 昭和 and later).
fn era_of(year: i32, month: u32, day: u32) -> (&'static str, i32) {
    let ymd = (year, month, day);
    if ymd >= (2019, 5, 1) {
        ("令和", year - 2018)
    } else if ymd >= (1989, 1, 8) {
        ("平成", year - 1988)
    } else if ymd >= (1926, 12, 25) {
        ("昭和", year - 1925)
    } else {
        ("", year)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)?;
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "title": "日付",
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$",
            "description": "西暦の年月（例: 2020-06）または年月日（例: 2020-06-01）。和暦はツールが計算します。"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn era_boundaries() {
        assert_eq!(Date::parse("2020-06").unwrap().wareki(), "令和2年6月");
        assert_eq!(
            Date::parse("2019-04-30").unwrap().wareki(),
            "平成31年4月30日"
        );
        assert_eq!(
            Date::parse("2019-05-01").unwrap().wareki(),
            "令和元年5月1日"
        );
        assert_eq!(Date::parse("2019-05").unwrap().wareki(), "令和元年5月");
        assert_eq!(
            Date::parse("1989-01-07").unwrap().wareki(),
            "昭和64年1月7日"
        );
        assert_eq!(
            Date::parse("1989-01-08").unwrap().wareki(),
            "平成元年1月8日"
        );
        assert_eq!(fiscal_year_wareki(2020), "令和2年度");
        assert_eq!(fiscal_year_wareki(2019), "令和元年度");
        assert_eq!(fiscal_year_wareki(2018), "平成30年度");
        assert_eq!(fiscal_year_wareki(2005), "平成17年度");
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert!(Date::parse("2020-13").is_err());
        assert!(Date::parse("2021-02-29").is_err());
        assert!(Date::parse("2020-02-29").is_ok());
        assert!(Date::parse("2020/06").is_err());
        assert!(Date::parse("R2-06").is_err());
    }
}

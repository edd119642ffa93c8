use std::fmt;
use std::str::FromStr;

/// A calendar date (proleptic Gregorian), parsed from `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate {
    /// Year, e.g. 2023.
    pub year: i32,
    /// Month 1–12.
    pub month: u32,
    /// Day 1–31.
    pub day: u32,
}

/// Why a string is not an ISO date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// Not of the form YYYY-MM-DD.
    #[error("not a YYYY-MM-DD date: {0:?}")]
    Format(String),
    /// Month or day out of range.
    #[error("no such day: {0:?}")]
    Range(String),
}

impl IsoDate {
    /// A date from its parts, when that day exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(IsoDate { year, month, day })
    }

    /// Parse `YYYY-MM-DD` (a trailing time such as `T10:00:00Z` is ignored).
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let s = s.trim();
        let head = s
            .get(..10)
            .ok_or_else(|| DateError::Format(s.to_string()))?;
        let b = head.as_bytes();
        if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return Err(DateError::Format(s.to_string()));
        }
        let num = |r: std::ops::Range<usize>| -> Result<u32, DateError> {
            head.get(r)
                .filter(|p| p.bytes().all(|c| c.is_ascii_digit()))
                .and_then(|p| p.parse().ok())
                .ok_or_else(|| DateError::Format(s.to_string()))
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        IsoDate::from_ymd(y as i32, m, d).ok_or_else(|| DateError::Range(s.to_string()))
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        IsoDate {
            year: (y + i64::from(m <= 2)) as i32,
            month: m,
            day: d,
        }
    }

    /// This date moved by `n` days.
    pub fn add_days(self, n: i64) -> Self {
        IsoDate::from_days(self.to_days() + n)
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        ((self.to_days() + 3).rem_euclid(7)) as u32
    }
}

/// Number of days in a month of a year.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for IsoDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        IsoDate::parse(s)
    }
}

impl serde::Serialize for IsoDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for IsoDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        IsoDate::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_days() {
        for s in [
            "1970-01-01",
            "2023-10-21",
            "2024-02-29",
            "1999-12-31",
            "1900-03-01",
        ] {
            let d = IsoDate::parse(s).unwrap();
            assert_eq!(IsoDate::from_days(d.to_days()), d);
        }
    }

    #[test]
    fn weekday_of_known_dates() {
        // 2023-10-21 was a Saturday.
        assert_eq!(IsoDate::parse("2023-10-21").unwrap().weekday(), 5);
        assert_eq!(IsoDate::parse("2024-06-17").unwrap().weekday(), 0);
    }

    #[test]
    fn rejects_bad_dates() {
        assert!(IsoDate::parse("2023-02-30").is_err());
        assert!(IsoDate::parse("21/10/2023").is_err());
        assert!(IsoDate::parse("").is_err());
        assert!(IsoDate::parse("2023-1x-01").is_err());
    }
}

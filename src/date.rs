//! Calendar dates (proleptic Gregorian, no time zone) for suppression expiry,
//! baseline ages and remediation deadlines.
//!
//! Days are counted with Howard Hinnant's `days_from_civil` algorithm, so
//! adding days, comparing dates and finding weekdays are plain integer
//! arithmetic. "Today" is the UTC date of the system clock unless a caller
//! passes another one (the CLI's `--today`, tests).

use std::fmt;

/// A calendar date such as `2027-01-31`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weekday {
    /// Monday.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday.
    Saturday,
    /// Sunday.
    Sunday,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in a month of a year.
#[must_use]
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date, if it exists.
    #[must_use]
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (1..=12)
            .contains(&month)
            .then_some(())
            .filter(|()| day >= 1 && day <= days_in_month(year, month))
            .map(|()| Date { year, month, day })
    }

    /// The year.
    #[must_use]
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    #[must_use]
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, from 1.
    #[must_use]
    pub fn day(self) -> u8 {
        self.day
    }

    /// Parse `YYYY-MM-DD` (exactly that form).
    ///
    /// # Errors
    /// A text that is not a valid date in that form.
    pub fn parse(s: &str) -> Result<Date, String> {
        let bad = || format!("`{s}` is not a date of the form YYYY-MM-DD");
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
            return Err(bad());
        };
        let year = i32::try_from(y).map_err(|_| bad())?;
        let month = u8::try_from(m).map_err(|_| bad())?;
        let day = u8::try_from(d).map_err(|_| bad())?;
        Date::new(year, month, day).ok_or_else(|| format!("`{s}` is not a day of the calendar"))
    }

    /// Days since 1970-01-01 (negative before).
    #[must_use]
    pub fn days_since_epoch(self) -> i64 {
        let m = i64::from(self.month);
        let d = i64::from(self.day);
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400; // [0, 399]
        let mp = (m + 9) % 12; // March = 0
        let doy = (153 * mp + 2) / 5 + d - 1; // [0, 365]
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; // [0, 146096]
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    #[must_use]
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097; // [0, 146096]
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365; // [0, 399]
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
        let mp = (5 * doy + 2) / 153; // [0, 11]
        let day = doy - (153 * mp + 2) / 5 + 1; // [1, 31]
        let month = if mp < 10 { mp + 3 } else { mp - 9 }; // [1, 12]
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date {
            year: i32::try_from(year).unwrap_or(i32::MAX),
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }

    /// The date `n` days later (earlier for negative `n`).
    #[must_use]
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + n)
    }

    /// The same day `n` months later, clamped to the end of a shorter month
    /// (`2026-08-31` + 6 months is `2027-02-28`).
    #[must_use]
    pub fn add_months(self, n: u32) -> Date {
        let total = i64::from(self.year) * 12 + i64::from(self.month - 1) + i64::from(n);
        let year = i32::try_from(total.div_euclid(12)).unwrap_or(i32::MAX);
        let month = u8::try_from(total.rem_euclid(12) + 1).unwrap_or(1);
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    #[must_use]
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// The day of the week.
    #[must_use]
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        match (self.days_since_epoch() + 3).rem_euclid(7) {
            0 => Weekday::Monday,
            1 => Weekday::Tuesday,
            2 => Weekday::Wednesday,
            3 => Weekday::Thursday,
            4 => Weekday::Friday,
            5 => Weekday::Saturday,
            _ => Weekday::Sunday,
        }
    }

    /// Whether the date falls on a Saturday or Sunday.
    #[must_use]
    pub fn is_weekend(self) -> bool {
        matches!(self.weekday(), Weekday::Saturday | Weekday::Sunday)
    }

    /// The next working day (Monday to Friday) after this date. Public
    /// holidays are not known and count as working days.
    #[must_use]
    pub fn next_working_day(self) -> Date {
        let mut d = self.add_days(1);
        while d.is_weekend() {
            d = d.add_days(1);
        }
        d
    }

    /// Today's date in UTC from the system clock.
    #[must_use]
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_days_since_epoch(i64::try_from(secs / 86_400).unwrap_or(0))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for Date {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Date::parse(s)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    /// From a `"YYYY-MM-DD"` string, or a TOML date literal (`until = 2027-01-31`).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Date;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date of the form YYYY-MM-DD")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse(v).map_err(E::custom)
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Date, A::Error> {
                // TOML hands date literals over as a one-entry map holding the text.
                let Some((_, text)) = map.next_entry::<String, String>()? else {
                    return Err(serde::de::Error::custom(
                        "expected a date of the form YYYY-MM-DD",
                    ));
                };
                Date::parse(&text).map_err(serde::de::Error::custom)
            }
        }
        d.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn days_from_civil_round_trips() {
        assert_eq!(d("1970-01-01").days_since_epoch(), 0);
        assert_eq!(d("2000-03-01").days_since_epoch(), 11_017);
        assert_eq!(d("1969-12-31").days_since_epoch(), -1);
        for n in (-719_000..2_900_000).step_by(997) {
            let date = Date::from_days_since_epoch(n);
            assert_eq!(date.days_since_epoch(), n, "{date}");
            assert_eq!(Date::parse(&date.to_string()), Ok(date));
        }
    }

    #[test]
    fn parsing_is_strict() {
        assert_eq!(d("2027-01-31").to_string(), "2027-01-31");
        assert_eq!(d("2024-02-29").day(), 29);
        for bad in [
            "2023-02-29",
            "2027-13-01",
            "2027-1-31",
            "27-01-31",
            "2027/01/31",
            "",
            "2027-01-3x",
            "2027-00-10",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn arithmetic_crosses_months_years_and_leap_days() {
        assert_eq!(d("2026-12-31").add_days(1), d("2027-01-01"));
        assert_eq!(d("2024-02-28").add_days(1), d("2024-02-29"));
        assert_eq!(d("2100-02-28").add_days(1), d("2100-03-01"));
        assert_eq!(d("2026-03-01").add_days(-1), d("2026-02-28"));
        assert_eq!(d("2026-01-01").days_until(d("2027-01-01")), 365);
        assert_eq!(d("2026-08-31").add_months(6), d("2027-02-28"));
        assert_eq!(d("2027-08-31").add_months(6), d("2028-02-29"));
        assert_eq!(d("2026-05-15").add_months(12), d("2027-05-15"));
        assert_eq!(d("2026-11-30").add_months(1), d("2026-12-30"));
    }

    #[test]
    fn weekdays_and_the_next_working_day() {
        assert_eq!(d("1970-01-01").weekday(), Weekday::Thursday);
        assert_eq!(d("2026-12-04").weekday(), Weekday::Friday);
        assert_eq!(d("2024-02-29").weekday(), Weekday::Thursday);
        // Monday to Thursday: the next day.
        assert_eq!(d("2026-11-30").next_working_day(), d("2026-12-01"));
        assert_eq!(d("2026-12-03").next_working_day(), d("2026-12-04"));
        // Friday, Saturday and Sunday: the Monday after.
        assert_eq!(d("2026-12-04").next_working_day(), d("2026-12-07"));
        assert_eq!(d("2026-12-05").next_working_day(), d("2026-12-07"));
        assert_eq!(d("2026-12-06").next_working_day(), d("2026-12-07"));
        // Across a month and a year boundary.
        assert_eq!(d("2027-12-31").next_working_day(), d("2028-01-03"));
    }

    #[test]
    fn today_is_plausible() {
        let t = Date::today();
        assert!(t.year() >= 2024, "{t}");
    }
}

//! Dates as a reader in Vietnam sees them (UTC+7), without ever panicking: a time that a
//! calendar cannot show (a crafted file's year 99999, chrono's maximum) gives an empty text,
//! never an overflow that would abort the app. Browser-free.

/// Vietnam's offset from UTC, in seconds (no daylight saving).
const VN_OFFSET: i64 = 7 * 3600;

/// The day of Unix time `ts` in Vietnam, as `dd/mm/yyyy`; empty if it cannot be shown.
pub fn day(ts: i64) -> String {
    ts.checked_add(VN_OFFSET)
        .and_then(|local| chrono::DateTime::from_timestamp(local, 0))
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_default()
}

/// The month of Unix time `ts` in Vietnam, as `yyyy-mm` (sorts as text); empty if it cannot be
/// shown.
pub fn month(ts: i64) -> String {
    ts.checked_add(VN_OFFSET)
        .and_then(|local| chrono::DateTime::from_timestamp(local, 0))
        .map(|d| d.format("%Y-%m").to_string())
        .unwrap_or_default()
}

/// The day of Unix time `ts` in Vietnam, as `yyyy-mm-dd`; empty if it cannot be shown.
pub fn iso_day(ts: i64) -> String {
    ts.checked_add(VN_OFFSET)
        .and_then(|local| chrono::DateTime::from_timestamp(local, 0))
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// A day `yyyy-mm-dd` as shown (`dd/mm/yyyy`); the text itself if it is not such a day.
pub fn day_of(date: &str) -> String {
    chrono::NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_else(|_| date.to_string())
}

/// The last second of the day `yyyy-mm-dd` in Vietnam (what "đến ngày 31/12/2026" includes),
/// as Unix time; `None` for a text that is not a date.
pub fn end_of_day(date: &str) -> Option<i64> {
    let d = chrono::NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").ok()?;
    let end = d.and_hms_opt(23, 59, 59)?.and_utc().timestamp();
    end.checked_sub(VN_OFFSET)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_as_stored_and_as_shown() {
        assert_eq!(iso_day(1_795_977_000), "2026-11-30");
        assert_eq!(day_of("2026-12-31"), "31/12/2026");
        assert_eq!(day_of("hôm qua"), "hôm qua");
    }

    #[test]
    fn an_evening_pass_shows_the_vietnamese_day() {
        // 2026-11-29 18:30 UTC is 30/11 01:30 in Hanoi.
        assert_eq!(day(1_795_977_000), "30/11/2026");
        assert_eq!(day(0), "01/01/1970");
    }

    #[test]
    fn times_at_the_end_of_the_calendar_give_nothing_instead_of_a_crash() {
        let max = chrono::DateTime::<chrono::Utc>::MAX_UTC.timestamp();
        for ts in [i64::MAX, i64::MIN, max, max - 3600, max + 1] {
            // Must not panic; what it shows is either a real day or nothing.
            let shown = day(ts);
            assert!(shown.is_empty() || shown.len() >= 10, "{ts}: {shown}");
        }
        assert_eq!(day(i64::MAX), "");
        assert_eq!(month(i64::MAX), "");
    }

    #[test]
    fn months_and_the_end_of_a_day_are_vietnamese_time() {
        // 2026-11-30 18:30 UTC is already December in Hanoi.
        assert_eq!(month(1_796_063_400), "2026-12");
        let end = end_of_day("2026-12-31").unwrap();
        assert_eq!(day(end), "31/12/2026");
        assert_eq!(day(end + 1), "01/01/2027");
        assert_eq!(end_of_day("31/12/2026"), None);
    }
}

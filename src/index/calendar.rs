//! The Nasdaq-100 rebalance calendar: reference dates, third Fridays, announcement and
//! effective dates.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::Error;

/// Scheduled rebalance kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum RebalanceKind {
    /// March, June, September: company-level constraints
    /// ([`nasdaq100::quarterly`](super::nasdaq100::quarterly)).
    Quarterly,
    /// December: annual reconstitution, company and security level
    /// ([`nasdaq100::annual`](super::nasdaq100::annual)).
    Annual,
}

/// The dates of one scheduled rebalance.
///
/// See [`RebalanceCalendar`] for an example.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RebalanceDates {
    kind: RebalanceKind,
    reference: NaiveDate,
    announcement: NaiveDate,
    third_friday: NaiveDate,
    effective: NaiveDate,
}

impl RebalanceDates {
    /// Quarterly or annual.
    ///
    /// See [`RebalanceCalendar`] for an example.
    pub fn kind(&self) -> RebalanceKind {
        self.kind
    }

    /// The reference date: the last trading day of February, May, August or November
    /// (the data the weights are computed from).
    ///
    /// See [`RebalanceCalendar`] for an example.
    pub fn reference(&self) -> NaiveDate {
        self.reference
    }

    /// The announcement: after the close, 6 trading days before the effective date.
    ///
    /// See [`RebalanceCalendar`] for an example.
    pub fn announcement(&self) -> NaiveDate {
        self.announcement
    }

    /// The third Friday of March, June, September or December (a calendar date: it may be
    /// a holiday, e.g. Juneteenth 2026-06-19).
    ///
    /// See [`RebalanceCalendar`] for an example.
    pub fn third_friday(&self) -> NaiveDate {
        self.third_friday
    }

    /// The effective date: the open of the first trading day after the third Friday.
    ///
    /// See [`RebalanceCalendar`] for an example.
    pub fn effective(&self) -> NaiveDate {
        self.effective
    }
}

/// Trading days (weekdays that are not holidays) and the scheduled rebalance dates.
///
/// Holidays are supplied by the caller (exchange calendars change; the crate does not
/// guess them). Weekends are never trading days.
///
/// # Rule
///
/// - Rebalances in March, June and September ([`RebalanceKind::Quarterly`]) and the
///   reconstitution in December ([`RebalanceKind::Annual`]).
/// - Reference date: the last trading day of the month two months before (February, May,
///   August, November).
/// - Effective at the open of the first trading day after the third Friday of the month.
/// - Announcement after the close 6 trading days before the effective date.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use ta_stream::index::{RebalanceCalendar, RebalanceKind};
///
/// let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let calendar = RebalanceCalendar::new([date(2025, 12, 25)]);
/// let december = calendar.rebalance(2025, 12)?;
/// assert_eq!(december.kind(), RebalanceKind::Annual);
/// assert_eq!(december.third_friday(), date(2025, 12, 19));
/// assert_eq!(december.effective(), date(2025, 12, 22));
/// assert_eq!(december.announcement(), date(2025, 12, 12));
/// assert_eq!(december.reference(), date(2025, 11, 28));
/// assert_eq!(calendar.year(2025)?.len(), 4);
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(from = "CalendarState")
)]
pub struct RebalanceCalendar {
    /// Sorted, without duplicates.
    holidays: Vec<NaiveDate>,
}

fn bad_month(year: i32, month: u32) -> Error {
    Error::InvalidParameter {
        name: "month",
        value: format!("{year}-{month:02}"),
        expected: "3, 6, 9 or 12 of a year chrono can represent",
    }
}

fn out_of_range(date: NaiveDate) -> Error {
    Error::InvalidParameter {
        name: "date",
        value: date.to_string(),
        expected: "a date whose neighbouring trading days chrono can represent",
    }
}

impl RebalanceCalendar {
    /// A calendar with these exchange holidays (weekends are always closed).
    ///
    /// See [`RebalanceCalendar`] for an example.
    pub fn new(holidays: impl IntoIterator<Item = NaiveDate>) -> Self {
        let mut holidays: Vec<NaiveDate> = holidays.into_iter().collect();
        holidays.sort_unstable();
        holidays.dedup();
        Self { holidays }
    }

    /// `true` on a weekday that is not a holiday.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use ta_stream::index::RebalanceCalendar;
    /// let christmas = NaiveDate::from_ymd_opt(2025, 12, 25).unwrap();
    /// assert!(!RebalanceCalendar::new([christmas]).is_trading_day(christmas));
    /// assert!(RebalanceCalendar::default().is_trading_day(christmas)); // a Thursday
    /// ```
    pub fn is_trading_day(&self, date: NaiveDate) -> bool {
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
            && self.holidays.binary_search(&date).is_err()
    }

    /// The first trading day strictly after `date`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (`date`) at the end of chrono's range.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use ta_stream::index::RebalanceCalendar;
    /// let friday = NaiveDate::from_ymd_opt(2024, 12, 20).unwrap();
    /// let monday = NaiveDate::from_ymd_opt(2024, 12, 23).unwrap();
    /// assert_eq!(RebalanceCalendar::default().next_trading_day(friday)?, monday);
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    pub fn next_trading_day(&self, date: NaiveDate) -> Result<NaiveDate, Error> {
        self.step(date, 1)
    }

    /// The last trading day strictly before `date`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (`date`) at the start of chrono's range.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use ta_stream::index::RebalanceCalendar;
    /// let monday = NaiveDate::from_ymd_opt(2024, 12, 23).unwrap();
    /// let friday = NaiveDate::from_ymd_opt(2024, 12, 20).unwrap();
    /// assert_eq!(RebalanceCalendar::default().previous_trading_day(monday)?, friday);
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    pub fn previous_trading_day(&self, date: NaiveDate) -> Result<NaiveDate, Error> {
        self.step(date, -1)
    }

    fn step(&self, date: NaiveDate, days: i64) -> Result<NaiveDate, Error> {
        let mut current = date;
        // A run of more than a year of holidays is not a calendar: stop there.
        for _ in 0..400 {
            current = current
                .checked_add_signed(Duration::days(days))
                .ok_or_else(|| out_of_range(date))?;
            if self.is_trading_day(current) {
                return Ok(current);
            }
        }
        Err(out_of_range(date))
    }

    /// The last trading day of a month.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (`month`) for a month outside `1..=12` or a year chrono
    /// cannot represent.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use ta_stream::index::RebalanceCalendar;
    /// // 2025-05-31 is a Saturday.
    /// let last = RebalanceCalendar::default().last_trading_day_of_month(2025, 5)?;
    /// assert_eq!(last, NaiveDate::from_ymd_opt(2025, 5, 30).unwrap());
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    pub fn last_trading_day_of_month(&self, year: i32, month: u32) -> Result<NaiveDate, Error> {
        let last_day = Self::last_day_of_month(year, month)?;
        if self.is_trading_day(last_day) {
            Ok(last_day)
        } else {
            self.previous_trading_day(last_day)
        }
    }

    /// The last calendar day of a month, without constructing the next month (so that
    /// December of chrono's last year works) and without arithmetic on `month`.
    fn last_day_of_month(year: i32, month: u32) -> Result<NaiveDate, Error> {
        if !(1..=12).contains(&month) {
            return Err(bad_month(year, month));
        }
        [31, 30, 29, 28]
            .into_iter()
            .find_map(|day| NaiveDate::from_ymd_opt(year, month, day))
            .ok_or_else(|| bad_month(year, month))
    }

    /// The third Friday of a month (a calendar date, holiday or not).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (`month`) for a month outside `1..=12` or a year chrono
    /// cannot represent.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use ta_stream::index::RebalanceCalendar;
    /// let third = RebalanceCalendar::third_friday(2026, 3)?;
    /// assert_eq!(third, NaiveDate::from_ymd_opt(2026, 3, 20).unwrap());
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    pub fn third_friday(year: i32, month: u32) -> Result<NaiveDate, Error> {
        NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Fri, 3)
            .ok_or_else(|| bad_month(year, month))
    }

    /// The dates of the scheduled rebalance of `month` (3, 6, 9 or 12) of `year`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (`month`) for any other month or a year chrono cannot
    /// represent.
    ///
    /// See [`RebalanceCalendar`] for an example.
    pub fn rebalance(&self, year: i32, month: u32) -> Result<RebalanceDates, Error> {
        let kind = match month {
            3 | 6 | 9 => RebalanceKind::Quarterly,
            12 => RebalanceKind::Annual,
            _ => return Err(bad_month(year, month)),
        };
        let third_friday = Self::third_friday(year, month)?;
        let effective = self.next_trading_day(third_friday)?;
        let mut announcement = effective;
        for _ in 0..6 {
            announcement = self.previous_trading_day(announcement)?;
        }
        // `month` is 3, 6, 9 or 12 here: the subtraction cannot wrap.
        let reference = self.last_trading_day_of_month(year, month.saturating_sub(1))?;
        Ok(RebalanceDates {
            kind,
            reference,
            announcement,
            third_friday,
            effective,
        })
    }

    /// The four scheduled rebalances of a year, in date order.
    ///
    /// # Errors
    /// As [`rebalance`](Self::rebalance).
    ///
    /// See [`RebalanceCalendar`] for an example.
    pub fn year(&self, year: i32) -> Result<Vec<RebalanceDates>, Error> {
        [3, 6, 9, 12]
            .into_iter()
            .map(|month| self.rebalance(year, month))
            .collect()
    }

    /// The first scheduled rebalance whose effective date is on or after `date`.
    ///
    /// # Errors
    /// As [`rebalance`](Self::rebalance).
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use ta_stream::index::{RebalanceCalendar, RebalanceKind};
    /// let after = NaiveDate::from_ymd_opt(2025, 12, 23).unwrap();
    /// let next = RebalanceCalendar::default().next_rebalance(after)?;
    /// assert_eq!(next.effective(), NaiveDate::from_ymd_opt(2026, 3, 23).unwrap());
    /// assert_eq!(next.kind(), RebalanceKind::Quarterly);
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    pub fn next_rebalance(&self, date: NaiveDate) -> Result<RebalanceDates, Error> {
        for year in [Some(date.year()), date.year().checked_add(1)]
            .into_iter()
            .flatten()
        {
            for dates in self.year(year)? {
                if dates.effective >= date {
                    return Ok(dates);
                }
            }
        }
        Err(out_of_range(date))
    }

    /// The holidays, sorted.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use ta_stream::index::RebalanceCalendar;
    /// let day = NaiveDate::from_ymd_opt(2026, 6, 19).unwrap();
    /// assert_eq!(RebalanceCalendar::new([day, day]).holidays(), [day]);
    /// ```
    pub fn holidays(&self) -> &[NaiveDate] {
        &self.holidays
    }
}

/// The serialized form of a [`RebalanceCalendar`]: holidays in any order, sorted on the
/// way in.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CalendarState {
    holidays: Vec<NaiveDate>,
}

#[cfg(feature = "serde")]
impl From<CalendarState> for RebalanceCalendar {
    fn from(state: CalendarState) -> Self {
        Self::new(state.holidays)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn is_month_error(result: Result<NaiveDate, Error>) -> bool {
        matches!(result, Err(Error::InvalidParameter { name: "month", .. }))
    }

    #[test]
    fn month_u32_max_is_an_error_not_an_overflow() {
        let calendar = RebalanceCalendar::default();
        assert!(is_month_error(
            calendar.last_trading_day_of_month(2024, u32::MAX)
        ));
        assert!(is_month_error(RebalanceCalendar::third_friday(
            2024,
            u32::MAX
        )));
        assert!(calendar.rebalance(2024, u32::MAX).is_err());
    }

    #[test]
    fn months_0_and_13_are_errors() {
        let calendar = RebalanceCalendar::default();
        for month in [0, 13] {
            assert!(is_month_error(
                calendar.last_trading_day_of_month(2024, month)
            ));
            assert!(is_month_error(RebalanceCalendar::third_friday(2024, month)));
            assert!(calendar.rebalance(2024, month).is_err());
        }
        for month in [0, 1, 2, 4, 5, 7, 8, 10, 11, 13, u32::MAX] {
            assert!(calendar.rebalance(2024, month).is_err(), "month {month}");
        }
    }

    #[test]
    fn years_i32_min_and_max_are_errors() {
        let calendar = RebalanceCalendar::default();
        for year in [i32::MIN, i32::MAX, i32::MIN + 1, i32::MAX - 1] {
            for month in [1, 3, 12] {
                assert!(is_month_error(
                    calendar.last_trading_day_of_month(year, month)
                ));
                assert!(is_month_error(RebalanceCalendar::third_friday(year, month)));
                assert!(calendar.rebalance(year, month).is_err());
            }
            assert!(calendar.year(year).is_err());
        }
    }

    #[test]
    fn the_last_representable_date_gives_errors_or_dates_never_panics() {
        let calendar = RebalanceCalendar::default();
        let last = NaiveDate::MAX;
        let first = NaiveDate::MIN;
        // The last month of chrono's range has a last trading day (the next month does not
        // exist: it is never constructed).
        let day = calendar
            .last_trading_day_of_month(last.year(), 12)
            .unwrap_or_default();
        assert_eq!((day.year(), day.month()), (last.year(), 12));
        assert!(calendar.is_trading_day(day));
        assert!(calendar.next_trading_day(last).is_err());
        assert!(calendar.previous_trading_day(first).is_err());
        assert!(calendar.previous_trading_day(last).is_ok());
        // Rebalances at both ends of the range: a date or an error, never a panic.
        for year in [first.year(), last.year()] {
            for month in [3, 6, 9, 12] {
                let _ = calendar.rebalance(year, month);
            }
        }
        let _ = calendar.next_rebalance(last);
        let _ = calendar.next_rebalance(first);
        assert!(calendar.next_rebalance(date(last.year(), 12, 30)).is_err());
        // The first month of the range: no trading day before its first day.
        let _ = calendar.last_trading_day_of_month(first.year(), 1);
    }

    #[test]
    fn a_month_of_holidays_steps_back_and_a_year_of_them_is_an_error() {
        let holidays: Vec<NaiveDate> = (1..=31).map(|d| date(2025, 1, d)).collect();
        let calendar = RebalanceCalendar::new(holidays);
        assert_eq!(
            calendar.last_trading_day_of_month(2025, 1).ok(),
            Some(date(2024, 12, 31))
        );
        let start = date(2025, 1, 1);
        let year: Vec<NaiveDate> = (0..500)
            .filter_map(|d| start.checked_add_signed(Duration::days(d)))
            .collect();
        let closed = RebalanceCalendar::new(year);
        assert!(closed.next_trading_day(start).is_err());
    }
}

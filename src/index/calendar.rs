//! The Nasdaq-100 rebalance calendar: reference dates, third Fridays, announcement and
//! effective dates.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::Error;

/// Scheduled rebalance kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
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
        let (next_year, next_month) = if month == 12 {
            (year.checked_add(1), 1)
        } else {
            (Some(year), month + 1)
        };
        let first_of_next = next_year
            .and_then(|y| NaiveDate::from_ymd_opt(y, next_month, 1))
            .filter(|_| (1..=12).contains(&month))
            .ok_or_else(|| bad_month(year, month))?;
        self.previous_trading_day(first_of_next)
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
        let reference = self.last_trading_day_of_month(year, month - 1)?;
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
struct CalendarState {
    holidays: Vec<NaiveDate>,
}

#[cfg(feature = "serde")]
impl From<CalendarState> for RebalanceCalendar {
    fn from(state: CalendarState) -> Self {
        Self::new(state.holidays)
    }
}

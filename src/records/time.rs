//! The times events carry, and which of them may order this PC's clock.
//!
//! Events recorded on one PC get strictly increasing times, so a rename one millisecond after a creation
//! still folds after it when the clock is coarse or stands still. The danger is letting a time from
//! elsewhere into that rule: an imported event dated `9999-12-31T23:59:59.999Z` made every later event on
//! the PC `+10000-…`, which no RFC 3339 reader accepts, so it was lost on the next start. Hence:
//!
//! - only this PC's own events, and none of them dated past [`MAX_SKEW`] ahead of now, order the clock;
//! - a time outside [`MIN_AT`]..[`MAX_AT`] is not a plausible event time: the parser refuses it, so it
//!   never reaches the journal, and the clock never stamps one;
//! - an import counts events dated past [`MAX_SKEW`] ahead of now ([`is_future`]) so the trainer hears
//!   that the other PC's clock is wrong; they are kept (they are real records), but order nothing.

use chrono::{DateTime, Duration, FixedOffset, TimeZone as _, Utc};

/// How far ahead of now an event may be dated and still count as "now": clocks of PCs in one training
/// room disagree by minutes, and a PC's clock may be set back by hours after a wrong time zone.
pub const MAX_SKEW: Duration = Duration::days(1);

/// The first plausible event time. A PC with a flat clock battery may start in 1970 or 2000; those records
/// are real and stay importable.
pub const MIN_AT: DateTime<Utc> = DateTime::from_timestamp_nanos(0);

/// Just past the last plausible event time (2200-01-01T00:00:00Z). Far enough for any real clock, and far
/// from the year 9999, past which adding a millisecond gives a time that cannot be written back.
pub const MAX_AT: DateTime<Utc> = match DateTime::from_timestamp(7_258_118_400, 0) {
    Some(t) => t,
    None => DateTime::<Utc>::MIN_UTC,
};

/// Whether `at` is a time an event can carry: inside [`MIN_AT`]..[`MAX_AT`].
#[must_use]
pub fn is_plausible(at: &DateTime<FixedOffset>) -> bool {
    let utc = at.with_timezone(&Utc);
    utc >= MIN_AT && utc < MAX_AT
}

/// Whether `at` lies more than [`MAX_SKEW`] ahead of `now`: the recording PC's clock was wrong.
#[must_use]
pub fn is_future(at: &DateTime<FixedOffset>, now: &DateTime<FixedOffset>) -> bool {
    *at > *now + MAX_SKEW
}

/// The latest time among this PC's own events that may order its clock: events of `device`, not dated
/// past [`MAX_SKEW`] ahead of `now`.
#[must_use]
pub fn last_own<'a>(
    events: impl IntoIterator<Item = (uuid::Uuid, &'a DateTime<FixedOffset>)>,
    device: uuid::Uuid,
    now: &DateTime<FixedOffset>,
) -> Option<DateTime<FixedOffset>> {
    events
        .into_iter()
        .filter(|(d, at)| *d == device && !is_future(at, now))
        .map(|(_, at)| *at)
        .max()
}

/// The time for the next event recorded here: `now`, or a millisecond after `last` when the clock has
/// not moved past it. Never an implausible time: a clock outside the plausible range is clamped into it,
/// and a `last` that is too far ahead (a clock set back by more than [`MAX_SKEW`]) is not followed.
#[must_use]
pub fn next_stamp(last: Option<DateTime<FixedOffset>>, now: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    let now = clamp(now);
    match last {
        Some(last) if now <= last && !is_future(&last, &now) => {
            let next = last + Duration::milliseconds(1);
            if is_plausible(&next) { next } else { now }
        }
        _ => now,
    }
}

fn clamp(now: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    let offset = *now.offset();
    if now.with_timezone(&Utc) < MIN_AT {
        offset.from_utc_datetime(&MIN_AT.naive_utc())
    } else if now.with_timezone(&Utc) >= MAX_AT {
        offset.from_utc_datetime(&(MAX_AT - Duration::days(1)).naive_utc())
    } else {
        now
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn the_year_9999_is_not_plausible_and_today_is() {
        assert!(!is_plausible(&at("9999-12-31T23:59:59.999Z")));
        assert!(!is_plausible(&at("2200-01-01T00:00:00Z")));
        assert!(is_plausible(&at("2199-12-31T23:59:59.999Z")));
        assert!(is_plausible(&at("2026-12-01T09:00:00.000+07:00")));
        assert!(is_plausible(&at("1970-01-01T00:00:00Z")));
        assert!(!is_plausible(&at("1969-12-31T23:59:59Z")));
        assert_eq!(MAX_AT, at("2200-01-01T00:00:00Z"));
    }

    #[test]
    fn a_still_clock_steps_a_millisecond() {
        let now = at("2026-12-01T09:00:00.000+07:00");
        assert_eq!(next_stamp(Some(now), now), at("2026-12-01T09:00:00.001+07:00"));
        assert_eq!(next_stamp(None, now), now);
        let earlier = at("2026-12-01T08:59:00.000+07:00");
        assert_eq!(next_stamp(Some(earlier), now), now);
    }

    #[test]
    fn a_last_time_far_ahead_is_not_followed() {
        let now = at("2026-12-01T09:00:00.000+07:00");
        assert_eq!(next_stamp(Some(at("2031-01-01T00:00:00Z")), now), now);
        assert_eq!(next_stamp(Some(at("9999-12-31T23:59:59.999Z")), now), now);
        // A clock an hour behind still keeps the order of what it recorded.
        let ahead = at("2026-12-01T10:00:00.000+07:00");
        assert_eq!(next_stamp(Some(ahead), now), at("2026-12-01T10:00:00.001+07:00"));
    }

    #[test]
    fn a_wild_clock_is_clamped_into_the_plausible_range() {
        assert!(is_plausible(&next_stamp(None, at("9999-12-31T23:59:59.999Z"))));
        assert!(is_plausible(&next_stamp(None, at("1900-01-01T00:00:00Z"))));
    }

    #[test]
    fn only_own_events_within_the_skew_order_the_clock() {
        let (me, other) = (uuid::Uuid::from_u128(1), uuid::Uuid::from_u128(2));
        let now = at("2026-12-01T09:00:00.000+07:00");
        let mine = at("2026-12-01T08:00:00.000+07:00");
        let theirs = at("2026-12-01T08:30:00.000+07:00");
        let my_future = at("2031-01-01T00:00:00Z");
        let events = [(me, &mine), (other, &theirs), (me, &my_future)];
        assert_eq!(last_own(events, me, &now), Some(mine));
        assert_eq!(last_own([(other, &theirs)], me, &now), None);
    }
}

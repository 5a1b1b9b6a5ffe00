//! The trainer's PIN: 4–8 digits, kept only as an Argon2id hash (a PHC string such as
//! `$argon2id$v=19$m=19456,t=2,p=1$…`) in `settings.json`, and a gate that counts wrong tries: after
//! [`MAX_TRIES`] wrong PINs in a row it refuses every PIN, right or wrong, for [`LOCK`].
//!
//! No window here: the clock is passed in as an [`Instant`] (monotonic, so changing the PC's date does
//! not shorten a wait), which keeps the tests deterministic. A wait also survives closing the app: the
//! settings keep its end as a date, and [`Gate::resume`] turns what is left of it back into a lock —
//! never longer than [`LOCK`], so a PC clock set backwards cannot lock the area for longer.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher as _, PasswordVerifier as _};
use rand::RngCore as _;

/// Fewest digits in a PIN.
pub const MIN_DIGITS: usize = 4;
/// Most digits in a PIN.
pub const MAX_DIGITS: usize = 8;
/// Wrong tries in a row before the gate locks.
pub const MAX_TRIES: u32 = 3;
/// How long the gate stays locked.
pub const LOCK: Duration = Duration::from_secs(30);

/// Why a new PIN was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinError {
    /// Not 4–8 characters, or not only the digits 0–9.
    Format,
    /// The PIN and its repetition differ.
    Mismatch,
    /// The hash could not be made (the hashing library failed; not expected).
    Hash,
}

/// Checks the form of a new PIN: 4–8 ASCII digits, nothing else (spaces around are trimmed).
///
/// # Errors
/// [`PinError::Format`].
pub fn validate(pin: &str) -> Result<&str, PinError> {
    let pin = pin.trim();
    let ok = (MIN_DIGITS..=MAX_DIGITS).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit());
    if ok { Ok(pin) } else { Err(PinError::Format) }
}

/// Checks a new PIN and its repetition and hashes it: the PHC string to store.
///
/// # Errors
/// [`PinError::Format`] for a PIN that is not 4–8 digits, [`PinError::Mismatch`] when the two differ,
/// [`PinError::Hash`] if hashing fails.
pub fn new_pin(pin: &str, again: &str) -> Result<String, PinError> {
    let pin = validate(pin)?;
    if pin != again.trim() {
        return Err(PinError::Mismatch);
    }
    hash(pin)
}

/// The Argon2id hash of `pin` with a fresh random salt, as a PHC string.
///
/// # Errors
/// [`PinError::Hash`] if the hashing library fails.
pub fn hash(pin: &str) -> Result<String, PinError> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    Argon2::default()
        .hash_password_with_salt(pin.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| {
            log::error!("hashing the trainer PIN: {e}");
            PinError::Hash
        })
}

/// Whether `pin` is the PIN hashed in `phc`. A damaged hash matches nothing.
#[must_use]
pub fn verify(pin: &str, phc: &str) -> bool {
    match Argon2::default().verify_password(pin.trim().as_bytes(), phc) {
        Ok(()) => true,
        Err(argon2::password_hash::Error::PasswordInvalid) => false,
        Err(e) => {
            log::error!("the stored trainer PIN hash cannot be read: {e}");
            false
        }
    }
}

/// The outcome of one try at the gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// The right PIN: the trainer area opens.
    Granted,
    /// A wrong PIN; `tries_left` more before the gate locks.
    Wrong { tries_left: u32 },
    /// This wrong PIN locked the gate, or it was already locked (the PIN was not even checked):
    /// wait `seconds_left` seconds.
    Locked { seconds_left: u64 },
}

/// Counts wrong tries and locks after [`MAX_TRIES`] of them in a row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gate {
    wrong_in_a_row: u32,
    locked_until: Option<Instant>,
}

impl Gate {
    /// Tries `pin` against the stored hash `phc` at time `now`.
    pub fn try_pin(&mut self, pin: &str, phc: &str, now: Instant) -> Attempt {
        if let Some(seconds_left) = self.seconds_left(now) {
            return Attempt::Locked { seconds_left };
        }
        self.locked_until = None;
        if verify(pin, phc) {
            self.wrong_in_a_row = 0;
            return Attempt::Granted;
        }
        self.wrong_in_a_row += 1;
        if self.wrong_in_a_row >= MAX_TRIES {
            self.wrong_in_a_row = 0;
            self.locked_until = Some(now + LOCK);
            return Attempt::Locked {
                seconds_left: LOCK.as_secs(),
            };
        }
        Attempt::Wrong {
            tries_left: MAX_TRIES - self.wrong_in_a_row,
        }
    }

    /// While locked, the whole seconds left to wait, rounded up (so "0" is never shown while still
    /// locked); `None` when a PIN may be tried.
    #[must_use]
    pub fn seconds_left(&self, now: Instant) -> Option<u64> {
        let until = self.locked_until?;
        let left = until.checked_duration_since(now)?;
        if left.is_zero() {
            return None;
        }
        Some(left.as_secs() + u64::from(left.subsec_nanos() > 0))
    }

    /// Wrong tries since the last right one or the last lock.
    #[must_use]
    pub fn wrong_in_a_row(&self) -> u32 {
        self.wrong_in_a_row
    }

    /// Ends a lock at once (tests).
    pub fn unlock(&mut self) {
        self.locked_until = None;
    }

    /// A gate at start-up: locked for what is left of a wait that was to end at `until` (a wall-clock
    /// date from the settings), at most [`LOCK`]; open when it has passed.
    #[must_use]
    pub fn resume(until: Option<DateTime<Utc>>, wall_now: DateTime<Utc>, now: Instant) -> Self {
        let left = until
            .and_then(|u| (u - wall_now).to_std().ok())
            .map(|left| left.min(LOCK))
            .filter(|left| !left.is_zero());
        Self {
            wrong_in_a_row: 0,
            locked_until: left.map(|left| now + left),
        }
    }

    /// Whether the gate is locked at `now`.
    #[must_use]
    pub fn is_locked(&self, now: Instant) -> bool {
        self.seconds_left(now).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_are_four_to_eight_digits() {
        assert_eq!(validate("1234"), Ok("1234"));
        assert_eq!(validate(" 12345678 "), Ok("12345678"));
        for bad in ["", "123", "123456789", "12a4", "12 34", "١٢٣٤", "-1234"] {
            assert_eq!(validate(bad), Err(PinError::Format), "{bad:?}");
        }
    }

    #[test]
    fn hash_is_a_phc_string_that_verifies() {
        let phc = new_pin("2468", "2468").unwrap();
        assert!(phc.starts_with("$argon2id$v=19$"), "{phc}");
        assert!(!phc.contains("2468"));
        assert!(verify("2468", &phc));
        assert!(verify(" 2468 ", &phc));
        assert!(!verify("2469", &phc));
        assert!(!verify("", &phc));
        // A fresh salt every time.
        assert_ne!(hash("2468").unwrap(), phc);
        // A damaged hash matches nothing, and does not panic.
        assert!(!verify("2468", "not a hash"));
        assert!(!verify("2468", ""));
    }

    #[test]
    fn new_pin_checks_form_and_repetition() {
        assert_eq!(new_pin("12", "12"), Err(PinError::Format));
        assert_eq!(new_pin("1234", "1235"), Err(PinError::Mismatch));
    }

    #[test]
    fn three_wrong_tries_lock_for_thirty_seconds() {
        let phc = hash("1357").unwrap();
        let t0 = Instant::now();
        let mut gate = Gate::default();
        assert_eq!(gate.try_pin("0000", &phc, t0), Attempt::Wrong { tries_left: 2 });
        assert_eq!(gate.try_pin("1111", &phc, t0), Attempt::Wrong { tries_left: 1 });
        assert_eq!(
            gate.try_pin("2222", &phc, t0),
            Attempt::Locked { seconds_left: 30 }
        );
        // Locked: even the right PIN is refused, and the seconds count down (rounded up).
        let later = t0 + Duration::from_millis(10_500);
        assert_eq!(
            gate.try_pin("1357", &phc, later),
            Attempt::Locked { seconds_left: 20 }
        );
        assert_eq!(gate.seconds_left(t0 + Duration::from_secs(29)), Some(1));
        assert_eq!(gate.seconds_left(t0 + Duration::from_millis(29_001)), Some(1));
        assert_eq!(gate.seconds_left(t0 + LOCK), None);
        // After the wait: three fresh tries, and the right PIN opens.
        let after = t0 + LOCK;
        assert_eq!(
            gate.try_pin("0000", &phc, after),
            Attempt::Wrong { tries_left: 2 }
        );
        assert_eq!(gate.try_pin("1357", &phc, after), Attempt::Granted);
        assert_eq!(gate.wrong_in_a_row(), 0);
    }

    #[test]
    fn a_right_pin_resets_the_count() {
        let phc = hash("8642").unwrap();
        let now = Instant::now();
        let mut gate = Gate::default();
        gate.try_pin("0000", &phc, now);
        gate.try_pin("0000", &phc, now);
        assert_eq!(gate.try_pin("8642", &phc, now), Attempt::Granted);
        assert_eq!(gate.try_pin("0000", &phc, now), Attempt::Wrong { tries_left: 2 });
    }

    #[test]
    fn unlock_ends_a_wait() {
        let phc = hash("1234").unwrap();
        let now = Instant::now();
        let mut gate = Gate::default();
        for _ in 0..MAX_TRIES {
            gate.try_pin("9999", &phc, now);
        }
        assert!(gate.seconds_left(now).is_some());
        gate.unlock();
        assert_eq!(gate.try_pin("1234", &phc, now), Attempt::Granted);
    }

    #[test]
    fn a_wait_resumes_after_a_restart_but_never_grows() {
        let wall = DateTime::parse_from_rfc3339("2026-03-16T08:00:00Z")
            .unwrap()
            .to_utc();
        let now = Instant::now();
        let secs = |s| chrono::Duration::seconds(s);
        // 12 s of the wait left when the app reopens.
        let gate = Gate::resume(Some(wall + secs(12)), wall, now);
        assert_eq!(gate.seconds_left(now), Some(12));
        assert!(!gate.is_locked(now + Duration::from_secs(12)));
        // Over, or never locked: open.
        assert!(!Gate::resume(Some(wall - secs(1)), wall, now).is_locked(now));
        assert!(!Gate::resume(None, wall, now).is_locked(now));
        // A date far ahead (the clock was set back) still means at most 30 s.
        let gate = Gate::resume(Some(wall + secs(86_400)), wall, now);
        assert_eq!(gate.seconds_left(now), Some(LOCK.as_secs()));
    }
}

//! The trainer's PIN and the gate in front of the trainer area.
//!
//! A new PIN has 6–8 digits; PINs of 4 or 5 digits set by earlier versions still open the area (the
//! screen then suggests a longer one). The PIN is kept only as an Argon2id hash, a PHC string such as
//! `$argon2id$v=19$m=…,t=…,p=1$salt$hash` in `settings.json`. The string carries its own cost, so a
//! hash made with older, cheaper parameters still verifies; [`Cost::SHIPPED`] makes one guess take
//! about half a second on a training-room PC, which is what slows down someone who copied the hash
//! (every 6-digit PIN: about 40 hours of one core of the development PC, instead of seconds). See the
//! README for what the PIN does and does not protect.
//!
//! The [`Gate`] counts wrong PINs: from the [`MAX_TRIES`]th wrong PIN in a row it refuses every PIN,
//! right or wrong, for a wait that starts at [`FIRST_WAIT`] and doubles with each further wrong PIN,
//! up to [`LONGEST_WAIT`]. A try counts as wrong from the moment it starts ([`Gate::begin`]) until the
//! hash says it was right ([`Gate::settle`]), so closing the app while a PIN is being checked does
//! not give a free try. The count and the end of the wait live in the settings ([`Remembered`]) and
//! come back at start-up ([`Gate::resume`]); a wait is never longer than its step allows, so a PC
//! clock set backwards cannot lock the area for longer, and one set forwards ends only the current
//! wait, not the count.
//!
//! No window here: the clock is passed in as an [`Instant`] (monotonic, so changing the PC's date
//! does not shorten a wait while the app runs), which keeps the tests deterministic.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use argon2::password_hash::{PasswordHasher as _, PasswordVerifier as _};
use argon2::{Algorithm, Argon2, Params, PasswordHash, Version};
use rand::RngCore as _;

/// Fewest digits in a new PIN.
pub const MIN_DIGITS: usize = 6;
/// Most digits in a PIN.
pub const MAX_DIGITS: usize = 8;
/// Wrong tries in a row before the gate locks.
pub const MAX_TRIES: u32 = 3;
/// The wait after the [`MAX_TRIES`]th wrong PIN; each further wrong PIN doubles it.
pub const FIRST_WAIT: Duration = Duration::from_secs(30);
/// The longest wait, however many wrong PINs.
pub const LONGEST_WAIT: Duration = Duration::from_secs(15 * 60);

/// The largest cost a stored hash may ask for before it is treated as damaged: checking a PIN against
/// a hash that asks for gigabytes would exhaust a 4 GB PC instead of refusing.
const MAX_MEMORY_KIB: u32 = 1024 * 1024;
const MAX_PASSES: u32 = 64;
const MAX_LANES: u32 = 16;

/// The Argon2id cost of a new hash: memory in KiB and passes over it (one lane: the `argon2` crate
/// computes lanes one after the other, so more lanes would only slow the trainer, not an attacker).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cost {
    pub memory_kib: u32,
    pub passes: u32,
}

/// The app's cost, [`Cost::SHIPPED`].
impl Default for Cost {
    fn default() -> Self {
        Cost::SHIPPED
    }
}

impl Cost {
    /// What the app uses: 64 MiB, 3 passes. 0.14 s of processor time per check on the development PC
    /// (a Xeon with AVX2; `cargo test --release -- --ignored pin_timing --nocapture`), so an estimated
    /// 0.4–0.6 s on an old 2-core training-room PC without AVX2 and with slower memory. 64 MiB for a
    /// moment is nothing on 4 GB, and it keeps graphics cards from guessing many PINs at once.
    pub const SHIPPED: Cost = Cost {
        memory_kib: 64 * 1024,
        passes: 3,
    };
    /// The cheapest cost Argon2 allows. Only for tests, which set and check many PINs; the app always
    /// hashes with [`Cost::SHIPPED`].
    pub const TESTS_ONLY: Cost = Cost {
        memory_kib: 8,
        passes: 1,
    };

    fn hasher(self) -> Result<Argon2<'static>, PinError> {
        let params = Params::new(self.memory_kib, self.passes, 1, None).map_err(|e| {
            log::error!("Argon2 parameters for the trainer PIN: {e}");
            PinError::Hash
        })?;
        Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
    }
}

/// Why a new PIN was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinError {
    /// Not 6–8 characters, or not only the digits 0–9.
    Format,
    /// The PIN and its repetition differ.
    Mismatch,
    /// The hash could not be made (the hashing library failed; not expected).
    Hash,
}

/// Checks the form of a new PIN: 6–8 ASCII digits, nothing else (spaces around are trimmed).
///
/// # Errors
/// [`PinError::Format`].
pub fn validate(pin: &str) -> Result<&str, PinError> {
    let pin = pin.trim();
    let ok = (MIN_DIGITS..=MAX_DIGITS).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit());
    if ok { Ok(pin) } else { Err(PinError::Format) }
}

/// Checks a new PIN and its repetition, without hashing (that takes a moment; see [`hash`]): the PIN
/// to hash.
///
/// # Errors
/// [`PinError::Format`] for a PIN that is not 6–8 digits, [`PinError::Mismatch`] when the two differ.
pub fn check_new<'a>(pin: &'a str, again: &str) -> Result<&'a str, PinError> {
    let pin = validate(pin)?;
    if pin != again.trim() {
        return Err(PinError::Mismatch);
    }
    Ok(pin)
}

/// The Argon2id hash of `pin` with a fresh random salt, as a PHC string.
///
/// # Errors
/// [`PinError::Hash`] if the hashing library fails.
pub fn hash(pin: &str, cost: Cost) -> Result<String, PinError> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    cost.hasher()?
        .hash_password_with_salt(pin.trim().as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| {
            log::error!("hashing the trainer PIN: {e}");
            PinError::Hash
        })
}

/// The stored hash, parsed, if it is one this version can check: an Argon2 PHC string with a salt, a
/// hash and a cost within reason.
fn parse(phc: &str) -> Option<(PasswordHash, Params)> {
    let hash = PasswordHash::new(phc).ok()?;
    Algorithm::try_from(hash.algorithm.as_str()).ok()?;
    hash.salt.as_ref()?;
    hash.hash.as_ref()?;
    let params = Params::try_from(&hash).ok()?;
    let sane =
        params.m_cost() <= MAX_MEMORY_KIB && params.t_cost() <= MAX_PASSES && params.p_cost() <= MAX_LANES;
    sane.then_some((hash, params))
}

/// Whether `phc` is a PIN hash this version can check. Anything else is a damaged setting: the area
/// must stay closed rather than offer a new PIN or refuse every PIN as wrong.
#[must_use]
pub fn is_readable(phc: &str) -> bool {
    parse(phc).is_some()
}

/// Whether `pin` is the PIN hashed in `phc`, with the cost written in `phc`. A damaged hash matches
/// nothing.
#[must_use]
pub fn verify(pin: &str, phc: &str) -> bool {
    let Some((hash, _)) = parse(phc) else {
        log::error!("the stored trainer PIN hash cannot be read");
        return false;
    };
    match Argon2::default().verify_password(pin.trim().as_bytes(), &hash) {
        Ok(()) => true,
        Err(argon2::password_hash::Error::PasswordInvalid) => false,
        Err(e) => {
            log::error!("checking the trainer PIN: {e}");
            false
        }
    }
}

/// Whether `phc` was made with less work than `cost` asks for (an earlier version's hash): after the
/// right PIN, it is hashed again.
#[must_use]
pub fn needs_rehash(phc: &str, cost: Cost) -> bool {
    parse(phc).is_some_and(|(hash, params)| {
        hash.algorithm.as_str() != "argon2id"
            || params.m_cost() < cost.memory_kib
            || params.t_cost() < cost.passes
    })
}

/// Whether a PIN that opened the area is shorter than a new PIN may be (set by an earlier version).
#[must_use]
pub fn is_short(pin: &str) -> bool {
    pin.trim().len() < MIN_DIGITS
}

/// The wait after `wrong` wrong PINs in a row: none before [`MAX_TRIES`], then [`FIRST_WAIT`],
/// doubling, at most [`LONGEST_WAIT`].
#[must_use]
pub fn wait_after(wrong: u32) -> Option<Duration> {
    let doublings = wrong.checked_sub(MAX_TRIES)?;
    let factor = 1u32.checked_shl(doublings).unwrap_or(u32::MAX);
    Some(FIRST_WAIT.saturating_mul(factor).min(LONGEST_WAIT))
}

/// The outcome of one try at the gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The right PIN: the trainer area opens.
    Granted,
    /// A wrong PIN; `tries_left` more before the gate locks.
    Wrong { tries_left: u32 },
    /// This wrong PIN locked the gate, or it was already locked (the PIN was not even checked):
    /// `wrong` PINs in a row so far; wait `seconds_left` seconds.
    Locked { wrong: u32, seconds_left: u64 },
}

/// What the settings keep of the gate between runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Remembered {
    /// Wrong PINs in a row (a try still being checked counts).
    pub wrong: u32,
    /// When the current wait ends, as a date.
    pub locked_until: Option<DateTime<Utc>>,
}

/// Counts wrong tries and locks from the [`MAX_TRIES`]th of them in a row, longer each time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gate {
    wrong_in_a_row: u32,
    locked_until: Option<Instant>,
}

impl Gate {
    /// Starts a try at `now`: refused while locked; otherwise the try counts as wrong (and may start
    /// a wait) until [`Gate::settle`] hears that it was right.
    ///
    /// # Errors
    /// [`Verdict::Locked`] while a wait lasts.
    pub fn begin(&mut self, now: Instant) -> Result<(), Verdict> {
        if let Some(locked) = self.locked(now) {
            return Err(locked);
        }
        self.wrong_in_a_row = self.wrong_in_a_row.saturating_add(1);
        self.locked_until = wait_after(self.wrong_in_a_row).map(|wait| now + wait);
        Ok(())
    }

    /// Ends the try begun with [`Gate::begin`]: `right` is what the hash said.
    pub fn settle(&mut self, right: bool, now: Instant) -> Verdict {
        if right {
            *self = Self::default();
            return Verdict::Granted;
        }
        self.locked(now).unwrap_or(Verdict::Wrong {
            tries_left: MAX_TRIES.saturating_sub(self.wrong_in_a_row),
        })
    }

    fn locked(&self, now: Instant) -> Option<Verdict> {
        self.seconds_left(now).map(|seconds_left| Verdict::Locked {
            wrong: self.wrong_in_a_row,
            seconds_left,
        })
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

    /// Wrong tries in a row (a try being checked counts).
    #[must_use]
    pub fn wrong_in_a_row(&self) -> u32 {
        self.wrong_in_a_row
    }

    /// Ends a wait at once, keeping the count (tests).
    pub fn unlock(&mut self) {
        self.locked_until = None;
    }

    /// Whether the gate is locked at `now`.
    #[must_use]
    pub fn is_locked(&self, now: Instant) -> bool {
        self.seconds_left(now).is_some()
    }

    /// What to keep in the settings: the count, and the end of the wait as a date (`wall_now` is the
    /// PC's clock at `now`).
    #[must_use]
    pub fn remember(&self, wall_now: DateTime<Utc>, now: Instant) -> Remembered {
        let left = self
            .locked_until
            .and_then(|until| until.checked_duration_since(now))
            .filter(|left| !left.is_zero())
            .and_then(|left| chrono::Duration::from_std(left).ok());
        Remembered {
            wrong: self.wrong_in_a_row,
            locked_until: left.map(|left| wall_now + left),
        }
    }

    /// The gate at start-up: the count as kept, locked for what is left of the wait — never longer
    /// than the wait of that count, whatever the PC's clock says now.
    #[must_use]
    pub fn resume(kept: Remembered, wall_now: DateTime<Utc>, now: Instant) -> Self {
        // Settings written before the count was kept have only the date; such a wait followed three
        // wrong PINs.
        let wrong = if kept.locked_until.is_some() {
            kept.wrong.max(MAX_TRIES)
        } else {
            kept.wrong
        };
        let longest = wait_after(wrong).unwrap_or_default();
        let left = kept
            .locked_until
            .and_then(|u| (u - wall_now).to_std().ok())
            .map(|left| left.min(longest))
            .filter(|left| !left.is_zero());
        Self {
            wrong_in_a_row: wrong,
            locked_until: left.map(|left| now + left),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COST: Cost = Cost::TESTS_ONLY;

    /// A try checked at once, as the screens do it in two steps around a worker thread.
    fn try_pin(gate: &mut Gate, pin: &str, phc: &str, now: Instant) -> Verdict {
        match gate.begin(now) {
            Ok(()) => gate.settle(verify(pin, phc), now),
            Err(locked) => locked,
        }
    }

    fn hash(pin: &str) -> String {
        super::hash(pin, COST).unwrap()
    }

    #[test]
    fn new_pins_are_six_to_eight_digits() {
        assert_eq!(validate("123456"), Ok("123456"));
        assert_eq!(validate(" 12345678 "), Ok("12345678"));
        for bad in [
            "",
            "123",
            "1234",
            "12345",
            "123456789",
            "12a456",
            "123 456",
            "١٢٣٤٥٦",
            "-123456",
        ] {
            assert_eq!(validate(bad), Err(PinError::Format), "{bad:?}");
        }
    }

    #[test]
    fn hash_is_a_phc_string_that_verifies() {
        let phc = hash(check_new("246813", "246813").unwrap());
        assert!(phc.starts_with("$argon2id$v=19$m=8,t=1,p=1$"), "{phc}");
        assert!(!phc.contains("246813"));
        assert!(is_readable(&phc));
        assert!(verify("246813", &phc));
        assert!(verify(" 246813 ", &phc));
        assert!(!verify("246814", &phc));
        assert!(!verify("", &phc));
        // A fresh salt every time.
        assert_ne!(hash("246813"), phc);
        // A damaged hash matches nothing, and does not panic.
        for damaged in [
            "not a hash",
            "",
            &phc[..phc.len() - 10],
            "$scrypt$ln=4,r=8,p=1$c2FsdA$aGFzaA",
        ] {
            assert!(!is_readable(damaged), "{damaged}");
            assert!(!verify("246813", damaged));
        }
        // A hash asking for more memory than a PC has is damaged too, not tried.
        let greedy = phc.replace("m=8,", "m=4194304,");
        assert!(!is_readable(&greedy));
        assert!(!verify("246813", &greedy));
    }

    /// The app hashes with the shipped cost; hashes from earlier versions (the crate's default cost,
    /// 4 digits) still open the area, and are hashed again.
    #[test]
    fn old_hashes_still_verify_and_are_marked_for_rehashing() {
        let old = Argon2::default()
            .hash_password_with_salt(b"2468", b"saltsaltsaltsalt")
            .unwrap()
            .to_string();
        assert!(old.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{old}");
        assert!(verify("2468", &old));
        assert!(needs_rehash(&old, Cost::SHIPPED));
        assert!(is_short("2468"));
        let new = hash("24681357");
        assert!(!needs_rehash(&new, COST));
        assert!(needs_rehash(&new, Cost::SHIPPED));
        assert!(!is_short("24681357"));
    }

    #[test]
    fn new_pin_checks_form_and_repetition() {
        assert_eq!(check_new("12", "12"), Err(PinError::Format));
        assert_eq!(check_new("2468", "2468"), Err(PinError::Format));
        assert_eq!(check_new("123456", "123457"), Err(PinError::Mismatch));
        assert_eq!(check_new(" 123456", "123456 "), Ok("123456"));
    }

    #[test]
    fn waits_start_at_thirty_seconds_and_double_up_to_fifteen_minutes() {
        let secs = |n| wait_after(n).map(|d| d.as_secs());
        assert_eq!(secs(0), None);
        assert_eq!(secs(2), None);
        assert_eq!(secs(3), Some(30));
        assert_eq!(secs(4), Some(60));
        assert_eq!(secs(5), Some(120));
        assert_eq!(secs(8), Some(900));
        assert_eq!(secs(40), Some(900));
        assert_eq!(secs(u32::MAX), Some(900));
    }

    #[test]
    fn wrong_tries_lock_for_longer_each_time() {
        let phc = hash("135791");
        let t0 = Instant::now();
        let mut gate = Gate::default();
        assert_eq!(
            try_pin(&mut gate, "000000", &phc, t0),
            Verdict::Wrong { tries_left: 2 }
        );
        assert_eq!(
            try_pin(&mut gate, "111111", &phc, t0),
            Verdict::Wrong { tries_left: 1 }
        );
        assert_eq!(
            try_pin(&mut gate, "222222", &phc, t0),
            Verdict::Locked {
                wrong: 3,
                seconds_left: 30
            }
        );
        // Locked: even the right PIN is refused, and the seconds count down (rounded up).
        let later = t0 + Duration::from_millis(10_500);
        assert_eq!(
            try_pin(&mut gate, "135791", &phc, later),
            Verdict::Locked {
                wrong: 3,
                seconds_left: 20
            }
        );
        assert_eq!(gate.seconds_left(t0 + Duration::from_secs(29)), Some(1));
        assert_eq!(gate.seconds_left(t0 + Duration::from_millis(29_001)), Some(1));
        assert_eq!(gate.seconds_left(t0 + FIRST_WAIT), None);
        // After the wait one more wrong PIN locks again, for twice as long.
        let after = t0 + FIRST_WAIT;
        assert_eq!(
            try_pin(&mut gate, "000000", &phc, after),
            Verdict::Locked {
                wrong: 4,
                seconds_left: 60
            }
        );
        let after = after + Duration::from_secs(60);
        assert_eq!(try_pin(&mut gate, "135791", &phc, after), Verdict::Granted);
        assert_eq!(gate.wrong_in_a_row(), 0);
        assert_eq!(
            try_pin(&mut gate, "000000", &phc, after),
            Verdict::Wrong { tries_left: 2 }
        );
    }

    /// A try counts as wrong from its start: a check that never finishes (the app was closed) is
    /// remembered as a wrong PIN.
    #[test]
    fn a_try_counts_as_wrong_until_it_proves_right() {
        let t0 = Instant::now();
        let wall = Utc::now();
        let mut gate = Gate::default();
        gate.begin(t0).unwrap();
        assert_eq!(gate.remember(wall, t0).wrong, 1);
        gate.begin(t0).unwrap();
        gate.begin(t0).unwrap();
        let kept = gate.remember(wall, t0);
        assert_eq!(kept.wrong, 3);
        assert_eq!(kept.locked_until, Some(wall + chrono::Duration::seconds(30)));
        // The third was right after all: all forgiven.
        assert_eq!(gate.settle(true, t0), Verdict::Granted);
        assert_eq!(gate.remember(wall, t0), Remembered::default());
    }

    #[test]
    fn unlock_ends_a_wait() {
        let phc = hash("123456");
        let now = Instant::now();
        let mut gate = Gate::default();
        for _ in 0..MAX_TRIES {
            try_pin(&mut gate, "999999", &phc, now);
        }
        assert!(gate.seconds_left(now).is_some());
        gate.unlock();
        assert_eq!(try_pin(&mut gate, "123456", &phc, now), Verdict::Granted);
    }

    /// One wrong PIN that locks the gate: the count and the seconds to wait.
    fn one_wrong_pin(gate: &mut Gate, now: Instant) -> (u32, u64) {
        gate.begin(now).unwrap();
        match gate.settle(false, now) {
            Verdict::Locked { wrong, seconds_left } => (wrong, seconds_left),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_count_and_the_wait_resume_after_a_restart_but_never_grow() {
        let wall = DateTime::parse_from_rfc3339("2026-03-16T08:00:00Z")
            .unwrap()
            .to_utc();
        let now = Instant::now();
        let secs = |s| chrono::Duration::seconds(s);
        let kept = |wrong, until| Remembered {
            wrong,
            locked_until: until,
        };
        // 12 s of the wait left when the app reopens.
        let gate = Gate::resume(kept(3, Some(wall + secs(12))), wall, now);
        assert_eq!(gate.seconds_left(now), Some(12));
        assert!(!gate.is_locked(now + Duration::from_secs(12)));
        // Two wrong PINs, then a restart: the next wrong PIN locks.
        let mut gate = Gate::resume(kept(2, None), wall, now);
        assert!(!gate.is_locked(now));
        assert_eq!(one_wrong_pin(&mut gate, now), (3, 30));
        // Over, or never locked: open.
        assert!(!Gate::resume(kept(3, Some(wall - secs(1))), wall, now).is_locked(now));
        assert!(!Gate::resume(Remembered::default(), wall, now).is_locked(now));
        // A date far ahead (the clock was set back) means at most the wait of that count.
        let gate = Gate::resume(kept(3, Some(wall + secs(86_400))), wall, now);
        assert_eq!(gate.seconds_left(now), Some(30));
        let gate = Gate::resume(kept(1000, Some(wall + secs(86_400))), wall, now);
        assert_eq!(gate.seconds_left(now), Some(LONGEST_WAIT.as_secs()));
        // The clock set forward ends the wait but not the count: the next wrong PIN waits longer.
        let mut gate = Gate::resume(kept(5, Some(wall - secs(86_400))), wall, now);
        assert!(!gate.is_locked(now));
        assert_eq!(one_wrong_pin(&mut gate, now), (6, 240));
        // Settings from before the count was kept: a date alone means three wrong PINs.
        let gate = Gate::resume(kept(0, Some(wall + secs(20))), wall, now);
        assert_eq!(gate.wrong_in_a_row(), 3);
        assert_eq!(gate.seconds_left(now), Some(20));
        // What is remembered is what resumes.
        let wall_later = wall + secs(5);
        let again = Gate::resume(gate.remember(wall, now), wall_later, now + Duration::from_secs(5));
        assert_eq!(again.seconds_left(now + Duration::from_secs(5)), Some(15));
    }

    /// What one guess costs with the shipped parameters. Not a test of speed (machines differ): run
    /// `cargo test --release -- --ignored pin_timing --nocapture` on a training-room PC.
    #[test]
    #[ignore = "prints a timing; run by hand"]
    fn pin_timing() {
        let phc = super::hash("24681357", Cost::SHIPPED).unwrap();
        let start = Instant::now();
        let rounds = 5;
        for _ in 0..rounds {
            assert!(verify("24681357", &phc));
        }
        println!("{phc}: {:?} per check", start.elapsed() / rounds);
    }
}

//! The limits a pack must stay within (design Part A; a pack may come from an infected USB stick).

/// Entries in the zip, folders included.
pub const MAX_FILES: usize = 2_000;
/// Bytes once unpacked, all files together; also the largest `.kns` read.
pub const MAX_UNPACKED: u64 = 200 * 1024 * 1024;
/// Unpacked size over packed size, per entry and for the whole pack. Lesson text compresses 3–10 times.
pub const MAX_RATIO: u64 = 100;
/// Below this an entry's ratio is not judged: a tiny file of spaces compresses well and harms no one.
pub const RATIO_FLOOR: u64 = 64 * 1024;

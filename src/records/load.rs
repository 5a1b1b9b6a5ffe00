//! Reading the bytes of a journal file into events. Pure (no file access) so the rules for damaged files
//! are tested directly: a garbage line in the middle is skipped and reported, a damaged last line is a
//! torn write that the store sets aside, a repeated id is kept once.

use std::collections::HashSet;
use std::io::{self, BufRead};

use uuid::Uuid;

use super::event::Event;

/// Above this many lines the parse is split across threads: a trainer's merged journal of 100,000
/// events parses in about half the time on the two-core PCs the app targets.
const PARALLEL_FROM: usize = 4096;

/// How the file ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tail {
    /// Every line ends with a newline (or the file is empty).
    Clean,
    /// The last line is a complete, valid event that only lacks its newline (a file edited by hand, or
    /// a crash between the last byte of JSON and the newline). The event is kept; the store adds the
    /// newline so the next append starts a line of its own.
    Unterminated,
    /// The last line is not a valid event: a write cut short by a crash or a power cut. `offset` is the
    /// byte where it starts (the file is cut back to there), `line` its 1-based line number.
    Torn { offset: usize, line: usize },
}

/// What a journal file holds.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The events, in file order, each id once.
    pub events: Vec<Event>,
    /// The ids of `events`.
    pub ids: HashSet<Uuid>,
    /// 1-based numbers of lines in the middle that are not events (kept in the file, skipped).
    pub bad_lines: Vec<usize>,
    /// Lines that repeat an id already seen (kept in the file, skipped).
    pub duplicates: usize,
    pub tail: Tail,
}

/// What [`scan`] found, apart from the events it handed on.
#[derive(Debug, Clone)]
pub struct Scan {
    /// See [`Loaded::bad_lines`].
    pub bad_lines: Vec<usize>,
    /// See [`Loaded::duplicates`].
    pub duplicates: usize,
    pub tail: Tail,
}

/// Lines are parsed this many at a time, so at most one block of whole events is in memory: a
/// province's journal of 500,000 events would take gigabytes as events, and is kept as facts instead.
const BLOCK: usize = 4096;

/// The UTF-8 byte order mark that Notepad puts at the start of a file it saves.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Parses a whole journal file, keeping every event.
#[must_use]
pub fn parse(bytes: &[u8]) -> Loaded {
    let mut events = Vec::new();
    let mut ids = HashSet::new();
    let Scan {
        bad_lines,
        duplicates,
        tail,
    } = scan(bytes, |e| {
        let new = ids.insert(e.id);
        if new {
            events.push(e);
        }
        new
    });
    Loaded {
        events,
        ids,
        bad_lines,
        duplicates,
        tail,
    }
}

/// Parses a whole journal file, handing each event, in file order, to `sink`, which says whether its id
/// is new (a repeated id is counted in [`Scan::duplicates`]; the caller keeps the ids, once).
pub fn scan(bytes: &[u8], sink: impl FnMut(Event) -> bool) -> Scan {
    // Reading from memory cannot fail.
    scan_reader(bytes, sink).map_or_else(|_| Scan::empty(), |(scan, _)| scan)
}

/// Parses a journal from `reader` line by line, as [`scan`] does; the file is never in memory whole.
/// Returns what was found and the length read, in bytes.
///
/// # Errors
/// The reader's error.
pub fn scan_reader(mut reader: impl BufRead, mut sink: impl FnMut(Event) -> bool) -> io::Result<(Scan, u64)> {
    let mut scan = Scan::empty();
    // Lines not yet parsed, in one buffer: (1-based line number, byte offset, where in `text`). One more
    // than a block is held back, so the file's last line is known to be last when it is parsed (a torn
    // write is only ever the last line).
    let mut pending: Vec<(usize, usize, std::ops::Range<usize>)> = Vec::with_capacity(BLOCK + 1);
    let mut text: Vec<u8> = Vec::new();
    let mut buf = Vec::new();
    let (mut offset, mut number, mut ends_with_newline) = (0usize, 0usize, true);
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf)?;
        if n == 0 {
            break;
        }
        let start = offset;
        offset += n;
        number += 1;
        ends_with_newline = buf.ends_with(b"\n");
        let line = buf.strip_suffix(b"\n").unwrap_or(&buf);
        // A file saved by Notepad starts with a byte order mark; it is not part of the first event.
        let line = if number == 1 {
            line.strip_prefix(BOM).unwrap_or(line)
        } else {
            line
        };
        let trimmed = line.trim_ascii();
        if !trimmed.is_empty() {
            let at = text.len();
            text.extend_from_slice(trimmed);
            pending.push((number, start, at..text.len()));
        }
        if pending.len() > BLOCK {
            let held = pending.pop();
            scan_block(&pending, &text, false, ends_with_newline, &mut scan, &mut sink);
            pending.clear();
            // The held-back line moves to the front of the emptied buffer.
            if let Some((number, start, range)) = held {
                text.copy_within(range.clone(), 0);
                text.truncate(range.len());
                pending.push((number, start, 0..range.len()));
            } else {
                text.clear();
            }
        }
    }
    scan_block(&pending, &text, true, ends_with_newline, &mut scan, &mut sink);
    Ok((scan, offset as u64))
}

/// Parses one block of lines; `last` when the block ends the file.
fn scan_block(
    block: &[(usize, usize, std::ops::Range<usize>)],
    text: &[u8],
    last: bool,
    ends_with_newline: bool,
    scan: &mut Scan,
    sink: &mut impl FnMut(Event) -> bool,
) {
    let lines: Vec<(usize, usize, &[u8])> = block
        .iter()
        .map(|(n, o, r)| (*n, *o, text.get(r.clone()).unwrap_or_default()))
        .collect();
    let final_index = if last { lines.len().checked_sub(1) } else { None };
    for (i, ((line_no, start, _), event)) in lines.iter().zip(parse_lines(&lines)).enumerate() {
        let Some(event) = event else {
            if Some(i) == final_index {
                scan.tail = Tail::Torn {
                    offset: *start,
                    line: *line_no,
                };
            } else {
                scan.bad_lines.push(*line_no);
            }
            continue;
        };
        if Some(i) == final_index && !ends_with_newline {
            scan.tail = Tail::Unterminated;
        }
        if !sink(event) {
            scan.duplicates += 1;
        }
    }
}

impl Scan {
    fn empty() -> Scan {
        Scan {
            bad_lines: Vec::new(),
            duplicates: 0,
            tail: Tail::Clean,
        }
    }
}

fn parse_lines(lines: &[(usize, usize, &[u8])]) -> Vec<Option<Event>> {
    let parse_one = |(_, _, line): &(usize, usize, &[u8])| {
        std::str::from_utf8(line)
            .ok()
            .and_then(|text| Event::parse_line(text).ok())
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(4);
    if lines.len() < PARALLEL_FROM || threads < 2 {
        return lines.iter().map(parse_one).collect();
    }
    let chunk = lines.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = lines
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(parse_one).collect::<Vec<_>>()))
            .collect();
        let mut out = Vec::with_capacity(lines.len());
        for (handle, part) in handles.into_iter().zip(lines.chunks(chunk)) {
            match handle.join() {
                Ok(events) => out.extend(events),
                // A parse never panics; if a thread did, parse its share here rather than lose it. (Only in
                // tests and debug builds: the release profile aborts on a panic, see Cargo.toml.)
                Err(_) => out.extend(part.iter().map(parse_one)),
            }
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::event::EventKind;
    use chrono::DateTime;

    fn line(n: u128) -> String {
        let at = DateTime::parse_from_rfc3339("2026-11-26T09:41:27.123+07:00").unwrap();
        Event::with_id(
            Uuid::from_u128(n),
            Uuid::from_u128(1000),
            Uuid::from_u128(2000),
            at,
            EventKind::LearnerDeleted,
        )
        .to_line()
    }

    #[test]
    fn empty_and_blank_files_are_clean_and_empty() {
        for bytes in [&b""[..], b"\n", b"\n\n  \r\n"] {
            let loaded = parse(bytes);
            assert!(loaded.events.is_empty());
            assert_eq!(loaded.tail, Tail::Clean);
            assert!(loaded.bad_lines.is_empty());
        }
    }

    #[test]
    fn garbage_in_the_middle_is_reported_by_line_number() {
        let text = format!("{}\nnot json\n{}\n{{\"id\":1}}\n{}\n", line(1), line(2), line(3));
        let loaded = parse(text.as_bytes());
        assert_eq!(loaded.events.len(), 3);
        assert_eq!(loaded.bad_lines, vec![2, 4]);
        assert_eq!(loaded.tail, Tail::Clean);
    }

    #[test]
    fn cut_last_line_is_torn_at_its_offset() {
        let first = line(1);
        let second = line(2);
        let text = format!("{first}\n{}", &second[..second.len() / 2]);
        let loaded = parse(text.as_bytes());
        assert_eq!(loaded.events.len(), 1);
        assert_eq!(
            loaded.tail,
            Tail::Torn {
                offset: first.len() + 1,
                line: 2
            }
        );
    }

    #[test]
    fn trailing_nul_bytes_are_torn() {
        let first = line(1);
        let text = format!("{first}\n\0\0\0\0");
        assert_eq!(
            parse(text.as_bytes()).tail,
            Tail::Torn {
                offset: first.len() + 1,
                line: 2
            }
        );
    }

    #[test]
    fn valid_last_line_without_newline_is_kept() {
        let text = format!("{}\n{}", line(1), line(2));
        let loaded = parse(text.as_bytes());
        assert_eq!(loaded.events.len(), 2);
        assert_eq!(loaded.tail, Tail::Unterminated);
    }

    #[test]
    fn a_byte_order_mark_does_not_hide_the_first_event() {
        let text = format!("\u{feff}{}\n{}\n", line(1), line(2));
        let loaded = parse(text.as_bytes());
        assert_eq!(loaded.events.len(), 2);
        assert!(loaded.bad_lines.is_empty());
    }

    #[test]
    fn parsing_in_blocks_keeps_every_event_and_the_torn_tail() {
        let text: String = (0..(BLOCK as u128 * 2 + 3)).map(|n| line(n) + "\n").collect();
        let text = format!("{text}{{\"cut");
        let loaded = parse(text.as_bytes());
        assert_eq!(loaded.events.len(), BLOCK * 2 + 3);
        assert!(matches!(loaded.tail, Tail::Torn { line, .. } if line == BLOCK * 2 + 4));
    }

    #[test]
    fn repeated_ids_are_kept_once() {
        let text = format!("{}\n{}\n{}\n", line(1), line(1), line(2));
        let loaded = parse(text.as_bytes());
        assert_eq!(loaded.events.len(), 2);
        assert_eq!(loaded.duplicates, 1);
    }

    #[test]
    fn parallel_parse_keeps_file_order() {
        let text: String = (0..(PARALLEL_FROM as u128 + 10))
            .map(|n| line(n) + "\n")
            .collect();
        let loaded = parse(text.as_bytes());
        assert_eq!(loaded.events.len(), PARALLEL_FROM + 10);
        assert!(
            loaded
                .events
                .iter()
                .enumerate()
                .all(|(i, e)| e.id == Uuid::from_u128(i as u128))
        );
    }
}

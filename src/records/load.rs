//! Reading the bytes of a journal file into events. Pure (no file access) so the rules for damaged files
//! are tested directly: a garbage line in the middle is skipped and reported, a damaged last line is a
//! torn write that the store sets aside, a repeated id is kept once.

use std::collections::HashSet;

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

/// Parses a whole journal file.
#[must_use]
pub fn parse(bytes: &[u8]) -> Loaded {
    // (1-based line number, byte offset, line) for every line that is not blank.
    let mut lines: Vec<(usize, usize, &[u8])> = Vec::with_capacity(bytes.len() / 200 + 1);
    let mut offset = 0;
    for (index, line) in bytes.split(|b| *b == b'\n').enumerate() {
        let start = offset;
        offset += line.len() + 1;
        let trimmed = line.trim_ascii();
        if !trimmed.is_empty() {
            lines.push((index + 1, start, trimmed));
        }
    }
    let parsed = parse_lines(&lines);

    let mut loaded = Loaded {
        events: Vec::with_capacity(parsed.len()),
        ids: HashSet::with_capacity(parsed.len()),
        bad_lines: Vec::new(),
        duplicates: 0,
        tail: Tail::Clean,
    };
    let last = lines.len().checked_sub(1);
    for (i, ((line_no, start, _), event)) in lines.iter().zip(parsed).enumerate() {
        let Some(event) = event else {
            if Some(i) == last {
                loaded.tail = Tail::Torn {
                    offset: *start,
                    line: *line_no,
                };
            } else {
                loaded.bad_lines.push(*line_no);
            }
            continue;
        };
        if Some(i) == last && !bytes.ends_with(b"\n") {
            loaded.tail = Tail::Unterminated;
        }
        if loaded.ids.insert(event.id) {
            loaded.events.push(event);
        } else {
            loaded.duplicates += 1;
        }
    }
    loaded
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

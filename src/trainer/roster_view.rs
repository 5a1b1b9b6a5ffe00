//! The trainer's roster table as data: every learner × module row, filtered by unit, status and a
//! search that ignores diacritics and case, and sorted by any column. No window here; the screen
//! (`ui::trainer`) only draws the rows this view lists.
//!
//! Built once per change of the records (the fold is already done by `learning::Records`): the search
//! keys and the name and unit ranks are computed then, so refiltering and resorting 50,000 rows
//! (10,000 learners × 5 modules) compares integers, not strings.
//!
//! Vietnamese-aware order: text sorts by [`text::search_key`] (no diacritics, đ as d, lower case)
//! and then by the text itself, so "Đỗ" sorts with "Do", and "Ánh" right after "Anh".

use std::cmp::Ordering;
use std::collections::HashMap;

use uuid::Uuid;

use crate::records::{Progress, RosterRow, Status, roster};
use crate::text;

/// A column of the roster table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Column {
    #[default]
    Name,
    Unit,
    Module,
    Status,
    BestScore,
    Attempts,
    CompletedOn,
}

impl Column {
    /// Every column, in the order shown.
    pub const ALL: [Column; 7] = [
        Column::Name,
        Column::Unit,
        Column::Module,
        Column::Status,
        Column::BestScore,
        Column::Attempts,
        Column::CompletedOn,
    ];
}

/// The sort order: a column and a direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sort {
    pub column: Column,
    pub descending: bool,
}

impl Sort {
    /// What a click on `column`'s header does: the same column flips its direction, another column
    /// sorts ascending.
    #[must_use]
    pub fn clicked(self, column: Column) -> Sort {
        if self.column == column {
            Sort {
                column,
                descending: !self.descending,
            }
        } else {
            Sort {
                column,
                descending: false,
            }
        }
    }
}

/// Which rows to show.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Only this unit (exact, as listed by [`RosterView::units`]); `None` for every unit.
    pub unit: Option<String>,
    /// Only this status; `None` for every status.
    pub status: Option<Status>,
    /// A search in names and units, ignoring diacritics and case; blank for everything.
    pub query: String,
}

/// What is precomputed per learner.
#[derive(Debug, Clone)]
struct LearnerKeys {
    name_key: String,
    unit_key: String,
    /// Position of the learner in name order (search key, then name, then id).
    name_rank: u32,
    /// Position of the learner's unit in unit order; equal units have equal ranks.
    unit_rank: u32,
}

/// The roster with its keys, and the rows the current filter and sort show.
#[derive(Debug, Clone, Default)]
pub struct RosterView {
    rows: Vec<RosterRow>,
    /// Per row: index into `learners`, and the module's position in the catalog.
    meta: Vec<(u32, u32)>,
    learners: Vec<LearnerKeys>,
    units: Vec<String>,
    visible: Vec<usize>,
    applied: Option<(Filter, Sort)>,
}

impl RosterView {
    /// The roster of `progress`, every row visible in name order.
    #[must_use]
    pub fn new(progress: &Progress) -> RosterView {
        let order: Vec<&str> = progress.modules().iter().map(|m| m.id.as_str()).collect();
        RosterView::from_rows(roster(progress), &order)
    }

    /// A view over rows (as [`roster`] makes them); `module_order` lists module ids in catalog order.
    #[must_use]
    pub fn from_rows(rows: Vec<RosterRow>, module_order: &[&str]) -> RosterView {
        let module_index: HashMap<&str, u32> = module_order
            .iter()
            .enumerate()
            .map(|(i, m)| (*m, u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        // One entry per learner, in the order the rows first name them.
        let mut index_of: HashMap<Uuid, u32> = HashMap::new();
        let mut firsts: Vec<usize> = Vec::new();
        let mut meta = Vec::with_capacity(rows.len());
        for (i, row) in rows.iter().enumerate() {
            let next = u32::try_from(firsts.len()).unwrap_or(u32::MAX);
            let learner = *index_of.entry(row.learner).or_insert_with(|| {
                firsts.push(i);
                next
            });
            let module = module_index
                .get(row.module_id.as_str())
                .copied()
                .unwrap_or(u32::MAX);
            meta.push((learner, module));
        }
        let mut learners: Vec<LearnerKeys> = firsts
            .iter()
            .map(|&i| LearnerKeys {
                name_key: text::search_key(&rows[i].name),
                unit_key: text::search_key(&rows[i].unit),
                name_rank: 0,
                unit_rank: 0,
            })
            .collect();

        let mut by_name: Vec<usize> = (0..learners.len()).collect();
        by_name.sort_by(|&a, &b| {
            let (ra, rb) = (&rows[firsts[a]], &rows[firsts[b]]);
            learners[a]
                .name_key
                .cmp(&learners[b].name_key)
                .then_with(|| ra.name.cmp(&rb.name))
                .then_with(|| ra.learner.cmp(&rb.learner))
        });
        for (rank, &l) in by_name.iter().enumerate() {
            learners[l].name_rank = u32::try_from(rank).unwrap_or(u32::MAX);
        }

        let mut units: Vec<(String, String)> = firsts
            .iter()
            .zip(&learners)
            .map(|(&i, k)| (k.unit_key.clone(), rows[i].unit.clone()))
            .collect();
        units.sort();
        units.dedup();
        let unit_rank: HashMap<&str, u32> = units
            .iter()
            .enumerate()
            .map(|(rank, (_, unit))| (unit.as_str(), u32::try_from(rank).unwrap_or(u32::MAX)))
            .collect();
        for (k, &i) in learners.iter_mut().zip(&firsts) {
            k.unit_rank = unit_rank.get(rows[i].unit.as_str()).copied().unwrap_or(0);
        }
        let units = units
            .into_iter()
            .map(|(_, unit)| unit)
            .filter(|u| !u.is_empty())
            .collect();

        let mut view = RosterView {
            rows,
            meta,
            learners,
            units,
            visible: Vec::new(),
            applied: None,
        };
        view.apply(&Filter::default(), Sort::default());
        view
    }

    /// Shows the rows `filter` lets through, in `sort` order. Does nothing if both are as last applied.
    pub fn apply(&mut self, filter: &Filter, sort: Sort) {
        if self
            .applied
            .as_ref()
            .is_some_and(|(f, s)| f == filter && *s == sort)
        {
            return;
        }
        let query = text::search_key(&filter.query);
        let mut visible: Vec<usize> = (0..self.rows.len())
            .filter(|&i| self.passes(i, filter, &query))
            .collect();
        visible.sort_by(|&a, &b| self.compare(a, b, sort));
        self.visible = visible;
        self.applied = Some((filter.clone(), sort));
    }

    /// Equivalent to `text::matches(name, query) || text::matches(unit, query)`, with the row's keys
    /// computed once instead of on every keystroke.
    fn passes(&self, i: usize, filter: &Filter, query_key: &str) -> bool {
        let row = &self.rows[i];
        let keys = &self.learners[self.meta[i].0 as usize];
        filter.unit.as_ref().is_none_or(|u| *u == row.unit)
            && filter.status.is_none_or(|s| s == row.status)
            && (query_key.is_empty()
                || keys.name_key.contains(query_key)
                || keys.unit_key.contains(query_key))
    }

    fn compare(&self, a: usize, b: usize, sort: Sort) -> Ordering {
        let (ra, rb) = (&self.rows[a], &self.rows[b]);
        let (la, lb) = (
            &self.learners[self.meta[a].0 as usize],
            &self.learners[self.meta[b].0 as usize],
        );
        let (ma, mb) = (self.meta[a].1, self.meta[b].1);
        let dir = |o: Ordering| if sort.descending { o.reverse() } else { o };
        // An empty cell (no score, no date) goes last whichever the direction.
        let missing_last = |a: Option<Ordering>| match a {
            Some(o) => dir(o),
            None => Ordering::Equal,
        };
        let primary = match sort.column {
            Column::Name => dir(la.name_rank.cmp(&lb.name_rank)),
            Column::Unit => dir(la.unit_rank.cmp(&lb.unit_rank)),
            Column::Module => dir(ma.cmp(&mb)),
            Column::Status => dir(ra.status.cmp(&rb.status)),
            Column::Attempts => dir(ra.attempts.cmp(&rb.attempts)),
            Column::BestScore => optional(ra.best_score, rb.best_score, missing_last),
            Column::CompletedOn => optional(ra.completed_at, rb.completed_at, missing_last),
        };
        primary
            .then_with(|| la.name_rank.cmp(&lb.name_rank))
            .then_with(|| ma.cmp(&mb))
    }

    /// Rows shown now: indexes for [`RosterView::row`], in display order.
    #[must_use]
    pub fn visible(&self) -> &[usize] {
        &self.visible
    }

    /// The rows shown now, in display order.
    pub fn visible_rows(&self) -> impl ExactSizeIterator<Item = &RosterRow> + '_ {
        self.visible.iter().map(|&i| &self.rows[i])
    }

    /// One row.
    #[must_use]
    pub fn row(&self, index: usize) -> Option<&RosterRow> {
        self.rows.get(index)
    }

    /// Every row, shown or not.
    #[must_use]
    pub fn total_rows(&self) -> usize {
        self.rows.len()
    }

    /// Learners in the roster.
    #[must_use]
    pub fn learner_count(&self) -> usize {
        self.learners.len()
    }

    /// The units of the roster's learners, in Vietnamese order, without the empty one.
    #[must_use]
    pub fn units(&self) -> &[String] {
        &self.units
    }
}

/// Compares two optional cells: values by `then`, an empty cell after every value.
fn optional<T: Ord>(a: Option<T>, b: Option<T>, then: impl Fn(Option<Ordering>) -> Ordering) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => then(Some(a.cmp(&b))),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => then(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::{Event, EventKind, ModuleSpec, fold};
    use chrono::{DateTime, Duration, FixedOffset, TimeZone as _};

    fn t0() -> DateTime<FixedOffset> {
        FixedOffset::east_opt(7 * 3600)
            .unwrap()
            .with_ymd_and_hms(2026, 11, 26, 8, 0, 0)
            .unwrap()
    }

    fn specs(n: usize) -> Vec<ModuleSpec> {
        (0..n)
            .map(|i| ModuleSpec {
                id: format!("m{i}"),
                title: format!("Học phần {i}"),
                lessons: vec!["a".into(), "b".into()],
                required_simulations: vec![],
                pass_mark: 80,
                version: 1,
            })
            .collect()
    }

    /// Events for learners `(name, unit)`; learner `i` passes `i % 3` modules' quizzes and reads
    /// their lessons (so modules `0..i%3` are completed), and tries the next one once.
    fn events(people: &[(&str, &str)], modules: usize) -> Vec<Event> {
        let device = Uuid::from_u128(1);
        let mut events = Vec::new();
        let mut n = 0u128;
        let mut next = |learner: Uuid, minute: i64, kind: EventKind| {
            n += 1;
            Event::with_id(
                Uuid::from_u128(1_000_000 + n),
                learner,
                device,
                t0() + Duration::minutes(minute),
                kind,
            )
        };
        for (i, (name, unit)) in people.iter().enumerate() {
            let learner = Uuid::from_u128(10 + i as u128);
            let minute = i as i64;
            events.push(next(
                learner,
                minute,
                EventKind::LearnerCreated {
                    name: (*name).to_owned(),
                    unit: (!unit.is_empty()).then(|| (*unit).to_owned()),
                    position: None,
                },
            ));
            let done = i % 3;
            for m in 0..done.min(modules) {
                for lesson in ["a", "b"] {
                    events.push(next(
                        learner,
                        minute + 1,
                        EventKind::LessonViewed {
                            module: format!("m{m}"),
                            lesson: lesson.into(),
                        },
                    ));
                }
                events.push(next(
                    learner,
                    minute + 2 + m as i64,
                    EventKind::QuizAttempted {
                        module: format!("m{m}"),
                        score: 8 + (i % 3) as u32,
                        max: 10,
                        passed: true,
                        duration_s: 60,
                        answers: vec![],
                    },
                ));
            }
            if done < modules {
                events.push(next(
                    learner,
                    minute + 3,
                    EventKind::QuizAttempted {
                        module: format!("m{done}"),
                        score: 3,
                        max: 10,
                        passed: false,
                        duration_s: 60,
                        answers: vec![],
                    },
                ));
            }
        }
        events
    }

    fn view(people: &[(&str, &str)]) -> RosterView {
        RosterView::new(&fold(&events(people, 3), &specs(3)))
    }

    fn names(view: &RosterView) -> Vec<String> {
        let mut out: Vec<String> = view.visible_rows().map(|r| r.name.clone()).collect();
        out.dedup();
        out
    }

    const PEOPLE: [(&str, &str); 6] = [
        ("Nguyễn Văn An", "Xã Yên Khánh"),
        ("Đỗ Thị Lan", "Phường Nam Định"),
        ("Anh Tuấn", "Xã Yên Khánh"),
        ("Ánh Dương", "Phường Nam Định"),
        ("Do Van Binh", "Xã Ý Yên"),
        ("Bùi Thị Hoa", ""),
    ];

    #[test]
    fn every_learner_times_every_module_sorted_by_name_vietnamese_aware() {
        let v = view(&PEOPLE);
        assert_eq!(v.total_rows(), 18);
        assert_eq!(v.visible().len(), 18);
        assert_eq!(v.learner_count(), 6);
        // By search key: "anh duong" < "anh tuan"; "Đỗ" sorts as "do", so "do thi lan" < "do van binh".
        assert_eq!(
            names(&v),
            [
                "Ánh Dương",
                "Anh Tuấn",
                "Bùi Thị Hoa",
                "Đỗ Thị Lan",
                "Do Van Binh",
                "Nguyễn Văn An"
            ]
        );
        // Equal keys: by the text itself, so "Anh" comes right before "Ánh".
        assert_eq!(
            names(&view(&[("Ánh", "x"), ("Bảo", "x"), ("Anh", "x")])),
            ["Anh", "Ánh", "Bảo"]
        );
        // Within a learner, modules in catalog order.
        let first: Vec<&str> = v.visible_rows().take(3).map(|r| r.module_id.as_str()).collect();
        assert_eq!(first, ["m0", "m1", "m2"]);
        assert_eq!(v.units(), ["Phường Nam Định", "Xã Ý Yên", "Xã Yên Khánh"]);
    }

    #[test]
    fn descending_and_other_columns() {
        let mut v = view(&PEOPLE);
        let sort = Sort::default().clicked(Column::Name);
        assert!(sort.descending);
        v.apply(&Filter::default(), sort);
        assert_eq!(names(&v).first().map(String::as_str), Some("Nguyễn Văn An"));

        let by_unit = Sort::default().clicked(Column::Unit);
        assert_eq!(
            by_unit,
            Sort {
                column: Column::Unit,
                descending: false
            }
        );
        v.apply(&Filter::default(), by_unit);
        let units: Vec<&str> = v.visible_rows().map(|r| r.unit.as_str()).collect();
        // The empty unit first, then Phường Nam Định, Xã Ý Yên, Xã Yên Khánh; names break ties.
        assert_eq!(units[0], "");
        assert_eq!(units[3], "Phường Nam Định");
        assert_eq!(units[9], "Xã Ý Yên");
        assert_eq!(units[12], "Xã Yên Khánh");
        assert_eq!(
            v.visible_rows().nth(3).map(|r| r.name.as_str()),
            Some("Ánh Dương")
        );

        // Scores: highest first when descending, and rows with no score last in both directions.
        for descending in [false, true] {
            v.apply(
                &Filter::default(),
                Sort {
                    column: Column::BestScore,
                    descending,
                },
            );
            let scores: Vec<Option<u32>> = v.visible_rows().map(|r| r.best_score).collect();
            let split = scores.iter().position(Option::is_none).unwrap();
            assert!(scores[split..].iter().all(Option::is_none));
            let mut values: Vec<u32> = scores[..split].iter().map(|s| s.unwrap()).collect();
            if descending {
                values.reverse();
            }
            assert!(values.is_sorted(), "{values:?}");
        }

        v.apply(
            &Filter::default(),
            Sort {
                column: Column::Status,
                descending: true,
            },
        );
        assert_eq!(v.visible_rows().next().map(|r| r.status), Some(Status::Completed));
        v.apply(
            &Filter::default(),
            Sort {
                column: Column::Module,
                descending: true,
            },
        );
        assert_eq!(v.visible_rows().next().map(|r| r.module_id.as_str()), Some("m2"));
        v.apply(
            &Filter::default(),
            Sort {
                column: Column::Attempts,
                descending: true,
            },
        );
        assert_eq!(v.visible_rows().next().map(|r| r.attempts), Some(1));
        v.apply(
            &Filter::default(),
            Sort {
                column: Column::CompletedOn,
                descending: false,
            },
        );
        let dates: Vec<_> = v.visible_rows().map(|r| r.completed_at).collect();
        let split = dates.iter().position(Option::is_none).unwrap();
        assert!(dates[..split].is_sorted() && dates[split..].iter().all(Option::is_none));
    }

    #[test]
    fn filters_by_unit_status_and_search_without_diacritics() {
        let mut v = view(&PEOPLE);
        let filter = Filter {
            unit: Some("Xã Yên Khánh".into()),
            ..Filter::default()
        };
        v.apply(&filter, Sort::default());
        assert_eq!(names(&v), ["Anh Tuấn", "Nguyễn Văn An"]);

        let filter = Filter {
            status: Some(Status::Completed),
            ..Filter::default()
        };
        v.apply(&filter, Sort::default());
        assert!(v.visible_rows().all(|r| r.status == Status::Completed));
        // Learners 1, 2, 4, 5 complete 1, 2, 1, 2 modules.
        assert_eq!(v.visible().len(), 6);

        for (query, expected) in [
            ("do", vec!["Đỗ Thị Lan", "Do Van Binh"]),
            ("ĐỖ THI", vec!["Đỗ Thị Lan"]),
            ("nam dinh", vec!["Ánh Dương", "Đỗ Thị Lan"]),
            // "Xã Yên Khánh" contains "anh" too.
            ("anh", vec!["Anh Tuấn", "Ánh Dương", "Nguyễn Văn An"]),
            ("  ", PEOPLE.iter().map(|p| p.0).collect::<Vec<_>>()),
            ("zzz", vec![]),
        ] {
            let filter = Filter {
                query: query.into(),
                ..Filter::default()
            };
            v.apply(&filter, Sort::default());
            let mut got = names(&v);
            let mut want: Vec<String> = expected.iter().map(|s| (*s).to_owned()).collect();
            got.sort();
            want.sort();
            assert_eq!(got, want, "query {query:?}");
            // The same answer as text::matches on every row.
            let by_matches: usize = PEOPLE
                .iter()
                .filter(|(n, u)| {
                    query.trim().is_empty() || text::matches(n, query) || text::matches(u, query)
                })
                .count();
            assert_eq!(got.len(), by_matches, "query {query:?}");
        }

        // All three at once.
        let filter = Filter {
            unit: Some("Phường Nam Định".into()),
            status: Some(Status::InProgress),
            query: "lan".into(),
        };
        v.apply(&filter, Sort::default());
        assert!(
            v.visible_rows()
                .all(|r| r.name == "Đỗ Thị Lan" && r.status == Status::InProgress)
        );
        assert_eq!(v.visible().len(), 1);
    }

    #[test]
    fn merged_and_deleted_learners_leave_the_roster() {
        let mut evs = events(&PEOPLE[..3], 3);
        let at = t0() + Duration::hours(1);
        let (an, lan, tuan) = (Uuid::from_u128(10), Uuid::from_u128(11), Uuid::from_u128(12));
        evs.push(Event::with_id(
            Uuid::from_u128(1),
            lan,
            Uuid::from_u128(1),
            at,
            EventKind::LearnerMerged { into: an },
        ));
        evs.push(Event::with_id(
            Uuid::from_u128(2),
            tuan,
            Uuid::from_u128(1),
            at,
            EventKind::LearnerDeleted,
        ));
        let v = RosterView::new(&fold(&evs, &specs(3)));
        assert_eq!(names(&v), ["Nguyễn Văn An"]);
        // Lan's passed quiz now counts for An.
        assert_eq!(v.visible_rows().next().map(|r| r.status), Some(Status::Completed));
    }

    /// 10,000 learners: fold, build the view, filter and sort. Asserts correctness only; the times are
    /// printed (`cargo test --release roster_of_ten_thousand -- --nocapture`).
    #[test]
    fn roster_of_ten_thousand() {
        const SURNAMES: [&str; 8] = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đỗ", "Bùi", "Võ"];
        const GIVEN: [&str; 8] = ["An", "Bình", "Chi", "Dũng", "Hoa", "Lan", "Minh", "Ánh"];
        let names: Vec<(String, String)> = (0..10_000)
            .map(|i| {
                (
                    format!("{} Văn {} {i}", SURNAMES[i % 8], GIVEN[(i / 8) % 8]),
                    format!("Xã số {}", i % 40),
                )
            })
            .collect();
        let people: Vec<(&str, &str)> = names.iter().map(|(n, u)| (n.as_str(), u.as_str())).collect();
        let evs = events(&people, 5);
        let specs = specs(5);

        let started = std::time::Instant::now();
        let progress = fold(&evs, &specs);
        let folded = started.elapsed();
        let mut v = RosterView::new(&progress);
        let built = started.elapsed();
        let filter = Filter {
            unit: Some("Xã số 8".into()),
            status: Some(Status::Completed),
            query: "nguyen".into(),
        };
        v.apply(
            &filter,
            Sort {
                column: Column::BestScore,
                descending: true,
            },
        );
        let filtered = started.elapsed();
        v.apply(
            &Filter::default(),
            Sort {
                column: Column::Name,
                descending: false,
            },
        );
        let sorted = started.elapsed();
        eprintln!(
            "10,000 learners, {} events, {} rows: fold {folded:?}, view {:?}, filter+sort {:?}, full sort {:?}",
            evs.len(),
            v.total_rows(),
            built - folded,
            filtered - built,
            sorted - filtered,
        );

        assert_eq!(v.learner_count(), 10_000);
        assert_eq!(v.total_rows(), 50_000);
        assert_eq!(v.visible().len(), 50_000);
        assert_eq!(v.units().len(), 40);
        // Name order: every row's name key is ≤ the next one's.
        let keys: Vec<String> = v
            .visible_rows()
            .step_by(5)
            .map(|r| text::search_key(&r.name))
            .collect();
        assert!(keys.is_sorted());

        v.apply(
            &filter,
            Sort {
                column: Column::BestScore,
                descending: true,
            },
        );
        let expected = progress
            .learners()
            .iter()
            .filter(|l| l.unit == "Xã số 8" && text::matches(&l.name, "nguyen"))
            .map(|l| progress.progress(l.id).iter().filter(|m| m.completed()).count())
            .sum::<usize>();
        assert!(expected > 0);
        assert_eq!(v.visible().len(), expected);
        assert!(
            v.visible_rows()
                .all(|r| r.unit == "Xã số 8" && r.status == Status::Completed)
        );
        let scores: Vec<u32> = v.visible_rows().map(|r| r.best_score.unwrap()).collect();
        assert!(scores.iter().rev().is_sorted());
    }
}

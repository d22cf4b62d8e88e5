//! Predict the order: before running, the learner puts the lesson's output lines in the order
//! they expect (by drag and drop or the keyboard, optionally with rough times); when the run
//! ends, their prediction is scored line by line against the real output, and the first
//! divergence is explained by the Trace event that caused it.
//!
//! A prediction is a permutation of the lesson's expected lines. It is kept per lesson in
//! `localStorage` (with the tries and the best score), carried by links as
//! `predict=2.0~1000.1.3` (line indices in predicted order, `~ms` for a rough time) and
//! reported to a host page as a `loopscope:prediction` message.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::i18n::{label, t, use_lang, Lang};
use super::session::{use_session, Phase, Row, Session};
use super::timeline::describe;
use crate::analysis::model::{LoopModel, TaskState};
use crate::examples::{self, Expected, Lesson, Order};
use crate::trace::{EventKind, Trace};

/// A learner's predicted order for one lesson.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prediction {
    /// The lesson it is for.
    pub lesson: &'static str,
    /// Indices into the lesson's expected lines, in the predicted order.
    pub order: Vec<usize>,
    /// A rough predicted time per expected line (by expected index), in milliseconds.
    pub times: Vec<Option<u64>>,
}

impl Prediction {
    /// The lesson's lines in a scrambled order that is the same on every visit (seeded by the
    /// lesson id) and never already the right one when there are two lines or more.
    pub fn shuffled(lesson: &'static Lesson) -> Prediction {
        let n = lesson.expected.len();
        let mut order: Vec<usize> = (0..n).collect();
        // FNV-1a of the id, then an xorshift Fisher-Yates.
        let mut seed = lesson.id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        }) | 1;
        for i in (1..n).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let mut prediction = Prediction {
            lesson: lesson.id,
            order,
            times: vec![None; n],
        };
        if n >= 2 && prediction.score_against_expected() == n {
            prediction.order.rotate_left(1);
        }
        prediction
    }

    /// How many lines are already right if the run prints exactly the expected output.
    fn score_against_expected(&self) -> usize {
        let Some(lesson) = examples::find(self.lesson) else {
            return 0;
        };
        score(lesson, self, &expected_rows(lesson)).correct
    }

    /// `2.0~1000.1.3`: the expected-line indices in predicted order, each with `~ms` if a time
    /// was given.
    pub fn encode(&self) -> String {
        self.order
            .iter()
            .map(|&i| match self.times.get(i).copied().flatten() {
                Some(ms) => format!("{i}~{ms}"),
                None => i.to_string(),
            })
            .collect::<Vec<_>>()
            .join(".")
    }

    /// Reads [`encode`](Self::encode)'s form; `None` unless it is a permutation of exactly
    /// this lesson's lines (a link made for other knobs or another version is ignored).
    pub fn decode(lesson: &'static Lesson, text: &str) -> Option<Prediction> {
        let n = lesson.expected.len();
        let mut order = Vec::with_capacity(n);
        let mut times = vec![None; n];
        for part in text.split('.') {
            let (index, time) = match part.split_once('~') {
                Some((index, time)) => (index, Some(time.parse::<u64>().ok()?)),
                None => (part, None),
            };
            let index: usize = index.parse().ok()?;
            if index >= n || order.contains(&index) {
                return None;
            }
            times[index] = time.filter(|&ms| ms <= MAX_TIME_MS);
            order.push(index);
        }
        (order.len() == n && n > 0).then_some(Prediction {
            lesson: lesson.id,
            order,
            times,
        })
    }

    /// Moves the line at position `from` to position `to` (both clamped to the list).
    pub fn move_line(&mut self, from: usize, to: usize) {
        let last = self.order.len().saturating_sub(1);
        let (from, to) = (from.min(last), to.min(last));
        if from != to && !self.order.is_empty() {
            let line = self.order.remove(from);
            self.order.insert(to, line);
        }
    }
}

/// The lesson's expected output as the rows of a run that printed exactly it.
fn expected_rows(lesson: &Lesson) -> Vec<Row> {
    lesson
        .expected
        .iter()
        .enumerate()
        .map(|(i, e)| Row {
            seq: i as u64,
            at_ms: e.at_ms,
            task: e.task.to_string(),
            text: e.text.to_string(),
            rust_line: 0,
            py_line: 0,
        })
        .collect()
}

/// The largest rough time accepted (a day); more is a typo.
pub const MAX_TIME_MS: u64 = 86_400_000;

/// A rough time is close enough within 10 % of the real one, or 100 ms for short times.
pub fn time_close(predicted_ms: u64, actual_ms: u64) -> bool {
    predicted_ms.abs_diff(actual_ms) <= (actual_ms / 10).max(100)
}

/// One position of a scored prediction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineScore {
    /// The predicted line.
    pub predicted: Expected,
    /// Its rough time, if one was given.
    pub predicted_ms: Option<u64>,
    /// What really came at this position, if anything.
    pub actual: Option<Row>,
    /// Whether the prediction is right here.
    pub ok: bool,
    /// For a right line with a rough time: whether the time was close.
    pub time_close: Option<bool>,
}

/// A prediction against a run's output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Score {
    /// Position by position.
    pub lines: Vec<LineScore>,
    /// The first wrong position (0-based), if any.
    pub first_wrong: Option<usize>,
    /// How many positions are right.
    pub correct: usize,
    /// How many lines there are.
    pub total: usize,
}

impl Score {
    /// Every line in the right place.
    pub fn all_right(&self) -> bool {
        self.first_wrong.is_none()
    }
}

/// Scores `prediction` against the printed `rows`, position by position. Under
/// [`Order::SameTimeAnyOrder`] a line counts as right in any place among the lines the lesson
/// prints at the same moment, as the lesson's own check allows.
pub fn score(lesson: &Lesson, prediction: &Prediction, rows: &[Row]) -> Score {
    let expected = lesson.expected;
    // The expected time of the actual line at a position, for same-time groups.
    let expected_time = |row: &Row| {
        expected
            .iter()
            .find(|e| e.task == row.task && e.text == row.text)
            .map(|e| e.at_ms)
    };
    let lines: Vec<LineScore> = prediction
        .order
        .iter()
        .enumerate()
        .map(|(position, &index)| {
            let predicted = expected[index];
            let actual = rows.get(position).cloned();
            let ok = actual.as_ref().is_some_and(|row| {
                (row.task == predicted.task && row.text == predicted.text)
                    || (lesson.order == Order::SameTimeAnyOrder
                        && expected_time(row) == Some(predicted.at_ms))
            });
            let predicted_ms = prediction.times.get(index).copied().flatten();
            let time_close = match (ok, predicted_ms, &actual) {
                (true, Some(ms), Some(row)) => Some(time_close(ms, row.at_ms)),
                _ => None,
            };
            LineScore {
                predicted,
                predicted_ms,
                actual,
                ok,
                time_close,
            }
        })
        .collect();
    let mut first_wrong = lines.iter().position(|l| !l.ok);
    if first_wrong.is_none() && rows.len() > lines.len() {
        first_wrong = Some(lines.len());
    }
    Score {
        correct: lines.iter().filter(|l| l.ok).count(),
        total: lines.len(),
        lines,
        first_wrong,
    }
}

/// Why the run differs from the prediction at its first wrong line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Divergence {
    /// The position (0-based).
    pub line: usize,
    /// The Trace event that made the real line come here (shown in replay).
    pub cause_seq: Option<u64>,
    /// The explanation, in words.
    pub text: String,
}

fn quote(text: &str) -> String {
    format!("“{text}”")
}

/// Explains the first divergence from the Trace: what made the real line's task run at that
/// point (its first step, or the end of what it waited on) and where the predicted line's task
/// was meanwhile (not created yet, waiting on what, queued, or the same task's own order).
pub fn explain(score: &Score, trace: &Trace, lang: Lang) -> Option<Divergence> {
    let line = score.first_wrong?;
    let zh = lang == Lang::Zh;
    let Some(at) = score.lines.get(line) else {
        let text = if zh {
            format!("你预测了 {} 行，但程序多打印了几行。", score.total)
        } else {
            format!(
                "You placed {} lines, but the run printed more.",
                score.total
            )
        };
        return Some(Divergence {
            line,
            cause_seq: None,
            text,
        });
    };
    let predicted = at.predicted;
    let Some(actual) = &at.actual else {
        let text = if zh {
            format!(
                "程序只打印了 {line} 行，{} 没有出现。",
                quote(predicted.text)
            )
        } else {
            format!(
                "The run printed only {line} lines; {} never came.",
                quote(predicted.text)
            )
        };
        return Some(Divergence {
            line,
            cause_seq: None,
            text,
        });
    };
    let events = trace.events();
    let names: Vec<String> = trace.task_names().map(str::to_string).collect();
    let seq = actual.seq as usize;
    let printer = events.get(seq).and_then(|e| e.task);
    let ms = actual.at_ms;
    let said = quote(&actual.text);
    let wanted = quote(predicted.text);
    // Why the real line's task was running here.
    let (why, cause_seq) = match printer {
        None => {
            let ran = events[..seq]
                .iter()
                .rev()
                .find(|e| matches!(e.kind, EventKind::CallbackRan { .. }));
            let text = if zh {
                format!("{said} 由事件循环直接运行的回调在 +{ms} ms 打印。")
            } else {
                format!("{said} was printed at +{ms} ms by a callback the loop ran itself.")
            };
            (text, ran.map(|e| e.seq))
        }
        Some(task) => {
            let name = trace.task_name(task);
            let polled = events[..seq]
                .iter()
                .rposition(|e| e.task == Some(task) && e.kind == EventKind::TaskPolled)
                .unwrap_or(0);
            let suspended = events[..polled].iter().rev().find_map(|e| match &e.kind {
                EventKind::TaskSuspended { on } if e.task == Some(task) => Some(on.clone()),
                _ => None,
            });
            match suspended {
                None => {
                    let spawned = events[..polled].iter().find(|e| {
                        e.task == Some(task) && matches!(e.kind, EventKind::TaskSpawned { .. })
                    });
                    let line = match spawned.map(|e| &e.kind) {
                        Some(EventKind::TaskSpawned { line, .. }) => *line,
                        _ => 0,
                    };
                    let text = if zh {
                        format!(
                            "{name} 在 +{ms} ms 运行它的第一步（由 Rust 第 {line} 行创建），打印了 {said}。"
                        )
                    } else {
                        format!(
                            "{name} ran its first step at +{ms} ms (it was created at Rust line {line}) and printed {said}."
                        )
                    };
                    (text, Some(polled as u64))
                }
                Some(on) => {
                    let woken = events[..polled]
                        .iter()
                        .rev()
                        .find(|e| e.task == Some(task) && e.kind == EventKind::TaskWoken);
                    let woke_ms = woken.map_or(ms, |e| e.at_ms());
                    let on = describe(&on, &names, lang);
                    let text = if zh {
                        format!(
                            "{name} 一直在等待：{on}；它在 +{woke_ms} ms 等到了，于是接着运行，在 +{ms} ms 打印了 {said}。"
                        )
                    } else {
                        format!(
                            "{name} had been waiting ({on}); that ended at +{woke_ms} ms, so it ran next and printed {said} at +{ms} ms."
                        )
                    };
                    (text, Some(woken.map_or(polled as u64, |e| e.seq)))
                }
            }
        }
    };
    // Where the predicted line's task was at that moment.
    let model = LoopModel::at(trace, Some(actual.seq));
    let other = predicted.task;
    let index = names.iter().position(|n| n == other);
    let same_task = printer.is_some_and(|t| Some(t.index()) == index);
    let state = index.and_then(|i| model.tasks.get(i)).map(|t| &t.state);
    let where_ = if same_task {
        if zh {
            format!("两行都由 {other} 打印：它的代码先打印 {said}，后打印 {wanted}。")
        } else {
            format!("Both lines come from {other}: its code prints {said} before {wanted}.")
        }
    } else {
        match (state, zh) {
            (None, false) => format!("{other}, which prints {wanted}, did not exist yet."),
            (None, true) => format!("打印 {wanted} 的 {other} 那时还不存在。"),
            (Some(TaskState::Pending | TaskState::Ready), false) => {
                format!("{other}, which prints {wanted}, was still queued behind it.")
            }
            (Some(TaskState::Pending | TaskState::Ready), true) => {
                format!("打印 {wanted} 的 {other} 还在就绪队列里排在后面。")
            }
            (Some(TaskState::Waiting(on)), false) => format!(
                "{other}, which prints {wanted}, was still waiting ({}).",
                describe(on, &names, lang)
            ),
            (Some(TaskState::Waiting(on)), true) => format!(
                "打印 {wanted} 的 {other} 那时还在等待：{}。",
                describe(on, &names, lang)
            ),
            (Some(_), false) => format!("{other} had already ended."),
            (Some(_), true) => format!("{other} 那时已经结束了。"),
        }
    };
    Some(Divergence {
        line,
        cause_seq,
        text: format!("{why} {where_}"),
    })
}

/// `localStorage` key of a lesson's prediction progress.
fn storage_key(lesson: &str) -> String {
    format!("loopscope.predict.{lesson}")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// What is kept per lesson: the last arrangement, how many runs scored it, the best score.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// The last arrangement, encoded.
    pub arrangement: String,
    /// Runs scored.
    pub tries: u32,
    /// The best number of right lines.
    pub best: usize,
    /// Whether a run ever matched the whole prediction.
    pub solved: bool,
}

impl Progress {
    fn encode(&self) -> String {
        format!(
            "{}|{}|{}|{}",
            self.arrangement,
            self.tries,
            self.best,
            u8::from(self.solved)
        )
    }

    fn decode(text: &str) -> Progress {
        let mut parts = text.split('|');
        let arrangement = parts.next().unwrap_or_default().to_string();
        let mut number = || {
            parts
                .next()
                .and_then(|p| p.parse::<u64>().ok())
                .unwrap_or(0)
        };
        let (tries, best, solved) = (number(), number(), number());
        Progress {
            arrangement,
            tries: tries.min(u64::from(u32::MAX)) as u32,
            best: best as usize,
            solved: solved == 1,
        }
    }

    /// The progress kept for `lesson` (empty if none, or storage is off).
    pub fn load(lesson: &str) -> Progress {
        storage()
            .and_then(|s| s.get_item(&storage_key(lesson)).ok().flatten())
            .map(|text| Progress::decode(&text))
            .unwrap_or_default()
    }

    fn save(&self, lesson: &str) {
        if let Some(storage) = storage() {
            let _ = storage.set_item(&storage_key(lesson), &self.encode());
        }
    }
}

/// The prediction to show for `lesson`: the one kept from an earlier visit, else a scramble.
pub fn for_lesson(lesson: &'static Lesson) -> Prediction {
    Prediction::decode(lesson, &Progress::load(lesson.id).arrangement)
        .unwrap_or_else(|| Prediction::shuffled(lesson))
}

/// Remembers the arrangement (not the score) as the learner changes it.
fn keep_arrangement(prediction: &Prediction) {
    let mut progress = Progress::load(prediction.lesson);
    progress.arrangement = prediction.encode();
    progress.save(prediction.lesson);
}

/// What a link's `predict=` asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Asked {
    /// `predict=1`: open in predict mode with the kept (or a scrambled) arrangement.
    On,
    /// `predict=2.0.1.3`: this arrangement.
    Arrangement(String),
}

/// Reads `predict=` from a link's query.
pub fn asked(query: &str) -> Option<Asked> {
    query
        .split('&')
        .find_map(|pair| match pair.split_once('=') {
            Some(("predict", "1" | "on" | "")) => Some(Asked::On),
            Some(("predict", value)) => Some(Asked::Arrangement(value.to_string())),
            _ => None,
        })
}

/// Turns predict mode on for the open lesson as a link asks; an arrangement that does not fit
/// the lesson falls back to the kept one.
pub fn open_as_asked(session: Session, asked: &Asked) {
    let lesson = session.lesson_untracked();
    let prediction = match asked {
        Asked::Arrangement(text) => {
            Prediction::decode(lesson, text).unwrap_or_else(|| for_lesson(lesson))
        }
        Asked::On => match session.predict.get_untracked() {
            Some(current) if current.lesson == lesson.id => return,
            _ => for_lesson(lesson),
        },
    };
    session.predict.set(Some(prediction));
}

/// The current prediction scored against the current run, once it has finished (or, for a
/// lesson that only Stop ends, been stopped) with the lesson's own knob values (other values
/// print other lines).
pub fn current_score(session: Session) -> Option<Score> {
    let prediction = session.predict.get()?;
    let lesson = session.lesson();
    // A lesson that waits forever is scored when Stop ends it.
    let ended = match session.phase.get() {
        Phase::Finished => true,
        Phase::Stopped => lesson.ends == examples::Ends::OnlyWhenStopped,
        _ => false,
    };
    if !ended || !session.settings_are_defaults() {
        return None;
    }
    if prediction.lesson != lesson.id {
        return None;
    }
    Some(session.rows.with(|rows| score(lesson, &prediction, rows)))
}

/// A one-line score for the status and the host: "5 / 7 lines right".
fn score_words(score: &Score, lang: Lang) -> String {
    match (lang, score.all_right()) {
        (Lang::En, true) => format!("✓ All {} lines in the right order!", score.total),
        (Lang::Zh, true) => format!("✓ 全部 {} 行顺序正确！", score.total),
        (Lang::En, false) => format!(
            "{} / {} lines right; first wrong at line {}",
            score.correct,
            score.total,
            score.first_wrong.unwrap_or(0) + 1
        ),
        (Lang::Zh, false) => format!(
            "{} / {} 行正确；第 {} 行起出错",
            score.correct,
            score.total,
            score.first_wrong.unwrap_or(0) + 1
        ),
    }
}

fn focus_line(list: NodeRef<leptos::html::Ol>, position: usize) {
    request_animation_frame(move || {
        let Some(list) = list.get_untracked() else {
            return;
        };
        let selector = format!("[data-testid=predict-line][data-position=\"{position}\"]");
        if let Ok(Some(line)) = list.query_selector(&selector) {
            if let Ok(line) = line.dyn_into::<web_sys::HtmlElement>() {
                let _ = line.focus();
            }
        }
    });
}

/// The toggle that turns predict mode on and off.
#[component]
pub fn PredictToggle() -> impl IntoView {
    let session = use_session();
    let on = move || session.predict.with(|p| p.is_some());
    view! {
        <button
            class="predict-toggle"
            data-testid="predict-toggle"
            aria-pressed=move || on().to_string()
            on:click=move |_| {
                if on() {
                    session.predict.set(None);
                } else {
                    // A fresh start: the old run's output would give the answer away.
                    session.reset_run();
                    session.predict.set(Some(for_lesson(session.lesson_untracked())));
                }
            }
        >
            {label(t("Predict the order", "预测输出顺序"))}
        </button>
    }
}

/// The prediction panel: the lines to arrange and, once a run has finished, the score beside
/// the real output with the first divergence explained.
#[component]
pub fn PredictPanel() -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let list = NodeRef::<leptos::html::Ol>::new();
    let dragging = StoredValue::new(None::<usize>);
    let announce = RwSignal::new(String::new());
    let score = Memo::new(move |_| current_score(session));
    let progress = RwSignal::new(Progress::default());
    Effect::new(move |_| {
        let id = session.lesson_id.get();
        session.predict.track();
        progress.set(Progress::load(id));
    });

    let move_line = move |from: usize, to: usize| {
        session.predict.update(|p| {
            if let Some(p) = p {
                p.move_line(from, to);
                keep_arrangement(p);
                let lesson = session.lesson_untracked();
                let to = to.min(p.order.len().saturating_sub(1));
                if let Some(line) = p.order.get(to).and_then(|&i| lesson.expected.get(i)) {
                    let l = lang.get_untracked();
                    announce.set(match l {
                        Lang::En => format!(
                            "“{}” is now line {} of {}",
                            line.text,
                            to + 1,
                            p.order.len()
                        ),
                        Lang::Zh => format!(
                            "“{}”现在是第 {} 行（共 {} 行）",
                            line.text,
                            to + 1,
                            p.order.len()
                        ),
                    });
                }
            }
        });
        focus_line(list, to);
    };

    // Each finished run is scored once: progress is saved and a host page is told.
    let reported = StoredValue::new(0u64);
    Effect::new(move |_| {
        let Some(score) = score.get() else { return };
        let generation = session.generation.get_untracked();
        if reported.get_value() == generation {
            return;
        }
        reported.set_value(generation);
        let Some(prediction) = session.predict.get_untracked() else {
            return;
        };
        let mut kept = Progress::load(prediction.lesson);
        kept.arrangement = prediction.encode();
        kept.tries = kept.tries.saturating_add(1);
        kept.best = kept.best.max(score.correct);
        kept.solved |= score.all_right();
        kept.save(prediction.lesson);
        progress.set(kept);
        #[cfg(target_arch = "wasm32")]
        super::embed::report_prediction(&prediction, &score);
    });

    let divergence = move || {
        let score = score.get()?;
        session.with_trace(|trace| explain(&score, trace, lang.get()))?
    };

    let rows = move || {
        let prediction = session.predict.get()?;
        let lesson = session.lesson();
        (prediction.lesson == lesson.id).then(|| {
            prediction
                .order
                .iter()
                .enumerate()
                .map(|(position, &index)| {
                    (
                        position,
                        index,
                        lesson.expected[index],
                        prediction.times[index],
                    )
                })
                .collect::<Vec<_>>()
        })
    };

    let line_view = move |(position, index, line, time): (usize, usize, Expected, Option<u64>)| {
        let count = move || {
            session
                .predict
                .with(|p| p.as_ref().map_or(0, |p| p.order.len()))
        };
        let keydown = move |event: ev::KeyboardEvent| {
            let key = event.key();
            let moving = event.alt_key() || event.ctrl_key();
            let target = match key.as_str() {
                "ArrowUp" if position > 0 => position - 1,
                "ArrowDown" if position + 1 < count() => position + 1,
                "Home" => 0,
                "End" => count().saturating_sub(1),
                _ => return,
            };
            event.prevent_default();
            if moving {
                move_line(position, target);
            } else {
                focus_line(list, target);
            }
        };
        let set_time = move |event: ev::Event| {
            let value = event_target_value(&event);
            let ms = value
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|&ms| ms <= MAX_TIME_MS);
            session.predict.update(|p| {
                if let Some(p) = p {
                    if let Some(slot) = p.times.get_mut(index) {
                        *slot = ms;
                    }
                    keep_arrangement(p);
                }
            });
        };
        view! {
            <li
                class="predict-line"
                data-testid="predict-line"
                data-position=position
                data-index=index
                tabindex="0"
                draggable="true"
                aria-roledescription=label(t("movable line", "可移动的行"))
                on:keydown=keydown
                on:dragstart=move |event: ev::DragEvent| {
                    dragging.set_value(Some(position));
                    if let Some(data) = event.data_transfer() {
                        data.set_effect_allowed("move");
                        // Firefox starts a drag only when something is set.
                        let _ = data.set_data("text/plain", line.text);
                    }
                }
                on:dragover=move |event: ev::DragEvent| event.prevent_default()
                on:drop=move |event: ev::DragEvent| {
                    event.prevent_default();
                    if let Some(from) = dragging.get_value() {
                        dragging.set_value(None);
                        move_line(from, position);
                    }
                }
                on:dragend=move |_| dragging.set_value(None)
            >
                <span class="grip" aria-hidden="true">"⠿"</span>
                <span class="task">{line.task}</span>
                <code class="text">{line.text}</code>
                <input
                    type="number"
                    class="predict-time"
                    data-testid="predict-time"
                    min="0"
                    step="100"
                    placeholder=label(t("ms?", "毫秒？"))
                    aria-label=label(t("Rough time in ms (optional)", "大约的时间，毫秒（可不填）"))
                    prop:value=time.map(|ms| ms.to_string()).unwrap_or_default()
                    on:change=set_time
                />
                <button
                    class="move"
                    data-testid="predict-up"
                    disabled=position == 0
                    aria-label=label(t("Move up", "上移"))
                    on:click=move |_| move_line(position, position.saturating_sub(1))
                >"↑"</button>
                <button
                    class="move"
                    data-testid="predict-down"
                    disabled=move || { position + 1 >= count() }
                    aria-label=label(t("Move down", "下移"))
                    on:click=move |_| move_line(position, position + 1)
                >"↓"</button>
            </li>
        }
    };

    let result = move || {
        let score = score.get()?;
        let l = lang.get();
        let first_wrong = score
            .first_wrong
            .map_or(String::new(), |l| (l + 1).to_string());
        let table_rows = score
            .lines
            .iter()
            .enumerate()
            .map(|(position, line)| {
                let actual = line.actual.as_ref().map_or("—".to_string(), |r| {
                    format!("+{} ms {} {}", r.at_ms, r.task, r.text)
                });
                let time = match (line.predicted_ms, line.time_close) {
                    (Some(ms), Some(true)) => format!("≈{ms} ms ✓"),
                    (Some(ms), _) => format!("≈{ms} ms"),
                    _ => String::new(),
                };
                view! {
                    <tr data-testid="predict-row" data-ok=line.ok.to_string() class:wrong=!line.ok>
                        <td class="n">{position + 1}</td>
                        <td>{format!("{} {}", line.predicted.task, line.predicted.text)}</td>
                        <td class="time">{time}</td>
                        <td>{actual}</td>
                        <td class="mark">{if line.ok { "✓" } else { "✗" }}</td>
                    </tr>
                }
            })
            .collect_view();
        let (summary, all_right) = (score_words(&score, l), score.all_right());
        Some(view! {
            <div class="predict-result">
                <p
                    class="predict-score"
                    class:ok=all_right
                    data-testid="predict-score"
                    data-correct=score.correct
                    data-total=score.total
                    data-first-wrong=first_wrong
                >
                    {summary}
                </p>
                <table data-testid="predict-result">
                    <thead>
                        <tr>
                            <th>"#"</th>
                            <th>{l.pick(t("You predicted", "你的预测"))}</th>
                            <th>{l.pick(t("Time", "时间"))}</th>
                            <th>{l.pick(t("The run printed", "实际输出"))}</th>
                            <th></th>
                        </tr>
                    </thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </div>
        })
    };

    let explanation = move || {
        let divergence = divergence()?;
        let cause = divergence.cause_seq;
        Some(view! {
            <div class="predict-explain">
                <p data-testid="predict-explain" data-line=divergence.line + 1>
                    <strong>{move || match lang.get() {
                        Lang::En => format!("Line {}: ", divergence.line + 1),
                        Lang::Zh => format!("第 {} 行：", divergence.line + 1),
                    }}</strong>
                    {divergence.text.clone()}
                </p>
                {cause.map(|seq| view! {
                    <button data-testid="predict-replay" on:click=move |_| session.cursor.set(Some(seq))>
                        {label(t("Show that moment in replay", "在回放中查看这一刻"))}
                    </button>
                })}
            </div>
        })
    };

    let knobs_changed = move || !session.settings_are_defaults();
    let progress_text = move || {
        let p = progress.get();
        let l = lang.get();
        (p.tries > 0).then(|| match l {
            Lang::En => format!(
                "Your runs so far: {} · best {} / {}{}",
                p.tries,
                p.best,
                session.lesson().expected.len(),
                if p.solved { " · solved ✓" } else { "" }
            ),
            Lang::Zh => format!(
                "已运行 {} 次 · 最好 {} / {}{}",
                p.tries,
                p.best,
                session.lesson().expected.len(),
                if p.solved { " · 已答对 ✓" } else { "" }
            ),
        })
    };

    view! {
        <Show when=move || session.predict.with(|p| p.is_some())>
            <section class="predict" data-testid="predict" aria-labelledby="predict-title">
                <h3 id="predict-title">{label(t("Predict the order", "预测输出顺序"))}</h3>
                <p class="hint">
                    {label(t(
                        "Put the lines in the order you expect them, then press Run. Drag them, use ↑ ↓, or focus one and press Alt+↑ / Alt+↓. A rough time (ms) is optional.",
                        "把各行排成你预期的顺序，然后点运行。可以拖动、点 ↑ ↓，或选中一行按 Alt+↑ / Alt+↓。时间（毫秒）可填可不填。",
                    ))}
                </p>
                <Show when=knobs_changed>
                    <p class="warning" data-testid="predict-knobs">
                        {label(t(
                            "The knobs are not at the lesson's values, so the run prints other lines: it will not be scored.",
                            "旋钮不是本课的默认值，输出会不同：这次运行不计分。",
                        ))}
                    </p>
                </Show>
                <ol class="predict-lines" node_ref=list data-testid="predict-lines">
                    {move || rows().unwrap_or_default().into_iter().map(line_view).collect_view()}
                </ol>
                <p class="sr-only" aria-live="polite" data-testid="predict-announce">{move || announce.get()}</p>
                {result}
                {explanation}
                <p class="predict-progress" data-testid="predict-progress">{progress_text}</p>
            </section>
        </Show>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::runtime::{host, Clock};

    fn lesson(id: &str) -> &'static Lesson {
        examples::find(id).unwrap()
    }

    /// The lesson run on the virtual clock, natively: its rows and its Trace's run.
    fn run(id: &str) -> (Vec<Row>, crate::runtime::Run) {
        let run = lesson(id).start(Clock::Virtual);
        host::run_until_idle();
        let rows = run.trace().printed().into_iter().map(Row::from).collect();
        (rows, run)
    }

    fn in_order(id: &str, order: Vec<usize>) -> Prediction {
        let n = order.len();
        Prediction {
            lesson: lesson(id).id,
            order,
            times: vec![None; n],
        }
    }

    #[test]
    fn a_scramble_is_stable_a_permutation_and_never_already_right() {
        for lesson in examples::all().filter(|l| l.expected.len() >= 2) {
            let a = Prediction::shuffled(lesson);
            assert_eq!(a, Prediction::shuffled(lesson), "{}", lesson.id);
            let mut sorted = a.order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..lesson.expected.len()).collect::<Vec<_>>());
            assert!(
                a.score_against_expected() < lesson.expected.len(),
                "{} starts solved",
                lesson.id
            );
        }
    }

    #[test]
    fn arrangements_round_trip_through_links_and_bad_ones_are_refused() {
        let gather = lesson("gather-order");
        let mut p = Prediction::shuffled(gather);
        p.times[p.order[0]] = Some(1000);
        let text = p.encode();
        assert!(text.contains("~1000"), "{text}");
        assert_eq!(Prediction::decode(gather, &text), Some(p));
        for bad in [
            "",
            "0.1.2",
            "0.1.2.3.4.5.6.7",
            "0.0.1.2.3.4.5",
            "0.1.2.3.4.5.x",
            "0.1.2.3.4.5.6~",
            "-1.0.1.2.3.4.5",
        ] {
            assert_eq!(Prediction::decode(gather, bad), None, "{bad}");
        }
        // Absurd times are dropped, not kept.
        let p = Prediction::decode(gather, "0~99999999999.1.2.3.4.5.6").unwrap();
        assert_eq!(p.times[0], None);
    }

    #[test]
    fn moving_a_line_shifts_the_others() {
        let mut p = in_order("gather-order", (0..7).collect());
        p.move_line(5, 1);
        assert_eq!(p.order, [0, 5, 1, 2, 3, 4, 6]);
        p.move_line(0, 99);
        assert_eq!(p.order, [5, 1, 2, 3, 4, 6, 0]);
    }

    #[test]
    fn the_right_order_scores_full_marks_and_a_swap_is_wrong_at_its_line() {
        let (rows, _run) = run("gather-order");
        let right = in_order("gather-order", (0..7).collect());
        let full = score(lesson("gather-order"), &right, &rows);
        assert!(full.all_right());
        assert_eq!((full.correct, full.total), (7, 7));

        // "mid end" before "fast end": wrong at line 4 (index 3) and 5.
        let swapped = in_order("gather-order", vec![0, 1, 2, 4, 3, 5, 6]);
        let scored = score(lesson("gather-order"), &swapped, &rows);
        assert_eq!(scored.first_wrong, Some(3));
        assert_eq!(scored.correct, 5);
        assert!(!scored.lines[3].ok && !scored.lines[4].ok && scored.lines[5].ok);
    }

    #[test]
    fn rough_times_count_when_close() {
        let (rows, _run) = run("gather-order");
        let mut p = in_order("gather-order", (0..7).collect());
        p.times[3] = Some(950); // fast end at 1000
        p.times[4] = Some(2600); // mid end at 2000
        let scored = score(lesson("gather-order"), &p, &rows);
        assert_eq!(scored.lines[3].time_close, Some(true));
        assert_eq!(scored.lines[4].time_close, Some(false));
        assert_eq!(scored.lines[0].time_close, None);
        assert!(time_close(0, 80) && !time_close(0, 150) && time_close(9000, 10000));
    }

    #[test]
    fn the_first_divergence_is_explained_by_the_wake_that_caused_it() {
        let (rows, run) = run("gather-order");
        // Predicting "slow end" (Task-2, 3 s) where "fast end" (Task-3, 1 s) came.
        let p = in_order("gather-order", vec![0, 1, 2, 5, 3, 4, 6]);
        let scored = score(lesson("gather-order"), &p, &rows);
        assert_eq!(scored.first_wrong, Some(3));
        let trace = run.trace();
        let why = explain(&scored, &trace, Lang::En).unwrap();
        assert_eq!(why.line, 3);
        assert!(
            why.text.starts_with("Task-3 had been waiting"),
            "{}",
            why.text
        );
        assert!(why.text.contains("+1000 ms"), "{}", why.text);
        assert!(
            why.text
                .contains("Task-2, which prints “slow end”, was still waiting"),
            "{}",
            why.text
        );
        // The cause is Task-3's wake, at 1000 ms.
        let cause = &trace.events()[why.cause_seq.unwrap() as usize];
        assert_eq!(cause.kind, EventKind::TaskWoken);
        assert_eq!(cause.at_us, 1_000_000);
        assert_eq!(
            cause
                .task
                .map(|t| trace.task_name(t).to_string())
                .as_deref(),
            Some("Task-3")
        );
        assert!(explain(&scored, &trace, Lang::Zh)
            .unwrap()
            .text
            .contains("Task-3"));
    }

    #[test]
    fn a_divergence_inside_one_task_says_so() {
        let (rows, run) = run("coroutine-object");
        // "inside func" before "coroutine created": both Task-1's.
        let p = in_order("coroutine-object", vec![1, 0, 2]);
        let scored = score(lesson("coroutine-object"), &p, &rows);
        assert_eq!(scored.first_wrong, Some(0));
        let why = explain(&scored, &run.trace(), Lang::En).unwrap();
        assert!(
            why.text.contains("Both lines come from Task-1"),
            "{}",
            why.text
        );
    }

    #[test]
    fn lines_at_the_same_moment_may_be_predicted_in_any_order_where_the_lesson_allows_it() {
        let same_time: Vec<&Lesson> = examples::all()
            .filter(|l| l.order == Order::SameTimeAnyOrder)
            .collect();
        assert!(!same_time.is_empty());
        for lesson in same_time {
            // The run printed the expected lines (these lessons need the browser or workers).
            let rows = expected_rows(lesson);
            // Reverse every group of lines expected at the same time.
            let mut order: Vec<usize> = Vec::new();
            let mut start = 0;
            while start < lesson.expected.len() {
                let at = lesson.expected[start].at_ms;
                let end = start
                    + lesson.expected[start..]
                        .iter()
                        .take_while(|e| e.at_ms == at)
                        .count();
                order.extend((start..end).rev());
                start = end;
            }
            let reversed = in_order(lesson.id, order.clone());
            assert!(score(lesson, &reversed, &rows).all_right(), "{}", lesson.id);
            // Across different times the order still counts.
            if order.len() >= 2
                && lesson.expected[order[0]].at_ms != lesson.expected[*order.last().unwrap()].at_ms
            {
                order.rotate_left(1);
                assert!(
                    !score(lesson, &in_order(lesson.id, order), &rows).all_right(),
                    "{}",
                    lesson.id
                );
            }
        }
    }

    #[test]
    fn progress_survives_its_own_encoding() {
        let p = Progress {
            arrangement: "2.0~1000.1".into(),
            tries: 3,
            best: 2,
            solved: true,
        };
        assert_eq!(Progress::decode(&p.encode()), p);
        assert_eq!(
            Progress::decode("garbage"),
            Progress {
                arrangement: "garbage".into(),
                ..Progress::default()
            }
        );
    }

    #[test]
    fn links_ask_for_predict_mode_or_an_arrangement() {
        assert_eq!(asked("f1=2&predict=1"), Some(Asked::On));
        assert_eq!(
            asked("predict=2.0.1"),
            Some(Asked::Arrangement("2.0.1".into()))
        );
        assert_eq!(asked("clock=instant"), None);
    }
}

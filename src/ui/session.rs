//! The bridge from the runtime to the page: one lesson, its current run, and signals derived
//! from that run's Trace.
//!
//! The Trace stays plain Rust data inside the run. The run's observer asks for a sync at most
//! once per animation frame, and a sync copies only what the Trace gained since the last one.
//! Every callback carries the generation of the run that scheduled it and is ignored when a
//! newer run has replaced it, so nothing of an old run can appear in a new one.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use leptos::prelude::*;

use super::progress::{self, for_lesson};
pub use super::snippet::CodeNotice;
use super::urls::{Asked, LinkIssue};
use crate::analysis::hidden::{extend_hidden_spans, HiddenSpan};
use crate::analysis::io_rows::{extend_io_rows, IoRow};
use crate::analysis::lanes::Lane;
use crate::analysis::model::LoopModel;
pub use crate::analysis::output::Row;
use crate::analysis::predict::Prediction;
use crate::analysis::replay::{Folded, Replay};
use crate::course::knobs::KnobError;
use crate::course::{self, Lesson, Needs, Settings};
use crate::lang::Lang;
use crate::lazy::Part;
use crate::runtime::{Clock, Run, RunStatus};

/// How the page runs a lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClockMode {
    /// The real clock: a 2 s sleep takes 2 s (divided by the speed).
    Real,
    /// The virtual clock: instant and exactly repeatable.
    Instant,
}

/// Where the current run is, as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Nothing has run since the lesson was opened.
    Idle,
    /// Run was pressed and the code that runs it (the lessons' or the interpreter's module,
    /// see `crate::lazy`) is being fetched first; the run starts when it arrives.
    Loading(Part),
    /// A run is in progress.
    Running,
    /// The run ended normally.
    Finished,
    /// `main` ended with an error (shown as text).
    Failed(String),
    /// Stop ended the run.
    Stopped,
}

thread_local! {
    /// Each session's current run, outside the reactive arena: a cleanup must be able to stop
    /// the run even after the arena has disposed of the session's other values.
    static RUNS: RefCell<HashMap<u64, Run>> = RefCell::default();
    static NEXT_SESSION: Cell<u64> = const { Cell::new(1) };
}

/// The page's state for one lesson at a time. `Copy`: it is a bundle of signal handles.
#[derive(Clone, Copy)]
pub struct Session {
    /// The open lesson's id.
    pub lesson_id: RwSignal<&'static str>,
    /// Real or instant, as chosen for the next run.
    pub clock: RwSignal<ClockMode>,
    /// The clock the current run uses (`None` before the first run).
    pub run_clock: RwSignal<Option<ClockMode>>,
    /// The page's language: a run prints in the one it had when Run was pressed.
    pub lang: RwSignal<Lang>,
    /// The language the current run prints in (its expected output is judged in it).
    pub run_lang: RwSignal<Lang>,
    /// On the real clock, how many times faster than real time (1, 2, 5, 10).
    pub speed: RwSignal<u32>,
    /// Where the current run is.
    pub phase: RwSignal<Phase>,
    /// The printed lines of the current run, in order.
    pub rows: RwSignal<Vec<Row>>,
    /// The current run's timeline lanes.
    pub lanes: RwSignal<Vec<Lane>>,
    /// The loop's own lane (callbacks it ran), once the run has any.
    pub loop_lane: RwSignal<Option<Lane>>,
    /// Replay: the event being looked at (its sequence number), or `None` for the whole run.
    pub cursor: RwSignal<Option<u64>>,
    /// How many events the current run's Trace holds (as of the last sync).
    pub event_count: RwSignal<usize>,
    /// The row pinned by a click or the keyboard.
    pub focused: RwSignal<Option<usize>>,
    /// The row under the pointer.
    pub hovered: RwSignal<Option<usize>>,
    /// Milliseconds on the run's clock (ticks while a real-clock run is going).
    pub elapsed_ms: RwSignal<u64>,
    /// The current run's generation id (0 before the first run).
    pub generation: RwSignal<u64>,
    /// The open lesson's knob values, used by the next run.
    pub settings: RwSignal<Settings>,
    /// Knobs whose typed value was refused, with why: Run waits until they are fixed (or the
    /// lesson's own values are restored), so a run never silently uses the old value.
    pub refused: RwSignal<Vec<(&'static str, KnobError)>>,
    /// The current run's outside work (downloads, worker jobs, storage calls, connections).
    pub io: RwSignal<Vec<IoRow>>,
    /// When the current real-clock run's page was hidden: its times there are throttled.
    pub hidden: RwSignal<Vec<HiddenSpan>>,
    /// The loop as of the current run's latest event (ready queue, timers, task states).
    pub model: RwSignal<LoopModel, LocalStorage>,
    /// Predict mode: the learner's arrangement of the open lesson's lines, or `None` when off.
    pub predict: RwSignal<Option<Prediction>>,
    /// What a link asked for that the course does not have (an unknown lesson id, or a route
    /// that is none of the page's): the page says so instead of showing a lesson in its place,
    /// until a lesson is opened.
    pub missing: RwSignal<Option<String>>,
    /// What the link that opened the lesson asked for that the page does not do (an unknown
    /// key, a refused page value, no such part): named on the page until another link is
    /// opened or the reader closes the message.
    pub link_issues: RwSignal<Vec<LinkIssue>>,
    /// The learner's own version of the lesson's Python (Edit): Run runs it on the
    /// interpreter instead of the lesson's Rust. `None` shows and runs the lesson's code.
    pub edited: RwSignal<Option<String>>,
    /// Why the edited code does not compile: line (1-based), column (0-based), message.
    pub code_error: RwSignal<Option<(u32, u32, String)>>,
    /// What the page says beside the code that is not an error of it (predict mode's hidden
    /// run going, a link's code unreadable).
    pub notice: RwSignal<Option<CodeNotice>>,
    key: u64,
    synced_events: StoredValue<usize>,
    /// `performance.measure` entries made for the current run (capped).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    measures: StoredValue<usize>,
    frame_pending: StoredValue<bool>,
    /// Replay's checkpoints over the current run (made at the first cursor move).
    replay: StoredValue<Option<Replay>, LocalStorage>,
}

/// The session from context.
pub fn use_session() -> Session {
    expect_context::<Session>()
}

impl Session {
    /// A session showing `lesson_id` (or the first lesson if the id is unknown).
    pub fn new(lesson_id: &str, clock: ClockMode) -> Self {
        let lesson = course::find(lesson_id).unwrap_or(course::CATALOG[0].lessons[0]);
        Session {
            lesson_id: RwSignal::new(lesson.id),
            clock: RwSignal::new(clock),
            run_clock: RwSignal::new(None),
            // The page's own signal when there is one (the App provides it first).
            lang: use_context::<RwSignal<Lang>>().unwrap_or_else(|| RwSignal::new(Lang::En)),
            run_lang: RwSignal::new(Lang::En),
            speed: RwSignal::new(1),
            phase: RwSignal::new(Phase::Idle),
            rows: RwSignal::new(Vec::new()),
            lanes: RwSignal::new(Vec::new()),
            loop_lane: RwSignal::new(None),
            cursor: RwSignal::new(None),
            event_count: RwSignal::new(0),
            focused: RwSignal::new(None),
            hovered: RwSignal::new(None),
            elapsed_ms: RwSignal::new(0),
            generation: RwSignal::new(0),
            settings: RwSignal::new(Settings::defaults(lesson)),
            refused: RwSignal::new(Vec::new()),
            io: RwSignal::new(Vec::new()),
            hidden: RwSignal::new(Vec::new()),
            model: RwSignal::new_local(LoopModel::default()),
            predict: RwSignal::new(None),
            missing: RwSignal::new(None),
            link_issues: RwSignal::new(Vec::new()),
            edited: RwSignal::new(None),
            code_error: RwSignal::new(None),
            notice: RwSignal::new(None),
            key: NEXT_SESSION.with(|n| n.replace(n.get() + 1)),
            synced_events: StoredValue::new(0),
            measures: StoredValue::new(0),
            frame_pending: StoredValue::new(false),
            replay: StoredValue::new_local(None),
        }
    }

    /// The open lesson.
    pub fn lesson(self) -> &'static Lesson {
        let id = self.lesson_id.get();
        course::find(id).unwrap_or(course::CATALOG[0].lessons[0])
    }

    /// The open lesson, read without tracking (for event handlers).
    pub fn lesson_untracked(self) -> &'static Lesson {
        let id = self.lesson_id.get_untracked();
        course::find(id).unwrap_or(course::CATALOG[0].lessons[0])
    }

    /// Opens another lesson: a run in progress is stopped and the output cleared.
    pub fn open(self, id: &str) {
        // The code page opens on what was typed there last, else the starter program.
        if id == course::snippet::ID {
            let code = super::prefs::code_draft().unwrap_or_else(|| {
                self.lang
                    .get_untracked()
                    .pick(course::snippet::STARTER)
                    .to_string()
            });
            self.open_code(code);
            return;
        }
        if let Some(lesson) = course::find(id) {
            self.open_with(id, Settings::defaults(lesson));
        }
    }

    /// Opens a lesson with these knob values (from a link). The same lesson with other
    /// values keeps its output until the next run; another lesson starts afresh.
    pub fn open_with(self, id: &str, settings: Settings) {
        let Some(lesson) = course::find(id) else {
            return;
        };
        if self.settings.get_untracked() != settings {
            self.settings.set(settings);
        }
        if self.refused.with_untracked(|r| !r.is_empty()) {
            self.refused.set(Vec::new());
        }
        if self.missing.with_untracked(Option::is_some) {
            self.missing.set(None);
        }
        if lesson.id == self.lesson_id.get_untracked() {
            return;
        }
        self.discard_run();
        self.clear();
        self.phase.set(Phase::Idle);
        self.edited.set(None);
        self.code_error.set(None);
        self.notice.set(None);
        self.lesson_id.set(lesson.id);
        // In predict mode the new lesson's lines are arranged afresh (or as kept last time); a
        // snippet's come from its own first run, when predict mode is asked for again.
        if self.predict.with_untracked(Option::is_some) {
            self.predict.set(
                (lesson.id != crate::course::snippet::ID).then(|| progress::for_lesson(lesson)),
            );
        }
    }

    /// Forgets the current run and its output (as if the lesson had just been opened).
    pub fn reset_run(self) {
        self.discard_run();
        self.clear();
        self.phase.set(Phase::Idle);
    }

    /// Whether the knobs are at the lesson's own values (the expected output applies).
    pub fn settings_are_defaults(self) -> bool {
        self.settings
            .with(|s| *s == Settings::defaults(self.lesson()))
    }

    /// Has the runtime start, ahead of the run, the Web Workers the open lesson's pool will
    /// take (and let go of them for a lesson without workers), so a job starts when it is
    /// submitted, as a thread would.
    pub fn warm_workers(self) {
        let lesson = self.lesson();
        let workers = self.settings.with(|settings| lesson.workers_used(settings));
        crate::runtime::worker::warm_up(workers);
    }

    /// The clock a run will really use: a lesson that needs workers runs on the real clock
    /// even when instant is chosen, since blocking takes real time.
    pub fn effective_clock(self) -> ClockMode {
        match (self.lesson().needs, self.clock.get()) {
            (Needs::Workers, _) => ClockMode::Real,
            (_, mode) => mode,
        }
    }

    /// Runs the open lesson. Pressing Run during a run starts over: the old run is stopped
    /// first and nothing it printed is kept. Nothing runs while a knob's value is refused, or
    /// while the page says a link's lesson does not exist (an embed's host may still ask).
    pub fn run(self) {
        if self.refused.with_untracked(|r| !r.is_empty())
            || self.missing.with_untracked(Option::is_some)
        {
            return;
        }
        self.discard_run();
        self.clear();
        let lesson = self.lesson();
        let mode = untrack(|| self.effective_clock());
        self.run_clock.set(Some(mode));
        let clock = match mode {
            ClockMode::Instant => Clock::Virtual,
            ClockMode::Real => Clock::Real {
                scale: 1.0 / f64::from(self.speed.get_untracked().max(1)),
            },
        };
        let lang = self.lang.get_untracked();
        self.run_lang.set(lang);
        let run = match self.edited.get_untracked() {
            None => {
                let Some(entries) = crate::course::entries::loaded() else {
                    self.load_then_run(Part::Lessons, lang);
                    return;
                };
                let Some(entry) = (entries.of)(lesson.id) else {
                    let message = format!("the lesson {:?} has no entry", lesson.id);
                    self.phase.set(Phase::Failed(message));
                    return;
                };
                lesson.start_entry(entry, lang, clock, &self.settings.get_untracked())
            }
            Some(source) => {
                let Some(interpreter) = crate::interpreter::load::loaded_for(&source) else {
                    self.load_then_run(Part::Interpreter, lang);
                    return;
                };
                match (interpreter.start)(&source, clock, lang) {
                    Ok((run, _outcome)) => {
                        self.mark_compile_error(None);
                        run
                    }
                    Err(e) => {
                        self.mark_compile_error(Some(&e));
                        let message = format!("{} (line {})", e.headline(), e.line);
                        self.phase.set(Phase::Failed(message));
                        return;
                    }
                }
            }
        };
        let generation = run.generation();
        run.set_observer(move || self.changed(generation));
        RUNS.with(|runs| runs.borrow_mut().insert(self.key, run));
        self.generation.set(generation);
        self.phase.set(Phase::Running);
        if clock != Clock::Virtual {
            self.tick_clock(generation);
        }
    }

    /// Fetches the module of `part` (the first time it runs), then runs. Stop, another lesson
    /// or leaving meanwhile leaves the run unstarted.
    fn load_then_run(self, part: Part, lang: Lang) {
        if self.phase.get_untracked() == Phase::Loading(part) {
            // Run pressed again while the module is on its way: the waiting run will start with
            // the code as it is then. (A run that waited for the lessons' module and turns out
            // to need the interpreter's, the code having been edited meanwhile, goes on to
            // fetch that one.)
            return;
        }
        self.phase.set(Phase::Loading(part));
        leptos::task::spawn_local(async move {
            let loaded = match part {
                Part::Interpreter => loop {
                    // With the libraries if the code imports one: the code as it is once the
                    // interpreter has arrived (edited meanwhile, it may need them now).
                    let source = || {
                        self.edited
                            .try_get_untracked()
                            .flatten()
                            .unwrap_or_default()
                    };
                    if let Err(failed) = crate::interpreter::load::load_for(&source()).await {
                        break Err(failed);
                    }
                    if crate::interpreter::load::loaded_for(&source()).is_some() {
                        break Ok(());
                    }
                },
                Part::Lessons => crate::course::entries::load().await.map(|_| ()),
            };
            if self.phase.try_get_untracked() != Some(Phase::Loading(part)) {
                return;
            }
            match loaded {
                Ok(_) => self.run(),
                Err(failed) => self.phase.set(Phase::Failed(failed.message(lang))),
            }
        });
    }

    /// Stops the current run, if any: every task and timer of it is cancelled.
    pub fn stop(self) {
        if matches!(self.phase.get_untracked(), Phase::Loading(_)) {
            self.phase.set(Phase::Idle);
        }
        if let Some(run) = RUNS.with(|runs| runs.borrow().get(&self.key).cloned()) {
            run.stop();
        }
    }

    /// Stops the run for good and forgets it (leaving the lesson or the page). Touches no
    /// signal, so it is safe in a cleanup.
    pub fn discard_run(self) {
        if let Some(run) = RUNS.with(|runs| runs.borrow_mut().remove(&self.key)) {
            run.set_observer(|| {});
            run.stop();
        }
    }

    fn clear(self) {
        self.rows.set(Vec::new());
        self.lanes.set(Vec::new());
        self.loop_lane.set(None);
        self.io.set(Vec::new());
        self.hidden.set(Vec::new());
        self.model.set(LoopModel::default());
        self.replay.set_value(None);
        self.cursor.set(None);
        self.event_count.set(0);
        self.focused.set(None);
        self.hovered.set(None);
        self.elapsed_ms.set(0);
        self.synced_events.set_value(0);
        self.measures.set_value(0);
    }

    fn current_run(self, generation: u64) -> Option<Run> {
        RUNS.with(|runs| runs.borrow().get(&self.key).cloned())
            .filter(|run| run.generation() == generation)
    }

    /// Called by the run after work that may have added events.
    fn changed(self, generation: u64) {
        let Some(run) = self.current_run(generation) else {
            return;
        };
        if run.status() != RunStatus::Running {
            // The end is shown at once, frame or no frame.
            self.sync(generation);
            return;
        }
        if self.frame_pending.try_get_value() != Some(false) {
            return;
        }
        self.frame_pending.set_value(true);
        request_animation_frame(move || {
            let _ = self.frame_pending.try_set_value(false);
            self.sync(generation);
        });
    }

    /// Keeps the elapsed time moving once per frame during a real-clock run.
    fn tick_clock(self, generation: u64) {
        let Some(run) = self.current_run(generation) else {
            return;
        };
        if run.status() != RunStatus::Running {
            return;
        }
        let _ = self.elapsed_ms.try_set(run.now_us() / 1000);
        request_animation_frame(move || self.tick_clock(generation));
    }

    /// On a real-clock run, each step and wait that just ended becomes a `performance.measure`
    /// on its task's DevTools track (see [`super::devtools`]).
    #[cfg(target_arch = "wasm32")]
    fn measure_closed_segments(self, run: &Run, lanes: &[Lane], before: &[usize]) {
        use super::devtools;
        use crate::analysis::lanes::Activity;
        let (Clock::Real { scale }, Some(origin)) = (run.clock(), run.origin_ms()) else {
            return;
        };
        let page_ms = |us: u64| origin + us as f64 / 1000.0 * scale;
        for (index, lane) in lanes.iter().enumerate() {
            let from = before.get(index).copied().unwrap_or(0).saturating_sub(1);
            for segment in &lane.segments[from.min(lane.segments.len())..] {
                let Some(to) = segment.to_us else { continue };
                let (name, waiting) = match &segment.activity {
                    Activity::Running => ("step".to_string(), false),
                    Activity::Waiting(on) => (super::words::wait_words(on, &lanes, Lang::En), true),
                    Activity::Ready => continue,
                };
                let done = self.measures.get_value();
                if done >= devtools::MAX_MEASURES {
                    return;
                }
                self.measures.set_value(done + 1);
                devtools::measure(
                    &format!("{}: {name}", lane.name),
                    &lane.name,
                    page_ms(segment.from_us),
                    page_ms(to),
                    waiting,
                );
            }
        }
    }

    /// Copies what the Trace gained since the last sync into the signals.
    fn sync(self, generation: u64) {
        let Some(run) = self.current_run(generation) else {
            return;
        };
        let Some(from) = self.synced_events.try_get_value() else {
            return;
        };
        // Only the events since the last frame are read: a frame costs what it adds.
        let (new_rows, len, last_ms) = {
            let trace = run.trace();
            let events = trace.events();
            let fresh = &events[from.min(events.len())..];
            let rows: Vec<Row> = trace.printed_since(from).map(Row::from).collect();
            let last_ms = events.last().map_or(0, |e| e.at_ms());
            if fresh.iter().any(|e| e.task.is_some()) {
                self.lanes.update(|lanes| {
                    // Only real-clock runs feed DevTools, and only up to the cap: the others
                    // skip the bookkeeping.
                    #[cfg(target_arch = "wasm32")]
                    let before: Option<Vec<usize>> = (matches!(run.clock(), Clock::Real { .. })
                        && self.measures.get_value() < super::devtools::MAX_MEASURES)
                        .then(|| lanes.iter().map(|l| l.segments.len()).collect());
                    crate::analysis::lanes::extend_lanes(lanes, fresh);
                    #[cfg(target_arch = "wasm32")]
                    if let Some(before) = before {
                        self.measure_closed_segments(&run, lanes, &before);
                    }
                });
            }
            if fresh.iter().any(|e| e.task.is_none()) {
                self.loop_lane
                    .update(|lane| crate::analysis::lanes::extend_loop_lane(lane, fresh));
            }
            if !fresh.is_empty() {
                self.model.update(|model| {
                    for event in fresh {
                        model.apply(event);
                    }
                });
            }
            let mut io_changed = false;
            self.io
                .update_untracked(|io| io_changed = extend_io_rows(io, fresh));
            if io_changed {
                self.io.notify();
            }
            let mut hidden_changed = false;
            self.hidden
                .update_untracked(|spans| hidden_changed = extend_hidden_spans(spans, fresh));
            if hidden_changed {
                self.hidden.notify();
            }
            (rows, events.len(), last_ms)
        };
        self.synced_events.set_value(len);
        self.event_count.set(len);
        if !new_rows.is_empty() {
            self.rows.update(|rows| rows.extend(new_rows));
        }
        let phase = match run.status() {
            RunStatus::Running => Phase::Running,
            RunStatus::Finished(Ok(())) => Phase::Finished,
            RunStatus::Finished(Err(error)) => Phase::Failed(error.to_string()),
            RunStatus::Stopped => Phase::Stopped,
        };
        if phase != Phase::Running {
            self.elapsed_ms.set(last_ms);
        }
        if self.phase.get_untracked() != phase {
            self.phase.set(phase);
        }
    }

    /// Whether the current run can be replayed: it has ended and recorded something.
    pub fn can_replay(self) -> bool {
        !matches!(self.phase.get(), Phase::Idle | Phase::Running) && self.event_count.get() > 0
    }

    /// Moves replay's cursor to event `seq` (clamped to the run), if the run can be replayed.
    pub fn seek(self, seq: u64) {
        if untrack(|| self.can_replay()) {
            let last = self.event_count.get_untracked().saturating_sub(1) as u64;
            self.cursor.set(Some(seq.min(last)));
        }
    }

    /// Moves replay's cursor to the last event at or before `us` µs into the run.
    pub fn seek_to_us(self, us: u64) {
        let seq = self.with_trace(|trace| {
            let events = trace.events();
            events.partition_point(|e| e.at_us <= us).saturating_sub(1) as u64
        });
        if let Some(seq) = seq {
            self.seek(seq);
        }
    }

    /// The output row printed by event `seq`, if that event printed one.
    pub fn row_of_seq(self, seq: u64) -> Option<usize> {
        self.rows.with(|rows| {
            let at = rows.partition_point(|r| r.seq < seq);
            (rows.get(at).map(|r| r.seq) == Some(seq)).then_some(at)
        })
    }

    /// The row whose source lines are highlighted: the one hovered, else the one pinned, else
    /// (while running) the latest printed.
    pub fn highlighted_row(self) -> Option<Row> {
        let rows = self.rows.read();
        let latest = |rows: &[Row]| match self.cursor.get() {
            // Replaying: the last line printed at or before the cursor.
            Some(seq) => rows.iter().rposition(|r| r.seq <= seq),
            None => (self.phase.get() == Phase::Running).then(|| rows.len().wrapping_sub(1)),
        };
        let index = self
            .hovered
            .get()
            .or(self.focused.get())
            .or_else(|| latest(&rows));
        index.and_then(|i| rows.get(i).cloned())
    }

    /// Turns predict mode on for the open lesson as a link asks; an arrangement that does not fit
    /// the lesson falls back to the kept one.
    pub fn open_as_asked(self, asked: &Asked) {
        let lesson = self.lesson_untracked();
        if lesson.id == crate::course::snippet::ID {
            if self.predict.with_untracked(Option::is_none) {
                self.predict_snippet(match asked {
                    Asked::Arrangement(text) => Some(text.clone()),
                    Asked::On => None,
                });
            }
            return;
        }
        let prediction = match asked {
            Asked::Arrangement(text) => {
                Prediction::decode(lesson, text).unwrap_or_else(|| for_lesson(lesson))
            }
            Asked::On => match self.predict.get_untracked() {
                Some(current) if current.lesson == lesson.id => return,
                _ => for_lesson(lesson),
            },
        };
        self.predict.set(Some(prediction));
    }

    /// What replay shows right after event `seq` of the current run (the loop model and the
    /// lanes), from replay's checkpoints: a cursor move costs the events since the nearest
    /// one, not the whole run.
    pub fn replay_at<R>(self, seq: u64, f: impl FnOnce(&Folded) -> R) -> Option<R> {
        self.with_trace(|trace| {
            self.replay.update_value(|replay| {
                if !replay.as_ref().is_some_and(|r| r.fits(trace)) {
                    *replay = Some(Replay::new(trace));
                }
            });
            self.replay
                .try_update_value(|replay| replay.as_mut().map(|r| f(r.at(trace, seq))))
                .flatten()
        })
        .flatten()
    }

    /// Reads the current run's Trace (for replay), if there is a run.
    pub fn with_trace<R>(self, f: impl FnOnce(&crate::runtime::Trace) -> R) -> Option<R> {
        let run = RUNS.with(|runs| runs.borrow().get(&self.key).cloned())?;
        let trace = run.trace();
        Some(f(&trace))
    }
}

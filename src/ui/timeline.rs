//! The timeline: one lane per task, showing when it ran, what it waited on, and when it
//! printed. The lanes come from `analysis::lanes`; [`Timeline`] draws them as SVG.

use leptos::prelude::*;

use super::i18n::{label, t, use_lang, Lang};
use super::session::use_session;
use super::words::{lane_summary, lanes_not_drawn, print_mark_words, wait_words as describe};
use crate::analysis::lanes::{Activity, Lane, LaneEnd};
use crate::course::align::main_coroutine;
use crate::trace::LOOP_NAME;

/// A share of the run's length in hundredths of a percent (integers only: formatting floats
/// would pull several KB of code into the wasm).
fn basis_points(us: u64, total_us: u64) -> u64 {
    (u128::from(us) * 10_000 / u128::from(total_us.max(1))) as u64
}

/// The most lanes drawn; a run with more tasks says how many are not shown.
pub const MAX_LANES: usize = 60;

/// What the timeline's x axis measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    /// Time since the run began (µs, drawn in ms).
    Time,
    /// Events, one per step of the loop: on the virtual clock a step takes no time, and here
    /// every step, wake-up and print has a width.
    Steps,
}

impl Axis {
    /// Where a moment lies on this axis: its µs or its event number.
    fn at(self, us: u64, seq: u64) -> u64 {
        match self {
            Axis::Time => us,
            Axis::Steps => seq,
        }
    }
}

/// The timeline of the current run: a lane per task, appearing as tasks are created, over an
/// axis of time or of steps. A click on a lane moves replay's cursor there.
///
/// Lanes are drawn in the axis's own units (µs or events) and scaled by their `viewBox`, so a
/// frame of a running real-clock run changes one attribute per lane (its `viewBox`, as the
/// run grows); a lane is drawn again only when its own events change it.
#[component]
pub fn Timeline() -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let axis = RwSignal::new(Axis::Time);
    // The focused lane's summary, shown under the lanes (what hovering shows, for the keyboard).
    let detail = RwSignal::new(None::<String>);
    let extent = Memo::new(move |_| match axis.get() {
        Axis::Time => session.elapsed_ms.get().max(1) * 1000,
        Axis::Steps => (session.event_count.get() as u64).max(1),
    });
    // Replaying: the lanes as they stood at the cursor, on the whole run's scale.
    let count = move || match session.cursor.get() {
        Some(seq) => session.replay_at(seq, |at| at.lanes.len()).unwrap_or(0),
        None => session.lanes.with(Vec::len),
    };
    let has_loop = move || match session.cursor.get() {
        Some(seq) => session
            .replay_at(seq, |at| at.loop_lane.is_some())
            .unwrap_or(false),
        None => session.loop_lane.with(Option::is_some),
    };
    let lanes = move || {
        view! {
            <For each=move || 0..count().min(MAX_LANES) key=|index| *index let:index>
                <TimelineLane which=Which::Task(index) extent=extent axis=axis detail=detail />
            </For>
            <Show when=has_loop>
                <TimelineLane which=Which::Loop extent=extent axis=axis detail=detail />
            </Show>
        }
    };
    let more = move || {
        let hidden = count().saturating_sub(MAX_LANES);
        (hidden > 0).then(|| {
            let text = lanes_not_drawn(hidden, lang.get());
            view! { <p class="more-lanes" data-testid="timeline-more">{text}</p> }
        })
    };
    // Five labels under the lanes, where the lanes' viewBox puts those moments.
    let ticks = move || {
        let extent = extent.get();
        let lang = lang.get();
        let pad = view_pad(extent);
        (0..=4u64)
            .map(|quarter| {
                let value = extent * quarter / 4;
                let left = basis_points(value + pad, extent + 2 * pad);
                let text = match axis.get() {
                    Axis::Time => format!("{} ms", value / 1000),
                    Axis::Steps => match lang {
                        Lang::En => format!("step {value}"),
                        Lang::Zh => format!("第 {value} 步"),
                    },
                };
                let style = format!("left: {}.{:02}%", left / 100, left % 100);
                view! { <span class="tick" data-testid="timeline-tick" style=style>{text}</span> }
            })
            .collect_view()
    };
    // Where the page was hidden (on the time axis): the browser's delay, not the program's.
    // Nothing, and nothing redrawn as the run grows, while the page has not been hidden.
    let hidden_bands = move || {
        if session.hidden.with(Vec::is_empty) || axis.get() != Axis::Time {
            return None;
        }
        let extent = extent.get();
        let pad = view_pad(extent);
        let at = |us: u64| basis_points(us.min(extent) + pad, extent + 2 * pad);
        let bands = session.hidden.with(|spans| {
            spans
                .iter()
                .map(|span| {
                    let left = at(span.from_us);
                    let right = at(span.to_us.unwrap_or(extent));
                    let width = right.saturating_sub(left).max(10);
                    let style = format!(
                        "left: {}.{:02}%; width: {}.{:02}%",
                        left / 100,
                        left % 100,
                        width / 100,
                        width % 100
                    );
                    view! {
                        <div class="hidden-band" data-testid="timeline-hidden" style=style>
                            <span>{label(t("⏸ page hidden", "⏸ 页面隐藏"))}</span>
                        </div>
                    }
                })
                .collect_view()
        });
        Some(view! { <div class="hidden-bands" aria-hidden="true">{bands}</div> })
    };
    let axis_button = move |which: Axis, testid: &'static str, text| {
        view! {
            <button
                class="axis-choice"
                data-testid=testid
                aria-pressed=move || (axis.get() == which).to_string()
                on:click=move |_| axis.set(which)
            >
                {label(text)}
            </button>
        }
    };
    view! {
        <section class="timeline" aria-label=label(t("Timeline", "时间线"))>
            <h3>
                {label(t("Timeline", "时间线"))}
                <span class="legend" aria-hidden="true">
                    <span class="key running"></span>{label(t("running", "运行"))}
                    <span class="key ready"></span>{label(t("ready", "就绪"))}
                    <span class="key waiting"></span>{label(t("waiting", "等待"))}
                    <span class="key print"></span>{label(t("printed (points at its output row)", "打印（对应输出行）"))}
                </span>
                <span class="axis-choices" role="group" aria-label=label(t("Axis", "横轴"))>
                    {axis_button(Axis::Time, "axis-time", t("by time", "按时间"))}
                    {axis_button(Axis::Steps, "axis-steps", t("by step", "按步骤"))}
                </span>
            </h3>
            <div class="lanes" data-testid="timeline" role="list">{lanes}{more}{hidden_bands}</div>
            <div class="axis" aria-hidden="true">
                <span></span>
                <span class="ticks">{ticks}</span>
            </div>
            <p class="lane-detail" data-testid="lane-detail" aria-hidden="true">
                {move || detail.get().unwrap_or_else(|| lang.get().pick(t(
                    "Select a lane (Tab or tap) to read it here; after a run, click a lane to replay that moment.",
                    "选中一条时间线（Tab 键或轻触）即可在这里读出它；运行结束后，点击时间线可回放那一刻。",
                )).to_string())}
            </p>
        </section>
    }
}

/// Whose lane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Which {
    /// The task made `n`-th.
    Task(usize),
    /// The loop's own callbacks.
    Loop,
}

/// One task's lane, live or at replay's cursor, drawn again only when what it shows changes
/// (its own task's events, or the cursor).
#[component]
fn TimelineLane(
    /// Whose lane it is.
    which: Which,
    /// The run's length so far on the axis (the lane's scale).
    extent: Memo<u64>,
    /// What the axis measures.
    axis: RwSignal<Axis>,
    /// Where a focused lane shows its summary.
    detail: RwSignal<Option<String>>,
) -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    // The lane, and replay's cursor (µs and event) when replaying.
    let shown = Memo::new(move |_| match session.cursor.get() {
        Some(seq) => session
            .replay_at(seq, |at| {
                let lane = match which {
                    Which::Task(index) => at.lanes.get(index).cloned(),
                    Which::Loop => at.loop_lane.clone(),
                }?;
                Some((lane, Some((at.model.now_us, seq))))
            })
            .flatten(),
        None => match which {
            Which::Task(index) => session.lanes.with(|lanes| lanes.get(index).cloned()),
            Which::Loop => session.loop_lane.get(),
        }
        .map(|lane| (lane, None)),
    });
    move || {
        let lang = lang.get();
        let axis = axis.get();
        shown.get().map(|(lane, cursor)| {
            let shape = Shape {
                axis,
                extent: extent.get_untracked(),
                open_end: cursor.map_or(OPEN_END, |(us, seq)| axis.at(us, seq)),
                open_end_us: cursor.map_or(OPEN_END, |(us, _)| us),
                cursor: cursor.map(|(us, seq)| axis.at(us, seq)),
            };
            // Names of the other tasks (for "awaiting Task-3") do not change once made: read
            // without tracking, or every lane would be drawn again for every new event.
            session
                .lanes
                .with_untracked(|lanes| lane_view(&lane, lanes, shape, extent, lang, detail))
        })
    }
}

/// Above this many segments or prints, a lane draws one mark per [`CELL_BP`] of its width
/// instead of one per segment or print: the SVG stays small whatever the run's length.
const DETAILED_MARKS: usize = 400;

/// The width of one cell, in basis points of the lane (0.4 %, also the thinnest mark).
const CELL_BP: u64 = 40;

/// Where a segment still going is drawn to on a live lane: past any run's end, so the lane's
/// `viewBox` (not the segment) follows the run as it grows.
const OPEN_END: u64 = 1 << 40;

/// How one drawing of a lane is laid out.
#[derive(Clone, Copy)]
struct Shape {
    /// What the axis measures.
    axis: Axis,
    /// The run's length on the axis when the lane is drawn (for merging marks too small to see).
    extent: u64,
    /// Where an open segment ends, on the axis.
    open_end: u64,
    /// Where an open segment ends, µs (for the words).
    open_end_us: u64,
    /// Replay's cursor on the axis, if replaying.
    cursor: Option<u64>,
}

/// The lane's geometry (SVG units across, pixels down): prints in a row of their own above the
/// bars, so a dot never hides a step.
const LANE_HEIGHT: &str = "30";
const PRINT_Y: &str = "6";
const BAR_TOP: &str = "12";
const BAR_HEIGHT: &str = "14";
const BAR_BOTTOM: &str = "26";

fn lane_view(
    lane: &Lane,
    names: &[Lane],
    shape: Shape,
    extent: Memo<u64>,
    lang: Lang,
    detail: RwSignal<Option<String>>,
) -> impl IntoView {
    let session = use_session();
    let Shape {
        axis,
        extent: total,
        ..
    } = shape;
    let summary = lane_summary(lane, shape.open_end_us, &names, lang);
    // A long lane keeps only the marks that show at the drawn resolution: a segment lying
    // wholly under what is already drawn, or a print in an occupied cell, is merged into it.
    let coalesce = lane.segments.len() > DETAILED_MARKS;
    let mut drawn_to = 0;
    let segments = lane
        .segments
        .iter()
        .filter_map(|segment| {
            let from = axis.at(segment.from_us, segment.from_seq);
            let to = match (segment.to_us, segment.to_seq) {
                (Some(us), Some(seq)) => axis.at(us, seq),
                _ => shape.open_end,
            };
            let x = basis_points(from, total);
            let width = basis_points(to.saturating_sub(from), total).max(CELL_BP);
            if coalesce && x + width <= drawn_to {
                return None;
            }
            drawn_to = drawn_to.max(x + width);
            let (class, what) = match &segment.activity {
                Activity::Running => ("running", lang.pick(t("running", "运行")).to_string()),
                Activity::Ready => ("ready", lang.pick(t("ready", "就绪")).to_string()),
                Activity::Waiting(on) => ("waiting", describe(on, &names, lang)),
            };
            let shown_to = segment.to_us.unwrap_or(shape.open_end_us.min(OPEN_END - 1));
            let title = format!(
                "{} {what}: {}–{} ms",
                lane.name,
                segment.from_us / 1000,
                shown_to / 1000
            );
            // A step or a wake-up may take no time (on the virtual clock, always): each also
            // gets a mark 4 px wide whatever the scale (a stroke that does not scale with the
            // viewBox), so running and ready always show.
            let mark = (class != "waiting").then(|| {
                let x = from.to_string();
                view! { <line class=format!("{class}-mark") x1=x.clone() x2=x y1=BAR_TOP y2=BAR_BOTTOM vector-effect="non-scaling-stroke"></line> }
            });
            Some(view! {
                <rect
                    class=class
                    x=from.to_string()
                    y=BAR_TOP
                    width=to.saturating_sub(from).to_string()
                    height=BAR_HEIGHT
                >
                    <title>{title}</title>
                </rect>
                {mark}
            })
        })
        .collect_view();
    let at: Vec<(u64, u64)> = lane
        .prints
        .iter()
        .map(|p| (axis.at(p.at_us, p.seq), p.seq))
        .collect();
    let prints = print_marks(&at, total)
        .into_iter()
        .map(|(_, first, count)| {
            let print = &lane.prints[first];
            let last = lane.prints[first + count - 1].at_us;
            let title = print_mark_words(&lane.name, (print.at_us, last), count, &print.text, lang);
            let x = at[first].0.to_string();
            let seq = print.seq;
            // The dot and its output row point at each other: hovering one lights the other.
            let lit = move || session.highlighted_row().is_some_and(|r| r.seq == seq);
            // A line of no length with round caps: a dot that keeps its size at any scale.
            view! {
                <line
                    class="print"
                    class:lit=lit
                    data-testid="timeline-print"
                    data-seq=seq
                    x1=x.clone()
                    x2=x
                    y1=PRINT_Y
                    y2=PRINT_Y
                    vector-effect="non-scaling-stroke"
                    on:mouseenter=move |_| session.hovered.set(session.row_of_seq(seq))
                    on:mouseleave=move |_| session.hovered.set(None)
                >
                    <title>{title}</title>
                </line>
            }
        })
        .collect_view();
    let ended = match lane.end {
        Some((_, LaneEnd::Cancelled)) => lang.pick(t(" ✕ cancelled", " ✕ 已取消")),
        Some((_, LaneEnd::Failed)) => lang.pick(t(" ! failed", " ! 出错")),
        _ => "",
    };
    let cursor = shape.cursor.map(|at| {
        let x = at.to_string();
        view! { <line class="cursor" x1=x.clone() x2=x y1="0" y2=LANE_HEIGHT vector-effect="non-scaling-stroke"></line> }
    });
    let shown = summary.clone();
    let name = lane.name.clone();
    // `Task-2 · f1()`: which coroutine the task runs (the first task's is the one
    // `asyncio.run` was given).
    let coroutine = match (lane.coroutine, lane.has_parent) {
        (Some(f), _) => Some(format!("{f}()")),
        (None, false) if lane.name != LOOP_NAME => main_coroutine(session.lesson_untracked()),
        (None, _) => None,
    }
    .map(|c| format!(" · {c}"));
    // A click seeks: the moment under the pointer becomes replay's cursor.
    let seek = move |ev: leptos::ev::MouseEvent| {
        let Some(track) = ev
            .current_target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        else {
            return;
        };
        let rect = track.get_bounding_client_rect();
        if rect.width() <= 0.0 {
            return;
        }
        let extent = extent.get_untracked();
        let pad = view_pad(extent);
        let fraction = ((f64::from(ev.client_x()) - rect.left()) / rect.width()).clamp(0.0, 1.0);
        let place = (fraction * (extent + 2 * pad) as f64) as u64;
        let place = place.saturating_sub(pad).min(extent);
        match axis {
            Axis::Time => session.seek_to_us(place),
            Axis::Steps => session.seek(place),
        }
    };
    view! {
        <div
            class="lane"
            data-testid="timeline-lane"
            role="listitem"
            tabindex="0"
            aria-label=summary
            on:focus=move |_| detail.set(Some(shown.clone()))
            on:blur=move |_| detail.set(None)
        >
            <span class="lane-name" aria-hidden="true" data-testid="lane-name">
                {name}
                <span class="coroutine">{coroutine}</span>
                <small>{ended}</small>
            </span>
            <svg
                class="lane-track"
                height=LANE_HEIGHT
                width="100%"
                aria-hidden="true"
                preserveAspectRatio="none"
                viewBox=move || view_box(extent.get())
                on:click=seek
            >
                {segments}
                {prints}
                {cursor}
            </svg>
        </div>
    }
}

/// The room left on each side of a lane's drawing, so the marks at its ends show whole.
fn view_pad(extent: u64) -> u64 {
    extent / 100 + 1
}

/// The `viewBox` of a lane for a run of `extent` on its axis: the whole run, with 1 % to
/// spare on each side so the marks at its ends show whole.
pub fn view_box(extent: u64) -> String {
    let pad = view_pad(extent);
    format!("-{pad} 0 {} {LANE_HEIGHT}", extent + 2 * pad)
}

/// The print marks of a lane, from its prints' places on the axis (place, seq): (position in
/// basis points, index of the first print, how many prints the mark stands for). One per
/// print, or one per occupied `CELL_BP` cell when the lane has more than `DETAILED_MARKS`.
pub fn print_marks(prints: &[(u64, u64)], extent: u64) -> Vec<(u64, usize, usize)> {
    let mut marks: Vec<(u64, usize, usize)> = Vec::new();
    let coalesce = prints.len() > DETAILED_MARKS;
    for (i, (at, _)) in prints.iter().enumerate() {
        let bp = basis_points(*at, extent);
        match marks.last_mut() {
            Some((first_bp, _, count)) if coalesce && bp / CELL_BP == *first_bp / CELL_BP => {
                *count += 1
            }
            _ => marks.push((bp, i, 1)),
        }
    }
    marks
}

// Native only: they drive the run with the native host.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::analysis::lanes::lanes;
    use crate::course;
    use crate::runtime::{host, Clock};

    #[test]
    fn a_lane_reads_as_words_for_the_keyboard() {
        let lesson = course::find("create-task").unwrap();
        let run = lesson.start(Clock::Virtual);
        host::run_until_idle();
        let lanes = lanes(&run.trace());
        let summary = lane_summary(&lanes[1], 2_000_000, &lanes, Lang::En);
        assert_eq!(
            summary,
            "Task-2; waits: 0–2000 ms sleep until 2000 ms; prints: +0 ms “1”, +2000 ms “2”; ended at 2000 ms"
        );
        assert!(lane_summary(&lanes[1], 2_000_000, &lanes, Lang::Zh).contains("2000 ms 结束"));
    }

    #[test]
    fn a_long_lane_draws_one_print_mark_per_cell() {
        let few: Vec<(u64, u64)> = (0..10).map(|i| (i * 10, i)).collect();
        // Few prints: one mark each, even in the same cell.
        assert_eq!(print_marks(&few, 1_000_000).len(), 10);
        let many: Vec<(u64, u64)> = (0..100_000u64).map(|i| (i * 10, i)).collect();
        let marks = print_marks(&many, 1_000_000);
        assert!(
            marks.len() <= (10_000 / CELL_BP) as usize + 1,
            "{}",
            marks.len()
        );
        // Every print is in exactly one mark, in order.
        assert_eq!(marks.iter().map(|m| m.2).sum::<usize>(), 100_000);
        for pair in marks.windows(2) {
            assert_eq!(pair[0].1 + pair[0].2, pair[1].1);
        }
    }
}

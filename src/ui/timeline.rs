//! The timeline: one lane per task, showing when it ran, what it waited on, and when it
//! printed. The lanes come from `analysis::lanes`; [`Timeline`] draws them as SVG.

use leptos::prelude::*;

use super::i18n::{label, t, use_lang, Lang};
use super::session::use_session;
use super::words::{lane_summary, lanes_not_drawn, print_mark_words, wait_words as describe};
use crate::analysis::lanes::{Activity, Lane, LaneEnd};

/// A share of the run's length in hundredths of a percent (integers only: formatting floats
/// would pull several KB of code into the wasm).
fn basis_points(us: u64, total_us: u64) -> u64 {
    (u128::from(us) * 10_000 / u128::from(total_us.max(1))) as u64
}

/// The most lanes drawn; a run with more tasks says how many are not shown.
pub const MAX_LANES: usize = 60;

/// The timeline of the current run: a lane per task, appearing as tasks are created.
///
/// Lanes are drawn in the run's own units (µs) and scaled by their `viewBox`, so a frame of a
/// running real-clock run changes one attribute per lane (its `viewBox`, as the run grows);
/// a lane is drawn again only when its own events change it.
#[component]
pub fn Timeline() -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    // The focused lane's summary, shown under the lanes (what hovering shows, for the keyboard).
    let detail = RwSignal::new(None::<String>);
    let total_us = Memo::new(move |_| session.elapsed_ms.get().max(1) * 1000);
    // Replaying: the lanes as they stood at the cursor, on the whole run's scale.
    let count = move || match session.cursor.get() {
        Some(seq) => session.replay_at(seq, |at| at.lanes.len()).unwrap_or(0),
        None => session.lanes.with(Vec::len),
    };
    let lanes = move || {
        view! {
            <For each=move || 0..count().min(MAX_LANES) key=|index| *index let:index>
                <TimelineLane index=index total_us=total_us detail=detail />
            </For>
        }
    };
    let more = move || {
        let hidden = count().saturating_sub(MAX_LANES);
        (hidden > 0).then(|| {
            let text = lanes_not_drawn(hidden, lang.get());
            view! { <p class="more-lanes" data-testid="timeline-more">{text}</p> }
        })
    };
    view! {
        <section class="timeline" aria-label=label(t("Timeline", "时间线"))>
            <h3>
                {label(t("Timeline", "时间线"))}
                <span class="legend" aria-hidden="true">
                    <span class="key running"></span>{label(t("running", "运行"))}
                    <span class="key waiting"></span>{label(t("waiting", "等待"))}
                    <span class="key ready"></span>{label(t("ready", "就绪"))}
                    <span class="key print"></span>"print"
                </span>
            </h3>
            <div class="lanes" data-testid="timeline" role="list">{lanes}{more}</div>
            <p class="lane-detail" data-testid="lane-detail" aria-hidden="true">
                {move || detail.get().unwrap_or_else(|| lang.get().pick(t(
                    "Tab to a lane to read it here.",
                    "用 Tab 键选中一条时间线，可在这里读出它的内容。",
                )).to_string())}
            </p>
        </section>
    }
}

/// One task's lane, live or at replay's cursor, drawn again only when what it shows changes
/// (its own task's events, or the cursor).
#[component]
fn TimelineLane(
    /// The task's index.
    index: usize,
    /// The run's length so far, µs (the lane's scale).
    total_us: Memo<u64>,
    /// Where a focused lane shows its summary.
    detail: RwSignal<Option<String>>,
) -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    // The lane, and replay's cursor (µs) when replaying.
    let shown = Memo::new(move |_| match session.cursor.get() {
        Some(seq) => session
            .replay_at(seq, |at| {
                let lane = at.lanes.get(index).cloned()?;
                Some((lane, Some(at.model.now_us)))
            })
            .flatten(),
        None => session
            .lanes
            .with(|lanes| lanes.get(index).cloned())
            .map(|lane| (lane, None)),
    });
    move || {
        let lang = lang.get();
        shown.get().map(|(lane, cursor_us)| {
            let shape = Shape {
                total_us: total_us.get_untracked(),
                open_end_us: cursor_us.unwrap_or(OPEN_END_US),
                cursor_us,
            };
            // Names of the other tasks (for "awaiting Task-3") do not change once made: read
            // without tracking, or every lane would be drawn again for every new event.
            session
                .lanes
                .with_untracked(|lanes| lane_view(&lane, lanes, shape, total_us, lang, detail))
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
const OPEN_END_US: u64 = 1 << 40;

/// How one drawing of a lane is laid out.
#[derive(Clone, Copy)]
struct Shape {
    /// The run's length when the lane is drawn, µs (for merging marks too small to see).
    total_us: u64,
    /// Where an open segment ends.
    open_end_us: u64,
    /// Replay's cursor, if replaying.
    cursor_us: Option<u64>,
}

fn lane_view(
    lane: &Lane,
    names: &[Lane],
    shape: Shape,
    scale_us: Memo<u64>,
    lang: Lang,
    detail: RwSignal<Option<String>>,
) -> impl IntoView {
    let total_us = shape.total_us;
    let summary = lane_summary(lane, shape.open_end_us.min(total_us), &names, lang);
    // A long lane keeps only the marks that show at the drawn resolution: a segment lying
    // wholly under what is already drawn, or a print in an occupied cell, is merged into it.
    let coalesce = lane.segments.len() > DETAILED_MARKS;
    let mut drawn_to = 0;
    let segments = lane
        .segments
        .iter()
        .filter_map(|segment| {
            let to = segment.to_us.unwrap_or(shape.open_end_us);
            let x = basis_points(segment.from_us, total_us);
            let width = basis_points(to.saturating_sub(segment.from_us), total_us).max(CELL_BP);
            if coalesce && x + width <= drawn_to {
                return None;
            }
            drawn_to = drawn_to.max(x + width);
            let (class, what) = match &segment.activity {
                Activity::Running => ("running", lang.pick(t("running", "运行")).to_string()),
                Activity::Ready => ("ready", lang.pick(t("ready", "就绪")).to_string()),
                Activity::Waiting(on) => ("waiting", describe(on, &names, lang)),
            };
            let shown_to = segment.to_us.unwrap_or(total_us);
            let title = format!(
                "{} {what}: {}–{} ms",
                lane.name,
                segment.from_us / 1000,
                shown_to / 1000
            );
            // Steps take no time on the virtual clock: each one also gets a mark a few pixels
            // wide, whatever the scale (a stroke that does not scale with the viewBox).
            let step = (class == "running").then(|| {
                let x = segment.from_us.to_string();
                view! { <line class="step" x1=x.clone() x2=x y1="4" y2="18" vector-effect="non-scaling-stroke"></line> }
            });
            Some(view! {
                <rect
                    class=class
                    x=segment.from_us.to_string()
                    y="4"
                    width=to.saturating_sub(segment.from_us).to_string()
                    height="14"
                >
                    <title>{title}</title>
                </rect>
                {step}
            })
        })
        .collect_view();
    let prints = print_marks(&lane.prints, total_us)
        .into_iter()
        .map(|(_, first, count)| {
            let (at, text) = &lane.prints[first];
            let last = lane.prints[first + count - 1].0;
            let title = print_mark_words(&lane.name, (*at, last), count, text, lang);
            let x = at.to_string();
            // A line of no length with round caps: a dot that keeps its size at any scale.
            view! {
                <line
                    class="print"
                    data-testid="timeline-print"
                    x1=x.clone()
                    x2=x
                    y1="11"
                    y2="11"
                    vector-effect="non-scaling-stroke"
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
    let cursor = shape.cursor_us.map(|at| {
        let x = at.to_string();
        view! { <line class="cursor" x1=x.clone() x2=x y1="0" y2="22" vector-effect="non-scaling-stroke"></line> }
    });
    let shown = summary.clone();
    let name = lane.name.clone();
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
            <span class="lane-name" aria-hidden="true">{name}<small>{ended}</small></span>
            <svg
                class="lane-track"
                height="22"
                width="100%"
                aria-hidden="true"
                preserveAspectRatio="none"
                viewBox=move || view_box(scale_us.get())
            >
                {segments}
                {prints}
                {cursor}
            </svg>
        </div>
    }
}

/// The `viewBox` of a lane for a run of `total_us`: the whole run, with 1 % to spare on each
/// side so the marks at its ends show whole.
pub fn view_box(total_us: u64) -> String {
    let pad = total_us / 100 + 1;
    format!("-{pad} 0 {} 22", total_us + 2 * pad)
}

/// The print marks of a lane: (position in basis points, index of the first print, how many
/// prints the mark stands for). One per print, or one per occupied `CELL_BP` cell when the
/// lane has more than `DETAILED_MARKS` prints.
pub fn print_marks(prints: &[(u64, String)], total_us: u64) -> Vec<(u64, usize, usize)> {
    let mut marks: Vec<(u64, usize, usize)> = Vec::new();
    let coalesce = prints.len() > DETAILED_MARKS;
    for (i, (at, _)) in prints.iter().enumerate() {
        let bp = basis_points(*at, total_us);
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
        let few: Vec<(u64, String)> = (0..10).map(|i| (i * 10, format!("{i}"))).collect();
        // Few prints: one mark each, even in the same cell.
        assert_eq!(print_marks(&few, 1_000_000).len(), 10);
        let many: Vec<(u64, String)> = (0..100_000u64).map(|i| (i * 10, String::new())).collect();
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

//! The timeline: one lane per task, showing when it ran, what it waited on, and when it
//! printed. The lanes come from `analysis::lanes`; [`Timeline`] draws them as SVG.

use leptos::prelude::*;

use super::i18n::{label, t, use_lang, Lang};
use super::session::use_session;
use super::words::wait_words as describe;
use crate::analysis::lanes::{lanes_until, Activity, Lane, LaneEnd};

/// A share of the run's length in hundredths of a percent (integers only: formatting floats
/// would pull several KB of code into the wasm).
fn basis_points(us: u64, total_us: u64) -> u64 {
    (u128::from(us) * 10_000 / u128::from(total_us.max(1))) as u64
}

/// Basis points as an SVG percentage, e.g. `12.34%`.
fn percent(bp: u64) -> String {
    format!("{}.{:02}%", bp / 100, bp % 100)
}

/// The most lanes drawn; a run with more tasks says how many are not shown.
pub const MAX_LANES: usize = 60;

/// The timeline of the current run: a lane per task, appearing as tasks are created.
#[component]
pub fn Timeline() -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    // The focused lane's summary, shown under the lanes (what hovering shows, for the keyboard).
    let detail = RwSignal::new(None::<String>);
    let rows = move || {
        let total = session.elapsed_ms.get().max(1) * 1000;
        let lang = lang.get();
        let draw = |lanes: &[Lane], open_end: u64, cursor: Option<u64>| {
            let names: Vec<String> = lanes.iter().map(|l| l.name.clone()).collect();
            let drawn = lanes
                .iter()
                .take(MAX_LANES)
                .map(|lane| lane_view(lane, total, open_end, cursor, &names, lang, detail))
                .collect_view();
            (drawn, lanes.len().saturating_sub(MAX_LANES))
        };
        // Replaying: the lanes as they stood at the cursor, on the whole run's scale.
        let (drawn, hidden) = match session.cursor.get() {
            Some(seq) => session
                .with_trace(|trace| {
                    let at = trace.events().get(seq as usize).map_or(0, |e| e.at_us);
                    draw(&lanes_until(trace, Some(seq)), at, Some(at))
                })
                .unwrap_or_else(|| draw(&[], total, None)),
            None => session.lanes.with(|lanes| draw(lanes, total, None)),
        };
        let more = (hidden > 0).then(|| {
            let text = match lang {
                Lang::Zh => format!("另有 {hidden} 个任务未画出"),
                Lang::En => format!("and {hidden} more tasks, not drawn"),
            };
            view! { <p class="more-lanes" data-testid="timeline-more">{text}</p> }
        });
        (drawn, more)
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
            <div class="lanes" data-testid="timeline" role="list">{rows}</div>
            <p class="lane-detail" data-testid="lane-detail" aria-hidden="true">
                {move || detail.get().unwrap_or_else(|| lang.get().pick(t(
                    "Tab to a lane to read it here.",
                    "用 Tab 键选中一条时间线，可在这里读出它的内容。",
                )).to_string())}
            </p>
        </section>
    }
}

/// The most waits and the most prints a lane's summary reads out; the rest are counted.
const SUMMARY_ITEMS: usize = 40;

/// Above this many segments or prints, a lane draws one mark per [`CELL_BP`] of its width
/// instead of one per segment or print: the SVG stays small whatever the run's length.
const DETAILED_MARKS: usize = 400;

/// The width of one cell, in basis points of the lane (0.4 %, also the thinnest mark).
const CELL_BP: u64 = 40;

/// Everything a lane shows, in words: what the hover titles say, for the keyboard and screen
/// readers (a focused lane reads it out and shows it under the timeline).
pub fn lane_summary(lane: &Lane, open_end_us: u64, names: &[String], lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut parts = Vec::new();
    let waits_total = lane
        .segments
        .iter()
        .filter(|s| matches!(s.activity, Activity::Waiting(_)))
        .count();
    for segment in &lane.segments {
        if parts.len() == SUMMARY_ITEMS {
            break;
        }
        let to = segment.to_us.unwrap_or(open_end_us) / 1000;
        let from = segment.from_us / 1000;
        match &segment.activity {
            Activity::Waiting(on) => {
                parts.push(format!("{from}–{to} ms {}", describe(on, names, lang)))
            }
            Activity::Running | Activity::Ready => {}
        }
    }
    let more = |shown: usize, total: usize| {
        (total > shown).then(|| {
            if zh {
                format!("另有 {} 项", total - shown)
            } else {
                format!("and {} more", total - shown)
            }
        })
    };
    parts.extend(more(parts.len(), waits_total));
    let mut prints: Vec<String> = lane
        .prints
        .iter()
        .take(SUMMARY_ITEMS)
        .map(|(at, text)| format!("+{} ms “{text}”", at / 1000))
        .collect();
    prints.extend(more(prints.len(), lane.prints.len()));
    let end = match lane.end {
        Some((at, LaneEnd::Cancelled)) => Some(if zh {
            format!("{} ms 被取消", at / 1000)
        } else {
            format!("cancelled at {} ms", at / 1000)
        }),
        Some((at, LaneEnd::Failed)) => Some(if zh {
            format!("{} ms 出错", at / 1000)
        } else {
            format!("failed at {} ms", at / 1000)
        }),
        Some((at, _)) => Some(if zh {
            format!("{} ms 结束", at / 1000)
        } else {
            format!("ended at {} ms", at / 1000)
        }),
        None => None,
    };
    let mut out = lane.name.clone();
    let waits = if zh { "等待" } else { "waits" };
    let printed = if zh { "打印" } else { "prints" };
    if !parts.is_empty() {
        out.push_str(&format!("; {waits}: {}", parts.join(", ")));
    }
    if !prints.is_empty() {
        out.push_str(&format!("; {printed}: {}", prints.join(", ")));
    }
    if let Some(end) = end {
        out.push_str("; ");
        out.push_str(&end);
    }
    out
}

fn lane_view(
    lane: &Lane,
    total_us: u64,
    open_end_us: u64,
    cursor_us: Option<u64>,
    names: &[String],
    lang: Lang,
    detail: RwSignal<Option<String>>,
) -> impl IntoView {
    let zh = lang == Lang::Zh;
    let summary = lane_summary(lane, open_end_us, names, lang);
    // A long lane keeps only the marks that show at the drawn resolution: a segment lying
    // wholly under what is already drawn, or a print in an occupied cell, is merged into it.
    let coalesce = lane.segments.len() > DETAILED_MARKS;
    let mut drawn_to = 0;
    let segments = lane
        .segments
        .iter()
        .filter_map(|segment| {
            let to = segment.to_us.unwrap_or(open_end_us);
            let x = basis_points(segment.from_us, total_us);
            // Steps take no time on the virtual clock: keep them visible as thin marks.
            let width = basis_points(to.saturating_sub(segment.from_us), total_us).max(CELL_BP);
            if coalesce && x + width <= drawn_to {
                return None;
            }
            drawn_to = drawn_to.max(x + width);
            let (class, what) = match &segment.activity {
                Activity::Running => (
                    "running",
                    if zh {
                        "运行".to_string()
                    } else {
                        "running".to_string()
                    },
                ),
                Activity::Ready => (
                    "ready",
                    if zh {
                        "就绪".to_string()
                    } else {
                        "ready".to_string()
                    },
                ),
                Activity::Waiting(on) => ("waiting", describe(on, names, lang)),
            };
            let title = format!(
                "{} {what}: {}–{} ms",
                lane.name,
                segment.from_us / 1000,
                to / 1000
            );
            Some(view! {
                <rect class=class x=percent(x) y="4" width=percent(width) height="14">
                    <title>{title}</title>
                </rect>
            })
        })
        .collect_view();
    let prints = print_marks(&lane.prints, total_us)
        .into_iter()
        .map(|(bp, first, count)| {
            let (at, text) = &lane.prints[first];
            let title = if count == 1 {
                format!("{} +{} ms: {text}", lane.name, at / 1000)
            } else {
                let last = lane.prints[first + count - 1].0;
                let n = if zh { "行打印" } else { "prints" };
                format!(
                    "{} +{}–{} ms: {count} {n}, “{text}” …",
                    lane.name,
                    at / 1000,
                    last / 1000
                )
            };
            view! {
                <circle
                    class="print"
                    data-testid="timeline-print"
                    cx=percent(bp)
                    cy="11"
                    r="4"
                >
                    <title>{title}</title>
                </circle>
            }
        })
        .collect_view();
    let ended = match lane.end {
        Some((_, LaneEnd::Cancelled)) => {
            if zh {
                " ✕ 已取消"
            } else {
                " ✕ cancelled"
            }
        }
        Some((_, LaneEnd::Failed)) => {
            if zh {
                " ! 出错"
            } else {
                " ! failed"
            }
        }
        _ => "",
    };
    let cursor = cursor_us.map(|at| {
        let x = percent(basis_points(at, total_us));
        view! { <line class="cursor" x1=x.clone() x2=x y1="0" y2="22"></line> }
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
            <svg class="lane-track" height="22" width="100%" aria-hidden="true">
                {segments}
                {prints}
                {cursor}
            </svg>
        </div>
    }
}

/// The print marks of a lane: (position in basis points, index of the first print, how many
/// prints the mark stands for). One per print, or one per occupied [`CELL_BP`] cell when the
/// lane has more than [`DETAILED_MARKS`] prints.
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
        let names: Vec<String> = lanes.iter().map(|l| l.name.clone()).collect();
        let summary = lane_summary(&lanes[1], 2_000_000, &names, Lang::En);
        assert_eq!(
            summary,
            "Task-2; waits: 0–2000 ms sleep until 2000 ms; prints: +0 ms “1”, +2000 ms “2”; ended at 2000 ms"
        );
        assert!(lane_summary(&lanes[1], 2_000_000, &names, Lang::Zh).contains("2000 ms 结束"));
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

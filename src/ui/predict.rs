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
use super::progress::{keep_arrangement, Progress};
use super::session::{use_session, ClockMode, CodeNotice, Phase, Session};
use super::urls::Asked;
use super::words::{divergence_words, line_moved_words, progress_words, score_words, Lines};
use crate::analysis::matching::{Line, Timing};
use crate::analysis::predict::{explain, score, Score, MAX_TIME_MS};
use crate::course;

/// The current prediction scored against the current run, once it has finished (or, for a
/// lesson that only Stop ends, been stopped) with the lesson's own knob values (other values
/// print other lines).
pub fn current_score(session: Session) -> Option<Score> {
    let prediction = session.predict.get()?;
    let lesson = session.lesson();
    // A lesson that waits forever is scored when Stop ends it.
    let ended = match session.phase.get() {
        Phase::Finished => true,
        Phase::Stopped => lesson.ends == course::Ends::OnlyWhenStopped,
        _ => false,
    };
    if !ended || !session.settings_are_defaults() {
        return None;
    }
    if prediction.lesson != lesson.id {
        return None;
    }
    let timing = Timing::for_page(session.run_clock.get() == Some(ClockMode::Instant));
    Some(
        session
            .rows
            .with(|rows| score(lesson, session.run_lang.get(), &prediction, rows, timing)),
    )
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
    let preparing = move || session.notice.with(|n| *n == Some(CodeNotice::Preparing));
    // A lesson's changed code prints other lines than the lesson's: nothing to arrange.
    view! {
        <Show when=move || session.lines_apply()>
            <button
                class="predict-toggle"
                data-testid="predict-toggle"
                aria-pressed=move || on().to_string()
                aria-busy=move || preparing().to_string()
                disabled=preparing
                on:click=move |_| {
                    if on() {
                        session.predict.set(None);
                    } else {
                        // A fresh start: the old run's output would give the answer away.
                        session.reset_run();
                        session.open_as_asked(&Asked::On);
                    }
                }
            >
                {label(t("Predict the order", "预测输出顺序"))}
            </button>
        </Show>
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
                    announce.set(line_moved_words(
                        line.text(lang.get_untracked()),
                        to + 1,
                        p.order.len(),
                        lang.get_untracked(),
                    ));
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
        super::host_page::report_prediction(&prediction, &score);
    });

    let divergence = move || {
        let score = score.get()?;
        session.with_trace(|trace| {
            let divergence = explain(&score, trace)?;
            let lines = Lines::of(session.lesson());
            let text = divergence_words(&divergence, trace, &lines, lang.get());
            Some((divergence, text))
        })?
    };

    let rows = move || {
        let prediction = session.predict.get()?;
        let lesson = session.lesson();
        let l = lang.get();
        (prediction.lesson == lesson.id).then(|| {
            prediction
                .order
                .iter()
                .enumerate()
                .map(|(position, &index)| {
                    let line = lesson.expected[index];
                    (
                        position,
                        index,
                        (line.task, line.text(l)),
                        prediction.times[index],
                    )
                })
                .collect::<Vec<_>>()
        })
    };

    type Shown = (usize, usize, (&'static str, &'static str), Option<u64>);
    let line_view = move |(position, index, (task, text), time): Shown| {
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
                        let _ = data.set_data("text/plain", text);
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
                <span class="task">{task}</span>
                <code class="text">{text}</code>
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
                        <td>{format!("{} {}", line.predicted.task(), line.predicted.text())}</td>
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
        let (divergence, text) = divergence()?;
        let cause = divergence.cause_seq;
        Some(view! {
            <div class="predict-explain">
                <p data-testid="predict-explain" data-line=divergence.line + 1>
                    <strong>{move || match lang.get() {
                        Lang::En => format!("Line {}: ", divergence.line + 1),
                        Lang::Zh => format!("第 {} 行：", divergence.line + 1),
                    }}</strong>
                    {text}
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
        (p.tries > 0).then(|| progress_words(&p, session.lesson().expected.len(), l))
    };

    view! {
        <Show when=move || session.predict.with(|p| p.is_some())>
            <section class="predict" data-testid="predict" aria-labelledby="predict-title">
                <h3 id="predict-title">{label(t("Predict the order", "预测输出顺序"))}</h3>
                <p class="hint">
                    {label(t(
                        "Put the lines in the order you expect them, then Run: drag them or use ↑ ↓",
                        "把各行排成你预期的顺序，然后运行：拖动它们，或点 ↑ ↓",
                    ))}
                    // Keys only where there is a keyboard to press them.
                    <span class="keys-only">
                        {label(t(" (or focus one and press Alt+↑ / Alt+↓)", "（或选中一行按 Alt+↑ / Alt+↓）"))}
                    </span>
                    {label(t(". A rough time (ms) is optional.", "。时间（毫秒）可填可不填。"))}
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

//! Expected against actual: does this run's output match the lesson's, line by line?

use leptos::prelude::*;

use super::i18n::{label, t, use_lang};
use super::session::{use_session, ClockMode, Phase};
use super::words::{verdict, verdict_words, Verdict};
use crate::analysis::matching::Timing;
use crate::course::Ends;

/// The expected output of the lesson and, once a run has ended, whether it matched.
#[component]
pub fn ExpectedPanel() -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let exact = move || session.run_clock.get() == Some(ClockMode::Instant);
    let verdict = move || {
        let phase = session.phase.get();
        let lesson = session.lesson();
        // A lesson that serves until Stop is judged once it has printed all it will print.
        let serving_done = phase == Phase::Running
            && lesson.ends == Ends::OnlyWhenStopped
            && session
                .rows
                .with(|rows| rows.len() >= lesson.expected.len());
        if phase != Phase::Finished && !serving_done {
            return None;
        }
        if !session.settings_are_defaults() {
            return Some((None, exact()));
        }
        let timing = Timing::for_page(exact());
        let verdict = session.rows.with(|rows| {
            // A serving lesson's own output comes first; what requests sent by hand print
            // afterwards is the learner's, not the lesson's.
            let own = match lesson.ends {
                Ends::OnlyWhenStopped => &rows[..rows.len().min(lesson.expected.len())],
                Ends::ByItself => &rows[..],
            };
            verdict(
                lesson.expected,
                session.run_lang.get(),
                own,
                lesson.order,
                timing,
            )
        });
        Some((Some(verdict), exact()))
    };
    let expected_rows = move || {
        session
            .lesson()
            .expected
            .iter()
            .map(|e| {
                view! {
                    <li class="row">
                        <span class="at">{format!("+{} ms", e.at_ms)}</span>
                        <span class="task">{e.task}</span>
                        <span class="text">{e.text(session.lang.get())}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="verdict-bar">
            {move || {
                verdict()
                    .map(|(v, exact)| {
                        let Some(v) = v else {
                            return view! {
                                <span class="verdict" data-testid="verdict" data-matches="n/a">
                                    {move || lang.get().pick(t(
                                        "Your values differ from the lesson's, so its expected output does not apply.",
                                        "参数已修改，课程的预期输出不再适用。",
                                    ))}
                                </span>
                            }
                            .into_any();
                        };
                        let ok = v == Verdict::Matches;
                        view! {
                            // Said for what it is: the run against the course's output, not
                            // against a prediction.
                            <span class="verdict-label">
                                {move || lang.get().pick(t("Against the course's expected output:", "与课程的预期输出相比："))}
                            </span>
                            <span
                                class="verdict"
                                class:ok=ok
                                class:bad=!ok
                                data-testid="verdict"
                                data-matches=ok.to_string()
                            >
                                {verdict_words(&v, exact, lang.get())}
                            </span>
                        }
                        .into_any()
                    })
            }}
            <details class="expected" data-testid="expected">
                <summary>{label(t("Expected output (virtual clock)", "预期输出（虚拟时钟）"))}</summary>
                <ol class="rows">{expected_rows}</ol>
            </details>
        </div>
    }
}

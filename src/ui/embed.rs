//! Embedding one lesson, or any snippet of Python, in a course page: the iframe code, and a
//! postMessage API to the host. A snippet comes in the link (`#/embed/code?src=…`, see
//! [`encode_source`](super::urls::encode_source)) or by `loopscope:load`.
//!
//! Messages to the host (`window.parent`), each an object with a `type`:
//! - `loopscope:ready` `{lesson}` once the lesson is shown;
//! - `loopscope:loaded` `{lesson, ok, error}` after `loopscope:load` (`error`: `null`, or
//!   `{line, column, message}` where the code does not compile, or `{message}` for a message
//!   that holds no program);
//! - `loopscope:run-finished` `{lesson, status, lines: [{at_ms, task, text}]}` when a run ends
//!   (`status` is `finished`, `failed` or `stopped`);
//! - `loopscope:height` `{height}` when the content's height changes, for auto-resizing;
//! - `loopscope:prediction` `{lesson, correct, right, total, first_wrong, prediction}` when a
//!   run in predict mode is scored (`correct`: every line in place; `first_wrong`: 1-based line
//!   or `null`; `prediction`: the arrangement as a link carries it, `2.0~1000.1.3`).
//!
//! Messages from the host (only `window.parent` is listened to): `loopscope:run`
//! `{clock?: "instant" | "real"}`, `loopscope:stop`, `loopscope:predict` `{on?: bool}`
//! (predict mode on or off; a quiz page can also open `#/embed/<id>?predict=1`; on a snippet,
//! its lines come from a first, hidden run) and `loopscope:load` `{python}` (the snippet to
//! show, up to [`MAX_SOURCE_BYTES`] bytes). Nothing needs cross-origin isolation.

use js_sys::{Array, Reflect};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::host_page::{is_host, message, object, post};
use super::i18n::{label, t, use_lang, Lang};
use super::parts::{Part, Parts};
use super::session::{use_session, ClockMode, CodeNotice, Phase, Session};
use super::urls::{
    embed_code, lesson_page, page_url, share_link, Asked, EmbedOptions, Theme, MAX_LINK_CHARS,
    MAX_SOURCE_BYTES,
};
use crate::course::snippet;

/// Talks to the host page; renders nothing.
#[component]
pub fn EmbedBridge() -> impl IntoView {
    let session = use_session();
    post(
        "loopscope:ready",
        &[("lesson", session.lesson_id.get_untracked().into())],
    );

    // Each run's end, once.
    let reported = StoredValue::new(0u64);
    Effect::new(move |_| {
        let status = match session.phase.get() {
            Phase::Finished => "finished",
            Phase::Failed(_) => "failed",
            Phase::Stopped => "stopped",
            Phase::Idle | Phase::Loading(_) | Phase::Running => return,
        };
        let generation = session.generation.get_untracked();
        if reported.get_value() == generation {
            return;
        }
        reported.set_value(generation);
        let lines = Array::new();
        session.rows.with_untracked(|rows| {
            for row in rows {
                lines.push(&message(
                    "line",
                    &[
                        ("at_ms", JsValue::from(row.at_ms as f64)),
                        ("task", row.task.as_str().into()),
                        ("text", row.text.as_str().into()),
                    ],
                ));
            }
        });
        post(
            "loopscope:run-finished",
            &[
                ("lesson", session.lesson_id.get_untracked().into()),
                ("status", status.into()),
                ("lines", lines.into()),
            ],
        );
    });

    // The content's height whenever it changes (a run's output, a part opened, fonts, the
    // frame's width), watched by a ResizeObserver on the app itself: a document is never
    // shorter than its frame, so a frame taller than the embed's content would never shrink.
    let last_height = StoredValue::new(0i32);
    let watcher = StoredValue::new_local(None::<(web_sys::ResizeObserver, Closure<dyn FnMut()>)>);
    request_animation_frame(move || {
        // Unmounted before its first frame: nothing to watch (and nowhere to keep the callback,
        // which must outlive the observer).
        if watcher.try_with_value(|_| ()).is_none() {
            return;
        }
        let Some(app) = document()
            .query_selector("[data-testid=app]")
            .ok()
            .flatten()
        else {
            return;
        };
        let watched = app.clone();
        let report = Closure::<dyn FnMut()>::new(move || {
            let height = watched.scroll_height();
            if last_height
                .try_get_value()
                .is_some_and(|last| last != height)
            {
                let _ = last_height.try_set_value(height);
                post("loopscope:height", &[("height", JsValue::from(height))]);
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(report.as_ref().unchecked_ref()) {
            observer.observe(&app);
            let _ = watcher.try_set_value(Some((observer, report)));
        }
    });
    on_cleanup(move || {
        let _ = watcher.try_with_value(|watching| {
            if let Some((observer, _)) = watching {
                observer.disconnect();
            }
        });
    });

    let listener = window_event_listener(ev::message, move |event| {
        let from_host = event.source().is_some_and(|source| is_host(&source));
        if !from_host {
            return;
        }
        let data = event.data();
        let kind = Reflect::get(&data, &"type".into())
            .ok()
            .and_then(|v| v.as_string());
        match kind.as_deref() {
            Some("loopscope:run") => {
                let clock = Reflect::get(&data, &"clock".into())
                    .ok()
                    .and_then(|v| v.as_string());
                match clock.as_deref() {
                    Some("instant") => session.clock.set(ClockMode::Instant),
                    Some("real") => session.clock.set(ClockMode::Real),
                    _ => {}
                }
                session.run();
            }
            Some("loopscope:stop") => session.stop(),
            Some("loopscope:load") => load(session, &data),
            Some("loopscope:predict") => {
                let on = Reflect::get(&data, &"on".into())
                    .ok()
                    .and_then(|v| v.as_bool())
                    .unwrap_or(true);
                if on {
                    session.open_as_asked(&Asked::On);
                } else {
                    session.predict.set(None);
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || listener.remove());
}

/// `loopscope:load {python}`: shows the snippet (a compile error marked at once) and answers
/// with `loopscope:loaded`.
fn load(session: Session, data: &JsValue) {
    let python = Reflect::get(data, &"python".into())
        .ok()
        .and_then(|v| v.as_string())
        .filter(|code| code.len() <= MAX_SOURCE_BYTES);
    let Some(python) = python else {
        session.notice.set(Some(CodeNotice::NotAProgram));
        let error = object(&[(
            "message",
            format!("loopscope:load takes {{python: string}} of at most {MAX_SOURCE_BYTES} bytes")
                .into(),
        )]);
        post(
            "loopscope:loaded",
            &[
                ("lesson", session.lesson_id.get_untracked().into()),
                ("ok", false.into()),
                ("error", error),
            ],
        );
        return;
    };
    session.open_code(python.clone());
    let lang = session.lang.get_untracked();
    // The answer waits for the interpreter (fetched the first time code is shown) to compile it.
    leptos::task::spawn_local(async move {
        let error = match crate::interpreter::load::load().await {
            Ok(interpreter) => (interpreter.check)(&python)
                .err()
                .map_or(JsValue::NULL, |e| {
                    object(&[
                        ("line", JsValue::from(e.line)),
                        ("column", JsValue::from(e.col + 1)),
                        ("message", e.headline().into()),
                    ])
                }),
            Err(failed) => object(&[("message", failed.message(lang).into())]),
        };
        post(
            "loopscope:loaded",
            &[
                ("lesson", snippet::ID.into()),
                ("ok", error.is_null().into()),
                ("error", error),
            ],
        );
    });
}

/// Copies `text` to the clipboard and selects it in `input`. The clipboard needs a secure
/// context; where it is missing the text is only selected, ready for Ctrl+C. Returns whether
/// the clipboard took it.
fn copy_text(input: NodeRef<leptos::html::Input>, text: &str) -> bool {
    if let Some(input) = input.get() {
        input.select();
    }
    web_sys::window()
        .and_then(|w| {
            let clipboard = Reflect::get(&w.navigator(), &"clipboard".into()).ok()?;
            let write = Reflect::get(&clipboard, &"writeText".into()).ok()?;
            let write: js_sys::Function = write.dyn_into().ok()?;
            write.call1(&clipboard, &text.into()).ok()
        })
        .is_some()
}

/// A link to this lesson as it is set up now: its knobs, the clock and speed, the language
/// and, in predict mode, the prediction.
#[component]
pub fn ShareLink() -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let link = move || {
        let knobs = session.settings.with(|s| s.to_query(session.lesson()));
        let page = (session.clock.get(), session.speed.get(), lang.get());
        let prediction = session.predict.get();
        session.edited.with(|code| {
            share_link(
                session.lesson_id.get(),
                &knobs,
                page,
                prediction.as_ref(),
                code.as_deref(),
            )
        })
    };
    // Past the length links survive, no link: a cut one would open other code.
    let too_long = move || link().len() > MAX_LINK_CHARS;
    let input = NodeRef::<leptos::html::Input>::new();
    let copied = RwSignal::new(false);
    let copy = move |_| copied.set(copy_text(input, &untrack(link)));
    view! {
        <details class="embed-code share">
            <summary>{label(t("Share this setup", "分享当前设置"))}</summary>
            <Show
                when=move || !too_long()
                fallback=move || view! {
                    <p class="too-long" role="status" data-testid="share-too-long">
                        {move || too_long_words(lang.get(), link().len())}
                    </p>
                }
            >
                <input node_ref=input readonly data-testid="share-link" prop:value=link aria-label=label(t("Link", "链接")) />
                <button data-testid="copy-share" on:click=copy>
                    {move || if copied.get() { label(t("Copied", "已复制"))() } else { label(t("Copy link", "复制链接"))() }}
                </button>
            </Show>
        </details>
    }
}

/// Why a share link is not given: the code makes it longer than links survive.
fn too_long_words(lang: Lang, chars: usize) -> String {
    match lang {
        Lang::En => format!(
            "This code makes a link of {chars} characters, and links over {MAX_LINK_CHARS} get cut by browsers, chat apps and mail: copy the code itself instead."
        ),
        Lang::Zh => format!(
            "这段代码生成的链接有 {chars} 个字符，超过 {MAX_LINK_CHARS} 个字符的链接会被浏览器、聊天软件和邮件截断：请直接复制代码。"
        ),
    }
}

/// The iframe code for the open lesson, ready to copy into a course page, with its options:
/// whether the frame fits its content (a script after it listens to the embed's
/// `loopscope:height`), and the colour scheme it keeps.
#[component]
pub fn EmbedCode() -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let fit = RwSignal::new(true);
    let theme = RwSignal::new(None::<Theme>);
    let parts = RwSignal::new(Parts::ALL);
    let embed_lang = RwSignal::new(None::<Lang>);
    let code = move || {
        let lesson = session.lesson();
        let options = EmbedOptions {
            theme: theme.get(),
            fit: fit.get(),
            parts: parts.get(),
            lang: embed_lang.get(),
        };
        session.edited.with(|code| {
            embed_code(
                &page_url(),
                lesson.id,
                lang.get().pick(lesson.title),
                code.as_deref(),
                options,
            )
        })
    };
    let input = NodeRef::<leptos::html::Input>::new();
    let copied = RwSignal::new(false);
    let copy = move |_| copied.set(copy_text(input, &code()));
    let choose_theme = move |event: ev::Event| {
        theme.set(match event_target_value(&event).as_str() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        });
        copied.set(false);
    };
    let choose_lang = move |event: ev::Event| {
        embed_lang.set(match event_target_value(&event).as_str() {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        });
        copied.set(false);
    };
    // One checkbox per part: which are shown at once (the rest are under "More").
    let part_box = move |part: Part| {
        view! {
            <label>
                <input
                    type="checkbox"
                    data-testid=format!("embed-show-{}", part.name())
                    prop:checked=move || parts.get().has(part)
                    on:change=move |event| {
                        let chosen = parts.get_untracked().with(part, event_target_checked(&event));
                        // No part at all is the whole lesson again.
                        parts.set(if chosen.hidden().count() == Part::ALL.len() { Parts::ALL } else { chosen });
                        copied.set(false);
                    }
                />
                {label(part.words())}
            </label>
        }
    };
    view! {
        <details class="embed-code">
            <summary>{label(t("Embed this lesson", "嵌入这一课"))}</summary>
            <input node_ref=input readonly data-testid="embed-code" prop:value=code aria-label=label(t("Embed code", "嵌入代码")) />
            <button data-testid="copy-embed" on:click=copy>
                {move || if copied.get() { label(t("Copied", "已复制"))() } else { label(t("Copy embed code", "复制嵌入代码"))() }}
            </button>
            <div class="embed-options">
                <label>
                    <input
                        type="checkbox"
                        data-testid="embed-fit"
                        prop:checked=move || fit.get()
                        on:change=move |event| {
                            fit.set(event_target_checked(&event));
                            copied.set(false);
                        }
                    />
                    {label(t("Fit the frame to its content (adds a short script)", "让框架随内容调整高度（附一小段脚本）"))}
                </label>
                <label>
                    {label(t("Colours", "配色"))}
                    " "
                    <select data-testid="embed-theme" on:change=choose_theme>
                        <option value="auto" selected=true>{label(t("the reader's system", "跟随读者的系统"))}</option>
                        <option value="light">{label(t("light", "浅色"))}</option>
                        <option value="dark">{label(t("dark", "深色"))}</option>
                    </select>
                </label>
                <label>
                    {label(t("Language", "语言"))}
                    " "
                    <select data-testid="embed-lang" on:change=choose_lang>
                        <option value="auto" selected=true>{label(t("the reader's", "跟随读者"))}</option>
                        <option value="en">"English"</option>
                        <option value="zh">"中文"</option>
                    </select>
                </label>
            </div>
            <fieldset class="embed-options embed-parts">
                <legend>{label(t("Shown at once (the rest one click away):", "直接显示（其余一键展开）："))}</legend>
                {Part::ALL.into_iter().map(part_box).collect_view()}
                <button
                    type="button"
                    data-testid="embed-compact"
                    on:click=move |_| {
                        parts.set(Parts::COMPACT);
                        copied.set(false);
                    }
                >
                    {label(t("Compact: code and output", "紧凑：代码与输出"))}
                </button>
            </fieldset>
        </details>
    }
}

/// In an embed: a link to the full Loopscope page on this lesson.
#[component]
pub fn OpenFull() -> impl IntoView {
    let session = use_session();
    view! {
        <a
            class="open-full"
            target="_blank"
            rel="noopener"
            href=move || lesson_page(session.lesson_id.get())
        >
            {label(t("Open in Loopscope ↗", "在 Loopscope 中打开 ↗"))}
        </a>
    }
}

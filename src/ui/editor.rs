//! The Python pane: the lesson's listing, or (after Edit) the learner's own version of it in a
//! code editor, which Run then runs on the interpreter.

use leptos::html::Textarea;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::code_edit::{byte_of, line_span, newline, shift_lines, utf16_of};
use super::code_tokens::tokens;
use super::highlight::{class_name, Syntax};
use super::i18n::{label, t, use_lang};
use super::session::{use_session, CodeNotice};
use super::source::SourceView;
use super::urls::SourceError;

/// The Python listing with its Edit button; the editor while the learner edits.
#[component]
pub fn PythonPane(
    /// The 1-based line to highlight in the lesson's listing.
    #[prop(into)]
    highlight: Signal<Option<u32>>,
) -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let lesson_source = Signal::derive(move || {
        session
            .settings
            .with(|s| session.lesson().python_with(s, lang.get()))
    });
    let editing = move || session.edited.with(Option::is_some);
    let edit = move |_| {
        session.discard_run();
        session.edited.set(Some(lesson_source.get_untracked()));
    };
    let restore = move |_| {
        session.discard_run();
        session.code_error.set(None);
        session.edited.set(None);
    };
    view! {
        <div class="python-pane">
            // A snippet is only ever edited: there is no lesson's code to go back to.
            <Show when=move || !session.is_snippet()>
            <div class="pane-tools">
                <Show
                    when=editing
                    fallback=move || view! {
                        <button type="button" data-testid="edit-python" on:click=edit
                            title=label(t("Change the Python and run it on the same loop", "修改 Python 代码，在同一个事件循环上运行"))>
                            {label(t("Edit", "编辑"))}
                        </button>
                    }
                >
                    <button type="button" data-testid="restore-python" on:click=restore>
                        {label(t("Back to the lesson's code", "恢复课程代码"))}
                    </button>
                </Show>
            </div>
            </Show>
            <Show
                when=editing
                fallback=move || view! {
                    <SourceView
                        caption="Python"
                        testid="python"
                        source=lesson_source
                        syntax=Syntax::Python
                        highlight=highlight
                    />
                }
            >
                <CodeEditor />
            </Show>
        </div>
    }
}

/// A code editor: line numbers, the code coloured as the lessons' listings are, Tab / Shift+Tab indentation, Enter keeping the
/// indentation, the browser's own undo, and the compile error marked on its line. Escape
/// leaves it for the keyboard (Tab indents inside it).
#[component]
fn CodeEditor() -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let area = NodeRef::<Textarea>::new();
    let shade = NodeRef::<leptos::html::Pre>::new();
    let text = move || session.edited.get().unwrap_or_default();
    let line_count = move || text().lines().count().max(1) + usize::from(text().ends_with('\n'));
    let error_line = move || {
        session
            .code_error
            .with(|e| e.as_ref().map(|(line, _, _)| *line))
    };
    let on_input = move |ev: leptos::ev::Event| {
        session.edited.set(Some(event_target_value(&ev)));
        session.code_error.set(None);
        session.notice.set(None);
        session.code_changed();
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let Some(area) = area.get() else {
            return;
        };
        match ev.key().as_str() {
            "Tab" => {
                ev.prevent_default();
                tab(&area, ev.shift_key());
            }
            "Enter" if !ev.ctrl_key() && !ev.meta_key() => {
                ev.prevent_default();
                let value = area.value();
                let cursor = byte_of(&value, area.selection_start().ok().flatten().unwrap_or(0));
                let line_start = value[..cursor].rfind('\n').map_or(0, |i| i + 1);
                insert(&area, &newline(&value[line_start..cursor]));
            }
            "Escape" => {
                let _ = area.blur();
            }
            _ => {}
        }
    };
    view! {
        <figure class="source editor" data-testid="python-edited">
            <figcaption>{label(t("Python (your version)", "Python（你的版本）"))}</figcaption>
            <div class="editor-body">
                <ol class="gutter" aria-hidden="true">
                    {move || (1..=line_count()).map(|n| {
                        let marked = error_line() == Some(n as u32);
                        view! { <li class:error-line=marked data-line=n>{n}</li> }
                    }).collect_view()}
                </ol>
                <div class="editor-code">
                <pre class="editor-highlight" node_ref=shade aria-hidden="true" data-testid="editor-highlight"><code>{move || session.edited.with(|code| highlighted(code.as_deref().unwrap_or("")))}</code></pre>
                <textarea
                    node_ref=area
                    data-testid="python-editor"
                    spellcheck="false"
                    autocapitalize="off"
                    autocomplete="off"
                    wrap="off"
                    rows=move || line_count() + 1
                    aria-label=label(t("Python code (Tab indents; Escape, then Tab, leaves)", "Python 代码（Tab 缩进；按 Esc 再按 Tab 离开）"))
                    aria-invalid=move || error_line().is_some().to_string()
                    aria-describedby="code-error"
                    prop:value=text
                    on:input=on_input
                    on:keydown=on_keydown
                    on:scroll=move |_| {
                        // The colours under the text follow it when a long line scrolls.
                        if let (Some(area), Some(shade)) = (area.get(), shade.get()) {
                            shade.set_scroll_left(area.scroll_left());
                            shade.set_scroll_top(area.scroll_top());
                        }
                    }
                ></textarea>
                </div>
            </div>
            <p id="code-error" class="code-error" role="alert" data-testid="code-error">
                {move || session.code_error.get().map(|(line, col, msg)| format!("line {line}, column {}: {msg}", col + 1))}
            </p>
            <p class="code-notice" role="status" data-testid="code-notice"
                data-notice=move || session.notice.with(|n| n.as_ref().map(notice_name))>
                {move || session.notice.get().map(|notice| notice_words(&notice, lang.get()))}
            </p>
        </figure>
    }
}

/// The code as coloured spans, drawn under the editor's (transparent) text.
fn highlighted(code: &str) -> impl IntoView {
    let mut pieces: Vec<(String, &'static str)> = Vec::new();
    let mut at = 0;
    for (start, end, class) in tokens(code) {
        if at < start {
            pieces.push((code[at..start].to_string(), ""));
        }
        pieces.push((code[start..end].to_string(), class_name(class)));
        at = end;
    }
    pieces.push((code[at..].to_string(), ""));
    pieces
        .into_iter()
        .map(|(text, class)| view! { <span class=class>{text}</span> })
        .collect_view()
}

/// A notice's name, for tests and styles (`data-notice`).
fn notice_name(notice: &CodeNotice) -> &'static str {
    match notice {
        CodeNotice::Preparing => "preparing",
        CodeNotice::DoesNotEnd => "does-not-end",
        CodeNotice::PrintsNothing => "prints-nothing",
        CodeNotice::Unavailable(_) => "unavailable",
        CodeNotice::Link(_) => "link",
        CodeNotice::NotAProgram => "not-a-program",
    }
}

/// What the page says of a notice, in `lang`.
fn notice_words(notice: &CodeNotice, lang: crate::lang::Lang) -> String {
    let words = match notice {
        CodeNotice::Unavailable(failed) => return failed.message(lang),
        CodeNotice::Preparing => t(
            "Running it once, hidden, to find the lines to arrange…",
            "先在后台运行一次，找出要排序的输出行……",
        ),
        CodeNotice::DoesNotEnd => t(
            "Predict needs a program that ends: this one was still running after an hour of its clock.",
            "预测需要一个会结束的程序：这个程序在它的时钟上运行了一小时还没有结束。",
        ),
        CodeNotice::PrintsNothing => t(
            "This program prints nothing: there is no order to predict.",
            "这个程序没有任何输出：没有顺序可以预测。",
        ),
        CodeNotice::Link(SourceError::Damaged) => t(
            "The code in this link could not be read (the link may have been cut short), so the page shows other code.",
            "无法读取链接中的代码（链接可能被截断了），因此页面显示的是其他代码。",
        ),
        CodeNotice::Link(SourceError::TooLarge) => t(
            "The code in this link is larger than the 100 KB the page takes, so the page shows other code.",
            "链接中的代码超过了页面能接受的 100 KB，因此页面显示的是其他代码。",
        ),
        CodeNotice::Link(SourceError::NotText) => t(
            "The code in this link is not UTF-8 text, so the page shows other code.",
            "链接中的代码不是 UTF-8 文本，因此页面显示的是其他代码。",
        ),
        CodeNotice::NotAProgram => t(
            "The course page sent something that is not a program (loopscope:load takes {python: \"…\"}, up to 100 KB).",
            "课程页面发来的不是程序（loopscope:load 需要 {python: \"…\"}，最多 100 KB）。",
        ),
    };
    lang.pick(words).to_string()
}

/// Inserts `text` at the selection the way typing does, so the browser's undo takes it back.
fn insert(area: &web_sys::HtmlTextAreaElement, text: &str) {
    let done = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
        .and_then(|d| {
            d.exec_command_with_show_ui_and_value("insertText", false, text)
                .ok()
        })
        .unwrap_or(false);
    if !done {
        let start = area.selection_start().ok().flatten().unwrap_or(0);
        let end = area.selection_end().ok().flatten().unwrap_or(start);
        let _ = area.set_range_text_with_start_and_end_and_mode(text, start, end, "end");
        let _ = area.dispatch_event(&web_sys::Event::new("input").expect("an input event"));
    }
}

/// Tab: four spaces at the cursor, or one level more on every selected line; Shift+Tab: one
/// level less on the lines of the selection.
fn tab(area: &web_sys::HtmlTextAreaElement, outdent: bool) {
    let value = area.value();
    let start = byte_of(&value, area.selection_start().ok().flatten().unwrap_or(0));
    let end = byte_of(&value, area.selection_end().ok().flatten().unwrap_or(0));
    if !outdent && start == end {
        insert(area, super::code_edit::INDENT);
        return;
    }
    let (first, last) = line_span(&value, start, end);
    let shifted = shift_lines(&value[first..last], !outdent);
    let _ = area.set_selection_range(utf16_of(&value, first), utf16_of(&value, last));
    insert(area, &shifted);
    let new_end = first + shifted.len();
    let new_value = area.value();
    let _ = area.set_selection_range(utf16_of(&new_value, first), utf16_of(&new_value, new_end));
}

//! The console of the command-server lesson: type a line, it goes to the running server over
//! its own MessageChannel connection, and the answers appear below.

use leptos::prelude::*;

use super::i18n::{label, t, use_lang};
use super::session::{use_session, Phase};
use crate::runtime::channel::{Console as Connection, Reply};

/// One line of the console's log.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Entry {
    Sent(String),
    Answer(String),
    Note(String),
}

/// The console; nothing for lessons without a server.
#[component]
pub fn Console() -> impl IntoView {
    let session = use_session();
    view! {
        {move || {
            session
                .lesson()
                .console
                .map(|server| view! { <ConsoleBox server=server /> })
        }}
    }
}

#[component]
fn ConsoleBox(server: &'static str) -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let log = RwSignal::new(Vec::<Entry>::new());
    let input = RwSignal::new(String::new());
    // The connection, for the run it was made in.
    let connection = StoredValue::new_local(None::<(u64, Connection)>);
    let generation = session.generation;
    // A new run (or the end of one) drops the old connection.
    Effect::new(move |_| {
        let current = generation.get();
        let running = session.phase.get() == Phase::Running;
        connection.update_value(|c| {
            if c.as_ref().is_some_and(|(g, _)| *g != current || !running) {
                *c = None;
            }
        });
    });
    let send = move || {
        let line = input.get_untracked();
        let line = line.trim().to_string();
        if line.is_empty() {
            return;
        }
        input.set(String::new());
        let lang_now = lang.get_untracked();
        if session.phase.get_untracked() != Phase::Running {
            log.update(|l| {
                l.push(Entry::Note(
                    lang_now
                        .pick(t(
                            "The server is not running: press Run first.",
                            "服务器没有在运行：先点“运行”。",
                        ))
                        .into(),
                ))
            });
            return;
        }
        let current = generation.get_untracked();
        let connected = connection.with_value(|c| {
            c.as_ref()
                .is_some_and(|(g, c)| *g == current && c.is_open())
        });
        if !connected {
            let on_reply = move |reply: Reply| {
                let entry = match reply {
                    Reply::Data(text) => Entry::Answer(text),
                    Reply::Closed => Entry::Note(
                        lang_now
                            .pick(t("Connection closed.", "连接已关闭。"))
                            .into(),
                    ),
                };
                let _ = log.try_update(|l| l.push(entry));
            };
            // The lesson's server; when the learner's edited code runs one under another
            // name (a Python listing's `127.0.0.1:8888`), the one it started.
            let listening = crate::runtime::channel::listening();
            let target = match &listening[..] {
                [only] if &**only != server => only.to_string(),
                _ => server.to_string(),
            };
            match Connection::connect(&target, on_reply) {
                Ok(c) => connection.set_value(Some((current, c))),
                Err(error) => {
                    log.update(|l| l.push(Entry::Note(error.to_string())));
                    return;
                }
            }
        }
        log.update(|l| l.push(Entry::Sent(line.clone())));
        let sent = connection.with_value(|c| c.as_ref().map(|(_, c)| c.send(&line)));
        if let Some(Err(error)) = sent {
            log.update(|l| l.push(Entry::Note(error.to_string())));
        }
    };
    on_cleanup(move || connection.set_value(None));
    view! {
        <section class="console" data-testid="console" aria-label=label(t("Console", "控制台"))>
            <h3>{label(t("Console: talk to the server", "控制台：和服务器对话"))}</h3>
            <ol class="console-log" data-testid="console-log" aria-live="polite">
                {move || {
                    log.get()
                        .into_iter()
                        .map(|entry| match entry {
                            Entry::Sent(text) => view! { <li class="sent">{format!("> {text}")}</li> },
                            Entry::Answer(text) => view! { <li class="answer">{format!("< {text}")}</li> },
                            Entry::Note(text) => view! { <li class="note">{text}</li> },
                        })
                        .collect_view()
                }}
            </ol>
            <form class="console-input" on:submit=move |ev| {
                ev.prevent_default();
                send();
            }>
                <label>
                    <span class="sr-only">{label(t("Command", "命令"))}</span>
                    <input
                        type="text"
                        data-testid="console-input"
                        maxlength="1000"
                        autocomplete="off"
                        placeholder="add 5 · multiply 3 · reset · shutdown"
                        prop:value=move || input.get()
                        on:input=move |ev| input.set(event_target_value(&ev))
                    />
                </label>
                <button type="submit" data-testid="console-send">{label(t("Send", "发送"))}</button>
            </form>
        </section>
    }
}

//! The client pane of a web lesson: send the running server a request by hand and watch the
//! answer arrive (status, headers, the body as it streams), or let a small load generator
//! send many at once and read the latency and requests per second it measured.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use super::i18n::{label, t, use_lang};
use super::session::use_session;
use crate::analysis::load::{LoadReport, Sample};
use crate::runtime::web::bridge;
use crate::runtime::web::by_hand::{self, Heard};

/// At most this much of a body is shown (the rest is counted, not drawn).
const SHOWN_BYTES: usize = 64 * 1024;
/// The load generator's bounds: clients at once, and requests each.
const MAX_CLIENTS: u32 = 50;
const MAX_EACH: u32 = 20;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The pane, for the lesson's web server, or for the one the running program started (a
/// server on the code page, or in a lesson's edited Python); nothing while there is none.
#[component]
pub fn HttpPane() -> impl IntoView {
    let session = use_session();
    // Re-read as the run goes: its server starts listening some steps after Run.
    let port = Memo::new(move |_| {
        session.event_count.track();
        session.phase.track();
        session.lesson().http_port.or_else(|| {
            crate::runtime::web::server::listening_ports()
                .first()
                .copied()
        })
    });
    view! { {move || port.get().map(|port| view! { <HttpPaneBox port=port /> })} }
}

/// One answer as the pane shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Shown {
    status: Option<u16>,
    headers: Vec<(String, String)>,
    body: String,
    bytes: usize,
    done_ms: Option<u64>,
    error: Option<String>,
}

#[component]
fn HttpPaneBox(port: u16) -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let method = RwSignal::new("GET".to_string());
    let path = RwSignal::new("/".to_string());
    let body = RwSignal::new(String::new());
    let shown = RwSignal::new(None::<Shown>);
    let clients = RwSignal::new("10".to_string());
    let each = RwSignal::new("1".to_string());
    let report = RwSignal::new(None::<Result<LoadReport, String>>);
    // How the requests travel, once a server has started the bridge; re-read as the run goes
    // (the bridge starts when the server does, after Run).
    let route = move || {
        session.phase.track();
        session.rows.track();
        let lang = lang.get();
        match bridge::mode() {
            Some(bridge::Mode::ServiceWorker { .. }) => {
                let url = bridge::browser_url(port, "/").unwrap_or_default();
                lang.pick(t(
                    "Requests travel as real HTTP through the page's Service Worker, to ",
                    "请求作为真实的 HTTP 经过页面的 Service Worker，地址是 ",
                ))
                .to_string()
                    + &url
            }
            Some(bridge::Mode::InPage { reason }) => format!(
                "{}{reason}",
                lang.pick(t(
                    "Requests go to the server straight in the page: ",
                    "请求在页面内直接交给服务器：",
                ))
            ),
            None => lang
                .pick(t(
                    "Press Run: the server listens while the lesson runs.",
                    "先点“运行”：课程运行期间服务器一直在监听。",
                ))
                .to_string(),
        }
    };
    let send_one = move || {
        let started = now_ms();
        let target = path.get_untracked();
        let payload = body.get_untracked().into_bytes();
        shown.set(Some(Shown::default()));
        by_hand::send(
            &method.get_untracked(),
            port,
            target.trim(),
            payload,
            move |heard| {
                let _ = shown.try_update(|s| {
                    let s = s.get_or_insert_with(Shown::default);
                    match heard {
                        Heard::Head { status, headers } => {
                            s.status = Some(status);
                            s.headers = headers;
                        }
                        Heard::Chunk(bytes) => {
                            s.bytes += bytes.len();
                            if s.body.len() < SHOWN_BYTES {
                                s.body.push_str(&String::from_utf8_lossy(&bytes));
                            }
                        }
                        Heard::End => s.done_ms = Some((now_ms() - started).max(0.0) as u64),
                        Heard::Failed(message) => s.error = Some(message),
                    }
                });
            },
        );
    };
    let run_load = move || {
        let parse = |text: String, max: u32| {
            text.trim()
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=max).contains(n))
        };
        let lang_now = lang.get_untracked();
        let (Some(n), Some(m)) = (
            parse(clients.get_untracked(), MAX_CLIENTS),
            parse(each.get_untracked(), MAX_EACH),
        ) else {
            report.set(Some(Err(format!(
                "{} 1–{MAX_CLIENTS}, {} 1–{MAX_EACH}",
                lang_now.pick(t("Clients:", "客户端数：")),
                lang_now.pick(t("requests each:", "每个的请求数："))
            ))));
            return;
        };
        report.set(None);
        let target = path.get_untracked();
        let verb = method.get_untracked();
        let samples = Rc::new(RefCell::new(Vec::<Sample>::new()));
        let started = now_ms();
        let total = (n * m) as usize;
        for _ in 0..n {
            next_request(
                port,
                verb.clone(),
                target.clone(),
                m,
                samples.clone(),
                total,
                started,
                report,
            );
        }
    };
    view! {
        <section class="http-pane" data-testid="http-pane" aria-label=label(t("Client", "客户端"))>
            <h3>{label(t("Client: ask the server", "客户端：向服务器发请求"))}</h3>
            <p class="http-route" data-testid="http-route">{route}</p>
            <form class="http-request" on:submit=move |ev| {
                ev.prevent_default();
                send_one();
            }>
                <label>
                    <span class="sr-only">{label(t("Method", "方法"))}</span>
                    <select data-testid="http-method" on:change=move |ev| method.set(event_target_value(&ev))>
                        {["GET", "POST", "PUT", "DELETE"].map(|m| view! { <option value=m selected=move || method.get() == m>{m}</option> })}
                    </select>
                </label>
                <label class="http-path">
                    <span class="sr-only">{label(t("Path", "路径"))}</span>
                    <input type="text" data-testid="http-path" maxlength="2000" autocomplete="off"
                        prop:value=move || path.get()
                        on:input=move |ev| path.set(event_target_value(&ev)) />
                </label>
                <button type="submit" data-testid="http-send">{label(t("Send", "发送"))}</button>
                <Show when=move || method.get() != "GET">
                    <label class="http-body">
                        <span class="sr-only">{label(t("Body", "请求体"))}</span>
                        <textarea data-testid="http-request-body" rows="2" maxlength="100000"
                            placeholder=label(t("request body", "请求体"))
                            prop:value=move || body.get()
                            on:input=move |ev| body.set(event_target_value(&ev)) />
                    </label>
                </Show>
            </form>
            {move || shown.get().map(|s| view! { <Answer shown=s /> })}
            <form class="http-load" novalidate on:submit=move |ev| {
                ev.prevent_default();
                run_load();
            }>
                <label>{label(t("Clients at once", "同时的客户端"))}
                    <input type="number" min="1" max=MAX_CLIENTS data-testid="load-clients"
                        prop:value=move || clients.get()
                        on:input=move |ev| clients.set(event_target_value(&ev)) />
                </label>
                <label>{label(t("requests each", "每个请求数"))}
                    <input type="number" min="1" max=MAX_EACH data-testid="load-each"
                        prop:value=move || each.get()
                        on:input=move |ev| each.set(event_target_value(&ev)) />
                </label>
                <button type="submit" data-testid="load-go">{label(t("Load test", "压测"))}</button>
            </form>
            {move || report.get().map(|r| view! { <LoadLine report=r /> })}
        </section>
    }
}

/// One client of the load test: sends its next request when the last one is done.
#[allow(clippy::too_many_arguments)]
fn next_request(
    port: u16,
    method: String,
    target: String,
    left: u32,
    samples: Rc<RefCell<Vec<Sample>>>,
    total: usize,
    started: f64,
    report: RwSignal<Option<Result<LoadReport, String>>>,
) {
    if left == 0 {
        return;
    }
    let sent = now_ms();
    let status = Rc::new(std::cell::Cell::new(None::<u16>));
    let (m, t2) = (method.clone(), target.clone());
    by_hand::send(&method, port, &target, Vec::new(), move |heard| {
        let finished = match heard {
            Heard::Head { status: s, .. } => {
                status.set(Some(s));
                None
            }
            Heard::Chunk(_) => None,
            Heard::End => Some(status.get()),
            Heard::Failed(_) => Some(None),
        };
        let Some(status) = finished else { return };
        let ms = (now_ms() - sent).max(0.0) as u64;
        let count = {
            let mut all = samples.borrow_mut();
            all.push(Sample { ms, status });
            all.len()
        };
        if count == total {
            let wall = (now_ms() - started).max(0.0) as u64;
            let _ = report.try_set(Some(Ok(LoadReport::of(&samples.borrow(), wall))));
        } else {
            next_request(
                port,
                m.clone(),
                t2.clone(),
                left - 1,
                samples.clone(),
                total,
                started,
                report,
            );
        }
    });
}

#[component]
fn Answer(shown: Shown) -> impl IntoView {
    let lang = use_lang();
    let status = shown.status.map(|s| {
        let reason = crate::runtime::web::http::status_line(s);
        view! { <p class="http-status" data-testid="http-status" data-status=s>{reason}</p> }
    });
    let time = shown.done_ms.map(|ms| {
        view! { <p class="http-time" data-testid="http-time">{move || format!("{} {ms} ms", lang.get().pick(t("answered in", "用时")))}</p> }
    });
    let error = shown
        .error
        .map(|e| view! { <p class="http-error" role="alert" data-testid="http-error">{e}</p> });
    let headers = shown
        .headers
        .into_iter()
        .map(|(n, v)| view! { <li>{format!("{n}: {v}")}</li> })
        .collect_view();
    let more = (shown.bytes > shown.body.len()).then(|| format!("… ({} B)", shown.bytes));
    view! {
        <div class="http-answer" data-testid="http-answer" aria-live="polite">
            {status}
            <ul class="http-headers" data-testid="http-headers">{headers}</ul>
            <pre class="http-body" data-testid="http-body" tabindex="0">{shown.body}{more}</pre>
            {time}
            {error}
        </div>
    }
}

#[component]
fn LoadLine(report: Result<LoadReport, String>) -> impl IntoView {
    let lang = use_lang();
    match report {
        Err(message) => {
            view! { <p class="http-error" role="alert" data-testid="load-report">{message}</p> }
                .into_any()
        }
        Ok(r) => {
            let statuses = r
                .statuses
                .iter()
                .map(|(s, n)| format!("{s} ×{n}"))
                .collect::<Vec<_>>()
                .join(", ");
            let text = move || {
                let l = lang.get();
                format!(
                    "{} {} · {} {} ms · {}.{} {} · {} {} / {} / {} ms · {statuses}{}",
                    r.answered + r.failed,
                    l.pick(t("requests", "个请求")),
                    l.pick(t("in", "共")),
                    r.wall_ms,
                    r.per_second_x10 / 10,
                    r.per_second_x10 % 10,
                    l.pick(t("req/s", "请求/秒")),
                    l.pick(t("latency min / median / max", "延迟 最小 / 中位 / 最大")),
                    r.min_ms,
                    r.median_ms,
                    r.max_ms,
                    if r.failed > 0 {
                        format!(" · {} {}", r.failed, l.pick(t("failed", "失败")))
                    } else {
                        String::new()
                    },
                )
            };
            view! { <p class="http-load-report" data-testid="load-report" data-answered=r.answered>{text}</p> }.into_any()
        }
    }
}

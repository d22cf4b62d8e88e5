//! The page's word on working offline: once the build's Service Worker has kept a copy of the
//! app (`assets/sw.js`), the header says the app works offline, and while the browser is
//! offline, that this is the kept copy. Nothing is said where no copy can be kept (a private
//! window, an embed, a test harness).

use leptos::prelude::*;

use super::i18n::{t, use_lang, Lang};

/// What the Service Worker said of its copy of the build.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KeptCopy {
    /// Not asked yet, or no Service Worker for this page.
    Unknown,
    /// No complete copy yet (the first visit, before the worker has made it).
    Missing,
    /// Every file of the build is kept.
    Kept,
}

#[cfg(target_arch = "wasm32")]
mod js {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(module = "/src/ui/offline.js")]
    extern "C" {
        pub fn offline_watch(script: &str, report: &JsValue);
    }
}

/// Asks the Service Worker about its copy once the page has loaded, and says what it is.
#[component]
pub fn OfflineState() -> impl IntoView {
    let lang = use_lang();
    let copy = RwSignal::new(KeptCopy::Unknown);
    let online = RwSignal::new(true);
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::prelude::*;
        let report = Closure::<dyn FnMut(String)>::new(move |state: String| {
            copy.try_set(match state.as_str() {
                "kept" => KeptCopy::Kept,
                "online" => KeptCopy::Missing,
                _ => KeptCopy::Unknown,
            });
        });
        // Called for the page's lifetime (and again whenever the copy is made).
        js::offline_watch("sw.js", &report.into_js_value());
        let navigator_online = || web_sys::window().is_none_or(|w| w.navigator().on_line());
        online.set(navigator_online());
        let on = window_event_listener(leptos::ev::online, move |_| online.set(true));
        let off = window_event_listener(leptos::ev::offline, move |_| online.set(false));
        on_cleanup(move || {
            on.remove();
            off.remove();
        });
    }
    let words = move || offline_words(copy.get(), online.get(), lang.get());
    view! {
        <Show when=move || words().is_some()>
            <span
                class="offline-state"
                data-testid="offline-state"
                data-kept=move || (copy.get() == KeptCopy::Kept).to_string()
                title=move || words().map(|(_, why)| why)
            >
                {move || words().map(|(what, _)| what)}
                <span class="sr-only">{move || words().map(|(_, why)| format!(" — {why}"))}</span>
            </span>
        </Show>
    }
}

/// What the header says (a short label and why), for the copy's state and the network's.
fn offline_words(copy: KeptCopy, online: bool, lang: Lang) -> Option<(&'static str, &'static str)> {
    match (copy, online) {
        (KeptCopy::Kept, true) => Some((
            lang.pick(t("✓ Works offline", "✓ 可离线使用")),
            lang.pick(t(
                "This browser keeps a copy of Loopscope: its lessons open and run without a network (downloads and real servers still need one).",
                "这个浏览器保存了 Loopscope 的副本：没有网络也能打开并运行课程（下载文件和真实服务器仍然需要网络）。",
            )),
        )),
        (KeptCopy::Kept, false) => Some((
            lang.pick(t("Offline: the kept copy", "离线：正在使用保存的副本")),
            lang.pick(t(
                "The network is gone: Loopscope runs from the copy this browser kept. Lessons that download or talk to other sites will fail, as they would in Python.",
                "网络断开了：Loopscope 正在使用这个浏览器保存的副本运行。需要下载或访问其他网站的课程会失败，就像在 Python 里一样。",
            )),
        )),
        (_, false) => Some((
            lang.pick(t("Offline", "离线")),
            lang.pick(t(
                "The network is gone, and this browser has no complete copy of Loopscope yet: a reload may fail.",
                "网络断开了，而这个浏览器还没有保存完整的 Loopscope 副本：刷新页面可能会失败。",
            )),
        )),
        _ => None,
    }
}

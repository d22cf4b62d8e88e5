//! What the page says of a real-clock run whose page was hidden: when, and why its times
//! there are not the program's.

use crate::analysis::hidden::HiddenSpan;
use crate::ui::i18n::Lang;

/// The output panel's note on a run whose page was hidden in `spans` (not empty).
pub fn hidden_note_words(spans: &[HiddenSpan], lang: Lang) -> String {
    let ms = |us: u64| (us + 500) / 1000;
    let when: Vec<String> = spans
        .iter()
        .map(|span| match (span.to_us, lang) {
            (Some(to), Lang::En) => format!("from +{} ms to +{} ms", ms(span.from_us), ms(to)),
            (None, Lang::En) => format!("from +{} ms on", ms(span.from_us)),
            (Some(to), Lang::Zh) => format!("+{} ms 到 +{} ms", ms(span.from_us), ms(to)),
            (None, Lang::Zh) => format!("+{} ms 起", ms(span.from_us)),
        })
        .collect();
    match lang {
        Lang::En => format!(
            "⏸ The page was hidden {} (another tab in front, or the window minimised). Browsers slow a hidden page's timers to about once a second, so the times marked ⏸ are the browser's delay, not the program's. Run again with the page in view, or use the virtual clock.",
            when.join(", ")
        ),
        Lang::Zh => format!(
            "⏸ 页面在 {} 期间被隐藏（切到了别的标签页，或窗口被最小化）。浏览器会把隐藏页面的定时器放慢到大约每秒一次，所以标 ⏸ 的时间是浏览器的延迟，不是程序本身的。请在页面可见时再运行一次，或改用虚拟时钟。",
            when.join("、")
        ),
    }
}

/// What a throttled output row says of its time (its tooltip and screen-reader text).
pub fn throttled_row_words(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "printed while the page was hidden: the browser delayed this time",
        Lang::Zh => "在页面隐藏时打印：这个时间被浏览器推迟了",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_note_names_each_span_in_whole_milliseconds() {
        let spans = [
            HiddenSpan {
                from_us: 1_204_400,
                to_us: Some(3_559_600),
                from_seq: 3,
                to_seq: Some(9),
            },
            HiddenSpan {
                from_us: 5_000_000,
                to_us: None,
                from_seq: 12,
                to_seq: None,
            },
        ];
        let en = hidden_note_words(&spans, Lang::En);
        assert!(
            en.contains("hidden from +1204 ms to +3560 ms, from +5000 ms on"),
            "{en}"
        );
        let zh = hidden_note_words(&spans, Lang::Zh);
        assert!(zh.contains("+1204 ms 到 +3560 ms、+5000 ms 起"), "{zh}");
    }
}

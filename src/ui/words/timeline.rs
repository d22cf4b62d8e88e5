//! A timeline lane in words: what hovering shows, for the keyboard and screen readers.

use super::wait_words as describe;
use super::TaskNames;
use crate::analysis::lanes::{Activity, Lane, LaneEnd};
use crate::ui::i18n::Lang;

/// The most waits and the most prints a lane's summary reads out; the rest are counted.
const SUMMARY_ITEMS: usize = 40;

/// Says how many lanes the timeline leaves out.
pub fn lanes_not_drawn(hidden: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("另有 {hidden} 个任务未画出"),
        Lang::En => format!("and {hidden} more tasks, not drawn"),
    }
}

/// A print mark's title: one print, or `count` prints from `first_us` to `last_us` merged
/// into one mark (its first text shown).
pub fn print_mark_words(
    task: &str,
    (first_us, last_us): (u64, u64),
    count: usize,
    text: &str,
    lang: Lang,
) -> String {
    if count == 1 {
        return format!("{task} +{} ms: {text}", first_us / 1000);
    }
    let prints = match lang {
        Lang::Zh => "行打印",
        Lang::En => "prints",
    };
    format!(
        "{task} +{}–{} ms: {count} {prints}, “{text}” …",
        first_us / 1000,
        last_us / 1000
    )
}

/// Everything a lane shows, in words: what the hover titles say, for the keyboard and screen
/// readers (a focused lane reads it out and shows it under the timeline).
pub fn lane_summary(lane: &Lane, open_end_us: u64, names: &dyn TaskNames, lang: Lang) -> String {
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
        .map(|p| format!("+{} ms “{}”", p.at_us / 1000, p.text))
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

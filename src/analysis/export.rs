//! "Open in pro tools": a run as a Chrome trace (the JSON Trace Event Format that Perfetto's UI
//! and Chrome DevTools' Performance panel open).
//!
//! The file has one track (thread) per task plus one for the loop itself: each task's steps
//! and waits are complete events (`"ph": "X"`), its prints and timer settings instant events
//! (`"ph": "i"`), and timers firing and callbacks running are instants on the loop's track.
//! Times are the Trace's, in µs since the run began (the virtual ones on the virtual clock).
//! The file says which Trace format it was made from (`otherData.loopscope_trace_format`).

use super::lanes::{lanes, Activity, Lane};
use crate::runtime::web::json::string as json_string;
use crate::trace::{EventKind, Trace, WaitOn, FORMAT_VERSION};

/// The loop's own track id; task `i` is track `i + 1`.
const LOOP_TRACK: usize = 0;

/// Names a wait for the file: the page passes its own words for what a task waits on, so a
/// wait reads the same in the file as in the timeline.
pub type WaitWords<'a> = &'a dyn Fn(&WaitOn, &[String]) -> String;

fn segment_name(activity: &Activity, names: &[String], wait_words: WaitWords) -> String {
    match activity {
        Activity::Running => "step".into(),
        Activity::Ready => "ready".into(),
        Activity::Waiting(on) => format!("wait: {}", wait_words(on, names)),
    }
}

/// The Trace as Chrome trace JSON. `title` names the process (the lesson).
pub fn chrome_trace(trace: &Trace, title: &str, wait_words: WaitWords) -> String {
    let lanes: Vec<Lane> = lanes(trace);
    let names: Vec<String> = lanes.iter().map(|l| l.name.clone()).collect();
    let end_us = trace.events().last().map_or(0, |e| e.at_us);
    let mut events: Vec<String> = Vec::new();
    events.push(format!(
        r#"{{"name":"process_name","ph":"M","pid":1,"tid":0,"args":{{"name":{}}}}}"#,
        json_string(&format!("Loopscope: {title}"))
    ));
    events.push(format!(
        r#"{{"name":"thread_name","ph":"M","pid":1,"tid":{LOOP_TRACK},"args":{{"name":"event loop"}}}}"#
    ));
    for (index, lane) in lanes.iter().enumerate() {
        let tid = index + 1;
        events.push(format!(
            r#"{{"name":"thread_name","ph":"M","pid":1,"tid":{tid},"args":{{"name":{}}}}}"#,
            json_string(&lane.name)
        ));
        events.push(format!(
            r#"{{"name":"thread_sort_index","ph":"M","pid":1,"tid":{tid},"args":{{"sort_index":{tid}}}}}"#
        ));
        for segment in &lane.segments {
            let to = segment.to_us.unwrap_or(end_us);
            events.push(format!(
                r#"{{"name":{},"cat":"task","ph":"X","pid":1,"tid":{tid},"ts":{},"dur":{}}}"#,
                json_string(&segment_name(&segment.activity, &names, wait_words)),
                segment.from_us,
                to.saturating_sub(segment.from_us)
            ));
        }
    }
    for event in trace.events() {
        let tid = event.task.map_or(LOOP_TRACK, |t| t.index() + 1);
        let instant = |name: String, args: String| {
            format!(
                r#"{{"name":{},"cat":"loop","ph":"i","s":"t","pid":1,"tid":{tid},"ts":{},"args":{{{args}}}}}"#,
                json_string(&name),
                event.at_us
            )
        };
        let line = match &event.kind {
            EventKind::Print {
                text,
                rust_line,
                py_line,
            } => instant(
                format!("print {text}"),
                format!(
                    r#""text":{},"python_line":{py_line},"rust_line":{rust_line}"#,
                    json_string(text)
                ),
            ),
            EventKind::ThreadPrint { thread, text, .. } => instant(
                format!("{thread}: print {text}"),
                format!(r#""text":{}"#, json_string(text)),
            ),
            EventKind::TimerSet {
                timer, deadline_us, ..
            } => instant(
                format!("timer {timer} set"),
                format!(r#""due_us":{deadline_us}"#),
            ),
            EventKind::TimerFired { timer, deadline_us } => instant(
                format!("timer {timer} fires"),
                format!(r#""due_us":{deadline_us}"#),
            ),
            EventKind::TaskRenamed { name } => instant(
                format!("renamed {name}"),
                format!(r#""name":{}"#, json_string(name)),
            ),
            EventKind::CallbackRan { callback } => {
                instant(format!("callback {callback} runs"), String::new())
            }
            EventKind::LoopChosen { kind } => instant(
                format!("loop: {}", kind.name()),
                format!(r#""loop":{}"#, json_string(kind.name())),
            ),
            EventKind::PageHidden => instant(
                "page hidden: the browser throttles its timers".into(),
                r#""throttled":true"#.into(),
            ),
            EventKind::PageShown => {
                instant("page visible again".into(), r#""throttled":false"#.into())
            }
            _ => continue,
        };
        events.push(line);
    }
    let mut out = format!(
        "{{\"displayTimeUnit\":\"ms\",\"otherData\":{{\"loopscope_trace_format\":{FORMAT_VERSION}}},\"traceEvents\":[\n"
    );
    out.push_str(&events.join(",\n"));
    out.push_str("\n]}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::json_string;

    #[test]
    fn json_strings_escape_quotes_backslashes_and_control_characters() {
        assert_eq!(json_string(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(json_string("x\ny\u{1}"), r#""x\ny\u0001""#);
        assert_eq!(json_string("中文 <b>"), "\"中文 <b>\"");
    }
}

//! What a task waits on, in words.

use super::TaskNames;
use crate::trace::WaitOn;
use crate::ui::i18n::Lang;

/// What a task waits on; `names` are the tasks' names, by task index.
pub fn wait_words(on: &WaitOn, names: &dyn TaskNames, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match on {
        WaitOn::Sleep { until_us, .. } if *until_us == u64::MAX => {
            if zh {
                "sleep（永远）".into()
            } else {
                "sleep (forever)".into()
            }
        }
        WaitOn::Sleep { until_us, .. } => {
            if zh {
                format!("sleep 至 {} ms", until_us / 1000)
            } else {
                format!("sleep until {} ms", until_us / 1000)
            }
        }
        WaitOn::Task(id) => {
            let name = names.name_of(id.index()).unwrap_or("?");
            if zh {
                format!("等待 {name}")
            } else {
                format!("awaiting {name}")
            }
        }
        WaitOn::Future(id) => format!("future #{id}"),
        WaitOn::Gather(n) => format!("gather ({n})"),
        WaitOn::Wait(n) => format!("wait ({n})"),
        WaitOn::Queue => "queue".into(),
        WaitOn::Lock => "lock".into(),
        WaitOn::Semaphore => "semaphore".into(),
        WaitOn::Event => "event".into(),
        WaitOn::Io { io, kind } => format!("{} #{io}", kind.name()),
        WaitOn::Yield => {
            if zh {
                "让出一轮".into()
            } else {
                "yield".into()
            }
        }
        WaitOn::Other => {
            if zh {
                "其他".into()
            } else {
                "other".into()
            }
        }
    }
}

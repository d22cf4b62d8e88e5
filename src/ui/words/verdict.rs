//! The verdict on a run, in words.

use crate::ui::i18n::Lang;
use crate::ui::verdict::Verdict;

/// A run's verdict; `exact_times` on the virtual clock, where times were judged too.
pub fn verdict_words(verdict: &Verdict, exact_times: bool, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match verdict {
        Verdict::Matches if exact_times => {
            if zh {
                "✓ 与预期完全一致（顺序与时间）".into()
            } else {
                "✓ matches the expected output (order and times)".into()
            }
        }
        Verdict::Matches => {
            if zh {
                "✓ 顺序与预期一致（真实时钟下时间略有出入）".into()
            } else {
                "✓ same order as expected (real-clock times vary slightly)".into()
            }
        }
        Verdict::Differs {
            line,
            expected,
            actual,
        } => {
            let none = if zh { "（无）" } else { "(nothing)" };
            let expected = expected.as_deref().unwrap_or(none);
            let actual = actual.as_deref().unwrap_or(none);
            if zh {
                format!("✗ 第 {} 行不同：预期 {expected}，实际 {actual}", line + 1)
            } else {
                format!(
                    "✗ differs at line {}: expected {expected}, got {actual}",
                    line + 1
                )
            }
        }
    }
}

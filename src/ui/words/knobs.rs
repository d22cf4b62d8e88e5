//! Why a knob refused a value, in words.

use crate::course::knobs::KnobError;
use crate::ui::i18n::Lang;

/// Why a knob refused a value, as shown under it.
pub fn knob_error_words(error: &KnobError, lang: Lang) -> String {
    match (error, lang == Lang::Zh) {
        (KnobError::NotANumber(text), false) if text.is_empty() => "enter a whole number".into(),
        (KnobError::NotANumber(text), true) if text.is_empty() => "请输入一个整数".into(),
        (KnobError::NotANumber(text), false) => {
            format!("“{text}” is not a whole number")
        }
        (KnobError::NotANumber(text), true) => format!("“{text}” 不是整数"),
        (KnobError::NotSeconds(text), false) if text.is_empty() => {
            "enter a number of seconds, like 2 or 0.5".into()
        }
        (KnobError::NotSeconds(text), true) if text.is_empty() => {
            "请输入秒数，例如 2 或 0.5".into()
        }
        (KnobError::NotSeconds(text), false) => {
            format!("“{text}” is not a number of seconds (like 2 or 0.5)")
        }
        (KnobError::NotSeconds(text), true) => format!("“{text}” 不是秒数（例如 2 或 0.5）"),
        (KnobError::TooSmall(min), false) => format!("must be at least {min}"),
        (KnobError::TooSmall(min), true) => format!("不能小于 {min}"),
        (KnobError::TooLarge(max), false) => format!("must be at most {max}"),
        (KnobError::TooLarge(max), true) => format!("不能大于 {max}"),
        (KnobError::NoUrls, false) => "give at least one URL".into(),
        (KnobError::NoUrls, true) => "至少要有一个 URL".into(),
        (KnobError::TooManyUrls(max), false) => format!("at most {max} URLs"),
        (KnobError::TooManyUrls(max), true) => format!("最多 {max} 个 URL"),
        (KnobError::BadUrl(line, why), false) => format!("line {line}: {why}"),
        (KnobError::BadUrl(line, why), true) => format!("第 {line} 行：{why}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::knobs::tests::JOBS;

    #[test]
    fn a_refused_value_says_why_in_both_languages() {
        let words = |text: &str, lang| knob_error_words(&JOBS.parse(text).unwrap_err(), lang);
        assert!(words("x", Lang::En).contains("not a whole number"));
        assert!(words("0", Lang::Zh).contains("不能小于 1"));
        assert_eq!(words("", Lang::En), "enter a whole number");
    }
}

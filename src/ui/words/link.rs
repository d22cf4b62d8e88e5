//! What a link asked for that the page does not do, in words.

use crate::ui::i18n::Lang;
use crate::ui::parts::Part;
use crate::ui::urls::LinkIssue;

/// One thing a link asked for that the page does not do, as the page says it.
pub fn link_issue_words(issue: &LinkIssue, lang: Lang) -> String {
    match (issue, lang) {
        (LinkIssue::Unknown(key), Lang::En) => {
            format!("This link sets “{key}”, which this lesson does not have: it is left out.")
        }
        (LinkIssue::Unknown(key), Lang::Zh) => {
            format!("链接设置了“{key}”，这一课没有这一项：已忽略。")
        }
        (LinkIssue::Refused { key, value, takes }, Lang::En) => format!(
            "This link sets {key}={value}, which is refused ({key} takes {takes}): the page keeps its own."
        ),
        (LinkIssue::Refused { key, value, takes }, Lang::Zh) => {
            format!("链接中的 {key}={value} 不被接受（{key} 可取 {takes}）：页面保持原设置。")
        }
        (LinkIssue::NoSuchPart(name), Lang::En) => format!(
            "This link asks for a part “{name}”, which a lesson does not have (the parts are {}).",
            part_names(", ")
        ),
        (LinkIssue::NoSuchPart(name), Lang::Zh) => format!(
            "链接要求的部分“{name}”不存在（可选的部分：{}）。",
            part_names("、")
        ),
    }
}

fn part_names(separator: &str) -> String {
    Part::ALL.map(Part::name).join(separator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_issue_is_said_in_both_languages_with_what_the_link_holds() {
        let issues = [
            LinkIssue::Unknown("wrokers".into()),
            LinkIssue::Refused {
                key: "theme".into(),
                value: "blue".into(),
                takes: "light, dark, auto",
            },
            LinkIssue::NoSuchPart("outptu".into()),
        ];
        for (issue, name) in issues.iter().zip(["wrokers", "theme=blue", "outptu"]) {
            for lang in [Lang::En, Lang::Zh] {
                let words = link_issue_words(issue, lang);
                assert!(words.contains(name), "{words}");
            }
        }
        assert!(link_issue_words(&issues[2], Lang::En).contains("python, rust, output"));
    }
}

//! The session's part for code that is not a lesson's: opening it (from a link, the host page or
//! the code page's draft), telling at once whether it compiles, and predict mode's first,
//! hidden run, whose printed lines become what the learner arranges.

use leptos::prelude::*;

use super::session::Session;
use super::urls::SourceError;
use crate::analysis::predict::Prediction;
use crate::course::snippet;
use crate::interpreter::SyntaxError;
use crate::runtime::{Clock, RunStatus};

/// How long of its own clock the hidden run may take before predict mode gives up on it: a
/// program that never ends (a server, `while True: await sleep(1)`) has no last line to
/// predict. Virtual time costs nothing to skip, so the limit is generous.
pub const HIDDEN_RUN_LIMIT_US: u64 = 3_600_000_000;

/// What the page says about the code beside the editor (not an error of the code itself).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeNotice {
    /// The hidden run that makes predict mode's lines is going.
    Preparing,
    /// The hidden run did not end within [`HIDDEN_RUN_LIMIT_US`] of its clock.
    DoesNotEnd,
    /// The hidden run printed nothing: there is nothing to arrange.
    PrintsNothing,
    /// Predict mode could not prepare its lines: the interpreter's module did not download.
    Unavailable(crate::lazy::LoadFailed),
    /// A link's `src=` could not be read; the page shows other code instead.
    Link(SourceError),
    /// The host page sent something that is not a program (`loopscope:load` without a string,
    /// or a larger one than the page takes).
    NotAProgram,
}

impl Session {
    /// Whether the open lesson is the code page's ([`snippet`]).
    pub fn is_snippet(self) -> bool {
        self.lesson_id.get() == snippet::ID
    }

    /// Opens the code page's lesson with `code` in the editor (a run in progress is stopped, and
    /// predict mode's lines, made for other code, are dropped). Opening the same code again
    /// changes nothing.
    pub fn open_code(self, code: String) {
        let same = self.lesson_id.get_untracked() == snippet::ID
            && self
                .edited
                .with_untracked(|e| e.as_deref() == Some(code.as_str()));
        if same {
            return;
        }
        if self.lesson_id.get_untracked() != snippet::ID {
            self.open_with(
                snippet::ID,
                crate::course::Settings::defaults(snippet::current()),
            );
        } else {
            self.reset_run();
        }
        self.set_code(code);
        snippet::forget_expected();
        if self.predict.with_untracked(Option::is_some) {
            self.predict.set(None);
        }
    }

    /// Puts `code` in the editor, marking at once where it does not compile.
    pub fn set_code(self, code: String) {
        match crate::interpreter::load::loaded() {
            Some(interpreter) => self.mark_compile_error((interpreter.check)(&code).err().as_ref()),
            None => self.check_once_loaded(code.clone()),
        }
        self.edited.set(Some(code));
        self.notice.set(None);
    }

    /// Fetches the interpreter's module (the first edit of a page that has not run code yet:
    /// by the time Run is pressed it is usually here), then marks where `code` does not compile
    /// if it is still the code in the editor. A failed download is said when Run is pressed.
    fn check_once_loaded(self, code: String) {
        leptos::task::spawn_local(async move {
            let Ok(interpreter) = crate::interpreter::load::load().await else {
                return;
            };
            if self
                .edited
                .try_with_untracked(|e| e.as_deref() == Some(code.as_str()))
                == Some(true)
            {
                self.mark_compile_error((interpreter.check)(&code).err().as_ref());
            }
        });
    }

    /// Marks where the code does not compile (`SyntaxError: …` on its line and column), or
    /// clears the mark.
    pub fn mark_compile_error(self, error: Option<&SyntaxError>) {
        self.code_error
            .set(error.map(|e| (e.line, e.col, e.headline())));
    }

    /// Predict mode on the snippet: runs it first on the virtual clock, hidden, and once that
    /// run has ended arranges the lines it printed (in `arrangement`'s order, if a link gave one
    /// that fits). Until then [`CodeNotice::Preparing`] shows; a program that does not compile,
    /// never ends or prints nothing says so instead.
    pub fn predict_snippet(self, arrangement: Option<String>) {
        let Some(source) = self.edited.get_untracked() else {
            return;
        };
        let Some(interpreter) = crate::interpreter::load::loaded_for(&source) else {
            self.notice.set(Some(CodeNotice::Preparing));
            leptos::task::spawn_local(async move {
                let loaded = crate::interpreter::load::load_for(&source).await;
                // Unless the learner left meanwhile.
                if self.edited.try_with_untracked(|_| ()).is_none() {
                    return;
                }
                match loaded {
                    Ok(_) => self.predict_snippet(arrangement),
                    Err(failed) => self.notice.set(Some(CodeNotice::Unavailable(failed))),
                }
            });
            return;
        };
        let lang = self.lang.get_untracked();
        let (run, _) = match (interpreter.start)(&source, Clock::Virtual, lang) {
            Ok(started) => started,
            Err(e) => {
                self.mark_compile_error(Some(&e));
                return;
            }
        };
        self.notice.set(Some(CodeNotice::Preparing));
        let watched = run.clone();
        run.set_observer(move || {
            if watched.now_us() > HIDDEN_RUN_LIMIT_US {
                watched.stop();
            }
        });
        leptos::task::spawn_local(async move {
            let status = run.finished().await;
            // The observer holds the run: let it go.
            run.set_observer(|| {});
            // The learner changed the code, or left, meanwhile: these lines are for nothing.
            if self
                .edited
                .try_with_untracked(|e| e.as_deref() == Some(source.as_str()))
                != Some(true)
            {
                return;
            }
            let lines: Vec<snippet::Printed> = run
                .trace()
                .printed_since(0)
                .map(|line| {
                    (
                        line.at_us / 1000,
                        line.task_name.to_string(),
                        line.text.to_string(),
                    )
                })
                .collect();
            let notice = match status {
                RunStatus::Stopped => Some(CodeNotice::DoesNotEnd),
                _ if lines.is_empty() => Some(CodeNotice::PrintsNothing),
                _ => None,
            };
            self.notice.set(notice.clone());
            if notice.is_some() {
                return;
            }
            let lesson = snippet::with_expected(lines);
            let prediction = arrangement
                .and_then(|text| Prediction::decode(lesson, &text))
                .unwrap_or_else(|| Prediction::shuffled(lesson));
            self.reset_run();
            self.predict.set(Some(prediction));
        });
    }

    /// Whether the open lesson's expected lines say anything of what Run will run: not when
    /// the learner changed a lesson's code (a snippet's lines come from its own first run).
    pub fn lines_apply(self) -> bool {
        self.is_snippet() || self.edited.with(Option::is_none)
    }

    /// Leaves predict mode on the snippet when its code changes: the lines were the old code's.
    pub fn code_changed(self) {
        if self.lesson_id.get_untracked() == snippet::ID {
            snippet::forget_expected();
            if self.predict.with_untracked(Option::is_some) {
                self.predict.set(None);
            }
        }
    }
}

//! What predict mode keeps per lesson in `localStorage`: the last arrangement, how many runs
//! scored it, the best score and whether it was ever solved.

use crate::analysis::predict::Prediction;
use crate::course::Lesson;

/// `localStorage` key of a lesson's prediction progress. A snippet keeps none: the code page's
/// one id stands for whatever code is loaded.
fn storage_key(lesson: &str) -> Option<String> {
    (lesson != crate::course::snippet::ID).then(|| format!("loopscope.predict.{lesson}"))
}

use super::prefs::storage;

/// What is kept per lesson: the last arrangement, how many runs scored it, the best score.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// The last arrangement, encoded.
    pub arrangement: String,
    /// Runs scored.
    pub tries: u32,
    /// The best number of right lines.
    pub best: usize,
    /// Whether a run ever matched the whole prediction.
    pub solved: bool,
}

impl Progress {
    /// As kept: `arrangement|tries|best|solved`.
    pub fn encode(&self) -> String {
        format!(
            "{}|{}|{}|{}",
            self.arrangement,
            self.tries,
            self.best,
            u8::from(self.solved)
        )
    }

    /// Reads [`encode`](Self::encode)'s form; what it cannot read counts as zero.
    pub fn decode(text: &str) -> Progress {
        let mut parts = text.split('|');
        let arrangement = parts.next().unwrap_or_default().to_string();
        let mut number = || {
            parts
                .next()
                .and_then(|p| p.parse::<u64>().ok())
                .unwrap_or(0)
        };
        let (tries, best, solved) = (number(), number(), number());
        Progress {
            arrangement,
            tries: tries.min(u64::from(u32::MAX)) as u32,
            best: best as usize,
            solved: solved == 1,
        }
    }

    /// The progress kept for `lesson` (empty if none, or storage is off).
    pub fn load(lesson: &str) -> Progress {
        storage()
            .zip(storage_key(lesson))
            .and_then(|(s, key)| s.get_item(&key).ok().flatten())
            .map(|text| Progress::decode(&text))
            .unwrap_or_default()
    }

    /// Keeps it for `lesson` (silently skipped where storage is off).
    pub fn save(&self, lesson: &str) {
        if let Some((storage, key)) = storage().zip(storage_key(lesson)) {
            let _ = storage.set_item(&key, &self.encode());
        }
    }
}

/// The prediction to show for `lesson`: the one kept from an earlier visit, else a scramble.
pub fn for_lesson(lesson: &'static Lesson) -> Prediction {
    Prediction::decode(lesson, &Progress::load(lesson.id).arrangement)
        .unwrap_or_else(|| Prediction::shuffled(lesson))
}

/// Remembers the arrangement (not the score) as the learner changes it.
pub fn keep_arrangement(prediction: &Prediction) {
    let mut progress = Progress::load(prediction.lesson);
    progress.arrangement = prediction.encode();
    progress.save(prediction.lesson);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_survives_its_own_encoding() {
        let p = Progress {
            arrangement: "2.0~1000.1".into(),
            tries: 3,
            best: 2,
            solved: true,
        };
        assert_eq!(Progress::decode(&p.encode()), p);
        assert_eq!(
            Progress::decode("garbage"),
            Progress {
                arrangement: "garbage".into(),
                ..Progress::default()
            }
        );
    }
}

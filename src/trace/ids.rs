//! The ids a run hands out, one type each, so that a timer's id can never be read as a
//! callback's and the Trace (the contract between the layers) imports nothing from the
//! executor that numbers them.
//!
//! Every id is a number in creation order within one run, starting from 0 (tasks) or 1 (the
//! rest, which the executor counts from one so a zero never names a live thing).

use std::fmt;

/// A task's number within its run, in creation order (the main task is 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TaskId(u32);

impl TaskId {
    /// The task made `index`-th in its run.
    pub fn new(index: usize) -> Self {
        TaskId(index as u32)
    }

    /// The index, for tables kept per task.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl fmt::Display for TaskId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// Declares a `u64` id type: `Copy`, ordered (ids are handed out in order, so tables keyed
/// by them iterate in creation order), shown as its bare number ("callback 3", "timer 5").
macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        pub struct $name(pub u64);

        impl $name {
            /// The number, for keys in exports and `data-` attributes.
            pub fn get(self) -> u64 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(
    /// A timer (a `sleep`, a timeout, a `call_later`).
    TimerId
);
id_type!(
    /// A loop callback (`call_soon`, `call_later`, a done callback).
    CallbackId
);
id_type!(
    /// A one-shot `Future`.
    FutureId
);
id_type!(
    /// One operation outside the loop: a fetch, a worker job, a storage call, a message.
    IoId
);

/// Where a timer sits in the heap: by due time, then by id, so two timers due at the same
/// microsecond fire in the order they were set (asyncio's heap does the same with its
/// sequence numbers).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimerKey {
    /// When it is due, µs since the run began (`u64::MAX`: never).
    pub due_us: u64,
    /// Which timer.
    pub id: TimerId,
}

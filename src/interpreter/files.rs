//! The files a program writes with `open()`: kept in the page's private file system, each
//! write started when Python's would block and ended when the file system says so
//! (`runtime::storage::append_to_file`). CPython's writes are done when `write` returns, so
//! the program's run lasts until its writes have ended, as it lasts for its pools' jobs.

use std::cell::{Cell, RefCell};

use crate::runtime::{self, Error};

thread_local! {
    /// The program's writes that have not ended.
    static IN_FLIGHT: Cell<usize> = const { Cell::new(0) };
    /// Which program's writes they are: a write of an earlier one that ends late is not
    /// counted against this one.
    static PROGRAM: Cell<u64> = const { Cell::new(0) };
    /// What waits for the writes to end.
    static WHEN_WRITTEN: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

/// Whether the compiled program `code` may read the page's private files: it names `open`. The
/// page keeps them before it starts such a program (see [`crate::runtime::storage::kept_file`]).
pub fn may_read(code: &python::code::Code) -> bool {
    python::code::names(code, "open")
}

/// A new program has written nothing yet.
pub(super) fn forget() {
    PROGRAM.with(|p| p.set(p.get() + 1));
    IN_FLIGHT.with(|n| n.set(0));
    WHEN_WRITTEN.with(|w| w.borrow_mut().clear());
}

/// Starts a write of `bytes` to the file `name` (emptied first with `truncate`); `failed` is
/// told if the file system refuses it.
pub(super) fn write(
    name: &str,
    bytes: &[u8],
    truncate: bool,
    failed: impl FnOnce(Error) + 'static,
) -> Result<(), Error> {
    let program = PROGRAM.with(Cell::get);
    runtime::storage::append_to_file(name, bytes, truncate, move |result| {
        if PROGRAM.with(Cell::get) != program {
            return;
        }
        if let Err(error) = result {
            failed(error);
        }
        let left = IN_FLIGHT.with(|n| {
            n.set(n.get().saturating_sub(1));
            n.get()
        });
        if left == 0 {
            for then in WHEN_WRITTEN.with(|w| std::mem::take(&mut *w.borrow_mut())) {
                then();
            }
        }
    })?;
    IN_FLIGHT.with(|n| n.set(n.get() + 1));
    Ok(())
}

/// Calls `then` once the program's writes have ended: `false` (and `then` dropped) if none
/// is in flight.
pub(super) fn when_written(then: impl FnOnce() + 'static) -> bool {
    if IN_FLIGHT.with(Cell::get) == 0 {
        return false;
    }
    WHEN_WRITTEN.with(|w| w.borrow_mut().push(Box::new(then)));
    true
}

//! A mailbox: what one side of a conversation in the page posts, read in order by the other
//! side's task (an in-page client's answer pieces, a WebSocket's frames, the lifespan
//! messages). Posting never waits; reading waits until something is there.

use std::cell::RefCell;
use std::collections::VecDeque;

use crate::runtime::{Event, Result};

/// Messages in order, and the event set when one arrives.
pub(super) struct Mailbox<T> {
    queue: RefCell<VecDeque<T>>,
    arrived: Event,
}

impl<T> Default for Mailbox<T> {
    fn default() -> Self {
        Mailbox {
            queue: RefCell::new(VecDeque::new()),
            arrived: Event::new(),
        }
    }
}

impl<T> Mailbox<T> {
    /// Posts a message.
    pub(super) fn post(&self, message: T) {
        self.queue.borrow_mut().push_back(message);
        self.arrived.set();
    }

    /// The next message, once there is one.
    pub(super) async fn next(&self) -> Result<T> {
        loop {
            let message = self.queue.borrow_mut().pop_front();
            if let Some(message) = message {
                return Ok(message);
            }
            self.arrived.clear();
            self.arrived.wait().await?;
        }
    }
}

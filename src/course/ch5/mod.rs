//! Chapter 5: plain callbacks on the loop.

pub mod call_later;
pub mod call_later_handles;
pub mod call_soon;
pub mod loop_is_running;
pub mod partial;
pub mod partial_inspect;
pub mod swap_loop;

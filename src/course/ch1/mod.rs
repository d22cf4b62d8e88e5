//! Chapter 1: how code took turns before asyncio (plain calls, generators, greenlet, gevent).

pub mod gevent_spawn;
pub mod greenlet_switch;
pub mod plain_calls;
pub mod yield_from;

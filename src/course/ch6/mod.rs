//! Chapter 6: async protocols (context managers and iterators).

pub mod async_gen;
pub mod async_range;
pub mod async_with;
pub mod async_with_aexit;
pub mod reader;
pub mod sync_range;
pub mod sync_with;

//! Chapter 6: async protocols (context managers and iterators).

pub mod async_range;
pub mod async_with;
pub mod reader;

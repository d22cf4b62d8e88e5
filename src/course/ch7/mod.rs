//! Chapter 7: real I/O in the browser — fetch, the private file system, IndexedDB and a
//! protocol server on message channels.

pub mod aiofile_lines;
pub mod aiofile_reader;
pub mod aiohttp_httpx;
pub mod command_server;
pub mod downloads;
pub mod gather_pages;
pub mod indexeddb_kv;
pub mod mysql_pool;
pub mod mysql_query;
pub mod mysql_two_servers;
pub mod opfs_files;
pub mod redis_client_pool;
pub mod redis_hashes;
pub mod redis_two_servers;
pub mod smtp_concurrent;
pub mod smtp_send;

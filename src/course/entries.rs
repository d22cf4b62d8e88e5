//! How each lesson starts, by id: apart from the lessons' records, so that only what runs a
//! lesson reaches the lessons' code. The release build (cargo feature `split`) cuts that code,
//! and what only it reaches of the runtime, out of the first download: the page fetches it when
//! a lesson first runs, or before, once the page is idle ([`load`]).

use super::lesson::Entry;
use super::{ch1, ch2, ch3, ch4, ch5, ch6, ch7, ch8, ch9, snippet};

/// What the page calls to start a lesson.
pub struct Entries {
    /// The entry of the lesson with this id (see [`of`]).
    pub of: fn(&str) -> Option<Entry>,
}

static ENTRIES: Entries = Entries { of };

crate::lazy::fetched_later!(lessons, crate::lazy::Part::Lessons, Entries, &ENTRIES);

/// Each lesson's id and entry, in catalog order (tests/native_lessons.rs finds the entry of
/// every lesson of the catalog here).
macro_rules! entries {
    ($($chapter:ident::$lesson:ident,)*) => {
        /// The entry of the lesson with this id, if there is one.
        pub fn of(id: &str) -> Option<Entry> {
            $(
                if id == $chapter::$lesson::LESSON.id {
                    return Some($chapter::$lesson::ENTRY);
                }
            )*
            (id == snippet::ID).then_some(snippet::ENTRY)
        }
    };
}

entries! {
    ch1::plain_calls,
    ch1::yield_from,
    ch1::greenlet_switch,
    ch1::gevent_spawn,
    ch2::ensure_future,
    ch2::ensure_future_type,
    ch2::async_await,
    ch2::asyncio_run,
    ch2::coroutine_object,
    ch2::never_awaited,
    ch2::await_sleep_result,
    ch2::await_values,
    ch2::await_twice,
    ch3::create_task,
    ch3::create_task_values,
    ch3::tasks_wait,
    ch3::wait_named,
    ch3::mistake_no_loop,
    ch3::mistake_sequential,
    ch3::task_error_lost,
    ch3::wait_timeout,
    ch3::gather_order,
    ch3::gather_groups,
    ch3::task_names,
    ch3::done_callbacks,
    ch3::run_forever,
    ch3::factorial,
    ch4::future_pending,
    ch4::future_set_result,
    ch4::pool_callbacks,
    ch4::pool_submit,
    ch4::executor_sequential,
    ch4::blocking_loop,
    ch4::run_in_executor,
    ch4::default_executor,
    ch4::wrap_future,
    ch4::executor_kinds,
    ch4::executor_downloads,
    ch5::loop_is_running,
    ch5::call_soon,
    ch5::call_later,
    ch5::call_later_handles,
    ch5::partial,
    ch5::partial_inspect,
    ch5::swap_loop,
    ch6::sync_with,
    ch6::async_with,
    ch6::async_with_aexit,
    ch6::sync_range,
    ch6::async_range,
    ch6::async_gen,
    ch6::reader,
    ch7::downloads,
    ch7::gather_pages,
    ch7::aiohttp_httpx,
    ch7::opfs_files,
    ch7::aiofile_reader,
    ch7::aiofile_lines,
    ch7::indexeddb_kv,
    ch7::redis_client_pool,
    ch7::redis_hashes,
    ch7::redis_two_servers,
    ch7::mysql_query,
    ch7::mysql_pool,
    ch7::mysql_two_servers,
    ch7::smtp_send,
    ch7::smtp_concurrent,
    ch7::command_server,
    ch8::producer_consumer,
    ch8::semaphore_limit,
    ch8::as_completed,
    ch8::timeout_cleanup,
    ch9::wsgi_app,
    ch9::asgi_app,
    ch9::asgi_class,
    ch9::starlette_hello,
    ch9::starlette_routes,
    ch9::starlette_streaming,
    ch9::starlette_file,
    ch9::starlette_endpoint,
    ch9::starlette_background,
    ch9::starlette_app,
    ch9::fastapi_hello,
    ch9::fastapi_red,
    ch9::aiohttp_routes,
    ch9::aiohttp_db_query,
    ch9::aiohttp_static_page,
}

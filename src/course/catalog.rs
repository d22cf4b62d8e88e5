//! The course's table of contents: every lesson, by chapter, in teaching order.

use super::lesson::Text;
use super::{ch1, ch2, ch3, ch4, ch5, ch6, ch7, ch8, ch9, Lesson};

/// A chapter of the course.
#[derive(Clone, Copy)]
pub struct Chapter {
    /// Its number, from 1.
    pub number: u8,
    /// Its title.
    pub title: Text,
    /// Its lessons, in teaching order.
    pub lessons: &'static [&'static Lesson],
}

/// Every lesson, by chapter.
pub static CATALOG: &[Chapter] = &[
    Chapter {
        number: 1,
        title: Text {
            en: "Before asyncio",
            zh: "asyncio 之前",
        },
        lessons: &[
            &ch1::plain_calls::LESSON,
            &ch1::yield_from::LESSON,
            &ch1::greenlet_switch::LESSON,
            &ch1::gevent_spawn::LESSON,
        ],
    },
    Chapter {
        number: 2,
        title: Text {
            en: "asyncio basics",
            zh: "asyncio 基础",
        },
        lessons: &[
            &ch2::ensure_future::LESSON,
            &ch2::ensure_future_type::LESSON,
            &ch2::async_await::LESSON,
            &ch2::asyncio_run::LESSON,
            &ch2::coroutine_object::LESSON,
            &ch2::never_awaited::LESSON,
            &ch2::await_sleep_result::LESSON,
            &ch2::await_values::LESSON,
            &ch2::await_twice::LESSON,
        ],
    },
    Chapter {
        number: 3,
        title: Text {
            en: "Tasks",
            zh: "Task 对象",
        },
        lessons: &[
            &ch3::create_task::LESSON,
            &ch3::create_task_values::LESSON,
            &ch3::tasks_wait::LESSON,
            &ch3::wait_named::LESSON,
            &ch3::mistake_no_loop::LESSON,
            &ch3::mistake_sequential::LESSON,
            &ch3::task_error_lost::LESSON,
            &ch3::wait_timeout::LESSON,
            &ch3::gather_order::LESSON,
            &ch3::gather_groups::LESSON,
            &ch3::task_names::LESSON,
            &ch3::done_callbacks::LESSON,
            &ch3::run_forever::LESSON,
            &ch3::factorial::LESSON,
        ],
    },
    Chapter {
        number: 4,
        title: Text {
            en: "Futures and executors",
            zh: "Future 与执行器",
        },
        lessons: &[
            &ch4::future_pending::LESSON,
            &ch4::future_set_result::LESSON,
            &ch4::pool_callbacks::LESSON,
            &ch4::pool_submit::LESSON,
            &ch4::executor_sequential::LESSON,
            &ch4::blocking_loop::LESSON,
            &ch4::run_in_executor::LESSON,
            &ch4::default_executor::LESSON,
            &ch4::wrap_future::LESSON,
            &ch4::executor_kinds::LESSON,
            &ch4::executor_downloads::LESSON,
        ],
    },
    Chapter {
        number: 5,
        title: Text {
            en: "Loop callbacks",
            zh: "事件循环的回调",
        },
        lessons: &[
            &ch5::loop_is_running::LESSON,
            &ch5::call_soon::LESSON,
            &ch5::call_later::LESSON,
            &ch5::call_later_handles::LESSON,
            &ch5::partial::LESSON,
            &ch5::partial_inspect::LESSON,
            &ch5::swap_loop::LESSON,
        ],
    },
    Chapter {
        number: 6,
        title: Text {
            en: "Async protocols",
            zh: "异步协议",
        },
        lessons: &[
            &ch6::sync_with::LESSON,
            &ch6::async_with::LESSON,
            &ch6::async_with_aexit::LESSON,
            &ch6::sync_range::LESSON,
            &ch6::async_range::LESSON,
            &ch6::async_gen::LESSON,
            &ch6::reader::LESSON,
        ],
    },
    Chapter {
        number: 7,
        title: Text {
            en: "Real I/O in the browser",
            zh: "浏览器里的真实 I/O",
        },
        lessons: &[
            &ch7::downloads::LESSON,
            &ch7::gather_pages::LESSON,
            &ch7::aiohttp_httpx::LESSON,
            &ch7::opfs_files::LESSON,
            &ch7::aiofile_reader::LESSON,
            &ch7::aiofile_lines::LESSON,
            &ch7::indexeddb_kv::LESSON,
            &ch7::redis_client_pool::LESSON,
            &ch7::redis_hashes::LESSON,
            &ch7::redis_two_servers::LESSON,
            &ch7::mysql_query::LESSON,
            &ch7::mysql_pool::LESSON,
            &ch7::mysql_two_servers::LESSON,
            &ch7::smtp_send::LESSON,
            &ch7::smtp_concurrent::LESSON,
            &ch7::command_server::LESSON,
        ],
    },
    Chapter {
        number: 8,
        title: Text {
            en: "Next steps: coordinating tasks",
            zh: "进阶：任务之间的协作",
        },
        lessons: &[
            &ch8::producer_consumer::LESSON,
            &ch8::semaphore_limit::LESSON,
            &ch8::as_completed::LESSON,
            &ch8::timeout_cleanup::LESSON,
        ],
    },
    Chapter {
        number: 9,
        title: Text {
            en: "Web applications: ASGI and its frameworks",
            zh: "Web 应用：ASGI 与它的框架",
        },
        lessons: &[
            &ch9::wsgi_app::LESSON,
            &ch9::asgi_app::LESSON,
            &ch9::asgi_class::LESSON,
            &ch9::starlette_hello::LESSON,
            &ch9::starlette_routes::LESSON,
            &ch9::starlette_streaming::LESSON,
            &ch9::starlette_file::LESSON,
            &ch9::starlette_endpoint::LESSON,
            &ch9::starlette_background::LESSON,
            &ch9::starlette_app::LESSON,
            &ch9::fastapi_hello::LESSON,
            &ch9::fastapi_red::LESSON,
            &ch9::aiohttp_routes::LESSON,
            &ch9::aiohttp_db_query::LESSON,
            &ch9::aiohttp_static_page::LESSON,
        ],
    },
];

/// Every lesson in catalog order.
pub fn all() -> impl Iterator<Item = &'static Lesson> {
    CATALOG.iter().flat_map(|c| c.lessons.iter().copied())
}

/// Ids a lesson had before: a link made with one opens the lesson that teaches its program now
/// (and the page's own link then names the new id). Lesson ids are stable: a lesson renamed or
/// merged into another leaves its old id here.
pub const FORMER_IDS: &[(&str, &str)] = &[
    // 2026-12-01: the course's third await example (`await others()` twice) and the lesson of
    // awaiting one coroutine twice were one program; they became `await-twice`.
    ("await-others", "await-twice"),
];

/// The lesson with this id (or a [former id](FORMER_IDS) of it).
pub fn find(id: &str) -> Option<&'static Lesson> {
    if id == super::snippet::ID {
        return Some(super::snippet::current());
    }
    let id = FORMER_IDS
        .iter()
        .find(|(former, _)| *former == id)
        .map_or(id, |(_, now)| now);
    all().find(|l| l.id == id)
}

/// The chapter a lesson belongs to.
pub fn chapter_of(id: &str) -> Option<&'static Chapter> {
    CATALOG
        .iter()
        .find(|c| c.lessons.iter().any(|l| l.id == id))
}

#[cfg(test)]
mod tests {
    use super::{all, find, FORMER_IDS};

    #[test]
    fn a_former_id_opens_the_lesson_that_teaches_its_program_now() {
        for &(former, now) in FORMER_IDS {
            assert!(
                all().all(|lesson| lesson.id != former),
                "{former} is a lesson's id again: it can no longer stand for {now}"
            );
            assert_eq!(find(former).map(|lesson| lesson.id), Some(now));
        }
        assert_eq!(find("await-others").map(|l| l.id), Some("await-twice"));
        assert!(find("await-other").is_none());
    }
}

//! An async generator: `async def` with `yield`, consumed with `async for`.

use crate::print;
use crate::runtime::{async_generator, sleep, AsyncGenerator, AsyncIterator, Result};

/// `async def slow_numbers(minimum, maximum)`: the page the course streams with Starlette.
fn slow_numbers(minimum: i64, maximum: i64, delay: f64) -> AsyncGenerator<String> {
    async_generator(move |co| async move {
        co.yield_("<html><body><ul>".to_string()).await;
        for number in minimum..=maximum {
            co.yield_(format!("<li>{number}</li>")).await;
            sleep(delay).await?;
        }
        co.yield_("</ul></body></html>".to_string()).await;
        Ok(())
    })
}

/// The lesson: `async for chunk in slow_numbers(1, 10): print(chunk)`.
pub async fn main(maximum: i64, delay: f64) -> Result<()> {
    let mut chunks = slow_numbers(1, maximum, delay);
    while let Some(chunk) = chunks.anext().await? {
        print!(py 14, "{chunk}");
    }
    Ok(())
}

// ---- end of listing ----

use super::super::{
    line, spot, Cpython, Ends, Entry, Knob, KnobKind, Lesson, LessonFuture, Needs, Order, Text,
    Unit,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "async-gen",
    title: Text {
        en: "Async generator: slow_numbers(1, 10)",
        zh: "异步生成器：slow_numbers(1, 10)",
    },
    note: Text {
        en: "An async def with yield in it is an async generator: calling slow_numbers(1, 10) \
             runs none of its body, it returns an async iterator, and each __anext__ that \
             async for awaits runs the body up to its next yield. So each chunk is printed \
             as soon as it is made: the first two at once (the sleep comes after each <li>), \
             then one every 0.5 s. Later (2-14) the course hands this very generator to \
             Starlette's StreamingResponse, which sends the chunks as one HTTP response while \
             they are made. Rust has no yield in an async block: the body gets a yielder and \
             writes co.yield_(chunk).await; async for is while let Some(chunk) = \
             chunks.anext().await?, and leaving the loop early drops the generator, closing \
             the body where it stopped, as aclose() does.",
        zh: "含有 yield 的 async def 就是异步生成器：调用 slow_numbers(1, 10) 时函数体一行都不执行，\
             只返回一个异步迭代器；async for 每次 await 它的 __anext__，函数体就运行到下一个 yield。\
             所以每个 chunk 一产生就打印：前两个立刻出现（sleep 在每个 <li> 之后），之后每 0.5 秒一个。\
             课程后面（2-14）正是把这个生成器交给 Starlette 的 StreamingResponse，\
             边产生边作为同一个 HTTP 响应发给浏览器。Rust 的 async 块里没有 yield：函数体拿到一个 yielder，\
             写 co.yield_(chunk).await；async for 写作 while let Some(chunk) = chunks.anext().await?，\
             提前离开循环就丢弃生成器，函数体在停下的地方被关闭，如同 aclose()。",
    },
    python: Text {
        en: include_str!("async_gen.en.py"),
        zh: include_str!("async_gen.py"),
    },
    rust_file: super::super::listing!("ch6/async_gen.rs"),
    expected: &[
        line(0, "Task-1", "<html><body><ul>"),
        line(0, "Task-1", "<li>1</li>"),
        line(500, "Task-1", "<li>2</li>"),
        line(1000, "Task-1", "<li>3</li>"),
        line(1500, "Task-1", "<li>4</li>"),
        line(2000, "Task-1", "<li>5</li>"),
        line(2500, "Task-1", "<li>6</li>"),
        line(3000, "Task-1", "<li>7</li>"),
        line(3500, "Task-1", "<li>8</li>"),
        line(4000, "Task-1", "<li>9</li>"),
        line(4500, "Task-1", "<li>10</li>"),
        line(5000, "Task-1", "</ul></body></html>"),
    ],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[
        Knob {
            id: "maximum",
            python: "",
            spots: &[spot(13, "slow_numbers(1, ", "10")],
            label: Text {
                en: "maximum (the last number)",
                zh: "maximum（最后一个数）",
            },
            kind: KnobKind::Int {
                default: 10,
                min: 0,
                max: 50,
                unit: Unit::Count,
            },
        },
        Knob {
            id: "delay",
            python: "",
            spots: &[spot(8, "sleep(", "0.5")],
            label: Text {
                en: "sleep after each <li>",
                zh: "每个 <li> 之后睡眠",
            },
            kind: KnobKind::Int {
                default: 500,
                min: 0,
                max: 5000,
                unit: Unit::Seconds,
            },
        },
    ],
};

/// How this lesson starts.
pub const ENTRY: Entry =
    Entry::Run(|k| -> LessonFuture { Box::pin(main(k.int("maximum"), k.seconds("delay"))) });

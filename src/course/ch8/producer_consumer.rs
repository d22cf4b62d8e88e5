//! Producer and consumers around a bounded `asyncio.Queue`.

use crate::print;
use crate::runtime::{create_task, sleep, Queue, Result};

async fn producer(queue: Queue<u32>) -> Result<()> {
    for i in 1..=5 {
        queue.put(i).await?;
        print!(py 7, "put {i}" | "放入 {i}");
        sleep(0.5).await?;
    }
    Ok(())
}

async fn consumer(name: &'static str, queue: Queue<u32>) -> Result<()> {
    loop {
        let item = queue.get().await?;
        print!(py 14, "{name} got {item}" | "{name} 取到 {item}");
        sleep(1.0).await?;
        queue.task_done()?;
    }
}

/// The lesson: one producer, two consumers, `join`, then cancel the consumers.
pub async fn main() -> Result<()> {
    let queue = Queue::new(2);
    let consumers = vec![
        create_task(consumer("c1", queue.clone()))?,
        create_task(consumer("c2", queue.clone()))?,
    ];
    producer(queue.clone()).await?;
    queue.join().await?;
    for c in &consumers {
        c.cancel();
    }
    print!(py 26, "all done" | "全部完成");
    Ok(())
}

// ---- end of listing ----

use super::super::{said, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "producer-consumer",
    title: Text {
        en: "Producer and consumers with a Queue",
        zh: "用 Queue 实现生产者与消费者",
    },
    note: Text {
        en: "The producer puts an item every 0.5 s; two consumers take turns, each needing 1 s \
             per item. get waits while the queue is empty, put would wait while it is full \
             (maxsize=2). queue.join() returns once every item has been marked task_done; the \
             consumers loop forever, so main cancels them.",
        zh: "生产者每 0.5 秒放入一个；两个消费者轮流取，每个要处理 1 秒。队列空时 get 等待，满时（maxsize=2）put 等待。\
             每个放入的都 task_done 之后 queue.join() 才返回；消费者是死循环，所以 main 最后取消它们。",
    },
    python: Text {
        en: include_str!("producer_consumer.en.py"),
        zh: include_str!("producer_consumer.py"),
    },
    rust_file: super::super::listing!("ch8/producer_consumer.rs"),
    expected: &[
        said(0, "Task-1", "put 1", "放入 1"),
        said(0, "Task-2", "c1 got 1", "c1 取到 1"),
        said(500, "Task-1", "put 2", "放入 2"),
        said(500, "Task-3", "c2 got 2", "c2 取到 2"),
        said(1000, "Task-1", "put 3", "放入 3"),
        said(1000, "Task-2", "c1 got 3", "c1 取到 3"),
        said(1500, "Task-1", "put 4", "放入 4"),
        said(1500, "Task-3", "c2 got 4", "c2 取到 4"),
        said(2000, "Task-1", "put 5", "放入 5"),
        said(2000, "Task-2", "c1 got 5", "c1 取到 5"),
        said(3000, "Task-1", "all done", "全部完成"),
    ],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|_| -> LessonFuture { Box::pin(main()) });

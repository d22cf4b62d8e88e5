//! aiofile's linear readers and writer on a file of the page's private file system
//! ([`storage::async_open`](super::storage::async_open), `AIOFile(name, 'w+')`): a [`Writer`]
//! appends piece after piece, a [`Reader`] reads `chunk_size` characters at a time, a
//! [`LineReader`] a line at a time. Each keeps its own offset in the file, as aiofile's do, so
//! a reader made before the writes reads what they wrote.

use std::borrow::Borrow;

use super::storage::AsyncFile;
use super::Error;

/// `Writer(afp)`: `await writer(text)` writes at the end of what it wrote before. It holds the
/// file as `F`: borrowed (`&afp`) or shared (an `Rc`, the interpreter's).
pub struct Writer<F: Borrow<AsyncFile>> {
    file: F,
    offset: usize,
}

impl<F: Borrow<AsyncFile>> Writer<F> {
    /// A writer from the start of the file.
    pub fn new(file: F) -> Writer<F> {
        Writer { file, offset: 0 }
    }

    /// `await writer(text)`.
    pub async fn write(&mut self, text: &str) -> Result<(), Error> {
        self.file.borrow().write_at(text, self.offset).await?;
        self.offset += text.len();
        Ok(())
    }
}

/// `Reader(afp, chunk_size=8)`: `async for chunk in reader`.
pub struct Reader<F: Borrow<AsyncFile>> {
    file: F,
    offset: usize,
    chunk_size: usize,
}

impl<F: Borrow<AsyncFile>> Reader<F> {
    /// A reader from the start of the file, `chunk_size` characters a time (at least one).
    pub fn new(file: F, chunk_size: usize) -> Reader<F> {
        Reader {
            file,
            offset: 0,
            chunk_size: chunk_size.max(1),
        }
    }

    /// The next chunk, `None` at the end of the file.
    pub async fn next(&mut self) -> Result<Option<String>, Error> {
        let chunk = self
            .file
            .borrow()
            .read_at(self.offset, self.chunk_size)
            .await?;
        if chunk.is_empty() {
            return Ok(None);
        }
        self.offset += chunk.len();
        Ok(Some(chunk))
    }
}

/// `LineReader(afp)`: `async for line in LineReader(afp)`, each line with its `\n` (the last
/// one without, if the file does not end with one).
pub struct LineReader<F: Borrow<AsyncFile>> {
    reader: Reader<F>,
    buffer: String,
}

impl<F: Borrow<AsyncFile>> LineReader<F> {
    /// How much aiofile reads at a time to find the lines.
    pub const CHUNK_SIZE: usize = 4192;

    /// A line reader from the start of the file.
    pub fn new(file: F) -> LineReader<F> {
        LineReader {
            reader: Reader::new(file, Self::CHUNK_SIZE),
            buffer: String::new(),
        }
    }

    /// The next line, `None` at the end of the file.
    pub async fn next(&mut self) -> Result<Option<String>, Error> {
        loop {
            if let Some(end) = self.buffer.find('\n') {
                let rest = self.buffer.split_off(end + 1);
                return Ok(Some(std::mem::replace(&mut self.buffer, rest)));
            }
            match self.reader.next().await? {
                Some(chunk) => self.buffer.push_str(&chunk),
                None if self.buffer.is_empty() => return Ok(None),
                None => return Ok(Some(std::mem::take(&mut self.buffer))),
            }
        }
    }
}

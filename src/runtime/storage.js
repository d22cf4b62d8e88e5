// The few browser storage calls the runtime makes, as promises. Rust awaits them as runtime
// futures (src/runtime/storage.rs); everything else about a lesson's run stays in Rust.

const DIRECTORY = "loopscope";

async function directory() {
  if (!navigator.storage || !navigator.storage.getDirectory) {
    throw new Error("this browser has no Origin Private File System");
  }
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(DIRECTORY, { create: true });
}

// Writes `text` (a string, or bytes as a Uint8Array) at byte `position` of the file (creating
// it), keeping the rest; truncates first when `truncate` is set. Returns the file's new size.
export async function opfs_write(name, text, position, truncate) {
  const dir = await directory();
  const handle = await dir.getFileHandle(name, { create: true });
  try {
    const stream = await handle.createWritable({ keepExistingData: !truncate });
    try {
      if (truncate) await stream.truncate(0);
      await stream.write({ type: "write", position, data: text });
    } finally {
      await stream.close();
    }
    return (await handle.getFile()).size;
  } finally {
    await remember(dir, name);
  }
}

// What the private files hold, kept in memory for a Python program's `open()`, which reads at
// once where the file system has no synchronous read: read whole when a program that opens
// files is first started (`opfs_keep`), then kept as this page's writes and removals end (a
// file is read again after each), so a file's bytes here are what a read would get. Another
// tab's changes are not seen.
let kept = null;
// Writes and removals ended: one that ends while the files are being read makes them read again.
let ended = 0;

async function remember(dir, name) {
  ended += 1;
  if (!kept) return;
  try {
    const handle = await dir.getFileHandle(name);
    kept.set(name, new Uint8Array(await (await handle.getFile()).arrayBuffer()));
  } catch (e) {
    kept.delete(name);
  }
}

export async function opfs_keep() {
  while (!kept) {
    const at = ended;
    const files = new Map();
    try {
      const dir = await directory();
      for await (const [name, handle] of dir.entries()) {
        if (handle.kind === "file") {
          files.set(name, new Uint8Array(await (await handle.getFile()).arrayBuffer()));
        }
      }
    } catch (e) {
      // No private file system in this browser, or it failed: `open()` finds the files read
      // so far (none without one), and the page goes on.
      console.warn(`Loopscope: the private files could not all be read: ${e}`);
      kept = files;
      return;
    }
    if (at === ended && !kept) kept = files;
  }
}

export function opfs_kept() {
  return kept !== null;
}

// The bytes of a kept file, or null.
export function opfs_kept_file(name) {
  return (kept && kept.get(name)) || null;
}

// The writes of a file that `open()` made (a Python file's writes, which block in Python), one
// after the other in the order they were made: each waits for the one before it. Truncates
// first when `truncate` is set, then appends `bytes`.
const writing = new Map();

export function opfs_append(name, bytes, truncate) {
  const before = writing.get(name) || Promise.resolve();
  const write = before
    .catch(() => {})
    .then(async () => {
      const dir = await directory();
      const handle = await dir.getFileHandle(name, { create: true });
      const size = truncate ? 0 : (await handle.getFile()).size;
      return opfs_write(name, bytes, size, truncate);
    });
  writing.set(name, write);
  write.finally(() => {
    if (writing.get(name) === write) writing.delete(name);
  }).catch(() => {});
  return write;
}

export async function opfs_read(name) {
  const dir = await directory();
  const handle = await dir.getFileHandle(name);
  return (await handle.getFile()).text();
}

export async function opfs_size(name) {
  const dir = await directory();
  const handle = await dir.getFileHandle(name);
  return (await handle.getFile()).size;
}

export async function opfs_remove(name) {
  const dir = await directory();
  try {
    await dir.removeEntry(name);
    return true;
  } catch (e) {
    if (e && e.name === "NotFoundError") return false;
    throw e;
  } finally {
    await remember(dir, name);
  }
}

export async function opfs_list() {
  const dir = await directory();
  const names = [];
  for await (const name of dir.keys()) names.push(name);
  return names.sort();
}

function request(r) {
  return new Promise((ok, fail) => {
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
}

export function idb_open(name, store) {
  if (!globalThis.indexedDB) return Promise.reject(new Error("this browser has no IndexedDB"));
  return new Promise((ok, fail) => {
    const r = indexedDB.open(name, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(store);
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
    r.onblocked = () => fail(new Error("the database is open in another tab"));
  });
}

function store(db, name, mode) {
  return db.transaction(name, mode).objectStore(name);
}

export function idb_put(db, name, key, value) {
  return request(store(db, name, "readwrite").put(value, key));
}

const WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";

// Redis' HSET on one IndexedDB transaction: the hash at `key` (stored as {hash: [[field,
// value], ...]}, fields in the order first set) gets `pairs` [[field, value], ...]. Resolves
// with how many fields are new, as HSET answers; a key holding a string is WRONGTYPE.
export function idb_hset(db, name, key, pairs) {
  return new Promise((ok, fail) => {
    const objects = store(db, name, "readwrite");
    const read = objects.get(key);
    read.onerror = () => fail(read.error);
    read.onsuccess = () => {
      const old = read.result;
      if (old !== undefined && (old === null || typeof old !== "object" || !Array.isArray(old.hash))) {
        fail(new Error(WRONGTYPE));
        return;
      }
      const fields = old ? old.hash : [];
      let added = 0;
      for (const [field, value] of pairs) {
        const at = fields.findIndex(([f]) => f === field);
        if (at >= 0) fields[at][1] = value;
        else { fields.push([field, value]); added += 1; }
      }
      const write = objects.put({ hash: fields }, key);
      write.onerror = () => fail(write.error);
      write.onsuccess = () => ok(added);
    };
  });
}

// Redis' HGETALL: the hash's [[field, value], ...] ([] for a missing key); a string is
// WRONGTYPE.
export async function idb_hgetall(db, name, key) {
  const value = await request(store(db, name, "readonly").get(key));
  if (value === undefined) return [];
  if (value === null || typeof value !== "object" || !Array.isArray(value.hash)) throw new Error(WRONGTYPE);
  return value.hash;
}

// Redis' GET: a string, null for a missing key; a hash is WRONGTYPE.
export async function idb_get(db, name, key) {
  const value = await request(store(db, name, "readonly").get(key));
  if (value === undefined) return null;
  if (typeof value !== "string") throw new Error(WRONGTYPE);
  return value;
}

export function idb_delete(db, name, key) {
  return request(store(db, name, "readwrite").delete(key));
}

export function idb_keys(db, name) {
  return request(store(db, name, "readonly").getAllKeys());
}

export function idb_drop(name) {
  return request(indexedDB.deleteDatabase(name));
}

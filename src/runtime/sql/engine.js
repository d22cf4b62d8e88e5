// The database lessons' MySQL servers: each is SQLite's own WebAssembly build (npm
// @sqlite.org/sqlite-wasm) running in a Web Worker of its own, so two servers are two threads
// that really work at once, and each stores its databases in the Origin Private File System
// (the "opfs-sahpool" file system SQLite ships for workers, in a directory per server; it needs
// no cross-origin isolation, so the page stays embeddable). A server outlives a run, as a
// database server outlives its clients: a run's connections come and go, committed rows stay.
//
// The page side (below) starts a server's worker on its first call, sends each call as a
// message [id, op, args] and settles the call's promise with the worker's answer [id, ok, value].
// Nothing in here knows about MySQL: the Rust side (runtime/sql) speaks aiomysql and maps the
// engine's errors to the ones pymysql raises.

let engineUrl = null;
let nextId = 1;
const servers = new Map(); // server name -> { worker, pending: Map<id, {resolve, reject}> }

/** Where the engine's module lives (the tests serve it from their fixture server). */
export function sql_use_engine(url) {
  if (engineUrl !== url) {
    engineUrl = url;
    sql_restart();
  }
}

/** One call to a server, answered by a promise. */
export function sql_call(server, op, args) {
  const running = servers.get(server) ?? start(server);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    running.pending.set(id, { resolve, reject });
    running.worker.postMessage([id, op, args]);
  });
}

/** A call nobody waits for (closing a dropped connection): the server still carries it out. */
export function sql_post(server, op, args) {
  servers.get(server)?.worker.postMessage([0, op, args]);
}

/** Ends every server as a crash or a closed tab would: calls in flight fail as a lost
 *  connection, an open transaction is never committed, and the next call starts it again. */
export function sql_restart() {
  for (const server of [...servers.keys()]) {
    lose(server, { lost: true });
  }
}

function lose(server, reason) {
  const gone = servers.get(server);
  if (gone === undefined) {
    return;
  }
  servers.delete(server);
  gone.worker.terminate();
  for (const call of gone.pending.values()) {
    call.reject(reason);
  }
}

function start(server) {
  const url = engineUrl ?? new URL("sqlite/index.mjs", document.baseURI).href;
  const constants = `const ENGINE = ${JSON.stringify(url)};\nconst SERVER = ${JSON.stringify(server)};\n`;
  const source = `${constants}(${engine.toString()})();\n`;
  const blob = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  const started = { worker: new Worker(blob, { name: `mysql ${server}` }), pending: new Map() };
  servers.set(server, started);
  started.worker.onmessage = ({ data }) => {
    if (data === "ready") {
      URL.revokeObjectURL(blob);
      return;
    }
    const [id, ok, value] = data;
    const call = started.pending.get(id);
    if (call !== undefined) {
      started.pending.delete(id);
      (ok ? call.resolve : call.reject)(value);
    }
  };
  started.worker.onerror = (event) => {
    event.preventDefault();
    if (servers.get(server) === started) {
      lose(server, { fatal: `the SQL engine stopped (${event.message || url})` });
    }
  };
  return started;
}

// The worker's whole program (turned into its source by `start`).
function engine() {
  let sqlite3 = null;
  let pool = null;
  let failure = null;
  const files = new Map(); // file name -> { db, owner, waiting }
  const connections = new Map(); // connection id -> { file, inTransaction }

  // SQLite also tries its other OPFS file system ("opfs"), which needs cross-origin isolation
  // and a helper worker of its own. Where the page is isolated but the helper cannot start
  // (the test runner's page), SQLite notes the failure and goes on with ours; the helper's
  // error would still travel up to the page as this worker's, so while SQLite starts, errors
  // stop here (a failure of its start is caught below and answered to every call).
  let starting = true;
  addEventListener("error", (event) => {
    if (starting) {
      event.preventDefault();
    }
  });
  globalThis.sqlite3ApiConfig = { warn: () => {} };

  const loaded = (async () => {
    let step = `loading ${ENGINE}`;
    try {
      const { default: init } = await import(ENGINE);
      step = "starting SQLite";
      sqlite3 = await init({ print: () => {}, printErr: () => {} });
      step = "opening its files in the private file system";
      // One file system per server: a directory of its own, its files held by this worker.
      const name = `loopscope-mysql-${SERVER.replace(/[^0-9A-Za-z]/g, "-")}`;
      pool = await sqlite3.installOpfsSAHPoolVfs({ name, directory: `.${name}`, initialCapacity: 6 });
    } catch (error) {
      const why = error && error.message ? `${error.name}: ${error.message}` : String(error);
      failure = `the SQL engine could not start: ${step} failed (${why})`;
    }
    starting = false;
    postMessage("ready");
  })();

  const answer = (id, ok, value) => {
    if (id !== 0) {
      postMessage([id, ok, value]);
    }
  };

  function fileOf(name, seed) {
    let file = files.get(name);
    if (file === undefined) {
      const fresh = !pool.getFileNames().includes(name);
      const db = new pool.OpfsSAHPoolDb(name);
      if (fresh && seed) {
        db.exec(`BEGIN; ${seed}; COMMIT;`);
      }
      file = { db, owner: 0, waiting: [] };
      files.set(name, file);
    }
    return file;
  }

  // SQLite's own account of a failed statement; a failure that is not SQLite's (the
  // database closed under the call, a bug of ours) is told by its JavaScript message.
  function sqliteError(db, error) {
    const pointer = db.pointer;
    const capi = sqlite3.capi;
    const code = pointer ? capi.sqlite3_extended_errcode(pointer) : 0;
    if (code === 0) {
      return { code: 1, message: String((error && error.message) || error), offset: -1 };
    }
    return {
      code,
      message: capi.sqlite3_errmsg(pointer),
      offset: capi.sqlite3_error_offset(pointer),
    };
  }

  const WRITES = /^\s*(insert|update|delete|replace|create|drop|alter)\b/i;

  // Runs one call; false when it has to wait for another connection's transaction.
  function run(id, op, args) {
    if (op === "reset") {
      for (const file of files.values()) {
        file.db.close();
      }
      files.clear();
      connections.clear();
      pool.wipeFiles().then(() => answer(id, true, null), (e) => answer(id, false, { fatal: String(e) }));
      return true;
    }
    if (op === "connect") {
      const [connection, name, seed] = args;
      fileOf(name, seed);
      connections.set(connection, { file: name, inTransaction: false });
      answer(id, true, null);
      return true;
    }
    const connection = connections.get(args[0]);
    if (connection === undefined) {
      answer(id, false, { lost: true });
      return true;
    }
    const file = files.get(connection.file);
    if (file.owner !== 0 && file.owner !== args[0]) {
      file.waiting.push([id, op, args]);
      return false;
    }
    const end = (verb) => {
      if (connection.inTransaction) {
        file.db.exec(verb);
        connection.inTransaction = false;
        file.owner = 0;
      }
    };
    try {
      if (op === "execute") {
        const [, sql, autocommit] = args;
        if (!autocommit && !connection.inTransaction && WRITES.test(sql)) {
          file.db.exec("BEGIN");
          connection.inTransaction = true;
          file.owner = args[0];
        }
        const rows = [];
        const capi = sqlite3.capi;
        // Each value as it is, but a real number says so ({real: 2} is 2.0, not 2).
        const row = (values, stmt) =>
          values.map((value, i) =>
            typeof value === "bigint"
              ? Number(value)
              : typeof value === "number" && capi.sqlite3_column_type(stmt.pointer, i) === capi.SQLITE_FLOAT
                ? { real: value }
                : value,
          );
        try {
          file.db.exec({ sql, rowMode: "array", callback: (values, stmt) => rows.push(row(values, stmt)) });
        } catch (error) {
          answer(id, false, sqliteError(file.db, error));
          return true;
        }
        answer(id, true, {
          rows,
          changes: WRITES.test(sql) ? capi.sqlite3_changes(file.db.pointer) : -1,
          lastrowid: Number(capi.sqlite3_last_insert_rowid(file.db.pointer)),
        });
      } else if (op === "commit") {
        end("COMMIT");
        answer(id, true, null);
      } else if (op === "rollback") {
        end("ROLLBACK");
        answer(id, true, null);
      } else if (op === "close") {
        end("ROLLBACK");
        connections.delete(args[0]);
        answer(id, true, null);
      } else {
        answer(id, false, { fatal: `unknown call ${op}` });
      }
    } catch (error) {
      answer(id, false, sqliteError(file.db, error));
    }
    // A transaction that ended lets the calls that waited for it run, in order.
    while (file.owner === 0 && file.waiting.length > 0) {
      const [waitingId, waitingOp, waitingArgs] = file.waiting.shift();
      run(waitingId, waitingOp, waitingArgs);
    }
    return true;
  }

  onmessage = async ({ data }) => {
    const [id, op, args] = data;
    await loaded;
    if (failure !== null) {
      answer(id, false, { fatal: failure });
      return;
    }
    run(id, op, args);
  };
}

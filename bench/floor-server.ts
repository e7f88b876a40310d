/**
 * The bare floors the bench compares Antrean with, each a Fastify server doing the least the
 * task needs: `hello` answers a constant; `sqlite` and `pg` book like the quota does at its
 * core, one conditional UPDATE of the slot's count and one INSERT in a transaction, 201 or 409.
 * Started by bench/run.ts as `node --import tsx bench/floor-server.ts KIND DATABASE`; prints
 * `PORT n` once listening.
 */
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';

const [kind, database] = process.argv.slice(2);
const app = Fastify({ logger: false });

interface Attempt {
  slot: number;
  nik: string;
}

/** Slots 1..SLOTS with PLACES each; the bench books spread over them. */
const SLOTS = 1_000;
const PLACES = 1_000_000;

if (kind === 'hello') {
  app.get('/', async () => ({ hello: 'world' }));
} else if (kind === 'sqlite') {
  const db = new SQLite(database!);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS slots (id INTEGER PRIMARY KEY, places INTEGER NOT NULL, taken INTEGER NOT NULL);
           CREATE TABLE IF NOT EXISTS bookings (id INTEGER PRIMARY KEY, slot_id INTEGER NOT NULL, nik TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL)`);
  const seed = db.prepare('INSERT OR IGNORE INTO slots (id, places, taken) VALUES (?, ?, 0)');
  db.transaction(() => {
    for (let i = 1; i <= SLOTS; i++) seed.run(i, PLACES);
  })();
  const take = db.prepare('UPDATE slots SET taken = taken + 1 WHERE id = ? AND taken < places');
  const insert = db.prepare('INSERT INTO bookings (slot_id, nik, created_at) VALUES (?, ?, ?)');
  const book = db.transaction((a: Attempt) => {
    if (take.run(a.slot).changes === 0) return false;
    insert.run(a.slot, a.nik, new Date().toISOString());
    return true;
  });
  app.post<{ Body: Attempt }>('/book', async (req, reply) => {
    try {
      return reply.code(book.immediate(req.body) ? 201 : 409).send({ ok: true });
    } catch {
      return reply.code(409).send({ ok: false });
    }
  });
} else if (kind === 'pg') {
  const pool = new pg.Pool({ connectionString: database, max: 10 });
  await pool.query(`CREATE TABLE IF NOT EXISTS floor_slots (id INTEGER PRIMARY KEY, places INTEGER NOT NULL, taken INTEGER NOT NULL);
                    CREATE TABLE IF NOT EXISTS floor_bookings (id SERIAL PRIMARY KEY, slot_id INTEGER NOT NULL, nik TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL)`).catch(() => undefined);
  await pool.query('INSERT INTO floor_slots (id, places, taken) SELECT g, $1, 0 FROM generate_series(1, $2) g ON CONFLICT DO NOTHING', [PLACES, SLOTS]).catch(() => undefined);
  app.post<{ Body: Attempt }>('/book', async (req, reply) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const taken = await client.query('UPDATE floor_slots SET taken = taken + 1 WHERE id = $1 AND taken < places', [req.body.slot]);
      if (taken.rowCount === 0) {
        await client.query('ROLLBACK');
        return reply.code(409).send({ ok: false });
      }
      await client.query('INSERT INTO floor_bookings (slot_id, nik, created_at) VALUES ($1, $2, $3)', [req.body.slot, req.body.nik, new Date().toISOString()]);
      await client.query('COMMIT');
      return reply.code(201).send({ ok: true });
    } catch {
      await client.query('ROLLBACK').catch(() => undefined);
      return reply.code(409).send({ ok: false });
    } finally {
      client.release();
    }
  });
} else {
  throw new Error(`unknown floor ${kind}`);
}

await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(`PORT ${typeof address === 'object' && address ? address.port : 0}`);

import pg from 'pg';
import { QueuedExecutor } from './lib/run/queued-executor';
const url = process.env.DATABASE_URL!;
const db = new pg.Pool({ connectionString: url, max: 2 });
const web = new QueuedExecutor({ databaseUrl: url, waitSeconds: 90, perClient: 4, maxQueued: 1000 });
await web.start();
let done = 0, failed = 0;
const t0 = Date.now();
const all = Array.from({ length: 200 }, (_, i) => web.run({ source: 'देखाउ(पढ())\n', stdin: `x ${i}\n` }, { client: `c${i}` }).then(() => done++, (e) => { failed++; }));
const timer = setInterval(async () => {
  const a = await db.query(`SELECT state, count(*)::int n FROM sajilo_queue.run GROUP BY state`);
  const b = await db.query(`SELECT state, count(*)::int n FROM pgboss.job WHERE name='sajilo-run' AND created_on > now() - interval '5 min' GROUP BY state`);
  const c = await db.query(`SELECT id, role, running, round(extract(epoch from now()-last_seen)::numeric,1) age FROM sajilo_queue.node WHERE last_seen > now() - interval '1 min'`);
  console.log(((Date.now()-t0)/1000).toFixed(0), 'done', done, 'failed', failed, JSON.stringify(a.rows), JSON.stringify(b.rows), JSON.stringify(c.rows));
}, 3000);
await Promise.all(all);
clearInterval(timer);
console.log('total', (Date.now()-t0)/1000, done, failed);
await web.close(); await db.end();

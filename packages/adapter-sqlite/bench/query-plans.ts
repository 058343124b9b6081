/**
 * Prints `EXPLAIN QUERY PLAN` for every statement the stores run, as Markdown (pasted
 * into README.md). Run: npx tsx --conditions=@hushlink/source bench/query-plans.ts
 */
import { Kysely, SqliteDialect } from 'kysely';
import { createSqliteStores } from '../src/create-sqlite-stores';
import { openDatabase } from '../src/open-database';
import { collectQueryPlans } from '../test/query-plans';

const database = openDatabase(':memory:', 1000);
const stores = createSqliteStores({ database });
await stores.migrate();
const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database }) });
const lines = ['| statement | path | plan |', '|---|---|---|'];
for (const { name, hot, plan } of collectQueryPlans(database, db, stores.tables)) {
  const shown = plan.length ? plan.map((l) => `\`${l}\``).join('<br>') : '(no read: insert)';
  lines.push(`| ${name} | ${hot ? 'hot, prepared' : 'Kysely'} | ${shown} |`);
}
console.log(lines.join('\n'));
database.close();

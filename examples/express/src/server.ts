/**
 * `npm start`: the example app on http://127.0.0.1:3000 (see README.md for the settings).
 */
import { configFromEnv } from './config';
import { createApp } from './create-app';

const config = configFromEnv();
const created = await createApp(config);
const { origin } = await created.listen();
const database = created.stores.kind === 'postgres' ? 'Postgres (DATABASE_URL)' : config.sqlitePath;
console.log(`[hushlink] storage: ${database}`);
console.log(`[hushlink] admin page: ${origin}/admin  (user: ${config.adminUser})`);
if (created.passwordGenerated) {
  console.log(
    `[hushlink] ADMIN_PASSWORD is not set; this run's password is: ${created.adminPassword}`,
  );
}

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void created.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

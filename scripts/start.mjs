// `npm start`: builds the production app, then serves it (until the hall's server
// exists, Vite's preview server does the serving). PORT and HOST may be set.
import { spawnSync } from 'node:child_process';

const port = process.env.PORT ?? '8080';
const host = process.env.HOST ?? '0.0.0.0';
const run = (args) => {
  const result = spawnSync('npx', args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run(['vite', 'build']);
run(['vite', 'preview', '--host', host, '--port', port, '--strictPort']);

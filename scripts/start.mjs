// `npm start`: builds the PWA, then runs the hall's server, which serves it and the
// sync API on one port (PORT, default 8080, or 8443 with the hall's TLS from `tls init`;
// data in DATA_DIR, default ./data).
import { spawnSync } from 'node:child_process';

const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const server = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
  stdio: 'inherit',
});
process.exit(server.status ?? 0);

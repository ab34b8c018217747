/**
 * `npm run release`: release/checkpoint-server-<version>-linux-x64.tar.gz, what a hall's
 * machine with Node 20 and no network needs (docs/operations.md, Install): the built PWA,
 * the server and the admin CLI bundled to JavaScript by esbuild with the packages they
 * import (no tsx or TypeScript at run time), better-sqlite3 beside them (installed from
 * npm's cache, offline, at the lock file's version, with its native part as built here for
 * linux-x64), the operator's docs, install.sh, and MANIFEST.json with the version, the
 * schema versions and every file's SHA-256 (SHA256SUMS holds the same for `sha256sum -c`).
 *
 * RELEASE_VERSION overrides package.json's version; RELEASE_SKIP_BUILD=1 reuses dist/.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { POSTGRES_SCHEMA_VERSION } from '../../server/src/store/postgres-schema';
import { SQLITE_SCHEMA_VERSION } from '../../server/src/store/sqlite';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const PLATFORM = 'linux-x64';
const OPERATOR_DOCS = ['operations.md', 'server-security.md', 'postgresql.md'];

export interface ReleaseOptions {
  version?: string;
  /** Reuse dist/ (already built by `vite build`). */
  skipAppBuild?: boolean;
  /** Where the archive goes (default release/). */
  outDir?: string;
  /** Extra esbuild plugins (the upgrade test's version B adds a migration this way). */
  plugins?: Plugin[];
  /** The SQLite schema version the plugins make (written into the manifest). */
  sqliteSchema?: number;
}

export interface Release {
  archive: string;
  name: string;
  version: string;
  bytes: number;
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The npm package of an import path: `pg`, `@fastify/static`, `better-sqlite3/lib/x`. */
function packageOf(path: string): string {
  const parts = path.split('/');
  return (path.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/**
 * Not bundled: better-sqlite3 (its native part sits beside its JavaScript) and pg's
 * optional native driver (pg runs without it). Everything else the server imports is
 * bundled into one file per entry point: a start loads two files, not a thousand
 * (about a third faster to /healthz here).
 */
const NOT_BUNDLED = ['better-sqlite3', 'pg-native'];

export interface Bundle {
  /** Packages inside the bundles. */
  bundled: string[];
  /** Packages the bundles import at run time (installed into node_modules). */
  installed: string[];
}

async function bundleServer(stage: string, plugins: Plugin[]): Promise<Bundle> {
  const result = await build({
    entryPoints: {
      main: join(root, 'server/src/main.ts'),
      'admin-cli': join(root, 'server/src/cli/admin-cli.ts'),
    },
    outdir: join(stage, 'server'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: NOT_BUNDLED,
    // The CommonJS packages inside an ES module still call require() for Node's own.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    metafile: true,
    logLevel: 'warning',
    plugins,
  });
  const bundled = new Set<string>();
  for (const input of Object.keys(result.metafile.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match?.[1]) bundled.add(match[1]);
  }
  const imported = new Set<string>();
  for (const output of Object.values(result.metafile.outputs))
    for (const i of output.imports)
      if (i.external && !builtins.has(i.path)) imported.add(packageOf(i.path));
  return { bundled: [...bundled].sort(), installed: [...imported].sort() };
}

/** The server's packages, at the lock file's versions, from npm's cache (no network). */
function installPackages(stage: string, packages: string[], version: string): void {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const dependencies: Record<string, string> = {};
  // pg-native is optional (pg uses it only when present): not a dependency, not shipped.
  for (const name of packages) {
    const range = pkg.dependencies[name];
    if (range) dependencies[name] = range;
  }
  const manifest = { name: 'checkpoint-server', version, private: true, type: 'module' };
  writeFileSync(
    join(stage, 'package.json'),
    `${JSON.stringify({ ...manifest, engines: { node: '>=20' }, dependencies }, null, 2)}\n`,
  );
  copyFileSync(join(root, 'package-lock.json'), join(stage, 'package-lock.json'));
  run(
    'npm',
    ['install', '--omit=dev', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'],
    stage,
  );
  // The native part, as `npm ci` built it here (this Node's ABI, linux-x64).
  const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
  if (packages.includes('better-sqlite3')) {
    mkdirSync(dirname(join(stage, addon)), { recursive: true });
    copyFileSync(join(root, addon), join(stage, addon));
  }
  // Its C sources: built already, not needed at run time (about 10 MB).
  for (const dir of ['deps', 'src'])
    rmSync(join(stage, 'node_modules/better-sqlite3', dir), { recursive: true, force: true });
  rmSync(join(stage, 'package-lock.json'));
  rmSync(join(stage, 'node_modules/.package-lock.json'), { force: true });
}

function writeLaunchers(stage: string): void {
  cpSync(join(root, 'scripts/release/bin'), join(stage, 'bin'), { recursive: true });
  // Loaded before the server: a Node that cannot load the native part is named, not crashed on.
  const { node, modules } = process.versions;
  const major = node.split('.')[0];
  writeFileSync(
    join(stage, 'server/preflight.mjs'),
    [
      `if (process.versions.modules !== '${modules}') {`,
      `  console.error('this release is built for Node ${major} (ABI ${modules}); this is Node ' + process.versions.node + ': install Node ${major}');`,
      '  process.exit(3);',
      '}',
      '',
    ].join('\n'),
  );
}

export async function buildRelease(options: ReleaseOptions = {}): Promise<Release> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const version = options.version ?? process.env.RELEASE_VERSION ?? pkg.version;
  const name = `checkpoint-server-${version}-${PLATFORM}`;
  const outDir = options.outDir ?? join(root, 'release');
  const stage = join(outDir, '.stage', name);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });

  if (!options.skipAppBuild)
    run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], root);
  if (!existsSync(join(root, 'dist/index.html'))) throw new Error('no dist/: run vite build');
  cpSync(join(root, 'dist'), join(stage, 'app'), { recursive: true });

  const packages = await bundleServer(stage, options.plugins ?? []);
  installPackages(stage, packages.installed, version);
  writeLaunchers(stage);

  mkdirSync(join(stage, 'docs'));
  for (const doc of OPERATOR_DOCS) copyFileSync(join(root, 'docs', doc), join(stage, 'docs', doc));
  copyFileSync(join(root, 'scripts/release/install.sh'), join(stage, 'install.sh'));
  chmodSync(join(stage, 'install.sh'), 0o755);

  const files = filesUnder(stage);
  const sums = Object.fromEntries(files.map((f) => [f, sha256File(join(stage, f))]));
  writeFileSync(join(stage, 'SHA256SUMS'), files.map((f) => `${sums[f]}  ${f}\n`).join(''));
  const manifest = {
    name: 'checkpoint-server',
    version,
    platform: PLATFORM,
    node: { major: Number(process.versions.node.split('.')[0]), abi: process.versions.modules },
    schema: {
      sqlite: options.sqliteSchema ?? SQLITE_SCHEMA_VERSION,
      postgres: POSTGRES_SCHEMA_VERSION,
    },
    packages,
    files: sums,
  };
  writeFileSync(join(stage, 'MANIFEST.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const archive = join(outDir, `${name}.tar.gz`);
  run(
    'tar',
    [
      '--owner=0',
      '--group=0',
      '--numeric-owner',
      '--sort=name',
      '-czf',
      archive,
      '-C',
      dirname(stage),
      name,
    ],
    root,
  );
  rmSync(join(outDir, '.stage'), { recursive: true, force: true });
  return { archive, name, version, bytes: statSync(archive).size };
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  const release = await buildRelease({ skipAppBuild: process.env.RELEASE_SKIP_BUILD === '1' });
  console.log(`${relative(root, release.archive)}: ${(release.bytes / 1e6).toFixed(1)} MB`);
}

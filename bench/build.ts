/**
 * The benchmarks measure what the Docker image runs: prepbot compiled by tsc (the project's
 * compiler settings) on plain node. Compiles `src/` and the bench's server scripts into
 * bench/.work/build once per run, with the migrations linked beside them (the store looks for
 * them two folders above `storage/`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const BUILD_DIR = 'bench/.work/build';

/** The compiled path of a source file, e.g. `src/main.ts` -> `bench/.work/build/src/main.js`. */
export const built = (source: string): string => join(BUILD_DIR, source.replace(/\.ts$/, '.js'));

let done = false;

/** Compiles once per bench run (about 6 s); throws with tsc's output when it fails. */
export function ensureBuild(): void {
  if (done) return;
  rmSync(BUILD_DIR, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const res = spawnSync(process.execPath, [tsc, '-p', 'bench/tsconfig.build.json'], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`tsc failed:\n${res.stdout}${res.stderr}`);
  const link = join(BUILD_DIR, 'migrations');
  if (!existsSync(link)) symlinkSync(resolve('migrations'), link);
  done = true;
}

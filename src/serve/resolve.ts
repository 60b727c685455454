import { realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { HEADERS_FILE } from '../render/headers-file.js';

export type Resolved =
  | { readonly ok: true; readonly path: string; readonly name: string; readonly size: number; readonly mtimeMs: number }
  | { readonly ok: false; readonly status: 400 | 404; readonly reason: string };

/**
 * The file of the output folder a request path names, or why there is none.
 * Refused (404): `..` and `.` segments, encoded or not; any hidden segment
 * (temporary files of a build, `.git`); back slashes and NUL; empty
 * segments; `_headers`, which is for the host; folders; and anything whose
 * real path, symlinks followed, is outside the folder. `root` must itself be
 * a real path.
 */
export async function resolveFile(root: string, target: string): Promise<Resolved> {
  const path = target.split(/[?#]/, 1)[0]!;
  if (!path.startsWith('/')) return { ok: false, status: 400, reason: 'not an origin-form path' };
  const segments: string[] = [];
  for (const raw of path.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400, reason: 'malformed percent-encoding' };
    }
    if (segment === '' || segment.startsWith('.') || /[/\\\0]/.test(segment)) return { ok: false, status: 404, reason: `refused segment ${JSON.stringify(segment)}` };
    segments.push(segment);
  }
  if (segments.length === 1 && segments[0] === HEADERS_FILE) return { ok: false, status: 404, reason: `${HEADERS_FILE} is for the host` };
  return fileInside(root, segments);
}

/** A regular file at `segments` under `root` whose real path is inside `root`. */
export async function fileInside(root: string, segments: readonly string[]): Promise<Resolved> {
  let real: string;
  try {
    real = await realpath(join(root, ...segments));
  } catch {
    return { ok: false, status: 404, reason: 'no such file' };
  }
  if (!real.startsWith(root.endsWith(sep) ? root : root + sep)) return { ok: false, status: 404, reason: 'outside the output folder' };
  const info = await stat(real).catch(() => undefined);
  if (!info?.isFile()) return { ok: false, status: 404, reason: 'not a file' };
  return { ok: true, path: real, name: segments.join('/'), size: info.size, mtimeMs: info.mtimeMs };
}

import { readFileSync } from 'node:fs';

/** feedwright's version, from its package.json: the nearest one above this module (src/, dist/ or a bench build alike). */
function findVersion(): string {
  for (let url = new URL('../package.json', import.meta.url); ; url = new URL('../../package.json', url)) {
    try {
      const data = JSON.parse(readFileSync(url, 'utf8')) as { name?: string; version?: string };
      if (data.name === 'feedwright' && data.version) return data.version;
    } catch {
      // Not here: one folder up.
    }
    if (url.pathname === '/package.json') return '0.0.0';
  }
}

export const VERSION = findVersion();

import { stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';

/**
 * The sizes of the media files that are served from the site itself and lie
 * under `publicDir`: RSS needs an enclosure's length. A URL that leaves the
 * folder, or a file that is missing, has no size.
 */
export async function localMediaSizes(urls: Iterable<string>, siteUrl: string, publicDir: string): Promise<Map<string, number>> {
  const site = new URL(siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`);
  const root = resolve(publicDir);
  const sizes = new Map<string, number>();
  await Promise.all(
    [...new Set(urls)].map(async (text) => {
      const url = new URL(text);
      if (url.origin !== site.origin || !url.pathname.startsWith(site.pathname)) return;
      let file: string;
      try {
        file = join(root, decodeURIComponent(url.pathname.slice(site.pathname.length)));
      } catch {
        return; // A malformed %-escape names no file.
      }
      if (relative(root, file).startsWith(`..${sep}`)) return;
      try {
        const info = await stat(file);
        if (info.isFile()) sizes.set(text, info.size);
      } catch {
        // Not there: the enclosure gets no measured size.
      }
    }),
  );
  return sizes;
}

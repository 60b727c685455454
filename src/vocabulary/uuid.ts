import { createHash } from 'node:crypto';

/** The Podcasting 2.0 namespace's UUID, from which a show's `podcast:guid` is made. */
const PODCAST_NAMESPACE = 'ead4c236-bf58-58c6-a2c6-a6b28d128cb6';

/** A name-based UUID (version 5, SHA-1; RFC 9562, section 5.5) of `name` in `namespace`. */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A show's `podcast:guid` when it gives none: the UUID v5 of its feed's URL without the scheme and trailing slashes (the Podcasting 2.0 namespace's rule). */
export const podcastGuid = (feedUrl: string): string => uuidV5(feedUrl.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\//, '').replace(/\/+$/, ''), PODCAST_NAMESPACE);

import type { Person } from './types.js';

/** An absolute http(s) URL, as feed readers need every link to be. */
export function isAbsoluteUrl(text: string): boolean {
  if (/\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const EMAIL = /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/;
const NAME_AND_EMAIL = /^(.*?)\s*<([^<>]+)>$/;

export const isEmail = (text: string): boolean => EMAIL.test(text);

/** BCP 47 as feeds use it: `en`, `zh-CN`, `pt-BR`. */
export const isLanguageTag = (text: string): boolean => /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(text);

/**
 * Reads a person from a record or the config: a name, `Name <email>`, or an
 * object with name, email and url. Returns the reason when it is none of those.
 */
export function readPerson(value: unknown): Person | string {
  if (typeof value === 'string') {
    const text = value.trim();
    const m = NAME_AND_EMAIL.exec(text);
    if (m) {
      const [, name, email] = m;
      if (!isEmail(email!)) return `"${email}" is not an email address`;
      return name ? { name, email: email! } : { name: email!, email: email! };
    }
    return text === '' ? 'a person needs a name' : { name: text };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'a person is a name, "Name <email>", or an object with "name", "email" and "url"';
  }
  const { name, email, url, ...rest } = value as Record<string, unknown>;
  const unknownKey = Object.keys(rest)[0];
  if (unknownKey !== undefined) return `a person has no field "${unknownKey}"; use "name", "email" and "url"`;
  if (typeof name !== 'string' || name.trim() === '') return 'a person needs a "name" that is text';
  if (email !== undefined && (typeof email !== 'string' || !isEmail(email))) return `"email" ${JSON.stringify(email)} is not an email address`;
  if (url !== undefined && (typeof url !== 'string' || !isAbsoluteUrl(url))) return `"url" ${JSON.stringify(url)} is not an absolute http(s) URL`;
  return { name: name.trim(), ...(email === undefined ? {} : { email }), ...(url === undefined ? {} : { url }) };
}

import type { Photo } from '../vocabulary/types.js';
import { attributes, escapeText } from './xml.js';

/**
 * An item's photo in Media RSS (namespace `media:`, docs/formats.md,
 * "Photos"), as RSS items and Atom entries carry it: `media:content` with
 * the image's URL, type and size, holding its caption (`media:description`),
 * credit (`media:credit`) and text alternative (`media:text`); then
 * `media:thumbnail`. Each line is indented by `pad`.
 */
export function mediaContent(photo: Photo, pad: string): string {
  const attrs = attributes({ url: photo.url, type: photo.type, medium: 'image', width: photo.width?.toString(), height: photo.height?.toString() });
  const inner: string[] = [];
  if (photo.caption !== undefined) inner.push(`<media:description type="plain">${escapeText(photo.caption)}</media:description>`);
  if (photo.credit !== undefined) inner.push(`<media:credit${attributes({ role: photo.creditRole })}>${escapeText(photo.credit)}</media:credit>`);
  if (photo.alt !== undefined) inner.push(`<media:text type="plain">${escapeText(photo.alt)}</media:text>`);
  let text = inner.length === 0 ? `${pad}<media:content${attrs}/>\n` : `${pad}<media:content${attrs}>\n${inner.map((line) => `${pad}  ${line}\n`).join('')}${pad}</media:content>\n`;
  if (photo.thumbnail !== undefined) text += `${pad}<media:thumbnail${attributes({ url: photo.thumbnail })}/>\n`;
  return text;
}

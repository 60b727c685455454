import type { Rule } from './rule.js';

/** type "/" subtype, each a token, with parameters after ";" (RFC 6838, section 4.2; RFC 9110, section 8.3.1). */
const MEDIA_TYPE = /^[A-Za-z0-9][\w!#$&^.+-]*\/[A-Za-z0-9][\w!#$&^.+-]*(\s*;\s*[\w!#$&^.+-]+=(?:[\w!#$&^.+-]+|"[^"]*"))*$/;

/** The words Atom content's type may be instead of a media type (RFC 4287, 4.1.3.1). */
const CONTENT_WORDS: ReadonlySet<string> = new Set(['text', 'html', 'xhtml']);

export const rule: Rule = {
  meta: {
    id: 'feed/media-type',
    severity: 'error',
    description: 'A media type must be one, such as "audio/mpeg" or "text/html": Atom link type and content type (beside "text", "html", "xhtml"), JSON Feed attachment mime_type.',
    spec: 'RFC 4287, sections 4.1.3.1 and 4.2.7.3; JSON Feed 1.1, "Attachments" (mime_type); RFC 6838, section 4.2',
    w3c: 'InvalidMIMEType',
    formats: ['atom', 'json'],
  },
  create: (context) => ({
    elements: {
      'atom:link'(link) {
        const type = link.attribute('type');
        if (type !== undefined && !MEDIA_TYPE.test(type.value.trim())) context.report(type, `the type of <link> is ${JSON.stringify(type.value)}, which is not a media type; write one such as "text/html" or "audio/mpeg"`);
      },
      'atom:content'(content) {
        const type = content.attribute('type');
        if (type !== undefined && !CONTENT_WORDS.has(type.value) && !MEDIA_TYPE.test(type.value.trim())) {
          context.report(type, `the type of <content> is ${JSON.stringify(type.value)}, which is neither "text", "html" nor "xhtml" nor a media type such as "application/xml"`);
        }
      },
    },
    item(item, index) {
      if (!Array.isArray(item.attachments)) return;
      item.attachments.forEach((a: unknown, i: number) => {
        const type = typeof a === 'object' && a !== null ? (a as Record<string, unknown>).mime_type : undefined;
        if (typeof type === 'string' && type !== '' && !MEDIA_TYPE.test(type.trim())) {
          context.report(['items', index, 'attachments', i, 'mime_type'], `"mime_type" of attachment ${i + 1} of item ${index + 1} is ${JSON.stringify(type)}, which is not a media type; write one such as "audio/mpeg"`);
        }
      });
    },
  }),
};

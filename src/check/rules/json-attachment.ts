import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'json/attachment',
    severity: 'error',
    description: 'Each attachment must be an object with a url and a mime_type, and a size_in_bytes and duration_in_seconds that are numbers when given.',
    spec: 'JSON Feed 1.1, "Attachments"',
    w3c: 'MissingAttribute',
    formats: ['json'],
  },
  create: (context) => ({
    item(item, index) {
      const attachments = item.attachments;
      if (attachments === undefined) return;
      if (!Array.isArray(attachments)) return context.report(['items', index, 'attachments'], `"attachments" of item ${index + 1} must be an array of objects`);
      attachments.forEach((a: unknown, i: number) => {
        const at = ['items', index, 'attachments', i];
        if (typeof a !== 'object' || a === null || Array.isArray(a)) return context.report(at, `attachment ${i + 1} of item ${index + 1} must be an object with "url" and "mime_type"`);
        const { url, mime_type, size_in_bytes, duration_in_seconds } = a as Record<string, unknown>;
        const missing = [typeof url === 'string' && url !== '' ? '' : '"url"', typeof mime_type === 'string' && mime_type !== '' ? '' : '"mime_type"'].filter(Boolean);
        if (missing.length > 0) context.report(at, `attachment ${i + 1} of item ${index + 1} has no ${missing.join(' and no ')}; JSON Feed 1.1 requires both`);
        if (size_in_bytes !== undefined && (typeof size_in_bytes !== 'number' || size_in_bytes < 0)) context.report([...at, 'size_in_bytes'], `"size_in_bytes" must be a number of bytes; found ${JSON.stringify(size_in_bytes)}`);
        if (duration_in_seconds !== undefined && (typeof duration_in_seconds !== 'number' || duration_in_seconds < 0)) context.report([...at, 'duration_in_seconds'], `"duration_in_seconds" must be a number of seconds; found ${JSON.stringify(duration_in_seconds)}`);
      });
    },
  }),
};

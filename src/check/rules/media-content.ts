import { checkUrl } from '../values.js';
import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

const MEDIUMS = new Set(['image', 'audio', 'video', 'document', 'executable']);

export const rule: Rule = {
  meta: {
    id: 'media/content',
    severity: 'error',
    description: 'Media RSS content and thumbnails must have absolute http(s) URLs, a medium from the specification, and a credit a role and scheme a reader can use.',
    spec: 'Media RSS 1.5.1, "media:content", "media:thumbnail", "media:credit"',
    w3c: 'InvalidFullLink',
    formats: ['rss', 'atom'],
    profile: 'media',
  },
  create: (context) => {
    const url = (el: XmlElement) => {
      const attr = el.attribute('url');
      if (attr === undefined) return context.report(el, `<${el.name}> needs a url attribute`);
      const checked = checkUrl(attr.value);
      if (!checked.ok || !/^https?:/i.test(attr.value.trim())) context.report(attr, `the url of <${el.name}> must be an absolute http(s) URL; found ${JSON.stringify(attr.value)}`);
    };
    return {
      elements: {
        'media:content'(el) {
          // Media RSS lets a media:content with a player leave out its url.
          if (el.attribute('url') !== undefined || el.child('media:player') === undefined) url(el);
          const medium = el.attribute('medium');
          if (medium !== undefined && !MEDIUMS.has(medium.value)) context.report(medium, `the medium of <media:content> must be one of ${[...MEDIUMS].join(', ')}; found ${JSON.stringify(medium.value)}`);
        },
        'media:thumbnail': url,
        'media:credit'(el) {
          const role = el.attribute('role');
          if (role !== undefined && !/^[a-z][a-z -]*$/.test(role.value)) context.report(role, `the role of <media:credit> should be a lower-case role such as "photographer" or "author"; found ${JSON.stringify(role.value)}`);
          const scheme = el.attribute('scheme');
          if (scheme !== undefined && !/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(scheme.value)) context.report(scheme, `the scheme of <media:credit> must be a URI such as "urn:ebu"; found ${JSON.stringify(scheme.value)}`);
        },
      },
    };
  },
};

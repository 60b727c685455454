import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const rule: Rule = {
  meta: {
    id: 'podcastindex/tags',
    severity: 'error',
    description: 'Podcasting 2.0 tags must have their required attributes and values, and their URLs must be https.',
    spec: 'Podcast Namespace 1.0 (podcastindex.org): guid, locked, transcript, chapters, funding, season, episode',
    w3c: 'MissingAttribute',
    formats: ['rss'],
    profile: 'podcastindex',
  },
  create: (context) => {
    const https = (el: XmlElement, name: string) => {
      const url = el.attribute(name);
      if (url === undefined) context.report(el, `<${el.name}> needs a ${name} attribute`);
      else if (!/^https:\/\/\S+$/.test(url.value.trim())) context.report(url, `the ${name} of <${el.name}> must be an https URL; found ${JSON.stringify(url.value)}`);
    };
    const needs = (el: XmlElement, name: string) => {
      if (el.attribute(name) === undefined) context.report(el, `<${el.name}> needs a ${name} attribute`);
    };
    const number = (el: XmlElement) => {
      if (!/^\d+(\.\d+)?$/.test(el.text.trim())) context.report(el, `<${el.name}> must hold a number; found ${JSON.stringify(el.text)}`);
    };
    return {
      elements: {
        'podcast:guid'(el) {
          if (!UUID.test(el.text.trim())) context.report(el, `<podcast:guid> must be a UUID (version 5 of the feed's URL, by the namespace's rule); found ${JSON.stringify(el.text)}`);
        },
        'podcast:locked'(el) {
          if (el.text.trim() !== 'yes' && el.text.trim() !== 'no') context.report(el, `<podcast:locked> must be "yes" or "no"; found ${JSON.stringify(el.text)}`);
        },
        'podcast:transcript'(el) {
          https(el, 'url');
          needs(el, 'type');
        },
        'podcast:chapters'(el) {
          https(el, 'url');
          needs(el, 'type');
        },
        'podcast:funding'(el) {
          https(el, 'url');
        },
        'podcast:season': number,
        'podcast:episode': number,
      },
    };
  },
};

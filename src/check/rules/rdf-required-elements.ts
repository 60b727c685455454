import { RSS1_NS } from '../../vocabulary/formats.js';
import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

/** What RSS 1.0 requires of each of its elements that stand in the root, beside an rdf:about. */
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  'rss1:channel': ['title', 'link', 'description', 'items'],
  'rss1:image': ['title', 'url', 'link'],
  'rss1:item': ['title', 'link'],
  'rss1:textinput': ['title', 'description', 'name', 'link'],
};

export const rule: Rule = {
  meta: {
    id: 'rdf/required-elements',
    severity: 'error',
    description: 'An RSS 1.0 document must have one channel with rdf:about, title, link, description and items (an rdf:Seq); each item an rdf:about, a title and a link; an image and a text input theirs.',
    spec: 'RSS 1.0, section 5 ("Core Syntax")',
    w3c: 'MissingElement',
    formats: ['rdf'],
  },
  create: (context) => {
    const about = (el: XmlElement) => {
      if (el.attribute('rdf:about') === undefined) context.report(el, `<${el.name}> has no rdf:about, which RSS 1.0 requires; give it the URL it describes, as rdf:about="https://example.com/..."`);
    };
    const standing = (el: XmlElement) => {
      // The channel's own <image> and <textinput> point, with rdf:resource, at those beside it.
      if (el.parent?.parent !== undefined) {
        if (el.parent.key === 'rss1:channel' && el.key !== 'rss1:channel' && el.attribute('rdf:resource') === undefined) {
          context.report(el, `the channel's <${el.name}> has no rdf:resource; RSS 1.0 requires it to name the rdf:about of the <${el.local}> beside the channel`);
        }
        return;
      }
      about(el);
      for (const name of REQUIRED[el.key]!) {
        if (el.child(`rss1:${name}`) === undefined) context.report(el, `<${el.name}> has no <${name}>, which RSS 1.0 requires; add it`);
      }
      const items = el.child('rss1:items');
      if (items !== undefined && items.child('rdf:Seq') === undefined) context.report(items, '<items> holds no <rdf:Seq>; RSS 1.0 lists the items as <rdf:Seq> of <rdf:li resource="..."/>, one for each item\'s rdf:about');
    };
    return {
      elements: {
        ...Object.fromEntries(Object.keys(REQUIRED).map((key) => [key, standing])),
        'rdf:RDF'(root) {
          const channels = root.childrenOf('rss1:channel');
          if (channels.length === 1) return;
          if (channels.length > 1) return context.report(channels[1]!, `<rdf:RDF> has a second <channel> (the first is at line ${context.position(channels[0]!)?.line ?? '?'}); RSS 1.0 has one`);
          const unbound = root.child('channel');
          context.report(
            unbound ?? root,
            unbound
              ? `<channel> is in no namespace; RSS 1.0's elements are in "${RSS1_NS}": add xmlns="${RSS1_NS}" to <rdf:RDF>`
              : `<rdf:RDF> has no <channel>, which RSS 1.0 requires; add <channel rdf:about="..."> with its title, link, description and items`,
          );
        },
      },
    };
  },
};

import { isLanguageTag } from '../../vocabulary/values.js';
import type { XmlElement } from '../tree.js';
import type { Rule } from './rule.js';

const SHAPE = 'a language tag such as "en", "pt-BR" or "zh-Hant"';

export const rule: Rule = {
  meta: {
    id: 'feed/language-tag',
    severity: 'error',
    description: 'A language must be given as a language tag (BCP 47), such as "en" or "pt-BR": RSS language, Atom xml:lang, JSON Feed language.',
    spec: 'RSS 2.0, "Optional channel elements" (language); XML 1.0, section 2.12 (xml:lang); JSON Feed 1.1, "language"; BCP 47',
    w3c: 'InvalidLanguage',
    formats: ['rss', 'atom', 'json', 'rdf'],
  },
  create: (context) => {
    // An empty xml:lang is allowed: it says the language is unknown (XML 1.0, section 2.12).
    const lang = (el: XmlElement) => {
      if (el.attributes.length === 0) return;
      const attr = el.attribute('xml:lang');
      if (attr !== undefined && attr.value !== '' && !isLanguageTag(attr.value)) context.report(attr, `xml:lang is ${JSON.stringify(attr.value)}, which is not ${SHAPE}`);
    };
    const text = (el: XmlElement) => {
      if (!isLanguageTag(el.text.trim())) context.report(el, `<${el.name}> is ${JSON.stringify(el.text)}, which is not ${SHAPE}`);
    };
    return {
      elements: { '*': lang, language: (el) => (el.parent?.key === 'channel' ? text(el) : undefined), 'dc:language': text },
      feed(feed) {
        if (typeof feed.language === 'string' && !isLanguageTag(feed.language)) context.report(['language'], `"language" is ${JSON.stringify(feed.language)}, which is not ${SHAPE}`);
      },
      item(item, index) {
        if (typeof item.language === 'string' && !isLanguageTag(item.language)) context.report(['items', index, 'language'], `"language" of item ${index + 1} is ${JSON.stringify(item.language)}, which is not ${SHAPE}`);
      },
    };
  },
};

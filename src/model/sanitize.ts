import type sanitizeHtml from 'sanitize-html';
import { mayHoldForbidden, XML_FORBIDDEN } from '../vocabulary/formats.js';
import { onFirstUse } from '../vocabulary/on-first-use.js';

/**
 * What the HTML of an article may keep under config `sanitize: true`: the
 * text, its structure, links, images and media, and nothing that runs.
 * Scripts, styles, frames, objects, forms, SVG and MathML are removed (a
 * script's or a style's text with it), and so is every event handler,
 * `style` attribute and URL whose scheme is not http(s), mailto or tel.
 */
function options(library: typeof sanitizeHtml): sanitizeHtml.IOptions {
  return {
    allowedTags: [
      ...library.defaults.allowedTags,
      'img', 'picture', 'source', 'video', 'audio', 'track', 'del', 'ins', 'details', 'summary',
    ],
    allowedAttributes: {
      '*': ['id', 'class', 'lang', 'dir', 'title'],
      a: ['href', 'name', 'target', 'rel', 'hreflang'],
      img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading'],
      source: ['src', 'srcset', 'sizes', 'type', 'media'],
      video: ['src', 'poster', 'controls', 'width', 'height', 'loop', 'muted', 'playsinline'],
      audio: ['src', 'controls', 'loop', 'muted'],
      track: ['src', 'kind', 'srclang', 'label', 'default'],
      blockquote: ['cite'],
      q: ['cite'],
      del: ['cite', 'datetime'],
      ins: ['cite', 'datetime'],
      time: ['datetime'],
      td: ['colspan', 'rowspan', 'headers'],
      th: ['colspan', 'rowspan', 'headers', 'scope'],
      ol: ['start', 'reversed', 'type'],
      details: ['open'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesAppliedToAttributes: [...library.defaults.allowedSchemesAppliedToAttributes, 'srcset'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
  };
}

// Most builds never sanitize, and the library (with its CSS parser) is the slowest of all to load.
const sanitizer = onFirstUse('sanitize-html', (clean: typeof sanitizeHtml) => ({ clean, options: options(clean) }));

/** The HTML of an article from a source that is not trusted, with every piece of active content removed. */
export function sanitize(html: string): string {
  const { clean: library, options } = sanitizer();
  const clean = library(html, options);
  // The library decodes a reference such as "&#1;" to its character and writes it out as is; XML forbids
  // that character (a feed holding it is rejected whole), so it goes back to being a reference, as written.
  return mayHoldForbidden(clean) ? clean.replace(FORBIDDEN, (ch) => `&#x${ch.codePointAt(0)!.toString(16).toUpperCase()};`) : clean;
}

const FORBIDDEN = new RegExp(XML_FORBIDDEN.source, 'g');

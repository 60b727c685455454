import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SAXParser } from 'parse5-sax-parser';
import { describe, expect, it } from 'vitest';
import { sanitize } from '../../src/model/sanitize.js';
import { cli, makeProject } from '../helpers.js';

/**
 * XSS payloads, from the classic filter-evasion lists: scripts, event
 * handlers, dangerous URL schemes in every disguise, active elements, and
 * markup that mutates when a browser parses it again.
 */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</script>',
  '<svg><script>alert(1)</script></svg>',
  '<svg onload=alert(1)>',
  '<img src=x onerror=alert(1)>',
  '<img src="https://example.org/a.jpg" onerror="alert(1)">',
  '<IMG SRC="jav&#x09;ascript:alert(1);">',
  '<img src=x:alert(alt) onerror=eval(src) alt=0>',
  '<img srcset="https://example.org/a.jpg 1x, javascript:alert(1) 2x">',
  '<body onload=alert(1)>',
  '<input onfocus=alert(1) autofocus>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror="alert(1)"></video>',
  '<video poster=javascript:alert(1)></video>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="java\tscript:alert(1)">x</a>',
  '<a href="java\nscript:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="&#x6A;avascript:alert(1)">x</a>',
  '<a href="javascript&colon;alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="file:///etc/passwd">x</a>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:/">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<style>@import "https://evil.example/x.css";</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<p style="behavior:url(x.htc)">x</p>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<template><script>alert(1)</script></template>',
  '<a href="https://example.org/" target="_blank" onclick="alert(1)" onmouseover="alert(1)">x</a>',
  '<p onclick="alert(1)" class="caption">x</p>',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  '<blockquote cite="javascript:alert(1)">x</blockquote>',
  '<xmp><script>alert(1)</script></xmp>',
  '<textarea><script>alert(1)</script></textarea>',
];

/** Elements that may stand in sanitized HTML: text, structure, links, images and media. */
const SAFE_TAGS = new Set([
  'address', 'article', 'aside', 'footer', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'main', 'nav', 'section', 'blockquote', 'dd', 'div', 'dl', 'dt',
  'figcaption', 'figure', 'hr', 'li', 'menu', 'ol', 'p', 'pre', 'ul', 'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark',
  'q', 'rb', 'rp', 'rt', 'rtc', 'ruby', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'caption', 'col', 'colgroup', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'img', 'picture', 'source', 'video', 'audio', 'track', 'del', 'ins', 'details', 'summary',
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'poster', 'cite', 'action', 'formaction', 'data', 'background', 'xlink:href', 'longdesc', 'usemap']);
const SAFE_SCHEME = /^(?:https?|mailto|tel):/i;

/**
 * Everything active in HTML as a browser's tokenizer reads it (parse5, the
 * HTML standard's tokenizer): an element outside the safe set, an event
 * handler, a style, a URL whose scheme is not http(s), mailto or tel, a comment.
 */
function activeContent(html: string): string[] {
  const found: string[] = [];
  const parser = new SAXParser();
  parser.on('startTag', ({ tagName, attrs }) => {
    if (!SAFE_TAGS.has(tagName)) found.push(`<${tagName}>`);
    for (const { name, value } of attrs) {
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc') found.push(`${tagName} ${name}`);
      if (!URL_ATTRIBUTES.has(name)) continue;
      const urls = name === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
      // Browsers drop tabs and line breaks inside a URL, and leading spaces and controls, before reading its scheme.
      for (const url of urls.map((u) => u.replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+/, ''))) {
        if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url) && !SAFE_SCHEME.test(url)) found.push(`${tagName} ${name}="${value}"`);
      }
    }
  });
  parser.on('endTag', ({ tagName }) => {
    if (!SAFE_TAGS.has(tagName)) found.push(`</${tagName}>`);
  });
  parser.on('comment', ({ text }) => found.push(`<!--${text}-->`));
  parser.write(html);
  parser.end();
  return found;
}

describe('sanitize', () => {
  it('finds active content in every payload before sanitizing, so that the check below can fail', () => {
    for (const payload of PAYLOADS) expect(activeContent(payload), payload).not.toEqual([]);
  });

  it.each(PAYLOADS)('leaves nothing active of %j', (payload) => {
    const clean = sanitize(payload);
    expect(activeContent(clean)).toEqual([]);
    // Text keeps its "<" escaped, so a "<script" left in the output could only be a tag.
    expect(clean.toLowerCase()).not.toContain('<script');
    // Sanitized once is sanitized for good.
    expect(sanitize(clean)).toBe(clean);
  });

  it('keeps the text, structure, links, images and media of an ordinary article as written', () => {
    const article = [
      '<h2 id="what">What changed</h2>',
      '<p class="caption">Walkers cross the bridge. /Dispatch Photo</p>',
      '<p>The <a href="https://dispatch.example.com/trail" title="The trail">trail</a> reopens; write to <a href="mailto:desk@example.com">the desk</a>.</p>',
      '<figure><img src="https://dispatch.example.com/a.jpg" srcset="https://dispatch.example.com/a.jpg 1x, https://dispatch.example.com/a2.jpg 2x" alt="The bridge" width="640" height="480"><figcaption>The bridge</figcaption></figure>',
      '<ul><li>one</li><li><em>two</em> &amp; <strong>three</strong></li></ul>',
      '<table><thead><tr><th scope="col">Year</th></tr></thead><tbody><tr><td colspan="2">2025</td></tr></tbody></table>',
      '<pre><code>if (a &lt; b) return;</code></pre>',
      '<blockquote cite="https://example.org/q"><p>Quoted.</p></blockquote>',
      '<audio controls src="https://dispatch.example.com/a.mp3"></audio>',
    ].join('\n');
    expect(sanitize(article)).toBe(article.replace(/(<img[^>]*)>/, '$1 />'));
  });

  it('leaves nothing active in any HTML put together from tags, attributes and URLs, dangerous ones included', () => {
    const tag = fc.constantFrom('p', 'a', 'img', 'script', 'style', 'iframe', 'svg', 'math', 'object', 'form', 'video', 'source', 'div', 'noscript', 'template', 'textarea', 'table', 'td');
    const attr = fc.constantFrom('href', 'src', 'srcset', 'poster', 'onclick', 'onerror', 'style', 'class', 'formaction', 'action', 'data', 'srcdoc', 'background', 'cite', 'xlink:href');
    const url = fc.oneof(
      fc.constantFrom('javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:x', 'java\tscript:x', '&#106;avascript:x', 'vbscript:x', 'data:text/html,x', 'https://example.org/a', '/relative', 'mailto:a@b.c'),
      fc.string(),
    );
    const quote = fc.constantFrom('"', "'", '');
    const element: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { arbitrary: fc.string({ maxLength: 8 }), weight: 2 },
        {
          arbitrary: fc
            .tuple(tag, fc.array(fc.tuple(attr, quote, url), { maxLength: 3 }), fc.array(tie('node'), { maxLength: 3 }), fc.boolean())
            .map(([t, attrs, children, close]) => `<${t}${attrs.map(([a, q, v]) => ` ${a}=${q}${v}${q}`).join('')}>${children.join('')}${close ? `</${t}>` : ''}`),
          weight: 3,
        },
      ),
    })).node;
    fc.assert(
      fc.property(fc.array(element, { maxLength: 4 }), (parts) => {
        const clean = sanitize(parts.join(''));
        expect(activeContent(clean)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('config sanitize, through a build', () => {
  const record = (html: string) => JSON.stringify({ title: 'Harbor cranes return', published: '2024-05-16T11:55:00+08:00', content_html: html });
  const config = (extra: object) => ({ title: 'Wire', siteUrl: 'https://wire.example.org', author: 'Wire Desk', ...extra });
  const PAYLOAD = '<p>Cranes <b>restarted</b>.</p><script>alert(1)</script><img src="https://wire.example.org/a.jpg" onerror="alert(1)" alt=""><a href="javascript:alert(1)">more</a>';

  it('passes HTML through as the author wrote it by default', async () => {
    const dir = await makeProject({ 'articles/cranes.json': record(PAYLOAD) }, config({}));
    const { code, stderr } = await cli(['build'], dir);
    expect(code, stderr).toBe(0);
    const feed = JSON.parse(await readFile(join(dir, 'output', 'feed.json'), 'utf8'));
    expect(feed.items[0].content_html).toBe(PAYLOAD);
  });

  it('removes active content from every format with "sanitize": true, and the proof passes', async () => {
    const dir = await makeProject({ 'articles/cranes.json': record(PAYLOAD) }, config({ sanitize: true }));
    const { code, stderr } = await cli(['build'], dir);
    expect(code, stderr).toBe(0);
    const expected = '<p>Cranes <b>restarted</b>.</p><img src="https://wire.example.org/a.jpg" alt="" /><a>more</a>';
    const feed = JSON.parse(await readFile(join(dir, 'output', 'feed.json'), 'utf8'));
    expect(feed.items[0].content_html).toBe(expected);
    for (const name of ['feed.xml', 'atom.xml']) {
      const xml = await readFile(join(dir, 'output', name), 'utf8');
      expect(xml).toContain(`<![CDATA[${expected}]]>`);
      expect(xml).not.toMatch(/<script|javascript:|onerror/);
    }
  });

  it('keeps a reference to a character XML forbids as a reference, so that the feed stays well-formed', async () => {
    expect(sanitize('<p>bell &#7; and <a title="&#x1;">link</a>&#1</p>')).toBe('<p>bell &#x7; and <a title="&#x1;">link</a>&#x1;</p>');
    const dir = await makeProject({ 'articles/cranes.json': record('<p>Signal &#1; lost</p>') }, config({ sanitize: true }));
    const { code, stderr } = await cli(['build'], dir);
    expect(code, stderr).toBe(0);
    const feed = JSON.parse(await readFile(join(dir, 'output', 'feed.json'), 'utf8'));
    expect(feed.items[0].content_html).toBe('<p>Signal &#x1; lost</p>');
  });

    it('refuses a "sanitize" that is not true or false, naming the key', async () => {
    const dir = await makeProject({ 'articles/cranes.json': record(PAYLOAD) }, config({ sanitize: 'yes' }));
    const { code, stderr } = await cli(['build'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('"sanitize" must be true or false');
  });
});

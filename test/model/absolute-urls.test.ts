import { describe, expect, it } from 'vitest';
import { absoluteUrls } from '../../src/model/absolute-urls.js';

const BASE = 'https://site.example/articles/post/';

describe('absoluteUrls', () => {
  it.each([
    ['<a href="next/">n</a>', '<a href="https://site.example/articles/post/next/">n</a>'],
    ['<a href="/about">a</a>', '<a href="https://site.example/about">a</a>'],
    ['<a href="../other/">o</a>', '<a href="https://site.example/articles/other/">o</a>'],
    ['<a href="#notes">n</a>', '<a href="https://site.example/articles/post/#notes">n</a>'],
    ['<img src=pic.jpg alt=x>', '<img src="https://site.example/articles/post/pic.jpg" alt=x>'],
    ["<video poster='p.png'></video>", '<video poster="https://site.example/articles/post/p.png"></video>'],
    ['<img srcset="a.jpg 1x, /b.jpg 2x">', '<img srcset="https://site.example/articles/post/a.jpg 1x, https://site.example/b.jpg 2x">'],
    ['<a href="//cdn.example/x">x</a>', '<a href="https://cdn.example/x">x</a>'],
    ['<a href="q?a=1&amp;b=2">q</a>', '<a href="https://site.example/articles/post/q?a=1&amp;b=2">q</a>'],
  ])('makes %s absolute', (html, expected) => {
    expect(absoluteUrls(html, BASE)).toBe(expected);
  });

  it.each([
    '<a href="https://other.example/X">x</a>',
    '<a href="mailto:a@example.org">m</a>',
    '<img src="data:image/png;base64,AAAA">',
    '<a href="HTTPS://Other.Example">x</a>',
  ])('leaves %s exactly as written', (html) => {
    expect(absoluteUrls(html, BASE)).toBe(html);
  });

  it('touches nothing but the URL attributes: text, comments, other attributes and odd spacing stay', () => {
    const html = '<p class=lead data-href="x">href="y" <!-- <a href="z"> --> <A  HREF = "w"  title="t">W</A></p>';
    expect(absoluteUrls(html, BASE)).toBe('<p class=lead data-href="x">href="y" <!-- <a href="z"> --> <A  HREF="https://site.example/articles/post/w"  title="t">W</A></p>');
  });

  it('leaves text that only looks like a link alone', () => {
    const html = '<pre>&lt;a href="relative"&gt;</pre><code>src=x</code>';
    expect(absoluteUrls(html, BASE)).toBe(html);
  });

  it('makes URLs inside <noscript> absolute: a reader without scripts shows that markup', () => {
    expect(absoluteUrls('<noscript><img src="lazy.jpg"></noscript>', BASE)).toBe('<noscript><img src="https://site.example/articles/post/lazy.jpg"></noscript>');
  });

  it('reads markup as a browser does: raw-text elements hold no tags, a slash separates attributes, references are decoded', () => {
    const html = '<script>var s = \'<a href="in-script">\';</script><textarea><img src="in-textarea"></textarea><a/href=slash>s</a><a href="&#x2F;decoded">d</a>';
    expect(absoluteUrls(html, BASE)).toBe(
      '<script>var s = \'<a href="in-script">\';</script><textarea><img src="in-textarea"></textarea><a/href="https://site.example/articles/post/slash">s</a><a href="https://site.example/decoded">d</a>',
    );
  });
});

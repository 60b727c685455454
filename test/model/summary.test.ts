import { describe, expect, it } from 'vitest';
import { excerpt, shorten, SUMMARY_LENGTH } from '../../src/model/summary.js';

describe('excerpt', () => {
  it('takes the summary from the text before <!--more-->, and takes the marker out of the content', () => {
    const made = excerpt('<p>One &amp; <em>two</em>.</p>\n<p>Three.</p>\n<!--more-->\n<p>Four.</p>', true);
    expect(made.summary).toBe('One & two. Three.');
    expect(made.contentHtml).toBe('<p>One &amp; <em>two</em>.</p>\n<p>Three.</p>\n<p>Four.</p>');
  });

  it('knows the marker with any spacing and case, and takes every one out', () => {
    const made = excerpt('<p>Lead.</p><!--  More --><p>Body.</p><!-- more -->', true);
    expect(made.summary).toBe('Lead.');
    expect(made.contentHtml).toBe('<p>Lead.</p><p>Body.</p>');
  });

  it('takes a marker glued to the end of a paragraph out of it, as Markdown leaves it there', () => {
    const made = excerpt('<p>Join the community.<!--more--></p>\n<p>Details.</p>', true);
    expect(made.summary).toBe('Join the community.');
    expect(made.contentHtml).toBe('<p>Join the community.</p>\n<p>Details.</p>');
  });

  it('leaves other comments in the content', () => {
    expect(excerpt('<p>A</p><!-- note --><p>B</p>', false).contentHtml).toBe('<p>A</p><!-- note --><p>B</p>');
  });

  it('takes the first paragraph with text when there is no marker, past headings, scripts and empty paragraphs', () => {
    const made = excerpt('<h2>Heading</h2><script>if (a < b) {}</script><p> </p><p>First\n  <a href="/x">para</a>graph&nbsp;here.</p><p>Second.</p>', true);
    expect(made.summary).toBe('First paragraph here.');
  });

  it('falls back to all the text of a body with no paragraph, words kept apart at line breaks and blocks', () => {
    expect(excerpt('Line one<br>line two<div>three</div>', true).summary).toBe('Line one line two three');
  });

  it('uses the first paragraph when the marker has no text before it', () => {
    expect(excerpt('<!--more--><p>Only this.</p>', true).summary).toBe('Only this.');
  });

  it('gives no summary for a body with no text', () => {
    expect(excerpt('<img src="a.png" alt="A">', true).summary).toBeUndefined();
  });

  it('does not read the body when no summary is wanted and it holds no comment', () => {
    const html = '<p>Plain & simple</p>';
    expect(excerpt(html, false)).toEqual({ contentHtml: html });
  });
});

describe('shorten', () => {
  it('keeps a text of at most the limit as it is', () => {
    const text = 'a'.repeat(SUMMARY_LENGTH);
    expect(shorten(text)).toBe(text);
  });

  it('cuts a longer text after a whole word, with an ellipsis, within the limit', () => {
    const text = 'word '.repeat(100).trim();
    const cut = shorten(text);
    expect(Array.from(cut).length).toBeLessThanOrEqual(SUMMARY_LENGTH);
    expect(cut).toMatch(/ word…$/);
    expect(cut.endsWith(' …')).toBe(false);
  });

  it('drops a comma left at the cut', () => {
    const cut = shorten(`${'abcd, '.repeat(80)}`);
    expect(cut).toMatch(/abcd…$/);
  });

  it('cuts text without spaces at a character, never inside one', () => {
    const cut = shorten('字😀'.repeat(200));
    expect(Array.from(cut)).toHaveLength(SUMMARY_LENGTH);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(/[\uD800-\uDBFF]…$/);
  });
});

describe('excerpt, on references to characters XML forbids', () => {
  it('leaves them out of the summary, which is text and has no references', () => {
    expect(excerpt('<p>Signal &#x1; lost &#xFFFE;here</p>', true).summary).toBe('Signal lost here');
  });
});

describe('excerpt, on a long body with no marker', () => {
  it('gives the first paragraph, and the content unchanged', () => {
    const html = `<p>Opening words.</p>${'<p>filler text</p>'.repeat(10_000)}<p>Last</p>`;
    const made = excerpt(html, true);
    expect(made.summary).toBe('Opening words.');
    expect(made.contentHtml).toBe(html);
  });
});

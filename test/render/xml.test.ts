import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeAttr, escapeHtmlContent, escapeRssText, escapeText } from '../../src/render/xml.js';

describe('xml escaping', () => {
  it('escapes element text and attribute values', () => {
    expect(escapeText('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d');
    expect(escapeAttr('x"y<z&\n\t')).toBe('x&quot;y&lt;z&amp;&#xA;&#x9;');
  });

  it('writes & and < in RSS plain text as the hexadecimal references the Best Practices Profile asks for', () => {
    expect(escapeRssText('R&D <beta>')).toBe('R&#x26;D &#x3C;beta&#x3E;');
  });

  it('puts HTML in CDATA and splits every ]]> in it', () => {
    const html = '<p>a]]>b]]>c</p>';
    const out = escapeHtmlContent(html);
    expect(out).toBe('<![CDATA[<p>a]]]]><![CDATA[>b]]]]><![CDATA[>c</p>]]>');
    expect(XMLValidator.validate(`<x>${out}</x>`)).toBe(true);
  });

  it('escapes text that holds no markup instead of wrapping it in CDATA', () => {
    expect(escapeHtmlContent('Fish &amp; chips')).toBe('Fish &amp;amp; chips');
    expect(escapeHtmlContent('a]]>b')).toBe('a]]&gt;b');
  });
});

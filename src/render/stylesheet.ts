import { ATOM_NS } from '../vocabulary/formats.js';

/**
 * feedwright's own XSLT 1.0 stylesheet (written as feed.xsl under
 * `"stylesheet": true`): a browser that opens feed.xml or atom.xml shows a
 * page with the feed's title, what a feed is and how to subscribe, and each
 * item's title, link and dates, instead of raw XML. Feed readers ignore it.
 *
 * XSLT 1.0 only, and no `disable-output-escaping` (Firefox does not honour
 * it): the summaries, which feedwright writes as escaped plain text, are
 * unescaped by a template instead, so no markup from a feed reaches the page.
 */
export function render(): string {
  return STYLESHEET;
}

const STYLE = `
      :root { color-scheme: light dark; --muted: #5b6270; --rule: #d8dbe0; --note: #f3f5f8; }
      @media (prefers-color-scheme: dark) { :root { --muted: #a4abb8; --rule: #3a3f47; --note: #1e2228; } }
      body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 44rem; margin: 2.5rem auto; padding: 0 1.25rem; }
      header h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .4rem; }
      .description, .meta { color: var(--muted); margin: 0 0 .4rem; }
      .about { background: var(--note); border-radius: .5rem; padding: .9rem 1.1rem; margin: 1.6rem 0 2rem; }
      .about p { margin: .35rem 0; }
      main > h2 { font-size: 1rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
      .about code { word-break: break-all; font-size: .95em; }
      ol.items { list-style: none; padding: 0; margin: 0; }
      ol.items li { border-top: 1px solid var(--rule); padding: 1.1rem 0; }
      ol.items h3 { font-size: 1.2rem; line-height: 1.3; margin: 0 0 .3rem; }
      ol.items p { margin: .4rem 0 0; }
      a { color: #1a5fb4; }
      @media (prefers-color-scheme: dark) { a { color: #8ab4f8; } }
`;

const STYLESHEET = `<?xml version="1.0" encoding="UTF-8"?>
<!-- feedwright's feed page: shows an RSS 2.0 or Atom 1.0 feed as a readable page in a browser. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="${ATOM_NS}"
  exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:template match="/">
    <xsl:variable name="rss" select="/rss/channel"/>
    <xsl:variable name="atom" select="/atom:feed"/>
    <xsl:variable name="title" select="normalize-space($rss/title | $atom/atom:title)"/>
    <xsl:variable name="self" select="($rss/atom:link[@rel = 'self'] | $atom/atom:link[@rel = 'self'])[1]/@href"/>
    <xsl:variable name="home" select="($rss/link | $atom/atom:link[@rel = 'alternate'][1]/@href)[1]"/>
    <html>
      <xsl:attribute name="lang"><xsl:value-of select="($rss/language | $atom/@xml:lang)[1]"/></xsl:attribute>
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> (web feed)</title>
        <style>${STYLE}    </style>
      </head>
      <body>
        <header>
          <h1><xsl:value-of select="$title"/></h1>
          <p class="description"><xsl:value-of select="$rss/description | $atom/atom:subtitle"/></p>
          <xsl:if test="$home">
            <p class="meta">From <a href="{$home}"><xsl:value-of select="$home"/></a></p>
          </xsl:if>
        </header>
        <section class="about" aria-label="About this feed">
          <p><strong>This is a web feed</strong> (<xsl:choose><xsl:when test="$atom">Atom</xsl:when><xsl:otherwise>RSS</xsl:otherwise></xsl:choose>).
            A feed reader checks it for you and shows each new article as it is published, with no account and no e-mail.</p>
          <p>To subscribe, copy this address into your feed reader (NetNewsWire, Feedly, Inoreader, Miniflux, Thunderbird and many more):
            <code><xsl:value-of select="$self"/></code></p>
        </section>
        <main>
          <h2>Latest items</h2>
          <ol class="items">
            <xsl:apply-templates select="$rss/item | $atom/atom:entry"/>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <li>
      <h3><a href="{link}"><xsl:value-of select="title"/></a></h3>
      <p class="meta">
        Published <time><xsl:value-of select="pubDate"/></time>
        <xsl:if test="atom:updated">
          <xsl:text> · updated </xsl:text>
          <time datetime="{atom:updated}"><xsl:call-template name="instant"><xsl:with-param name="text" select="atom:updated"/></xsl:call-template></time>
        </xsl:if>
      </p>
      <xsl:if test="description">
        <p><xsl:call-template name="unescape"><xsl:with-param name="text" select="description"/></xsl:call-template></p>
      </xsl:if>
    </li>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <h3><a href="{(atom:link[@rel = 'alternate'] | atom:link[not(@rel)])[1]/@href}"><xsl:value-of select="atom:title"/></a></h3>
      <p class="meta">
        <xsl:if test="atom:published">
          <xsl:text>Published </xsl:text>
          <time datetime="{atom:published}"><xsl:call-template name="instant"><xsl:with-param name="text" select="atom:published"/></xsl:call-template></time>
          <xsl:text> · </xsl:text>
        </xsl:if>
        <xsl:text>updated </xsl:text>
        <time datetime="{atom:updated}"><xsl:call-template name="instant"><xsl:with-param name="text" select="atom:updated"/></xsl:call-template></time>
      </p>
      <xsl:if test="atom:summary">
        <p>
          <xsl:choose>
            <xsl:when test="atom:summary/@type = 'html'">
              <xsl:call-template name="unescape"><xsl:with-param name="text" select="atom:summary"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="atom:summary"/></xsl:otherwise>
          </xsl:choose>
        </p>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- An RFC 3339 date as "2024-05-16 11:55 (UTC+08:00)": the time and offset the author wrote. -->
  <xsl:template name="instant">
    <xsl:param name="text"/>
    <xsl:variable name="zone" select="substring($text, 20)"/>
    <xsl:value-of select="concat(substring($text, 1, 10), ' ', substring($text, 12, 5), ' (UTC')"/>
    <xsl:if test="$zone != 'Z'"><xsl:value-of select="$zone"/></xsl:if>
    <xsl:text>)</xsl:text>
  </xsl:template>

  <!-- HTML that holds only escaped text, back to that text, in one pass (so "&amp;lt;" stays "&lt;"). -->
  <xsl:template name="unescape">
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="contains($text, '&amp;')">
        <xsl:value-of select="substring-before($text, '&amp;')"/>
        <xsl:variable name="rest" select="substring-after($text, '&amp;')"/>
        <xsl:choose>
          <xsl:when test="starts-with($rest, 'amp;')"><xsl:text>&amp;</xsl:text><xsl:call-template name="unescape"><xsl:with-param name="text" select="substring($rest, 5)"/></xsl:call-template></xsl:when>
          <xsl:when test="starts-with($rest, 'lt;')"><xsl:text>&lt;</xsl:text><xsl:call-template name="unescape"><xsl:with-param name="text" select="substring($rest, 4)"/></xsl:call-template></xsl:when>
          <xsl:when test="starts-with($rest, 'gt;')"><xsl:text>&gt;</xsl:text><xsl:call-template name="unescape"><xsl:with-param name="text" select="substring($rest, 4)"/></xsl:call-template></xsl:when>
          <xsl:when test="starts-with($rest, 'quot;')"><xsl:text>"</xsl:text><xsl:call-template name="unescape"><xsl:with-param name="text" select="substring($rest, 6)"/></xsl:call-template></xsl:when>
          <xsl:when test="starts-with($rest, '#39;')"><xsl:text>'</xsl:text><xsl:call-template name="unescape"><xsl:with-param name="text" select="substring($rest, 5)"/></xsl:call-template></xsl:when>
          <xsl:otherwise><xsl:text>&amp;</xsl:text><xsl:call-template name="unescape"><xsl:with-param name="text" select="$rest"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
`;

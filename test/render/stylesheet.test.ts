import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/stylesheet.js';
import { BASE_CONFIG, article, cli, makeProject } from '../helpers.js';

const FILES = { 'articles/a.txt': article({ title: 'Harbor cranes return' }) };
const read = (dir: string, name: string) => readFile(join(dir, 'output', name), 'utf8');
const INSTRUCTION = '<?xml-stylesheet href="feed.xsl" type="text/xsl"?>';

describe('the feed page stylesheet', () => {
  it('is a well-formed XSLT 1.0 stylesheet with a template for RSS items and one for Atom entries', () => {
    const text = render();
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text).toContain('<xsl:stylesheet version="1.0"');
    expect(text).toContain('<xsl:template match="item">');
    expect(text).toContain('<xsl:template match="atom:entry">');
    expect(text).not.toContain('disable-output-escaping');
  });

  it('tells a person what a feed is and how to subscribe', () => {
    expect(render()).toContain('This is a web feed');
    expect(render()).toContain('To subscribe, copy this address into your feed reader');
  });

  it('is written as feed.xsl and linked from feed.xml and atom.xml under "stylesheet": true', async () => {
    const dir = await makeProject(FILES, { ...BASE_CONFIG, stylesheet: true });
    const { code, stdout } = await cli(['build'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('wrote feed.xml, atom.xml, feed.json, feed.xsl');
    expect(await read(dir, 'feed.xsl')).toBe(render());
    expect((await read(dir, 'feed.xml')).split('\n')[1]).toBe(INSTRUCTION);
    expect((await read(dir, 'atom.xml')).split('\n')[1]).toBe(INSTRUCTION);
    expect(await read(dir, 'feed.json')).not.toContain('xsl');
  });

  it("links a stylesheet URL of the user's own and writes none of its own", async () => {
    const dir = await makeProject(FILES, { ...BASE_CONFIG, stylesheet: 'https://wire.example.org/style/feed.xsl' });
    await cli(['build'], dir);
    expect(await read(dir, 'feed.xml')).toContain('<?xml-stylesheet href="https://wire.example.org/style/feed.xsl" type="text/xsl"?>');
    expect(await readdir(join(dir, 'output'))).not.toContain('feed.xsl');
  });

  it('refuses a stylesheet that is neither true nor a URL', async () => {
    const dir = await makeProject(FILES, { ...BASE_CONFIG, stylesheet: false });
    const { code, stderr } = await cli(['build'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('"stylesheet" must be true (feedwright writes its own feed.xsl) or the URL of your own XSLT stylesheet; found false');
  });
});

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';

/** The command in-process, with stdout and stderr captured; no command here touches the folder. */
async function cli(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: '/nonexistent' });
  return { code, stdout, stderr };
}

const COMMANDS = ['build', 'serve', 'check'] as const;

describe('feedwright --version', () => {
  it("prints the version in package.json and exits 0", async () => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      expect(await cli([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });
});

describe('feedwright --help', () => {
  it('prints every command to stdout and exits 0 for -h, --help and help', async () => {
    for (const flag of ['-h', '--help', 'help']) {
      const { code, stdout, stderr } = await cli([flag]);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      for (const command of COMMANDS) expect(stdout).toContain(`  feedwright ${command} [`);
      expect(stdout).toContain('feedwright --version');
    }
  });

  it('prints the same help to stderr and exits 2 when no command is given', async () => {
    const { code, stdout, stderr } = await cli([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe((await cli(['--help'])).stdout);
  });

  it('exits 2 for help on a command that does not exist', async () => {
    const { code, stdout, stderr } = await cli(['help', 'publish']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('unknown command "publish"');
  });
});

describe('feedwright COMMAND --help', () => {
  it.each(COMMANDS)('%s --help and -h print that command’s own usage to stdout and exit 0', async (command) => {
    for (const flag of ['--help', '-h']) {
      const { code, stdout, stderr } = await cli([command, flag]);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toMatch(new RegExp(`^Usage: feedwright ${command} \\[`));
      for (const other of COMMANDS.filter((c) => c !== command)) expect(stdout).not.toContain(`feedwright ${other}`);
      expect(stdout).toContain('-h, --help');
    }
  });

  it('names each option the command takes', async () => {
    const options = {
      build: ['--articles', '--out', '--config', '--utc', '--check', '--watch', '--future', '--strict', '--no-cache'],
      serve: ['--out', '--port', '--host', '--config'],
      check: ['--format', '--strict'],
    };
    for (const command of COMMANDS) {
      const { stdout } = await cli([command, '--help']);
      for (const option of options[command]) expect(stdout).toMatch(new RegExp(`^  ${option} `, 'm'));
    }
  });

  it('answers help even beside an argument that would not parse, and help COMMAND says the same', async () => {
    const help = await cli(['build', '--help']);
    expect(await cli(['build', '--frobnicate', '--help'])).toEqual(help);
    expect(await cli(['help', 'build'])).toEqual(help);
  });

  it('takes -h after "--" as a file name, not a request for help', async () => {
    const { code, stdout, stderr } = await cli(['check', '--', '-h']);
    expect(code).toBe(2);
    expect(stderr).toContain('feedwright check: cannot read -h');
    expect(stdout).not.toContain('Usage:');
  });

  it('ends a usage error with the usage of that command alone', async () => {
    const { code, stderr } = await cli(['serve', '--port', 'eighty']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^feedwright serve: --port must be a number from 0 to 65535; found "eighty"\n\nUsage: feedwright serve \[/);
    expect(stderr).not.toContain('feedwright build');
  });
});

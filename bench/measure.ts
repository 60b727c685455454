import { run } from '../src/cli/run.js';

/**
 * The CLI as a user runs it, in this process, with its own wall time and
 * peak memory printed as one JSON line on stderr at the end:
 * node build/bench/bench/measure.js build --articles … (any feedwright arguments).
 */
const start = performance.now();
let stdout = '';
const code = await run(process.argv.slice(2), { stdout: (t) => void (stdout += t), stderr: (t) => void process.stderr.write(t), cwd: process.cwd() });
process.stderr.write(`${JSON.stringify({ code, wallMs: performance.now() - start, maxRssMB: process.resourceUsage().maxRSS / 1024, stdout: stdout.trim() })}\n`);
process.exitCode = code;

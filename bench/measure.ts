import { run } from '../src/cli/run.js';

/**
 * The CLI as a user runs it, in this process, with its wall time and peak
 * memory printed as one JSON line on stderr at the end:
 * node build/bench/bench/measure.js build --articles … (any feedwright arguments).
 * The time counts from the start of the process (performance.now() is
 * measured from it), so that loading the code is counted as a user waits
 * for it.
 */
let stdout = '';
const code = await run(process.argv.slice(2), { stdout: (t) => void (stdout += t), stderr: (t) => void process.stderr.write(t), cwd: process.cwd() });
process.stderr.write(`${JSON.stringify({ code, wallMs: performance.now(), maxRssMB: process.resourceUsage().maxRSS / 1024, stdout: stdout.trim() })}\n`);
process.exitCode = code;

// Why feedwright renders Markdown with the library it does: CommonMark
// conformance (the spec's 652 examples, exact HTML) and speed on the spec text.
// Run: node bench/markdown-choice.mjs
import { performance } from 'node:perf_hooks';
import spec from 'commonmark-spec';
import MarkdownIt from 'markdown-it';
import { Marked } from 'marked'; // npm i --no-save marked@18.2.1 to rerun the comparison

const md = new MarkdownIt({ html: true });
const marked = new Marked({ gfm: false });
const candidates = {
  'markdown-it': (text) => md.render(text),
  marked: (text) => marked.parse(text, { async: false }),
};

const tab = (s) => s.replace(/→/g, '\t');
const corpus = spec.text.repeat(4);
for (const [name, render] of Object.entries(candidates)) {
  const passed = spec.tests.filter((t) => {
    try {
      return render(tab(t.markdown)) === tab(t.html);
    } catch {
      return false;
    }
  }).length;
  const times = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    render(corpus);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${name}: CommonMark ${passed}/${spec.tests.length} examples exact; ${(corpus.length / 1024).toFixed(0)} KiB in ${times[3].toFixed(1)} ms (median of 7)`);
}

import { CONFIG_FILE } from '../config/config.js';

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /** Milliseconds from some fixed point, for the summary line only. */
  readonly now?: () => number;
}

export const USAGE = `Usage:
  feedwright build [--articles DIR] [--out DIR] [--config FILE] [--utc] [--check]

  build      Build feed.xml (RSS 2.0), atom.xml (Atom 1.0) and feed.json (JSON Feed 1.1)
             from the article records in --articles (default: articles/) into --out
             (default: output/), proving each document before it is written.
    --config FILE  the config file (default: ${CONFIG_FILE})
    --utc          write every date in UTC instead of the offset its author wrote
    --check        write nothing; exit 1 when the output folder is stale or invalid (a CI gate)

Exit codes: 0 ok, 1 invalid input or output, 2 usage or config error.
`;

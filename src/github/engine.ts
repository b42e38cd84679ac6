// The review engine as the GitHub layer sees it: the same review() the CLI calls, plus config parsing.
// Declared structurally here so the App layer depends on the engine's contract, not on its modules.
import type { Config, InputSource, ReviewResult } from '../types.js';

/** Gives analysis the full content of touched files (the PR head here), so it sees whole functions. */
export interface TreeReader {
  /** Which side of the change `read` returns: the App always serves the head ("post") image. */
  image: 'pre' | 'post';
  /** The file's text, or undefined when it is unavailable (not touched, too large, over the count bound). */
  read(path: string): Promise<string | undefined>;
}

/** Options of `review()` (src/review.ts). The App never passes `extraRules`: it loads no plugins. */
export interface ReviewOptions {
  config: Config;
  tree?: TreeReader;
}

/** One invalid configuration property, by path (e.g. `github.maxComments`). */
export interface ConfigProblem {
  path: string;
  message: string;
}

/** Everything the App needs from the engine; `src/app.ts` wires the real modules in. */
export interface ReviewEngine {
  review(inputs: InputSource[], options: ReviewOptions): Promise<ReviewResult>;
  parseConfig(
    raw: unknown,
    opts: { source: string; knownRules: readonly string[] },
  ): { config: Config; errors: ConfigProblem[] };
  /** The configuration with every default applied (a fresh object per call). */
  defaultConfig(): Config;
  ruleIds(): string[];
}

// The GitHub App entry (`probot run ./dist/src/app.js`): wires the review engine into the App's
// event handling. Kept to the engine and src/github so start-up loads no CLI or reporter code.
import { defaultConfig, parseConfig } from './config/index.js';
import { createApp } from './github/handler.js';
import { review } from './review.js';
import { ruleIds } from './rules/index.js';

/** The Probot application function: reviews pull requests on open/reopen/push/ready and on re-run. */
export default createApp({ review, parseConfig, defaultConfig, ruleIds });

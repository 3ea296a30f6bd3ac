// Types are in `index.d.ts`.
export { default, excerpt, findTextQuote, indexText, markTextQuotes } from './lib/index.js';

// The public library API: analyse a change or whole files, and render the report.

export { runCheck as analyzeFiles, runDiff as analyzeDiff, UsageError } from './engine/run.js';
export type { Analysis, CheckOptions, DiffOptions, Progress } from './engine/run.js';
export { GitError } from './change/git.js';
export { PatchError } from './change/patch.js';
export { render, FORMATS, isFormat } from './report/format.js';
export type { Format, RenderOptions } from './report/format.js';
export { ecosystems } from './knowledge/index.js';
export type * from './knowledge/entry.js';
export type * from './ir/model.js';
export type * from './ir/report.js';
export { CATEGORIES, CONFIDENCE_RANK, RULE } from './ir/report.js';
export { VERSION } from './version.js';

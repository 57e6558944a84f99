// The functions a change touches: those whose body holds a changed line.

import type { FileModel, FunctionModel } from '../ir/model.js';
import { functionKey, type FunctionRef } from './program.js';

/**
 * For each changed line, the innermost function that holds it and the functions around that one;
 * the module's top-level code only when the line is there itself. These are the functions whose
 * paths a diff reports and whose callers and callees a diff must read.
 */
export function touchedFunctions(files: Iterable<FileModel>, changed: ReadonlyMap<string, ReadonlySet<number>>): FunctionRef[] {
  const out = new Map<string, FunctionRef>();
  for (const file of files) {
    const lines = changed.get(file.path);
    if (!lines || lines.size === 0) continue;
    for (const line of lines) {
      let fn = innermostFunction(file, line);
      if (fn) out.set(functionKey({ file, fn }), { file, fn });
      while (fn && fn.parent !== null) {
        fn = file.functions[fn.parent];
        if (fn && fn.parent !== null) out.set(functionKey({ file, fn }), { file, fn });
      }
    }
  }
  return [...out.values()];
}

/** The innermost function whose span holds `line` (the module pseudo-function when none does). */
export function innermostFunction(file: FileModel, line: number): FunctionModel | undefined {
  let best: FunctionModel | undefined;
  for (const fn of file.functions) {
    if (fn.span.line > line || line > fn.span.endLine) continue;
    if (!best || fn.span.endLine - fn.span.line <= best.span.endLine - best.span.line) best = fn;
  }
  return best;
}

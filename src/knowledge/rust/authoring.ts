// Helpers for writing the Rust catalog: dedented example source and the offload idioms.

import { exampleSource } from '../example-source.js';
import type { Category } from '../../ir/report.js';
import { blocking, type BlockingEntry } from '../entry.js';

/**
 * Rust source written inline in a catalog file: the template's raw text, without the first
 * newline and with the common indentation removed, ending in one newline. A multi-line value
 * interpolated into it is indented like the line it lands on.
 *
 *   rs`
 *     async fn pause() {
 *         std::thread::sleep(std::time::Duration::from_secs(1));
 *     }
 *   `
 */
export function rs(strings: TemplateStringsArray, ...values: readonly unknown[]): string {
  return exampleSource(strings, values);
}

/** The offload idioms for a blocking expression with no async counterpart, per runtime. */
export function offloaded(expr: string): readonly string[] {
  return [
    `tokio::task::spawn_blocking(move || ${expr}).await?`,
    `actix_web::web::block(move || ${expr}).await?`,
    `async_std::task::spawn_blocking(move || ${expr}).await`,
  ];
}

/** How a blocking entry's examples wrap its call: a statement in the body of an async fn. */
export interface AsyncFnFrame {
  /** The async fn's signature in the bad and in the good example (`async fn handle(path: String)`). */
  readonly bad: string;
  readonly good: string;
  /** Items written before the function (`use` declarations); when given, even empty, a line of its own. */
  readonly prelude?: string;
  /** The signature returns a `Result`: the body ends with `Ok(())`. */
  readonly result: boolean;
}

/** A blocking entry whose examples run `bad` and `good` as one statement inside an async fn. */
export function blockingInAsyncFn(
  id: string,
  category: Category,
  o: { match: readonly string[]; why: string; does: string; returns?: string; useInstead: readonly string[]; bad: string; good: string },
  frame: AsyncFnFrame,
): BlockingEntry {
  const tail = frame.result ? '\nOk(())' : '';
  const code = (signature: string, statement: string): string =>
    frame.prelude === undefined
      ? rs`
          ${signature} {
              ${statement};${tail}
          }
        `
      : rs`
          ${frame.prelude}
          ${signature} {
              ${statement};${tail}
          }
        `;
  return blocking({
    id: `rust:${id}`,
    match: o.match,
    category,
    why: o.why,
    does: o.does,
    ...(o.returns ? { returns: o.returns } : {}),
    useInstead: o.useInstead,
    example: { bad: code(frame.bad, o.bad), good: code(frame.good, o.good) },
  });
}

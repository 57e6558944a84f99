// Qualified names, as adapters and the catalog write them: dotted (`app.geo.lookup`), or a module
// path (`./lib/lookup`, `@koa/router`) followed by dotted members.

/** The last name of a qualified name or module path (`app.geo.lookup`, `./lib/lookup` → `lookup`). */
export function lastSegment(qname: string): string {
  return qname.slice(Math.max(qname.lastIndexOf('.'), qname.lastIndexOf('/')) + 1);
}

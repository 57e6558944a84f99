// Every user-facing failure is one clear line on stderr, `asyncguard: <what> ...`, naming the file
// or option, with exit code 2 and nothing on stdout; --debug adds the stack.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertUsageFailure, asyncguard, QUIET_PY, repository } from './harness.js';

const FAILURES: readonly (readonly [string, readonly string[], RegExp])[] = [
  ['an unknown command', ['frobnicate'], /^asyncguard: unknown command 'frobnicate' \(run asyncguard --help for usage\)\n$/],
  ['an unknown option', ['check', '--frobnicate'], /^asyncguard: unknown option '--frobnicate' \(run asyncguard --help for usage\)\n$/],
  ['a bad option value', ['check', '--format', 'xml'], /^asyncguard: option '-f, --format <format>' argument 'xml' is invalid\. Allowed choices are text, json, sarif, markdown, github\. \(run asyncguard --help for usage\)\n$/],
  ['a missing option value', ['diff', '--patch'], /^asyncguard: option '--patch <file>' argument missing \(run/],
  ['too many arguments', ['diff', 'a', 'b', 'c'], /^asyncguard: too many arguments for 'diff'\. Expected 2 arguments but got 3: a, b, c\. \(run/],
  ['--patch with revisions', ['diff', '--patch', 'x.patch', 'HEAD'], /^asyncguard: --patch cannot be combined with revisions\n$/],
  ['a bad size', ['check', '--max-file-size', '10x'], /^asyncguard: --max-file-size takes a number of bytes, with an optional k or m suffix \(got '10x'\)\n$/],
  ['a bad run budget', ['check', '--timeout', '1.5'], /^asyncguard: --timeout takes a whole number of seconds, 0 for no limit \(got '1\.5'\)\n$/],
  ['a bad file budget', ['check', '--file-timeout=-1'], /^asyncguard: --file-timeout takes a whole number of milliseconds, 0 for no limit \(got '-1'\)\n$/],
  ['a missing path', ['check', 'nope/', 'app/none.py'], /^asyncguard: no such file or folder: nope\/, app\/none\.py\n$/],
  ['an unknown revision', ['diff', 'no-such-branch'], /^asyncguard: unknown revision 'no-such-branch': no commit, branch or tag of that name in this repository\n$/],
  ['a revision with a line break, escaped rather than cut', ['diff', 'HEAD\nrm -rf x'], /^asyncguard: unknown revision 'HEAD\\nrm -rf x': no commit/],
  ['an empty revision', ['diff', ''], /^asyncguard: empty revision: name a commit, branch or tag\n$/],
];

describe('error messages', () => {
  const repo = repository({ 'app/api.py': QUIET_PY });
  for (const [what, args, message] of FAILURES) {
    it(`${what}: one line, exit 2`, () => {
      assertUsageFailure(asyncguard(repo, args), message);
    });
  }

  it('--debug adds the stack after the same line', () => {
    const r = asyncguard(repo, ['diff', 'no-such-branch', '--debug']);
    assert.equal(r.code, 2);
    const [first, ...rest] = r.stderr.split('\n');
    assert.equal(first, "asyncguard: unknown revision 'no-such-branch': no commit, branch or tag of that name in this repository");
    assert.ok(rest.some((line) => /^\s+at /.test(line)), r.stderr);
  });
});

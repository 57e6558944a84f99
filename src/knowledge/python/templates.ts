// Template loading that reads and compiles template files on the calling thread: Jinja2's Environment.

import type { Entry } from '../entry.js';
import { offloadable } from './offloadable.js';

export const entries: readonly Entry[] = [
  // Rendering is CPU work on a compiled template and is not listed; enable_async only makes rendering awaitable.
  offloadable('jinja2.Environment.get_template', {
    match: ['get_template', 'select_template', 'get_or_select_template'].flatMap((m) => [`jinja2.Environment.${m}`, `jinja2.environment.Environment.${m}`]),
    returns: 'jinja2.Template',
    category: 'file-io',
    why: "Jinja2's Environment.get_template asks the loader for the template, which reads the file and compiles it to Python on first use and, with auto_reload, checks the file's modification time on every later call, all synchronously, even in an enable_async environment.",
    does: 'loads a template file synchronously',
    instead: ['load the templates once at start-up (template = env.get_template("page.html") in module code), then await template.render_async(...) with enable_async=True'],
    imports: 'import jinja2',
    params: 'env: jinja2.Environment, name: str',
    fn: 'env.get_template',
    args: 'name',
  }),
];

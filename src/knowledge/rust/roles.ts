// Markers that put code in a known role: test attributes, the attributes that turn `async fn main`
// into a program's entry point, and runners that drive a program's top-level future from a
// synchronous `fn main`. `#[cfg(test)]` modules and the paths of tests, benchmarks, examples,
// build scripts and `src/bin/` binaries are recognised by the adapter.

import { role, type Entry, type RoleEntry } from '../entry.js';
import { rs } from './authoring.js';

/** A test attribute: the function it marks is a test, outside the rule's reach. */
function testAttribute(api: string, o: { attribute: string; what: string; aliases?: readonly string[] }): RoleEntry {
  return role({
    id: `rust:${api}`,
    match: [api, ...(o.aliases ?? [])],
    role: 'test',
    why: `#[${o.attribute}] ${o.what}: test code, where blocking calls do not stall a served runtime.`,
    example: {
      bad: rs`
        async fn webhook_is_retried() {
            std::thread::sleep(std::time::Duration::from_millis(300));
        }
      `,
      good: rs`
        #[${o.attribute}]
        async fn webhook_is_retried() {
            std::thread::sleep(std::time::Duration::from_millis(300));
        }
      `,
    },
  });
}

/** An attribute that makes `async fn main` the program's entry point: start-up code. */
function mainAttribute(api: string, o: { attribute: string; runtime: string; aliases?: readonly string[] }): RoleEntry {
  return role({
    id: `rust:${api}`,
    match: [api, ...(o.aliases ?? [])],
    role: 'startup',
    why: `#[${o.attribute}] starts ${o.runtime} and runs async fn main as the program's entry point: start-up code, before requests are served. Tasks it spawns are checked on their own.`,
    example: {
      bad: rs`
        async fn serve() {
            let _config = std::fs::read_to_string("config.toml").unwrap_or_default();
        }
      `,
      good: rs`
        #[${o.attribute}]
        async fn main() {
            let _config = std::fs::read_to_string("config.toml").unwrap_or_default();
        }
      `,
    },
  });
}

/** A runner called from synchronous `fn main`: the future it is given is the program's entry point. */
function runner(api: string, o: { setup: string; call: string; aliases?: readonly string[] }): RoleEntry {
  return role({
    id: `rust:runner:${api}`,
    match: [api, ...(o.aliases ?? [])],
    role: 'runner',
    why: `Called from fn main, ${api.replace(/\./g, '::')} drives the program's top-level future: its body is start-up code (it is a blocking wait of its own when called from async code).`,
    example: {
      bad: rs`
        async fn serve() {
            let _config = std::fs::read_to_string("config.toml").unwrap_or_default();
        }
      `,
      good: rs`
        async fn serve() {
            let _config = std::fs::read_to_string("config.toml").unwrap_or_default();
        }

        fn main() {
            ${o.setup}${o.call}(serve());
        }
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  testAttribute('std.prelude.v1.test', { attribute: 'test', what: 'marks a unit or integration test' }),
  testAttribute('tokio.test', { attribute: 'tokio::test', what: 'runs an async test on its own tokio runtime', aliases: ['tokio.macros.test'] }),
  testAttribute('actix_web.test', { attribute: 'actix_web::test', what: 'runs an async test on an actix runtime', aliases: ['actix_rt.test'] }),
  testAttribute('async_std.test', { attribute: 'async_std::test', what: 'runs an async test on async-std', aliases: ['smol_potat.test', 'futures_test.test'] }),
  testAttribute('sqlx.test', { attribute: 'sqlx::test', what: 'runs a test against a fresh test database' }),
  testAttribute('rstest.rstest', { attribute: 'rstest::rstest', what: 'marks a parameterised test', aliases: ['test_log.test', 'test_case.test_case', 'serial_test.serial', 'tracing_test.traced_test', 'std.prelude.v1.bench'] }),
  mainAttribute('tokio.main', { attribute: 'tokio::main', runtime: 'a tokio runtime', aliases: ['tokio.macros.main'] }),
  mainAttribute('actix_web.main', { attribute: 'actix_web::main', runtime: 'the actix system', aliases: ['actix_rt.main'] }),
  mainAttribute('async_std.main', { attribute: 'async_std::main', runtime: 'async-std', aliases: ['smol_potat.main', 'rocket.main', 'shuttle_runtime.main'] }),
  runner('tokio.runtime.Runtime.block_on', { setup: 'let rt = tokio::runtime::Runtime::new().expect("runtime");\n', call: 'rt.block_on' }),
  runner('futures.executor.block_on', { setup: '', call: 'futures::executor::block_on', aliases: ['async_std.task.block_on', 'smol.block_on', 'pollster.block_on', 'futures_lite.future.block_on'] }),
];

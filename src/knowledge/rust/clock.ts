// Clock reads: cheap in themselves, but a loop that spins on one without an `.await` is a busy wait.

import { clock, type ClockEntry, type Entry } from '../entry.js';
import { rs } from './authoring.js';

function clockRead(api: string, o: { what: string; returns?: string; params: string; cond: string; also?: readonly string[] }): ClockEntry {
  const readable = api.replace(/\.([A-Za-z_]+)$/, '::$1');
  return clock({
    id: `rust:${api}`,
    match: [api, ...(o.also ?? [])],
    ...(o.returns ? { returns: o.returns } : {}),
    why: `${readable} ${o.what}; polling it in a loop that never reaches an .await keeps the runtime worker busy until the deadline, starving every other task on it.`,
    example: {
      bad: rs`
        async fn wait_until(${o.params}) {
            while ${o.cond} {}
        }
      `,
      good: rs`
        async fn wait_until(${o.params}) {
            while ${o.cond} {
                tokio::time::sleep(std::time::Duration::from_millis(10)).await;
            }
        }
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  clockRead('std.time.Instant.now', { what: 'reads the monotonic clock', returns: 'std.time.Instant', params: 'deadline: std::time::Instant', cond: 'std::time::Instant::now() < deadline' }),
  clockRead('std.time.Instant.elapsed', {
    what: 'reads the monotonic clock to measure the time since an instant',
    params: 'start: std::time::Instant, budget: std::time::Duration',
    cond: 'start.elapsed() < budget',
    also: ['std.time.SystemTime.elapsed', 'tokio.time.Instant.elapsed'],
  }),
  clockRead('std.time.SystemTime.now', { what: 'reads the wall clock', returns: 'std.time.SystemTime', params: 'deadline: std::time::SystemTime', cond: 'std::time::SystemTime::now() < deadline' }),
  clockRead('tokio.time.Instant.now', { what: "reads tokio's monotonic clock", returns: 'tokio.time.Instant', params: 'deadline: tokio::time::Instant', cond: 'tokio::time::Instant::now() < deadline' }),
  clockRead('chrono.Utc.now', {
    what: 'reads the wall clock as a UTC date-time',
    params: 'deadline: chrono::DateTime<chrono::Utc>',
    cond: 'chrono::Utc::now() < deadline',
    also: ['chrono.Local.now', 'chrono.offset.Utc.now', 'chrono.offset.Local.now'],
  }),
];

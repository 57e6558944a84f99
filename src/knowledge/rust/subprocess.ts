// std::process: running a child process and waiting for it on the calling thread.

import { blocking, type BlockingEntry, type Entry, type } from '../entry.js';
import { rs } from './authoring.js';

function processCall(api: string, o: { what: string; does: string; returns?: string; bad: string; good: string; params?: string; goodParams?: string }): BlockingEntry {
  const readable = api.replace(/^std\.process\./, '').replace(/\./g, '::');
  return blocking({
    id: `rust:${api}`,
    match: [api],
    category: 'subprocess',
    why: `${readable} ${o.what} on the calling thread: a runtime worker thread waits for another program, and every task scheduled on it with it.`,
    does: o.does,
    ...(o.returns ? { returns: o.returns } : {}),
    useInstead: [
      'tokio::process::Command, with the same builder calls: .output().await / .status().await / .spawn()?.wait().await',
      'async_std::process::Command, awaited',
      'tokio::task::spawn_blocking(move || std::process::Command::new(program).output()).await?',
    ],
    example: {
      bad: rs`
        async fn disk_usage(${o.params ?? ''}) -> std::io::Result<()> {
            ${o.bad};
            Ok(())
        }
      `,
      good: rs`
        async fn disk_usage(${o.goodParams ?? ''}) -> std::io::Result<()> {
            ${o.good};
            Ok(())
        }
      `,
    },
  });
}

export const entries: readonly Entry[] = [
  processCall('std.process.Command.output', {
    what: 'runs the program to completion, collecting its output,',
    does: 'runs a child process and waits for it',
    returns: 'std.process.Output',
    bad: 'let _out = std::process::Command::new("df").arg("-h").output()?',
    good: 'let _out = tokio::process::Command::new("df").arg("-h").output().await?',
  }),
  processCall('std.process.Command.status', {
    what: 'runs the program to completion',
    does: 'runs a child process and waits for it',
    bad: 'let _status = std::process::Command::new("sync").status()?',
    good: 'let _status = tokio::process::Command::new("sync").status().await?',
  }),
  processCall('std.process.Command.spawn', {
    what: 'forks and executes the program (and later calls on the Child wait for it)',
    does: 'starts a child process',
    returns: 'std.process.Child',
    bad: 'let _child = std::process::Command::new("ffmpeg").arg("-version").spawn()?',
    good: 'let _child = tokio::process::Command::new("ffmpeg").arg("-version").spawn()?',
  }),
  processCall('std.process.Child.wait', {
    what: 'waits for the child to exit',
    does: 'waits for a child process',
    params: 'mut child: std::process::Child',
    goodParams: 'mut child: tokio::process::Child',
    bad: 'let _status = child.wait()?',
    good: 'let _status = child.wait().await?',
  }),
  processCall('std.process.Child.wait_with_output', {
    what: 'waits for the child to exit and reads its output',
    does: 'waits for a child process',
    returns: 'std.process.Output',
    params: 'child: std::process::Child',
    goodParams: 'child: tokio::process::Child',
    bad: 'let _out = child.wait_with_output()?',
    good: 'let _out = child.wait_with_output().await?',
  }),
  type({
    id: 'rust:std.process.Command.arg',
    match: ['arg', 'args', 'env', 'envs', 'env_remove', 'env_clear', 'current_dir', 'stdin', 'stdout', 'stderr', 'uid', 'gid', 'process_group', 'kill_on_drop', 'creation_flags', 'arg0'].map(
      (m) => `std.process.Command.${m}`,
    ),
    returns: 'std.process.Command',
  }),
];

// APIs that call the closures they are given on the caller's thread, before they return or as
// their result is consumed. Every Rust closure is lowered as running in place unless an offload
// claims it, so these entries document the rule and name the adapters for function references
// (`paths.iter().map(load_page)`), which run the referenced function in place too.

import { inPlace, type Entry, type InPlaceEntry } from '../entry.js';
import { rs } from './authoring.js';

function runsInPlace(id: string, o: { match: readonly string[]; what: string; bad: string; good: string; params: string; returns: string }): InPlaceEntry {
  return inPlace({
    id: `rust:${id}`,
    match: o.match,
    callableArgs: 'all',
    why: `${o.what} on the calling thread, so whatever the closure does counts as done by the caller.`,
    example: {
      bad: rs`
        async fn handle(${o.params}) -> ${o.returns} {
            ${o.bad}
        }
      `,
      good: rs`
        async fn handle(${o.params}) -> ${o.returns} {
            ${o.good}
        }
      `,
    },
  });
}

const ITERATOR = ['map', 'for_each', 'filter', 'filter_map', 'flat_map', 'fold', 'try_fold', 'try_for_each', 'any', 'all', 'find', 'find_map', 'position', 'inspect', 'take_while', 'skip_while', 'map_while', 'scan', 'partition', 'max_by_key', 'min_by_key', 'max_by', 'min_by', 'reduce', 'sum', 'collect'];
const OPTION = ['map', 'and_then', 'or_else', 'unwrap_or_else', 'map_or', 'map_or_else', 'filter', 'get_or_insert_with', 'ok_or_else', 'is_some_and', 'inspect'];
const RESULT = ['map', 'and_then', 'or_else', 'unwrap_or_else', 'map_or', 'map_or_else', 'map_err', 'is_ok_and', 'inspect', 'inspect_err'];

export const entries: readonly Entry[] = [
  runsInPlace('std.iter.Iterator', {
    match: ['std.iter.Iterator', 'std.slice.Iter', 'std.vec.IntoIter', 'std.collections.hash_map.Iter', 'std.ops.Range'].flatMap((t) => ITERATOR.map((m) => `${t}.${m}`)),
    what: "Iterator adapters (map, filter, for_each, fold...) call their closure for each item as the iterator is consumed",
    params: 'paths: Vec<String>',
    returns: 'usize',
    bad: 'paths.iter().map(|p| std::fs::metadata(p).map(|m| m.len() as usize).unwrap_or(0)).sum()',
    good: 'paths.iter().map(|p| p.len()).sum()',
  }),
  runsInPlace('std.option.Option', {
    match: OPTION.map((m) => `std.option.Option.${m}`),
    what: 'Option combinators (map, and_then, unwrap_or_else...) call their closure immediately',
    params: 'path: Option<String>',
    returns: 'String',
    bad: 'path.map(|p| std::fs::read_to_string(p).unwrap_or_default()).unwrap_or_default()',
    good: 'path.map(|p| p.to_uppercase()).unwrap_or_default()',
  }),
  runsInPlace('std.result.Result', {
    match: RESULT.map((m) => `std.result.Result.${m}`),
    what: 'Result combinators (map, and_then, unwrap_or_else...) call their closure immediately',
    params: 'path: Result<String, String>',
    returns: 'String',
    bad: 'path.map(|p| std::fs::read_to_string(p).unwrap_or_default()).unwrap_or_default()',
    good: 'path.map(|p| p.to_uppercase()).unwrap_or_default()',
  }),
  runsInPlace('std.collections.hash_map.Entry', {
    match: ['std.collections.hash_map.Entry.or_insert_with', 'std.collections.hash_map.Entry.or_insert_with_key', 'std.collections.hash_map.Entry.and_modify', 'std.collections.btree_map.Entry.or_insert_with', 'std.collections.btree_map.Entry.and_modify'],
    what: "Map entries' or_insert_with and and_modify call their closure immediately",
    params: 'mut cache: std::collections::HashMap<String, String>, key: String',
    returns: 'String',
    bad: 'cache.entry(key.clone()).or_insert_with(|| std::fs::read_to_string(&key).unwrap_or_default()).clone()',
    good: 'cache.entry(key.clone()).or_insert_with(String::new).clone()',
  }),
];

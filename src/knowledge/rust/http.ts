// Blocking HTTP clients: reqwest's `blocking` module, ureq and attohttpc. Building a request only
// fills in a struct; the request is made where it is sent, and reading a blocking response's body
// waits on the network again.

import { type BlockingEntry, type Entry, type } from '../entry.js';
import { blockingInAsyncFn } from './authoring.js';

const REQUEST = 'performs a blocking HTTP request';
const BODY = "reads an HTTP response's body from the network";

function httpCall(id: string, o: { match: readonly string[]; why: string; does: string; returns?: string; useInstead: readonly string[]; bad: string; good: string; params?: string }): BlockingEntry {
  const signature = `async fn probe(url: String${o.params ?? ''}) -> Result<(), Box<dyn std::error::Error>>`;
  return blockingInAsyncFn(id, 'network-io', o, { bad: signature, good: signature, result: true });
}

const REQWEST_INSTEAD = [
  'reqwest::Client (the async client): client.get(url).send().await?',
  'reqwest::get(url).await?',
  'tokio::task::spawn_blocking(move || reqwest::blocking::get(url)).await?',
];

const methods = ['get', 'post', 'put', 'patch', 'delete', 'head', 'request'];
const builderMethods = ['header', 'headers', 'json', 'form', 'body', 'query', 'timeout', 'basic_auth', 'bearer_auth', 'multipart', 'version'];

export const entries: readonly Entry[] = [
  // reqwest::blocking
  httpCall('reqwest.blocking.get', {
    match: ['reqwest.blocking.get'],
    why: 'reqwest::blocking::get sends a GET request and waits for the response on the calling thread; on a runtime worker thread it stalls every task there (and reqwest panics if it notices it runs inside a runtime).',
    does: REQUEST,
    returns: 'reqwest.blocking.Response',
    useInstead: REQWEST_INSTEAD,
    bad: 'let _resp = reqwest::blocking::get(&url)?',
    good: 'let _resp = reqwest::get(&url).await?',
  }),
  httpCall('reqwest.blocking.RequestBuilder.send', {
    match: ['reqwest.blocking.RequestBuilder.send'],
    why: "reqwest::blocking's RequestBuilder::send performs the request and waits for the response headers on the calling thread, stalling the runtime worker.",
    does: REQUEST,
    returns: 'reqwest.blocking.Response',
    useInstead: REQWEST_INSTEAD,
    bad: 'let _resp = reqwest::blocking::Client::new().post(&url).body("ping").send()?',
    good: 'let _resp = reqwest::Client::new().post(&url).body("ping").send().await?',
  }),
  httpCall('reqwest.blocking.Client.execute', {
    match: ['reqwest.blocking.Client.execute'],
    why: "reqwest::blocking's Client::execute performs a prepared request and waits for the response on the calling thread.",
    does: REQUEST,
    returns: 'reqwest.blocking.Response',
    useInstead: ['reqwest::Client::execute(request).await?', ...REQWEST_INSTEAD.slice(2)],
    params: ', client: reqwest::blocking::Client, request: reqwest::blocking::Request',
    bad: 'let _resp = client.execute(request)?',
    good: 'let _resp = reqwest::Client::new().get(&url).send().await?',
  }),
  httpCall('reqwest.blocking.Response.text', {
    match: ['text', 'json', 'bytes', 'copy_to', 'read', 'read_to_end', 'read_to_string'].map((m) => `reqwest.blocking.Response.${m}`),
    why: "A reqwest::blocking Response streams its body from the connection: text(), json(), bytes() and reads wait on the network on the calling thread.",
    does: BODY,
    useInstead: ['the async reqwest::Response: resp.text().await?', ...REQWEST_INSTEAD.slice(2)],
    params: ', resp: reqwest::blocking::Response',
    bad: 'let _body = resp.text()?',
    good: 'let _body = reqwest::get(&url).await?.text().await?',
  }),
  type({ id: 'rust:reqwest.blocking.Client.get', match: methods.map((m) => `reqwest.blocking.Client.${m}`), returns: 'reqwest.blocking.RequestBuilder' }),
  type({ id: 'rust:reqwest.blocking.RequestBuilder.header', match: builderMethods.map((m) => `reqwest.blocking.RequestBuilder.${m}`), returns: 'reqwest.blocking.RequestBuilder' }),
  type({ id: 'rust:reqwest.blocking.Client.builder', match: ['reqwest.blocking.Client.builder', 'reqwest.blocking.ClientBuilder.new'], returns: 'reqwest.blocking.ClientBuilder' }),
  type({
    id: 'rust:reqwest.blocking.ClientBuilder.timeout',
    match: ['timeout', 'connect_timeout', 'user_agent', 'default_headers', 'pool_max_idle_per_host', 'redirect', 'proxy', 'gzip', 'danger_accept_invalid_certs', 'https_only'].map((m) => `reqwest.blocking.ClientBuilder.${m}`),
    returns: 'reqwest.blocking.ClientBuilder',
  }),
  type({ id: 'rust:reqwest.blocking.ClientBuilder.build', match: ['reqwest.blocking.ClientBuilder.build'], returns: 'reqwest.blocking.Client' }),

  // ureq: every request is synchronous.
  httpCall('ureq.Request.call', {
    match: ['call', 'send', 'send_json', 'send_string', 'send_form', 'send_bytes', 'send_empty'].flatMap((m) => [`ureq.Request.${m}`, `ureq.RequestBuilder.${m}`]),
    why: 'ureq is a blocking HTTP client: call() and the send methods perform the request and wait for the response on the calling thread.',
    does: REQUEST,
    returns: 'ureq.Response',
    useInstead: ['reqwest::Client::new().get(url).send().await?', 'tokio::task::spawn_blocking(move || ureq::get(&url).call()).await?'],
    bad: 'let _resp = ureq::get(&url).call()?',
    good: 'let _resp = reqwest::get(&url).await?',
  }),
  httpCall('ureq.Response.into_string', {
    match: ['into_string', 'into_json', 'into_reader', 'read_to_string', 'read_json', 'into_body'].flatMap((m) => [`ureq.Response.${m}`]),
    why: "A ureq Response streams its body from the connection: into_string(), into_json() and reads wait on the network on the calling thread.",
    does: BODY,
    useInstead: ['the async reqwest::Response: resp.text().await?', 'tokio::task::spawn_blocking(move || resp.into_string()).await?'],
    params: ', resp: ureq::Response',
    bad: 'let _body = resp.into_string()?',
    good: 'let _body = reqwest::get(&url).await?.text().await?',
  }),
  type({ id: 'rust:ureq.get', match: methods.flatMap((m) => [`ureq.${m}`, `ureq.Agent.${m}`]), returns: 'ureq.Request' }),
  type({ id: 'rust:ureq.Request.set', match: ['set', 'header', 'query', 'timeout', 'config'].map((m) => `ureq.Request.${m}`), returns: 'ureq.Request' }),
  type({ id: 'rust:ureq.agent', match: ['ureq.agent', 'ureq.AgentBuilder.build', 'ureq.Agent.new_with_defaults'], returns: 'ureq.Agent' }),

  // attohttpc
  httpCall('attohttpc.RequestBuilder.send', {
    match: ['attohttpc.RequestBuilder.send', 'attohttpc.PreparedRequest.send'],
    why: 'attohttpc is a blocking HTTP client: send() performs the request and waits for the response on the calling thread.',
    does: REQUEST,
    returns: 'attohttpc.Response',
    useInstead: ['reqwest::Client::new().get(url).send().await?', 'tokio::task::spawn_blocking(move || attohttpc::get(&url).send()).await?'],
    bad: 'let _resp = attohttpc::get(&url).send()?',
    good: 'let _resp = reqwest::get(&url).await?',
  }),
  httpCall('attohttpc.Response.text', {
    match: ['text', 'json', 'bytes', 'text_utf8', 'write_to'].map((m) => `attohttpc.Response.${m}`),
    why: "An attohttpc Response streams its body from the connection: text(), json() and bytes() wait on the network on the calling thread.",
    does: BODY,
    useInstead: ['the async reqwest::Response: resp.text().await?'],
    params: ', resp: attohttpc::Response',
    bad: 'let _body = resp.text()?',
    good: 'let _body = reqwest::get(&url).await?.text().await?',
  }),
  type({ id: 'rust:attohttpc.get', match: methods.map((m) => `attohttpc.${m}`), returns: 'attohttpc.RequestBuilder' }),
  type({
    id: 'rust:attohttpc.RequestBuilder.header',
    match: ['header', 'param', 'params', 'json', 'text', 'bytes', 'form', 'timeout', 'bearer_auth', 'basic_auth', 'connect_timeout', 'read_timeout'].map((m) => `attohttpc.RequestBuilder.${m}`),
    returns: 'attohttpc.RequestBuilder',
  }),
];

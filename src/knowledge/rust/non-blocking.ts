// Families known not to block a runtime thread: the async runtimes, async clients and drivers
// whose I/O is awaited, and the web frameworks and utility crates that do only in-memory work.
//
// A family is named with wildcards; an exact or longer entry of another kind inside it wins for its
// own name (tokio::runtime::Runtime::block_on is blocking, tokio::task::spawn_blocking an offload,
// reqwest::blocking has entries of its own).

import { nonBlocking, type Entry, type NonBlockingEntry } from '../entry.js';
import { rs } from './authoring.js';

function family(id: string, o: { match: readonly string[]; why: string; bad: string; good: string }): NonBlockingEntry {
  return nonBlocking({ id: `rust:${id}`, match: o.match, why: o.why, example: { bad: o.bad, good: o.good } });
}

const READ_FILE = rs`
  async fn page(path: String) -> std::io::Result<String> {
      std::fs::read_to_string(&path)
  }
`;

const BLOCKING_GET = rs`
  async fn fetch(url: String) -> Result<String, reqwest::Error> {
      reqwest::blocking::get(&url)?.text()
  }
`;

const SLEEP = rs`
  async fn pause() {
      std::thread::sleep(std::time::Duration::from_millis(50));
  }
`;

const SQLITE = rs`
  async fn count(conn: &rusqlite::Connection) -> rusqlite::Result<i64> {
      conn.query_row("SELECT count(*) FROM users", [], |row| row.get(0))
  }
`;

export const entries: readonly Entry[] = [
  // The runtimes.
  family('tokio', {
    match: ['tokio.*', 'tokio_util.*', 'tokio_stream.*', 'mio.*'],
    why: "tokio's APIs are async (fs, net, process, time, sync, io) or quick bookkeeping; tokio::fs runs its file I/O on the blocking pool, and mio's sockets are non-blocking. Its blocking bridges (block_on, blocking_recv, blocking_lock) have entries of their own.",
    bad: READ_FILE,
    good: rs`
      async fn page(path: String) -> std::io::Result<String> {
          tokio::fs::read_to_string(&path).await
      }
    `,
  }),
  family('async_std', {
    match: ['async_std.*', 'smol.*', 'async_io.*', 'async_fs.*', 'async_net.*', 'async_process.*', 'futures_lite.*', 'async_channel.*', 'async_lock.*', 'event_listener.*'],
    why: "async-std and smol's APIs are async: their files, sockets, processes and timers are awaited, and file I/O runs on a blocking pool. Their block_on functions have entries of their own.",
    bad: READ_FILE,
    good: rs`
      async fn page(path: String) -> std::io::Result<String> {
          async_std::fs::read_to_string(&path).await
      }
    `,
  }),
  family('futures', {
    match: ['futures.*', 'futures_util.*', 'futures_core.*', 'async_trait.*', 'pin_project.*', 'pin_project_lite.*'],
    why: 'The futures crates combine and drive futures without blocking (join_all, select, streams, channels); futures::executor::block_on has an entry of its own.',
    bad: SLEEP,
    good: rs`
      async fn pause() {
          futures::future::join_all(vec![tokio::time::sleep(std::time::Duration::from_millis(50))]).await;
      }
    `,
  }),

  // HTTP clients and servers.
  family('reqwest', {
    match: ['reqwest.*'],
    why: "reqwest's default Client is async: its requests and response bodies are awaited. Its blocking module has entries of its own.",
    bad: BLOCKING_GET,
    good: rs`
      async fn fetch(url: String) -> Result<String, reqwest::Error> {
          let client = reqwest::Client::new();
          client.get(&url).header("accept", "text/plain").send().await?.text().await
      }
    `,
  }),
  family('hyper', {
    match: ['hyper.*', 'hyper_util.*', 'http.*', 'http_body.*', 'http_body_util.*', 'h2.*', 'headers.*', 'tower.*', 'tower_http.*', 'tower_layer.*', 'tower_service.*'],
    why: 'hyper, http and tower build and serve requests asynchronously; their request and response types are in-memory values.',
    bad: BLOCKING_GET,
    good: rs`
      async fn fetch(url: String) -> Result<String, reqwest::Error> {
          let _req = http::Request::builder().uri(&url).body(()).expect("request");
          reqwest::get(&url).await?.text().await
      }
    `,
  }),
  family('axum', {
    match: ['axum.*', 'axum_extra.*', 'axum_core.*'],
    why: 'axum handlers are async functions; its routers, extractors and responses are in-memory values.',
    bad: READ_FILE,
    good: rs`
      async fn page(path: String) -> std::io::Result<axum::response::Html<String>> {
          Ok(axum::response::Html(tokio::fs::read_to_string(&path).await?))
      }
    `,
  }),
  family('actix_web', {
    match: ['actix_web.*', 'actix_rt.*', 'actix.*', 'actix_files.*', 'actix_cors.*', 'actix_session.*', 'actix_http.*', 'actix_service.*'],
    why: "actix-web handlers are async functions run on the worker's single-threaded runtime; its request, response and extractor types are in-memory values. web::block is an offload of its own.",
    bad: READ_FILE,
    good: rs`
      async fn page(path: String) -> actix_web::HttpResponse {
          match tokio::fs::read_to_string(&path).await {
              Ok(body) => actix_web::HttpResponse::Ok().content_type("text/html").body(body),
              Err(_) => actix_web::HttpResponse::NotFound().finish(),
          }
      }
    `,
  }),
  family('tonic', {
    match: ['tonic.*', 'prost.*', 'prost_types.*'],
    why: 'tonic services and clients are async: RPCs are awaited, and requests and responses are in-memory values.',
    bad: READ_FILE,
    good: rs`
      async fn page(path: String) -> Result<tonic::Response<String>, tonic::Status> {
          let body = tokio::fs::read_to_string(&path).await.map_err(|e| tonic::Status::internal(e.to_string()))?;
          Ok(tonic::Response::new(body))
      }
    `,
  }),
  family('warp', {
    match: ['warp.*', 'poem.*', 'rocket.*', 'salvo.*', 'tide.*', 'ntex.*', 'loco_rs.*', 'leptos.*', 'dioxus.*'],
    why: "These web frameworks run async handlers; their filters, routes, requests and responses are in-memory values.",
    bad: READ_FILE,
    good: rs`
      async fn page(path: String) -> std::io::Result<warp::reply::Html<String>> {
          Ok(warp::reply::html(tokio::fs::read_to_string(&path).await?))
      }
    `,
  }),
  family('tokio_tungstenite', {
    match: ['tokio_tungstenite.*', 'async_tungstenite.*', 'lapin.*', 'async_nats.*', 'rdkafka.*', 'rumqttc.*', 'fred.*', 'aws_sdk_s3.*', 'aws_sdk_dynamodb.*', 'aws_sdk_sqs.*', 'aws_sdk_sns.*', 'aws_config.*', 'google_cloud_storage.*', 'object_store.*'],
    why: 'These clients (websockets, AMQP, NATS, Kafka, MQTT, AWS and cloud storage SDKs) are async: their operations return futures that are awaited.',
    bad: BLOCKING_GET,
    good: rs`
      async fn fetch(url: String) -> Result<String, Box<dyn std::error::Error>> {
          let (_socket, _response) = tokio_tungstenite::connect_async(&url).await?;
          Ok(String::new())
      }
    `,
  }),

  // Databases.
  family('sqlx', {
    match: ['sqlx.*', 'sea_orm.*', 'sea_query.*', 'tokio_postgres.*', 'diesel_async.*', 'mysql_async.*', 'tiberius.*', 'scylla.*', 'tokio_rusqlite.*', 'libsql.*', 'surrealdb.*', 'mongodb.*', 'redis.aio.*', 'deadpool_redis.*', 'bb8_redis.*', 'elasticsearch.*', 'qdrant_client.*'],
    why: 'These database drivers and ORMs are async: queries return futures that are awaited while the connection waits on the network. (mongodb::sync has entries of its own.)',
    bad: SQLITE,
    good: rs`
      async fn count(pool: &sqlx::SqlitePool) -> Result<i64, sqlx::Error> {
          sqlx::query_scalar("SELECT count(*) FROM users").fetch_one(pool).await
      }
    `,
  }),
  family('deadpool', {
    match: ['deadpool.*', 'deadpool_postgres.*', 'deadpool_diesel.*', 'deadpool_sqlite.*', 'deadpool_sync.*', 'bb8.*', 'bb8_postgres.*', 'mobc.*'],
    why: 'deadpool, bb8 and mobc hand out connections asynchronously: pool.get().await suspends the task, not the thread, while it waits for a free connection.',
    bad: SQLITE,
    good: rs`
      async fn count(pool: &deadpool_postgres::Pool) -> Result<i64, Box<dyn std::error::Error>> {
          let client = pool.get().await?;
          Ok(client.query_one("SELECT count(*) FROM users", &[]).await?.get(0))
      }
    `,
  }),

  // In-memory crates.
  family('serde', {
    match: ['serde.*', 'serde_json.*', 'serde_yaml.*', 'serde_urlencoded.*', 'serde_with.*', 'toml.*', 'bincode.*', 'rmp_serde.*', 'ciborium.*', 'csv_async.*', 'quick_xml.*'],
    why: 'serde and its formats serialise and parse values in memory; reading the input from a file or socket is a separate call.',
    bad: READ_FILE,
    good: rs`
      async fn page(path: String) -> std::io::Result<String> {
          let text = tokio::fs::read_to_string(&path).await?;
          let _doc: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
          Ok(text)
      }
    `,
  }),
  family('tracing', {
    match: ['tracing.*', 'tracing_subscriber.*', 'tracing_futures.*', 'log.*', 'env_logger.*', 'metrics.*', 'opentelemetry.*', 'prometheus.*', 'sentry.*'],
    why: 'Logging, tracing and metrics calls record events in memory and hand them to their exporters; they do not wait on I/O in the calling task.',
    bad: SLEEP,
    good: rs`
      async fn pause() {
          tracing::info!("pausing");
          tokio::time::sleep(std::time::Duration::from_millis(50)).await;
      }
    `,
  }),
  family('anyhow', {
    match: ['anyhow.*', 'thiserror.*', 'eyre.*', 'color_eyre.*', 'uuid.*', 'chrono.*', 'time.*', 'rand.*', 'regex.*', 'once_cell.*', 'lazy_static.*', 'bytes.*', 'dashmap.*', 'parking_lot.*', 'crossbeam.*', 'crossbeam_channel.*', 'flume.*', 'base64.*', 'hex.*', 'sha2.*', 'sha1.*', 'sha3.*', 'md5.*', 'hmac.*', 'digest.*', 'blake3.*', 'ring.*', 'rustls.*', 'webpki.*', 'aes_gcm.*', 'chacha20poly1305.*', 'ed25519_dalek.*', 'jsonwebtoken.*', 'url.*', 'mime.*', 'validator.*', 'itertools.*', 'indexmap.*', 'smallvec.*', 'either.*', 'strum.*', 'semver.*', 'humantime.*', 'rust_decimal.*', 'num.*', 'clap.*'],
    why: 'These crates work on values in memory (errors, ids, dates, random numbers, regexes, encodings, hashes and ciphers, TLS state, collections); their blocking exceptions, such as a parking_lot lock held across an await, a crossbeam recv or ring::pbkdf2, have entries of their own.',
    bad: SLEEP,
    good: rs`
      async fn pause() {
          let _id = uuid::Uuid::new_v4();
          tokio::time::sleep(std::time::Duration::from_millis(50)).await;
      }
    `,
  }),
];

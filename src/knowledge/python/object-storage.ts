// Synchronous object-storage clients whose every operation is a blocking HTTPS request: Google Cloud Storage, Azure Blob Storage and MinIO.

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { py, toThread } from './authoring.js';
import { offloadable, threadCall } from './offloadable.js';

/** The names each Google Cloud Storage class is imported by (types.ts gives the first). */
const GCS: Record<'Client' | 'Bucket' | 'Blob', readonly string[]> = {
  Client: ['google.cloud.storage.Client', 'google.cloud.storage.client.Client'],
  Bucket: ['google.cloud.storage.Bucket', 'google.cloud.storage.bucket.Bucket'],
  Blob: ['google.cloud.storage.Blob', 'google.cloud.storage.blob.Blob'],
};

/** The parameter each class has in the examples. */
const GCS_PARAM = { Client: 'client', Bucket: 'bucket', Blob: 'blob' } as const;

/**
 * A Google Cloud Storage method: one or more JSON API requests through an authorized requests
 * session. `good` is the gcloud-aio-storage call that replaces it (`storage`: a
 * `gcloud.aio.storage.Storage`), or the thread offload when there is none.
 */
function gcsMethod(cls: 'Client' | 'Bucket' | 'Blob', method: string, o: {
  aliases?: readonly string[];
  returns?: string;
  what: string;
  does: string;
  args: string;
  good?: string;
}): BlockingEntry {
  const names = GCS[cls];
  const receiver = GCS_PARAM[cls];
  const params = `${receiver}: storage.${cls}, name: str, data: bytes, path: str`;
  const offloaded = threadCall(`${receiver}.${method}`, o.args);
  return blocking({
    id: `python:${names[0]}.${method}`,
    match: [method, ...(o.aliases ?? [])].flatMap((m) => names.map((n) => `${n}.${m}`)),
    ...(o.returns ? { returns: o.returns } : {}),
    category: 'network-io',
    why: `google.cloud.storage ${cls}.${method} ${o.what}; each request to the Cloud Storage JSON API is a blocking HTTPS call (through requests), retried with sleeps on transient errors, on the calling thread.`,
    does: o.does,
    useInstead: [...(o.good ? [`${o.good}  # storage: gcloud.aio.storage.Storage (gcloud-aio-storage)`] : []), ...toThread(offloaded)],
    example: {
      bad: py`
        from google.cloud import storage

        async def handle(${params}):
            return ${receiver}.${method}(${o.args})
      `,
      good: o.good
        ? py`
            from gcloud.aio.storage import Storage

            async def handle(storage: Storage, name: str, data: bytes, path: str):
                return ${o.good}
          `
        : py`
            import asyncio
            from google.cloud import storage

            async def handle(${params}):
                return await asyncio.to_thread(${offloaded})
          `,
    },
  });
}

/** The Azure Blob Storage classes; each has an awaitable twin of the same name in `azure.storage.blob.aio`. */
type AzureClass = 'BlobServiceClient' | 'ContainerClient' | 'BlobClient' | 'StorageStreamDownloader';
const AZURE_PARAM: Record<AzureClass, string> = {
  BlobServiceClient: 'service',
  ContainerClient: 'container',
  BlobClient: 'blob',
  StorageStreamDownloader: 'downloader',
};

/**
 * A method of a sync Azure Blob Storage client: a request through azure-core's requests transport.
 * `good` is the expression with the aio client, awaited unless it says otherwise.
 */
function azureMethod(cls: AzureClass, method: string, o: { what: string; does: string; args: string; returns?: string; good?: string; aliases?: readonly string[] }): BlockingEntry {
  const api = `azure.storage.blob.${cls}.${method}`;
  const receiver = AZURE_PARAM[cls];
  const call = `${receiver}.${method}(${o.args})`;
  const good = o.good ?? `await ${call}`;
  return blocking({
    id: `python:${api}`,
    match: [api, ...(o.aliases ?? []).map((m) => `azure.storage.blob.${cls}.${m}`)],
    ...(o.returns ? { returns: o.returns } : {}),
    category: 'network-io',
    why: `azure.storage.blob ${cls}.${method} ${o.what}; each request is a blocking HTTPS call through azure-core's requests transport, retried with sleeps by its retry policy, on the calling thread.`,
    does: o.does,
    useInstead: [`${good}  # ${receiver}: azure.storage.blob.aio.${cls}`, ...toThread(threadCall(`${receiver}.${method}`, o.args))],
    example: {
      bad: py`
        from azure.storage.blob import ${cls}

        async def handle(${receiver}: ${cls}, name: str, data: bytes):
            return ${call}
      `,
      good: py`
        from azure.storage.blob.aio import ${cls}

        async def handle(${receiver}: ${cls}, name: str, data: bytes):
            return ${good}
      `,
    },
  });
}

/** A method of `minio.Minio`: a signed S3 request on urllib3, made on the calling thread. */
function minioMethod(method: string, o: { what: string; does: string; args: string }): BlockingEntry {
  return offloadable(`minio.Minio.${method}`, {
    match: [`minio.Minio.${method}`, `minio.api.Minio.${method}`],
    category: 'network-io',
    why: `minio.Minio.${method} ${o.what}; each request is a signed S3 call over urllib3 that waits for the server on the calling thread.`,
    does: o.does,
    instead: [`await client.${method}(...)  # client: miniopy_async.Minio, the asyncio port of the same API`],
    imports: 'from minio import Minio',
    params: 'client: Minio, bucket: str, name: str, data, size: int, path: str',
    fn: `client.${method}`,
    args: o.args,
  });
}

export const entries: readonly Entry[] = [
  // Google Cloud Storage: Client.bucket() and Bucket.blob() only build references (types.ts).
  gcsMethod('Blob', 'upload_from_string', { what: 'uploads the data', does: 'uploads to Cloud Storage synchronously', args: 'data', good: 'await storage.upload("reports", name, data)' }),
  gcsMethod('Blob', 'upload_from_filename', { what: 'reads the local file and uploads it', does: 'uploads to Cloud Storage synchronously', args: 'path', good: 'await storage.upload_from_filename("reports", name, path)' }),
  gcsMethod('Blob', 'upload_from_file', { what: 'reads the file object and uploads it', does: 'uploads to Cloud Storage synchronously', args: 'data' }),
  gcsMethod('Blob', 'download_as_bytes', { aliases: ['download_as_string'], what: 'downloads the object into memory', does: 'downloads from Cloud Storage synchronously', args: '', good: 'await storage.download("reports", name)' }),
  gcsMethod('Blob', 'download_as_text', { what: 'downloads the object and decodes it', does: 'downloads from Cloud Storage synchronously', args: '', good: '(await storage.download("reports", name)).decode()' }),
  gcsMethod('Blob', 'download_to_filename', { what: 'downloads the object and writes it to a local file', does: 'downloads from Cloud Storage synchronously', args: 'path', good: 'await storage.download_to_filename("reports", name, path)' }),
  gcsMethod('Blob', 'download_to_file', { what: 'downloads the object into a file object', does: 'downloads from Cloud Storage synchronously', args: 'data' }),
  gcsMethod('Blob', 'exists', { what: 'asks whether the object exists', does: 'queries Cloud Storage synchronously', args: '' }),
  gcsMethod('Blob', 'delete', { what: 'deletes the object', does: 'deletes from Cloud Storage synchronously', args: '', good: 'await storage.delete("reports", name)' }),
  gcsMethod('Blob', 'reload', { what: "fetches the object's metadata", does: 'queries Cloud Storage synchronously', args: '' }),
  gcsMethod('Bucket', 'get_blob', { returns: 'google.cloud.storage.Blob', what: "fetches the object's metadata", does: 'queries Cloud Storage synchronously', args: 'name' }),
  gcsMethod('Bucket', 'list_blobs', { what: 'returns an iterator that requests each page of object listings as it is consumed', does: 'lists Cloud Storage objects synchronously', args: 'prefix=name', good: 'await storage.list_objects("reports", params={"prefix": name})' }),
  gcsMethod('Bucket', 'exists', { what: 'asks whether the bucket exists', does: 'queries Cloud Storage synchronously', args: '' }),
  gcsMethod('Bucket', 'delete_blob', { what: 'deletes the object', does: 'deletes from Cloud Storage synchronously', args: 'name', good: 'await storage.delete("reports", name)' }),
  gcsMethod('Bucket', 'copy_blob', { what: 'copies an object on the server', does: 'copies a Cloud Storage object synchronously', args: 'bucket.blob(name), bucket, path' }),
  gcsMethod('Client', 'get_bucket', { aliases: ['lookup_bucket'], returns: 'google.cloud.storage.Bucket', what: "fetches the bucket's metadata", does: 'queries Cloud Storage synchronously', args: 'name' }),
  gcsMethod('Client', 'create_bucket', { returns: 'google.cloud.storage.Bucket', what: 'creates the bucket', does: 'creates a Cloud Storage bucket synchronously', args: 'name' }),
  gcsMethod('Client', 'list_blobs', { what: 'returns an iterator that requests each page of object listings as it is consumed', does: 'lists Cloud Storage objects synchronously', args: 'name', good: 'await storage.list_objects(name)' }),
  gcsMethod('Client', 'list_buckets', { what: 'returns an iterator that requests each page of bucket listings as it is consumed', does: 'lists Cloud Storage buckets synchronously', args: '' }),

  // Azure Blob Storage: from_connection_string and get_*_client only build clients (types.ts).
  azureMethod('BlobClient', 'upload_blob', { what: 'uploads the data, in blocks when it is large', does: 'uploads to Azure Blob Storage synchronously', args: 'data, overwrite=True' }),
  azureMethod('BlobClient', 'download_blob', { returns: 'azure.storage.blob.StorageStreamDownloader', what: "downloads the blob's first range and returns a downloader for the rest", does: 'downloads from Azure Blob Storage synchronously', args: '' }),
  azureMethod('BlobClient', 'delete_blob', { what: 'deletes the blob', does: 'deletes from Azure Blob Storage synchronously', args: '' }),
  azureMethod('BlobClient', 'exists', { what: 'asks whether the blob exists', does: 'queries Azure Blob Storage synchronously', args: '' }),
  azureMethod('BlobClient', 'get_blob_properties', { what: "fetches the blob's properties", does: 'queries Azure Blob Storage synchronously', args: '' }),
  azureMethod('BlobClient', 'set_blob_metadata', { what: "replaces the blob's metadata", does: 'updates Azure Blob Storage synchronously', args: '{"source": name}' }),
  azureMethod('BlobClient', 'start_copy_from_url', { what: 'starts a server-side copy', does: 'copies an Azure blob synchronously', args: 'name' }),
  azureMethod('ContainerClient', 'upload_blob', { returns: 'azure.storage.blob.BlobClient', what: 'uploads the data as a new blob, in blocks when it is large', does: 'uploads to Azure Blob Storage synchronously', args: 'name, data, overwrite=True' }),
  azureMethod('ContainerClient', 'download_blob', { returns: 'azure.storage.blob.StorageStreamDownloader', what: "downloads the blob's first range and returns a downloader for the rest", does: 'downloads from Azure Blob Storage synchronously', args: 'name' }),
  azureMethod('ContainerClient', 'delete_blob', { what: 'deletes the blob', does: 'deletes from Azure Blob Storage synchronously', args: 'name' }),
  azureMethod('ContainerClient', 'list_blobs', {
    aliases: ['list_blob_names', 'walk_blobs'],
    what: 'returns an iterator that requests each page of blob listings as it is consumed',
    does: 'lists Azure blobs synchronously',
    args: 'name_starts_with=name',
    good: '[b.name async for b in container.list_blobs(name_starts_with=name)]',
  }),
  azureMethod('ContainerClient', 'create_container', { what: 'creates the container', does: 'creates an Azure container synchronously', args: '' }),
  azureMethod('ContainerClient', 'delete_container', { what: 'deletes the container', does: 'deletes an Azure container synchronously', args: '' }),
  azureMethod('ContainerClient', 'exists', { what: 'asks whether the container exists', does: 'queries Azure Blob Storage synchronously', args: '' }),
  azureMethod('ContainerClient', 'get_container_properties', { what: "fetches the container's properties", does: 'queries Azure Blob Storage synchronously', args: '' }),
  azureMethod('BlobServiceClient', 'create_container', { returns: 'azure.storage.blob.ContainerClient', what: 'creates the container', does: 'creates an Azure container synchronously', args: 'name' }),
  azureMethod('BlobServiceClient', 'delete_container', { what: 'deletes the container', does: 'deletes an Azure container synchronously', args: 'name' }),
  azureMethod('BlobServiceClient', 'list_containers', {
    what: 'returns an iterator that requests each page of container listings as it is consumed',
    does: 'lists Azure containers synchronously',
    args: 'name_starts_with=name',
    good: '[c.name async for c in service.list_containers(name_starts_with=name)]',
  }),
  azureMethod('StorageStreamDownloader', 'readall', { aliases: ['content_as_bytes', 'content_as_text'], what: 'downloads the remaining ranges of the blob into memory', does: 'downloads from Azure Blob Storage synchronously', args: '' }),
  azureMethod('StorageStreamDownloader', 'readinto', { aliases: ['download_to_stream'], what: 'downloads the remaining ranges of the blob into a stream', does: 'downloads from Azure Blob Storage synchronously', args: 'data' }),
  azureMethod('StorageStreamDownloader', 'chunks', {
    what: 'returns an iterator that downloads each further range of the blob as it is consumed',
    does: 'downloads from Azure Blob Storage synchronously',
    args: '',
    good: '[chunk async for chunk in downloader.chunks()]',
  }),

  // MinIO (and any S3 endpoint through it).
  minioMethod('put_object', { what: 'uploads the stream, in parts when it is large', does: 'uploads to S3 storage synchronously', args: 'bucket, name, data, size' }),
  minioMethod('get_object', { what: 'opens the object and returns the streaming response', does: 'downloads from S3 storage synchronously', args: 'bucket, name' }),
  minioMethod('fput_object', { what: 'reads the local file and uploads it, in parts when it is large', does: 'uploads to S3 storage synchronously', args: 'bucket, name, path' }),
  minioMethod('fget_object', { what: 'downloads the object into a local file', does: 'downloads from S3 storage synchronously', args: 'bucket, name, path' }),
  minioMethod('stat_object', { what: "fetches the object's metadata", does: 'queries S3 storage synchronously', args: 'bucket, name' }),
  minioMethod('remove_object', { what: 'deletes the object', does: 'deletes from S3 storage synchronously', args: 'bucket, name' }),
  minioMethod('list_objects', { what: 'returns an iterator that requests each page of listings as it is consumed', does: 'lists S3 objects synchronously', args: 'bucket, prefix=name' }),
  minioMethod('bucket_exists', { what: 'asks whether the bucket exists', does: 'queries S3 storage synchronously', args: 'bucket' }),
  minioMethod('make_bucket', { what: 'creates the bucket', does: 'creates an S3 bucket synchronously', args: 'bucket' }),
  minioMethod('copy_object', { what: 'copies an object on the server', does: 'copies an S3 object synchronously', args: 'bucket, name, data' }),
];

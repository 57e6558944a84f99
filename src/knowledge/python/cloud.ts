// Synchronous cloud and API SDK clients: boto3 (AWS), OpenAI and Anthropic. Their async clients
// (aioboto3, aiobotocore, AsyncOpenAI, AsyncAnthropic) are the non-blocking side (non-blocking.ts).
//
// boto3 clients are typed `boto3.client` (types.ts: boto3.client, boto3.session.Session.client).
// Their operations are listed by name rather than as `boto3.client.*`, because a client also has
// local helpers (generate_presigned_url, get_paginator, get_waiter, can_paginate) that do no I/O.

import { blocking, type Entry } from '../entry.js';
import { py, toThread } from './authoring.js';

/** Common AWS API operations, as boto3 client methods; each is one signed HTTPS request. */
const AWS_OPERATIONS = [
  // S3, including the transfer-manager helpers.
  'get_object', 'put_object', 'delete_object', 'delete_objects', 'head_object', 'head_bucket', 'copy_object', 'copy',
  'list_objects', 'list_objects_v2', 'list_object_versions', 'list_buckets', 'create_bucket', 'delete_bucket',
  'upload_file', 'upload_fileobj', 'download_file', 'download_fileobj', 'create_multipart_upload', 'upload_part',
  'complete_multipart_upload', 'abort_multipart_upload', 'get_bucket_location', 'get_object_tagging',
  'put_object_tagging', 'select_object_content', 'restore_object',
  // DynamoDB.
  'get_item', 'put_item', 'update_item', 'delete_item', 'query', 'scan', 'batch_get_item', 'batch_write_item',
  'transact_get_items', 'transact_write_items', 'describe_table', 'create_table', 'delete_table', 'list_tables',
  'execute_statement',
  // SQS, SNS, EventBridge, Kinesis, Firehose.
  'send_message', 'send_message_batch', 'receive_message', 'delete_message', 'delete_message_batch',
  'change_message_visibility', 'get_queue_url', 'get_queue_attributes', 'purge_queue', 'create_queue', 'list_queues',
  'publish', 'publish_batch', 'subscribe', 'create_topic', 'put_events', 'put_record', 'put_records', 'get_records',
  'get_shard_iterator', 'put_record_batch',
  // Lambda, Step Functions, ECS, EC2, Glue, Athena.
  'invoke', 'start_execution', 'describe_execution', 'send_task_success', 'send_task_failure', 'run_task',
  'describe_tasks', 'describe_services', 'update_service', 'describe_instances', 'run_instances', 'start_instances',
  'stop_instances', 'terminate_instances', 'start_job_run', 'get_job_run', 'start_query_execution',
  'get_query_execution', 'get_query_results',
  // Secrets Manager, SSM Parameter Store, STS, KMS, IAM, Cognito.
  'get_secret_value', 'put_secret_value', 'create_secret', 'get_parameter', 'get_parameters',
  'get_parameters_by_path', 'put_parameter', 'assume_role', 'get_caller_identity', 'get_session_token', 'encrypt',
  'decrypt', 'generate_data_key', 'sign', 'verify', 'get_user', 'admin_get_user', 'admin_create_user',
  'initiate_auth', 'admin_initiate_auth', 'sign_up',
  // SES, CloudWatch and CloudWatch Logs.
  'send_email', 'send_raw_email', 'send_templated_email', 'put_metric_data', 'get_metric_data',
  'get_metric_statistics', 'put_log_events', 'filter_log_events', 'get_log_events', 'start_query',
  // Machine-learning services.
  'invoke_model', 'invoke_model_with_response_stream', 'converse', 'converse_stream', 'invoke_endpoint',
  'detect_labels', 'detect_text', 'detect_document_text', 'analyze_document', 'translate_text',
  'synthesize_speech', 'detect_sentiment', 'detect_entities', 'start_transcription_job',
];

/** Names a boto3 client value can carry: the catalog's own type, and botocore's base class for annotations. */
const AWS_CLIENTS = ['boto3.client', 'botocore.client.BaseClient'];

/** Actions of boto3 resource objects (Table, Bucket, Object, Queue, ...), each an AWS request. */
const RESOURCE_ACTIONS = [
  'get_item', 'put_item', 'update_item', 'delete_item', 'query', 'scan', 'upload_file', 'upload_fileobj',
  'download_file', 'download_fileobj', 'get', 'put', 'delete', 'load', 'reload', 'copy', 'copy_from',
  'send_message', 'send_messages', 'receive_messages', 'publish', 'create_bucket', 'create_table', 'delete_objects',
  'wait_until_exists', 'wait_until_not_exists',
];

/** The API namespaces of the OpenAI client; each method under them is an HTTPS request. */
const OPENAI_RESOURCES = [
  'chat', 'completions', 'embeddings', 'images', 'audio', 'files', 'models', 'moderations', 'fine_tuning', 'batches',
  'beta', 'uploads', 'vector_stores', 'responses',
];

/** The API namespaces of the Anthropic client. */
const ANTHROPIC_RESOURCES = ['messages', 'completions', 'models', 'beta'];

export const entries: readonly Entry[] = [
  blocking({
    id: 'python:botocore.client.BaseClient._make_api_call',
    // Every operation method of a client goes through BaseClient._make_api_call.
    match: AWS_CLIENTS.flatMap((c) => [`${c}._make_api_call`, ...AWS_OPERATIONS.map((op) => `${c}.${op}`)]),
    category: 'network-io',
    why: 'A boto3 client operation signs an HTTPS request to AWS and waits for the response (retrying with sleeps on throttling) on the calling thread; boto3 has no async API.',
    does: 'performs a blocking AWS request',
    useInstead: [
      'async with aioboto3.Session().client("s3") as s3: await s3.get_object(Bucket=bucket, Key=key)',
      'async with aiobotocore.session.get_session().create_client("s3") as s3: await s3.get_object(...)',
      ...toThread('s3.get_object, Bucket=bucket, Key=key  # keyword arguments work with asyncio.to_thread'),
    ],
    example: {
      bad: py`
        import boto3

        async def object_size(bucket: str, key: str) -> int:
            s3 = boto3.client("s3")
            response = s3.head_object(Bucket=bucket, Key=key)
            return response["ContentLength"]
      `,
      good: py`
        import aioboto3

        async def object_size(bucket: str, key: str) -> int:
            async with aioboto3.Session().client("s3") as s3:
                response = await s3.head_object(Bucket=bucket, Key=key)
            return response["ContentLength"]
      `,
    },
  }),
  blocking({
    id: 'python:botocore.paginate.Paginator.paginate',
    match: ['botocore.paginate.Paginator.paginate'],
    category: 'network-io',
    why: 'A boto3 paginator sends one AWS request per page, on the calling thread, as the iterator returned by paginate() is consumed.',
    does: 'performs blocking AWS requests',
    useInstead: ['async for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket): ...  # s3 from aioboto3 / aiobotocore'],
    example: {
      bad: py`
        import boto3

        async def keys(bucket: str) -> list[str]:
            s3 = boto3.client("s3")
            pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket)
            return [item["Key"] for page in pages for item in page.get("Contents", [])]
      `,
      good: py`
        import aioboto3

        async def keys(bucket: str) -> list[str]:
            found: list[str] = []
            async with aioboto3.Session().client("s3") as s3:
                async for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
                    found.extend(item["Key"] for item in page.get("Contents", []))
            return found
      `,
    },
  }),
  blocking({
    id: 'python:botocore.waiter.Waiter.wait',
    match: ['botocore.waiter.Waiter.wait'],
    category: 'network-io',
    why: 'A boto3 waiter polls AWS with blocking requests and sleeps between them with time.sleep until the resource reaches the state, holding the calling thread throughout.',
    does: 'polls AWS and sleeps synchronously',
    useInstead: ['await s3.get_waiter("object_exists").wait(Bucket=bucket, Key=key)  # s3 from aioboto3 / aiobotocore'],
    example: {
      bad: py`
        import boto3

        async def wait_for_upload(bucket: str, key: str) -> None:
            s3 = boto3.client("s3")
            s3.get_waiter("object_exists").wait(Bucket=bucket, Key=key)
      `,
      good: py`
        import aioboto3

        async def wait_for_upload(bucket: str, key: str) -> None:
            async with aioboto3.Session().client("s3") as s3:
                await s3.get_waiter("object_exists").wait(Bucket=bucket, Key=key)
      `,
    },
  }),
  blocking({
    id: 'python:boto3.resources.base.ServiceResource',
    match: RESOURCE_ACTIONS.map((a) => `boto3.resources.base.ServiceResource.${a}`),
    category: 'network-io',
    why: 'An action of a boto3 resource (Table.get_item, Bucket.upload_file, Object.get, ...) sends AWS requests through a blocking client on the calling thread.',
    does: 'performs a blocking AWS request',
    useInstead: [
      'async with aioboto3.Session().resource("dynamodb") as dynamodb: table = await dynamodb.Table(name); await table.get_item(Key=key)',
      ...toThread('table.get_item, Key=key'),
    ],
    example: {
      bad: py`
        import boto3

        async def load_user(user_id: str):
            table = boto3.resource("dynamodb").Table("users")
            return table.get_item(Key={"id": user_id})
      `,
      good: py`
        import aioboto3

        async def load_user(user_id: str):
            async with aioboto3.Session().resource("dynamodb") as dynamodb:
                table = await dynamodb.Table("users")
                return await table.get_item(Key={"id": user_id})
      `,
    },
  }),

  // OpenAI and Anthropic: the sync clients wait for the model's whole answer on the calling thread.
  blocking({
    id: 'python:openai.OpenAI',
    match: [
      ...['openai.OpenAI', 'openai.AzureOpenAI'].flatMap((c) => [...OPENAI_RESOURCES.map((r) => `${c}.${r}.*`), ...['get', 'post', 'put', 'patch', 'delete'].map((m) => `${c}.${m}`)]),
      // The module-level client of openai>=1 (`openai.chat.completions.create(...)`).
      ...OPENAI_RESOURCES.map((r) => `openai.${r}.*`),
    ],
    category: 'network-io',
    why: 'The synchronous OpenAI client sends each API call as an HTTPS request and waits on the calling thread for the complete response, often seconds for a model answer.',
    does: 'performs a blocking OpenAI API request',
    useInstead: ['await client.chat.completions.create(...)  # client = openai.AsyncOpenAI(), same API'],
    example: {
      bad: py`
        from openai import OpenAI

        async def summarize(client: OpenAI, text: str):
            response = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
            return response.choices[0].message.content
      `,
      good: py`
        from openai import AsyncOpenAI

        async def summarize(client: AsyncOpenAI, text: str):
            response = await client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
            return response.choices[0].message.content
      `,
    },
  }),
  blocking({
    id: 'python:anthropic.Anthropic',
    match: ['anthropic.Anthropic', 'anthropic.AnthropicBedrock', 'anthropic.AnthropicVertex'].flatMap((c) => ANTHROPIC_RESOURCES.map((r) => `${c}.${r}.*`)),
    category: 'network-io',
    why: 'The synchronous Anthropic client sends each API call as an HTTPS request and waits on the calling thread for the complete response, often seconds for a model answer.',
    does: 'performs a blocking Anthropic API request',
    useInstead: ['await client.messages.create(...)  # client = anthropic.AsyncAnthropic(), same API'],
    example: {
      bad: py`
        import anthropic

        async def answer(client: anthropic.Anthropic, question: str):
            message = client.messages.create(model="claude-sonnet-4-5", max_tokens=512, messages=[{"role": "user", "content": question}])
            return message.content
      `,
      good: py`
        import anthropic

        async def answer(client: anthropic.AsyncAnthropic, question: str):
            message = await client.messages.create(model="claude-sonnet-4-5", max_tokens=512, messages=[{"role": "user", "content": question}])
            return message.content
      `,
    },
  }),
];

// SaaS API SDKs whose clients send each call as a synchronous HTTPS request (Stripe, Twilio, SendGrid, Slack, Firebase Admin); their awaited async forms are never reported.

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { py, toThread } from './authoring.js';
import { offloadable, threadCall } from './offloadable.js';

/**
 * A Stripe API resource class and the request methods it has, classmethods that also exist as
 * instance methods on a retrieved object (`stripe.PaymentIntent.retrieve(id).confirm()`). The
 * example calls `method(args)`; every method has an awaitable `<method>_async` twin.
 */
interface StripeResource {
  readonly name: string;
  readonly methods: readonly string[];
  readonly method: string;
  readonly args: string;
}

/** The update methods every updatable resource has; `refresh` re-retrieves an object. */
const CRUD = ['create', 'retrieve', 'modify', 'delete', 'refresh', 'save'];

const STRIPE_RESOURCES: readonly StripeResource[] = [
  { name: 'Charge', methods: [...CRUD, 'capture'], method: 'create', args: 'amount=amount, currency="usd", customer=object_id' },
  { name: 'PaymentIntent', methods: [...CRUD, 'confirm', 'capture', 'cancel', 'increment_authorization', 'apply_customer_balance', 'verify_microdeposits'], method: 'create', args: 'amount=amount, currency="usd"' },
  { name: 'SetupIntent', methods: [...CRUD, 'confirm', 'cancel', 'verify_microdeposits'], method: 'create', args: 'customer=object_id' },
  { name: 'PaymentMethod', methods: [...CRUD, 'attach', 'detach'], method: 'attach', args: 'object_id, customer=email' },
  { name: 'Customer', methods: [...CRUD, 'list_payment_methods', 'retrieve_payment_method', 'create_balance_transaction', 'create_tax_id', 'delete_discount'], method: 'create', args: 'email=email' },
  { name: 'Refund', methods: [...CRUD, 'cancel'], method: 'create', args: 'payment_intent=object_id' },
  { name: 'Subscription', methods: [...CRUD, 'cancel', 'resume', 'delete_discount'], method: 'create', args: 'customer=object_id, items=[{"price": "price_basic"}]' },
  { name: 'SubscriptionItem', methods: CRUD, method: 'retrieve', args: 'object_id' },
  { name: 'Invoice', methods: [...CRUD, 'finalize_invoice', 'pay', 'send_invoice', 'void_invoice', 'mark_uncollectible', 'upcoming', 'create_preview'], method: 'pay', args: 'object_id' },
  { name: 'InvoiceItem', methods: CRUD, method: 'create', args: 'customer=object_id, amount=amount, currency="usd"' },
  { name: 'Price', methods: CRUD, method: 'retrieve', args: 'object_id' },
  { name: 'Product', methods: CRUD, method: 'retrieve', args: 'object_id' },
  { name: 'Plan', methods: CRUD, method: 'retrieve', args: 'object_id' },
  { name: 'Coupon', methods: CRUD, method: 'retrieve', args: 'object_id' },
  { name: 'PromotionCode', methods: CRUD, method: 'retrieve', args: 'object_id' },
  { name: 'TaxRate', methods: CRUD, method: 'retrieve', args: 'object_id' },
  { name: 'checkout.Session', methods: [...CRUD, 'expire', 'list_line_items'], method: 'create', args: 'mode="payment", line_items=[{"price": object_id, "quantity": 1}], success_url="https://example.com/done"' },
  { name: 'billing_portal.Session', methods: ['create'], method: 'create', args: 'customer=object_id, return_url="https://example.com/account"' },
  { name: 'Account', methods: [...CRUD, 'reject', 'create_login_link', 'create_external_account'], method: 'retrieve', args: 'object_id' },
  { name: 'AccountLink', methods: ['create'], method: 'create', args: 'account=object_id, refresh_url="https://example.com/retry", return_url="https://example.com/done", type="account_onboarding"' },
  { name: 'Transfer', methods: [...CRUD, 'create_reversal'], method: 'create', args: 'amount=amount, currency="usd", destination=object_id' },
  { name: 'Payout', methods: [...CRUD, 'cancel', 'reverse'], method: 'create', args: 'amount=amount, currency="usd"' },
  { name: 'Balance', methods: ['retrieve', 'refresh'], method: 'retrieve', args: '' },
  { name: 'BalanceTransaction', methods: ['retrieve', 'refresh'], method: 'retrieve', args: 'object_id' },
  { name: 'Event', methods: ['retrieve', 'refresh'], method: 'retrieve', args: 'object_id' },
  { name: 'Dispute', methods: [...CRUD, 'close'], method: 'retrieve', args: 'object_id' },
  { name: 'WebhookEndpoint', methods: CRUD, method: 'retrieve', args: 'object_id' },
  { name: 'File', methods: ['create', 'retrieve', 'refresh'], method: 'retrieve', args: 'object_id' },
  { name: 'identity.VerificationSession', methods: [...CRUD, 'cancel', 'redact'], method: 'create', args: 'type="document"' },
];

/** Resources with a `list` classmethod (one page), and those with a `search` one. */
const STRIPE_LISTABLE = STRIPE_RESOURCES.map((r) => r.name).filter((n) => !['billing_portal.Session', 'AccountLink', 'Balance'].includes(n));
const STRIPE_SEARCHABLE = ['Charge', 'Customer', 'Invoice', 'PaymentIntent', 'Price', 'Product', 'Subscription'];

/** The services of `stripe.StripeClient` (`client.v1.customers`, or `client.customers` before v12). */
const STRIPE_SERVICES = [
  'charges', 'payment_intents', 'setup_intents', 'payment_methods', 'customers', 'refunds', 'subscriptions',
  'subscription_items', 'invoices', 'invoice_items', 'prices', 'products', 'plans', 'coupons', 'promotion_codes',
  'tax_rates', 'checkout.sessions', 'billing_portal.sessions', 'accounts', 'account_links', 'transfers', 'payouts',
  'balance', 'balance_transactions', 'events', 'disputes', 'webhook_endpoints', 'files', 'identity.verification_sessions',
];
const STRIPE_SERVICE_METHODS = [
  'create', 'retrieve', 'update', 'delete', 'list', 'search', 'confirm', 'capture', 'cancel', 'attach', 'detach',
  'pay', 'finalize_invoice', 'send_invoice', 'void_invoice', 'expire', 'resume', 'close',
];

const STRIPE_WHY =
  "sends an HTTPS request to the Stripe API through the library's synchronous HTTP client (requests, when installed) and waits for the reply on the calling thread, sleeping between attempts when network retries are enabled.";

/** One Stripe resource's request methods, with the resource as their type so that calls on results resolve. */
function stripeResource(r: StripeResource): BlockingEntry {
  const call = `stripe.${r.name}.${r.method}(${r.args})`;
  return blocking({
    id: `python:stripe.${r.name}`,
    match: r.methods.map((m) => `stripe.${r.name}.${m}`),
    returns: `stripe.${r.name}`,
    category: 'network-io',
    why: `Each stripe.${r.name} API method ${STRIPE_WHY}`,
    does: 'sends a Stripe API request synchronously',
    useInstead: [
      `await stripe.${r.name}.${r.method}_async(${r.args})  # every API method has an _async twin; install httpx or aiohttp (pip install "stripe[async]")`,
      ...toThread(threadCall(`stripe.${r.name}.${r.method}`, r.args)),
    ],
    example: {
      bad: py`
        import stripe

        async def handle(object_id: str, amount: int, email: str):
            return ${call}
      `,
      good: py`
        import stripe

        async def handle(object_id: str, amount: int, email: str):
            return await stripe.${r.name}.${r.method}_async(${r.args})
      `,
    },
  });
}

/** A Twilio list resource's request method; the async form is the same name with `_async`. */
function twilioMethod(list: string, method: string, o: { attr: string; args: string; does: string; what: string; aliases?: readonly string[] }): BlockingEntry {
  const api = `${list}.${method}`;
  return blocking({
    id: `python:${api}`,
    match: [api, ...(o.aliases ?? []).map((m) => `${list}.${m}`)],
    category: 'network-io',
    why: `Twilio's ${list.split('.').pop() ?? list}.${method} ${o.what}; the client's default HTTP client (requests) sends each request synchronously and waits for the reply on the calling thread.`,
    does: o.does,
    useInstead: [
      `await client.${o.attr}.${method}_async(${o.args})  # client = twilio.rest.Client(sid, token, http_client=AsyncTwilioHttpClient()), from twilio.http.async_http_client`,
      ...toThread(threadCall(`client.${o.attr}.${method}`, o.args)),
    ],
    example: {
      bad: py`
        from twilio.rest import Client

        async def handle(client: Client, to: str, body: str):
            return client.${o.attr}.${method}(${o.args})
      `,
      good: py`
        from twilio.rest import Client

        async def handle(client: Client, to: str, body: str):
            return await client.${o.attr}.${method}_async(${o.args})
      `,
    },
  });
}

/** A function of `firebase_admin.messaging`; `async` names its awaitable twin when it has one. */
function fcm(name: string, o: { what: string; does: string; params: string; args: string; async?: string; asyncArgs?: string }): BlockingEntry {
  const api = `firebase_admin.messaging.${name}`;
  return offloadable(api, {
    category: 'network-io',
    why: `${api} ${o.what} with blocking HTTPS requests (through requests), fetching an OAuth token first when its cached one has expired, all on the calling thread.`,
    does: o.does,
    instead: o.async ? [`await messaging.${o.async}(${o.asyncArgs ?? o.args})  # firebase-admin 6.6 and later, on httpx`] : [],
    imports: 'from firebase_admin import messaging',
    params: o.params,
    fn: `messaging.${name}`,
    args: o.args,
  });
}

/** A function of `firebase_admin.auth` that calls the Identity Toolkit API. */
function firebaseAuth(name: string, o: { match?: readonly string[]; what: string; does: string; params: string; args: string }): BlockingEntry {
  const api = `firebase_admin.auth.${name}`;
  return offloadable(api, {
    ...(o.match ? { match: o.match } : {}),
    category: 'network-io',
    why: `${api} ${o.what} with a blocking HTTPS request to Google's Identity Toolkit API, on the calling thread; firebase-admin has no async auth API.`,
    does: o.does,
    imports: 'from firebase_admin import auth',
    params: o.params,
    fn: `auth.${name}`,
    args: o.args,
  });
}

const SLACK_WEB_CLIENTS = ['slack_sdk.WebClient', 'slack_sdk.web.WebClient', 'slack_sdk.web.client.WebClient'];
const SLACK_WEBHOOK_CLIENTS = ['slack_sdk.webhook.WebhookClient', 'slack_sdk.webhook.client.WebhookClient'];

export const entries: readonly Entry[] = [
  // Stripe: the resource classes (`stripe.Charge.create`), their lists, and StripeClient's services.
  ...STRIPE_RESOURCES.map(stripeResource),
  blocking({
    id: 'python:stripe.ListableAPIResource.list',
    match: [...STRIPE_LISTABLE.map((n) => `stripe.${n}.list`), ...STRIPE_SEARCHABLE.map((n) => `stripe.${n}.search`)],
    returns: 'stripe.ListObject',
    category: 'network-io',
    why: `A Stripe list or search call ${STRIPE_WHY}`,
    does: 'sends a Stripe API request synchronously',
    useInstead: ['await stripe.Customer.list_async(limit=100)  # every list and search has an _async twin', ...toThread('lambda: stripe.Customer.list(limit=100)')],
    example: {
      bad: py`
        import stripe

        async def recent_charges(customer_id: str):
            return stripe.Charge.list(customer=customer_id, limit=10)
      `,
      good: py`
        import stripe

        async def recent_charges(customer_id: str):
            return await stripe.Charge.list_async(customer=customer_id, limit=10)
      `,
    },
  }),
  blocking({
    id: 'python:stripe.ListObject.auto_paging_iter',
    match: ['stripe.ListObject.auto_paging_iter', 'stripe.SearchResultObject.auto_paging_iter'],
    category: 'network-io',
    why: 'stripe.ListObject.auto_paging_iter yields the objects of every page, requesting each following page from the Stripe API with a blocking HTTPS call, on the calling thread, as the loop reaches it.',
    does: 'sends Stripe API requests synchronously',
    useInstead: toThread('lambda: [c.email for c in customers.auto_paging_iter()]'),
    example: {
      bad: py`
        import stripe

        async def emails(customers: stripe.ListObject) -> list[str]:
            return [c.email for c in customers.auto_paging_iter()]
      `,
      good: py`
        import asyncio
        import stripe

        async def emails(customers: stripe.ListObject) -> list[str]:
            return await asyncio.to_thread(lambda: [c.email for c in customers.auto_paging_iter()])
      `,
    },
  }),
  blocking({
    id: 'python:stripe.StripeClient',
    match: STRIPE_SERVICES.flatMap((s) => STRIPE_SERVICE_METHODS.flatMap((m) => [`stripe.StripeClient.${s}.${m}`, `stripe.StripeClient.v1.${s}.${m}`])),
    category: 'network-io',
    why: `A stripe.StripeClient service method ${STRIPE_WHY}`,
    does: 'sends a Stripe API request synchronously',
    useInstead: ['await client.v1.customers.create_async(params={...})  # every service method has an _async twin; StripeClient(key, http_client=stripe.HTTPXClient())'],
    example: {
      bad: py`
        from stripe import StripeClient

        async def create_customer(client: StripeClient, email: str):
            return client.v1.customers.create(params={"email": email})
      `,
      good: py`
        from stripe import StripeClient

        async def create_customer(client: StripeClient, email: str):
            return await client.v1.customers.create_async(params={"email": email})
      `,
    },
  }),

  // Twilio: `client.messages` and `client.calls` are list resources (types.ts).
  twilioMethod('twilio.rest.api.v2010.account.message.MessageList', 'create', {
    attr: 'messages',
    args: 'to=to, from_="+15005550006", body=body',
    does: 'sends a Twilio API request synchronously',
    what: 'posts the message to the Twilio REST API',
  }),
  twilioMethod('twilio.rest.api.v2010.account.message.MessageList', 'list', {
    attr: 'messages',
    args: 'to=to, limit=20',
    does: 'sends Twilio API requests synchronously',
    what: 'requests pages of messages from the Twilio REST API until the limit is reached',
    aliases: ['stream', 'page'],
  }),
  twilioMethod('twilio.rest.api.v2010.account.call.CallList', 'create', {
    attr: 'calls',
    args: 'to=to, from_="+15005550006", twiml=body',
    does: 'sends a Twilio API request synchronously',
    what: 'posts the call to the Twilio REST API',
  }),

  // SendGrid: the client is python-http-client, on urllib.
  offloadable('sendgrid.SendGridAPIClient.send', {
    match: ['sendgrid.SendGridAPIClient.send', 'sendgrid.sendgrid.SendGridAPIClient.send', 'sendgrid.SendGridAPIClient.client.mail.send.post', 'sendgrid.sendgrid.SendGridAPIClient.client.mail.send.post'],
    category: 'network-io',
    why: 'sendgrid.SendGridAPIClient.send posts the mail to the SendGrid v3 API with urllib and waits for the response on the calling thread; the SDK has no async client.',
    does: 'sends an email through the SendGrid API synchronously',
    imports: 'from sendgrid import SendGridAPIClient\nfrom sendgrid.helpers.mail import Mail',
    params: 'client: SendGridAPIClient, message: Mail',
    fn: 'client.send',
    args: 'message',
  }),

  // Slack: every WebClient method is a Web API call; AsyncWebClient is the awaitable twin (non-blocking.ts).
  blocking({
    id: 'python:slack_sdk.WebClient',
    match: SLACK_WEB_CLIENTS.map((c) => `${c}.*`),
    category: 'network-io',
    why: 'Every slack_sdk.WebClient method calls the Slack Web API with urllib and waits for the reply on the calling thread, including the sleeps of any retry handlers it is configured with.',
    does: 'calls the Slack Web API synchronously',
    useInstead: ['await client.chat_postMessage(channel=channel, text=text)  # client: slack_sdk.web.async_client.AsyncWebClient, same methods'],
    example: {
      bad: py`
        from slack_sdk import WebClient

        async def announce(client: WebClient, channel: str, text: str):
            return client.chat_postMessage(channel=channel, text=text)
      `,
      good: py`
        from slack_sdk.web.async_client import AsyncWebClient

        async def announce(client: AsyncWebClient, channel: str, text: str):
            return await client.chat_postMessage(channel=channel, text=text)
      `,
    },
  }),
  blocking({
    id: 'python:slack_sdk.webhook.WebhookClient.send',
    match: SLACK_WEBHOOK_CLIENTS.flatMap((c) => [`${c}.send`, `${c}.send_dict`]),
    category: 'network-io',
    why: 'slack_sdk.webhook.WebhookClient.send posts the payload to the incoming-webhook URL with urllib and waits for the reply on the calling thread.',
    does: 'posts to a Slack webhook synchronously',
    useInstead: ['await webhook.send(text=text)  # webhook: slack_sdk.webhook.async_client.AsyncWebhookClient'],
    example: {
      bad: py`
        from slack_sdk.webhook import WebhookClient

        async def alert(webhook: WebhookClient, text: str):
            return webhook.send(text=text)
      `,
      good: py`
        from slack_sdk.webhook.async_client import AsyncWebhookClient

        async def alert(webhook: AsyncWebhookClient, text: str):
            return await webhook.send(text=text)
      `,
    },
  }),

  // Firebase Admin: messaging (with async twins since 6.6 for the batch calls) and auth.
  fcm('send', { what: 'posts the message to Firebase Cloud Messaging', does: 'sends a push notification synchronously', params: 'message: messaging.Message', args: 'message', async: 'send_each_async', asyncArgs: '[message]' }),
  fcm('send_each', { what: 'posts each message of the list to Firebase Cloud Messaging', does: 'sends push notifications synchronously', params: 'batch: list[messaging.Message]', args: 'batch', async: 'send_each_async' }),
  fcm('send_each_for_multicast', { what: 'posts the message to Firebase Cloud Messaging once per device token', does: 'sends push notifications synchronously', params: 'message: messaging.MulticastMessage', args: 'message', async: 'send_each_for_multicast_async' }),
  fcm('subscribe_to_topic', { what: 'subscribes the tokens to the topic through the Instance ID API', does: 'changes topic subscriptions synchronously', params: 'tokens: list[str], topic: str', args: 'tokens, topic', async: 'subscribe_to_topic_async' }),
  fcm('unsubscribe_from_topic', { what: 'unsubscribes the tokens from the topic through the Instance ID API', does: 'changes topic subscriptions synchronously', params: 'tokens: list[str], topic: str', args: 'tokens, topic', async: 'unsubscribe_from_topic_async' }),
  offloadable('firebase_admin.auth.verify_id_token', {
    category: 'network-io',
    why: "firebase_admin.auth.verify_id_token checks the token against Google's public signing certificates, which it downloads with a blocking HTTPS request whenever its HTTP cache has expired, and with check_revoked=True also fetches the user record, all on the calling thread.",
    does: 'verifies a Firebase ID token with blocking I/O',
    imports: 'from firebase_admin import auth',
    params: 'id_token: str',
    fn: 'auth.verify_id_token',
    args: 'id_token',
  }),
  offloadable('firebase_admin.auth.verify_session_cookie', {
    category: 'network-io',
    why: "firebase_admin.auth.verify_session_cookie checks the cookie against Google's public signing certificates, which it downloads with a blocking HTTPS request whenever its HTTP cache has expired, and with check_revoked=True also fetches the user record, all on the calling thread.",
    does: 'verifies a Firebase session cookie with blocking I/O',
    imports: 'from firebase_admin import auth',
    params: 'cookie: str',
    fn: 'auth.verify_session_cookie',
    args: 'cookie',
  }),
  firebaseAuth('get_user', {
    match: ['get_user', 'get_user_by_email', 'get_user_by_phone_number', 'get_users'].map((n) => `firebase_admin.auth.${n}`),
    what: 'looks the user up',
    does: 'fetches a Firebase user synchronously',
    params: 'uid: str',
    args: 'uid',
  }),
  firebaseAuth('create_user', { what: 'creates the user', does: 'creates a Firebase user synchronously', params: 'email: str, password: str', args: 'email=email, password=password' }),
  firebaseAuth('update_user', { what: 'updates the user', does: 'updates a Firebase user synchronously', params: 'uid: str, email: str', args: 'uid, email=email' }),
  firebaseAuth('delete_user', { what: 'deletes the user', does: 'deletes a Firebase user synchronously', params: 'uid: str', args: 'uid' }),
  firebaseAuth('set_custom_user_claims', { what: "replaces the user's custom claims", does: 'updates a Firebase user synchronously', params: 'uid: str, claims: dict', args: 'uid, claims' }),
  firebaseAuth('revoke_refresh_tokens', { what: "revokes the user's refresh tokens", does: 'updates a Firebase user synchronously', params: 'uid: str', args: 'uid' }),
  firebaseAuth('create_session_cookie', { what: 'exchanges the ID token for a session cookie', does: 'creates a Firebase session cookie synchronously', params: 'id_token: str, expires_in: int', args: 'id_token, expires_in=expires_in' }),
  firebaseAuth('list_users', { what: 'requests a page of users (and each further page as iterate_all() is consumed)', does: 'lists Firebase users synchronously', params: 'page_token: str', args: 'page_token=page_token' }),
];

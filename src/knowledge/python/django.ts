// Django's synchronous ORM. A repository model (`class Order(models.Model)`) reaches these entries
// through its base: `Order.objects` is typed as a Manager, the lazy Manager/QuerySet methods that
// only build a query (`filter`, `order_by`, ...) give a QuerySet, and the methods that run SQL are
// blocking. Their async forms (`aget`, `acount`, `asave`, `async for` over a QuerySet) are awaited,
// so they are never reported. `transaction.atomic` does no I/O of its own and is not listed.
// Not seen here: evaluating a QuerySet by iterating it, `len()`, `bool()` or indexing, and reading a
// ForeignKey attribute that is not loaded yet; they run SQL too, but are not calls of an API.

import { blocking, type, type BlockingEntry, type Entry, type TypeEntry } from '../entry.js';
import { py } from './authoring.js';

/**
 * The names a model can carry: `Model` (documented path first, then where it is defined) and the
 * auth models a project's user model extends or that views import directly.
 */
const MODEL = [
  'django.db.models.Model',
  'django.db.models.base.Model',
  'django.contrib.auth.models.AbstractUser',
  'django.contrib.auth.models.AbstractBaseUser',
  'django.contrib.auth.base_user.AbstractBaseUser',
  'django.contrib.auth.models.User',
];
/**
 * The names a manager can carry: `Manager`, the auth user managers a custom manager extends, and
 * `User.objects` read off the imported auth `User` class (an outside class's attribute keeps its name).
 */
const MANAGER = [
  'django.db.models.Manager',
  'django.db.models.manager.Manager',
  'django.contrib.auth.models.UserManager',
  'django.contrib.auth.models.BaseUserManager',
  'django.contrib.auth.base_user.BaseUserManager',
  'django.contrib.auth.models.User.objects',
];
const QUERYSET = ['django.db.models.QuerySet', 'django.db.models.query.QuerySet'];
const MANAGER_TYPE = 'django.db.models.Manager';
const QUERYSET_TYPE = 'django.db.models.QuerySet';
const CURSOR = 'django.db.backends.utils.CursorWrapper';
const SYNC_TO_ASYNC = 'from asgiref.sync import sync_to_async';

/** One fact per API: calling (or reading, for attributes) `api` gives a `returns`. */
const gives = (returns: string, api: string, ...aliases: string[]): TypeEntry =>
  type({ id: `python:${api}`, match: [api, ...aliases], returns });

/** The model every example defines: `number` is unique, so validation queries the table. */
const ORDER = py`
  class Order(models.Model):
      number = models.CharField(max_length=20, unique=True)
      status = models.CharField(max_length=20, default="open")
      total = models.IntegerField(default=0)
      created = models.DateTimeField(auto_now_add=True)
`;

/**
 * A complete module: the model and one async view (or helper) with `body`. `head`: import lines
 * before Django's; `db`: the names imported from django.db; `tail`: import lines after it;
 * `before`: definitions between the model and the view.
 */
function viewModule(o: { head?: string; db?: string; tail?: string; before?: string; signature: string; body: string }): string {
  const imports = [
    ...(o.head ? [o.head] : []),
    `from django.db import ${o.db ?? 'models'}`,
    ...(o.tail ? [o.tail] : []),
    'from django.http import JsonResponse',
  ].join('\n');
  const before = o.before ? `\n${o.before.trimEnd()}\n` : '';
  return py`
    ${imports}

    ${ORDER.trimEnd()}
    ${before}
    async def ${o.signature}:
        ${o.body.trimEnd()}
  `;
}

/** How every `why` ends: what happens on the loop. */
const HOLDS = 'holding the calling thread and the event loop until the database answers';
/** The ORM and `connection.cursor()` are `async_unsafe`: Django refuses them where an event loop runs. */
const ON_THE_LOOP = `${HOLDS} (under a running loop Django raises SynchronousOnlyOperation instead)`;

/**
 * A Manager/QuerySet method that runs SQL. A Manager proxies the public QuerySet methods except
 * those marked `queryset_only` (`delete`), so both names are matched unless `querysetOnly`.
 */
function queryMethod(
  method: string,
  o: {
    does: string;
    /** What the method does with the database, as the middle of the `why` sentence. */
    what: string;
    /** The async ORM form, awaited; then the sync_to_async form. */
    instead: string;
    offload: string;
    signature: string;
    bad: string;
    good: string;
    querysetOnly?: boolean;
  },
): BlockingEntry {
  const owners = o.querysetOnly ? QUERYSET : [...QUERYSET, ...MANAGER];
  return blocking({
    id: `python:${QUERYSET_TYPE}.${method}`,
    match: owners.map((n) => `${n}.${method}`),
    category: 'database',
    why: `Django's QuerySet.${method} ${o.what} through the synchronous database backend, ${ON_THE_LOOP}.`,
    does: o.does,
    useInstead: [o.instead, o.offload],
    example: {
      bad: viewModule({ signature: o.signature, body: o.bad }),
      good: viewModule({ signature: o.signature, body: o.good }),
    },
  });
}

/** A model instance method that runs SQL; `instead` is its async form, when Django has one. */
function modelMethod(
  method: string,
  o: { does: string; what: string; instead?: string; offload: string; signature: string; bad: string; good: string; offloaded?: boolean },
): BlockingEntry {
  return blocking({
    id: `python:django.db.models.Model.${method}`,
    match: MODEL.map((n) => `${n}.${method}`),
    category: 'database',
    why: `Django's Model.${method} ${o.what} through the synchronous database backend, ${ON_THE_LOOP}.`,
    does: o.does,
    useInstead: [...(o.instead ? [o.instead] : []), o.offload],
    example: {
      bad: viewModule({ signature: o.signature, body: o.bad }),
      good: viewModule({ ...(o.offloaded ? { head: SYNC_TO_ASYNC } : {}), signature: o.signature, body: o.good }),
    },
  });
}

/** Raw SQL has no async form in Django: the whole cursor block moves to a thread, or becomes a QuerySet. */
const RAW_SQL_OFFLOAD =
  '@sync_to_async on a function that opens the cursor, runs the SQL and fetches the rows: with connection.cursor() as cursor: cursor.execute(sql, params); return cursor.fetchall()';
const RAW_SQL_ORM = 'the async ORM, when the SQL can be written as a QuerySet: await Order.objects.filter(status="open").acount()';

/** A method of the cursor `connection.cursor()` returns, called on a parameter typed as that cursor. */
function cursorMethod(
  method: string,
  o: { does: string; what: string; signature: string; args: string; placeholder: string; result: string; returns: string },
): BlockingEntry {
  const tail = 'from django.db.backends.utils import CursorWrapper';
  const signature = `${o.signature}(cursor: CursorWrapper)`;
  return blocking({
    id: `python:${CURSOR}.${method}`,
    match: [`${CURSOR}.${method}`],
    category: 'database',
    why: `Django's CursorWrapper.${method} ${o.what}, ${HOLDS}.`,
    does: o.does,
    useInstead: [RAW_SQL_OFFLOAD, `await sync_to_async(cursor.${method})(${o.placeholder})`, RAW_SQL_ORM],
    example: {
      bad: viewModule({ tail, signature, body: `${o.result}cursor.${method}(${o.args})\nreturn JsonResponse(${o.returns})` }),
      good: viewModule({ head: SYNC_TO_ASYNC, tail, signature, body: `${o.result}await sync_to_async(cursor.${method})(${o.args})\nreturn JsonResponse(${o.returns})` }),
    },
  });
}

/** The lazy methods: they clone the query and add to it, without touching the database. */
const LAZY = [
  'all', 'filter', 'exclude', 'order_by', 'select_related', 'prefetch_related', 'values', 'values_list', 'annotate',
  'alias', 'distinct', 'only', 'defer', 'using', 'select_for_update', 'none', 'reverse', 'union', 'intersection', 'difference',
];

export const entries: readonly Entry[] = [
  // Value flow: a model's managers, and the QuerySets the lazy methods build.
  gives(MANAGER_TYPE, 'django.db.models.Model.objects', ...MODEL.slice(1).map((m) => `${m}.objects`)),
  gives(MANAGER_TYPE, 'django.db.models.Model._default_manager', ...MODEL.slice(1).map((m) => `${m}._default_manager`)),
  gives(MANAGER_TYPE, 'django.db.models.Model._base_manager', ...MODEL.slice(1).map((m) => `${m}._base_manager`)),
  // get_user_model() gives the user model class: typed as Model so that `.objects` resolves.
  gives('django.db.models.Model', 'django.contrib.auth.get_user_model'),
  gives(QUERYSET_TYPE, 'django.db.models.Manager.get_queryset', ...MANAGER.slice(1).map((m) => `${m}.get_queryset`)),
  ...LAZY.map((m) => gives(QUERYSET_TYPE, `${QUERYSET_TYPE}.${m}`, ...[...QUERYSET.slice(1), ...MANAGER].map((n) => `${n}.${m}`))),
  gives('django.db.backends.base.base.BaseDatabaseWrapper', 'django.db.connections.__getitem__', 'django.db.utils.ConnectionHandler.__getitem__'),

  // Reads.
  queryMethod('get', {
    does: 'runs a database query synchronously',
    what: 'runs the SELECT and fetches the one matching row',
    instead: 'await User.objects.aget(pk=pk)',
    offload: 'await sync_to_async(User.objects.get)(pk=pk)',
    signature: 'order_detail(request, pk: int)',
    bad: 'order = Order.objects.get(pk=pk)\nreturn JsonResponse({"total": order.total})',
    good: 'order = await Order.objects.aget(pk=pk)\nreturn JsonResponse({"total": order.total})',
  }),
  queryMethod('count', {
    does: 'runs a database query synchronously',
    what: 'runs a SELECT COUNT(*) (unless the QuerySet is already evaluated)',
    instead: 'await User.objects.filter(is_active=True).acount()',
    offload: 'await sync_to_async(User.objects.filter(is_active=True).count)()',
    signature: 'open_orders(request)',
    bad: 'count = Order.objects.filter(status="open").count()\nreturn JsonResponse({"count": count})',
    good: 'count = await Order.objects.filter(status="open").acount()\nreturn JsonResponse({"count": count})',
  }),
  queryMethod('exists', {
    does: 'runs a database query synchronously',
    what: 'runs a SELECT ... LIMIT 1 to learn whether any row matches',
    instead: 'await User.objects.filter(email=email).aexists()',
    offload: 'await sync_to_async(User.objects.filter(email=email).exists)()',
    signature: 'number_taken(request, number: str)',
    bad: 'taken = Order.objects.filter(number=number).exists()\nreturn JsonResponse({"taken": taken})',
    good: 'taken = await Order.objects.filter(number=number).aexists()\nreturn JsonResponse({"taken": taken})',
  }),
  queryMethod('first', {
    does: 'runs a database query synchronously',
    what: 'runs the SELECT with LIMIT 1 and fetches the row',
    instead: 'await User.objects.order_by("date_joined").afirst()',
    offload: 'await sync_to_async(User.objects.order_by("date_joined").first)()',
    signature: 'oldest_open_order(request)',
    bad: 'order = Order.objects.filter(status="open").order_by("created").first()\nreturn JsonResponse({"id": order.pk if order else None})',
    good: 'order = await Order.objects.filter(status="open").order_by("created").afirst()\nreturn JsonResponse({"id": order.pk if order else None})',
  }),
  queryMethod('last', {
    does: 'runs a database query synchronously',
    what: 'runs the SELECT in reverse order with LIMIT 1 and fetches the row',
    instead: 'await User.objects.order_by("date_joined").alast()',
    offload: 'await sync_to_async(User.objects.order_by("date_joined").last)()',
    signature: 'newest_open_order(request)',
    bad: 'order = Order.objects.filter(status="open").order_by("created").last()\nreturn JsonResponse({"id": order.pk if order else None})',
    good: 'order = await Order.objects.filter(status="open").order_by("created").alast()\nreturn JsonResponse({"id": order.pk if order else None})',
  }),
  queryMethod('latest', {
    does: 'runs a database query synchronously',
    what: 'runs the SELECT ordered by the given field, descending, and fetches the first row',
    instead: 'await User.objects.alatest("date_joined")',
    offload: 'await sync_to_async(User.objects.latest)("date_joined")',
    signature: 'latest_order(request)',
    bad: 'order = Order.objects.latest("created")\nreturn JsonResponse({"id": order.pk})',
    good: 'order = await Order.objects.alatest("created")\nreturn JsonResponse({"id": order.pk})',
  }),
  queryMethod('earliest', {
    does: 'runs a database query synchronously',
    what: 'runs the SELECT ordered by the given field and fetches the first row',
    instead: 'await User.objects.aearliest("date_joined")',
    offload: 'await sync_to_async(User.objects.earliest)("date_joined")',
    signature: 'earliest_open_order(request)',
    bad: 'order = Order.objects.filter(status="open").earliest("created")\nreturn JsonResponse({"id": order.pk})',
    good: 'order = await Order.objects.filter(status="open").aearliest("created")\nreturn JsonResponse({"id": order.pk})',
  }),
  queryMethod('aggregate', {
    does: 'runs a database query synchronously',
    what: 'runs the aggregate SELECT (SUM, COUNT, ...) and fetches its values',
    instead: 'await Order.objects.aaggregate(revenue=Sum("total"))',
    offload: 'await sync_to_async(Order.objects.aggregate)(revenue=Sum("total"))',
    signature: 'revenue(request)',
    bad: 'totals = Order.objects.filter(status="open").aggregate(revenue=models.Sum("total"))\nreturn JsonResponse(totals)',
    good: 'totals = await Order.objects.filter(status="open").aaggregate(revenue=models.Sum("total"))\nreturn JsonResponse(totals)',
  }),
  queryMethod('in_bulk', {
    does: 'runs a database query synchronously',
    what: 'runs a SELECT ... WHERE pk IN (...) and fetches every matching row into a dict',
    instead: 'await User.objects.ain_bulk(ids)',
    offload: 'await sync_to_async(User.objects.in_bulk)(ids)',
    signature: 'orders_by_id(request, ids: list[int])',
    bad: 'orders = Order.objects.in_bulk(ids)\nreturn JsonResponse({"found": len(orders)})',
    good: 'orders = await Order.objects.ain_bulk(ids)\nreturn JsonResponse({"found": len(orders)})',
  }),
  queryMethod('iterator', {
    does: 'runs a database query synchronously',
    what: 'returns a generator that runs the SELECT and fetches the rows in chunks, on this thread, as it is iterated,',
    instead: 'async for user in User.objects.filter(is_active=True).aiterator(): ...',
    offload: 'await sync_to_async(lambda: [u.email for u in User.objects.filter(is_active=True).iterator()])()',
    signature: 'open_order_numbers(request)',
    bad: 'numbers = [order.number for order in Order.objects.filter(status="open").iterator()]\nreturn JsonResponse({"numbers": numbers})',
    good: 'numbers = [order.number async for order in Order.objects.filter(status="open").aiterator()]\nreturn JsonResponse({"numbers": numbers})',
  }),
  queryMethod('explain', {
    does: 'runs a database query synchronously',
    what: "runs EXPLAIN on the QuerySet's SQL and fetches the plan",
    instead: 'await User.objects.filter(is_active=True).aexplain()',
    offload: 'await sync_to_async(User.objects.filter(is_active=True).explain)()',
    signature: 'open_orders_plan(request)',
    bad: 'plan = Order.objects.filter(status="open").explain()\nreturn JsonResponse({"plan": plan})',
    good: 'plan = await Order.objects.filter(status="open").aexplain()\nreturn JsonResponse({"plan": plan})',
  }),
  queryMethod('contains', {
    does: 'runs a database query synchronously',
    what: 'runs a SELECT to learn whether the object is in the QuerySet (unless the QuerySet is already evaluated)',
    instead: 'await User.objects.filter(is_active=True).acontains(user)',
    offload: 'await sync_to_async(User.objects.filter(is_active=True).contains)(user)',
    signature: 'is_open(request, pk: int)',
    bad: 'order = Order(pk=pk)\nopen_ = Order.objects.filter(status="open").contains(order)\nreturn JsonResponse({"open": open_})',
    good: 'order = Order(pk=pk)\nopen_ = await Order.objects.filter(status="open").acontains(order)\nreturn JsonResponse({"open": open_})',
  }),

  // Writes.
  queryMethod('create', {
    does: 'writes to the database synchronously',
    what: 'builds the object and runs its INSERT',
    instead: 'await User.objects.acreate(username=username)',
    offload: 'await sync_to_async(User.objects.create)(username=username)',
    signature: 'place_order(request, number: str, total: int)',
    bad: 'order = Order.objects.create(number=number, total=total)\nreturn JsonResponse({"id": order.pk})',
    good: 'order = await Order.objects.acreate(number=number, total=total)\nreturn JsonResponse({"id": order.pk})',
  }),
  queryMethod('get_or_create', {
    does: 'writes to the database synchronously',
    what: 'runs a SELECT and, when no row matches, an INSERT in a transaction',
    instead: 'await User.objects.aget_or_create(username=username)',
    offload: 'await sync_to_async(User.objects.get_or_create)(username=username)',
    signature: 'order_by_number(request, number: str)',
    bad: 'order, created = Order.objects.get_or_create(number=number)\nreturn JsonResponse({"id": order.pk, "created": created})',
    good: 'order, created = await Order.objects.aget_or_create(number=number)\nreturn JsonResponse({"id": order.pk, "created": created})',
  }),
  queryMethod('update_or_create', {
    does: 'writes to the database synchronously',
    what: 'runs a SELECT ... FOR UPDATE and then an UPDATE or an INSERT in a transaction',
    instead: 'await User.objects.aupdate_or_create(username=username, defaults={"email": email})',
    offload: 'await sync_to_async(User.objects.update_or_create)(username=username, defaults={"email": email})',
    signature: 'set_total(request, number: str, total: int)',
    bad: 'order, created = Order.objects.update_or_create(number=number, defaults={"total": total})\nreturn JsonResponse({"id": order.pk, "created": created})',
    good: 'order, created = await Order.objects.aupdate_or_create(number=number, defaults={"total": total})\nreturn JsonResponse({"id": order.pk, "created": created})',
  }),
  queryMethod('bulk_create', {
    does: 'writes to the database synchronously',
    what: 'runs batched INSERTs for every object',
    instead: 'await User.objects.abulk_create(users)',
    offload: 'await sync_to_async(User.objects.bulk_create)(users)',
    signature: 'import_orders(request, numbers: list[str])',
    bad: 'orders = Order.objects.bulk_create([Order(number=n) for n in numbers])\nreturn JsonResponse({"created": len(orders)})',
    good: 'orders = await Order.objects.abulk_create([Order(number=n) for n in numbers])\nreturn JsonResponse({"created": len(orders)})',
  }),
  queryMethod('bulk_update', {
    does: 'writes to the database synchronously',
    what: 'runs batched UPDATEs for the given fields of every object',
    instead: 'await User.objects.abulk_update(users, ["email"])',
    offload: 'await sync_to_async(User.objects.bulk_update)(users, ["email"])',
    signature: 'close_orders(request, ids: list[int])',
    bad: 'orders = [Order(pk=pk, status="closed") for pk in ids]\nclosed = Order.objects.bulk_update(orders, ["status"])\nreturn JsonResponse({"closed": closed})',
    good: 'orders = [Order(pk=pk, status="closed") for pk in ids]\nclosed = await Order.objects.abulk_update(orders, ["status"])\nreturn JsonResponse({"closed": closed})',
  }),
  queryMethod('update', {
    does: 'writes to the database synchronously',
    what: 'runs a bulk UPDATE over the matching rows',
    instead: 'await User.objects.filter(pk=pk).aupdate(is_active=False)',
    offload: 'await sync_to_async(User.objects.filter(pk=pk).update)(is_active=False)',
    signature: 'close_order(request, pk: int)',
    bad: 'updated = Order.objects.filter(pk=pk).update(status="closed")\nreturn JsonResponse({"updated": updated})',
    good: 'updated = await Order.objects.filter(pk=pk).aupdate(status="closed")\nreturn JsonResponse({"updated": updated})',
  }),
  queryMethod('delete', {
    does: 'writes to the database synchronously',
    what: 'collects the matching rows and their cascades with SELECTs and runs the DELETEs',
    instead: 'await User.objects.filter(is_active=False).adelete()',
    offload: 'await sync_to_async(User.objects.filter(is_active=False).delete)()',
    signature: 'purge_cancelled(request)',
    bad: 'deleted, _ = Order.objects.filter(status="cancelled").delete()\nreturn JsonResponse({"deleted": deleted})',
    good: 'deleted, _ = await Order.objects.filter(status="cancelled").adelete()\nreturn JsonResponse({"deleted": deleted})',
    querysetOnly: true,
  }),

  // Model instances.
  modelMethod('save', {
    does: 'writes to the database synchronously',
    what: "runs the row's INSERT or UPDATE (and the pre- and post-save signal handlers)",
    instead: 'await user.asave()',
    offload: 'await sync_to_async(user.save)()',
    signature: 'place_order(request, number: str, total: int)',
    bad: 'order = Order(number=number, total=total)\norder.save()\nreturn JsonResponse({"id": order.pk})',
    good: 'order = Order(number=number, total=total)\nawait order.asave()\nreturn JsonResponse({"id": order.pk})',
  }),
  modelMethod('delete', {
    does: 'writes to the database synchronously',
    what: "collects the row's cascades with SELECTs and runs the DELETEs",
    instead: 'await user.adelete()',
    offload: 'await sync_to_async(user.delete)()',
    signature: 'cancel_order(request, pk: int)',
    bad: 'order = Order(pk=pk)\norder.delete()\nreturn JsonResponse({"deleted": pk})',
    good: 'order = Order(pk=pk)\nawait order.adelete()\nreturn JsonResponse({"deleted": pk})',
  }),
  modelMethod('refresh_from_db', {
    does: 'loads a row synchronously',
    what: "reloads the row's fields with a SELECT",
    instead: 'await user.arefresh_from_db()',
    offload: 'await sync_to_async(user.refresh_from_db)()',
    signature: 'order_total(request, pk: int)',
    bad: 'order = Order(pk=pk)\norder.refresh_from_db()\nreturn JsonResponse({"total": order.total})',
    good: 'order = Order(pk=pk)\nawait order.arefresh_from_db()\nreturn JsonResponse({"total": order.total})',
  }),
  // Validation reads the table: every unique field (the primary key of a saved row included),
  // unique_together and UniqueConstraint is checked with a SELECT ... LIMIT 1, and every
  // ForeignKey value with a query for the related row. Django has no async form.
  modelMethod('full_clean', {
    does: 'runs a database query synchronously',
    what: 'validates the instance, checking unique fields, unique constraints and foreign keys with SELECTs,',
    offload: 'await sync_to_async(user.full_clean)()',
    signature: 'check_order(request, number: str, total: int)',
    bad: 'order = Order(number=number, total=total)\norder.full_clean()\nreturn JsonResponse({"valid": True})',
    good: 'order = Order(number=number, total=total)\nawait sync_to_async(order.full_clean)()\nreturn JsonResponse({"valid": True})',
    offloaded: true,
  }),
  modelMethod('validate_unique', {
    does: 'runs a database query synchronously',
    what: 'checks every unique field and unique_together set with a SELECT ... LIMIT 1 each',
    offload: 'await sync_to_async(user.validate_unique)()',
    signature: 'check_number(request, number: str)',
    bad: 'order = Order(number=number)\norder.validate_unique()\nreturn JsonResponse({"valid": True})',
    good: 'order = Order(number=number)\nawait sync_to_async(order.validate_unique)()\nreturn JsonResponse({"valid": True})',
    offloaded: true,
  }),

  // Raw SQL. connection.cursor() connects when the thread has no open connection; the cursor's
  // methods run the SQL (fetches read from the database for SQLite and server-side cursors).
  blocking({
    id: 'python:django.db.connection.cursor',
    match: ['django.db.connection.cursor', 'django.db.backends.base.base.BaseDatabaseWrapper.cursor'],
    returns: CURSOR,
    category: 'database',
    why: `Django's connection.cursor() opens the calling thread's database connection through the synchronous backend when it has none yet, ${ON_THE_LOOP}.`,
    does: 'opens a database connection synchronously',
    useInstead: [RAW_SQL_OFFLOAD, RAW_SQL_ORM],
    example: {
      bad: viewModule({
        head: SYNC_TO_ASYNC,
        db: 'connection, models',
        before: py`
          @sync_to_async
          def count_open(cursor) -> int:
              cursor.execute("SELECT count(*) FROM shop_order WHERE status = 'open'")
              return cursor.fetchone()[0]
        `,
        signature: 'open_orders(request)',
        body: py`
          with connection.cursor() as cursor:
              count = await count_open(cursor)
          return JsonResponse({"count": count})
        `,
      }),
      good: viewModule({
        head: SYNC_TO_ASYNC,
        db: 'connection, models',
        before: py`
          @sync_to_async
          def count_open() -> int:
              with connection.cursor() as cursor:
                  cursor.execute("SELECT count(*) FROM shop_order WHERE status = 'open'")
                  return cursor.fetchone()[0]
        `,
        signature: 'open_orders(request)',
        body: py`
          count = await count_open()
          return JsonResponse({"count": count})
        `,
      }),
    },
  }),
  cursorMethod('execute', {
    does: 'runs a database query synchronously',
    what: "sends the SQL through the backend's DB-API cursor and waits for the database to run it",
    signature: 'close_open_orders',
    args: '"UPDATE shop_order SET status = \'closed\' WHERE status = \'open\'"',
    placeholder: 'sql, params',
    result: '',
    returns: '{"closed": cursor.rowcount}',
  }),
  cursorMethod('executemany', {
    does: 'runs a database query synchronously',
    what: "sends the SQL once per parameter set through the backend's DB-API cursor and waits for each",
    signature: 'close_orders',
    args: '"UPDATE shop_order SET status = \'closed\' WHERE id = %s", [[1], [2]]',
    placeholder: 'sql, param_list',
    result: '',
    returns: '{"closed": cursor.rowcount}',
  }),
  cursorMethod('fetchone', {
    does: 'fetches query results synchronously',
    what: "reads the next row through the backend's DB-API cursor (stepping the query on SQLite, reading from the server for server-side cursors)",
    signature: 'next_order',
    args: '',
    placeholder: '',
    result: 'row = ',
    returns: '{"row": row}',
  }),
  cursorMethod('fetchmany', {
    does: 'fetches query results synchronously',
    what: "reads the next rows through the backend's DB-API cursor (stepping the query on SQLite, reading from the server for server-side cursors)",
    signature: 'next_orders',
    args: '100',
    placeholder: '100',
    result: 'rows = ',
    returns: '{"rows": rows}',
  }),
  cursorMethod('fetchall', {
    does: 'fetches query results synchronously',
    what: "reads every remaining row through the backend's DB-API cursor (stepping the query on SQLite, reading from the server for server-side cursors)",
    signature: 'all_orders',
    args: '',
    placeholder: '',
    result: 'rows = ',
    returns: '{"rows": rows}',
  }),
];

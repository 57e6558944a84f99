// Synchronous clients of infrastructure services, each call a blocking request to a daemon or server: Docker, Kubernetes, HashiCorp Vault (hvac) and LDAP (ldap3).

import { blocking, type BlockingEntry, type Entry } from '../entry.js';
import { py, toThread } from './authoring.js';
import { offloadable } from './offloadable.js';

/** docker-py's high-level classes, by the names they are imported by (types.ts types the collections). */
type DockerClass = 'DockerClient' | 'ContainerCollection' | 'Container' | 'ImageCollection';
const DOCKER: Record<DockerClass, { names: readonly string[]; receiver: string }> = {
  DockerClient: { names: ['docker.DockerClient', 'docker.client.DockerClient'], receiver: 'client' },
  ContainerCollection: { names: ['docker.models.containers.ContainerCollection'], receiver: 'client.containers' },
  Container: { names: ['docker.models.containers.Container'], receiver: 'container' },
  ImageCollection: { names: ['docker.models.images.ImageCollection'], receiver: 'client.images' },
};

/**
 * A docker-py method: a request to the Docker daemon's HTTP API over its socket, through requests.
 * `instead` is the aiodocker form (`docker`: an `aiodocker.Docker`), when it has one.
 */
function dockerMethod(cls: DockerClass, method: string, o: { what: string; does: string; args: string; returns?: string; instead?: string }): BlockingEntry {
  const { names, receiver } = DOCKER[cls];
  return offloadable(`${names[0]}.${method}`, {
    match: names.map((n) => `${n}.${method}`),
    ...(o.returns ? { returns: o.returns } : {}),
    category: 'network-io',
    why: `docker-py's ${cls}.${method} ${o.what}, with blocking requests to the Docker daemon's API on the calling thread.`,
    does: o.does,
    instead: o.instead ? [`${o.instead}  # aiodocker`] : [],
    imports: 'import docker\nfrom docker.models.containers import Container',
    params: 'client: docker.DockerClient, container: Container, image: str, command: str',
    fn: `${receiver}.${method}`,
    args: o.args,
  });
}

/** The API classes of the Kubernetes client; every method is a request to the API server. */
const KUBERNETES_APIS = [
  'CoreV1Api', 'AppsV1Api', 'BatchV1Api', 'NetworkingV1Api', 'RbacAuthorizationV1Api', 'CustomObjectsApi',
  'AutoscalingV1Api', 'AutoscalingV2Api', 'PolicyV1Api', 'StorageV1Api', 'ApiextensionsV1Api', 'CoordinationV1Api',
  'EventsV1Api', 'AdmissionregistrationV1Api', 'CertificatesV1Api', 'DiscoveryV1Api', 'NodeV1Api', 'SchedulingV1Api',
  'VersionApi',
];

/** hvac's client: its own request methods, and the API namespaces under it (`client.secrets.kv.v2`). */
const HVAC_CLIENTS = ['hvac.Client', 'hvac.v1.Client'];
const HVAC_METHODS = ['read', 'write', 'write_data', 'delete', 'list', 'is_authenticated', 'lookup_token', 'renew_token', 'revoke_token', 'login'];
const HVAC_NAMESPACES = ['secrets', 'auth', 'sys'];

/** An ldap3 `Connection` operation; with the default SYNC strategy it waits for the server's response. */
function ldapOperation(method: string, o: { what: string; does: string; args: string; instead?: string }): BlockingEntry {
  const api = `ldap3.Connection.${method}`;
  return offloadable(api, {
    match: [api, `ldap3.core.connection.Connection.${method}`],
    category: 'network-io',
    why: `ldap3's Connection.${method.split('.').pop() ?? method} ${o.what}; with the default SYNC strategy it works on a blocking socket and waits for the server's response on the calling thread.`,
    does: o.does,
    instead: o.instead ? [`${o.instead}  # bonsai, with a connection from await client.connect(is_async=True)`] : [],
    imports: 'from ldap3 import Connection',
    params: 'conn: Connection, base: str, dn: str, attributes: dict',
    fn: `conn.${method}`,
    args: o.args,
  });
}

export const entries: readonly Entry[] = [
  // Docker: creating the client asks the daemon for its API version.
  blocking({
    id: 'python:docker.from_env',
    match: ['docker.from_env', 'docker.client.from_env', ...DOCKER.DockerClient.names.flatMap((n) => [n, `${n}.from_env`])],
    returns: 'docker.DockerClient',
    category: 'network-io',
    why: 'docker.from_env (like constructing DockerClient) reads the Docker configuration files and, unless an API version is given, asks the daemon for its version with a blocking request, on the calling thread.',
    does: 'connects to the Docker daemon synchronously',
    useInstead: ['docker = aiodocker.Docker()  # connects lazily; its calls are awaited', 'create the client once, at start-up', ...toThread('docker.from_env')],
    example: {
      bad: py`
        import docker

        async def handle():
            return docker.from_env()
      `,
      good: py`
        import aiodocker

        async def handle():
            return aiodocker.Docker()
      `,
    },
  }),
  dockerMethod('DockerClient', 'ping', { what: 'pings the daemon', does: 'calls the Docker daemon synchronously', args: '' }),
  dockerMethod('DockerClient', 'info', { what: 'fetches system-wide information', does: 'calls the Docker daemon synchronously', args: '', instead: 'await docker.system.info()' }),
  dockerMethod('ContainerCollection', 'run', {
    returns: 'docker.models.containers.Container',
    what: 'creates and starts a container, pulling a missing image first, and unless detach=True waits for it to exit and reads its logs',
    does: 'runs a container synchronously',
    args: 'image, command, detach=True',
    instead: 'await docker.containers.run(config={"Image": image, "Cmd": command})',
  }),
  dockerMethod('ContainerCollection', 'create', {
    returns: 'docker.models.containers.Container',
    what: 'creates a container',
    does: 'creates a container synchronously',
    args: 'image, command',
    instead: 'await docker.containers.create(config={"Image": image, "Cmd": command})',
  }),
  dockerMethod('ContainerCollection', 'get', { returns: 'docker.models.containers.Container', what: 'inspects a container', does: 'calls the Docker daemon synchronously', args: 'image', instead: 'await docker.containers.get(container_id)' }),
  dockerMethod('ContainerCollection', 'list', { what: 'lists containers (inspecting each one)', does: 'calls the Docker daemon synchronously', args: '', instead: 'await docker.containers.list()' }),
  dockerMethod('Container', 'start', { what: 'starts the container', does: 'controls a container synchronously', args: '', instead: 'await container.start()' }),
  dockerMethod('Container', 'stop', { what: 'stops the container, waiting up to its timeout for it to exit', does: 'controls a container synchronously', args: '', instead: 'await container.stop()' }),
  dockerMethod('Container', 'restart', { what: 'restarts the container, waiting up to its timeout for it to stop', does: 'controls a container synchronously', args: '', instead: 'await container.restart()' }),
  dockerMethod('Container', 'kill', { what: 'signals the container', does: 'controls a container synchronously', args: '', instead: 'await container.kill()' }),
  dockerMethod('Container', 'remove', { what: 'removes the container', does: 'controls a container synchronously', args: 'force=True', instead: 'await container.delete(force=True)' }),
  dockerMethod('Container', 'wait', { what: 'waits for the container to exit', does: 'waits for a container synchronously', args: '', instead: 'await container.wait()' }),
  dockerMethod('Container', 'logs', { what: "reads the container's logs (following them for ever with follow=True)", does: 'reads container logs synchronously', args: '', instead: 'await container.log(stdout=True, stderr=True)' }),
  dockerMethod('Container', 'exec_run', { what: 'runs a command in the container and waits for its output', does: 'runs a command in a container synchronously', args: 'command' }),
  dockerMethod('Container', 'reload', { what: 'inspects the container again', does: 'calls the Docker daemon synchronously', args: '', instead: 'await container.show()' }),
  dockerMethod('ImageCollection', 'pull', { returns: 'docker.models.images.Image', what: 'pulls the image from its registry and waits for every layer', does: 'pulls an image synchronously', args: 'image', instead: 'await docker.images.pull(image)' }),
  dockerMethod('ImageCollection', 'push', { what: 'pushes the image to its registry and waits for every layer', does: 'pushes an image synchronously', args: 'image', instead: 'await docker.images.push(image)' }),
  dockerMethod('ImageCollection', 'build', { what: 'sends the build context and waits for the whole build', does: 'builds an image synchronously', args: 'path=command, tag=image' }),
  dockerMethod('ImageCollection', 'get', { returns: 'docker.models.images.Image', what: 'inspects an image', does: 'calls the Docker daemon synchronously', args: 'image', instead: 'await docker.images.inspect(image)' }),
  dockerMethod('ImageCollection', 'list', { what: 'lists images', does: 'calls the Docker daemon synchronously', args: '', instead: 'await docker.images.list()' }),

  // Kubernetes: the generated API classes; kubernetes_asyncio is the awaitable twin (non-blocking.ts).
  // A call with async_req=True returns a thread-pool result instead, but is rare in async code.
  blocking({
    id: 'python:kubernetes.client.CoreV1Api',
    match: KUBERNETES_APIS.map((c) => `kubernetes.client.${c}.*`),
    category: 'network-io',
    why: 'Every method of the Kubernetes client API classes (CoreV1Api, AppsV1Api, ...) sends a request to the API server through urllib3 and waits for the whole response on the calling thread.',
    does: 'calls the Kubernetes API synchronously',
    useInstead: ['await v1.list_namespaced_pod(namespace)  # v1: kubernetes_asyncio.client.CoreV1Api, same methods', ...toThread('v1.list_namespaced_pod, namespace')],
    example: {
      bad: py`
        from kubernetes import client

        async def pods(v1: client.CoreV1Api, namespace: str):
            return v1.list_namespaced_pod(namespace)
      `,
      good: py`
        from kubernetes_asyncio import client

        async def pods(v1: client.CoreV1Api, namespace: str):
            return await v1.list_namespaced_pod(namespace)
      `,
    },
  }),
  blocking({
    id: 'python:kubernetes.watch.Watch.stream',
    match: ['kubernetes.watch.Watch.stream', 'kubernetes.watch.watch.Watch.stream'],
    category: 'network-io',
    why: 'kubernetes.watch.Watch.stream holds a long-lived watch request to the API server and yields each event as it arrives, blocking the calling thread between events.',
    does: 'watches the Kubernetes API synchronously',
    useInstead: ['async for event in kubernetes_asyncio.watch.Watch().stream(v1.list_namespaced_pod, namespace): ...'],
    example: {
      bad: py`
        from kubernetes import client, watch

        async def follow(v1: client.CoreV1Api, namespace: str) -> None:
            for event in watch.Watch().stream(v1.list_namespaced_pod, namespace):
                print(event["type"])
      `,
      good: py`
        from kubernetes_asyncio import client, watch

        async def follow(v1: client.CoreV1Api, namespace: str) -> None:
            async for event in watch.Watch().stream(v1.list_namespaced_pod, namespace):
                print(event["type"])
      `,
    },
  }),

  // HashiCorp Vault: hvac has no async client.
  offloadable('hvac.Client', {
    match: HVAC_CLIENTS.flatMap((c) => [...HVAC_METHODS.map((m) => `${c}.${m}`), ...HVAC_NAMESPACES.map((n) => `${c}.${n}.*`)]),
    category: 'network-io',
    why: "hvac.Client's requests (client.read, client.secrets.kv.v2.read_secret_version, client.auth.approle.login, ...) go to Vault through requests and wait for the response on the calling thread; hvac has no async API.",
    does: 'calls Vault synchronously',
    instead: ['read secrets once at start-up and keep them, refreshing from a background thread'],
    imports: 'import hvac',
    params: 'vault: hvac.Client, path: str',
    fn: 'vault.secrets.kv.v2.read_secret_version',
    args: 'path=path',
  }),

  // LDAP: ldap3's operations (Connection(..., auto_bind=True) also binds in the constructor).
  ldapOperation('open', { what: 'connects to the server (and negotiates TLS when configured)', does: 'connects to an LDAP server synchronously', args: '' }),
  ldapOperation('bind', { what: 'opens the connection if needed and sends the bind request', does: 'binds to an LDAP server synchronously', args: '' }),
  ldapOperation('start_tls', { what: 'negotiates TLS', does: 'negotiates TLS synchronously', args: '' }),
  ldapOperation('search', { what: 'sends the search and collects every entry', does: 'searches an LDAP directory synchronously', args: 'base, "(objectClass=person)"', instead: 'await conn.search(base, bonsai.LDAPSearchScope.SUB, "(objectClass=person)")' }),
  ldapOperation('add', { what: 'sends the add request', does: 'writes to an LDAP directory synchronously', args: 'dn, "inetOrgPerson", attributes', instead: 'await conn.add(entry)' }),
  ldapOperation('modify', { what: 'sends the modify request', does: 'writes to an LDAP directory synchronously', args: 'dn, attributes', instead: 'await entry.modify()' }),
  ldapOperation('delete', { what: 'sends the delete request', does: 'writes to an LDAP directory synchronously', args: 'dn', instead: 'await conn.delete(dn)' }),
  ldapOperation('modify_dn', { what: 'sends the rename request', does: 'writes to an LDAP directory synchronously', args: 'dn, base' }),
  ldapOperation('extend.standard.paged_search', { what: 'sends one search request per page as the generator is consumed', does: 'searches an LDAP directory synchronously', args: 'base, "(objectClass=person)"', instead: 'await conn.paged_search(base, bonsai.LDAPSearchScope.SUB, "(objectClass=person)", page_size=500)' }),
];

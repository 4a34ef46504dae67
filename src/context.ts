import type { IncomingMessage } from 'node:http';
import type { SignInSettings } from './config.js';
import { authenticate, type Authentication, type CredentialsError } from './auth/authenticate.js';
import type { Database } from './db/client.js';
import { countingDatabase } from './db/counting.js';
import { recordOf } from './observe/request-record.js';
import { cachedLocaleCatalog } from './i18n/catalog.js';
import { createRequestLocale, type RequestLocale } from './i18n/request.js';
import type { RequestHead } from './http/request-head.js';
import type { RealtimeHub } from './realtime/hub.js';
import type { FilesOptions } from './files/service.js';
import { sharedReads } from './realtime/shared-reads.js';

/** Who is asking, as established by a session or bot token (src/auth/authenticate.ts). */
export interface Viewer {
  userId: string;
  userType: 'human' | 'machine';
  /** A bot's scopes (e.g. `messages:write`); null for a person, who is not limited by scopes. */
  scopes: string[] | null;
  /** The session the request came with; null for a bot token. */
  sessionId: string | null;
  /** The bot whose token the request came with; null for a person. */
  botId: string | null;
  /** The user's stored locale, read with the credentials (so the request locale costs no statement); absent: not read. */
  locale?: string | null;
}

/** Everything a resolver may use for one request (or one subscription event). */
export interface Context {
  db: Database;
  viewer: Viewer | null;
  /** Set when the request presented credentials that were refused: protected fields answer UNAUTHENTICATED. */
  credentialsError: CredentialsError | null;
  /** The peer's address (no proxy header is trusted), stored on sessions; null outside a socket. */
  clientIp: string | null;
  request?: Request;
  /** The request's locale: Accept-Language, the viewer's stored locale, the platform's locales. */
  locale: RequestLocale;
  /** Where subscriptions get their events; absent when the server was built without realtime. */
  realtime?: RealtimeHub;
  /** Sign-in provider settings (the key client secrets are sealed with); absent: none configured. */
  signIn?: SignInSettings;
  /** The key integration connections' credentials are sealed with (INTEGRATION_SECRET_KEY); null or absent: none can be stored. */
  integrationSecretKey?: Buffer | null;
  /** File storage and its limits (src/files/); absent: uploadFile answers that uploads are off. */
  files?: FilesOptions;
}

export interface ContextFactoryOptions {
  db: Database;
  realtime?: RealtimeHub;
  signIn?: SignInSettings;
  integrationSecretKey?: Buffer | null;
  files?: FilesOptions;
}

// One authentication per request, whether compiled reads (src/compiled/) or the context asks first.
const authentications = new WeakMap<RequestHead, Promise<Authentication>>();

/** The request's credentials, resolved once (at most one statement) however many times they are asked for. */
export function authenticateRequest(db: Database, request: RequestHead): Promise<Authentication> {
  let authentication = authentications.get(request);
  if (!authentication) authentications.set(request, (authentication = authenticate(db, request)));
  return authentication;
}

export function createContextFactory({ db, realtime, signIn, integrationSecretKey, files }: ContextFactoryOptions) {
  // Warm the locale catalog so the first localized field of a request costs no statement.
  void cachedLocaleCatalog(db).catch(() => undefined);
  return async ({ request, req }: { request: Request; req?: IncomingMessage }): Promise<Context> => {
    // At most one statement, and none without an Authorization header.
    const { viewer, credentialsError } = await authenticateRequest(db, request);
    // The request's statements are counted into its record (src/observe/request-record.ts) when it has one.
    const record = recordOf(request);
    const context: Context = {
      db: record ? countingDatabase(db, record) : db,
      realtime,
      signIn,
      integrationSecretKey,
      files,
      viewer,
      credentialsError,
      clientIp: req?.socket.remoteAddress ?? null,
      request,
      // The viewer is read lazily, so authentication may set it after the context exists.
      locale: createRequestLocale({ db, acceptLanguage: request.headers.get('accept-language'), viewer: () => context.viewer }),
    };
    return context;
  };
}

/**
 * The context one subscription event is resolved with: the subscriber's viewer and request, but
 * new caches (rule loaders, Pothos DataLoaders, locale), which are keyed by the context object,
 * and reads merged with those of the event's other subscribers (src/realtime/shared-reads.ts).
 */
export function createEventContext(subscription: Context): Context {
  const context: Context = {
    ...subscription,
    db: sharedReads(subscription.db),
    locale: createRequestLocale({
      db: subscription.db,
      acceptLanguage: subscription.request?.headers.get('accept-language'),
      viewer: () => context.viewer,
    }),
  };
  return context;
}

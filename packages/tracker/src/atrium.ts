// Atrium's browser tracker, served at /sdk/atrium.js. Loaded by a one-line snippet that queues calls made
// before it arrives:
//   <script>window.atrium=window.atrium||function(){(atrium.q=atrium.q||[]).push(arguments)};
//   atrium('init','wk_…',{host:'https://cdp.example.com'});atrium('page');</script>
//   <script async src="https://cdp.example.com/sdk/atrium.js"></script>
// It speaks the Segment-compatible API (POST /v1/batch, the write key in a text/plain JSON body, so a
// browser sends no preflight), batches calls, retries with backoff, keeps unsent calls in localStorage
// (offline queue), and gives every call a messageId so a retry is never stored twice.

type Json = Record<string, unknown>;
type Consent = "granted" | "denied" | "pending";
interface Options {
  host?: string;
  /** "required": send nothing, set no cookie, until atrium('consent', { analytics: true }). */
  consent?: "required" | "granted";
  /** Also count history navigation (pushState, replaceState, popstate) as page views. */
  trackHistory?: boolean;
  flushInterval?: number;
  batchSize?: number;
}
interface Message extends Json {
  type: string;
  messageId: string;
  timestamp: string;
}

const w = window;
const d = document;
const PREFIX = "atrium_";
const MAX_QUEUE = 500;

let writeKey = "";
let host = "";
let options: Options = {};
let consent: Consent = "granted";
let queue: Message[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let attempts = 0;
let sending = false;

const store = {
  get(key: string): string | null {
    try {
      return localStorage.getItem(PREFIX + key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string | null): void {
    try {
      if (value === null) localStorage.removeItem(PREFIX + key);
      else localStorage.setItem(PREFIX + key, value);
    } catch {
      // Storage disabled (private mode, quota): the tracker keeps working in memory.
    }
  },
};

const uuid = (): string =>
  w.crypto && "randomUUID" in w.crypto
    ? w.crypto.randomUUID()
    : "10000000-1000-4000-8000-100000000000".replace(/[018]/g, (c) =>
        (+c ^ ((Math.random() * 16) >> (+c / 4))).toString(16),
      );

function cookie(name: string, value?: string): string | null {
  if (value !== undefined) {
    const secure = location.protocol === "https:" ? ";Secure" : "";
    d.cookie = `${PREFIX}${name}=${encodeURIComponent(value)};path=/;max-age=31536000;SameSite=Lax${secure}`;
    return value;
  }
  const match = d.cookie.match(new RegExp(`(?:^|; )${PREFIX}${name}=([^;]*)`));
  return match ? decodeURIComponent(match[1]) : null;
}

/** First-party cookie first (it survives where localStorage is partitioned), localStorage as the fallback. */
function anonymousId(): string {
  let id = cookie("aid") ?? store.get("aid");
  if (!id) id = uuid();
  if (consent === "granted") {
    cookie("aid", id);
    store.set("aid", id);
  }
  memoryAid = id;
  return id;
}
let memoryAid = "";

function campaign(): Json | undefined {
  const params = new URLSearchParams(location.search);
  const out: Json = {};
  for (const key of ["source", "medium", "campaign", "term", "content"]) {
    const value = params.get(`utm_${key}`);
    if (value) out[key === "campaign" ? "name" : key] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function pageInfo(): Json {
  return { url: location.href, path: location.pathname, title: d.title, referrer: d.referrer, search: location.search };
}

function enqueue(type: string, fields: Json): void {
  if (consent === "denied") return;
  const userId = store.get("uid");
  const message: Message = {
    type,
    messageId: uuid(),
    timestamp: new Date().toISOString(),
    anonymousId: consent === "granted" ? anonymousId() : memoryAid || (memoryAid = uuid()),
    ...(userId ? { userId } : {}),
    context: {
      library: { name: "atrium-tracker", version: "0.1.0" },
      page: pageInfo(),
      userAgent: navigator.userAgent,
      locale: navigator.language,
      campaign: campaign(),
    },
    ...fields,
  };
  queue.push(message);
  if (queue.length > MAX_QUEUE) queue = queue.slice(-MAX_QUEUE);
  persist();
  schedule(queue.length >= (options.batchSize ?? 20) ? 0 : (options.flushInterval ?? 1000));
}

/** The offline queue: unsent calls survive a reload or a closed tab (only with consent). */
function persist(): void {
  if (consent === "granted") store.set("queue", queue.length > 0 ? JSON.stringify(queue) : null);
}

function schedule(delay: number): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(() => void flush(), delay);
}

function payload(batch: Message[]): string {
  return JSON.stringify({ batch, writeKey, sentAt: new Date().toISOString() });
}

async function flush(): Promise<void> {
  timer = undefined;
  if (sending || queue.length === 0 || consent !== "granted" || !writeKey) return;
  if (!navigator.onLine) return schedule(5000);
  sending = true;
  const batch = queue.slice(0, options.batchSize ?? 20);
  let retryAfter = 0;
  try {
    const res = await fetch(`${host}/v1/batch`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: payload(batch),
      keepalive: true,
      credentials: "omit",
    });
    // 4xx other than 429 will not get better by sending again: the batch is dropped, like Segment's libraries do.
    if (res.status === 429 || res.status >= 500) {
      retryAfter = Number(res.headers.get("retry-after")) * 1000 || 0;
      throw new Error(String(res.status));
    }
    queue = queue.filter((m) => !batch.includes(m));
    attempts = 0;
  } catch {
    attempts++;
  } finally {
    sending = false;
    persist();
  }
  if (queue.length > 0) schedule(attempts ? Math.max(retryAfter, Math.min(60000, 1000 * 2 ** attempts)) : 0);
}

/** On page hide, what is left goes by sendBeacon (the page may be gone before a fetch completes). */
function flushOnHide(): void {
  if (queue.length === 0 || consent !== "granted" || !writeKey) return;
  const body = new Blob([payload(queue)], { type: "text/plain" });
  if (navigator.sendBeacon && navigator.sendBeacon(`${host}/v1/batch`, body)) {
    // Kept persisted until the next load confirms nothing: the messageIds make a resend harmless.
    queue = [];
  }
}

function init(key: string, opts: Options = {}): void {
  writeKey = key;
  options = opts;
  host = (opts.host ?? "").replace(/\/$/, "");
  const saved = store.get("consent") as Consent | null;
  consent = opts.consent === "required" ? (saved ?? "pending") : "granted";
  try {
    queue = JSON.parse(store.get("queue") ?? "[]") as Message[];
  } catch {
    queue = [];
  }
  if (opts.trackHistory) {
    for (const method of ["pushState", "replaceState"] as const) {
      const original = history[method];
      history[method] = function (this: History, ...args: Parameters<History["pushState"]>) {
        const before = location.href;
        original.apply(this, args);
        if (location.href !== before) api.page();
      };
    }
    w.addEventListener("popstate", () => api.page());
  }
  d.addEventListener("visibilitychange", () => d.visibilityState === "hidden" && flushOnHide());
  w.addEventListener("pagehide", flushOnHide);
  w.addEventListener("online", () => schedule(0));
  schedule(0);
}

const api = {
  init,
  page(name?: string, properties: Json = {}): void {
    enqueue("page", { name, properties: { ...pageInfo(), ...properties } });
  },
  track(event: string, properties: Json = {}): void {
    enqueue("track", { event, properties });
  },
  /** { externalId } (or userId) names the customer; email and traits go to the profile. */
  identify(who: { externalId?: string; userId?: string; email?: string; traits?: Json } = {}): void {
    const userId = who.externalId ?? who.userId;
    if (userId && consent !== "denied") store.set("uid", consent === "granted" ? userId : null);
    enqueue("identify", {
      ...(userId ? { userId } : {}),
      traits: { ...who.traits, ...(who.email ? { email: who.email } : {}) },
    });
  },
  /** { analytics: true } grants, { analytics: false } denies; in consent-first mode nothing is sent before. */
  consent(choice: { analytics?: boolean } | boolean): void {
    const granted = typeof choice === "boolean" ? choice : choice.analytics !== false;
    consent = granted ? "granted" : "denied";
    store.set("consent", granted ? "granted" : null);
    if (granted) {
      anonymousId();
      const uid = queue.find((m) => typeof m.userId === "string")?.userId;
      if (typeof uid === "string") store.set("uid", uid);
      persist();
      schedule(0);
    } else {
      queue = [];
      store.set("queue", null);
    }
  },
  reset(): void {
    store.set("uid", null);
    store.set("aid", null);
    memoryAid = "";
    cookie("aid", uuid());
    if (consent !== "granted") cookie("aid", "");
  },
  flush,
};

type Call = [keyof typeof api, ...unknown[]];
type AtriumGlobal = ((...args: Call) => void) & { q?: Call[] };

function call(args: Call): void {
  const [method, ...rest] = args;
  const fn = api[method] as ((...a: unknown[]) => void) | undefined;
  if (typeof fn === "function") fn(...rest);
}

const previous = (w as unknown as { atrium?: AtriumGlobal }).atrium;
const pending = previous?.q ?? [];
const atrium: AtriumGlobal = (...args: Call) => call(args);
(w as unknown as { atrium: AtriumGlobal }).atrium = atrium;
// init first whatever the order of the snippet's calls, then the rest in order.
pending.sort((a, b) => (a[0] === "init" ? -1 : b[0] === "init" ? 1 : 0)).forEach(call);

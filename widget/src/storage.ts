// The visitor's id and current conversation, kept in the browser per client key. When storage
// is blocked (private modes, sandboxed frames) the ids live as long as the page.

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VISITOR_ID = /^[A-Za-z0-9_-]{8,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 22 random characters of the server's visitor id alphabet (132 bits). */
export function newVisitorId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(22));
  let id = '';
  for (const byte of bytes) id += ID_ALPHABET[byte & 63];
  return id;
}

/** A random key for one booking request, so that a retry is recognised as the same request. */
export const newRequestKey = newVisitorId;

export interface VisitorStore {
  visitorId(): string;
  conversationId(): string | null;
  setConversationId(id: string | null): void;
}

export function visitorStore(clientKey: string, storage: Storage | null = localStorageOrNull()): VisitorStore {
  const prefix = `concierge:${clientKey}:`;
  const memory = new Map<string, string>();
  const read = (name: string): string | null => {
    try {
      return storage?.getItem(prefix + name) ?? memory.get(name) ?? null;
    } catch {
      return memory.get(name) ?? null;
    }
  };
  const write = (name: string, value: string | null): void => {
    if (value === null) memory.delete(name);
    else memory.set(name, value);
    try {
      if (value === null) storage?.removeItem(prefix + name);
      else storage?.setItem(prefix + name, value);
    } catch {
      // Full or blocked: the in-memory copy serves this page.
    }
  };
  return {
    visitorId() {
      const stored = read('visitor');
      if (stored && VISITOR_ID.test(stored)) return stored;
      const id = newVisitorId();
      write('visitor', id);
      return id;
    },
    conversationId() {
      const stored = read('conversation');
      return stored && UUID.test(stored) ? stored : null;
    },
    setConversationId(id) {
      write('conversation', id);
    },
  };
}

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

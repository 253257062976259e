// The widget's side of the public widget API (/api/v1/widget/{clientKey}/...).
import type { Language, Position } from './config';
import { readSse } from './sse';

/** The tenant's public configuration. */
export interface PublicConfig {
  clientKey: string;
  title: string;
  buttonEmoji: string;
  logoUrl: string | null;
  firstMessage: string;
  font: string;
  colors: { primary: string; text: string };
  position: Position;
  appointmentsEnabled: boolean;
  language: Language;
}

export interface Slot {
  start: string;
  end: string;
  localStart: string;
}

export interface SlotList {
  timeZone: string;
  slots: Slot[];
}

export interface BookingRequest {
  start: string;
  name: string;
  email: string;
  phone: string | null;
  notes: string | null;
}

export interface Booking {
  id: string;
  start: string;
  end: string;
  localStart: string;
  timeZone: string;
  status: string;
}

export interface StoredMessage {
  role: 'USER' | 'ASSISTANT' | 'TOOL';
  content: string;
}

/** What a chat stream reports, in order: deltas, maybe an offer, then done (or error). */
export type ChatStreamEvent =
  | { type: 'delta'; text: string }
  | { type: 'offer'; offer: SlotList }
  | { type: 'done'; conversationId: string; fallback: boolean }
  | { type: 'error'; message: string };

/** A request that failed: `status` 0 when no answer arrived (network, CORS, aborted). */
export class ApiError extends Error {
  readonly status: number;
  /** Field errors of a 400 problem, by field name. */
  readonly fields: Record<string, string>;

  constructor(status: number, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.fields = fields;
  }
}

export interface Api {
  config(): Promise<PublicConfig>;
  slots(): Promise<SlotList>;
  book(request: BookingRequest, idempotencyKey: string): Promise<Booking>;
  chat(body: { visitorId: string; conversationId: string | null; message: string }, onEvent: (event: ChatStreamEvent) => void): Promise<void>;
  restore(conversationId: string, visitorId: string): Promise<StoredMessage[]>;
}

export function createApi(apiBase: string, clientKey: string, fetcher: typeof fetch = (...args) => fetch(...args)): Api {
  const base = `${apiBase}/api/v1/widget/${encodeURIComponent(clientKey)}`;

  async function call(path: string, init?: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await fetcher(base + path, { credentials: 'omit', ...init });
    } catch (error) {
      throw new ApiError(0, String(error));
    }
    if (!response.ok) throw await problem(response);
    return response;
  }

  const json = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const response = await call(path, init);
    try {
      return (await response.json()) as T;
    } catch (error) {
      throw new ApiError(0, String(error));
    }
  };

  const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

  return {
    config: () => json<PublicConfig>(''),
    slots: () => json<SlotList>('/slots'),
    book: (request, idempotencyKey) => json<Booking>('/bookings', post(request, { 'Idempotency-Key': idempotencyKey })),
    restore: async (conversationId, visitorId) =>
      (
        await json<{ messages?: StoredMessage[] }>(
          `/conversations/${encodeURIComponent(conversationId)}?visitorId=${encodeURIComponent(visitorId)}`,
        )
      ).messages ?? [],
    async chat(body, onEvent) {
      const response = await call('/chat/stream', post(body, { Accept: 'text/event-stream' }));
      if (!response.body) throw new ApiError(0, 'no response body');
      let finished = false;
      try {
        await readSse(response.body, ({ event, data }) => {
          const payload = JSON.parse(data) as Record<string, unknown>;
          if (event === 'delta') onEvent({ type: 'delta', text: String(payload.text ?? '') });
          else if (event === 'action' && payload.type === 'offer_slots') {
            onEvent({ type: 'offer', offer: { timeZone: String(payload.timeZone), slots: (payload.slots as Slot[]) ?? [] } });
          } else if (event === 'done') {
            finished = true;
            onEvent({ type: 'done', conversationId: String(payload.conversationId), fallback: payload.fallback === true });
          } else if (event === 'error') {
            finished = true;
            onEvent({ type: 'error', message: String(payload.message ?? '') });
          }
        });
      } catch (error) {
        throw new ApiError(0, String(error));
      }
      // A stream that ends without done or error was cut off on the way.
      if (!finished) throw new ApiError(0, 'the reply stream ended early');
    },
  };
}

async function problem(response: Response): Promise<ApiError> {
  let detail = response.statusText;
  const fields: Record<string, string> = {};
  try {
    const body = (await response.json()) as { detail?: string; title?: string; errors?: { field: string; message: string }[] };
    detail = body.detail ?? body.title ?? detail;
    for (const error of body.errors ?? []) fields[error.field] = error.message;
  } catch {
    // Not a problem document; the status says enough.
  }
  return new ApiError(response.status, detail, fields);
}

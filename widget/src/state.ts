// The widget's state as plain data and pure transitions, so every rule can be tested without a
// browser: the chat (messages, a reply on its way, failures to retry) and booking (slots, the
// chosen time, the outcome), plus the booking form's checks.
import type { Booking, Slot, SlotList, StoredMessage } from './api';
import type { MessageKey } from './i18n';

export interface ChatMessage {
  id: number;
  role: 'user' | 'assistant';
  text: string;
  /** The reply is still arriving. */
  streaming?: boolean;
  /** The reply broke off; a retry replaces it. */
  broken?: boolean;
}

export type ChatFailure = 'sendFailed' | 'interrupted' | 'tooMany';

export interface ChatState {
  messages: ChatMessage[];
  /** idle; waiting for the first piece of a reply; receiving it. */
  phase: 'idle' | 'waiting' | 'streaming';
  /** What went wrong with the last message, and that message, to send again. */
  failure: { reason: ChatFailure; text: string } | null;
  /** The last message sent, for a retry. */
  lastSent: string | null;
  nextId: number;
}

export type ChatAction =
  | { type: 'restored'; messages: StoredMessage[] }
  | { type: 'send'; text: string }
  | { type: 'retry' }
  | { type: 'delta'; text: string }
  | { type: 'done' }
  | { type: 'failed'; reason: ChatFailure };

export const initialChat: ChatState = { messages: [], phase: 'idle', failure: null, lastSent: null, nextId: 1 };

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'restored': {
      // History goes before anything written since the panel opened.
      const history: ChatMessage[] = action.messages
        .filter((message) => message.role === 'USER' || message.role === 'ASSISTANT')
        .map((message, index) => ({
          id: -1 - index,
          role: message.role === 'USER' ? 'user' : 'assistant',
          text: message.content,
        }));
      return { ...state, messages: [...history, ...state.messages] };
    }
    case 'send':
      return {
        ...state,
        messages: [...state.messages, { id: state.nextId, role: 'user', text: action.text }],
        nextId: state.nextId + 1,
        phase: 'waiting',
        failure: null,
        lastSent: action.text,
      };
    case 'retry':
      return { ...state, messages: state.messages.filter((message) => !message.broken), phase: 'waiting', failure: null };
    case 'delta': {
      const last = state.messages[state.messages.length - 1];
      if (state.phase === 'streaming' && last?.streaming) {
        return { ...state, messages: [...state.messages.slice(0, -1), { ...last, text: last.text + action.text }] };
      }
      return {
        ...state,
        phase: 'streaming',
        messages: [...state.messages, { id: state.nextId, role: 'assistant', text: action.text, streaming: true }],
        nextId: state.nextId + 1,
      };
    }
    case 'done':
      return { ...state, phase: 'idle', messages: state.messages.map(({ streaming: _, ...message }) => message) };
    case 'failed':
      return {
        ...state,
        phase: 'idle',
        failure: { reason: action.reason, text: state.lastSent ?? '' },
        messages: state.messages.map(({ streaming, ...message }) => (streaming ? { ...message, broken: true } : message)),
      };
  }
}

/** Words that show a wish to book, as the server also reads them: whole words, any case. */
const BOOKING_WORD = /(^|[^\p{L}\p{N}_])(termine?|buchen|appointment|book|booking|reservation)(?![\p{L}\p{N}_])/iu;

export function mentionsBooking(text: string): boolean {
  return BOOKING_WORD.test(text);
}

export interface BookingState {
  stage: 'slots' | 'form' | 'done';
  loading: boolean;
  slots: SlotList | null;
  /** Why there are no slots to show. */
  problem: 'slotsFailed' | 'bookingsOff' | null;
  notice: MessageKey | null;
  chosen: Slot | null;
  booked: Booking | null;
  /** The slots are the few an assistant's reply offered, not all free ones. */
  offered: boolean;
}

export type BookingAction =
  | { type: 'open'; offer?: SlotList }
  | { type: 'loaded'; slots: SlotList }
  | { type: 'loadFailed'; problem: 'slotsFailed' | 'bookingsOff' }
  | { type: 'choose'; slot: Slot }
  | { type: 'change' }
  | { type: 'taken' }
  | { type: 'booked'; booking: Booking };

export function initialBooking(offer?: SlotList): BookingState {
  return {
    stage: 'slots',
    loading: !offer,
    slots: offer ?? null,
    problem: null,
    notice: null,
    chosen: null,
    booked: null,
    offered: !!offer,
  };
}

export function bookingReducer(state: BookingState, action: BookingAction): BookingState {
  switch (action.type) {
    case 'open':
      return initialBooking(action.offer);
    case 'loaded':
      return { ...state, loading: false, slots: action.slots, problem: null, offered: false };
    case 'loadFailed':
      return { ...state, loading: false, problem: action.problem };
    case 'choose':
      return { ...state, stage: 'form', chosen: action.slot, notice: null };
    case 'change':
      return { ...state, stage: 'slots', chosen: null };
    case 'taken':
      // The chosen time went to someone else: back to the list, which is being reloaded.
      return { ...state, stage: 'slots', chosen: null, loading: true, notice: 'taken' };
    case 'booked':
      return { ...state, stage: 'done', booked: action.booking, notice: null };
  }
}

export interface ContactForm {
  name: string;
  email: string;
  phone: string;
  note: string;
  consent: boolean;
}

export type FormErrors = Partial<Record<keyof ContactForm, MessageKey>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()/.-]{5,30}$/;

/** Every problem of the form at once, by field; empty when it can be sent. */
export function validateContact(form: ContactForm): FormErrors {
  const errors: FormErrors = {};
  const name = form.name.trim();
  const email = form.email.trim();
  const phone = form.phone.trim();
  if (!name) errors.name = 'required';
  else if (name.length > 100) errors.name = 'tooLong';
  if (!email) errors.email = 'required';
  else if (email.length > 254 || !EMAIL.test(email)) errors.email = 'badEmail';
  if (phone && !PHONE.test(phone)) errors.phone = 'badPhone';
  if (form.note.trim().length > 1000) errors.note = 'tooLong';
  if (!form.consent) errors.consent = 'needConsent';
  return errors;
}

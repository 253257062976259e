import { describe, expect, it } from 'vitest';
import type { Slot, SlotList } from './api';
import {
  bookingReducer,
  chatReducer,
  initialBooking,
  initialChat,
  mentionsBooking,
  validateContact,
  type ChatAction,
  type ChatState,
  type ContactForm,
} from './state';

const run = (...actions: ChatAction[]): ChatState => actions.reduce(chatReducer, initialChat);

describe('chatReducer', () => {
  it('shows the visitor message and waits for the reply', () => {
    const state = run({ type: 'send', text: 'Hi' });
    expect(state.messages).toEqual([{ id: 1, role: 'user', text: 'Hi' }]);
    expect(state.phase).toBe('waiting');
  });

  it('grows one streaming assistant message from the deltas', () => {
    const state = run({ type: 'send', text: 'Hi' }, { type: 'delta', text: 'Hel' }, { type: 'delta', text: 'lo' });
    expect(state.phase).toBe('streaming');
    expect(state.messages).toHaveLength(2);
    expect(state.messages[1]).toMatchObject({ role: 'assistant', text: 'Hello', streaming: true });
  });

  it('ends streaming when done', () => {
    const state = run({ type: 'send', text: 'Hi' }, { type: 'delta', text: 'Hello' }, { type: 'done' });
    expect(state.phase).toBe('idle');
    expect(state.messages[1]).toEqual({ id: 2, role: 'assistant', text: 'Hello' });
  });

  it('starts a new assistant message for the next reply', () => {
    const state = run(
      { type: 'send', text: 'a' },
      { type: 'delta', text: 'one' },
      { type: 'done' },
      { type: 'send', text: 'b' },
      { type: 'delta', text: 'two' },
    );
    expect(state.messages.map((message) => message.text)).toEqual(['a', 'one', 'b', 'two']);
  });

  it('remembers a failed message for a retry, which drops the broken part of the reply', () => {
    const failed = run({ type: 'send', text: 'Hi' }, { type: 'delta', text: 'Hel' }, { type: 'failed', reason: 'interrupted' });
    expect(failed.failure).toEqual({ reason: 'interrupted', text: 'Hi' });
    expect(failed.phase).toBe('idle');
    expect(failed.messages[1]).toMatchObject({ broken: true });
    expect(failed.messages[1]?.streaming).toBeUndefined();

    const retried = chatReducer(failed, { type: 'retry' });
    expect(retried.failure).toBeNull();
    expect(retried.phase).toBe('waiting');
    expect(retried.messages.map((message) => message.text)).toEqual(['Hi']);
  });

  it('puts restored history before what was written since, without tool messages', () => {
    const state = chatReducer(run({ type: 'send', text: 'new' }), {
      type: 'restored',
      messages: [
        { role: 'USER', content: 'old question' },
        { role: 'TOOL', content: '{"offered":3}' },
        { role: 'ASSISTANT', content: 'old answer' },
      ],
    });
    expect(state.messages.map((message) => [message.role, message.text])).toEqual([
      ['user', 'old question'],
      ['assistant', 'old answer'],
      ['user', 'new'],
    ]);
    expect(new Set(state.messages.map((message) => message.id)).size).toBe(3);
  });
});

describe('mentionsBooking', () => {
  it.each(['Ich möchte einen Termin', 'termine?', 'Kann ich buchen', 'An APPOINTMENT please', 'book me in', 'Booking!', 'reservation'])(
    'sees a booking wish in "%s"',
    (text) => expect(mentionsBooking(text)).toBe(true),
  );

  it.each(['Terminal opening hours', 'a good bookshop', 'Facebook page', 'Buchenwald', 'hello'])('sees none in "%s"', (text) =>
    expect(mentionsBooking(text)).toBe(false),
  );
});

const slot = (start: string): Slot => ({ start, end: start, localStart: start.slice(0, 16) });
const offer: SlotList = { timeZone: 'Europe/Berlin', slots: [slot('2026-12-01T09:00:00Z')] };

describe('bookingReducer', () => {
  it('loads slots when opened without an offer, and shows an offer at once', () => {
    expect(bookingReducer(initialBooking(), { type: 'open' })).toMatchObject({ loading: true, slots: null, stage: 'slots' });
    expect(bookingReducer(initialBooking(), { type: 'open', offer })).toMatchObject({ loading: false, slots: offer, offered: true });
    // Loading all free slots replaces the few offered.
    expect(bookingReducer(initialBooking(offer), { type: 'loaded', slots: offer })).toMatchObject({ offered: false });
  });

  it('goes from a chosen slot to the form and back', () => {
    const chosen = bookingReducer(initialBooking(offer), { type: 'choose', slot: offer.slots[0]! });
    expect(chosen).toMatchObject({ stage: 'form', chosen: offer.slots[0] });
    expect(bookingReducer(chosen, { type: 'change' })).toMatchObject({ stage: 'slots', chosen: null });
  });

  it('returns to fresh slots with a notice when the time was taken', () => {
    const chosen = bookingReducer(initialBooking(offer), { type: 'choose', slot: offer.slots[0]! });
    const taken = bookingReducer(chosen, { type: 'taken' });
    expect(taken).toMatchObject({ stage: 'slots', loading: true, notice: 'taken', chosen: null });
    // The notice stays while the new list is shown.
    expect(bookingReducer(taken, { type: 'loaded', slots: offer })).toMatchObject({ loading: false, notice: 'taken' });
  });

  it('keeps the booking when done', () => {
    const booking = { id: 'b', start: '2026-12-01T09:00:00Z', end: '', localStart: '', timeZone: 'Europe/Berlin', status: 'REQUESTED' };
    expect(bookingReducer(initialBooking(offer), { type: 'booked', booking })).toMatchObject({ stage: 'done', booked: booking });
  });
});

describe('validateContact', () => {
  const valid: ContactForm = { name: 'Ada', email: 'ada@example.com', phone: '', note: '', consent: true };

  it('accepts a complete form', () => {
    expect(validateContact(valid)).toEqual({});
    expect(validateContact({ ...valid, phone: '+49 (30) 123-456' })).toEqual({});
  });

  it('reports every problem at once', () => {
    expect(validateContact({ name: ' ', email: 'nope', phone: 'call me', note: 'x'.repeat(1001), consent: false })).toEqual({
      name: 'required',
      email: 'badEmail',
      phone: 'badPhone',
      note: 'tooLong',
      consent: 'needConsent',
    });
  });

  it('requires an e-mail and limits the name as the server does', () => {
    expect(validateContact({ ...valid, email: '' }).email).toBe('required');
    expect(validateContact({ ...valid, name: 'x'.repeat(101) }).name).toBe('tooLong');
  });
});

import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type Api, type Booking, type BookingRequest, type ChatStreamEvent, type PublicConfig, type SlotList } from './api';
import { App, type Remote } from './App';
import type { Language } from './config';
import { visitorStore } from './storage';

const CONFIG: PublicConfig = {
  clientKey: 'acme',
  title: 'Acme Dental',
  buttonEmoji: '🦷',
  logoUrl: 'https://cdn.acme.example/logo.png',
  firstMessage: 'Hello! How can I help?',
  font: 'Georgia, serif',
  colors: { primary: '#1f6feb', text: '#ffffff' },
  position: 'bottom-right',
  appointmentsEnabled: true,
  language: 'en',
};

const SLOTS: SlotList = {
  timeZone: 'Europe/Berlin',
  slots: [
    { start: '2026-12-01T08:00:00Z', end: '2026-12-01T08:30:00Z', localStart: '2026-12-01T09:00' },
    { start: '2026-12-01T09:00:00Z', end: '2026-12-01T09:30:00Z', localStart: '2026-12-01T10:00' },
    { start: '2026-12-02T08:00:00Z', end: '2026-12-02T08:30:00Z', localStart: '2026-12-02T09:00' },
  ],
};

interface Stream {
  body: { visitorId: string; conversationId: string | null; message: string };
  emit(event: ChatStreamEvent): Promise<void>;
  end(): Promise<void>;
  fail(error: unknown): Promise<void>;
}

/** An Api whose chat streams the test drives event by event. */
function fakeApi() {
  const streams: Stream[] = [];
  const api = {
    config: vi.fn(async () => CONFIG),
    slots: vi.fn(async () => SLOTS),
    book: vi.fn(
      async (request: BookingRequest, _key: string): Promise<Booking> => ({
        id: 'b1',
        start: request.start,
        end: request.start,
        localStart: '',
        timeZone: 'Europe/Berlin',
        status: 'REQUESTED',
      }),
    ),
    restore: vi.fn(async () => [] as { role: 'USER' | 'ASSISTANT' | 'TOOL'; content: string }[]),
    chat: vi.fn(
      (body: Stream['body'], onEvent: (event: ChatStreamEvent) => void) =>
        new Promise<void>((resolve, reject) => {
          streams.push({
            body,
            emit: (event) => act(() => onEvent(event)),
            end: () => act(async () => resolve()),
            fail: (error) => act(async () => reject(error)),
          });
        }),
    ),
  } satisfies Api;
  return { api, streams };
}

let shadow: ShadowRoot;
const part = <T extends HTMLElement = HTMLElement>(name: string): T | null => shadow.querySelector<T>(`[data-part="${name}"]`);
const parts = (name: string): HTMLElement[] => [...shadow.querySelectorAll<HTMLElement>(`[data-part="${name}"]`)];
const messages = () => parts('message').map((message) => [message.dataset.role, message.textContent]);
const lastMessage = () => messages()[messages().length - 1];

/** Resizes happy-dom's window, which its matchMedia answers from. */
function setViewport(size: { width: number; height: number }) {
  (window as unknown as { happyDOM: { setViewport(size: { width: number; height: number }): void } }).happyDOM.setViewport(size);
}

async function mount(options: { config?: Partial<PublicConfig>; lang?: Language; zone?: string } = {}) {
  const fake = fakeApi();
  const remote: Remote = { pending: [] };
  const host = document.createElement('div');
  document.body.append(host);
  shadow = host.attachShadow({ mode: 'open' });
  await act(() =>
    render(
      <App
        api={fake.api}
        config={{ ...CONFIG, ...options.config }}
        lang={options.lang ?? 'en'}
        position="bottom-right"
        store={visitorStore('acme')}
        remote={remote}
        zone={options.zone ?? 'Europe/Berlin'}
      />,
      shadow,
    ),
  );
  return { ...fake, remote };
}

async function click(element: HTMLElement | null) {
  expect(element).not.toBeNull();
  await act(() => element?.click());
}

async function type(element: HTMLElement | null, value: string) {
  const input = element as HTMLInputElement | HTMLTextAreaElement;
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function send(text: string) {
  await type(part('input'), text);
  await click(part('send'));
}

/** Lets pending promises, renders and effects run. */
async function settle() {
  // Effects scheduled outside act() wait for an animation frame.
  for (let round = 0; round < 2; round++) await act(() => new Promise<void>((resolve) => setTimeout(resolve, 40)));
}

async function openPanel() {
  await click(part('launcher'));
}

beforeEach(() => {
  localStorage.clear();
  setViewport({ width: 1024, height: 768 });
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('launcher and panel', () => {
  it('opens the panel, moves focus into it, and closes on Escape with focus back on the launcher', async () => {
    await mount();
    const launcher = part('launcher')!;
    expect(launcher.textContent).toBe('🦷');
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    expect(part('panel')).toBeNull();

    await openPanel();
    const panel = part('panel')!;
    expect(launcher.getAttribute('aria-expanded')).toBe('true');
    expect(launcher.getAttribute('aria-controls')).toBe(panel.id);
    expect(panel.getAttribute('role')).toBe('dialog');
    expect(panel.getAttribute('aria-label')).toBe('Acme Dental');
    expect(part('title')?.textContent).toBe('Acme Dental');
    expect(part<HTMLImageElement>('logo')?.src).toBe('https://cdn.acme.example/logo.png');
    expect(part('messages')?.getAttribute('role')).toBe('log');
    expect(part('messages')?.getAttribute('aria-live')).toBe('polite');
    expect(messages()).toEqual([['assistant', 'Hello! How can I help?']]);
    expect(shadow.activeElement).toBe(part('input'));

    await act(() => {
      part('input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(panel.hidden).toBe(true);
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    expect(shadow.activeElement).toBe(launcher);
  });

  it('closes with the close button', async () => {
    await mount();
    await openPanel();
    await click(part('close'));
    expect(part('panel')?.hidden).toBe(true);
    expect(shadow.activeElement).toBe(part('launcher'));
  });

  it('closes on Escape from the launcher too', async () => {
    await mount();
    await openPanel();
    part('launcher')!.focus();
    await act(() => {
      part('launcher')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(part('panel')?.hidden).toBe(true);
  });

  it('goes full screen on a narrow viewport and floats on a wide one', async () => {
    setViewport({ width: 500, height: 800 });
    await mount();
    await openPanel();
    expect(part('panel')?.dataset.layout).toBe('fullscreen');
    // Covered by the panel, the launcher leaves the tab order until the panel closes.
    expect(part('launcher')?.hidden).toBe(true);
    expect(shadow.activeElement).toBe(part('panel'));
    await click(part('close'));
    expect(part('launcher')?.hidden).toBe(false);
    expect(shadow.activeElement).toBe(part('launcher'));

    document.body.innerHTML = '';
    setViewport({ width: 1024, height: 768 });
    await mount();
    await openPanel();
    expect(part('panel')?.dataset.layout).toBe('floating');
  });

  it('keeps Tab within a full-screen panel, which is modal', async () => {
    setViewport({ width: 390, height: 800 });
    await mount();
    await openPanel();
    const panel = part('panel')!;
    expect(panel.getAttribute('aria-modal')).toBe('true');
    const tab = (shiftKey: boolean) =>
      act(() => {
        (shadow.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true, cancelable: true }));
      });
    // From the panel itself, Shift+Tab wraps round to the last control: the input (send is disabled).
    await tab(true);
    expect(shadow.activeElement).toBe(part('input'));
    await tab(false);
    expect(shadow.activeElement).toBe(part('close'));
    await tab(true);
    expect(shadow.activeElement).toBe(part('input'));
  });

  it('is not modal when floating', async () => {
    await mount();
    await openPanel();
    expect(part('panel')?.hasAttribute('aria-modal')).toBe(false);
  });

  it('keeps a full-screen panel within the visible area when the on-screen keyboard opens', async () => {
    const viewport = Object.assign(new EventTarget(), { height: 800, offsetTop: 0 });
    Object.defineProperty(window, 'visualViewport', { value: viewport, configurable: true });
    try {
      setViewport({ width: 390, height: 800 });
      await mount();
      await openPanel();
      const panel = part('panel')!;
      expect(panel.style.height).toBe('800px');

      viewport.height = 420;
      viewport.offsetTop = 60;
      await act(() => {
        viewport.dispatchEvent(new Event('resize'));
      });
      expect(panel.style.height).toBe('420px');
      expect(panel.style.top).toBe('60px');

      await click(part('close'));
      expect(panel.style.height).toBe('');
    } finally {
      delete (window as { visualViewport?: unknown }).visualViewport;
    }
  });

  it('is driven by window.Concierge through its remote', async () => {
    const { remote } = await mount();
    await act(() => remote.handle?.('open'));
    expect(part('panel')?.hidden).toBe(false);
    await act(() => remote.handle?.('toggle'));
    expect(part('panel')?.hidden).toBe(true);
  });

  it('speaks German', async () => {
    await mount({ lang: 'de' });
    expect(part('launcher')?.getAttribute('aria-label')).toBe('Chat öffnen: Acme Dental');
    await openPanel();
    expect(part('input')?.getAttribute('placeholder')).toBe('Nachricht schreiben…');
    expect(part('book')?.textContent).toBe('Termin buchen');
  });
});

describe('chat', () => {
  it('streams a reply as it arrives, with a typing indicator before the first piece', async () => {
    const { streams } = await mount();
    await openPanel();
    await send('Do you open on Saturdays?');

    expect(messages().slice(1)).toEqual([['user', 'Do you open on Saturdays?']]);
    expect(part('typing')).not.toBeNull();
    expect(part<HTMLButtonElement>('send')?.disabled).toBe(true);
    const stream = streams[0]!;
    expect(stream.body).toEqual({
      visitorId: localStorage.getItem('concierge:acme:visitor'),
      conversationId: null,
      message: 'Do you open on Saturdays?',
    });

    await stream.emit({ type: 'delta', text: 'Yes, ' });
    expect(part('typing')).toBeNull();
    const reply = parts('message')[2]!;
    expect(reply.dataset.role).toBe('assistant');
    expect(reply.dataset.streaming).toBe('true');
    expect(reply.textContent).toBe('Yes, ');

    await stream.emit({ type: 'delta', text: 'from 9 to 13.' });
    expect(parts('message')[2]?.textContent).toBe('Yes, from 9 to 13.');

    await stream.emit({ type: 'done', conversationId: '0b7e5f9c-2f4c-4a39-9c53-0d2a3c4b5e6f', fallback: false });
    await stream.end();
    expect(parts('message')[2]?.hasAttribute('data-streaming')).toBe(false);
    expect(localStorage.getItem('concierge:acme:conversation')).toBe('0b7e5f9c-2f4c-4a39-9c53-0d2a3c4b5e6f');

    await send('Thanks');
    expect(streams[1]?.body.conversationId).toBe('0b7e5f9c-2f4c-4a39-9c53-0d2a3c4b5e6f');
  });

  it('sends with Enter and keeps Shift+Enter for a new line', async () => {
    const { streams } = await mount();
    await openPanel();
    await type(part('input'), 'Hello');
    await act(() => {
      part('input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true }));
    });
    expect(streams).toHaveLength(0);
    await act(() => {
      part('input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(streams).toHaveLength(1);
    expect(part<HTMLTextAreaElement>('input')?.value).toBe('');
  });

  it('renders simple formatting as elements and never markup from the text', async () => {
    const { streams } = await mount();
    await openPanel();
    await send('hi');
    await streams[0]!.emit({
      type: 'delta',
      text: '**Open** <img src=x onerror="alert(1)"> [evil](javascript:alert(1)) see https://acme.example/hours\n- cleaning\n- check-up',
    });

    const reply = parts('message')[2]!;
    expect(reply.querySelector('b')?.textContent).toBe('Open');
    expect(reply.querySelector('img, script')).toBeNull();
    expect(reply.textContent).toContain('<img src=x onerror="alert(1)">');
    const links = [...reply.querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://acme.example/hours']);
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(links[0]?.getAttribute('target')).toBe('_blank');
    expect([...reply.querySelectorAll('li')].map((item) => item.textContent)).toEqual(['cleaning', 'check-up']);
  });

  it('offers a retry after a network error, which sends the same message once more', async () => {
    const { api, streams } = await mount();
    await openPanel();
    await send('Hello?');
    await streams[0]!.fail(new ApiError(0, 'Failed to fetch'));

    expect(part('error')?.textContent).toContain('could not be sent');
    expect(part('typing')).toBeNull();
    await click(part('retry'));

    expect(part('error')).toBeNull();
    expect(api.chat).toHaveBeenCalledTimes(2);
    expect(streams[1]?.body.message).toBe('Hello?');
    expect(messages().filter(([role]) => role === 'user')).toHaveLength(1);
    await streams[1]!.emit({ type: 'delta', text: 'Hi!' });
    expect(lastMessage()).toEqual(['assistant', 'Hi!']);
  });

  it('drops a reply that broke off when retrying it', async () => {
    const { streams } = await mount();
    await openPanel();
    await send('Hello?');
    await streams[0]!.emit({ type: 'delta', text: 'Half an ans' });
    await streams[0]!.emit({ type: 'error', message: 'The answer was interrupted. Please try again.' });
    await streams[0]!.end();

    expect(part('error')?.textContent).toContain('interrupted');
    await click(part('retry'));
    await streams[1]!.emit({ type: 'delta', text: 'A whole answer.' });
    expect(messages().slice(1)).toEqual([
      ['user', 'Hello?'],
      ['assistant', 'A whole answer.'],
    ]);
  });

  it('calls a reply cut off by the network interrupted', async () => {
    const { streams } = await mount();
    await openPanel();
    await send('Hello?');
    await streams[0]!.emit({ type: 'delta', text: 'Half' });
    await streams[0]!.fail(new ApiError(0, 'the reply stream ended early'));
    expect(part('error')?.textContent).toContain('interrupted');
    expect(parts('message')[2]?.hasAttribute('data-streaming')).toBe(false);
  });

  it('says so kindly when too many messages were sent', async () => {
    const { streams } = await mount();
    await openPanel();
    await send('Hello?');
    await streams[0]!.fail(new ApiError(429, 'Too Many Requests'));
    expect(part('error')?.textContent).toContain('wait a moment');
  });

  it("shows the server's polite limit reply like any other", async () => {
    const { streams } = await mount();
    await openPanel();
    await send('Hello?');
    await streams[0]!.emit({ type: 'delta', text: 'The assistant is taking a break right now.' });
    await streams[0]!.emit({ type: 'done', conversationId: '0b7e5f9c-2f4c-4a39-9c53-0d2a3c4b5e6f', fallback: true });
    expect(lastMessage()).toEqual(['assistant', 'The assistant is taking a break right now.']);
    expect(part('error')).toBeNull();
  });
});

describe('continuity', () => {
  it('restores the stored conversation when the panel first opens, not before', async () => {
    localStorage.setItem('concierge:acme:visitor', 'visitor-123456');
    localStorage.setItem('concierge:acme:conversation', '0b7e5f9c-2f4c-4a39-9c53-0d2a3c4b5e6f');
    const { api } = await mount();
    api.restore.mockResolvedValue([
      { role: 'USER', content: 'Earlier question' },
      { role: 'ASSISTANT', content: 'Earlier answer' },
    ]);
    expect(api.restore).not.toHaveBeenCalled();

    await openPanel();
    await settle();

    expect(api.restore).toHaveBeenCalledWith('0b7e5f9c-2f4c-4a39-9c53-0d2a3c4b5e6f', 'visitor-123456');
    expect(messages()).toEqual([
      ['assistant', 'Hello! How can I help?'],
      ['user', 'Earlier question'],
      ['assistant', 'Earlier answer'],
    ]);
    await click(part('close'));
    await openPanel();
    expect(api.restore).toHaveBeenCalledTimes(1);
  });

  it('forgets a conversation the server no longer has for this visitor', async () => {
    localStorage.setItem('concierge:acme:conversation', '0b7e5f9c-2f4c-4a39-9c53-0d2a3c4b5e6f');
    const { api } = await mount();
    api.restore.mockRejectedValue(new ApiError(404, 'Not Found'));
    await openPanel();
    await settle();
    expect(localStorage.getItem('concierge:acme:conversation')).toBeNull();
  });
});

describe('booking', () => {
  it('opens with the slots of an offer, grouped by day, with the business zone', async () => {
    const { api, streams } = await mount({ zone: 'America/New_York' });
    await openPanel();
    await send('What can you do?');
    await streams[0]!.emit({ type: 'delta', text: 'Here are some times.' });
    await streams[0]!.emit({ type: 'offer', offer: SLOTS });

    expect(part('booking')).not.toBeNull();
    expect(part('messages')?.hidden).toBe(true);
    expect(api.slots).not.toHaveBeenCalled();
    expect(parts('slot').map((slot) => slot.dataset.start)).toEqual(SLOTS.slots.map((slot) => slot.start));
    expect(parts('day').map((day) => day.querySelector('h4')?.textContent)).toEqual(['Tuesday 1 December', 'Wednesday 2 December']);
    // New York is six hours behind Berlin's UTC+1 in December: 08:00 UTC is 03:00 there.
    expect(parts('slot').map((slot) => slot.textContent)).toEqual(['03:00', '04:00', '03:00']);
    expect(part('zone')?.textContent).toContain('America/New_York');
    expect(part('zone')?.textContent).toContain('Europe/Berlin');

    await click(part('more-slots'));
    await settle();
    expect(api.slots).toHaveBeenCalledTimes(1);
    expect(part('more-slots')).toBeNull();

    await click(part('back'));
    expect(part('booking')).toBeNull();
    expect(part('messages')?.hidden).toBe(false);
    expect(lastMessage()).toEqual(['assistant', 'Here are some times.']);
  });

  it('opens from the book button and from a booking word, loading the free slots', async () => {
    const { api } = await mount();
    await openPanel();
    await click(part('book'));
    await settle();
    expect(api.slots).toHaveBeenCalledTimes(1);
    expect(parts('slot')).toHaveLength(3);

    await click(part('back'));
    await send('Can I get a Termin tomorrow?');
    await settle();
    expect(part('booking')).not.toBeNull();
    expect(api.slots).toHaveBeenCalledTimes(2);
  });

  it('offers no booking when the business takes no appointments', async () => {
    const { api, streams } = await mount({ config: { appointmentsEnabled: false } });
    await openPanel();
    expect(part('book')).toBeNull();
    await send('I want to book');
    await streams[0]!.emit({ type: 'offer', offer: SLOTS });
    expect(part('booking')).toBeNull();
    expect(api.slots).not.toHaveBeenCalled();
  });

  async function chooseFirstSlot() {
    const fake = await mount();
    await openPanel();
    await click(part('book'));
    await settle();
    await click(parts('slot')[1]!);
    return fake;
  }

  async function fillForm() {
    await type(shadow.querySelector('input[name=name]'), 'Ada Lovelace');
    await type(shadow.querySelector('input[name=email]'), 'ada@example.com');
    await type(shadow.querySelector('input[name=phone]'), '+49 30 1234567');
    await type(shadow.querySelector('textarea[name=note]'), 'First visit');
    await click(shadow.querySelector<HTMLInputElement>('input[type=checkbox][name=consent]'));
  }

  it('checks the form and links each error to its field', async () => {
    const { api } = await chooseFirstSlot();
    await type(shadow.querySelector('input[name=email]'), 'not-an-address');
    await click(part('submit-booking'));

    expect(api.book).not.toHaveBeenCalled();
    const errors = parts('field-error');
    expect(errors.map((error) => error.textContent)).toEqual([
      'Please fill this in.',
      'Please enter a valid e-mail address.',
      'Please agree so that we can arrange the appointment.',
    ]);
    for (const name of ['name', 'email', 'consent']) {
      const field = shadow.querySelector(`[name=${name}]`)!;
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(shadow.getElementById(field.getAttribute('aria-describedby')!)?.dataset.part).toBe('field-error');
    }
    expect(shadow.querySelector('[name=phone]')?.hasAttribute('aria-invalid')).toBe(false);
  });

  it('books the chosen slot and shows the booked time', async () => {
    const { api } = await chooseFirstSlot();
    await fillForm();
    await click(part('submit-booking'));
    await settle();

    expect(api.book).toHaveBeenCalledWith(
      { start: '2026-12-01T09:00:00Z', name: 'Ada Lovelace', email: 'ada@example.com', phone: '+49 30 1234567', notes: 'First visit' },
      expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
    );
    const confirmed = part('booking-confirmed')!;
    expect(confirmed.getAttribute('role')).toBe('status');
    expect(confirmed.textContent).toContain('Tuesday 1 December');
    expect(confirmed.textContent).toContain('10:00');
    expect(confirmed.textContent).toContain('Europe/Berlin');
  });

  it('refreshes the slots and says so when the time was just taken', async () => {
    const { api } = await chooseFirstSlot();
    api.book.mockRejectedValueOnce(new ApiError(409, 'Conflict'));
    api.slots.mockResolvedValueOnce({ ...SLOTS, slots: SLOTS.slots.filter((slot) => slot.start !== '2026-12-01T09:00:00Z') });
    await fillForm();
    await click(part('submit-booking'));
    await settle();

    expect(part('booking-notice')?.getAttribute('role')).toBe('status');
    expect(part('booking-notice')?.textContent).toBe('That time was just taken. Here are the current free times.');
    expect(api.slots).toHaveBeenCalledTimes(2);
    expect(parts('slot').map((slot) => slot.dataset.start)).toEqual(['2026-12-01T08:00:00Z', '2026-12-02T08:00:00Z']);
    expect(part('booking-form')).toBeNull();
  });

  it('also refreshes the slots when the server no longer takes the chosen time', async () => {
    const { api } = await chooseFirstSlot();
    api.book.mockRejectedValueOnce(new ApiError(400, 'Invalid', { start: 'is not a free slot' }));
    await fillForm();
    await click(part('submit-booking'));
    await settle();
    expect(api.slots).toHaveBeenCalledTimes(2);
    expect(part('booking-notice')?.textContent).toContain('just taken');
    expect(part('booking-form')).toBeNull();
  });

  it('sends a retry after a network failure with the same idempotency key', async () => {
    const { api } = await chooseFirstSlot();
    api.book.mockRejectedValueOnce(new ApiError(0, 'Failed to fetch'));
    await fillForm();
    await click(part('submit-booking'));
    await settle();
    expect(part('booking-notice')?.textContent).toContain('could not be sent');

    await click(part('submit-booking'));
    await settle();
    expect(api.book).toHaveBeenCalledTimes(2);
    expect(api.book.mock.calls[1]?.[1]).toBe(api.book.mock.calls[0]?.[1]);
    expect(part('booking-confirmed')).not.toBeNull();
  });

  it("shows the server's field errors", async () => {
    const { api } = await chooseFirstSlot();
    api.book.mockRejectedValueOnce(new ApiError(400, 'Invalid', { email: 'must be a valid e-mail address' }));
    await fillForm();
    await click(part('submit-booking'));
    await settle();
    expect(parts('field-error').map((error) => error.textContent)).toEqual(['must be a valid e-mail address']);
    expect(shadow.querySelector('[name=email]')?.getAttribute('aria-invalid')).toBe('true');
  });
});

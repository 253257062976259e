// The widget: the launcher, and the panel with the chat or the booking view. The panel is built on
// the first open, and the conversation is restored from the server then, so a page load costs no
// more than the launcher.
import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { ApiError, type Api, type PublicConfig, type SlotList } from './api';
import type { Language, Position } from './config';
import { Booking } from './Booking';
import { Chat } from './Chat';
import { translator } from './i18n';
import { bookingReducer, chatReducer, initialBooking, initialChat, mentionsBooking } from './state';
import type { VisitorStore } from './storage';
import { brandColours } from './theme';
import { useKeyboardFit, useLayout } from './viewport';

export type Command = 'open' | 'close' | 'toggle';

/** How window.Concierge reaches the widget: commands sent before it rendered wait in `pending`. */
export interface Remote {
  pending: Command[];
  handle?: (command: Command) => void;
}

export interface AppProps {
  api: Api;
  config: PublicConfig;
  lang: Language;
  position: Position;
  store: VisitorStore;
  remote: Remote;
  /** The visitor's time zone. */
  zone: string;
}

const PANEL_ID = 'cw-panel';

export function App({ api, config, lang, position, store, remote, zone }: AppProps) {
  const t = translator(lang);
  const [open, setOpen] = useState(false);
  const [built, setBuilt] = useState(false);
  const [view, setView] = useState<'chat' | 'booking'>('chat');
  const [chat, chatDispatch] = useReducer(chatReducer, initialChat);
  const [booking, bookingDispatch] = useReducer(bookingReducer, initialBooking());
  const layout = useLayout();
  const launcher = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  // Where focus goes after the next render: set by what the visitor did.
  const focusNext = useRef<'input' | 'panel' | 'launcher' | null>(null);
  const colours = brandColours(config.colors?.primary, config.colors?.text);
  const canBook = config.appointmentsEnabled;

  useKeyboardFit(panel, open && layout === 'fullscreen');

  const show = (visible: boolean): void => {
    setOpen(visible);
    if (visible) {
      setBuilt(true);
      // On a phone, focusing the input would pop up the keyboard over the conversation.
      focusNext.current = layout === 'fullscreen' || view === 'booking' ? 'panel' : 'input';
    } else if (focusInPanel()) {
      // Closed from the page's script while the visitor was in the panel: do not lose their place.
      focusNext.current = 'launcher';
    }
  };

  const focusInPanel = (): boolean => {
    const active = (panel.current?.getRootNode() as ShadowRoot | undefined)?.activeElement;
    return !!active && !!panel.current?.contains(active);
  };

  const commands = useRef<(command: Command) => void>(() => {});
  commands.current = (command) => show(command === 'open' ? true : command === 'close' ? false : !open);

  useEffect(() => {
    remote.handle = (command) => commands.current(command);
    for (const command of remote.pending.splice(0)) remote.handle(command);
    return () => {
      remote.handle = undefined;
    };
  }, []);

  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target === 'input') input.current?.focus();
    else if (target === 'panel') panel.current?.focus();
    else if (target === 'launcher') launcher.current?.focus();
  });

  // The conversation this visitor had, restored once, when the panel is first built.
  useEffect(() => {
    if (!built) return;
    const conversation = store.conversationId();
    if (!conversation) return;
    api.restore(conversation, store.visitorId()).then(
      (messages) => chatDispatch({ type: 'restored', messages }),
      (error) => {
        // Gone, or not this visitor's: start afresh.
        if (error instanceof ApiError && error.status === 404) store.setConversationId(null);
      },
    );
  }, [built]);

  // The stream's callbacks outlive the render that started them; they read the view through refs.
  const current = useRef({ view, booking });
  current.current = { view, booking };

  const openBooking = (offer?: SlotList): void => {
    bookingDispatch({ type: 'open', offer });
    setView('booking');
  };

  const ask = async (text: string): Promise<void> => {
    let started = false;
    try {
      await api.chat({ visitorId: store.visitorId(), conversationId: store.conversationId(), message: text }, (event) => {
        started = true;
        if (event.type === 'delta') chatDispatch({ type: 'delta', text: event.text });
        else if (event.type === 'offer') {
          // An offer shows its slots, unless the visitor is already filling in the form.
          const { view: shown, booking: state } = current.current;
          if (canBook && event.offer.slots.length > 0 && (shown !== 'booking' || state.stage === 'slots')) {
            openBooking(event.offer);
          }
        } else if (event.type === 'done') {
          store.setConversationId(event.conversationId);
          chatDispatch({ type: 'done' });
        } else chatDispatch({ type: 'failed', reason: 'interrupted' });
      });
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      chatDispatch({ type: 'failed', reason: started ? 'interrupted' : status === 429 ? 'tooMany' : 'sendFailed' });
    }
  };

  const send = (text: string): void => {
    chatDispatch({ type: 'send', text });
    if (canBook && mentionsBooking(text)) openBooking();
    void ask(text);
  };

  const retry = (): void => {
    const text = chat.failure?.text;
    if (!text) return;
    chatDispatch({ type: 'retry' });
    void ask(text);
  };

  return (
    <div
      class="w"
      data-pos={position}
      style={{ '--p': colours.primary, '--on': colours.text, '--f': config.font || 'system-ui' }}
      onKeyDown={(event) => {
        // Escape closes, from the panel or the launcher.
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          focusNext.current = 'launcher';
          setOpen(false);
        }
        // A full-screen panel hides the page, so Tab cycles within it.
        if (event.key === 'Tab' && open && layout === 'fullscreen' && panel.current) {
          const focusable = [...panel.current.querySelectorAll<HTMLElement>('button,input,textarea,a[href]')].filter(
            (element) => !(element as HTMLButtonElement).disabled && !element.closest('[hidden]'),
          );
          const edge = focusable[event.shiftKey ? 0 : focusable.length - 1];
          const root = panel.current.getRootNode() as ShadowRoot;
          if (edge && (root.activeElement === edge || root.activeElement === panel.current)) {
            event.preventDefault();
            focusable[event.shiftKey ? focusable.length - 1 : 0]?.focus();
          }
        }
      }}
    >
      <button
        type="button"
        class="launcher"
        data-part="launcher"
        ref={launcher}
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={PANEL_ID}
        aria-label={`${t(open ? 'closeChat' : 'openChat')}: ${config.title}`}
        // Under a full-screen panel the launcher can be neither seen nor reached.
        hidden={open && layout === 'fullscreen'}
        onClick={() => show(!open)}
      >
        <span aria-hidden="true">{config.buttonEmoji || '💬'}</span>
      </button>
      {built && (
        <div
          id={PANEL_ID}
          class="panel"
          data-part="panel"
          role="dialog"
          aria-label={config.title}
          aria-modal={layout === 'fullscreen' ? 'true' : undefined}
          data-layout={layout}
          tabIndex={-1}
          ref={panel}
          hidden={!open}
        >
          <header class="head">
            {config.logoUrl && <img class="logo" data-part="logo" src={config.logoUrl} alt="" />}
            <h2 data-part="title">{config.title}</h2>
            <button
              type="button"
              class="icon"
              data-part="close"
              aria-label={t('closeChat')}
              onClick={() => {
                focusNext.current = 'launcher';
                setOpen(false);
              }}
            >
              ×
            </button>
          </header>
          <Chat
            t={t}
            state={chat}
            greeting={config.firstMessage}
            hidden={view !== 'chat'}
            canBook={canBook}
            inputRef={input}
            onSend={send}
            onRetry={retry}
            onBook={() => openBooking()}
          />
          {view === 'booking' && (
            <Booking
              t={t}
              lang={lang}
              zone={zone}
              api={api}
              state={booking}
              dispatch={bookingDispatch}
              onBack={() => {
                focusNext.current = 'input';
                setView('chat');
              }}
            />
          )}
        </div>
      )}
    </div>
  );
}

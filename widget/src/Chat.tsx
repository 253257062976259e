// The conversation: messages as they arrive, the typing indicator, a failure with its retry, the
// booking button and the input.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from './i18n';
import { Rich } from './Rich';
import type { ChatState } from './state';

export interface ChatProps {
  t: Translate;
  state: ChatState;
  greeting: string;
  hidden: boolean;
  canBook: boolean;
  inputRef: { current: HTMLTextAreaElement | null };
  onSend(text: string): void;
  onRetry(): void;
  onBook(): void;
}

const MAX_MESSAGE = 2000;

export function Chat({ t, state, greeting, hidden, canBook, inputRef, onSend, onRetry, onBook }: ChatProps) {
  const [draft, setDraft] = useState('');
  const log = useRef<HTMLDivElement>(null);
  // Follow new text while the visitor is at the bottom; leave them alone when they scrolled up.
  const stick = useRef(true);
  const busy = state.phase !== 'idle';

  useEffect(() => {
    const element = log.current;
    if (element && stick.current) element.scrollTop = element.scrollHeight;
  }, [state.messages, state.phase, state.failure, hidden]);

  const send = (): void => {
    const text = draft.trim();
    if (!text || busy) return;
    stick.current = true;
    setDraft('');
    const input = inputRef.current;
    if (input) input.style.height = '';
    onSend(text);
  };

  return (
    <>
      <div
        class="log"
        data-part="messages"
        role="log"
        aria-live="polite"
        ref={log}
        hidden={hidden}
        onScroll={(event) => {
          const element = event.currentTarget;
          stick.current = element.scrollHeight - element.scrollTop - element.clientHeight < 60;
        }}
      >
        {greeting && (
          <div class="msg" data-part="message" data-role="assistant" data-greeting="true" data-who={t('assistant')}>
            <Rich text={greeting} />
          </div>
        )}
        {state.messages.map((message) => (
          <div
            key={message.id}
            class="msg"
            data-part="message"
            data-role={message.role}
            data-streaming={message.streaming ? 'true' : undefined}
            aria-busy={message.streaming ? 'true' : undefined}
            data-who={t(message.role === 'user' ? 'you' : 'assistant')}
          >
            <Rich text={message.text} />
          </div>
        ))}
        {state.phase === 'waiting' && (
          <div class="typing" data-part="typing">
            <i />
            <i />
            <i />
            <span class="sr">{t('typing')}</span>
          </div>
        )}
      </div>
      {!hidden && state.failure && (
        <div class="err" data-part="error" role="alert">
          <span>{t(state.failure.reason)}</span>
          <button type="button" data-part="retry" onClick={onRetry}>
            {t('retry')}
          </button>
        </div>
      )}
      {!hidden && canBook && (
        <div class="tools">
          <button type="button" class="chip" data-part="book" onClick={onBook}>
            {t('book')}
          </button>
        </div>
      )}
      <form
        class="compose"
        hidden={hidden}
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <textarea
          ref={inputRef}
          data-part="input"
          name="message"
          rows={1}
          maxLength={MAX_MESSAGE}
          aria-label={t('message')}
          placeholder={t('placeholder')}
          value={draft}
          onInput={(event) => {
            const input = event.currentTarget;
            setDraft(input.value);
            input.style.height = '';
            input.style.height = `${Math.min(input.scrollHeight + 2, 120)}px`;
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
              event.preventDefault();
              send();
            }
          }}
        />
        <button type="submit" class="send" data-part="send" aria-label={t('send')} disabled={busy || !draft.trim()}>
          ➤
        </button>
      </form>
    </>
  );
}

// Booking: free times by day on the visitor's clock, the contact form, and the outcome.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type Api, type BookingRequest } from './api';
import type { Language } from './config';
import type { MessageKey, Translate } from './i18n';
import { validateContact, type BookingAction, type BookingState, type ContactForm } from './state';
import { newRequestKey } from './storage';
import { dayAndTime, groupByDay, timeOnly } from './time';

export interface BookingProps {
  t: Translate;
  lang: Language;
  /** The visitor's time zone. */
  zone: string;
  api: Api;
  state: BookingState;
  dispatch(action: BookingAction): void;
  onBack(): void;
}

type Field = keyof ContactForm;
const EMPTY: ContactForm = { name: '', email: '', phone: '', note: '', consent: false };
// The server names the note "notes".
const SERVER_FIELDS: Record<string, Field> = { name: 'name', email: 'email', phone: 'phone', notes: 'note' };

export function Booking({ t, lang, zone, api, state, dispatch, onBack }: BookingProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<ContactForm>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<MessageKey | null>(null);
  // One key per distinct request: a retry of the same request is recognised by the server.
  const attempt = useRef<{ body: string; key: string } | null>(null);
  // Known once slots or a booking came from the server.
  const businessZone = state.booked?.timeZone ?? state.slots?.timeZone;

  // A new stage takes the focus: the form its first field, the others their heading.
  useEffect(() => {
    (state.stage === 'form' ? form.current?.querySelector('input') : heading.current)?.focus();
  }, [state.stage]);

  useEffect(() => {
    if (!state.loading) return;
    let current = true;
    api.slots().then(
      (slots) => current && dispatch({ type: 'loaded', slots }),
      (error) =>
        current &&
        dispatch({ type: 'loadFailed', problem: error instanceof ApiError && error.status === 404 ? 'bookingsOff' : 'slotsFailed' }),
    );
    return () => {
      current = false;
    };
  }, [state.loading]);

  const set = (field: Field, value: string | boolean): void => {
    setValues((old) => ({ ...old, [field]: value }));
    if (errors[field]) setErrors((old) => ({ ...old, [field]: undefined }));
  };

  const focusFirstError = (): void => {
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus());
  };

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const chosen = state.chosen;
    if (sending || !chosen) return;
    const invalid = validateContact(values);
    if (Object.keys(invalid).length > 0) {
      setErrors(Object.fromEntries(Object.entries(invalid).map(([field, key]) => [field, t(key)])));
      focusFirstError();
      return;
    }
    const request: BookingRequest = {
      start: chosen.start,
      name: values.name.trim(),
      email: values.email.trim(),
      phone: values.phone.trim() || null,
      notes: values.note.trim() || null,
    };
    const body = JSON.stringify(request);
    if (attempt.current?.body !== body) attempt.current = { body, key: newRequestKey() };
    setSending(true);
    setFailure(null);
    try {
      dispatch({ type: 'booked', booking: await api.book(request, attempt.current.key) });
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      if (status === 409 || (status === 400 && error instanceof ApiError && 'start' in error.fields)) {
        // Taken meanwhile, or no longer a free time (it passed the lead time): show the current slots.
        dispatch({ type: 'taken' });
      } else if (status === 400 && error instanceof ApiError && Object.keys(error.fields).some((f) => f in SERVER_FIELDS)) {
        const fields: Partial<Record<Field, string>> = {};
        for (const [name, message] of Object.entries(error.fields)) {
          const field = SERVER_FIELDS[name];
          if (field) fields[field] = message;
        }
        setErrors(fields);
        focusFirstError();
      } else {
        setFailure(status === 404 ? 'bookingsOff' : 'bookFailed');
      }
    } finally {
      setSending(false);
    }
  };

  const field = (name: Field, label: MessageKey, type: 'text' | 'email' | 'tel' | 'textarea', autoComplete: string, required = true) => {
    const id = `cw-${name}`;
    const error = errors[name];
    const props = {
      id,
      name,
      autoComplete,
      value: values[name] as string,
      'aria-required': required ? ('true' as const) : undefined,
      'aria-invalid': error ? ('true' as const) : undefined,
      'aria-describedby': error ? `${id}-error` : undefined,
      onInput: (event: Event) => set(name, (event.currentTarget as HTMLInputElement).value),
    };
    return (
      <div class="field">
        <label for={id}>{t(label)}</label>
        {type === 'textarea' ? <textarea rows={3} maxLength={1000} {...props} /> : <input type={type as 'text'} {...props} />}
        {error && (
          <p class="ferr" id={`${id}-error`} data-part="field-error">
            {error}
          </p>
        )}
      </div>
    );
  };

  const notice = state.notice ?? failure ?? (state.problem && !state.loading ? state.problem : null);

  return (
    <section class="booking" data-part="booking" aria-labelledby="cw-booking-title">
      <button type="button" class="link" data-part="back" onClick={onBack}>
        ← {t('back')}
      </button>
      <h3 id="cw-booking-title" tabIndex={-1} ref={heading}>
        {t('book')}
      </h3>
      <p class="muted" data-part="zone">
        {!businessZone ? '' : businessZone === zone ? t('zoneSame', { zone }) : t('zoneOther', { local: zone, zone: businessZone })}
      </p>
      <p class="notice" data-part="booking-notice" role="status">
        {notice ? t(notice) : ''}
      </p>

      {state.stage === 'slots' && state.problem === 'slotsFailed' && !state.loading && (
        <button type="button" class="link" onClick={() => dispatch({ type: 'open' })}>
          {t('retry')}
        </button>
      )}
      {state.stage === 'slots' &&
        (state.loading ? (
          <p class="muted">{t('loadingSlots')}</p>
        ) : state.slots && state.slots.slots.length === 0 ? (
          <p>{t('noSlots')}</p>
        ) : (
          groupByDay(state.slots?.slots ?? [], zone, lang).map((day) => (
            <section class="day" data-part="day" key={day.key}>
              <h4>{day.label}</h4>
              <div class="slots">
                {day.slots.map(({ slot, time }) => (
                  <button
                    type="button"
                    class="slot"
                    data-part="slot"
                    data-start={slot.start}
                    aria-label={dayAndTime(slot.start, zone, lang)}
                    onClick={() => {
                      setFailure(null);
                      dispatch({ type: 'choose', slot });
                    }}
                  >
                    {time}
                  </button>
                ))}
              </div>
            </section>
          ))
        ))}

      {state.stage === 'slots' && state.offered && (
        <button type="button" class="link" data-part="more-slots" onClick={() => dispatch({ type: 'open' })}>
          {t('moreTimes')}
        </button>
      )}

      {state.stage === 'form' && state.chosen && (
        <form data-part="booking-form" ref={form} noValidate onSubmit={submit}>
          <p>
            {t('chosen', { time: dayAndTime(state.chosen.start, zone, lang) })}{' '}
            <button type="button" class="link" onClick={() => dispatch({ type: 'change' })}>
              {t('changeTime')}
            </button>
          </p>
          {field('name', 'name', 'text', 'name')}
          {field('email', 'email', 'email', 'email')}
          {field('phone', 'phone', 'tel', 'tel', false)}
          {field('note', 'note', 'textarea', 'off', false)}
          <div class="field">
            <label class="field check">
              <input
                type="checkbox"
                name="consent"
                checked={values.consent}
                aria-invalid={errors.consent ? 'true' : undefined}
                aria-describedby={errors.consent ? 'cw-consent-error' : undefined}
                onChange={(event) => set('consent', event.currentTarget.checked)}
              />
              <span>{t('consent')}</span>
            </label>
            {errors.consent && (
              <p class="ferr" id="cw-consent-error" data-part="field-error">
                {errors.consent}
              </p>
            )}
          </div>
          <button type="submit" class="primary" data-part="submit-booking" disabled={sending}>
            {t(sending ? 'sending' : 'submit')}
          </button>
        </form>
      )}

      {state.stage === 'done' && state.booked && (
        <div class="done" data-part="booking-confirmed" role="status">
          <p>{t('confirmed', { time: dayAndTime(state.booked.start, zone, lang) })}</p>
          <p>{t('businessTime', { time: timeOnly(state.booked.start, state.booked.timeZone, lang), zone: state.booked.timeZone })}</p>
          <p>{t('confirmedNext')}</p>
        </div>
      )}
    </section>
  );
}

// Everything the widget says to visitors, in English and German.
import { LANGUAGES, oneOf, type Language } from './config';

const en = {
  openChat: 'Open chat',
  closeChat: 'Close chat',
  you: 'You',
  assistant: 'Assistant',
  message: 'Message',
  placeholder: 'Write a message…',
  send: 'Send',
  book: 'Book an appointment',
  typing: 'The assistant is writing…',
  sendFailed: 'The message could not be sent. Please check your connection.',
  interrupted: 'The answer was interrupted.',
  tooMany: 'You have sent a lot of messages in a short time. Please wait a moment.',
  retry: 'Try again',
  back: 'Back to chat',
  loadingSlots: 'Loading free times…',
  noSlots: 'There are no free times at the moment. Please ask us in the chat.',
  slotsFailed: 'The free times could not be loaded.',
  bookingsOff: 'Appointments cannot be booked online at the moment.',
  zoneSame: 'Times in {zone}.',
  zoneOther: 'Times in your time zone ({local}); the business is in {zone}.',
  taken: 'That time was just taken. Here are the current free times.',
  chosen: 'Your appointment: {time}',
  changeTime: 'Change time',
  moreTimes: 'Show all free times',
  name: 'Name',
  email: 'E-mail',
  phone: 'Phone (optional)',
  note: 'Note (optional)',
  consent: 'I agree that my details are used to arrange this appointment.',
  submit: 'Request appointment',
  sending: 'Sending…',
  required: 'Please fill this in.',
  badEmail: 'Please enter a valid e-mail address.',
  badPhone: 'Please enter a valid phone number.',
  tooLong: 'Please make this shorter.',
  needConsent: 'Please agree so that we can arrange the appointment.',
  bookFailed: 'The request could not be sent. Please try again.',
  confirmed: 'Thank you! Your appointment request for {time} has been sent.',
  businessTime: '({time} in {zone})',
  confirmedNext: 'You will receive an e-mail with the details.',
};

export type Messages = typeof en;
export type MessageKey = keyof Messages;

const de: Messages = {
  openChat: 'Chat öffnen',
  closeChat: 'Chat schließen',
  you: 'Sie',
  assistant: 'Assistent',
  message: 'Nachricht',
  placeholder: 'Nachricht schreiben…',
  send: 'Senden',
  book: 'Termin buchen',
  typing: 'Der Assistent schreibt…',
  sendFailed: 'Die Nachricht konnte nicht gesendet werden. Bitte prüfen Sie Ihre Verbindung.',
  interrupted: 'Die Antwort wurde unterbrochen.',
  tooMany: 'Sie haben in kurzer Zeit viele Nachrichten geschickt. Bitte warten Sie einen Moment.',
  retry: 'Erneut versuchen',
  back: 'Zurück zum Chat',
  loadingSlots: 'Freie Termine werden geladen…',
  noSlots: 'Zurzeit sind keine Termine frei. Fragen Sie uns gern im Chat.',
  slotsFailed: 'Die freien Termine konnten nicht geladen werden.',
  bookingsOff: 'Termine können zurzeit nicht online gebucht werden.',
  zoneSame: 'Zeiten in {zone}.',
  zoneOther: 'Zeiten in Ihrer Zeitzone ({local}); das Unternehmen ist in {zone}.',
  taken: 'Dieser Termin wurde gerade vergeben. Hier sind die aktuell freien Zeiten.',
  chosen: 'Ihr Termin: {time}',
  changeTime: 'Andere Zeit wählen',
  moreTimes: 'Alle freien Zeiten zeigen',
  name: 'Name',
  email: 'E-Mail',
  phone: 'Telefon (optional)',
  note: 'Notiz (optional)',
  consent: 'Ich bin einverstanden, dass meine Angaben zur Vereinbarung dieses Termins verwendet werden.',
  submit: 'Termin anfragen',
  sending: 'Wird gesendet…',
  required: 'Bitte ausfüllen.',
  badEmail: 'Bitte geben Sie eine gültige E-Mail-Adresse ein.',
  badPhone: 'Bitte geben Sie eine gültige Telefonnummer ein.',
  tooLong: 'Bitte kürzer fassen.',
  needConsent: 'Bitte stimmen Sie zu, damit wir den Termin vereinbaren können.',
  bookFailed: 'Die Anfrage konnte nicht gesendet werden. Bitte versuchen Sie es erneut.',
  confirmed: 'Vielen Dank! Ihre Terminanfrage für {time} wurde gesendet.',
  businessTime: '({time} in {zone})',
  confirmedNext: 'Sie erhalten eine E-Mail mit den Einzelheiten.',
};

export const catalogues: Record<Language, Messages> = { en, de };

/** A translator: the message for a key, with `{name}` placeholders filled in. */
export type Translate = (key: MessageKey, values?: Record<string, string>) => string;

export function translator(language: Language): Translate {
  const messages = catalogues[language];
  return (key, values = {}) => messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** data-lang first, then the browser's preferred languages, then the tenant's language. */
export function chooseLanguage(attribute: Language | undefined, browser: readonly string[], tenant: Language): Language {
  if (attribute) return attribute;
  for (const tag of browser) {
    const language = oneOf(LANGUAGES, tag.slice(0, 2));
    if (language) return language;
  }
  return tenant;
}

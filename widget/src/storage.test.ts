import { beforeEach, describe, expect, it } from 'vitest';
import { newVisitorId, visitorStore } from './storage';

describe('visitorStore', () => {
  beforeEach(() => localStorage.clear());

  it('makes up a visitor id the server accepts, once, and keeps it per client key', () => {
    const store = visitorStore('acme');
    const id = store.visitorId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(localStorage.getItem('concierge:acme:visitor')).toBe(id);
    expect(visitorStore('acme').visitorId()).toBe(id);
    expect(visitorStore('other').visitorId()).not.toBe(id);
  });

  it('replaces a stored visitor id the server would refuse', () => {
    localStorage.setItem('concierge:acme:visitor', 'bad id!');
    expect(visitorStore('acme').visitorId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('keeps and forgets the conversation id', () => {
    const store = visitorStore('acme');
    expect(store.conversationId()).toBeNull();
    store.setConversationId('0b7e5f9c-2f4c-4a39-9c53-0d2a3c4b5e6f');
    expect(localStorage.getItem('concierge:acme:conversation')).toBe('0b7e5f9c-2f4c-4a39-9c53-0d2a3c4b5e6f');
    expect(visitorStore('acme').conversationId()).toBe('0b7e5f9c-2f4c-4a39-9c53-0d2a3c4b5e6f');
    store.setConversationId(null);
    expect(localStorage.getItem('concierge:acme:conversation')).toBeNull();
  });

  it('ignores a stored conversation id that is not a UUID', () => {
    localStorage.setItem('concierge:acme:conversation', '../../admin');
    expect(visitorStore('acme').conversationId()).toBeNull();
  });

  it('works for the page when storage is blocked', () => {
    const blocked = {
      getItem() {
        throw new Error('SecurityError');
      },
      setItem() {
        throw new Error('SecurityError');
      },
      removeItem() {
        throw new Error('SecurityError');
      },
    } as unknown as Storage;
    const store = visitorStore('acme', blocked);
    const id = store.visitorId();
    expect(store.visitorId()).toBe(id);
    store.setConversationId('0b7e5f9c-2f4c-4a39-9c53-0d2a3c4b5e6f');
    expect(store.conversationId()).toBe('0b7e5f9c-2f4c-4a39-9c53-0d2a3c4b5e6f');
  });
});

describe('newVisitorId', () => {
  it('differs every time', () => {
    expect(new Set(Array.from({ length: 50 }, newVisitorId)).size).toBe(50);
  });
});

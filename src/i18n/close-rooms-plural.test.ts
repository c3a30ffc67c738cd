import { describe, expect, it } from 'vitest';
import { formatMessage } from './messages';
import { enCloseRoomsMessages, mergeCloseRoomsMessages, pluralText } from './close-rooms-messages';
import type { CloseRoomsMessages } from './close-rooms-messages';
import { esCloseRoomsMessages } from './close-rooms.es';
import { ptBRCloseRoomsMessages } from './close-rooms.pt-BR';

const say = (m: CloseRoomsMessages, key: 'title' | 'submit' | 'retry', count: number) => formatMessage(pluralText(m[key], count, m.locale), { count });
const progress = (m: CloseRoomsMessages, done: number, total: number) => formatMessage(pluralText(m.announce, total, m.locale), { done, total });

describe('bulk close messages by count', () => {
  it('English: one conversation, many conversations', () => {
    expect(say(enCloseRoomsMessages, 'submit', 1)).toBe('Close 1 conversation');
    expect(say(enCloseRoomsMessages, 'title', 2)).toBe('Close 2 conversations');
    expect(say(enCloseRoomsMessages, 'submit', 0)).toBe('Close 0 conversations');
    expect(progress(enCloseRoomsMessages, 1, 1)).toBe('1 of 1 conversation handled.');
    expect(progress(enCloseRoomsMessages, 1, 3)).toBe('1 of 3 conversations handled.');
  });

  it('Brazilian Portuguese and Spanish follow their own plural rules', () => {
    expect(say(ptBRCloseRoomsMessages, 'submit', 1)).toBe('Encerrar 1 conversa');
    expect(say(ptBRCloseRoomsMessages, 'submit', 5)).toBe('Encerrar 5 conversas');
    expect(formatMessage(pluralText(ptBRCloseRoomsMessages.counts.closed, 1, 'pt-BR'), { count: 1 })).toBe('1 encerrada');
    expect(progress(ptBRCloseRoomsMessages, 1, 1)).toBe('1 de 1 conversa tratada.');
    expect(say(esCloseRoomsMessages, 'title', 1)).toBe('Cerrar 1 conversación');
    expect(say(esCloseRoomsMessages, 'title', 2)).toBe('Cerrar 2 conversaciones');
    expect(say(esCloseRoomsMessages, 'retry', 1)).toBe('Reintentar 1 conversación');
    expect(formatMessage(pluralText(esCloseRoomsMessages.counts.skipped, 3, 'es'), { count: 3 })).toBe('3 omitidas');
  });

  it('a host’s override may be one string, or forms where `other` covers the categories not given', () => {
    const m = mergeCloseRoomsMessages(enCloseRoomsMessages, { submit: 'Close them ({count})', title: { other: 'Wrap up {count}' } });
    expect(say(m, 'submit', 1)).toBe('Close them (1)');
    expect(say(m, 'title', 1)).toBe('Wrap up 1');
  });
});

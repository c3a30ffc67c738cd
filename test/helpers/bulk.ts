import type { BulkCloseRoom } from '../../src/bulk';
import { mockAgent } from '../../src/testing';
import type { MockRoom } from '../../src/testing';

/** `count` open rooms served by `mockAgent`, with visitor e-mails on every other one. */
export function manyMockRooms(count: number, { departmentId }: { departmentId?: string } = {}): MockRoom[] {
  return Array.from({ length: count }, (_, index) => {
    const id = String(index + 1).padStart(4, '0');
    return {
      _id: `bulk-${id}`,
      fname: `Visitor ${id}`,
      open: true,
      servedBy: mockAgent.userId,
      departmentId,
      visitor: { _id: `visitor-bulk-${id}`, name: `Visitor ${id}`, username: `visitor.${id}`, token: `token-${id}`, email: index % 2 === 0 ? `visitor${id}@example.com` : undefined },
      ts: '2026-11-24T09:00:00.000Z',
    };
  });
}

/** The rooms as a host's list gives them to a bulk close. */
export function toBulkRooms(rooms: readonly MockRoom[]): BulkCloseRoom[] {
  return rooms.map((room) => ({ rid: room._id, name: room.fname, departmentId: room.departmentId, servedBy: room.servedBy, visitorEmail: room.visitor.email }));
}

/** A `Storage` in memory, as `sessionStorage` behaves (for Node tests and the model). */
export function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (index) => [...data.keys()][index] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, value),
  };
}

/** Resolves once `predicate` holds, checking every few ms; rejects after `timeoutMs`. */
export async function until(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

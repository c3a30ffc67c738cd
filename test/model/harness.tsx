import { useState } from 'react';
import { CloseRoomForm } from '../../src/components/CloseRoomForm';
import type { CloseRoomResult } from '../../src/components/CloseRoomForm';

/** Rooms the agent moves between: all open at start, all served by the default mock agent. */
export const ROOMS = ['room-1', 'room-3', 'room-4'] as const;
export type Slot = 'panel' | 'second';

/**
 * An agent console as the README's side-panel pattern builds it: a form that follows the selected
 * conversation, which can be hidden and shown (what a dialog's dismiss and reopen do to the form),
 * and a second form that can be opened for the same room (another panel, another tab).
 */
export function ConsoleUnderTest({ onClosed }: { onClosed: (slot: Slot, result: CloseRoomResult) => void }) {
  const [rid, setRid] = useState<string>(ROOMS[0]);
  const [panelOpen, setPanelOpen] = useState(true);
  const [second, setSecond] = useState<string | null>(null);
  return (
    <>
      <nav aria-label="Harness">
        {ROOMS.map((room) => (
          <button key={room} type="button" onClick={() => setRid(room)}>
            Select {room}
          </button>
        ))}
        <button type="button" onClick={() => setPanelOpen((open) => !open)}>
          Toggle panel
        </button>
        <button type="button" onClick={() => setSecond((current) => (current ? null : rid))}>
          Toggle second form
        </button>
      </nav>
      {panelOpen && (
        <section aria-label="panel">
          <CloseRoomForm rid={rid} allowForceClose onClosed={(result) => onClosed('panel', result)} />
        </section>
      )}
      {second && (
        <section aria-label="second">
          <CloseRoomForm rid={second} allowForceClose onClosed={(result) => onClosed('second', result)} />
        </section>
      )}
    </>
  );
}

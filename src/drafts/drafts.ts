import type { OmnichannelClient } from '../client/client';
import type { CloseRoomFormInput } from '../schema/close-room-form-schema';

// What an agent typed for a room, kept while the dialog is closed and dropped once the room is
// closed (#3). Keyed by client, so two apps (or two tests) never see each other's drafts, and
// held in memory only: drafts may hold visitor e-mail addresses, nothing is written to storage.
// `tagText` is what was left in the tag input, not added as a tag: kept too, nothing typed is lost.
export type Draft = CloseRoomFormInput & { tagText?: string };
const drafts = new WeakMap<OmnichannelClient, Map<string, Draft>>();

function forClient(client: OmnichannelClient): Map<string, Draft> {
  let byRoom = drafts.get(client);
  if (!byRoom) {
    const created = new Map<string, Draft>();
    drafts.set(client, created);
    // What one agent typed is not the next agent's draft: dropped when the client's user changes.
    client.onUserChange?.(() => created.clear());
    byRoom = created;
  }
  return byRoom;
}

export function readDraft(client: OmnichannelClient, rid: string): Draft | undefined {
  return drafts.get(client)?.get(rid);
}

export function saveDraft(client: OmnichannelClient, rid: string, values: Draft): void {
  forClient(client).set(rid, structuredClone(values));
}

export function clearDraft(client: OmnichannelClient, rid: string): void {
  drafts.get(client)?.delete(rid);
}

'use server';

import { redirect } from 'next/navigation';
import { closeRoom, isCloseRoomError } from 'rocketchat-omnichannel-ui';
import { serverClient } from '../server-env';

// A server action closing a room.
export async function closeFromServer(formData: FormData) {
  const rid = String(formData.get('rid'));
  let outcome: string;
  try {
    await closeRoom(serverClient(), { rid, comment: String(formData.get('comment') ?? '') });
    outcome = 'closed';
  } catch (error) {
    if (!isCloseRoomError(error)) throw error;
    outcome = error.kind;
  }
  redirect(`/action?rid=${encodeURIComponent(rid)}&outcome=${outcome}`);
}

import { closeRoom, isCloseRoomError } from 'rocketchat-omnichannel-ui';
import { serverClient } from '../../server-env';

// A route handler closing a room: the headless client on the server.
export async function POST(request: Request) {
  const { rid, comment } = (await request.json()) as { rid: string; comment?: string };
  try {
    await closeRoom(serverClient(), { rid, comment });
    return Response.json({ closed: true });
  } catch (error) {
    if (isCloseRoomError(error)) return Response.json({ closed: false, kind: error.kind, status: error.status ?? null }, { status: 409 });
    throw error;
  }
}

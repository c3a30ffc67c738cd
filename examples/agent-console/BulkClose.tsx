import { useQueries } from '@tanstack/react-query';
import { CloseRoomsDialog, livechatVisitorQueryOptions, useCloseRooms, useOmnichannelClient } from '../../src';
import type { BulkCloseRoom } from '../../src';
import type { ListedRoom } from './App';

/**
 * "Close selected…": the ticked conversations in one bulk close. The room list gives each room's
 * department and serving agent; the visitors' e-mails (for transcripts) are read here because
 * `livechat/rooms` does not carry them. A console with hundreds of rooms should have them in its
 * own list instead: `visitors.info` is rate limited like every endpoint (a visitor read refused
 * leaves that room without a transcript, and the dialog's count says so).
 */
export function BulkClose({ rooms, ticked, onTickAll, onFinished }: { rooms: ListedRoom[]; ticked: ListedRoom[]; onTickAll: (on: boolean) => void; onFinished: () => void }) {
  const client = useOmnichannelClient();
  const visitors = useQueries({
    queries: ticked.map((room) => ({ ...livechatVisitorQueryOptions(client, room.v?._id ?? ''), enabled: Boolean(room.v?._id) })),
  });
  const emails = new Map(ticked.map((room, index) => [room._id, visitors[index]?.data?.email]));
  // A job found after a reload (or running while the dialog is closed) is reachable even with
  // nothing ticked: the dialog shows it, to resume or discard.
  const { snapshot } = useCloseRooms();
  const underWay = snapshot !== undefined && snapshot.phase !== 'done';
  const selected: BulkCloseRoom[] = ticked.map((room) => ({
    rid: room._id,
    name: room.fname ?? room.v?.username ?? room._id,
    departmentId: room.departmentId,
    servedBy: room.servedBy?._id,
    visitorEmail: emails.get(room._id),
  }));
  const all = rooms.length > 0 && ticked.length === rooms.length;
  return (
    <div className="console__bulk">
      <label className="console__tick-all">
        <input type="checkbox" checked={all} onChange={(event) => onTickAll(event.target.checked)} disabled={rooms.length === 0} /> Select all
      </label>
      <CloseRoomsDialog
        rooms={selected}
        transcript={{ email: true, pdf: true }}
        onFinished={onFinished}
        trigger={
          <button type="button" className="console__close" disabled={ticked.length === 0 && !underWay}>
            {underWay ? `Closing ${snapshot.finished} of ${snapshot.rooms.length}…` : 'Close selected…'}
          </button>
        }
      />
    </div>
  );
}

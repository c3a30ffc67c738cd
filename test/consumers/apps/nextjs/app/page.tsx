import { createCloseRoomFormSchema, emptyCloseRoomFormValues, formatWait, livechatRoomKeys, toCloseRoomRequest } from 'rocketchat-omnichannel-ui';

// A server component: the schema, the request builder and the key factories run on the server.
export const dynamic = 'force-dynamic';

export default function Home() {
  const schema = createCloseRoomFormSchema({ requireComment: true });
  const empty = schema.safeParse(emptyCloseRoomFormValues());
  const codes = empty.success ? [] : empty.error.issues.map((issue) => issue.message);
  const filled = schema.safeParse({ ...emptyCloseRoomFormValues(), comment: 'Solved', tags: [' billing ', 'Billing'] });
  const request = filled.success ? toCloseRoomRequest('room-9', filled.data) : null;
  return (
    <main>
      <h1>Server component</h1>
      <p>Empty form: {codes.join(', ')}</p>
      <p>Request: {JSON.stringify(request)}</p>
      <p>Key: {JSON.stringify(livechatRoomKeys.detail('room-9'))}</p>
      <p>Wait: {formatWait(60, 'en')}</p>
    </main>
  );
}

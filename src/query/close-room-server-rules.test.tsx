import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { BASE_URL, setupRocketChatServer, testClient } from '../../test/helpers/node-server';
import { OmnichannelProvider } from '../provider/OmnichannelProvider';
import { mockAgentOwnRoomsOnly } from '../testing';
import type { MockAgent } from '../testing';
import { useCloseRoomServerRules } from './close-room-server-rules';

// #12.2: the transcript options as Rocket.Chat's own dialog decides them, from what the agent's
// client reads, with a named fallback for each answer an older server or a restricted agent gets.

const { mock, server } = setupRocketChatServer();

function rulesFor(rid: string, agent?: MockAgent) {
  const client = testClient(agent ? { credentials: { userId: agent.userId, authToken: agent.authToken } } : {});
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <OmnichannelProvider client={client}>{children}</OmnichannelProvider>
    </QueryClientProvider>
  );
  return renderHook(() => useCloseRoomServerRules(rid), { wrapper }).result;
}

const settled = async (result: { current: ReturnType<typeof useCloseRoomServerRules> }) => {
  await waitFor(() => {
    expect(result.current.transcriptEmail).not.toBe('loading');
    expect(result.current.transcriptPdf).not.toBe('loading');
    expect(result.current.roomLoaded).toBe(true);
  });
  return result.current;
};

describe('useCloseRoomServerRules: transcript options', () => {
  it('offers both on an enterprise server to an agent with both permissions, starting from their preferences', async () => {
    const rules = await settled(rulesFor('room-5', mockAgentOwnRoomsOnly));
    expect(rules).toMatchObject({
      transcriptEmail: 'offered',
      transcriptPdf: 'offered',
      transcriptDefaults: { email: true, pdf: true },
      visitorEmail: 'priya@example.in',
      transcriptSubject: 'Transcript of your livechat conversation',
      allowForceClose: false,
    });
  });

  it('starts both boxes unticked for an agent without preferences', async () => {
    expect((await settled(rulesFor('room-1'))).transcriptDefaults).toEqual({ email: false, pdf: false });
  });

  it('uses the server subject setting when it has one', async () => {
    mock.set({ transcriptEmailSubject: 'Your chat with ACME' });
    expect((await settled(rulesFor('room-1'))).transcriptSubject).toBe('Your chat with ACME');
  });

  it('says the server sends the e-mail itself when Livechat_transcript_send_always is on', async () => {
    mock.set({ transcriptSendAlways: true });
    expect((await settled(rulesFor('room-1'))).transcriptEmail).toBe('sent-by-server');
  });

  it('does not offer an e-mail transcript for a visitor without an address', async () => {
    expect((await settled(rulesFor('room-3'))).transcriptEmail).toBe('no-visitor-email');
  });

  it('does not offer what the agent has no permission for', async () => {
    mock.setPermission('send-omnichannel-chat-transcript', ['admin']);
    mock.setPermission('request-pdf-transcript', ['admin']);
    const rules = await settled(rulesFor('room-1'));
    expect(rules.transcriptEmail).toBe('no-permission');
    expect(rules.transcriptPdf).toBe('no-permission');
  });

  it('does not offer a PDF on a community server, which would ignore it', async () => {
    mock.set({ edition: 'community' });
    expect((await settled(rulesFor('room-1'))).transcriptPdf).toBe('no-licence');
  });

  it('falls back to "unknown licence" (no PDF offered) before 6.5, where licenses.info does not exist', async () => {
    mock.set({ version: '6.4.2' });
    expect((await settled(rulesFor('room-1'))).transcriptPdf).toBe('unknown-licence');
  });

  it('falls back to offering both when the agent or the permission table cannot be read (the server does not check them)', async () => {
    server.use(
      http.get(`${BASE_URL}/api/v1/me`, () => HttpResponse.json({ success: false, error: 'unauthorized' }, { status: 403 })),
      http.get(`${BASE_URL}/api/v1/permissions.listAll`, () => HttpResponse.html('<html>proxy</html>', { status: 502 })),
    );
    const rules = await settled(rulesFor('room-1'));
    expect(rules).toMatchObject({ transcriptEmail: 'offered', transcriptPdf: 'offered', transcriptDefaults: { email: false, pdf: false } });
  });

  it('falls back to an editable address when the visitor cannot be read', async () => {
    server.use(http.get(`${BASE_URL}/api/v1/livechat/visitors.info`, () => HttpResponse.json({ success: false, error: 'error-not-allowed' }, { status: 403 })));
    const rules = await settled(rulesFor('room-1'));
    expect(rules.transcriptEmail).toBe('offered');
    expect(rules.visitorEmail).toBeUndefined();
  });

  it('falls back to the defaults when the settings are not exposed', async () => {
    mock.set({ exposeTranscriptSettings: false, transcriptSendAlways: true, transcriptEmailSubject: 'Hidden', allowForceClose: true });
    const rules = await settled(rulesFor('room-1'));
    expect(rules).toMatchObject({ transcriptEmail: 'offered', transcriptSubject: 'Transcript of your livechat conversation', allowForceClose: false });
  });
});

describe('useCloseRoomServerRules: closing rules', () => {
  it('names the tag dead end of a department that requires tags and has none', async () => {
    const rules = rulesFor('room-legal');
    await waitFor(() => expect(rules.current.tagDeadEnd).toBe(true));
    expect(rules.current).toMatchObject({ requireTags: true, departmentName: 'Legal', closingTags: [] });
  });

  it('is no dead end when the department has closing tags', async () => {
    const rules = rulesFor('room-2');
    await waitFor(() => expect(rules.current.requireTags).toBe(true));
    expect(rules.current.tagDeadEnd).toBe(false);
  });

  it('reads the force-close setting on 7.3+, and not on older servers', async () => {
    mock.set({ allowForceClose: true });
    const current = rulesFor('room-1');
    await waitFor(() => expect(current.current.allowForceClose).toBe(true));
    mock.set({ version: '7.2.0' });
    const older = await settled(rulesFor('room-1'));
    expect(older.allowForceClose).toBe(false);
  });
});

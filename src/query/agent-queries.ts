import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { OmnichannelClient } from '../client/client';
import { useOmnichannelClient } from '../provider/OmnichannelProvider';
import { omnichannelKeyRoot } from './keys';

// What the agent's own client reads to decide the close dialog's transcript options, as
// Rocket.Chat's dialog does (contract, "What Rocket.Chat's own dialog offers"): who the agent is,
// which roles hold which permission, the licence, and the public settings. Each read has a
// fallback for the answer an older server or a restricted agent gets: `null` means "not known".

/** Keys of the agent's reads; none holds credentials. */
export const omnichannelAgentKeys = {
  all: [...omnichannelKeyRoot, 'agent'] as const,
  me: () => [...omnichannelAgentKeys.all, 'me'] as const,
  permissions: () => [...omnichannelAgentKeys.all, 'permissions'] as const,
  license: () => [...omnichannelAgentKeys.all, 'license'] as const,
  closeSettings: () => [...omnichannelAgentKeys.all, 'close-settings'] as const,
};

/** A GET whose failure (any status, a body that is not JSON) is a known fallback, not an error. */
async function getOrNull<T>(client: OmnichannelClient, path: string, query: Record<string, string>, signal: AbortSignal): Promise<T | null> {
  const { status, body } = await client.request({ method: 'GET', path, query, signal });
  return status >= 200 && status < 300 && typeof body === 'object' && body !== null ? (body as T) : null;
}

const HOUR = 60 * 60_000;

/** The signed-in agent: roles and the transcript preferences that start the dialog's boxes. */
export interface OmnichannelAgent {
  /** Role ids (`livechat-agent`, `livechat-manager`, …). */
  roles: string[];
  /** `omnichannelTranscriptEmail` preference; `false` when unset, as Rocket.Chat reads it. */
  transcriptEmailByDefault: boolean;
  /** `omnichannelTranscriptPDF` preference; `false` when unset. */
  transcriptPdfByDefault: boolean;
}

/** `GET me`: roles and preferences; `null` when refused or not understood. */
export function omnichannelAgentQueryOptions(client: OmnichannelClient) {
  return queryOptions({
    queryKey: omnichannelAgentKeys.me(),
    queryFn: async ({ signal }): Promise<OmnichannelAgent | null> => {
      const body = await getOrNull<{ roles?: unknown; settings?: { preferences?: Record<string, unknown> } }>(client, 'me', {}, signal);
      if (!body || !Array.isArray(body.roles)) return null;
      const preferences = body.settings?.preferences ?? {};
      return {
        roles: body.roles.filter((role): role is string => typeof role === 'string'),
        transcriptEmailByDefault: preferences.omnichannelTranscriptEmail === true,
        transcriptPdfByDefault: preferences.omnichannelTranscriptPDF === true,
      };
    },
    staleTime: 5 * 60_000,
  });
}

/** Which roles hold each permission id. */
export type OmnichannelPermissions = Record<string, readonly string[]>;

/** `GET permissions.listAll`; `null` when refused. */
export function omnichannelPermissionsQueryOptions(client: OmnichannelClient) {
  return queryOptions({
    queryKey: omnichannelAgentKeys.permissions(),
    queryFn: async ({ signal }): Promise<OmnichannelPermissions | null> => {
      const body = await getOrNull<{ update?: { _id?: unknown; roles?: unknown }[] }>(client, 'permissions.listAll', {}, signal);
      if (!body || !Array.isArray(body.update)) return null;
      const table: Record<string, string[]> = {};
      for (const entry of body.update) {
        if (typeof entry._id === 'string' && Array.isArray(entry.roles)) table[entry._id] = entry.roles.filter((role): role is string => typeof role === 'string');
      }
      return table;
    },
    staleTime: 5 * 60_000,
  });
}

/** `GET licenses.info`: the active licence modules; `null` on servers before 6.5 (no such endpoint) or when refused. */
export function omnichannelLicenseQueryOptions(client: OmnichannelClient) {
  return queryOptions({
    queryKey: omnichannelAgentKeys.license(),
    queryFn: async ({ signal }): Promise<string[] | null> => {
      const body = await getOrNull<{ license?: { activeModules?: unknown } }>(client, 'licenses.info', {}, signal);
      const modules = body?.license?.activeModules;
      return Array.isArray(modules) ? modules.filter((module): module is string => typeof module === 'string') : null;
    },
    staleTime: HOUR,
  });
}

/** The public settings of closing a conversation; each `null` when the server does not expose it. */
export interface CloseRoomSettings {
  /** `Livechat_request_comment_when_closing_conversation`. */
  requireComment: boolean | null;
  /** `Livechat_transcript_send_always`: the server e-mails the transcript itself. */
  transcriptSendAlways: boolean | null;
  /** `Livechat_transcript_email_subject`; `''` when the server's default text applies. */
  transcriptEmailSubject: string | null;
  /** `Omnichannel_allow_force_close_conversations` (7.3+). */
  allowForceClose: boolean | null;
}

const SETTING_IDS = {
  requireComment: 'Livechat_request_comment_when_closing_conversation',
  transcriptSendAlways: 'Livechat_transcript_send_always',
  transcriptEmailSubject: 'Livechat_transcript_email_subject',
  allowForceClose: 'Omnichannel_allow_force_close_conversations',
} as const;

/** `GET settings.public?_id=…`: the four settings in one request. */
export function closeRoomSettingsQueryOptions(client: OmnichannelClient) {
  return queryOptions({
    queryKey: omnichannelAgentKeys.closeSettings(),
    queryFn: async ({ signal }): Promise<CloseRoomSettings> => {
      const body = await getOrNull<{ settings?: { _id?: unknown; value?: unknown }[] }>(
        client,
        'settings.public',
        { _id: Object.values(SETTING_IDS).join(',') },
        signal,
      );
      const value = (id: string) => body?.settings?.find((setting) => setting._id === id)?.value;
      const flag = (id: string) => {
        const found = value(id);
        return typeof found === 'boolean' ? found : null;
      };
      const subject = value(SETTING_IDS.transcriptEmailSubject);
      return {
        requireComment: flag(SETTING_IDS.requireComment),
        transcriptSendAlways: flag(SETTING_IDS.transcriptSendAlways),
        transcriptEmailSubject: typeof subject === 'string' ? subject : null,
        allowForceClose: flag(SETTING_IDS.allowForceClose),
      };
    },
    staleTime: 5 * 60_000,
  });
}

/** The signed-in agent's roles and transcript preferences (`null` when the server refuses). */
export function useOmnichannelAgent({ enabled = true }: { enabled?: boolean } = {}): UseQueryResult<OmnichannelAgent | null> {
  // Read again on every mount: the cache may hold the answer for whoever used the client before.
  return useQuery({ ...omnichannelAgentQueryOptions(useOmnichannelClient()), enabled, refetchOnMount: 'always' });
}

/** Which roles hold each permission (`null` when the server refuses). */
export function useOmnichannelPermissions({ enabled = true }: { enabled?: boolean } = {}): UseQueryResult<OmnichannelPermissions | null> {
  return useQuery({ ...omnichannelPermissionsQueryOptions(useOmnichannelClient()), enabled });
}

/** The server's active licence modules (`null` before 6.5 or when refused). */
export function useOmnichannelLicense({ enabled = true }: { enabled?: boolean } = {}): UseQueryResult<string[] | null> {
  return useQuery({ ...omnichannelLicenseQueryOptions(useOmnichannelClient()), enabled });
}

/** The public settings of closing a conversation. */
export function useCloseRoomSettings({ enabled = true }: { enabled?: boolean } = {}): UseQueryResult<CloseRoomSettings> {
  return useQuery({ ...closeRoomSettingsQueryOptions(useOmnichannelClient()), enabled });
}

/**
 * Whether the agent holds `permission`: `true` or `false` once roles and the table are known,
 * `undefined` while either is loading or was refused.
 */
export function hasPermission(agent: OmnichannelAgent | null | undefined, table: OmnichannelPermissions | null | undefined, permission: string): boolean | undefined {
  if (!agent || !table) return undefined;
  return (table[permission] ?? []).some((role) => agent.roles.includes(role));
}

import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { InfiniteData, InfiniteQueryObserverBaseResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { OmnichannelClient } from '../client/client';
import { useOmnichannelClient } from '../provider/OmnichannelProvider';
import { livechatRoomKeys, omnichannelKeyRoot } from './keys';

/** A non-2xx answer to one of the read endpoints. */
export class OmnichannelApiError extends Error {
  override readonly name = 'OmnichannelApiError';
  constructor(
    readonly status: number,
    readonly path: string,
  ) {
    super(`GET ${path} answered ${status}`);
  }
}

async function get<T>(client: OmnichannelClient, path: string, query: Record<string, string | number | boolean | undefined>, signal: AbortSignal): Promise<T> {
  const { status, body } = await client.request({ method: 'GET', path, query, signal });
  if (status < 200 || status > 299 || typeof body !== 'object' || body === null) throw new OmnichannelApiError(status, path);
  return body as T;
}

/** Keys of one kind of record: `all` for the kind, `detail(id)` for one. */
function keysOf<const Kind extends string>(kind: Kind) {
  const all = [...omnichannelKeyRoot, kind] as const;
  return { all, detail: (id: string) => [...all, id] as const };
}

/** Keys of the tag searches: `all`, and `list({ department, text })` for one search. */
export const livechatTagKeys = {
  all: [...omnichannelKeyRoot, 'livechat-tags'] as const,
  list: (filters: { department?: string; text: string }) => [...livechatTagKeys.all, filters] as const,
};
/** Keys of department queries: `all`, `detail(id)`. */
export const livechatDepartmentKeys = /* @__PURE__ */ keysOf('livechat-departments');
/** Keys of visitor queries: `all`, `detail(visitorId)`. */
export const livechatVisitorKeys = /* @__PURE__ */ keysOf('livechat-visitors');
/** Keys of public setting queries: `all`, `detail(settingId)`. */
export const omnichannelSettingKeys = /* @__PURE__ */ keysOf('settings');

/** One page of `GET livechat/tags`, up to 50 tag names from `offset`. */
export interface LivechatTagsPage {
  tags: string[];
  offset: number;
  total: number;
  /** `false` when the server has no tag list (community edition, older servers: 404 or 403). */
  available: boolean;
}

const TAGS_PAGE = 50;

/** `GET livechat/tags`, searched by the server and paged by `count`/`offset`. */
export function livechatTagsQueryOptions(client: OmnichannelClient, { department, text = '' }: { department?: string; text?: string }) {
  return infiniteQueryOptions({
    queryKey: livechatTagKeys.list({ department, text }),
    initialPageParam: 0,
    queryFn: async ({ pageParam, signal }): Promise<LivechatTagsPage> => {
      try {
        // As Rocket.Chat's own dialog asks: the department's tags (and tags of every department).
        const body = await get<{ tags?: { name: string }[]; total?: number }>(
          client,
          'livechat/tags',
          { text, department, viewAll: !department, offset: pageParam, count: TAGS_PAGE },
          signal,
        );
        const tags = (body.tags ?? []).map((tag) => tag.name);
        return { tags, offset: pageParam, total: body.total ?? tags.length, available: true };
      } catch (error) {
        if (error instanceof OmnichannelApiError && (error.status === 404 || error.status === 403)) {
          return { tags: [], offset: 0, total: 0, available: false };
        }
        throw error;
      }
    },
    getNextPageParam: (last) => (last.offset + last.tags.length < last.total && last.tags.length > 0 ? last.offset + last.tags.length : undefined),
    staleTime: 5 * 60_000,
  });
}

/**
 * What `useLivechatTags` returns: react-query's infinite query (status, `fetchNextPage`,
 * `hasNextPage`, …) plus the tags of every page loaded so far.
 */
export interface LivechatTagsResult extends InfiniteQueryObserverBaseResult<InfiniteData<LivechatTagsPage>> {
  /** Tag names of the pages loaded so far, in the server's order. */
  tags: string[];
  /** `false` when the server has no tag list (community edition, older servers); not an error. */
  available: boolean;
}

/** A value that follows `value` once it has stopped changing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The server's tags matching `text` (debounced while typing), for a department. Community and
 * older servers have no tag list: `available` is then `false` and it is not an error.
 */
export function useLivechatTags({ department, text = '', enabled = true }: { department?: string; text?: string; enabled?: boolean }): LivechatTagsResult {
  const client = useOmnichannelClient();
  const query = useInfiniteQuery({ ...livechatTagsQueryOptions(client, { department, text: useDebounced(text.trim(), 250) }), enabled });
  const pages = query.data?.pages ?? [];
  return { ...query, tags: pages.flatMap((page) => page.tags), available: pages[0]?.available ?? true };
}

/** One GET whose answer is picked into a small record, cached under `queryKey`. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- Body is the answer's shape, as `pick` reads it
function readQuery<Body, Result, Key extends readonly unknown[]>(
  client: OmnichannelClient,
  queryKey: Key,
  path: string,
  query: Record<string, string>,
  pick: (body: Body) => Result,
  staleTime = 5 * 60_000,
) {
  return queryOptions({
    queryKey,
    queryFn: async ({ signal }) => pick(await get<Body>(client, path, query, signal)),
    staleTime,
  });
}

/** What `rooms.info` says about a livechat room, picked to what the dialog needs. */
export interface LivechatRoomInfo {
  _id: string;
  open: boolean;
  departmentId?: string;
  visitorId?: string;
}

/** `GET rooms.info?roomId=`: whether the room is open, its department and its visitor. */
export function livechatRoomQueryOptions(client: OmnichannelClient, rid: string) {
  return readQuery(
    client,
    livechatRoomKeys.detail(rid),
    'rooms.info',
    { roomId: rid },
    ({ room }: { room: { _id: string; open?: boolean; departmentId?: string; v?: { _id?: string } } }): LivechatRoomInfo => ({
      _id: room._id,
      open: room.open === true,
      departmentId: room.departmentId,
      visitorId: room.v?._id,
    }),
    // Whether the room is still open changes: never trust an old answer.
    0,
  );
}

/**
 * The room, read again on window focus and every `refetchInterval` ms while the page is visible
 * (react-query pauses the interval while it is hidden), since rooms close from elsewhere.
 */
export function useLivechatRoom(rid: string, { enabled = true, refetchInterval = false }: { enabled?: boolean; refetchInterval?: number | false } = {}) {
  return useQuery({ ...livechatRoomQueryOptions(useOmnichannelClient(), rid), enabled, refetchInterval, refetchOnWindowFocus: true });
}

/** A visitor's name and first e-mail address, from `livechat/visitors.info`. */
export interface LivechatVisitorInfo {
  _id: string;
  name?: string;
  email?: string;
}

/** `GET livechat/visitors.info?visitorId=`: the visitor's name and first e-mail address. */
export function livechatVisitorQueryOptions(client: OmnichannelClient, visitorId: string) {
  return readQuery(
    client,
    livechatVisitorKeys.detail(visitorId),
    'livechat/visitors.info',
    { visitorId },
    ({ visitor }: { visitor: { _id: string; name?: string; visitorEmails?: { address?: string }[] } }): LivechatVisitorInfo => ({
      _id: visitor._id,
      name: visitor.name,
      email: visitor.visitorEmails?.[0]?.address,
    }),
  );
}

/** The visitor's name and e-mail (`livechatVisitorQueryOptions`); idle while `visitorId` is undefined. */
export function useLivechatVisitor(visitorId: string | undefined) {
  return useQuery({ ...livechatVisitorQueryOptions(useOmnichannelClient(), visitorId ?? ''), enabled: Boolean(visitorId) });
}

/** A department's closing rule (`requestTagBeforeClosingChat`) and closing tags. */
export interface LivechatDepartmentInfo {
  _id: string;
  name?: string;
  requestTagBeforeClosingChat: boolean;
  chatClosingTags: string[];
}

/** `GET livechat/department/:id`: its closing rule and closing tags (`null` when unknown). */
export function livechatDepartmentQueryOptions(client: OmnichannelClient, id: string) {
  return readQuery(
    client,
    livechatDepartmentKeys.detail(id),
    `livechat/department/${encodeURIComponent(id)}`,
    {},
    ({ department }: { department: (Partial<LivechatDepartmentInfo> & { _id: string }) | null }): LivechatDepartmentInfo | null =>
      department && {
        _id: department._id,
        name: department.name,
        requestTagBeforeClosingChat: department.requestTagBeforeClosingChat === true,
        chatClosingTags: department.chatClosingTags ?? [],
      },
  );
}

/** The department's closing rule and tags (`livechatDepartmentQueryOptions`); idle while `id` is undefined. */
export function useLivechatDepartment(id: string | undefined, { refetchInterval = false }: { refetchInterval?: number | false } = {}) {
  // Read again on focus and on the interval when given (connected mode): a rule an administrator
  // changes is seen while the form is open, not after the 5-minute stale time.
  return useQuery({
    ...livechatDepartmentQueryOptions(useOmnichannelClient(), id ?? ''),
    enabled: Boolean(id),
    refetchInterval,
    ...(refetchInterval !== false && { refetchOnWindowFocus: 'always' as const, refetchOnMount: 'always' as const }),
  });
}

const COMMENT_SETTING = 'Livechat_request_comment_when_closing_conversation';

/**
 * Whether the server requires a closing comment, from its public settings; `null` when the
 * server does not expose the setting (the dialog then learns it from a `comment-required` answer).
 */
export function commentRequiredQueryOptions(client: OmnichannelClient) {
  return readQuery(
    client,
    omnichannelSettingKeys.detail(COMMENT_SETTING),
    'settings.public',
    { _id: COMMENT_SETTING },
    ({ settings }: { settings?: { _id: string; value?: unknown }[] }): boolean | null => {
      const value = settings?.find((setting) => setting._id === COMMENT_SETTING)?.value;
      return typeof value === 'boolean' ? value : null;
    },
  );
}

/** Whether the server requires a closing comment (`commentRequiredQueryOptions`); `null` when it does not say. */
export function useCommentRequired({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...commentRequiredQueryOptions(useOmnichannelClient()), enabled });
}

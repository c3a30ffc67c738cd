import { describe, expectTypeOf, it } from 'vitest';
import type { OmnichannelClient } from '../client/client';
import { closeRoomKeys, livechatRoomKeys } from './keys';
import {
  livechatDepartmentKeys,
  livechatRoomQueryOptions,
  livechatTagKeys,
  livechatVisitorKeys,
  omnichannelSettingKeys,
  useLivechatTags,
} from './livechat-queries';
import type { LivechatTagsResult } from './livechat-queries';

declare const client: OmnichannelClient;
type Root = 'rocketchat-omnichannel-ui';

describe('query key factories keep their literal types', () => {
  it('rooms and closes', () => {
    expectTypeOf(livechatRoomKeys.all).toEqualTypeOf<readonly [Root, 'livechat-rooms']>();
    expectTypeOf(livechatRoomKeys.lists()).toEqualTypeOf<readonly [Root, 'livechat-rooms', 'list']>();
    expectTypeOf(livechatRoomKeys.detail('room-1')).toEqualTypeOf<readonly [Root, 'livechat-rooms', 'detail', string]>();
    expectTypeOf(closeRoomKeys.all).toExtend<readonly [Root, ...string[]]>();
  });

  it('departments, visitors, settings and tags', () => {
    expectTypeOf(livechatDepartmentKeys.all).toEqualTypeOf<readonly [Root, 'livechat-departments']>();
    expectTypeOf(livechatDepartmentKeys.detail('dept-sales')).toEqualTypeOf<readonly [Root, 'livechat-departments', string]>();
    expectTypeOf(livechatVisitorKeys.detail('v-1')).toEqualTypeOf<readonly [Root, 'livechat-visitors', string]>();
    expectTypeOf(omnichannelSettingKeys.all).toEqualTypeOf<readonly [Root, 'settings']>();
    expectTypeOf(livechatTagKeys.all).toEqualTypeOf<readonly [Root, 'livechat-tags']>();
    expectTypeOf(livechatTagKeys.list({ text: 'bill' })).toEqualTypeOf<readonly [Root, 'livechat-tags', { department?: string; text: string }]>();
  });

  it('query options carry the same key', () => {
    expectTypeOf(livechatRoomQueryOptions(client, 'room-1').queryKey).toExtend<readonly [Root, 'livechat-rooms', 'detail', string]>();
  });

  it('useLivechatTags returns a named result', () => {
    expectTypeOf(useLivechatTags).returns.toEqualTypeOf<LivechatTagsResult>();
    expectTypeOf<LivechatTagsResult['tags']>().toEqualTypeOf<string[]>();
    expectTypeOf<LivechatTagsResult['available']>().toEqualTypeOf<boolean>();
  });
});

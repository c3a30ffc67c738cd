import type { OmnichannelClient } from '../client/client';
import { OmnichannelRequestError } from '../client/client';

/**
 * Who the client acts as, as a job's owner marker: `owner` (hex digest), `unauthorized` (401),
 * `unreachable` (no answer), or `unknown` (an answer without a user id).
 */
export type OwnerLookup = { kind: 'owner'; owner: string } | { kind: 'unauthorized' } | { kind: 'unreachable' } | { kind: 'unknown' };

/**
 * The owner marker of a job: hex SHA-256 of the server and the user id. The user id is part of
 * the credentials and never stored; the digest lets restore tell whose job it is and nothing else.
 */
export async function ownerDigest(baseUrl: string, userId: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${baseUrl}\n${userId}`)));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Asks the server who the credentials name (`GET me`): the client is the only place that
 * resolves them, and it does so only to send a request.
 */
export async function lookUpOwner(client: OmnichannelClient, signal?: AbortSignal): Promise<OwnerLookup> {
  try {
    const { status, body } = await client.request({ method: 'GET', path: 'me', signal });
    if (status === 401) return { kind: 'unauthorized' };
    const id = typeof body === 'object' && body !== null ? (body as { _id?: unknown })._id : undefined;
    if (status < 200 || status >= 300 || typeof id !== 'string' || !id) return { kind: 'unknown' };
    return { kind: 'owner', owner: await ownerDigest(client.baseUrl, id) };
  } catch (error) {
    if (signal?.aborted) throw error;
    return error instanceof OmnichannelRequestError && error.kind === 'credentials' ? { kind: 'unauthorized' } : { kind: 'unreachable' };
  }
}

import { createOmnichannelClient } from 'rocketchat-omnichannel-ui';

// The Rocket.Chat server and the agent's credentials stay on the server: the test sets them.
export function serverClient() {
  const { RC_URL, RC_USER_ID, RC_AUTH_TOKEN } = process.env;
  if (!RC_URL || !RC_USER_ID || !RC_AUTH_TOKEN) throw new Error('RC_URL, RC_USER_ID and RC_AUTH_TOKEN must be set');
  return createOmnichannelClient({ baseUrl: RC_URL, credentials: { userId: RC_USER_ID, authToken: RC_AUTH_TOKEN } });
}

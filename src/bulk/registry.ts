import type { CloseRoomsJob } from './close-rooms-job';

/**
 * The job running in this page under each storage key: a remount, a second component or a
 * restore finds it rather than starting a second runner over the same rooms (which would post
 * them twice).
 */
export const liveJobs = new Map<string, CloseRoomsJob>();

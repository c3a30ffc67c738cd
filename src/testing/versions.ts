/**
 * What differs across the Rocket.Chat versions the package supports (6.5 to 8.x), as the mock
 * serves it. Each entry is the first version that has the behaviour.
 */
export const VERSION_FEATURES = {
  /** `GET /api/v1/licenses.info` answers any signed-in user (before: only a DDP method). */
  licensesInfo: '6.5.0',
  /** `room.closeByUser` accepts `forceClose` and the `Omnichannel_allow_force_close_conversations` setting exists. */
  forceClose: '7.3.0',
} as const;

export type VersionFeature = keyof typeof VERSION_FEATURES;

/** The oldest and the newest version the package is tested against. */
export const SUPPORTED_VERSIONS = { oldest: '6.5.0', newest: '8.0.0' } as const;

function parts(version: string): number[] {
  return version.split('.').map((part) => Number.parseInt(part, 10) || 0);
}

/** `true` when `version` is `minimum` or later (numeric, part by part). */
export function isAtLeast(version: string, minimum: string): boolean {
  const [a, b] = [parts(version), parts(minimum)];
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return true;
}

/** Whether a server of `version` has `feature`. */
export const hasFeature = (version: string, feature: VersionFeature): boolean => isAtLeast(version, VERSION_FEATURES[feature]);

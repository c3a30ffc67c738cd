export { OmnichannelProvider, useOmnichannelClient } from './OmnichannelProvider';
export type { OmnichannelProviderProps } from './OmnichannelProvider';

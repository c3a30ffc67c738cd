import { expect, it } from 'vitest';
import { omnichannelKeyRoot } from '../query/keys';
import { PROVIDER_KEY_ROOT } from './OmnichannelProvider';

it("the provider's copy of the query-key root is the key factories' root", () => {
  expect(PROVIDER_KEY_ROOT).toEqual(omnichannelKeyRoot);
});

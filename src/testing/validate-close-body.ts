// Mirrors Rocket.Chat's AJV schema for `room.closeByUser` (isPOSTLivechatRoomCloseByUserParams):
// the first error only, worded as AJV words it, without the field path (contract, "bad body").

type Check = (value: unknown) => string | undefined;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const string: Check = (value) => (typeof value === 'string' ? undefined : 'must be string');
const boolean: Check = (value) => (typeof value === 'boolean' ? undefined : 'must be boolean');
const stringArray: Check = (value) => {
  if (!Array.isArray(value)) return 'must be array';
  return value.map(string).find(Boolean);
};

function object(properties: Record<string, Check>, required: string[]): Check {
  return (value) => {
    if (!isObject(value)) return 'must be object';
    const missing = required.find((key) => !(key in value));
    if (missing) return `must have required property '${missing}'`;
    if (Object.keys(value).some((key) => !(key in properties))) return 'must NOT have additional properties';
    for (const [key, check] of Object.entries(properties)) {
      if (key in value) {
        const error = check(value[key]);
        if (error) return error;
      }
    }
    return undefined;
  };
}

const transcriptEmail = object(
  {
    sendToVisitor: boolean,
    requestData: object({ email: string, subject: string }, ['email', 'subject']),
  },
  ['sendToVisitor'],
);
const fields = { rid: string, comment: string, tags: stringArray, generateTranscriptPdf: boolean, transcriptEmail };
// Servers before 7.3 do not know `forceClose`, and their schema refuses unknown properties.
const currentBody = object({ ...fields, forceClose: boolean }, ['rid']);
const before73Body = object(fields, ['rid']);

/**
 * The server's `error` text for a body its schema rejects, or `undefined` when it accepts it.
 * `forceClose: false` checks the body as a server before 7.3 does, which refuses that field.
 */
export function validateCloseBody(body: unknown, { forceClose = true }: { forceClose?: boolean } = {}): string | undefined {
  const error = (forceClose ? currentBody : before73Body)(body);
  return error && `${error} [invalid-params]`;
}

export { ServerTagInput } from './ServerTagInput';
export type { ServerTagInputProps } from './ServerTagInput';

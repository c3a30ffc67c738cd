export { TagInput } from './TagInput';
export type { TagInputMessages, TagInputProps } from './TagInput';

export { CloseRoomsWrapUpForm } from './CloseRoomsWrapUpForm';
export type { CloseRoomsWrapUpDraft, CloseRoomsWrapUpFormProps } from './CloseRoomsWrapUpForm';

export { CloseRoomsWrapUpForm } from './CloseRoomsWrapUpForm';
export type { CloseRoomsWrapUpFormProps } from './CloseRoomsWrapUpForm';

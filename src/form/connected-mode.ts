// What connected mode adds to `CloseRoomForm` (#5, #12): the hook that reads the server's rules
// and the tag input that searches the server. `CloseRoomForm` imports this module on demand
// (`loadConnectedMode`), so a host that only passes props never downloads the reads (#13).
export { useCloseRoomSource } from './use-close-room-source';
export { ServerTagInput } from '../components/ServerTagInput/ServerTagInput';

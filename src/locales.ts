// `rocketchat-omnichannel-ui/locales`: the other languages, apart from the main entry so hosts
// that only speak English never download them. English (`enMessages`) is in the main entry.
export { esMessages } from './i18n/es';
export { ptBRMessages } from './i18n/pt-BR';
export { esCloseRoomsMessages } from './i18n/close-rooms.es';
export { ptBRCloseRoomsMessages } from './i18n/close-rooms.pt-BR';

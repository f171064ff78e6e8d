export { KeyDecoder } from "./decoder.ts";
export { ALL_KEY_NAMES, isKeyName, type KeyEvent, type KeyName, keyLabel } from "./key-names.ts";
export {
  buildKeymap,
  DEFAULT_KEYMAP,
  isKeyCommand,
  KEY_COMMANDS,
  type KeyCommand,
  type Keymap,
  parseKeymapOverrides,
} from "./keymap.ts";

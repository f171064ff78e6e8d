import type { CustomTender } from "../../core/custom-tenders.ts";
import type { StoreSettings } from "../../core/settings.ts";
import type { Translator } from "../i18n/index.ts";
import type { Keymap } from "../keys/keymap.ts";
import type { LinkStatus, TillIdentity } from "../services.ts";
import type { TillState } from "../state/types.ts";

/** Everything a screen needs to draw itself: it only renders, never acts. */
export interface View {
  state: TillState;
  t: Translator;
  keymap: Keymap;
  settings: StoreSettings;
  identity: TillIdentity;
  link: LinkStatus;
  /** Width of the screen in cells. */
  columns: number;
  /** The shop's own tenders as synced: the payment screen names them. */
  customTenders?: readonly CustomTender[];
  /** The time-of-day messages in force ("" or absent: none), shown when the status line is free. */
  ambient?: string;
}

export interface BodyProps {
  view: View;
  /** Rows the screen's body may use. */
  height: number;
}

/** `ringup kds`'s options: flags, RINGUP_* variables and the TOML config validate against this. */
import { z } from "zod";
import { dir, logLevel, url } from "../shared/option-fields.ts";
import { KDS_LANGUAGES } from "./i18n.ts";

export const kdsOptionsSchema = z
  .object({
    server: url,
    station: z
      .string({
        error: (i) =>
          i.input === undefined
            ? "is required: give the station's id (see [[kitchen.stations]])"
            : "must be text",
      })
      .regex(/^[A-Za-z0-9_-]{1,20}$/, "must be a station id: 1 to 20 letters, digits, dashes or underscores"),
    /** A device token (from pairing) or an admin token; default: the one kept in `data` at pairing. */
    token: z.string().min(16, "must be at least 16 characters").max(200).optional(),
    data: dir.default("./kds-data"),
    /** A one-time code from `ringup admin till pair --till-id ID`: exchanged for the display's token, then it exits. */
    pair: z.string().min(1).max(40).optional(),
    /** The id the display pairs under (the one the code was made for). */
    deviceId: z
      .string()
      .regex(/^[A-Za-z0-9_]{1,16}$/, "must be 1 to 16 letters, digits or underscores")
      .optional(),
    lang: z.enum(KDS_LANGUAGES, { error: `must be one of ${KDS_LANGUAGES.join(", ")}` }).default("en"),
    logLevel,
  })
  .loose();
export type KdsOptions = z.infer<typeof kdsOptionsSchema>;

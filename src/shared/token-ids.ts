/**
 * Tokens are named by the first hex digits of their hash (an id that reveals nothing of the
 * token). Revoking by id takes the one live token it names, or says what to do.
 */
import { TokenError } from "./token-errors.ts";

export function theOnlyTokenMatch<T>(matches: readonly T[], id: string): T {
  const [only, second] = matches;
  if (only === undefined) {
    throw new TokenError("TOKEN_NOT_FOUND", `no live token has the id ${id}; see ringup admin token list`);
  }
  if (second !== undefined) {
    throw new TokenError(
      "TOKEN_ID_AMBIGUOUS",
      `${matches.length} tokens start with ${id}; give more digits of the id`,
    );
  }
  return only;
}

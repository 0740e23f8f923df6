import type { Problem } from "../knowledge/problems.js";
import type { ReloadDiff } from "./diff.js";

export interface ReloadResult {
  /** True when the new knowledge is now being served. */
  ok: boolean;
  /** Everything the validator found, warnings included; on failure at least one error. */
  problems: Problem[];
  /** What changed (on success) or would have changed (when refused). Empty when the load failed. */
  diff: ReloadDiff;
  /** On success: knowledge/lexicon.yaml changed, so questions are read differently. */
  lexiconChanged?: boolean;
  /** Set when the new set was valid but removed too many facts and was not forced. */
  refused?: { removed: number; before: number; share: number; maxDrop: number };
  /** Facts served after this reload: the new count on success, the old one otherwise. */
  facts: number;
  /** Facts served before this reload (0 when nothing was loaded yet). */
  previousFacts: number;
}

export interface ReloadOptions {
  /** Apply even when more than maxDrop of the facts would disappear (`/reload force`). */
  force?: boolean;
  /** Why this reload runs (watch, SIGHUP, /reload), for the log. */
  trigger?: string;
}

// What Kassören keeps in the browser's local storage, as the tests see it: the keys (the app
// spells them in src/store.rs, src/snapshots.rs and src/components/review.rs), spelled here and
// nowhere else in the tests, and the functions that run in the page to fill the storage quota.
//
// Functions that run in the page (page.evaluate) cannot see this module: the page object passes
// them the keys they need as arguments.

const PREFIX = 'kassoren.';

export const STORAGE = {
  /** Every key the app writes starts with this. */
  prefix: PREFIX,
  /** The list of reports: [{id, title, updated}], as JSON. */
  index: `${PREFIX}index`,
  /** The id of the open report. */
  current: `${PREFIX}current`,
  /** The treasurer's name, as the review part asks for it. */
  me: `${PREFIX}me`,
  /** A report's JSON. */
  report: (id) => `${PREFIX}report.${id}`,
  /** How many times a report has been written, by any tab. */
  rev: (id) => `${PREFIX}rev.${id}`,
  /** "Tidigare versioner" of a report: [{at, reason, title, text}], as JSON. */
  snapshots: (id) => `${PREFIX}snapshots.${id}`,
  /** The exports of a document kept for merging: [{revision, text}], as JSON. */
  exports: (documentId) => `${PREFIX}exports.${documentId}`,
  /** Whether a key is a report's (`report(id)` for some id). */
  isReport: (key) => key.startsWith(`${PREFIX}report.`),
};

/** The keys of the pieces that fill the quota (not the app's own). */
export const FILLER_PREFIX = 'fyllnad.';

/**
 * In the page: fills local storage to its last few bytes, big pieces first, then ever smaller
 * ones, under keys `${prefix}0`, `${prefix}1`, …; returns how many pieces it stored.
 */
export function fillQuotaInPage(prefix) {
  let i = 0;
  for (let size = 256 * 1024; size >= 16; size = Math.floor(size / 2)) {
    for (;;) {
      try {
        localStorage.setItem(`${prefix}${i}`, 'x'.repeat(size));
        i += 1;
      } catch {
        break;
      }
    }
  }
  return i;
}

/** In the page: removes what fillQuotaInPage(prefix) stored. */
export function freeQuotaInPage(prefix) {
  for (const k of Object.keys(localStorage)) if (k.startsWith(prefix)) localStorage.removeItem(k);
}

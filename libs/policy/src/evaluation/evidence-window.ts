import { addMonths } from '../dates/iso-date';
import type { EvidenceWindow } from '../pathway/pathway';
import { resolveNumber, type RequirementContext } from './requirement-context';

/** A predicate on a YYYY-MM-DD date: inside the window and not after the as-of date. */
export function evidenceWindow(
  context: RequirementContext,
  window: EvidenceWindow | undefined,
): (date: string) => boolean {
  const { asOf } = context;
  if (window === undefined) return (date) => date <= asOf;
  if ('lastMonths' in window) {
    // "15 in 12 months" ending on 3 Mar 2026 means performed after 3 Mar 2025, up to 3 Mar 2026.
    const after = addMonths(asOf, -resolveNumber(context, window.lastMonths));
    return (date) => date > after && date <= asOf;
  }
  const { from, to } = window;
  return (date) =>
    date <= asOf && (from === undefined || date >= from) && (to === undefined || date <= to);
}

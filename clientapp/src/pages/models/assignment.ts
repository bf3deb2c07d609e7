import type { ModelAssignment } from '../../api/schemas';

/** The form's values as typed: the challenger '' for none, the share in percent. */
export interface AssignmentDraft {
  active: string;
  challenger: string;
  sharePercent: string;
}

export type AssignmentField = 'active' | 'challenger' | 'challengerShare';

export type AssignmentCheck = { ok: true; body: ModelAssignment } | { ok: false; errors: Partial<Record<AssignmentField, string[]>> };

export function draftOf(assignment: ModelAssignment): AssignmentDraft {
  return {
    active: assignment.active,
    challenger: assignment.challenger ?? '',
    sharePercent: String(Math.round(assignment.challengerShare * 1000) / 10),
  };
}

/** The request body, or what is wrong with the draft; the server checks the same again. */
export function checkAssignment(draft: AssignmentDraft): AssignmentCheck {
  const errors: Partial<Record<AssignmentField, string[]>> = {};
  if (!draft.active) errors.active = ['Choose the active model.'];
  if (draft.challenger && draft.challenger === draft.active) errors.challenger = ['The challenger must be another model than the active one.'];
  const share = draft.sharePercent.trim() === '' ? Number.NaN : Number(draft.sharePercent);
  if (draft.challenger && !(Number.isFinite(share) && share >= 0 && share <= 100)) {
    errors.challengerShare = ['The challenger’s share is a number from 0 to 100 %.'];
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      active: draft.active,
      challenger: draft.challenger || null,
      // 12.5 % → 0.125, without binary noise such as 0.12500000000000003.
      challengerShare: draft.challenger ? Math.round(share * 1000) / 100_000 : 0,
    },
  };
}

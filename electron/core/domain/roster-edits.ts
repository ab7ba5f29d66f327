import type { Role } from '../contract';

/**
 * Why a hand edit of one roster slot needs a reason and an approver, like a swap or a stand-in: it puts
 * someone in a role they do not hold, or it takes the rostered person out (replacing or clearing). Filling
 * an empty slot with someone who holds the role is plain roster keeping. null: no approval needed.
 */
export function handEditApproval(
  role: Role,
  fromPersonId: number | null,
  to: { id: number; roles: readonly Role[] } | null,
): 'role_not_held' | 'replaces_person' | null {
  if (to && !to.roles.includes(role)) return 'role_not_held';
  if (fromPersonId !== null && fromPersonId !== (to?.id ?? null)) return 'replaces_person';
  return null;
}

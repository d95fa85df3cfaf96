import type { Role } from '../../../db/schema';

/**
 * Content analytics are for the people who write the content. They show totals only, so a trainer
 * learns which question confuses people without learning who was confused.
 */
export function mayViewContentAnalytics(role: Role): boolean {
  return role === 'trainer' || role === 'admin';
}

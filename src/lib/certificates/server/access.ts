/** Who may open a certificate's private page and credential: its holder, their managers, admins. */
import type { Certificate } from './certificates';
import type { Database } from '../../platform/server/db';
import { mayManagePerson, type Actor } from '../../people/server/team-scope';

export async function mayViewCertificate(db: Database, actor: Actor, certificate: Certificate): Promise<boolean> {
  if (certificate.userId === actor.id || actor.role === 'admin') return true;
  return mayManagePerson(db, actor, certificate.userId);
}

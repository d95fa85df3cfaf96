/** Admins revoke a certificate with a reason; the public verification page then says so. */
import { ActionError, defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { multiLine } from '../schemas/typed-text';
import { CertificateError, revokeCertificate } from '../lib/certificates/server/certificates';
import { requireAdmin } from './guards';

export const revoke = defineAction({
  accept: 'form',
  input: z.strictObject({
    certificateId: z.string().trim().regex(/^[A-Za-z0-9_-]{10,40}$/, 'this is not a certificate number'),
    reason: multiLine(500).pipe(z.string().min(3, 'give the reason for revoking (at least 3 characters)')),
  }),
  handler: async (input, context) => {
    const actor = requireAdmin(context);
    try {
      await revokeCertificate(context.locals.db, { id: input.certificateId, actorId: actor.id, reason: input.reason, now: new Date() });
    } catch (error) {
      if (error instanceof CertificateError) {
        throw error.code === 'NOT_FOUND'
          ? new ActionError({ code: 'NOT_FOUND', message: 'admin.cert.error.notFound' })
          : new ActionError({ code: 'CONFLICT', message: 'admin.cert.error.alreadyRevoked' });
      }
      throw error;
    }
    return { certificateId: input.certificateId };
  },
});

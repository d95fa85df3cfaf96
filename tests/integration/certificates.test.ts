import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { createTestDatabase, insertUser, type TestDatabase } from './test-database';
import { completeModule } from '../../src/lib/learning-records/server/progress';
import {
  certificatesOf,
  CertificateError,
  findCertificate,
  issueCourseCertificates,
  issuePromotionCertificates,
  revokeCertificate,
} from '../../src/lib/certificates/server/certificates';
import { issuerJwks, signedCredential } from '../../src/lib/certificates/server/credential-signing';
import { auditLog, promotions } from '../../db/schema';

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 2));
const catalogue = {
  courseModules: new Map([['workflow', ['workflow/a', 'workflow/b']]]),
  courses: [{ id: 'workflow', title: { zh: '销售业务流程', en: 'The sales workflow' } }],
};
const origin = 'https://academy.example.com';

async function certifiedLearner() {
  const user = await insertUser(t.db, { name: '刘洋' });
  await completeModule(t.db, user.id, 'workflow/a', at(1));
  await completeModule(t.db, user.id, 'workflow/b', at(4));
  const [certificate] = await issueCourseCertificates(t.db, user.id, catalogue, at(5));
  return { user, certificate: certificate! };
}

describe('course certificates', () => {
  it('are issued once a course is complete, dated by its last module, and only once', async () => {
    const user = await insertUser(t.db, { name: '刘洋' });
    await completeModule(t.db, user.id, 'workflow/a', at(1));
    expect(await issueCourseCertificates(t.db, user.id, catalogue, at(2))).toEqual([]);
    await completeModule(t.db, user.id, 'workflow/b', at(4));
    const issued = await issueCourseCertificates(t.db, user.id, catalogue, at(5));
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ kind: 'course', subjectId: 'workflow', recipientName: '刘洋', achievedAt: at(4), issuedAt: at(5) });
    expect(issued[0]!.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await issueCourseCertificates(t.db, user.id, catalogue, at(6))).toEqual([]);
    expect(await certificatesOf(t.db, user.id)).toHaveLength(1);
  });

  it('are issued for each promotion, named after the level', async () => {
    const user = await insertUser(t.db, { name: '周敏' });
    const manager = await insertUser(t.db, { role: 'manager' });
    await t.db.insert(promotions).values({ id: 'p1', userId: user.id, fromLevelId: 'junior', toLevelId: 'mid', promotedBy: manager.id, at: at(3) });
    const names = (id: string) => (id === 'mid' ? { zh: '中级销售', en: 'Mid-level sales' } : undefined);
    await issuePromotionCertificates(t.db, user.id, names, at(3));
    await issuePromotionCertificates(t.db, user.id, names, at(4));
    const held = await certificatesOf(t.db, user.id);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ kind: 'level', subjectId: 'mid', title: { zh: '中级销售', en: 'Mid-level sales' }, achievedAt: at(3) });
  });
});

describe('signed credentials', () => {
  it('verify with jose against the published key set', async () => {
    const { certificate } = await certifiedLearner();
    const jwt = await signedCredential(t.db, origin, certificate);
    const { payload, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(await issuerJwks(t.db)), { issuer: `${origin}/issuer.json` });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload.jti).toBe(`${origin}/verify/${certificate.id}`);
    expect((payload.vc as { credentialSubject: { name: string } }).credentialSubject.name).toBe('刘洋');
  });

  it('fail verification once the payload is tampered with', async () => {
    const { certificate } = await certifiedLearner();
    const jwt = await signedCredential(t.db, origin, certificate);
    const [header, , signature] = jwt.split('.');
    const forged = { ...decodeJwt(jwt), vc: { ...(decodeJwt(jwt).vc as object), credentialSubject: { name: 'Mallory' } } };
    const tampered = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    await expect(jwtVerify(tampered, createLocalJWKSet(await issuerJwks(t.db)))).rejects.toThrow(/signature/i);
  });

  it('keep one signing key however many are asked for at once', async () => {
    const { certificate } = await certifiedLearner();
    await Promise.all([1, 2, 3].map(() => signedCredential(t.db, origin, certificate)));
    expect((await issuerJwks(t.db)).keys).toHaveLength(1);
  });
});

describe('revoking', () => {
  it('records the time, the reason and who, with an audit row, and refuses a second revoke', async () => {
    const { user, certificate } = await certifiedLearner();
    const admin = await insertUser(t.db, { role: 'admin' });
    await revokeCertificate(t.db, { id: certificate.id, actorId: admin.id, reason: '考试作弊', now: at(8) });
    expect(await findCertificate(t.db, certificate.id)).toMatchObject({ revokedAt: at(8), revokedBy: admin.id, revokeReason: '考试作弊' });
    const audit = await t.db.select().from(auditLog).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'certificate.revoke', subjectUserId: user.id, actorId: admin.id });
    await expect(revokeCertificate(t.db, { id: certificate.id, actorId: admin.id, reason: 'again', now: at(9) })).rejects.toThrow(CertificateError);
  });

  it('refuses an unknown certificate', async () => {
    const admin = await insertUser(t.db, { role: 'admin' });
    await expect(revokeCertificate(t.db, { id: 'nope', actorId: admin.id, reason: 'x', now: at(1) })).rejects.toThrow('NOT_FOUND');
  });
});

import { describe, expect, it } from 'vitest';
import { courseCertificatesDue } from '../../src/lib/certificates/due';
import { credentialClaims, openBadgeCredential } from '../../src/lib/certificates/credential';

const day = (d: number) => new Date(Date.UTC(2026, 10, d, 3));

describe('courseCertificatesDue', () => {
  const courses = new Map([
    ['workflow', ['workflow/a', 'workflow/b']],
    ['skills', ['skills/a']],
    ['empty', []],
  ]);

  it('gives a course once every module is complete, dated by the last completion', () => {
    const done = new Map([['workflow/a', day(3)], ['workflow/b', day(9)], ['skills/a', day(1)]]);
    expect(courseCertificatesDue(courses, done, new Set())).toEqual([
      { courseId: 'workflow', achievedAt: day(9) },
      { courseId: 'skills', achievedAt: day(1) },
    ]);
  });

  it('gives nothing for a course with a module left, an empty course, or one already certified', () => {
    const done = new Map([['workflow/a', day(3)], ['skills/a', day(1)]]);
    expect(courseCertificatesDue(courses, done, new Set(['skills']))).toEqual([]);
  });
});

describe('openBadgeCredential', () => {
  const facts = {
    id: 'AbC123xyz_-0987654321',
    kind: 'course' as const,
    subjectId: 'sales-workflow',
    recipientName: '刘洋',
    title: { zh: '销售业务流程', en: 'The sales workflow' },
    achievedAt: day(9),
    issuedAt: day(10),
  };

  it('is an Open Badges 3.0 credential naming the issuer profile, the verification URL and the achievement', () => {
    const credential = openBadgeCredential('https://academy.example.com', facts);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential['@context'][0]).toBe('https://www.w3.org/ns/credentials/v2');
    expect(credential.id).toBe('https://academy.example.com/verify/AbC123xyz_-0987654321');
    expect(credential.issuer.id).toBe('https://academy.example.com/issuer.json');
    expect(credential.validFrom).toBe(day(10).toISOString());
    expect(credential.credentialSubject.name).toBe('刘洋');
    expect(credential.credentialSubject.achievement.id).toBe('https://academy.example.com/achievements/course/sales-workflow');
  });

  it('puts the credential in the vc claim with iss, jti, sub and nbf (OB 3.0 §8.2)', () => {
    const credential = openBadgeCredential('https://academy.example.com', facts);
    const claims = credentialClaims(credential, facts);
    expect(claims).toMatchObject({ iss: credential.issuer.id, jti: credential.id, nbf: day(10).getTime() / 1000 });
    expect(claims.vc).toBe(credential);
  });
});

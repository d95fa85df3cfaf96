/**
 * Certificates as Open Badges 3.0 credentials (a W3C Verifiable Credential of type
 * OpenBadgeCredential), secured as a VC-JWT: OB 3.0 §8.2 puts the credential in the `vc` claim
 * beside iss, jti, sub and nbf, and names RS256 as the algorithm every verifier supports.
 * Spec: https://www.imsglobal.org/spec/ob/v3p0/
 */

export interface Issuer {
  /** URL of the issuer's profile (served as JSON at /issuer.json). */
  id: string;
  name: string;
  url: string;
}

export interface CertificateFacts {
  id: string;
  kind: 'course' | 'level';
  subjectId: string;
  recipientName: string;
  title: { zh: string; en: string };
  achievedAt: Date;
  issuedAt: Date;
}

export const CREDENTIAL_ALGORITHM = 'RS256';

/** The public verification page of a certificate. */
export const verifyUrl = (origin: string, certificateId: string) => `${origin}/verify/${certificateId}`;

export function issuerProfile(origin: string): Issuer {
  return { id: `${origin}/issuer.json`, name: 'Sales Academy 销售学院', url: origin };
}

/** The OpenBadgeCredential for one certificate. `origin` is the site's public origin, no trailing slash. */
export function openBadgeCredential(origin: string, facts: CertificateFacts) {
  const issuer = issuerProfile(origin);
  const what = facts.kind === 'course' ? { zh: '完成课程', en: 'Completed the course' } : { zh: '晋升至', en: 'Promoted to' };
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: verifyUrl(origin, facts.id),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer.id, type: ['Profile'], name: issuer.name, url: issuer.url },
    validFrom: facts.issuedAt.toISOString(),
    name: `${facts.title.en} · ${facts.title.zh}`,
    credentialSubject: {
      type: ['AchievementSubject'],
      name: facts.recipientName,
      activityEndDate: facts.achievedAt.toISOString(),
      achievement: {
        id: `${origin}/achievements/${facts.kind}/${facts.subjectId}`,
        type: ['Achievement'],
        achievementType: facts.kind === 'course' ? 'Course' : 'Achievement',
        name: `${facts.title.en} · ${facts.title.zh}`,
        description: `${what.en} “${facts.title.en}” at Sales Academy. ${what.zh}“${facts.title.zh}”。`,
        criteria: {
          narrative:
            facts.kind === 'course'
              ? 'Every module of the course completed. 完成课程的全部单元。'
              : 'Every promotion criterion of the level met and confirmed by the manager. 达到该职级的全部晋升条件并经主管确认。',
        },
      },
    },
  };
}

export type OpenBadgeCredential = ReturnType<typeof openBadgeCredential>;

/** The JWT claims of a VC-JWT carrying `credential` (OB 3.0 §8.2.4). */
export function credentialClaims(credential: OpenBadgeCredential, facts: CertificateFacts) {
  return {
    iss: credential.issuer.id,
    jti: credential.id,
    sub: `${credential.id}#recipient`,
    nbf: Math.floor(facts.issuedAt.getTime() / 1000),
    vc: credential,
  };
}

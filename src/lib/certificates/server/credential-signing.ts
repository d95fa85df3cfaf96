/**
 * The issuer's key for signing certificates' credentials. Made on first use and kept in the
 * database, so every instance behind a load balancer signs with the same key and a restart keeps
 * old credentials verifiable; the public half is published at /.well-known/jwks.json.
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { asc } from 'drizzle-orm';
import { signingKeys } from '../../../../db/schema';
import { CREDENTIAL_ALGORITHM, credentialClaims, openBadgeCredential, type CertificateFacts } from '../credential';
import type { Database } from '../../platform/server/db';

interface IssuerKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

async function loadOrCreateKey(db: Database): Promise<IssuerKey> {
  const existing = await db.select().from(signingKeys).orderBy(asc(signingKeys.createdAt)).limit(1).get();
  if (existing) return { kid: existing.kid, privateJwk: existing.privateJwk as JWK, publicJwk: existing.publicJwk as JWK };
  const { privateKey, publicKey } = await generateKeyPair(CREDENTIAL_ALGORITHM, { extractable: true, modulusLength: 2048 });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateJwk = await exportJWK(privateKey);
  const keyed = { ...publicJwk, kid, alg: CREDENTIAL_ALGORITHM, use: 'sig' };
  // Two requests or instances may both get here first: only an insert into an empty table lands,
  // and everyone then reads the one key that did.
  await db.$client.execute({
    sql: 'INSERT INTO signing_keys (kid, private_jwk, public_jwk) SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM signing_keys)',
    args: [kid, JSON.stringify(privateJwk), JSON.stringify(keyed)],
  });
  const kept = (await db.select().from(signingKeys).orderBy(asc(signingKeys.createdAt)).limit(1).get())!;
  return { kid: kept.kid, privateJwk: kept.privateJwk as JWK, publicJwk: kept.publicJwk as JWK };
}

/** The public keys that verify certificates' credentials, as a JWK Set. */
export async function issuerJwks(db: Database): Promise<{ keys: JWK[] }> {
  const rows = await db.select({ publicJwk: signingKeys.publicJwk }).from(signingKeys);
  if (rows.length === 0) return { keys: [(await loadOrCreateKey(db)).publicJwk] };
  return { keys: rows.map((r) => r.publicJwk as JWK) };
}

/** The certificate as a signed Open Badges 3.0 VC-JWT. */
export async function signedCredential(db: Database, origin: string, facts: CertificateFacts): Promise<string> {
  const key = await loadOrCreateKey(db);
  const credential = openBadgeCredential(origin, facts);
  const { iss, jti, sub, nbf, vc } = credentialClaims(credential, facts);
  return new SignJWT({ vc })
    .setProtectedHeader({ alg: CREDENTIAL_ALGORITHM, typ: 'JWT', kid: key.kid })
    .setIssuer(iss)
    .setJti(jti)
    .setSubject(sub)
    .setNotBefore(nbf)
    .setIssuedAt(nbf)
    .sign(await importJWK(key.privateJwk, CREDENTIAL_ALGORITHM));
}

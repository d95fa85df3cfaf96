import type { Language } from '../../schemas/common';
import type { ReviewCriterion, SpotTheIssueExercise } from '../../schemas/exercise';
import { knownUnique, publicBase, resultBase, type PublicBase, type ResultBase } from './common';

export interface SpotTheIssueAnswer {
  type: 'spot-the-issue';
  /** Ids of the segments the learner flags as problems. */
  flags: string[];
}

export interface PublicSpotTheIssue extends PublicBase {
  type: 'spot-the-issue';
  document: { kind: 'contract' | 'quotation' | 'visit-report'; heading: string };
  /** The document in reading order, without any sign of which segments have problems. */
  segments: { id: string; heading: string | null; text: string }[];
  falseFlagPenalty: number;
}

export type SegmentVerdict = 'found' | 'missed' | 'false-flag' | 'sound';

export interface SpotTheIssueResult extends ResultBase {
  type: 'spot-the-issue';
  found: number;
  missed: number;
  falseFlags: number;
  falseFlagPenalty: number;
  segments: { id: string; heading: string | null; text: string; flagged: boolean; verdict: SegmentVerdict; criterion: ReviewCriterion | null; explanation: string | null }[];
}

export function toPublicSpotTheIssue(id: string, exercise: SpotTheIssueExercise, lang: Language): PublicSpotTheIssue {
  return {
    ...publicBase(id, exercise, lang),
    type: 'spot-the-issue',
    document: { kind: exercise.document.kind, heading: exercise.document.heading[lang] },
    segments: exercise.segments.map((s) => ({ id: s.id, heading: s.heading?.[lang] ?? null, text: s.text[lang] })),
    falseFlagPenalty: exercise.falseFlagPenalty,
  };
}

/**
 * One point per real problem flagged, minus `falseFlagPenalty` per sound segment flagged, never
 * below zero; out of the number of real problems. Flagging a segment twice counts once, and ids
 * that are not segments are ignored.
 */
export function scoreSpotTheIssue(exercise: SpotTheIssueExercise, answer: SpotTheIssueAnswer, lang: Language): SpotTheIssueResult {
  const flagged = new Set(knownUnique(answer.flags, new Set(exercise.segments.map((s) => s.id))));
  const segments = exercise.segments.map((s) => {
    const isFlagged = flagged.has(s.id);
    const verdict: SegmentVerdict = s.issue ? (isFlagged ? 'found' : 'missed') : isFlagged ? 'false-flag' : 'sound';
    return {
      id: s.id,
      heading: s.heading?.[lang] ?? null,
      text: s.text[lang],
      flagged: isFlagged,
      verdict,
      criterion: s.issue?.criterion ?? null,
      explanation: s.issue?.explanation[lang] ?? s.note?.[lang] ?? null,
    };
  });
  const count = (v: SegmentVerdict) => segments.filter((s) => s.verdict === v).length;
  const found = count('found');
  const falseFlags = count('false-flag');
  const issues = exercise.segments.filter((s) => s.issue).length;
  const score = Math.max(0, found - falseFlags * exercise.falseFlagPenalty);
  return {
    ...resultBase(exercise, score, issues, lang),
    type: 'spot-the-issue',
    found,
    missed: count('missed'),
    falseFlags,
    falseFlagPenalty: exercise.falseFlagPenalty,
    segments,
  };
}

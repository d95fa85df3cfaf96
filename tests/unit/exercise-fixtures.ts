/** Small exercises of every type, parsed by the real schema, for the scorer and storage tests. */
import { exerciseSchema, type CalculationExercise, type ClassifyExercise, type RoleplayExercise, type SequenceExercise, type SpotTheIssueExercise } from '../../src/schemas/exercise';

const text = (en: string) => ({ zh: `【${en}】`, en });
const base = { title: text('Title'), instructions: text('Do it'), module: 'sales-workflow/lead-grading', practises: text('a skill'), debrief: text('What to take away') };

export const sequenceExercise = (): SequenceExercise =>
  exerciseSchema.parse({
    ...base,
    type: 'sequence',
    items: ['record', 'judge', 'assign', 'analyse', 'propose'].map((id) => ({ id, text: text(`Step ${id}`), note: text(`Why ${id}`) })),
  }) as SequenceExercise;

export const classifyExercise = (): ClassifyExercise =>
  exerciseSchema.parse({
    ...base,
    type: 'classify',
    buckets: [{ id: 'grade-a', label: text('A') }, { id: 'grade-b', label: text('B') }, { id: 'grade-c', label: text('C') }],
    cards: [
      { id: 'cold-store', text: text('Cold store'), bucket: 'grade-a', explanation: text('All clear') },
      { id: 'school', text: text('School'), bucket: 'grade-a', explanation: text('Budget approved') },
      { id: 'hardware', text: text('Hardware'), bucket: 'grade-b', explanation: text('Budget pending') },
      { id: 'startup', text: text('Start-up'), bucket: 'grade-c', explanation: text('Need unclear') },
    ],
  }) as ClassifyExercise;

export const spotExercise = (penalty = 0.5): SpotTheIssueExercise =>
  exerciseSchema.parse({
    ...base,
    type: 'spot-the-issue',
    falseFlagPenalty: penalty,
    document: { kind: 'contract', heading: text('Contract') },
    segments: [
      { id: 'parties', text: text('Parties') },
      { id: 'price', text: text('Price'), issue: { criterion: 'accuracy', explanation: text('Wrong total') } },
      { id: 'acceptance', text: text('Acceptance'), issue: { criterion: 'completeness', explanation: text('No deadline') } },
      { id: 'disputes', text: text('Disputes'), note: text('Fine as written') },
    ],
  }) as SpotTheIssueExercise;

export const calculationExercise = (): CalculationExercise =>
  exerciseSchema.parse({
    ...base,
    type: 'calculation',
    scenario: text('A funnel'),
    givens: [{ label: text('Leads'), value: text('120') }],
    questions: [
      { id: 'close-rate', prompt: text('Close rate'), unit: text('%'), answer: 33.3, tolerance: 0.1, solution: text('6 ÷ 18') },
      { id: 'quotes', prompt: text('Quotes needed'), answer: 24, solution: text('8 × 3') },
    ],
  }) as CalculationExercise;

/**
 * opening ─ask (listening 2)→ middle ─record (compliance 2)→ win (success)
 *         │                         └─rush (compliance −1)→ meh (partial)
 *         └─cave (compliance −2)→ lose (failure)
 */
export const roleplayExercise = (): RoleplayExercise =>
  exerciseSchema.parse({
    ...base,
    type: 'roleplay',
    persona: text('Mr Qian wants a discount'),
    start: 'opening',
    nodes: [
      {
        id: 'opening',
        customer: text('12% off or we walk'),
        choices: [
          { id: 'ask', text: text('Where does 12% come from?'), to: 'middle', effects: { listening: 2 }, feedback: text('You asked') },
          { id: 'cave', text: text('Fine, 12%'), to: 'lose', effects: { compliance: -2 }, feedback: text('Below the floor') },
        ],
      },
      {
        id: 'middle',
        customer: text('Our budget is capped'),
        choices: [
          { id: 'record', text: text('Reshape and record'), to: 'win', effects: { compliance: 2 }, feedback: text('Recorded') },
          { id: 'rush', text: text('Sign now'), to: 'meh', effects: { compliance: -1 }, feedback: text('Rushed') },
        ],
      },
      { id: 'win', outcome: 'success', narration: text('Signed after review'), debrief: text('Well done') },
      { id: 'meh', outcome: 'partial', narration: text('Signed, with loose ends'), debrief: text('Almost') },
      { id: 'lose', outcome: 'failure', customer: text('We go elsewhere'), debrief: text('Floor broken') },
    ],
  }) as RoleplayExercise;

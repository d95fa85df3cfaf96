/** The components a trainer may use in a module without importing them. */
export { default as Callout } from './Callout.astro';
export { default as Steps } from './Steps.astro';
export { default as Flow } from './Flow.astro';
export { default as RoleCard } from './RoleCard.astro';
export { default as KeyTerm } from './KeyTerm.astro';
export { default as LadderRule } from './LadderRule.astro';
export { default as LadderTable } from './LadderTable.astro';
export { default as QuestionTypes } from './QuestionTypes.astro';
export { default as Quiz } from '../Quiz.astro';
export { default as Exercise } from '../exercises/Exercise.astro';

import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { courseSchema } from './schemas/course';
import { moduleSchema } from './schemas/module';
import { quizSchema } from './schemas/quiz';
import { levelSchema } from './schemas/level';
import { exerciseSchema } from './schemas/exercise';
import { glossaryTermSchema } from './schemas/glossary';
import { rubricSchema } from './schemas/rubric';
import { skillSchema } from './schemas/skills';

// CONTENT_DIR lets tests and previews build from another content tree; trainers never set it.
const contentRoot = process.env.CONTENT_DIR ?? './content';
const withoutExtension = (entry: string) => entry.replace(/\.(mdx|ya?ml)$/, '');

export const collections = {
  courses: defineCollection({
    loader: glob({
      pattern: '*/course.yaml',
      base: `${contentRoot}/courses`,
      generateId: ({ entry }) => entry.split('/')[0]!,
    }),
    schema: courseSchema,
  }),
  // Ids look like "sales-workflow/lead-to-after-sales.zh": course, module, language.
  modules: defineCollection({
    loader: glob({ pattern: '*/*.mdx', base: `${contentRoot}/courses`, generateId: ({ entry }) => withoutExtension(entry) }),
    schema: moduleSchema,
  }),
  quizzes: defineCollection({
    loader: glob({ pattern: '*.yaml', base: `${contentRoot}/quizzes`, generateId: ({ entry }) => withoutExtension(entry) }),
    schema: quizSchema,
  }),
  exercises: defineCollection({
    loader: glob({ pattern: '*.yaml', base: `${contentRoot}/exercises`, generateId: ({ entry }) => withoutExtension(entry) }),
    schema: exerciseSchema,
  }),
  levels: defineCollection({
    loader: glob({ pattern: '*.yaml', base: `${contentRoot}/levels`, generateId: ({ entry }) => withoutExtension(entry) }),
    schema: levelSchema,
  }),
  // Coaching rubrics managers score observations against (content:check checks them too).
  rubrics: defineCollection({
    loader: glob({ pattern: '*.yaml', base: `${contentRoot}/rubrics`, generateId: ({ entry }) => withoutExtension(entry) }),
    schema: rubricSchema,
  }),
  // One definition per term; <KeyTerm id> and the glossary page read it (content:check checks ids).
  glossary: defineCollection({ loader: file(`${contentRoot}/glossary.yaml`), schema: glossaryTermSchema }),
  // The skills role-plays score, with their labels; content:check checks every "effects" id against it.
  skills: defineCollection({ loader: file(`${contentRoot}/skills.yaml`), schema: skillSchema }),
};

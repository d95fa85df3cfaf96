import { getCollection } from 'astro:content';
import type { Language } from '../../schemas/common';
import type { TitleLookup } from '../../lib/promotion/criterion-text';

/** Course, module and exercise titles in `lang`, for the ladder components (ids stand in for missing ones). */
export async function contentTitles(lang: Language): Promise<TitleLookup> {
  const [courses, modules, exercises] = await Promise.all([getCollection('courses'), getCollection('modules'), getCollection('exercises')]);
  const course = new Map(courses.map((c) => [c.id, c.data.title[lang]]));
  const moduleTitle = new Map(modules.filter((m) => m.id.endsWith(`.${lang}`)).map((m) => [m.id.slice(0, -lang.length - 1), m.data.title]));
  const exercise = new Map(exercises.map((e) => [e.id, e.data.title[lang]]));
  return {
    course: (id) => course.get(id) ?? id,
    module: (id) => moduleTitle.get(id) ?? id,
    exercise: (id) => exercise.get(id) ?? id,
  };
}

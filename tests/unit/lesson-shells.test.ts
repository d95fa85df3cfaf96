import { describe, expect, it } from 'vitest';
import type { APIContext, MiddlewareNext } from 'astro';
import { createLessonShells, PersonalReadInShellError, SHELL_VISITOR } from '../../src/lib/lesson-shell/server/lesson-shells';
import { holeMarker } from '../../src/lib/lesson-shell/shell';
import type { SessionUser } from '../../src/lib/auth/server/sessions';

const path = '/en/courses/career/learning-methods/';
const lesson = { moduleId: 'career/learning-methods', prerequisites: ['career/first'] };
const learner: SessionUser = { id: 'u1', email: 'lin@demo.academy', name: '林娜', role: 'learner', levelId: 'junior', levelSince: new Date(0), locale: 'en' };

function contextFor(user: SessionUser, completed: Map<string, Date>, url = path) {
  return { request: new Request(`http://academy.test${url}`), url: new URL(`http://academy.test${url}`), locals: { user, session: null, completed } } as unknown as APIContext;
}

/** A page that renders holes in shell mode and the person otherwise; `readsPerson` makes it read the person in both. */
function pageFor(context: APIContext, calls: string[], { readsPerson = false } = {}): MiddlewareNext {
  return (async () => {
    const { locals } = context;
    const shell = locals.shell === true;
    calls.push(shell ? 'shell' : 'full');
    const name = readsPerson || !shell ? locals.user!.name : '';
    if (shell) locals.shellFacts = { moduleId: lesson.moduleId, prerequisites: lesson.prerequisites, courseModuleIds: [lesson.moduleId, 'career/first'], progressLabel: 'Progress', formAction: '?_action=x' };
    const body = `<header>${shell ? holeMarker('user-name') : name}</header><main>${readsPerson ? name : ''}lesson</main>`;
    return new Response(body, { headers: { 'content-type': 'text/html' } });
  }) as MiddlewareNext;
}

describe('lesson shells', () => {
  it('renders a lesson once as a shell and fills it for each later view', async () => {
    const logged: string[] = [];
    const serve = createLessonShells({ findLesson: async () => lesson, zone: () => 'Asia/Shanghai', log: (m) => logged.push(m) });
    const calls: string[] = [];
    const done = new Map([['career/first', new Date('2026-10-01T00:00:00Z')]]);
    const first = contextFor(learner, done);
    expect(await (await serve(first, pageFor(first, calls))).text()).toContain('林娜');
    const second = contextFor(learner, done);
    const filled = await serve(second, pageFor(second, calls));
    expect(filled.headers.get('server-timing')).toBe('lesson-shell');
    expect(await filled.text()).toContain('<span class="user-name">林娜</span>');
    const third = contextFor(learner, done);
    await serve(third, pageFor(third, calls));
    expect(calls).toEqual(['full', 'shell']);
    expect(logged).toEqual([]);
    // The person is back in place for whatever runs after the shell render.
    expect(second.locals.user).toBe(learner);
    expect(second.locals.shell).toBe(false);
  });

  it('cannot put anything personal into a shell: a page that reads the person is rendered per request instead', async () => {
    const logged: string[] = [];
    const serve = createLessonShells({ findLesson: async () => lesson, zone: () => 'Asia/Shanghai', log: (m) => logged.push(m) });
    const done = new Map([['career/first', new Date('2026-10-01T00:00:00Z')]]);
    const calls: string[] = [];
    const other = { ...learner, id: 'u2', name: '王芳' };
    for (const user of [learner, other, learner, other]) {
      const context = contextFor(user, done);
      const response = await serve(context, pageFor(context, calls, { readsPerson: true }));
      expect(response.headers.get('server-timing')).toBeNull();
      expect(await response.text()).toContain(`<main>${user.name}lesson`);
    }
    expect(calls).toEqual(['full', 'full', 'shell', 'full', 'full']);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('read the person\'s "name"');
  });

  it('leaves locked modules, query strings and unknown paths to the full render', async () => {
    const serve = createLessonShells({ findLesson: async (_lang, course) => (course === 'career' ? lesson : undefined), zone: () => 'UTC', log: () => {} });
    const calls: string[] = [];
    for (let view = 0; view < 2; view++) {
      for (const [user, url] of [
        [learner, path],
        [{ ...learner, id: 'u3' }, `${path}?from=form`],
        [{ ...learner, id: 'u4' }, '/en/courses/unknown/learning-methods/'],
      ] as const) {
        const completed = url === path ? new Map<string, Date>() : new Map([['career/first', new Date()]]);
        const context = contextFor(user, completed, url);
        await serve(context, pageFor(context, calls));
      }
    }
    expect(calls.every((c) => c === 'full')).toBe(true);
  });

  it('throws on any read of the stand-in person, but it is truthy and not a promise', () => {
    expect(Boolean(SHELL_VISITOR)).toBe(true);
    expect((SHELL_VISITOR as unknown as { then?: unknown }).then).toBeUndefined();
    expect(() => SHELL_VISITOR.role).toThrow(PersonalReadInShellError);
    expect(() => SHELL_VISITOR.id).toThrow(/shared by everyone/);
  });
});

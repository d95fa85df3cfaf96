import type { Language } from '../schemas/common';

export type { Language };
export const defaultLanguage: Language = 'zh';
export const languageNames: Record<Language, string> = { zh: '中文', en: 'English' };
export const htmlLang: Record<Language, string> = { zh: 'zh-CN', en: 'en' };

/** Every UI string, zh-CN first. A missing English key is a type error, not a blank on screen. */
const zh = {
  'site.name': '销售学院',
  'site.tagline': '销售团队的入职培训与晋升平台',
  'nav.myLearning': '我的学习',
  'nav.courses': '课程',
  'nav.logout': '退出登录',
  'nav.skip': '跳到正文',
  'nav.language': '语言',
  'login.title': '登录',
  'login.email': '工作邮箱',
  'login.password': '密码',
  'login.submit': '登录',
  'login.invalid': '邮箱或密码不正确。请检查后重试。',
  'login.throttled': '登录失败次数过多。请在 {minutes} 分钟后再试，或联系管理员重置密码。',
  'login.missing': '请填写邮箱和密码。',
  'login.unavailable': '暂时无法登录，请稍后再试。',
  'home.title': '我的学习',
  'home.greeting': '你好，{name}',
  'home.empty': '还没有可学习的课程。',
  'progress.modules': '已完成 {done}/{total} 个单元',
  'progress.bestScore': '最佳测验成绩 {score}%',
  'progress.noQuiz': '尚未参加测验',
  'progress.resume': '继续学习',
  'progress.start': '开始学习',
  'progress.review': '复习课程',
  'progress.done': '已完成',
  'progress.label': '{course} 完成进度',
  'course.modules': '单元',
  'course.minutes': '{minutes} 分钟',
  'module.objectives': '学习目标',
  'module.takeaways': '要点回顾',
  'module.markComplete': '标记为已完成',
  'module.completed': '本单元已完成',
  'module.completedAt': '完成于 {date}',
  'module.previous': '上一单元',
  'module.next': '下一单元',
  'module.backToCourse': '返回课程',
  'quiz.title': '测验',
  'quiz.submit': '提交答案',
  'quiz.submitting': '正在提交…',
  'quiz.retry': '再试一次',
  'quiz.single': '单选题',
  'quiz.multiple': '多选题（选择所有正确项）',
  'quiz.trueFalse': '判断题',
  'quiz.true': '正确',
  'quiz.false': '错误',
  'quiz.score': '得分：{score}/{max}（{percent}%）',
  'quiz.passed': '通过！及格线为 {pass}%。',
  'quiz.failed': '未通过。及格线为 {pass}%，查看下面的解析后再试一次。',
  'quiz.correct': '回答正确',
  'quiz.incorrect': '回答错误',
  'quiz.unanswered': '还有 {count} 道题未作答。',
  'quiz.yourChoice': '你的选择',
  'quiz.rightAnswer': '正确答案',
  'error.unauthorized': '登录已过期，请重新登录。',
  'error.notFound': '找不到这项内容，它可能已被移除。',
  'error.badRequest': '提交的内容无效，请刷新页面后重试。',
  'error.tooMany': '提交过于频繁，请稍后再试。',
  'error.server': '出了点问题，你的答案没有保存。请稍后重试。',
  'error.network': '网络连接中断，请检查网络后重试。',
  'notFound.title': '页面不存在',
  'notFound.body': '这个地址没有内容。请从“我的学习”重新进入。',
} as const;

export type UiKey = keyof typeof zh;

const en: Record<UiKey, string> = {
  'site.name': 'Sales Academy',
  'site.tagline': 'Onboarding and promotion for the sales team',
  'nav.myLearning': 'My learning',
  'nav.courses': 'Courses',
  'nav.logout': 'Log out',
  'nav.skip': 'Skip to content',
  'nav.language': 'Language',
  'login.title': 'Log in',
  'login.email': 'Work email',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.invalid': 'Email or password is incorrect. Check them and try again.',
  'login.throttled': 'Too many failed logins. Try again in {minutes} minutes, or ask an administrator to reset your password.',
  'login.missing': 'Enter your email and password.',
  'login.unavailable': 'Logging in is unavailable right now. Try again shortly.',
  'home.title': 'My learning',
  'home.greeting': 'Hello, {name}',
  'home.empty': 'There are no courses to take yet.',
  'progress.modules': '{done} of {total} modules completed',
  'progress.bestScore': 'Best quiz score {score}%',
  'progress.noQuiz': 'No quiz taken yet',
  'progress.resume': 'Resume',
  'progress.start': 'Start',
  'progress.review': 'Review course',
  'progress.done': 'Completed',
  'progress.label': '{course} progress',
  'course.modules': 'Modules',
  'course.minutes': '{minutes} min',
  'module.objectives': 'Learning objectives',
  'module.takeaways': 'Key takeaways',
  'module.markComplete': 'Mark as complete',
  'module.completed': 'Module completed',
  'module.completedAt': 'Completed on {date}',
  'module.previous': 'Previous module',
  'module.next': 'Next module',
  'module.backToCourse': 'Back to course',
  'quiz.title': 'Quiz',
  'quiz.submit': 'Submit answers',
  'quiz.submitting': 'Submitting…',
  'quiz.retry': 'Try again',
  'quiz.single': 'Single choice',
  'quiz.multiple': 'Multiple choice (select every correct option)',
  'quiz.trueFalse': 'True or false',
  'quiz.true': 'True',
  'quiz.false': 'False',
  'quiz.score': 'Score: {score}/{max} ({percent}%)',
  'quiz.passed': 'Passed! The pass mark is {pass}%.',
  'quiz.failed': 'Not passed. The pass mark is {pass}%; read the explanations below and try again.',
  'quiz.correct': 'Correct',
  'quiz.incorrect': 'Incorrect',
  'quiz.unanswered': '{count} questions are still unanswered.',
  'quiz.yourChoice': 'Your choice',
  'quiz.rightAnswer': 'Right answer',
  'error.unauthorized': 'Your session has expired. Log in again.',
  'error.notFound': 'That item could not be found; it may have been removed.',
  'error.badRequest': 'What was sent is not valid. Reload the page and try again.',
  'error.tooMany': 'Too many submissions. Wait a moment and try again.',
  'error.server': 'Something went wrong and your answers were not saved. Try again shortly.',
  'error.network': 'The connection dropped. Check your network and try again.',
  'notFound.title': 'Page not found',
  'notFound.body': 'There is nothing at this address. Start again from My learning.',
};

const dictionaries: Record<Language, Record<UiKey, string>> = { zh, en };

/** Translates a UI key, filling `{name}` placeholders. */
export function t(lang: Language, key: UiKey, values: Record<string, string | number> = {}): string {
  return dictionaries[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

export function isLanguage(value: unknown): value is Language {
  return value === 'zh' || value === 'en';
}

/** The other language, for the language switch. */
export function otherLanguage(lang: Language): Language {
  return lang === 'zh' ? 'en' : 'zh';
}

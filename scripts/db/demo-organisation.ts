/**
 * The demo organisation: who works there and how far each person has got. Data only, so the
 * README's account list and the seed cannot drift apart.
 */
import type { Role } from '../../db/schema';

export const DEMO_PASSWORD = 'xueyuan-demo-2026';

export interface DemoPerson {
  email: string;
  name: string;
  role: Role;
  levelId: string;
  monthsAtLevel: number;
  locale: 'zh' | 'en';
  /** Share of the curriculum's modules completed, in course order (0–1). */
  progress: number;
  /** How well this person does on quizzes: chance of answering a question right (0–1). */
  skill: number;
  onTeam: boolean;
  /** The team a member belongs to; the first demo team when not given. */
  teamId?: string;
}

export const demoPeople: DemoPerson[] = [
  { email: 'admin@demo.academy', name: '系统管理员 Admin', role: 'admin', levelId: 'manager', monthsAtLevel: 60, locale: 'zh', progress: 0, skill: 1, onTeam: false },
  { email: 'trainer@demo.academy', name: '培训师 王芳', role: 'trainer', levelId: 'senior', monthsAtLevel: 30, locale: 'zh', progress: 1, skill: 1, onTeam: false },
  { email: 'manager@demo.academy', name: '销售经理 李强', role: 'manager', levelId: 'manager', monthsAtLevel: 36, locale: 'zh', progress: 1, skill: 1, onTeam: false },
  { email: 'zhou.min@demo.academy', name: '周敏', role: 'learner', levelId: 'junior', monthsAtLevel: 1, locale: 'zh', progress: 0, skill: 0.6, onTeam: true },
  { email: 'chen.jie@demo.academy', name: '陈杰', role: 'learner', levelId: 'junior', monthsAtLevel: 4, locale: 'zh', progress: 0.3, skill: 0.7, onTeam: true },
  { email: 'liu.yang@demo.academy', name: '刘洋', role: 'learner', levelId: 'junior', monthsAtLevel: 8, locale: 'zh', progress: 1, skill: 0.95, onTeam: true },
  { email: 'emma.wu@demo.academy', name: 'Emma Wu 吴艾玛', role: 'learner', levelId: 'junior', monthsAtLevel: 7, locale: 'en', progress: 0.6, skill: 0.8, onTeam: true },
  { email: 'zhao.lei@demo.academy', name: '赵磊', role: 'learner', levelId: 'mid', monthsAtLevel: 14, locale: 'zh', progress: 0.8, skill: 0.9, onTeam: true },
  { email: 'sun.li@demo.academy', name: '孙丽', role: 'learner', levelId: 'mid', monthsAtLevel: 3, locale: 'zh', progress: 0.5, skill: 0.75, onTeam: true },
  { email: 'he.tao@demo.academy', name: '何涛', role: 'learner', levelId: 'senior', monthsAtLevel: 18, locale: 'zh', progress: 0.9, skill: 0.9, onTeam: true },
  // A second, smaller team with its own manager: the authorization tests need a manager of another team.
  { email: 'manager.north@demo.academy', name: '销售经理 马丽', role: 'manager', levelId: 'manager', monthsAtLevel: 28, locale: 'zh', progress: 0, skill: 1, onTeam: false },
  { email: 'wu.hao@demo.academy', name: '吴昊', role: 'learner', levelId: 'junior', monthsAtLevel: 5, locale: 'zh', progress: 0.4, skill: 0.7, onTeam: true, teamId: 'team-north' },
  { email: 'lin.na@demo.academy', name: '林娜', role: 'learner', levelId: 'mid', monthsAtLevel: 9, locale: 'zh', progress: 0.7, skill: 0.85, onTeam: true, teamId: 'team-north' },
];

export const demoTeam = { id: 'team-east', name: '华东销售一组 East Region Team 1' };
export const demoSecondTeam = { id: 'team-north', name: '华北销售二组 North Region Team 2', managerEmail: 'manager.north@demo.academy' };

import * as quiz from './quiz';
import * as progress from './progress';
import * as exercise from './exercise';
import * as admin from './admin';
import * as team from './team';
import * as certificate from './certificate';
import * as account from './account';
import * as trainer from './trainer';
import * as review from './review';
import * as reminders from './reminders';
import * as coaching from './coaching';
import * as personalData from './personal-data';

export const server = {
  quiz: { view: quiz.view, saveDraft: quiz.saveDraft, submit: quiz.submit },
  progress: { completeModule: progress.completeModule },
  review: { answer: review.answer, setDailyCap: review.setDailyCap, practice: review.practice, practiceAnswer: review.practiceAnswer },
  exercise: { open: exercise.open, start: exercise.start, save: exercise.save, choose: exercise.choose, submit: exercise.submit },
  certificate: { revoke: certificate.revoke },
  trainer: { regradeQuiz: trainer.regradeQuiz },
  team: {
    recordKpi: team.recordKpi,
    signOff: team.signOff,
    promote: team.promote,
    assign: team.assign,
    // Coaching, manager side (src/actions/coaching.ts).
    observe: coaching.observe,
    commentStep: coaching.commentStep,
  },
  // Coaching, learner side: acknowledging and answering an observation.
  reminders: { markRead: reminders.markRead, markAllRead: reminders.markAllRead, setPreferences: reminders.setPreferences },
  coaching: { acknowledge: coaching.acknowledge, reply: coaching.reply },
  personalData: { erase: personalData.erase },
  account: { changePassword: account.changePassword, setLocale: account.setLocale, signOutOthers: account.signOutOthers },
  admin: {
    createUser: admin.createUser,
    invite: admin.invite,
    issueReset: admin.issueReset,
    setRole: admin.setRole,
    setLevel: admin.setLevel,
    moveTeam: admin.moveTeam,
    setActive: admin.setActive,
    createTeam: admin.createTeam,
    setTeamManager: admin.setTeamManager,
    importUsers: admin.importUsers,
  },
};

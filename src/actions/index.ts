import * as quiz from './quiz';
import * as progress from './progress';
import * as exercise from './exercise';
import * as admin from './admin';
import * as team from './team';

export const server = {
  quiz: { view: quiz.view, saveDraft: quiz.saveDraft, submit: quiz.submit },
  progress: { completeModule: progress.completeModule },
  exercise: { open: exercise.open, start: exercise.start, save: exercise.save, choose: exercise.choose, submit: exercise.submit },
  team: { recordKpi: team.recordKpi, signOff: team.signOff, promote: team.promote, assign: team.assign },
  admin: {
    createUser: admin.createUser,
    invite: admin.invite,
    setRole: admin.setRole,
    setLevel: admin.setLevel,
    moveTeam: admin.moveTeam,
    setActive: admin.setActive,
    createTeam: admin.createTeam,
    setTeamManager: admin.setTeamManager,
    importUsers: admin.importUsers,
  },
};

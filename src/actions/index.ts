import * as quiz from './quiz';
import * as progress from './progress';

export const server = {
  quiz: { submit: quiz.submit },
  progress: { completeModule: progress.completeModule },
};

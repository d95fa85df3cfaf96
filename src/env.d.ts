/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    db: import('./lib/platform/server/db').Database;
    user: import('./lib/auth/server/sessions').SessionUser | null;
    session: import('./lib/auth/server/sessions').ValidSession | null;
    /** Rendering a lesson shell (lesson-shell/server/lesson-shells.ts): holes instead of anything personal. */
    shell?: boolean;
    /** What a lesson page rendered as a shell tells the shell cache about itself. */
    shellFacts?: import('./lib/lesson-shell/shell').ShellFacts;
    /** Module id → completion time, read with the session on lesson pages (one query). */
    completed?: Map<string, Date>;
  }
}

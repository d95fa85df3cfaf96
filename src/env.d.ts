/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    db: import('./lib/platform/server/db').Database;
    user: import('./lib/auth/server/sessions').SessionUser | null;
    session: import('./lib/auth/server/sessions').ValidSession | null;
    /** Rendering a lesson shell for the fast path: holes instead of anything personal. */
    shell?: boolean;
  }
}

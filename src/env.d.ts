/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    db: import('./lib/server/db').Database;
    user: import('./lib/server/sessions').SessionUser | null;
    session: import('./lib/server/sessions').ValidSession | null;
    /** Rendering a lesson shell for the fast path: holes instead of anything personal. */
    shell?: boolean;
  }
}

/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    db: import('./lib/server/db').Database;
    user: import('./lib/server/sessions').SessionUser | null;
    session: import('./lib/server/sessions').ValidSession | null;
  }
}

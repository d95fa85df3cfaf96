import { readFileSync } from 'node:fs';
import { defineMiddleware } from 'astro:middleware';

const body = readFileSync(process.env.FLOOR_BODY_FILE!);
const contentType = process.env.FLOOR_CONTENT_TYPE ?? 'text/html; charset=utf-8';

export const onRequest = defineMiddleware(() => new Response(body, { headers: { 'content-type': contentType } }));

// Never reached (the middleware answers first); Astro needs a route to run middleware for.
export const prerender = false;
export const GET = () => new Response(null, { status: 500 });
export const POST = GET;

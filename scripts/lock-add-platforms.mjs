#!/usr/bin/env node
// Usage: node scripts/lock-add-platforms.mjs package-lock.json  (run after any `npm install`)
// The registry mirror here lacks other platforms' binaries, so npm omits them from the lock and
// `npm ci` then refuses the lock. Add them as optional, platform-gated entries.
import fs from "node:fs";
const file = process.argv[2];
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const add = (name, version, os, cpu, libc) => {
  const key = `node_modules/${name}`;
  if (lock.packages[key]) return;
  lock.packages[key] = { version, ...(cpu && { cpu }), ...(libc && { libc }), license: "MIT", optional: true, ...(os && { os }) };
};
const cb = "@astrojs/compiler-binding-";
add(cb + "android-arm64", "0.5.1", ["android"], ["arm64"]);
add(cb + "darwin-arm64", "0.5.1", ["darwin"], ["arm64"]);
add(cb + "darwin-x64", "0.5.1", ["darwin"], ["x64"]);
add(cb + "linux-arm64-gnu", "0.5.1", ["linux"], ["arm64"], ["glibc"]);
add(cb + "linux-arm64-musl", "0.5.1", ["linux"], ["arm64"], ["musl"]);
add(cb + "wasm32-wasi", "0.5.1", undefined, ["wasm32"]);
add(cb + "win32-arm64-msvc", "0.5.1", ["win32"], ["arm64"]);
add(cb + "win32-x64-msvc", "0.5.1", ["win32"], ["x64"]);
add("@pagefind/darwin-arm64", "1.6.0", ["darwin"], ["arm64"]);
add("@pagefind/darwin-x64", "1.6.0", ["darwin"], ["x64"]);
add("@pagefind/freebsd-x64", "1.6.0", ["freebsd"], ["x64"]);
add("@pagefind/windows-arm64", "1.6.0", ["win32"], ["arm64"]);
add("@pagefind/windows-x64", "1.6.0", ["win32"], ["x64"]);
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");

// DVC Lab service worker. `scripts/sw.sh` writes VERSION and FILES above this line from the
// release build (every file in dist/, content-hashed names): never edit sw.js by hand.
//
// App files are served from the cache first; any navigation (a deep link, offline) gets the
// app shell; a new version installs beside the old one and waits until the student presses
// "Tải lại", then old caches are deleted.
const CACHE = "dvclab-" + VERSION;
const scoped = (f) => new URL(f, self.registration.scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES.map(scoped))));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("dvclab-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  if (req.mode === "navigate") {
    event.respondWith(
      caches.open(CACHE).then((c) => c.match(scoped("index.html"))).then((shell) => shell || fetch(req))
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((c) => c.match(req, { ignoreSearch: true })).then((hit) => hit || fetch(req))
  );
});

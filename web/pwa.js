// Registers the service worker and tells the app when a new version is waiting. The app shows
// "En ny version finns" and, when the treasurer accepts, saves and calls kassorenApplyUpdate().
// Nothing reloads on its own.
if ('serviceWorker' in navigator) {
  let accepted = false;
  const announce = (worker) => {
    window.kassorenUpdateWaiting = worker;
    dispatchEvent(new CustomEvent('kassoren-update'));
  };
  window.kassorenApplyUpdate = () => {
    const worker = window.kassorenUpdateWaiting;
    if (!worker) return false;
    accepted = true;
    worker.postMessage('kassoren-skip-waiting');
    return true;
  };
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (accepted) location.reload();
  });
  // Registered once the app is up and the page is idle: installing fetches the whole build
  // again, which must not compete with the first start.
  const register = () => navigator.serviceWorker
    .register('./sw.js')
    .then((registration) => {
      const watch = (worker) =>
        worker.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) announce(worker);
        });
      if (registration.waiting && navigator.serviceWorker.controller) announce(registration.waiting);
      if (registration.installing) watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
      // Look for a new version when the treasurer comes back to the tab, and now and then.
      const check = () => {
        if (document.visibilityState === 'visible' && navigator.onLine) registration.update().catch(() => {});
      };
      document.addEventListener('visibilitychange', check);
      addEventListener('online', check);
      setInterval(check, 30 * 60 * 1000);
    })
    .catch(() => {
      // No service worker (a private window, file://): the app works, just not offline.
    });
  const whenIdle = () => (window.requestIdleCallback ? requestIdleCallback(register, { timeout: 3000 }) : setTimeout(register, 500));
  addEventListener('TrunkApplicationStarted', whenIdle, { once: true });
}

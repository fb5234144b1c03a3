// The quick-exit enhancement, inlined into every page by app/layout.tsx. No
// imports: next.config.ts loads lib/security/headers.ts, which hashes this
// text into the Content-Security-Policy, before the app's module graph exists.
//
// The quick-exit control is a plain link to a neutral site (it works with no
// script at all). This script, which runs as soon as the HTML is parsed and
// needs neither React nor any bundle, makes it leave by *replacing* the
// current history entry, so Back does not return here, and adds Escape
// pressed twice within 1.5 seconds as a keyboard shortcut.

/** A neutral, ordinary site to land on. */
export const QUICK_EXIT_URL = "https://weather.com/";

export const QUICK_EXIT_SCRIPT = `(function () {
  if (window.__quickExit) return;
  window.__quickExit = true;
  var url = ${JSON.stringify(QUICK_EXIT_URL)};
  var lastEscape = 0;
  function leave(event) {
    event.preventDefault();
    document.documentElement.style.visibility = "hidden";
    location.replace(url);
  }
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("a[data-quick-exit]")) leave(event);
  }, true);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.repeat) return;
    var now = Date.now();
    if (now - lastEscape < 1500) leave(event);
    else lastEscape = now;
  }, true);
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) document.documentElement.style.visibility = "";
  });
})();`;

// dateline live reload: injected by `dateline serve` into the pages it
// serves (never into what `dateline build` writes). Reloads the page after
// each rebuild; shows a build error over the page until it is fixed.
(function () {
  "use strict";
  var overlay = null;
  function show(message) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "dateline-error";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText =
        "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;" +
        "background:rgba(20,0,0,.92);color:#fff;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "Build failed; the page shows the last good build.\n\n" + message;
  }
  var source = new EventSource("/__dateline/events");
  // Lets tests (and the curious) see that the page is listening.
  source.onopen = function () { document.documentElement.setAttribute("data-dateline-live", "open"); };
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("error", function (e) { if (e.data) { show(e.data); } });
})();

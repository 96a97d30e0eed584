// Live reload for briefings serve: reloads the page after a good build and
// shows a failed build's problems over it. Served only by the preview server.
(function () {
  var base = document.currentScript.src.replace(/live\.js$/, "");
  var box;
  function show(problems) {
    if (!box) {
      box = document.createElement("div");
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
        "background:#2b0006;color:#fff;font:14px/1.5 ui-monospace,monospace;padding:1rem;border-top:4px solid #ff5a6e";
      document.body.appendChild(box);
    }
    box.textContent = "";
    var title = document.createElement("strong");
    title.textContent = "The build failed; this is the last good version. Fix these and save:";
    var list = document.createElement("pre");
    list.style.cssText = "margin:.5rem 0 0;white-space:pre-wrap";
    list.textContent = problems.join("\n");
    box.appendChild(title);
    box.appendChild(list);
  }
  var events = new EventSource(base + "events");
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("problems", function (e) { show(JSON.parse(e.data)); });
})();

// The code step: counts down the wait before a new code can be asked for (the server renders the same wait and
// refuses an early request, so this is only a convenience) and keeps the button off until then.
(function () {
  "use strict";
  var note = document.getElementById("resend-wait");
  var form = document.getElementById("resend-form");
  if (!note || !form) return;
  var left = parseInt(note.getAttribute("data-seconds"), 10);
  if (!(left > 0)) return;
  var button = form.querySelector("button[type=submit]");
  var started = Date.now();
  button.disabled = true;
  var timer = window.setInterval(function () {
    var now = Math.max(0, left - Math.floor((Date.now() - started) / 1000));
    note.textContent = note.textContent.replace(/\d+:\d\d/, Math.floor(now / 60) + ":" + String(now % 60).padStart(2, "0"));
    if (now === 0) {
      window.clearInterval(timer);
      note.hidden = true;
      button.disabled = false;
    }
  }, 1000);
})();

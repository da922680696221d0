/* Read-along for the audio version: marks the sentence being spoken (class "reading").
   Progressive enhancement: without this script the page keeps its native audio player and captions.
   Needs <audio id="release-audio" data-timings="[{&quot;id&quot;, &quot;start&quot;, &quot;end&quot;}, …]">
   (a data attribute, not an inline script block, so that the page's CSP stays strict). No inline handlers, no dependencies (the page has a strict CSP). */
(function () {
  "use strict";
  var audio = document.getElementById("release-audio");
  if (!audio || !audio.dataset.timings) return;
  var cues;
  try { cues = JSON.parse(audio.dataset.timings); } catch (e) { return; }
  if (!Array.isArray(cues) || !cues.length) return;

  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)");
  var label = audio.dataset.label || "Read along";

  // the elements of each cue: the one with its id and the pieces of a split sentence (id-2, id-3, …)
  cues.forEach(function (cue) {
    var own = document.getElementById(cue.id);
    var pieces = document.querySelectorAll('[id^="' + cue.id + '-"]');
    cue.elements = (own ? [own] : []).concat(Array.prototype.slice.call(pieces));
  });

  var follow = document.createElement("input");
  follow.type = "checkbox";
  follow.id = "readalong-follow";
  var box = document.createElement("p");
  box.className = "readalong";
  var text = document.createElement("label");
  text.htmlFor = follow.id;
  text.textContent = label;
  box.appendChild(follow);
  box.appendChild(document.createTextNode(" "));
  box.appendChild(text);
  audio.insertAdjacentElement("afterend", box);

  var current = null;

  function cueAt(time) {
    var lo = 0, hi = cues.length - 1, found = null;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (cues[mid].start <= time) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found === null ? null : cues[found];   // a sentence stays marked through the pause after it
  }

  function mark(cue) {
    if (cue === current) return;
    if (current) current.elements.forEach(function (el) { el.classList.remove("reading"); });
    current = cue;
    if (!cue) return;
    cue.elements.forEach(function (el) { el.classList.add("reading"); });
    if (follow.checked) show(cue);
  }

  function show(cue) {
    if (!cue || !cue.elements.length) return;
    var smooth = !(reduceMotion && reduceMotion.matches);
    cue.elements[0].scrollIntoView({ behavior: smooth ? "smooth" : "auto", block: "center" });
  }

  function update() { mark(cueAt(audio.currentTime)); }

  audio.addEventListener("timeupdate", update);
  audio.addEventListener("seeked", update);
  audio.addEventListener("ended", function () { mark(null); });
  follow.addEventListener("change", function () { if (follow.checked) show(current); });
})();

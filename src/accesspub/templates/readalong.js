/* Read-along for the audio version: marks the sentence being spoken (class "reading"), follows it down the page,
   and plays from a sentence when it is clicked; "previous/next sentence" buttons do the same by keyboard.
   Progressive enhancement: without this script the page keeps its native audio player and captions, and the
   controls stay hidden. Needs <audio id="release-audio" data-timings="[{&quot;id&quot;, &quot;start&quot;, …}]">
   and the hidden <div id="readalong"> with its buttons (labels come from the page, in its language).
   A file, not an inline script, so that the page's CSP stays strict; no inline handlers, no dependencies. */
(function () {
  "use strict";
  var audio = document.getElementById("release-audio");
  var controls = document.getElementById("readalong");
  if (!audio || !audio.dataset.timings || !controls) return;
  var cues;
  try { cues = JSON.parse(audio.dataset.timings); } catch (e) { return; }
  if (!Array.isArray(cues) || !cues.length) return;

  var toggle = document.getElementById("readalong-toggle");
  var previous = document.getElementById("readalong-prev");
  var next = document.getElementById("readalong-next");
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)");
  var byElement = new Map();

  // the elements of each cue: the one with its id and the pieces of a split sentence (id-2, id-3, …)
  cues.forEach(function (cue, index) {
    var own = document.getElementById(cue.id);
    var pieces = document.querySelectorAll('[id^="' + cue.id + '-"]');
    cue.index = index;
    cue.elements = (own ? [own] : []).concat(Array.prototype.slice.call(pieces));
    cue.elements.forEach(function (el) { byElement.set(el, cue); });
  });

  var current = null;

  function on() { return toggle.getAttribute("aria-pressed") === "true"; }

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
    if (!cue || !on()) return;
    cue.elements.forEach(function (el) { el.classList.add("reading"); });
    show(cue);
  }

  function show(cue) {
    if (!cue || !cue.elements.length || audio.paused) return;
    var smooth = !(reduceMotion && reduceMotion.matches);
    cue.elements[0].scrollIntoView({ behavior: smooth ? "smooth" : "auto", block: "center" });
  }

  function playFrom(cue) {
    if (!cue) return;
    audio.currentTime = cue.start;
    var playing = audio.play();
    if (playing && playing.catch) playing.catch(function () {});
  }

  function update() { mark(cueAt(audio.currentTime)); }

  function setOn(value) {
    toggle.setAttribute("aria-pressed", value ? "true" : "false");
    document.body.classList.toggle("readalong-on", value);
    var was = current;
    current = null;
    if (was) was.elements.forEach(function (el) { el.classList.remove("reading"); });
    if (value) update();
  }

  function step(by) {
    var here = cueAt(audio.currentTime);
    var index = here ? here.index + by : (by > 0 ? 0 : -1);
    // "previous" a moment into a sentence starts that sentence again, as players do
    if (by < 0 && here && audio.currentTime - here.start > 1.5) index = here.index;
    playFrom(cues[Math.max(0, Math.min(cues.length - 1, index))]);
  }

  document.addEventListener("click", function (event) {
    if (!on() || event.defaultPrevented || event.button !== 0) return;
    if (event.target.closest("a, button, audio, input, summary")) return;
    var selection = window.getSelection && window.getSelection();
    if (selection && !selection.isCollapsed) return;          // selecting text is not a request to listen
    for (var el = event.target; el && el !== document.body; el = el.parentElement) {
      if (byElement.has(el)) { playFrom(byElement.get(el)); return; }
    }
  });
  toggle.addEventListener("click", function () { setOn(!on()); });
  previous.addEventListener("click", function () { step(-1); });
  next.addEventListener("click", function () { step(1); });
  audio.addEventListener("timeupdate", update);
  audio.addEventListener("seeked", update);
  audio.addEventListener("play", function () { show(current); });
  audio.addEventListener("ended", function () { mark(null); });

  controls.hidden = false;
  setOn(true);
})();

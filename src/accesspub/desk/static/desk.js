// Progress without reloading: while jobs run, the status region is fetched again every second.
// Everything works without this script (the page says to reload it).
(function () {
  function poll() {
    var box = document.querySelector("#jobs[data-poll]");
    if (!box) return;
    fetch(box.getAttribute("data-poll"), {credentials: "same-origin"}).then(function (r) {
      return r.ok ? r.text() : null;
    }).then(function (html) {
      if (html === null) return;
      var doc = new DOMParser().parseFromString(html, "text/html");
      var fresh = doc.querySelector("#jobs");
      if (fresh && fresh.innerHTML !== box.innerHTML) {
        box.innerHTML = fresh.innerHTML;
        if (!fresh.hasAttribute("data-poll")) box.removeAttribute("data-poll");
      }
      if (box.hasAttribute("data-poll")) setTimeout(poll, 1000);
    }).catch(function () { setTimeout(poll, 3000); });
  }
  document.addEventListener("DOMContentLoaded", function () { setTimeout(poll, 1000); });
})();

// A link to a form field (error summary, "write the text alternative") moves the focus into the field.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest('a[href^="#field-"]');
  if (!link) return;
  var target = document.getElementById(link.getAttribute("href").slice(1));
  if (!target) return;
  var input = target.matches("input, select, textarea") ? target : target.querySelector("input, select, textarea");
  if (input) {
    event.preventDefault();
    input.focus();
    input.scrollIntoView({block: "center"});
    history.replaceState(null, "", link.getAttribute("href"));
  }
});

// An error summary takes the focus when the page opens, so that it is read first.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
});

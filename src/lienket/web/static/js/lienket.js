// The only script of lienket besides htmx: submit the language form when the choice changes,
// open the address a form's choice names ([data-go-to] names the field), and follow a
// background job's progress ([data-poll] holds its status address). No page has an inline
// script: the Content-Security-Policy allows scripts from lienket's static files only.
document.addEventListener("change", function (event) {
  if (event.target.matches("select[data-autosubmit]")) { event.target.form.submit(); }
});

document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!form.matches("form[data-go-to]")) { return; }
  event.preventDefault();
  window.location.href = form.elements[form.dataset.goTo].value;
});

document.addEventListener("DOMContentLoaded", function () {
  var box = document.querySelector("[data-poll]");
  if (!box) { return; }
  var bar = box.querySelector("progress");
  var label = box.querySelector("[data-state]");
  function tick() {
    fetch(box.dataset.poll, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (job) {
        if (job.finished) { window.location.reload(); return; }
        if (bar) { bar.value = job.percent; bar.textContent = job.percent + " %"; }
        if (label) { label.textContent = job.state_label + " — " + job.percent + " %"; }
        window.setTimeout(tick, 2000);
      })
      .catch(function () { window.setTimeout(tick, 5000); });
  }
  window.setTimeout(tick, 1000);
});

// The only script of lienket besides htmx: submit the language form when the choice changes.
document.addEventListener("change", function (event) {
  if (event.target.matches("select[data-autosubmit]")) { event.target.form.submit(); }
});

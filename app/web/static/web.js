// UPR explorer: small enhancements only. Every page works without this script.
(function () {
  "use strict";

  // Forms marked data-auto-submit update the results as soon as a box is ticked or a choice
  // is made; the page says so first (the hint is hidden without script), and the buttons stay.
  document.querySelectorAll("form[data-auto-submit]").forEach(function (form) {
    // form.elements also holds the inputs placed elsewhere with form="..."
    Array.prototype.forEach.call(form.elements, function (input) {
      if (input.type === "checkbox" || input.tagName === "SELECT") {
        input.addEventListener("change", function () {
          if (form.requestSubmit) {
            form.requestSubmit();
          } else {
            form.submit();
          }
        });
      }
    });
  });
  document.querySelectorAll(".js-only").forEach(function (element) {
    element.hidden = false;
  });

  // A "copy link" button beside the permalink note.
  document.querySelectorAll("[data-copy]").forEach(function (holder) {
    if (!navigator.clipboard) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "link-button";
    button.textContent = "Copy the link";
    var status = document.createElement("span");
    status.setAttribute("role", "status");
    status.className = "small";
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(window.location.href).then(function () {
        status.textContent = " Link copied.";
      }, function () {
        status.textContent = " Could not copy; copy the address bar instead.";
      });
    });
    holder.hidden = false;
    holder.appendChild(button);
    holder.appendChild(status);
  });

  // An error summary takes the focus, so that screen readers announce it.
  var summary = document.querySelector(".error-summary");
  if (summary) {
    summary.focus();
  }
})();

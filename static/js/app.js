// Small progressive enhancements; no inline scripts (CSP).
document.addEventListener("DOMContentLoaded", () => {
  // Confirm dangerous actions: <button data-confirm="Weet u het zeker?">
  document.body.addEventListener("click", (event) => {
    const button = event.target.closest("[data-confirm]");
    if (button && !window.confirm(button.dataset.confirm)) {
      event.preventDefault();
    }
  });
  // Show the decision fields that belong to the chosen besluit.
  const toggle = () => {
    const chosen = document.querySelector("input[name=besluit]:checked");
    document.querySelectorAll("[data-show-when-besluit]").forEach((el) => {
      el.hidden = !chosen || chosen.value !== el.dataset.showWhenBesluit;
    });
  };
  document.querySelectorAll("input[name=besluit]").forEach((el) => el.addEventListener("change", toggle));
  toggle();
  // Send the CSRF token with htmx requests.
  document.body.addEventListener("htmx:configRequest", (event) => {
    const token = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (token) event.detail.headers["X-CSRFToken"] = token.value;
  });
});

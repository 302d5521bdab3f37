// Small progressive enhancements; no inline scripts (CSP).
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", () => {
  // The menu button on a phone: opens and closes the main menu.
  const menuButton = document.querySelector(".menu-button");
  const menu = menuButton && document.getElementById(menuButton.getAttribute("aria-controls"));
  if (menuButton && menu) {
    menuButton.hidden = false;
    menuButton.addEventListener("click", () => {
      const open = menuButton.getAttribute("aria-expanded") !== "true";
      menuButton.setAttribute("aria-expanded", String(open));
      menu.classList.toggle("is-open", open);
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && menu.classList.contains("is-open")) {
        menuButton.setAttribute("aria-expanded", "false");
        menu.classList.remove("is-open");
        menuButton.focus();
      }
    });
  }
  // The "Beheer" menu closes when focus or a click goes elsewhere.
  document.addEventListener("click", (event) => {
    document.querySelectorAll(".mainnav-more details[open]").forEach((el) => {
      if (!el.contains(event.target)) el.open = false;
    });
  });
  // Wide tables scroll inside their card: wrap each in a region that is focusable only when it scrolls.
  const wrapTables = (root) => {
    root.querySelectorAll("main table:not([data-no-scroll])").forEach((table) => {
      if (table.parentElement.classList.contains("table-scroll")) return;
      const box = document.createElement("div");
      box.className = "table-scroll utrecht-table-container utrecht-table-container--overflow-inline";
      const caption = table.querySelector("caption");
      const heading = table.closest("section, .card")?.querySelector("h2, h3");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", (caption || heading)?.textContent.trim() || "Tabel");
      table.parentNode.insertBefore(box, table);
      box.appendChild(table);
    });
    root.querySelectorAll(".table-scroll").forEach((box) => {
      if (!box.hasAttribute("aria-label")) {  // a wrapper written in a template: name it like the others
        const table = box.querySelector("table");
        const caption = table && table.querySelector("caption");
        const heading = box.closest("section, .card")?.querySelector("h2, h3");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", (caption || heading)?.textContent.trim() || "Tabel");
      }
      if (box.scrollWidth > box.clientWidth + 1) box.setAttribute("tabindex", "0");
      else box.removeAttribute("tabindex");
    });
  };
  // Tables with class "reflow" become one block per row on a phone: each cell names its column.
  const labelCells = (root) => {
    root.querySelectorAll("table.reflow").forEach((table) => {
      const heads = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
      table.querySelectorAll("tbody tr").forEach((row) => {
        [...row.children].forEach((cell, i) => {
          if (!cell.hasAttribute("colspan") && heads[i]) cell.dataset.label = heads[i];
        });
      });
    });
  };
  labelCells(document);
  wrapTables(document);
  window.addEventListener("resize", () => wrapTables(document));
  document.body.addEventListener("htmx:afterSettle", () => {
    labelCells(document);
    wrapTables(document);
  });
  // Session expired during a POST: keep the typed input in this browser tab (sessionStorage, never on the
  // server) and put it back once the user has logged in again and is on the same page (issue 18).
  const PENDING = "almelo:pending-form";
  const RESTORE = "almelo:restore-form";
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (form.method !== "post" || form.hasAttribute("data-login-form") || form.querySelector("input[type=password]")) return;
    const fields = [];
    [...form.elements].forEach((el) => {
      if (!el.name || el.type === "hidden" || el.type === "file" || el.type === "submit") return;
      if ((el.type === "checkbox" || el.type === "radio") && !el.checked) return;
      fields.push([el.name, el.value]);
    });
    const index = [...document.querySelectorAll("main form")].indexOf(form);
    sessionStorage.setItem(PENDING, JSON.stringify({ path: location.pathname, index, fields }));
  }, true);
  const loginForm = document.querySelector("[data-restore-after-login]");
  if (loginForm) {
    const next = new URL(loginForm.dataset.restoreAfterLogin, location.origin).pathname;
    sessionStorage.setItem(RESTORE, next);
  } else if (!document.querySelector("[data-login-form]")) {
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || "null");
    const restoreFor = sessionStorage.getItem(RESTORE);
    sessionStorage.removeItem(PENDING);
    sessionStorage.removeItem(RESTORE);
    const form = pending && restoreFor === location.pathname && pending.path === location.pathname
      && document.querySelectorAll("main form")[pending.index];
    if (form) {
      pending.fields.forEach(([name, value]) => {
        form.querySelectorAll(`[name="${CSS.escape(name)}"]`).forEach((el) => {
          if (el.type === "checkbox" || el.type === "radio") el.checked = el.value === value;
          else el.value = value;
        });
      });
      const note = document.createElement("div");
      note.className = "utrecht-alert utrecht-alert--info message message-info";
      note.setAttribute("role", "status");
      note.id = "invoer-teruggezet";
      note.innerHTML = "<p>Uw invoer van voor het verlopen van de sessie is teruggezet. Controleer hem en verstuur opnieuw.</p>";
      form.parentNode.insertBefore(note, form);
    }
  }
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

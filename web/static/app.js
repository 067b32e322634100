// Small improvements only: every page works without this file.
"use strict";

// "Show my data" applies as soon as it is ticked; its Apply button is for pages without JS.
for (const form of document.querySelectorAll("form.reveal")) {
  const apply = form.querySelector('[data-js="hide"]');
  if (apply) apply.hidden = true;
  form.addEventListener("change", () => form.submit());
}

// Show this to staff: offer true full screen where the browser allows it.
const full = document.querySelector('[data-js="fullscreen"]');
if (full && document.documentElement.requestFullscreen) {
  full.hidden = false;
  full.addEventListener("click", () => document.documentElement.requestFullscreen());
}

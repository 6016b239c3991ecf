// Starts the app once the browser has painted the page the server rendered (a guide opened from
// a QR code), so a slow phone shows the guide before it spends time running the app's code.
// The server puts this in place of the app's entry script and names the entry in data-app-entry.
const entry = document.querySelector('script[data-app-entry]')?.dataset.appEntry
if (entry) requestAnimationFrame(() => setTimeout(() => import(entry), 0))

// Before first paint, so a dark-theme user never sees a white flash. A file of its own, not inline:
// the Content-Security-Policy allows scripts from this origin only.
try {
  var saved = localStorage.getItem('faultline.theme');
  var dark = saved ? saved === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
} catch {
  // Storage refused (private mode): the stylesheet's own default theme applies.
}

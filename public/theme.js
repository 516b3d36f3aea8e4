// Broadsheet's colour scheme: applies the reader's saved choice before the page paints (no flash of the
// wrong theme), then wires the header's toggle. Without JavaScript the page follows the system setting.
(function () {
  var key = 'broadsheet-theme';
  var root = document.documentElement;
  var dark = window.matchMedia('(prefers-color-scheme: dark)');
  function saved() {
    try {
      return localStorage.getItem(key);
    } catch (error) {
      return null;
    }
  }
  function apply(theme) {
    if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
    else root.removeAttribute('data-theme');
  }
  function current() {
    return root.getAttribute('data-theme') || (dark.matches ? 'dark' : 'light');
  }
  apply(saved());
  // Shows the toggle from the first paint (CSS keys on this), so nothing moves when it is wired up.
  root.setAttribute('data-js', '');
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('[data-theme-toggle]');
    if (!button) return;
    var show = function () {
      button.setAttribute('aria-pressed', String(current() === 'dark'));
    };
    show();
    dark.addEventListener('change', show);
    button.addEventListener('click', function () {
      var next = current() === 'dark' ? 'light' : 'dark';
      apply(next);
      try {
        localStorage.setItem(key, next);
      } catch (error) {
        // Private browsing: the choice lasts for this page only.
      }
      show();
    });
  });
})();

/**
 * The page's only script, inlined: the rule table's text and status filters. It reads the table
 * it is given and nothing else; without it the page still shows every rule.
 */
export const SCRIPT = `
(() => {
  const text = document.getElementById('rule-filter');
  const status = document.getElementById('rule-status');
  const shown = document.getElementById('rule-shown');
  const rows = Array.from(document.querySelectorAll('#rules tbody tr'));
  const apply = () => {
    const words = text.value.toLowerCase().split(/\\s+/).filter(Boolean);
    const wanted = status.value;
    let n = 0;
    for (const row of rows) {
      const hay = row.textContent.toLowerCase();
      const statusOk = wanted === 'all' || row.dataset.status === wanted || (wanted === 'doc-gap' && row.dataset.gap === '1');
      const visible = statusOk && words.every((w) => hay.includes(w));
      row.classList.toggle('hidden', !visible);
      if (visible) n++;
    }
    shown.textContent = n + ' of ' + rows.length + ' rules shown';
  };
  text.addEventListener('input', apply);
  status.addEventListener('change', apply);
  apply();
})();
`;

// The findings panel: the report's first page in sentences (/api/findings, computed by the
// server from the served project's whole study, the same library function as
// `cohesion findings` and the report), each with a link that switches the map to the view
// behind it. Kept apart from main.js, which only calls showFindings when the town changes.

// Which dashboard view shows what each finding is about (the API's `topic`).
const VIEW_OF_TOPIC = {
  ranking: { view: "share", label: "map this group" },
  all_groups: { view: "local_segregation", label: "map segregation by area" },
  enclaves: { view: "enclaves", label: "map the enclaves" },
  change: { view: "change", label: "map the pace of change" },
  english: { view: "esol", label: "map where classes are needed" },
  hubs: { view: "hubs", label: "map the hubs" },
  licensing: { view: "licensing", label: "map the candidate zones" },
};

const escapeHtml = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

let shown = 0;  // the latest request wins when the town changes while one is computing

// Fills `panel` (a <section> with an <ol>) with the findings of `dataset`; a click on a
// finding's link calls select(view, group). `available(view)` says whether the town has
// the view (e.g. no change view without a [change] section).
export async function showFindings(panel, dataset, { api, select, available }) {
  const request = ++shown;
  const list = panel.querySelector("ol");
  const note = panel.querySelector(".findings-note");
  if (!dataset.findings) {
    panel.hidden = true;
    return null;
  }
  panel.hidden = false;
  list.innerHTML = "";
  note.textContent = "Working out the findings (the first time takes a few seconds)…";
  let body;
  try {
    body = await api(`/api/findings?dataset=${encodeURIComponent(dataset.name)}`);
  } catch (e) {
    if (request === shown) note.textContent = `The findings could not be computed: ${e.message}`;
    return null;
  }
  if (request !== shown) return null;
  const rows = body.rows ?? [];
  note.textContent = "From the whole study, as on the report's first page. The links show the map behind each.";
  list.innerHTML = rows.map((r, k) => {
    const target = VIEW_OF_TOPIC[r.topic];
    const link = target && available(target.view)
      ? ` <a href="#" class="finding-link" data-finding="${k}">${escapeHtml(target.label)}</a>` : "";
    return `<li data-topic="${escapeHtml(r.topic)}"><b>${escapeHtml(r.heading)}</b> ${escapeHtml(r.text)}${link}</li>`;
  }).join("");
  for (const a of list.querySelectorAll("a.finding-link")) {
    a.addEventListener("click", (e) => {
      e.preventDefault();
      const r = rows[Number(a.dataset.finding)];
      select(VIEW_OF_TOPIC[r.topic].view, r.group_name || null);
    });
  }
  return rows;
}

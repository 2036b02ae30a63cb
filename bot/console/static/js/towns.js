// The towns the logged-in staff member may read (GET /api/v1/towns), fetched
// once per login: county staff get every town of the deployment, town staff
// their own. The town selector and per-town tables show only for county staff
// of a deployment with more than one town.

import * as api from "./api.js";
import { ROLE, session } from "./ui.js";

let cache = { who: null, list: null };

export async function towns() {
  const who = session.me ? session.me.id : null;
  if (cache.who !== who || !cache.list) {
    let list = [];
    try {
      list = (await api.get("towns")).items;
    } catch (err) {
      list = [];
    }
    cache = { who, list };
  }
  return cache.list;
}

/** The towns to offer a choice of, or [] when there is nothing to choose. */
export async function countyTowns() {
  if (!ROLE.isCounty()) return [];
  const list = await towns();
  return list.length > 1 ? list : [];
}
